// The rules of lib/check/rules_dates.cpp, each with a workspace that raises it and one that does not:
// wip-limit, target-passed, action-overdue, doc-required-field, doc-required-section, doc-stale.

#include "../helpers.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace pops;
using pops::test::rule_findings;

namespace {

const std::string k_config = R"(version: 1
product: Test
squads:
  payments: {prefix: PAY, lead: alice, wip_limit: 2}
  platform: {prefix: PLAT}
people:
  alice: {name: Alice, squad: payments}
  bo: {name: Bo, squad: platform}
rituals:
  sprint-review:
    cadence: {every: 2 weeks, on: thursday, from: 2026-01-08}
docs:
  types:
    prd:
      dir: docs/prd
      required: [title, owner]
      sections: [Problem, Success metrics]
      review_every: 30 days
    note:
      dir: docs/notes
)";

std::vector<SourceFile> with(std::vector<SourceFile> files)
{
  files.insert(files.begin(), {"pops.yaml", k_config});
  return files;
}

std::string roadmap(const std::string& items)
{
  return "squad: payments\nitems:\n" + items;
}

}  // namespace

TEST_CASE("wip-limit: one item more in progress than the squad's limit, reported on the first over it")
{
  const auto f = rule_findings(with({{"roadmap/p.yaml", roadmap("  - {id: PAY-1, title: A, status: in-progress}\n"
                                                                "  - {id: PAY-2, title: B, status: in-progress}\n"
                                                                "  - {id: PAY-3, title: C, status: in-progress}\n")}}),
                               "wip-limit");
  REQUIRE(f.size() == 1);
  CHECK(f[0].file == "roadmap/p.yaml");
  CHECK(f[0].loc.line == 5);
  CHECK(f[0].message == "squad 'payments' has 3 items in progress, over its wip_limit of 2 (PAY-1, PAY-2, PAY-3)");
  CHECK(f[0].squads == pops::test::Lines{"payments"});
  CHECK(f[0].severity == Severity::warning);
}

TEST_CASE("wip-limit: at the limit, other statuses, and a squad without a limit are not reported")
{
  CHECK(rule_findings(with({{"roadmap/p.yaml", roadmap("  - {id: PAY-1, title: A, status: in-progress}\n"
                                                       "  - {id: PAY-2, title: B, status: in-progress}\n"
                                                       "  - {id: PAY-3, title: C, status: planned}\n")},
                            {"roadmap/q.yaml", "squad: platform\nitems:\n"
                                               "  - {id: PLAT-1, title: A, status: in-progress}\n"
                                               "  - {id: PLAT-2, title: B, status: in-progress}\n"
                                               "  - {id: PLAT-3, title: C, status: in-progress}\n"}}),
                      "wip-limit")
          .empty());
}

TEST_CASE("target-passed: a target before today of an open item, in days")
{
  const auto f =
    rule_findings(with({{"roadmap/p.yaml", roadmap("  - {id: PAY-1, title: A, status: planned, target: 2026-11-20}\n"
                                                   "  - {id: PAY-2, title: B, status: idea, target: 2026-11-21}\n")}}),
                  "target-passed");
  REQUIRE(f.size() == 2);
  CHECK(f[0].loc.line == 3);
  CHECK(f[0].message == "target 2026-11-20 of PAY-1 passed 2 days ago and it is 'planned'");
  CHECK(f[1].message == "target 2026-11-21 of PAY-2 passed 1 day ago and it is 'idea'");
  // The column is the target's value.
  CHECK(f[0].loc.column == 52);
}

TEST_CASE("target-passed: today's target, a later one, shipped and dropped items are not reported")
{
  CHECK(rule_findings(
          with({{"roadmap/p.yaml",
                 roadmap("  - {id: PAY-1, title: A, status: planned, target: 2026-11-22}\n"
                         "  - {id: PAY-2, title: B, status: planned, target: 2027-01-01}\n"
                         "  - {id: PAY-3, title: C, status: shipped, target: 2026-01-01}\n"
                         "  - {id: PAY-4, title: D, status: dropped, dropped_reason: no, target: 2026-01-01}\n")}}),
          "target-passed")
          .empty());
}

namespace {

std::string note(const std::string& actions)
{
  return "---\nritual: sprint-review\ndate: 2026-11-19\nattendees: [alice, bo]\nactions:\n" + actions
         + "---\n# Sprint review\n";
}

}  // namespace

TEST_CASE("action-overdue: an action past its due date and not done, with its owner")
{
  const auto f = rule_findings(
    with({{"rituals/sprint-review/2026-11-19.md", note("  - {what: Draft FAQ, owner: alice, due: 2026-11-20}\n"
                                                       "  - {what: Call finance, due: 2026-11-21, done: false}\n")}}),
    "action-overdue");
  REQUIRE(f.size() == 2);
  CHECK(f[0].file == "rituals/sprint-review/2026-11-19.md");
  CHECK(f[0].loc.line == 6);
  CHECK(f[0].message == "action 'Draft FAQ' (alice) was due 2026-11-20, 2 days ago, and is not done");
  CHECK(f[1].loc.line == 7);
  CHECK(f[1].message == "action 'Call finance' was due 2026-11-21, 1 day ago, and is not done");
}

TEST_CASE("action-overdue: done actions, actions due today or later, and actions without a due date are not")
{
  CHECK(rule_findings(with({{"rituals/sprint-review/2026-11-19.md",
                             note("  - {what: Done one, owner: alice, due: 2026-11-01, done: true}\n"
                                  "  - {what: Due today, due: 2026-11-22}\n"
                                  "  - {what: Later, due: 2026-12-01}\n"
                                  "  - {what: Whenever}\n")}}),
                      "action-overdue")
          .empty());
}

TEST_CASE("doc-required-field and doc-required-section: what the type asks for and the document lacks")
{
  const std::string doc =
    "---\ntype: prd\ntitle: Refunds\nreviewed: 2026-11-01\n---\n# Refunds\n## problem\n```\n## Success metrics\n```\n";
  const auto ws = pops::test::load_clean(with({{"docs/prd/refunds.md", doc}}));
  const auto fields = rule_findings(ws, "doc-required-field");
  REQUIRE(fields.size() == 1);
  CHECK(fields[0].file == "docs/prd/refunds.md");
  CHECK(fields[0].message == "'prd' document is missing required field 'owner'");
  // "## problem" matches Problem (case is ignored); the heading in the code fence does not count.
  const auto sections = rule_findings(ws, "doc-required-section");
  REQUIRE(sections.size() == 1);
  CHECK(sections[0].message
        == "'prd' document is missing section 'Success metrics'; add a heading '## Success metrics'");
}

TEST_CASE("doc-required-field and doc-required-section: a complete document and a type without demands")
{
  const std::string full = "---\ntype: prd\ntitle: Refunds\nowner: alice\nreviewed: 2026-11-01\n---\n"
                           "# Refunds\n## Problem ##\n##  Success Metrics\n";
  const std::string bare = "---\ntype: note\n---\nno headings at all\n";
  const auto ws = pops::test::load_clean(with({{"docs/prd/refunds.md", full}, {"docs/notes/n.md", bare}}));
  CHECK(rule_findings(ws, "doc-required-field").empty());
  CHECK(rule_findings(ws, "doc-required-section").empty());
}

TEST_CASE("doc-stale: reviewed too long ago, created and never reviewed, or without any date")
{
  const std::string head = "---\ntype: prd\ntitle: T\nowner: alice\n";
  const std::string body = "---\n## Problem\n## Success metrics\n";
  const auto f = rule_findings(with({{"docs/prd/a.md", head + "reviewed: 2026-10-22\n" + body},
                                     {"docs/prd/b.md", head + "created: 2026-10-01\n" + body},
                                     {"docs/prd/c.md", head + body}}),
                               "doc-stale");
  REQUIRE(f.size() == 3);
  CHECK(f[0].file == "docs/prd/a.md");
  CHECK(f[0].loc.line == 5);
  // 2026-10-22 + 30 days = 2026-11-21, before 2026-11-22.
  CHECK(f[0].message
        == "document was last reviewed 2026-10-22, 31 days ago; its type 'prd' asks for a review every 30 days");
  CHECK(f[1].file == "docs/prd/b.md");
  CHECK(f[1].message
        == "document was created 2026-10-01, 52 days ago, and never reviewed; its type 'prd' asks for a "
           "review every 30 days; add 'reviewed: YYYY-MM-DD' after reviewing it");
  CHECK(f[2].file == "docs/prd/c.md");
  CHECK(f[2].message
        == "document has no 'reviewed' date; its type 'prd' asks for a review every 30 days; "
           "add 'reviewed: 2026-11-22' after reviewing it");
}

TEST_CASE("doc-stale: reviewed within the period (the last day included), obsolete, or of a type without review_every")
{
  const std::string head = "---\ntype: prd\ntitle: T\nowner: alice\n";
  const std::string body = "---\n## Problem\n## Success metrics\n";
  CHECK(rule_findings(with({{"docs/prd/a.md", head + "reviewed: 2026-10-23\n" + body},
                            {"docs/prd/b.md", head + "created: 2026-10-23\n" + body},
                            {"docs/prd/c.md", head + "status: obsolete\n" + body},
                            {"docs/notes/d.md", "---\ntype: note\ncreated: 2020-01-01\n---\n"}}),
                      "doc-stale")
          .empty());
}
