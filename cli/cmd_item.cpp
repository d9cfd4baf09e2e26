// pops item add|set|move|drop|update: edit roadmap items in place, keeping every other byte.

#include "commands.h"
#include "complete.h"
#include "edit_runner.h"

#include "base/date.h"
#include "base/lock.h"
#include "edit/ops.h"
#include "git/repo.h"
#include "base/process.h"
#include "base/text.h"
#include "base/udiff.h"
#include "workspace/config.h"

#include <cstdlib>
#include <optional>

namespace pops::cli {

namespace {

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

}  // namespace

void setup_item(CLI::App& app, Runner& run)
{
  use_full_help(app);
  app.require_subcommand(1);
  auto o = std::make_shared<ItemOpts>();

  CLI::App* add = app.add_subcommand("add", "Add an item with the next free id of its squad; prints the id");
  add->add_option("title", o->spec.title, "Title of the item")->required();
  add->add_option("--squad", o->spec.squad, "Squad of the item (decides the id prefix and the file)")
    ->required()
    ->check(completes(Values::squads));
  add->add_option("--status", o->spec.status, "Status (default: the first status of the workflow)")
    ->check(completes(Values::statuses));
  add->add_option("--horizon", o->spec.horizon, "Horizon, e.g. now or 2027-Q1")->check(completes(Values::horizons));
  add->add_option("--owner", o->spec.owner, "Owner (a person id)")->check(completes(Values::people));
  add->add_option("--target", o->spec.target, "Target date, YYYY-MM-DD");
  add->add_option("--depends-on", o->spec.depends_on, "An item it depends on (repeat, or a,b)")
    ->allow_extra_args(false)
    ->option_text("ID")
    ->check(completes(Values::items));
  add->add_option("--tag", o->spec.tags, "A tag (repeat, or a,b)")->allow_extra_args(false)->option_text("T");
  add->add_option("--link", o->spec.links, "A link to another tool, tool=value (repeat)")
    ->allow_extra_args(false)
    ->option_text("TOOL=VALUE");
  add->add_option("--field", o->spec.fields, "Another key, e.g. risk=high or okr=O1-KR2 (repeat)")
    ->allow_extra_args(false)
    ->option_text("KEY=VALUE");
  add_edit_options(*add, o->edit);

  CLI::App* set = app.add_subcommand("set", "Change keys of an item: key=value, key= (remove), list+=x, list-=x");
  set->add_option("id", o->id, "The item, e.g. PAY-12")->required()->check(completes(Values::items));
  set->add_option("changes", o->changes, "key=value | key= | list+=a,b | list-=a | links.jira=X | score.reach=N")
    ->required()
    ->check(completes(Values::item_changes));
  add_edit_options(*set, o->edit);

  CLI::App* move = app.add_subcommand("move", "Move an item to its squad's roadmap file (ids keep their prefix)");
  move->add_option("id", o->id, "The item, e.g. PAY-12")->required()->check(completes(Values::items));
  move->add_option("--squad", o->squad, "The squad whose file it goes to")
    ->required()
    ->check(completes(Values::squads));
  move->add_flag("--new-id", o->new_id,
                 "For another squad: copy the item there under a new id of that squad, "
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

  run = [o, add, set, move, update](Context& ctx) {
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
      return run_edit(ctx, o->edit, true, true,
                      [o](const EditSession& s, const UsedIds& used) { return plan_item_add(s, o->spec, used); });
    }
    if (set->parsed()) {
      return run_edit(ctx, o->edit, false, false,
                      [o](const EditSession& s, const UsedIds&) { return plan_item_set(s, o->id, o->changes); });
    }
    if (move->parsed()) {
      return run_edit(ctx, o->edit, o->new_id, false, [o](const EditSession& s, const UsedIds& used) {
        return plan_item_move(s, o->id, o->squad, o->new_id, used);
      });
    }
    return run_edit(ctx, o->edit, false, false,
                    [o](const EditSession& s, const UsedIds&) { return plan_item_drop(s, o->id, o->reason); });
  };
  (void)drop;
}

}  // namespace pops::cli
