// pops ritual list|next|new|actions: when rituals are due, notes filled from git history, open actions.

#include "commands.h"
#include "edit_runner.h"
#include "complete.h"

#include "base/date.h"
#include "features/ritual.h"
#include "workspace/schema.h"
#include "base/text.h"
#include "workspace/workspace.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace pops::cli {

namespace {

using ojson = nlohmann::ordered_json;

struct RitualOpts {
  EditOptions edit;
  std::string name;
  std::string date;
  int count = 0;
  std::string owner;
  bool overdue = false;
  std::string format = "text";
};

ojson opt_date(const std::optional<Date>& d)
{
  return d ? ojson(format_date(*d)) : ojson();
}

void write_json(Context& ctx, const ojson& j)
{
  ctx.out.write_json(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

std::vector<std::string> ritual_names(const Workspace& ws)
{
  std::vector<std::string> out;
  for (const auto& r : ws.config.rituals) {
    out.push_back(r.name.value);
  }
  return out;
}

Workspace load(Context& ctx)
{
  Workspace ws = load_worktree(ctx.workspace);
  if (!ws.config.loaded) {
    throw std::runtime_error("pops.yaml cannot be read; run 'pops check' to see why");
  }
  return ws;
}

int run_list(Context& ctx, const RitualOpts& o)
{
  const Workspace ws = load(ctx);
  const auto rows = ritual_status(ws, today());
  if (o.format == "json") {
    ojson j = ojson::array();
    for (const auto& r : rows) {
      j.push_back({{"name", r.ritual->name.value},
                   {"cadence", r.ritual->cadence.set ? ojson(cadence_text(r.ritual->cadence.value)) : ojson()},
                   {"squads", r.squads},
                   {"notes", r.notes},
                   {"last_held", opt_date(r.last_held)},
                   {"last_file", r.last_file.empty() ? ojson() : ojson(r.last_file)},
                   {"next_due", opt_date(r.next_due)},
                   {"missed", r.missed.has_value()},
                   {"missed_date", opt_date(r.missed)}});
    }
    write_json(ctx, j);
    return k_exit_ok;
  }
  if (rows.empty() && !ctx.quiet) {
    ctx.err.write("no rituals in pops.yaml\n");
  }
  auto cadence_of = [](const RitualStatus& r) {
    return r.ritual->cadence.set ? "every " + cadence_text(r.ritual->cadence.value) : std::string("no cadence");
  };
  auto squads_of = [](const RitualStatus& r) {
    return r.ritual->squads.empty() ? std::string("all squads") : join(r.squads, ", ");
  };
  size_t w = 8;
  size_t wc = 10;
  size_t ws_ = 10;
  for (const auto& r : rows) {
    w = std::max(w, r.ritual->name.value.size());
    wc = std::max(wc, cadence_of(r).size());
    ws_ = std::max(ws_, squads_of(r).size());
  }
  for (const auto& r : rows) {
    std::string line =
      fmt::format("{:<{}}  {:<{}}  {:<{}}  {:<15}  {}", r.ritual->name.value, w, cadence_of(r), wc, squads_of(r), ws_,
                  r.last_held ? "last " + format_date(*r.last_held) : std::string("never held"),
                  r.next_due ? "next " + format_date(*r.next_due) : std::string());
    if (r.missed) {
      line += "  " + ctx.out.paint(Color::red, "missed " + format_date(*r.missed));
    }
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    ctx.out.write(line + "\n");
  }
  return k_exit_ok;
}

int run_next(Context& ctx, const RitualOpts& o)
{
  const Workspace ws = load(ctx);
  const Date day = today();
  struct Row {
    Date date;
    std::string ritual;
  };
  std::vector<Row> rows;
  const int count = o.count > 0 ? o.count : (o.name.empty() ? 1 : 5);
  if (!o.name.empty()) {
    const Ritual* r = ws.config.ritual(o.name);
    if (!r) {
      error(ctx.err, fmt::format("unknown ritual '{}'{}", printable(o.name), did_you_mean(o.name, ritual_names(ws))));
      return k_exit_usage;
    }
    if (!r->cadence.set) {
      error(ctx.err, fmt::format("ritual '{}' has no cadence in pops.yaml", o.name));
      hint(ctx.err, "add e.g. 'cadence: {every: 2 weeks, on: thursday}' to it");
      return k_exit_usage;
    }
  }
  for (const auto& r : ws.config.rituals) {
    if (!o.name.empty() && r.name.value != o.name) {
      continue;
    }
    for (Date d : ritual_next(ws, r, day, count)) {
      rows.push_back({d, r.name.value});
    }
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.date < b.date; });
  if (o.format == "json") {
    ojson j = ojson::array();
    for (const auto& r : rows) {
      j.push_back({{"ritual", r.ritual}, {"date", format_date(r.date)}, {"weekday", weekday_name(weekday(r.date))}});
    }
    write_json(ctx, j);
    return k_exit_ok;
  }
  for (const auto& r : rows) {
    ctx.out.write(fmt::format("{}  {:<9}  {}\n", format_date(r.date), weekday_name(weekday(r.date)), r.ritual));
  }
  if (rows.empty() && !ctx.quiet) {
    ctx.err.write("no ritual has a cadence in pops.yaml\n");
  }
  return k_exit_ok;
}

int run_actions(Context& ctx, const RitualOpts& o)
{
  const Workspace ws = load(ctx);
  if (!o.owner.empty() && !ws.config.person(o.owner)) {
    std::vector<std::string> ids;
    for (const auto& p : ws.config.people) {
      ids.push_back(p.id.value);
    }
    error(ctx.err, fmt::format("unknown person '{}'{}", printable(o.owner), did_you_mean(o.owner, ids)));
    return k_exit_usage;
  }
  const auto actions = open_actions(ws, today(), o.owner, o.overdue);
  if (o.format == "json") {
    ojson j = ojson::array();
    for (const auto& a : actions) {
      j.push_back({{"what", a.action->what.value},
                   {"owner", a.action->owner.set ? ojson(a.action->owner.value) : ojson()},
                   {"due", a.action->due.set ? ojson(format_date(a.action->due.value)) : ojson()},
                   {"overdue", a.overdue},
                   {"ritual", a.note->ritual.value},
                   {"date", a.note->date.set ? ojson(format_date(a.note->date.value)) : ojson()},
                   {"file", a.note->file},
                   {"line", a.action->loc.line}});
    }
    write_json(ctx, j);
    return k_exit_ok;
  }
  for (const auto& a : actions) {
    std::string line = fmt::format("{}:{}: ", a.note->file, a.action->loc.line);
    line += a.action->due.set ? "due " + format_date(a.action->due.value) : std::string("no due date");
    if (a.action->owner.set) {
      line += " " + a.action->owner.value;
    }
    line += ": " + printable(a.action->what.value);
    if (a.overdue) {
      line += " " + ctx.out.paint(Color::red, "(overdue)");
    }
    ctx.out.write(line + "\n");
  }
  if (!ctx.quiet) {
    const auto overdue = std::count_if(actions.begin(), actions.end(), [](const OpenAction& a) { return a.overdue; });
    ctx.err.write(
      fmt::format("{} open action{}, {} overdue\n", actions.size(), actions.size() == 1 ? "" : "s", overdue));
  }
  return k_exit_ok;
}

}  // namespace

void setup_ritual(CLI::App& app, Runner& run)
{
  use_full_help(app);
  app.require_subcommand(1);
  auto o = std::make_shared<RitualOpts>();

  CLI::App* list = app.add_subcommand("list", "Each ritual: cadence, squads, last held, next due; flags a missed one");
  list->add_option("--format", o->format, "Output format")->check(CLI::IsMember({"text", "json"}))->default_str("text");

  CLI::App* next = app.add_subcommand("next", "The coming dates of one ritual, or of every ritual, from the cadence");
  next->add_option("name", o->name, "Only this ritual")->check(completes(Values::rituals));
  next->add_option("--count", o->count, "How many dates per ritual (default 1, or 5 with NAME)")
    ->check(CLI::Range(1, 1000))
    ->option_text("N");
  next->add_option("--format", o->format, "Output format")->check(CLI::IsMember({"text", "json"}))->default_str("text");

  CLI::App* add =
    app.add_subcommand("new", "Write rituals/NAME/DATE.md filled from git history since the previous one");
  add->add_option("name", o->name, "The ritual, a key of rituals: in pops.yaml")
    ->required()
    ->check(completes(Values::rituals));
  add->add_option("--date", o->date, "Date of the meeting, YYYY-MM-DD (default: today)");
  add_edit_options(*add, o->edit);

  CLI::App* actions = app.add_subcommand("actions", "Open action items across all ritual notes, by due date");
  actions->add_option("--owner", o->owner, "Only this person's actions")
    ->option_text("PERSON")
    ->check(completes(Values::people));
  actions->add_flag("--overdue", o->overdue, "Only actions past their due date");
  actions->add_option("--format", o->format, "Output format")
    ->check(CLI::IsMember({"text", "json"}))
    ->default_str("text");

  app.footer("pops ritual new never overwrites a note, and lists only what the history shows.\n"
             "Exit status: 0 done, 1 refused because of check findings, 2 usage error or pops could not run.");

  run = [o, list, next, add](Context& ctx) {
    if (list->parsed()) {
      return run_list(ctx, *o);
    }
    if (next->parsed()) {
      return run_next(ctx, *o);
    }
    if (add->parsed()) {
      std::optional<Date> date;
      if (!parse_date_option(ctx, o->date, "--date", date)) {
        return k_exit_usage;
      }
      return run_edit(ctx, o->edit, false, true, [o, date](const EditSession& s, const UsedIds&) {
        return plan_ritual_new(s, o->name, date, today());
      });
    }
    return run_actions(ctx, *o);
  };
}

}  // namespace pops::cli
