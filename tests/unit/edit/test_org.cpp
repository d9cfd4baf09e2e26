// Squads and people of pops.yaml (lib/edit/org.cpp): capacity as typed, and the plans of squad and
// person add and set as minimal edits of pops.yaml, or refused saying what would be right.

#include "edit/org.h"

#include "../helpers.h"

#include <doctest/doctest.h>

#include <string>

using namespace pops;

namespace {

const std::string k_config = "version: 1\nproduct: T\n# the squads\nsquads:\n  payments: {prefix: PAY, lead: alice}\n"
                             "people:\n  alice: {name: Alice}  # PM\n";

EditSession session()
{
  return EditSession::of("/nowhere", {{"pops.yaml", k_config}});
}

std::string after(const EditPlan& p)
{
  REQUIRE(p.changes.size() == 1);
  CHECK(p.changes[0].path == "pops.yaml");
  CHECK(p.changes[0].before == k_config);
  return p.changes[0].after;
}

}  // namespace

TEST_CASE("capacity as typed: a number, or quarters and numbers")
{
  CHECK(capacity_yaml("40") == "40");
  CHECK(capacity_yaml("2027-Q1=40,2027-Q2=36") == "{2027-Q1: 40, 2027-Q2: 36}");
  CHECK(capacity_yaml(" 2027-Q1 = 40 , 2027-Q2=36.5") == "{2027-Q1: 40, 2027-Q2: 36.5}");
  CHECK_THROWS_AS(capacity_yaml("-1"), OpError);
  CHECK_THROWS_AS(capacity_yaml("2027-Q5=4"), OpError);
  CHECK_THROWS_AS(capacity_yaml("2027-Q1=lots"), OpError);
  CHECK_THROWS_AS(capacity_yaml(""), OpError);
}

TEST_CASE("squad add: a new entry in pops.yaml's style, comments kept")
{
  SquadSpec spec;
  spec.id = "growth";
  spec.prefix = "GRO";
  spec.lead = "alice";
  spec.wip_limit = "3";
  const std::string a = after(plan_squad_add(session(), spec));
  CHECK(a.find("# the squads\n") != std::string::npos);
  CHECK(a.find("  alice: {name: Alice}  # PM\n") != std::string::npos);
  CHECK(a.find("  payments: {prefix: PAY, lead: alice}\n") != std::string::npos);
  const auto ws = pops::test::load_clean({{"pops.yaml", a}});
  REQUIRE(ws.config.squad("growth") != nullptr);
  CHECK(ws.config.squad("growth")->prefix.value == "GRO");
  CHECK(ws.config.squad("growth")->wip_limit.value == 3);
}

TEST_CASE("squad add: refused for a bad id, an existing squad, no prefix or a prefix in use")
{
  SquadSpec spec;
  spec.id = "Growth";
  spec.prefix = "GRO";
  CHECK_THROWS_WITH_AS(plan_squad_add(session(), spec),
                       "squad id 'Growth' is not lower-case letters, digits, '-' and '_'", OpError);
  spec.id = "payments";
  CHECK_THROWS_WITH_AS(plan_squad_add(session(), spec), "squad 'payments' exists already", OpError);
  spec.id = "growth";
  spec.prefix.reset();
  CHECK_THROWS_AS(plan_squad_add(session(), spec), OpError);
  spec.prefix = "PAY";
  CHECK_THROWS_WITH_AS(plan_squad_add(session(), spec), "prefix 'PAY' is the prefix of squad 'payments' already",
                       OpError);
  spec.prefix = "gro";
  CHECK_THROWS_AS(plan_squad_add(session(), spec), OpError);
  spec.prefix = "GRO";
  spec.lead = "alise";
  CHECK_THROWS_WITH_AS(plan_squad_add(session(), spec), "unknown person 'alise' as lead (did you mean 'alice'?)",
                       OpError);
}

TEST_CASE("squad set: one field changed, an empty value removes it, an unknown squad is refused")
{
  SquadSpec spec;
  spec.id = "payments";
  spec.name = "Payments";
  const std::string a = after(plan_squad_set(session(), spec));
  const auto ws = pops::test::load_clean({{"pops.yaml", a}});
  CHECK(ws.config.squad("payments")->name.value == "Payments");
  CHECK(ws.config.squad("payments")->lead.value == "alice");
  spec.name.reset();
  spec.lead = "";
  const auto ws2 = pops::test::load_clean({{"pops.yaml", after(plan_squad_set(session(), spec))}});
  CHECK_FALSE(ws2.config.squad("payments")->lead.set);
  SquadSpec none;
  none.id = "paymnts";
  none.name = "X";
  CHECK_THROWS_WITH_AS(plan_squad_set(session(), none), "unknown squad 'paymnts' (did you mean 'payments'?)", OpError);
}

TEST_CASE("person add and set")
{
  PersonSpec p;
  p.id = "bo";
  p.name = "Bo Lind";
  p.squad = "payments";
  const auto ws = pops::test::load_clean({{"pops.yaml", after(plan_person_add(session(), p))}});
  REQUIRE(ws.config.person("bo") != nullptr);
  CHECK(ws.config.person("bo")->name.value == "Bo Lind");
  CHECK(ws.config.person("bo")->squad.value == "payments");
  CHECK(ws.config.person("alice")->name.value == "Alice");
  p.id = "alice";
  CHECK_THROWS_WITH_AS(plan_person_add(session(), p), "person 'alice' exists already", OpError);
  PersonSpec s;
  s.id = "alice";
  s.email = "alice@acme.example";
  const std::string a = after(plan_person_set(session(), s));
  CHECK(a.find("# PM") != std::string::npos);
  CHECK(pops::test::load_clean({{"pops.yaml", a}}).config.person("alice")->email.value == "alice@acme.example");
  s.id = "alise";
  CHECK_THROWS_AS(plan_person_set(session(), s), OpError);
}
