// The rules of objectives and key results (pops.yaml `objectives:`): key-result-unlinked and
// objective-stalled. An item naming an unknown key result is unknown-ref (rules_refs.cpp).

#include "check/rule_impl.h"

#include "base/text.h"
#include "workspace/goals.h"
#include "workspace/schema.h"

#include <fmt/format.h>

namespace pops {

void rule_key_result_unlinked(const RuleContext& c)
{
  const Config& cfg = c.ws.config;
  for (const auto& o : compute_goals(c.ws)) {
    if (o.key_results.empty()) {
      c.add(cfg.file, o.objective->loc, "key-result-unlinked",
            fmt::format("objective {} has no key results; add one under its 'key_results'",
                        quote(o.objective->id.value)),
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

} // namespace pops
