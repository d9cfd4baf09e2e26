// Objectives and key results: reading pops.yaml `objectives:`, progress from a series and from items
// (hand-computed), and the rules key-result-unlinked, objective-stalled and unknown-ref on key_results.

#include "check/check.h"
#include "workspace/goals.h"
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
people:
  alice: {name: Alice}
objectives:
  O1:
    title: Refunds people use
    owner: alice
    period: 2027-Q1
    key_results:
      O1-KR1:
        title: Weekly refunders
        metric: refunders
        baseline: 100
        target: 300
        series: {source: amplitude, key: Refund Issued}
      O1-KR2:
        title: Ship refunds
  O2:
    title: Nothing measured yet
    period: 2027-Q2
    key_results:
      O2-KR1: {title: Nothing linked}
)";

const std::string k_items = R"(squad: payments
items:
  - {id: PAY-1, title: Refund API, status: shipped, key_results: [O1-KR2], score: {effort: 5}}
  - {id: PAY-2, title: Refund button, status: in-progress, key_results: [O1-KR2], score: {effort: 3}}
  - {id: PAY-3, title: Refund emails, status: planned, key_results: [O1-KR2], score: {effort: 2}}
  - {id: PAY-4, title: Refund fax, status: dropped, dropped_reason: no, key_results: [O1-KR2]}
)";

const std::string k_series = R"(series:
  - source: amplitude
    key: Refund Issued
    metric: refunders
    points: {2026-12-28: 120, 2027-01-04: 150, 2027-02-01: 250}
)";

Workspace load(const std::string& config, const std::string& items, const std::string& series)
{
  std::vector<SourceFile> files = {{"pops.yaml", config}, {"roadmap/payments.yaml", items}};
  if (!series.empty()) {
    files.push_back({"metrics/adoption.yaml", series});
  }
  return load_workspace("/nowhere", std::move(files), 1);
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

std::string replaced(std::string s, const std::string& from, const std::string& to)
{
  const auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("objectives and key results are read from pops.yaml")
{
  const Workspace ws = load(k_config, k_items, k_series);
  CHECK(std::none_of(ws.findings.begin(), ws.findings.end(), [](const Finding& f) { return f.rule == "schema"; }));
  REQUIRE(ws.config.objectives.size() == 2);
  const Objective& o = ws.config.objectives[0];
  CHECK(o.id.value == "O1");
  CHECK(o.owner.value == "alice");
  CHECK(o.period.value == "2027-Q1");
  REQUIRE(o.key_results.size() == 2);
  CHECK(o.key_results[0].series_source.value == "amplitude");
  CHECK(o.key_results[0].series_key.value == "Refund Issued");
  CHECK(o.key_results[0].baseline.value == 100);
  CHECK(o.key_results[0].target.value == 300);
  CHECK_FALSE(o.key_results[1].series_source.set);
  const Objective* of = nullptr;
  CHECK(ws.config.key_result("O1-KR2", &of) == &o.key_results[1]);
  CHECK(of == &o);
  CHECK(ws.items[0].key_results.size() == 1);
}

TEST_CASE("objective pops.yaml mistakes are schema findings")
{
  const std::string bad = replaced(replaced(k_config, "period: 2027-Q2", "period: 2027-Q5"), "O2-KR1:", "O1-KR1:");
  const Workspace ws = load(bad + "    x: 1\n", k_items, k_series);
  std::vector<std::string> messages;
  for (const auto& f : ws.findings) {
    if (f.rule == "schema") {
      messages.push_back(f.message);
    }
  }
  CHECK(std::find(messages.begin(), messages.end(),
                  "'period' of objective 'O2' must be a quarter, YYYY-Qn (e.g. 2027-Q1), found '2027-Q5'")
        != messages.end());
  CHECK(std::find(messages.begin(), messages.end(),
                  "'O1-KR1' is used twice in 'objectives'; objective and key result ids are unique")
        != messages.end());
}

TEST_CASE("progress from a series: the latest value between baseline and target")
{
  const Workspace ws = load(k_config, k_items, k_series);
  const auto goals = compute_goals(ws, "2027-Q1");
  REQUIRE(goals.size() == 1);
  const auto& kr = goals[0].key_results[0];
  CHECK(kr.by_series);
  REQUIRE(kr.series != nullptr);
  // Latest point 250 on 2027-02-01: (250 - 100) / (300 - 100) = 0.75.
  CHECK(*kr.value == 250);
  CHECK(format_date(*kr.date) == "2027-02-01");
  CHECK(*kr.progress == doctest::Approx(0.75));
  // At the start of 2027-Q1 the latest point is 120 (2026-12-28): (120 - 100) / 200 = 0.1.
  CHECK(*progress_at_start(kr) == doctest::Approx(0.1));
  CHECK(kr.explain == "series amplitude:Refund Issued: latest 250 on 2027-02-01; (250 - 100) / (300 - 100) = 0.75");

  // Beyond the target is 1, below the baseline 0; a falling target (baseline 5, target 2) works the same.
  const auto over = compute_goals(load(replaced(k_config, "target: 300", "target: 200"), k_items, k_series), "2027-Q1");
  CHECK(*over[0].key_results[0].progress == 1.0);
  const auto fall =
    compute_goals(load(replaced(replaced(k_config, "baseline: 100", "baseline: 400"), "target: 300", "target: 200"),
                       k_items, k_series),
                  "2027-Q1");
  CHECK(*fall[0].key_results[0].progress == doctest::Approx(0.75));  // (250 - 400) / (200 - 400)
}

TEST_CASE("progress from items: the shipped share, weighted by effort when every item has one")
{
  const auto goals = compute_goals(load(k_config, k_items, k_series), "2027-Q1");
  const auto& kr = goals[0].key_results[1];
  CHECK_FALSE(kr.by_series);
  CHECK(kr.items.size() == 4);  // the dropped one is listed, not counted
  CHECK(kr.by_effort);
  // PAY-1 shipped (5) of PAY-1, PAY-2, PAY-3 (5 + 3 + 2): 0.5.
  CHECK(kr.done == 5);
  CHECK(kr.total == 10);
  CHECK(*kr.progress == doctest::Approx(0.5));
  CHECK(kr.explain == "items: 1 of 3 shipped (PAY-1), weighted by effort: (5) / (5 + 3 + 2) = 0.5; 1 dropped left out");
  // The objective: the mean of 0.75 and 0.5.
  CHECK(*goals[0].progress == doctest::Approx(0.625));
  CHECK(goals[0].explain == "mean of 2 key results: (0.75 + 0.5) / 2 = 0.62");  // 0.625, half to even

  // PAY-3 without an effort: counted by items, 1 of 3.
  const auto counted =
    compute_goals(load(k_config, replaced(k_items, ", score: {effort: 2}}", "}"), k_series), "2027-Q1");
  const auto& c = counted[0].key_results[1];
  CHECK_FALSE(c.by_effort);
  CHECK(*c.progress == doctest::Approx(1.0 / 3));
  CHECK(c.explain == "items: 1 of 3 shipped (PAY-1), counted: 1 / 3 = 0.33 (no effort on PAY-3); 1 dropped left out");
  // Objective: (0.75 + 1/3) / 2.
  CHECK(*counted[0].progress == doctest::Approx((0.75 + 1.0 / 3) / 2));
}

TEST_CASE("nothing to measure: no progress, and the objective has none")
{
  const auto all = compute_goals(load(k_config, k_items, ""));
  REQUIRE(all.size() == 2);
  CHECK_FALSE(all[0].key_results[0].progress);  // the series is not in metrics/
  CHECK(all[0].key_results[0].series == nullptr);
  CHECK(*all[0].progress == doctest::Approx(0.5));  // only the measured key result counts
  CHECK_FALSE(all[1].key_results[0].progress);
  CHECK_FALSE(all[1].progress);
  CHECK(all[1].explain == "no key result has progress yet");
  Date s, e;
  REQUIRE(quarter_bounds("2027-Q2", s, e));
  CHECK(format_date(s) == "2027-04-01");
  CHECK(format_date(e) == "2027-06-30");
}

TEST_CASE("rules: unknown key result, nothing linked, stalled objectives")
{
  const Workspace ws = load(
    k_config, replaced(k_items, "status: planned, key_results: [O1-KR2]", "status: planned, key_results: [O1-KR3]"),
    k_series);
  const auto unknown = findings(ws, "2027-02-01", "unknown-ref");
  REQUIRE(unknown.size() == 1);
  CHECK(unknown[0].severity == Severity::error);
  CHECK(unknown[0].message
        == "unknown key result 'O1-KR3' in key_results (did you mean 'O1-KR1'?); key results "
           "are declared under 'objectives:' in pops.yaml");
  const auto unlinked = findings(ws, "2027-02-01", "key-result-unlinked");
  REQUIRE(unlinked.size() == 1);
  CHECK(unlinked[0].severity == Severity::warning);
  CHECK(unlinked[0].file == "pops.yaml");
  CHECK(unlinked[0].loc.line == 25);
  CHECK(unlinked[0].message
        == "key result 'O2-KR1' has nothing linked: give it a 'series', or list it in the "
           "'key_results' of the items that deliver it");
  // A series named but not imported.
  const auto missing = findings(load(k_config, k_items, ""), "2027-02-01", "key-result-unlinked");
  CHECK(missing.size() == 2);
  CHECK(missing[0].message.find("names series amplitude:Refund Issued, which no metrics file holds")
        != std::string::npos);

  // O1 moved: its series went from 0.1 to 0.75 of the way.
  CHECK(findings(ws, "2027-02-01", "objective-stalled").empty());
  // Nothing shipped and the series flat since the start: stalled, but only 14 days into the quarter.
  const Workspace flat = load(k_config, replaced(k_items, "status: shipped", "status: in-progress"),
                              replaced(k_series, ", 2027-01-04: 150, 2027-02-01: 250", ""));
  CHECK(findings(flat, "2027-01-14", "objective-stalled").empty());
  const auto stalled = findings(flat, "2027-01-15", "objective-stalled");
  REQUIRE(stalled.size() == 1);
  CHECK(stalled[0].severity == Severity::warning);
  CHECK(stalled[0].message == "objective 'O1' of 2027-Q1 has made no progress since the period started on 2027-01-01");
  // Only the current period: O1 is not checked in 2027-Q2, O2 has nothing to check.
  CHECK(findings(flat, "2027-05-01", "objective-stalled").size() == 1);  // O2: no key result measured
  CHECK(findings(flat, "2027-05-01", "objective-stalled")[0].message.find("'O2'") != std::string::npos);
}
