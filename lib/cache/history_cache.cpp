#include "cache/history_cache.h"

#include "cache/cache_bytes.h"
#include "cache/check_cache.h"

#include <fmt/format.h>

#include <filesystem>
#include <optional>
#include <sys/stat.h>
#include <unordered_set>

namespace pops {

using namespace cache_bytes;

namespace {

/// The kind of cache file, with the version of the layout below.
constexpr std::string_view k_kind = "history 4";  // 2: XXH3 content addresses; 3: moved_from, moves; 4: old_squad
/// Past this size, only the records of the last run are kept (a long-lived clone of a rewritten
/// history does not grow its cache without bound).
constexpr size_t k_max_bytes = 256u << 20;

// Payload: the elements (id, bytes), the fragments (id, bytes), the records (commit id, bytes).
// An element is a FilePart holding one item, feedback entry or document; a fragment lists the ids of
// its items, feedback entries and documents; a record is the empty flag, the (path, fragment) of each
// side, the files changed in place, the two fragments of their elements and the changes.

void put_change(Writer& w, const Change& c)
{
  w.u(static_cast<uint64_t>(c.kind));
  for (const std::string* s : {&c.entity, &c.id, &c.squad, &c.field, &c.old_value, &c.new_value, &c.title, &c.file,
                               &c.status, &c.reason, &c.customer, &c.old_squad}) {
    w.s(*s);
  }
  put(w, c.loc);
  w.i(c.days);
  w.u(c.links.size());
  for (const auto& l : c.links) {
    w.s(l);
  }
}

Change get_change(Reader& r)
{
  Change c;
  const uint64_t kind = r.u();
  if (kind > static_cast<uint64_t>(Change::Kind::moved)) {
    throw Malformed();
  }
  c.kind = static_cast<Change::Kind>(kind);
  for (std::string* s : {&c.entity, &c.id, &c.squad, &c.field, &c.old_value, &c.new_value, &c.title, &c.file, &c.status,
                         &c.reason, &c.customer, &c.old_squad}) {
    *s = r.s();
  }
  get(r, c.loc);
  c.days = r.int32();
  for (size_t n = r.count(); n > 0; --n) {
    c.links.push_back(r.s());
  }
  return c;
}

std::string encode_record(const HistoryCache::Record& r)
{
  Writer w;
  w.b(r.empty);
  for (const auto* side : {&r.old_files, &r.new_files}) {
    w.u(side->size());
    for (const auto& f : *side) {
      w.s(f.path);
      w.fixed64(f.fragment);
    }
  }
  w.u(r.in_place.size());
  for (const auto& p : r.in_place) {
    w.s(p);
  }
  w.fixed64(r.in_before);
  w.fixed64(r.in_after);
  w.b(r.has_changes);
  w.u(r.changes.size());
  for (const auto& c : r.changes) {
    put_change(w, c);
  }
  return std::move(w.out);
}

std::optional<HistoryCache::Record> decode_record(std::string_view bytes)
{
  try {
    Reader rd(bytes);
    HistoryCache::Record r;
    r.empty = rd.b();
    for (auto* side : {&r.old_files, &r.new_files}) {
      for (size_t n = rd.count(); n > 0; --n) {
        HistoryCache::FileRef f;
        f.path = rd.s();
        f.fragment = rd.fixed64();
        side->push_back(std::move(f));
      }
    }
    for (size_t n = rd.count(); n > 0; --n) {
      r.in_place.push_back(rd.s());
    }
    r.in_before = rd.fixed64();
    r.in_after = rd.fixed64();
    r.has_changes = rd.b();
    for (size_t n = rd.count(); n > 0; --n) {
      r.changes.push_back(get_change(rd));
    }
    if (!rd.done()) {
      return std::nullopt;
    }
    return r;
  } catch (const Malformed&) {
    return std::nullopt;
  }
}

/// The fragments a record refers to; nullopt when its bytes are malformed.
std::optional<std::vector<uint64_t>> record_refs(std::string_view bytes)
{
  auto r = decode_record(bytes);
  if (!r) {
    return std::nullopt;
  }
  std::vector<uint64_t> refs;
  for (const auto* side : {&r->old_files, &r->new_files}) {
    for (const auto& f : *side) {
      refs.push_back(f.fragment);
    }
  }
  if (!r->empty) {
    refs.push_back(r->in_before);
    refs.push_back(r->in_after);
  }
  return refs;
}

/// A fragment's element ids: items, feedback entries, documents.
struct FragmentIds {
  std::vector<uint64_t> items, feedback, docs;
};

std::optional<FragmentIds> decode_fragment_ids(std::string_view bytes)
{
  try {
    Reader rd(bytes);
    FragmentIds f;
    for (auto* v : {&f.items, &f.feedback, &f.docs}) {
      for (size_t n = rd.count(); n > 0; --n) {
        v->push_back(rd.fixed64());
      }
    }
    if (!rd.done()) {
      return std::nullopt;
    }
    return f;
  } catch (const Malformed&) {
    return std::nullopt;
  }
}

}  // namespace

struct HistoryCache::Impl {
  std::string dir, root, build, path;
  std::string bytes;  ///< the file as read; the views below point into it
  std::unordered_map<uint64_t, std::string_view> stored_elements, stored_fragments;
  std::unordered_map<std::string, std::string_view> stored_records;
  std::unordered_map<uint64_t, std::string> new_elements, new_fragments;
  std::unordered_map<std::string, std::string> new_records;
  std::unordered_map<uint64_t, std::shared_ptr<const FilePart>> elements;          ///< decoded
  std::unordered_map<uint64_t, std::shared_ptr<const HistoryFragment>> fragments;  ///< decoded
  std::unordered_map<std::string, std::unique_ptr<Record>> records;                ///< decoded
  std::unordered_set<std::string> used;  ///< records found or added in this run
  bool dirty = false;

  void load()
  {
    if (dir.empty()) {
      return;
    }
    if (!read_whole(path, bytes)) {
      struct stat st {};
      dirty = ::lstat(path.c_str(), &st) == 0;  // there but unreadable or too large: written again
      return;
    }
    auto payload = decode_cache_file(bytes, k_kind, build, root);
    if (!payload) {
      dirty = true;
      return;
    }
    try {
      Reader rd(*payload);
      for (auto* table : {&stored_elements, &stored_fragments}) {
        for (size_t n = rd.count(); n > 0; --n) {
          const uint64_t id = rd.fixed64();
          table->emplace(id, rd.sv());
        }
      }
      for (size_t n = rd.count(); n > 0; --n) {
        std::string_view commit = rd.sv();
        stored_records.emplace(std::string(commit), rd.sv());
      }
      if (!rd.done()) {
        throw Malformed();
      }
    } catch (const Malformed&) {
      stored_elements.clear();
      stored_fragments.clear();
      stored_records.clear();
      dirty = true;
    }
  }

  static std::string_view lookup(const std::unordered_map<uint64_t, std::string>& fresh,
                                 const std::unordered_map<uint64_t, std::string_view>& stored, uint64_t id)
  {
    if (auto it = fresh.find(id); it != fresh.end()) {
      return it->second;
    }
    if (auto it = stored.find(id); it != stored.end()) {
      return it->second;
    }
    return {};
  }
  std::string_view element_bytes(uint64_t id) const { return lookup(new_elements, stored_elements, id); }
  std::string_view fragment_bytes(uint64_t id) const { return lookup(new_fragments, stored_fragments, id); }

  /// An element as read: a FilePart holding exactly one item, feedback entry or document.
  std::shared_ptr<const FilePart> element(uint64_t id)
  {
    if (auto it = elements.find(id); it != elements.end()) {
      return it->second;
    }
    std::string_view b = element_bytes(id);
    auto part = std::make_shared<FilePart>();
    if (b.empty() || !decode_part(b, *part) || !part->parse_findings.empty() || !part->model_findings.empty()
        || !part->notes.empty() || !part->series.empty() || part->doc_index
        || part->items.size() + part->feedback.size() + part->docs.size() != 1) {
      return nullptr;
    }
    elements.emplace(id, part);
    return part;
  }

  std::shared_ptr<const HistoryFragment> decoded(uint64_t id)
  {
    if (auto it = fragments.find(id); it != fragments.end()) {
      return it->second;
    }
    std::string_view b = fragment_bytes(id);
    auto ids = b.empty() ? std::nullopt : decode_fragment_ids(b);
    if (!ids) {
      return nullptr;
    }
    auto f = std::make_shared<HistoryFragment>();
    for (uint64_t e : ids->items) {
      auto p = element(e);
      if (!p || p->items.size() != 1) {
        return nullptr;
      }
      f->items.push_back(p->items.front());
    }
    for (uint64_t e : ids->feedback) {
      auto p = element(e);
      if (!p || p->feedback.size() != 1) {
        return nullptr;
      }
      f->feedback.push_back(p->feedback.front());
    }
    for (uint64_t e : ids->docs) {
      auto p = element(e);
      if (!p || p->docs.size() != 1) {
        return nullptr;
      }
      f->docs.push_back(p->docs.front());
    }
    f->cache_id = id;
    fragments.emplace(id, f);
    return f;
  }

  uint64_t add_element(std::string b)
  {
    const uint64_t id = content_hash(b, 0x656c656d) | 1;
    if (element_bytes(id).empty()) {
      new_elements.emplace(id, std::move(b));
    }
    return id;
  }
};

HistoryCache::HistoryCache(std::string dir, std::string root, std::string prefix, std::string build)
  : m_impl(std::make_unique<Impl>())
{
  Impl& d = *m_impl;
  d.dir = std::move(dir);
  d.root = std::move(root) + "\n" + prefix;
  d.build = std::move(build);
  d.path = d.dir + "/" + fmt::format("{:016x}", content_hash(d.root, 0x68697374)) + ".history";
  d.load();
}

HistoryCache::~HistoryCache() = default;

const HistoryCache::Record* HistoryCache::find(const std::string& commit)
{
  Impl& d = *m_impl;
  if (auto it = d.records.find(commit); it != d.records.end()) {
    d.used.insert(commit);
    return it->second.get();
  }
  std::string_view bytes;
  if (auto fresh = d.new_records.find(commit); fresh != d.new_records.end()) {
    bytes = fresh->second;
  } else if (auto raw = d.stored_records.find(commit); raw != d.stored_records.end()) {
    bytes = raw->second;
  } else {
    return nullptr;
  }
  auto r = decode_record(bytes);
  bool ok = r.has_value();
  if (ok && !r->empty) {
    for (const auto* side : {&r->old_files, &r->new_files}) {
      for (const auto& f : *side) {
        ok = ok && d.decoded(f.fragment) != nullptr;
      }
    }
    ok = ok && d.decoded(r->in_before) && d.decoded(r->in_after);
  }
  if (!ok) {
    // Unreadable: computed again, and the file written again without it.
    d.stored_records.erase(commit);
    d.new_records.erase(commit);
    d.dirty = true;
    return nullptr;
  }
  d.used.insert(commit);
  return d.records.emplace(commit, std::make_unique<Record>(std::move(*r))).first->second.get();
}

std::shared_ptr<const HistoryFragment> HistoryCache::fragment(uint64_t id)
{
  return m_impl->decoded(id);
}

uint64_t HistoryCache::add_fragment(const HistoryFragment& f)
{
  if (f.cache_id != 0) {
    return f.cache_id;
  }
  Impl& d = *m_impl;
  Writer w;
  w.u(f.items.size());
  for (const auto& it : f.items) {
    w.fixed64(d.add_element(encode_part_of(it)));
  }
  w.u(f.feedback.size());
  for (const auto& fb : f.feedback) {
    w.fixed64(d.add_element(encode_part_of(fb)));
  }
  w.u(f.docs.size());
  for (const auto& doc : f.docs) {
    w.fixed64(d.add_element(encode_part_of(doc)));
  }
  const uint64_t id = content_hash(w.out, 0x66726167) | 1;
  if (d.fragment_bytes(id).empty()) {
    d.new_fragments.emplace(id, std::move(w.out));
    d.dirty = true;
  }
  f.cache_id = id;
  return id;
}

void HistoryCache::add(const std::string& commit, Record r)
{
  Impl& d = *m_impl;
  if (d.dir.empty()) {
    return;
  }
  d.records.erase(commit);  // a record without changes, stored again with them
  d.new_records[commit] = encode_record(r);
  d.used.insert(commit);
  d.dirty = true;
}

void HistoryCache::save()
{
  Impl& d = *m_impl;
  if (d.dir.empty() || !d.dirty) {
    return;
  }
  // The records to keep: all, unless that grew past the bound; then those of this run.
  std::vector<std::pair<std::string_view, std::string_view>> keep;
  size_t total = 0;
  for (const auto& [c, b] : d.new_records) {
    keep.emplace_back(c, b);
    total += b.size();
  }
  for (const auto& [c, b] : d.stored_records) {
    if (!d.new_records.count(c)) {
      keep.emplace_back(c, b);
      total += b.size();
    }
  }
  if (total > k_max_bytes) {
    std::erase_if(keep, [&](const auto& r) { return !d.used.count(std::string(r.first)); });
  }
  std::vector<uint64_t> frags, elems;
  std::unordered_set<uint64_t> seen, seen_elems;
  std::erase_if(keep, [&](const auto& r) {
    auto refs = record_refs(r.second);
    if (!refs) {
      return true;
    }
    std::vector<FragmentIds> parts;
    for (uint64_t id : *refs) {
      auto ids = decode_fragment_ids(d.fragment_bytes(id));
      if (!ids) {
        return true;
      }
      for (const auto* v : {&ids->items, &ids->feedback, &ids->docs}) {
        for (uint64_t e : *v) {
          if (d.element_bytes(e).empty()) {
            return true;
          }
        }
      }
      parts.push_back(std::move(*ids));
    }
    for (uint64_t id : *refs) {
      if (seen.insert(id).second) {
        frags.push_back(id);
      }
    }
    for (const auto& ids : parts) {
      for (const auto* v : {&ids.items, &ids.feedback, &ids.docs}) {
        for (uint64_t e : *v) {
          if (seen_elems.insert(e).second) {
            elems.push_back(e);
          }
        }
      }
    }
    return false;
  });
  Writer w;
  w.u(elems.size());
  for (uint64_t id : elems) {
    w.fixed64(id);
    w.s(d.element_bytes(id));
  }
  w.u(frags.size());
  for (uint64_t id : frags) {
    w.fixed64(id);
    w.s(d.fragment_bytes(id));
  }
  w.u(keep.size());
  for (const auto& [c, b] : keep) {
    w.s(c);
    w.s(b);
  }
  std::error_code ec;
  std::filesystem::create_directories(d.dir, ec);
  write_cache_pieces(d.path, k_kind, d.build, d.root, {w.out});
  d.dirty = false;
}

}  // namespace pops
