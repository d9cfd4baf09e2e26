#include "workspace/config.h"
#include "base/date.h"
#include "features/jsonschema.h"
#include "base/text.h"

#include "schema_fixture.h"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <regex>

using nlohmann::json;

namespace {

using schema_fixture::config;
using schema_fixture::k_config;

json schema(const pops::Config& cfg, std::string_view name)
{
  const pops::SchemaKind* k = pops::find_schema_kind(name);
  REQUIRE(k != nullptr);
  return json::parse(pops::json_schema(cfg, *k));
}

bool matches(const json& s, const std::string& text)
{
  return std::regex_search(text, std::regex(s.at("pattern").get<std::string>()));
}

}  // namespace

TEST_CASE("every schema is draft-07 JSON with a title, and the same for the same configuration")
{
  const auto cfg = config();
  CHECK(pops::schema_kinds().size() == 6);
  for (const auto& k : pops::schema_kinds()) {
    const json s = schema(cfg, k.name);
    CHECK(s.at("$schema") == "http://json-schema.org/draft-07/schema#");
    CHECK(!s.at("title").get<std::string>().empty());
    CHECK(s.at("type") == "object");
    CHECK(s.at("additionalProperties") == false);
    CHECK(pops::json_schema(cfg, k) == pops::json_schema(config(), k));
    CHECK(std::string(k.file) == std::string(k.name) + ".schema.json");
  }
  CHECK(pops::find_schema_kind("roadmaps") == nullptr);
}

TEST_CASE("the roadmap schema carries the workspace's statuses, squads, people, horizons and fields")
{
  const json s = schema(config(), "roadmap");
  CHECK(s.at("required") == json::array({"items"}));
  const json& item = s.at("properties").at("items").at("items");
  CHECK(item.at("required") == json::array({"id", "title", "status"}));
  CHECK(item.at("additionalProperties") == false);
  const json& p = item.at("properties");
  CHECK(p.at("status").at("enum") == json::array({"idea", "planned", "in-progress", "shipped", "dropped"}));
  CHECK(p.at("squad").at("enum") == json::array({"payments", "platform"}));
  CHECK(p.at("owner").at("enum") == json::array({"alice", "bo", nullptr}));
  CHECK(p.at("id").at("pattern") == "^(?:PAY|PLAT)-[1-9][0-9]{0,8}$");
  CHECK(matches(p.at("id"), "PAY-12"));
  CHECK_FALSE(matches(p.at("id"), "PAY-012"));
  CHECK_FALSE(matches(p.at("id"), "IOS-1"));
  CHECK(p.at("horizon").at("anyOf").at(0).at("enum") == json::array({"now", "soon"}));
  CHECK(matches(p.at("horizon").at("anyOf").at(1), "2027-Q1"));
  CHECK_FALSE(matches(p.at("horizon").at("anyOf").at(1), "2027-Q5"));
  // The loader's definition of a quarter (base/date.h), not a copy.
  CHECK(p.at("horizon").at("anyOf").at(1).at("pattern") == "^" + std::string(pops::k_quarter_pattern) + "$");
  CHECK(p.at("horizon").at("description").get<std::string>().find("or a quarter YYYY-Qn like 2027-Q1")
        != std::string::npos);
  // Custom fields, typed.
  CHECK(p.at("risk").at("enum") == json::array({"low", "high", nullptr}));
  CHECK(p.at("revenue_impact").at("type") == json::array({"number", "null"}));
  CHECK(p.at("regulated").at("type") == json::array({"boolean", "null"}));
  CHECK(p.at("regions").at("type") == json::array({"array", "null"}));
  CHECK(matches(p.at("launch_date"), "2027-02-01"));
  // Percentages in score.
  const json& score_value = p.at("score").at("additionalProperties");
  CHECK(matches(score_value, "80%"));
  CHECK(matches(score_value, "12.5%"));
  CHECK_FALSE(matches(score_value, "80"));
  CHECK_FALSE(matches(score_value, "high%"));
  // Hover help on every item key.
  for (const auto& entry : p.items()) {
    const std::string& key = entry.key();  // not a structured binding: clang 14 cannot capture one
    const json& value = entry.value();
    CAPTURE(key);
    CHECK(!value.at("description").get<std::string>().empty());
  }
  // dropped needs a reason; a squad's items use its prefix.
  const std::string all = item.at("allOf").dump();
  CHECK(all.find(R"("required":["dropped_reason"])") != std::string::npos);
  CHECK(all.find(R"("if":{"properties":{"squad":{"const":"platform"}},"required":["squad"]})") != std::string::npos);
  CHECK(all.find("^PLAT-[1-9][0-9]{0,8}$") != std::string::npos);
  // Without a file squad, every item needs its own.
  CHECK(s.at("else").dump() == R"({"properties":{"items":{"items":{"required":["squad"]}}}})");
}

TEST_CASE("feedback, document and ritual schemas follow pops.yaml")
{
  const auto cfg = config();
  const json fb = schema(cfg, "feedback").at("properties").at("entries").at("items");
  CHECK(fb.at("properties").at("source").at("enum") == json::array({"support", "sales"}));
  CHECK(fb.at("required") == json::array({"id", "date", "source"}));
  CHECK(fb.at("anyOf").size() == 2);
  CHECK(fb.at("properties").at("arr").at("minimum") == 0);

  const json doc = schema(cfg, "doc");
  CHECK(doc.at("properties").at("type").at("enum") == json::array({"prd", "decision"}));
  CHECK(doc.at("properties").contains("approver"));  // a field some type requires is an allowed key
  CHECK(doc.at("allOf").size() == 1);                // only prd requires fields
  CHECK(doc.at("allOf").at(0).at("then").at("required") == json::array({"title", "owner", "approver"}));

  const json note = schema(cfg, "ritual");
  CHECK(note.at("properties").at("ritual").at("enum") == json::array({"sprint-review"}));
  CHECK(note.at("required") == json::array({"ritual", "date"}));
  CHECK(note.at("properties").at("actions").at("items").at("properties").at("done").at("type")
        == json::array({"boolean", "null"}));
}

TEST_CASE("a workspace without valid prefixes falls back to the general id pattern")
{
  const auto cfg = config("version: 1\nproduct: P\nsquads:\n  core: {prefix: CORE}\n");
  CHECK(schema(cfg, "roadmap").at("properties").at("items").at("items").at("properties").at("id").at("pattern")
        == "^(?:CORE)-[1-9][0-9]{0,8}$");
  std::vector<pops::Finding> findings;
  const auto bad = pops::config_from_text("version: 1\nproduct: P\nsquads:\n  core: {prefix: core}\n", findings);
  CHECK(!findings.empty());
  CHECK(schema(bad, "roadmap").at("properties").at("items").at("items").at("properties").at("id").at("pattern")
        == "^[A-Z][A-Z0-9]{1,9}-[1-9][0-9]{0,8}$");
}

TEST_CASE("the date pattern accepts exactly the dates pops accepts")
{
  const json s = schema(config(), "roadmap").at("properties").at("items").at("items").at("properties").at("target");
  const std::regex re(s.at("pattern").get<std::string>());
  int compared = 0;
  for (int y : {0, 1, 4, 100, 400, 1900, 2000, 2024, 2026, 2100, 9999}) {
    for (int m = 0; m <= 13; ++m) {
      for (int d = 0; d <= 32; ++d) {
        const std::string text = fmt::format("{:04}-{:02}-{:02}", y, m, d);
        CAPTURE(text);
        CHECK(std::regex_search(text, re) == pops::parse_date(text).has_value());
        ++compared;
      }
    }
  }
  CHECK(compared == 11 * 14 * 33);
  for (const char* text : {"2026-1-05", "2026-01-5", "20260105", " 2026-01-05", "2026-01-05x", "15/12/2026"}) {
    CAPTURE(text);
    CHECK_FALSE(std::regex_search(std::string(text), re));
    CHECK_FALSE(pops::parse_date(text).has_value());
  }
}

TEST_CASE("the period and weekday patterns accept what pops.yaml accepts")
{
  const json s = schema(config(), "pops");
  const json& cadence = s.at("properties").at("rituals").at("additionalProperties").at("properties").at("cadence");
  const std::regex every(cadence.at("properties").at("every").at("pattern").get<std::string>());
  for (const char* text : {"2 weeks", "1 week", "week", "90 days", "3 Months", "10000 days", "007 days", " 2 weeks ",
                           "2weeks", "0 days", "10001 days", "2 weeeks", "2", "fortnight", "", "1 day", "1 years"}) {
    CAPTURE(text);
    int n = 0;
    std::string unit;
    CHECK(std::regex_search(std::string(text), every) == pops::parse_period(text, n, unit));
  }
  const std::regex on(cadence.at("properties").at("on").at("pattern").get<std::string>());
  CHECK(std::regex_search(std::string("thursday"), on));
  CHECK(std::regex_search(std::string("Thursday"), on));
  CHECK_FALSE(std::regex_search(std::string("thursdya"), on));
  // Rule ids are the keys of `rules:`, each with its summary as hover help.
  const json& rules = s.at("properties").at("rules");
  CHECK(rules.at("additionalProperties") == false);
  CHECK(rules.at("properties").at("wip-limit").at("description").get<std::string>().find("wip_limit")
        != std::string::npos);
  CHECK(s.at("required") == json::array({"version", "product"}));
  // squads too, except in a portfolio (revision 1.4)
  CHECK(s.at("if") == json{{"not", {{"required", json::array({"portfolio"})}}}});
  CHECK(s.at("then") == json{{"required", json::array({"squads"})}});
  CHECK(s.at("properties").at("portfolio").at("type") == json::array({"object", "null"}));
}

TEST_CASE("the id patterns of the schema accept exactly the ids pops check accepts")
{
  // The schema of a workspace without valid prefixes uses the general item id pattern; feedback ids
  // and squad prefixes have one pattern each. Compared with the loader's predicates over every string
  // of up to 5 characters from an alphabet that reaches every branch, and over long counters.
  std::vector<pops::Finding> findings;
  const auto general = pops::config_from_text("version: 1\nproduct: P\nsquads:\n  core: {prefix: core}\n", findings);
  const std::regex item(schema(general, "roadmap")
                          .at("properties")
                          .at("items")
                          .at("items")
                          .at("properties")
                          .at("id")
                          .at("pattern")
                          .get<std::string>());
  const std::regex feedback(schema(config(), "feedback")
                              .at("properties")
                              .at("entries")
                              .at("items")
                              .at("properties")
                              .at("id")
                              .at("pattern")
                              .get<std::string>());
  const std::regex prefix(schema(config(), "pops")
                            .at("properties")
                            .at("squads")
                            .at("additionalProperties")
                            .at("properties")
                            .at("prefix")
                            .at("pattern")
                            .get<std::string>());
  std::vector<std::string> texts = {"", "FB-", "PAY-", "PAY-0", "PAY-01"};
  const std::string alphabet = "AB0F1-9a";
  std::vector<std::string> level = {""};
  for (int len = 1; len <= 5; ++len) {
    std::vector<std::string> next;
    for (const auto& t : level) {
      for (char c : alphabet) {
        next.push_back(t + c);
      }
    }
    texts.insert(texts.end(), next.begin(), next.end());
    level = std::move(next);
  }
  for (int digits = 1; digits <= 12; ++digits) {
    const std::string n = "1" + std::string(static_cast<size_t>(digits - 1), '0');
    texts.push_back("CORE-" + n);
    texts.push_back("FB-" + n);
  }
  for (int len = 1; len <= 12; ++len) {
    texts.push_back("A" + std::string(static_cast<size_t>(len - 1), 'B'));
    texts.push_back("A" + std::string(static_cast<size_t>(len - 1), 'B') + "-7");
  }
  size_t accepted = 0;
  for (const auto& t : texts) {
    CAPTURE(t);
    CHECK(std::regex_search(t, item) == pops::is_item_id(t));
    CHECK(std::regex_search(t, feedback) == pops::is_feedback_id(t));
    CHECK(std::regex_search(t, prefix) == pops::is_prefix(t));
    accepted += pops::is_item_id(t) ? 1 : 0;
  }
  CHECK(accepted > 100);  // the set reaches accepted ids, not only rejections
  CHECK_FALSE(std::regex_search(std::string("CORE-1234567890"), item));
}
