// pops hook [install [--force] | uninstall | status]: the git pre-commit and pre-merge-commit hooks
// that run `pops check --staged`.

#include "commands.h"

#include "git/hook.h"

#include <filesystem>
#include <memory>

namespace pops::cli {

namespace {

enum class HookAction { status, install, uninstall };

struct HookOpts {
  HookAction action = HookAction::status;
  bool force = false;
};

/// `path` relative to the work tree root when it is inside it (".git/hooks/pre-commit"), else as is.
std::string shown(const HookPaths& p, const std::string& path)
{
  namespace fs = std::filesystem;
  const std::string rel = fs::path(path).lexically_relative(p.worktree).generic_string();
  if (rel.empty() || rel == "." || rel.starts_with("..")) {
    return path;
  }
  return rel;
}

/// The absolute path of the running binary, "" when the system does not say.
std::string self_path()
{
  std::error_code ec;
  std::string p = std::filesystem::read_symlink("/proc/self/exe", ec).string();
  return ec ? std::string() : p;
}

std::string where_from(const HookPaths& p)
{
  return p.hooks_path.empty() ? std::string() : fmt::format(" (core.hooksPath '{}')", p.hooks_path);
}

/// "commits" for pre-commit, "merges" for pre-merge-commit: what the hook runs before.
std::string_view what_runs(const HookPaths& p)
{
  return p.name == "pre-merge-commit" ? "merges" : "commits";
}

int run_status(Context& ctx)
{
  const Term& out = ctx.out;
  bool any_other = false;
  bool any_missing = false;
  for (std::string_view name : k_hook_names) {
    const HookStatus s = hook_status(ctx.workspace, name);
    const HookPaths& p = s.paths;
    switch (s.kind) {
    case HookKind::none:
      any_missing = true;
      out.write(fmt::format("no {} hook in '{}'{}\n", name, shown(p, p.hooks_dir), where_from(p)));
      break;
    case HookKind::other:
      any_other = true;
      out.write(
        fmt::format("the {} hook '{}'{} is not pops's: {}\n", name, shown(p, p.hook), where_from(p), s.description));
      break;
    case HookKind::pops:
      out.write(fmt::format("pops's {} hook is installed in '{}'{}: it runs '{} -C {} check --staged'\n", name,
                            shown(p, p.hook), where_from(p), s.pops_binary.empty() ? "pops" : s.pops_binary,
                            s.hook_workspace));
      if (s.hook_workspace != p.workspace) {
        out.write(fmt::format("it checks the workspace '{}', not this one ('{}')\n", s.hook_workspace, p.workspace));
      }
      if (!s.executable) {
        out.write("it is not executable, so git ignores it; 'pops hook install' repairs it\n");
      }
      break;
    }
    if (s.chained) {
      out.write(fmt::format("{} '{}'{}\n",
                            s.kind == HookKind::pops ? "it first runs the chained hook" : "a chained hook waits in",
                            shown(p, p.chained), s.kind == HookKind::pops ? "" : " (pops's hook would run it)"));
    }
  }
  if ((any_other || any_missing) && !ctx.quiet) {
    hint(ctx.err, any_other
                    ? "'pops hook install --force' keeps a hook that is not pops's and runs it before pops check"
                    : "'pops hook install' installs the missing hooks");
  }
  return k_exit_ok;
}

int run_install(Context& ctx, bool force)
{
  const std::vector<HookResult> results = install_hooks(ctx.workspace, self_path(), force);
  bool refused = false;
  for (const HookResult& r : results) {
    const HookPaths& p = r.before.paths;
    const std::string hook = shown(p, p.hook);
    if (r.change == HookChange::refused_other) {
      error(ctx.err, fmt::format("a {} hook that is not pops's is already installed: '{}' is {}", p.name, hook,
                                 r.before.description));
      hint(ctx.err, fmt::format("'pops hook install --force' keeps it: it moves it to '{}' and runs it before "
                                "pops check on every {} (its failure still blocks it); "
                                "'pops hook uninstall' moves it back",
                                shown(p, p.chained), p.name == "pre-merge-commit" ? "merge" : "commit"));
      refused = true;
    } else if (r.change == HookChange::refused_workspace) {
      error(ctx.err, fmt::format("the {} hook '{}' already checks the workspace '{}', not '{}'", p.name, hook,
                                 r.before.hook_workspace, p.workspace));
      hint(ctx.err, fmt::format("'pops hook install --force' makes it check '{}' instead", p.workspace));
      refused = true;
    }
  }
  if (refused) {
    if (!ctx.quiet) {
      hint(ctx.err, "no hook was changed");
    }
    return k_exit_usage;
  }
  if (ctx.quiet) {
    return k_exit_ok;
  }
  const Term& out = ctx.err;  // what was done is a summary
  for (const HookResult& r : results) {
    const HookPaths& p = r.before.paths;
    const std::string hook = shown(p, p.hook);
    switch (r.change) {
    case HookChange::chained:
      out.write(fmt::format("moved the existing {} hook to '{}'; it runs first\n", p.name, shown(p, p.chained)));
      [[fallthrough]];
    case HookChange::installed:
      out.write(fmt::format("installed the {} hook '{}'{}: {} now run 'pops check --staged' in '{}'\n", p.name, hook,
                            where_from(p), what_runs(p), p.workspace));
      break;
    case HookChange::updated:
      out.write(fmt::format("updated the {} hook '{}': {} run 'pops check --staged' in '{}'\n", p.name, hook,
                            what_runs(p), p.workspace));
      break;
    default:
      out.write(fmt::format("the {} hook '{}' is already installed; nothing to do\n", p.name, hook));
      break;
    }
  }
  return k_exit_ok;
}

int run_uninstall(Context& ctx)
{
  const std::vector<HookResult> results = uninstall_hooks(ctx.workspace);
  if (ctx.quiet) {
    return k_exit_ok;
  }
  const Term& out = ctx.err;  // what was done is a summary
  for (const HookResult& r : results) {
    const HookPaths& p = r.before.paths;
    switch (r.change) {
    case HookChange::restored:
      out.write(fmt::format("removed pops's {} hook and moved '{}' back to '{}'\n", p.name, shown(p, p.chained),
                            shown(p, p.hook)));
      break;
    case HookChange::removed:
      out.write(fmt::format("removed the {} hook '{}'\n", p.name, shown(p, p.hook)));
      break;
    default:
      out.write(fmt::format("no pops {} hook in '{}'; nothing to do\n", p.name, shown(p, p.hooks_dir)));
      if (r.before.kind == HookKind::other) {
        out.write(fmt::format("the {} hook there is not pops's ({}); left as is\n", p.name, r.before.description));
      }
      break;
    }
  }
  return k_exit_ok;
}

}  // namespace

void setup_hook(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<HookOpts>();
  app.fallthrough();
  app.require_subcommand(0, 1);
  auto* install = app.add_subcommand("install", "Install the hooks; [--force] keeps a hook that is not pops's by "
                                                "chaining it");
  install->add_flag("-f,--force", o->force,
                    "Keep an existing hook by chaining it: move it to "
                    "<hook>.pops-chained and run it first");
  install->callback([o] { o->action = HookAction::install; });
  auto* uninstall = app.add_subcommand("uninstall", "Remove pops's hooks and put back the hooks they chained");
  uninstall->callback([o] { o->action = HookAction::uninstall; });
  auto* status = app.add_subcommand("status", "Show what is installed (the default)");
  status->callback([o] { o->action = HookAction::status; });
  app.footer("Two hooks: pre-commit (each commit) and pre-merge-commit (a merge git commits by itself).\n"
             "They go where git looks for hooks: core.hooksPath (relative to the work tree root), else\n"
             ".git/hooks of the main repository (shared by linked worktrees). They run 'pops check --staged'\n"
             "in this workspace with this pops binary, or 'pops' on PATH when that binary is gone.\n"
             "Exit status: 0 done (also when uninstall finds nothing to remove), 2 refused or could not run.");
  run = [o](Context& ctx) {
    switch (o->action) {
    case HookAction::install:
      return run_install(ctx, o->force);
    case HookAction::uninstall:
      return run_uninstall(ctx);
    default:
      return run_status(ctx);
    }
  };
}

}  // namespace pops::cli
