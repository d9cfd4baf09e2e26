#pragma once
// Shared by the fuzz targets: a small workspace the fuzzed file is loaded into.

#include <string>

namespace pops_fuzz {

/// A pops.yaml with two squads, people, a ritual, a doc type and a scoring model, so that every
/// part of the model builder and the rules has something to check the fuzzed file against.
inline const std::string k_config = R"(version: 1
product: Fuzz Co
squads:
  payments: {name: Payments, prefix: PAY, lead: alice, wip_limit: 2}
  platform: {name: Platform, prefix: PLAT, lead: bo}
people:
  alice: {name: Alice Park, email: alice@example.com, role: pm, squad: payments}
  bo: {name: Bo Lind, email: bo@example.com, role: em, squad: platform}
rituals:
  sprint-review:
    cadence: {every: 2 weeks, on: thursday, from: 2026-01-08}
    template: sprint-review
docs:
  types:
    prd:
      dir: docs/prd
      required: [title, owner, status, items]
      sections: [Problem, Goals]
      review_every: 90 days
scoring:
  default: value
  models:
    value: reach * impact * confidence / max(effort, 1) + demand.arr / 100000
)";

inline const std::string k_roadmap = R"(squad: platform
items:
  - id: PLAT-1
    title: Ledger service
    status: shipped
    horizon: now
    owner: bo
)";

}  // namespace pops_fuzz
