// The scanner of YAML text behind the minimal edits. See scan.h.

#include "yaml/scan.h"

#include "yaml/edit.h"

#include <fmt/format.h>

#include <cstring>

namespace pops {

namespace yaml_scan {

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
    if (c == ':' && (i + 1 == t.size() || is_ws(t[i + 1]) || (flow && std::strchr(",[]{}", t[i + 1]) != nullptr))) {
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
    std::sort(m_ranges.begin(), m_ranges.end(), [](const Extent& a, const Extent& b) { return a.begin < b.begin; });
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

}  // namespace yaml_scan

std::vector<std::string> yaml_comments(std::string_view text, const YNode& root)
{
  std::vector<std::string> out;
  for (const auto& [b, e] : yaml_scan::comment_spans(text, root)) {
    out.emplace_back(text.substr(b, e - b));
  }
  return out;
}

}  // namespace pops
