// Minimal text edits on the entries of a top-level block list (items:, entries:): append new
// entries, cut one out with its comments, insert a cut block re-indented. See edit.h.

#include "yaml/edit.h"

#include "yaml/quote.h"
#include "yaml/scan.h"

#include <fmt/format.h>

#include <algorithm>

namespace pops {

using namespace yaml_scan;
using namespace yaml_write;

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

void YamlText::insert_entry_lines(std::string_view key, const std::string& lines_in, const std::vector<YNode>& entries,
                                  const TextStyle& style, std::string_view what,
                                  const std::vector<std::string>* comments)
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
                                  "block lists (one '- ' per entry)",
                                  what, key));
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
      out =
        spaces(style.entry_indent) + "-" + spaces(new_key_col - style.entry_indent - 1) + std::string(line.substr(k));
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

}  // namespace pops
