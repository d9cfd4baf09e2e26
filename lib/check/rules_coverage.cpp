// The coverage rules, off by default: prd-missing, evidence-missing (committed items without a PRD,
// without feedback), ritual-missed (a ritual not held on its cadence).

#include "check/rule_impl.h"
#include "workspace/cadence.h"
#include "workspace/schema.h"

#include <fmt/format.h>

#include <functional>
#include <set>

namespace pops {

std::string first_horizon(const Config& cfg)
{
  return cfg.horizons.empty() ? std::string("now") : cfg.horizons.front().value;
}

bool is_committed(const Item& it, const Config& cfg)
{
  return it.horizon.set && it.horizon.value == first_horizon(cfg) && !is_shipped_status(it.status.value)
         && !is_dropped_status(it.status.value);
}

bool is_prd(const Doc& d)
{
  return d.type.value == k_prd_type && d.status.value != "obsolete";
}

namespace {

/// The committed items whose ids are not in `covered`: a finding of `rule` at each one's horizon,
/// worded by `message`.
void report_uncovered_committed(const RuleContext& c, const std::set<std::string>& covered, std::string_view rule,
                                const std::function<std::string(const Item&)>& message)
{
  for (const auto& it : c.ws.items) {
    if (is_committed(it, c.ws.config) && !covered.count(it.id.value)) {
      c.add(it.file, it.horizon.loc, rule, message(it), c.squads_of(it));
    }
  }
}

}  // namespace

void rule_prd_missing(const RuleContext& c)
{
  std::set<std::string> covered;
  for (const auto& d : c.ws.docs) {
    if (is_prd(d)) {
      for (const auto& id : d.items) {
        covered.insert(id.value);
      }
    }
  }
  report_uncovered_committed(c, covered, "prd-missing", [](const Item& it) {
    return fmt::format("{} is in {} and no document of type '{}' lists it in 'items'; write one with "
                       "'pops doc new {} TITLE --item {}', or add {} to the items of its PRD",
                       it.id.value, quote(it.horizon.value), k_prd_type, k_prd_type, it.id.value, it.id.value);
  });
}

void rule_evidence_missing(const RuleContext& c)
{
  std::set<std::string> linked;
  for (const auto& fb : c.ws.feedback) {
    for (const auto& id : fb.items) {
      linked.insert(id.value);
    }
  }
  report_uncovered_committed(c, linked, "evidence-missing", [](const Item& it) {
    return fmt::format("{} is committed (in {}, {}) and no feedback entry lists it in 'items'; link the "
                       "feedback that asks for it with 'pops feedback link FB-ID {}'",
                       it.id.value, quote(it.horizon.value), quote(it.status.value), it.id.value);
  });
}

void rule_ritual_missed(const RuleContext& c)
{
  for (const RitualStatus& st : ritual_status(c.ws, c.today)) {
    if (!st.missed) {
      continue;
    }
    const Ritual& r = *st.ritual;
    const std::string held = st.last_held ? "last held " + format_date(*st.last_held) : std::string("never held");
    c.add(c.ws.config.file, r.cadence.loc, "ritual-missed",
          fmt::format("ritual {} ({}) was due {} and no note covers it ({}); hold it and write its note "
                      "with 'pops ritual new {}', or change its cadence",
                      quote(r.name.value), cadence_text(r.cadence.value), format_date(*st.missed), held, r.name.value),
          st.squads);
  }
}

}  // namespace pops
