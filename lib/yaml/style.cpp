// The style of a YAML file (line endings, quotes, indentation, list and mapping styles), detected so
// that new text looks like the rest of it. See TextStyle in edit.h.

#include "yaml/edit.h"

#include "yaml/scan.h"

#include <algorithm>

namespace pops {

using namespace yaml_scan;

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

}  // namespace pops
