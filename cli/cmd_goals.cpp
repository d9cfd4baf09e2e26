// pops goals: objectives and key results of pops.yaml with their progress.

#include "commands.h"
#include "json_value.h"

#include "base/text.h"
#include "workspace/goals.h"
#include "workspace/workspace.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>

namespace pops::cli {

namespace {

struct GoalsOpts {
  std::string period;
  std::string format = "text";
  bool explain = false;
  std::vector<std::string> members;  ///< --member
};

using OJ = nlohmann::ordered_json;

/// A progress for JSON: rounded to 4 places (enough for a percentage with two decimals); null when none.
OJ progress_json(const std::optional<double>& p)
{
  return p ? OJ(std::round(*p * 10000) / 10000) : OJ(nullptr);
}

OJ number_or_null(const Located<double>& n)
{
  return n.set ? OJ(n.value) : OJ(nullptr);
}

std::string render_json(const std::vector<ObjectiveProgress>& goals, bool explain)
{
  OJ list = OJ::array();
  for (const auto& o : goals) {
    const Objective& ob = *o.objective;
    OJ krs = OJ::array();
    for (const auto& k : o.key_results) {
      const KeyResult& kr = *k.kr;
      OJ ids = OJ::array();
      for (const Item* it : k.items) {
        ids.push_back(it->id.value);
      }
      OJ j = {{"id", kr.id.value},
              {"title", kr.title.value},
              {"progress", progress_json(k.progress)},
              {"source", k.by_series ? "series" : "items"},
              {"items", ids},
              {"metric", str_or_null(kr.metric)},
              {"baseline", number_or_null(kr.baseline)},
              {"target", number_or_null(kr.target)}};
      if (k.by_series) {
        j["series"] = {{"source", kr.series_source.value}, {"key", kr.series_key.value}};
        j["value"] = k.value ? OJ(*k.value) : OJ(nullptr);
        j["date"] = k.date ? OJ(format_date(*k.date)) : OJ(nullptr);
      } else {
        j["series"] = nullptr;
        j["weighted_by"] = k.progress ? OJ(k.by_effort ? "effort" : "count") : OJ(nullptr);
      }
      if (explain) {
        j["explain"] = k.explain;
      }
      krs.push_back(std::move(j));
    }
    OJ j = {{"id", ob.id.value},
            {"title", ob.title.value},
            {"owner", str_or_null(ob.owner)},
            {"period", ob.period.value},
            {"progress", progress_json(o.progress)},
            {"key_results", krs}};
    if (explain) {
      j["explain"] = o.explain;
    }
    list.push_back(std::move(j));
  }
  OJ out = {{"objectives", list}};
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string percent(const std::optional<double>& p)
{
  return p ? fmt::format("{}%", number_short(*p * 100, 0)) : "–";
}

/// What measures a key result, in a few words.
std::string source_text(const KeyResultProgress& k)
{
  if (k.by_series) {
    std::string s = fmt::format("series {}:{}", k.kr->series_source.value, k.kr->series_key.value);
    if (k.value && k.kr->baseline.set && k.kr->target.set) {
      s += fmt::format(", {} (from {} to {})", number_short(*k.value, 2), number_short(k.kr->baseline.value, 2),
                       number_short(k.kr->target.value, 2));
    }
    return s;
  }
  if (k.items.empty()) {
    return "items: none linked";
  }
  std::vector<std::string> ids;
  for (const Item* it : k.items) {
    ids.push_back(it->id.value);
  }
  return fmt::format("items {}{}", join(ids, ", "), k.by_effort ? " (by effort)" : "");
}

std::string render_text(const Term& t, const std::vector<ObjectiveProgress>& goals, bool explain)
{
  std::string s;
  std::string period;
  for (const auto& o : goals) {
    const Objective& ob = *o.objective;
    if (ob.period.value != period) {
      period = ob.period.value;
      s += (s.empty() ? "" : "\n") + t.paint(Color::bold, period) + "\n";
    }
    s += fmt::format("  {}  {}  {}{}\n", t.paint(Color::bold, printable(ob.id.value)), percent(o.progress),
                     printable(ob.title.value), ob.owner.set ? fmt::format(" ({})", printable(ob.owner.value)) : "");
    if (explain) {
      s += t.paint(Color::dim, fmt::format("      {}", printable(o.explain))) + "\n";
    }
    size_t w = 0;
    for (const auto& k : o.key_results) {
      w = std::max(w, printable(k.kr->id.value).size());
    }
    for (const auto& k : o.key_results) {
      s += fmt::format("    {:<{}}  {:>4}  {}  [{}]\n", printable(k.kr->id.value), w, percent(k.progress),
                       printable(k.kr->title.value), printable(source_text(k)));
      if (explain) {
        s += t.paint(Color::dim, fmt::format("      {}", printable(k.explain))) + "\n";
      }
    }
  }
  return s;
}

/// A portfolio's goals (format 1.4): each member's objectives from its own pops.yaml, its items'
/// ids qualified (`acme/PAY-1`), under a heading per member, or in a `members` list (JSON; each
/// objective with a "member" key).
int run_portfolio_goals(Context& ctx, const GoalsOpts& o, const std::vector<Member>& members)
{
  OJ all = {{"members", OJ::array()}};
  std::string text;
  for (const auto& m : members) {
    const std::string name = m.name.empty() ? std::string(".") : m.name;
    const Workspace ws = qualified_workspace(m);
    const auto goals = compute_goals(ws, o.period);
    if (o.format == "json") {
      OJ one = OJ::parse(render_json(goals, o.explain));
      for (auto& ob : one["objectives"]) {
        ob["member"] = name;
      }
      all["members"].push_back({{"member", name}, {"path", m.path}, {"objectives", one["objectives"]}});
      continue;
    }
    text += fmt::format("{}{}\n", text.empty() ? "" : "\n",
                        ctx.out.paint(Color::bold, fmt::format("== {} ({})", name, printable(m.path))));
    text += goals.empty()
              ? (o.period.empty() ? std::string("no objectives\n") : fmt::format("no objectives in {}\n", o.period))
              : render_text(ctx.out, goals, o.explain);
  }
  if (o.format == "json") {
    ctx.out.write_json(all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  } else {
    ctx.out.write(text);
  }
  return k_exit_ok;
}

int run_goals(Context& ctx, const GoalsOpts& o)
{
  if (!check_quarter_option(ctx, o.period)) {
    return k_exit_usage;
  }
  std::vector<Member> members;
  int rc = k_exit_ok;
  if (portfolio_members(ctx, o.members, members, rc)) {
    return rc != k_exit_ok ? rc : run_portfolio_goals(ctx, o, members);
  }
  if (rc != k_exit_ok) {
    return rc;
  }
  const std::optional<Workspace> loaded = load_view_workspace(ctx);
  if (!loaded) {
    return k_exit_usage;
  }
  const Workspace& ws = *loaded;
  const auto goals = compute_goals(ws, o.period);
  if (o.format == "json") {
    ctx.out.write_json(render_json(goals, o.explain));
    return k_exit_ok;
  }
  if (goals.empty()) {
    if (!ctx.quiet) {
      ctx.err.write(o.period.empty() ? "no objectives; declare them under 'objectives:' in pops.yaml (docs/format.md)\n"
                                     : fmt::format("no objectives in {}\n", o.period));
    }
    return k_exit_ok;
  }
  ctx.out.write(render_text(ctx.out, goals, o.explain));
  return k_exit_ok;
}

}  // namespace

void setup_goals(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<GoalsOpts>();
  app.add_option("--period", o->period, "Only the objectives of this quarter, e.g. 2027-Q1");
  app.add_flag("--explain", o->explain, "Show how each progress was computed");
  add_member_option(app, o->members);
  app.add_option("--format", o->format, "Output format")->check(CLI::IsMember({"text", "json"}))->default_str("text");
  app.footer("Progress in [0, 1]: a key result with a 'series' from the series' latest value between its baseline\n"
             "and target; one without from the items listing it in 'key_results' (the shipped share, weighted by\n"
             "score.effort when every item has one; dropped items left out). An objective's is the mean of its\n"
             "key results'.");
  run = [o](Context& ctx) { return run_goals(ctx, *o); };
}

}  // namespace pops::cli
