// pops initiatives: the initiatives of pops.yaml with their items across squads, progress and the
// latest target of their items.

#include "commands.h"
#include "json_value.h"

#include "base/text.h"
#include "workspace/initiatives.h"
#include "workspace/workspace.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>

namespace pops::cli {

namespace {

struct InitiativesOpts {
  std::string format = "text";
};

using OJ = nlohmann::ordered_json;

}  // namespace

nlohmann::ordered_json initiative_json(const InitiativeRollup& r)
{
  const Initiative& in = *r.initiative;
  OJ items = OJ::array();
  for (const Item* it : r.items) {
    items.push_back({{"id", it->id.value}, {"squad", str_or_null(it->squad)}, {"status", it->status.value}});
  }
  OJ j = {{"id", in.id.value},
          {"title", in.title.value},
          {"progress", r.progress.progress ? OJ(std::round(*r.progress.progress * 10000) / 10000) : OJ(nullptr)},
          {"items", items},
          {"owner", str_or_null(in.owner)},
          {"target", str_or_null(in.target)},
          {"latest_item_target", r.latest_item_target ? OJ(format_date(*r.latest_item_target)) : OJ(nullptr)},
          {"weighted_by", r.progress.progress ? OJ(r.progress.by_effort ? "effort" : "count") : OJ(nullptr)}};
  if (const Update* u = latest_update(in.updates)) {
    j["health"] = u->health.value;
  } else {
    j["health"] = nullptr;
  }
  return j;
}

std::string percent_text(const std::optional<double>& p)
{
  return p ? fmt::format("{}%", number_short(*p * 100, 0)) : "–";
}

std::string initiative_text(const Term& t, const InitiativeRollup& r, bool heading)
{
  const Initiative& in = *r.initiative;
  std::string s;
  if (heading) {
    s += fmt::format("{}  {}  {}{}\n", t.paint(Color::bold, printable(in.id.value)), percent_text(r.progress.progress),
                     printable(in.title.value), in.owner.set ? fmt::format(" ({})", printable(in.owner.value)) : "");
  }
  std::string target = in.target.set ? printable(in.target.value) : "none";
  std::string latest = r.latest_item_target ? format_date(*r.latest_item_target) : "none";
  s += fmt::format("    target {}, latest item target {}{}\n", target, latest,
                   in.target_date && r.latest_item_target && *in.target_date < *r.latest_item_target
                     ? t.paint(Color::yellow, " (slips)")
                     : "");
  if (const Update* u = latest_update(in.updates)) {
    s += fmt::format("    health {} on {}{}\n", printable(u->health.value), format_date(u->date.value),
                     u->note.set ? ": " + printable(u->note.value) : "");
  }
  if (r.items.empty()) {
    s += "    no items; link them with 'initiative: " + printable(in.id.value) + "'\n";
  }
  size_t w = 0;
  size_t sw = 0;
  for (const Item* it : r.items) {
    w = std::max(w, printable(it->id.value).size());
    sw = std::max(sw, printable(it->squad.value).size());
  }
  for (const Item* it : r.items) {
    s += fmt::format("    {:<{}}  {:<{}}  {:<11}  {}\n", printable(it->id.value), w, printable(it->squad.value), sw,
                     printable(it->status.value), printable(it->title.value));
  }
  return s;
}

namespace {

int run_initiatives(Context& ctx, const InitiativesOpts& o)
{
  const std::optional<Workspace> loaded = load_view_workspace(ctx);
  if (!loaded) {
    return k_exit_usage;
  }
  const Workspace& ws = *loaded;
  const auto all = compute_initiatives(ws);
  if (o.format == "json") {
    OJ list = OJ::array();
    for (const auto& r : all) {
      list.push_back(initiative_json(r));
    }
    OJ out = {{"initiatives", list}};
    ctx.out.write_json(out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    return k_exit_ok;
  }
  if (all.empty()) {
    if (!ctx.quiet) {
      ctx.err.write("no initiatives; declare them under 'initiatives:' in pops.yaml (docs/format.md)\n");
    }
    return k_exit_ok;
  }
  std::string s;
  for (const auto& r : all) {
    s += (s.empty() ? "" : "\n") + initiative_text(ctx.out, r, true);
  }
  ctx.out.write(s);
  return k_exit_ok;
}

}  // namespace

void setup_initiatives(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<InitiativesOpts>();
  app.add_option("--format", o->format, "Output format")->check(CLI::IsMember({"text", "json"}))->default_str("text");
  app.footer("Each initiative of pops.yaml 'initiatives:' with the items naming it in 'initiative:' (any squad),\n"
             "its progress (the shipped share of its items, weighted by score.effort when every item has one;\n"
             "dropped items left out) and the latest target of its items.");
  run = [o](Context& ctx) { return run_initiatives(ctx, *o); };
}

}  // namespace pops::cli
