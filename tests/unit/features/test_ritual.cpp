#include "features/ritual.h"

#include "workspace/workspace.h"

#include <doctest/doctest.h>

using namespace pops;

namespace {

const char* k_config = R"(version: 1
product: Test Co
squads:
  payments: {name: Payments, prefix: PAY, wip_limit: 1}
  platform: {name: Platform, prefix: PLAT}
  growth: {name: Growth, prefix: GRW}
people:
  alice: {name: Alice}
  bo: {name: Bo}
rituals:
  sprint-review: {cadence: {every: 2 weeks, on: thursday, from: 2026-10-01}, squads: [payments, platform]}
  strategy-sync: {cadence: {every: 1 month, from: 2026-09-30}}
  adhoc: {}
)";

const char* k_before = R"(items:
  - {id: PAY-1, title: Refunds, status: in-progress, squad: payments, owner: alice, target: 2026-11-20}
  - {id: PAY-2, title: Payouts, status: planned, squad: payments, target: 2026-12-01}
  - {id: PAY-3, title: Crypto, status: idea, squad: payments}
  - {id: PLAT-1, title: Ledger, status: planned, squad: platform, horizon: now}
  - {id: GRW-1, title: Invites, status: planned, squad: growth}
)";

const char* k_after = R"(items:
  - {id: PAY-1, title: Refunds, status: shipped, squad: payments, owner: alice, target: 2026-11-20}
  - {id: PAY-2, title: Payouts, status: in-progress, squad: payments, target: 2026-12-15, horizon: now, depends_on: [PLAT-1]}
  - {id: PAY-3, title: Crypto, status: dropped, squad: payments, dropped_reason: Nobody asked}
  - {id: PAY-4, title: Chargebacks, status: in-progress, squad: payments, owner: bo}
  - {id: PLAT-1, title: Ledger, status: planned, squad: platform, horizon: now}
  - {id: GRW-1, title: Invites, status: shipped, squad: growth}
)";

const char* k_feedback = R"(entries:
  - {id: FB-1, date: 2026-11-01, source: support, customer: Acme, summary: Old, tags: [refunds]}
  - {id: FB-2, date: 2026-11-20, source: support, customer: Acme, summary: Faster refunds, tags: [refunds], items: [PAY-1]}
  - {id: FB-3, date: 2026-11-21, source: sales, customer: Globex, summary: Partial refunds, tags: [refunds, ux]}
  - {id: FB-4, date: 2026-11-21, source: sales, customer: Initech, summary: Invites, tags: [growth], items: [GRW-1]}
)";

const char* k_note = R"(---
ritual: sprint-review
date: 2026-11-12
actions:
  - {what: Draft the FAQ, owner: alice, due: 2026-11-19, done: false}
  - {what: Call finance, owner: bo, due: 2026-11-30}
  - {what: Done already, owner: bo, done: true}
---
# Sprint review
)";

Workspace ws_of(const char* items, bool with_new_feedback, bool with_note)
{
  std::vector<SourceFile> f = {{"pops.yaml", k_config}, {"roadmap/all.yaml", items}};
  std::string fb = k_feedback;
  if (!with_new_feedback) {
    fb = fb.substr(0, fb.find("  - {id: FB-2"));
  }
  f.push_back({"feedback/2026-11.yaml", fb});
  if (with_note) {
    f.push_back({"rituals/sprint-review/2026-11-12.md", k_note});
  }
  return load_workspace("/nonexistent", f, 1);
}

std::vector<std::string> ids(const nlohmann::json& list)
{
  std::vector<std::string> out;
  for (const auto& x : list) {
    out.push_back(x.value("id", x.value("what", std::string())));
  }
  return out;
}

}  // namespace

TEST_CASE("a note's data: shipped, started, slipped, dropped, added, risks, actions, feedback, WIP")
{
  const Workspace before = ws_of(k_before, false, true);
  const Workspace now = ws_of(k_after, true, true);
  REQUIRE(before.findings.empty());
  REQUIRE(now.findings.empty());
  const Ritual* r = now.config.ritual("sprint-review");
  const Date date = *parse_date("2026-11-26");
  // Slips since then: PAY-2 twice (one entry, days summed); GRW-1 is another squad's.
  const std::vector<SlipEvent> slips = {{"PAY-2", "Wallets", "payments", *parse_date("2026-11-14"), "c1",
                                         *parse_date("2026-12-01"), *parse_date("2026-12-08"), 7},
                                        {"GRW-1", "Invites", "growth", *parse_date("2026-11-15"), "c2",
                                         *parse_date("2026-12-01"), *parse_date("2026-12-02"), 1},
                                        {"PAY-2", "Wallets", "payments", *parse_date("2026-11-16"), "c3",
                                         *parse_date("2026-12-08"), *parse_date("2026-12-15"), 7}};
  // Shipped since then, as the history says: PAY-1, and GRW-1 of another squad.
  ItemFacts pay1, grw1;
  pay1.id = "PAY-1";
  pay1.squad = "payments";
  pay1.shipped = *parse_date("2026-11-20");
  grw1.id = "GRW-1";
  grw1.squad = "growth";
  grw1.shipped = *parse_date("2026-11-21");
  const auto d =
    ritual_note_data(*r, &before, slips, {pay1, grw1}, now, now, date, *parse_date("2026-11-22"), "Since 2026-11-12.");
  CHECK(ids(d["shipped"]) == std::vector<std::string>{"PAY-1"});  // GRW-1 is another squad's
  CHECK(d["shipped"][0]["shipped"] == "2026-11-20");
  CHECK(ids(d["started"]) == std::vector<std::string>{"PAY-2"});
  REQUIRE(d["slipped"].size() == 1);
  CHECK(d["slipped"][0]["id"] == "PAY-2");
  CHECK(d["slipped"][0]["days"] == "14");
  CHECK(d["slipped"][0]["old_target"] == "2026-12-01");
  CHECK(d["slipped"][0]["new_target"] == "2026-12-15");
  CHECK(ids(d["dropped"]) == std::vector<std::string>{"PAY-3"});
  CHECK(d["dropped"][0]["reason"] == "Nobody asked");
  CHECK(ids(d["added"]) == std::vector<std::string>{"PAY-4"});
  REQUIRE(d["risks"].size() == 1);
  CHECK(d["risks"][0]["id"] == "PAY-2");
  CHECK(d["risks"][0]["dep_id"] == "PLAT-1");
  CHECK(ids(d["carried"]) == std::vector<std::string>{"Draft the FAQ", "Call finance"});
  CHECK(d["carried"][0]["overdue"] == true);
  CHECK(d["carried"][1]["overdue"] == false);
  CHECK(d["carried"][0]["from"] == "2026-11-12");
  // Feedback new since then, about the squads or about no item: FB-2 and FB-3, not FB-4 (growth).
  REQUIRE(d["feedback"].size() == 2);
  CHECK(d["feedback"][0]["tag"] == "refunds");
  CHECK(d["feedback"][0]["entries"] == "2");
  CHECK(d["feedback"][0]["customers"] == "2");
  CHECK(d["feedback"][0]["ids"] == "FB-2, FB-3");
  CHECK(d["feedback"][0]["summary"] == "2 entries from 2 customers");
  CHECK(d["feedback"][1]["summary"] == "1 entry from 1 customer");
  CHECK(d["feedback"][1]["tag"] == "ux");
  REQUIRE(d["wip"].size() == 2);
  CHECK(d["wip"][0]["in_progress"] == "2");
  CHECK(d["wip"][0]["over"] == true);
  CHECK(d["wip"][1]["over"] == false);
  CHECK(d["squads_text"] == "Payments, Platform");
}

TEST_CASE("without an earlier state nothing is reported as changed")
{
  const Workspace now = ws_of(k_after, true, false);
  const auto d = ritual_note_data(*now.config.ritual("sprint-review"), nullptr, {}, {}, now, now,
                                  *parse_date("2026-11-26"), *parse_date("2026-11-22"), "No git history.");
  for (const char* k : {"shipped", "started", "slipped", "dropped", "added", "feedback", "carried"}) {
    CHECK_MESSAGE(d[k].empty(), k);
  }
}

TEST_CASE("ritual status: last held, next due, missed")
{
  const Workspace ws = ws_of(k_after, true, true);
  const auto rows = ritual_status(ws, *parse_date("2026-11-22"));
  REQUIRE(rows.size() == 3);
  // sprint-review: every 2 weeks from 2026-10-01 (a Thursday): ... 11-12, 11-26. Held 11-12.
  CHECK(rows[0].ritual->name.value == "sprint-review");
  CHECK(format_date(*rows[0].last_held) == "2026-11-12");
  CHECK(format_date(*rows[0].next_due) == "2026-11-26");
  CHECK_FALSE(rows[0].missed);
  // strategy-sync: monthly from 2026-09-30, never held: 10-30 passed without a note.
  CHECK_FALSE(rows[1].last_held);
  CHECK(format_date(*rows[1].next_due) == "2026-11-30");
  REQUIRE(rows[1].missed);
  CHECK(format_date(*rows[1].missed) == "2026-10-30");
  // adhoc: no cadence.
  CHECK_FALSE(rows[2].next_due);
  CHECK_FALSE(rows[2].missed);
  // Two weeks later, the 11-26 review has no note: missed.
  const auto later = ritual_status(ws, *parse_date("2026-12-01"));
  REQUIRE(later[0].missed);
  CHECK(format_date(*later[0].missed) == "2026-11-26");
  CHECK(format_date(*later[0].next_due) == "2026-12-10");
  CHECK(format_date(ritual_next(ws, *ws.config.ritual("sprint-review"), *parse_date("2026-11-22"), 2)[1])
        == "2026-12-10");
}

TEST_CASE("open actions: by due date, filtered by owner and overdue")
{
  const Workspace ws = ws_of(k_after, true, true);
  const Date today = *parse_date("2026-11-22");
  auto all = open_actions(ws, today);
  REQUIRE(all.size() == 2);
  CHECK(all[0].action->what.value == "Draft the FAQ");
  CHECK(all[0].overdue);
  CHECK(open_actions(ws, today, "bo").size() == 1);
  CHECK(open_actions(ws, today, "", true).size() == 1);
  CHECK(open_actions(ws, today, "bo", true).empty());
  CHECK(ritual_title("sprint-review") == "Sprint review");
}
