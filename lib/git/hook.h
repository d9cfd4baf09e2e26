#pragma once
// The git hooks `pops hook` installs: pre-commit (before each commit) and pre-merge-commit (before
// `git merge` records a merge that needed no conflict resolution; git does not run pre-commit then).
// Both run `pops check --staged`. Where git looks for hooks (core.hooksPath, relative to the work tree
// root when relative; else the hooks folder of the common git folder, shared by linked worktrees), the
// POSIX sh scripts, and chaining a hook that was there before (moved aside to <name>.pops-chained, run
// first, moved back on uninstall). Nothing here prints; failures throw std::runtime_error with
// git-style messages.

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace pops {

/// The hooks pops installs, in the order it installs them.
inline constexpr std::array<std::string_view, 2> k_hook_names = {"pre-commit", "pre-merge-commit"};
/// The comment line that marks the pre-commit hook as pops's (the second line of the script).
inline constexpr std::string_view k_hook_marker =
  "# pops pre-commit hook: installed by 'pops hook install', removed by 'pops hook uninstall'";
/// The marker of the hook `name`: k_hook_marker with the hook's name.
std::string hook_marker(std::string_view name);
/// What a hook that was there before pops's is renamed to, next to it.
inline constexpr std::string_view k_hook_chained_suffix = ".pops-chained";

/// Where the hook goes.
struct HookPaths {
  std::string name;        ///< the hook: "pre-commit" or "pre-merge-commit"
  std::string worktree;    ///< absolute work tree root, no trailing slash
  std::string hooks_dir;   ///< absolute folder git runs hooks from
  std::string hooks_path;  ///< core.hooksPath as configured; empty when unset
  std::string hook;        ///< <hooks_dir>/<name>
  std::string chained;     ///< <hooks_dir>/<name>.pops-chained
  std::string workspace;   ///< the workspace relative to the work tree root; "." at the root
};

enum class HookKind {
  none,   ///< no hook of that name
  pops,   ///< pops's hook (carries k_hook_marker)
  other,  ///< someone else's hook (a file, a symbolic link, anything)
};

/// What is installed now.
struct HookStatus {
  HookPaths paths;
  HookKind kind = HookKind::none;
  bool executable = false;     ///< git ignores a hook without the executable bit
  bool chained = false;        ///< <name>.pops-chained exists
  std::string pops_binary;     ///< kind pops: the binary the hook tries first
  std::string hook_workspace;  ///< kind pops: the workspace it checks (relative to the work tree)
  std::string description;     ///< kind other: what it is, e.g. "a shell script of 4 lines"
};

/// Where git runs the hook `name` for the repository holding `workspace` (absolute), and what is
/// there. Throws when there is no repository.
HookStatus hook_status(const std::string& workspace, std::string_view name = "pre-commit");

/// The script installed as hook `name`: runs the chained hook first (its failure blocks the commit
/// or merge), then `pops -C <workspace> check --staged` with `pops_binary` (absolute), falling back
/// to `pops` on PATH, and exits with pops's status. `workspace` is relative to the work tree root.
std::string hook_script(const std::string& pops_binary, const std::string& workspace,
                        std::string_view name = "pre-commit");

enum class HookChange {
  installed,          ///< there was no hook
  chained,            ///< someone else's hook moved to <name>.pops-chained, pops's installed
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

/// Installs pops's hooks (one result per k_hook_names, in that order) for the workspace at
/// `workspace` (absolute). Someone else's hook is refused unless `force`, which chains it (never
/// deletes it). When any hook is refused, nothing is written (the other results say what would have
/// happened). Throws, before writing anything, when core.hooksPath comes from the global or system
/// git configuration (installing there would run pops in every repository) or a chained name is
/// already taken. Idempotent.
std::vector<HookResult> install_hooks(const std::string& workspace, const std::string& pops_binary, bool force);

/// Removes pops's hooks and moves the chained hooks back, byte for byte (a rename); one result per
/// k_hook_names. Leaves anything that is not pops's alone (change not_installed).
std::vector<HookResult> uninstall_hooks(const std::string& workspace);

}  // namespace pops
