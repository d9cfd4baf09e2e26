#include "edit/integrations.h"

#include "integrations_fixture.h"
#include "check/check.h"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

using namespace pops;
using namespace pops::integrations_fixture;

TEST_CASE("integrations: exports")
{
  EditSession s = session();
  const std::string items = export_items_csv(s.ws);
  CHECK(items.substr(0, items.find('\n'))
        == "id,title,status,squad,horizon,owner,target,depends_on,tags,okr,links,score,success,description,"
           "dropped_reason,reopened,moved_from,file,risk");
  CHECK(items.find("PAY-1,Refunds,planned,payments,,,,,,,jira=PAY-900,,,,,,,roadmap/payments.yaml,\n")
        != std::string::npos);
  const std::string jira = export_jira_csv(s.ws);
  CHECK(jira
        == "Issue key,Summary,Issue Type,Status,Description,Assignee,Due date,Labels,pops id\n"
           "PAY-900,Refunds,Epic,To Do,,,,,PAY-1\n"
           "PAY-2,Payouts,Epic,In Progress,,,,,PAY-2\n");
  // Into the same workspace it is a no-op: PAY-1 by its link, PAY-2 by the pops id column.
  ToolImportResult same = plan_tool_import(s, jira, "jira", "e.csv", {});
  CHECK(same.added == 0);
  CHECK(same.updated == 0);
  CHECK(same.unchanged == 2);
  CHECK(same.plan.empty());
  // The Jira export imports back into the same titles and statuses.
  EditSession fresh = EditSession::of("/ws2", {{"pops.yaml", k_config}});
  ToolImportResult back = plan_tool_import(fresh, jira, "jira", "e.csv", {});
  CHECK(back.added == 2);
  REQUIRE(back.plan.changes.size() == 1);
  CHECK(back.plan.changes[0].after.find("title: Refunds\n    status: planned\n") != std::string::npos);
  CHECK(back.plan.changes[0].after.find("title: Payouts\n    status: in-progress\n") != std::string::npos);

  const auto j = nlohmann::json::parse(export_json(s.ws));
  CHECK(j["format"] == "pops-export");
  CHECK(j["version"] == 1);
  CHECK(j["product"] == "Test");
  REQUIRE(j["items"].size() == 2);
  CHECK(j["items"][0]["links"]["jira"] == "PAY-900");
  CHECK(j["items"][0]["squad"] == "payments");
  CHECK(j["items"][1]["owner"].is_null());
  CHECK(j["squads"][1]["prefix"] == "PLAT");
  CHECK(j["people"][0]["email"] == "alice@example.com");
  for (const char* k : {"squads", "people", "items", "feedback", "docs", "rituals", "fields", "statuses"}) {
    CHECK(j.contains(k));
  }
}
