#include "workspace/schema.h"

#include "base/text.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace pops {

std::string quote(std::string_view text)
{
  std::string t(text.substr(0, 60));
  if (text.size() > 60) {
    t += "...";
  }
  for (auto& c : t) {
    if (c == '\n' || c == '\r' || c == '\t') {
      c = ' ';
    }
  }
  return "'" + printable(t) + "'";
}

bool parse_number(std::string_view t, double& out)
{
  if (t.empty()) {
    return false;
  }
  std::string_view body = t;
  if (body.front() == '+') {
    body.remove_prefix(1);
  }
  if (body.starts_with("0x") || body.starts_with("0X")) {
    long long v = 0;
    auto [p, ec] = std::from_chars(body.data() + 2, body.data() + body.size(), v, 16);
    if (ec != std::errc() || p != body.data() + body.size() || body.size() == 2) {
      return false;
    }
    out = static_cast<double>(v);
    return true;
  }
  auto [p, ec] = std::from_chars(body.data(), body.data() + body.size(), out);
  return ec == std::errc() && p == body.data() + body.size() && std::isfinite(out);
}

void SchemaReader::report(const Loc& where, std::string message, std::string_view rule, std::vector<std::string> squads)
{
  Finding f;
  f.file = m_file;
  f.loc = where;
  f.rule = std::string(rule);
  f.message = std::move(message);
  f.squads = std::move(squads);
  m_out.push_back(std::move(f));
}

void SchemaReader::attribute_since(size_t first, const std::string& squad)
{
  for (size_t i = first; i < m_out.size(); ++i) {
    m_out[i].squads = {squad};
  }
}

bool SchemaReader::expect_map(const YNode& n, std::string_view what)
{
  if (n.is_map()) {
    return true;
  }
  report(n.loc.known() ? n.loc : Loc{1, 1, 0},
         fmt::format("{} must be a mapping of keys to values, found {}", what, n.kind_name()));
  return false;
}

void SchemaReader::check_keys(const YNode& map, std::span<const std::string_view> known, std::string_view where,
                              std::span<const std::string> extra)
{
  std::vector<std::string> all(known.begin(), known.end());
  all.insert(all.end(), extra.begin(), extra.end());
  for (const auto& [k, v] : map.entries) {
    bool ok = false;
    for (const auto& a : all) {
      if (a == k.text) {
        ok = true;
        break;
      }
    }
    if (!ok) {
      report(k.loc, fmt::format("unknown key {} in {}{}", quote(k.text), where, did_you_mean(k.text, all)));
    }
  }
}

const YNode* SchemaReader::key_node(const YNode& map, std::string_view key) const
{
  for (const auto& [k, v] : map.entries) {
    if (k.text == key) {
      return &k;
    }
  }
  return nullptr;
}

bool SchemaReader::require(const YNode& map, std::string_view key, std::string_view what)
{
  const YNode* v = map.get(key);
  if (v && !v->is_null()) {
    return true;
  }
  if (v) {
    report(key_node(map, key)->loc, fmt::format("{} has an empty '{}'; give it a value", what, key));
  } else {
    report(map.loc, fmt::format("{} is missing required key '{}'", what, key));
  }
  return false;
}

LStr SchemaReader::str_of(const YNode& n, std::string_view what, const Loc& key_loc)
{
  LStr out;
  out.key_loc = key_loc;
  out.loc = n.loc;
  if (n.is_null()) {
    return out;
  }
  if (!n.is_scalar()) {
    report(n.loc, fmt::format("'{}' must be a single value, found {}", what, n.kind_name()));
    return out;
  }
  out.value = n.text;
  out.set = true;
  return out;
}

Located<double> SchemaReader::number_of(const YNode& n, std::string_view what, bool allow_percent, const Loc& key_loc)
{
  Located<double> out;
  out.key_loc = key_loc;
  out.loc = n.loc;
  if (n.is_null()) {
    return out;
  }
  if (!n.is_scalar()) {
    report(n.loc, fmt::format("'{}' must be a number, found {}", what, n.kind_name()));
    return out;
  }
  std::string_view t = n.text;
  double scale = 1.0;
  if (allow_percent && !n.quoted && t.ends_with('%')) {
    t.remove_suffix(1);
    scale = 0.01;
  }
  double v = 0;
  if (n.quoted || !parse_number(t, v)) {
    report(n.loc,
           fmt::format("'{}' must be a number{}, found {}", what, allow_percent ? " or a percentage like 80%" : "",
                       n.quoted ? "the quoted text " + quote(n.text) : quote(n.text)));
    return out;
  }
  out.value = v * scale;
  out.set = true;
  return out;
}

Located<Date> SchemaReader::date_of(const YNode& n, std::string_view what, const Loc& key_loc)
{
  Located<Date> out;
  out.key_loc = key_loc;
  out.loc = n.loc;
  if (n.is_null()) {
    return out;
  }
  if (!n.is_scalar()) {
    report(n.loc, fmt::format("'{}' must be a date (YYYY-MM-DD), found {}", what, n.kind_name()));
    return out;
  }
  auto d = parse_date(n.text);
  if (!d) {
    report(n.loc, fmt::format("'{}' is not a valid date: {}; expected YYYY-MM-DD", what, quote(n.text)));
    return out;
  }
  out.value = *d;
  out.set = true;
  return out;
}

Located<bool> SchemaReader::bool_of(const YNode& n, std::string_view what, const Loc& key_loc)
{
  Located<bool> out;
  out.key_loc = key_loc;
  out.loc = n.loc;
  if (n.is_null()) {
    return out;
  }
  const std::string l = lower(n.text);
  if (!n.is_scalar() || n.quoted || (l != "true" && l != "false")) {
    report(n.loc, fmt::format("'{}' must be true or false, found {}", what,
                              n.is_scalar() ? quote(n.text) : std::string(n.kind_name())));
    return out;
  }
  out.value = l == "true";
  out.set = true;
  return out;
}

std::vector<LStr> SchemaReader::str_list_of(const YNode& n, std::string_view what, std::string_view example)
{
  std::vector<LStr> out;
  if (n.is_null()) {
    return out;
  }
  if (!n.is_seq()) {
    std::string hint;
    if (n.is_scalar() && !n.text.empty()) {
      hint = fmt::format(", e.g. [{}]", n.text);
    } else if (!example.empty()) {
      hint = fmt::format(", e.g. [{}]", example);
    }
    report(n.loc, fmt::format("'{}' must be a list{}, found {}", what, hint, n.kind_name()));
    return out;
  }
  for (const auto& item : n.items) {
    LStr s = str_of(item, what);
    if (s.set) {
      out.push_back(std::move(s));
    } else if (item.is_null()) {
      report(item.loc, fmt::format("'{}' has an empty entry", what));
    }
  }
  return out;
}

LStr SchemaReader::str(const YNode& map, std::string_view key)
{
  const YNode* v = map.get(key);
  if (!v) {
    return {};
  }
  return str_of(*v, key, key_node(map, key)->loc);
}

Located<long> SchemaReader::integer(const YNode& map, std::string_view key)
{
  Located<long> out;
  const YNode* v = map.get(key);
  if (!v) {
    return out;
  }
  auto n = number_of(*v, key, false, key_node(map, key)->loc);
  out.loc = n.loc;
  out.key_loc = n.key_loc;
  if (!n.set) {
    return out;
  }
  if (n.value != std::floor(n.value) || std::fabs(n.value) > 1e15) {
    report(v->loc, fmt::format("'{}' must be a whole number, found {}", key, quote(v->text)));
    return out;
  }
  out.value = static_cast<long>(n.value);
  out.set = true;
  return out;
}

Located<double> SchemaReader::number(const YNode& map, std::string_view key, bool allow_percent)
{
  const YNode* v = map.get(key);
  return v ? number_of(*v, key, allow_percent, key_node(map, key)->loc) : Located<double>{};
}

Located<Date> SchemaReader::date(const YNode& map, std::string_view key)
{
  const YNode* v = map.get(key);
  return v ? date_of(*v, key, key_node(map, key)->loc) : Located<Date>{};
}

Located<bool> SchemaReader::boolean(const YNode& map, std::string_view key)
{
  const YNode* v = map.get(key);
  return v ? bool_of(*v, key, key_node(map, key)->loc) : Located<bool>{};
}

std::vector<LStr> SchemaReader::str_list(const YNode& map, std::string_view key, std::string_view example)
{
  const YNode* v = map.get(key);
  return v ? str_list_of(*v, key, example) : std::vector<LStr>{};
}

}  // namespace pops
