#include "edit/promote.h"

#include <doctest/doctest.h>

using namespace pops;

namespace {

const char* k_config = R"(version: 1
product: Test
squads:
  payments: {prefix: PAY}
  platform: {prefix: PLAT}
  growth: {prefix: GRO}
rules:
  # new standard, payments first
  doc-stale:
    severity: error
    pilot: [payments]   # since January
  target-passed: {severity: warning, pilot: [payments]}
  wip-limit: error
)";

std::string after(const PromoteSpec& spec, const char* cfg = k_config)
{
  const EditSession s = EditSession::of("/nowhere", {{"pops.yaml", cfg}});
  const EditPlan p = plan_pilot_promote(s, spec);
  REQUIRE(p.changes.size() == 1);
  return p.changes[0].after;
}

}  // namespace

TEST_CASE("pilot promote: widening appends to the pilot list, nothing else changes")
{
  const std::string want =
    std::string(k_config).replace(std::string(k_config).find("pilot: [payments]   #"),
                                  std::string("pilot: [payments]").size(), "pilot: [payments, growth]");
  CHECK(after({"doc-stale", {"growth", "payments"}, false}) == want);
}

TEST_CASE("pilot promote: --all removes pilot: and keeps the comments and the other rules")
{
  const std::string got = after({"target-passed", {}, true});
  CHECK(got.find("target-passed: {severity: warning}\n") != std::string::npos);
  std::string want = k_config;
  want.replace(want.find("target-passed: {severity: warning, pilot: [payments]}"),
               std::string("target-passed: {severity: warning, pilot: [payments]}").size(),
               "target-passed: {severity: warning}");
  CHECK(got == want);
  const std::string block = after({"doc-stale", {}, true});
  CHECK(block.find("  # new standard, payments first\n  doc-stale:\n    severity: error\n") != std::string::npos);
  CHECK(block.find("pilot:") == block.find("pilot: [payments]}"));  // only target-passed's is left
}

TEST_CASE("pilot promote: refuses what it cannot do, saying why")
{
  const EditSession s = EditSession::of("/nowhere", {{"pops.yaml", k_config}});
  CHECK_THROWS_WITH(plan_pilot_promote(s, {"wip-limit", {}, true}), "rule 'wip-limit' is not under pilot in pops.yaml");
  CHECK_THROWS_WITH(plan_pilot_promote(s, {"doc-stail", {}, true}),
                    "unknown rule 'doc-stail' (did you mean 'doc-stale'?)");
  CHECK_THROWS_WITH(plan_pilot_promote(s, {"doc-stale", {"grwth"}, false}),
                    "unknown squad 'grwth' (did you mean 'growth'?)");
  CHECK_THROWS_WITH(plan_pilot_promote(s, {"doc-stale", {"payments"}, false}),
                    "the pilot of 'doc-stale' has payments already");
  CHECK_THROWS(plan_pilot_promote(s, {"doc-stale", {"growth"}, true}));
  CHECK_THROWS(plan_pilot_promote(s, {"doc-stale", {}, false}));
}
