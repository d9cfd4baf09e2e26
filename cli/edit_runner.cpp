// The machinery every command that writes the workspace shares (run_edit): lock, read, plan, check,
// show or write, commit. See edit_runner.h.

#include "edit_runner.h"

#include "commands.h"

#include "base/date.h"
#include "base/lock.h"
#include "edit/ops.h"
#include "features/editor_schemas.h"
#include "git/repo.h"
#include "base/process.h"
#include "base/text.h"
#include "base/udiff.h"
#include "workspace/config.h"

#include <cstdlib>
#include <optional>

namespace pops::cli {

namespace {

long lock_wait_ms()
{
  if (const char* env = std::getenv("POPS_LOCK_WAIT"); env && *env) {
    char* end = nullptr;
    const double secs = std::strtod(env, &end);
    if (end && *end == '\0' && secs >= 0) {
      return static_cast<long>(secs * 1000);
    }
  }
  return 10'000;
}

void print_findings(const Term& err, const std::vector<Finding>& findings)
{
  for (const auto& f : findings) {
    std::string where = f.file;
    if (f.loc.line > 0) {
      where += fmt::format(":{}:{}", f.loc.line, f.loc.column);
    }
    const bool is_error = f.severity == Severity::error;
    err.write(
      fmt::format("{}: {} {} {}\n", err.paint(Color::bold, where),
                  err.paint(is_error ? Color::red : Color::yellow, std::string(severity_name(f.severity)) + ":"),
                  f.message, err.paint(Color::dim, "[" + f.rule + "]")));
  }
}

}  // namespace

void add_edit_options(CLI::App& app, EditOptions& o)
{
  app.add_flag("-n,--dry-run", o.dry_run, "Print the change as a unified diff; write nothing");
  app.add_flag("--commit", o.commit, "Commit the changed files (only them) with your git identity");
  app.add_option("-m,--message", o.message, "Commit message for --commit")->option_text("MSG");
  app.add_flag("--no-verify", o.no_verify, "With --commit: skip the pre-commit and commit-msg hooks");
  app.add_flag("--force", o.force, "Write the change even if 'pops check' would report new errors");
}

int run_edit(Context& ctx, const EditOptions& o, bool allocates_ids, bool print_id, const Planner& planner)
{
  if (!o.message.empty() && !o.commit) {
    error(ctx.err, "-m/--message goes with --commit");
    return k_exit_usage;
  }
  if (o.no_verify && !o.commit) {
    error(ctx.err, "--no-verify goes with --commit");
    return k_exit_usage;
  }
  std::optional<WorkspaceLock> lock;
  if (!o.dry_run) {
    lock.emplace(WorkspaceLock::acquire(ctx.workspace, lock_wait_ms()));
    if (!lock->taken_over().empty()) {
      warning(ctx.err, lock->taken_over());
    }
  }
  EditPlan plan;
  EditSession session;
  try {
    session = EditSession::read(ctx.workspace);
    const UsedIds history = allocates_ids ? history_max_ids(ctx.workspace) : UsedIds{};
    plan = planner(session, history);
  } catch (const OpError& e) {
    error(ctx.err, e.what());
    if (!e.hint().empty()) {
      hint(ctx.err, e.hint());
    }
    return k_exit_usage;
  }
  if (plan.empty()) {
    if (!ctx.quiet) {
      ctx.err.write(fmt::format("nothing to change: {}\n", plan.summary));
    }
    return k_exit_ok;
  }
  // Every writer of pops.yaml keeps the editor schemas current, and the write check sees schema-stale
  // as 'pops check' does: over the files as the change leaves them.
  refresh_editor_schemas(ctx.workspace, plan);
  std::vector<Finding> added = new_findings(session, plan, today());
  for (auto& f : new_schema_stale_findings(session, plan)) {
    added.push_back(std::move(f));
  }
  // The warnings it causes do not refuse the write; they are said after it (or with --dry-run).
  std::vector<Finding> warned;
  std::erase_if(added, [&warned](const Finding& f) {
    if (f.severity == Severity::error) {
      return false;
    }
    warned.push_back(f);
    return true;
  });
  auto say_warnings = [&] {
    if (!warned.empty() && !ctx.quiet) {
      print_findings(ctx.err, warned);
      warning(ctx.err, fmt::format("the change adds {} warning{} to 'pops check'", warned.size(),
                                   warned.size() == 1 ? "" : "s"));
    }
  };
  if (!added.empty()) {
    print_findings(ctx.err, added);
    const std::string n = fmt::format("{} new error{}", added.size(), added.size() == 1 ? "" : "s");
    if (!o.force) {
      error(ctx.err, fmt::format("refusing to change the workspace: 'pops check' would report {}", n));
      hint(ctx.err, "fix the values given, or add --force to write the change anyway");
      return k_exit_findings;
    }
    warning(ctx.err, fmt::format("writing the change with {} (--force)", n));
  }
  if (o.dry_run) {
    for (const auto& c : plan.changes) {
      ctx.out.write(unified_diff(c.path, c.before, c.after, c.created));
    }
    say_warnings();
    if (!ctx.quiet) {
      ctx.err.write(fmt::format("dry run, nothing written: {}\n", plan.summary));
      for (const auto& h : plan.hints) {
        hint(ctx.err, h);
      }
    }
    return k_exit_ok;
  }
  if (o.commit) {
    check_commit_paths(ctx.workspace, plan.paths());
  }
  apply_plan(ctx.workspace, plan);
  std::string committed;
  if (o.commit) {
    try {
      CommitResult c =
        commit_paths(ctx.workspace, plan.paths(), o.message.empty() ? plan.message : o.message, !o.no_verify);
      committed = c.id;
      ctx.err.write(c.output);  // what the hooks said, as 'git commit' shows it
    } catch (const CommitFailed& e) {
      ctx.err.write(e.output);
      error(ctx.err, e.what());
      hint(ctx.err, "the files are written but not committed; fix what is reported and commit them with git"
                      + std::string(o.no_verify ? "" : " (or run 'git commit --no-verify' to skip the hooks)"));
      return k_exit_findings;
    } catch (const std::exception& e) {
      error(ctx.err, e.what());
      hint(ctx.err, "the files are written; commit them yourself with git");
      return k_exit_usage;
    }
  }
  // The new id is data (id=$(pops item add ...)); what was done is a summary, on standard error.
  if (print_id) {
    ctx.out.write(plan.id + "\n");
  }
  if (!ctx.quiet) {
    ctx.err.write(plan.summary + "\n");
  }
  say_warnings();
  if (!ctx.quiet) {
    if (!committed.empty()) {
      ctx.err.write(fmt::format("committed {}: {}\n", committed, o.message.empty() ? plan.message : o.message));
    }
    for (const auto& h : plan.hints) {
      hint(ctx.err, h);
    }
  }
  return k_exit_ok;
}

}  // namespace pops::cli
