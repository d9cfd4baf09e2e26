// Portfolios (pops.yaml portfolio:, format 1.4): qualified ids, member paths, reading `portfolio:`
// (a portfolio without squads, names and paths refused), and qualified dependencies in a member.

#include "workspace/portfolio.h"
#include "workspace/workspace.h"

#include <doctest/doctest.h>

#include <string>

using namespace pops;

namespace {

Workspace config_only(const std::string& yaml)
{
  return load_workspace("/p/holding", {SourceFile{"pops.yaml", yaml}}, 1);
}

bool has_finding(const Workspace& ws, const std::string& text)
{
  for (const auto& f : ws.findings) {
    if (f.message.find(text) != std::string::npos) {
      return true;
    }
  }
  return false;
}

} // namespace

TEST_CASE("portfolio: qualified ids split into member and id, anything else does not")
{
  CHECK(qualified_id("acme", "PAY-3") == "acme/PAY-3");
  CHECK(qualified_id("", "PAY-3") == "PAY-3");
  std::string m;
  std::string id;
  REQUIRE(split_qualified_id("acme/PAY-3", m, id));
  CHECK(m == "acme");
  CHECK(id == "PAY-3");
  CHECK_FALSE(split_qualified_id("PAY-3", m, id));
  CHECK_FALSE(split_qualified_id("acme/pay-3", m, id));
  CHECK_FALSE(split_qualified_id("/PAY-3", m, id));
  CHECK_FALSE(split_qualified_id("a/b/PAY-3", m, id));
}

TEST_CASE("portfolio: member roots are normalized, relative to the portfolio or absolute")
{
  CHECK(member_root("/p/holding", "../acme") == "/p/acme");
  CHECK(member_root("/p/holding", "../acme/") == "/p/acme");
  CHECK(member_root("/p/holding", "vendor/./beta") == "/p/holding/vendor/beta");
  CHECK(member_root("/p/holding", "/srv/beta") == "/srv/beta");
  Member acme{"acme", "../acme/", "/p/acme", {}};
  CHECK(member_file(acme, "roadmap/a.yaml") == "../acme/roadmap/a.yaml");
  Member own{"", ".", "/p/holding", {}};
  CHECK(member_file(own, "roadmap/a.yaml") == "roadmap/a.yaml");
}

TEST_CASE("portfolio: pops.yaml lists members in order; no squads needed; bad names and paths refused")
{
  const Workspace ws = config_only("version: 1\nproduct: Holding\nportfolio:\n  acme: ../acme\n  beta: ../beta\n");
  CHECK(ws.findings.empty());
  REQUIRE(ws.config.portfolio.size() == 2);
  CHECK(ws.config.portfolio[0].first.value == "acme");
  CHECK(ws.config.portfolio[1].second.value == "../beta");
  CHECK(ws.config.portfolio[1].second.loc.line == 5);
  CHECK(is_portfolio(ws.config));
  // Without members, squads stay required.
  CHECK(has_finding(config_only("version: 1\nproduct: X\n"), "squads"));
  CHECK(has_finding(config_only("version: 1\nproduct: X\nportfolio:\n  -bad: ../a\n"), "member name '-bad' must be"));
  CHECK(has_finding(config_only("version: 1\nproduct: X\nportfolio:\n  acme: \n"),
                    "member 'acme' needs the path of its workspace, e.g. ../acme"));
  CHECK(has_finding(config_only("version: 1\nproduct: X\nportfolio:\n  acme: [a]\n"),
                    "member 'acme' needs the path of its workspace"));
}

TEST_CASE("portfolio: a member's qualified dependency is no schema error; its view qualifies its own")
{
  const std::string cfg = "version: 1\nproduct: Acme\nsquads:\n  payments: {name: P, prefix: PAY}\n";
  const std::string items = "squad: payments\nitems:\n  - {id: PAY-1, title: A, status: planned, depends_on: [beta/CORE-3, PAY-2]}\n"
                            "  - {id: PAY-2, title: B, status: planned, depends_on: [beta/core-3]}\n";
  const Workspace ws = load_workspace("/p/acme", {SourceFile{"pops.yaml", cfg}, SourceFile{"roadmap/p.yaml", items}}, 1);
  CHECK_FALSE(has_finding(ws, "'beta/CORE-3'"));
  CHECK(has_finding(ws, "malformed dependency 'beta/core-3'"));
  const Workspace q = qualified_workspace(Member{"acme", "../acme", "/p/acme", ws});
  REQUIRE(q.item("acme/PAY-1"));
  CHECK(q.item("PAY-1") == nullptr);
  CHECK(q.items[0].file == "../acme/roadmap/p.yaml");
  CHECK(q.items[0].depends_on[0].value == "beta/CORE-3");
  CHECK(q.items[0].depends_on[1].value == "acme/PAY-2");
}
