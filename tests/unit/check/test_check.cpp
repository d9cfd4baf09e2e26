#include "check/check.h"
#include "workspace/workspace.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace pops;

namespace {

const char* k_config = R"(version: 1
product: Test
squads:
  payments: {prefix: PAY, lead: alice, wip_limit: 1}
  platform: {prefix: PLAT}
people:
  alice: {name: Alice, squad: payments}
rules:
  target-passed: error
)";

CheckResult check_files(std::vector<SourceFile> files, const char* today = "2026-11-22")
{
  Workspace ws = load_workspace("/nowhere", std::move(files), 2);
  CheckOptions o;
  o.today = *parse_date(today);
  return check_workspace(ws, o);
}

bool has(const CheckResult& r, std::string_view rule, int line = 0)
{
  return std::any_of(r.findings.begin(), r.findings.end(),
                     [&](const Finding& f) { return f.rule == rule && (line == 0 || f.loc.line == line); });
}

}  // namespace

TEST_CASE("a clean workspace has no findings")
{
  auto r = check_files({{"pops.yaml", k_config},
                        {"roadmap/p.yaml", "squad: payments\nitems:\n  - {id: PAY-1, title: A, status: idea}\n"}});
  CHECK(r.findings.empty());
  CHECK(r.summary.files == 2);
}

TEST_CASE("references resolve across files and cycles are reported once")
{
  auto r = check_files(
    {{"pops.yaml", k_config},
     {"roadmap/a.yaml", "items:\n  - {id: PAY-1, title: A, status: idea, squad: payments, depends_on: [PLAT-1]}\n"},
     {"roadmap/b.yaml", "items:\n  - {id: PLAT-1, title: B, status: idea, squad: platform, depends_on: [PAY-1]}\n"}});
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].rule == "dependency-cycle");
  CHECK(r.findings[0].message == "dependency cycle: PAY-1 -> PLAT-1 -> PAY-1");
  CHECK(r.findings[0].file == "roadmap/a.yaml");
}

TEST_CASE("severity from pops.yaml and wip limits")
{
  auto r = check_files({{"pops.yaml", k_config},
                        {"roadmap/p.yaml", "squad: payments\nitems:\n"
                                           "  - {id: PAY-1, title: A, status: in-progress, target: 2026-01-01}\n"
                                           "  - {id: PAY-2, title: B, status: in-progress}\n"}});
  CHECK(has(r, "target-passed", 3));
  CHECK(has(r, "wip-limit", 4));
  CHECK(r.summary.errors == 1);    // target-passed raised to error
  CHECK(r.summary.warnings == 1);  // wip-limit stays a warning
}

TEST_CASE("only the given paths are reported")
{
  std::vector<SourceFile> files{
    {"pops.yaml", k_config},
    {"roadmap/a.yaml", "items:\n  - {id: PAY-1, title: A, status: bogus, squad: payments}\n"},
    {"roadmap/b.yaml", "items:\n  - {id: PLAT-1, title: B, status: idea, squad: platform, depends_on: [PAY-1]}\n"}};
  Workspace ws = load_workspace("/nowhere", files, 1);
  CheckOptions o;
  o.today = *parse_date("2026-11-22");
  o.paths = {"roadmap/b.yaml"};
  auto r = check_workspace(ws, o);
  CHECK(r.findings.empty());
  CHECK(r.summary.files == 1);
  o.paths = {"roadmap"};
  CHECK(check_workspace(ws, o).findings.size() == 1);
}

TEST_CASE("front matter and headings of documents")
{
  const std::string doc = "---\ntitle: T\ntype: prd\n---\n# T\n## Problem\n```\n## Goals\n```\n";
  FrontMatter fm = split_front_matter(doc);
  REQUIRE(fm.present);
  REQUIRE(fm.closed);
  CHECK(fm.yaml == "title: T\ntype: prd\n");
  auto hs = markdown_headings(fm.body, fm.body_line);
  REQUIRE(hs.size() == 2);  // the heading inside the code fence does not count
  CHECK(hs[1].text == "Problem");
  CHECK(hs[1].line == 6);
}
