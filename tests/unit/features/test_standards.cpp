#include "features/standards.h"
#include "features/pilot.h"
#include "git/git.h"
#include "workspace/workspace.h"

#include "helpers.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

using namespace pops;
using pops::test::TempRepo;

namespace {

std::string config(const std::string& squads, const std::string& rule)
{
  return "version: 1\nproduct: Test\nsquads:\n" + squads + "rules:\n  target-passed: " + rule + "\n";
}

const char* k_two = "  payments: {prefix: PAY}\n  platform: {prefix: PLAT}\n";
const char* k_three = "  payments: {prefix: PAY}\n  platform: {prefix: PLAT}\n  growth: {prefix: GRO}\n";

/// The history the expectations below are computed by hand from:
///  01-05 payments and platform; target-passed a warning under pilot with payments. PAY-1 (target
///        01-20), PAY-2 (target 03-01), PAY-3 (no target), PLAT-1 (target 01-25), all planned.
///  02-10 target-passed becomes an error, still under pilot; squad growth added with GRO-1 (target 01-31).
///  03-03 target-passed rolled out (no pilot); PAY-1 shipped.
void build_history(TempRepo& r)
{
  r.commit({{"pops.yaml", config(k_two, "{severity: warning, pilot: [payments]}")},
            {"roadmap/payments.yaml", R"(squad: payments
items:
  - id: PAY-1
    title: Refunds
    status: planned
    horizon: now
    target: 2026-01-20
  - id: PAY-2
    title: Payouts
    status: planned
    horizon: now
    target: 2026-03-01
  - id: PAY-3
    title: Ledger
    status: planned
    horizon: next
)"},
            {"roadmap/platform.yaml", R"(squad: platform
items:
  - {id: PLAT-1, title: Queues, status: planned, horizon: now, target: 2026-01-25}
)"}},
           "2026-01-05");
  r.commit(
    {{"pops.yaml", config(k_three, "{severity: error, pilot: [payments]}")}, {"roadmap/growth.yaml", R"(squad: growth
items:
  - {id: GRO-1, title: Referrals, status: planned, horizon: now, target: 2026-01-31}
)"}},
    "2026-02-10");
  r.commit({{"pops.yaml", config(k_three, "{severity: error}")}, {"roadmap/payments.yaml", R"(squad: payments
items:
  - id: PAY-1
    title: Refunds
    status: shipped
    horizon: now
    target: 2026-01-20
  - id: PAY-2
    title: Payouts
    status: planned
    horizon: now
    target: 2026-03-01
  - id: PAY-3
    title: Ledger
    status: planned
    horizon: next
)"}},
           "2026-03-03");
}

const nlohmann::json& rule_of(const nlohmann::json& j, const std::string& squad, const std::string& rule)
{
  for (const auto& s : j["squads"]) {
    if (s["squad"] == squad) {
      for (const auto& r : s["rules"]) {
        if (r["rule"] == rule) {
          return r;
        }
      }
    }
  }
  FAIL("no row for " << squad << " " << rule);
  static const nlohmann::json none;
  return none;
}

}  // namespace

TEST_CASE("standards: findings and compliance per squad and period, with pops.yaml as it was")
{
  TempRepo r;
  build_history(r);
  Repository repo = Repository::open(r.dir);
  StandardsOptions o;
  o.until = *parse_date("2026-03-31");
  const Standards s = compute_standards(repo, r.dir, "", o);
  const auto j = nlohmann::json::parse(render_standards_json(s));
  CHECK(j["periods"] == nlohmann::json({"2026-01", "2026-02", "2026-03"}));
  CHECK(j["ends"] == nlohmann::json({"2026-01-31", "2026-02-28", "2026-03-31"}));
  // Squads in pops.yaml's order at the end; growth was added in February.
  std::vector<std::string> squads;
  for (const auto& sq : j["squads"]) {
    squads.push_back(sq["squad"]);
  }
  CHECK(squads == std::vector<std::string>{"payments", "platform", "growth"});

  // payments: January PAY-1 passed, PAY-2 not (2 subjects, 1 failing); February the same; March
  // PAY-1 shipped, PAY-2's 03-01 passed (1 subject, failing).
  const auto& pay = rule_of(j, "payments", "target-passed");
  CHECK(pay["measure"] == "open items with a target");
  CHECK(pay["severities"] == nlohmann::json({"warning", "error", "error"}));
  CHECK(pay["applies"] == nlohmann::json({true, true, true}));
  CHECK(pay["findings"] == nlohmann::json({1, 1, 1}));
  CHECK(pay["subjects"] == nlohmann::json({2, 2, 1}));
  CHECK(pay["compliance"] == nlohmann::json({0.5, 0.5, 0.0}));
  CHECK(pay["severity"] == "error");
  CHECK(pay["piloted"] == false);  // rolled out in March

  // platform: measured while the pilot hid it from pops check, marked as not in force.
  const auto& plat = rule_of(j, "platform", "target-passed");
  CHECK(plat["applies"] == nlohmann::json({false, false, true}));
  CHECK(plat["findings"] == nlohmann::json({1, 1, 1}));
  CHECK(plat["compliance"] == nlohmann::json({0.0, 0.0, 0.0}));

  // growth: not a squad in January.
  const auto& gro = rule_of(j, "growth", "target-passed");
  CHECK(gro["findings"] == nlohmann::json({nullptr, 1, 1}));
  CHECK(gro["compliance"] == nlohmann::json({nullptr, 0.0, 0.0}));
  CHECK(gro["severities"] == nlohmann::json({"warning", "error", "error"}));

  // Another rule with a measure and no finding: all items comply.
  const auto& dup = rule_of(j, "payments", "duplicate-id");
  CHECK(dup["findings"] == nlohmann::json({0, 0, 0}));
  CHECK(dup["subjects"] == nlohmann::json({3, 3, 3}));
  CHECK(dup["compliance"] == nlohmann::json({1.0, 1.0, 1.0}));

  // --squad keeps only those squads, and the table marks where the rule did not apply.
  o.squads = {"platform"};
  const Standards only = compute_standards(repo, r.dir, "", o);
  REQUIRE(only.squads.size() == 1);
  CHECK(only.squads[0].squad == "platform");
  CHECK(only.known_squads.size() == 3);
  const std::string table = render_standards_table(only);
  CHECK(table.find("1 \u00b7 0% (not in force)") != std::string::npos);
}

TEST_CASE("standards: quarters, and a history that starts late")
{
  TempRepo r;
  build_history(r);
  Repository repo = Repository::open(r.dir);
  StandardsOptions o;
  o.period = PeriodKind::quarter;
  o.since = *parse_date("2025-12-01");
  o.until = *parse_date("2026-02-15");
  const Standards s = compute_standards(repo, r.dir, "", o);
  const auto j = nlohmann::json::parse(render_standards_json(s));
  CHECK(j["periods"] == nlohmann::json({"2025-Q4", "2026-Q1"}));
  CHECK(j["commits"][0].is_null());  // nothing committed by 2025-12-31
  const auto& pay = rule_of(j, "payments", "target-passed");
  // Q1 is cut at 02-15: the state of 02-10, PAY-1 passed.
  CHECK(pay["findings"] == nlohmann::json({nullptr, 1}));
  CHECK(pay["compliance"] == nlohmann::json({nullptr, 0.5}));
  CHECK(s.periods[1].complete == false);
}

TEST_CASE("pilot list: every pilot from pops.yaml's history, with its changes")
{
  TempRepo r;
  build_history(r);
  Repository repo = Repository::open(r.dir);
  const PilotHistory h = pilot_history(repo, r.dir, "");
  REQUIRE(h.pilots.size() == 1);
  const PilotRecord& p = h.pilots[0];
  CHECK(p.rule == "target-passed");
  CHECK(p.squads == std::vector<std::string>{"payments"});
  CHECK(format_date(p.started) == "2026-01-05");
  CHECK(p.state == "rolled out");
  REQUIRE(p.ended.has_value());
  CHECK(format_date(*p.ended) == "2026-03-03");
  REQUIRE(p.events.size() == 3);
  CHECK(p.events[0].what == "piloted");
  CHECK(p.events[0].severity == "warning");
  CHECK(p.events[1].what == "severity");
  CHECK(p.events[1].severity == "error");
  CHECK(p.events[2].what == "rolled out");
  const auto j = nlohmann::json::parse(render_pilot_list_json(h));
  CHECK(j["pilots"][0]["state"] == "rolled out");
  CHECK(j["truncated"] == false);
}

TEST_CASE("pilot list: widened, then ended by turning the rule off")
{
  TempRepo r;
  r.commit({{"pops.yaml", config(k_three, "{pilot: [payments]}")}}, "2026-01-05");
  r.commit({{"pops.yaml", config(k_three, "{pilot: [payments, growth]}")}}, "2026-01-20");
  r.commit({{"pops.yaml", config(k_three, "{severity: off}")}}, "2026-02-01");
  r.commit({{"pops.yaml", config(k_three, "{pilot: [growth]}")}}, "2026-03-01");
  Repository repo = Repository::open(r.dir);
  const PilotHistory h = pilot_history(repo, r.dir, "");
  REQUIRE(h.pilots.size() == 2);
  CHECK(h.pilots[0].events.size() == 3);
  CHECK(h.pilots[0].events[1].what == "widened");
  CHECK(h.pilots[0].events[1].squads == std::vector<std::string>{"growth", "payments"});
  CHECK(h.pilots[0].state == "ended");
  CHECK(h.pilots[1].state == "piloting");
  CHECK(h.pilots[1].current == std::vector<std::string>{"growth"});
  const std::string table = render_pilot_list_table(h);
  CHECK(table.find("target-passed  growth    2026-03-01  piloting") != std::string::npos);
}

TEST_CASE("pilot report: the pilot squads against the others, and a verdict that says too few")
{
  TempRepo r;
  build_history(r);
  Repository repo = Repository::open(r.dir);
  History history(repo, r.dir, "");
  Config cfg;
  MetricsOptions mo;
  mo.until = *parse_date("2026-03-31");
  const Metrics m = compute_metrics(history, "HEAD", cfg, mo);
  const PilotReport rep = pilot_report(repo, r.dir, "", "target-passed", mo.until, m);
  CHECK(rep.pilot_squads == std::vector<std::string>{"payments"});
  CHECK(rep.other_squads == std::vector<std::string>{"platform", "growth"});
  // After: 01-05 .. 03-02 (rolled out 03-03), the state of 02-10 on 03-02: PAY-1 and PAY-2 passed.
  CHECK(format_date(rep.pilot_after.to) == "2026-03-02");
  CHECK(rep.pilot_after.findings == 2);
  CHECK(rep.pilot_after.compliance.n == 2);
  CHECK(*rep.pilot_after.compliance.value == doctest::Approx(0.0));
  CHECK(rep.others_after.findings == 2);  // PLAT-1, GRO-1
  // Before: nothing was committed before the pilot started.
  CHECK(rep.pilot_before.compliance.n == 0);
  CHECK_FALSE(rep.pilot_before.compliance.value.has_value());
  CHECK(rep.pilot_after.throughput == 0);  // PAY-1 shipped on 03-03, after the window
  CHECK(rep.verdict.find("The history starts with the pilot: there is no \"before\" to compare with.")
        != std::string::npos);
  CHECK(nlohmann::json::parse(render_pilot_report_json(rep))["pilot_before"]["from"].is_null());
  CHECK(rep.verdict.find("Too few open items with a target in the pilot squads to judge the rule (0 before, 2 "
                         "after; at least 5 each are needed).")
        != std::string::npos);
  CHECK(rep.verdict.find("Too few items shipped in the pilot squads (0 before, 0 after)") != std::string::npos);
  CHECK_THROWS_WITH(pilot_report(repo, r.dir, "", "doc-stale", mo.until, m),
                    "rule 'doc-stale' was never under pilot in pops.yaml's history");
}

TEST_CASE("pilot report: a rule piloted twice reports its latest pilot by --until and says which")
{
  TempRepo r;
  r.commit({{"pops.yaml", config(k_three, "{pilot: [payments]}")}}, "2026-01-05");
  r.commit({{"pops.yaml", config(k_three, "{pilot: [payments, growth]}")}}, "2026-01-20");
  r.commit({{"pops.yaml", config(k_three, "{severity: off}")}}, "2026-02-01");
  r.commit({{"pops.yaml", config(k_three, "{pilot: [growth]}")}}, "2026-03-01");
  Repository repo = Repository::open(r.dir);
  History history(repo, r.dir, "");
  Config cfg;
  MetricsOptions mo;
  mo.until = *parse_date("2026-03-31");
  const Metrics m = compute_metrics(history, "HEAD", cfg, mo);
  const PilotReport latest = pilot_report(repo, r.dir, "", "target-passed", mo.until, m);
  CHECK(latest.episode == 2);
  CHECK(latest.episodes == 2);
  CHECK(latest.pilot_squads == std::vector<std::string>{"growth"});
  CHECK(format_date(latest.pilot_after.from) == "2026-03-01");
  CHECK(format_date(latest.pilot_after.to) == "2026-03-31");
  // The before window is as long (31 days) and ends the day before: 01-29 .. 02-28.
  CHECK(format_date(latest.pilot_before.from) == "2026-01-29");
  CHECK(latest.verdict.find("This is pilot 2 of 2 of the rule: the latest started by the last day measured "
                            "(an earlier --until reports an earlier one).")
        != std::string::npos);
  const auto j = nlohmann::json::parse(render_pilot_report_json(latest));
  CHECK(j["episode"] == 2);
  CHECK(j["episodes"] == 2);
  // An --until before the second pilot started reports the first, ended 02-01: after is 01-05 .. 01-31.
  const PilotReport first = pilot_report(repo, r.dir, "", "target-passed", *parse_date("2026-02-15"), m);
  CHECK(first.episode == 1);
  CHECK(first.episodes == 2);
  CHECK(first.pilot_squads == std::vector<std::string>{"payments"});
  CHECK(first.pilot.state == "ended");
  CHECK(format_date(first.pilot_after.to) == "2026-01-31");
  CHECK(first.verdict.find("This is pilot 1 of 2 of the rule") != std::string::npos);
  // A rule piloted once says nothing of episodes.
  TempRepo once;
  build_history(once);
  Repository repo1 = Repository::open(once.dir);
  History history1(repo1, once.dir, "");
  const Metrics m1 = compute_metrics(history1, "HEAD", cfg, mo);
  const PilotReport single = pilot_report(repo1, once.dir, "", "target-passed", mo.until, m1);
  CHECK(single.episode == 1);
  CHECK(single.episodes == 1);
  CHECK(single.verdict.find("This is pilot") == std::string::npos);
}

TEST_CASE("pilot verdict: wording by sample size and difference")
{
  PilotReport r;
  r.pilot.rule = "doc-stale";
  r.pilot.squads = {"payments"};
  r.pilot.started = *parse_date("2026-02-01");
  r.pilot_before.compliance = {0.5, 10};
  r.pilot_after.compliance = {0.9, 10};
  r.others_before.compliance = {0.5, 8};
  r.others_after.compliance = {0.55, 8};
  r.pilot_before.cycle_p50 = {12.0, 6};
  r.pilot_after.cycle_p50 = {9.5, 5};
  std::string v = pilot_verdict(r);
  CHECK(v.find("doc-stale was piloted with payments from 2026-02-01, still under pilot.") != std::string::npos);
  CHECK(v.find("In the pilot squads, compliance went from 50% to 90% (10 and 10 docs of a type with review_every, "
               "not obsolete). In the other squads, from 50% to 55%. The pilot squads improved more than the others.")
        != std::string::npos);
  CHECK(v.find("Cycle time p50 in the pilot squads went from 12.0 to 9.5 days (6 and 5 items).") != std::string::npos);
  CHECK(v.find("does not show that the rule caused the change") != std::string::npos);
  r.others_after.compliance = {0.9, 8};
  CHECK(pilot_verdict(r).find("No clear difference from the other squads.") != std::string::npos);
  r.others_after.compliance = {0.9, 4};
  CHECK(pilot_verdict(r).find("The other squads have too few docs of a type with review_every, not obsolete to "
                              "compare (8 before, 4 after).")
        != std::string::npos);
  r.pilot_after.cycle_p50 = {9.5, 4};
  CHECK(pilot_verdict(r).find("Too few items shipped in the pilot squads (6 before, 4 after) to compare delivery.")
        != std::string::npos);
}

TEST_CASE("standard_changes: severity, pilot start, widening and roll-out between two pops.yaml")
{
  auto cfg = [](const std::string& rules) {
    return load_workspace("/nowhere", {SourceFile{"pops.yaml", config(k_three, "warning\n" + rules)}}, 1).config;
  };
  const Config a = cfg("  doc-stale: {pilot: [payments]}\n  wip-limit: {pilot: [growth]}\n");
  const Config b =
    cfg("  doc-stale: {pilot: [payments, growth]}\n  wip-limit: error\n  update-stale: {pilot: [platform]}\n");
  const auto changes = standard_changes(a, b);
  std::vector<std::string> texts;
  for (const auto& c : changes) {
    texts.push_back(standard_change_text(c));
  }
  CHECK(texts
        == std::vector<std::string>{
          "wip-limit: rolled out to every squad (piloted with growth)", "wip-limit: severity error (was warning)",
          "doc-stale: pilot widened to growth, payments", "update-stale: piloted with platform"});
  CHECK(standard_changes(a, a).empty());
}

TEST_CASE("portfolio standards: each member's squads qualified, the periods aligned by name")
{
  auto period = [](const char* name) {
    StandardsPeriod p;
    p.name = name;
    p.commit = "0123abcd";
    return p;
  };
  auto cell = [](int subjects, int failing) {
    StandardsCell c;
    c.measured = true;
    c.applies = true;
    c.tally.subjects = subjects;
    c.tally.failing = failing;
    c.compliance = compliance_of(c.tally);
    return c;
  };
  Standards acme;
  acme.periods = {period("2026-10"), period("2026-11")};
  acme.known_squads = {"payments"};
  acme.squads = {{"payments", {{"prd-missing", "committed items", "warning", false, {cell(2, 1), cell(4, 1)}}}}};
  Standards beta;  // a history that starts in November
  beta.periods = {period("2026-11")};
  beta.known_squads = {"core"};
  beta.squads = {{"core", {{"prd-missing", "committed items", "warning", false, {cell(5, 0)}}}}};
  const Standards p = portfolio_standards({{"acme", acme}, {"beta", beta}});
  REQUIRE(p.periods.size() == 2);
  CHECK(p.periods[0].name == "2026-10");
  CHECK(p.periods[1].name == "2026-11");
  CHECK(p.periods[1].commit.empty());
  CHECK(p.known_squads == std::vector<std::string>{"acme/payments", "beta/core"});
  REQUIRE(p.squads.size() == 2);
  CHECK(p.squads[0].squad == "acme/payments");
  CHECK(squad_compliance(p.squads[0], 0) == doctest::Approx(0.5));
  CHECK(squad_compliance(p.squads[0], 1) == doctest::Approx(0.75));
  CHECK(p.squads[1].squad == "beta/core");
  CHECK_FALSE(p.squads[1].rules[0].cells[0].measured);
  CHECK_FALSE(squad_compliance(p.squads[1], 0));
  CHECK(squad_compliance(p.squads[1], 1) == doctest::Approx(1.0));
}
