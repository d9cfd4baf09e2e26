// pops roadmap: items by horizon, as a board, a table, Markdown, a mermaid Gantt chart, a timeline of
// planned against shipped, JSON or CSV, now or as it was at a revision or date.

#include "commands.h"
#include "complete.h"

#include "git/git.h"
#include "git/repo.h"
#include "history/history.h"
#include "features/metrics.h"
#include "features/roadmap.h"
#include "features/timeline.h"
#include "base/markdown.h"
#include "base/text.h"
#include "workspace/workspace.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <deque>

namespace pops::cli {

namespace {

struct RoadmapOpts {
  RoadmapFilter filter;
  std::vector<std::string> members;  ///< --member
  std::string at;
  std::string format;        ///< empty: board on a terminal, table otherwise
  std::string by = "squad";  ///< of the timeline: squad, owner or (a portfolio) member
  std::string since;         ///< of the timeline: its first month (default: five months back)
};

Color status_color(const std::string& s)
{
  if (s == "in-progress") {
    return Color::yellow;
  }
  if (s == "shipped") {
    return Color::green;
  }
  if (s == "dropped") {
    return Color::dim;
  }
  if (s == "planned") {
    return Color::blue;
  }
  return Color::magenta;
}

void print_table(Context& ctx, const std::vector<RoadmapColumn>& cols)
{
  // On a terminal the table fits its width: titles are cut, and the squad and owner columns go when
  // it is narrow. A pipe gets whole values, the titles' column as wide as the widest.
  const Term& out = ctx.out;
  const bool cut = out.is_tty();
  const int width = out.width();
  const int fixed = 2 + 11 + 1 + 12 + 11 + 11 + 11;  // id, the title's space, status, squad, owner, target
  const bool who = !cut || width - fixed >= 20;
  size_t title_w = static_cast<size_t>(std::max(10, width - fixed + (who ? 0 : 22)));
  if (!cut) {
    title_w = 10;
    for (const auto& col : cols) {
      for (const Item* it : col.items) {
        title_w = std::max(title_w, static_cast<size_t>(display_width(printable(it->title.value))));
      }
    }
  }
  // A value in exactly `w` columns: padded, or (on a terminal) cut with "..." (display width, UTF-8 aware).
  auto fit = [cut](const std::string& v, size_t w) {
    return cut ? pad_width(printable(v), static_cast<int>(w), "...")
               : printable(v)
                   + std::string(w > static_cast<size_t>(display_width(printable(v)))
                                   ? w - static_cast<size_t>(display_width(printable(v)))
                                   : 0,
                                 ' ');
  };
  bool first = true;
  for (const auto& col : cols) {
    if (!first) {
      out.write("\n");
    }
    first = false;
    out.write(out.paint(Color::bold, fmt::format("{} ({})", column_title(col.horizon), col.items.size())) + "\n");
    for (const Item* it : col.items) {
      std::string line = fmt::format("  {} {} {}", fit(it->id.value, 10), fit(it->title.value, title_w),
                                     out.paint(status_color(it->status.value), fit(it->status.value, 12)));
      if (who) {
        line += fmt::format(" {} {}", fit(it->squad.value, 10), fit(it->owner.value, 10));
      }
      line += " " + (it->target.set ? format_date(it->target.value) : std::string());
      if (it->initiative.set) {  // its initiative, after the target's column
        line += std::string(it->target.set ? 0 : 10, ' ') + "  ^" + printable(it->initiative.value);
      }
      while (!line.empty() && line.back() == ' ') {
        line.pop_back();
      }
      out.write(line + "\n");
    }
  }
}

/// The first-in-progress dates of items, from the history up to `at` (HEAD when unset); empty
/// outside a git repository or before the first commit.
/// `who` starts the warning ("member 'acme' (../acme): " in a portfolio).
std::map<std::string, Date> start_dates(Context& ctx, const std::optional<CommitRef>& at, const std::string& who = {})
{
  try {
    Repository repo = Repository::open(ctx.workspace);
    if (!at && !repo.has_commits()) {
      return {};
    }
    History history(repo, ctx.workspace, repo.prefix_of(ctx.workspace));
    use_history_cache(history, repo);
    auto out = first_started(history.log(at ? at->id : "HEAD"));
    note_shallow(ctx, repo, &history);  // items started before the boundary get a later start
    return out;
  } catch (const std::runtime_error& e) {
    if (inside_git_repo(ctx.workspace)) {
      warning(ctx.err, fmt::format("{}the bars have no start dates: {}", who, e.what()));
    }
    return {};
  }
}

/// The item facts of the history up to `until` (from the month holding `since`, else from the first
/// commit), walked from `at` (HEAD when unset): the ship dates of the mermaid chart and the dates of
/// the timeline. Nullopt outside a git repository or before the first commit; with `strict`, a failure
/// to read the history is an error, else a warning (starting with `who`).
std::optional<Metrics> item_facts(Context& ctx, const Workspace& ws, const std::optional<CommitRef>& at, Date until,
                                  const std::optional<Date>& since, bool strict, const std::string& who = {})
{
  try {
    Repository repo = Repository::open(ctx.workspace);
    if (!at && !repo.has_commits()) {
      return std::nullopt;
    }
    History history(repo, ctx.workspace, repo.prefix_of(ctx.workspace));
    use_history_cache(history, repo);
    MetricsOptions opts;
    opts.since = since;
    opts.until = until;
    if (since) {
      history.shallow_window(period_start(opts.period, *since));
    }
    Metrics m = compute_metrics(history, at ? at->id : "HEAD", ws.config, opts);
    note_shallow(ctx, repo, &history);
    return m;
  } catch (const std::runtime_error& e) {
    if (strict) {
      error(ctx.err, e.what());
    } else if (inside_git_repo(ctx.workspace)) {
      warning(ctx.err, fmt::format("{}the bars have no ship dates: {}", who, e.what()));
    }
    return std::nullopt;
  }
}

/// The first month of the timeline (--since, else five months back), or nullopt with the error said.
std::optional<Date> timeline_since(Context& ctx, const RoadmapOpts& o, Date day)
{
  std::optional<Date> since;
  if (!o.since.empty()) {
    since = parse_date(o.since);
    if (!since) {
      error(ctx.err, fmt::format("--since: '{}' is not a date (YYYY-MM-DD)", printable(o.since)));
      return std::nullopt;
    }
  } else {
    since = add_months(period_start(PeriodKind::month, day), -5);  // six months, as pops report shows
  }
  if (*since > day) {
    error(ctx.err, fmt::format("--since {} is after {}", format_date(*since), format_date(day)));
    return std::nullopt;
  }
  return since;
}

/// The timeline of the workspace of ctx (`ws` as read), or nullopt with the error said (exit 2).
std::optional<Timeline> timeline_of(Context& ctx, const Workspace& ws, const RoadmapOpts& o,
                                    const std::optional<CommitRef>& at, Date day, Date since)
{
  if (!inside_git_repo(ctx.workspace)) {
    error(ctx.err, "the timeline needs the git history of the workspace: not a git repository");
    return std::nullopt;
  }
  Metrics m;
  m.until = day;  // before the first commit: an empty timeline
  if (at || Repository::open(ctx.workspace).has_commits()) {
    auto facts = item_facts(ctx, ws, at, day, since, true);
    if (!facts) {
      return std::nullopt;  // the error is said
    }
    m = std::move(*facts);
  }
  RoadmapFilter f = o.filter;
  f.include_closed = true;  // what shipped is half of the picture
  return build_timeline(roadmap_view(ws, f), m, o.by == "owner" ? TimelineGroup::owner : TimelineGroup::squad, day);
}

void write_timeline(Context& ctx, const RoadmapOpts& o, const Timeline& t)
{
  if (o.format == "timeline-json") {
    ctx.out.write_json(render_timeline_json(t));
  } else {
    ctx.out.write(render_timeline_text(t, ctx.out.width()));
  }
}

int print_timeline(Context& ctx, const Workspace& ws, const RoadmapOpts& o, const std::optional<CommitRef>& at,
                   Date day)
{
  if (o.by == "member") {
    error(ctx.err, "--by member needs a portfolio (pops.yaml 'portfolio:'); group by squad or owner");
    return k_exit_usage;
  }
  const auto since = timeline_since(ctx, o, day);
  if (!since) {
    return k_exit_usage;
  }
  const auto t = timeline_of(ctx, ws, o, at, day, *since);
  if (!t) {
    return k_exit_usage;
  }
  write_timeline(ctx, o, *t);
  return k_exit_ok;
}

/// A portfolio's timeline: each member's from its own history, one after the other, ids qualified
/// (`acme/PAY-3`), grouped by `member/squad` (`member/owner` with --by owner) or by member.
int print_portfolio_timeline(Context& ctx, const RoadmapOpts& o, const std::vector<Member>& members,
                             const std::vector<std::optional<CommitRef>>& ats, Date day)
{
  const auto since = timeline_since(ctx, o, day);
  if (!since) {
    return k_exit_usage;
  }
  Timeline all;
  all.by = o.by == "owner" ? TimelineGroup::owner : TimelineGroup::squad;
  all.today = day;
  bool first = true;
  const std::string portfolio_root = ctx.workspace;
  for (size_t i = 0; i < members.size(); ++i) {
    const Member& m = members[i];
    const std::string name = m.name.empty() ? std::string(".") : m.name;
    ctx.workspace = m.root;  // the member's history, in its own repository
    std::optional<Timeline> t;
    try {
      t = timeline_of(ctx, m.ws, o, ats[i], day, *since);
    } catch (const std::runtime_error& e) {
      ctx.workspace = portfolio_root;
      throw std::runtime_error(fmt::format("member '{}' ({}): {}", name, m.path, e.what()));
    }
    ctx.workspace = portfolio_root;
    if (!t) {
      hint(ctx.err, fmt::format("that is in member '{}' ({})", name, m.path));
      return k_exit_usage;
    }
    all.from = first ? t->from : std::min(all.from, t->from);
    all.to = first ? t->to : std::max(all.to, t->to);
    first = false;
    auto group_of = [&](const std::string& g) {
      if (o.by == "member") {
        return name;
      }
      return m.name.empty() ? g : (g.empty() ? m.name : m.name + "/" + g);
    };
    for (auto& b : t->bars) {
      b.id = qualified_id(m.name, b.id);
      b.group = group_of(b.group);
      if (std::find(all.groups.begin(), all.groups.end(), b.group) == all.groups.end()) {
        all.groups.push_back(b.group);
      }
      all.bars.push_back(std::move(b));
    }
  }
  if (first) {
    all.from = all.to = day;
  }
  write_timeline(ctx, o, all);
  return k_exit_ok;
}

std::string member_name(const Member& m)
{
  return m.name.empty() ? std::string(".") : m.name;
}

/// --at in a portfolio: a date, each member read as of its own last commit on or before it (`ats`,
/// `members[i].ws` replaced). A revision, a member outside a git repository, one without a commit by
/// then, or a shallow clone that does not reach back to the date is an error naming it (exit 2).
int portfolio_at(Context& ctx, const std::string& arg, std::vector<Member>& members,
                 std::vector<std::optional<CommitRef>>& ats)
{
  ats.assign(members.size(), std::nullopt);
  if (arg.empty()) {
    return k_exit_ok;
  }
  if (!parse_date(arg)) {
    error(ctx.err, fmt::format("--at '{}' is not a date: in a portfolio --at takes a date (YYYY-MM-DD), each member "
                               "as of its last commit on or before it; a revision names a commit of one repository",
                               printable(arg)));
    auto named = std::find_if(members.begin(), members.end(), [](const Member& m) { return !m.name.empty(); });
    hint(ctx.err, fmt::format("for a revision, run it in the member's workspace: pops -C {} roadmap --at {}",
                              named == members.end() ? std::string("MEMBER") : printable(named->path), printable(arg)));
    return k_exit_usage;
  }
  for (size_t i = 0; i < members.size(); ++i) {
    Member& m = members[i];
    const std::string who = fmt::format("member '{}' ({})", member_name(m), printable(m.path));
    try {
      Repository repo = Repository::open(m.root);
      const std::string prefix = repo.prefix_of(m.root);
      ats[i] = resolve_at(repo, m.root, prefix, arg);
      if (!ats[i]) {
        error(ctx.err, fmt::format("{}: no commit on or before {}", who, arg));
        return k_exit_usage;
      }
      m.ws = load_workspace(m.root, repo.tree_files(ats[i]->id, prefix));
    } catch (const std::runtime_error& e) {
      throw std::runtime_error(fmt::format("{}: {}", who, e.what()));
    }
    const auto errors = std::count_if(m.ws.findings.begin(), m.ws.findings.end(),
                                      [](const Finding& x) { return x.rule == "yaml-syntax"; });
    if (errors > 0 && !ctx.quiet) {
      warning(ctx.err, fmt::format("{}: {} file{} could not be read as of {}", who, errors, errors == 1 ? "" : "s",
                                   ats[i]->short_id));
    }
  }
  return k_exit_ok;
}

/// "as of 1a2b3c4 2026-10-20 start PAY-2": the commit a member was read at.
std::string as_of(const CommitRef& at)
{
  return fmt::format("as of {} {} {}", at.short_id, format_date(commit_date(at)), printable(at.summary));
}

/// A portfolio's mermaid chart: one Gantt of every member's items (render_mermaid), a section per
/// `member/squad`, ids qualified; each member's start and ship days from its own history.
int print_portfolio_mermaid(Context& ctx, const RoadmapOpts& o, const std::vector<Member>& members,
                            const std::vector<Workspace>& views, const std::vector<std::optional<CommitRef>>& ats,
                            Date day)
{
  std::deque<Item> items;  // the members' items, squads qualified (stable addresses)
  RoadmapColumn all;
  std::map<std::string, Date> started;
  std::map<std::string, Date> shipped;
  const std::string portfolio_root = ctx.workspace;
  const std::string product = config_at(portfolio_root).product.value;
  for (size_t i = 0; i < members.size(); ++i) {
    const Member& m = members[i];
    const std::string who = fmt::format("member '{}' ({}): ", member_name(m), printable(m.path));
    ctx.workspace = m.root;  // the member's history, in its own repository
    std::map<std::string, Date> starts;
    std::optional<Metrics> facts;
    if (!inside_git_repo(m.root)) {
      warning(ctx.err, who + "not in a git repository; its bars are drawn from targets only (no start or ship days)");
    }
    try {
      starts = start_dates(ctx, ats[i], who);
      facts = item_facts(ctx, m.ws, ats[i], day, std::nullopt, false, who);
    } catch (const std::runtime_error& e) {
      ctx.workspace = portfolio_root;
      throw std::runtime_error(who + e.what());
    }
    ctx.workspace = portfolio_root;
    for (const auto& [id, d] : starts) {
      started.emplace(qualified_id(m.name, id), d);
    }
    if (facts) {
      for (const auto& f : facts->items) {
        if (f.shipped) {
          shipped.emplace(qualified_id(m.name, f.id), *f.shipped);
        }
      }
    }
    for (const auto& col : roadmap_view(views[i], o.filter)) {
      for (const Item* it : col.items) {
        Item& copy = items.emplace_back(*it);
        if (!m.name.empty()) {
          copy.squad.value = copy.squad.value.empty() ? m.name : m.name + "/" + copy.squad.value;
        }
        all.items.push_back(&copy);
      }
    }
  }
  ctx.out.write(render_mermaid({all}, product.empty() ? "Roadmap" : product + " roadmap", started, shipped, day));
  return k_exit_ok;
}

/// A portfolio's roadmap (format 1.4): each member's, ids qualified (`acme/PAY-3`), under a heading
/// naming the member (table, board, Markdown), in a `members` list (JSON) or with a member column (CSV).
/// A filter value must name something in some member.
int run_portfolio_roadmap(Context& ctx, const RoadmapOpts& o, std::vector<Member> members)
{
  std::vector<std::optional<CommitRef>> ats;
  if (int rc = portfolio_at(ctx, o.at, members, ats); rc != k_exit_ok) {
    return rc;
  }
  const auto at_day = parse_date(o.at);
  const Date day = at_day ? *at_day : pops::today();
  std::vector<Workspace> views;
  for (const auto& m : members) {
    views.push_back(qualified_workspace(m));
  }
  const RoadmapFilter& f = o.filter;
  std::string unknown;
  for (const auto& ws : views) {
    unknown = unknown_filter_value(ws, f);
    if (unknown.empty()) {
      break;
    }
  }
  if (!unknown.empty()) {
    error(ctx.err, unknown);
    return k_exit_usage;
  }
  if (o.format == "timeline" || o.format == "timeline-json") {
    return print_portfolio_timeline(ctx, o, members, ats, day);
  }
  if (o.format == "mermaid") {
    return print_portfolio_mermaid(ctx, o, members, views, ats, day);
  }
  auto name_of = [](const Member& m) { return member_name(m); };
  const std::string format = o.format.empty() ? (ctx.out.is_tty() ? "board" : "table") : o.format;
  nlohmann::ordered_json j = {{"version", 1},
                              {"at", o.at.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json{{"rev", o.at}}},
                              {"members", nlohmann::ordered_json::array()}};
  std::string text;
  for (size_t i = 0; i < members.size(); ++i) {
    const auto cols = roadmap_view(views[i], f);
    const std::string name = name_of(members[i]);
    if (format == "json") {
      const auto at = ats[i] ? std::optional<RoadmapAt>(RoadmapAt{o.at, *ats[i]}) : std::nullopt;
      auto one = nlohmann::ordered_json::parse(render_roadmap_json(cols, at));
      for (auto& c : one["columns"]) {
        for (auto& it : c["items"]) {
          it["member"] = name;
        }
      }
      j["members"].push_back(
        {{"member", name}, {"path", members[i].path}, {"at", one["at"]}, {"columns", one["columns"]}});
    } else if (format == "csv") {
      std::string csv = render_roadmap_csv(cols);
      const auto eol = csv.find("\r\n");  // the header: once, with a member column first
      std::string rows = eol == std::string::npos ? std::string() : csv.substr(eol + 2);
      for (size_t at = 0; at < rows.size();) {
        rows.insert(at, name + ",");
        const auto next = rows.find("\r\n", at);
        at = next == std::string::npos ? rows.size() : next + 2;
      }
      text += (i == 0 ? "member," + csv.substr(0, eol + 2) : std::string()) + rows;
    } else if (format == "markdown") {
      text += fmt::format("{}# {} ({})\n\n", i ? "\n" : "", markdown_cell(name), markdown_cell(members[i].path));
      if (ats[i]) {
        text += markdown_text(as_of(*ats[i])) + "\n\n";
      }
      text += render_roadmap_markdown(cols);
    } else {
      const Term& out = ctx.out;
      out.write(fmt::format("{}{}\n", i ? "\n" : "",
                            out.paint(Color::bold, fmt::format("== {} ({})", name, printable(members[i].path)))));
      if (ats[i] && !ctx.quiet) {
        out.write(out.paint(Color::dim, as_of(*ats[i])) + "\n");
      }
      if (format == "board") {
        out.write(render_board(cols, out.width(), [&out](const std::string& status, const std::string& t) {
          return out.paint(status_color(status), t);
        }));
      } else {
        print_table(ctx, cols);
      }
    }
  }
  if (format == "json") {
    ctx.out.write_json(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  } else if (format == "csv") {
    ctx.out.write_data(text);
  } else if (format == "markdown") {
    ctx.out.write(text);
  }
  return k_exit_ok;
}

int run_roadmap(Context& ctx, RoadmapOpts o)
{
  RoadmapFilter& f = o.filter;
  for (auto* v : {&f.squads, &f.statuses, &f.horizons, &f.tags, &f.owners}) {
    *v = split_values(*v);
  }
  std::vector<Member> members;
  int rc = k_exit_ok;
  if (portfolio_members(ctx, o.members, members, rc)) {
    return rc != k_exit_ok ? rc : run_portfolio_roadmap(ctx, o, members);
  }
  if (rc != k_exit_ok) {
    return rc;
  }
  Workspace ws;
  std::optional<CommitRef> at;
  if (o.at.empty()) {
    ws = load_worktree(ctx.workspace);
  } else {
    Repository repo = Repository::open(ctx.workspace);
    const std::string prefix = repo.prefix_of(ctx.workspace);
    at = resolve_at(repo, ctx.workspace, prefix, o.at);
    if (!at) {
      error(ctx.err, fmt::format("no commit on or before {}", o.at));
      return k_exit_usage;
    }
    ws = load_workspace(ctx.workspace, repo.tree_files(at->id, prefix));
  }
  if (std::string msg = unknown_filter_value(ws, f); !msg.empty()) {
    error(ctx.err, msg);
    return k_exit_usage;
  }
  const auto errors =
    std::count_if(ws.findings.begin(), ws.findings.end(), [](const Finding& x) { return x.rule == "yaml-syntax"; });
  if (errors > 0 && !ctx.quiet) {
    warning(ctx.err,
            fmt::format("{} file{} could not be read; run 'pops check' for details", errors, errors == 1 ? "" : "s"));
  }
  const auto cols = roadmap_view(ws, f);
  // The day the chart or timeline is drawn for: the date of --at DATE, the commit's date for --at REV,
  // else today.
  const auto at_day = parse_date(o.at);
  const Date day = at_day ? *at_day : at ? commit_date(*at) : pops::today();
  std::string format = o.format.empty() ? (ctx.out.is_tty() ? "board" : "table") : o.format;
  if (format == "board") {
    const Term& out = ctx.out;
    if (at && !ctx.quiet) {
      out.write(out.paint(Color::dim, fmt::format("as of {} {} {}", at->short_id, format_date(commit_date(*at)),
                                                  printable(at->summary)))
                + "\n\n");
    }
    out.write(render_board(cols, out.width(), [&out](const std::string& status, const std::string& text) {
      return out.paint(status_color(status), text);
    }));
  } else if (format == "json") {
    ctx.out.write_json(render_roadmap_json(cols, at ? std::optional<RoadmapAt>(RoadmapAt{o.at, *at}) : std::nullopt));
  } else if (format == "markdown") {
    ctx.out.write(render_roadmap_markdown(cols));
  } else if (format == "csv") {
    ctx.out.write_data(render_roadmap_csv(cols));
  } else if (format == "mermaid") {
    const std::string product = ws.config.product.value;
    if (!inside_git_repo(ctx.workspace)) {
      warning(ctx.err, "the workspace is not in a git repository; the bars are drawn from targets only (no start or "
                       "ship days)");
    }
    std::map<std::string, Date> shipped;
    if (const auto m = item_facts(ctx, ws, at, day, std::nullopt, false)) {
      for (const auto& facts : m->items) {
        if (facts.shipped) {
          shipped.emplace(facts.id, *facts.shipped);
        }
      }
    }
    ctx.out.write(
      render_mermaid(cols, product.empty() ? "Roadmap" : product + " roadmap", start_dates(ctx, at), shipped, day));
  } else if (format == "timeline" || format == "timeline-json") {
    return print_timeline(ctx, ws, o, at, day);
  } else {
    print_table(ctx, cols);
  }
  return k_exit_ok;
}

}  // namespace

void setup_roadmap(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<RoadmapOpts>();
  app.add_option("--squad", o->filter.squads, "Only these squads (repeatable or a comma list)")
    ->option_text("S")
    ->check(completes(Values::squads));
  app.add_option("--status", o->filter.statuses, "Only these statuses (repeatable or a comma list)")
    ->option_text("S")
    ->check(completes(Values::statuses));
  app.add_option("--horizon", o->filter.horizons, "Only these horizons or quarters (repeatable or a comma list)")
    ->option_text("H")
    ->check(completes(Values::horizons));
  app.add_option("--tag", o->filter.tags, "Only items with one of these tags (repeatable or a comma list)")
    ->option_text("T");
  app.add_option("--owner", o->filter.owners, "Only items owned by these people (repeatable or a comma list)")
    ->option_text("P")
    ->check(completes(Values::people));
  add_member_option(app, o->members);
  app.add_flag("--all", o->filter.include_closed, "Include shipped and dropped items");
  app
    .add_option("--at", o->at,
                "Show the roadmap as it was in this revision, or at this date (the last "
                "commit on or before it, by committer date; in a portfolio a date only, each "
                "member as of its own last commit on or before it)")
    ->option_text("REV|DATE")
    ->check(completes(Values::refs));
  app
    .add_option("--format", o->format,
                "board (default on a terminal), table (default otherwise), markdown, "
                "mermaid, timeline, timeline-json, json or csv")
    ->check(CLI::IsMember({"board", "table", "markdown", "mermaid", "timeline", "timeline-json", "json", "csv"}))
    ->option_text("FORMAT");
  app.add_option("--by", o->by, "Group the timeline by squad, owner, or (in a portfolio) member")
    ->check(CLI::IsMember({"squad", "owner", "member"}))
    ->default_str("squad");
  app.add_option("--since", o->since, "First month of the timeline (default: five months before today's)")
    ->option_text("DATE");
  app.footer("Unknown filter values are an error (exit 2) with a suggestion. The board fits the terminal\n"
             "width (COLUMNS when set); colour only on a terminal, never with NO_COLOR.\n"
             "--format timeline draws each item's first committed target against the day it shipped, both from\n"
             "the git history, with shipped items included (timeline-json: the same dates as JSON). The mermaid\n"
             "chart ends a shipped item's bar on the day it shipped; outside a git repository its bars are drawn\n"
             "from targets only, with a warning.\n"
             "In a portfolio: every member, ids qualified (acme/PAY-3); the mermaid chart is one Gantt with a\n"
             "section per member/squad; --at DATE reads each member as of its last commit on or before DATE\n"
             "(a member without one, or a shallow clone not reaching back to it, is an error naming it).");
  run = [o](Context& ctx) { return run_roadmap(ctx, *o); };
}

}  // namespace pops::cli
