// pops squad add|set|list and pops person add|set|list: the organization of pops.yaml.

#include "commands.h"
#include "edit_runner.h"
#include "text_table.h"
#include "complete.h"

#include "edit/org.h"
#include "base/text.h"
#include "workspace/workspace.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace pops::cli {

namespace {

/// An option that sets `field` when given (an empty value: remove it, with set).
void field_option(CLI::App& app, const std::string& name, std::optional<std::string>& field, const std::string& desc)
{
  app.add_option_function<std::string>(
    name, [&field](const std::string& v) { field = v; }, desc);
}

struct OrgOpts {
  EditOptions edit;
  SquadSpec squad;
  PersonSpec person;
  std::string format = "text";
};

int list_squads(Context& ctx, const std::string& format)
{
  const Workspace ws = load_worktree(ctx.workspace);
  if (format == "json") {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& sq : ws.config.squads) {
      nlohmann::json o = {
        {"id", sq.id.value}, {"name", sq.name.value}, {"prefix", sq.prefix.value}, {"lead", sq.lead.value}};
      o["wip_limit"] = sq.wip_limit.set ? nlohmann::json(sq.wip_limit.value) : nlohmann::json(nullptr);
      if (!sq.capacity_by_period.empty()) {
        nlohmann::json by = nlohmann::json::object();
        for (const auto& [q, n] : sq.capacity_by_period) {
          by[q.value] = n.value;
        }
        o["capacity"] = by;
      } else {
        o["capacity"] = sq.capacity.set ? nlohmann::json(sq.capacity.value) : nlohmann::json(nullptr);
      }
      j.push_back(o);
    }
    ctx.out.write_json(j.dump(2) + "\n");
    return k_exit_ok;
  }
  std::vector<std::vector<std::string>> rows{{"SQUAD", "NAME", "PREFIX", "LEAD", "WIP LIMIT", "CAPACITY"}};
  for (const auto& sq : ws.config.squads) {
    std::vector<std::string> cap;
    for (const auto& [q, n] : sq.capacity_by_period) {
      cap.push_back(fmt::format("{}={}", q.value, number_short(n.value, 2)));
    }
    if (cap.empty() && sq.capacity.set) {
      cap.push_back(number_short(sq.capacity.value, 2));
    }
    rows.push_back({printable(sq.id.value), printable(sq.name.value), printable(sq.prefix.value),
                    printable(sq.lead.value), sq.wip_limit.set ? std::to_string(sq.wip_limit.value) : "",
                    printable(join(cap, ","))});
  }
  ctx.out.write(aligned_rows(rows));
  return k_exit_ok;
}

int list_people(Context& ctx, const std::string& format)
{
  const Workspace ws = load_worktree(ctx.workspace);
  if (format == "json") {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& p : ws.config.people) {
      j.push_back({{"id", p.id.value},
                   {"name", p.name.value},
                   {"email", p.email.value},
                   {"role", p.role.value},
                   {"squad", p.squad.value}});
    }
    ctx.out.write_json(j.dump(2) + "\n");
    return k_exit_ok;
  }
  std::vector<std::vector<std::string>> rows{{"PERSON", "NAME", "EMAIL", "ROLE", "SQUAD"}};
  for (const auto& p : ws.config.people) {
    rows.push_back({printable(p.id.value), printable(p.name.value), printable(p.email.value), printable(p.role.value),
                    printable(p.squad.value)});
  }
  ctx.out.write(aligned_rows(rows));
  return k_exit_ok;
}

}  // namespace

void setup_squad(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<OrgOpts>();
  auto mode = std::make_shared<std::string>();
  auto fields = [o](CLI::App& sub, bool add) {
    field_option(sub, "--name", o->squad.name, "Name, e.g. Payments");
    field_option(sub, "--prefix", o->squad.prefix,
                 add ? "Prefix of its item ids, e.g. PAY (required)" : "Prefix of its item ids");
    field_option(sub, "--lead", o->squad.lead, "Lead (a person id)");
    field_option(sub, "--wip-limit", o->squad.wip_limit, "Most items in progress at once (rule wip-limit)");
    field_option(sub, "--capacity", o->squad.capacity,
                 "Effort per quarter (pops capacity): N for every quarter, or 2027-Q1=N,2027-Q2=N");
  };
  CLI::App* add = app.add_subcommand("add", "Add a squad to pops.yaml");
  add->add_option("squad", o->squad.id, "Squad id, e.g. payments")->required();
  fields(*add, true);
  add_edit_options(*add, o->edit);
  add->callback([mode] { *mode = "add"; });
  CLI::App* set = app.add_subcommand("set", "Change a squad's fields in pops.yaml (an empty value removes one)");
  set->add_option("squad", o->squad.id, "Squad id")->required()->check(completes(Values::squads));
  fields(*set, false);
  add_edit_options(*set, o->edit);
  set->callback([mode] { *mode = "set"; });
  CLI::App* list = app.add_subcommand("list", "List the squads of pops.yaml");
  list->add_option("--format", o->format, "Output format")->check(CLI::IsMember({"text", "json"}))->default_str("text");
  list->callback([mode] { *mode = "list"; });
  app.require_subcommand(1);
  use_full_help(app);
  app.footer("Edits pops.yaml with minimal edits (comments and layout stay), checked like every write.\n"
             "Exit status: 0 done, 1 refused because of check findings, 2 usage error or pops could not run.");
  run = [o, mode](Context& ctx) {
    if (*mode == "list") {
      return list_squads(ctx, o->format);
    }
    const bool adding = *mode == "add";
    return run_edit(ctx, o->edit, false, false, [o, adding](const EditSession& s, const UsedIds&) {
      return adding ? plan_squad_add(s, o->squad) : plan_squad_set(s, o->squad);
    });
  };
}

void setup_person(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<OrgOpts>();
  auto mode = std::make_shared<std::string>();
  auto fields = [o](CLI::App& sub) {
    field_option(sub, "--name", o->person.name, "Full name");
    field_option(sub, "--email", o->person.email, "Email address");
    field_option(sub, "--role", o->person.role, "Role, e.g. pm, em, design");
    sub
      .add_option_function<std::string>(
        "--squad", [o](const std::string& v) { o->person.squad = v; }, "Their squad")
      ->check(completes(Values::squads));
  };
  CLI::App* add = app.add_subcommand("add", "Add a person to pops.yaml");
  add->add_option("person", o->person.id, "Person id, e.g. dana (lower case)")->required();
  fields(*add);
  add_edit_options(*add, o->edit);
  add->callback([mode] { *mode = "add"; });
  CLI::App* set = app.add_subcommand("set", "Change a person's fields in pops.yaml (an empty value removes one)");
  set->add_option("person", o->person.id, "Person id")->required()->check(completes(Values::people));
  fields(*set);
  add_edit_options(*set, o->edit);
  set->callback([mode] { *mode = "set"; });
  CLI::App* list = app.add_subcommand("list", "List the people of pops.yaml");
  list->add_option("--format", o->format, "Output format")->check(CLI::IsMember({"text", "json"}))->default_str("text");
  list->callback([mode] { *mode = "list"; });
  app.require_subcommand(1);
  use_full_help(app);
  app.footer("Edits pops.yaml with minimal edits (comments and layout stay), checked like every write.\n"
             "Exit status: 0 done, 1 refused because of check findings, 2 usage error or pops could not run.");
  run = [o, mode](Context& ctx) {
    if (*mode == "list") {
      return list_people(ctx, o->format);
    }
    const bool adding = *mode == "add";
    return run_edit(ctx, o->edit, false, false, [o, adding](const EditSession& s, const UsedIds&) {
      return adding ? plan_person_add(s, o->person) : plan_person_set(s, o->person);
    });
  };
}

}  // namespace pops::cli
