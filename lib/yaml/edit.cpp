// Text-level YAML edits: find the bytes of a value from the parser's positions, splice, re-parse,
// verify. See edit.h.

#include "yaml/edit.h"

#include "base/date.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace pops {

namespace {

constexpr size_t npos = std::string::npos;

bool is_sp(char c)
{
  return c == ' ' || c == '\t';
}

bool is_ws(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string spaces(int n)
{
  return std::string(static_cast<size_t>(std::max(0, n)), ' ');
}

/// Line helpers over a text. A line's content excludes its "\n" or "\r\n".
struct Lines {
  std::string_view t;

  size_t start(size_t pos) const
  {
    if (pos == 0) {
      return 0;
    }
    size_t p = t.rfind('\n', std::min(pos, t.size()) - 1);
    return p == npos ? 0 : p + 1;
  }
  /// Position of the '\n' ending the line holding `pos`, or the text size.
  size_t nl(size_t pos) const
  {
    size_t p = t.find('\n', pos);
    return p == npos ? t.size() : p;
  }
  /// End of the content of the line holding `pos` (before "\r\n" or "\n").
  size_t content_end(size_t pos) const
  {
    size_t e = nl(pos);
    if (e > start(pos) && t[e - 1] == '\r') {
      --e;
    }
    return e;
  }
  /// Start of the next line (the text size at the last line).
  size_t next(size_t pos) const
  {
    size_t e = nl(pos);
    return e == t.size() ? e : e + 1;
  }
  int indent(size_t ls) const
  {
    int n = 0;
    while (ls + static_cast<size_t>(n) < t.size() && t[ls + static_cast<size_t>(n)] == ' ') {
      ++n;
    }
    return n;
  }
  bool blank(size_t ls) const
  {
    for (size_t i = ls; i < t.size() && t[i] != '\n'; ++i) {
      if (!is_sp(t[i]) && t[i] != '\r') {
        return false;
      }
    }
    return true;
  }
  bool comment(size_t ls) const
  {
    size_t i = ls;
    while (i < t.size() && is_sp(t[i])) {
      ++i;
    }
    return i < t.size() && t[i] == '#';
  }
  bool dash(size_t ls) const
  {
    size_t i = ls + static_cast<size_t>(indent(ls));
    return i < t.size() && t[i] == '-' && (i + 1 == t.size() || is_ws(t[i + 1]));
  }
  int column(size_t pos) const { return static_cast<int>(pos - start(pos)); }
  /// True when only spaces stand between the start of the line and `pos`.
  bool first_on_line(size_t pos) const
  {
    for (size_t i = start(pos); i < pos; ++i) {
      if (t[i] != ' ') {
        return false;
      }
    }
    return true;
  }
};

size_t dquote_end(std::string_view t, size_t p)
{
  for (size_t i = p + 1; i < t.size(); ++i) {
    if (t[i] == '\\') {
      ++i;
    } else if (t[i] == '"') {
      return i + 1;
    }
  }
  return npos;
}

size_t squote_end(std::string_view t, size_t p)
{
  for (size_t i = p + 1; i < t.size(); ++i) {
    if (t[i] == '\'') {
      if (i + 1 < t.size() && t[i + 1] == '\'') {
        ++i;
      } else {
        return i + 1;
      }
    }
  }
  return npos;
}

/// End of a plain scalar starting at `p` on its first line (trailing spaces excluded).
size_t plain_end(std::string_view t, size_t p, bool flow)
{
  size_t end = p;
  for (size_t i = p; i < t.size(); ++i) {
    const char c = t[i];
    if (c == '\n' || c == '\r') {
      break;
    }
    if (c == '#' && i > p && is_sp(t[i - 1])) {
      break;
    }
    if (flow && (c == ',' || c == ']' || c == '}' || c == '[' || c == '{')) {
      break;
    }
    if (c == ':' && (i + 1 == t.size() || is_ws(t[i + 1])
                     || (flow && std::strchr(",[]{}", t[i + 1]) != nullptr))) {
      break;
    }
    if (!is_sp(c)) {
      end = i + 1;
    }
  }
  return end;
}

/// End (after the closing bracket) of the flow collection starting at `p` ('[' or '{').
size_t flow_end(std::string_view t, size_t p)
{
  int depth = 0;
  char prev = ' ';
  for (size_t i = p; i < t.size(); ++i) {
    const char c = t[i];
    const bool token_start = is_ws(prev) || prev == '[' || prev == '{' || prev == ',' || prev == ':';
    if (c == '"' && token_start) {
      i = dquote_end(t, i);
      if (i == npos) {
        return npos;
      }
      prev = '"';
      --i;
      continue;
    }
    if (c == '\'' && token_start) {
      i = squote_end(t, i);
      if (i == npos) {
        return npos;
      }
      prev = '\'';
      --i;
      continue;
    }
    if (c == '#' && is_ws(prev)) {
      while (i < t.size() && t[i] != '\n') {
        ++i;
      }
      prev = '\n';
      continue;
    }
    if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      if (--depth == 0) {
        return i + 1;
      }
    }
    prev = c;
  }
  return npos;
}

struct BlockScalar {
  char style = '|';
  char chomp = ' ';          ///< '-', '+' or ' ' (clip)
  bool explicit_indent = false;
  size_t header_end = 0;     ///< end of the header (indicators), before spaces and a comment
  size_t content_start = 0;  ///< start of the first content line; npos when empty
  int indent = 0;            ///< indentation of the content
  size_t end = 0;            ///< end of the last non-blank content line (before its line break)
};

/// The block scalar whose indicator is at `p`; its content is indented more than `parent`.
BlockScalar block_scalar(std::string_view t, size_t p, int parent)
{
  Lines L{t};
  BlockScalar b;
  b.style = t[p];
  size_t i = p + 1;
  while (i < t.size() && (t[i] == '-' || t[i] == '+' || (t[i] >= '0' && t[i] <= '9'))) {
    if (t[i] == '-' || t[i] == '+') {
      b.chomp = t[i];
    } else {
      b.explicit_indent = true;
    }
    ++i;
  }
  b.header_end = i;
  b.end = L.content_end(p);
  b.content_start = npos;
  for (size_t ls = L.next(p); ls < t.size(); ls = L.next(ls)) {
    if (L.blank(ls)) {
      continue;
    }
    const int ind = L.indent(ls);
    if (b.content_start == npos) {
      if (ind <= parent) {
        break;
      }
      b.content_start = ls;
      b.indent = ind;
    } else if (ind < b.indent) {
      break;
    }
    b.end = L.content_end(ls);
  }
  if (b.content_start == npos) {
    b.end = b.header_end;
  }
  return b;
}

struct Extent {
  size_t begin = 0;
  size_t end = 0;
};

/// The bytes of a scalar or flow collection node. `parent` is the indentation its block scalar
/// content must exceed.
Extent value_extent(std::string_view t, const YNode& n, bool flow, int parent, std::string_view what)
{
  if (n.alias) {
    throw EditRefused(fmt::format("{} is an alias (*name) of another value", what));
  }
  if (n.loc.pos < 0 || static_cast<size_t>(n.loc.pos) >= t.size()) {
    throw EditRefused(fmt::format("the position of {} is unknown", what));
  }
  const size_t p = static_cast<size_t>(n.loc.pos);
  const char c = t[p];
  if (c == '&' || c == '!' || c == '*') {
    throw EditRefused(fmt::format("{} has an anchor or a tag (&name, !tag)", what));
  }
  size_t e = npos;
  if (n.is_scalar()) {
    if (c == '"') {
      e = dquote_end(t, p);
    } else if (c == '\'') {
      e = squote_end(t, p);
    } else if (c == '|' || c == '>') {
      if (flow) {
        throw EditRefused(fmt::format("{} has an unusual layout", what));
      }
      e = block_scalar(t, p, parent).end;
    } else {
      e = plain_end(t, p, flow);
      if (std::string_view(t.substr(p, e - p)) != n.text) {
        throw EditRefused(fmt::format("{} is written over several lines or in an unusual way", what));
      }
    }
  } else if ((n.is_seq() || n.is_map()) && n.flow && (c == '[' || c == '{')) {
    e = flow_end(t, p);
  } else {
    throw EditRefused(fmt::format("{} has an unusual layout", what));
  }
  if (e == npos) {
    throw EditRefused(fmt::format("cannot find the end of {}", what));
  }
  return {p, e};
}

/// End of a key (a scalar) at `p`, and the position just after the ':' that follows it.
size_t after_colon(std::string_view t, const YNode& key, bool flow)
{
  const size_t p = static_cast<size_t>(key.loc.pos);
  size_t e = npos;
  if (t[p] == '"') {
    e = dquote_end(t, p);
  } else if (t[p] == '\'') {
    e = squote_end(t, p);
  } else {
    e = plain_end(t, p, flow);
  }
  if (e == npos) {
    throw EditRefused(fmt::format("cannot find the end of key '{}'", key.text));
  }
  while (e < t.size() && is_sp(t[e])) {
    ++e;
  }
  if (e >= t.size() || t[e] != ':') {
    throw EditRefused(fmt::format("key '{}' has an unusual layout", key.text));
  }
  return e + 1;
}

/// End of an explicit null (`~`, `null`) written after the ':' at `colon`, or `colon` when the value
/// is simply absent.
size_t null_end(std::string_view t, size_t colon)
{
  size_t p = colon;
  while (p < t.size() && is_sp(t[p])) {
    ++p;
  }
  for (std::string_view word : {"~", "null", "Null", "NULL"}) {
    if (t.substr(p, word.size()) == word) {
      const size_t e = p + word.size();
      if (e == t.size() || is_ws(t[e]) || t[e] == ',' || t[e] == '}' || t[e] == ']') {
        return e;
      }
    }
  }
  return colon;
}

/// End (after the line break of its last line, or the text end) of the block value of a key or list
/// entry at column `col` whose line starts at `ls`. Comment lines at `col` or less at the end are
/// left out: they introduce what follows. `indentless`: the value is a list whose '-' are at `col`.
size_t region_end(std::string_view t, size_t ls, int col, bool indentless)
{
  Lines L{t};
  size_t last = L.next(ls);
  for (size_t l = L.next(ls); l < t.size(); l = L.next(l)) {
    if (L.blank(l)) {
      continue;
    }
    const int ind = L.indent(l);
    if (ind > col || (indentless && ind == col && L.dash(l))) {
      last = L.next(l);
      continue;
    }
    if (L.comment(l)) {
      continue;
    }
    break;
  }
  return last;
}

/// Finds comments outside scalars: walks the tree to mark quoted and block scalars.
class CommentScanner {
public:
  explicit CommentScanner(std::string_view t) : m_t(t) {}

  void exclude(const YNode& n, int parent, bool flow)
  {
    if (n.alias) {
      return;
    }
    if (n.is_scalar() && n.quoted && n.loc.pos >= 0 && static_cast<size_t>(n.loc.pos) < m_t.size()) {
      const size_t p = static_cast<size_t>(n.loc.pos);
      size_t e = npos;
      if (m_t[p] == '"') {
        e = dquote_end(m_t, p);
      } else if (m_t[p] == '\'') {
        e = squote_end(m_t, p);
      } else if (m_t[p] == '|' || m_t[p] == '>') {
        BlockScalar b = block_scalar(m_t, p, parent);
        // The header line may hold a comment: exclude only the content lines.
        if (b.content_start != npos) {
          m_ranges.push_back({b.content_start, b.end});
        }
        return;
      }
      if (e != npos) {
        m_ranges.push_back({p, e});
      }
      return;
    }
    Lines L{m_t};
    if (n.is_seq()) {
      const int col = n.loc.pos >= 0 ? L.column(static_cast<size_t>(n.loc.pos)) : parent;
      for (const auto& i : n.items) {
        exclude(i, col, flow || n.flow);
      }
    } else if (n.is_map()) {
      for (const auto& [k, v] : n.entries) {
        exclude(k, parent, flow || n.flow);
        const int col = k.loc.pos >= 0 ? L.column(static_cast<size_t>(k.loc.pos)) : parent;
        exclude(v, col, flow || n.flow);
      }
    }
  }

  /// (start, end) of every comment, in order.
  std::vector<std::pair<size_t, size_t>> scan()
  {
    std::sort(m_ranges.begin(), m_ranges.end(),
              [](const Extent& a, const Extent& b) { return a.begin < b.begin; });
    std::vector<std::pair<size_t, size_t>> out;
    size_t r = 0;
    char prev = '\n';
    for (size_t i = 0; i < m_t.size(); ++i) {
      while (r < m_ranges.size() && m_ranges[r].end <= i) {
        ++r;
      }
      if (r < m_ranges.size() && m_ranges[r].begin <= i) {
        i = m_ranges[r].end - 1;
        prev = 'x';
        continue;
      }
      const char c = m_t[i];
      if (c == '#' && is_ws(prev)) {
        size_t e = i;
        while (e < m_t.size() && m_t[e] != '\n' && m_t[e] != '\r') {
          ++e;
        }
        out.emplace_back(i, e);
        i = e - 1;
        prev = 'x';
        continue;
      }
      prev = c;
    }
    return out;
  }

private:
  std::string_view m_t;
  std::vector<Extent> m_ranges;
};

std::vector<std::pair<size_t, size_t>> comment_spans(std::string_view t, const YNode& root)
{
  CommentScanner s(t);
  s.exclude(root, -1, false);
  return s.scan();
}

YNode* mutable_at(YNode& root, const Path& path)
{
  YNode* n = &root;
  for (const auto& step : path) {
    if (const auto* key = std::get_if<std::string>(&step)) {
      if (!n->is_map()) {
        return nullptr;
      }
      YNode* next = nullptr;
      for (auto& [k, v] : n->entries) {
        if (k.is_scalar() && k.text == *key) {
          next = &v;
          break;
        }
      }
      if (!next) {
        return nullptr;
      }
      n = next;
    } else {
      const size_t i = std::get<size_t>(step);
      if (!n->is_seq() || i >= n->items.size()) {
        return nullptr;
      }
      n = &n->items[i];
    }
  }
  return n;
}

bool has_control(std::string_view s)
{
  return std::any_of(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7f;
  }) || s.find('\n') != npos;
}

/// A scalar written out, and whether it is quoted.
struct Written {
  std::string text;
  bool quoted = false;
};

std::string double_quoted(std::string_view s)
{
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\r':
      out += "\\r";
      break;
    default:
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
        out += fmt::format("\\x{:02X}", static_cast<unsigned char>(c));
      } else {
        out += c;
      }
    }
  }
  return out + "\"";
}

Written write_scalar(const NewScalar& v, bool flow, char quote, bool force_quote = false)
{
  const bool null_word = v.text == "~" || v.text == "null" || v.text == "Null" || v.text == "NULL";
  const bool plain = plain_safe(v.text, flow) && !(v.string && reads_as_non_string(v.text)) && !null_word;
  if (plain && !force_quote) {
    return {v.text, false};
  }
  if (quote == '\'' && !has_control(v.text)) {
    std::string out = "'";
    for (char c : v.text) {
      out += c;
      if (c == '\'') {
        out += '\'';
      }
    }
    return {out + "'", true};
  }
  return {double_quoted(v.text), true};
}

/// A mapping key to write: plain when it is a date (`2026-11-01: 412`, as people write dates as keys),
/// quoted when YAML would read it as anything else but text.
NewScalar key_scalar(std::string_view key)
{
  return {std::string(key), !parse_date(key).has_value()};
}

YNode scalar_node(const Written& w, const NewScalar& v)
{
  YNode n;
  n.kind = YNode::Kind::scalar;
  n.text = v.text;
  n.quoted = w.quoted;
  return n;
}

/// A new value in flow style ("[a, b]", "{a: b}", or a scalar) and its expected node.
std::pair<std::string, YNode> write_flow(const NewValue& v, char quote, bool in_flow)
{
  YNode n;
  if (v.kind == NewValue::Kind::scalar) {
    Written w = write_scalar(v.scalar, in_flow, quote);
    return {w.text, scalar_node(w, v.scalar)};
  }
  std::string out;
  n.flow = true;
  if (v.kind == NewValue::Kind::list) {
    n.kind = YNode::Kind::seq;
    out = "[";
    for (size_t i = 0; i < v.list.size(); ++i) {
      Written w = write_scalar(v.list[i], true, quote);
      out += (i ? ", " : "") + w.text;
      n.items.push_back(scalar_node(w, v.list[i]));
    }
    out += "]";
  } else {
    n.kind = YNode::Kind::map;
    out = "{";
    for (size_t i = 0; i < v.map.size(); ++i) {
      Written k = write_scalar(key_scalar(v.map[i].first), true, quote);
      Written w = write_scalar(v.map[i].second, true, quote);
      out += (i ? ", " : "") + k.text + ": " + w.text;
      n.entries.emplace_back(scalar_node(k, key_scalar(v.map[i].first)), scalar_node(w, v.map[i].second));
    }
    out += "}";
  }
  return {out, n};
}

/// The text after "key:" of a value in a block mapping whose keys are at column `col`: " value"
/// and a line break, or a line break and the lines of a block list or mapping. Also the value's node.
std::pair<std::string, YNode> write_block_value(const NewValue& v, int col, const TextStyle& s)
{
  const bool block_list = v.kind == NewValue::Kind::list && !s.flow_lists && !v.list.empty();
  const bool block_map = v.kind == NewValue::Kind::map && !s.flow_maps && !v.map.empty();
  std::string out;
  if (block_list) {
    YNode n;
    n.kind = YNode::Kind::seq;
    out += s.eol;
    for (const auto& item : v.list) {
      Written w = write_scalar(item, false, s.quote);
      out += spaces(col + s.list_indent) + "- " + w.text + s.eol;
      n.items.push_back(scalar_node(w, item));
    }
    return {out, n};
  }
  if (block_map) {
    YNode n;
    n.kind = YNode::Kind::map;
    out += s.eol;
    for (const auto& [mk, mv] : v.map) {
      Written wk = write_scalar(key_scalar(mk), false, s.quote);
      Written w = write_scalar(mv, false, s.quote);
      out += spaces(col + s.map_indent) + wk.text + ": " + w.text + s.eol;
      n.entries.emplace_back(scalar_node(wk, key_scalar(mk)), scalar_node(w, mv));
    }
    return {out, n};
  }
  auto [text, node] = write_flow(v, s.quote, false);
  return {" " + text + s.eol, node};
}

bool is_block_value(const NewValue& v, const TextStyle& s)
{
  return (v.kind == NewValue::Kind::list && !s.flow_lists && !v.list.empty())
         || (v.kind == NewValue::Kind::map && !s.flow_maps && !v.map.empty());
}

size_t rank_of(std::string_view key, std::span<const std::string_view> order)
{
  for (size_t i = 0; i < order.size(); ++i) {
    if (order[i] == key) {
      return i;
    }
  }
  return npos;
}

/// Index of the entry after which a new `key` goes.
size_t predecessor(const YNode& map, std::string_view key, std::span<const std::string_view> order)
{
  const size_t r = rank_of(key, order);
  size_t best = npos;
  size_t best_rank = 0;
  if (r != npos) {
    for (size_t i = 0; i < map.entries.size(); ++i) {
      const size_t ri = rank_of(map.entries[i].first.text, order);
      if (ri != npos && ri < r && (best == npos || ri > best_rank)) {
        best = i;
        best_rank = ri;
      }
    }
  }
  return best == npos ? map.entries.size() - 1 : best;
}

/// "links.jira": the keys of a path below the entry it is in (list steps and the key holding the
/// list are left out), for messages.
std::string path_name(const Path& p, std::string_view key)
{
  std::vector<std::string> parts;
  for (const auto& s : p) {
    if (const auto* k = std::get_if<std::string>(&s)) {
      parts.push_back(*k);
    } else if (!parts.empty()) {
      parts.pop_back();
    }
  }
  if (!key.empty()) {
    parts.emplace_back(key);
  }
  std::string out;
  for (const auto& part : parts) {
    out += (out.empty() ? "" : ".") + part;
  }
  return out;
}

/// The '-' of a block list entry whose node starts at `pos` on the same line, or npos.
size_t dash_of(std::string_view t, size_t pos)
{
  Lines L{t};
  const size_t ls = L.start(pos);
  size_t i = ls + static_cast<size_t>(L.indent(ls));
  if (i >= pos || t[i] != '-') {
    return npos;
  }
  for (size_t j = i + 1; j < pos; ++j) {
    if (t[j] != ' ') {
      return npos;
    }
  }
  return i;
}

} // namespace

void TextStyle::inherit(const TextStyle& o)
{
  if (!has_eol && o.has_eol) {
    eol = o.eol;
  }
  if (!has_entries && o.has_entries) {
    entry_indent = o.entry_indent;
  }
  if (!has_key_offset && o.has_key_offset) {
    key_offset = o.key_offset;
  }
  if (!has_blank && o.has_blank) {
    blank_between = o.blank_between;
  }
  if (!has_lists && o.has_lists) {
    flow_lists = o.flow_lists;
    list_indent = o.list_indent;
  }
  if (!has_maps && o.has_maps) {
    flow_maps = o.flow_maps;
    map_indent = o.map_indent;
  }
  if (!has_quotes && o.has_quotes) {
    quote = o.quote;
  }
}

const YNode* node_at(const YNode& root, const Path& path)
{
  return mutable_at(const_cast<YNode&>(root), path);
}

bool same_tree(const YNode& a, const YNode& b)
{
  if (a.kind != b.kind || a.alias != b.alias) {
    return false;
  }
  switch (a.kind) {
  case YNode::Kind::null:
    return true;
  case YNode::Kind::scalar:
    return a.text == b.text && a.quoted == b.quoted;
  case YNode::Kind::seq:
    if (a.flow != b.flow || a.items.size() != b.items.size()) {
      return false;
    }
    for (size_t i = 0; i < a.items.size(); ++i) {
      if (!same_tree(a.items[i], b.items[i])) {
        return false;
      }
    }
    return true;
  case YNode::Kind::map:
    if (a.flow != b.flow || a.entries.size() != b.entries.size()) {
      return false;
    }
    for (size_t i = 0; i < a.entries.size(); ++i) {
      if (!same_tree(a.entries[i].first, b.entries[i].first)
          || !same_tree(a.entries[i].second, b.entries[i].second)) {
        return false;
      }
    }
    return true;
  }
  return false;
}

bool plain_safe(std::string_view s, bool flow)
{
  if (s.empty() || is_sp(s.front()) || is_sp(s.back())) {
    return false;
  }
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return false;
    }
  }
  // U+0085, U+2028, U+2029 (line breaks to some parsers) and U+FEFF (byte order mark).
  for (std::string_view bad : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF"}) {
    if (s.find(bad) != npos) {
      return false;
    }
  }
  const char c0 = s[0];
  if (std::strchr("#&*!|>'\"%@`,[]{}", c0) != nullptr) {
    return false;
  }
  if ((c0 == '-' || c0 == '?' || c0 == ':') && (s.size() == 1 || is_sp(s[1]))) {
    return false;
  }
  if (s.starts_with("---") || s.starts_with("...")) {
    return false;
  }
  if (s.find(": ") != npos || s.find(":\t") != npos || s.find(" #") != npos || s.find("\t#") != npos
      || s.back() == ':') {
    return false;
  }
  // yaml-cpp reads a '?' inside [ ] and { } as the start of a key.
  if (flow && s.find_first_of(",[]{}:#?") != npos) {
    return false;
  }
  return true;
}

bool reads_as_non_string(std::string_view s)
{
  static constexpr std::array<std::string_view, 36> k_words = {
    "~",     "null",  "Null",  "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "yes",  "Yes",
    "YES",   "no",    "No",    "NO",   "on",   "On",   "ON",   "off",   "Off",   "OFF",   "y",    "Y",
    "n",     "N",     ".inf",  ".Inf", ".INF", ".nan", ".NaN", ".NAN",  "<<",    "=",     "-.inf", "+.inf"};
  if (std::find(k_words.begin(), k_words.end(), s) != k_words.end()) {
    return true;
  }
  if (s.empty()) {
    return true;
  }
  // Numbers of YAML 1.1 and 1.2 (12, -3.5, 1e3, 0x1F, 0o17, 1_000, 1:30), dates and times.
  size_t i = 0;
  if (s[0] == '+' || s[0] == '-') {
    i = 1;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
  }
  if (i >= s.size() || s[i] < '0' || s[i] > '9') {
    return false;
  }
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || std::strchr("abcdefABCDEFxXoO._:+- TtZz", c) != nullptr;
  });
}

std::string format_scalar(const NewScalar& v, bool flow, char quote)
{
  return write_scalar(v, flow, quote).text;
}

std::vector<std::string> yaml_comments(std::string_view text, const YNode& root)
{
  std::vector<std::string> out;
  for (const auto& [b, e] : comment_spans(text, root)) {
    out.emplace_back(text.substr(b, e - b));
  }
  return out;
}

YamlText::YamlText(std::string text) : m_text(std::move(text))
{
  YamlDoc doc = parse_yaml(m_text);
  if (!doc.ok) {
    const Finding& f = doc.findings.front();
    throw EditRefused(fmt::format("it is not valid YAML (line {}: {}); fix it first", f.loc.line, f.message));
  }
  if (!doc.root.is_map()) {
    throw EditRefused(fmt::format("it holds {}, not a mapping", doc.root.kind_name()));
  }
  m_root = std::move(doc.root);
  m_findings = doc.findings.size();
}

TextStyle YamlText::style(std::string_view list_key) const
{
  TextStyle s;
  const std::string_view t = m_text;
  Lines L{t};
  size_t crlf = 0;
  size_t lf = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '\n') {
      (i > 0 && t[i - 1] == '\r' ? crlf : lf)++;
    }
  }
  if (crlf + lf > 0) {
    s.has_eol = true;
    s.eol = crlf > lf ? "\r\n" : "\n";
  }
  // Quotes: what the file's quoted values use.
  size_t dq = 0;
  size_t sq = 0;
  auto count_quotes = [&](auto&& self, const YNode& n) -> void {
    if (n.is_scalar() && n.quoted && !n.alias && n.loc.pos >= 0 && static_cast<size_t>(n.loc.pos) < t.size()) {
      const char c = t[static_cast<size_t>(n.loc.pos)];
      dq += c == '"';
      sq += c == '\'';
    }
    for (const auto& i : n.items) {
      self(self, i);
    }
    for (const auto& [k, v] : n.entries) {
      self(self, v);
    }
  };
  count_quotes(count_quotes, m_root);
  if (dq + sq > 0) {
    s.has_quotes = true;
    s.quote = sq > dq ? '\'' : '"';
  }
  const YNode* list = m_root.get(list_key);
  if (!list || !list->is_seq() || list->flow || list->items.empty() || list->loc.pos < 0) {
    return s;
  }
  // Entries: the column of their '-' (fixed by the first) and of their keys, blank lines between.
  const size_t d0 = dash_of(t, static_cast<size_t>(list->items.front().loc.pos));
  s.has_entries = true;
  s.entry_indent = d0 != npos ? L.column(d0) : L.column(static_cast<size_t>(list->loc.pos));
  for (const auto& e : list->items) {
    const size_t d = e.loc.pos >= 0 ? dash_of(t, static_cast<size_t>(e.loc.pos)) : npos;
    if (d != npos && e.is_map() && !e.flow) {
      s.has_key_offset = true;
      s.key_offset = static_cast<int>(static_cast<size_t>(e.loc.pos) - d);
      break;
    }
  }
  int blank = 0;
  int tight = 0;
  size_t flow_lists = 0;
  size_t block_lists = 0;
  size_t flow_maps = 0;
  size_t block_maps = 0;
  for (size_t i = 0; i < list->items.size(); ++i) {
    const YNode& e = list->items[i];
    if (e.loc.pos < 0) {
      continue;
    }
    const size_t d = dash_of(t, static_cast<size_t>(e.loc.pos));
    if (d == npos) {
      continue;
    }
    if (i > 0) {
      // Above the entry's leading comments: a blank line or not.
      size_t ls = L.start(d);
      while (ls > 0) {
        const size_t prev = L.start(ls - 1);
        if (L.comment(prev) && L.indent(prev) <= L.column(d)) {
          ls = prev;
          continue;
        }
        (L.blank(prev) ? blank : tight)++;
        break;
      }
    }
    if (!e.is_map()) {
      continue;
    }
    for (const auto& [k, v] : e.entries) {
      if (k.loc.pos < 0 || v.loc.pos < 0 || v.alias) {
        continue;
      }
      const int kc = L.column(static_cast<size_t>(k.loc.pos));
      if (v.is_seq()) {
        if (v.flow) {
          ++flow_lists;
        } else {
          ++block_lists;
          s.list_indent = L.column(static_cast<size_t>(v.loc.pos)) - kc;
        }
      } else if (v.is_map()) {
        if (v.flow) {
          ++flow_maps;
        } else {
          ++block_maps;
          s.map_indent = L.column(static_cast<size_t>(v.loc.pos)) - kc;
        }
      }
    }
  }
  if (blank + tight > 0) {
    s.has_blank = true;
    s.blank_between = blank > tight;
  }
  if (flow_lists + block_lists > 0) {
    s.has_lists = true;
    s.flow_lists = flow_lists >= block_lists;
  }
  if (flow_maps + block_maps > 0) {
    s.has_maps = true;
    s.flow_maps = flow_maps >= block_maps;
  }
  s.list_indent = std::max(0, s.list_indent);
  s.map_indent = std::max(1, s.map_indent);
  return s;
}

void YamlText::commit(std::vector<Splice> splices, const YNode& expected, std::string_view what,
                      long removed_from, long removed_to, const std::vector<std::string>* added)
{
  std::sort(splices.begin(), splices.end(), [](const Splice& a, const Splice& b) { return a.pos > b.pos; });
  std::string text = m_text;
  size_t limit = text.size();
  for (const auto& s : splices) {
    if (s.pos + s.len > limit) {
      throw EditRefused(fmt::format("{}: overlapping changes", what));
    }
    text.replace(s.pos, s.len, s.text);
    limit = s.pos;
  }
  YamlDoc doc = parse_yaml(text);
  if (!doc.ok) {
    throw EditRefused(fmt::format("{}: the result would not be valid YAML ({}); this layout is not supported",
                                  what, doc.findings.empty() ? "" : doc.findings.front().message));
  }
  if (doc.findings.size() != m_findings) {
    throw EditRefused(fmt::format("{}: the result would have a duplicate key", what));
  }
  if (!same_tree(doc.root, expected)) {
    throw EditRefused(fmt::format("{}: the result would not read back as intended; this layout is not supported",
                                  what));
  }
  // Every comment is still there, in order (less those cut out, plus those inserted).
  std::vector<std::string> before;
  for (const auto& [b, e] : comment_spans(m_text, m_root)) {
    if (static_cast<long>(b) < removed_from || static_cast<long>(b) >= removed_to) {
      before.emplace_back(m_text.substr(b, e - b));
    }
  }
  std::vector<std::string> after = yaml_comments(text, doc.root);
  bool same = false;
  if (added) {
    before.insert(before.end(), added->begin(), added->end());
    std::sort(before.begin(), before.end());
    std::sort(after.begin(), after.end());
  }
  same = before == after;
  if (!same) {
    throw EditRefused(fmt::format("{}: a comment would be lost; this layout is not supported", what));
  }
  m_text = std::move(text);
  m_root = std::move(doc.root);
}

void YamlText::set(const Path& path, std::string_view key, const NewValue& value, const TextStyle& style,
                   std::span<const std::string_view> order)
{
  const std::string what = fmt::format("cannot set '{}'", path_name(path, key));
  const std::string_view t = m_text;
  Lines L{t};
  const YNode* map = node_at(m_root, path);
  if (!map || !map->is_map()) {
    throw EditRefused(fmt::format("{}: '{}' is not a mapping", what, path_name(path, "")));
  }
  YNode expected = m_root;
  YNode* emap = mutable_at(expected, path);
  const bool flow = map->flow;
  std::vector<Splice> splices;
  const char quote = style.quote;
  size_t idx = npos;
  for (size_t i = 0; i < map->entries.size(); ++i) {
    if (map->entries[i].first.text == key) {
      idx = i;
    }
  }
  if (idx != npos) {
    const YNode& k = map->entries[idx].first;
    const YNode& old = map->entries[idx].second;
    YNode& enew = emap->entries[idx].second;
    const int key_col = L.column(static_cast<size_t>(k.loc.pos));
    const std::string vname = fmt::format("the value of '{}'", path_name(path, key));
    if (old.is_null() && flow) {
      const size_t colon = after_colon(t, k, true);
      auto [text, node] = write_flow(value, quote, true);
      size_t end = null_end(t, colon);
      if (end == colon) {
        // "{a: , b: 1}": the spaces before ',' or '}' give way to the value.
        size_t e = colon;
        while (e < t.size() && is_sp(t[e])) {
          ++e;
        }
        if (e < t.size() && (t[e] == ',' || t[e] == '}')) {
          end = e;
        }
      }
      splices.push_back({colon, end - colon, " " + text});
      enew = node;
    } else if (old.is_null()) {
      const size_t colon = after_colon(t, k, false);
      const size_t null_to = null_end(t, colon);
      auto [body, node] = write_block_value(value, key_col, style);
      enew = node;
      if (is_block_value(value, style)) {
        // "key:" then the lines of the list; they go after the key's line.
        const size_t at = L.next(colon);
        std::string lines = body.substr(style.eol.size());
        if (at == t.size() && (t.empty() || t.back() != '\n')) {
          lines = style.eol + lines.substr(0, lines.size() - style.eol.size());
        }
        if (null_to != colon) {
          splices.push_back({colon, null_to - colon, ""});
        }
        splices.push_back({at, 0, lines});
      } else if (null_to != colon) {
        splices.push_back({colon, null_to - colon, body.substr(0, body.size() - style.eol.size())});
      } else {
        splices.push_back({colon, 0, body.substr(0, body.size() - style.eol.size())});
      }
    } else if (old.is_scalar() || old.flow) {
      Extent x = value_extent(t, old, flow, key_col, vname);
      const char c = t[x.begin];
      const char q = c == '"' || c == '\'' ? c : quote;
      if (old.is_scalar() && (c == '|' || c == '>') && value.kind == NewValue::Kind::scalar) {
        BlockScalar b = block_scalar(t, x.begin, key_col);
        const std::string& s = value.scalar.text;
        bool keep_block = b.chomp == '-' && !b.explicit_indent && b.content_start != npos && !s.empty();
        for (char ch : s) {
          if ((static_cast<unsigned char>(ch) < 0x20 && ch != '\n') || ch == 0x7f) {
            keep_block = false;
          }
        }
        if (keep_block) {
          // Every line starts and ends with a non-space; a folded scalar holds no line breaks.
          size_t from = 0;
          while (from <= s.size()) {
            size_t e = s.find('\n', from);
            std::string_view line = std::string_view(s).substr(from, e == npos ? npos : e - from);
            if (line.empty() || is_sp(line.front()) || is_sp(line.back())) {
              keep_block = false;
            }
            if (e == npos) {
              break;
            }
            from = e + 1;
          }
          if (b.style == '>' && s.find('\n') != npos) {
            keep_block = false;
          }
        }
        if (keep_block) {
          std::string content;
          size_t from = 0;
          while (true) {
            size_t e = s.find('\n', from);
            content += spaces(b.indent) + s.substr(from, e == npos ? npos : e - from);
            if (e == npos) {
              break;
            }
            content += style.eol;
            from = e + 1;
          }
          splices.push_back({b.content_start, b.end - b.content_start, content});
          enew = old;
          enew.text = s;
        } else {
          Written w = write_scalar(value.scalar, false, quote);
          splices.push_back({x.begin, b.header_end - x.begin, w.text});
          if (b.content_start != npos) {
            const size_t header_line_end = L.content_end(x.begin);
            splices.push_back({header_line_end, b.end - header_line_end, ""});
          }
          enew = scalar_node(w, value.scalar);
        }
      } else if (value.kind == NewValue::Kind::scalar) {
        const bool force = c == '"' || c == '\'';
        Written w = write_scalar(value.scalar, flow, q, force);
        splices.push_back({x.begin, x.end - x.begin, w.text});
        enew = scalar_node(w, value.scalar);
      } else {
        auto [text, node] = write_flow(value, q, flow);
        splices.push_back({x.begin, x.end - x.begin, text});
        enew = node;
      }
    } else {
      throw EditRefused(fmt::format("{}: {} is written as a block; pops changes it one entry at a time",
                                    what, vname));
    }
  } else if (flow) {
    if (map->entries.empty()) {
      const size_t p = static_cast<size_t>(map->loc.pos);
      auto [text, node] = write_flow(value, quote, true);
      Written k = write_scalar(key_scalar(key), true, quote);
      splices.push_back({p + 1, 0, k.text + ": " + text});
      emap->entries.emplace_back(scalar_node(k, key_scalar(key)), node);
    } else {
      const size_t pi = predecessor(*map, key, order);
      const YNode& pk = map->entries[pi].first;
      const YNode& pv = map->entries[pi].second;
      if (pv.is_null()) {
        throw EditRefused(fmt::format("{}: '{}' is empty inside {{ }}; edit it by hand", what, pk.text));
      }
      Extent x = value_extent(t, pv, true, 0, fmt::format("the value of '{}'", pk.text));
      auto [text, node] = write_flow(value, quote, true);
      Written k = write_scalar(key_scalar(key), true, quote);
      splices.push_back({x.end, 0, ", " + k.text + ": " + text});
      emap->entries.insert(emap->entries.begin() + static_cast<long>(pi) + 1,
                           {scalar_node(k, key_scalar(key)), node});
    }
  } else {
    if (map->entries.empty()) {
      throw EditRefused(fmt::format("{}: the mapping is empty", what));
    }
    const size_t pi = predecessor(*map, key, order);
    const YNode& pk = map->entries[pi].first;
    const YNode& pv = map->entries[pi].second;
    const size_t kp = static_cast<size_t>(pk.loc.pos);
    const int col = L.column(kp);
    const bool indentless = pv.is_seq() && !pv.flow && pv.loc.pos >= 0
                            && L.column(static_cast<size_t>(pv.loc.pos)) == col;
    const size_t at = region_end(t, L.start(kp), col, indentless);
    Written wk = write_scalar(key_scalar(key), false, quote);
    auto [text, node] = write_block_value(value, col, style);
    std::string lines = spaces(col) + wk.text + ":" + text;
    if (at == t.size() && (t.empty() || t.back() != '\n')) {
      lines = style.eol + lines.substr(0, lines.size() - style.eol.size());
    }
    splices.push_back({at, 0, lines});
    emap->entries.insert(emap->entries.begin() + static_cast<long>(pi) + 1,
                         {scalar_node(wk, key_scalar(key)), node});
  }
  commit(std::move(splices), expected, what);
}

namespace {

/// Text that replaces removed lines [from, to): the comments in them, each on a line of its own.
std::string kept_comments(std::string_view t, const std::vector<std::pair<size_t, size_t>>& comments,
                          size_t from, size_t to, int col, const std::string& eol)
{
  Lines L{t};
  std::string out;
  for (const auto& [b, e] : comments) {
    if (b < from || b >= to) {
      continue;
    }
    if (L.first_on_line(b)) {
      out += t.substr(L.start(b), L.next(b) - L.start(b));
      if (L.next(b) == t.size() && (t.empty() || t.back() != '\n')) {
        out += eol;
      }
    } else {
      out += spaces(col) + std::string(t.substr(b, e - b)) + eol;
    }
  }
  return out;
}

} // namespace

void YamlText::remove(const Path& path, std::string_view key)
{
  const std::string what = fmt::format("cannot remove '{}'", path_name(path, key));
  const std::string_view t = m_text;
  Lines L{t};
  const YNode* map = node_at(m_root, path);
  if (!map || !map->is_map()) {
    throw EditRefused(fmt::format("{}: '{}' is not a mapping", what, path_name(path, "")));
  }
  size_t idx = npos;
  for (size_t i = 0; i < map->entries.size(); ++i) {
    if (map->entries[i].first.text == key) {
      idx = i;
    }
  }
  if (idx == npos) {
    return;
  }
  YNode expected = m_root;
  YNode* emap = mutable_at(expected, path);
  emap->entries.erase(emap->entries.begin() + static_cast<long>(idx));
  const YNode& k = map->entries[idx].first;
  const YNode& v = map->entries[idx].second;
  const size_t kp = static_cast<size_t>(k.loc.pos);
  std::vector<Splice> splices;
  if (map->flow) {
    if (idx + 1 < map->entries.size()) {
      const size_t next = static_cast<size_t>(map->entries[idx + 1].first.loc.pos);
      splices.push_back({kp, next - kp, ""});
    } else if (idx > 0) {
      const YNode& pv = map->entries[idx - 1].second;
      Extent px = value_extent(t, pv, true, 0, fmt::format("the value of '{}'", map->entries[idx - 1].first.text));
      size_t end = v.is_null() ? null_end(t, after_colon(t, k, true)) : value_extent(t, v, true, 0, "the value").end;
      splices.push_back({px.end, end - px.end, ""});
    } else {
      size_t end = v.is_null() ? null_end(t, after_colon(t, k, true)) : value_extent(t, v, true, 0, "the value").end;
      splices.push_back({kp, end - kp, ""});
    }
  } else {
    if (!L.first_on_line(kp)) {
      throw EditRefused(fmt::format("{}: it is the first key of a list entry", what));
    }
    if (map->entries.size() == 1) {
      throw EditRefused(fmt::format("{}: it is the only key of its mapping", what));
    }
    const int col = L.column(kp);
    const bool indentless = v.is_seq() && !v.flow && v.loc.pos >= 0
                            && L.column(static_cast<size_t>(v.loc.pos)) == col;
    const size_t ls = L.start(kp);
    const size_t end = region_end(t, ls, col, indentless);
    std::string eol = end > 1 && t[end - 1] == '\n' && t[end - 2] == '\r' ? "\r\n" : "\n";
    std::string keep = kept_comments(t, comment_spans(t, m_root), ls, end, col, eol);
    if (end == t.size() && !t.empty() && t.back() != '\n' && !keep.empty()) {
      keep.resize(keep.size() - eol.size());
    }
    splices.push_back({ls, end - ls, keep});
  }
  commit(std::move(splices), expected, what);
}

void YamlText::list_add(const Path& path, std::string_view key, const NewScalar& value, const TextStyle& style,
                        std::span<const std::string_view> order)
{
  const std::string what = fmt::format("cannot add to '{}'", path_name(path, key));
  const YNode* map = node_at(m_root, path);
  if (!map || !map->is_map()) {
    throw EditRefused(fmt::format("{}: '{}' is not a mapping", what, path_name(path, "")));
  }
  const YNode* list = map->get(key);
  if (!list || list->is_null()) {
    set(path, key, NewValue::of_list({value}), style, order);
    return;
  }
  if (!list->is_seq()) {
    throw EditRefused(fmt::format("{}: it is not a list", what));
  }
  if (list->alias) {
    throw EditRefused(fmt::format("{}: it is an alias (*name) of another list", what));
  }
  const std::string_view t = m_text;
  Lines L{t};
  Path lpath = path;
  lpath.emplace_back(std::string(key));
  YNode expected = m_root;
  YNode* elist = mutable_at(expected, lpath);
  std::vector<Splice> splices;
  const size_t p = static_cast<size_t>(list->loc.pos);
  if (list->flow) {
    Written w = write_scalar(value, true, style.quote);
    if (list->items.empty()) {
      splices.push_back({p + 1, 0, w.text});
    } else {
      Extent x = value_extent(t, list->items.back(), true, 0, "the last entry");
      splices.push_back({x.end, 0, ", " + w.text});
    }
    elist->items.push_back(scalar_node(w, value));
  } else {
    const YNode& last = list->items.back();
    const size_t d = last.loc.pos >= 0 ? dash_of(t, static_cast<size_t>(last.loc.pos)) : npos;
    if (d == npos) {
      throw EditRefused(fmt::format("{}: its last entry has an unusual layout", what));
    }
    const size_t at = region_end(t, L.start(d), L.column(d), false);
    Written w = write_scalar(value, false, style.quote);
    std::string line = spaces(L.column(p)) + "- " + w.text + style.eol;
    if (at == t.size() && (t.empty() || t.back() != '\n')) {
      line = style.eol + line.substr(0, line.size() - style.eol.size());
    }
    splices.push_back({at, 0, line});
    elist->items.push_back(scalar_node(w, value));
  }
  commit(std::move(splices), expected, what);
}

void YamlText::list_add_map(const Path& path, std::string_view key,
                            const std::vector<std::pair<std::string, NewScalar>>& entries, const TextStyle& style,
                            std::span<const std::string_view> order)
{
  const std::string what = fmt::format("cannot add to '{}'", path_name(path, key));
  const YNode* map = node_at(m_root, path);
  if (!map || !map->is_map()) {
    throw EditRefused(fmt::format("{}: '{}' is not a mapping", what, path_name(path, "")));
  }
  if (entries.empty()) {
    throw EditRefused(fmt::format("{}: the new entry is empty", what));
  }
  const YNode* list = map->get(key);
  if (!list || list->is_null()) {
    // A new block list: written with a placeholder entry (set() writes lists of scalars), the entry
    // appended after it, then the placeholder removed; each step is verified.
    TextStyle block = style;
    block.flow_lists = false;
    static const std::string k_placeholder = "pops-placeholder-entry";
    set(path, key, NewValue::of_list({NewScalar{k_placeholder, true}}), block, order);
    list_add_map(path, key, entries, style, order);
    list_remove(path, key, k_placeholder);
    return;
  }
  if (!list->is_seq()) {
    throw EditRefused(fmt::format("{}: it is not a list", what));
  }
  if (list->alias) {
    throw EditRefused(fmt::format("{}: it is an alias (*name) of another list", what));
  }
  const std::string_view t = m_text;
  Lines L{t};
  Path lpath = path;
  lpath.emplace_back(std::string(key));
  YNode expected = m_root;
  YNode* elist = mutable_at(expected, lpath);
  std::vector<Splice> splices;
  const size_t p = static_cast<size_t>(list->loc.pos);
  if (list->flow) {
    auto [text, node] = write_flow(NewValue::of_map(entries), style.quote, true);
    if (list->items.empty()) {
      splices.push_back({p + 1, 0, text});
    } else {
      Extent x = value_extent(t, list->items.back(), true, 0, "the last entry");
      splices.push_back({x.end, 0, ", " + text});
    }
    elist->items.push_back(std::move(node));
  } else {
    const YNode& last = list->items.back();
    const size_t d = last.loc.pos >= 0 ? dash_of(t, static_cast<size_t>(last.loc.pos)) : npos;
    if (d == npos) {
      throw EditRefused(fmt::format("{}: its last entry has an unusual layout", what));
    }
    const size_t at = region_end(t, L.start(d), L.column(d), false);
    const int col = L.column(d);
    YNode n;
    n.kind = YNode::Kind::map;
    std::string lines;
    for (size_t i = 0; i < entries.size(); ++i) {
      const auto& [mk, mv] = entries[i];
      Written wk = write_scalar(key_scalar(mk), false, style.quote);
      Written w = write_scalar(mv, false, style.quote);
      lines += (i == 0 ? spaces(col) + "- " : spaces(col + 2)) + wk.text + ": " + w.text + style.eol;
      n.entries.emplace_back(scalar_node(wk, key_scalar(mk)), scalar_node(w, mv));
    }
    if (at == t.size() && (t.empty() || t.back() != '\n')) {
      lines = style.eol + lines.substr(0, lines.size() - style.eol.size());
    }
    splices.push_back({at, 0, lines});
    elist->items.push_back(std::move(n));
  }
  commit(std::move(splices), expected, what);
}

void YamlText::list_remove(const Path& path, std::string_view key, std::string_view value)
{
  const std::string what = fmt::format("cannot remove '{}' from '{}'", value, path_name(path, key));
  const YNode* map = node_at(m_root, path);
  const YNode* list = map && map->is_map() ? map->get(key) : nullptr;
  if (!list || !list->is_seq()) {
    throw EditRefused(fmt::format("{}: it is not a list", what));
  }
  if (list->alias) {
    throw EditRefused(fmt::format("{}: it is an alias (*name) of another list", what));
  }
  size_t idx = npos;
  for (size_t i = 0; i < list->items.size(); ++i) {
    if (list->items[i].is_scalar() && list->items[i].text == value) {
      idx = i;
      break;
    }
  }
  if (idx == npos) {
    throw EditRefused(fmt::format("{}: the list does not hold it", what));
  }
  if (list->items.size() == 1) {
    remove(path, key);
    return;
  }
  const std::string_view t = m_text;
  Lines L{t};
  Path lpath = path;
  lpath.emplace_back(std::string(key));
  YNode expected = m_root;
  YNode* elist = mutable_at(expected, lpath);
  elist->items.erase(elist->items.begin() + static_cast<long>(idx));
  std::vector<Splice> splices;
  const auto& items = list->items;
  if (list->flow) {
    Extent x = value_extent(t, items[idx], true, 0, "the entry");
    if (idx + 1 < items.size()) {
      const size_t next = static_cast<size_t>(items[idx + 1].loc.pos);
      splices.push_back({x.begin, next - x.begin, ""});
    } else {
      Extent px = value_extent(t, items[idx - 1], true, 0, "the entry before it");
      splices.push_back({px.end, x.end - px.end, ""});
    }
  } else {
    const size_t d = items[idx].loc.pos >= 0 ? dash_of(t, static_cast<size_t>(items[idx].loc.pos)) : npos;
    if (d == npos) {
      throw EditRefused(fmt::format("{}: the entry has an unusual layout", what));
    }
    const size_t ls = L.start(d);
    const size_t end = region_end(t, ls, L.column(d), false);
    std::string eol = end > 1 && t[end - 1] == '\n' && t[end - 2] == '\r' ? "\r\n" : "\n";
    std::string keep = kept_comments(t, comment_spans(t, m_root), ls, end, L.column(d), eol);
    if (end == t.size() && !t.empty() && t.back() != '\n' && !keep.empty()) {
      keep.resize(keep.size() - eol.size());
    }
    splices.push_back({ls, end - ls, keep});
  }
  commit(std::move(splices), expected, what);
}

void YamlText::append_entry(std::string_view key, const NewEntries& entries, const TextStyle& style)
{
  append_entries(key, std::span<const NewEntries>(&entries, 1), style);
}

void YamlText::append_entries(std::string_view key, std::span<const NewEntries> all, const TextStyle& style)
{
  const std::string what = fmt::format("cannot add an entry to '{}'", key);
  const int dash = style.entry_indent;
  const int col = dash + std::max(2, style.key_offset);
  std::string lines;
  std::vector<YNode> nodes;
  for (const NewEntries& entries : all) {
    if (entries.empty()) {
      throw EditRefused(fmt::format("{}: it has no keys", what));
    }
    if (!nodes.empty() && style.blank_between) {
      lines += style.eol;
    }
    YNode node;
    node.kind = YNode::Kind::map;
    for (size_t i = 0; i < entries.size(); ++i) {
      Written wk = write_scalar(key_scalar(entries[i].first), false, style.quote);
      auto [text, value] = write_block_value(entries[i].second, col, style);
      lines += (i == 0 ? spaces(dash) + "-" + spaces(col - dash - 1) : spaces(col)) + wk.text + ":" + text;
      node.entries.emplace_back(scalar_node(wk, key_scalar(entries[i].first)), value);
    }
    nodes.push_back(std::move(node));
  }
  if (nodes.empty()) {
    return;
  }
  insert_entry_lines(key, lines, nodes, style, what);
}

void YamlText::insert_entry_lines(std::string_view key, const std::string& lines_in, const YNode& entry,
                                  const TextStyle& style, std::string_view what,
                                  const std::vector<std::string>* comments)
{
  insert_entry_lines(key, lines_in, std::vector<YNode>{entry}, style, what, comments);
}

void YamlText::insert_entry_lines(std::string_view key, const std::string& lines_in,
                                  const std::vector<YNode>& entries, const TextStyle& style,
                                  std::string_view what, const std::vector<std::string>* comments)
{
  const std::string_view t = m_text;
  Lines L{t};
  size_t idx = npos;
  for (size_t i = 0; i < m_root.entries.size(); ++i) {
    if (m_root.entries[i].first.text == key) {
      idx = i;
    }
  }
  if (idx == npos) {
    throw EditRefused(fmt::format("{}: the file has no '{}:'", what, key));
  }
  const YNode& k = m_root.entries[idx].first;
  const YNode& list = m_root.entries[idx].second;
  YNode expected = m_root;
  YNode& elist = expected.entries[idx].second;
  std::vector<Splice> splices;
  std::string lines = lines_in;
  size_t at = npos;
  if (list.is_null() || (list.is_seq() && list.flow && list.items.empty())) {
    const size_t colon = after_colon(t, k, false);
    if (list.is_seq()) {
      const size_t p = static_cast<size_t>(list.loc.pos);
      const size_t e = flow_end(t, p);
      if (e == npos || L.start(p) != L.start(colon)) {
        throw EditRefused(fmt::format("{}: '{}' has an unusual layout", what, key));
      }
      splices.push_back({colon, e - colon, ""});
    }
    at = L.next(colon);
    elist = YNode();
    elist.kind = YNode::Kind::seq;
  } else if (list.is_seq() && !list.flow && !list.alias) {
    const YNode& last = list.items.back();
    const size_t d = last.loc.pos >= 0 ? dash_of(t, static_cast<size_t>(last.loc.pos)) : npos;
    if (d == npos) {
      throw EditRefused(fmt::format("{}: its last entry has an unusual layout", what));
    }
    at = region_end(t, L.start(d), L.column(d), false);
    if (style.blank_between) {
      lines = style.eol + lines;
    }
  } else if (list.is_seq() && list.flow) {
    throw EditRefused(fmt::format("{}: '{}' is written as a flow list [ ... ]; pops adds entries only to "
                                  "block lists (one '- ' per entry)", what, key));
  } else {
    throw EditRefused(fmt::format("{}: '{}' is not a list", what, key));
  }
  if (at == t.size() && (t.empty() || t.back() != '\n')) {
    lines = style.eol + lines.substr(0, lines.size() - style.eol.size());
  }
  splices.push_back({at, 0, lines});
  elist.items.insert(elist.items.end(), entries.begin(), entries.end());
  commit(std::move(splices), expected, what, -1, -1, comments);
}

YamlText::Block YamlText::cut_entry(std::string_view key, size_t index)
{
  const std::string what = fmt::format("cannot take entry {} out of '{}'", index + 1, key);
  const std::string_view t = m_text;
  Lines L{t};
  size_t idx = npos;
  for (size_t i = 0; i < m_root.entries.size(); ++i) {
    if (m_root.entries[i].first.text == key) {
      idx = i;
    }
  }
  const YNode* list = idx == npos ? nullptr : &m_root.entries[idx].second;
  if (!list || !list->is_seq() || list->flow || list->alias || index >= list->items.size()) {
    throw EditRefused(fmt::format("{}: '{}' is not a block list", what, key));
  }
  const YNode& e = list->items[index];
  const size_t d = e.loc.pos >= 0 ? dash_of(t, static_cast<size_t>(e.loc.pos)) : npos;
  if (d == npos) {
    throw EditRefused(fmt::format("{}: the entry has an unusual layout", what));
  }
  const int dc = L.column(d);
  size_t begin = L.start(d);
  const size_t end = region_end(t, begin, dc, false);
  while (begin > 0) {
    const size_t prev = L.start(begin - 1);
    if (!L.comment(prev) || L.indent(prev) > dc) {
      break;
    }
    begin = prev;
  }
  Block b;
  b.text = std::string(t.substr(begin, end - begin));
  if (b.text.empty() || b.text.back() != '\n') {
    b.text += '\n';
  }
  b.dash_column = dc;
  b.key_offset = e.is_map() && !e.flow ? static_cast<int>(static_cast<size_t>(e.loc.pos) - d) : 2;
  b.node = e;
  const auto spans = comment_spans(t, m_root);
  for (const auto& [cb, ce] : spans) {
    if (cb >= begin && cb < end) {
      b.comments.emplace_back(t.substr(cb, ce - cb));
    }
  }
  // One blank separator line goes with the entry.
  size_t cut_from = begin;
  size_t cut_to = end;
  if (begin > 0 && L.blank(L.start(begin - 1)) && L.start(begin - 1) > L.start(static_cast<size_t>(list->loc.pos))) {
    cut_from = L.start(begin - 1);
  } else if (end < t.size() && L.blank(end)) {
    cut_to = L.next(end);
  }
  YNode expected = m_root;
  YNode& elist = expected.entries[idx].second;
  elist.items.erase(elist.items.begin() + static_cast<long>(index));
  std::vector<Splice> splices;
  splices.push_back({cut_from, cut_to - cut_from, ""});
  if (elist.items.empty()) {
    // An empty list is written "[]"; nothing at all would read as null.
    const size_t colon = after_colon(t, m_root.entries[idx].first, false);
    if (colon > cut_from) {
      throw EditRefused(fmt::format("{}: '{}' has an unusual layout", what, key));
    }
    splices.push_back({colon, 0, " []"});
    elist.flow = true;
  }
  commit(std::move(splices), expected, what, static_cast<long>(begin), static_cast<long>(end));
  return b;
}

void YamlText::insert_block(std::string_view key, const Block& block, const TextStyle& style)
{
  const std::string what = fmt::format("cannot add an entry to '{}'", key);
  // The '-' goes to the list's column and the keys to the file's key column: lines inside the entry
  // move with the keys, the comment lines above it with the '-'.
  const int dash_delta = style.entry_indent - block.dash_column;
  const int key_col = block.dash_column + block.key_offset;
  const bool block_map = block.node.is_map() && !block.node.flow;
  const int new_key_col = style.entry_indent + (block_map ? std::max(2, style.key_offset) : block.key_offset);
  const int key_delta = new_key_col - key_col;
  std::string lines;
  size_t from = 0;
  const std::string_view src = block.text;
  bool seen_dash = false;
  while (from < src.size()) {
    size_t e = src.find('\n', from);
    if (e == npos) {
      e = src.size();
    }
    std::string_view line = src.substr(from, e - from);
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    from = e + 1;
    Lines BL{line};
    if (BL.blank(0)) {
      lines += style.eol;
      continue;
    }
    const int ind = BL.indent(0);
    std::string out;
    if (!seen_dash && ind == block.dash_column && line.substr(static_cast<size_t>(ind)).starts_with("-")) {
      seen_dash = true;
      // "-" and the spaces up to the first key.
      size_t k = static_cast<size_t>(ind) + 1;
      while (k < line.size() && line[k] == ' ') {
        ++k;
      }
      out = spaces(style.entry_indent) + "-" + spaces(new_key_col - style.entry_indent - 1)
            + std::string(line.substr(k));
      if (!block_map) {
        out = spaces(style.entry_indent) + std::string(line.substr(static_cast<size_t>(ind)));
      }
    } else {
      const int delta = seen_dash && ind >= key_col ? key_delta : dash_delta;
      if (ind + delta < 0) {
        throw EditRefused(fmt::format("{}: the entry cannot be re-indented", what));
      }
      out = spaces(ind + delta) + std::string(line.substr(static_cast<size_t>(ind)));
    }
    lines += out + style.eol;
  }
  insert_entry_lines(key, lines, block.node, style, what, &block.comments);
}

} // namespace pops
