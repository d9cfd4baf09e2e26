// `pops onboard` (lib/features/docs_onboard.cpp): the person added to pops.yaml with the onboarding
// document type when missing, their document written from the workspace's facts, and refusals.

#include "features/docs_onboard.h"

#include "../helpers.h"

#include <doctest/doctest.h>

#include <string>

using namespace pops;

namespace {

const std::string k_config = "version: 1\nproduct: Acme\n# squads first\nsquads:\n"
                             "  payments: {prefix: PAY, lead: alice}\n  platform: {prefix: PLAT}\n"
                             "people:\n  alice: {name: Alice Park, squad: payments}\n";

EditSession session()
{
  return EditSession::of(
    "/nowhere", {{"pops.yaml", k_config},
                 {"roadmap/p.yaml", "squad: payments\nitems:\n"
                                    "  - {id: PAY-1, title: One-click refunds, status: in-progress, horizon: now}\n"
                                    "  - {id: PAY-2, title: Refund limits, status: planned, horizon: next}\n"}});
}

OnboardSpec dana()
{
  OnboardSpec o;
  o.person = "dana";
  o.squad = "payments";
  o.name = "Dana Smith";
  return o;
}

}  // namespace

TEST_CASE("onboard: pops.yaml gains the person and the onboarding type; the document names squad, lead and items")
{
  const EditPlan p = plan_onboard(session(), dana(), *parse_date("2026-11-22"));
  REQUIRE(p.changes.size() == 2);
  CHECK(p.changes[0].path == "pops.yaml");
  const std::string& cfg = p.changes[0].after;
  CHECK(cfg.find("# squads first\n") != std::string::npos);
  const Workspace ws = pops::test::load_clean({{"pops.yaml", cfg}});
  REQUIRE(ws.config.person("dana") != nullptr);
  CHECK(ws.config.person("dana")->name.value == "Dana Smith");
  CHECK(ws.config.person("dana")->squad.value == "payments");
  REQUIRE(ws.config.doc_type("onboarding") != nullptr);
  CHECK(p.changes[1].path == "docs/onboarding/dana.md");
  CHECK(p.changes[1].created);
  const std::string& doc = p.changes[1].after;
  CHECK(doc.find("Dana Smith") != std::string::npos);
  CHECK(doc.find("payments") != std::string::npos);
  CHECK(doc.find("Alice Park") != std::string::npos);
  CHECK(doc.find("PAY-1") != std::string::npos);
  CHECK(doc.find("One-click refunds") != std::string::npos);
  // The two together load without a finding.
  pops::test::load_clean({{"pops.yaml", cfg}, {"docs/onboarding/dana.md", doc}});
}

TEST_CASE("onboard refused: a bad person id, an unknown squad, a person of another squad, an existing document")
{
  const Date today = *parse_date("2026-11-22");
  OnboardSpec o = dana();
  o.person = "Dana";
  CHECK_THROWS_AS(plan_onboard(session(), o, today), OpError);
  o = dana();
  o.squad = "paymnts";
  CHECK_THROWS_WITH_AS(plan_onboard(session(), o, today), "unknown squad 'paymnts' (did you mean 'payments'?)",
                       OpError);
  o = dana();
  o.person = "alice";
  o.squad = "platform";
  CHECK_THROWS_WITH_AS(plan_onboard(session(), o, today), "'alice' is in pops.yaml already, in squad 'payments'",
                       OpError);
  const EditSession with_doc =
    EditSession::of("/nowhere", {{"pops.yaml", k_config}, {"docs/onboarding/dana.md", "---\ntype: x\n---\n"}});
  CHECK_THROWS_WITH_AS(plan_onboard(with_doc, dana(), today),
                       "'docs/onboarding/dana.md' exists already; pops never overwrites a document", OpError);
}
