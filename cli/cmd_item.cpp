// pops item add|set|move|drop|update: edit roadmap items in place, keeping every other byte. Also the
// machinery every write command shares (run_edit): lock, read, plan, check, show or write, commit.

#include "commands.h"
#include "complete.h"

#include "base/date.h"
#include "base/lock.h"
#include "edit/ops.h"
#include "features/jsonschema.h"
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
    err.write(fmt::format("{}: {} {} {}\n", err.paint(Color::bold, where),
                          err.paint(is_error ? Color::red : Color::yellow, std::string(severity_name(f.severity)) + ":"),
                          f.message, err.paint(Color::dim, "[" + f.rule + "]")));
  }
}

struct ItemOpts {
  EditOptions edit;
  ItemSpec spec;
  std::string id;
  std::vector<std::string> changes;
  std::string squad;
  bool new_id = false;
  std::string reason;
  UpdateSpec update;
  std::string update_date;
};

/// The person whose email is `git config user.email` in the workspace's repository, or "".
std::string author_from_git(const Context& ctx, const Config& cfg)
{
  try {
    const ProcessResult r = run_process({"git", "config", "user.email"}, ctx.workspace);
    if (!r.started || r.exit_code != 0) {
      return "";
    }
    const std::string email = std::string(trim(r.output));
    for (const auto& p : cfg.people) {
      if (!email.empty() && p.email.set && lower(p.email.value) == lower(email)) {
        return p.id.value;
      }
    }
  } catch (const std::exception&) {
  }
  return "";
}

} // namespace

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

void setup_item(CLI::App& app, Runner& run)
{
  use_full_help(app);
  app.require_subcommand(1);
  auto o = std::make_shared<ItemOpts>();

  CLI::App* add = app.add_subcommand("add", "Add an item with the next free id of its squad; prints the id");
  add->add_option("title", o->spec.title, "Title of the item")->required();
  add->add_option("--squad", o->spec.squad, "Squad of the item (decides the id prefix and the file)")->required()->check(completes(Values::squads));
  add->add_option("--status", o->spec.status, "Status (default: the first status of the workflow)")->check(completes(Values::statuses));
  add->add_option("--horizon", o->spec.horizon, "Horizon, e.g. now or 2027-Q1")->check(completes(Values::horizons));
  add->add_option("--owner", o->spec.owner, "Owner (a person id)")->check(completes(Values::people));
  add->add_option("--target", o->spec.target, "Target date, YYYY-MM-DD");
  add->add_option("--depends-on", o->spec.depends_on, "An item it depends on (repeat, or a,b)")
    ->allow_extra_args(false)->option_text("ID")->check(completes(Values::items));
  add->add_option("--tag", o->spec.tags, "A tag (repeat, or a,b)")->allow_extra_args(false)->option_text("T");
  add->add_option("--link", o->spec.links, "A link to another tool, tool=value (repeat)")
    ->allow_extra_args(false)->option_text("TOOL=VALUE");
  add->add_option("--field", o->spec.fields, "Another key, e.g. risk=high or okr=O1-KR2 (repeat)")
    ->allow_extra_args(false)->option_text("KEY=VALUE");
  add_edit_options(*add, o->edit);

  CLI::App* set = app.add_subcommand("set", "Change keys of an item: key=value, key= (remove), list+=x, list-=x");
  set->add_option("id", o->id, "The item, e.g. PAY-12")->required()->check(completes(Values::items));
  set->add_option("changes", o->changes, "key=value | key= | list+=a,b | list-=a | links.jira=X | score.reach=N")
    ->required()->check(completes(Values::item_changes));
  add_edit_options(*set, o->edit);

  CLI::App* move = app.add_subcommand("move", "Move an item to its squad's roadmap file (ids keep their prefix)");
  move->add_option("id", o->id, "The item, e.g. PAY-12")->required()->check(completes(Values::items));
  move->add_option("--squad", o->squad, "The squad whose file it goes to")->required()->check(completes(Values::squads));
  move->add_flag("--new-id", o->new_id, "For another squad: copy the item there under a new id of that squad, "
                                        "and drop this one with a pointer to it");
  add_edit_options(*move, o->edit);

  CLI::App* drop = app.add_subcommand("drop", "Drop an item: status dropped and the reason; nothing is deleted");
  drop->add_option("id", o->id, "The item, e.g. PAY-12")->required()->check(completes(Values::items));
  drop->add_option("--reason", o->reason, "Why it is dropped (recorded as dropped_reason)")->required();
  add_edit_options(*drop, o->edit);

  CLI::App* update = app.add_subcommand("update", "Append a dated, health-rated update to an item or an initiative");
  update->add_option("id", o->id, "The item, e.g. PAY-12, or an initiative of pops.yaml")
    ->required()
    ->option_text("ITEM|INITIATIVE")
    ->check(completes(Values::items_and_initiatives));
  update->add_option("--health", o->update.health, "on-track, at-risk or off-track")->required();
  update->add_option("--note", o->update.note, "What changed, in a sentence")->required();
  update->add_option("--date", o->update_date, "The date of the update, YYYY-MM-DD (default: today)");
  update->add_option("--author", o->update.author, "A person id (default: the person whose email is git's user.email)")
    ->check(completes(Values::people));
  add_edit_options(*update, o->edit);

  app.footer("Every change is checked first: one that would add errors to 'pops check' is refused (exit 1)\n"
             "unless --force. Only the bytes of the changed values move; comments and layout stay.\n"
             "Exit status: 0 done, 1 refused because of check findings, 2 usage error or pops could not run.");

  run = [o, add, set, move, drop, update](Context& ctx) {
    if (update->parsed()) {
      if (o->update_date.empty()) {
        o->update.date = today();
      } else if (auto d = parse_date(o->update_date)) {
        o->update.date = *d;
      } else {
        error(ctx.err, fmt::format("--date '{}' is not a date; expected YYYY-MM-DD", printable(o->update_date)));
        return k_exit_usage;
      }
      return run_edit(ctx, o->edit, false, false, [o, &ctx](const EditSession& s, const UsedIds&) {
        UpdateSpec spec = o->update;
        if (spec.author.empty()) {
          spec.author = author_from_git(ctx, s.ws.config);
        }
        return plan_item_update(s, o->id, spec);
      });
    }
    if (add->parsed()) {
      return run_edit(ctx, o->edit, true, true, [o](const EditSession& s, const UsedIds& used) {
        return plan_item_add(s, o->spec, used);
      });
    }
    if (set->parsed()) {
      return run_edit(ctx, o->edit, false, false, [o](const EditSession& s, const UsedIds&) {
        return plan_item_set(s, o->id, o->changes);
      });
    }
    if (move->parsed()) {
      return run_edit(ctx, o->edit, o->new_id, false, [o](const EditSession& s, const UsedIds& used) {
        return plan_item_move(s, o->id, o->squad, o->new_id, used);
      });
    }
    return run_edit(ctx, o->edit, false, false, [o](const EditSession& s, const UsedIds&) {
      return plan_item_drop(s, o->id, o->reason);
    });
  };
  (void)drop;
}

} // namespace pops::cli
