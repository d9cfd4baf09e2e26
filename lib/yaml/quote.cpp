// How the minimal edits write new values. See quote.h.

#include "yaml/quote.h"

#include "base/date.h"
#include "yaml/scan.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace pops {

using yaml_scan::is_sp;
using yaml_scan::npos;
using yaml_scan::spaces;

namespace {

bool has_control(std::string_view s)
{
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return (static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7f; })
         || s.find('\n') != npos;
}

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

}  // namespace

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
    "~",   "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "yes",   "Yes",
    "YES", "no",   "No",   "NO",   "on",   "On",   "ON",   "off",   "Off",   "OFF",   "y",     "Y",
    "n",   "N",    ".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN",  "<<",    "=",     "-.inf", "+.inf"};
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

namespace yaml_write {

Written write_scalar(const NewScalar& v, bool flow, char quote, bool force_quote)
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

}  // namespace yaml_write

std::string format_scalar(const NewScalar& v, bool flow, char quote)
{
  return yaml_write::write_scalar(v, flow, quote).text;
}

}  // namespace pops
