#pragma once
// `pops customer list|show`: each customer with its segment and ARR (customer_arr of insights.h: the
// record's, else its entries'), its feedback entries and the items they ask for.

#include "workspace/model.h"

#include <optional>
#include <string>
#include <vector>

namespace pops {

struct CustomerSummary {
  std::string name;                       ///< the record's name, else as first written in feedback
  const Customer* record = nullptr;       ///< nullptr: named in feedback only
  std::string segment;                    ///< the record's, else the latest entry's that states one
  std::optional<double> arr;              ///< missing when neither the record nor an entry states one
  std::string arr_from;                   ///< "customers.yaml" or the entry (FB-12) the ARR comes from
  std::vector<const Feedback*> feedback;  ///< by date then id
  std::vector<std::string> items;         ///< the items its feedback is linked to, sorted, once each
};

/// Every customer: each record (with the feedback naming it by name or alias), then each customer
/// named in feedback that has no record (names compared as customer_key); sorted by name, ignoring case.
std::vector<CustomerSummary> customer_summaries(const Workspace& ws);

}  // namespace pops
