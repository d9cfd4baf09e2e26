#pragma once
// A portfolio's delivery metrics (format 1.4): each member measured from its own git history
// (compute_metrics), then rolled up per period. A member's rows are its own; the portfolio's row sums
// the members' counts and computes every figure from them with finish_row: cycle and lead percentiles
// from the pooled cycle and lead times of every member's items shipped in the period (never an average
// of the members' percentiles), predictability and coverage from the summed counts.

#include "features/metrics.h"

#include <string>
#include <vector>

namespace pops {

struct MemberMetrics {
  std::string member;  ///< "" for the portfolio's own squads and items
  Metrics metrics;     ///< measured in the member's own repository, with the same options
};

/// The roll-up of `members`: per period (the union of the members' periods), the portfolio's row
/// (member "", squad ""), then each member's rows in order (its all-squads row, then its squads).
/// Items and slips carry qualified ids (`acme/PAY-3`) and their member; `squads` lists
/// `member/squad`. A member without history in a period adds nothing to it.
Metrics rollup_metrics(const std::vector<MemberMetrics>& members);

/// The roll-up `rolled` as the dashboard reads a workspace's metrics (pops report in a portfolio): per
/// period the portfolio's row, then a row per squad named `member/squad` (as in `squads`); the
/// members' all-squads rows left out (their squads' rows add up to them). Items and slips keep their
/// qualified ids, their squads qualified too.
Metrics squads_qualified(const Metrics& rolled);

}  // namespace pops
