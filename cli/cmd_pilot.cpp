// pops pilot list|report|promote: the rules pops.yaml put under `pilot:`, what each pilot showed, and
// widening or rolling one out.

#include "commands.h"

#include "complete.h"
#include "edit_runner.h"
#include "metrics_runner.h"
#include "features/metrics.h"
#include "edit/promote.h"
#include "features/pilot.h"
#include "git/git.h"
#include "base/text.h"
#include "workspace/rules.h"

#include <memory>

namespace pops::cli {

namespace {

struct PilotOpts {
  EditOptions edit;
  std::vector<std::string> squads;
  bool all = false;
  std::string rule;
  std::string format = "table";
  std::string until;
};

int run_pilot_list(Context& ctx, const PilotOpts& o)
{
  Repository repo = Repository::open(ctx.workspace);
  const PilotHistory h = pilot_history(repo, ctx.workspace, repo.prefix_of(ctx.workspace));
  note_shallow(ctx, repo);
  if (o.format == "json") {
    ctx.out.write_json(render_pilot_list_json(h));
    return k_exit_ok;
  }
  if (h.pilots.empty() && !ctx.quiet) {
    hint(ctx.err, "no rule was ever under pilot: pops.yaml's history has no `pilot:` in `rules:`");
  }
  ctx.out.write(render_pilot_list_table(h));
  return k_exit_ok;
}

/// The rule named on the command line, or an error with "did you mean" (exit 2).
bool known_rule(Context& ctx, const std::string& rule)
{
  if (find_rule(rule)) {
    return true;
  }
  std::vector<std::string> ids;
  for (const auto& r : all_rules()) {
    ids.emplace_back(r.id);
  }
  error(ctx.err, fmt::format("unknown rule '{}'{}", printable(rule), did_you_mean(rule, ids)));
  return false;
}

int run_pilot_report(Context& ctx, const PilotOpts& o)
{
  if (!known_rule(ctx, o.rule)) {
    return k_exit_usage;
  }
  Metrics m;
  if (int rc = metrics_for(ctx, {}, "month", "", o.until, false, m); rc != k_exit_ok) {
    return rc;
  }
  Repository repo = Repository::open(ctx.workspace);
  const PilotReport r = pilot_report(repo, ctx.workspace, repo.prefix_of(ctx.workspace), o.rule, m.until, m);
  if (o.format == "json") {
    ctx.out.write_json(render_pilot_report_json(r));
  } else if (o.format == "markdown") {
    ctx.out.write(render_pilot_report_markdown(r));
  } else {
    ctx.out.write(render_pilot_report_text(r));
  }
  return k_exit_ok;
}

}  // namespace

void setup_pilot(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<PilotOpts>();
  auto mode = std::make_shared<std::string>();
  CLI::App* list =
    app.add_subcommand("list", "Every rule ever under pilot: its squads, dates, and whether it was rolled out");
  list->add_option("--format", o->format, "Output format")
    ->check(CLI::IsMember({"table", "json"}))
    ->default_str("table");
  list->callback([mode] { *mode = "list"; });
  CLI::App* report = app.add_subcommand("report", "The pilot squads against the others, before and after a pilot");
  report->add_option("rule", o->rule, "The rule, e.g. doc-stale")->required();
  report->add_option("--until", o->until, "Last day measured (default: today)")->option_text("DATE");
  report->add_option("--format", o->format, "Output format")
    ->check(CLI::IsMember({"table", "json", "markdown"}))
    ->default_str("table");
  report->callback([mode] { *mode = "report"; });
  CLI::App* promote = app.add_subcommand("promote", "Widen a rule's pilot to more squads, or roll it out to all");
  promote->add_option("rule", o->rule, "The rule under pilot")->required();
  promote->add_option("--squads", o->squads, "Squads to add to the pilot, e.g. growth,platform")
    ->delimiter(',')
    ->option_text("S,S")
    ->check(completes(Values::squads));
  promote->add_flag("--all", o->all, "Roll it out: remove `pilot:`, so the rule applies to every squad");
  add_edit_options(*promote, o->edit);
  promote->callback([mode] { *mode = "promote"; });
  app.require_subcommand(1);
  use_full_help(app);
  app.footer("Reads pops.yaml's history: a rule is under pilot from the commit that gave it `pilot:` squads to\n"
             "the one that removed them (rolled out: in force for every squad) or turned it off (ended).\n"
             "The report's \"after\" window runs from that commit's day to the end of the pilot (or today), its\n"
             "\"before\" window is as long and ends the day before; each figure shows its sample size (n).\n"
             "A rule piloted more than once: the report is of its latest pilot started by --until, and says so.\n"
             "promote edits pops.yaml with a minimal edit (comments and layout stay), checked like every write.\n"
             "Exit status: 0, 1 when promote is refused because of check findings, or 2 for a usage error, a\n"
             "rule never piloted, or outside a git repository.");
  run = [o, mode](Context& ctx) {
    if (*mode == "list") {
      return run_pilot_list(ctx, *o);
    }
    if (*mode == "promote") {
      return run_edit(ctx, o->edit, false, false, [o](const EditSession& s, const UsedIds&) {
        return plan_pilot_promote(s, PromoteSpec{o->rule, o->squads, o->all});
      });
    }
    return run_pilot_report(ctx, *o);
  };
}

}  // namespace pops::cli
