#pragma once
// The workspace configuration the schema tests share (test_jsonschema, test_editor_schemas).

#include "features/jsonschema.h"
#include "workspace/config.h"

#include <doctest/doctest.h>

#include <vector>

namespace schema_fixture {

inline constexpr const char* k_config = R"(version: 1
product: Test Co
squads:
  payments: {name: Payments, prefix: PAY, lead: alice}
  platform: {prefix: PLAT}
people:
  alice: {name: Alice}
  bo:
statuses: [idea, planned, in-progress, shipped, dropped]
horizons: [now, soon]
feedback_sources: [support, sales]
fields:
  risk: {type: enum, values: [low, high]}
  revenue_impact: {type: number}
  launch_date: {type: date}
  regulated: {type: bool}
  regions: {type: list}
rituals:
  sprint-review: {cadence: {every: 2 weeks}}
docs:
  types:
    prd: {required: [title, owner, approver]}
    decision: {}
)";

inline pops::Config config(const char* text = k_config)
{
  std::vector<pops::Finding> findings;
  pops::Config cfg = pops::config_from_text(text, findings);
  REQUIRE(cfg.loaded);
  REQUIRE(findings.empty());
  return cfg;
}

}  // namespace schema_fixture
