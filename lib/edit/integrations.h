#pragma once
// `pops import` and `pops export`: roadmap items from the CSV exports of Jira, Linear and Productboard,
// and the workspace back out as Jira's CSV import format, a flat CSV of items or versioned JSON.
// An import maps the tool's columns, statuses, teams and people onto the workspace (the tool's
// defaults, then pops.yaml `integrations.<tool>`), keeps the tool's key in the item's `links`, matches
// rows to items by that key or by a `pops id` column (which `pops export jira` writes), and plans one
// minimal edit per file: new items under the next free id of their squad, and for items
// imported before only the values that changed.

#include "edit/ops.h"
#include "workspace/schema.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pops {

/// The tools `pops import` reads: jira, linear, productboard.
std::span<const std::string_view> import_tools();

/// How one tool's export maps onto the workspace: the tool's defaults, then pops.yaml
/// `integrations.<tool>` (whose entries come first and win). Tool values are compared ignoring case
/// and surrounding space.
struct ToolMapping {
  std::string tool;                                           ///< jira, linear or productboard
  std::string name;                                           ///< Jira, Linear, Productboard
  std::vector<std::pair<std::string, std::string>> statuses;  ///< tool status -> status
  std::vector<std::pair<std::string, std::string>> squads;    ///< tool project, team ... -> squad id
  std::vector<std::pair<std::string, std::string>> fields;    ///< column -> field ("" ignores the column)
  std::vector<std::pair<std::string, std::string>> people;    ///< tool name or email -> person id
  std::string squad;                                          ///< squad of rows that name none
};

/// The mapping of `tool` for this workspace (no checks: check_integrations of workspace/tool_defaults.h
/// reports what is wrong).
ToolMapping tool_mapping(const Config& cfg, std::string_view tool);

/// A problem with one row: errors leave the row out, warnings do not. A cell that does not map (a
/// status, squad, person, date, number or value pops does not know) is a warning naming the cell and
/// the fix: the row imports with the values that do map.
struct ToolImportMessage {
  int line = 0;    ///< 1-based line of the CSV cell (or of the row)
  int column = 0;  ///< 1-based byte column of the cell; 0: the row
  std::string message;
  bool error = true;
};

struct ToolImportResult {
  EditPlan plan;
  int rows = 0;  ///< data rows read
  int added = 0, updated = 0, unchanged = 0;
  int skipped = 0;                          ///< rows left out because of an error
  std::vector<ToolImportMessage> messages;  ///< in file order
  std::vector<std::string> added_ids, updated_ids;
  /// The new ids by squad, squads in the order their first new item comes in the file.
  std::vector<std::pair<std::string, std::vector<std::string>>> added_by_squad;
};

/// What `pops import` is told on its command line, beside the tool's mapping.
struct ToolImportOptions {
  std::string squad;              ///< --squad: every row to this squad (the export's team is ignored)
  std::vector<std::string> maps;  ///< --map COLUMN=FIELD, before pops.yaml's and the tool's columns
};

/// Plans the import of `csv` (the export of `tool`, read from the file `file`). Throws OpError for
/// what stops the whole import (an unknown tool, no header, no title, status or key column); rows that
/// cannot be imported are reported in `messages` and left out.
/// An unknown status falls back to the export's standard category column (Jira's `Status Category`:
/// To Do, In Progress, Done; Linear's `Status Type`: backlog, unstarted, started, completed,
/// canceled), else stays as it is (an item imported before) or is the first status of the workflow
/// (a new item), with a warning. A cell naming several squads (`Payments, Growth`) gives the first
/// one that is a squad, with a warning. Productboard's HTML descriptions become Markdown text.
/// Throws OpError for a bad --map or --squad.
ToolImportResult plan_tool_import(const EditSession& s, std::string_view csv, std::string_view tool,
                                  std::string_view file, const UsedIds& history, const ToolImportOptions& options = {});

/// A date as the tools export it: what parse_export_date reads, and Jira's `15/Dec/26 12:00 AM` and
/// `15/Dec/2026`.
std::optional<Date> parse_tool_date(std::string_view text);

/// `pops export jira`: Jira's CSV import format, one row per item: Issue key, Summary, Issue Type,
/// Status, Description, Assignee, Due date (YYYY-MM-DD), Labels (repeated columns), pops id (the
/// item's id: what `pops import` matches a row by when the item has no links.jira).
std::string export_jira_csv(const Workspace& ws);
/// `pops export csv`: one row per item, lists joined with ';', mappings as key=value;..., custom
/// fields last in the order of pops.yaml.
std::string export_items_csv(const Workspace& ws);
/// `pops export json`: the whole model, {"format": "pops-export", "version": 1, ...} (docs/export.md).
std::string export_json(const Workspace& ws);

}  // namespace pops
