// The rule series-unlinked: a usage series no item links to.

#include "check/rule_impl.h"

#include "base/text.h"
#include "workspace/schema.h"
#include "workspace/success.h"
#include "yaml/edit.h"

#include <fmt/format.h>

#include <set>
#include <string>
#include <utility>

namespace pops {

void rule_series_unlinked(const RuleContext& c)
{
  std::set<const Series*> used;
  for (const Item& it : c.ws.items) {
    for (const Series* s : series_of_item(c.ws, it)) {
      used.insert(s);
    }
    for (const auto& st : evaluate_success(c.ws, it)) {
      if (st.series) {
        used.insert(st.series);
      }
    }
  }
  // One finding per source and key (a Pendo feature has a series per column).
  std::set<std::pair<std::string, std::string>> keys_used, reported;
  for (const auto& o : c.ws.config.objectives) {
    for (const auto& kr : o.key_results) {
      if (kr.series_source.set) {
        keys_used.emplace(kr.series_source.value, kr.series_key.value);  // a key result measures it
      }
    }
  }
  for (const Series* s : used) {
    keys_used.emplace(s->source.value, s->key.value);
  }
  for (const Series& s : c.ws.series) {
    if (!s.source.set || !s.key.set) {
      continue;
    }
    const std::pair<std::string, std::string> k{s.source.value, s.key.value};
    if (keys_used.count(k) || !reported.insert(k).second) {
      continue;
    }
    c.add(s.file, s.key.loc, "series-unlinked",
          fmt::format("no item links to {} series {} nor names its metric in 'success'; add 'links: {{{}: {}}}' "
                      "to the item it measures",
                      s.source.value, quote(s.key.value), s.source.value, format_scalar({s.key.value, true}, true)),
          {});
  }
}

}  // namespace pops
