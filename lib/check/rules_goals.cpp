// The rules of objectives and key results (pops.yaml `objectives:`): key-result-unlinked and
// objective-stalled. An item naming an unknown key result is unknown-ref (rules_refs.cpp).

#include "check/rule_impl.h"

#include "base/text.h"
#include "workspace/config.h"
#include "workspace/goals.h"
#include "workspace/initiatives.h"
#include "workspace/schema.h"

#include <fmt/format.h>

namespace pops {

void rule_key_result_unlinked(const RuleContext& c)
{
  const Config& cfg = c.ws.config;
  for (const auto& o : compute_goals(c.ws)) {
    if (o.key_results.empty()) {
      c.add(
        cfg.file, o.objective->loc, "key-result-unlinked",
        fmt::format("objective {} has no key results; add one under its 'key_results'", quote(o.objective->id.value)),
        {});
    }
    for (const auto& k : o.key_results) {
      if (k.by_series && !k.series) {
        c.add(cfg.file, k.kr->loc, "key-result-unlinked",
              fmt::format("key result {} names series {}:{}, which no metrics file holds; import it with "
                          "'pops adoption import' or fix 'series'",
                          quote(k.kr->id.value), k.kr->series_source.value, k.kr->series_key.value),
              {});
      } else if (!k.by_series && k.items.empty()) {
        c.add(cfg.file, k.kr->loc, "key-result-unlinked",
              fmt::format("key result {} has nothing linked: give it a 'series', or list it in the "
                          "'key_results' of the items that deliver it",
                          quote(k.kr->id.value)),
              {});
      }
    }
  }
}

void rule_objective_stalled(const RuleContext& c)
{
  const Config& cfg = c.ws.config;
  for (const auto& o : compute_goals(c.ws)) {
    if (o.key_results.empty() || c.today < o.start || c.today > o.end
        || c.today.days - o.start.days < k_stalled_grace_days) {
      continue;
    }
    bool moved = false;
    bool measured = false;
    for (const auto& k : o.key_results) {
      const auto start = progress_at_start(k);
      if (k.progress && start) {
        measured = true;
        moved = moved || *k.progress > *start;
      }
    }
    if (!moved) {
      c.add(cfg.file, o.objective->loc, "objective-stalled",
            fmt::format("objective {} of {} has made no progress since the period started on {}{}",
                        quote(o.objective->id.value), o.objective->period.value, format_date(o.start),
                        measured ? "" : " (no key result is measured yet)"),
            {});
    }
  }
}

void rule_initiative_slip(const RuleContext& c)
{
  for (const auto& r : compute_initiatives(c.ws)) {
    const Initiative& in = *r.initiative;
    if (!in.target_date) {
      continue;
    }
    for (const Item* it : r.items) {
      if (it->target.set && !is_dropped_status(it->status.value) && *in.target_date < it->target.value) {
        c.add(it->file, it->target.loc, "initiative-slip",
              fmt::format("{} targets {}, after its initiative {} ({}, target {}); move the item or the "
                          "initiative's target",
                          it->id.value, format_date(it->target.value), quote(in.id.value), in.title.value,
                          in.target.value),
              c.squads_of(*it));
      }
    }
  }
}

void rule_update_stale(const RuleContext& c)
{
  const long limit = update_stale_days(c.ws.config);
  for (const auto& it : c.ws.items) {
    if (!is_in_progress_status(it.status.value)) {
      continue;
    }
    const Update* u = latest_update(it.updates);
    if (!u) {
      continue;
    }
    const long days = c.today.days - u->date.value.days;
    if (days >= limit) {
      c.add(it.file, u->loc, "update-stale",
            fmt::format("{} is in progress and its latest update is {} days old ({}, {}); the limit is {} days; "
                        "add one with 'pops item update {} --health ...'",
                        it.id.value, days, format_date(u->date.value), u->health.value, limit, it.id.value),
            c.squads_of(it));
    }
  }
}

}  // namespace pops
