// Inline Markdown escaping. See markdown.h.

#include "base/markdown.h"

#include "base/text.h"

#include <algorithm>

namespace pops {

namespace {

std::string escape(std::string_view s, bool line_start)
{
  std::string flat;
  flat.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
      continue;
    }
    flat += (s[i] == '\n' || s[i] == '\r') ? ' ' : s[i];
  }
  const std::string v = printable(flat);
  std::string out;
  out.reserve(v.size() + v.size() / 8);
  // Where a block marker would be read: the first character after leading spaces, or the `.`/`)`
  // after leading digits.
  size_t i = 0;
  while (i < v.size() && v[i] == ' ') {
    out += v[i++];
  }
  size_t marker = std::string_view::npos;
  if (line_start && i < v.size() && (v[i] == '#' || v[i] == '-' || v[i] == '+')) {
    marker = i;
  } else if (line_start) {
    size_t d = i;
    while (d < v.size() && v[d] >= '0' && v[d] <= '9') {
      ++d;
    }
    if (d > i && d < v.size() && (v[d] == '.' || v[d] == ')')) {
      marker = d;
    }
  }
  for (; i < v.size(); ++i) {
    const char c = v[i];
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '\\':
    case '`':
    case '*':
    case '_':
    case '[':
    case ']':
    case '|':
      out += '\\';
      out += c;
      break;
    default:
      if (i == marker) {
        out += '\\';
      }
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string markdown_text(std::string_view s)
{
  return escape(s, true);
}

std::string markdown_cell(std::string_view s)
{
  return escape(s, false);
}

std::string markdown_code(std::string_view s)
{
  std::string flat;
  for (char c : s) {
    flat += (c == '\n' || c == '\r') ? ' ' : c;
  }
  const std::string v = printable(flat);
  size_t longest = 0, run = 0;
  for (char c : v) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  const bool pad = !v.empty() && (v.front() == '`' || v.back() == '`');
  return fence + (pad ? " " : "") + v + (pad ? " " : "") + fence;
}

}  // namespace pops
