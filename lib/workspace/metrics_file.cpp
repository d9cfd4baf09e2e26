// Metrics files: the `series:` of metrics/**/*.yaml read into the model.

#include "workspace/metrics_file.h"

#include "base/text.h"

#include <fmt/format.h>

#include <array>
#include <map>
#include <set>
#include <tuple>

namespace pops {

namespace {

constexpr std::array<std::string_view, 1> k_file_keys = {"series"};

}  // namespace

std::string duplicate_series_message(const Series& s, const std::string& first_file, int first_line)
{
  return fmt::format("series {} of {}{} is also at {}:{}; keep one (a re-import updates it in place)",
                     quote(s.key.value), s.source.value,
                     s.metric.set ? fmt::format(" (metric {})", s.metric.value) : "", first_file, first_line);
}

void read_metrics_file(const std::string& path, const YNode& root, SchemaReader& r, std::vector<Series>& out)
{
  if (root.is_null()) {
    return;
  }
  if (!r.expect_map(root, "a metrics file")) {
    return;
  }
  r.check_keys(root, k_file_keys, "a metrics file");
  const YNode* list = root.get("series");
  if (!list || list->is_null()) {
    return;
  }
  if (!list->is_seq()) {
    r.report(list->loc,
             fmt::format("'series' must be a list of {{source, key, metric, points}}, found {}", list->kind_name()));
    return;
  }
  const size_t first = out.size();
  for (const auto& n : list->items) {
    if (!r.expect_map(n, "a series")) {
      continue;
    }
    r.check_keys(n, k_series_keys, "a series");
    Series s;
    s.file = path;
    s.loc = n.loc;
    if (r.require(n, "source", "series")) {
      s.source = r.str(n, "source");
    }
    if (r.require(n, "key", "series")) {
      s.key = r.str(n, "key");
    }
    s.metric = r.str(n, "metric");
    s.unit = r.str(n, "unit");
    if (const YNode* pts = n.get("points"); pts && !pts->is_null()) {
      if (!pts->is_map()) {
        r.report(pts->loc, fmt::format("'points' must be a mapping of dates to values (2026-11-01: 412), found {}",
                                       pts->kind_name()));
      } else {
        for (const auto& [k, v] : pts->entries) {
          SeriesPoint p;
          auto d = parse_date(k.text);
          if (!d) {
            r.report(k.loc, fmt::format("point {} is not a date; expected YYYY-MM-DD like 2026-11-01", quote(k.text)));
            continue;
          }
          p.date.value = *d;
          p.date.loc = k.loc;
          p.date.set = true;
          if (v.is_null()) {
            r.report(k.loc, fmt::format("point {} has no value; write a number, e.g. {}: 412", k.text, k.text));
            continue;
          }
          p.value = r.number_of(v, fmt::format("points.{}", k.text), false, k.loc);
          if (p.value.set) {
            s.points.push_back(p);
          }
        }
      }
    }
    if (s.source.set && s.key.set) {
      for (size_t i = 0; i < out.size(); ++i) {
        const Series& o = out[i];
        if (o.source.value == s.source.value && o.key.value == s.key.value && o.metric.value == s.metric.value) {
          r.report(s.key.loc, duplicate_series_message(s, i >= first ? path : o.file, o.loc.line));
          break;
        }
      }
    }
    out.push_back(std::move(s));
  }
}

}  // namespace pops
