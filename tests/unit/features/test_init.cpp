// `pops init` (lib/features/init.cpp): the --squad and --person forms, the checks of the
// organization, and a new workspace that loads clean without overwriting anything.

#include "features/init.h"

#include "../helpers.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

using namespace pops;
using pops::test::TempDir;
namespace fs = std::filesystem;

TEST_CASE("--squad ID:PREFIX with its fields")
{
  const InitSquad s = parse_init_squad("payments:PAY,name=Payments team,lead=alice,wip_limit=3,capacity=40");
  CHECK(s.id == "payments");
  CHECK(s.prefix == "PAY");
  CHECK(s.name == "Payments team");
  CHECK(s.lead == "alice");
  CHECK(s.wip_limit == "3");
  CHECK(s.capacity == "40");
  CHECK(parse_init_squad("core:CORE").name.empty());
  CHECK(parse_init_squad("a:AA,capacity.2027-Q1=4,capacity.2027-Q2=5").capacity == "{2027-Q1: 4, 2027-Q2: 5}");
}

TEST_CASE("--squad refused: no prefix, a bad id or prefix, an unknown field, a bad wip_limit")
{
  CHECK_THROWS_WITH_AS(parse_init_squad("payments"),
                       "--squad 'payments' needs the form ID:PREFIX[,name=NAME,lead=PERSON,wip_limit=N,capacity=N], "
                       "e.g. payments:PAY",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(parse_init_squad("Payments:PAY"),
                       "squad id 'Payments' must be lowercase letters, digits, '-' or '_', starting with a letter",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(parse_init_squad("payments:pay"),
                       "prefix 'pay' must be 2-10 capital letters or digits, starting with a letter (e.g. PAY)",
                       std::invalid_argument);
  CHECK_THROWS_AS(parse_init_squad("payments:PAY,leed=alice"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(parse_init_squad("payments:PAY,wip_limit=0"),
                       "wip_limit '0' of squad 'payments' is not a whole number above 0", std::invalid_argument);
  CHECK_THROWS_WITH_AS(parse_init_squad("a:AA,capacity=4,capacity.2027-Q1=5"),
                       "squad 'a' takes capacity=N or capacity.QUARTER=N, not both", std::invalid_argument);
}

TEST_CASE("--person and the organization's checks")
{
  const InitPerson p = parse_init_person("alice,name=Alice Park,email=a@acme.example,squad=payments");
  CHECK(p.id == "alice");
  CHECK(p.name == "Alice Park");
  CHECK(p.squad == "payments");
  const std::vector<InitSquad> squads{parse_init_squad("payments:PAY,lead=alice")};
  CHECK_NOTHROW(check_init_org(squads, {p}));
  CHECK_THROWS_WITH_AS(check_init_org({parse_init_squad("a:AA"), parse_init_squad("a:BB")}, {}),
                       "squad 'a' is given twice", std::invalid_argument);
  CHECK_THROWS_WITH_AS(check_init_org({parse_init_squad("a:AA"), parse_init_squad("b:AA")}, {}),
                       "prefix 'AA' is given to two squads", std::invalid_argument);
  CHECK_THROWS_WITH_AS(check_init_org({}, {p, p}), "person 'alice' is given twice", std::invalid_argument);
  CHECK_THROWS_AS(check_init_org(squads, {}), std::invalid_argument);                             // the lead is no one
  CHECK_THROWS_AS(check_init_org({parse_init_squad("growth:GRO")}, {p}), std::invalid_argument);  // no such squad
}

TEST_CASE("init_workspace: a new workspace that loads clean, in a new repository; never overwritten")
{
  TempDir t;
  GitLibrary lib;
  InitOptions o;
  o.dir = (t.path / "acme").string();
  o.product = "Acme";
  o.squads = {parse_init_squad("payments:PAY,lead=alice")};
  o.people = {parse_init_person("alice,name=Alice")};
  o.today = *parse_date("2026-11-22");
  const InitResult r = init_workspace(o);
  CHECK(r.git_initialized);
  CHECK(std::find(r.written.begin(), r.written.end(), "pops.yaml") != r.written.end());
  CHECK(std::find(r.written.begin(), r.written.end(), "roadmap/payments.yaml") != r.written.end());
  const Workspace ws = load_worktree(o.dir);
  CHECK(ws.findings.empty());
  CHECK(ws.config.product.value == "Acme");
  REQUIRE(ws.config.squad("payments") != nullptr);
  CHECK(ws.config.squad("payments")->lead.value == "alice");
  CHECK_THROWS_AS(init_workspace(o), std::runtime_error);  // pops.yaml is there already
}
