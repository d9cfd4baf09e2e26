#include "features/dashboard.h"
#include "features/dashboard_parts.h"

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

}  // namespace

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
    if (is_shipped_status(it.status.value) || is_dropped_status(it.status.value) || !wanted(squads, it.squad.value)) {
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
  RoadmapFilter all = rf;
  all.include_closed = true;
  d.timeline = build_timeline(roadmap_view(ws, all), m, TimelineGroup::squad, today);
  return d;
}

namespace dash {

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
    out += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                                                       : '-';
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

/// Items shipped in the window, newest first.
std::vector<ItemFacts> shipped_in_window(const Metrics& m)
{
  std::vector<ItemFacts> out =
    shipped_in(m, [&](const ItemFacts& f) { return m.since && *f.shipped >= *m.since && *f.shipped <= m.until; });
  std::stable_sort(out.begin(), out.end(),
                   [](const ItemFacts& a, const ItemFacts& b) { return *a.shipped > *b.shipped; });
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
  const bool has_all =
    std::any_of(m.rows.begin(), m.rows.end(), [](const PeriodMetrics& p) { return p.squad.empty(); });
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
    s.predictability_due = committed;
    s.predictability_done = done;
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

std::string predictability_text(const WindowFigures& s)
{
  return s.predictability ? share_text(s.predictability) : std::string("n/a");
}

std::string predictability_note(const WindowFigures& s)
{
  if (!s.predictability) {
    return s.history ? "no complete period had items due" : "no history";
  }
  return fmt::format("{}: {} of {} shipped", s.predictability_period, s.predictability_done, s.predictability_due);
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

/// The rows of the trend: the portfolio's, else those of the one squad, else the squads' summed.
std::vector<TrendPoint> org_trend(const Metrics& m, bool& cycle_known)
{
  const bool has_all =
    std::any_of(m.rows.begin(), m.rows.end(), [](const PeriodMetrics& p) { return p.squad.empty(); });
  const bool single = !has_all && m.squads.size() == 1;
  cycle_known = has_all || single;
  std::vector<TrendPoint> out;
  for (const auto& p : m.rows) {
    if (has_all != p.squad.empty()) {
      continue;
    }
    if (out.empty() || out.back().period != p.period) {
      TrendPoint t;
      t.period = p.period;
      t.complete = p.complete;
      out.push_back(t);
    }
    TrendPoint& t = out.back();
    t.shipped += p.shipped;
    t.slipped += p.slipped;
    t.committed += p.committed;
    t.committed_shipped += p.committed_shipped;
    if (cycle_known) {
      t.cycle_median = p.cycle_median;
      t.cycle_p85 = p.cycle_p85;
      t.predictability = p.predictability;
    } else if (p.complete && t.committed > 0) {
      // The squads' commitments summed, as the summary sums them.
      t.predictability = static_cast<double>(t.committed_shipped) / t.committed;
    }
  }
  return out;
}

std::vector<SquadRow> squad_rows(const Dashboard& d, const Metrics& m)
{
  const std::vector<std::string> periods = periods_of(m);
  std::vector<SquadRow> out;
  for (const auto& sq : d.squads) {
    SquadRow r;
    r.squad = sq;
    for (const auto& p : periods) {
      r.shipped.push_back(throughput(m, p, sq));
    }
    for (const auto& p : m.rows) {
      if (p.squad != sq) {
        continue;
      }
      r.wip = p.wip;  // at the end of the last period
      r.wip_limit = p.wip_limit;
      if (p.cycle_median) {
        r.cycle_median = p.cycle_median;
        r.cycle_period = p.period;
      }
      if (p.predictability) {
        r.predictability = p.predictability;
        r.predictability_period = p.period;
      }
    }
    std::set<std::string> slipped;  // each item once, as in the summary
    for (const auto& e : m.slips) {
      if (e.squad == sq) {
        slipped.insert(e.id);
      }
    }
    r.slipped = static_cast<int>(slipped.size());
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace dash

}  // namespace pops
