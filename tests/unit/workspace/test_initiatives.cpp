// Initiatives (pops.yaml `initiatives:`, format 1.3) and health-rated updates: reading them, the
// roll-up (progress through goals.h's items_progress, latest item target), and the rules
// initiative-slip, update-stale (13/14/15 days at the default limit, a configured limit) and
// unknown-ref. Every expectation is computed by hand in the comments.

#include "check/check.h"
#include "workspace/config.h"
#include "workspace/initiatives.h"
#include "workspace/workspace.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace pops;

namespace {

const std::string k_config = R"(version: 1
product: Test
squads:
  payments: {prefix: PAY}
  platform: {prefix: PLAT}
people:
  alice: {name: Alice, email: alice@example.com}
initiatives:
  INI-1:
    title: Self-serve refunds
    owner: alice
    target: 2027-Q1
    updates:
      - {date: 2027-01-10, health: at-risk, note: Ledger API late}
  INI-2:
    title: Nothing yet
    target: 2027-02-15
)";

// INI-1: PAY-1 shipped (effort 5), PAY-2 in progress (effort 3), PLAT-1 planned (effort 2), PAY-3
// dropped (left out). Progress by effort: 5 / (5 + 3 + 2) = 0.5. Latest item target: 2027-04-10
// (PLAT-1), after the initiative's 2027-03-31 (the last day of 2027-Q1).
const std::string k_pay = R"(squad: payments
items:
  - {id: PAY-1, title: Refund API, status: shipped, initiative: INI-1, target: 2027-01-20, score: {effort: 5}}
  - id: PAY-2
    title: Refund button
    status: in-progress
    initiative: INI-1
    target: 2027-03-01
    score: {effort: 3}
    updates:
      - {date: 2027-01-02, health: on-track, note: started}
      - {date: 2027-01-05, health: at-risk, note: design late, author: alice}
  - {id: PAY-3, title: Refund fax, status: dropped, dropped_reason: no, initiative: INI-1, target: 2027-09-01}
  - {id: PAY-4, title: Unknown one, status: planned, initiative: INI-9}
)";

const std::string k_plat = R"(squad: platform
items:
  - {id: PLAT-1, title: Ledger API, status: planned, initiative: INI-1, target: 2027-04-10, score: {effort: 2}}
)";

Workspace load(const std::string& config)
{
  return load_workspace(
    "/nowhere", {{"pops.yaml", config}, {"roadmap/payments.yaml", k_pay}, {"roadmap/platform.yaml", k_plat}}, 1);
}

std::vector<Finding> findings(const Workspace& ws, const char* today, std::string_view rule)
{
  CheckOptions o;
  o.today = *parse_date(today);
  std::vector<Finding> out;
  for (const auto& f : check_workspace(ws, o).findings) {
    if (f.rule == rule) {
      out.push_back(f);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("initiatives and updates are read from pops.yaml and roadmap files")
{
  const Workspace ws = load(k_config);
  CHECK(std::none_of(ws.findings.begin(), ws.findings.end(), [](const Finding& f) { return f.rule == "schema"; }));
  REQUIRE(ws.config.initiatives.size() == 2);
  const Initiative& in = ws.config.initiatives[0];
  CHECK(in.owner.value == "alice");
  REQUIRE(in.target_date);
  CHECK(format_date(*in.target_date) == "2027-03-31");  // the last day of 2027-Q1
  CHECK(format_date(*ws.config.initiatives[1].target_date) == "2027-02-15");
  REQUIRE(in.updates.size() == 1);
  CHECK(in.updates[0].health.value == "at-risk");
  const Item* pay2 = ws.item("PAY-2");
  REQUIRE(pay2);
  CHECK(pay2->initiative.value == "INI-1");
  REQUIRE(pay2->updates.size() == 2);
  const Update* u = latest_update(pay2->updates);
  REQUIRE(u);
  CHECK(format_date(u->date.value) == "2027-01-05");
  CHECK(u->author.value == "alice");
  CHECK(update_stale_days(ws.config) == 14);
}

TEST_CASE("a wrong health, target or update is a schema finding with a suggestion")
{
  std::string bad = k_config;
  bad.replace(bad.find("health: at-risk"), 15, "health: at-rsik");
  bad.replace(bad.find("target: 2027-02-15"), 18, "target: soon");
  const Workspace ws = load(bad);
  std::vector<std::string> messages;
  for (const auto& f : ws.findings) {
    if (f.rule == "schema") {
      messages.push_back(f.message);
    }
  }
  CHECK(std::find(messages.begin(), messages.end(), "unknown health 'at-rsik' (did you mean 'at-risk'?)")
        != messages.end());
  CHECK(std::find(messages.begin(), messages.end(),
                  "'target' of initiative 'INI-2' must be a date YYYY-MM-DD or a quarter YYYY-Qn, found 'soon'")
        != messages.end());
  // The entry with the wrong health is no health: INI-1 has no latest update.
  CHECK(latest_update(ws.config.initiatives[0].updates) == nullptr);
}

TEST_CASE("an initiative's progress is items_progress of its items; the latest target is its items' latest")
{
  const Workspace ws = load(k_config);
  const auto all = compute_initiatives(ws);
  REQUIRE(all.size() == 2);
  const InitiativeRollup& r = all[0];
  REQUIRE(r.items.size() == 4);  // PAY-1, PAY-2, PAY-3 (dropped), PLAT-1 in workspace order
  CHECK(r.items[3]->id.value == "PLAT-1");
  REQUIRE(r.progress.progress);
  CHECK(r.progress.by_effort);
  CHECK(*r.progress.progress == doctest::Approx(0.5));  // 5 / (5 + 3 + 2)
  CHECK(r.progress.done == 5);
  CHECK(r.progress.total == 10);
  REQUIRE(r.latest_item_target);
  CHECK(format_date(*r.latest_item_target) == "2027-04-10");  // PAY-3 (2027-09-01) is dropped
  CHECK(r.latest_item->id.value == "PLAT-1");
  // Without effort on one item, by count: 1 shipped of 3 counted.
  std::string plat = k_plat;
  const Workspace ws2 =
    load_workspace("/nowhere",
                   {{"pops.yaml", k_config},
                    {"roadmap/payments.yaml", k_pay},
                    {"roadmap/platform.yaml", plat.replace(plat.find(", score: {effort: 2}"), 20, "")}},
                   1);
  const auto r2 = rollup_initiative(ws2, ws2.config.initiatives[0]);
  CHECK_FALSE(r2.progress.by_effort);
  CHECK(*r2.progress.progress == doctest::Approx(1.0 / 3.0));
  // An initiative no item names has no progress.
  CHECK(all[1].items.empty());
  CHECK_FALSE(all[1].progress.progress);
  CHECK_FALSE(all[1].latest_item_target);
}

TEST_CASE("initiative-slip: a live item targeted after its initiative's target")
{
  const auto slips = findings(load(k_config), "2027-01-10", "initiative-slip");
  REQUIRE(slips.size() == 1);  // PLAT-1 (2027-04-10 > 2027-03-31); PAY-3 is dropped
  CHECK(slips[0].file == "roadmap/platform.yaml");
  CHECK(slips[0].severity == Severity::warning);
  CHECK(slips[0].message.find("PLAT-1 targets 2027-04-10, after its initiative 'INI-1'") != std::string::npos);
}

TEST_CASE("unknown-ref: an unknown initiative on an item, an unknown owner or author")
{
  std::string cfg = k_config;
  cfg.replace(cfg.find("owner: alice"), 12, "owner: alicia");
  const auto refs = findings(load(cfg), "2027-01-10", "unknown-ref");
  std::vector<std::string> messages;
  for (const auto& f : refs) {
    messages.push_back(f.message);
  }
  CHECK(std::any_of(messages.begin(), messages.end(), [](const std::string& m) {
    return m.find("unknown initiative 'INI-9'") == 0 && m.find("did you mean 'INI-1'") != std::string::npos;
  }));
  CHECK(std::any_of(messages.begin(), messages.end(), [](const std::string& m) {
    return m.find("unknown person 'alicia' as owner of initiative 'INI-1'") == 0;
  }));
}

TEST_CASE("update-stale: an in-progress item whose latest update is 14 days old or more")
{
  const Workspace ws = load(k_config);
  // PAY-2's latest update is 2027-01-05: 13 days on 2027-01-18, 14 on 01-19, 15 on 01-20.
  CHECK(findings(ws, "2027-01-18", "update-stale").empty());
  const auto at14 = findings(ws, "2027-01-19", "update-stale");
  REQUIRE(at14.size() == 1);
  CHECK(at14[0].message.find("PAY-2 is in progress and its latest update is 14 days old (2027-01-05, at-risk)") == 0);
  CHECK(findings(ws, "2027-01-20", "update-stale").size() == 1);
  // Items without updates (PAY-4 planned, none in progress without one) and shipped ones are not reported.
  CHECK(days_without_update(*ws.item("PAY-2"), *parse_date("2027-01-20")) == 15);
  CHECK_FALSE(days_without_update(*ws.item("PLAT-1"), *parse_date("2027-01-20")));
  // rules: update-stale: {days: 20}: 19 days is fresh, 20 is stale.
  const Workspace ws20 = load(k_config + "rules:\n  update-stale: {days: 20}\n");
  CHECK(update_stale_days(ws20.config) == 20);
  CHECK(findings(ws20, "2027-01-24", "update-stale").empty());
  CHECK(findings(ws20, "2027-01-25", "update-stale").size() == 1);
  // days on another rule is an unknown key.
  const Workspace bad = load(k_config + "rules:\n  wip-limit: {days: 20}\n");
  CHECK(std::any_of(bad.findings.begin(), bad.findings.end(), [](const Finding& f) {
    return f.rule == "schema" && f.message.find("'days'") != std::string::npos;
  }));
}

#include "yaml/edit.h"

TEST_CASE("YamlText::list_add_map: block and flow lists, a new list, CRLF and comments kept")
{
  const std::vector<std::pair<std::string, NewScalar>> entry = {{"date", NewScalar{"2027-01-05", false}},
                                                                {"health", NewScalar{"at-risk", true}},
                                                                {"note", NewScalar{"late: API", true}}};
  {
    YamlText y(
      "items:\r\n  - id: A   # keep\r\n    updates:\r\n      - {date: 2027-01-01, health: on-track}\r\n  - id: B\r\n");
    y.list_add_map({std::string("items"), size_t{0}}, "updates", entry, y.style("items"));
    CHECK(y.text()
          == "items:\r\n  - id: A   # keep\r\n    updates:\r\n      - {date: 2027-01-01, health: on-track}\r\n"
             "      - date: 2027-01-05\r\n        health: at-risk\r\n        note: \"late: API\"\r\n  - id: B\r\n");
  }
  {
    YamlText y("items:\n  - {id: A, updates: []}  # flow\n");
    y.list_add_map({std::string("items"), size_t{0}}, "updates", entry, y.style("items"));
    CHECK(y.text()
          == "items:\n  - {id: A, updates: [{date: 2027-01-05, health: at-risk, note: \"late: API\"}]}  # flow\n");
  }
  {
    YamlText y("# head\nitems:\n  - id: A\n    title: x  # t\n# tail\n");
    y.list_add_map({std::string("items"), size_t{0}}, "updates", entry, y.style("items"));
    CHECK(y.text()
          == "# head\nitems:\n  - id: A\n    title: x  # t\n    updates:\n      - date: 2027-01-05\n"
             "        health: at-risk\n        note: \"late: API\"\n# tail\n");
  }
}
