// The rules of lib/check/rules_goals.cpp, each raised and not: key-result-unlinked,
// objective-stalled, initiative-slip, update-stale.

#include "../helpers.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace pops;
using pops::test::load_clean;
using pops::test::rule_findings;

namespace {

const std::string k_head = R"(version: 1
product: Test
squads:
  payments: {prefix: PAY}
people:
  alice: {name: Alice, squad: payments}
)";

pops::test::Lines lines(const std::vector<Finding>& f)
{
  pops::test::Lines out;
  for (const auto& x : f) {
    out.push_back(x.file + ":" + std::to_string(x.loc.line) + ": " + x.message);
  }
  return out;
}

}  // namespace

TEST_CASE("key-result-unlinked: an objective without key results, a key result with nothing, a missing series")
{
  const std::string cfg = k_head + R"(objectives:
  O1:
    title: Trust
    period: 2026-Q4
  O2:
    title: Speed
    period: 2026-Q4
    key_results:
      O2-KR1: {title: Nothing linked}
      O2-KR2: {title: Unknown series, baseline: 10, target: 5, series: {source: amplitude, key: refunds}}
      O2-KR3: {title: Linked}
)";
  const auto f = rule_findings({{"pops.yaml", cfg},
                                {"roadmap/p.yaml", "squad: payments\nitems:\n"
                                                   "  - {id: PAY-1, title: A, status: idea, key_results: [O2-KR3]}\n"}},
                               "key-result-unlinked");
  CHECK(lines(f)
        == pops::test::Lines{
          "pops.yaml:8: objective 'O1' has no key results; add one under its 'key_results'",
          "pops.yaml:15: key result 'O2-KR1' has nothing linked: give it a 'series', or list it in the "
          "'key_results' of the items that deliver it",
          "pops.yaml:16: key result 'O2-KR2' names series amplitude:refunds, which no metrics file holds; "
          "import it with 'pops adoption import' or fix 'series'"});
}

TEST_CASE("objective-stalled: two weeks into the quarter and no key result moved")
{
  const std::string cfg = k_head + R"(objectives:
  O1:
    title: Trust
    period: 2026-Q4
    key_results:
      O1-KR1: {title: Refunds}
)";
  const std::vector<SourceFile> none_shipped{{"pops.yaml", cfg},
                                             {"roadmap/p.yaml",
                                              "squad: payments\nitems:\n"
                                              "  - {id: PAY-1, title: A, status: in-progress, key_results: [O1-KR1]}\n"
                                              "  - {id: PAY-2, title: B, status: planned, key_results: [O1-KR1]}\n"}};
  const auto ws = load_clean(none_shipped);
  const auto f = rule_findings(ws, "objective-stalled", "2026-11-22");
  CHECK(lines(f)
        == pops::test::Lines{
          "pops.yaml:8: objective 'O1' of 2026-Q4 has made no progress since the period started on 2026-10-01"});
  // 13 days into the quarter: still within the grace period; 14: reported; after the quarter: not.
  CHECK(rule_findings(ws, "objective-stalled", "2026-10-14").empty());
  CHECK(rule_findings(ws, "objective-stalled", "2026-10-15").size() == 1);
  CHECK(rule_findings(ws, "objective-stalled", "2027-01-01").empty());
  // One of the two items shipped: the key result moved from 0 to 0.5.
  CHECK(rule_findings({{"pops.yaml", cfg},
                       {"roadmap/p.yaml", "squad: payments\nitems:\n"
                                          "  - {id: PAY-1, title: A, status: shipped, key_results: [O1-KR1]}\n"
                                          "  - {id: PAY-2, title: B, status: planned, key_results: [O1-KR1]}\n"}},
                      "objective-stalled")
          .empty());
}

TEST_CASE("initiative-slip: an item targeted after its initiative; a quarter target means its last day")
{
  const std::string cfg = k_head + R"(initiatives:
  INI-1: {title: Europe, owner: alice, target: 2026-12-31}
  INI-2: {title: Asia, target: 2027-Q1}
)";
  const auto f = rule_findings(
    {{"pops.yaml", cfg},
     {"roadmap/p.yaml",
      "squad: payments\nitems:\n"
      "  - {id: PAY-1, title: A, status: planned, initiative: INI-1, target: 2027-01-01}\n"
      "  - {id: PAY-2, title: B, status: planned, initiative: INI-1, target: 2026-12-31}\n"
      "  - {id: PAY-3, title: C, status: dropped, dropped_reason: no, initiative: INI-1, target: 2027-06-01}\n"
      "  - {id: PAY-4, title: D, status: planned, initiative: INI-2, target: 2027-03-31}\n"
      "  - {id: PAY-5, title: E, status: planned, initiative: INI-2, target: 2027-04-01}\n"}},
    "initiative-slip");
  CHECK(lines(f)
        == pops::test::Lines{"roadmap/p.yaml:3: PAY-1 targets 2027-01-01, after its initiative 'INI-1' (Europe, target "
                             "2026-12-31); move the item or the initiative's target",
                             "roadmap/p.yaml:7: PAY-5 targets 2027-04-01, after its initiative 'INI-2' (Asia, target "
                             "2027-Q1); move the item or the initiative's target"});
}

TEST_CASE("update-stale: an item in progress whose latest update is 14 days old or more")
{
  const std::string items = "squad: payments\nitems:\n"
                            "  - id: PAY-1\n    title: A\n    status: in-progress\n    updates:\n"
                            "      - {date: 2026-11-01, health: on-track}\n"
                            "      - {date: 2026-11-08, health: at-risk}\n"
                            "  - id: PAY-2\n    title: B\n    status: in-progress\n    updates:\n"
                            "      - {date: 2026-11-09, health: on-track}\n"
                            "  - id: PAY-3\n    title: C\n    status: planned\n    updates:\n"
                            "      - {date: 2026-01-01, health: on-track}\n"
                            "  - {id: PAY-4, title: D, status: in-progress}\n";
  const auto f = rule_findings({{"pops.yaml", k_head}, {"roadmap/p.yaml", items}}, "update-stale");
  // PAY-1: 2026-11-08 is 14 days before 2026-11-22; PAY-2 is 13 days; PAY-3 is not in progress;
  // PAY-4 has no update.
  CHECK(lines(f)
        == pops::test::Lines{"roadmap/p.yaml:8: PAY-1 is in progress and its latest update is 14 days old (2026-11-08, "
                             "at-risk); the limit is 14 days; add one with 'pops item update PAY-1 --health ...'"});
  // rules: update-stale: {days: N} sets the limit.
  const auto f7 = rule_findings(
    {{"pops.yaml", k_head + "rules:\n  update-stale: {days: 7}\n"}, {"roadmap/p.yaml", items}}, "update-stale");
  REQUIRE(f7.size() == 2);
  CHECK(f7[1].message.find("PAY-2 is in progress and its latest update is 13 days old") == 0);
  CHECK(f7[1].message.find("the limit is 7 days") != std::string::npos);
}
