#pragma once
// The scanner of YAML text behind the minimal edits (yaml/edit.h): where a quoted, plain or block
// scalar, a flow collection, a key's ':' or a block value ends, and where the comments are, from the
// positions the parser recorded. Internal to lib/yaml/.

#include "yaml/yaml_tree.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pops::yaml_scan {

constexpr size_t npos = std::string::npos;

inline bool is_sp(char c)
{
  return c == ' ' || c == '\t';
}

inline bool is_ws(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

inline std::string spaces(int n)
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

/// End (after the closing quote) of the double-quoted scalar starting at `p`, or npos.
size_t dquote_end(std::string_view t, size_t p);
/// End (after the closing quote) of the single-quoted scalar starting at `p`, or npos.
size_t squote_end(std::string_view t, size_t p);
/// End of a plain scalar starting at `p` on its first line (trailing spaces excluded).
size_t plain_end(std::string_view t, size_t p, bool flow);
/// End (after the closing bracket) of the flow collection starting at `p` ('[' or '{'), or npos.
size_t flow_end(std::string_view t, size_t p);

struct BlockScalar {
  char style = '|';
  char chomp = ' ';  ///< '-', '+' or ' ' (clip)
  bool explicit_indent = false;
  size_t header_end = 0;     ///< end of the header (indicators), before spaces and a comment
  size_t content_start = 0;  ///< start of the first content line; npos when empty
  int indent = 0;            ///< indentation of the content
  size_t end = 0;            ///< end of the last non-blank content line (before its line break)
};

/// The block scalar whose indicator is at `p`; its content is indented more than `parent`.
BlockScalar block_scalar(std::string_view t, size_t p, int parent);

struct Extent {
  size_t begin = 0;
  size_t end = 0;
};

/// The bytes of a scalar or flow collection node. `parent` is the indentation its block scalar
/// content must exceed. Throws EditRefused (naming `what`) when they cannot be found safely.
Extent value_extent(std::string_view t, const YNode& n, bool flow, int parent, std::string_view what);
/// The position just after the ':' that follows the key (a scalar) `key`. Throws EditRefused.
size_t after_colon(std::string_view t, const YNode& key, bool flow);
/// End of an explicit null (`~`, `null`) written after the ':' at `colon`, or `colon` when the value
/// is simply absent.
size_t null_end(std::string_view t, size_t colon);
/// End (after the line break of its last line, or the text end) of the block value of a key or list
/// entry at column `col` whose line starts at `ls`. Comment lines at `col` or less at the end are
/// left out: they introduce what follows. `indentless`: the value is a list whose '-' are at `col`.
size_t region_end(std::string_view t, size_t ls, int col, bool indentless);
/// The '-' of a block list entry whose node starts at `pos` on the same line, or npos.
size_t dash_of(std::string_view t, size_t pos);
/// (start, end) of every comment outside quoted and block scalars, in order.
std::vector<std::pair<size_t, size_t>> comment_spans(std::string_view t, const YNode& root);

}  // namespace pops::yaml_scan
