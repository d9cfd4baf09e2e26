#include "cache/check_cache.h"

#include "cache/cache_bytes.h"
#include "base/parallel.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <stdexcept>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>
#include <xxhash.h>

namespace fs = std::filesystem;

namespace pops {

using namespace cache_bytes;

namespace {

constexpr long long k_racy_ns = 2'000'000'000LL;  ///< entries changed this close to a run are hashed again
constexpr uint32_t k_keep_generations = 8;        ///< parts unused for this many writes are dropped

long long now_ns()
{
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
    .count();
}

unsigned worker_count(size_t jobs)
{
  const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<size_t>(hw, std::max<size_t>(1, jobs)));
}

/// Runs fn(i) for i in [0, n) on every core, one thread per four files at the most.
void for_each_file(size_t n, const std::function<void(size_t)>& fn)
{
  parallel_for(n, fn, worker_count(n / 4));
}

struct StatEntry {
  FileStat st;
  std::string oid;
};

}  // namespace

std::string state_bytes(const std::vector<StateFile>& files, const std::vector<Finding>& io)
{
  Writer w;
  w.u(files.size());
  for (const auto& f : files) {
    w.s(f.path);
    w.s(f.oid);
  }
  w.u(io.size());
  for (const auto& f : io) {
    w.s(f.file);
    w.s(f.message);
  }
  return std::move(w.out);
}

// ---- the cache ------------------------------------------------------------------------------------

struct CheckCache::Impl {
  // Parts: key (pops.yaml's blob id, path, blob id) -> generation and bytes.
  struct Part {
    uint32_t gen = 0;
    std::string_view bytes;  ///< into `parts_file` or `new_bytes`
    bool used = false;
    bool overlay = false;  ///< from the file of parts added since
    bool fresh = false;    ///< parsed in this run
  };
  bool parts_read = false;
  bool main_ok = false;
  size_t main_size = 0;
  std::string overlay_file;
  bool parts_dirty = false;
  uint32_t gen = 0;
  std::string parts_file;
  std::unordered_map<std::string, Part> parts;
  std::vector<std::unique_ptr<std::string>> new_bytes;

  // The stat index of the working tree.
  bool stat_read = false;
  bool stat_dirty = false;
  std::unordered_map<std::string, StatEntry> stat_index;
  std::vector<StatEntry> stat_now;
  long long run_start = 0;

  // Results by kind: key, files, findings; read lazily.
  struct Result {
    bool read = false;
    bool dirty = false;
    Key128 key;
    std::optional<Stored> stored;
  };
  std::map<std::string, Result> results;
};

CheckCache::CheckCache(std::string dir, std::string root, std::string build)
  : m_dir(std::move(dir)), m_root(std::move(root)), m_build(std::move(build)), m_impl(std::make_unique<Impl>())
{
  m_impl->run_start = now_ns();
}

CheckCache::~CheckCache() = default;

namespace {

std::string file_id(const std::string& root)
{
  return fmt::format("{:016x}", content_hash(root, 0x726f6f74));
}

}  // namespace

std::vector<StateFile> CheckCache::worktree_state(std::vector<Finding>& io)
{
  auto& d = *m_impl;
  if (!m_dir.empty() && !d.stat_read) {
    d.stat_read = true;
    std::string bytes;
    if (read_whole(m_dir + "/" + file_id(m_root) + ".stat", bytes)) {
      if (auto payload = decode_cache_file(bytes, "stat", m_build, m_root)) {
        try {
          Reader r(*payload);
          const long long written = r.i();
          const size_t n = r.count();
          for (size_t i = 0; i < n; ++i) {
            StatEntry e;
            e.st.path = r.s();
            e.st.size = r.i();
            e.st.mtime_ns = r.i();
            e.st.ctime_ns = r.i();
            e.st.ino = r.u();
            e.st.dev = r.u();
            e.oid = r.s();
            // Racily clean: changed so close to that run that a later change may keep the same times.
            if (std::max(e.st.mtime_ns, e.st.ctime_ns) + k_racy_ns < written) {
              d.stat_index.emplace(e.st.path, std::move(e));
            }
          }
        } catch (const Malformed&) {
          d.stat_index.clear();
        }
      }
    }
  }
  std::vector<FileStat> listed = list_worktree(m_root, io);
  std::vector<StateFile> files(listed.size());
  std::vector<size_t> to_hash;
  for (size_t i = 0; i < listed.size(); ++i) {
    files[i].path = listed[i].path;
    auto it = d.stat_index.find(listed[i].path);
    const FileStat& a = listed[i];
    if (it != d.stat_index.end()) {
      const FileStat& b = it->second.st;
      if (a.size == b.size && a.mtime_ns == b.mtime_ns && a.ctime_ns == b.ctime_ns && a.ino == b.ino
          && a.dev == b.dev) {
        files[i].oid = it->second.oid;
        continue;
      }
    }
    to_hash.push_back(i);
  }
  std::vector<char> failed(listed.size(), 0);
  std::vector<Finding> fail_findings(listed.size());
  for_each_file(to_hash.size(), [&](size_t k) {
    const size_t i = to_hash[k];
    std::string content;
    if (!read_worktree_file(m_root, listed[i], content, fail_findings[i])) {
      failed[i] = 1;
      return;
    }
    files[i].oid = blob_oid(content);
    files[i].content = std::move(content);
  });
  m_stats.hashed += static_cast<int>(to_hash.size());
  std::vector<StateFile> out;
  out.reserve(files.size());
  d.stat_now.clear();
  for (size_t i = 0; i < files.size(); ++i) {
    if (failed[i]) {
      io.push_back(std::move(fail_findings[i]));
      continue;
    }
    d.stat_now.push_back({listed[i], files[i].oid});
    out.push_back(std::move(files[i]));
  }
  d.stat_dirty = d.stat_dirty || !to_hash.empty() || d.stat_now.size() != d.stat_index.size();
  return out;
}

Workspace CheckCache::load(std::vector<StateFile>& files, const std::function<std::string(StateFile&)>& fetch)
{
  auto& d = *m_impl;
  if (!m_dir.empty() && !d.parts_read) {
    d.parts_read = true;
    m_stats.loaded_parts = true;
    // The parts, then the small file of parts added since the parts were last written whole.
    auto read_parts = [&](std::string& bytes, std::string_view kind, bool overlay) {
      if (!read_whole(m_dir + "/" + file_id(m_root) + "." + std::string(kind), bytes)) {
        return false;
      }
      auto payload = decode_cache_file(bytes, kind, m_build, m_root);
      if (!payload) {
        return false;  // stale, foreign or corrupt
      }
      std::vector<std::pair<std::string, Impl::Part>> got;
      try {
        Reader r(*payload);
        const auto gen = static_cast<uint32_t>(r.u());
        const size_t n = r.count();
        for (size_t i = 0; i < n; ++i) {
          std::string key = r.s();
          Impl::Part p;
          p.gen = static_cast<uint32_t>(r.u());
          p.bytes = r.sv();
          p.overlay = overlay;
          got.emplace_back(std::move(key), p);
        }
        if (!overlay) {
          d.gen = gen;
          d.main_size = payload->size();
        }
      } catch (const Malformed&) {
        return false;
      }
      for (auto& [k, p] : got) {
        d.parts[std::move(k)] = p;
      }
      return true;
    };
    d.main_ok = read_parts(d.parts_file, "parts", false);
    if (!d.main_ok) {
      d.parts_dirty = true;  // written again
    } else {
      (void)read_parts(d.overlay_file, "parts-new", true);
    }
  }
  auto content_of = [&](StateFile& f) -> const std::string& {
    if (!f.content) {
      f.content = fetch(f);
    }
    return *f.content;
  };
  // pops.yaml first: the other files are read against it.
  auto cfg_it = std::find_if(files.begin(), files.end(), [](const StateFile& f) { return f.path == "pops.yaml"; });
  std::shared_ptr<const ParsedFile> cfg_parsed;
  std::string cfg_key = "-";
  if (cfg_it != files.end()) {
    cfg_parsed = parse_file(content_of(*cfg_it), FileKind::config);
    cfg_key = cfg_it->oid;
  }
  ConfigPart config = read_config_part(cfg_parsed.get());

  std::vector<std::pair<std::string, FilePart>> parts(files.size());
  std::vector<std::string> keys(files.size());
  std::vector<char> cached(files.size(), 0);
  std::vector<std::string_view> cached_bytes(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    parts[i].first = files[i].path;
    if (cfg_it != files.end() && i == static_cast<size_t>(cfg_it - files.begin())) {
      continue;
    }
    keys[i] = cfg_key + '\0' + files[i].path + '\0' + files[i].oid;
    if (auto it = d.parts.find(keys[i]); it != d.parts.end()) {
      it->second.used = true;
      cached_bytes[i] = it->second.bytes;
      cached[i] = 1;
    }
  }
  // Read back what is cached; what is not (or does not decode) is parsed.
  std::vector<char> ok(files.size(), 0);
  for_each_file(files.size(), [&](size_t i) {
    if (cached[i]) {
      ok[i] = decode_part(cached_bytes[i], parts[i].second) ? 1 : 0;
    }
  });
  std::vector<size_t> to_parse;
  for (size_t i = 0; i < files.size(); ++i) {
    if (!ok[i]) {
      to_parse.push_back(i);
      (void)content_of(files[i]);
      if (!keys[i].empty()) {
        keys[i] = cfg_key + '\0' + files[i].path + '\0' + files[i].oid;  // fetch may find new bytes
      }
    }
  }
  std::vector<std::string> encoded(files.size());
  const bool keep = !m_dir.empty();
  for_each_file(to_parse.size(), [&](size_t k) {
    const size_t i = to_parse[k];
    if (cfg_parsed && cfg_it != files.end() && i == static_cast<size_t>(cfg_it - files.begin())) {
      parts[i].second = build_file_part(config.config, files[i].path, *cfg_parsed);
      return;
    }
    auto parsed = parse_file(*files[i].content, classify(files[i].path));
    parts[i].second = build_file_part(config.config, files[i].path, *parsed);
    parsed.reset();
    files[i].content.reset();  // the part holds what the check needs: a large workspace's bytes go now
    if (keep) {
      encoded[i] = encode_part(parts[i].second);
    }
  });
  for (size_t i : to_parse) {
    if (keys[i].empty()) {
      continue;  // pops.yaml
    }
    ++m_stats.parsed;
    if (keep) {
      d.new_bytes.push_back(std::make_unique<std::string>(std::move(encoded[i])));
      auto& p = d.parts[keys[i]];
      p.bytes = *d.new_bytes.back();
      p.used = true;
      p.fresh = true;
      d.parts_dirty = true;
    }
  }
  m_stats.reused += static_cast<int>(files.size() - to_parse.size());
  return assemble_workspace(m_root, std::move(config), std::move(parts));
}

std::optional<CheckCache::Stored> CheckCache::result(const std::string& kind, const Key128& key)
{
  auto& r = m_impl->results[kind];
  if (!m_dir.empty() && !r.read) {
    r.read = true;
    std::string bytes;
    if (read_whole(m_dir + "/" + file_id(m_root) + "." + kind, bytes)) {
      if (auto payload = decode_cache_file(bytes, "result " + kind, m_build, m_root)) {
        try {
          Reader rd(*payload);
          r.key.low = rd.fixed64();
          r.key.high = rd.fixed64();
          Stored s;
          get_strings(rd, s.files);
          get_findings(rd, s.result.findings);
          s.result.summary.files = static_cast<int>(rd.i());
          if (rd.done()) {
            summarize(s.result);
            r.stored = std::move(s);
          }
        } catch (const Malformed&) {
          r.stored.reset();
        }
      }
    }
  }
  if (r.stored && r.key == key) {
    m_stats.result_hit = true;
    return r.stored;
  }
  return std::nullopt;
}

void CheckCache::store_result(const std::string& kind, const Key128& key, const Stored& stored)
{
  auto& r = m_impl->results[kind];
  r.read = true;
  r.key = key;
  r.stored = stored;
  r.dirty = true;
}

void CheckCache::save()
{
  if (m_dir.empty()) {
    return;
  }
  auto& d = *m_impl;
  const std::string base = m_dir + "/" + file_id(m_root);
  std::error_code ec;
  fs::create_directories(m_dir, ec);
  auto write = [&](const std::string& path, std::string_view kind, std::string_view payload) {
    // A cache that cannot be written (read-only folder, full disk) only costs time.
    write_cache_pieces(path, kind, m_build, m_root, {payload});
  };
  if (d.stat_dirty) {
    Writer w;
    w.i(d.run_start);
    w.u(d.stat_now.size());
    for (const auto& e : d.stat_now) {
      w.s(e.st.path);
      w.i(e.st.size);
      w.i(e.st.mtime_ns);
      w.i(e.st.ctime_ns);
      w.u(e.st.ino);
      w.u(e.st.dev);
      w.s(e.oid);
    }
    write(base + ".stat", "stat", w.out);
  }
  for (auto& [kind, r] : d.results) {
    if (!r.dirty || !r.stored) {
      continue;
    }
    Writer w;
    w.fixed64(r.key.low);
    w.fixed64(r.key.high);
    put_strings(w, r.stored->files);
    put_findings(w, r.stored->result.findings);
    w.i(r.stored->result.summary.files);
    write(base + "." + kind, "result " + kind, w.out);
  }
  size_t added = 0;
  for (const auto& [k, p] : d.parts) {
    added += p.overlay || p.fresh ? p.bytes.size() + k.size() : 0;
  }
  if (d.parts_dirty && d.main_ok && added * 8 < d.main_size) {
    // A few new parts: written beside the parts, not with them (a large workspace's parts are tens
    // of megabytes).
    Writer w;
    w.u(d.gen);
    size_t n = 0;
    for (const auto& [k, p] : d.parts) {
      n += p.overlay || p.fresh ? 1 : 0;
    }
    w.u(n);
    for (const auto& [k, p] : d.parts) {
      if (p.overlay || p.fresh) {
        w.s(k);
        w.u(d.gen);
        w.s(p.bytes);
      }
    }
    write(base + ".parts-new", "parts-new", w.out);
  } else if (d.parts_dirty) {
    const uint32_t gen = d.gen + 1;
    size_t used = 0;
    for (const auto& [k, p] : d.parts) {
      used += p.used ? 1 : 0;
    }
    // Keep what this run used, and what recent runs used (another state: the index, HEAD), up to
    // three times as much.
    std::vector<std::pair<const std::string*, const Impl::Part*>> old;
    for (const auto& [k, p] : d.parts) {
      if (!p.used && p.gen + k_keep_generations >= gen) {
        old.emplace_back(&k, &p);
      }
    }
    std::sort(old.begin(), old.end(), [](const auto& a, const auto& b) { return a.second->gen > b.second->gen; });
    old.resize(std::min(old.size(), used * 3));
    // Written piece by piece: the parts are referenced, not copied into one payload.
    PieceWriter w;
    w.u(gen);
    w.u(used + old.size());
    for (const auto& [k, p] : d.parts) {
      if (p.used) {
        w.s(k);
        w.u(gen);
        w.s_ref(p.bytes);
      }
    }
    for (const auto& [k, p] : old) {
      w.s(*k);
      w.u(p->gen);
      w.s_ref(p->bytes);
    }
    write_cache_pieces(base + ".parts", "parts", m_build, m_root, w.pieces());
    ::unlink((base + ".parts-new").c_str());
  }
}

namespace {

/// The base of the transition rules for `ws` (read from `files`): only the files of `base_files`
/// that differ from `files` (another blob, or another pops.yaml), when that changes nothing the rules
/// see. The rules read only the items and feedback the diff from the base finds removed or changed;
/// an id that only files the same on both sides hold is the same on both sides, and leaving those
/// files out of the base makes it look added, which the rules ignore. That holds unless such an id
/// is also in a file that differs (duplicate ids): then the whole base is read.
Workspace load_base(CheckCache& cache, const std::vector<StateFile>& files, std::vector<StateFile>& base_files,
                    const Workspace& ws, const std::function<std::string(StateFile&)>& fetch)
{
  auto config_oid = [](const std::vector<StateFile>& v) {
    auto it = std::find_if(v.begin(), v.end(), [](const StateFile& f) { return f.path == "pops.yaml"; });
    return it == v.end() ? std::string("-") : it->oid;
  };
  const std::string cfg_now = config_oid(files);
  const std::string cfg_base = config_oid(base_files);
  auto key = [](const std::string& cfg, const StateFile& f) { return cfg + '\0' + f.path + '\0' + f.oid; };
  std::unordered_set<std::string> now_keys, base_keys;
  for (const auto& f : files) {
    now_keys.insert(key(cfg_now, f));
  }
  for (const auto& f : base_files) {
    base_keys.insert(key(cfg_base, f));
  }
  std::vector<StateFile> differ;
  for (const auto& f : base_files) {
    if (f.path == "pops.yaml" || !now_keys.count(key(cfg_base, f))) {
      differ.push_back(f);
    }
  }
  if (differ.size() == base_files.size()) {
    return cache.load(base_files, fetch);
  }
  std::unordered_set<std::string> changed_now;  ///< files of `ws` not the same in the base
  for (const auto& f : files) {
    if (!base_keys.count(key(cfg_now, f))) {
      changed_now.insert(f.path);
    }
  }
  Workspace part = cache.load(differ, fetch);
  std::unordered_set<std::string> item_ids, feedback_ids;  ///< in files that differ, either side
  for (const auto& it : part.items) {
    item_ids.insert(it.id.value);
  }
  for (const auto& fb : part.feedback) {
    feedback_ids.insert(fb.id.value);
  }
  for (const auto& it : ws.items) {
    if (changed_now.count(it.file)) {
      item_ids.insert(it.id.value);
    }
  }
  for (const auto& fb : ws.feedback) {
    if (changed_now.count(fb.file)) {
      feedback_ids.insert(fb.id.value);
    }
  }
  const bool shared =
    std::any_of(ws.items.begin(), ws.items.end(),
                [&](const Item& it) { return !changed_now.count(it.file) && item_ids.count(it.id.value); })
    || std::any_of(ws.feedback.begin(), ws.feedback.end(),
                   [&](const Feedback& fb) { return !changed_now.count(fb.file) && feedback_ids.count(fb.id.value); });
  return shared ? cache.load(base_files, fetch) : part;
}

}  // namespace

CheckResult check_cached(const std::string& root, const CheckRequest& req, Repository* repo, CheckCache& cache,
                         std::map<std::string, std::string>* blobs)
{
  std::string prefix;
  if (repo) {
    prefix = repo->prefix_of(root);
  }
  std::vector<Finding> io;
  std::vector<StateFile> files;
  std::string kind;
  auto from_refs = [](std::vector<BlobRef> refs) {
    std::vector<StateFile> out(refs.size());
    for (size_t i = 0; i < refs.size(); ++i) {
      out[i].path = std::move(refs[i].path);
      out[i].oid = std::move(refs[i].oid);
    }
    return out;
  };
  switch (req.source) {
  case CheckRequest::Source::worktree:
    kind = "worktree";
    files = cache.worktree_state(io);
    break;
  case CheckRequest::Source::index:
    kind = "index";
    files = from_refs(index_entries(*repo, prefix, &io));
    break;
  case CheckRequest::Source::rev:
    kind = "rev";
    files = from_refs(tree_entries(*repo, req.rev, prefix, &io));
    break;
  }
  if (blobs && req.source != CheckRequest::Source::worktree) {
    for (const auto& f : files) {
      (*blobs)[f.path] = f.oid;
    }
  }
  std::vector<StateFile> base_files;
  if (!req.base_rev.empty()) {
    base_files = from_refs(tree_entries(*repo, req.base_rev, prefix));
    // The transition rules read the base's items and feedback only (rule_transitions): its docs and
    // ritual notes need not be loaded.
    std::erase_if(base_files, [](const StateFile& f) {
      const FileKind k = classify(f.path);
      return k != FileKind::config && k != FileKind::roadmap && k != FileKind::feedback;
    });
  }
  // The key of the result: both states, today and whether there is a base at all.
  Writer k;
  k.s(kind);
  k.i(req.today.days);
  k.b(!req.base_rev.empty());
  k.s(state_bytes(files, io));
  k.s(req.base_rev.empty() ? std::string() : state_bytes(base_files, {}));
  const Key128 key = content_hash128(k.out);

  CheckCache::Stored stored;
  if (auto hit = cache.result(kind, key)) {
    stored = std::move(*hit);
  } else {
    bool moved = false;  // a file changed while pops read it: do not keep this result
    auto fetch_git = [&](StateFile& f) -> std::string { return read_blob(*repo, f.oid); };
    auto fetch_worktree = [&](StateFile& f) -> std::string {
      FileStat st;
      st.path = f.path;
      std::string content;
      Finding fail;
      if (!read_worktree_file(root, st, content, fail)) {
        throw std::runtime_error(fmt::format("cannot read '{}': {}", f.path, fail.message));
      }
      if (std::string oid = blob_oid(content); oid != f.oid) {
        f.oid = std::move(oid);
        moved = true;
      }
      return content;
    };
    std::function<std::string(StateFile&)> fetch = fetch_git;
    if (req.source == CheckRequest::Source::worktree) {
      fetch = fetch_worktree;
    }
    Workspace ws = cache.load(files, fetch);
    {
      // As load_worktree (and add_unreadable of cmd_check for git states): files that could not be
      // read are findings; the reason pops.yaml could not be read says more than "missing".
      if (std::any_of(io.begin(), io.end(), [](const Finding& f) { return f.file == "pops.yaml"; })) {
        std::erase_if(ws.findings, [](const Finding& f) {
          return f.file == "pops.yaml" && f.message.starts_with("pops.yaml is missing");
        });
      }
      for (const auto& f : io) {
        ws.files.push_back(f.file);
        ws.findings.push_back(f);
      }
      std::sort(ws.files.begin(), ws.files.end());
    }
    std::optional<Workspace> base;
    CheckOptions opts;
    opts.today = req.today;
    opts.commands = req.commands;
    if (!req.base_rev.empty()) {
      base = load_base(cache, files, base_files, ws, fetch_git);
      opts.base = &*base;
    }
    stored.result = check_workspace(ws, opts);
    stored.files = ws.files;
    if (!moved) {
      cache.store_result(kind, key, stored);
    }
    if (req.free_at_exit) {
      // Still reachable (leak checkers stay quiet), released with the process.
      static auto* const s_kept = new std::vector<Workspace>();
      s_kept->push_back(std::move(ws));
      if (base) {
        s_kept->push_back(std::move(*base));
      }
    }
  }
  cache.save();
  return restrict_to_paths(std::move(stored.result), stored.files, req.paths);
}

}  // namespace pops
