#pragma once
// The workspace the unit tests of the edit operations (test_item_ops, test_feedback_ops, test_plan)
// edit: pops.yaml with three squads and custom fields, two roadmap files, one feedback file.

#include "edit/ops.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace pops::ops_fixture {

inline const char* k_config = R"(version: 1
product: Test
squads:
  payments: {prefix: PAY, lead: alice}
  platform: {prefix: PLAT}
  growth: {prefix: GRW}
people:
  alice: {name: Alice, squad: payments}
  bo: {name: Bo}
fields:
  risk: {type: enum, values: [low, high]}
  effort_days: {type: number}
  regions: {type: list}
)";

inline const char* k_payments = R"(# Payments.
squad: payments
items:
    -   id: PAY-1
        title: Refunds   # short
        status: planned
        owner: alice
        depends_on:
        - PLAT-2

    -   id: PAY-7
        title: "Payouts"
        status: idea
)";

inline const char* k_misc = "items:\n"
                            "  - {id: PLAT-2, title: Ledger, status: planned, squad: platform}\n"
                            "  - id: PAY-9\n"
                            "    title: Stray\n"
                            "    status: idea\n"
                            "    squad: payments\n";

inline const char* k_feedback = "entries:\n"
                                "  - id: FB-3\n"
                                "    date: 2026-11-02\n"
                                "    source: support\n"
                                "    customer: Acme\n"
                                "    quote: \"Refunds are slow\"\n"
                                "    items: [PAY-1]\n";

inline EditSession session(std::vector<SourceFile> extra = {})
{
  std::vector<SourceFile> files = {{"pops.yaml", k_config},
                                   {"roadmap/payments.yaml", k_payments},
                                   {"roadmap/misc.yaml", k_misc},
                                   {"feedback/2026-11.yaml", k_feedback}};
  for (auto& f : extra) {
    files.push_back(std::move(f));
  }
  std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  return EditSession::of("/nowhere", std::move(files));
}

inline const FileChange& only(const EditPlan& p)
{
  REQUIRE(p.changes.size() == 1);
  return p.changes.front();
}

inline Date day(const char* d)
{
  return *parse_date(d);
}

}  // namespace pops::ops_fixture
