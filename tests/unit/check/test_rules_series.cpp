// The rule series-unlinked (lib/check/rules_series.cpp): a usage series that no item links to, no
// success entry measures and no key result names, once per source and key.

#include "../helpers.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace pops;
using pops::test::rule_findings;

namespace {

const std::string k_config = R"(version: 1
product: Test
squads:
  payments: {prefix: PAY}
objectives:
  O1:
    title: Trust
    period: 2026-Q4
    key_results:
      O1-KR1: {title: Fewer refunds, baseline: 10, target: 5, series: {source: amplitude, key: Refund Rate}}
)";

const std::string k_metrics = R"(series:
  - {source: amplitude, key: Refund Completed, metric: uniques, points: {2026-11-01: 412}}
  - {source: amplitude, key: Refund Rate, metric: refund_rate, points: {2026-11-01: 2.1}}
  - {source: pendo, key: Refund button, metric: visitors, points: {2026-11-01: 58}}
  - {source: pendo, key: Refund button, metric: views, points: {2026-11-01: 70}}
  - {source: pendo, key: Export, metric: visitors, points: {2026-11-01: 3}}
)";

}  // namespace

TEST_CASE("series-unlinked: series nothing links to are reported once per source and key, as info")
{
  const auto f = rule_findings(
    {{"pops.yaml", k_config},
     {"metrics/adoption.yaml", k_metrics},
     {"roadmap/p.yaml", "squad: payments\nitems:\n"
                        "  - {id: PAY-1, title: A, status: idea, links: {amplitude: Refund Completed}}\n"}},
    "series-unlinked");
  // Refund Completed: PAY-1 links it; Refund Rate: O1-KR1 measures it.
  REQUIRE(f.size() == 2);
  CHECK(f[0].file == "metrics/adoption.yaml");
  CHECK(f[0].loc.line == 4);
  CHECK(f[0].severity == Severity::info);
  CHECK(f[0].message
        == "no item links to pendo series 'Refund button' nor names its metric in 'success'; add "
           "'links: {pendo: Refund button}' to the item it measures");
  CHECK(f[1].loc.line == 6);
  CHECK(f[1].message
        == "no item links to pendo series 'Export' nor names its metric in 'success'; add "
           "'links: {pendo: Export}' to the item it measures");
}

TEST_CASE("series-unlinked: every series linked or measured is not reported")
{
  CHECK(
    rule_findings({{"pops.yaml", k_config},
                   {"metrics/adoption.yaml", k_metrics},
                   {"roadmap/p.yaml", "squad: payments\nitems:\n"
                                      "  - {id: PAY-1, title: A, status: idea, links: {amplitude: Refund Completed}}\n"
                                      "  - {id: PAY-2, title: B, status: idea, links: {pendo: Refund button}}\n"
                                      "  - {id: PAY-3, title: C, status: idea, links: {pendo: Export}}\n"}},
                  "series-unlinked")
      .empty());
}
