// The rule over-capacity (lib/check/rules_capacity.cpp) on its own: the current quarter of a number
// capacity, a later quarter of a mapping, where it is reported, and a squad within its capacity.
// tests/unit/workspace/test_capacity.cpp checks the sums behind it.

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
  payments: {prefix: PAY, capacity: 5}
  platform:
    prefix: PLAT
    capacity: {2026-Q3: 1, 2026-Q4: 10, 2027-Q1: 3}
  growth: {prefix: GRO}
)";

}  // namespace

TEST_CASE("over-capacity: planned effort above capacity now and in a later quarter of the mapping")
{
  const auto f = rule_findings(
    {{"pops.yaml", k_config},
     {"roadmap/p.yaml", "squad: payments\nitems:\n"
                        "  - {id: PAY-1, title: A, status: planned, horizon: 2026-Q4, score: {effort: 4}}\n"
                        "  - {id: PAY-2, title: B, status: in-progress, target: 2026-12-01, score: {effort: 2.5}}\n"
                        "  - {id: PAY-3, title: C, status: planned, horizon: 2026-Q4}\n"},
     {"roadmap/q.yaml", "squad: platform\nitems:\n"
                        "  - {id: PLAT-1, title: A, status: planned, horizon: 2026-Q4, score: {effort: 9}}\n"
                        "  - {id: PLAT-2, title: B, status: planned, horizon: 2027-Q1, score: {effort: 4}}\n"},
     {"roadmap/g.yaml", "squad: growth\nitems:\n"
                        "  - {id: GRO-1, title: A, status: planned, horizon: 2026-Q4, score: {effort: 99}}\n"}},
    "over-capacity");
  REQUIRE(f.size() == 2);
  CHECK(f[0].file == "pops.yaml");
  CHECK(f[0].loc.line == 4);  // the payments squad's capacity
  CHECK(f[0].message
        == "squad 'payments' plans 6.5 points in 2026-Q4, over its capacity of 5 by 1.5; "
           "without an estimate: PAY-3");
  CHECK(f[0].squads == pops::test::Lines{"payments"});
  CHECK(f[1].loc.line == 7);  // the 2027-Q1 entry of platform's mapping
  CHECK(f[1].message == "squad 'platform' plans 4 points in 2027-Q1, over its capacity of 3 by 1");
}

TEST_CASE("over-capacity: at capacity exactly, and past quarters of a mapping, are not reported")
{
  CHECK(rule_findings(
          {{"pops.yaml", k_config},
           {"roadmap/p.yaml", "squad: payments\nitems:\n"
                              "  - {id: PAY-1, title: A, status: planned, horizon: 2026-Q4, score: {effort: 5}}\n"},
           {"roadmap/q.yaml", "squad: platform\nitems:\n"
                              "  - {id: PLAT-1, title: A, status: shipped, horizon: 2026-Q3, score: {effort: 9}}\n"}},
          "over-capacity")
          .empty());
}
