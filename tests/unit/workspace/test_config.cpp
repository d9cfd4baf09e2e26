// pops.yaml read into the Config (lib/workspace/config.cpp): the defaults, squads and people, and
// each refusal a finding at the right line and column saying what would be right; quarters,
// periods and the pager setting.

#include "workspace/config.h"

#include "../helpers.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace pops;
using V = pops::test::Lines;

namespace {

/// The findings of loading `config` as pops.yaml, as "line:column: message".
V config_findings(const std::string& config)
{
  const Workspace ws = load_workspace("/nowhere", {{"pops.yaml", config}}, 1);
  V out;
  for (const auto& f : ws.findings) {
    CHECK(f.file == "pops.yaml");
    out.push_back(std::to_string(f.loc.line) + ":" + std::to_string(f.loc.column) + ": " + f.message);
  }
  return out;
}

V values(const std::vector<LStr>& v)
{
  pops::test::Lines out;
  for (const auto& s : v) {
    out.push_back(s.value);
  }
  return out;
}

const std::string k_ok = "version: 1\nproduct: Acme\nsquads:\n  payments: {prefix: PAY, lead: alice, wip_limit: 3}\n"
                         "people:\n  alice: {name: Alice Park, email: a@acme.example, squad: payments}\n  bo:\n";

}  // namespace

TEST_CASE("a minimal pops.yaml: its squads and people, and the default lists")
{
  const Workspace ws = pops::test::load_clean({{"pops.yaml", k_ok}});
  const Config& c = ws.config;
  CHECK(c.product.value == "Acme");
  REQUIRE(c.squads.size() == 1);
  CHECK(c.squads[0].prefix.value == "PAY");
  CHECK(c.squads[0].wip_limit.value == 3);
  CHECK(c.squad("payments") == &c.squads[0]);
  CHECK(c.squad_by_prefix("PAY") == &c.squads[0]);
  CHECK(c.squad("growth") == nullptr);
  CHECK(squad_ids(c) == V{"payments"});
  CHECK(person_ids(c) == V{"alice", "bo"});
  CHECK(c.person("alice")->email.value == "a@acme.example");
  CHECK(c.person("bo") != nullptr);  // a person with no details
  CHECK(values(c.statuses) == V{"idea", "discovery", "planned", "in-progress", "shipped", "dropped"});
  CHECK(values(c.horizons) == V{"now", "next", "later"});
  CHECK(values(c.feedback_sources) == V{"support", "sales", "survey", "interview", "other"});
  CHECK(c.status_rank("planned") == 2);
  CHECK(c.status_rank("bogus") == -1);
  CHECK(update_stale_days(c) == 14);
}

TEST_CASE("the top level: an empty file, a missing key, an unknown key, another version")
{
  CHECK(config_findings("") == V{"1:1: pops.yaml is empty; it needs at least 'version: 1', 'product' and 'squads'"});
  CHECK(config_findings("version: 1\nsquads:\n  a: {prefix: AA}\n")
        == V{"1:1: pops.yaml is missing required key 'product'"});
  CHECK(config_findings(k_ok + "prodcut: x\n")
        == V{"8:1: unknown key 'prodcut' in pops.yaml (did you mean 'product'?)"});
  CHECK(config_findings("version: 2\nproduct: A\nsquads:\n  a: {prefix: AA}\n")
        == V{"1:10: unsupported version 2; this pops reads version 1"});
  CHECK(config_findings("version: 1\nproduct: A\nsquads: {}\n") == V{"3:9: 'squads' must declare at least one squad"});
}

TEST_CASE("squads: prefixes well formed and unique, FB reserved, a wip_limit of at least 1")
{
  CHECK(
    config_findings("version: 1\nproduct: A\nsquads:\n  a: {prefix: pay}\n")
    == V{"4:15: prefix 'pay' of squad 'a' must be 2-10 capital letters or digits, starting with a letter (e.g. PAY)"});
  CHECK(config_findings("version: 1\nproduct: A\nsquads:\n  a: {prefix: PAY}\n  b: {prefix: PAY}\n")
        == V{"5:15: prefix 'PAY' is used by another squad; prefixes are unique"});
  CHECK(config_findings("version: 1\nproduct: A\nsquads:\n  a: {prefix: FB}\n")
        == V{"4:15: prefix 'FB' is reserved for feedback ids"});
  CHECK(config_findings("version: 1\nproduct: A\nsquads:\n  a: {prefix: AA, wip_limit: 0}\n")
        == V{"4:30: wip_limit of squad 'a' must be at least 1"});
  CHECK(config_findings("version: 1\nproduct: A\nsquads:\n  a:\n") == V{"4:3: squad 'a' needs at least a 'prefix'"});
  CHECK(config_findings("version: 1\nproduct: A\nsquads:\n  a: {prefix: AA, leed: x}\n")
        == V{"4:19: unknown key 'leed' in squad 'a' (did you mean 'lead'?)"});
}

TEST_CASE("lists: a value twice, an empty list; rules: an unknown rule or severity")
{
  CHECK(config_findings(k_ok + "horizons: [now, next, now]\n") == V{"8:23: 'now' is listed twice in 'horizons'"});
  CHECK(config_findings(k_ok + "statuses: []\n") == V{"8:11: 'statuses' must list at least one value"});
  CHECK(config_findings(k_ok + "rules:\n  wip-limt: error\n")
        == V{"9:3: unknown rule 'wip-limt' (did you mean 'wip-limit'?)"});
  CHECK(config_findings(k_ok + "rules:\n  wip-limit: eror\n")
        == V{"9:14: unknown severity 'eror' (did you mean 'error'?); expected off, info, warning or error"});
  CHECK(config_findings(k_ok + "rules:\n  update-stale: {days: 0}\n")
        == V{"9:24: 'days' of rule 'update-stale' must be at least 1"});
  CHECK(config_findings(k_ok + "effort_unit: ' '\n")
        == V{"8:14: 'effort_unit' must name a unit, e.g. points or person-weeks"});
}

TEST_CASE("custom fields may not take a built-in item key")
{
  CHECK(config_findings(k_ok + "fields:\n  owner: {type: number}\n")
        == V{"9:3: 'owner' is a built-in item key; pick another name for the custom field"});
  const auto keys = item_keys();
  CHECK(std::find(keys.begin(), keys.end(), "initiative") != keys.end());
}

TEST_CASE("quarter_end: the last day of a quarter, none for anything else")
{
  Date d;
  REQUIRE(quarter_end("2027-Q1", d));
  CHECK(format_date(d) == "2027-03-31");
  REQUIRE(quarter_end("2028-Q1", d));
  CHECK(format_date(d) == "2028-03-31");
  REQUIRE(quarter_end("2026-Q4", d));
  CHECK(format_date(d) == "2026-12-31");
  REQUIRE(quarter_end("2026-Q2", d));
  CHECK(format_date(d) == "2026-06-30");
  CHECK_FALSE(quarter_end("2026-Q5", d));
  CHECK_FALSE(quarter_end("next", d));
}

TEST_CASE("periods: a number and a unit, singular or plural, case and spaces ignored")
{
  int n = 0;
  std::string unit;
  CHECK((parse_period(" 3 Weeks ", n, unit) && n == 3 && unit == "weeks"));
  CHECK((parse_period("month", n, unit) && n == 1 && unit == "months"));
  CHECK((parse_period("1 day", n, unit) && n == 1 && unit == "days"));
  CHECK_FALSE(parse_period("10001 days", n, unit));
  CHECK_FALSE(parse_period("2 years", n, unit));
  CHECK_FALSE(parse_period("", n, unit));
  CHECK(format_date(add_period(*parse_date("2026-12-25"), 2, "weeks")) == "2027-01-08");
  CHECK(format_date(add_period(*parse_date("2026-12-25"), 7, "days")) == "2027-01-01");
  CHECK(format_date(add_period(*parse_date("2026-11-30"), 3, "months")) == "2027-02-28");
}

TEST_CASE("the pager setting: true, false, a command, else a finding")
{
  CHECK(config_findings(k_ok + "pager: [less]\n")
        == V{"8:8: 'pager' must be true, false or a command such as \"less -FRX\", found a list"});
  CHECK(config_findings(k_ok + "pager: less -R\n").empty());
  pops::test::TempDir t;
  CHECK_FALSE(workspace_pager(t.path.string()).off);
  t.write("pops.yaml", k_ok + "pager: false\n");
  CHECK(workspace_pager(t.path.string()).off);
  t.write("pops.yaml", k_ok + "pager: most -s\n");
  CHECK(workspace_pager(t.path.string()).command == "most -s");
}
