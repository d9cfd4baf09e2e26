// pops metrics: delivery metrics from the git history of the workspace (docs/metrics.md).

#include "commands.h"
#include "metrics_runner.h"

#include "workspace/filters.h"
#include "complete.h"

#include "git/git.h"
#include "history/history.h"
#include "features/metrics.h"
#include "features/metrics_rollup.h"
#include "base/text.h"
#include "workspace/workspace.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <fstream>
#include <sstream>

namespace pops::cli {

namespace {

struct MetricsOpts {
  std::vector<std::string> squads;
  std::string period = "month";
  std::string since, until;
  bool author_date = false;
  std::string format = "table";
  bool no_cache = false;
  std::vector<std::string> members;  ///< --member
};

}  // namespace

namespace {

int run_metrics(Context& ctx, const MetricsOpts& o)
{
  Metrics m;
  std::vector<Member> members;
  int rc = k_exit_ok;
  if (portfolio_members(ctx, o.members, members, rc)) {
    if (rc != k_exit_ok) {
      return rc;
    }
    rc = portfolio_metrics_for(ctx, members, o.period, o.since, o.until, o.author_date, m, o.no_cache, o.squads);
  } else if (rc == k_exit_ok) {
    rc = metrics_for(ctx, o.squads, o.period, o.since, o.until, o.author_date, m, o.no_cache);
  }
  if (rc != k_exit_ok) {
    return rc;
  }
  if (o.format == "json") {
    ctx.out.write_json(render_metrics_json(m));
  } else if (o.format == "csv") {
    ctx.out.write_data(render_metrics_csv(m));
  } else if (o.format == "markdown") {
    ctx.out.write(render_metrics_markdown(m));
  } else {
    if (m.rows.empty() && !ctx.quiet) {
      hint(ctx.err, "no history to measure: commit the workspace first");
    }
    // On a terminal, the columns read least make room (all of them: --format json or csv, a pipe).
    std::vector<std::string> left_out;
    ctx.out.write(render_metrics_table(m, ctx.out.is_tty() ? ctx.out.width() : 0, &left_out));
    if (!left_out.empty() && !ctx.quiet) {
      hint(ctx.err, fmt::format("left out to fit {} columns: {} (--format csv has them all)", ctx.out.width(),
                                join(left_out, ", ")));
    }
  }
  return k_exit_ok;
}

}  // namespace

void setup_metrics(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<MetricsOpts>();
  app
    .add_option("--squad", o->squads,
                "Only this squad (repeatable); default: every squad and the portfolio. "
                "In a portfolio: acme/payments, or payments when one member alone has it")
    ->option_text("S")
    ->check(completes(Values::member_squads));
  add_member_option(app, o->members);
  app.add_option("--period", o->period, "Period of each row")
    ->check(CLI::IsMember({"month", "quarter"}))
    ->default_str("month");
  app.add_option("--since", o->since, "First period: the one holding this date (default: the first commit's)")
    ->option_text("DATE");
  app.add_option("--until", o->until, "Last day counted (default: today)")->option_text("DATE");
  app.add_flag("--author-date", o->author_date, "Date commits by author date instead of committer date");
  app.add_option("--format", o->format, "Output format")
    ->check(CLI::IsMember({"table", "json", "csv", "markdown"}))
    ->default_str("table");
  app.add_flag("--no-cache", o->no_cache, "Neither read nor write the cache of each commit's changes");
  app.footer(
    "Replays the first-parent history of HEAD, oldest first, and measures per period, per squad and for\n"
    "the portfolio: throughput, cycle and lead time (median, 85th percentile, days), work in progress\n"
    "at the period's end against the squad's wip_limit, slips, predictability, scope churn and\n"
    "coverage. Definitions: docs/metrics.md. A figure with no data is shown as missing (\xe2\x80\x93, blank in\n"
    "CSV, null in JSON), never as 0. Dates are committer dates unless --author-date.\n"
    "What each commit changed is cached under the git directory (.git/pops/); POPS_CACHE=off or\n"
    "--no-cache turns the cache off.\n"
    "Exit status: 0, or 2 for a bad option or unknown squad, or outside a git repository.");
  run = [o](Context& ctx) { return run_metrics(ctx, *o); };
}

}  // namespace pops::cli
