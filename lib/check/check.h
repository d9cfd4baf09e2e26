#pragma once
// `pops check`: every rule over a loaded workspace, with pops.yaml's severities and pilots applied.

#include "workspace/model.h"

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
  /// Keep the findings of a rule under `pilot:` about every squad, not only the pilot squads (the
  /// scorecard of `pops standards` compares them); severities still apply.
  bool all_squads = false;
};

CheckResult check_workspace(const Workspace& ws, const CheckOptions& opts);

/// Findings of a rule that reads files beside the model (schema-stale: the editor schemas in .pops/),
/// added to `r` as check_workspace adds its own: pops.yaml's severities (`off` drops them), only
/// those under `paths` when it is not empty, sorted, counted in the summary.
void add_findings(CheckResult& r, const Config& cfg, std::vector<Finding> extra, const std::vector<std::string>& paths);

/// Keeps the findings under `paths` and counts the `files` under them; empty keeps all.
/// check_workspace with paths is check_workspace without them, restricted (lib/check/check.cpp).
CheckResult restrict_to_paths(CheckResult full, const std::vector<std::string>& files,
                              const std::vector<std::string>& paths);

}  // namespace pops
