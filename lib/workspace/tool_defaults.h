#pragma once
// The tools pops imports from and exports to (Jira, Linear, Productboard): their export's columns,
// statuses and categories, the small helpers the mapping, the import and the export share (internal
// to lib/edit/, whose interface is edit/integrations.h), and the check of pops.yaml `integrations:`,
// here below check/ so that reading pops.yaml checks it.

#include "workspace/config.h"
#include "workspace/model.h"
#include "workspace/schema.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pops::integrations_detail {

using Pairs = std::vector<std::pair<std::string_view, std::string_view>>;

struct ToolDefaults {
  std::string_view tool, name;
  Pairs statuses;  ///< tool status -> status; the first one of each status is what `pops export` writes
  Pairs columns;   ///< column -> field
  std::vector<std::string_view> category_columns;  ///< the export's status category, if it has one
  Pairs categories;  ///< status category -> status: the fallback for a status pops does not know
};

/// The tools, in the order `pops import` lists them.
inline constexpr std::string_view k_tools[] = {"jira", "linear", "productboard"};

/// The defaults of `tool`, or nullptr for a tool pops does not know.
const ToolDefaults* defaults_of(std::string_view tool);
/// `s` trimmed and lowercased: how tool values are compared.
std::string norm(std::string_view s);
/// The value `key` maps to in `pairs`, compared ignoring case and surrounding space; nullptr if none.
const std::string* lookup(const std::vector<std::pair<std::string, std::string>>& pairs, std::string_view key);
/// The values of `v`.
std::vector<std::string> names_of(const std::vector<LStr>& v);
/// The fields a column can be mapped to, for messages.
std::vector<std::string> field_targets(const Config& cfg);
/// True when a column can be mapped to `f`: a plain field, score.NAME, links.NAME or a custom field.
bool valid_target(const Config& cfg, std::string_view f);
/// The value of links.<tool> of `it`, or "".
std::string link_of(const Item& it, std::string_view tool);

}  // namespace pops::integrations_detail

namespace pops {

/// Checks pops.yaml `integrations:` (tools, keys, status, squad, person and field targets) and reports
/// `schema` findings through `r`, each at its place. `cfg` is read already (squads, statuses, fields).
void check_integrations(const YNode& integrations, const Config& cfg, SchemaReader& r);

}  // namespace pops
