// Metrics files (lib/workspace/metrics_file.cpp): series read with their points, and each refusal a
// schema finding at its line and column: the list, a point's date or value, a series given twice.

#include "workspace/metrics_file.h"

#include "../helpers.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace pops;
using V = pops::test::Lines;

namespace {

const std::string k_config = "version: 1\nproduct: T\nsquads:\n  payments: {prefix: PAY}\n";

Workspace load(std::vector<SourceFile> files)
{
  files.insert(files.begin(), {"pops.yaml", k_config});
  return load_workspace("/nowhere", std::move(files), 1);
}

V findings(const Workspace& ws)
{
  V out;
  for (const auto& f : ws.findings) {
    out.push_back(f.file + ":" + std::to_string(f.loc.line) + ":" + std::to_string(f.loc.column) + ": " + f.message);
  }
  return out;
}

}  // namespace

TEST_CASE("series with their points, in file order, the points' dates and values")
{
  const Workspace ws =
    load({{"metrics/a.yaml", "series:\n"
                             "  - source: amplitude\n    key: Refund Completed\n    metric: uniques\n"
                             "    points:\n      2026-11-01: 412\n      2026-11-02: 398.5\n"
                             "  - {source: pendo, key: Button, unit: '%', points: {2026-11-01: 0x10}}\n"}});
  CHECK(findings(ws).empty());
  REQUIRE(ws.series.size() == 2);
  const Series& s = ws.series[0];
  CHECK(s.file == "metrics/a.yaml");
  CHECK(s.loc.line == 2);
  CHECK(s.source.value == "amplitude");
  CHECK(s.metric.value == "uniques");
  REQUIRE(s.points.size() == 2);
  CHECK(format_date(s.points[1].date.value) == "2026-11-02");
  CHECK(s.points[1].value.value == 398.5);
  CHECK(s.points[1].date.loc.line == 7);
  CHECK(ws.series[1].unit.value == "%");
  CHECK(ws.series[1].points[0].value.value == 16);
  CHECK(k_series_keys[0] == "source");
}

TEST_CASE("a metrics file that is not a mapping of series, and an unknown key")
{
  CHECK(findings(load({{"metrics/a.yaml", "series: {a: 1}\n"}}))
        == V{"metrics/a.yaml:1:9: 'series' must be a list of {source, key, metric, points}, found a mapping"});
  CHECK(findings(load({{"metrics/a.yaml", "serie: []\n"}}))
        == V{"metrics/a.yaml:1:1: unknown key 'serie' in a metrics file (did you mean 'series'?)"});
  CHECK(findings(load({{"metrics/a.yaml", "series:\n  - {source: a, key: b, metrc: c}\n"}}))
        == V{"metrics/a.yaml:2:25: unknown key 'metrc' in a series (did you mean 'metric'?)"});
  CHECK(findings(load({{"metrics/a.yaml", "series:\n  - {key: b}\n"}}))
        == V{"metrics/a.yaml:2:5: series is missing required key 'source'"});
}

TEST_CASE("points: a mapping of real dates to plain numbers")
{
  const Workspace ws = load({{"metrics/a.yaml", "series:\n  - source: a\n    key: b\n    points:\n"
                                                "      2026-02-30: 1\n      2026-11-01:\n      2026-11-02: '412'\n"
                                                "      2026-11-03: 7\n"}});
  CHECK(findings(ws)
        == V{"metrics/a.yaml:5:7: point '2026-02-30' is not a date; expected YYYY-MM-DD like 2026-11-01",
             "metrics/a.yaml:6:7: point 2026-11-01 has no value; write a number, e.g. 2026-11-01: 412",
             "metrics/a.yaml:7:19: 'points.2026-11-02' must be a number, found the quoted text '412'"});
  REQUIRE(ws.series.size() == 1);
  REQUIRE(ws.series[0].points.size() == 1);  // the one good point is kept
  CHECK(ws.series[0].points[0].value.value == 7);
  CHECK(findings(load({{"metrics/a.yaml", "series:\n  - {source: a, key: b, points: [1, 2]}\n"}}))
        == V{"metrics/a.yaml:2:33: 'points' must be a mapping of dates to values (2026-11-01: 412), found a list"});
}

TEST_CASE("a series given twice in a file; another metric is another series")
{
  CHECK(
    findings(
      load({{"metrics/a.yaml", "series:\n  - {source: a, key: b, metric: m}\n  - {source: a, key: b, metric: n}\n"
                               "  - {source: a, key: b, metric: m}\n"}}))
    == V{"metrics/a.yaml:4:22: series 'b' of a (metric m) is also at metrics/a.yaml:2; keep one (a re-import updates "
         "it in place)"});
  // Another metric of the same source and key is another series.
  CHECK(findings(load({{"metrics/a.yaml", "series:\n  - {source: a, key: b, metric: m}\n  - {source: a, key: b}\n"}}))
          .empty());
}
