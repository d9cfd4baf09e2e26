// The walk side of History: the first-parent commits from a revision, what each changed (tree entries
// compared, no file read), the plans of a window of commits, and the public entry points (log, replay,
// commit_at, merge_base). history_replay.cpp builds the states of each commit.

#include "history/history.h"
#include "history/history_impl.h"

#include "cache/check_cache.h"
#include "history/replayed.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace pops {

namespace {

/// Commits whose blobs are parsed together, in parallel, before they are compared.
constexpr size_t k_window = 128;

CommitRef commit_ref(const git_commit* c)
{
  CommitRef r;
  r.id = oid_str(*git_commit_id(c));
  r.short_id = r.id.substr(0, 7);
  const char* summary = git_commit_summary(const_cast<git_commit*>(c));
  r.summary = summary ? summary : "";
  const git_signature* a = git_commit_author(c);
  r.author = a->name ? a->name : "";
  r.author_email = a->email ? a->email : "";
  r.author_time = a->when.time;
  r.author_tz = a->when.offset;
  r.commit_time = git_commit_time(c);
  r.commit_tz = git_commit_time_offset(c);
  return r;
}

/// The files that differ between trees `a` and `b` (either may be null: empty), under `dir`. Sub-trees
/// with the same id on both sides are skipped without being read. Only pops files (classify) count.
void diff_trees(git_repository* repo, const git_tree* a, const git_tree* b, const std::string& dir,
                std::vector<FileAt>& old_files, std::vector<FileAt>& new_files)
{
  auto lookup_tree = [&](const git_tree_entry* e) {
    git_tree* t = nullptr;
    if (e && git_tree_entry_type(e) == GIT_OBJECT_TREE) {
      check_git(git_tree_lookup(&t, repo, git_tree_entry_id(e)), "cannot read a tree");
    }
    return TreePtr(t);
  };
  auto is_blob = [](const git_tree_entry* e) {
    return e && git_tree_entry_type(e) == GIT_OBJECT_BLOB && git_tree_entry_filemode(e) != GIT_FILEMODE_COMMIT;
  };
  auto visit = [&](const git_tree_entry* ea, const git_tree_entry* eb) {
    if (ea && eb && git_oid_equal(git_tree_entry_id(ea), git_tree_entry_id(eb))
        && git_tree_entry_type(ea) == git_tree_entry_type(eb)) {
      return;
    }
    const std::string name = git_tree_entry_name(ea ? ea : eb);
    TreePtr ta = lookup_tree(ea);
    TreePtr tb = lookup_tree(eb);
    if (ta || tb) {
      diff_trees(repo, ta.get(), tb.get(), dir + name + "/", old_files, new_files);
    }
    const std::string path = dir + name;
    if (classify(path) == FileKind::none || classify(path) == FileKind::doc_index) {
      return;
    }
    if (is_blob(ea)) {
      old_files.push_back({path, *git_tree_entry_id(ea)});
    }
    if (is_blob(eb)) {
      new_files.push_back({path, *git_tree_entry_id(eb)});
    }
  };
  const size_t na = a ? git_tree_entrycount(a) : 0;
  const size_t nb = b ? git_tree_entrycount(b) : 0;
  for (size_t i = 0; i < na; ++i) {
    const git_tree_entry* ea = git_tree_entry_byindex(a, i);
    visit(ea, b ? git_tree_entry_byname(b, git_tree_entry_name(ea)) : nullptr);
  }
  for (size_t i = 0; i < nb; ++i) {
    const git_tree_entry* eb = git_tree_entry_byindex(b, i);
    if (!a || !git_tree_entry_byname(a, git_tree_entry_name(eb))) {
      visit(nullptr, eb);
    }
  }
}

bool keep(const Change& c, const HistoryFilter& f)
{
  auto in = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  if (c.entity == "initiative") {
    // Part of the roadmap, as items are: shown unless the log asks for squads or other ids.
    return f.squads.empty() && (f.ids.empty() || in(f.ids, c.id));
  }
  if (c.entity != "item") {
    if (f.items_only) {
      return false;
    }
    if (f.ids.empty()) {
      return f.squads.empty();
    }
    return std::any_of(c.links.begin(), c.links.end(), [&](const std::string& id) { return in(f.ids, id); });
  }
  const bool id_move = c.kind == Change::Kind::moved && c.field == "id";
  if (!f.ids.empty() && !in(f.ids, c.id) && !(id_move && in(f.ids, c.old_value))) {
    return false;
  }
  if (!f.squads.empty() && !in(f.squads, c.squad)
      && !(c.kind == Change::Kind::moved && c.field == "squad" && in(f.squads, c.old_value))
      && !(id_move && in(f.squads, c.old_squad))) {
    return false;
  }
  return true;
}

}  // namespace

Date commit_date(const CommitRef& c)
{
  const long long local = c.commit_time + static_cast<long long>(c.commit_tz) * 60;
  long long days = local / 86400;
  if (local % 86400 < 0) {
    --days;
  }
  return Date{static_cast<int>(days)};
}

TreePtr History::Impl::workspace_tree(const git_commit* commit)
{
  git_tree* tree = nullptr;
  check_git(git_commit_tree(&tree, commit), "cannot read a commit's tree");
  TreePtr t(tree);
  if (prefix.empty()) {
    return t;
  }
  git_tree_entry* e = nullptr;
  if (git_tree_entry_bypath(&e, t.get(), prefix.substr(0, prefix.size() - 1).c_str()) < 0) {
    return TreePtr();
  }
  TreeEntryPtr entry(e);
  if (git_tree_entry_type(e) != GIT_OBJECT_TREE) {
    return TreePtr();
  }
  git_tree* sub = nullptr;
  check_git(git_tree_lookup(&sub, raw(), git_tree_entry_id(e)), "cannot read a tree");
  return TreePtr(sub);
}

std::optional<git_oid> History::Impl::config_of(const git_tree* t)
{
  const git_tree_entry* e = t ? git_tree_entry_byname(t, "pops.yaml") : nullptr;
  if (e && git_tree_entry_type(e) == GIT_OBJECT_BLOB) {
    return *git_tree_entry_id(e);
  }
  return std::nullopt;
}

bool History::Impl::may_hold(std::string_view text)
{
  if (text.find('\\') != std::string_view::npos) {
    return true;
  }
  auto token_at = [&text](size_t at, size_t n) {
    auto id_char = [](char ch) {
      return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
    };
    return (at == 0 || !id_char(text[at - 1])) && (at + n == text.size() || !id_char(text[at + n]));
  };
  bool found = false;
  for (size_t k = 0; k < follow.size() && !found; ++k) {
    const std::string& id = follow[k];
    for (size_t at = text.find(id); at != std::string_view::npos; at = text.find(id, at + 1)) {
      if (token_at(at, id.size())) {
        found = true;
        break;
      }
    }
  }
  if (!found) {
    return false;
  }
  static constexpr std::string_view k_key = "moved_from";
  for (size_t at = text.find(k_key); at != std::string_view::npos; at = text.find(k_key, at + 1)) {
    size_t v = at + k_key.size();
    while (v < text.size()
           && (text[v] == ' ' || text[v] == ':' || text[v] == '"' || text[v] == '\'' || text[v] == '\t')) {
      ++v;
    }
    size_t e = v;
    while (e < text.size()
           && ((text[e] >= 'A' && text[e] <= 'Z') || (text[e] >= '0' && text[e] <= '9') || text[e] == '-')) {
      ++e;
    }
    const std::string old(text.substr(v, e - v));
    if (!old.empty() && std::find(follow.begin(), follow.end(), old) == follow.end()) {
      follow.push_back(old);
    }
  }
  return true;
}

void History::Impl::prune(Plan& p)
{
  if (p.cfg_before.has_value() != p.cfg_after.has_value()
      || (p.cfg_before && !git_oid_equal(&*p.cfg_before, &*p.cfg_after))) {
    return;  // pops.yaml changed: it may change a followed initiative, and every file is read against it
  }
  auto holds = [this](const FileAt& f) {
    git_blob* b = nullptr;
    if (git_blob_lookup(&b, raw(), &f.blob) < 0) {
      return true;  // read (and reported) as usual
    }
    BlobPtr owner(b);
    return may_hold(
      std::string_view(static_cast<const char*>(git_blob_rawcontent(b)), static_cast<size_t>(git_blob_rawsize(b))));
  };
  // A file is kept when either side holds a followed id: both sides are then read. A file may name
  // an id others were moved from (the other side of a move in this commit): until no new id is
  // followed, every file is looked at again.
  std::unordered_set<std::string> keep;
  std::vector<char> keep_pair(p.pairs.size(), 0);
  for (size_t followed = 0; followed != follow.size();) {
    followed = follow.size();
    for (const auto* side : {&p.old_files, &p.new_files}) {
      for (const auto& f : *side) {
        if (!keep.count(f.path) && holds(f)) {
          keep.insert(f.path);
        }
      }
    }
    for (size_t k = 0; k < p.pairs.size(); ++k) {
      if (!keep_pair[k] && (holds(p.pairs[k].first) || holds(p.pairs[k].second))) {
        keep_pair[k] = 1;
      }
    }
  }
  const size_t before = p.old_files.size() + p.new_files.size() + p.pairs.size();
  std::erase_if(p.old_files, [&](const FileAt& f) { return !keep.count(f.path); });
  std::erase_if(p.new_files, [&](const FileAt& f) { return !keep.count(f.path); });
  std::vector<std::pair<FileAt, FileAt>> pairs;
  for (size_t k = 0; k < p.pairs.size(); ++k) {
    if (keep_pair[k]) {
      pairs.push_back(std::move(p.pairs[k]));
    }
  }
  p.pairs = std::move(pairs);
  p.pruned = p.old_files.size() + p.new_files.size() + p.pairs.size() < before;
}

void History::Impl::follow_moves(const HistoryCache::Record& r)
{
  for (const auto& ch : r.changes) {
    if (ch.entity == "item" && ch.kind == Change::Kind::moved && ch.field == "id"
        && std::find(follow.begin(), follow.end(), ch.id) != follow.end()
        && std::find(follow.begin(), follow.end(), ch.old_value) == follow.end()) {
      follow.push_back(ch.old_value);
    }
  }
}

void History::Impl::plan(const git_commit* commit, Plan& p, bool as_root)
{
  TreePtr after = workspace_tree(commit);
  TreePtr before;
  if (!as_root && git_commit_parentcount(commit) > 0) {
    git_commit* parent_raw = nullptr;
    check_git(git_commit_parent(&parent_raw, commit, 0), "cannot read a parent commit");
    CommitPtr parent(parent_raw);
    before = workspace_tree(parent.get());
  }
  if (before && after && git_oid_equal(git_tree_id(before.get()), git_tree_id(after.get()))) {
    return;
  }
  p.cfg_before = config_of(before.get());
  p.cfg_after = config_of(after.get());
  const bool config_changed = p.cfg_before.has_value() != p.cfg_after.has_value()
                              || (p.cfg_before && !git_oid_equal(&*p.cfg_before, &*p.cfg_after));
  if (config_changed) {
    // Every file is read against pops.yaml (custom fields): compare them all.
    diff_trees(raw(), before.get(), nullptr, "", p.old_files, p.new_files);
    diff_trees(raw(), nullptr, after.get(), "", p.old_files, p.new_files);
  } else {
    diff_trees(raw(), before.get(), after.get(), "", p.old_files, p.new_files);
  }
  auto is_config = [](const FileAt& f) { return classify(f.path) == FileKind::config; };
  std::erase_if(p.old_files, is_config);
  std::erase_if(p.new_files, is_config);
  if (!config_changed && !whole_files) {
    for (const auto& n : p.new_files) {
      const FileKind kind = classify(n.path);
      if (kind != FileKind::roadmap && kind != FileKind::feedback) {
        continue;
      }
      auto o = std::find_if(p.old_files.begin(), p.old_files.end(), [&](const FileAt& f) { return f.path == n.path; });
      if (o != p.old_files.end()) {
        p.pairs.emplace_back(*o, n);
      }
    }
    auto paired = [&](const FileAt& f) {
      return std::any_of(p.pairs.begin(), p.pairs.end(), [&](const auto& pr) { return pr.first.path == f.path; });
    };
    std::erase_if(p.old_files, paired);
    std::erase_if(p.new_files, paired);
  }
}

CommitPtr History::Impl::start(const std::string& rev)
{
  git_object* obj = nullptr;
  if (git_revparse_single(&obj, raw(), (rev + "^{commit}").c_str()) < 0) {
    throw std::runtime_error(fmt::format("unknown revision '{}'", rev));
  }
  return CommitPtr(reinterpret_cast<git_commit*>(obj));
}

CommitPtr History::Impl::next(const git_commit* c)
{
  if (boundary(c) || git_commit_parentcount(c) == 0) {
    return CommitPtr();
  }
  git_commit* parent = nullptr;
  check_git(git_commit_parent(&parent, c, 0), "cannot read a parent commit");
  return CommitPtr(parent);
}

History::History(Repository& repo, std::string root, std::string prefix)
  : m_impl(std::make_unique<Impl>(repo, std::move(root), std::move(prefix)))
{
}

History::~History() = default;

std::vector<HistoryEntry> History::log(const std::string& rev, const HistoryFilter& filter)
{
  std::vector<HistoryEntry> out;
  // An item moved under a new id continues the old one: from its move back, the old id is followed too.
  HistoryFilter f = filter;
  struct Follow {
    std::vector<std::string>& ids;
    Follow(std::vector<std::string>& v, const std::vector<std::string>& want) : ids(v) { ids = want; }
    ~Follow() { ids.clear(); }
  } follow(m_impl->follow, filter.ids);
  m_impl->run(rev, filter.since, filter.until, filter.stop_at, false, false, {},
              [&](const Plan& p, Workspace& from, Workspace& to, std::vector<Change>* changes) {
                HistoryEntry e;
                e.commit = p.commit;
                e.date = format_date(p.day);
                std::vector<Change> all = changes ? std::move(*changes) : diff_workspaces(from, to);
                if (!f.ids.empty()) {
                  for (const auto& ch : all) {
                    if (ch.entity == "item" && ch.kind == Change::Kind::moved && ch.field == "id"
                        && std::find(f.ids.begin(), f.ids.end(), ch.id) != f.ids.end()
                        && std::find(f.ids.begin(), f.ids.end(), ch.old_value) == f.ids.end()) {
                      f.ids.push_back(ch.old_value);
                    }
                  }
                }
                for (auto& ch : all) {
                  if (keep(ch, f)) {
                    e.changes.push_back(std::move(ch));
                  }
                }
                if (!e.changes.empty()) {
                  out.push_back(std::move(e));
                }
              });
  return out;
}

void History::replay(const std::string& rev, const std::function<void(const HistoryStep&)>& visit,
                     const std::function<void(size_t, size_t)>& progress, bool whole_files)
{
  struct WholeFiles {
    bool& flag;
    WholeFiles(bool& f, bool on) : flag(f) { flag = on; }
    ~WholeFiles() { flag = false; }
  } whole(m_impl->whole_files, whole_files);
  m_impl->run(rev, std::nullopt, std::nullopt, "", true, true, progress,
              [&](const Plan& p, Workspace& from, Workspace& to, std::vector<Change>*) {
                if (!p.cached) {
                  drop_unchanged(from.items, to.items, p.tail_from_items, p.tail_to_items);
                  drop_unchanged(from.feedback, to.feedback, p.tail_from_feedback, p.tail_to_feedback);
                  replayed_fields(from.items, from.feedback, from.docs);
                  replayed_fields(to.items, to.feedback, to.docs);
                }
                HistoryStep step{p.commit, {}, {}, {}, std::move(from), std::move(to), p.as_root};
                if (p.cached) {
                  for (const auto& f : p.cached->old_files) {
                    step.old_files.push_back(f.path);
                  }
                  for (const auto& f : p.cached->new_files) {
                    step.new_files.push_back(f.path);
                  }
                  step.in_place = p.cached->in_place;
                } else {
                  for (const auto& f : p.old_files) {
                    step.old_files.push_back(f.path);
                  }
                  for (const auto& f : p.new_files) {
                    step.new_files.push_back(f.path);
                  }
                  for (const auto& [before, after] : p.pairs) {
                    step.in_place.push_back(after.path);
                  }
                }
                visit(step);
              });
}

void History::Impl::run(const std::string& rev, std::optional<Date> since, std::optional<Date> until,
                        const std::string& stop_at, bool oldest_first, bool states,
                        const std::function<void(size_t, size_t)>& progress,
                        const std::function<void(const Plan&, Workspace&, Workspace&, std::vector<Change>*)>& visit)
{
  if (rev == "HEAD" && !repo.has_commits()) {
    return;
  }
  Impl& m = *this;
  m.read_blobs.clear();
  HistoryCache* store = m.whole_files ? nullptr : m.cache.get();
  // 1. Plan: the commits in the date range and the files each one changed (tree entries only), or
  // what the cache holds of them.
  std::vector<Plan> plans;
  m.truncated = false;
  m.oldest.reset();
  for (CommitPtr commit = m.start(rev), up; commit; commit = std::move(up)) {
    const git_commit* c = commit.get();
    if (!stop_at.empty() && oid_str(*git_commit_id(c)) == stop_at) {
      break;
    }
    up = m.next(c);
    Plan p;
    p.commit = commit_ref(c);
    p.day = commit_date(p.commit);
    if (m.boundary(c)) {
      // A shallow clone's oldest commit: what it changed is unknown. A log whose window starts after
      // its day does not need it; a replay whose window does starts from its state.
      m.truncated = true;
      m.oldest = p.day;
      if (since && p.day < *since) {
        break;
      }
      if (!states || !m.window || !(p.day < *m.window)) {
        throw ShallowHistory(m.repo.shallow_depth());
      }
      m.plan(c, p, true);
      p.as_root = true;
      if (!p.empty()) {
        plans.push_back(std::move(p));
      }
      break;
    }
    if ((since && p.day < *since) || (until && p.day > *until)) {
      continue;
    }
    if (store) {
      const HistoryCache::Record* r = store->find(p.commit.id);
      if (r && (states || r->empty || r->has_changes)) {
        ++m.cache_hits;
        if (!m.follow.empty() && !states) {
          m.follow_moves(*r);
        }
        if (!r->empty) {
          p.cached = r;
          plans.push_back(std::move(p));
        }
        continue;
      }
    }
    m.plan(c, p);
    if (!m.follow.empty() && !states) {
      m.prune(p);
    }
    if (!p.empty()) {
      plans.push_back(std::move(p));
    } else if (store && !p.pruned) {
      HistoryCache::Record none;
      none.empty = true;
      store->add(p.commit.id, std::move(none));
    }
  }
  if (oldest_first) {
    std::reverse(plans.begin(), plans.end());
  }
  // The last plan that needs each parse and each per-file model: they are dropped after it, so
  // memory follows the files alive at a point of the walk, not the whole history.
  std::unordered_map<std::string, size_t> last_parse;
  std::unordered_map<std::string, size_t> last_fragment;
  for (size_t i = 0; i < plans.size(); ++i) {
    Impl::each_blob(plans[i], [&](const git_oid& blob, FileKind kind) { last_parse[parse_key(blob, kind)] = i; });
    for (const auto& f : plans[i].old_files) {
      last_fragment[fragment_key(plans[i].cfg_before, f)] = i;
    }
    for (const auto& f : plans[i].new_files) {
      last_fragment[fragment_key(plans[i].cfg_after, f)] = i;
    }
  }
  // 2. Parse a window of commits' blobs in parallel, then diff its commits one by one.
  for (size_t start = 0; start < plans.size(); start += k_window) {
    const size_t end = std::min(plans.size(), start + k_window);
    m.parse_all(plans, start, end);
    m.lay_out_all(plans, start, end);
    for (size_t i = start; i < end; ++i) {
      {
        Workspace from;
        Workspace to;
        std::vector<Change> changes;
        bool known = false;  // `changes` holds the commit's changes (else the visitor diffs the states)
        if (plans[i].cached) {
          if (states) {
            m.cached_states(*plans[i].cached, from, to);
          }
          if (!states) {
            changes = plans[i].cached->changes;
            known = true;
          }
        } else if (store && !plans[i].as_root && !plans[i].pruned) {
          HistoryCache::Record record;
          m.states_of(plans[i], from, to, &record);
          if (!states) {
            // A log: the changes are what it shows. A replay does not need them.
            changes = diff_workspaces(from, to);
            known = true;
            record.has_changes = true;
            record.changes = changes;
          }
          store->add(plans[i].commit.id, std::move(record));
        } else {
          m.states_of(plans[i], from, to, nullptr);
        }
        visit(plans[i], from, to, known ? &changes : nullptr);
      }
      if (progress) {
        progress(i + 1, plans.size());
      }
      Impl::each_blob(plans[i], [&](const git_oid& blob, FileKind kind) {
        const std::string key = parse_key(blob, kind);
        if (last_parse[key] == i) {
          m.parsed.erase(key);
        }
      });
      for (const auto& [cfg, files] : {std::pair{&plans[i].cfg_before, &plans[i].old_files},
                                       std::pair{&plans[i].cfg_after, &plans[i].new_files}}) {
        for (const auto& f : *files) {
          const std::string key = fragment_key(*cfg, f);
          if (last_fragment[key] == i) {
            m.fragments.erase(key);
          }
        }
      }
    }
  }
  if (store) {
    store->save();
  }
}

void History::use_cache(const std::string& dir)
{
  if (dir.empty()) {
    m_impl->cache.reset();
    return;
  }
  m_impl->cache = std::make_unique<HistoryCache>(dir, m_impl->root, m_impl->prefix, pops_build_id());
}

std::size_t History::cached_commits() const
{
  return m_impl->cache_hits;
}

std::optional<CommitRef> History::commit_at(const std::string& rev, Date date)
{
  if (rev == "HEAD" && !m_impl->repo.has_commits()) {
    return std::nullopt;
  }
  for (CommitPtr c = m_impl->start(rev); c; c = m_impl->next(c.get())) {
    CommitRef r = commit_ref(c.get());
    if (commit_date(r) <= date) {
      return r;
    }
    if (m_impl->boundary(c.get())) {
      throw ShallowHistory(m_impl->repo.shallow_depth());
    }
  }
  return std::nullopt;
}

void History::shallow_window(std::optional<Date> since)
{
  m_impl->window = since;
}

bool History::truncated() const
{
  return m_impl->truncated;
}

std::optional<Date> History::oldest_day() const
{
  return m_impl->oldest;
}

std::size_t History::parsed_blobs() const
{
  return m_impl->parses;
}

std::size_t History::built_files() const
{
  return m_impl->built;
}

std::string merge_base(Repository& repo, const std::string& a, const std::string& b)
{
  const CommitRef ca = repo.commit(a);
  const CommitRef cb = repo.commit(b);
  git_oid oa;
  git_oid ob;
  git_oid base;
  check_git(git_oid_fromstr(&oa, ca.id.c_str()), "bad commit id");
  check_git(git_oid_fromstr(&ob, cb.id.c_str()), "bad commit id");
  if (git_merge_base(&base, repo.raw(), &oa, &ob) < 0) {
    if (repo.is_shallow()) {
      throw ShallowHistory(repo.shallow_depth());
    }
    throw std::runtime_error(fmt::format("'{}' and '{}' have no common ancestor", a, b));
  }
  return oid_str(base);
}

}  // namespace pops
