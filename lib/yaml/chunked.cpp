#include "yaml/chunked.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <vector>

namespace pops {

std::shared_ptr<const YamlDoc> ChunkCache::get(std::string_view chunk, const YamlLimits& limits)
{
  {
    std::lock_guard lock(m_mutex);
    if (auto it = m_parses.find(chunk); it != m_parses.end()) {
      ++m_hits;
      return it->second;
    }
  }
  auto doc = std::make_shared<const YamlDoc>(parse_yaml(chunk, limits));
  std::lock_guard lock(m_mutex);
  ++m_misses;
  m_parses.emplace(std::string(chunk), doc);
  return doc;
}

std::size_t ChunkCache::size() const
{
  std::lock_guard lock(m_mutex);
  return m_parses.size();
}

void ChunkCache::clear()
{
  std::lock_guard lock(m_mutex);
  m_parses.clear();
}

namespace {

struct Line {
  std::size_t begin;  ///< offset of the first byte
  std::size_t end;    ///< offset of the '\n' (or the end of the text)
};

std::vector<Line> split_lines(std::string_view t)
{
  std::vector<Line> lines;
  std::size_t from = 0;
  while (from < t.size()) {
    std::size_t nl = t.find('\n', from);
    if (nl == std::string_view::npos) {
      nl = t.size();
    }
    lines.push_back({from, nl});
    from = nl + 1;
  }
  return lines;
}

/// The line without its '\r'.
std::string_view body(std::string_view t, const Line& l)
{
  std::string_view s = t.substr(l.begin, l.end - l.begin);
  if (s.ends_with('\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::size_t indent_of(std::string_view s)
{
  std::size_t i = 0;
  while (i < s.size() && s[i] == ' ') {
    ++i;
  }
  return i;
}

/// Blank, or only a comment after spaces.
bool blank_or_comment(std::string_view s)
{
  const std::size_t i = indent_of(s);
  return i == s.size() || s[i] == '#';
}

/// `key:` at column 0 with nothing after it but spaces or a comment; returns the key.
std::string_view list_key(std::string_view s)
{
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
      ++i;
      continue;
    }
    break;
  }
  if (i == 0 || i >= s.size() || s[i] != ':' || s[0] == '-') {
    return {};
  }
  std::string_view rest = s.substr(i + 1);
  const std::size_t j = indent_of(rest);
  if (j < rest.size() && !(rest[j] == '#' && j > 0)) {
    return {};
  }
  return s.substr(0, i);
}

/// A list element's first line at indentation `k`: "- ..." or a lone "-".
bool starts_element(std::string_view s, std::size_t k)
{
  return s.size() > k && indent_of(s) == k && s[k] == '-' && (s.size() == k + 1 || s[k + 1] == ' ');
}

/// Whether every quoted scalar and flow collection opened on the line closes on it. A chunk boundary
/// may not cut through a multi-line one (yaml-cpp reads an unterminated quote at the end of a chunk
/// without complaint), so a chunk with such a line is parsed with its whole file. Quotes inside block
/// scalars look the same and merely cost the chunked path.
bool line_closes(std::string_view s)
{
  if (std::none_of(s.begin(), s.end(), [](char c) { return c == '"' || c == '\'' || c == '[' || c == '{'; })) {
    return true;
  }
  int depth = 0;
  char prev = ' ';
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool token_start = prev == ' ' || prev == '[' || prev == '{' || prev == ',' || prev == '-' || prev == ':';
    if ((c == '"' || c == '\'') && token_start) {
      std::size_t j = i + 1;
      for (; j < s.size(); ++j) {
        if (c == '"' && s[j] == '\\') {
          ++j;
        } else if (c == '\'' && s[j] == '\'' && j + 1 < s.size() && s[j + 1] == '\'') {
          ++j;
        } else if (s[j] == c) {
          break;
        }
      }
      if (j >= s.size()) {
        return false;
      }
      i = j;
      prev = c;
      continue;
    }
    if (c == '#' && prev == ' ') {
      break;
    }
    if (c == '[' || c == '{') {
      ++depth;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
    prev = c;
  }
  return depth == 0;
}

bool has_null(const YNode& n)
{
  if (n.is_null()) {
    return true;
  }
  for (const auto& i : n.items) {
    if (has_null(i)) {
      return true;
    }
  }
  for (const auto& [k, v] : n.entries) {
    if (has_null(k) || has_null(v)) {
      return true;
    }
  }
  return false;
}

/// Copies `from` into `to` shifted by `lines` and `pos`; false when an alias is met or the node count
/// passes `budget`.
bool shifted_copy(const YNode& from, YNode& to, int lines, long pos, long& budget)
{
  if (from.alias || --budget < 0) {
    return false;
  }
  to.kind = from.kind;
  to.quoted = from.quoted;
  to.flow = from.flow;
  to.alias = false;
  to.loc = from.loc;
  to.loc.line += lines;
  to.loc.pos += pos;
  to.text = from.text;
  to.items.resize(from.items.size());
  for (std::size_t i = 0; i < from.items.size(); ++i) {
    if (!shifted_copy(from.items[i], to.items[i], lines, pos, budget)) {
      return false;
    }
  }
  to.entries.resize(from.entries.size());
  for (std::size_t i = 0; i < from.entries.size(); ++i) {
    if (!shifted_copy(from.entries[i].first, to.entries[i].first, lines, pos, budget)
        || !shifted_copy(from.entries[i].second, to.entries[i].second, lines, pos, budget)) {
      return false;
    }
  }
  return true;
}

long count_nodes(const YNode& n)
{
  long c = 1;
  for (const auto& i : n.items) {
    c += count_nodes(i);
  }
  for (const auto& [k, v] : n.entries) {
    c += count_nodes(k) + count_nodes(v);
  }
  return c;
}

}  // namespace

namespace {

/// What no layout is tried for: too large, a BOM, too little depth.
bool beyond_layout(std::string_view t, const YamlLimits& limits)
{
  return static_cast<long>(t.size()) > limits.max_bytes || static_cast<long>(t.size()) > limits.max_flow_marks
         || t.starts_with("\xEF\xBB\xBF") || limits.max_depth < 2;
}

/// One line of the list at element indentation `k`: 1 an element starts, 0 another line of an
/// element (or blank, or a comment), -1 not this layout.
int list_line(std::string_view s, std::size_t k)
{
  const std::size_t ind = indent_of(s);
  if (ind == s.size() || s[ind] == '#') {
    return 0;  // blank or a comment
  }
  if (s[ind] == '\t' || !line_closes(s)) {
    return -1;
  }
  if (ind == k && s[k] == '-' && (s.size() == k + 1 || s[k + 1] == ' ')) {  // starts_element
    return 1;
  }
  return ind <= k ? -1 : 0;
}

}  // namespace

std::optional<ChunkLayout> chunk_layout(std::string_view t, const YamlLimits& limits)
{
  if (beyond_layout(t, limits)) {
    return std::nullopt;
  }
  const std::vector<Line> lines = split_lines(t);
  // The last top-level `key:` with an empty value, followed by a list element.
  std::size_t key_line = lines.size();
  for (std::size_t i = lines.size(); i-- > 0;) {
    if (!list_key(body(t, lines[i])).empty()) {
      key_line = i;
      break;
    }
  }
  if (key_line == lines.size()) {
    return std::nullopt;
  }
  std::size_t first = key_line + 1;
  while (first < lines.size() && blank_or_comment(body(t, lines[first]))) {
    ++first;
  }
  if (first == lines.size()) {
    return std::nullopt;
  }
  const std::string_view first_body = body(t, lines[first]);
  const std::size_t k = indent_of(first_body);
  if (!starts_element(first_body, k)) {
    return std::nullopt;
  }
  ChunkLayout layout;
  layout.key = std::string(list_key(body(t, lines[key_line])));
  layout.header_end = lines[first].begin;
  // Element starts; any other line at indentation k or less ends the list: not this layout.
  for (std::size_t i = first; i < lines.size(); ++i) {
    const int kind = list_line(body(t, lines[i]), k);
    if (kind < 0) {
      return std::nullopt;
    }
    if (kind > 0) {
      layout.starts.push_back(lines[i].begin);
      layout.start_lines.push_back(static_cast<int>(i));
    }
  }
  layout.starts.push_back(t.size());
  return layout;
}

std::optional<ChunkLayout> chunk_layout_from(std::string_view old_text, const ChunkLayout& old, std::string_view t,
                                             const YamlLimits& limits)
{
  if (beyond_layout(t, limits)) {
    return std::nullopt;
  }
  if (beyond_layout(old_text, limits) || old.starts.size() < 2 || old.starts.back() != old_text.size()) {
    return chunk_layout(t, limits);
  }
  // The bytes both share at the start (`p`) and at the end (`s`).
  const std::size_t n = std::min(old_text.size(), t.size());
  constexpr std::size_t block = 64;  // compared with memcmp first, then byte by byte
  std::size_t p = 0;
  while (p + block <= n && std::memcmp(old_text.data() + p, t.data() + p, block) == 0) {
    p += block;
  }
  while (p < n && old_text[p] == t[p]) {
    ++p;
  }
  if (p == old_text.size() && p == t.size()) {
    return old;
  }
  std::size_t s = 0;
  while (s + block <= n - p
         && std::memcmp(old_text.data() + old_text.size() - s - block, t.data() + t.size() - s - block, block) == 0) {
    s += block;
  }
  while (s < n - p && old_text[old_text.size() - 1 - s] == t[t.size() - 1 - s]) {
    ++s;
  }
  // The header, the key and the elements' indentation must be the same: the change starts after
  // the first element's first line.
  const std::size_t first_line_end = old_text.find('\n', old.starts[0]);
  if (first_line_end == std::string_view::npos || p <= first_line_end) {
    return chunk_layout(t, limits);
  }
  const std::size_t k = indent_of(old_text.substr(old.starts[0]));
  const std::size_t from = old_text.rfind('\n', p - 1) + 1;  // the start of the line the change starts in
  const long delta = static_cast<long>(t.size()) - static_cast<long>(old_text.size());
  const std::size_t b_end = t.size() - s;  // the shared end starts here in `t`
  // The line number of a line start `pos` of `text`, from the last element start before it.
  auto line_at = [](std::string_view text, const ChunkLayout& l, std::size_t pos) {
    const auto last = std::upper_bound(l.starts.begin(), l.starts.end() - 1, pos) - 1;
    const std::size_t i = static_cast<std::size_t>(last - l.starts.begin());
    return l.start_lines[i]
           + static_cast<int>(
             std::count(text.begin() + static_cast<long>(l.starts[i]), text.begin() + static_cast<long>(pos), '\n'));
  };
  ChunkLayout out;
  out.key = old.key;
  out.header_end = old.header_end;
  std::size_t e = 0;
  for (; e + 1 < old.starts.size() && old.starts[e] < from; ++e) {
    out.starts.push_back(old.starts[e]);
    out.start_lines.push_back(old.start_lines[e]);
  }
  // Scan the lines of `t` from `from` up to the first line wholly in the shared end (the '\n' before
  // it is shared too, so it starts a line in both versions).
  int line = line_at(old_text, old, from);
  std::size_t pos = from;
  while (pos < t.size() && pos <= b_end) {
    std::size_t nl = t.find('\n', pos);
    const std::size_t end = nl == std::string_view::npos ? t.size() : nl;
    std::string_view body_of = t.substr(pos, end - pos);
    if (body_of.ends_with('\r')) {
      body_of.remove_suffix(1);
    }
    const int kind = list_line(body_of, k);
    if (kind < 0) {
      return chunk_layout(t, limits);
    }
    if (kind > 0) {
      out.starts.push_back(pos);
      out.start_lines.push_back(line);
    }
    ++line;
    pos = nl == std::string_view::npos ? t.size() : nl + 1;
  }
  if (pos < t.size()) {
    // The rest is the old version's, shifted.
    const std::size_t old_pos = static_cast<std::size_t>(static_cast<long>(pos) - delta);
    const int line_delta = line - line_at(old_text, old, old_pos);
    for (e = 0; e + 1 < old.starts.size(); ++e) {
      if (old.starts[e] >= old_pos) {
        out.starts.push_back(static_cast<std::size_t>(static_cast<long>(old.starts[e]) + delta));
        out.start_lines.push_back(old.start_lines[e] + line_delta);
      }
    }
  }
  out.starts.push_back(t.size());
  return out;
}

std::optional<YamlDoc> parse_chunks(std::string_view t, const ChunkLayout& layout, std::size_t first, std::size_t last,
                                    ChunkCache& cache, const YamlLimits& limits)
{
  // The header: everything before the first element, whose root's last key must be the list's, empty.
  YamlDoc doc = *cache.get(t.substr(0, layout.header_end), limits);
  if (!doc.ok || !doc.findings.empty() || !doc.root.is_map() || doc.root.entries.empty()) {
    return std::nullopt;
  }
  auto& [key, value] = doc.root.entries.back();
  if (key.text != layout.key || key.quoted || !value.is_null() || value.quoted) {
    return std::nullopt;
  }
  long budget = limits.max_nodes - count_nodes(doc.root);
  YamlLimits chunk_limits = limits;
  chunk_limits.max_depth = limits.max_depth - 1;  // the list sits under the root mapping
  YNode list;
  list.kind = YNode::Kind::seq;
  list.items.reserve(last - first);
  for (std::size_t c = 0; c + 1 < layout.starts.size(); ++c) {
    if (c >= last) {
      break;
    }
    if (c < first && c != 0) {
      continue;
    }
    const std::size_t from = layout.starts[c];
    auto part = cache.get(t.substr(from, layout.starts[c + 1] - from), chunk_limits);
    if (!part->ok || !part->findings.empty() || !part->root.is_seq() || part->root.flow || part->root.items.size() != 1
        || has_null(part->root.items[0])) {
      // An empty value takes its position from what follows it, which is in the next chunk.
      return std::nullopt;
    }
    const int line_shift = layout.start_lines[c];
    const long pos_shift = static_cast<long>(from);
    if (c == 0) {
      // The list starts where its first element does, kept or not.
      list.loc = part->root.loc;
      list.loc.line += line_shift;
      list.loc.pos += pos_shift;
    }
    if (c < first) {
      continue;
    }
    list.items.emplace_back();
    if (!shifted_copy(part->root.items[0], list.items.back(), line_shift, pos_shift, budget)) {
      return std::nullopt;
    }
  }
  value = std::move(list);
  return doc;
}

YamlDoc parse_yaml_chunked(std::string_view text, ChunkCache& cache, const YamlLimits& limits, ChunkStats* stats)
{
  ChunkStats local;
  ChunkStats& s = stats ? *stats : local;
  s = {};
  if (auto layout = chunk_layout(text, limits)) {
    s.chunks = layout->starts.size() - 1;
    if (auto doc = parse_chunks(text, *layout, 0, s.chunks, cache, limits)) {
      s.chunked = true;
      return std::move(*doc);
    }
  }
  s.chunked = false;
  return parse_yaml(text, limits);
}

}  // namespace pops
