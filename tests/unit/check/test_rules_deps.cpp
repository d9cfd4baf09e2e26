// The rules of lib/check/rules_deps.cpp: dependency-cycle (the shortest cycle from the smallest id,
// reported once per cycle) and dependency-order (shipped before its dependency, planned earlier).

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
  platform: {prefix: PLAT}
)";

std::vector<Finding> of(const std::string& items, const std::string& rule)
{
  return rule_findings({{"pops.yaml", k_config}, {"roadmap/p.yaml", "squad: payments\nitems:\n" + items}}, rule);
}

pops::test::Lines messages(const std::vector<Finding>& f)
{
  pops::test::Lines out;
  for (const auto& x : f) {
    out.push_back(std::to_string(x.loc.line) + ": " + x.message);
  }
  return out;
}

}  // namespace

TEST_CASE("dependency-cycle: a self-dependency and a three-item cycle, each reported once from its smallest id")
{
  const auto f = of("  - {id: PAY-3, title: C, status: idea, depends_on: [PAY-1]}\n"
                    "  - {id: PAY-1, title: A, status: idea, depends_on: [PAY-2]}\n"
                    "  - {id: PAY-2, title: B, status: idea, depends_on: [PAY-3]}\n"
                    "  - {id: PAY-4, title: D, status: idea, depends_on: [PAY-4]}\n",
                    "dependency-cycle");
  CHECK(messages(f)
        == pops::test::Lines{"4: dependency cycle: PAY-1 -> PAY-2 -> PAY-3 -> PAY-1",
                             "6: dependency cycle: PAY-4 -> PAY-4"});
  // Reported at the reference to the next item of the cycle.
  CHECK(f[0].loc.column == 54);
}

TEST_CASE("dependency-cycle: the shortest way round a component with a chord")
{
  // PAY-1 -> PAY-2 -> PAY-3 -> PAY-4 -> PAY-1, and PAY-1 -> PAY-4: the shortest is PAY-1 -> PAY-4 -> PAY-1.
  const auto f = of("  - {id: PAY-1, title: A, status: idea, depends_on: [PAY-2, PAY-4]}\n"
                    "  - {id: PAY-2, title: B, status: idea, depends_on: [PAY-3]}\n"
                    "  - {id: PAY-3, title: C, status: idea, depends_on: [PAY-4]}\n"
                    "  - {id: PAY-4, title: D, status: idea, depends_on: [PAY-1]}\n",
                    "dependency-cycle");
  CHECK(messages(f) == pops::test::Lines{"3: dependency cycle: PAY-1 -> PAY-4 -> PAY-1"});
}

TEST_CASE("dependency-cycle: a long cycle is shortened in the middle")
{
  std::string items;
  for (int i = 1; i <= 15; ++i) {
    items += "  - {id: PAY-" + std::to_string(i) + ", title: T" + std::to_string(i)
             + ", status: idea, depends_on: [PAY-" + std::to_string(i % 15 + 1) + "]}\n";
  }
  const auto f = of(items, "dependency-cycle");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message
        == "dependency cycle: PAY-1 -> PAY-2 -> PAY-3 -> PAY-4 -> PAY-5 -> PAY-6 -> PAY-7 -> PAY-8 -> "
           "PAY-9 -> PAY-10 -> ... (4 more) -> PAY-15 -> PAY-1");
}

TEST_CASE("dependency-cycle: a chain and a diamond are not cycles")
{
  CHECK(of("  - {id: PAY-1, title: A, status: idea, depends_on: [PAY-2, PAY-3]}\n"
           "  - {id: PAY-2, title: B, status: idea, depends_on: [PAY-4]}\n"
           "  - {id: PAY-3, title: C, status: idea, depends_on: [PAY-4]}\n"
           "  - {id: PAY-4, title: D, status: idea}\n",
           "dependency-cycle")
          .empty());
}

TEST_CASE("dependency-order: shipped before its dependency, or planned for an earlier horizon or quarter")
{
  const auto f = of("  - {id: PAY-1, title: A, status: shipped, depends_on: [PAY-2]}\n"
                    "  - {id: PAY-2, title: B, status: in-progress, horizon: next}\n"
                    "  - {id: PAY-3, title: C, status: planned, horizon: now, depends_on: [PAY-2]}\n"
                    "  - {id: PAY-4, title: D, status: planned, horizon: 2027-Q1, depends_on: [PAY-5]}\n"
                    "  - {id: PAY-5, title: E, status: planned, horizon: 2027-Q2}\n",
                    "dependency-order");
  CHECK(messages(f)
        == pops::test::Lines{"3: PAY-1 is shipped but depends on PAY-2, which is 'in-progress'",
                             "5: PAY-3 is planned for 'now' but depends on PAY-2, planned for 'next'",
                             "6: PAY-4 is planned for '2027-Q1' but depends on PAY-5, planned for '2027-Q2'"});
}

TEST_CASE("dependency-order: same or later horizons, shipped or dropped dependencies, quarter against horizon")
{
  CHECK(of("  - {id: PAY-1, title: A, status: planned, horizon: next, depends_on: [PAY-2, PAY-3, PAY-4]}\n"
           "  - {id: PAY-2, title: B, status: planned, horizon: now}\n"
           "  - {id: PAY-3, title: C, status: shipped, horizon: later}\n"
           "  - {id: PAY-4, title: D, status: dropped, dropped_reason: no, horizon: later}\n"
           "  - {id: PAY-5, title: E, status: planned, horizon: 2027-Q1, depends_on: [PAY-6]}\n"
           "  - {id: PAY-6, title: F, status: planned, horizon: later}\n"
           "  - {id: PAY-7, title: G, status: shipped, depends_on: [PAY-3]}\n"
           "  - {id: PAY-8, title: H, status: dropped, dropped_reason: no, horizon: now, depends_on: [PAY-6]}\n",
           "dependency-order")
          .empty());
}
