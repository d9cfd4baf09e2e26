// The rules of lib/check/rules_refs.cpp, each with a workspace that raises it and one that does not:
// duplicate-id, duplicate-title, id-prefix, moved-from-live, unknown-ref.

#include "check/rule_impl.h"

#include "../helpers.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace pops;
using pops::test::load_clean;
using pops::test::rule_findings;

namespace {

const std::string k_config = R"(version: 1
product: Test
squads:
  payments: {prefix: PAY, lead: alice}
  platform: {prefix: PLAT, lead: bo}
people:
  alice: {name: Alice, squad: payments}
  bo: {name: Bo, squad: platform}
feedback_sources: [sales]
rituals:
  sprint-review:
    cadence: {every: 2 weeks, on: thursday, from: 2026-01-08}
docs:
  types:
    prd: {dir: docs/prd}
initiatives:
  INI-1: {title: Europe, owner: alice}
objectives:
  O1:
    title: Trust
    period: 2026-Q4
    key_results:
      O1-KR1: {title: Fewer refund tickets}
)";

std::vector<SourceFile> with(std::vector<SourceFile> files, const std::string& config = k_config)
{
  files.insert(files.begin(), {"pops.yaml", config});
  return files;
}

}  // namespace

TEST_CASE("duplicate-id: the second use of an item id, naming the first, across files")
{
  const auto f =
    rule_findings(with({{"roadmap/a.yaml", "squad: payments\nitems:\n  - {id: PAY-1, title: A, status: idea}\n"},
                        {"roadmap/b.yaml", "squad: payments\nitems:\n  - {id: PAY-2, title: B, status: idea}\n"
                                           "  - {id: PAY-1, title: C, status: idea}\n"}}),
                  "duplicate-id");
  REQUIRE(f.size() == 1);
  CHECK(f[0].file == "roadmap/b.yaml");
  CHECK(f[0].loc.line == 4);
  CHECK(f[0].message == "duplicate item id 'PAY-1' (first used at roadmap/a.yaml:3)");
}

TEST_CASE("duplicate-id: distinct ids are not reported")
{
  CHECK(rule_findings(with({{"roadmap/a.yaml", "squad: payments\nitems:\n  - {id: PAY-1, title: A, status: idea}\n"
                                               "  - {id: PAY-10, title: B, status: idea}\n"}}),
                      "duplicate-id")
          .empty());
}

TEST_CASE("duplicate-title: titles equal once case and punctuation fold, in one squad")
{
  CHECK(normalized_title("  One-click   Refunds! ") == "one click refunds");
  CHECK(normalized_title("A/B test") == "a b test");
  CHECK(normalized_title("Zürich") == "zürich");  // non-ASCII kept as written
  CHECK(normalized_title("...") == "");
  const auto f =
    rule_findings(with({{"roadmap/a.yaml", "squad: payments\nitems:\n"
                                           "  - {id: PAY-1, title: One-click refunds, status: idea}\n"
                                           "  - {id: PAY-2, title: 'one click REFUNDS.', status: idea}\n"}}),
                  "duplicate-title");
  REQUIRE(f.size() == 1);
  CHECK(f[0].loc.line == 4);
  CHECK(f[0].message
        == "item 'PAY-2' has the title of 'PAY-1' (roadmap/a.yaml:3) in squad 'payments': likely a "
           "duplicate; drop one (dropped_reason: duplicate of PAY-1) or tell them apart");
}

TEST_CASE("duplicate-title: other squads, dropped items and different words are not reported")
{
  CHECK(rule_findings(
          with({{"roadmap/a.yaml", "squad: payments\nitems:\n"
                                   "  - {id: PAY-1, title: Refunds, status: idea}\n"
                                   "  - {id: PAY-2, title: Refunds, status: dropped, dropped_reason: dup}\n"
                                   "  - {id: PAY-3, title: Refunds v2, status: idea}\n"},
                {"roadmap/b.yaml", "squad: platform\nitems:\n  - {id: PLAT-1, title: Refunds, status: idea}\n"}}),
          "duplicate-title")
          .empty());
}

TEST_CASE("id-prefix: an id whose prefix is not its squad's, naming the squad the prefix belongs to")
{
  const auto f = rule_findings(with({{"roadmap/a.yaml", "squad: payments\nitems:\n"
                                                        "  - {id: PLAT-7, title: A, status: idea}\n"
                                                        "  - {id: XY-1, title: B, status: idea}\n"}}),
                               "id-prefix");
  REQUIRE(f.size() == 2);
  CHECK(f[0].message
        == "item id 'PLAT-7' has prefix 'PLAT' but squad 'payments' uses 'PAY' (prefix 'PLAT' belongs "
           "to squad 'platform')");
  CHECK(f[1].message == "item id 'XY-1' has prefix 'XY' but squad 'payments' uses 'PAY'");
  CHECK(rule_findings(with({{"roadmap/a.yaml", "squad: payments\nitems:\n  - {id: PAY-7, title: A, status: idea}\n"}}),
                      "id-prefix")
          .empty());
}

TEST_CASE("moved-from-live: an item moved from one that is still live; a dropped origin is fine")
{
  const auto f =
    rule_findings(with({{"roadmap/a.yaml", "squad: payments\nitems:\n  - {id: PAY-1, title: A, status: idea}\n"
                                           "  - {id: PAY-2, title: B, status: dropped, dropped_reason: moved}\n"},
                        {"roadmap/b.yaml", "squad: platform\nitems:\n"
                                           "  - {id: PLAT-1, title: A, status: idea, moved_from: PAY-1}\n"
                                           "  - {id: PLAT-2, title: B, status: idea, moved_from: PAY-2}\n"}}),
                  "moved-from-live");
  REQUIRE(f.size() == 1);
  CHECK(f[0].file == "roadmap/b.yaml");
  CHECK(f[0].loc.line == 3);
  CHECK(f[0].message
        == "'PLAT-1' is moved from 'PAY-1', which is still a live item (roadmap/a.yaml:3); drop PAY-1 or "
           "fix 'moved_from'");
}

TEST_CASE("unknown-ref: people, squads, items, initiatives and key results of an item, with suggestions")
{
  const auto f =
    rule_findings(with({{"roadmap/a.yaml", "squad: payments\nitems:\n"
                                           "  - {id: PAY-1, title: A, status: idea, owner: alise}\n"
                                           "  - {id: PAY-2, title: B, status: idea, depends_on: [PAY-11]}\n"
                                           "  - {id: PAY-3, title: C, status: idea, initiative: INI-2}\n"
                                           "  - {id: PAY-4, title: D, status: idea, key_results: [O1-KR9]}\n"},
                        {"roadmap/b.yaml", "squad: platfrom\nitems:\n  - {id: PLAT-1, title: E, status: idea}\n"}}),
                  "unknown-ref");
  REQUIRE(f.size() == 5);
  CHECK(f[0].file == "roadmap/a.yaml");
  CHECK(f[0].loc.line == 3);
  CHECK(f[0].message
        == "unknown person 'alise' as owner (did you mean 'alice'?); people are declared under 'people:' "
           "in pops.yaml");
  CHECK(f[1].message == "unknown item 'PAY-11' in depends_on (did you mean 'PAY-1'?)");
  CHECK(f[2].message
        == "unknown initiative 'INI-2' (did you mean 'INI-1'?); initiatives are declared under "
           "'initiatives:' in pops.yaml");
  CHECK(f[3].message
        == "unknown key result 'O1-KR9' in key_results (did you mean 'O1-KR1'?); key results are "
           "declared under 'objectives:' in pops.yaml");
  CHECK(f[4].file == "roadmap/b.yaml");
  CHECK(f[4].loc.line == 1);
  CHECK(f[4].message
        == "unknown squad 'platfrom' (did you mean 'platform'?); squads are declared under 'squads:' in "
           "pops.yaml");
}

TEST_CASE("unknown-ref: documents and ritual notes (type, owner, items, ritual, folder, date, attendees)")
{
  const auto f =
    rule_findings(with({{"docs/prd/a.md", "---\ntype: prd\nowner: bo\nitems: [PAY-1, PAY-9]\n---\n"},
                        {"docs/prd/b.md", "---\ntype: prdd\n---\n"},
                        {"rituals/sprint-review/2026-11-19.md",
                         "---\nritual: sprint-review\ndate: 2026-11-18\nattendees: [alice, carl]\n---\n"},
                        {"rituals/retro/2026-11-19.md", "---\nritual: sprint-review\ndate: 2026-11-19\n---\n"},
                        {"roadmap/a.yaml", "squad: payments\nitems:\n  - {id: PAY-1, title: A, status: idea}\n"}}),
                  "unknown-ref");
  pops::test::Lines got;
  for (const auto& x : f) {
    got.push_back(x.file + ":" + std::to_string(x.loc.line) + ": " + x.message);
  }
  CHECK(got
        == pops::test::Lines{
          "docs/prd/a.md:4: unknown item 'PAY-9' in items (did you mean 'PAY-1'?)",
          "docs/prd/b.md:2: unknown doc type 'prdd' (did you mean 'prd'?); doc types are declared under "
          "'docs: types:' in pops.yaml",
          "rituals/retro/2026-11-19.md:2: note says ritual 'sprint-review' but lives in rituals/retro/; move "
          "it to rituals/sprint-review/",
          "rituals/sprint-review/2026-11-19.md:3: note date 2026-11-18 does not match its file name 2026-11-19.md",
          "rituals/sprint-review/2026-11-19.md:4: unknown person 'carl' as attendee; people are declared "
          "under 'people:' in pops.yaml"});
}

TEST_CASE("unknown-ref: pops.yaml's own references (a squad lead, a person's squad, an initiative owner)")
{
  std::string cfg = k_config;
  cfg.replace(cfg.find("lead: bo"), 8, "lead: bob");
  cfg.replace(cfg.find("squad: platform}"), 16, "squad: growth}");
  const auto f = rule_findings(load_clean(with({}, cfg)), "unknown-ref");
  REQUIRE(f.size() == 2);
  CHECK(f[0].file == "pops.yaml");
  CHECK(f[0].message
        == "unknown person 'bob' as lead of squad 'platform' (did you mean 'bo'?); people are declared "
           "under 'people:' in pops.yaml");
  CHECK(f[1].message.find("unknown squad 'growth'") == 0);
  CHECK(rule_findings(load_clean(with({})), "unknown-ref").empty());
}
