// pops report as GitHub-flavoured Markdown: the sections of the page, tables instead of charts.

#include "features/dashboard.h"
#include "features/dashboard_parts.h"

#include "base/markdown.h"
#include "base/text.h"

#include <fmt/format.h>

namespace pops {

using namespace dash;

namespace {

/// Throughput, cycle time, status by squad and the roadmap board.
void squad_sections(std::string& o, const Dashboard& d, const Metrics& m)
{
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
      o += fmt::format("- **{}** {} ({}{})\n", markdown_text(it->id.value), markdown_text(it->title.value),
                       markdown_text(it->status.value),
                       it->target.set ? ", " + format_date(it->target.value) : std::string());
    }
    o += "\n";
  }
}

/// Slips, the timeline, and what shipped against its first target.
void delivery_sections(std::string& o, const Dashboard& d, const Metrics& m)
{
  o += "## Slips\n\n";
  if (m.slips.empty()) {
    o += "No target moved later in the window.\n\n";
  } else {
    o += "| date | item | squad | target | days |\n| --- | --- | --- | --- | ---: |\n";
    for (auto it = m.slips.rbegin(); it != m.slips.rend(); ++it) {
      o += fmt::format("| {} | {} {} | {} | {} \xe2\x86\x92 {} | +{} |\n", format_date(it->date), markdown_cell(it->id),
                       markdown_cell(it->title), markdown_cell(it->squad), format_date(it->from), format_date(it->to),
                       it->days);
    }
    o += "\n";
  }

  o += "## Timeline\n\n";
  if (d.timeline.bars.empty()) {
    o += "No item has a committed target or shipped in the window.\n\n";
  } else {
    o += "| item | squad | started | first committed target | shipped | days late |\n"
         "| --- | --- | --- | --- | --- | ---: |\n";
    auto date = [](const std::optional<Date>& v) { return v ? format_date(*v) : std::string(k_dash); };
    for (const auto& b : d.timeline.bars) {
      o +=
        fmt::format("| {} {} | {} | {} | {} | {} | {} |\n", markdown_cell(b.id), markdown_cell(b.title),
                    markdown_cell(b.group), date(b.started), date(b.planned), date(b.shipped),
                    b.late_days ? (*b.late_days > 0 ? fmt::format("+{}", *b.late_days) : std::to_string(*b.late_days))
                                : std::string(k_dash));
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
      o += fmt::format("| {} | {} {} | {} | {} | {} |\n", format_date(*f->shipped), markdown_cell(f->id),
                       markdown_cell(f->title), markdown_cell(f->squad),
                       f->first_target ? format_date(*f->first_target) : std::string(k_dash), late_text(*f));
    }
    o += "\n";
  }
}

/// Customer demand and adoption.
void customer_sections(std::string& o, const Dashboard& d)
{
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
      o += fmt::format("| {} {} | {} | {} | {} | {} | {} |\n", markdown_cell(dm.item->id.value),
                       markdown_cell(dm.item->title.value), markdown_cell(dm.item->status.value), dm.customers.size(),
                       dm.arr ? money(*dm.arr) : std::string(k_dash), dm.entries, fmt::join(names, ", "));
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
      o += fmt::format("| {} {} | {} | {} | {} | {} | {} | {} |\n", markdown_cell(a.item->id.value),
                       markdown_cell(a.item->title.value), markdown_cell(a.metric),
                       a.value ? markdown_cell(a.shown) : std::string(k_dash),
                       a.target.empty() ? std::string(k_dash) : markdown_cell(a.target), markdown_cell(state),
                       a.date ? format_date(*a.date) : std::string(k_dash),
                       trend.empty() ? std::string(k_dash) : markdown_cell(trend));
    }
    o += "\n";
  }
}

/// Goals, initiatives, the items at risk and capacity.
void plan_sections(std::string& o, const Dashboard& d)
{
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
      o +=
        fmt::format("| **{} {}** | {} | {} | {} {} | {} |\n", markdown_cell(r.initiative->id.value),
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
}

/// The open actions of ritual notes.
void action_section(std::string& o, const Dashboard& d)
{
  o += "## Open ritual actions\n\n";
  if (d.actions.empty()) {
    o += "No open actions.\n";
  } else {
    o += "| due | action | owner | from |\n| --- | --- | --- | --- |\n";
    for (const auto& a : d.actions) {
      o += fmt::format(
        "| {}{} | {} | {} | {} {} |\n", a.action->due.set ? format_date(a.action->due.value) : std::string(k_dash),
        a.overdue ? " (overdue)" : "", markdown_cell(a.action->what.value), markdown_cell(a.action->owner.value),
        markdown_cell(a.note->ritual.value.empty() ? a.note->folder : a.note->ritual.value),
        markdown_cell(a.note->file_date));
    }
  }
}

}  // namespace

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
  o += fmt::format("| predictability ({}) | {} |\n", markdown_cell(predictability_note(s)), predictability_text(s));
  o += fmt::format("| items slipped (days) | {} |\n", slips_text(s, ""));
  o += fmt::format("| feedback entries | {} |\n", d.feedback_entries);
  o += fmt::format("| open ritual actions | {}{} |\n\n", d.actions.size(),
                   s.overdue ? fmt::format(" ({} overdue)", s.overdue) : "");

  o += "## Trends\n\n";
  bool cycle_known = false;
  const std::vector<TrendPoint> points = org_trend(m, cycle_known);
  if (points.empty()) {
    o += "No history in the window.\n\n";
  } else {
    o += "| period | shipped | cycle p50 (days) | cycle p85 (days) | predictability | items slipped |\n"
         "| --- | ---: | ---: | ---: | ---: | ---: |\n";
    for (const auto& t : points) {
      const std::string pred = t.predictability ? share_text(t.predictability)
                               : !t.complete    ? std::string("n/a, running")
                                                : fmt::format("n/a, {} due", t.committed);
      o += fmt::format("| {}{} | {} | {} | {} | {} | {} |\n", t.period, t.complete ? "" : " (so far)", t.shipped,
                       cycle_known ? days_text(t.cycle_median) : std::string(k_dash),
                       cycle_known ? days_text(t.cycle_p85) : std::string(k_dash), pred, t.slipped);
    }
    o += "\n";
  }

  squad_sections(o, d, m);
  delivery_sections(o, d, m);
  customer_sections(o, d);
  plan_sections(o, d);
  action_section(o, d);
  o += render_standards_section_markdown(d.standards);
  return o;
}

}  // namespace pops
