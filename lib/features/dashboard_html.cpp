// pops report as one HTML page: the stylesheet and each section of the page, one function each.
// The page is read without scripts, fits from 400 px to any width (tables and the timeline scroll
// inside their own box), prints on paper, and names every chart for screen readers.

#include "features/dashboard.h"
#include "features/dashboard_parts.h"

#include "base/html.h"
#include "base/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace pops {

using namespace dash;

namespace {

const char* const k_css = R"(
:root { --ink: #1d2330; --muted: #545d6e; --line: #d9dde5; --accent: #2f6fde; --accent2: #b2540b; --bg: #ffffff;
        --card: #f5f7fa; --good: #1a7f37; --bad: #b3261e; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 1280px; padding: 24px; color: var(--ink); background: var(--bg);
       font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       overflow-wrap: break-word; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 14px; margin: 0 0 6px; }
nav { margin-top: 8px; font-size: 12px; }
nav a { color: var(--accent); margin-right: 10px; white-space: nowrap; }
.sub, .none, .note { color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; }
.card { background: var(--card); border-radius: 6px; padding: 10px 12px; min-width: 0; overflow: hidden; }
.card .v { font-size: 22px; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.card .k { color: var(--muted); font-size: 12px; }
.card .d { color: var(--muted); font-size: 11px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 400px), 1fr)); gap: 18px 28px; }
figure { margin: 0; min-width: 0; }
figcaption { font-weight: 600; margin-bottom: 4px; }
figure .note { font-size: 12px; margin: 2px 0 0; }
svg.chart { display: block; width: 100%; max-width: 560px; height: auto; }
svg text { font: 11px system-ui, sans-serif; fill: var(--muted); }
svg .value, svg .group { fill: var(--ink); }
svg .group { font-weight: 600; }
rect.bar { fill: var(--accent); }
line.axis { stroke: #7a8396; }
line.grid { stroke: var(--line); stroke-dasharray: 2 3; }
path.l1, path.l2 { fill: none; stroke-width: 2; }
path.l1, line.l1 { stroke: var(--accent); stroke-width: 2; } circle.l1 { fill: var(--accent); }
path.l2, line.l2 { stroke: var(--accent2); stroke-width: 2; stroke-dasharray: 5 3; } circle.l2 { fill: var(--accent2); }
.scroll { overflow-x: auto; max-width: 100%; }
svg.timeline { display: block; min-width: 800px; width: 100%; height: auto; }
svg.timeline rect.span { fill: #5b8ad6; } svg.timeline rect.span.open { fill: #a97c00; }
svg.timeline path.planned { fill: #fff; stroke: var(--ink); stroke-width: 1.5; }
svg.timeline circle.shipped { fill: var(--good); } svg.timeline circle.shipped.late { fill: var(--bad); }
svg.timeline line.today { stroke: var(--bad); stroke-dasharray: 3 2; }
.legend { font-size: 12px; color: var(--muted); }
.legend svg { vertical-align: middle; }
svg.spark rect { fill: var(--accent); } svg.spark rect.zero { fill: var(--line); }
svg.prog rect.track { fill: var(--line); } svg.prog rect.fill { fill: var(--accent); }
.cap { display: inline-block; width: 160px; max-width: 100%; height: 10px; background: var(--line); vertical-align: middle; }
.cap span { display: block; height: 10px; background: var(--accent); }
.cap span.over { background: var(--bad); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.date, td.n { white-space: nowrap; }
.board { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 200px), 1fr)); gap: 12px; }
.col { background: var(--card); border-radius: 6px; padding: 8px; min-width: 0; }
.it { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--muted); border-radius: 4px;
      padding: 4px 6px; margin-bottom: 6px; overflow-wrap: anywhere; }
.it .id { font-size: 12px; color: var(--muted); }
.badge { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 8px; background: var(--line); }
.seg { fill: #6b7486; }
.s-in-progress { fill: #a97c00; border-left-color: #a97c00 !important; }
.s-shipped { fill: #2e8b53; border-left-color: #2e8b53 !important; }
.s-dropped { fill: #7d8696; border-left-color: #7d8696 !important; }
.s-planned { fill: #2f6fde; border-left-color: #2f6fde !important; }
.s-idea { fill: #9270c8; border-left-color: #9270c8 !important; }
.s-discovery { fill: #7d3c98; border-left-color: #7d3c98 !important; }
.overdue { color: var(--bad); font-weight: 600; }
td.met, .good { color: var(--good); } td.unmet, .bad { color: var(--bad); } td.nodata { color: var(--muted); }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
@media (max-width: 600px) {
  body { padding: 12px; }
  h1 { font-size: 20px; }
  .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .card .v { font-size: 19px; }
  th, td { padding: 4px 5px; }
  .scroll > table { min-width: 600px; }  /* scrolls in its box rather than a word a line */
}
@media print {
  @page { margin: 12mm; }
  body { max-width: none; padding: 0; font-size: 11px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  nav { display: none; }
  h2 { break-after: avoid; margin-top: 18px; }
  section, figure, .card, .col, tr, svg { break-inside: avoid; }
  .card, .col { border: 1px solid var(--line); }
  .scroll { overflow: visible; }
  svg.timeline { min-width: 0; }
  .charts { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  a { color: inherit; text-decoration: none; }
  th, td { padding: 3px 4px; overflow-wrap: anywhere; }  /* no table wider than the paper */
  svg.stack { width: 100px; height: auto; }
}
)";

/// A table in a box that scrolls sideways when the page is narrower than the table.
const char* const k_table = "<div class=\"scroll\"><table>\n";
const char* const k_table_end = "</table></div>\n";

std::string period_word(const Metrics& m)
{
  return m.period == PeriodKind::quarter ? "quarter" : "month";
}

/// A progress bar of `width` px for a share 0..1 (none: empty), titled with `label`.
std::string progress_bar(const std::optional<double>& share, const std::string& label, int width = 120)
{
  const double p = std::clamp(share.value_or(0), 0.0, 1.0);
  return fmt::format(
    "<svg class=\"prog\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"10\" role=\"img\" "
    "aria-label=\"{1}\"><title>{1}</title><rect class=\"track\" width=\"{0}\" height=\"10\"/>"
    "<rect class=\"fill\" width=\"{2}\" height=\"10\"/></svg>",
    width, html_escape(label), static_cast<int>(p * width + 0.5));
}

/// Tiny bars of one squad's throughput, one titled bar per period.
std::string spark_bars(const std::string& squad, const std::vector<std::string>& periods,
                       const std::vector<int>& values)
{
  const int bar = 8, gap = 3, h = 20;
  const int w = static_cast<int>(values.size()) * (bar + gap);
  const int max = std::max(1, values.empty() ? 1 : *std::max_element(values.begin(), values.end()));
  std::string o = fmt::format("<svg class=\"spark\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
                              "viewBox=\"0 0 {0} {1}\" role=\"img\" aria-label=\"items shipped per period, squad {2}\">"
                              "<title>items shipped per period, squad {2}</title>",
                              std::max(w, 1), h, html_escape(squad));
  for (size_t i = 0; i < values.size(); ++i) {
    const int bh = values[i] == 0 ? 1 : std::max(2, values[i] * h / max);
    o += fmt::format("<rect{} x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{} {}: {} shipped</title></rect>",
                     values[i] == 0 ? " class=\"zero\"" : "", static_cast<int>(i) * (bar + gap), h - bh, bar, bh,
                     html_escape(squad), html_escape(periods[i]), values[i]);
  }
  return o + "</svg>";
}

void page_head(std::string& o, const Dashboard& d, const Metrics& m)
{
  const std::string product = d.product.empty() ? std::string("Portfolio") : d.product;
  o += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  o += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  o += fmt::format("<title>{} \xe2\x80\x94 report</title>\n", html_escape(product));
  o += fmt::format("<style>{}</style>\n</head>\n<body>\n", k_css);
  o += fmt::format("<header>\n<h1>{}</h1>\n", html_escape(product));
  o += fmt::format("<p class=\"sub\">{}{}</p>\n", window_text(m),
                   m.squads.size() == 1 ? " \xc2\xb7 squad " + html_escape(m.squads.front()) : std::string());
  o += "<nav aria-label=\"sections\"><a href=\"#trends\">Trends</a><a href=\"#squads\">Squads</a>"
       "<a href=\"#at-risk\">At risk</a><a href=\"#slips\">Slips</a><a href=\"#goals\">Goals</a>"
       "<a href=\"#timeline\">Timeline</a><a href=\"#board\">Roadmap</a><a href=\"#demand\">Demand</a>"
       "<a href=\"#actions\">Actions</a></nav>\n</header>\n<main>\n";
}

void section_summary(std::string& o, const Dashboard& d, const WindowFigures& s)
{
  auto card = [&](const std::string& v, const std::string& k, const std::string& note = {}) {
    o += fmt::format("<div class=\"card\"><div class=\"v\">{}</div><div class=\"k\">{}</div>{}</div>\n", v, k,
                     note.empty() ? std::string() : "<div class=\"d\">" + note + "</div>");
  };
  o += "<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n";
  card(std::to_string(d.open_items), "open items");
  card(shipped_text(s), "shipped in the window");
  card(days_text(s.cycle_median), "median cycle time (days)");
  card(days_text(s.lead_median), "median lead time (days)");
  card(wip_text(s), "in progress / limit");
  card(predictability_text(s), "predictability", html_escape(predictability_note(s)));
  card(slips_text(s, " d"), "items slipped (days)");
  card(std::to_string(d.feedback_entries), "feedback entries");
  card(fmt::format("{}{}", d.actions.size(), s.overdue ? fmt::format(" ({} overdue)", s.overdue) : ""),
       "open ritual actions");
  o += "</div>\n</section>\n";
}

void section_trends(std::string& o, const Metrics& m)
{
  o += fmt::format("<section id=\"trends\">\n<h2>Trends by {}</h2>\n", period_word(m));
  bool cycle_known = false;
  const std::vector<TrendPoint> trend = org_trend(m, cycle_known);
  if (trend.empty()) {
    o += "<p class=\"none\">No history in the window.</p>\n</section>\n";
    return;
  }
  std::vector<std::string> labels;
  std::vector<Bar> shipped, slipped;
  LineSeries p50{"p50", "l1", {}}, p85{"p85", "l2", {}}, pred{"predictability", "l1", {}};
  for (const auto& t : trend) {
    labels.push_back(t.period);
    const std::string so_far = t.complete ? "" : " (so far)";
    shipped.push_back(
      {t.period, static_cast<double>(t.shipped), fmt::format("{}: {} shipped{}", t.period, t.shipped, so_far)});
    slipped.push_back({t.period, static_cast<double>(t.slipped),
                       fmt::format("{}: {} item{} slipped{}", t.period, t.slipped, t.slipped == 1 ? "" : "s", so_far)});
    p50.values.push_back(t.cycle_median);
    p85.values.push_back(t.cycle_p85);
    pred.values.push_back(t.predictability ? std::optional<double>(*t.predictability * 100) : std::nullopt);
  }
  const bool partial = !trend.back().complete;
  BarChartStyle bs;  // drawn at about the size shown: two charts a row on a screen, one on a phone
  bs.width = 480;
  bs.height = 120;
  o += "<div class=\"charts\">\n";
  bs.aria_label = fmt::format("Throughput: items shipped per {}", period_word(m));
  o += fmt::format("<figure id=\"trend-throughput\">\n<figcaption>Throughput</figcaption>\n{}",
                   svg_bar_chart(shipped, bs));
  o += partial ? fmt::format("<p class=\"note\">{} is still running.</p>\n", trend.back().period) : "";
  o += "</figure>\n";
  o += "<figure id=\"trend-cycle\">\n<figcaption>Cycle time, days (p50, p85)</figcaption>\n";
  if (cycle_known) {
    LineChartStyle ls;
    ls.width = 480;
    ls.height = 120;
    ls.unit = "days";
    ls.title = fmt::format("Cycle time per {}: median and 85th percentile, in days", period_word(m));
    ls.desc = "Days from first in progress to shipped, over the items shipped in each period; gaps where none shipped.";
    o += svg_line_chart(labels, {p50, p85}, ls);
  } else {
    o += "<p class=\"none\">Cycle time percentiles of several squads do not add up: see each squad's below.</p>\n";
  }
  o += "</figure>\n";
  LineChartStyle ps;
  ps.width = 480;
  ps.height = 120;
  ps.max = 100;
  ps.unit = "%";
  ps.title = fmt::format("Predictability per {}: share of committed items shipped", period_word(m));
  ps.desc = "Items in now at the start of each complete period that shipped by its end; gaps for a running "
            "period or one with nothing due.";
  o += "<figure id=\"trend-predictability\">\n<figcaption>Predictability, %</figcaption>\n"
       + svg_line_chart(labels, {pred}, ps);
  o += "<p class=\"note\">Complete periods with items due only.</p>\n</figure>\n";
  bs.aria_label = fmt::format("Slips: items whose target moved later, per {}", period_word(m));
  o += fmt::format("<figure id=\"trend-slips\">\n<figcaption>Items slipped</figcaption>\n{}</figure>\n",
                   svg_bar_chart(slipped, bs));
  o += "</div>\n</section>\n";
}

void section_squads(std::string& o, const Dashboard& d, const Metrics& m)
{
  o += "<section id=\"squads\">\n<h2>By squad</h2>\n";
  const std::vector<std::string> periods = periods_of(m);
  if (periods.empty() || d.squads.empty()) {
    o += "<p class=\"none\">No history in the window.</p>\n</section>\n";
    return;
  }
  o += k_table;
  o += fmt::format("<tr><th>squad</th><th>shipped per {}</th><th class=\"n\">shipped</th><th class=\"n\">cycle p50 "
                   "(days)</th><th class=\"n\">predictability</th><th class=\"n\">in progress / limit</th>"
                   "<th class=\"n\">items slipped</th></tr>\n",
                   period_word(m));
  for (const auto& r : squad_rows(d, m)) {
    int total = 0;
    for (int v : r.shipped) {
      total += v;
    }
    auto of = [](const std::string& p) { return p.empty() ? std::string() : " <span class=\"note\">" + p + "</span>"; };
    o += fmt::format("<tr data-squad=\"{}\"><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}{}</td>"
                     "<td class=\"n\">{}{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
                     html_escape(r.squad), html_escape(r.squad), spark_bars(r.squad, periods, r.shipped), total,
                     days_text(r.cycle_median), of(r.cycle_period), share_text(r.predictability),
                     of(r.predictability_period),
                     r.wip_limit ? fmt::format("{} / {}", r.wip, *r.wip_limit) : std::to_string(r.wip), r.slipped);
  }
  o += k_table_end;
  o += "<p class=\"note\">Cycle time and predictability of each squad's latest period that has one; in progress at "
       "the end of the window.</p>\n</section>\n";
}

void section_at_risk(std::string& o, const Dashboard& d)
{
  o += "<section id=\"at-risk\">\n<h2>At risk</h2>\n";
  if (d.at_risk.empty()) {
    o += "<p class=\"none\">No open item's latest update is at risk or off track.</p>\n</section>\n";
    return;
  }
  o += k_table;
  o += "<tr><th>item</th><th>squad</th><th>health</th><th>since</th><th>target</th><th>note</th></tr>\n";
  for (const Item* it : d.at_risk) {
    const Update* u = latest_update(it->updates);
    o += fmt::format("<tr><td>{} {}</td><td>{}</td><td class=\"bad\">{}</td><td class=\"date\">{}</td>"
                     "<td class=\"date\">{}</td><td>{}</td></tr>\n",
                     html_escape(it->id.value), html_escape(it->title.value), html_escape(it->squad.value),
                     html_escape(u->health.value), format_date(u->date.value),
                     it->target.set ? format_date(it->target.value) : std::string(k_dash), html_escape(u->note.value));
  }
  o += k_table_end;
  o += "</section>\n";
}

void section_slips(std::string& o, const Metrics& m)
{
  o += "<section id=\"slips\">\n<h2>Slipping: targets moved later</h2>\n";
  if (m.slips.empty()) {
    o += "<p class=\"none\">No target moved later in the window.</p>\n</section>\n";
    return;
  }
  o += k_table;
  o += "<tr><th>date</th><th>item</th><th>squad</th><th>target</th><th class=\"n\">days</th></tr>\n";
  for (auto it = m.slips.rbegin(); it != m.slips.rend(); ++it) {
    o += fmt::format("<tr><td class=\"date\">{}</td><td>{} {}</td><td>{}</td><td class=\"date\">{} \xe2\x86\x92 {}</td>"
                     "<td class=\"n\">+{}</td></tr>\n",
                     format_date(it->date), html_escape(it->id), html_escape(it->title), html_escape(it->squad),
                     format_date(it->from), format_date(it->to), it->days);
  }
  o += k_table_end;
  o += "</section>\n";
}

void section_goals(std::string& o, const Dashboard& d)
{
  o += fmt::format("<section id=\"goals\">\n<h2>Goals of {}</h2>\n", d.quarter);
  if (d.goals.empty()) {
    o += "<p class=\"none\">No objectives for this quarter.</p>\n</section>\n";
    return;
  }
  o += k_table;
  o += "<tr><th>objective or key result</th><th>owner</th><th>progress</th><th class=\"n\"></th>"
       "<th>measured by</th></tr>\n";
  for (const auto& g : d.goals) {
    o += fmt::format("<tr><td><b>{} {}</b></td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td></td></tr>\n",
                     html_escape(g.objective->id.value), html_escape(g.objective->title.value),
                     html_escape(g.objective->owner.value),
                     progress_bar(g.progress, g.objective->id.value + " progress " + goal_percent(g.progress)),
                     goal_percent(g.progress));
    for (const auto& k : g.key_results) {
      o += fmt::format("<tr><td>&nbsp;&nbsp;{} {}</td><td></td><td>{}</td><td class=\"n\">{}</td><td>{}</td></tr>\n",
                       html_escape(k.kr->id.value), html_escape(k.kr->title.value),
                       progress_bar(k.progress, k.kr->id.value + " progress " + goal_percent(k.progress), 90),
                       goal_percent(k.progress), html_escape(goal_source(k)));
    }
  }
  o += k_table_end;
  o += "<p class=\"note\">Progress of each key result from its series (latest value between baseline and target) or "
       "its items (shipped share, by effort when known), as pops goals computes it.</p>\n</section>\n";
}

void section_initiatives(std::string& o, const Dashboard& d)
{
  if (d.initiatives.empty()) {
    return;
  }
  o += "<section id=\"initiatives\">\n<h2>Initiatives</h2>\n";
  o += k_table;
  o += "<tr><th>initiative</th><th>owner</th><th>target</th><th>health</th><th>progress</th><th class=\"n\"></th>"
       "<th class=\"n\">items</th></tr>\n";
  for (const auto& r : d.initiatives) {
    const Update* u = latest_update(r.initiative->updates);
    const std::string health =
      u ? html_escape(u->health.value) + " <span class=\"note\">" + format_date(u->date.value) + "</span>"
        : std::string(k_dash);
    o += fmt::format(
      "<tr><td><b>{} {}</b></td><td>{}</td><td class=\"date\">{}</td><td{}>{}</td><td>{}</td>"
      "<td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
      html_escape(r.initiative->id.value), html_escape(r.initiative->title.value),
      html_escape(r.initiative->owner.value), html_escape(r.initiative->target.value),
      u && is_risky_health(u->health.value) ? " class=\"bad\"" : "", health,
      progress_bar(r.progress.progress, r.initiative->id.value + " progress " + goal_percent(r.progress.progress)),
      goal_percent(r.progress.progress), r.items.size());
  }
  o += k_table_end;
  o += "</section>\n";
}

void section_timeline(std::string& o, const Dashboard& d)
{
  o += "<section id=\"timeline\">\n<h2>Timeline: planned against shipped</h2>\n";
  if (d.timeline.bars.empty()) {
    o += "<p class=\"none\">No item has a committed target or shipped in the window.</p>\n</section>\n";
    return;
  }
  o += "<div class=\"scroll\">\n" + svg_timeline(d.timeline, 960) + "</div>\n";
  o +=
    "<p class=\"legend\"><svg width=\"12\" height=\"12\" aria-hidden=\"true\"><path d=\"M6,1 l5,5 l-5,5 l-5,-5 z\" "
    "fill=\"#fff\" stroke=\"#1d2330\"/></svg> first committed target \xc2\xb7 <svg width=\"10\" height=\"10\" "
    "aria-hidden=\"true\"><circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"#1a7f37\"/></svg> shipped on time or early \xc2\xb7 "
    "<svg width=\"10\" height=\"10\" aria-hidden=\"true\"><circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"#b3261e\"/></svg> "
    "shipped late \xc2\xb7 bars: in progress (yellow: still open) \xc2\xb7 dashed line: today. Dates from the "
    "history (docs/metrics.md, \"Item dates\").</p>\n</section>\n";
}

void section_shipped(std::string& o, const Metrics& m)
{
  o += "<section id=\"shipped\">\n<h2>Shipped against the first target</h2>\n";
  const auto shipped = shipped_in_window(m);
  if (shipped.empty()) {
    o += "<p class=\"none\">Nothing shipped in the window.</p>\n</section>\n";
    return;
  }
  o += k_table;
  o += "<tr><th>shipped</th><th>item</th><th>squad</th><th>first target</th><th class=\"n\">days late</th></tr>\n";
  for (const ItemFacts& f : shipped) {
    o += fmt::format("<tr><td class=\"date\">{}</td><td>{} {}</td><td>{}</td><td class=\"date\">{}</td>"
                     "<td class=\"n\">{}</td></tr>\n",
                     format_date(*f.shipped), html_escape(f.id), html_escape(f.title), html_escape(f.squad),
                     f.first_target ? format_date(*f.first_target) : std::string(k_dash), late_text(f));
  }
  o += k_table_end;
  o += "</section>\n";
}

void section_cycle(std::string& o, const Dashboard& d)
{
  o += "<section id=\"cycle\">\n<h2>Cycle time: in progress to shipped</h2>\n";
  int shipped_with_cycle = 0;
  for (const auto& b : d.cycle_bins) {
    shipped_with_cycle += b.count;
  }
  if (shipped_with_cycle == 0) {
    o += "<p class=\"none\">No item shipped in the window with a known start.</p>\n</section>\n";
    return;
  }
  std::vector<Bar> bars;
  for (const auto& b : d.cycle_bins) {
    bars.push_back({bin_label(b), static_cast<double>(b.count),
                    fmt::format("{} days: {} item{}", bin_label(b), b.count, b.count == 1 ? "" : "s")});
  }
  BarChartStyle style;
  style.width = 420;
  style.height = 120;
  style.aria_label = "Items shipped in the window by cycle time in days";
  o += fmt::format("<figure>\n<figcaption>Items by days in progress</figcaption>\n{}</figure>\n</section>\n",
                   svg_bar_chart(bars, style));
}

void section_status(std::string& o, const Dashboard& d)
{
  o += "<section id=\"status\">\n<h2>Status by squad</h2>\n";
  o += k_table;
  o += "<tr><th>squad</th><th></th>";
  for (const auto& st : d.statuses) {
    o += fmt::format(
      "<th class=\"n\"><svg class=\"swatch\" xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" "
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
  o += k_table_end;
  o += "</section>\n";
}

void section_board(std::string& o, const Dashboard& d)
{
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
}

void section_demand(std::string& o, const Dashboard& d)
{
  o += "<section id=\"demand\">\n<h2>Top customer demand</h2>\n";
  if (d.demand.empty()) {
    o += "<p class=\"none\">No feedback links to an item.</p>\n</section>\n";
    return;
  }
  o += k_table;
  o += "<tr><th>item</th><th>status</th><th class=\"n\">customers</th><th class=\"n\">ARR</th>"
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
  o += k_table_end;
  o += "<p class=\"note\">Each customer counted once per item, with the ARR of their latest entry giving one.</p>\n"
       "</section>\n";
}

void section_adoption(std::string& o, const Dashboard& d)
{
  o += "<section id=\"adoption\">\n<h2>Adoption</h2>\n";
  if (d.adoption.empty()) {
    o += "<p class=\"none\">No item has success targets.</p>\n</section>\n";
    return;
  }
  o += k_table;
  o += "<tr><th>item</th><th>metric</th><th class=\"n\">value</th><th>target</th><th>state</th>"
       "<th>as of</th><th>last 4 weeks</th></tr>\n";
  for (const auto& a : d.adoption) {
    const char* cls = a.state == TargetState::met ? "met" : a.state == TargetState::not_met ? "unmet" : "nodata";
    std::string state(state_name(a.state));
    if (!a.note.empty()) {
      state += ": " + a.note;
    }
    const std::string trend = trend_text(a);
    o += fmt::format("<tr><td>{} {}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td><td class=\"{}\">{}</td>"
                     "<td class=\"date\">{}</td><td>{}</td></tr>\n",
                     html_escape(a.item->id.value), html_escape(a.item->title.value), html_escape(a.metric),
                     a.value ? html_escape(a.shown) : std::string(k_dash),
                     a.target.empty() ? std::string(k_dash) : html_escape(a.target), cls, html_escape(state),
                     a.date ? format_date(*a.date) : std::string(k_dash),
                     trend.empty() ? std::string(k_dash) : html_escape(trend));
  }
  o += k_table_end;
  o += "<p class=\"note\">Latest value of the usage series each item links to (links.amplitude, links.pendo), "
       "against its success target.</p>\n</section>\n";
}

void section_capacity(std::string& o, const Dashboard& d)
{
  o += fmt::format("<section id=\"capacity\">\n<h2>Capacity of {}</h2>\n", d.quarter);
  if (d.capacity.empty()) {
    o += "<p class=\"none\">No squad has a capacity for this quarter.</p>\n</section>\n";
    return;
  }
  o += k_table;
  o += "<tr><th>squad</th><th class=\"n\">capacity</th><th class=\"n\">planned</th><th class=\"n\">over</th>"
       "<th>planned of capacity</th><th>without an estimate</th></tr>\n";
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
  o += k_table_end;
  o += fmt::format("<p class=\"note\">Effort in {} (score.effort) of each squad's items planned for the quarter, "
                   "against its capacity in pops.yaml, as pops capacity computes it.</p>\n</section>\n",
                   html_escape(d.effort_unit));
}

void section_actions(std::string& o, const Dashboard& d)
{
  o += "<section id=\"actions\">\n<h2>Open ritual actions</h2>\n";
  if (d.actions.empty()) {
    o += "<p class=\"none\">No open actions.</p>\n</section>\n";
    return;
  }
  o += k_table;
  o += "<tr><th>due</th><th>action</th><th>owner</th><th>from</th></tr>\n";
  for (const auto& a : d.actions) {
    const std::string due = a.action->due.set ? format_date(a.action->due.value) : std::string(k_dash);
    o += fmt::format("<tr><td{}>{}</td><td>{}</td><td>{}</td><td>{} {}</td></tr>\n",
                     a.overdue ? " class=\"overdue\"" : "", due + (a.overdue ? " (overdue)" : ""),
                     html_escape(a.action->what.value), html_escape(a.action->owner.value),
                     html_escape(a.note->ritual.value.empty() ? a.note->folder : a.note->ritual.value),
                     html_escape(a.note->file_date));
  }
  o += k_table_end;
  o += "</section>\n";
}

}  // namespace

std::string render_dashboard_html(const Dashboard& d, const Metrics& m)
{
  const WindowFigures s = summarize(d, m);
  std::string o;
  page_head(o, d, m);
  section_summary(o, d, s);
  section_trends(o, m);
  section_squads(o, d, m);
  section_at_risk(o, d);
  section_slips(o, m);
  section_goals(o, d);
  section_initiatives(o, d);
  section_timeline(o, d);
  section_shipped(o, m);
  section_cycle(o, d);
  section_status(o, d);
  section_board(o, d);
  section_capacity(o, d);
  section_demand(o, d);
  section_adoption(o, d);
  section_actions(o, d);
  o += render_standards_html(d.standards);
  o += fmt::format("</main>\n<footer>Generated by pops on {}. Definitions of the figures: docs/metrics.md.</footer>\n",
                   format_date(d.today));
  o += "</body>\n</html>\n";
  return o;
}

}  // namespace pops
