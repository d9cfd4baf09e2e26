#pragma once
// `pops pilot promote`: widen a rule's pilot to more squads, or roll it out to every squad, as a
// minimal edit of pops.yaml's `rules:` (comments and layout kept), checked like every write.

#include "edit/ops.h"

#include <string>
#include <vector>

namespace pops {

struct PromoteSpec {
  std::string rule;
  std::vector<std::string> squads;  ///< squads to add to the pilot
  bool all = false;                 ///< roll it out: remove `pilot:` (every squad)
};

/// The edit of pops.yaml: `squads` are appended to the rule's `pilot:` list (those in it already
/// left alone), or with `all` the `pilot:` key is removed (a mapping left with only `severity:`
/// stays a mapping). Throws OpError for an unknown rule or squad, a rule not under pilot, or
/// neither or both of `squads` and `all`.
EditPlan plan_pilot_promote(const EditSession& s, const PromoteSpec& spec);

}  // namespace pops
