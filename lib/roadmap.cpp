#include "roadmap.h"

#include <algorithm>
#include <map>

namespace pops {

namespace {

bool keep(const std::vector<std::string>& wanted, const std::string& value)
{
  return wanted.empty() || std::find(wanted.begin(), wanted.end(), value) != wanted.end();
}

} // namespace

std::vector<RoadmapColumn> roadmap_view(const Workspace& ws, const RoadmapFilter& f)
{
  std::vector<RoadmapColumn> cols;
  for (const auto& h : ws.config.horizons) {
    cols.push_back({h.value, {}});
  }
  std::map<std::string, std::vector<const Item*>> quarters;
  RoadmapColumn none{"", {}};
  for (const auto& it : ws.items) {
    const std::string& st = it.status.value;
    if (!f.include_closed && f.statuses.empty() && (st == "shipped" || st == "dropped")) {
      continue;
    }
    if (!keep(f.squads, it.squad.value) || !keep(f.statuses, st) || !keep(f.horizons, it.horizon.value)
        || !keep(f.owners, it.owner.value)) {
      continue;
    }
    if (!f.tags.empty()
        && std::none_of(it.tags.begin(), it.tags.end(), [&](const LStr& t) { return keep(f.tags, t.value); })) {
      continue;
    }
    auto col = std::find_if(cols.begin(), cols.end(), [&](const RoadmapColumn& c) { return c.horizon == it.horizon.value; });
    if (col != cols.end()) {
      col->items.push_back(&it);
    } else if (it.horizon.set) {
      quarters[it.horizon.value].push_back(&it);
    } else {
      none.items.push_back(&it);
    }
  }
  for (auto& [q, items] : quarters) {
    cols.push_back({q, std::move(items)});
  }
  if (!none.items.empty()) {
    cols.push_back(std::move(none));
  }
  return cols;
}

} // namespace pops
