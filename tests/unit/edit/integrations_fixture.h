#pragma once
// The workspace the unit tests of pops import and pops export (test_integrations, test_tool_import,
// test_export) read: pops.yaml with a Jira mapping and a custom field, and one roadmap file.

#include "edit/integrations.h"

#include <string>
#include <vector>

namespace pops::integrations_fixture {

inline const std::string k_config = R"(version: 1
product: Test
squads:
  payments: {name: Payments, prefix: PAY}
  platform: {name: Platform, prefix: PLAT}
people:
  alice: {name: Alice Park, email: alice@example.com}
  bo: {name: Bo Lind}
fields:
  risk: {type: enum, values: [low, high]}
)";

inline const std::string k_roadmap = R"(# Payments roadmap. Keep this comment.
squad: payments
items:
  - id: PAY-1
    title: Refunds   # short name
    status: planned
    links: {jira: PAY-900}
  - id: PAY-2
    title: Payouts
    status: in-progress
)";

inline EditSession session(const std::string& config = k_config)
{
  return EditSession::of("/ws", {{"pops.yaml", config}, {"roadmap/payments.yaml", k_roadmap}});
}

inline const std::string k_head = "Summary,Issue key,Status,Assignee,Due date,Labels,Labels,Custom field (Risk)\n";

inline std::vector<Finding> schema_findings(const EditSession& s)
{
  std::vector<Finding> out;
  for (const auto& f : s.ws.findings) {
    if (f.rule == "schema") {
      out.push_back(f);
    }
  }
  return out;
}

}  // namespace pops::integrations_fixture
