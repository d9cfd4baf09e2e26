// The transition rules of lib/check/rules_transition.cpp (pops check --base): status-regression,
// item-removed, id-reused, target-slip, each raised and not.

#include "../helpers.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace pops;
using pops::test::load_clean;
using pops::test::rule_findings;

namespace {

const std::string k_config = R"(version: 1
product: Test
squads:
  payments: {prefix: PAY}
feedback_sources: [sales]
)";

Workspace ws_of(const std::string& items, const std::string& feedback = "")
{
  std::vector<SourceFile> files{{"pops.yaml", k_config}, {"roadmap/p.yaml", "squad: payments\nitems:\n" + items}};
  if (!feedback.empty()) {
    files.push_back({"feedback/2026-11.yaml", "entries:\n" + feedback});
  }
  return load_clean(files);
}

pops::test::Lines lines(const std::vector<Finding>& f)
{
  pops::test::Lines out;
  for (const auto& x : f) {
    out.push_back(x.file + ":" + std::to_string(x.loc.line) + ": " + x.message);
  }
  return out;
}

}  // namespace

TEST_CASE("status-regression: a status moved back in the workflow, unless reopened or dropped")
{
  const Workspace base = ws_of("  - {id: PAY-1, title: A, status: in-progress}\n"
                               "  - {id: PAY-2, title: B, status: shipped}\n"
                               "  - {id: PAY-3, title: C, status: planned}\n"
                               "  - {id: PAY-4, title: D, status: idea}\n");
  const Workspace now = ws_of("  - {id: PAY-1, title: A, status: planned}\n"
                              "  - {id: PAY-2, title: B, status: in-progress, reopened: true}\n"
                              "  - {id: PAY-3, title: C, status: dropped, dropped_reason: no}\n"
                              "  - {id: PAY-4, title: D, status: planned}\n");
  CHECK(lines(rule_findings(now, "status-regression", "2026-11-22", &base))
        == pops::test::Lines{"roadmap/p.yaml:3: PAY-1 moved back from 'in-progress' to 'planned'; set "
                             "'reopened: true' on the item if that is intended"});
  // Without a base, no transition rule runs.
  CHECK(rule_findings(now, "status-regression").empty());
}

TEST_CASE("item-removed: a deleted item or feedback entry; a dropped item is not")
{
  const Workspace base = ws_of("  - {id: PAY-1, title: Refunds, status: idea}\n"
                               "  - {id: PAY-2, title: B, status: idea}\n",
                               "  - {id: FB-1, date: 2026-11-02, source: sales, summary: Want refunds}\n");
  const Workspace now = ws_of("  - {id: PAY-2, title: B, status: dropped, dropped_reason: no}\n", "");
  const auto f = rule_findings(now, "item-removed", "2026-11-22", &base);
  REQUIRE(f.size() == 2);
  CHECK(f[0].message == "feedback FB-1 was deleted; feedback is evidence and is never deleted, restore it");
  CHECK(f[1].message
        == "item PAY-1 ('Refunds') was deleted; items leave the roadmap with 'status: dropped' and a "
           "'dropped_reason', so restore it and drop it instead");
  CHECK(f[1].file == "roadmap/p.yaml");
  CHECK(rule_findings(base, "item-removed", "2026-11-22", &base).empty());
}

TEST_CASE("id-reused: an id whose title now names something else; a reworded title is not")
{
  const Workspace base = ws_of("  - {id: PAY-1, title: One-click refunds, status: idea}\n"
                               "  - {id: PAY-2, title: Refund limits, status: idea}\n"
                               "  - {id: PAY-3, title: Ledger export, status: idea}\n");
  const Workspace now = ws_of("  - {id: PAY-1, title: Dark mode, status: idea}\n"
                              "  - {id: PAY-2, title: Refund limits per merchant, status: idea}\n"
                              "  - {id: PAY-3, title: Ledger exports, status: idea}\n");
  CHECK(lines(rule_findings(now, "id-reused", "2026-11-22", &base))
        == pops::test::Lines{"roadmap/p.yaml:3: PAY-1 named 'One-click refunds' in the base and now names "
                             "'Dark mode'; give the new item the next free id and keep PAY-1 for the old one"});
}

TEST_CASE("target-slip: a target moved later, in days; an earlier target is not")
{
  const Workspace base = ws_of("  - {id: PAY-1, title: A, status: planned, target: 2026-12-01}\n"
                               "  - {id: PAY-2, title: B, status: planned, target: 2026-12-01}\n"
                               "  - {id: PAY-3, title: C, status: planned, target: 2026-12-01}\n");
  const Workspace now = ws_of("  - {id: PAY-1, title: A, status: planned, target: 2027-01-15}\n"
                              "  - {id: PAY-2, title: B, status: planned, target: 2026-12-02}\n"
                              "  - {id: PAY-3, title: C, status: planned, target: 2026-11-30}\n");
  CHECK(lines(rule_findings(now, "target-slip", "2026-11-22", &base))
        == pops::test::Lines{"roadmap/p.yaml:3: target of PAY-1 moved from 2026-12-01 to 2027-01-15, 45 days later",
                             "roadmap/p.yaml:4: target of PAY-2 moved from 2026-12-01 to 2026-12-02, 1 day later"});
}
