#include "edit/ops.h"

#include "ops_fixture.h"

#include <doctest/doctest.h>

using namespace pops;
using namespace pops::ops_fixture;

TEST_CASE("feedback add and link")
{
  EditSession s = session();
  FeedbackSpec f;
  f.source = "sales";
  f.customer = "Globex";
  f.summary = "Wants partial refunds";
  f.items = {"PAY-1"};
  f.arr = "120000";
  f.date = "2026-11-20";
  EditPlan p = plan_feedback_add(s, f, {{"FB", 40}}, day("2026-11-22"));
  CHECK(p.id == "FB-41");
  CHECK(only(p).after
        == std::string(k_feedback)
             + "  - id: FB-41\n"
               "    date: 2026-11-20\n"
               "    source: sales\n"
               "    customer: Globex\n"
               "    arr: 120000\n"
               "    summary: Wants partial refunds\n"
               "    items: [PAY-1]\n");
  CHECK(new_errors(s, p, day("2026-11-22")).empty());
  // Another month: a new file, in the style of the others.
  f.date = "";
  f.items = {};
  EditPlan d = plan_feedback_add(s, f, {}, day("2026-12-01"));
  CHECK(d.id == "FB-4");
  CHECK(only(d).created);
  CHECK(only(d).path == "feedback/2026-12.yaml");
  CHECK(only(d).after.starts_with("entries:\n  - id: FB-4\n    date: 2026-12-01\n"));
  f.date = "2026-13-01";
  CHECK_THROWS_AS(plan_feedback_add(s, f, {}, day("2026-12-01")), OpError);
  f.date = "";
  f.items = {"PAY-8"};
  CHECK_THROWS_WITH_AS(plan_feedback_add(s, f, {}, day("2026-12-01")), doctest::Contains("unknown item 'PAY-8'"),
                       OpError);

  EditPlan l = plan_feedback_link(s, "FB-3", {"PAY-7", "PAY-1"});
  CHECK(only(l).after.find("    items: [PAY-1, PAY-7]\n") != std::string::npos);
  CHECK(plan_feedback_link(s, "FB-3", {"PAY-1"}).empty());
  CHECK_THROWS_WITH_AS(plan_feedback_link(s, "FB-33", {"PAY-1"}), "unknown feedback 'FB-33' (did you mean 'FB-3'?)",
                       OpError);
}
