#pragma once
// The roadmap view: items grouped by horizon, filtered.

#include "model.h"

#include <string>
#include <vector>

namespace pops {

struct RoadmapFilter {
  std::vector<std::string> squads, statuses, horizons, tags, owners;
  bool include_closed = false;  ///< also shipped and dropped items
};

struct RoadmapColumn {
  std::string horizon;                ///< "now", "2027-Q1", or "" for items with no horizon
  std::vector<const Item*> items;     ///< in file order
};

/// Columns in order: the configured horizons, then quarters (sorted), then no horizon. Empty
/// columns of configured horizons are kept.
std::vector<RoadmapColumn> roadmap_view(const Workspace& ws, const RoadmapFilter& filter);

} // namespace pops
