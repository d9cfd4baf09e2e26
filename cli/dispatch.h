#pragma once
// What `pops NAME` runs when NAME is not a built-in command: an alias of pops.yaml (`aliases:`),
// expanded until it reaches a built-in, or an extension, a program `pops-NAME` on PATH (like git).

#include "context.h"

#include <optional>
#include <string>
#include <vector>

namespace pops::cli {

struct Dispatch {
  std::optional<int> status;      ///< set: done (an error was printed); the exit status
  std::vector<std::string> args;  ///< else: the built-in command and its arguments
};

/// Resolves `name` (not a built-in) with its arguments `rest`. Runs an extension in place of pops
/// (exec: its exit status is pops's), with POPS_WORKSPACE set to the workspace root when there is one.
Dispatch resolve_external(Context& ctx, const std::string& name, const std::vector<std::string>& rest);

/// Runs the extension at `path` (pops-`name`) with `args` in place of pops, POPS_WORKSPACE set as
/// above; returns only when it cannot be run (an error printed; the exit status).
int exec_extension(Context& ctx, const std::string& path, const std::string& name,
                   const std::vector<std::string>& args);

/// Names of the extensions on PATH (NAME of every executable pops-NAME), sorted, unique.
std::vector<std::string> extension_names();

/// The path of the executable pops-NAME on PATH; none when there is none.
std::optional<std::string> find_extension(const std::string& name);

}  // namespace pops::cli
