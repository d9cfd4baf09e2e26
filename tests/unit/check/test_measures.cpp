#include "check/measures.h"
#include "check/check.h"
#include "workspace/workspace.h"

#include <doctest/doctest.h>

using namespace pops;

namespace {

const char* k_config = R"(version: 1
product: Test
squads:
  payments: {prefix: PAY, wip_limit: 1}
  platform: {prefix: PLAT}
docs:
  types:
    prd: {dir: docs/prd, review_every: 30 days}
rules:
  target-passed: {severity: error, pilot: [platform]}
)";

const char* k_items = R"(squad: payments
items:
  - id: PAY-1
    title: Refunds
    status: in-progress
    horizon: now
    target: 2026-12-01
  - id: PAY-2
    title: Payouts
    status: in-progress
    horizon: now
    target: 2026-10-01
  - id: PAY-3
    title: Ledger
    status: shipped
    horizon: now
    target: 2026-09-01
)";

Workspace load(std::vector<SourceFile> files)
{
  return load_workspace("/nowhere", std::move(files), 1);
}

}  // namespace

TEST_CASE("tally_rule: a finding falls on its item; shipped items are not subjects of target-passed")
{
  const Workspace ws = load({{"pops.yaml", k_config}, {"roadmap/payments.yaml", k_items}});
  CheckOptions o;
  o.today = *parse_date("2026-11-22");
  // Pilot with platform: pops check hides the payments finding; the scorecard keeps it.
  CHECK(check_workspace(ws, o).findings.empty() == false);
  bool pay2_hidden = true;
  for (const auto& f : check_workspace(ws, o).findings) {
    pay2_hidden = pay2_hidden && f.rule != "target-passed";
  }
  CHECK(pay2_hidden);
  o.all_squads = true;
  const CheckResult all = check_workspace(ws, o);
  const auto t = tally_rule(ws, "target-passed", all.findings, o.today);
  REQUIRE(t.count("payments"));
  CHECK(t.at("payments").findings == 1);  // PAY-2
  CHECK(t.at("payments").subjects == 2);  // PAY-1, PAY-2 (PAY-3 shipped)
  CHECK(t.at("payments").failing == 1);
  // wip-limit: payments has 2 in progress against 1; the squad is the subject.
  const auto w = tally_rule(ws, "wip-limit", all.findings, o.today);
  CHECK(w.at("payments").subjects == 1);
  CHECK(w.at("payments").failing == 1);
  CHECK(w.count("platform") == 0);  // no wip_limit: not a subject
  CHECK(rule_measure("wip-limit").subjects == "squads with a wip_limit");
  CHECK(rule_measure("schema").subjects.empty());
}

TEST_CASE("tally_rule: two findings of one doc count it once; docs count for their owner's squad")
{
  const Workspace ws = load({{"pops.yaml", std::string(k_config) + "people:\n  ada: {name: Ada, squad: payments}\n"},
                             {"docs/prd/a.md", "---\ntitle: A\ntype: prd\nowner: ada\nstatus: approved\n---\n# A\n"},
                             {"docs/prd/b.md", "---\ntitle: B\ntype: prd\nowner: ada\nstatus: approved\nreviewed: "
                                               "2026-11-20\n---\n# B\n"}});
  CheckOptions o;
  o.today = *parse_date("2026-11-22");
  o.all_squads = true;
  const CheckResult r = check_workspace(ws, o);
  const auto t = tally_rule(ws, "doc-stale", r.findings, o.today);
  REQUIRE(t.count("payments"));
  CHECK(t.at("payments").subjects == 2);
  CHECK(t.at("payments").failing == 1);  // a.md has no reviewed date
  CHECK(t.at("payments").subjects - t.at("payments").failing == 1);
}
