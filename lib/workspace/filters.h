#pragma once
// The one check of a filter value (--squad, --status, --horizon, --owner, --tag, --item) in every
// command that takes one: an unknown value is an error (exit 2) with a "did you mean", never an empty
// answer that looks like "nothing matched".

#include "workspace/workspace.h"

#include <string>
#include <string_view>
#include <vector>

namespace pops {

enum class FilterKind { squad, status, horizon, owner, tag, item };

/// The values a filter of `kind` can match in `ws`: what pops.yaml declares and what the files use.
std::vector<std::string> known_values(const Workspace& ws, FilterKind kind);

/// "" when every value of `wanted` is known; else the message for the first that is not, e.g.
/// "unknown squad 'paymnts' (did you mean 'payments'?)" or "unknown squad '' ; known: a, b".
/// `quarters`: a quarter such as 2027-Q1 is a value too (horizons).
std::string unknown_value(const std::vector<std::string>& wanted, const std::vector<std::string>& known,
                          std::string_view what, bool quarters = false);

/// The same against known_values(ws, kind), `what` named after the kind.
std::string unknown_value(const Workspace& ws, FilterKind kind, const std::vector<std::string>& wanted);

}  // namespace pops
