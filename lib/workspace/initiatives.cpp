#include "workspace/initiatives.h"

namespace pops {

InitiativeRollup rollup_initiative(const Workspace& ws, const Initiative& in)
{
  InitiativeRollup r;
  r.initiative = &in;
  for (const auto& it : ws.items) {
    if (it.initiative.set && it.initiative.value == in.id.value) {
      r.items.push_back(&it);
      if (it.target.set && !is_dropped_status(it.status.value)
          && (!r.latest_item_target || it.target.value > *r.latest_item_target)) {
        r.latest_item_target = it.target.value;
        r.latest_item = &it;
      }
    }
  }
  r.progress = items_progress(r.items, "names it in 'initiative'");
  return r;
}

std::vector<InitiativeRollup> compute_initiatives(const Workspace& ws)
{
  std::vector<InitiativeRollup> out;
  for (const auto& in : ws.config.initiatives) {
    out.push_back(rollup_initiative(ws, in));
  }
  return out;
}

const Update* latest_update(const std::vector<Update>& updates)
{
  const Update* best = nullptr;
  for (const auto& u : updates) {
    if (u.date.set && u.health.set && (!best || u.date.value >= best->date.value)) {
      best = &u;
    }
  }
  return best;
}

std::optional<long> days_without_update(const Item& it, Date today, std::optional<Date> since)
{
  if (const Update* u = latest_update(it.updates)) {
    return today.days - u->date.value.days;
  }
  if (since) {
    return today.days - since->days;
  }
  return std::nullopt;
}

}  // namespace pops
