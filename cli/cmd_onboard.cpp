// pops onboard: add a person to pops.yaml and write their onboarding document.

#include "commands.h"
#include "edit_runner.h"
#include "complete.h"

#include "base/date.h"
#include "features/docs_onboard.h"

namespace pops::cli {

namespace {

struct OnboardOpts {
  EditOptions edit;
  OnboardSpec spec;
};

}  // namespace

void setup_onboard(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<OnboardOpts>();
  app.add_option("person", o->spec.person, "Person id, e.g. dana (lower case; used as owner, attendee ...)")
    ->required();
  app.add_option("--squad", o->spec.squad, "The squad they join")->required()->check(completes(Values::squads));
  app.add_option("--name", o->spec.name, "Full name");
  app.add_option("--email", o->spec.email, "Email address");
  app.add_option("--role", o->spec.role, "Role, e.g. pm, em, design");
  add_edit_options(app, o->edit);
  app.footer("Adds the person to people: in pops.yaml (a minimal edit: comments and layout stay) and writes\n"
             "docs/onboarding/PERSON.md; prints its path. Adds the document type 'onboarding' to pops.yaml\n"
             "when there is none. Never overwrites an onboarding document.\n"
             "Exit status: 0 done, 1 refused because of check findings, 2 usage error or pops could not run.");
  run = [o](Context& ctx) {
    return run_edit(ctx, o->edit, false, true,
                    [o](const EditSession& s, const UsedIds&) { return plan_onboard(s, o->spec, today()); });
  };
}

}  // namespace pops::cli
