// over-capacity: a squad whose planned effort in a quarter is above its capacity (pops.yaml squads'
// `capacity:`, format 1.3; computed by workspace/capacity.h as for pops capacity).

#include "check/rule_impl.h"

#include "base/text.h"
#include "workspace/capacity.h"
#include "workspace/schema.h"

#include <fmt/format.h>

#include <set>

namespace pops {

namespace {

std::string num(double v)
{
  return fmt::format("{:g}", v);
}

}  // namespace

void rule_over_capacity(const RuleContext& c)
{
  const Config& cfg = c.ws.config;
  const std::string current = quarter_of(c.today);
  const std::string unit = effort_unit(cfg);
  for (const auto& sq : cfg.squads) {
    // The current quarter and every later one the squad's capacity names.
    std::set<std::string> periods;
    if (sq.capacity.set) {
      periods.insert(current);
    }
    for (const auto& [q, n] : sq.capacity_by_period) {
      if (q.value >= current) {
        periods.insert(q.value);
      }
    }
    for (const auto& period : periods) {
      const auto caps = compute_capacity(c.ws, period, c.today, sq.id.value);
      if (caps.empty() || !caps[0].capacity || caps[0].planned <= *caps[0].capacity) {
        continue;
      }
      const SquadCapacity& k = caps[0];
      Loc where = sq.capacity.set ? sq.capacity.loc : sq.id.loc;
      for (const auto& [q, n] : sq.capacity_by_period) {
        if (q.value == period) {
          where = n.loc;
        }
      }
      std::string msg = fmt::format("squad {} plans {} {} in {}, over its capacity of {} by {}", quote(sq.id.value),
                                    num(k.planned), unit, period, num(*k.capacity), num(k.planned - *k.capacity));
      if (!k.unestimated.empty()) {
        std::vector<std::string> ids;
        for (const Item* it : k.unestimated) {
          ids.push_back(it->id.value);
        }
        msg += fmt::format("; without an estimate: {}", join(ids, ", "));
      }
      c.add(cfg.file, where, "over-capacity", std::move(msg), {sq.id.value});
    }
  }
}

}  // namespace pops
