// Text-level YAML edits: find the bytes of a value from the parser's positions, splice, re-parse,
// verify. See edit.h.

#include "yaml/edit.h"

#include "yaml/quote.h"
#include "yaml/scan.h"

#include <fmt/format.h>

#include <algorithm>

namespace pops {

using namespace yaml_scan;
using namespace yaml_write;

namespace {

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

/// True when `s` can replace the content of the block scalar `b` in its style: `|-` or `>-` with no
/// explicit indentation, every line starting and ending with a non-space, no control characters, and
/// no line break in a folded scalar.
bool keeps_block_style(const BlockScalar& b, std::string_view s)
{
  if (b.chomp != '-' || b.explicit_indent || b.content_start == npos || s.empty()) {
    return false;
  }
  for (char ch : s) {
    if ((static_cast<unsigned char>(ch) < 0x20 && ch != '\n') || ch == 0x7f) {
      return false;
    }
  }
  size_t from = 0;
  while (from <= s.size()) {
    size_t e = s.find('\n', from);
    std::string_view line = s.substr(from, e == npos ? npos : e - from);
    if (line.empty() || is_sp(line.front()) || is_sp(line.back())) {
      return false;
    }
    if (e == npos) {
      break;
    }
    from = e + 1;
  }
  return !(b.style == '>' && s.find('\n') != npos);
}

/// The lines of `s` as the content of a block scalar indented by `indent`.
std::string block_content(std::string_view s, int indent, const std::string& eol)
{
  std::string content;
  size_t from = 0;
  while (true) {
    size_t e = s.find('\n', from);
    content += spaces(indent) + std::string(s.substr(from, e == npos ? npos : e - from));
    if (e == npos) {
      break;
    }
    content += eol;
    from = e + 1;
  }
  return content;
}

}  // namespace

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
      if (!same_tree(a.entries[i].first, b.entries[i].first) || !same_tree(a.entries[i].second, b.entries[i].second)) {
        return false;
      }
    }
    return true;
  }
  return false;
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

void YamlText::commit(std::vector<Splice> splices, const YNode& expected, std::string_view what, long removed_from,
                      long removed_to, const std::vector<std::string>* added)
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
    throw EditRefused(fmt::format("{}: the result would not be valid YAML ({}); this layout is not supported", what,
                                  doc.findings.empty() ? "" : doc.findings.front().message));
  }
  if (doc.findings.size() != m_findings) {
    throw EditRefused(fmt::format("{}: the result would have a duplicate key", what));
  }
  if (!same_tree(doc.root, expected)) {
    throw EditRefused(
      fmt::format("{}: the result would not read back as intended; this layout is not supported", what));
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
        if (keeps_block_style(b, s)) {
          splices.push_back({b.content_start, b.end - b.content_start, block_content(s, b.indent, style.eol)});
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
      throw EditRefused(fmt::format("{}: {} is written as a block; pops changes it one entry at a time", what, vname));
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
      emap->entries.insert(emap->entries.begin() + static_cast<long>(pi) + 1, {scalar_node(k, key_scalar(key)), node});
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
    const bool indentless =
      pv.is_seq() && !pv.flow && pv.loc.pos >= 0 && L.column(static_cast<size_t>(pv.loc.pos)) == col;
    const size_t at = region_end(t, L.start(kp), col, indentless);
    Written wk = write_scalar(key_scalar(key), false, quote);
    auto [text, node] = write_block_value(value, col, style);
    std::string lines = spaces(col) + wk.text + ":" + text;
    if (at == t.size() && (t.empty() || t.back() != '\n')) {
      lines = style.eol + lines.substr(0, lines.size() - style.eol.size());
    }
    splices.push_back({at, 0, lines});
    emap->entries.insert(emap->entries.begin() + static_cast<long>(pi) + 1, {scalar_node(wk, key_scalar(key)), node});
  }
  commit(std::move(splices), expected, what);
}

namespace {

/// Text that replaces removed lines [from, to): the comments in them, each on a line of its own.
std::string kept_comments(std::string_view t, const std::vector<std::pair<size_t, size_t>>& comments, size_t from,
                          size_t to, int col, const std::string& eol)
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

}  // namespace

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
    const bool indentless = v.is_seq() && !v.flow && v.loc.pos >= 0 && L.column(static_cast<size_t>(v.loc.pos)) == col;
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

}  // namespace pops
