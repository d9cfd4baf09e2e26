#pragma once
// Initiatives (pops.yaml `initiatives:`, format 1.3) rolled up from the items that name them in
// `initiative:`, and the health-rated updates of items and initiatives (`updates:`), for
// `pops initiatives`, `pops show`, digest, report and the rules initiative-slip and update-stale.

#include "workspace/goals.h"
#include "workspace/model.h"

#include <optional>
#include <vector>

namespace pops {

struct InitiativeRollup {
  const Initiative* initiative = nullptr;
  std::vector<const Item*> items;  ///< naming it, in workspace order (dropped ones too)
  ItemsProgress progress;          ///< items_progress of goals.h: shipped share, by effort when known
  std::optional<Date> latest_item_target;
  const Item* latest_item = nullptr;  ///< the item with that target (the first one)
};

/// Every initiative of pops.yaml, in its order.
std::vector<InitiativeRollup> compute_initiatives(const Workspace& ws);
/// One initiative's roll-up.
InitiativeRollup rollup_initiative(const Workspace& ws, const Initiative& in);

/// The latest update with a date and a valid health (by date; of equal dates the one written last);
/// nullptr when there is none.
const Update* latest_update(const std::vector<Update>& updates);

/// Days since the item's latest update (or, with none, since `since` when given); none when neither
/// is known. update-stale reports an in-progress item when this is at least update_stale_days.
std::optional<long> days_without_update(const Item& it, Date today, std::optional<Date> since = std::nullopt);

/// An item in progress, as update-stale and wip-limit count it.
inline bool is_in_progress_status(std::string_view s)
{
  return s == "in-progress";
}

}  // namespace pops
