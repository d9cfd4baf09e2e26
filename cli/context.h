#pragma once
// What every command gets: where it runs, the workspace root, and how to talk to the terminal.

#include "term.h"

#include <optional>
#include <string>

namespace pops::cli {

struct Context {
  std::string cwd;        ///< absolute; after -C
  std::string workspace;  ///< absolute root holding pops.yaml; empty for commands that need none
  Term out{stdout};       ///< data
  Term err{stderr};       ///< diagnostics
  bool quiet = false;
  bool no_pager = false;      ///< --no-pager
  std::optional<bool> color;  ///< --color=always|never; none: auto

  /// `path` (relative to cwd or absolute) as a workspace-relative path; false if it is outside.
  bool to_workspace_path(const std::string& path, std::string& rel) const;
};

/// Exit codes: documented in docs/commands.md.
constexpr int k_exit_ok = 0;
constexpr int k_exit_findings = 1;
constexpr int k_exit_usage = 2;

}  // namespace pops::cli
