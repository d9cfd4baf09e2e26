// pops rank: items scored by a model (RICE, ICE, WSJF or pops.yaml `scoring:`), explained term by term.

#include "commands.h"

#include "workspace/filters.h"
#include "complete.h"

#include "features/rank.h"
#include "base/markdown.h"
#include "base/text.h"
#include "workspace/workspace.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace pops::cli {

namespace {

using json = nlohmann::ordered_json;

struct RankOpts {
  std::string model, explain, format = "table";
  std::vector<std::string> squads, horizons;
  bool misaligned = false;
};

json item_json(const RankedItem& r, bool detail)
{
  json e;
  e["rank"] = r.scored ? json(r.rank) : json();
  e["id"] = r.item->id.value;
  e["title"] = r.item->title.value;
  e["squad"] = r.item->squad.value;
  e["status"] = r.item->status.value;
  e["horizon"] = r.item->horizon.set ? json(r.item->horizon.value) : json();
  e["score"] = r.scored ? json(r.score) : json();
  e["problem"] = r.scored ? json() : json(r.problem);
  if (detail) {
    e["terms"] = json::array();
    for (const auto& t : r.terms) {
      e["terms"].push_back({{"text", t.text}, {"value", t.value}});
    }
    e["inputs"] = json::array();
    for (const auto& in : r.inputs) {
      e["inputs"].push_back({{"name", in.name}, {"value", in.value ? json(*in.value) : json()}, {"source", in.source}});
    }
  }
  return e;
}

json model_json(const ScoreModel& m)
{
  return {{"name", m.name}, {"expression", m.text}, {"builtin", m.builtin}};
}

int explain(Context& ctx, const Workspace& ws, const ScoreModel& m, const RankOpts& o)
{
  std::optional<RankedItem> r = explain_item(ws, m, o.explain);
  if (!r) {
    std::vector<std::string> ids;
    for (const auto& it : ws.items) {
      ids.push_back(it.id.value);
    }
    error(ctx.err, fmt::format("unknown item '{}'{}", o.explain, did_you_mean(o.explain, ids)));
    return k_exit_usage;
  }
  if (o.format == "json") {
    json j;
    j["model"] = model_json(m);
    j["item"] = item_json(*r, true);
    ctx.out.write_json(j.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
    return r->scored ? k_exit_ok : k_exit_findings;
  }
  const bool mdown = o.format == "markdown";
  std::string s;
  s += mdown
         ? fmt::format("## {} {}\n\n", markdown_text(r->item->id.value), markdown_text(r->item->title.value))
         : ctx.out.paint(Color::bold, fmt::format("{} {}", r->item->id.value, printable(r->item->title.value))) + "\n";
  s += fmt::format("{}model {}: {}{}\n", mdown ? "" : "", mdown ? markdown_text(m.name) : m.name,
                   mdown ? markdown_code(m.text) : m.text, m.builtin ? " (built in)" : " (pops.yaml)");
  if (r->scored) {
    s += fmt::format("{}score {}{}\n\n", mdown ? "\n" : "", number_short(r->score, 2), mdown ? "" : "");
    if (mdown) {
      s += "| Term | Value |\n|---|---|\n";
    }
    for (size_t i = 0; i < r->terms.size(); ++i) {
      const auto& t = r->terms[i];
      const std::string sign = i == 0 ? (t.sign < 0 ? "-" : " ") : (t.sign < 0 ? "-" : "+");
      const double shown = t.sign < 0 ? -t.value : t.value;
      s += mdown ? fmt::format("| {} | {} |\n", markdown_cell(t.text), number_short(t.value, 2))
                 : fmt::format("  {} {:>14}  {}\n", sign, number_short(shown, 2), t.text);
    }
    s += mdown ? fmt::format("| **score** | **{}** |\n", number_short(r->score, 2))
               : fmt::format("  = {:>14}  score\n", number_short(r->score, 2));
  } else {
    s += fmt::format("{}not scored: {}\n", mdown ? "\n" : "", r->problem);
  }
  s += mdown ? "\n| Input | Value | From |\n|---|---|---|\n" : "\ninputs:\n";
  for (const auto& in : r->inputs) {
    const std::string v = in.value ? number_short(*in.value, 2) : "missing";
    s += mdown ? fmt::format("| {} | {} | {} |\n", markdown_cell(in.name), v, markdown_cell(in.source))
               : fmt::format("  {:<18} {:>12}  {}\n", in.name, v, printable(in.source));
  }
  ctx.out.write(s);
  return r->scored ? k_exit_ok : k_exit_findings;
}

int run_rank(Context& ctx, const RankOpts& o)
{
  Workspace ws = load_worktree(ctx.workspace);
  if (const auto bad =
        std::count_if(ws.findings.begin(), ws.findings.end(), [](const Finding& x) { return x.rule == "yaml-syntax"; });
      bad > 0 && !ctx.quiet) {
    warning(ctx.err,
            fmt::format("{} file{} could not be read; run 'pops check' for details", bad, bad == 1 ? "" : "s"));
  }
  const Scoring scoring = read_scoring(ws.config);
  const std::string name = o.model.empty() ? scoring.default_model : o.model;
  const ScoreModel* m = scoring.find(name);
  if (!m) {
    const YNode* models = ws.config.scoring.is_map() ? ws.config.scoring.get("models") : nullptr;
    if (models && models->is_map() && models->get(name)) {
      error(ctx.err, fmt::format("scoring model '{}' in pops.yaml has errors; run 'pops check' to see them", name));
    } else {
      error(ctx.err, fmt::format("unknown scoring model '{}'{}", name, did_you_mean(name, scoring.names())));
      hint(ctx.err, fmt::format("the models are {}; define more under 'scoring.models' in pops.yaml",
                                join(scoring.names(), ", ")));
    }
    return k_exit_usage;
  }
  if (!o.explain.empty()) {
    return explain(ctx, ws, *m, o);
  }
  for (auto msg :
       {unknown_value(ws, FilterKind::squad, o.squads), unknown_value(ws, FilterKind::horizon, o.horizons)}) {
    if (!msg.empty()) {
      error(ctx.err, msg);
      return k_exit_usage;
    }
  }
  RankOptions ro;
  ro.squads = o.squads;
  ro.horizons = o.horizons;
  const auto ranked = rank_items(ws, *m, ro);
  std::vector<std::pair<const RankedItem*, std::string>> rows;
  if (o.misaligned) {
    for (const auto& x : misaligned(ranked)) {
      rows.emplace_back(x.item, x.why);
    }
  } else {
    for (const auto& r : ranked) {
      rows.emplace_back(&r, r.scored ? std::string() : r.problem);
    }
  }
  if (o.format == "json") {
    json j;
    j["model"] = model_json(*m);
    j["items"] = json::array();
    for (const auto& [r, why] : rows) {
      json e = item_json(*r, false);
      if (o.misaligned) {
        e["why"] = why;
      }
      j["items"].push_back(std::move(e));
    }
    ctx.out.write_json(j.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
    return k_exit_ok;
  }
  std::string s;
  if (o.format == "markdown") {
    s += fmt::format("## {} by {}\n\n{}\n\n| Rank | ID | Title | Horizon | Status | Score | Note |\n"
                     "|---|---|---|---|---|---|---|\n",
                     o.misaligned ? "Misaligned items" : "Items", markdown_text(m->name), markdown_code(m->text));
    for (const auto& [r, why] : rows) {
      s += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", r->scored ? std::to_string(r->rank) : "-",
                       markdown_cell(r->item->id.value), markdown_cell(r->item->title.value),
                       markdown_cell(r->item->horizon.value), markdown_cell(r->item->status.value),
                       r->scored ? number_short(r->score, 2) : "-", markdown_cell(why));
    }
    ctx.out.write(s);
    return k_exit_ok;
  }
  s += ctx.out.paint(Color::bold, fmt::format("{} by {}", o.misaligned ? "Misaligned items" : "Items", m->name)) + ": "
       + m->text + "\n";
  if (rows.empty()) {
    s += o.misaligned ? "  none: every scored item sits where its score puts it\n" : "  no open items\n";
  } else {
    s += fmt::format("  {:>4}  {:<10} {:<28} {:<10} {:<12} {:>12}  {}\n", "RANK", "ID", "TITLE", "HORIZON", "STATUS",
                     "SCORE", o.misaligned ? "WHY" : "NOTE");
  }
  for (const auto& [r, why] : rows) {
    std::string line =
      fmt::format("  {:>4}  {:<10} {:<28} {:<10} {:<12} {:>12}  {}", r->scored ? std::to_string(r->rank) : "-",
                  r->item->id.value, cell_text(r->item->title.value, 28), cell_text(r->item->horizon.value, 10),
                  cell_text(r->item->status.value, 12), r->scored ? number_short(r->score, 2) : "-", why);
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    s += line + "\n";
  }
  ctx.out.write(s);
  return k_exit_ok;
}

}  // namespace

void setup_rank(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<RankOpts>();
  app
    .add_option("--model", o->model,
                "rice, ice, wsjf or a model of pops.yaml 'scoring.models' (default: "
                "scoring.default, else rice)")
    ->option_text("NAME");
  app.add_option("--squad", o->squads, "Only items of this squad (repeat)")
    ->allow_extra_args(false)
    ->option_text("S")
    ->check(completes(Values::squads));
  app.add_option("--horizon", o->horizons, "Only items with this horizon (repeat)")
    ->allow_extra_args(false)
    ->option_text("H")
    ->check(completes(Values::horizons));
  app.add_option("--explain", o->explain, "Show each term of the item's score and where every input came from")
    ->option_text("ID");
  app.add_flag("--misaligned", o->misaligned,
               "Only items in the top third by score but not in now, and in the bottom third but in now");
  app.add_option("--format", o->format, "Output format")
    ->check(CLI::IsMember({"table", "json", "markdown"}))
    ->default_str("table");
  app.footer("Open items only (not shipped or dropped). An item with a missing input is listed as not scored,\n"
             "never scored as if the input were 0. Exit status: 0 ok; with --explain, 1 when the item cannot be\n"
             "scored; 2 usage error.");
  run = [o](Context& ctx) { return run_rank(ctx, *o); };
}

}  // namespace pops::cli
