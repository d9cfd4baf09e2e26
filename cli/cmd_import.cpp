// pops import jira|linear|productboard FILE.csv: roadmap items from a tool's CSV export; a second
// import of a newer export updates the same items (by links.<tool>) with minimal edits.

#include "commands.h"
#include "csv_file.h"
#include "edit_runner.h"
#include "complete.h"

#include "edit/integrations.h"
#include "base/text.h"

#include <fmt/format.h>

namespace pops::cli {

namespace {

struct ImportOpts {
  EditOptions edit;
  std::string tool, file;
  ToolImportOptions import;
};

}  // namespace

void setup_import(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<ImportOpts>();
  app.add_option("tool", o->tool, "The tool the export comes from: jira, linear or productboard")->required();
  app.add_option("file", o->file, "The CSV export (RFC 4180; UTF-8, a BOM and CRLF are fine)")->required();
  app.add_option("--squad", o->import.squad, "Import every row into this squad (the export's team is ignored)")
    ->option_text("SQUAD")
    ->check(completes(Values::squads));
  app
    .add_option("--map", o->import.maps,
                "Read FIELD (title, status, owner, target, horizon, tags, okr, "
                "description, score.NAME, links.NAME or a custom field) from COLUMN (repeat)")
    ->allow_extra_args(false)
    ->option_text("COLUMN=FIELD");
  add_edit_options(app, o->edit);
  app.footer("Columns, statuses, teams and people map to the workspace by the tool's defaults and pops.yaml\n"
             "'integrations:' (docs/commands.md). The tool's key is kept in the item's links (links: {jira:\n"
             "PAY-1234}): importing again updates those items, changing only the values that differ.\n"
             "A cell that does not map (a status, squad, person, date or value pops does not know) is a warning\n"
             "naming the cell and the fix, and the row imports with the values that do map; rows that cannot be\n"
             "imported (no key, no title, no squad for a new item) are reported as FILE:LINE:COLUMN and left out.\n"
             "Exit status: 0 done, 1 rows left out or the change refused because of check findings,\n"
             "2 usage error or pops could not run.");
  run = [o](Context& ctx) {
    const auto tools = import_tools();
    if (std::find(tools.begin(), tools.end(), o->tool) == tools.end()) {
      std::vector<std::string> names(tools.begin(), tools.end());
      error(ctx.err, fmt::format("unknown tool '{}'{}", printable(o->tool), did_you_mean(o->tool, names)));
      hint(ctx.err, fmt::format("pops imports from {}", join(names, ", ")));
      return k_exit_usage;
    }
    const std::string bytes = read_csv_file(ctx, o->file);
    auto result = std::make_shared<ToolImportResult>();
    const int rc = run_edit(ctx, o->edit, true, false, [&](const EditSession& s, const UsedIds& used) {
      *result = plan_tool_import(s, bytes, o->tool, o->file, used, o->import);
      for (const auto& m : result->messages) {
        const std::string where =
          m.column > 0 ? fmt::format("{}:{}:{}", o->file, m.line, m.column) : fmt::format("{}:{}", o->file, m.line);
        (m.error ? error : warning)(ctx.err, printable(fmt::format("{}: {}", where, m.message)));
      }
      return result->plan;
    });
    if (!ctx.quiet && result->rows > 0) {
      std::string line =
        fmt::format("{} added, {} updated, {} unchanged", result->added, result->updated, result->unchanged);
      if (result->skipped > 0) {
        line += fmt::format(", {} left out", result->skipped);
      }
      if (!result->added_ids.empty() && rc == k_exit_ok) {
        // Every new id, by squad: "(new: PAY-2, PAY-3 in payments; GRW-1 in growth)".
        std::vector<std::string> groups;
        for (const auto& [squad, ids] : result->added_by_squad) {
          groups.push_back(fmt::format("{} in {}", join(ids, ", "), squad));
        }
        line += fmt::format(" (new: {})", join(groups, "; "));
      }
      ctx.err.write(line + "\n");
    }
    if (result->skipped > 0) {
      return std::max(rc, k_exit_findings);
    }
    return rc;
  };
}

}  // namespace pops::cli
