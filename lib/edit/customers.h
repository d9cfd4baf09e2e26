#pragma once
// `pops customer add|set|merge`: customer records of customers.yaml (format 1.3), and the feedback
// entries that name them, as minimal edits that keep every comment and the file's style. Checked like
// every write (run_edit).

#include "edit/ops.h"

#include <optional>
#include <string>
#include <vector>

namespace pops {

/// A customer's fields as given; unset ones are left as they are (set) or out (add). `arr` is read
/// by parse_money (80k, $80,000, 1.2M).
struct CustomerSpec {
  std::string name;
  std::vector<std::string> aliases;  ///< added to the record's aliases
  std::optional<std::string> segment, arr, arr_date, owner, salesforce, hubspot;
};

/// Adds the record `spec.name` (creating customers.yaml when absent). Throws OpError when a record
/// has that name or alias already (folded as normalized_customer).
EditPlan plan_customer_add(const EditSession& s, const CustomerSpec& spec);
/// Sets the given fields of the record `spec.name` names (its name or an alias); an empty value
/// removes a field.
EditPlan plan_customer_set(const EditSession& s, const CustomerSpec& spec);
/// `pops customer merge A B`: every feedback entry naming B (B's record's name or aliases, or B
/// folded) names A instead, as written in A's record; B becomes an alias of A (A's record is created
/// when absent, B's record, when there is one, is folded into A's: its aliases join A's).
EditPlan plan_customer_merge(const EditSession& s, const std::string& into, const std::string& from);

}  // namespace pops
