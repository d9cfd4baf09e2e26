#include "features/metrics_rollup.h"

#include "base/text.h"
#include "workspace/portfolio.h"

#include <algorithm>
#include <map>

namespace pops {

namespace {

/// Adds the counts of `from` (a member's all-squads row) to `to`; the figures derived from counts are
/// left to finish_row.
void add_counts(PeriodMetrics& to, const PeriodMetrics& from)
{
  to.shipped += from.shipped;
  to.wip += from.wip;
  to.slipped += from.slipped;
  to.slip_days += from.slip_days;
  to.committed += from.committed;
  to.committed_shipped += from.committed_shipped;
  to.added += from.added;
  to.dropped += from.dropped;
  to.prd_covered += from.prd_covered;
  to.open += from.open;
  to.feedback_covered += from.feedback_covered;
}

}  // namespace

Metrics rollup_metrics(const std::vector<MemberMetrics>& members)
{
  Metrics out;
  out.portfolio = true;
  if (members.empty()) {
    return out;
  }
  out.period = members.front().metrics.period;
  out.author_date = members.front().metrics.author_date;
  out.until = members.front().metrics.until;
  struct Span {
    Date start, end;
    bool complete = true;
  };
  std::map<std::string, Span> periods;  // "2026-11" and "2026-Q4" sort in time order
  for (const auto& mm : members) {
    const Metrics& m = mm.metrics;
    if (m.since && (!out.since || *m.since < *out.since)) {
      out.since = m.since;
    }
    out.commits += m.commits;
    for (const auto& s : m.squads) {
      out.squads.push_back(qualified_id(mm.member, s));
    }
    for (const auto& r : m.rows) {
      periods.emplace(r.period, Span{r.start, r.end, r.complete});
    }
  }
  for (const auto& [name, span] : periods) {
    PeriodMetrics all;
    all.period = name;
    all.start = span.start;
    all.end = span.end;
    all.complete = span.complete;
    std::vector<int> cycle;
    std::vector<int> lead;
    std::vector<PeriodMetrics> member_rows;
    for (const auto& mm : members) {
      for (const auto& r : mm.metrics.rows) {
        if (r.period != name) {
          continue;
        }
        if (r.squad.empty()) {
          add_counts(all, r);
        }
        member_rows.push_back(r);
        member_rows.back().member = mm.member.empty() ? std::string(".") : mm.member;
      }
      // The samples of the member's all-squads row: its items shipped in the period.
      for (const auto& f : mm.metrics.items) {
        if (f.shipped && *f.shipped >= span.start && *f.shipped <= span.end) {
          if (f.cycle_days) {
            cycle.push_back(*f.cycle_days);
          }
          if (f.lead_days) {
            lead.push_back(*f.lead_days);
          }
        }
      }
    }
    finish_row(all, cycle, lead);
    out.rows.push_back(std::move(all));
    out.rows.insert(out.rows.end(), member_rows.begin(), member_rows.end());
  }
  for (const auto& mm : members) {
    for (ItemFacts f : mm.metrics.items) {
      f.id = qualified_id(mm.member, f.id);
      f.member = mm.member.empty() ? std::string(".") : mm.member;
      if (!f.moved_from.empty()) {
        f.moved_from = qualified_id(mm.member, f.moved_from);
      }
      for (auto& id : f.former_ids) {
        id = qualified_id(mm.member, id);
      }
      out.items.push_back(std::move(f));
    }
    for (SlipEvent e : mm.metrics.slips) {
      e.id = qualified_id(mm.member, e.id);
      out.slips.push_back(std::move(e));
    }
  }
  std::stable_sort(out.slips.begin(), out.slips.end(),
                   [](const SlipEvent& a, const SlipEvent& b) { return a.date < b.date; });
  return out;
}

Metrics squads_qualified(const Metrics& rolled)
{
  Metrics out = rolled;
  out.rows.clear();
  const auto member_of = [](const std::string& m) { return m == "." ? std::string() : m; };
  for (const auto& r : rolled.rows) {
    if (r.member.empty()) {
      out.rows.push_back(r);
    } else if (!r.squad.empty()) {
      out.rows.push_back(r);
      out.rows.back().squad = qualified_id(member_of(r.member), r.squad);
    }
  }
  for (auto& f : out.items) {
    const std::string m = member_of(f.member);
    if (!f.squad.empty()) {
      f.squad = qualified_id(m, f.squad);
    }
    for (auto& s : f.squads) {
      s = qualified_id(m, s);
    }
  }
  for (auto& e : out.slips) {
    std::string m;
    std::string id;
    if (!e.squad.empty() && split_qualified_id(e.id, m, id)) {
      e.squad = qualified_id(m, e.squad);
    }
  }
  return out;
}

}  // namespace pops
