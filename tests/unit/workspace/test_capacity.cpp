// Capacity (pops.yaml squads' capacity:, format 1.3): reading a number and a mapping, the planned
// effort of a quarter (hand-computed sums: by target, by horizon, shipped before the quarter and
// dropped items out, unestimated listed) and the rule over-capacity with its pilot.

#include "check/check.h"
#include "workspace/capacity.h"
#include "workspace/workspace.h"

#include <doctest/doctest.h>

#include <string>

using namespace pops;

namespace {

const std::string k_config = R"(version: 1
product: Test
effort_unit: person-weeks
squads:
  payments: {prefix: PAY, capacity: 10}
  platform: {prefix: PLAT, capacity: {2027-Q1: 6, 2027-Q2: 20}}
  growth: {prefix: GRW}
)";

// 2027-Q1 for payments: PAY-1 by target (4), PAY-2 by quarter horizon (3), PAY-3 by the first horizon
// `now` when today is in 2027-Q1 (5), PAY-4 unestimated by target; PAY-5 is in 2027-Q2 by target
// although its horizon says 2027-Q1 (the target decides); PAY-6 dropped; PAY-7 by `next` in Q2.
const std::string k_payments = R"(squad: payments
items:
  - {id: PAY-1, title: A, status: planned, target: 2027-03-31, score: {effort: 4}}
  - {id: PAY-2, title: B, status: in-progress, horizon: 2027-Q1, score: {effort: 3}}
  - {id: PAY-3, title: C, status: planned, horizon: now, score: {effort: 5}}
  - {id: PAY-4, title: D, status: idea, target: 2027-01-01}
  - {id: PAY-5, title: E, status: planned, horizon: 2027-Q1, target: 2027-04-01, score: {effort: 7}}
  - {id: PAY-6, title: F, status: dropped, dropped_reason: no, horizon: 2027-Q1, score: {effort: 9}}
  - {id: PAY-7, title: G, status: planned, horizon: next, score: {effort: 2}}
  - {id: PAY-8, title: H, status: shipped, horizon: 2027-Q2, score: {effort: 1.5}}
)";

const std::string k_platform = R"(squad: platform
items:
  - {id: PLAT-1, title: A, status: planned, horizon: 2027-Q1, score: {effort: 4}}
  - {id: PLAT-2, title: B, status: planned, horizon: 2027-Q1, score: {effort: 3}}
)";

Workspace load(const std::string& config = k_config)
{
  return load_workspace(
    "/nowhere", {{"pops.yaml", config}, {"roadmap/payments.yaml", k_payments}, {"roadmap/platform.yaml", k_platform}},
    1);
}

std::vector<Finding> findings(const Workspace& ws, const char* today)
{
  CheckOptions o;
  o.today = *parse_date(today);
  std::vector<Finding> out;
  for (const auto& f : check_workspace(ws, o).findings) {
    if (f.rule == "over-capacity") {
      out.push_back(f);
    }
  }
  return out;
}

std::vector<std::string> ids(const std::vector<const Item*>& items)
{
  std::vector<std::string> out;
  for (const Item* it : items) {
    out.push_back(it->id.value);
  }
  return out;
}

}  // namespace

TEST_CASE("capacity: a number is every quarter's, a mapping names quarters")
{
  const Workspace ws = load();
  REQUIRE(ws.findings.empty());
  CHECK(effort_unit(ws.config) == "person-weeks");
  CHECK(ws.config.squad("payments")->capacity_of("2027-Q1") == 10.0);
  CHECK(ws.config.squad("payments")->capacity_of("2031-Q4") == 10.0);
  CHECK(ws.config.squad("platform")->capacity_of("2027-Q2") == 20.0);
  CHECK_FALSE(ws.config.squad("platform")->capacity_of("2027-Q3").has_value());
  CHECK_FALSE(ws.config.squad("growth")->capacity_of("2027-Q1").has_value());
}

TEST_CASE("capacity: planned effort of a quarter, by target then horizon, hand-computed")
{
  const Workspace ws = load();
  const Date today = *parse_date("2027-02-10");  // in 2027-Q1: now = Q1, next = Q2
  const auto q1 = compute_capacity(ws, "2027-Q1", today);
  REQUIRE(q1.size() == 3);
  CHECK(q1[0].squad->id.value == "payments");
  CHECK(ids(q1[0].items) == std::vector<std::string>{"PAY-1", "PAY-2", "PAY-3", "PAY-4"});
  CHECK(q1[0].planned == doctest::Approx(4 + 3 + 5));
  CHECK(ids(q1[0].unestimated) == std::vector<std::string>{"PAY-4"});
  CHECK(*q1[0].over() == doctest::Approx(12 - 10));
  CHECK(q1[1].planned == doctest::Approx(7));
  CHECK(*q1[1].over() == doctest::Approx(1));
  CHECK_FALSE(q1[2].capacity.has_value());
  CHECK_FALSE(q1[2].over().has_value());
  // Q2 has not started: the shipped PAY-8 shipped before it and is out; PAY-5 by target, PAY-7 by next.
  const auto q2 = compute_capacity(ws, "2027-Q2", today, "payments");
  REQUIRE(q2.size() == 1);
  CHECK(ids(q2[0].items) == std::vector<std::string>{"PAY-5", "PAY-7"});
  CHECK(q2[0].planned == doctest::Approx(7 + 2));
  // Once Q2 has started, the shipped item counts; `now` and `next` move with today.
  const auto q2later = compute_capacity(ws, "2027-Q2", *parse_date("2027-05-01"), "payments");
  CHECK(ids(q2later[0].items) == std::vector<std::string>{"PAY-3", "PAY-5", "PAY-8"});
  CHECK(q2later[0].planned == doctest::Approx(5 + 7 + 1.5));
}

TEST_CASE("capacity: planned_quarter and quarter_of")
{
  const Workspace ws = load();
  const Date today = *parse_date("2026-12-31");
  CHECK(quarter_of(today) == "2026-Q4");
  CHECK(quarter_of(*parse_date("2027-01-01")) == "2027-Q1");
  const Item* now = nullptr;
  const Item* next = nullptr;
  for (const auto& it : ws.items) {
    now = it.id.value == "PAY-3" ? &it : now;
    next = it.id.value == "PAY-7" ? &it : next;
  }
  CHECK(planned_quarter(*now, ws.config, today) == "2026-Q4");
  CHECK(planned_quarter(*next, ws.config, today) == "2027-Q1");
}

TEST_CASE("over-capacity: the current quarter and later ones of a mapping, pilotable per squad")
{
  const Workspace ws = load();
  const auto f = findings(ws, "2027-02-10");
  REQUIRE(f.size() == 2);
  CHECK(f[0].message
        == "squad 'payments' plans 12 person-weeks in 2027-Q1, over its capacity of 10 by 2; "
           "without an estimate: PAY-4");
  CHECK(f[0].file == "pops.yaml");
  CHECK(f[0].loc.line == 5);
  CHECK(f[1].message == "squad 'platform' plans 7 person-weeks in 2027-Q1, over its capacity of 6 by 1");
  CHECK(f[1].loc.line == 6);
  // A later quarter of a mapping is checked too (platform's 2027-Q1 seen from 2026-Q4, where payments
  // plans only PAY-3 by `now`: 5 of 10); a past one is not (2027-Q1 seen from 2027-Q2, where payments
  // plans PAY-3 by now, PAY-5 and the shipped PAY-8: 5 + 7 + 1.5).
  const auto before = findings(ws, "2026-11-01");
  REQUIRE(before.size() == 1);
  CHECK(before[0].message == "squad 'platform' plans 7 person-weeks in 2027-Q1, over its capacity of 6 by 1");
  const auto after = findings(ws, "2027-05-01");
  REQUIRE(after.size() == 1);
  CHECK(after[0].message == "squad 'payments' plans 13.5 person-weeks in 2027-Q2, over its capacity of 10 by 3.5");
  // Piloted on platform only: payments' finding goes.
  const Workspace piloted = load(k_config + "rules:\n  over-capacity: {severity: warning, pilot: [platform]}\n");
  const auto p = findings(piloted, "2027-02-10");
  REQUIRE(p.size() == 1);
  CHECK(p[0].message.starts_with("squad 'platform'"));
}

TEST_CASE("capacity: bad values are schema findings saying what is right")
{
  const Workspace ws = load(R"(version: 1
product: Test
squads:
  payments: {prefix: PAY, capacity: -3}
  platform: {prefix: PLAT, capacity: {2027-Q5: 6, 2027-Q2: many}}
)");
  std::vector<std::string> msgs;
  for (const auto& f : ws.findings) {
    msgs.push_back(f.message);
  }
  REQUIRE(msgs.size() == 3);
  CHECK(msgs[0] == "capacity of squad 'payments' must be a number of 0 or more");
  CHECK(msgs[1] == "capacity of squad 'platform' is by quarter, YYYY-Qn (e.g. 2027-Q1), found '2027-Q5'");
  CHECK(msgs[2].find("2027-Q2") != std::string::npos);
}
