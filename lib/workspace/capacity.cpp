#include "workspace/capacity.h"

#include "workspace/goals.h"

#include <fmt/format.h>

namespace pops {

std::string quarter_of(Date d)
{
  int y = 0;
  int m = 0;
  int day = 0;
  split_date(d, y, m, day);
  return fmt::format("{:04}-Q{}", y, (m - 1) / 3 + 1);
}

std::optional<std::string> planned_quarter(const Item& it, const Config& cfg, Date today)
{
  if (it.target.set) {
    return quarter_of(it.target.value);
  }
  if (!it.horizon.set) {
    return std::nullopt;
  }
  const std::string& h = it.horizon.value;
  if (is_quarter(h)) {
    return h;
  }
  if (!cfg.horizons.empty() && cfg.horizons[0].value == h) {
    return quarter_of(today);
  }
  if (cfg.horizons.size() > 1 && cfg.horizons[1].value == h) {
    return quarter_of(add_months(today, 3));
  }
  return std::nullopt;
}

std::string effort_unit(const Config& cfg)
{
  return cfg.effort_unit.set ? cfg.effort_unit.value : "points";
}

std::vector<SquadCapacity> compute_capacity(const Workspace& ws, const std::string& period, Date today,
                                            const std::string& squad)
{
  Date start;
  Date end;
  const bool started = quarter_bounds(period, start, end) && !(today < start);
  std::vector<SquadCapacity> out;
  for (const auto& sq : ws.config.squads) {
    if (!squad.empty() && sq.id.value != squad) {
      continue;
    }
    SquadCapacity c;
    c.squad = &sq;
    c.period = period;
    c.capacity = sq.capacity_of(period);
    for (const auto& it : ws.items) {
      if (!it.squad.set || it.squad.value != sq.id.value || is_dropped_status(it.status.value)) {
        continue;
      }
      if (is_shipped_status(it.status.value) && !started) {
        continue;  // shipped before the quarter began
      }
      if (planned_quarter(it, ws.config, today) != period) {
        continue;
      }
      c.items.push_back(&it);
      if (const auto e = effort_of(it)) {
        c.planned += *e;
      } else {
        c.unestimated.push_back(&it);
      }
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace pops
