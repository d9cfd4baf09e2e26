// pops insights: demand per item, tag, segment, source or customer, with the trend, and what to act on.

#include "commands.h"

#include "features/insights.h"
#include "base/text.h"
#include "base/markdown.h"
#include "workspace/schema.h"
#include "workspace/workspace.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace pops::cli {

namespace {

using json = nlohmann::ordered_json;

struct InsightsOpts {
  std::string by = "item", since, until, format = "table";
  int min_customers = 3;
  std::vector<std::string> members;  ///< --member
};

std::string arr_cell(const std::optional<double>& v)
{
  return v ? number_short(*v, 2) : "-";
}

std::string trend_cell(const InsightGroup& g)
{
  const std::string d = g.trend > 0 ? fmt::format("+{}", g.trend) : fmt::format("{}", g.trend);
  if (!g.trend_pct) {
    return g.now.entries > 0 ? d + " (new)" : d;
  }
  return fmt::format("{} ({}{}%)", d, *g.trend_pct > 0 ? "+" : "", number_short(std::round(*g.trend_pct), 2));
}

std::string group_name(const Insights& r, const InsightGroup& g)
{
  if (!g.key.empty()) {
    return g.key;
  }
  return r.by == "tag" ? "(untagged)" : r.by == "theme" ? "(no shared word)" : fmt::format("(no {})", r.by);
}

json opt(const std::optional<double>& v)
{
  return v ? json(*v) : json();
}

json demand_json(const Demand& d)
{
  json j;
  j["entries"] = d.entries;
  j["customers"] = d.customers;
  j["arr"] = opt(d.arr);
  j["feedback"] = d.feedback;
  return j;
}

json insights_json(const Insights& r)
{
  json j;
  j["by"] = r.by;
  j["period"] = {{"since", format_date(r.since)}, {"until", format_date(r.until)}};
  j["previous_period"] = {{"since", format_date(r.prev_since)}, {"until", format_date(r.prev_until)}};
  j["groups"] = json::array();
  for (const auto& g : r.groups) {
    json e;
    e["key"] = g.key.empty() ? json() : json(g.key);
    if (r.by == "item") {
      e["title"] = g.label;
    }
    if (r.by == "theme") {
      e["words"] = g.label;
      e["unlinked"] = g.unlinked;
      std::vector<std::string> names;
      for (const auto& [name, a] : g.now.by_customer) {
        names.push_back(name);
      }
      e["customer_names"] = names;
    }
    e["entries"] = g.now.entries;
    e["customers"] = g.now.customers;
    e["arr"] = opt(g.now.arr);
    e["previous"] = demand_json(g.before);
    e["trend"] = g.trend;
    e["trend_pct"] = opt(g.trend_pct);
    e["feedback"] = g.now.feedback;
    j["groups"].push_back(std::move(e));
  }
  j["unlinked_by_tag"] = json::array();
  for (const auto& [t, ids] : r.unlinked_by_tag) {
    j["unlinked_by_tag"].push_back({{"tag", t.empty() ? json() : json(t)}, {"feedback", ids}});
  }
  j["high_demand_later"] = json::array();
  for (const auto& d : r.high_demand_later) {
    json e;
    e["id"] = d.item->id.value;
    e["title"] = d.item->title.value;
    e["status"] = d.item->status.value;
    e["horizon"] = d.item->horizon.set ? json(d.item->horizon.value) : json();
    e["demand"] = demand_json(d.demand);
    j["high_demand_later"].push_back(std::move(e));
  }
  j["now_without_evidence"] = json::array();
  for (const Item* it : r.now_without_evidence) {
    j["now_without_evidence"].push_back(
      {{"id", it->id.value}, {"title", it->title.value}, {"status", it->status.value}});
  }
  return j;
}

std::string markdown_of(const Insights& r, int min_customers)
{
  std::string s = fmt::format("## Feedback by {}, {} to {}\n\nTrend against {} to {}.\n\n", r.by, format_date(r.since),
                              format_date(r.until), format_date(r.prev_since), format_date(r.prev_until));
  const bool labelled = r.by == "item" || r.by == "theme";
  s += fmt::format("| {} |{} Entries | Customers | ARR | Trend |{}\n|---|{}---|---|---|---|{}\n", r.by,
                   r.by == "item"    ? " Title |"
                   : r.by == "theme" ? " Also |"
                                     : "",
                   r.by == "theme" ? " Unlinked |" : "", labelled ? "---|" : "", r.by == "theme" ? "---|" : "");
  for (const auto& g : r.groups) {
    s += fmt::format("| {} |{} {} | {} | {} | {} |{}\n", markdown_cell(group_name(r, g)),
                     labelled ? " " + markdown_cell(g.label) + " |" : "", g.now.entries, g.now.customers,
                     arr_cell(g.now.arr), trend_cell(g), r.by == "theme" ? fmt::format(" {} |", g.unlinked) : "");
  }
  s += "\n## Unlinked feedback by tag\n\n";
  if (r.unlinked_by_tag.empty()) {
    s += "None.\n";
  }
  for (const auto& [t, ids] : r.unlinked_by_tag) {
    s += fmt::format("- {}: {} ({})\n", t.empty() ? "(untagged)" : markdown_text(t), ids.size(), join(ids, ", "));
  }
  s += fmt::format("\n## Items in later or idea with {} or more customers\n\n", min_customers);
  if (r.high_demand_later.empty()) {
    s += "None.\n";
  }
  for (const auto& d : r.high_demand_later) {
    s += fmt::format("- {} {} ({}, {}): {} customers, ARR {}\n", d.item->id.value, markdown_text(d.item->title.value),
                     d.item->status.value, d.item->horizon.set ? d.item->horizon.value : "no horizon",
                     d.demand.customers, arr_cell(d.demand.arr));
  }
  s += "\n## Items in now with no evidence\n\n";
  if (r.now_without_evidence.empty()) {
    s += "None.\n";
  }
  for (const Item* it : r.now_without_evidence) {
    s += fmt::format("- {} {} ({})\n", it->id.value, markdown_text(it->title.value), it->status.value);
  }
  return s;
}

std::string table_of(const Term& out, const Insights& r, int min_customers)
{
  std::string s;
  s += out.paint(Color::bold, fmt::format("Feedback by {}, {} to {} ({} days)", r.by, format_date(r.since),
                                          format_date(r.until), r.until.days - r.since.days + 1))
       + fmt::format("; trend against {} to {}\n", format_date(r.prev_since), format_date(r.prev_until));
  if (r.groups.empty()) {
    s += "  no feedback in either period\n";
  } else {
    const size_t kw = r.by == "item" ? 10 : r.by == "theme" ? 16 : 24;
    const bool labelled = r.by == "item" || r.by == "theme";
    s += fmt::format("  {:<{}} {}{:>7} {:>9} {:>12}  {}{}\n",
                     lower(r.by) == "item" ? "ITEM"
                     : r.by == "tag"       ? "TAG"
                     : r.by == "segment"   ? "SEGMENT"
                     : r.by == "source"    ? "SOURCE"
                     : r.by == "theme"     ? "THEME"
                                           : "CUSTOMER",
                     kw, labelled ? fmt::format("{:<28} ", r.by == "item" ? "TITLE" : "ALSO") : "", "ENTRIES",
                     "CUSTOMERS", "ARR", r.by == "theme" ? fmt::format("{:<12}", "TREND") : "TREND",
                     r.by == "theme" ? " UNLINKED" : "");
    for (const auto& g : r.groups) {
      s += fmt::format("  {:<{}} {}{:>7} {:>9} {:>12}  {}{}\n", cell_text(group_name(r, g), static_cast<int>(kw)), kw,
                       labelled ? fmt::format("{:<28} ", cell_text(g.label, 28)) : "", g.now.entries, g.now.customers,
                       arr_cell(g.now.arr), r.by == "theme" ? fmt::format("{:<12}", trend_cell(g)) : trend_cell(g),
                       r.by == "theme" ? fmt::format(" {:>8}", g.unlinked) : "");
    }
  }
  s += "\n" + out.paint(Color::bold, "Unlinked feedback by tag") + " (link it, or it is not evidence)\n";
  if (r.unlinked_by_tag.empty()) {
    s += "  none\n";
  }
  for (const auto& [t, ids] : r.unlinked_by_tag) {
    s += fmt::format("  {:<24} {:>3}  {}\n", cell_text(t.empty() ? "(untagged)" : t, 24), ids.size(), join(ids, ", "));
  }
  s += "\n" + out.paint(Color::bold, "Items in later or idea with high demand")
       + fmt::format(" ({} or more customers)\n", min_customers);
  if (r.high_demand_later.empty()) {
    s += "  none\n";
  }
  for (const auto& d : r.high_demand_later) {
    s += fmt::format("  {:<10} {:<28} {:<12} {:<8} {} customers, ARR {}\n", d.item->id.value,
                     cell_text(d.item->title.value, 28), d.item->status.value,
                     d.item->horizon.set ? d.item->horizon.value : "-", d.demand.customers, arr_cell(d.demand.arr));
  }
  s += "\n" + out.paint(Color::bold, "Items in now with no evidence") + " (no feedback linked)\n";
  if (r.now_without_evidence.empty()) {
    s += "  none\n";
  }
  for (const Item* it : r.now_without_evidence) {
    s += fmt::format("  {:<10} {:<28} {}\n", it->id.value, cell_text(it->title.value, 28), it->status.value);
  }
  return s;
}

/// The insights of `ws`, or an error (exit 2) printed.
int insights_of(Context& ctx, const Workspace& ws, const InsightOptions& io, const std::string& named, Insights& r)
{
  if (const auto bad =
        std::count_if(ws.findings.begin(), ws.findings.end(), [](const Finding& x) { return x.rule == "yaml-syntax"; });
      bad > 0 && !ctx.quiet) {
    warning(ctx.err, fmt::format("{}{} file{} could not be read; run 'pops check' for details", named, bad,
                                 bad == 1 ? "" : "s"));
  }
  try {
    r = compute_insights(ws, io);
  } catch (const std::invalid_argument& e) {
    error(ctx.err, e.what());
    return k_exit_usage;
  }
  return k_exit_ok;
}

/// A portfolio's insights (format 1.4): each member's, from its own feedback, its item and feedback
/// ids qualified (`acme/PAY-3`, `acme/FB-1`), under a heading naming it (`== acme (../acme)`,
/// `# acme (../acme)`), or a `members` list (JSON, each with its "member" and "path").
int run_portfolio_insights(Context& ctx, const InsightsOpts& o, const InsightOptions& io,
                           const std::vector<Member>& members)
{
  std::string text;
  json all = {{"members", json::array()}};
  for (const auto& m : members) {
    const std::string name = m.name.empty() ? std::string(".") : m.name;
    Insights r;
    Workspace ws = qualified_workspace(m);
    if (!m.name.empty()) {
      for (auto& fb : ws.feedback) {  // as the portfolio's dashboard names them: acme/FB-1
        fb.id.value = qualified_id(m.name, fb.id.value);
      }
    }
    if (int rc = insights_of(ctx, ws, io, fmt::format("member {}: ", quote(name)), r); rc != k_exit_ok) {
      return rc;
    }
    if (o.format == "json") {
      json one = {{"member", name}, {"path", m.path}};
      one.update(insights_json(r));
      all["members"].push_back(std::move(one));
    } else if (o.format == "markdown") {
      text += fmt::format("{}# {} ({})\n\n{}", text.empty() ? "" : "\n", markdown_text(name), markdown_text(m.path),
                          markdown_of(r, o.min_customers));
    } else {
      text += fmt::format("{}== {} ({})\n{}", text.empty() ? "" : "\n", printable(name), printable(m.path),
                          table_of(ctx.out, r, o.min_customers));
    }
  }
  if (o.format == "json") {
    ctx.out.write_json(all.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
  } else {
    ctx.out.write(text);
  }
  return k_exit_ok;
}

int run_insights(Context& ctx, const InsightsOpts& o)
{
  InsightOptions io;
  io.by = o.by;
  io.today = today();
  io.min_customers = o.min_customers;
  for (auto [text, dst, name] :
       {std::tuple{&o.since, &io.since, "--since"}, std::tuple{&o.until, &io.until, "--until"}}) {
    if (!parse_date_option(ctx, *text, name, *dst)) {
      return k_exit_usage;
    }
  }
  std::vector<Member> members;
  int rc = k_exit_ok;
  if (portfolio_members(ctx, o.members, members, rc)) {
    return rc != k_exit_ok ? rc : run_portfolio_insights(ctx, o, io, members);
  }
  if (rc != k_exit_ok) {
    return rc;
  }
  const Workspace ws = load_worktree(ctx.workspace);
  Insights r;
  if (rc = insights_of(ctx, ws, io, "", r); rc != k_exit_ok) {
    return rc;
  }
  if (o.format == "json") {
    ctx.out.write_json(insights_json(r).dump(2, ' ', false, json::error_handler_t::replace) + "\n");
  } else if (o.format == "markdown") {
    ctx.out.write(markdown_of(r, o.min_customers));
  } else {
    ctx.out.write(table_of(ctx.out, r, o.min_customers));
  }
  return k_exit_ok;
}

}  // namespace

void setup_insights(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<InsightsOpts>();
  app.add_option("--by", o->by, "Group feedback by item, tag, segment, source, customer or theme (shared words)")
    ->check(CLI::IsMember({"item", "tag", "segment", "source", "customer", "theme"}))
    ->default_str("item");
  app.add_option("--since", o->since, "First day of the period (default: 89 days before --until)")
    ->option_text("YYYY-MM-DD");
  app.add_option("--until", o->until, "Last day of the period (default: today)")->option_text("YYYY-MM-DD");
  app
    .add_option("--min-customers", o->min_customers,
                "Customers that make demand high, for items in later or idea (default 3)")
    ->check(CLI::Range(1, 1000000))
    ->option_text("N");
  add_member_option(app, o->members);
  app.add_option("--format", o->format, "Output format")
    ->check(CLI::IsMember({"table", "json", "markdown"}))
    ->default_str("table");
  app.footer("ARR counts each customer once per group: the ARR of their most recent entry that states one.\n"
             "A figure with no data shows as '-' (null in JSON), never as 0.\n"
             "In a portfolio: each member's insights from its own feedback, under a heading naming it, item\n"
             "and feedback ids qualified (acme/PAY-3, acme/FB-1); --member to choose.\n"
             "Exit status: 0, or 2 for a bad option or date,\n"
             "or a member that cannot be read.");
  run = [o](Context& ctx) { return run_insights(ctx, *o); };
}

}  // namespace pops::cli
