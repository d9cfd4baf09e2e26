#include "features/dashboard.h"

#include "features/insights.h"

#include "workspace/diff.h"
#include "base/html.h"
#include "base/markdown.h"
#include "base/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

namespace pops {

namespace {

bool wanted(const std::vector<std::string>& squads, const std::string& s)
{
  return squads.empty() || std::find(squads.begin(), squads.end(), s) != squads.end();
}

/// The squad of a person, for filtering ritual actions by squad.
std::string squad_of_person(const Workspace& ws, const std::string& id)
{
  const Person* p = ws.config.person(id);
  return p ? p->squad.value : std::string();
}

} // namespace

Dashboard build_dashboard(const Workspace& ws, const Metrics& m, const std::vector<std::string>& squads, Date today)
{
  Dashboard d;
  d.product = ws.config.product.value;
  d.today = today;
  d.squads = m.squads;
  for (const auto& s : ws.config.statuses) {
    d.statuses.push_back(s.value);
  }
  std::set<std::string> known(d.statuses.begin(), d.statuses.end());
  for (const auto& it : ws.items) {
    if (it.status.set && !it.status.value.empty() && known.insert(it.status.value).second) {
      d.statuses.push_back(it.status.value);
    }
  }
  d.status_counts.assign(d.squads.size(), std::vector<int>(d.statuses.size(), 0));
  for (const auto& it : ws.items) {
    auto s = std::find(d.squads.begin(), d.squads.end(), it.squad.value);
    auto st = std::find(d.statuses.begin(), d.statuses.end(), it.status.value);
    if (s != d.squads.end() && st != d.statuses.end()) {
      ++d.status_counts[static_cast<size_t>(s - d.squads.begin())][static_cast<size_t>(st - d.statuses.begin())];
    }
    if (wanted(squads, it.squad.value) && it.status.value != "shipped" && it.status.value != "dropped") {
      ++d.open_items;
    }
  }
  RoadmapFilter rf;
  rf.squads = squads;
  d.board = roadmap_view(ws, rf);
  std::erase_if(d.board, [](const RoadmapColumn& c) { return c.horizon.empty() && c.items.empty(); });

  d.cycle_bins = {{0, 3, 0}, {4, 7, 0}, {8, 14, 0}, {15, 30, 0}, {31, 60, 0}, {61, 90, 0}, {91, -1, 0}};
  for (const auto& f : m.items) {
    if (!f.cycle_days || !f.shipped || !m.since || *f.shipped < *m.since || *f.shipped > m.until) {
      continue;
    }
    for (auto& b : d.cycle_bins) {
      if (*f.cycle_days >= b.lo && (b.hi < 0 || *f.cycle_days <= b.hi)) {
        ++b.count;
        break;
      }
    }
  }

  // Demand: the one definition of lib/features/insights (customer_arr, demand_of): each customer
  // once per item, compared without case, with the ARR of their latest entry that states one.
  const std::map<std::string, CustomerArr> arr = customer_arr(ws);
  std::map<std::string, std::vector<const Feedback*>> entries_of;
  for (const auto& fb : ws.feedback) {
    ++d.feedback_entries;
    std::set<std::string> ids;
    for (const auto& i : fb.items) {
      ids.insert(i.value);
    }
    for (const auto& id : ids) {
      const Item* it = ws.item(id);
      if (it && wanted(squads, it->squad.value)) {
        entries_of[id].push_back(&fb);
      }
    }
  }
  for (const auto& [id, entries] : entries_of) {
    const Demand dem = demand_of(entries, arr);
    TopDemand dm;
    dm.item = ws.item(id);
    dm.entries = dem.entries;
    dm.arr = dem.arr;
    for (const auto& [name, a] : dem.by_customer) {
      dm.customers.push_back(name);
    }
    std::sort(dm.customers.begin(), dm.customers.end());
    d.demand.push_back(std::move(dm));
  }
  std::sort(d.demand.begin(), d.demand.end(), [](const TopDemand& a, const TopDemand& b) {
    if (a.arr.value_or(-1) != b.arr.value_or(-1)) {
      return a.arr.value_or(-1) > b.arr.value_or(-1);
    }
    if (a.customers.size() != b.customers.size()) {
      return a.customers.size() > b.customers.size();
    }
    if (a.entries != b.entries) {
      return a.entries > b.entries;
    }
    return natural_less(a.item->id.value, b.item->id.value);
  });
  if (d.demand.size() > 10) {
    d.demand.resize(10);
  }

  for (auto& a : open_actions(ws, today)) {
    if (squads.empty() || wanted(squads, squad_of_person(ws, a.action->owner.value))) {
      d.actions.push_back(a);
    }
  }
  d.adoption = evaluate_all(ws, squads);
  d.quarter = period_name(PeriodKind::quarter, today);
  d.goals = compute_goals(ws, d.quarter);
  d.initiatives = compute_initiatives(ws);
  for (const auto& it : ws.items) {
    if (is_shipped_status(it.status.value) || is_dropped_status(it.status.value)
        || !wanted(squads, it.squad.value)) {
      continue;
    }
    if (const Update* u = latest_update(it.updates); u && is_risky_health(u->health.value)) {
      d.at_risk.push_back(&it);
    }
  }
  for (auto& c : compute_capacity(ws, d.quarter, today)) {
    if (c.capacity && (squads.empty() || wanted(squads, c.squad->id.value))) {
      d.capacity.push_back(std::move(c));
    }
  }
  d.effort_unit = effort_unit(ws.config);
  return d;
}

namespace {

const char* const k_dash = "\xe2\x80\x93";

/// A goal's progress as a percentage, or a dash.
std::string goal_percent(const std::optional<double>& p)
{
  return p ? fmt::format("{}%", number_short(*p * 100, 0)) : std::string(k_dash);
}

/// What measures a key result: "series amplitude:Onboarding Completed" or "items PAY-1, PAY-2".
std::string goal_source(const KeyResultProgress& k)
{
  if (k.by_series) {
    return fmt::format("series {}:{}", k.kr->series_source.value, k.kr->series_key.value);
  }
  std::vector<std::string> ids;
  for (const Item* it : k.items) {
    ids.push_back(it->id.value);
  }
  return ids.empty() ? "items: none" : "items " + join(ids, ", ");
}

std::string days_text(const std::optional<double>& v)
{
  if (!v) {
    return k_dash;
  }
  std::string s = fmt::format("{:.1f}", std::round(*v * 10) / 10);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) {
    s.resize(s.size() - 2);
  }
  return s;
}

std::string share_text(const std::optional<double>& v)
{
  return v ? fmt::format("{:.0f}%", *v * 100) : std::string(k_dash);
}

std::string money(double v)
{
  const auto n = static_cast<long long>(std::llround(v));
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += ',';
    }
    out += digits[i];
  }
  return (n < 0 ? "-" : "") + out;
}

/// A CSS class from a status: letters, digits and '-' only.
std::string status_class(const std::string& status)
{
  std::string out = "s-";
  for (char c : status) {
    out += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : '-';
  }
  return out;
}

std::string horizon_title(const std::string& h)
{
  if (h.empty()) {
    return "No horizon";
  }
  std::string t = h;
  t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
  return t;
}

/// Figures of the whole window, for the summary.
struct WindowFigures {
  bool history = false;  ///< some period has figures; without, the counts below are missing too
  int shipped = 0, slipped = 0, slip_days = 0;
  std::optional<double> cycle_median, lead_median, predictability;
  std::string predictability_period;
  int wip = 0;
  std::optional<long> wip_limit;
  int overdue = 0;
};

/// Items shipped in the window, newest first.
std::vector<ItemFacts> shipped_in_window(const Metrics& m)
{
  std::vector<ItemFacts> out =
    shipped_in(m, [&](const ItemFacts& f) { return m.since && *f.shipped >= *m.since && *f.shipped <= m.until; });
  std::stable_sort(out.begin(), out.end(), [](const ItemFacts& a, const ItemFacts& b) { return *a.shipped > *b.shipped; });
  return out;
}

/// Days after the first committed target: "+12", "-3", "0"; "–" without one.
std::string late_text(const ItemFacts& f)
{
  if (!f.late_days) {
    return std::string(k_dash);
  }
  return *f.late_days > 0 ? fmt::format("+{}", *f.late_days) : std::to_string(*f.late_days);
}

WindowFigures summarize(const Dashboard& d, const Metrics& m)
{
  WindowFigures s;
  s.history = !m.rows.empty();
  // Rows of the portfolio, or of the one squad asked for (summed when several).
  const bool has_all = std::any_of(m.rows.begin(), m.rows.end(), [](const PeriodMetrics& p) { return p.squad.empty(); });
  std::string last_period;
  for (const auto& p : m.rows) {
    if (has_all != p.squad.empty()) {
      continue;
    }
    s.shipped += p.shipped;
    last_period = p.period;
  }
  std::vector<int> cycle;
  std::vector<int> lead;
  for (const auto& f : shipped_in_window(m)) {
    if (f.cycle_days) {
      cycle.push_back(*f.cycle_days);
    }
    if (f.lead_days) {
      lead.push_back(*f.lead_days);
    }
  }
  s.cycle_median = percentile(cycle, 50);
  s.lead_median = percentile(lead, 50);
  std::set<std::string> slipped;
  for (const auto& e : m.slips) {
    slipped.insert(e.id);
    s.slip_days += e.days;
  }
  s.slipped = static_cast<int>(slipped.size());
  // WIP at the end of the last period, against the sum of the limits when every squad has one.
  bool all_limits = !m.squads.empty();
  long limits = 0;
  for (const auto& p : m.rows) {
    if (p.period != last_period || p.squad.empty()) {
      continue;
    }
    s.wip += p.wip;
    if (p.wip_limit) {
      limits += *p.wip_limit;
    } else {
      all_limits = false;
    }
  }
  if (all_limits && !last_period.empty()) {
    s.wip_limit = limits;
  }
  // Predictability of the latest period that has a figure.
  int committed = 0;
  int done = 0;
  for (auto it = m.rows.rbegin(); it != m.rows.rend(); ++it) {
    if (has_all != it->squad.empty() || !it->predictability) {
      continue;
    }
    if (s.predictability_period.empty()) {
      s.predictability_period = it->period;
    }
    if (it->period == s.predictability_period) {
      committed += it->committed;
      done += it->committed_shipped;
    }
  }
  if (committed > 0) {
    s.predictability = static_cast<double>(done) / committed;
  }
  for (const auto& a : d.actions) {
    s.overdue += a.overdue ? 1 : 0;
  }
  return s;
}

/// The summary's counts as text: missing without history.
std::string shipped_text(const WindowFigures& s)
{
  return s.history ? std::to_string(s.shipped) : std::string(k_dash);
}

std::string wip_text(const WindowFigures& s)
{
  if (!s.history) {
    return k_dash;
  }
  return s.wip_limit ? fmt::format("{} / {}", s.wip, *s.wip_limit) : std::to_string(s.wip);
}

std::string slips_text(const WindowFigures& s, const char* days_unit)
{
  return s.history ? fmt::format("{} ({}{})", s.slipped, s.slip_days, days_unit) : std::string(k_dash);
}

/// "2026-06-01 to 2026-11-22, by month, from 14 commits (committer dates)".
std::string window_text(const Metrics& m)
{
  const std::string dates = m.author_date ? "author" : "committer";
  if (!m.since) {
    return fmt::format("No history up to {} yet ({} dates)", format_date(m.until), dates);
  }
  return fmt::format("{} to {}, by {}, from {} commits ({} dates)", format_date(*m.since), format_date(m.until),
                     m.period == PeriodKind::quarter ? "quarter" : "month", m.commits, dates);
}

std::vector<std::string> periods_of(const Metrics& m)
{
  std::vector<std::string> out;
  for (const auto& p : m.rows) {
    if (out.empty() || out.back() != p.period) {
      out.push_back(p.period);
    }
  }
  return out;
}

int throughput(const Metrics& m, const std::string& period, const std::string& squad)
{
  for (const auto& p : m.rows) {
    if (p.period == period && p.squad == squad) {
      return p.shipped;
    }
  }
  return 0;
}

std::string bin_label(const CycleBin& b)
{
  return b.hi < 0 ? fmt::format("{}+", b.lo) : fmt::format("{}\xe2\x80\x93{}", b.lo, b.hi);
}

const char* const k_css = R"(
:root { --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --accent: #2f6fde; --bg: #ffffff; --card: #f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; color: var(--ink); background: var(--bg);
       font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.sub, .none, .note { color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; }
.card { background: var(--card); border-radius: 6px; padding: 10px 12px; }
.card .v { font-size: 22px; font-weight: 600; }
.card .k { color: var(--muted); font-size: 12px; }
.charts { display: flex; flex-wrap: wrap; gap: 18px; }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: 4px; }
svg text { font: 11px system-ui, sans-serif; fill: var(--muted); }
svg .value { fill: var(--ink); }
rect.bar { fill: var(--accent); }
.cap { display: inline-block; width: 160px; height: 10px; background: var(--line); vertical-align: middle; }
.cap span { display: block; height: 10px; background: var(--accent); }
.cap span.over { background: #c0392b; }
line.axis { stroke: var(--line); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.board { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; }
.col { background: var(--card); border-radius: 6px; padding: 8px; }
.col h3 { font-size: 14px; margin: 0 0 6px; }
.it { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--muted); border-radius: 4px;
      padding: 4px 6px; margin-bottom: 6px; }
.it .id { font-size: 12px; color: var(--muted); }
.badge { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 8px; background: var(--line); }
.seg { fill: #7f8aa0; }
.s-in-progress { fill: #e0a100; border-left-color: #e0a100 !important; }
.s-shipped { fill: #2e9e5b; border-left-color: #2e9e5b !important; }
.s-dropped { fill: #a0a7b4; border-left-color: #a0a7b4 !important; }
.s-planned { fill: #2f6fde; border-left-color: #2f6fde !important; }
.s-idea { fill: #c3aee0; border-left-color: #c3aee0 !important; }
.s-discovery { fill: #9b59b6; border-left-color: #9b59b6 !important; }
.overdue { color: #b3261e; font-weight: 600; }
td.met { color: #1a7f37; } td.unmet { color: #cf222e; } td.nodata { color: var(--muted); }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  h2 { break-after: avoid; }
  section, figure, .card, .col, tr { break-inside: avoid; }
  .card, .col { border: 1px solid var(--line); }
  a { color: inherit; text-decoration: none; }
}
)";

} // namespace

std::string render_dashboard_html(const Dashboard& d, const Metrics& m)
{
  const WindowFigures s = summarize(d, m);
  const std::string product = d.product.empty() ? std::string("Portfolio") : d.product;
  std::string o;
  o += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  o += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  o += fmt::format("<title>{} \xe2\x80\x94 report</title>\n", html_escape(product));
  o += fmt::format("<style>{}</style>\n</head>\n<body>\n", k_css);
  o += fmt::format("<header>\n<h1>{}</h1>\n", html_escape(product));
  o += fmt::format("<p class=\"sub\">{}{}</p>\n</header>\n", window_text(m),
                   m.squads.size() == 1 ? " \xc2\xb7 squad " + html_escape(m.squads.front()) : std::string());

  // Summary.
  auto card = [&](const std::string& v, const std::string& k) {
    o += fmt::format("<div class=\"card\"><div class=\"v\">{}</div><div class=\"k\">{}</div></div>\n", v, k);
  };
  o += "<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n";
  card(std::to_string(d.open_items), "open items");
  card(shipped_text(s), "shipped in the window");
  card(days_text(s.cycle_median), "median cycle time (days)");
  card(days_text(s.lead_median), "median lead time (days)");
  card(wip_text(s), "in progress / limit");
  card(share_text(s.predictability),
       s.predictability_period.empty() ? std::string("predictability")
                                       : "predictability, " + html_escape(s.predictability_period));
  card(slips_text(s, " d"), "items slipped (days)");
  card(std::to_string(d.feedback_entries), "feedback entries");
  card(fmt::format("{}{}", d.actions.size(), s.overdue ? fmt::format(" ({} overdue)", s.overdue) : ""),
       "open ritual actions");
  o += "</div>\n</section>\n";

  // Throughput per squad per period.
  const std::vector<std::string> periods = periods_of(m);
  o += "<section id=\"throughput\">\n<h2>Throughput: items shipped per "
       + std::string(m.period == PeriodKind::quarter ? "quarter" : "month") + "</h2>\n";
  if (periods.empty() || d.squads.empty()) {
    o += "<p class=\"none\">No history in the window.</p>\n";
  } else {
    o += "<div class=\"charts\">\n";
    for (const auto& sq : d.squads) {
      std::vector<Bar> bars;
      for (const auto& p : periods) {
        const int n = throughput(m, p, sq);
        bars.push_back({p, static_cast<double>(n), fmt::format("{} {}: {} shipped", sq, p, n)});
      }
      BarChartStyle style;
      style.width = std::clamp(static_cast<int>(periods.size()) * 56, 160, 520);
      style.height = 110;
      style.aria_label = "items shipped per period, squad " + sq;
      o += fmt::format("<figure data-squad=\"{}\">\n<figcaption>{}</figcaption>\n{}</figure>\n", html_escape(sq),
                       html_escape(sq), svg_bar_chart(bars, style));
    }
    o += "</div>\n";
  }
  o += "</section>\n";

  // Cycle time distribution.
  o += "<section id=\"cycle\">\n<h2>Cycle time: in progress to shipped</h2>\n";
  int shipped_with_cycle = 0;
  for (const auto& b : d.cycle_bins) {
    shipped_with_cycle += b.count;
  }
  if (shipped_with_cycle == 0) {
    o += "<p class=\"none\">No item shipped in the window with a known start.</p>\n";
  } else {
    std::vector<Bar> bars;
    for (const auto& b : d.cycle_bins) {
      bars.push_back({bin_label(b), static_cast<double>(b.count),
                      fmt::format("{} days: {} item{}", bin_label(b), b.count, b.count == 1 ? "" : "s")});
    }
    BarChartStyle style;
    style.width = 420;
    style.height = 120;
    style.aria_label = "items shipped by cycle time in days";
    o += fmt::format("<figure>\n<figcaption>Items by days in progress</figcaption>\n{}</figure>\n",
                     svg_bar_chart(bars, style));
  }
  o += "</section>\n";

  // Status by squad.
  o += "<section id=\"status\">\n<h2>Status by squad</h2>\n<table>\n<tr><th>squad</th><th></th>";
  for (const auto& st : d.statuses) {
    o += fmt::format("<th class=\"n\"><svg class=\"swatch\" xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" "
                     "height=\"10\" aria-hidden=\"true\"><rect class=\"seg {}\" width=\"10\" height=\"10\"/></svg> {}</th>",
                     status_class(st), html_escape(st));
  }
  o += "</tr>\n";
  for (size_t i = 0; i < d.squads.size(); ++i) {
    std::vector<Segment> segs;
    for (size_t k = 0; k < d.statuses.size(); ++k) {
      segs.push_back({d.statuses[k], static_cast<double>(d.status_counts[i][k]), status_class(d.statuses[k])});
    }
    o += fmt::format("<tr><td>{}</td><td>{}</td>", html_escape(d.squads[i]),
                     svg_stacked_bar(segs, 180, "items by status, squad " + d.squads[i]));
    for (size_t k = 0; k < d.statuses.size(); ++k) {
      o += fmt::format("<td class=\"n\">{}</td>", d.status_counts[i][k]);
    }
    o += "</tr>\n";
  }
  o += "</table>\n</section>\n";

  // The board.
  o += "<section id=\"board\">\n<h2>Roadmap: Now, Next, Later</h2>\n<div class=\"board\">\n";
  for (const auto& col : d.board) {
    o += fmt::format("<div class=\"col\">\n<h3>{} <span class=\"badge\">{}</span></h3>\n",
                     html_escape(horizon_title(col.horizon)), col.items.size());
    for (const Item* it : col.items) {
      o += fmt::format("<div class=\"it {}\"><div class=\"id\">{} \xc2\xb7 {}{}</div>{}</div>\n",
                       status_class(it->status.value), html_escape(it->id.value), html_escape(it->status.value),
                       it->target.set ? " \xc2\xb7 " + format_date(it->target.value) : std::string(),
                       html_escape(it->title.value));
    }
    if (col.items.empty()) {
      o += "<p class=\"none\">Nothing here.</p>\n";
    }
    o += "</div>\n";
  }
  o += "</div>\n</section>\n";

  // Slips.
  o += "<section id=\"slips\">\n<h2>Slips</h2>\n";
  if (m.slips.empty()) {
    o += "<p class=\"none\">No target moved later in the window.</p>\n";
  } else {
    o += "<table>\n<tr><th>date</th><th>item</th><th>squad</th><th>target</th><th class=\"n\">days</th></tr>\n";
    for (auto it = m.slips.rbegin(); it != m.slips.rend(); ++it) {
      o += fmt::format("<tr><td>{}</td><td>{} {}</td><td>{}</td><td>{} \xe2\x86\x92 {}</td><td class=\"n\">+{}</td></tr>\n",
                       format_date(it->date), html_escape(it->id), html_escape(it->title), html_escape(it->squad),
                       format_date(it->from), format_date(it->to), it->days);
    }
    o += "</table>\n";
  }
  o += "</section>\n";

  // Shipped against the first committed target.
  o += "<section id=\"shipped\">\n<h2>Shipped against the first target</h2>\n";
  if (const auto shipped = shipped_in_window(m); shipped.empty()) {
    o += "<p class=\"none\">Nothing shipped in the window.</p>\n";
  } else {
    o += "<table>\n<tr><th>shipped</th><th>item</th><th>squad</th><th>first target</th><th class=\"n\">days late</th></tr>\n";
    for (const ItemFacts& shipped_item : shipped) {
      const ItemFacts* f = &shipped_item;
      o += fmt::format("<tr><td>{}</td><td>{} {}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>\n",
                       format_date(*f->shipped), html_escape(f->id), html_escape(f->title), html_escape(f->squad),
                       f->first_target ? format_date(*f->first_target) : std::string(k_dash), late_text(*f));
    }
    o += "</table>\n";
  }
  o += "</section>\n";

  // Demand.
  o += "<section id=\"demand\">\n<h2>Top customer demand</h2>\n";
  if (d.demand.empty()) {
    o += "<p class=\"none\">No feedback links to an item.</p>\n";
  } else {
    o += "<table>\n<tr><th>item</th><th>status</th><th class=\"n\">customers</th><th class=\"n\">ARR</th>"
         "<th class=\"n\">entries</th><th>who</th></tr>\n";
    for (const auto& dm : d.demand) {
      std::vector<std::string> names;
      for (const auto& c : dm.customers) {
        names.push_back(html_escape(c));
      }
      o += fmt::format("<tr><td>{} {}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                       "<td class=\"n\">{}</td><td>{}</td></tr>\n",
                       html_escape(dm.item->id.value), html_escape(dm.item->title.value),
                       html_escape(dm.item->status.value), dm.customers.size(),
                       dm.arr ? money(*dm.arr) : std::string(k_dash), dm.entries, fmt::join(names, ", "));
    }
    o += "</table>\n<p class=\"note\">Each customer counted once per item, with the ARR of their latest entry "
         "giving one.</p>\n";
  }
  o += "</section>\n";

  // Adoption.
  o += "<section id=\"adoption\">\n<h2>Adoption</h2>\n";
  if (d.adoption.empty()) {
    o += "<p class=\"none\">No item has success targets.</p>\n";
  } else {
    o += "<table>\n<tr><th>item</th><th>metric</th><th class=\"n\">value</th><th>target</th><th>state</th>"
         "<th>as of</th><th>last 4 weeks</th></tr>\n";
    for (const auto& a : d.adoption) {
      const char* cls = a.state == TargetState::met ? "met" : a.state == TargetState::not_met ? "unmet" : "nodata";
      std::string state(state_name(a.state));
      if (!a.note.empty()) {
        state += ": " + a.note;
      }
      const std::string trend = trend_text(a);
      o += fmt::format("<tr><td>{} {}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td><td class=\"{}\">{}</td>"
                       "<td>{}</td><td>{}</td></tr>\n",
                       html_escape(a.item->id.value), html_escape(a.item->title.value), html_escape(a.metric),
                       a.value ? html_escape(a.shown) : std::string(k_dash),
                       a.target.empty() ? std::string(k_dash) : html_escape(a.target), cls, html_escape(state),
                       a.date ? format_date(*a.date) : std::string(k_dash),
                       trend.empty() ? std::string(k_dash) : html_escape(trend));
    }
    o += "</table>\n<p class=\"note\">Latest value of the usage series each item links to "
         "(links.amplitude, links.pendo), against its success target.</p>\n";
  }
  o += "</section>\n";

  // Goals.
  o += fmt::format("<section id=\"goals\">\n<h2>Goals of {}</h2>\n", d.quarter);
  if (d.goals.empty()) {
    o += "<p class=\"none\">No objectives for this quarter.</p>\n";
  } else {
    o += "<table>\n<tr><th>objective or key result</th><th>owner</th><th class=\"n\">progress</th>"
         "<th>measured by</th></tr>\n";
    for (const auto& g : d.goals) {
      o += fmt::format("<tr><td><b>{} {}</b></td><td>{}</td><td class=\"n\">{}</td><td></td></tr>\n",
                       html_escape(g.objective->id.value), html_escape(g.objective->title.value),
                       html_escape(g.objective->owner.value), goal_percent(g.progress));
      for (const auto& k : g.key_results) {
        o += fmt::format("<tr><td>&nbsp;&nbsp;{} {}</td><td></td><td class=\"n\">{}</td><td>{}</td></tr>\n",
                         html_escape(k.kr->id.value), html_escape(k.kr->title.value), goal_percent(k.progress),
                         html_escape(goal_source(k)));
      }
    }
    o += "</table>\n<p class=\"note\">Progress of each key result from its series (latest value between "
         "baseline and target) or its items (shipped share, by effort when known), as pops goals computes it.</p>\n";
  }
  o += "</section>\n";

  if (!d.initiatives.empty()) {
    o += "<section id=\"initiatives\">\n<h2>Initiatives</h2>\n<table>\n<tr><th>initiative</th><th>owner</th>"
         "<th>target</th><th>progress</th><th class=\"n\"></th><th class=\"n\">items</th></tr>\n";
    for (const auto& r : d.initiatives) {
      const double p = r.progress.progress.value_or(0);
      o += fmt::format("<tr><td><b>{} {}</b></td><td>{}</td><td>{}</td><td><svg width=\"120\" height=\"10\" role=\"img\" "
                       "aria-label=\"{}\"><rect width=\"120\" height=\"10\" fill=\"#ddd\"/><rect class=\"bar\" "
                       "width=\"{}\" height=\"10\"/></svg></td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
                       html_escape(r.initiative->id.value), html_escape(r.initiative->title.value),
                       html_escape(r.initiative->owner.value), html_escape(r.initiative->target.value),
                       goal_percent(r.progress.progress), static_cast<int>(p * 120 + 0.5),
                       goal_percent(r.progress.progress), r.items.size());
    }
    o += "</table>\n</section>\n";
  }
  if (!d.at_risk.empty()) {
    o += "<section id=\"at-risk\">\n<h2>At risk</h2>\n<table>\n<tr><th>item</th><th>squad</th><th>health</th>"
         "<th>since</th><th>note</th></tr>\n";
    for (const Item* it : d.at_risk) {
      const Update* u = latest_update(it->updates);
      o += fmt::format("<tr><td>{} {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", html_escape(it->id.value),
                       html_escape(it->title.value), html_escape(it->squad.value), html_escape(u->health.value),
                       format_date(u->date.value), html_escape(u->note.value));
    }
    o += "</table>\n</section>\n";
  }
  // Capacity.
  o += fmt::format("<section id=\"capacity\">\n<h2>Capacity of {}</h2>\n", d.quarter);
  if (d.capacity.empty()) {
    o += "<p class=\"none\">No squad has a capacity for this quarter.</p>\n";
  } else {
    o += fmt::format("<table>\n<tr><th>squad</th><th class=\"n\">capacity</th><th class=\"n\">planned</th>"
                     "<th class=\"n\">over</th><th>planned of capacity</th><th>without an estimate</th></tr>\n");
    for (const auto& c : d.capacity) {
      const double over = *c.over();
      const double share = *c.capacity > 0 ? std::min(1.0, c.planned / *c.capacity) : (c.planned > 0 ? 1.0 : 0.0);
      std::vector<std::string> ids;
      for (const Item* it : c.unestimated) {
        ids.push_back(html_escape(it->id.value));
      }
      o += fmt::format("<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                       "<td><span class=\"cap\"><span{} style=\"width: {}%\"></span></span></td><td>{}</td></tr>\n",
                       html_escape(c.squad->id.value), number_short(*c.capacity, 2), number_short(c.planned, 2),
                       (over > 0 ? "+" : "") + number_short(over, 2), over > 0 ? " class=\"over\"" : "",
                       number_short(share * 100, 0), join(ids, ", "));
    }
    o += fmt::format("</table>\n<p class=\"note\">Effort in {} (score.effort) of each squad's items planned for "
                     "the quarter, against its capacity in pops.yaml, as pops capacity computes it.</p>\n",
                     html_escape(d.effort_unit));
  }
  o += "</section>\n";

  // Actions.
  o += "<section id=\"actions\">\n<h2>Open ritual actions</h2>\n";
  if (d.actions.empty()) {
    o += "<p class=\"none\">No open actions.</p>\n";
  } else {
    o += "<table>\n<tr><th>due</th><th>action</th><th>owner</th><th>from</th></tr>\n";
    for (const auto& a : d.actions) {
      const std::string due = a.action->due.set ? format_date(a.action->due.value) : std::string(k_dash);
      o += fmt::format("<tr><td{}>{}</td><td>{}</td><td>{}</td><td>{} {}</td></tr>\n",
                       a.overdue ? " class=\"overdue\"" : "", due + (a.overdue ? " (overdue)" : ""),
                       html_escape(a.action->what.value), html_escape(a.action->owner.value),
                       html_escape(a.note->ritual.value.empty() ? a.note->folder : a.note->ritual.value),
                       html_escape(a.note->file_date));
    }
    o += "</table>\n";
  }
  o += "</section>\n";
  o += render_standards_html(d.standards);
  o += fmt::format("<footer>Generated by pops on {}. Definitions of the figures: docs/metrics.md.</footer>\n",
                   format_date(d.today));
  o += "</body>\n</html>\n";
  return o;
}

std::string render_dashboard_markdown(const Dashboard& d, const Metrics& m)
{
  const WindowFigures s = summarize(d, m);
  std::string o = fmt::format("# {}\n\n", markdown_text(d.product.empty() ? std::string("Portfolio") : d.product));
  o += window_text(m) + ".\n\n";
  o += "## Summary\n\n| figure | value |\n| --- | ---: |\n";
  o += fmt::format("| open items | {} |\n", d.open_items);
  o += fmt::format("| shipped in the window | {} |\n", shipped_text(s));
  o += fmt::format("| median cycle time (days) | {} |\n", days_text(s.cycle_median));
  o += fmt::format("| median lead time (days) | {} |\n", days_text(s.lead_median));
  o += fmt::format("| in progress / limit | {} |\n", wip_text(s));
  o += fmt::format("| predictability{} | {} |\n",
                   s.predictability_period.empty() ? std::string() : ", " + markdown_text(s.predictability_period),
                   share_text(s.predictability));
  o += fmt::format("| items slipped (days) | {} |\n", slips_text(s, ""));
  o += fmt::format("| feedback entries | {} |\n", d.feedback_entries);
  o += fmt::format("| open ritual actions | {}{} |\n\n", d.actions.size(),
                   s.overdue ? fmt::format(" ({} overdue)", s.overdue) : "");

  const std::vector<std::string> periods = periods_of(m);
  o += "## Throughput\n\nItems shipped per " + std::string(m.period == PeriodKind::quarter ? "quarter" : "month")
       + ".\n\n";
  if (periods.empty() || d.squads.empty()) {
    o += "No history in the window.\n\n";
  } else {
    o += "| squad |";
    std::string rule = "| --- |";
    for (const auto& p : periods) {
      o += " " + p + " |";
      rule += " ---: |";
    }
    o += "\n" + rule + "\n";
    for (const auto& sq : d.squads) {
      o += "| " + markdown_cell(sq) + " |";
      for (const auto& p : periods) {
        o += fmt::format(" {} |", throughput(m, p, sq));
      }
      o += "\n";
    }
    o += "\n";
  }

  o += "## Cycle time\n\n";
  int shipped_with_cycle = 0;
  for (const auto& b : d.cycle_bins) {
    shipped_with_cycle += b.count;
  }
  if (shipped_with_cycle == 0) {
    o += "No item shipped in the window with a known start.\n\n";
  } else {
    o += "| days in progress | items |\n| --- | ---: |\n";
    for (const auto& b : d.cycle_bins) {
      o += fmt::format("| {} | {} |\n", bin_label(b), b.count);
    }
    o += "\n";
  }

  o += "## Status by squad\n\n| squad |";
  std::string rule = "| --- |";
  for (const auto& st : d.statuses) {
    o += " " + markdown_cell(st) + " |";
    rule += " ---: |";
  }
  o += "\n" + rule + "\n";
  for (size_t i = 0; i < d.squads.size(); ++i) {
    o += "| " + markdown_cell(d.squads[i]) + " |";
    for (size_t k = 0; k < d.statuses.size(); ++k) {
      o += fmt::format(" {} |", d.status_counts[i][k]);
    }
    o += "\n";
  }
  o += "\n## Roadmap\n\n";
  for (const auto& col : d.board) {
    o += fmt::format("### {}\n\n", markdown_text(horizon_title(col.horizon)));
    if (col.items.empty()) {
      o += "Nothing here.\n\n";
      continue;
    }
    for (const Item* it : col.items) {
      o += fmt::format("- **{}** {} ({}{})\n", markdown_text(it->id.value), markdown_text(it->title.value), markdown_text(it->status.value),
                       it->target.set ? ", " + format_date(it->target.value) : std::string());
    }
    o += "\n";
  }

  o += "## Slips\n\n";
  if (m.slips.empty()) {
    o += "No target moved later in the window.\n\n";
  } else {
    o += "| date | item | squad | target | days |\n| --- | --- | --- | --- | ---: |\n";
    for (auto it = m.slips.rbegin(); it != m.slips.rend(); ++it) {
      o += fmt::format("| {} | {} {} | {} | {} \xe2\x86\x92 {} | +{} |\n", format_date(it->date), markdown_cell(it->id),
                       markdown_cell(it->title), markdown_cell(it->squad), format_date(it->from), format_date(it->to), it->days);
    }
    o += "\n";
  }

  o += "## Shipped against the first target\n\n";
  if (const auto shipped = shipped_in_window(m); shipped.empty()) {
    o += "Nothing shipped in the window.\n\n";
  } else {
    o += "| shipped | item | squad | first target | days late |\n| --- | --- | --- | --- | ---: |\n";
    for (const ItemFacts& shipped_item : shipped) {
      const ItemFacts* f = &shipped_item;
      o += fmt::format("| {} | {} {} | {} | {} | {} |\n", format_date(*f->shipped), markdown_cell(f->id), markdown_cell(f->title),
                       markdown_cell(f->squad), f->first_target ? format_date(*f->first_target) : std::string(k_dash),
                       late_text(*f));
    }
    o += "\n";
  }

  o += "## Top customer demand\n\n";
  if (d.demand.empty()) {
    o += "No feedback links to an item.\n\n";
  } else {
    o += "| item | status | customers | ARR | entries | who |\n| --- | --- | ---: | ---: | ---: | --- |\n";
    for (const auto& dm : d.demand) {
      std::vector<std::string> names;
      for (const auto& c : dm.customers) {
        names.push_back(markdown_cell(c));
      }
      o += fmt::format("| {} {} | {} | {} | {} | {} | {} |\n", markdown_cell(dm.item->id.value), markdown_cell(dm.item->title.value),
                       markdown_cell(dm.item->status.value), dm.customers.size(), dm.arr ? money(*dm.arr) : std::string(k_dash),
                       dm.entries, fmt::join(names, ", "));
    }
    o += "\n";
  }

  o += "## Adoption\n\n";
  if (d.adoption.empty()) {
    o += "No item has success targets.\n\n";
  } else {
    o += "| item | metric | value | target | state | as of | last 4 weeks |\n"
         "| --- | --- | ---: | --- | --- | --- | --- |\n";
    for (const auto& a : d.adoption) {
      std::string state(state_name(a.state));
      if (!a.note.empty()) {
        state += ": " + a.note;
      }
      const std::string trend = trend_text(a);
      o += fmt::format("| {} {} | {} | {} | {} | {} | {} | {} |\n", markdown_cell(a.item->id.value), markdown_cell(a.item->title.value),
                       markdown_cell(a.metric), a.value ? markdown_cell(a.shown) : std::string(k_dash),
                       a.target.empty() ? std::string(k_dash) : markdown_cell(a.target), markdown_cell(state),
                       a.date ? format_date(*a.date) : std::string(k_dash),
                       trend.empty() ? std::string(k_dash) : markdown_cell(trend));
    }
    o += "\n";
  }

  o += fmt::format("## Goals of {}\n\n", d.quarter);
  if (d.goals.empty()) {
    o += "No objectives for this quarter.\n\n";
  } else {
    o += "| objective or key result | owner | progress | measured by |\n| --- | --- | ---: | --- |\n";
    for (const auto& g : d.goals) {
      o += fmt::format("| **{} {}** | {} | {} | |\n", markdown_cell(g.objective->id.value),
                       markdown_cell(g.objective->title.value), markdown_cell(g.objective->owner.value),
                       goal_percent(g.progress));
      for (const auto& k : g.key_results) {
        o += fmt::format("| {} {} | | {} | {} |\n", markdown_cell(k.kr->id.value), markdown_cell(k.kr->title.value),
                         goal_percent(k.progress), markdown_cell(goal_source(k)));
      }
    }
    o += "\n";
  }

  if (!d.initiatives.empty()) {
    o += "## Initiatives\n\n| initiative | owner | target | progress | items |\n| --- | --- | --- | --- | ---: |\n";
    for (const auto& r : d.initiatives) {
      const int filled = static_cast<int>(r.progress.progress.value_or(0) * 10 + 0.5);
      std::string bar;
      for (int i = 0; i < 10; ++i) {
        bar += i < filled ? "█" : "░";
      }
      o += fmt::format("| **{} {}** | {} | {} | {} {} | {} |\n", markdown_cell(r.initiative->id.value),
                       markdown_cell(r.initiative->title.value), markdown_cell(r.initiative->owner.value),
                       markdown_cell(r.initiative->target.value), bar, goal_percent(r.progress.progress), r.items.size());
    }
    o += "\n";
  }
  if (!d.at_risk.empty()) {
    o += "## At risk\n\n| item | squad | health | since | note |\n| --- | --- | --- | --- | --- |\n";
    for (const Item* it : d.at_risk) {
      const Update* u = latest_update(it->updates);
      o += fmt::format("| {} {} | {} | {} | {} | {} |\n", markdown_cell(it->id.value), markdown_cell(it->title.value),
                       markdown_cell(it->squad.value), markdown_cell(u->health.value), format_date(u->date.value),
                       markdown_cell(u->note.value));
    }
    o += "\n";
  }
  o += fmt::format("## Capacity of {}\n\n", d.quarter);
  if (d.capacity.empty()) {
    o += "No squad has a capacity for this quarter.\n\n";
  } else {
    o += fmt::format("| squad | capacity | planned | over | planned of capacity | without an estimate |\n"
                     "| --- | ---: | ---: | ---: | --- | --- |\n");
    for (const auto& c : d.capacity) {
      const double over = *c.over();
      const double share = *c.capacity > 0 ? std::min(1.0, c.planned / *c.capacity) : (c.planned > 0 ? 1.0 : 0.0);
      const int filled = static_cast<int>(share * 10 + 0.5);
      std::vector<std::string> ids;
      for (const Item* it : c.unestimated) {
        ids.push_back(markdown_cell(it->id.value));
      }
      o += fmt::format("| {} | {} | {} | {} | `{}{}` | {} |\n", markdown_cell(c.squad->id.value),
                       number_short(*c.capacity, 2), number_short(c.planned, 2),
                       (over > 0 ? "+" : "") + number_short(over, 2), std::string(static_cast<size_t>(filled), '#'),
                       std::string(static_cast<size_t>(10 - filled), '.'), join(ids, ", "));
    }
    o += fmt::format("\nEffort in {} (score.effort) planned for the quarter against each squad's capacity.\n\n",
                     markdown_cell(d.effort_unit));
  }

  o += "## Open ritual actions\n\n";
  if (d.actions.empty()) {
    o += "No open actions.\n";
  } else {
    o += "| due | action | owner | from |\n| --- | --- | --- | --- |\n";
    for (const auto& a : d.actions) {
      o += fmt::format("| {}{} | {} | {} | {} {} |\n",
                       a.action->due.set ? format_date(a.action->due.value) : std::string(k_dash),
                       a.overdue ? " (overdue)" : "", markdown_cell(a.action->what.value), markdown_cell(a.action->owner.value),
                       markdown_cell(a.note->ritual.value.empty() ? a.note->folder : a.note->ritual.value), markdown_cell(a.note->file_date));
    }
  }
  o += render_standards_section_markdown(d.standards);
  return o;
}

} // namespace pops
