#include "features/template.h"

#include "check/check.h"
#include "features/docs.h"
#include "features/docs_onboard.h"
#include "features/ritual.h"
#include "workspace/workspace.h"

#include "helpers.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace pops;
using pops::test::TempDir;
namespace fs = std::filesystem;

namespace {

const char* k_all_types = R"(version: 1
product: Test Co
squads:
  payments: {name: Payments, prefix: PAY, lead: alice, wip_limit: 1}
  platform: {name: Platform, prefix: PLAT, lead: bo}
people:
  alice: {name: Alice Park, email: alice@example.com, role: pm, squad: payments}
  bo: {name: Bo Lind, squad: platform}
rituals:
  sprint-review: {cadence: {every: 2 weeks, on: thursday, from: 2026-01-08}, template: sprint-review}
  strategy-sync: {cadence: {every: 1 month}, template: strategy-sync}
  retro: {cadence: {every: 2 weeks, on: friday}, template: retro, squads: [payments]}
docs:
  types:
    prd:
      dir: docs/prd
      template: prd
      required: [title, owner, status, items]
      sections: [Problem, Goals, Non-goals, Success metrics]
      review_every: 90 days
    one-pager:
      required: [title, owner, status]
      sections: [Problem, Proposal, Why now, Success metrics, Risks]
    decision-record:
      dir: docs/decisions
      template: decision-record
      required: [title, owner, status]
      sections: [Context, Decision, Consequences]
    release-note:
      dir: docs/releases
      required: [title, status]
      sections: [Highlights, What's new, Known issues]
    onboarding:
      dir: docs/onboarding
      required: [title, owner]
      sections: [Your squad, Rituals to attend, Standards in force, Glossary, First week]
)";

const char* k_roadmap = R"(squad: payments
items:
  - {id: PAY-1, title: "Refunds: one click", status: in-progress, horizon: now, owner: alice, target: 2026-12-15, depends_on: [PLAT-1]}
  - {id: PAY-2, title: Payouts, status: planned, horizon: next}
  - {id: PLAT-1, title: Ledger, status: planned, squad: platform}
)";

/// A folder that does not exist: no workspace templates, no files on disk.
const std::string k_nowhere = "/nonexistent/pops-unit-template";

std::vector<SourceFile> base_files()
{
  return {{"pops.yaml", k_all_types}, {"roadmap/payments.yaml", k_roadmap}};
}

CheckResult check_with(std::vector<SourceFile> files)
{
  std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  Workspace ws = load_workspace(k_nowhere, std::move(files), 1);
  CheckOptions o;
  o.today = *parse_date("2026-11-22");
  return check_workspace(ws, o);
}

std::string findings_text(const CheckResult& r)
{
  std::string s;
  for (const auto& f : r.findings) {
    s += f.file + ":" + std::to_string(f.loc.line) + ": " + f.message + " [" + f.rule + "]\n";
  }
  return s;
}

}  // namespace

TEST_CASE("every built-in template is listed with a summary")
{
  const auto all = list_templates(k_nowhere);
  std::vector<std::string> names;
  for (const auto& t : all) {
    names.push_back(t.name);
    CHECK_MESSAGE(!t.summary.empty(), t.name);
    CHECK(t.builtin);
    CHECK_FALSE(t.workspace);
  }
  for (const char* want : {"prd", "one-pager", "decision-record", "sprint-review", "strategy-sync", "retro",
                           "release-note", "onboarding"}) {
    CHECK_MESSAGE(std::find(names.begin(), names.end(), want) != names.end(), want);
  }
  // The init files are not templates.
  CHECK(std::find(names.begin(), names.end(), "pops") == names.end());
}

TEST_CASE("every built-in document template renders a document that passes pops check")
{
  EditSession s = EditSession::of(k_nowhere, base_files());
  REQUIRE(s.ws.config.loaded);
  const Date today = *parse_date("2026-11-22");
  std::vector<SourceFile> files = base_files();
  for (const char* type : {"prd", "one-pager", "decision-record", "release-note"}) {
    DocSpec spec;
    spec.type = type;
    spec.title = std::string("A \"quoted\": title for ") + type;
    spec.owner = "alice";
    spec.items = {"PAY-1", "PAY-2"};
    EditPlan plan = plan_doc_new(s, spec, today);
    REQUIRE(plan.changes.size() == 1);
    CHECK(plan.changes[0].created);
    const std::string& text = plan.changes[0].after;
    CHECK_MESSAGE(text.starts_with("---\ntitle: "), type);
    CHECK(text.find("{{") == std::string::npos);
    CHECK(text.find("created: 2026-11-22") != std::string::npos);
    files.push_back({plan.changes[0].path, text});
  }
  CHECK(files[2].path == "docs/prd/a-quoted-title-for-prd.md");
  CHECK(files[3].path == "docs/one-pager/a-quoted-title-for-one-pager.md");
  const CheckResult r = check_with(files);
  CHECK_MESSAGE(r.findings.empty(), findings_text(r));
}

TEST_CASE("the onboarding template renders a document that passes pops check")
{
  std::vector<SourceFile> files = base_files();
  EditSession s = EditSession::of(k_nowhere, files);
  OnboardSpec spec{"dana", "payments", "Dana Ito", "dana@example.com", "pm"};
  EditPlan plan = plan_onboard(s, spec, *parse_date("2026-11-22"));
  REQUIRE(plan.changes.size() == 2);
  CHECK(plan.changes[0].path == "pops.yaml");
  CHECK(plan.changes[0].after.find("  dana: {name: Dana Ito, email: dana@example.com, role: pm, squad: payments}\n")
        != std::string::npos);
  CHECK(plan.changes[1].path == "docs/onboarding/dana.md");
  const std::string& doc = plan.changes[1].after;
  CHECK(doc.find("# Welcome to Payments, Dana Ito") != std::string::npos);
  CHECK(doc.find("Your lead is **Alice Park** (`alice`), alice@example.com.") != std::string::npos);
  CHECK(doc.find("- **PAY-1** Refunds: one click: in-progress, owner alice, target 2026-12-15") != std::string::npos);
  CHECK(doc.find("- **PAY-2** Payouts: planned") != std::string::npos);
  CHECK(doc.find("- **retro**, every 2 weeks on friday: next on 2026-11-27") != std::string::npos);
  CHECK(doc.find("| `wip-limit` | warning | every squad |") != std::string::npos);
  CHECK(doc.find("PLAT-1") == std::string::npos);  // another squad's item
  files[0].content = plan.changes[0].after;
  files.push_back({plan.changes[1].path, doc});
  const CheckResult r = check_with(files);
  CHECK_MESSAGE(r.findings.empty(), findings_text(r));
}

TEST_CASE("every built-in ritual template renders a note that passes pops check")
{
  std::vector<SourceFile> files = base_files();
  Workspace ws = load_workspace(k_nowhere, files, 1);
  const Date date = *parse_date("2026-11-26");
  for (const char* name : {"sprint-review", "strategy-sync", "retro"}) {
    const Ritual* r = ws.config.ritual(name);
    REQUIRE(r);
    auto data = ritual_note_data(*r, &ws, {}, {}, ws, ws, date, date, "Since 2026-11-12.");
    auto t = builtin_template(name);
    REQUIRE(t);
    const std::string text = render_template(*t, data);
    CHECK(text.starts_with("---\nritual: " + std::string(name) + "\ndate: 2026-11-26\n"));
    CHECK(text.find("{{") == std::string::npos);
    files.push_back({"rituals/" + std::string(name) + "/2026-11-26.md", text});
  }
  const CheckResult r = check_with(files);
  CHECK_MESSAGE(r.findings.empty(), findings_text(r));
}

TEST_CASE("a workspace template overrides the built-in one")
{
  TempDir dir;
  fs::create_directories(dir.path / "templates");
  std::ofstream(dir.path / "templates" / "prd.md")
    << "{{! Our PRD }}\n---\ntitle: {{title_yaml}}\ntype: {{type}}\n---\n# {{title}} by {{owner_name}}\n";
  std::ofstream(dir.path / "templates" / "kickoff.md") << "# Kickoff\n";
  std::ofstream(dir.path / "templates" / "Bad Name.md") << "ignored\n";
  const auto all = list_templates(dir.path.string());
  auto find = [&](const std::string& n) {
    return std::find_if(all.begin(), all.end(), [&](const TemplateInfo& t) { return t.name == n; });
  };
  REQUIRE(find("prd") != all.end());
  CHECK(find("prd")->builtin);
  CHECK(find("prd")->workspace);
  CHECK(find("prd")->summary == "Our PRD");
  REQUIRE(find("kickoff") != all.end());
  CHECK_FALSE(find("kickoff")->builtin);
  CHECK(find("Bad Name") == all.end());
  auto t = find_template(dir.path.string(), "prd");
  REQUIRE(t);
  CHECK(t->workspace);
  CHECK(t->origin == "templates/prd.md");
  // Rendered for a type that requires sections the template lacks: they are added.
  EditSession s = EditSession::of(dir.path.string(), base_files());
  DocSpec spec{"prd", "Refunds", "alice", "draft", {"PAY-1"}};
  EditPlan plan = plan_doc_new(s, spec, *parse_date("2026-11-22"));
  CHECK(plan.changes[0].after
        == "---\ntitle: Refunds\ntype: prd\n---\n# Refunds by Alice Park\n\n## Problem\n\n\n## Goals\n\n\n## "
           "Non-goals\n\n\n"
           "## Success metrics\n\n");
  // The built-in one is still there.
  CHECK(builtin_template("prd")->text.find("## Problem") != std::string::npos);
}

TEST_CASE("a template that is not valid Mustache is an error naming it")
{
  TempDir dir;
  fs::create_directories(dir.path / "templates");
  std::ofstream(dir.path / "templates" / "prd.md") << "# {{#items}} never closed\n";
  auto t = find_template(dir.path.string(), "prd");
  REQUIRE(t);
  CHECK_THROWS_WITH_AS(render_template(*t, nlohmann::json::object()),
                       doctest::Contains("template 'prd' (templates/prd.md) is not valid Mustache"),
                       std::runtime_error);
  CHECK_FALSE(find_template(dir.path.string(), "../etc/passwd"));
  CHECK_FALSE(is_template_name("A"));
  CHECK(is_template_name("sprint-review"));
}

TEST_CASE("YAML scalars for front matter")
{
  CHECK(yaml_scalar("Refunds") == "Refunds");
  CHECK(yaml_scalar("Refunds: v2") == "\"Refunds: v2\"");
  CHECK(yaml_scalar("2026") == "\"2026\"");
  CHECK(yaml_flow_list({}) == "[]");
  CHECK(yaml_flow_list({"PAY-1", "a, b"}) == "[PAY-1, \"a, b\"]");
}
