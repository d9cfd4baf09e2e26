// pops capacity: per squad and quarter, the capacity of pops.yaml against the planned effort.

#include "commands.h"

#include "base/text.h"
#include "workspace/filters.h"
#include "workspace/capacity.h"
#include "workspace/workspace.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace pops::cli {

namespace {

struct CapacityOpts {
  std::string period, squad;
  std::string format = "text";
};

using OJ = nlohmann::ordered_json;

std::string num(double v)
{
  return number_short(v, 2);
}

OJ ids_json(const std::vector<const Item*>& items)
{
  OJ ids = OJ::array();
  for (const Item* it : items) {
    ids.push_back(it->id.value);
  }
  return ids;
}

std::string render_json(const std::vector<SquadCapacity>& caps, const std::string& unit)
{
  OJ list = OJ::array();
  for (const auto& c : caps) {
    const auto over = c.over();
    list.push_back({{"squad", c.squad->id.value},
                    {"period", c.period},
                    {"capacity", c.capacity ? OJ(*c.capacity) : OJ(nullptr)},
                    {"planned", c.planned},
                    {"unestimated", ids_json(c.unestimated)},
                    {"over", over ? OJ(*over) : OJ(nullptr)},
                    {"unit", unit},
                    {"items", ids_json(c.items)}});
  }
  OJ out = {{"squads", list}};
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string render_text(const Term& t, const std::vector<SquadCapacity>& caps)
{
  size_t w = 5;
  for (const auto& c : caps) {
    w = std::max(w, printable(c.squad->id.value).size());
  }
  std::string s = t.paint(Color::bold, fmt::format("{:<{}}  {:>8}  {:>8}  {:>8}  {}", "squad", w, "capacity", "planned",
                                                   "over", "unestimated"))
                  + "\n";
  for (const auto& c : caps) {
    const auto over = c.over();
    std::string ov = over ? (*over > 0 ? "+" + num(*over) : num(*over)) : "–";
    std::vector<std::string> ids;
    for (const Item* it : c.unestimated) {
      ids.push_back(printable(it->id.value));
    }
    std::string row =
      fmt::format("{:<{}}  {:>8}  {:>8}  {:>8}  {}", printable(c.squad->id.value), w,
                  c.capacity ? num(*c.capacity) : "–", num(c.planned), ov, ids.empty() ? "" : join(ids, ", "));
    while (!row.empty() && row.back() == ' ') {
      row.pop_back();
    }
    s += (over && *over > 0 ? t.paint(Color::red, row) : row) + "\n";
  }
  return s;
}

int run_capacity(Context& ctx, const CapacityOpts& o)
{
  if (!check_quarter_option(ctx, o.period)) {
    return k_exit_usage;
  }
  const std::optional<Workspace> loaded = load_view_workspace(ctx);
  if (!loaded) {
    return k_exit_usage;
  }
  const Workspace& ws = *loaded;
  if (!o.squad.empty()) {
    if (const std::string msg = unknown_value(ws, FilterKind::squad, {o.squad}); !msg.empty()) {
      error(ctx.err, msg);
      return k_exit_usage;
    }
  }
  const Date today = pops::today();
  const std::string period = o.period.empty() ? quarter_of(today) : o.period;
  const auto caps = compute_capacity(ws, period, today, o.squad);
  const std::string unit = effort_unit(ws.config);
  if (o.format == "json") {
    ctx.out.write_json(render_json(caps, unit));
    return k_exit_ok;
  }
  if (!ctx.quiet) {
    ctx.err.write(fmt::format("capacity of {} in {}\n", period, printable(unit)));
  }
  ctx.out.write(render_text(ctx.out, caps));
  return k_exit_ok;
}

}  // namespace

void setup_capacity(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<CapacityOpts>();
  app.add_option("--period", o->period, "The quarter, e.g. 2027-Q1 (default: the current one)");
  app.add_option("--squad", o->squad, "Only this squad");
  app.add_option("--format", o->format, "Output format")->check(CLI::IsMember({"text", "json"}))->default_str("text");
  app.footer("Planned: the score.effort of the squad's items planned for the quarter (by target, else by horizon:\n"
             "a quarter, or the first horizon for the current quarter and the second for the next); dropped items\n"
             "and, before the quarter starts, shipped ones are left out. Over: planned - capacity.");
  run = [o](Context& ctx) { return run_capacity(ctx, *o); };
}

}  // namespace pops::cli
