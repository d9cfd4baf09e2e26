#pragma once
// Compliance with a rule (`pops standards`, `pops pilot report`): the one definition, beside the
// rules, of what each rule is about (its subjects: items, docs, ritual actions, feedback entries or
// squads) and of which of them comply (no finding of the rule at them). The findings themselves are
// `pops check`'s (check_workspace); a subject's squads are those the rule's findings name.

#include "workspace/model.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pops {

/// What a rule is about: the denominator of its compliance.
struct RuleMeasure {
  std::string_view rule;
  /// In words, for docs and tables: "open items with a target"; "" when the rule has no compliance
  /// (its findings are counted, nothing is divided).
  std::string_view subjects;
};

/// The measure of `rule` (subjects "" for a rule without one, or an unknown rule).
RuleMeasure rule_measure(std::string_view rule);
/// Every rule with a compliance measure, in the rule table's order.
std::vector<RuleMeasure> rule_measures();

/// One squad's figures for one rule on one state of the workspace.
struct RuleTally {
  int findings = 0;  ///< the rule's findings that name the squad
  int subjects = 0;  ///< what the rule is about in the squad
  int failing = 0;   ///< of those, subjects with a finding of the rule
};

/// Per squad (the squads the subjects and findings name), the tally of `rule` given `findings`, the
/// result of check_workspace on `ws` as of `today` (findings of other rules are ignored). A finding falls on the
/// subject of its file that starts last at or before it (for squads: the squads it names).
std::map<std::string, RuleTally> tally_rule(const Workspace& ws, std::string_view rule,
                                            const std::vector<Finding>& findings, const Date& today);

}  // namespace pops
