// The mappings of pops import and pops export (Jira, Linear, Productboard): the tools' defaults, then
// pops.yaml `integrations:`, and its checks; the dates the tools export. See integrations.h.

#include "workspace/config.h"
#include "base/date.h"
#include "edit/integrations.h"

#include "workspace/tool_defaults.h"

#include "base/csv.h"
#include "base/money.h"
#include "base/html.h"
#include "edit/import.h"
#include "base/text.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

namespace pops {

using namespace integrations_detail;

std::span<const std::string_view> import_tools()
{
  return k_tools;
}

ToolMapping tool_mapping(const Config& cfg, std::string_view tool)
{
  ToolMapping m;
  m.tool = std::string(tool);
  const ToolDefaults* d = defaults_of(tool);
  if (!d) {
    return m;
  }
  m.name = std::string(d->name);
  const YNode* own = cfg.integrations.is_map() ? cfg.integrations.get(tool) : nullptr;
  auto pairs = [&](std::string_view key, std::vector<std::pair<std::string, std::string>>& out) {
    const YNode* n = own && own->is_map() ? own->get(key) : nullptr;
    if (!n || !n->is_map()) {
      return;
    }
    for (const auto& [k, v] : n->entries) {
      if (k.is_scalar() && (v.is_scalar() || v.is_null())) {
        out.emplace_back(k.text, v.is_null() ? std::string() : v.text);
      }
    }
  };
  pairs("statuses", m.statuses);
  pairs("squads", m.squads);
  pairs("fields", m.fields);
  pairs("people", m.people);
  if (const YNode* sq = own && own->is_map() ? own->get("squad") : nullptr; sq && sq->is_scalar()) {
    m.squad = sq->text;
  }
  for (const auto& [from, to] : d->statuses) {
    if (cfg.has_status(to)) {
      m.statuses.emplace_back(from, to);
    }
  }
  for (const auto& [col, field] : d->columns) {
    m.fields.emplace_back(col, field);
  }
  return m;
}

std::optional<Date> parse_tool_date(std::string_view text)
{
  if (auto d = parse_export_date(text)) {
    return d;
  }
  // Jira: d/MMM/yy or d/MMM/yyyy, optionally followed by a time.
  static constexpr std::string_view k_months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  const std::string_view t = trim(text);
  const size_t s1 = t.find('/');
  const size_t s2 = s1 == std::string_view::npos ? s1 : t.find('/', s1 + 1);
  if (s2 == std::string_view::npos || s1 == 0 || s1 > 2 || s2 - s1 != 4) {
    return std::nullopt;
  }
  int day = 0;
  for (char c : t.substr(0, s1)) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    day = day * 10 + (c - '0');
  }
  const std::string mon = lower(t.substr(s1 + 1, 3));
  const auto mi = std::find(std::begin(k_months), std::end(k_months), mon);
  if (mi == std::end(k_months)) {
    return std::nullopt;
  }
  size_t i = s2 + 1;
  int year = 0;
  int digits = 0;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
    year = year * 10 + (t[i] - '0');
    ++digits;
    ++i;
  }
  if ((digits != 2 && digits != 4) || (i < t.size() && t[i] != ' ')) {
    return std::nullopt;
  }
  if (digits == 2) {
    year += 2000;
  }
  return parse_date(fmt::format("{:04}-{:02}-{:02}", year, (mi - std::begin(k_months)) + 1, day));
}

}  // namespace pops
