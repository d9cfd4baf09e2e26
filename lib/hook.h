#pragma once
// The git pre-commit hook `pops hook` installs: where git looks for hooks (core.hooksPath, relative to
// the work tree root when relative; else the hooks folder of the common git folder, shared by linked
// worktrees), the POSIX sh script that runs `pops check --staged`, and chaining a hook that was there
// before (moved aside to pre-commit.pops-chained, run first, moved back on uninstall). Nothing here
// prints; failures throw std::runtime_error with git-style messages.

#include <string>
#include <string_view>

namespace pops {

/// The comment line that marks a hook as pops's (the second line of the script).
inline constexpr std::string_view k_hook_marker =
  "# pops pre-commit hook: installed by 'pops hook install', removed by 'pops hook uninstall'";
/// What a hook that was there before pops's is renamed to, next to it.
inline constexpr std::string_view k_hook_chained_suffix = ".pops-chained";

/// Where the hook goes.
struct HookPaths {
  std::string worktree;     ///< absolute work tree root, no trailing slash
  std::string hooks_dir;    ///< absolute folder git runs hooks from
  std::string hooks_path;   ///< core.hooksPath as configured; empty when unset
  std::string hook;         ///< <hooks_dir>/pre-commit
  std::string chained;      ///< <hooks_dir>/pre-commit.pops-chained
  std::string workspace;    ///< the workspace relative to the work tree root; "." at the root
};

enum class HookKind {
  none,   ///< no pre-commit hook
  pops,   ///< pops's hook (carries k_hook_marker)
  other,  ///< someone else's hook (a file, a symbolic link, anything)
};

/// What is installed now.
struct HookStatus {
  HookPaths paths;
  HookKind kind = HookKind::none;
  bool executable = false;     ///< git ignores a hook without the executable bit
  bool chained = false;        ///< pre-commit.pops-chained exists
  std::string pops_binary;     ///< kind pops: the binary the hook tries first
  std::string hook_workspace;  ///< kind pops: the workspace it checks (relative to the work tree)
  std::string description;     ///< kind other: what it is, e.g. "a shell script of 4 lines"
};

/// Where git runs hooks for the repository holding `workspace` (absolute), and what is there.
/// Throws when there is no repository, or when core.hooksPath comes from the global or system git
/// configuration (installing there would run pops in every repository).
HookStatus hook_status(const std::string& workspace);

/// The script installed as pre-commit: runs the chained hook first (its failure blocks the commit),
/// then `pops -C <workspace> check --staged` with `pops_binary` (absolute), falling back to `pops`
/// on PATH, and exits with pops's status. `workspace` is relative to the work tree root.
std::string hook_script(const std::string& pops_binary, const std::string& workspace);

enum class HookChange {
  installed,          ///< there was no hook
  chained,            ///< someone else's hook moved to pre-commit.pops-chained, pops's installed
  updated,            ///< pops's hook rewritten (other binary or workspace, or not executable)
  unchanged,          ///< pops's hook already installed as asked
  refused_other,      ///< someone else's hook is there and force was not given; nothing changed
  refused_workspace,  ///< pops's hook checks another workspace and force was not given
  removed,            ///< pops's hook removed, nothing to restore
  restored,           ///< pops's hook removed and the chained hook moved back
  not_installed,      ///< uninstall found no pops hook; nothing changed
};

struct HookResult {
  HookChange change = HookChange::unchanged;
  HookStatus before;  ///< what was there before
};

/// Installs pops's pre-commit hook for the workspace at `workspace` (absolute). Someone else's hook
/// is refused unless `force`, which chains it (never deletes it); throws when the chained name is
/// already taken. Idempotent.
HookResult install_hook(const std::string& workspace, const std::string& pops_binary, bool force);

/// Removes pops's pre-commit hook and moves the chained hook back, byte for byte (a rename).
/// Leaves anything that is not pops's alone (change not_installed).
HookResult uninstall_hook(const std::string& workspace);

} // namespace pops
