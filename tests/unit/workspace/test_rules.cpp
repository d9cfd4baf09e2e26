// The rule table (lib/workspace/rules.cpp): unique ids of one form, each with its text, found by id.

#include "workspace/rules.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace pops;

TEST_CASE("every rule has a unique lowercase id, a summary and a description without a final period")
{
  std::set<std::string> ids;
  for (const auto& r : all_rules()) {
    CAPTURE(r.id);
    CHECK(ids.insert(std::string(r.id)).second);
    CHECK(!r.id.empty());
    CHECK(r.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") == std::string_view::npos);
    CHECK(!r.summary.empty());
    CHECK(!r.description.empty());
    CHECK(r.summary.back() != '.');
    CHECK(find_rule(r.id) == &r);
  }
  CHECK(ids.size() >= 30);
}

TEST_CASE("find_rule: known rules with their default severity, none for an unknown id")
{
  REQUIRE(find_rule("schema"));
  CHECK(find_rule("schema")->default_severity == Severity::error);
  REQUIRE(find_rule("wip-limit"));
  CHECK(find_rule("wip-limit")->default_severity == Severity::warning);
  REQUIRE(find_rule("series-unlinked"));
  CHECK(find_rule("series-unlinked")->default_severity == Severity::info);
  CHECK(find_rule("dependency-cycle") != nullptr);
  CHECK(find_rule("wip_limit") == nullptr);
  CHECK(find_rule("") == nullptr);
  CHECK(find_rule("Schema") == nullptr);
}
