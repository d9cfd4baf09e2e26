// pops report: the dashboard as one self-contained HTML page, or Markdown.

#include "commands.h"
#include "metrics_runner.h"
#include "complete.h"

#include "features/dashboard.h"
#include "features/pilot.h"
#include "features/standards.h"
#include "git/git.h"
#include "features/metrics.h"
#include "features/metrics_rollup.h"
#include "workspace/portfolio.h"
#include "base/text.h"
#include "workspace/workspace.h"

namespace pops::cli {

namespace {

struct ReportOpts {
  std::string out;
  std::string since, until;
  std::vector<std::string> squads;
  std::string period = "month";
  bool author_date = false;
  std::string format;
  std::vector<std::string> members;  ///< --member
};

/// A portfolio's dashboard (format 1.4): the metrics of every member rolled up (portfolio_metrics_for),
/// a squad named `member/squad` wherever the dashboard shows squads, item ids qualified. With --squad
/// (resolved by portfolio_squads: `kept[i]` the squads of `members[i]`), filtered to those squads.
int portfolio_dashboard(Context& ctx, const ReportOpts& o, const std::vector<Member>& members,
                        const std::vector<std::vector<std::string>>& kept, const std::string& since, Workspace& ws,
                        Metrics& m, Dashboard& d)
{
  Metrics rolled;
  if (int rc = portfolio_metrics_for(ctx, members, o.period, since, o.until, o.author_date, rolled, false, o.squads);
      rc != k_exit_ok) {
    return rc;
  }
  std::vector<std::string> squads;  // as the portfolio's workspace names them
  for (size_t i = 0; i < members.size(); ++i) {
    for (const auto& sq : kept[i]) {
      squads.push_back(qualified_id(members[i].name, sq));
    }
  }
  m = squads_qualified(rolled);
  try {
    ws = portfolio_workspace(config_at(ctx.workspace), members);
  } catch (const MemberError& e) {
    error(ctx.err, e.what());
    return k_exit_usage;
  }
  ws.root = ctx.workspace;
  d = build_dashboard(ws, m, squads, today());
  return k_exit_ok;
}

/// The standards section: the scorecard over the report's periods, and the report of each pilot under
/// way (over the whole history, every squad: not with --squad).
int add_standards(Context& ctx, const ReportOpts& o, const Metrics& m, StandardsSection& out)
{
  Repository repo = Repository::open(ctx.workspace);
  const std::string prefix = repo.prefix_of(ctx.workspace);
  StandardsOptions so;
  so.period = m.period;
  so.since = m.since;
  so.until = m.until;
  so.squads = o.squads;
  out.standards = compute_standards(repo, ctx.workspace, prefix, so);
  out.measured = true;
  if (!o.squads.empty()) {
    return k_exit_ok;
  }
  std::optional<Metrics> all;
  for (const auto& p : pilot_history(repo, ctx.workspace, prefix).pilots) {
    if (p.state != "piloting") {
      continue;
    }
    if (!all) {
      all.emplace();
      if (int rc = metrics_for(ctx, {}, "month", "", o.until, o.author_date, *all); rc != k_exit_ok) {
        return rc;
      }
    }
    out.pilots.push_back(pilot_report(repo, ctx.workspace, prefix, p.rule, all->until, *all));
  }
  return k_exit_ok;
}

/// The standards section of a portfolio: each member's (add_standards in the member's own repository,
/// over the report's periods), squads named `member/squad`, each pilot with its member. With --squad,
/// only the members holding the squads (`kept[i]` of `members[i]`), each over its own of them.
int add_portfolio_standards(Context& ctx, const ReportOpts& o, const std::vector<Member>& members,
                            const std::vector<std::vector<std::string>>& kept, const Metrics& m, StandardsSection& out)
{
  std::vector<std::pair<std::string, Standards>> all;
  const std::string portfolio_root = ctx.workspace;
  for (size_t i = 0; i < members.size(); ++i) {
    const Member& mem = members[i];
    if (!o.squads.empty() && kept[i].empty()) {
      continue;  // none of its squads asked for
    }
    ReportOpts mine = o;
    mine.squads = kept[i];
    const std::string name = mem.name.empty() ? std::string(".") : mem.name;
    StandardsSection one;
    int rc = k_exit_ok;
    ctx.workspace = mem.root;  // add_standards measures the workspace of ctx, in its own repository
    try {
      rc = add_standards(ctx, mine, m, one);
    } catch (const std::runtime_error& e) {
      ctx.workspace = portfolio_root;
      throw std::runtime_error(fmt::format("member '{}' ({}): {}", name, mem.path, e.what()));
    }
    ctx.workspace = portfolio_root;
    if (rc != k_exit_ok) {
      hint(ctx.err, fmt::format("that is in member '{}' ({})", name, mem.path));
      return rc;
    }
    for (auto& p : one.pilots) {
      out.pilots.push_back(std::move(p));
      out.pilot_members.push_back(mem.name);
    }
    all.emplace_back(mem.name, std::move(one.standards));
  }
  out.standards = portfolio_standards(all);
  out.measured = true;
  return k_exit_ok;
}

int run_report(Context& ctx, const ReportOpts& o)
{
  std::string format = o.format;
  if (format.empty()) {
    format = o.out.size() >= 3 && o.out.compare(o.out.size() - 3, 3, ".md") == 0 ? "markdown" : "html";
  }
  if (format == "html" && (o.out.empty() || o.out == "-") && ctx.out.is_tty()) {
    // A page of HTML is of no use on a terminal (as git refuses to write binary data to one).
    error(ctx.err, "the report is an HTML page; not writing it to a terminal");
    hint(ctx.err, "write it to a file with 'pops report -o report.html', pipe it, or use '--format markdown'");
    return k_exit_usage;
  }
  std::string since = o.since;
  if (since.empty()) {
    // Six periods up to today (or --until) by default.
    std::optional<Date> u;
    if (!o.until.empty()) {
      u = parse_date(o.until);
    }
    const Date end = u ? *u : today();
    const PeriodKind k = o.period == "quarter" ? PeriodKind::quarter : PeriodKind::month;
    since = format_date(add_months(period_start(k, end), k == PeriodKind::quarter ? -15 : -5));
  }
  Metrics m;
  Workspace ws;
  Dashboard d;
  std::vector<Member> members;
  int rc = k_exit_ok;
  if (portfolio_members(ctx, o.members, members, rc)) {
    std::vector<std::vector<std::string>> kept(members.size());
    if (rc != k_exit_ok) {
      return rc;
    }
    if (!o.squads.empty() && !portfolio_squads(ctx, members, o.squads, kept)) {
      return k_exit_usage;
    }
    if ((rc = portfolio_dashboard(ctx, o, members, kept, since, ws, m, d)) != k_exit_ok
        || (rc = add_portfolio_standards(ctx, o, members, kept, m, d.standards)) != k_exit_ok) {
      return rc;
    }
  } else {
    if (rc = metrics_for(ctx, o.squads, o.period, since, o.until, o.author_date, m); rc != k_exit_ok) {
      return rc;
    }
    ws = load_worktree(ctx.workspace);
    d = build_dashboard(ws, m, o.squads, today());
    if (rc = add_standards(ctx, o, m, d.standards); rc != k_exit_ok) {
      return rc;
    }
  }
  const std::string text = format == "markdown" ? render_dashboard_markdown(d, m) : render_dashboard_html(d, m);
  return write_output(ctx, o.out, text, "--out", fmt::format("wrote {}\n", printable(o.out)),
                      format == "markdown" ? OutputKind::text : OutputKind::data);
}

}  // namespace

void setup_report(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<ReportOpts>();
  app.add_option("--out,-o", o->out, "Write to this file (atomically) instead of stdout")->option_text("FILE");
  app.add_option("--since", o->since, "First period: the one holding this date (default: six periods back)")
    ->option_text("DATE");
  app.add_option("--until", o->until, "Last day counted (default: today)")->option_text("DATE");
  app
    .add_option("--squad", o->squads,
                "Only this squad (repeatable). "
                "In a portfolio: acme/payments, or payments when one member alone has it")
    ->option_text("S")
    ->check(completes(Values::member_squads));
  app.add_option("--period", o->period, "Period of the trends")
    ->check(CLI::IsMember({"month", "quarter"}))
    ->default_str("month");
  add_member_option(app, o->members);
  app.add_flag("--author-date", o->author_date, "Date commits by author date instead of committer date");
  app.add_option("--format", o->format, "Output format (default: html, or markdown for an --out ending in .md)")
    ->check(CLI::IsMember({"html", "markdown"}))
    ->option_text("html|markdown");
  app.footer("One HTML page with inline CSS and SVG charts drawn by pops: no scripts, no fonts or anything from\n"
             "the network; it reads from 400 px to any width and prints well. Sections: summary, trends by period\n"
             "(throughput, cycle time p50/p85, predictability, slips), a table per squad, at risk and slipping,\n"
             "goals and initiatives, the timeline of planned against shipped, cycle time distribution, status by\n"
             "squad, the Now/Next/Later board, capacity, top customer demand, adoption, open ritual actions.\n"
             "--format markdown writes the same sections for a README or wiki. Figures: docs/metrics.md.\n"
             "HTML is not written to a terminal: use -o FILE, a pipe or --format markdown.\n"
             "In a portfolio: every member's metrics rolled up, squads shown as member/squad, item ids\n"
             "qualified (acme/PAY-3), --member to choose; the standards of each member, its squads as\n"
             "member/squad; --squad acme/payments (or payments when one member alone has it) as in pops metrics.\n"
             "Exit status: 0, or 2 for a bad option or unknown squad, outside a git repository, when FILE\n"
             "cannot be written, for HTML to a terminal, or for a member that cannot be read or measured.");
  run = [o](Context& ctx) { return run_report(ctx, *o); };
}

}  // namespace pops::cli
