#include "edit/ops.h"

#include "ops_fixture.h"

#include <doctest/doctest.h>

using namespace pops;
using namespace pops::ops_fixture;

TEST_CASE("item add: the next id of the squad, in the squad's file, in its style")
{
  EditSession s = session();
  ItemSpec spec;
  spec.squad = "payments";
  spec.title = "2026";
  spec.tags = {"refunds,checkout"};
  spec.depends_on = {"PLAT-2"};
  EditPlan p = plan_item_add(s, spec, {});
  CHECK(p.id == "PAY-10");  // PAY-9 lives in another file
  const FileChange& c = only(p);
  CHECK(c.path == "roadmap/payments.yaml");
  CHECK_FALSE(c.created);
  CHECK(c.after == std::string(k_payments) + R"(
    -   id: PAY-10
        title: "2026"
        status: idea
        depends_on:
        - PLAT-2
        tags:
        - refunds
        - checkout
)");
  CHECK(new_errors(s, p, day("2026-11-22")).empty());
  // Ids used in history are never handed out again.
  CHECK(plan_item_add(s, spec, {{"PAY", 41}, {"PLAT", 99}}).id == "PAY-42");
  // Nor ids written in a file that does not even load.
  EditSession broken = session({{"roadmap/broken.yaml", "items:\n  - id: PAY-55\n    title: [\n"}});
  CHECK(plan_item_add(broken, spec, {}).id == "PAY-56");
}

TEST_CASE("item add: where the squad's items live, or a new file")
{
  EditSession s = session();
  ItemSpec spec;
  spec.title = "Ledger v2";
  spec.squad = "platform";
  spec.status = "planned";
  spec.owner = "bo";
  spec.links = {"jira=PLAT-77"};
  spec.fields = {"risk=high", "effort_days=3", "regions=eu,us"};
  EditPlan p = plan_item_add(s, spec, {});
  CHECK(p.id == "PLAT-3");
  CHECK(only(p).path == "roadmap/misc.yaml");
  CHECK(only(p).after
        == std::string(k_misc)
             + "  - id: PLAT-3\n"
               "    title: Ledger v2\n"
               "    status: planned\n"
               "    squad: platform\n"
               "    owner: bo\n"
               "    links: {jira: PLAT-77}\n"
               "    risk: high\n"
               "    effort_days: 3\n"
               "    regions:\n"  // block lists, as the other file writes them
               "    - eu\n"
               "    - us\n");
  CHECK(new_errors(s, p, day("2026-11-22")).empty());

  spec = {};
  spec.squad = "growth";
  spec.title = "Onboarding";
  EditPlan g = plan_item_add(s, spec, {});
  CHECK(g.id == "GRW-1");
  CHECK(only(g).created);
  CHECK(only(g).path == "roadmap/growth.yaml");
  CHECK(only(g).after == "squad: growth\nitems:\n    -   id: GRW-1\n        title: Onboarding\n        status: idea\n");

  // A file whose `squad:` is the squad wins, whatever its name.
  EditSession t = session({{"roadmap/team-g.yaml", "squad: growth\nitems: []\n"}});
  EditPlan h = plan_item_add(t, spec, {});
  CHECK(only(h).path == "roadmap/team-g.yaml");
  CHECK(only(h).after == "squad: growth\nitems:\n    -   id: GRW-1\n        title: Onboarding\n        status: idea\n");
}

TEST_CASE("item add: mistakes are refused with a suggestion")
{
  EditSession s = session();
  ItemSpec spec;
  spec.squad = "paymnts";
  spec.title = "X";
  CHECK_THROWS_WITH_AS(plan_item_add(s, spec, {}), "unknown squad 'paymnts' (did you mean 'payments'?)", OpError);
  spec.squad = "payments";
  spec.fields = {"rsk=high"};
  CHECK_THROWS_WITH_AS(plan_item_add(s, spec, {}), "unknown field 'rsk' (did you mean 'risk'?)", OpError);
  spec.fields = {"risk=extreme"};
  EditPlan p = plan_item_add(s, spec, {});
  auto errs = new_errors(s, p, day("2026-11-22"));
  REQUIRE(errs.size() == 1);
  CHECK(errs[0].rule == "schema");
  CHECK(errs[0].message.find("extreme") != std::string::npos);
  spec.fields = {};
  spec.owner = "nobody";
  errs = new_errors(s, plan_item_add(s, spec, {}), day("2026-11-22"));
  REQUIRE(errs.size() == 1);
  CHECK(errs[0].rule == "unknown-ref");
}

TEST_CASE("item set: values, lists, mappings, removals")
{
  EditSession s = session();
  EditPlan p =
    plan_item_set(s, "PAY-1",
                  {"title=Refunds in one click", "status=in-progress", "depends_on+=PLAT-9", "depends_on-=PLAT-2",
                   "tags=a,b", "links.jira=PAY-1234", "score.reach=4000", "owner=", "risk=low"});
  CHECK(only(p).after == R"(# Payments.
squad: payments
items:
    -   id: PAY-1
        title: Refunds in one click   # short
        status: in-progress
        depends_on:
        - PLAT-9
        tags:
        - a
        - b
        links: {jira: PAY-1234}
        score: {reach: 4000}
        risk: low

    -   id: PAY-7
        title: "Payouts"
        status: idea
)");
  CHECK(p.summary.starts_with("updated PAY-1 in roadmap/payments.yaml: title=Refunds"));
  // PLAT-9 does not exist: check says so.
  auto errs = new_errors(s, p, day("2026-11-22"));
  REQUIRE(errs.size() == 1);
  CHECK(errs[0].rule == "unknown-ref");

  // Flow items stay flow; a value equal to the old one changes nothing.
  EditPlan f = plan_item_set(s, "PLAT-2", {"status=shipped", "tags+=db", "title=Ledger"});
  CHECK(only(f).after.find("  - {id: PLAT-2, title: Ledger, status: shipped, squad: platform, tags: [db]}\n")
        != std::string::npos);
  CHECK(plan_item_set(s, "PAY-7", {"title=Payouts"}).empty());

  CHECK_THROWS_WITH_AS(plan_item_set(s, "PAY-1", {"titel=x"}), "unknown key 'titel' in an item (did you mean 'title'?)",
                       OpError);
  CHECK_THROWS_WITH_AS(plan_item_set(s, "PAY-1", {"status="}), "'status' is required; give it a value", OpError);
  CHECK_THROWS_WITH_AS(plan_item_set(s, "PAY-1", {"id=PAY-2"}), "an item's id never changes", OpError);
  CHECK_THROWS_WITH_AS(plan_item_set(s, "PAY-1", {"tags-=zzz"}), "'tags' of PAY-1 does not hold 'zzz'", OpError);
  CHECK_THROWS_WITH_AS(plan_item_set(s, "PAY-1", {"title+=x"}), "'title' is not a list; write title=VALUE", OpError);
  CHECK_THROWS_WITH_AS(plan_item_set(s, "PAY-1", {"nonsense"}), doctest::Contains("is not a change"), OpError);
  CHECK_THROWS_WITH_AS(plan_item_set(s, "PAY-77", {"status=x"}), "unknown item 'PAY-77' (did you mean 'PAY-7'?)",
                       OpError);
}

TEST_CASE("item set: a backward move needs reopened")
{
  EditSession s = session();
  auto errs = new_errors(s, plan_item_set(s, "PAY-1", {"status=idea"}), day("2026-11-22"));
  REQUIRE(errs.size() == 1);
  CHECK(errs[0].rule == "status-regression");
  CHECK(new_errors(s, plan_item_set(s, "PAY-1", {"status=idea", "reopened=true"}), day("2026-11-22")).empty());
}

TEST_CASE("item drop records the reason and deletes nothing")
{
  EditSession s = session();
  EditPlan p = plan_item_drop(s, "PAY-7", "No one asked: yes");
  CHECK(only(p).after
        == std::string(k_payments)
             .replace(std::string(k_payments).find("status: idea"), 12,
                      "status: dropped\n        dropped_reason: \"No one asked: yes\""));
  CHECK(new_errors(s, p, day("2026-11-22")).empty());
  CHECK_THROWS_AS(plan_item_drop(s, "PAY-7", " "), OpError);
}

TEST_CASE("item move: to its squad's file; another squad needs a new id")
{
  EditSession s = session();
  EditPlan p = plan_item_move(s, "PAY-9", "payments", false, {});
  REQUIRE(p.changes.size() == 2);
  CHECK(p.changes[0].path == "roadmap/payments.yaml");
  CHECK(p.changes[0].after
        == std::string(k_payments)
             + "\n    -   id: PAY-9\n        title: Stray\n"
               "        status: idea\n        squad: payments\n");
  CHECK(p.changes[1].path == "roadmap/misc.yaml");
  CHECK(p.changes[1].after == "items:\n  - {id: PLAT-2, title: Ledger, status: planned, squad: platform}\n");
  CHECK(new_errors(s, p, day("2026-11-22")).empty());
  CHECK(plan_item_move(s, "PAY-1", "payments", false, {}).empty());

  try {
    (void)plan_item_move(s, "PAY-1", "platform", false, {});
    FAIL("moved across squads");
  } catch (const OpError& e) {
    CHECK(std::string(e.what())
          == "cannot move PAY-1 to squad 'platform': an item keeps its id, and the ids of "
             "'platform' start with PLAT-, not PAY-");
    CHECK(e.hint().find("--new-id") != std::string::npos);
  }

  EditPlan n = plan_item_move(s, "PAY-1", "platform", true, {{"PLAT", 5}});
  CHECK(n.id == "PLAT-6");
  REQUIRE(n.changes.size() == 2);
  CHECK(n.changes[0].path == "roadmap/misc.yaml");
  CHECK(n.changes[0].after
        == std::string(k_misc)
             + "  - id: PLAT-6\n"
               "    title: Refunds   # short\n"
               "    status: planned\n"
               "    moved_from: PAY-1\n"
               "    squad: platform\n"
               "    owner: alice\n"
               "    depends_on:\n"
               "    - PLAT-2\n");
  CHECK(n.changes[1].after.find("        status: dropped\n        dropped_reason: moved to platform as PLAT-6\n")
        != std::string::npos);
  REQUIRE(n.hints.size() == 1);
  CHECK(n.hints[0].find("FB-3 (items)") != std::string::npos);
  CHECK(new_errors(s, n, day("2026-11-22")).empty());
}

TEST_CASE("errors an item has already move with it")
{
  EditSession s = session({{"roadmap/zz.yaml", "items:\n  - id: PAY-20\n    title: Bad\n    status: idea\n"
                                               "    squad: payments\n    risk: extreme\n"}});
  EditPlan p = plan_item_move(s, "PAY-20", "payments", false, {});
  REQUIRE(p.changes.size() == 2);
  CHECK(new_errors(s, p, day("2026-11-22")).empty());
}

TEST_CASE("assignments")
{
  Assignment a = parse_assignment("tags+=a,b");
  CHECK(a.key == "tags");
  CHECK(a.op == '+');
  CHECK(a.value == "a,b");
  a = parse_assignment("owner=");
  CHECK(a.op == '=');
  CHECK(a.value.empty());
  a = parse_assignment("title=a=b");
  CHECK(a.value == "a=b");
  a = parse_assignment("depends_on-=PLAT-3");
  CHECK(a.op == '-');
  CHECK_THROWS_AS(parse_assignment("=x"), OpError);
}
