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

TEST_CASE("integrations: import adds, updates only what changed, leaves the rest")
{
  EditSession s = session(k_config + "integrations:\n  jira:\n    fields: {\"Custom field (Risk)\": risk}\n");
  const std::string csv = k_head + "Refunds,PAY-900,To Do,,,,,\n"                                      // unchanged
                          + "Ledger,PLAT-5,In Progress,Bo Lind,15/Dec/26 12:00 AM,ledger,core,high\n"  // new
                          + "Wallets,PAY-901,Done,alice@example.com,,,,\n";                            // new
  ToolImportResult r = plan_tool_import(s, csv, "jira", "j.csv", {});
  CHECK(r.rows == 3);
  CHECK(r.added == 2);
  CHECK(r.updated == 0);
  CHECK(r.unchanged == 1);
  CHECK(r.messages.empty());
  REQUIRE(r.added_ids == std::vector<std::string>{"PLAT-1", "PAY-3"});
  REQUIRE(r.plan.changes.size() == 2);
  const FileChange* plat = nullptr;
  const FileChange* pay = nullptr;
  for (const auto& c : r.plan.changes) {
    (c.path == "roadmap/platform.yaml" ? plat : pay) = &c;
  }
  REQUIRE(plat);
  REQUIRE(pay);
  CHECK(plat->created);
  CHECK(plat->after
        == "squad: platform\nitems:\n  - id: PLAT-1\n    title: Ledger\n    status: in-progress\n"
           "    owner: bo\n    target: 2026-12-15\n    tags: [ledger, core]\n    links: {jira: PLAT-5}\n"
           "    risk: high\n");
  CHECK(pay->after
        == k_roadmap
             + "  - id: PAY-3\n    title: Wallets\n    status: shipped\n    owner: alice\n"
               "    links: {jira: PAY-901}\n");

  SUBCASE("a status change is one line")
  {
    const std::string csv2 = k_head + "Refunds,PAY-900,In Progress,,,,,\n";
    ToolImportResult r2 = plan_tool_import(s, csv2, "jira", "j.csv", {});
    CHECK(r2.updated == 1);
    CHECK(r2.updated_ids == std::vector<std::string>{"PAY-1"});
    REQUIRE(r2.plan.changes.size() == 1);
    std::string want = k_roadmap;
    want.replace(want.find("status: planned"), 15, "status: in-progress");
    CHECK(r2.plan.changes[0].after == want);
  }
  SUBCASE("dropped in the tool: status and reason; back again: reopened")
  {
    ToolImportResult r2 = plan_tool_import(s, k_head + "Refunds,PAY-900,Won't Do,,,,,\n", "jira", "j.csv", {});
    REQUIRE(r2.plan.changes.size() == 1);
    CHECK(r2.plan.changes[0].after.find("status: dropped\n    dropped_reason: Dropped in Jira (Won't Do)\n")
          != std::string::npos);
    EditSession s2 =
      EditSession::of("/ws", {{"pops.yaml", k_config}, {"roadmap/payments.yaml", r2.plan.changes[0].after}});
    ToolImportResult r3 = plan_tool_import(s2, k_head + "Refunds,PAY-900,To Do,,,,,\n", "jira", "j.csv", {});
    REQUIRE(r3.plan.changes.size() == 1);
    const std::string& t = r3.plan.changes[0].after;
    CHECK(t.find("dropped_reason") == std::string::npos);
    CHECK(t.find("status: planned") != std::string::npos);
    CHECK(t.find("reopened: true") != std::string::npos);
    CHECK(t.find("# short name") != std::string::npos);
  }
}

TEST_CASE("integrations: rows that cannot be imported are located and left out; cells that do not map warn")
{
  EditSession s = session();
  const std::string csv = k_head + "A,PAY-5,Blocked,,,,,\n"     // line 2: unknown status
                          + "B,PAYX-1,To Do,,,,,\n"             // line 3: unknown squad
                          + "C,PAY-6,To Do,Zed,31/Foo/26,,,\n"  // line 4: bad date (and a warning)
                          + ",PAY-7,To Do,,,,,\n"               // line 5: no title
                          + "D,PAY-8,To Do\n"                   // line 6: short row
                          + "E,PAY-9,To Do,,,,,\n"              // line 7: fine
                          + "F,PAY-9,To Do,,,,,\n";             // line 8: the key again
  ToolImportResult r = plan_tool_import(s, csv, "jira", "j.csv", {});
  CHECK(r.rows == 7);
  CHECK(r.skipped == 4);
  CHECK(r.added == 3);
  auto has = [&](int line, int column, const std::string& text, bool error = true) {
    return std::any_of(r.messages.begin(), r.messages.end(), [&](const ToolImportMessage& m) {
      return m.line == line && m.column == column && m.error == error && m.message.find(text) != std::string::npos;
    });
  };
  CHECK(has(2, 9,
            "unknown Jira status 'Blocked'; the item is added as 'idea', the first status; map it in pops.yaml, "
            "e.g. integrations: {jira: {statuses: {\"Blocked\": idea}}}",
            false));
  CHECK(has(3, 3, "unknown squad 'PAYX' (did you mean 'PAY'?)"));
  CHECK(has(4, 19, "'Due date' is not a date: '31/Foo/26'; the target is left unset", false));
  CHECK(has(4, 15, "'Assignee' 'Zed' is nobody in pops.yaml's people", false));
  CHECK(has(5, 1, "no title: 'Summary' is empty"));
  CHECK(has(6, 0, "the row has 3 fields, the header 8"));
  CHECK(has(8, 3, "PAY-9 is in the file twice (first at line 7)"));
  CHECK(r.messages.size() == 7);
}

TEST_CASE("integrations: whole-import errors")
{
  EditSession s = session();
  CHECK_THROWS_WITH_AS(plan_tool_import(s, "Title,Status\nx,y\n", "jira", "j.csv", {}),
                       "'j.csv' has no column for the key of an item", OpError);
  CHECK_THROWS_WITH_AS(plan_tool_import(s, "", "jira", "j.csv", {}), "'j.csv' has no header row", OpError);
  CHECK_THROWS_WITH_AS(plan_tool_import(s, "a\n", "jiar", "j.csv", {}), "unknown tool 'jiar' (did you mean 'jira'?)",
                       OpError);
}

TEST_CASE("integrations: many updates in one file are edited entry by entry, with the same result")
{
  std::string roadmap = "# Many items.\nsquad: payments\nitems:\n";
  std::string csv = k_head;
  for (int i = 1; i <= 12; ++i) {
    roadmap +=
      fmt::format("  - id: PAY-{}\n    title: Item {}   # {}\n    status: planned\n    links: {{jira: PAY-{}}}\n\n", i,
                  i, i, 100 + i);
    csv += fmt::format("Item {},PAY-{},{},,,,,\n", i, 100 + i, i % 2 == 0 ? "In Progress" : "To Do");
  }
  roadmap += "# the end\n";
  EditSession s = EditSession::of("/ws", {{"pops.yaml", k_config}, {"roadmap/payments.yaml", roadmap}});
  ToolImportResult r = plan_tool_import(s, csv, "jira", "j.csv", {});
  CHECK(r.updated == 6);
  CHECK(r.unchanged == 6);
  REQUIRE(r.plan.changes.size() == 1);
  std::string want = roadmap;
  for (int i = 2; i <= 12; i += 2) {
    const std::string from = fmt::format("# {}\n    status: planned", i);
    want.replace(want.find(from), from.size(), fmt::format("# {}\n    status: in-progress", i));
  }
  CHECK(r.plan.changes[0].after == want);
  // A layout the entry-by-entry path does not take (a key after items:) gives the same result.
  auto squad_last = [](std::string t) {
    t.erase(t.find("squad: payments\n"), 16);
    return t + "squad: payments\n";
  };
  EditSession s2 = EditSession::of("/ws", {{"pops.yaml", k_config}, {"roadmap/payments.yaml", squad_last(roadmap)}});
  ToolImportResult r2 = plan_tool_import(s2, csv, "jira", "j.csv", {});
  CHECK(r2.updated == 6);
  REQUIRE(r2.plan.changes.size() == 1);
  CHECK(r2.plan.changes[0].after == squad_last(want));
}

TEST_CASE("integrations: people, ignored columns, default squad and custom fields from pops.yaml")
{
  EditSession s = session(k_config
                          + "integrations:\n  linear:\n    people: {\"Al P.\": alice}\n"
                            "    fields: {Labels: null, Risk: risk, Cycle: okr}\n    squad: platform\n");
  REQUIRE(schema_findings(s).empty());
  const std::string csv = "ID,Team,Title,Status,Assignee,Labels,Risk,Cycle\n"
                          "ENG-1,,Gateway,Todo,Al P.,\"a, b\",High,Cycle 14\n"
                          "ENG-2,,Cache,Todo,,,extreme,\n";
  ToolImportResult r = plan_tool_import(s, csv, "linear", "l.csv", {});
  CHECK(r.added == 2);
  CHECK(r.skipped == 0);
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0].line == 3);
  CHECK(r.messages[0].column == 21);
  CHECK(!r.messages[0].error);
  CHECK(r.messages[0].message
        == "'Risk' 'extreme' is not a value of the field 'risk'; the risk is left unset; the values are low, high");
  REQUIRE(r.plan.changes.size() == 1);
  CHECK(r.plan.changes[0].path == "roadmap/platform.yaml");
  CHECK(r.plan.changes[0].after
        == "squad: platform\nitems:\n  - id: PLAT-1\n    title: Gateway\n    status: planned\n"
           "    owner: alice\n    okr: Cycle 14\n    links: {linear: ENG-1}\n    risk: high\n"
           "  - id: PLAT-2\n    title: Cache\n    status: planned\n    links: {linear: ENG-2}\n");
  CHECK(r.added_by_squad
        == std::vector<std::pair<std::string, std::vector<std::string>>>{{"platform", {"PLAT-1", "PLAT-2"}}});
}

TEST_CASE("integrations: a status pops does not know falls back to the export's category; an item keeps its own")
{
  EditSession s = session();
  // Jira: Status Category; a BOM, CRLF and the repeated Labels columns of a real export.
  const std::string csv = "\xEF\xBB\xBFSummary,Issue key,Status,Status Category,Labels,Labels\r\n"
                          "QA pass,PAY-910,Ready for QA,In Progress,qa,\r\n"
                          "Legal,PAY-911,Blocked by Legal,To Do,,legal\r\n"
                          "Old,PAY-912,Verified,Done,,\r\n"
                          "Odd,PAY-913,Parked,,,\r\n"
                          "Refunds,PAY-900,Blocked by Legal,,,\r\n";  // PAY-1, planned: stays planned
  ToolImportResult r = plan_tool_import(s, csv, "jira", "j.csv", {});
  CHECK(r.skipped == 0);
  CHECK(r.added == 4);
  CHECK(r.unchanged == 1);
  REQUIRE(r.plan.changes.size() == 1);
  const std::string& t = r.plan.changes[0].after;
  CHECK(t.find("title: QA pass\n    status: in-progress\n    tags: [qa]") != std::string::npos);
  CHECK(t.find("title: Legal\n    status: planned\n    tags: [legal]") != std::string::npos);
  CHECK(t.find("title: Old\n    status: shipped") != std::string::npos);
  CHECK(t.find("title: Odd\n    status: idea") != std::string::npos);
  auto msg = [&](int line) {
    for (const auto& m : r.messages) {
      if (m.line == line) {
        CHECK(!m.error);
        return m.message;
      }
    }
    return std::string("(none)");
  };
  CHECK(msg(2)
        == "unknown Jira status 'Ready for QA'; imported as 'in-progress' by its 'Status Category' 'In Progress'; "
           "map it in pops.yaml, e.g. integrations: {jira: {statuses: {\"Ready for QA\": idea}}}");
  CHECK(msg(5)
        == "unknown Jira status 'Parked'; the item is added as 'idea', the first status; map it in pops.yaml, "
           "e.g. integrations: {jira: {statuses: {\"Parked\": idea}}}");
  CHECK(msg(6).find("the status is left as it is ('planned')") != std::string::npos);

  // Linear: the state type.
  const std::string lin = "ID,Title,Status,Status Type,Team\n"
                          "ENG-1,Gateway,QA,started,Platform\n"
                          "ENG-2,Cache,Parked,canceled,Platform\n";
  ToolImportResult l = plan_tool_import(s, lin, "linear", "l.csv", {});
  CHECK(l.added == 2);
  REQUIRE(l.plan.changes.size() == 1);
  CHECK(l.plan.changes[0].after.find("title: Gateway\n    status: in-progress") != std::string::npos);
  CHECK(
    l.plan.changes[0].after.find("title: Cache\n    status: dropped\n    dropped_reason: Dropped in Linear (Parked)")
    != std::string::npos);
}

TEST_CASE("integrations: several teams give the first that is a squad; cells that do not map warn")
{
  EditSession s = session();
  const std::string csv =
    "Feature ID,Feature name,Status,Teams,Description\n"
    "pb-1,Wallets,Planned,\"Payments, Growth\",\"<p>Hold <b>several</b> currencies.</p><ul><li>EUR</li>"
    "<li>USD</li></ul>\"\n"
    "pb-2,Ledger,Planned,\"Growth; Platform\",plain text\n";
  ToolImportResult r = plan_tool_import(s, csv, "productboard", "p.csv", {});
  CHECK(r.added == 2);
  CHECK(r.skipped == 0);
  REQUIRE(r.messages.size() == 2);
  CHECK(r.messages[0].message
        == "'Teams' 'Payments, Growth' names several squads; the item goes to 'payments', the first "
           "one; to choose, import with --squad or map the cell, e.g. integrations: {productboard: "
           "{squads: {\"Payments, Growth\": payments}}}");
  CHECK(r.messages[1].message.find("'Growth; Platform' names several squads; the item goes to 'platform'") == 8);
  REQUIRE(r.plan.changes.size() == 2);
  const std::string& pay =
    r.plan.changes[0].path == "roadmap/payments.yaml" ? r.plan.changes[0].after : r.plan.changes[1].after;
  CHECK(pay.find("description: \"Hold **several** currencies.\\n\\n- EUR\\n- USD\"") != std::string::npos);
  CHECK(r.added_by_squad
        == std::vector<std::pair<std::string, std::vector<std::string>>>{{"payments", {"PAY-3"}},
                                                                         {"platform", {"PLAT-1"}}});
}

TEST_CASE("integrations: --squad puts every row in one squad; --map reads a column into a field")
{
  EditSession s = session();
  const std::string csv = "Summary,Issue key,Status,Fix Version/s,Sprint goal\n"
                          "A,OPS-1,To Do,2026.12,Cut latency\n"
                          "B,OPS-2,To Do,2027-Q1,\n";
  ToolImportOptions o;
  o.squad = "platform";
  o.maps = {"Fix Version/s=horizon", " sprint goal = okr "};
  ToolImportResult r = plan_tool_import(s, csv, "jira", "j.csv", {}, o);
  CHECK(r.added == 2);
  CHECK(r.skipped == 0);
  REQUIRE(r.plan.changes.size() == 1);
  CHECK(r.plan.changes[0].path == "roadmap/platform.yaml");
  const std::string& t = r.plan.changes[0].after;
  CHECK(t.find("title: A\n    status: planned\n    okr: Cut latency\n    links: {jira: OPS-1}") != std::string::npos);
  CHECK(t.find("title: B\n    status: planned\n    horizon: 2027-Q1") != std::string::npos);
  REQUIRE(r.messages.size() == 1);
  CHECK(!r.messages[0].error);
  CHECK(r.messages[0].column == 15);
  CHECK(r.messages[0].message.starts_with("'Fix Version/s' '2026.12' is not a horizon; the horizon is left unset; the "
                                          "horizons are now, next, later or a quarter such as 2027-Q1"));
  // Without --squad, OPS is no squad: new rows are left out, located, and the fix named.
  ToolImportResult r2 = plan_tool_import(s, csv, "jira", "j.csv", {});
  CHECK(r2.skipped == 2);
  CHECK(r2.messages[0].message.find("or import with --squad") != std::string::npos);
  ToolImportOptions bad;
  bad.squad = "paymnts";
  CHECK_THROWS_WITH_AS(plan_tool_import(s, csv, "jira", "j.csv", {}, bad),
                       "--squad: unknown squad 'paymnts' (did you mean 'payments'?)", OpError);
  bad = {};
  bad.maps = {"Fix Version=horizon"};
  CHECK_THROWS_WITH_AS(
    plan_tool_import(s, csv, "jira", "j.csv", {}, bad),
    "--map 'Fix Version=horizon': 'j.csv' has no column 'Fix Version' (did you mean 'Fix Version/s'?)", OpError);
  bad.maps = {"Fix Version/s=horizn"};
  CHECK_THROWS_WITH_AS(plan_tool_import(s, csv, "jira", "j.csv", {}, bad),
                       "--map 'Fix Version/s=horizn': unknown field 'horizn' (did you mean 'horizon'?)", OpError);
  bad.maps = {"horizon"};
  CHECK_THROWS_WITH_AS(plan_tool_import(s, csv, "jira", "j.csv", {}, bad), "--map 'horizon' is not COLUMN=FIELD",
                       OpError);
}
