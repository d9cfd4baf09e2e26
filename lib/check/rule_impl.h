#pragma once
// Internal: the rule implementations that check_workspace runs. Each appends findings with the
// rule's default severity; check_workspace then applies pops.yaml's `rules:`.

#include "workspace/customers.h"
#include "workspace/model.h"

#include <string>
#include <vector>

namespace pops {

struct RuleContext {
  const Workspace& ws;
  Date today;
  std::vector<Finding>& out;

  void add(const std::string& file, const Loc& loc, std::string_view rule, std::string message,
           std::vector<std::string> squads) const;
  std::vector<std::string> squads_of(const Item& it) const;
  std::vector<std::string> squads_of(const Feedback& fb) const;
  std::vector<std::string> squads_of(const Doc& d) const;
  std::vector<std::string> squads_of(const RitualNote& n) const;
};

void rule_duplicate_id(const RuleContext& c);
/// duplicate-title: two items of a squad, not dropped, whose titles are equal once normalized.
void rule_duplicate_title(const RuleContext& c);
/// A title compared by duplicate-title: ASCII case folded, punctuation and runs of white space one space.
std::string normalized_title(std::string_view title);
void rule_id_prefix(const RuleContext& c);
void rule_unknown_ref(const RuleContext& c);
void rule_moved_from_live(const RuleContext& c);
void rule_dependency_cycle(const RuleContext& c);
void rule_dependency_order(const RuleContext& c);
void rule_wip_limit(const RuleContext& c);
/// over-capacity: planned effort of a squad's quarter above its capacity (rules_capacity.cpp).
void rule_over_capacity(const RuleContext& c);
void rule_target_passed(const RuleContext& c);
void rule_action_overdue(const RuleContext& c);
void rule_doc_required(const RuleContext& c);  ///< doc-required-field and doc-required-section
void rule_doc_stale(const RuleContext& c);
/// doc-index-stale: a docs/README.md written by `pops doc index` that no longer matches (docs.cpp).
void rule_doc_index_stale(const RuleContext& c);
/// series-unlinked: a usage series (metrics/**/*.yaml) no item links to (adoption.cpp).
void rule_series_unlinked(const RuleContext& c);
/// The word overlap of two texts (Jaccard of their folded word sets, 0..1; two empty texts: 1).
double text_similarity(std::string_view a, std::string_view b);
/// customer-unknown: when customers.yaml has records, a feedback entry whose customer is no
/// record's name or alias (folded), with "did you mean" the closest record.
void rule_customer_unknown(const RuleContext& c);
/// customer-duplicate: two spellings of a customer in feedback that normalize to one name, or whose
/// normalized names are one letter apart (two from 8 letters on); the less used one is reported.
/// Spellings a customer record ties (its name and aliases) are one customer; two records whose names
/// or aliases fold equal are reported.
void rule_customer_duplicate(const RuleContext& c);
/// feedback-duplicate: an entry of the same customer (normalized_customer), with nearly the same
/// text (text_similarity at least k_feedback_duplicate_similarity), at most
/// k_feedback_duplicate_days from another; entries tagged `duplicate` are left out.
void rule_feedback_duplicate(const RuleContext& c);
inline constexpr long k_feedback_duplicate_days = 14;
inline constexpr double k_feedback_duplicate_similarity = 0.8;
/// key-result-unlinked: an objective without key results, a key result with no series and no item
/// (or a series metrics/ does not hold) (rules_goals.cpp).
void rule_key_result_unlinked(const RuleContext& c);
/// objective-stalled: an objective of the current period, k_stalled_grace_days or more into it, none
/// of whose key results moved since the period started (rules_goals.cpp).
inline constexpr int k_stalled_grace_days = 14;
void rule_objective_stalled(const RuleContext& c);
/// initiative-slip: an item of an initiative whose target is after the initiative's (rules_goals.cpp).
void rule_initiative_slip(const RuleContext& c);
/// update-stale: an in-progress item whose latest update is update_stale_days or more old; items
/// without any update are left out (rules_goals.cpp).
void rule_update_stale(const RuleContext& c);
/// pops.yaml's first horizon (`now` by default).
std::string first_horizon(const Config& cfg);
/// A committed item: open (neither shipped nor dropped) and in the first horizon, as predictability
/// counts commitments (docs/metrics.md). What prd-missing and evidence-missing are about.
bool is_committed(const Item& it, const Config& cfg);
/// The document type prd-missing looks for.
inline constexpr std::string_view k_prd_type = "prd";
/// A PRD of prd-missing: a document of type k_prd_type that is not obsolete.
bool is_prd(const Doc& d);
/// prd-missing: a committed item that no PRD lists in `items` (rules_coverage.cpp; off by default).
void rule_prd_missing(const RuleContext& c);
/// evidence-missing: a committed item that no feedback entry lists in `items` (off by default).
void rule_evidence_missing(const RuleContext& c);
/// ritual-missed: a ritual whose status (ritual_status of workspace/cadence.h) has a missed date
/// (off by default).
void rule_ritual_missed(const RuleContext& c);
/// status-regression, item-removed, id-reused, target-slip: `c.ws` against `base`.
void rule_transitions(const RuleContext& c, const Workspace& base);

}  // namespace pops
