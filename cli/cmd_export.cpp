// pops export jira|csv|json [-o FILE]: the items as Jira's CSV import format or a flat CSV, or the
// whole workspace as versioned JSON (docs/export.md).

#include "commands.h"

#include "edit/integrations.h"
#include "base/text.h"

#include <fmt/format.h>

namespace pops::cli {

namespace {

struct ExportOpts {
  std::string format, output;
};

constexpr std::string_view k_formats[] = {"jira", "csv", "json"};

}  // namespace

void setup_export(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<ExportOpts>();
  app
    .add_option("format", o->format,
                "jira (Jira's CSV import format), csv (one row per item) or json (the "
                "whole workspace)")
    ->required();
  app.add_option("-o,--output", o->output, "Write to FILE (atomically) instead of stdout")->option_text("FILE");
  app.footer("Items come in file order. 'pops export json' has a versioned shape documented in docs/export.md.\n"
             "Exit status: 0 done, 2 usage error or pops could not run.");
  run = [o](Context& ctx) {
    if (std::find(std::begin(k_formats), std::end(k_formats), o->format) == std::end(k_formats)) {
      std::vector<std::string> names(std::begin(k_formats), std::end(k_formats));
      error(ctx.err, fmt::format("unknown export format '{}'{}", printable(o->format), did_you_mean(o->format, names)));
      hint(ctx.err, fmt::format("the formats are {}", join(names, ", ")));
      return k_exit_usage;
    }
    Workspace ws = load_worktree(ctx.workspace);
    if (!ws.config.loaded) {
      error(ctx.err, "pops.yaml cannot be used; run 'pops check' to see why");
      return k_exit_usage;
    }
    if (const auto bad = std::count_if(ws.findings.begin(), ws.findings.end(),
                                       [](const Finding& x) { return x.rule == "yaml-syntax"; });
        bad > 0 && !ctx.quiet) {
      warning(ctx.err, fmt::format("{} file{} could not be read and {} left out; run 'pops check' for details", bad,
                                   bad == 1 ? "" : "s", bad == 1 ? "is" : "are"));
    }
    const std::string text = o->format == "jira"  ? export_jira_csv(ws)
                             : o->format == "csv" ? export_items_csv(ws)
                                                  : export_json(ws);
    return write_output(
      ctx, o->output, text, "--output",
      fmt::format("wrote {} item{} to {}\n", ws.items.size(), ws.items.size() == 1 ? "" : "s", printable(o->output)),
      o->format == "json" ? OutputKind::json : OutputKind::data);
  };
}

}  // namespace pops::cli
