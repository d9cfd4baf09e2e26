#include "edit/promote.h"

#include "base/text.h"
#include "workspace/schema.h"
#include "workspace/rules.h"
#include "yaml/edit.h"

#include <fmt/format.h>

#include <algorithm>

namespace pops {

EditPlan plan_pilot_promote(const EditSession& s, const PromoteSpec& spec)
{
  if (!find_rule(spec.rule)) {
    std::vector<std::string> ids;
    for (const auto& r : all_rules()) {
      ids.emplace_back(r.id);
    }
    throw OpError(fmt::format("unknown rule {}{}", quote(spec.rule), did_you_mean(spec.rule, ids)));
  }
  if (spec.all == !spec.squads.empty()) {
    throw OpError("give either --squads a,b (widen the pilot) or --all (roll it out)");
  }
  const auto rc = s.ws.config.rules.find(spec.rule);
  if (rc == s.ws.config.rules.end() || rc->second.pilot.empty()) {
    throw OpError(fmt::format("rule {} is not under pilot in pops.yaml", quote(spec.rule)),
                  fmt::format("start a pilot by hand: rules: {}: {{pilot: [SQUAD]}}", spec.rule));
  }
  std::vector<std::string> known;
  for (const auto& sq : s.ws.config.squads) {
    known.push_back(sq.id.value);
  }
  std::vector<std::string> added;
  for (const auto& sq : spec.squads) {
    if (!s.ws.config.squad(sq)) {
      throw OpError(fmt::format("unknown squad {}{}", quote(sq), did_you_mean(sq, known)));
    }
    const auto& pilot = rc->second.pilot;
    const bool in = std::any_of(pilot.begin(), pilot.end(), [&](const LStr& p) { return p.value == sq; });
    if (!in && std::find(added.begin(), added.end(), sq) == added.end()) {
      added.push_back(sq);
    }
  }
  if (!spec.all && added.empty()) {
    throw OpError(fmt::format("the pilot of {} has {} already", quote(spec.rule), join(spec.squads, ", ")),
                  "--all rolls it out to every squad");
  }
  auto cfg = s.files.find("pops.yaml");
  if (cfg == s.files.end()) {
    throw OpError("pops.yaml cannot be read");
  }
  std::string text;
  try {
    YamlText y(cfg->second);
    const TextStyle st = y.style("items");
    const Path at{std::string("rules"), spec.rule};
    if (spec.all) {
      y.remove(at, "pilot");
    } else {
      for (const auto& sq : added) {
        y.list_add(at, "pilot", NewScalar{sq, true}, st);
      }
    }
    text = y.text();
  } catch (const EditRefused& e) {
    throw OpError(fmt::format("cannot edit 'pops.yaml': {}", e.what()), "edit the rule's pilot by hand");
  }
  EditPlan plan;
  plan.changes.push_back({"pops.yaml", cfg->second, text, false});
  plan.id = spec.rule;
  if (spec.all) {
    plan.summary = fmt::format("rolled rule {} out to every squad in pops.yaml", spec.rule);
    plan.message = fmt::format("Roll out rule {} to every squad", spec.rule);
  } else {
    plan.summary = fmt::format("widened the pilot of rule {} to {} in pops.yaml", spec.rule, join(added, ", "));
    plan.message = fmt::format("Widen the pilot of rule {} to {}", spec.rule, join(added, ", "));
    if (added.size() + rc->second.pilot.size() >= s.ws.config.squads.size()) {
      plan.hints.push_back(
        fmt::format("every squad is in the pilot now; 'pops pilot promote {} --all' rolls it out", spec.rule));
    }
  }
  return plan;
}

}  // namespace pops
