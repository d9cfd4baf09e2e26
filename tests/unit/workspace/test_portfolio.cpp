// Portfolios (pops.yaml portfolio:, format 1.4): qualified ids, member paths, reading `portfolio:`
// (a portfolio without squads, names and paths refused), and qualified dependencies in a member.

#include "workspace/portfolio.h"
#include "workspace/workspace.h"

#include <doctest/doctest.h>

#include <algorithm>
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

}  // namespace

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
  const std::string items =
    "squad: payments\nitems:\n  - {id: PAY-1, title: A, status: planned, depends_on: [beta/CORE-3, PAY-2]}\n"
    "  - {id: PAY-2, title: B, status: planned, depends_on: [beta/core-3]}\n";
  const Workspace ws =
    load_workspace("/p/acme", {SourceFile{"pops.yaml", cfg}, SourceFile{"roadmap/p.yaml", items}}, 1);
  CHECK_FALSE(has_finding(ws, "'beta/CORE-3'"));
  CHECK(has_finding(ws, "malformed dependency 'beta/core-3'"));
  const Workspace q = qualified_workspace(Member{"acme", "../acme", "/p/acme", ws});
  REQUIRE(q.item("acme/PAY-1"));
  CHECK(q.item("PAY-1") == nullptr);
  CHECK(q.items[0].file == "../acme/roadmap/p.yaml");
  CHECK(q.items[0].depends_on[0].value == "beta/CORE-3");
  CHECK(q.items[0].depends_on[1].value == "acme/PAY-2");
}

TEST_CASE("portfolio: the dashboard's workspace qualifies each member's items, squads, goals and feedback links")
{
  const std::string acme_cfg = "version: 1\nproduct: Acme\nsquads:\n  payments: {name: P, prefix: PAY, capacity: 10}\n"
                               "objectives:\n  O1:\n    title: Grow\n    period: 2026-Q4\n    key_results:\n"
                               "      O1-KR1: {title: Ship}\n";
  const std::string acme_items = "squad: payments\nitems:\n"
                                 "  - {id: PAY-1, title: A, status: planned, key_results: [O1-KR1]}\n";
  const std::string acme_fb = "entries:\n  - {id: FB-1, date: 2026-11-03, source: sales, summary: S, items: [PAY-1]}\n";
  const std::string beta_cfg = "version: 1\nproduct: Beta\nstatuses: [planned, review, shipped]\n"
                               "squads:\n  core: {name: C, prefix: CORE}\n";
  const std::string beta_items = "squad: core\nitems:\n  - {id: CORE-1, title: B, status: review}\n";
  const Workspace acme = load_workspace("/p/acme",
                                        {SourceFile{"pops.yaml", acme_cfg}, SourceFile{"roadmap/p.yaml", acme_items},
                                         SourceFile{"feedback/2026-11.yaml", acme_fb}},
                                        1);
  const Workspace beta =
    load_workspace("/p/beta", {SourceFile{"pops.yaml", beta_cfg}, SourceFile{"roadmap/c.yaml", beta_items}}, 1);
  Config holding;
  holding.product.value = "Holding";
  const Workspace ws = portfolio_workspace(
    holding, {Member{"acme", "../acme", "/p/acme", acme}, Member{"beta", "../beta", "/p/beta", beta}});
  CHECK(ws.config.product.value == "Holding");
  REQUIRE(ws.config.squads.size() == 2);
  CHECK(ws.config.squads[0].id.value == "acme/payments");
  CHECK(ws.config.squads[0].capacity.value == doctest::Approx(10));
  CHECK(ws.config.squads[1].id.value == "beta/core");
  // acme's default workflow, then beta's 'review' (its other statuses are acme's already).
  std::vector<std::string> statuses;
  for (const auto& s : ws.config.statuses) {
    statuses.push_back(s.value);
  }
  CHECK(std::count(statuses.begin(), statuses.end(), "review") == 1);
  CHECK(std::count(statuses.begin(), statuses.end(), "planned") == 1);
  CHECK(statuses.back() == "review");
  REQUIRE(ws.item("acme/PAY-1"));
  REQUIRE(ws.item("beta/CORE-1"));
  CHECK(ws.item("acme/PAY-1")->squad.value == "acme/payments");
  CHECK(ws.item("acme/PAY-1")->key_results[0].value == "acme/O1-KR1");
  REQUIRE(ws.config.objectives.size() == 1);
  CHECK(ws.config.objectives[0].id.value == "acme/O1");
  CHECK(ws.config.objectives[0].key_results[0].id.value == "acme/O1-KR1");
  REQUIRE(ws.feedback.size() == 1);
  CHECK(ws.feedback[0].id.value == "acme/FB-1");
  CHECK(ws.feedback[0].items[0].value == "acme/PAY-1");
  // Two effort units cannot share one capacity view.
  Workspace hours = beta;
  hours.config.effort_unit.value = "hours";
  hours.config.effort_unit.set = true;
  CHECK_THROWS_AS(portfolio_workspace(
                    holding, {Member{"acme", "../acme", "/p/acme", acme}, Member{"beta", "../beta", "/p/beta", hours}}),
                  MemberError);
}
