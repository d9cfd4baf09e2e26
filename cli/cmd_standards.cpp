// pops standards: the standards scorecard per squad, from the history of the workspace.

#include "commands.h"

#include "complete.h"
#include "features/standards.h"
#include "git/git.h"
#include "workspace/filters.h"

namespace pops::cli {

namespace {

struct StandardsOpts {
  std::vector<std::string> squads;
  std::string period = "month";
  std::string since, until;
  std::string format = "table";
};

int run_standards(Context& ctx, const StandardsOpts& o)
{
  StandardsOptions opts;
  opts.period = o.period == "quarter" ? PeriodKind::quarter : PeriodKind::month;
  std::optional<Date> u;
  if (!parse_date_option(ctx, o.since, "--since", opts.since) || !parse_date_option(ctx, o.until, "--until", u)) {
    return k_exit_usage;
  }
  opts.until = u ? *u : today();
  if (opts.since && *opts.since > opts.until) {
    error(ctx.err, fmt::format("--since {} is after --until {}", format_date(*opts.since), format_date(opts.until)));
    return k_exit_usage;
  }
  opts.squads = o.squads;
  Repository repo = Repository::open(ctx.workspace);
  const std::string prefix = repo.prefix_of(ctx.workspace);
  const Standards s = compute_standards(repo, ctx.workspace, prefix, opts);
  if (std::string msg = unknown_value(o.squads, s.known_squads, "squad"); !msg.empty() && !s.periods.empty()) {
    error(ctx.err, msg);
    return k_exit_usage;
  }
  note_shallow(ctx, repo);
  if (o.format == "json") {
    ctx.out.write_json(render_standards_json(s));
  } else if (o.format == "markdown") {
    ctx.out.write(render_standards_markdown(s));
  } else {
    if (s.periods.empty() && !ctx.quiet) {
      hint(ctx.err, "no history to measure: commit the workspace first");
    }
    ctx.out.write(render_standards_table(s));
  }
  return k_exit_ok;
}

}  // namespace

void setup_standards(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<StandardsOpts>();
  app.add_option("--squad", o->squads, "Only this squad (repeatable); default: every squad")
    ->option_text("S")
    ->check(completes(Values::squads));
  app.add_option("--period", o->period, "Period of each column")
    ->check(CLI::IsMember({"month", "quarter"}))
    ->default_str("month");
  app.add_option("--since", o->since, "First period: the one holding this date (default: the first commit's)")
    ->option_text("DATE");
  app.add_option("--until", o->until, "Last day measured (default: today)")->option_text("DATE");
  app.add_option("--format", o->format, "Output format")
    ->check(CLI::IsMember({"table", "json", "markdown"}))
    ->default_str("table");
  app.footer("For each squad and each rule in force, the findings of `pops check` at the end of each period and\n"
             "the share of the rule's subjects that comply (docs/commands.md lists what each rule is about).\n"
             "Each period's state is the last commit on or before its end, checked as of that day with the\n"
             "pops.yaml of that commit (its severities and pilots); a rule under pilot is measured for every\n"
             "squad, marked \"(not in force)\" where it did not apply. A period marked * is partial.\n"
             "Exit status: 0, or 2 for a bad option or unknown squad, or outside a git repository.");
  run = [o](Context& ctx) { return run_standards(ctx, *o); };
}

}  // namespace pops::cli
