// The replay side of History: the blobs a window of commits needs, read and parsed on every core,
// the files changed in place laid out and diffed element by element, and the model of each side of a
// commit (states_of), built from per-file models kept once each.

#include "history/history_impl.h"

#include "base/parallel.h"
#include "history/replayed.h"

#include <algorithm>
#include <iterator>

namespace pops {

const Config& History::Impl::config_of(const std::optional<git_oid>& blob)
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

std::shared_ptr<const Fragment> History::Impl::fragment(const std::optional<git_oid>& config, const FileAt& file)
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

void History::Impl::parse_all(const std::vector<Plan>& plans, size_t from, size_t to)
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
      check_git(git_blob_lookup(&b, raw(), &blob), "cannot read a file of the history");
      BlobPtr owner(b);
      jobs.push_back(
        {std::move(key), kind,
         std::string(static_cast<const char*>(git_blob_rawcontent(b)), static_cast<size_t>(git_blob_rawsize(b))),
         nullptr});
    });
  }
  parallel_for(jobs.size(),
               [&](size_t k) { jobs[k].result = parse_file(std::move(jobs[k].content), jobs[k].kind, chunks); });
  for (auto& j : jobs) {
    count_read(j.key.substr(0, j.key.find(':')));
    parsed.emplace(std::move(j.key), std::move(j.result));
  }
}

std::optional<std::pair<size_t, size_t>> History::Impl::common_ends(const LaidOut& old_side, const LaidOut& new_side)
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

void History::Impl::lay_out_all(const std::vector<Plan>& plans, size_t from, size_t to)
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
    target.layout =
      other && other->layout ? chunk_layout_from(other->text, *other->layout, target.text) : chunk_layout(target.text);
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

const History::Impl::LaidOut& History::Impl::laid_out(const git_oid& id)
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

std::string History::Impl::blob_text(const git_oid& id)
{
  git_blob* b = nullptr;
  check_git(git_blob_lookup(&b, raw(), &id), "cannot read a file of the history");
  BlobPtr owner(b);
  return std::string(static_cast<const char*>(git_blob_rawcontent(b)), static_cast<size_t>(git_blob_rawsize(b)));
}

void History::Impl::changed_in_place(const Plan& p, const FileAt& before, const FileAt& after, Workspace& from,
                                     Workspace& to)
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

void History::Impl::states_of(const Plan& p, Workspace& from, Workspace& to, HistoryCache::Record* record)
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
    auto tail = [](const auto& v, size_t from_pos) {
      return std::vector(v.begin() + static_cast<std::ptrdiff_t>(from_pos), v.end());
    };
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

void History::Impl::append(Workspace& ws, const Fragment& frag)
{
  ws.items.insert(ws.items.end(), frag.items.begin(), frag.items.end());
  ws.feedback.insert(ws.feedback.end(), frag.feedback.begin(), frag.feedback.end());
  ws.docs.insert(ws.docs.end(), frag.docs.begin(), frag.docs.end());
}

void History::Impl::cached_states(const HistoryCache::Record& r, Workspace& from, Workspace& to)
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

}  // namespace pops
