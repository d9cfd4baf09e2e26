#pragma once
// `pops check`: every rule over a loaded workspace, with pops.yaml's severities and pilots applied.

#include "model.h"

#include <string>
#include <vector>

namespace pops {

struct CheckOptions {
  Date today;
  /// Report only findings in these files or folders (workspace-relative); empty: all.
  std::vector<std::string> paths;
  /// The state to compare with for the transition rules (--base); none when null.
  const Workspace* base = nullptr;
  /// Names of the built-in commands: an alias in pops.yaml may not take one of them.
  std::vector<std::string> commands;
};

CheckResult check_workspace(const Workspace& ws, const CheckOptions& opts);

} // namespace pops
