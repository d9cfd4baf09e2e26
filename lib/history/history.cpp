#include "history/history.h"

#include "cache/check_cache.h"
#include "yaml/chunked.h"
#include "cache/history_cache.h"
#include "base/parallel.h"
#include "history/replayed.h"

#include "git/git_util.h"

#include <git2.h>

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

template <class T, void (*F)(T*)> struct Free {
  void operator()(T* p) const { F(p); }
};
using TreePtr = std::unique_ptr<git_tree, Free<git_tree, git_tree_free>>;
using CommitPtr = std::unique_ptr<git_commit, Free<git_commit, git_commit_free>>;
using BlobPtr = std::unique_ptr<git_blob, Free<git_blob, git_blob_free>>;
using EntryPtr = std::unique_ptr<git_tree_entry, Free<git_tree_entry, git_tree_entry_free>>;

std::string git_message()
{
  const git_error* e = git_error_last();
  return e && e->message ? e->message : "unknown error";
}

void check(int rc, std::string_view what)
{
  if (rc < 0) {
    throw std::runtime_error(fmt::format("{}: {}", what, git_message()));
  }
}

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

/// A pops file of one side of a commit: its path in the workspace and its blob.
struct FileAt {
  std::string path;
  git_oid blob;
};

/// The files that differ between trees `a` and `b` (either may be null: empty), under `dir`. Sub-trees
/// with the same id on both sides are skipped without being read. Only pops files (classify) count.
void diff_trees(git_repository* repo, const git_tree* a, const git_tree* b, const std::string& dir,
                std::vector<FileAt>& old_files, std::vector<FileAt>& new_files)
{
  auto lookup_tree = [&](const git_tree_entry* e) {
    git_tree* t = nullptr;
    if (e && git_tree_entry_type(e) == GIT_OBJECT_TREE) {
      check(git_tree_lookup(&t, repo, git_tree_entry_id(e)), "cannot read a tree");
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

bool is_markdown(FileKind k)
{
  return k == FileKind::doc || k == FileKind::ritual;
}

/// The model read from one file (against one pops.yaml).
using Fragment = HistoryFragment;

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

} // namespace

Date commit_date(const CommitRef& c)
{
  const long long local = c.commit_time + static_cast<long long>(c.commit_tz) * 60;
  long long days = local / 86400;
  if (local % 86400 < 0) {
    --days;
  }
  return Date{static_cast<int>(days)};
}

/// What one commit needs: the files on each side that differ, read against each side's pops.yaml.
struct Plan {
  CommitRef commit;
  Date day;
  std::optional<git_oid> cfg_before, cfg_after;
  std::vector<FileAt> old_files, new_files;  ///< pops.yaml left out
  /// Roadmap and feedback files changed in place (same path, same pops.yaml): diffed element by
  /// element, not in old_files and new_files.
  std::vector<std::pair<FileAt, FileAt>> pairs;
  /// What the cache holds of this commit: then nothing above is planned, nothing read.
  const HistoryCache::Record* cached = nullptr;
  /// A shallow clone's boundary commit read as a root commit: kept out of the cache.
  bool as_root = false;
  /// Files left out because they cannot hold an item a log follows (History::log with ids): the
  /// commit's changes are not all known, so it is kept out of the cache.
  bool pruned = false;
  /// Where the elements of the files changed in place start in the states (states_of).
  mutable size_t tail_from_items = 0, tail_from_feedback = 0, tail_to_items = 0, tail_to_feedback = 0;
  bool empty() const { return old_files.empty() && new_files.empty() && pairs.empty(); }
};

std::string parse_key(const git_oid& blob, FileKind kind)
{
  return oid_str(blob) + (is_markdown(kind) ? ":md" : ":yaml");
}

std::string fragment_key(const std::optional<git_oid>& config, const FileAt& file)
{
  return (config ? oid_str(*config) : std::string("-")) + " " + oid_str(file.blob) + " " + file.path;
}

struct History::Impl {
  Repository& repo;
  std::string root;
  std::string prefix;
  /// Parses and per-file models of the walk under way, dropped after their last use in it.
  std::unordered_map<std::string, std::shared_ptr<const ParsedFile>> parsed;
  std::unordered_map<std::string, std::shared_ptr<const Fragment>> fragments;
  /// Parses of list elements (items, feedback entries): a new version of a file re-parses only
  /// the elements whose text changed.
  ChunkCache chunks;
  /// The blobs read: parsed whole, or split into elements parsed at most once each (`chunks`).
  std::unordered_set<std::string> read_blobs;  ///< in the walk under way
  size_t parses = 0;                          ///< over all walks
  /// replay() rebuilds states from the models of whole files; log() needs only what can differ.
  bool whole_files = false;
  void count_read(std::string oid)
  {
    if (read_blobs.insert(std::move(oid)).second) {
      ++parses;
    }
  }
  size_t built = 0;
  /// What earlier runs walked, when the cache is on.
  std::unique_ptr<HistoryCache> cache;
  size_t cache_hits = 0;  ///< commits read back from it, over all walks

  Impl(Repository& r, std::string root_, std::string prefix_)
    : repo(r), root(std::move(root_)), prefix(std::move(prefix_)), shallow(r.shallow_commits())
  {
  }

  git_repository* raw() { return repo.raw(); }

  /// Each version of pops.yaml read once (files are read against it); its blob is parsed already.
  std::unordered_map<std::string, std::shared_ptr<const Config>> configs;
  const Config& config_of(const std::optional<git_oid>& blob)
  {
    static const Config k_none;
    if (!blob) {
      return k_none;
    }
    const std::string key = oid_str(*blob);
    if (auto it = configs.find(key); it != configs.end()) {
      return *it->second;
    }
    auto cfg = std::make_shared<const Config>(pops::config_of(*parsed.at(parse_key(*blob, FileKind::config))));
    return *configs.emplace(key, std::move(cfg)).first->second;
  }

  /// The model of `file` read against the pops.yaml blob `config` (none: no pops.yaml). Its blobs
  /// are parsed already.
  std::shared_ptr<const Fragment> fragment(const std::optional<git_oid>& config, const FileAt& file)
  {
    const std::string key = fragment_key(config, file);
    if (auto it = fragments.find(key); it != fragments.end()) {
      return it->second;
    }
    std::vector<ParsedSource> sources;
    sources.push_back({file.path, parsed.at(parse_key(file.blob, classify(file.path)))});
    Workspace ws = build_workspace(root, config_of(config), sources);
    ++built;
    auto f = std::make_shared<Fragment>();
    f->items = std::move(ws.items);
    f->feedback = std::move(ws.feedback);
    f->docs = std::move(ws.docs);
    fragments.emplace(key, f);
    return f;
  }

  /// The workspace's folder in `commit`'s tree, or null when the commit does not have it.
  TreePtr workspace_tree(const git_commit* commit)
  {
    git_tree* tree = nullptr;
    check(git_commit_tree(&tree, commit), "cannot read a commit's tree");
    TreePtr t(tree);
    if (prefix.empty()) {
      return t;
    }
    git_tree_entry* e = nullptr;
    if (git_tree_entry_bypath(&e, t.get(), prefix.substr(0, prefix.size() - 1).c_str()) < 0) {
      return TreePtr();
    }
    EntryPtr entry(e);
    if (git_tree_entry_type(e) != GIT_OBJECT_TREE) {
      return TreePtr();
    }
    git_tree* sub = nullptr;
    check(git_tree_lookup(&sub, raw(), git_tree_entry_id(e)), "cannot read a tree");
    return TreePtr(sub);
  }

  static std::optional<git_oid> config_of(const git_tree* t)
  {
    const git_tree_entry* e = t ? git_tree_entry_byname(t, "pops.yaml") : nullptr;
    if (e && git_tree_entry_type(e) == GIT_OBJECT_BLOB) {
      return *git_tree_entry_id(e);
    }
    return std::nullopt;
  }

  /// Which files `commit` changed in the workspace, against its first parent: only tree entries are
  /// compared, no file is read.
  /// The items a log follows (History::log with ids), and the ids they were moved from as far as
  /// the walk has seen: files that hold none of them are left out of the plans. Empty: nothing left out.
  std::vector<std::string> follow;

  /// Whether `text` may hold one of `follow`: the id as a token, or a backslash (a double-quoted
  /// escape could spell an id), so that nothing is left out that could change one of them. The ids
  /// a kept file names after `moved_from` are followed from here on (older commits), over-approximating
  /// the moves the log finds.
  bool may_hold(std::string_view text)
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
      while (v < text.size() && (text[v] == ' ' || text[v] == ':' || text[v] == '"' || text[v] == '\'' || text[v] == '\t')) {
        ++v;
      }
      size_t e = v;
      while (e < text.size() && ((text[e] >= 'A' && text[e] <= 'Z') || (text[e] >= '0' && text[e] <= '9') || text[e] == '-')) {
        ++e;
      }
      const std::string old(text.substr(v, e - v));
      if (!old.empty() && std::find(follow.begin(), follow.end(), old) == follow.end()) {
        follow.push_back(old);
      }
    }
    return true;
  }

  /// Leaves out of `p` the files none of whose sides may hold a followed item (may_hold).
  void prune(Plan& p)
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
      return may_hold(std::string_view(static_cast<const char*>(git_blob_rawcontent(b)),
                                       static_cast<size_t>(git_blob_rawsize(b))));
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

  /// The ids a cached commit moved followed items from (its changes are known whole).
  void follow_moves(const HistoryCache::Record& r)
  {
    for (const auto& ch : r.changes) {
      if (ch.entity == "item" && ch.kind == Change::Kind::moved && ch.field == "id"
          && std::find(follow.begin(), follow.end(), ch.id) != follow.end()
          && std::find(follow.begin(), follow.end(), ch.old_value) == follow.end()) {
        follow.push_back(ch.old_value);
      }
    }
  }

  void plan(const git_commit* commit, Plan& p, bool as_root = false)
  {
    TreePtr after = workspace_tree(commit);
    TreePtr before;
    if (!as_root && git_commit_parentcount(commit) > 0) {
      git_commit* parent_raw = nullptr;
      check(git_commit_parent(&parent_raw, commit, 0), "cannot read a parent commit");
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

  /// The blobs (and their kinds) plan `p` reads.
  template <class F> static void each_blob(const Plan& p, F&& f)
  {
    if ((!p.old_files.empty() || !p.pairs.empty()) && p.cfg_before) {
      f(*p.cfg_before, FileKind::config);
    }
    if ((!p.new_files.empty() || !p.pairs.empty()) && p.cfg_after) {
      f(*p.cfg_after, FileKind::config);
    }
    for (const auto* side : {&p.old_files, &p.new_files}) {
      for (const auto& file : *side) {
        f(file.blob, classify(file.path));
      }
    }
  }

  /// Parses, on every core, the blobs `plans` need that are not parsed yet.
  void parse_all(const std::vector<Plan>& plans, size_t from, size_t to)
  {
    struct Job {
      std::string key;
      FileKind kind;
      std::string content;
      std::shared_ptr<const ParsedFile> result;
    };
    std::vector<Job> jobs;
    std::unordered_map<std::string, bool> queued;
    for (size_t i = from; i < to; ++i) {
      each_blob(plans[i], [&](const git_oid& blob, FileKind kind) {
        std::string key = parse_key(blob, kind);
        if (parsed.count(key) || !queued.emplace(key, true).second) {
          return;
        }
        git_blob* b = nullptr;
        check(git_blob_lookup(&b, raw(), &blob), "cannot read a file of the history");
        BlobPtr owner(b);
        jobs.push_back({std::move(key), kind,
                        std::string(static_cast<const char*>(git_blob_rawcontent(b)),
                                    static_cast<size_t>(git_blob_rawsize(b))),
                        nullptr});
      });
    }
    parallel_for(jobs.size(), [&](size_t k) {
      jobs[k].result = parse_file(std::move(jobs[k].content), jobs[k].kind, chunks);
    });
    for (auto& j : jobs) {
      count_read(j.key.substr(0, j.key.find(':')));
      parsed.emplace(std::move(j.key), std::move(j.result));
    }
  }

  /// A file's text and where its elements are. A walk meets each version of a file twice in a row
  /// (as the newer side of one commit, then the older side of its parent), so the versions of the
  /// commit before are kept.
  struct LaidOut {
    std::string text;
    std::optional<ChunkLayout> layout;
    bool laid = false;  ///< layout computed (it may be nullopt: an unusual layout)
  };
  std::unordered_map<std::string, LaidOut> laid_prev, laid_now;

  /// The files changed in place by a window of commits, laid out on every core ahead of the diffs.
  std::unordered_map<std::string, LaidOut> laid_pool;

  /// The shared leading and trailing elements of two versions of a file; nullopt when the layouts
  /// or headers differ (then both are read whole).
  static std::optional<std::pair<size_t, size_t>> common_ends(const LaidOut& old_side, const LaidOut& new_side)
  {
    const std::string& a = old_side.text;
    const std::string& b = new_side.text;
    const auto& la = old_side.layout;
    const auto& lb = new_side.layout;
    if (!la || !lb || std::string_view(a).substr(0, la->header_end) != std::string_view(b).substr(0, lb->header_end)) {
      return std::nullopt;
    }
    const size_t m = la->size();
    const size_t n = lb->size();
    size_t lead = 0;
    while (lead < m && lead < n && la->chunk(a, lead) == lb->chunk(b, lead)) {
      ++lead;
    }
    size_t trail = 0;
    while (trail < m - lead && trail < n - lead && la->chunk(a, m - 1 - trail) == lb->chunk(b, n - 1 - trail)) {
      ++trail;
    }
    return std::pair{lead, trail};
  }

  /// Reads the blobs of the files plans [from, to) changed in place (libgit2 on this thread), then
  /// lays them out and parses the elements that can differ on every core, so that the diffs that
  /// follow find them done.
  void lay_out_all(const std::vector<Plan>& plans, size_t from, size_t to)
  {
    std::unordered_set<std::string> needed;
    std::unordered_map<std::string, LaidOut> fresh;
    for (size_t i = from; i < to; ++i) {
      for (const auto& [before, after] : plans[i].pairs) {
        for (const FileAt* f : {&before, &after}) {
          std::string key = oid_str(f->blob);
          if (!needed.insert(key).second) {
            continue;
          }
          if (auto it = laid_pool.find(key); it != laid_pool.end()) {
            fresh.emplace(key, std::move(it->second));
            continue;
          }
          LaidOut l;
          l.text = blob_text(f->blob);
          count_read(key);
          fresh.emplace(key, std::move(l));
        }
      }
    }
    laid_pool = std::move(fresh);
    std::vector<std::pair<const FileAt*, const FileAt*>> pairs;
    for (size_t i = from; i < to; ++i) {
      for (const auto& [before, after] : plans[i].pairs) {
        pairs.emplace_back(&before, &after);
      }
    }
    // Each version from the other side of a pair when that one is laid out (the cost of the change),
    // else whole; in the walk's order, so a file's versions follow from one another.
    auto lay_out = [](LaidOut& target, const LaidOut* other) {
      target.layout = other && other->layout ? chunk_layout_from(other->text, *other->layout, target.text)
                                           : chunk_layout(target.text);
      target.laid = true;
    };
    for (const auto& [before, after] : pairs) {
      LaidOut& a = laid_pool.at(oid_str(before->blob));
      LaidOut& b = laid_pool.at(oid_str(after->blob));
      if (!a.laid && !b.laid) {
        lay_out(b, nullptr);
      }
      if (!a.laid) {
        lay_out(a, &b);
      } else if (!b.laid) {
        lay_out(b, &a);
      }
    }
    parallel_for(pairs.size(), [&](size_t k) {
      const auto& [before, after] = pairs[k];
      const LaidOut& a = laid_pool.at(oid_str(before->blob));
      const LaidOut& b = laid_pool.at(oid_str(after->blob));
      if (auto ends = common_ends(a, b)) {
        const auto [lead, trail] = *ends;
        if (parse_chunks(a.text, *a.layout, lead, a.layout->size() - trail, chunks)) {
          parse_chunks(b.text, *b.layout, lead, b.layout->size() - trail, chunks);
        }
      }
    });
  }

  const LaidOut& laid_out(const git_oid& id)
  {
    const std::string key = oid_str(id);
    if (auto it = laid_pool.find(key); it != laid_pool.end() && it->second.laid) {
      return it->second;
    }
    if (auto it = laid_now.find(key); it != laid_now.end()) {
      return it->second;
    }
    if (auto it = laid_prev.find(key); it != laid_prev.end()) {
      return laid_now.emplace(key, std::move(it->second)).first->second;
    }
    LaidOut l;
    l.text = blob_text(id);
    l.layout = chunk_layout(l.text);
    l.laid = true;
    count_read(key);
    return laid_now.emplace(key, std::move(l)).first->second;
  }

  std::string blob_text(const git_oid& id)
  {
    git_blob* b = nullptr;
    check(git_blob_lookup(&b, raw(), &id), "cannot read a file of the history");
    BlobPtr owner(b);
    return std::string(static_cast<const char*>(git_blob_rawcontent(b)), static_cast<size_t>(git_blob_rawsize(b)));
  }

  /// Adds to `from` and `to` the model of a roadmap or feedback file changed in place, as far as it
  /// can differ: the elements between the leading and trailing elements both versions share byte for
  /// byte (those are the same items either side, so they change nothing). Any unusual layout reads
  /// both versions whole.
  void changed_in_place(const Plan& p, const FileAt& before, const FileAt& after, Workspace& from, Workspace& to)
  {
    const FileKind kind = classify(after.path);
    const LaidOut& old_side = laid_out(before.blob);
    const LaidOut& new_side = laid_out(after.blob);
    const std::string& a = old_side.text;
    const std::string& b = new_side.text;
    const auto& la = old_side.layout;
    const auto& lb = new_side.layout;
    std::shared_ptr<const ParsedFile> pa, pb;
    if (auto ends = common_ends(old_side, new_side)) {
      const auto [lead, trail] = *ends;
      const size_t m = la->size();
      const size_t n = lb->size();
      auto da = parse_chunks(a, *la, lead, m - trail, chunks);
      auto db = da ? parse_chunks(b, *lb, lead, n - trail, chunks) : std::nullopt;
      if (da && db) {
        pa = parsed_from(std::move(*da), kind);
        pb = parsed_from(std::move(*db), kind);
      }
    }
    if (!pa) {
      pa = parse_file(a, kind, chunks);
      pb = parse_file(b, kind, chunks);
    }
    auto add = [&](Workspace& ws, const std::optional<git_oid>& cfg, const std::string& path,
                   std::shared_ptr<const ParsedFile> file) {
      std::vector<ParsedSource> sources;
      sources.push_back({path, std::move(file)});
      Workspace part = build_workspace(root, config_of(cfg), sources);
      ++built;
      std::move(part.items.begin(), part.items.end(), std::back_inserter(ws.items));
      std::move(part.feedback.begin(), part.feedback.end(), std::back_inserter(ws.feedback));
    };
    add(from, p.cfg_before, before.path, std::move(pa));
    add(to, p.cfg_after, after.path, std::move(pb));
  }

  /// The model of the files a planned commit changed, before and after it; of a file changed in
  /// place (Plan::pairs), only the part that can differ.
  void states_of(const Plan& p, Workspace& from, Workspace& to, HistoryCache::Record* record)
  {
    auto add = [&](Workspace& ws, const std::optional<git_oid>& cfg, const std::vector<FileAt>& files,
                   std::vector<HistoryCache::FileRef>* refs) {
      for (const auto& f : files) {
        auto frag = fragment(cfg, f);
        append(ws, *frag);
        if (refs) {
          if (frag->cache_id == 0) {
            frag->cache_id = cache->add_fragment(replayed(frag->items, frag->feedback, frag->docs));
          }
          refs->push_back({f.path, frag->cache_id});
        }
      }
    };
    add(from, p.cfg_before, p.old_files, record ? &record->old_files : nullptr);
    add(to, p.cfg_after, p.new_files, record ? &record->new_files : nullptr);
    if (p.cfg_before.has_value() != p.cfg_after.has_value()
        || (p.cfg_before && !git_oid_equal(&*p.cfg_before, &*p.cfg_after))) {
      // pops.yaml changed: the initiatives it holds are diffed too (diff_workspaces).
      from.config.initiatives = config_of(p.cfg_before).initiatives;
      to.config.initiatives = config_of(p.cfg_after).initiatives;
    }
    laid_prev = std::move(laid_now);
    laid_now.clear();
    const size_t from_items = from.items.size(), from_feedback = from.feedback.size();
    const size_t to_items = to.items.size(), to_feedback = to.feedback.size();
    p.tail_from_items = from_items;
    p.tail_from_feedback = from_feedback;
    p.tail_to_items = to_items;
    p.tail_to_feedback = to_feedback;
    for (const auto& [before, after] : p.pairs) {
      changed_in_place(p, before, after, from, to);
      if (record) {
        record->in_place.push_back(after.path);
      }
    }
    if (record) {
      auto tail = [](const auto& v, size_t from_pos) { return std::vector(v.begin() + static_cast<std::ptrdiff_t>(from_pos), v.end()); };
      auto items_before = tail(from.items, from_items);
      auto items_after = tail(to.items, to_items);
      auto feedback_before = tail(from.feedback, from_feedback);
      auto feedback_after = tail(to.feedback, to_feedback);
      drop_unchanged(items_before, items_after, 0, 0);
      drop_unchanged(feedback_before, feedback_after, 0, 0);
      record->in_before = cache->add_fragment(replayed(items_before, feedback_before, {}));
      record->in_after = cache->add_fragment(replayed(items_after, feedback_after, {}));
    }
  }

  static void append(Workspace& ws, const Fragment& frag)
  {
    ws.items.insert(ws.items.end(), frag.items.begin(), frag.items.end());
    ws.feedback.insert(ws.feedback.end(), frag.feedback.begin(), frag.feedback.end());
    ws.docs.insert(ws.docs.end(), frag.docs.begin(), frag.docs.end());
  }

  /// The states of a commit the cache holds, as states_of builds them with the fields a replay gives.
  void cached_states(const HistoryCache::Record& r, Workspace& from, Workspace& to)
  {
    for (const auto& f : r.old_files) {
      append(from, *cache->fragment(f.fragment));
    }
    for (const auto& f : r.new_files) {
      append(to, *cache->fragment(f.fragment));
    }
    append(from, *cache->fragment(r.in_before));
    append(to, *cache->fragment(r.in_after));
  }

  /// Walks the first-parent commits from `rev` whose day is in [since, until] and that changed a pops
  /// file, newest first (or oldest first), and calls `visit` with each plan and the model of the files
  /// it changed on each side. `progress(done, total)` after each commit.
  /// `states`: a replay (the states are needed, not the changes); else a log. With the cache, a log's
  /// `changes` is given (diff_workspaces of the states, read back or stored), and a replay's commit
  /// read back from the cache has states with only the fields a replay gives; else `changes` is null.
  void run(const std::string& rev, std::optional<Date> since, std::optional<Date> until, const std::string& stop_at,
           bool oldest_first, bool states, const std::function<void(size_t, size_t)>& progress,
           const std::function<void(const Plan&, Workspace&, Workspace&, std::vector<Change>*)>& visit);

  /// The commit `rev` names; throws "unknown revision 'x'".
  CommitPtr start(const std::string& rev)
  {
    git_object* obj = nullptr;
    if (git_revparse_single(&obj, raw(), (rev + "^{commit}").c_str()) < 0) {
      throw std::runtime_error(fmt::format("unknown revision '{}'", rev));
    }
    return CommitPtr(reinterpret_cast<git_commit*>(obj));
  }

  /// Whether `c` is a boundary of a shallow clone (its parents are absent).
  bool boundary(const git_commit* c) { return !shallow.empty() && shallow.count(oid_str(*git_commit_id(c))) > 0; }

  /// The first parent of `c`, or null for a root commit or a shallow clone's boundary (any other
  /// error reading it throws: a walk never takes an error for the end of the history).
  CommitPtr next(const git_commit* c)
  {
    if (boundary(c) || git_commit_parentcount(c) == 0) {
      return CommitPtr();
    }
    git_commit* parent = nullptr;
    check(git_commit_parent(&parent, c, 0), "cannot read a parent commit");
    return CommitPtr(parent);
  }

  /// The commits .git/shallow lists (empty when the repository is whole).
  const std::unordered_set<std::string>& shallow;
  /// replay(): the history needed starts on this day (shallow_window).
  std::optional<Date> window;
  /// The last walk stopped at a shallow boundary; the day of its oldest commit read.
  bool truncated = false;
  std::optional<Date> oldest;
};

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
  check(git_oid_fromstr(&oa, ca.id.c_str()), "bad commit id");
  check(git_oid_fromstr(&ob, cb.id.c_str()), "bad commit id");
  if (git_merge_base(&base, repo.raw(), &oa, &ob) < 0) {
    if (repo.is_shallow()) {
      throw ShallowHistory(repo.shallow_depth());
    }
    throw std::runtime_error(fmt::format("'{}' and '{}' have no common ancestor", a, b));
  }
  return oid_str(base);
}

} // namespace pops
