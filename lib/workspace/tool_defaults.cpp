// The tools pops imports from and exports to (Jira, Linear, Productboard): their defaults, the helpers
// the mapping, the import and the export share, and the check of pops.yaml `integrations:`. See
// tool_defaults.h.

#include "workspace/tool_defaults.h"

#include "base/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <span>

namespace pops {

namespace integrations_detail {

namespace {

constexpr std::string_view k_tool_keys[] = {"squad", "squads", "statuses", "fields", "people"};
constexpr std::string_view k_plain_fields[] = {"key",   "id",     "title",   "status", "squad", "description",
                                               "owner", "target", "horizon", "tags",   "okr"};

// The columns and workflow names of each tool's CSV export.
const std::array<ToolDefaults, 3>& tool_defaults()
{
  static const std::array<ToolDefaults, 3> k = {{
    {"jira",
     "Jira",
     {{"To Do", "planned"},
      {"Backlog", "idea"},
      {"Discovery", "discovery"},
      {"In Progress", "in-progress"},
      {"Done", "shipped"},
      {"Won't Do", "dropped"},
      {"Open", "planned"},
      {"Selected for Development", "planned"},
      {"In Review", "in-progress"},
      {"Closed", "shipped"},
      {"Resolved", "shipped"},
      {"Won't Fix", "dropped"},
      {"Cancelled", "dropped"},
      {"Canceled", "dropped"},
      {"Duplicate", "dropped"}},
     {{"Issue key", "key"},
      {"Summary", "title"},
      {"Status", "status"},
      {"Project key", "squad"},
      {"Description", "description"},
      {"Assignee", "owner"},
      {"Due date", "target"},
      {"Labels", "tags"},
      {"pops id", "id"}},
     {"Status Category"},
     {{"To Do", "planned"},
      {"In Progress", "in-progress"},
      {"Done", "shipped"},
      {"New", "planned"},
      {"Indeterminate", "in-progress"}}},
    {"linear",
     "Linear",
     {{"Todo", "planned"},
      {"Backlog", "idea"},
      {"In Progress", "in-progress"},
      {"Done", "shipped"},
      {"Canceled", "dropped"},
      {"Triage", "idea"},
      {"In Review", "in-progress"},
      {"Duplicate", "dropped"}},
     {{"ID", "key"},
      {"Title", "title"},
      {"Status", "status"},
      {"Team", "squad"},
      {"Description", "description"},
      {"Assignee", "owner"},
      {"Due Date", "target"},
      {"Labels", "tags"},
      {"Estimate", "score.effort"},
      {"pops id", "id"}},
     {"Status Type", "State Type"},
     {{"triage", "idea"},
      {"backlog", "idea"},
      {"unstarted", "planned"},
      {"started", "in-progress"},
      {"completed", "shipped"},
      {"canceled", "dropped"},
      {"cancelled", "dropped"}}},
    {"productboard",
     "Productboard",
     {{"Planned", "planned"},
      {"New idea", "idea"},
      {"Candidate", "discovery"},
      {"In progress", "in-progress"},
      {"Released", "shipped"},
      {"Won't do", "dropped"},
      {"Under consideration", "discovery"},
      {"Done", "shipped"},
      {"Archived", "dropped"}},
     {{"Feature ID", "key"},
      {"Feature name", "title"},
      {"Status", "status"},
      {"Teams", "squad"},
      {"Description", "description"},
      {"Owner", "owner"},
      {"Timeframe end", "target"},
      {"Tags", "tags"},
      {"pops id", "id"}},
     {},
     {}},
  }};
  return k;
}

}  // namespace

const ToolDefaults* defaults_of(std::string_view tool)
{
  for (const auto& d : tool_defaults()) {
    if (d.tool == tool) {
      return &d;
    }
  }
  return nullptr;
}

std::string norm(std::string_view s)
{
  return lower(trim(s));
}

const std::string* lookup(const std::vector<std::pair<std::string, std::string>>& pairs, std::string_view key)
{
  const std::string k = norm(key);
  for (const auto& [from, to] : pairs) {
    if (norm(from) == k) {
      return &to;
    }
  }
  return nullptr;
}

std::vector<std::string> names_of(const std::vector<LStr>& v)
{
  std::vector<std::string> out;
  for (const auto& x : v) {
    out.push_back(x.value);
  }
  return out;
}

std::vector<std::string> field_targets(const Config& cfg)
{
  std::vector<std::string> out(std::begin(k_plain_fields), std::end(k_plain_fields));
  out.emplace_back("score.NAME");
  out.emplace_back("links.NAME");
  for (const auto& f : cfg.fields) {
    out.push_back(f.name.value);
  }
  return out;
}

bool valid_target(const Config& cfg, std::string_view f)
{
  if (std::find(std::begin(k_plain_fields), std::end(k_plain_fields), f) != std::end(k_plain_fields)) {
    return true;
  }
  for (std::string_view p : {"score.", "links."}) {
    if (f.starts_with(p) && f.size() > p.size() && f.find_first_of(" .=", p.size()) == std::string_view::npos) {
      return true;
    }
  }
  return cfg.field(f) != nullptr;
}

std::string link_of(const Item& it, std::string_view tool)
{
  for (const auto& [k, v] : it.links) {
    if (k.value == tool) {
      return v.value;
    }
  }
  return {};
}

}  // namespace integrations_detail

using namespace integrations_detail;

void check_integrations(const YNode& integrations, const Config& cfg, SchemaReader& r)
{
  if (!integrations.is_map()) {
    return;
  }
  r.check_keys(integrations, k_tools, "'integrations'");
  for (const auto& tool : integrations.entries) {
    const YNode& tk = tool.first;  // named, not a structured binding: lambdas below capture them
    const YNode& tv = tool.second;
    if (!defaults_of(tk.text) || tv.is_null()) {
      continue;
    }
    const std::string where = fmt::format("integrations.{}", tk.text);
    if (!r.expect_map(tv, fmt::format("'{}'", where))) {
      continue;
    }
    r.check_keys(tv, k_tool_keys, fmt::format("'{}'", where));
    // Each of squads, statuses, people: a mapping of tool values to known ids.
    auto check_map = [&](std::string_view key, std::string_view what, std::string_view whats,
                         std::span<const std::string> known, std::string_view example) {
      const YNode* n = tv.get(key);
      if (!n || n->is_null() || !r.expect_map(*n, fmt::format("'{}.{}'", where, key))) {
        return;
      }
      for (const auto& [k, v] : n->entries) {
        if (!v.is_scalar()) {
          r.report(v.loc.known() ? v.loc : k.loc, fmt::format("'{}.{}' maps {} to {}, found {}; e.g. {}", where, key,
                                                              quote(k.text), what, v.kind_name(), example));
        } else if (std::find(known.begin(), known.end(), v.text) == known.end()) {
          r.report(v.loc, fmt::format("unknown {} {} in '{}.{}'{}; the {} are {}", what, quote(v.text), where, key,
                                      did_you_mean(v.text, known), whats, join(known, ", ")));
        }
      }
    };
    const std::vector<std::string> squads = squad_ids(cfg);
    const std::vector<std::string> statuses = names_of(cfg.statuses);
    const std::vector<std::string> people = person_ids(cfg);
    check_map("squads", "squad", "squads", squads, "{PAY: payments}");
    check_map("statuses", "status", "statuses", statuses, "{\"In Review\": in-progress}");
    check_map("people", "person", "people", people, "{\"Alice Park\": alice}");
    if (const YNode* sq = tv.get("squad"); sq && !sq->is_null()) {
      if (!sq->is_scalar()) {
        r.report(sq->loc, fmt::format("'{}.squad' must be a squad id, found {}", where, sq->kind_name()));
      } else if (std::find(squads.begin(), squads.end(), sq->text) == squads.end()) {
        r.report(sq->loc, fmt::format("unknown squad {} in '{}.squad'{}; the squads are {}", quote(sq->text), where,
                                      did_you_mean(sq->text, squads), join(squads, ", ")));
      }
    }
    if (const YNode* f = tv.get("fields"); f && !f->is_null() && r.expect_map(*f, fmt::format("'{}.fields'", where))) {
      const std::vector<std::string> targets = field_targets(cfg);
      for (const auto& [k, v] : f->entries) {
        if (v.is_null() || (v.is_scalar() && !v.quoted && v.text.empty())) {
          continue;  // the column is ignored
        }
        if (!v.is_scalar()) {
          r.report(v.loc.known() ? v.loc : k.loc,
                   fmt::format("'{}.fields' maps the column {} to a field, found {}; e.g. \"Story Points\": "
                               "score.effort, or null to ignore the column",
                               where, quote(k.text), v.kind_name()));
        } else if (!valid_target(cfg, v.text)) {
          r.report(v.loc, fmt::format("unknown field {} in '{}.fields'{}; a column maps to one of {}, or null to "
                                      "ignore it",
                                      quote(v.text), where, did_you_mean(v.text, targets), join(targets, ", ")));
        }
      }
    }
  }
}

}  // namespace pops
