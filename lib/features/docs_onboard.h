#pragma once
// `pops onboard`: adds a person to pops.yaml (a minimal edit that keeps every comment) and writes
// their onboarding document, docs/onboarding/PERSON.md, from the workspace's facts: their squad and
// lead, the squad's now and next items, the docs linked to them, the rituals to attend with their
// next dates, the rules in force, a glossary and a first-week checklist.
//
// Onboarding documents are documents of type `onboarding`; when pops.yaml has no such type, the same
// edit adds `docs.types.onboarding: {dir: docs/onboarding, template: onboarding}`.

#include "edit/ops.h"

#include <string>

namespace pops {

struct OnboardSpec {
  std::string person, squad, name, email, role;
};

EditPlan plan_onboard(const EditSession& s, const OnboardSpec& spec, Date today);

}  // namespace pops
