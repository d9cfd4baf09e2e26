#include "edit/integrations.h"

#include "integrations_fixture.h"
#include "check/check.h"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

using namespace pops;
using namespace pops::integrations_fixture;

TEST_CASE("integrations: tool dates")
{
  CHECK(format_date(*parse_tool_date("15/Dec/26 12:00 AM")) == "2026-12-15");
  CHECK(format_date(*parse_tool_date("5/jan/2027")) == "2027-01-05");
  CHECK(format_date(*parse_tool_date("2026-11-02T09:14:00.000Z")) == "2026-11-02");
  CHECK(format_date(*parse_tool_date("11/3/2026")) == "2026-11-03");
  CHECK_FALSE(parse_tool_date("31/Foo/26"));
  CHECK_FALSE(parse_tool_date("30/Feb/26"));
  CHECK_FALSE(parse_tool_date("15/Dec/026"));
  CHECK_FALSE(parse_tool_date(""));
}

TEST_CASE("integrations: mapping = pops.yaml first, then the tool's defaults")
{
  EditSession s = session(k_config
                          + "integrations:\n  jira:\n    statuses: {\"To Do\": in-progress, Blocked: planned}\n"
                            "    fields: {\"Custom field (Risk)\": risk, Labels: null}\n");
  REQUIRE(schema_findings(s).empty());
  const ToolMapping m = tool_mapping(s.ws.config, "jira");
  CHECK(m.name == "Jira");
  REQUIRE(m.statuses.size() > 3);
  CHECK(m.statuses[0] == std::pair<std::string, std::string>{"To Do", "in-progress"});
  CHECK(m.statuses[1].first == "Blocked");
  CHECK(std::find(m.statuses.begin(), m.statuses.end(), std::pair<std::string, std::string>{"Done", "shipped"})
        != m.statuses.end());
  CHECK(m.fields[0] == std::pair<std::string, std::string>{"Custom field (Risk)", "risk"});
  CHECK(m.fields[1] == std::pair<std::string, std::string>{"Labels", ""});
  // Linear's defaults are its own.
  const ToolMapping l = tool_mapping(s.ws.config, "linear");
  CHECK(std::find(l.statuses.begin(), l.statuses.end(), std::pair<std::string, std::string>{"Todo", "planned"})
        != l.statuses.end());
  CHECK(std::find(l.fields.begin(), l.fields.end(), std::pair<std::string, std::string>{"Team", "squad"})
        != l.fields.end());
}

TEST_CASE("integrations: check reports bad targets where they are")
{
  EditSession s = session(k_config
                          + "integrations:\n"
                            "  jira:\n"
                            "    squads: {PAYM: paymnts}\n"
                            "    statuses: {\"In Review\": in-progres}\n"
                            "    fields: {\"Story Points\": score.effort, Sprint: sprnt}\n"
                            "    people: {\"Al P\": alicia}\n"
                            "    squad: nobody\n"
                            "    colour: red\n"
                            "  jria: {}\n");
  const auto f = schema_findings(s);
  auto has = [&](const std::string& text, int line) {
    return std::any_of(f.begin(), f.end(), [&](const Finding& x) {
      return x.message.find(text) != std::string::npos && x.loc.line == line && x.file == "pops.yaml";
    });
  };
  CHECK(has("unknown squad 'paymnts' in 'integrations.jira.squads' (did you mean 'payments'?)", 13));
  CHECK(has("unknown status 'in-progres' in 'integrations.jira.statuses' (did you mean 'in-progress'?)", 14));
  CHECK(has("unknown field 'sprnt' in 'integrations.jira.fields'", 15));
  CHECK(has("unknown person 'alicia'", 16));
  CHECK(has("unknown squad 'nobody' in 'integrations.jira.squad'", 17));
  CHECK(has("colour", 18));
  CHECK(has("jria", 19));
  CHECK(f.size() == 7);
  // The column of the value is given.
  const auto it = std::find_if(f.begin(), f.end(), [](const Finding& x) { return x.loc.line == 13; });
  REQUIRE(it != f.end());
  CHECK(it->loc.column == 20);
}
