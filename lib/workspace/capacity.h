#pragma once
// Capacity against plans (pops.yaml squads' `capacity:`, format 1.3), for `pops capacity`, the rule
// over-capacity and the report. The planned effort of a squad in a quarter is the sum of score.effort
// of its items planned for that quarter (planned_quarter); dropped items are out, and so are shipped
// items when the quarter has not started yet (they shipped before it). Items without an effort are
// listed as unestimated.

#include "workspace/model.h"

#include <optional>
#include <string>
#include <vector>

namespace pops {

/// The quarter (YYYY-Qn) an item is planned for: the quarter holding its target when it has one,
/// else its horizon when that is a quarter, else the first configured horizon (default `now`) is the
/// quarter holding `today` and the second (`next`) the one after; nullopt otherwise (`later`, none).
std::optional<std::string> planned_quarter(const Item& it, const Config& cfg, Date today);

/// The quarter (YYYY-Qn) holding a day.
std::string quarter_of(Date d);

struct SquadCapacity {
  const Squad* squad = nullptr;
  std::string period;                    ///< YYYY-Qn
  std::optional<double> capacity;        ///< none: the squad has no capacity for the period
  double planned = 0;                    ///< sum of the estimated items' effort
  std::vector<const Item*> items;        ///< planned for the period, in workspace order
  std::vector<const Item*> unestimated;  ///< of items, those without score.effort
  /// planned - capacity (positive: over); none without a capacity.
  std::optional<double> over() const { return capacity ? std::optional<double>(planned - *capacity) : std::nullopt; }
};

/// Every squad of pops.yaml (in its order; only `squad` when not empty) for `period`.
std::vector<SquadCapacity> compute_capacity(const Workspace& ws, const std::string& period, Date today,
                                            const std::string& squad = "");

/// The configured effort unit, "points" when pops.yaml sets none.
std::string effort_unit(const Config& cfg);

}  // namespace pops
