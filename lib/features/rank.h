#pragma once
// Prioritization: scoring models (RICE, ICE, WSJF built in; more in pops.yaml `scoring:` as
// expressions, see expr.h) applied to items' `score` inputs, custom number fields and demand from
// linked feedback. Every score can be explained term by term, every input with where it came from; a
// missing input leaves the item unscored, never scored as if it were 0.

#include "base/expr.h"
#include "features/insights.h"
#include "workspace/scoring.h"

#include <optional>
#include <string>
#include <vector>

namespace pops {

struct RankInput {
  std::string name;             ///< as used in the expression
  std::optional<double> value;  ///< missing: the item does not have it
  std::string source;           ///< where it came from, e.g. "score.reach, roadmap/payments.yaml:12"
};

struct RankTerm {
  int sign = 1;
  std::string text;  ///< the term as written in the model
  double value = 0;  ///< signed: the terms add up to the score
};

struct RankedItem {
  const Item* item = nullptr;
  bool scored = false;
  double score = 0;
  int rank = 0;                   ///< 1-based among scored items; 0 when unscored
  std::string problem;            ///< why it is unscored: "'effort' is missing", "division by zero ..."
  std::vector<RankInput> inputs;  ///< every name of the model, in order of first use
  std::vector<RankTerm> terms;    ///< when scored
  Demand demand;                  ///< from all feedback linked to the item
};

struct RankOptions {
  std::vector<std::string> squads;    ///< empty: all
  std::vector<std::string> horizons;  ///< empty: all
};

/// Scores the open items (not shipped or dropped) that pass the filter: scored items by score, highest
/// first (ties by id), then the unscored ones by id.
std::vector<RankedItem> rank_items(const Workspace& ws, const ScoreModel& model, const RankOptions& o);

/// The same for one item, whatever its status; nullopt when there is no such item.
std::optional<RankedItem> explain_item(const Workspace& ws, const ScoreModel& model, std::string_view id);

/// Items whose place disagrees with their score: in the top third of the scored items but with a
/// horizon other than `now`, or in the bottom third with horizon `now`. Needs two scored items.
struct Misaligned {
  const RankedItem* item = nullptr;
  std::string why;  ///< e.g. "ranks 1 of 6 but sits in later"
};
std::vector<Misaligned> misaligned(const std::vector<RankedItem>& ranked);

}  // namespace pops
