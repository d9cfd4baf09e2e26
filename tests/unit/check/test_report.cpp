#include "check/report.h"
#include "workspace/rules.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <set>
#include <string>

using nlohmann::json;
using namespace pops;

namespace {

Finding make(std::string file, int line, int column, Severity sev, std::string rule, std::string message)
{
  Finding f;
  f.file = std::move(file);
  f.loc.line = line;
  f.loc.column = column;
  f.severity = sev;
  f.rule = std::move(rule);
  f.message = std::move(message);
  return f;
}

/// Three findings (error with an end position, warning, info without a location) over 45 files.
CheckResult sample()
{
  CheckResult r;
  Finding a = make("roadmap/payments.yaml", 12, 13, Severity::error, "schema", "unknown status 'in-progres'");
  a.end.line = 12;
  a.end.column = 23;
  r.findings.push_back(a);
  r.findings.push_back(
    make("roadmap/platform.yaml", 4, 5, Severity::warning, "wip-limit", "squad plat has 4 items in progress"));
  r.findings.push_back(make("docs/prd.md", 0, 0, Severity::info, "doc-stale", "not reviewed since 2024-01-01"));
  r.summary = Summary{1, 1, 1, 45};
  return r;
}

int count(const std::string& text, const std::string& part)
{
  int n = 0;
  for (auto pos = text.find(part); pos != std::string::npos; pos = text.find(part, pos + part.size())) {
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("json: exact keys, order and summary")
{
  std::string text = render_json(sample());
  REQUIRE(!text.empty());
  CHECK(text.back() == '\n');
  json j = json::parse(text);
  CHECK(j.size() == 2);
  REQUIRE(j["findings"].size() == 3);
  std::set<std::string> keys;
  for (const auto& [k, v] : j["findings"][0].items()) {
    keys.insert(k);
  }
  CHECK(keys == std::set<std::string>{"file", "line", "column", "severity", "rule", "message"});
  const auto& f0 = j["findings"][0];
  CHECK(f0["file"] == "roadmap/payments.yaml");
  CHECK(f0["line"] == 12);
  CHECK(f0["column"] == 13);
  CHECK(f0["line"].is_number_integer());
  CHECK(f0["severity"] == "error");
  CHECK(f0["rule"] == "schema");
  CHECK(f0["message"] == "unknown status 'in-progres'");
  CHECK(j["findings"][1]["severity"] == "warning");
  CHECK(j["findings"][2]["severity"] == "info");
  CHECK(j["findings"][2]["line"] == 0);
  CHECK(j["findings"][2]["column"] == 0);
  CHECK(j["summary"] == json{{"errors", 1}, {"warnings", 1}, {"infos", 1}, {"files", 45}});
  // Keys are written in the contract's order.
  auto at = [&text](const char* key) { return text.find(key); };
  CHECK(at("\"file\"") < at("\"line\""));
  CHECK(at("\"line\"") < at("\"column\""));
  CHECK(at("\"column\"") < at("\"severity\""));
  CHECK(at("\"severity\"") < at("\"rule\""));
  CHECK(at("\"rule\"") < at("\"message\""));
  CHECK(at("\"findings\"") < at("\"summary\""));
  CHECK(at("\"errors\"") < at("\"warnings\""));
  CHECK(at("\"infos\"") < at("\"files\""));
}

TEST_CASE("json: empty result and invalid UTF-8 do not throw")
{
  CheckResult r;
  r.summary.files = 3;
  json j = json::parse(render_json(r));
  CHECK(j["findings"].is_array());
  CHECK(j["findings"].empty());
  CHECK(j["summary"]["files"] == 3);
  CHECK(j["summary"]["errors"] == 0);

  r.findings.push_back(make("a\xff.yaml", 1, 1, Severity::error, "yaml-syntax", "bad \xc3 byte"));
  std::string text;
  CHECK_NOTHROW(text = render_json(r));
  CHECK(json::accept(text));  // valid JSON (parse would not throw)
}

TEST_CASE("sarif: header, driver and rules")
{
  json j = json::parse(render_sarif(sample(), "1.2.3"));
  CHECK(j["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(j["version"] == "2.1.0");
  REQUIRE(j["runs"].size() == 1);
  const auto& driver = j["runs"][0]["tool"]["driver"];
  CHECK(driver["name"] == "pops");
  CHECK(driver["version"] == "1.2.3");
  CHECK(!driver.contains("informationUri"));
  auto rules = all_rules();
  REQUIRE(driver["rules"].size() == rules.size());
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const auto& d = driver["rules"][i];
    CHECK(d["id"] == std::string(rules[i].id));
    CHECK(d["shortDescription"]["text"] == std::string(rules[i].summary));
    CHECK(d["fullDescription"]["text"] == std::string(rules[i].description));
    std::string help = d["help"]["text"];
    CHECK(help.find(std::string(rules[i].description)) == 0);
    CHECK(help.find("See docs/rules.md#" + std::string(rules[i].id)) != std::string::npos);
    std::string level = d["defaultConfiguration"]["level"];
    const Severity sev = rules[i].default_severity;
    CHECK(level
          == (sev == Severity::error     ? "error"
              : sev == Severity::warning ? "warning"
              : sev == Severity::info    ? "note"
                                         : "none"));
    // A rule off by default (prd-missing ...) is described but not enabled.
    CHECK(d["defaultConfiguration"].value("enabled", true) == (sev != Severity::off));
  }
}

TEST_CASE("sarif: results, levels, regions and fingerprints")
{
  json j = json::parse(render_sarif(sample(), "1.0.0"));
  const auto& driver_rules = j["runs"][0]["tool"]["driver"]["rules"];
  const auto& results = j["runs"][0]["results"];
  REQUIRE(results.size() == 3);

  for (const auto& res : results) {
    int index = res["ruleIndex"];
    CHECK(driver_rules[index]["id"] == res["ruleId"]);
    CHECK(res["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
  }
  CHECK(results[0]["ruleId"] == "schema");
  CHECK(results[0]["level"] == "error");
  CHECK(results[1]["level"] == "warning");
  CHECK(results[2]["level"] == "note");
  CHECK(results[0]["message"]["text"] == "unknown status 'in-progres'");

  const auto& loc0 = results[0]["locations"][0]["physicalLocation"];
  CHECK(loc0["artifactLocation"]["uri"] == "roadmap/payments.yaml");
  CHECK(loc0["region"] == json{{"startLine", 12}, {"startColumn", 13}, {"endLine", 12}, {"endColumn", 23}});
  const auto& loc1 = results[1]["locations"][0]["physicalLocation"];
  CHECK(loc1["region"] == json{{"startLine", 4}, {"startColumn", 5}});
  const auto& loc2 = results[2]["locations"][0]["physicalLocation"];
  CHECK(loc2["artifactLocation"]["uri"] == "docs/prd.md");
  CHECK(!loc2.contains("region"));

  std::set<std::string> hashes;
  for (const auto& res : results) {
    std::string h = res["partialFingerprints"]["primaryLocationLineHash"];
    CHECK(h.size() == 16);
    hashes.insert(h);
  }
  CHECK(hashes.size() == 3);

  // Stable across runs and versions, independent of the line; different when the message differs.
  json again = json::parse(render_sarif(sample(), "2.0.0"));
  CHECK(again["runs"][0]["results"][0]["partialFingerprints"] == results[0]["partialFingerprints"]);
  CheckResult moved = sample();
  moved.findings[0].loc.line = 40;
  json m = json::parse(render_sarif(moved, "1.0.0"));
  CHECK(m["runs"][0]["results"][0]["partialFingerprints"] == results[0]["partialFingerprints"]);
  moved.findings[0].message += "!";
  m = json::parse(render_sarif(moved, "1.0.0"));
  CHECK(m["runs"][0]["results"][0]["partialFingerprints"] != results[0]["partialFingerprints"]);
}

TEST_CASE("sarif: unknown rule, odd file names, empty result")
{
  CheckResult r;
  r.findings.push_back(make("docs/my doc%.md", 3, 0, Severity::warning, "not-a-rule", "m"));
  json j = json::parse(render_sarif(r, "1.0.0"));
  const auto& res = j["runs"][0]["results"][0];
  CHECK(!res.contains("ruleIndex"));
  CHECK(res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/my%20doc%25.md");
  CHECK(res["locations"][0]["physicalLocation"]["region"] == json{{"startLine", 3}});

  json empty = json::parse(render_sarif(CheckResult{}, "1.0.0"));
  CHECK(empty["runs"][0]["results"].is_array());
  CHECK(empty["runs"][0]["results"].empty());
  CHECK(empty["runs"][0]["tool"]["driver"]["rules"].size() == all_rules().size());
}

TEST_CASE("github: commands, levels and properties")
{
  std::string out = render_github(sample());
  CHECK(
    out
    == "::error file=roadmap/payments.yaml,line=12,col=13,endLine=12,endColumn=23,title=pops/schema::"
       "unknown status 'in-progres'\n"
       "::warning file=roadmap/platform.yaml,line=4,col=5,title=pops/wip-limit::squad plat has 4 items in progress\n"
       "::notice file=docs/prd.md,title=pops/doc-stale::not reviewed since 2024-01-01\n");
  CHECK(render_github(CheckResult{}).empty());
}

TEST_CASE("github: escaping of file names and messages")
{
  CheckResult r;
  r.findings.push_back(make("a,b:c%.yaml", 2, 1, Severity::error, "schema", "100% sure: a,b\r\nnext"));
  std::string out = render_github(r);
  CHECK(out == "::error file=a%2Cb%3Ac%25.yaml,line=2,col=1,title=pops/schema::100%25 sure: a,b%0D%0Anext\n");
  CHECK(count(out, "\n") == 1);
}

TEST_CASE("junit: shape, escaping and unique names")
{
  CheckResult r = sample();
  r.findings.push_back(make("roadmap/payments.yaml", 12, 13, Severity::error, "schema", "a & b <c> \"d\" 'e'\x01"));
  r.findings.push_back(make("roadmap/payments.yaml", 12, 13, Severity::error, "schema", "third"));
  std::string out = render_junit(r);
  CHECK(out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0) == 0);
  CHECK(out.find("<testsuites name=\"pops\" tests=\"5\" failures=\"3\"") != std::string::npos);
  CHECK(out.find("<testsuite name=\"pops\" tests=\"5\" failures=\"3\" errors=\"0\" skipped=\"0\"")
        != std::string::npos);
  CHECK(count(out, "<testcase ") == 5);
  CHECK(out.find("<testcase classname=\"roadmap/payments.yaml\" name=\"schema@12:13\" file=\"roadmap/payments.yaml\">")
        != std::string::npos);
  CHECK(out.find("name=\"schema@12:13 #2\"") != std::string::npos);
  CHECK(out.find("name=\"schema@12:13 #3\"") != std::string::npos);
  CHECK(out.find("<failure type=\"error\" message=\"unknown status &apos;in-progres&apos;\">"
                 "roadmap/payments.yaml:12:13: unknown status &apos;in-progres&apos;</failure>")
        != std::string::npos);
  CHECK(out.find("<failure type=\"warning\"") == std::string::npos);
  CHECK(out.find("<properties><property name=\"severity\" value=\"warning\"/></properties>\n      <system-out>"
                 "roadmap/platform.yaml:4:5: warning: squad plat has 4 items in progress</system-out>")
        != std::string::npos);
  CHECK(out.find("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;\"") != std::string::npos);
  CHECK(out.find('\x01') == std::string::npos);
  CHECK(out.find("<system-out>docs/prd.md: info: not reviewed since 2024-01-01</system-out>") != std::string::npos);
  CHECK(count(out, "<failure") == 3);
  CHECK(out.back() == '\n');
  // --strict: warnings make the exit status 1, so they are failures too.
  const std::string strict = render_junit(r, true);
  CHECK(strict.find("<testsuites name=\"pops\" tests=\"5\" failures=\"4\"") != std::string::npos);
  CHECK(strict.find("<failure type=\"warning\" message=\"squad plat has 4 items in progress\">") != std::string::npos);
}

TEST_CASE("junit: warnings only are no failures (pops check exits 0)")
{
  CheckResult r;
  r.findings.push_back(make("roadmap/a.yaml", 3, 5, Severity::warning, "wip-limit", "too many"));
  r.findings.push_back(make("roadmap/b.yaml", 7, 5, Severity::warning, "target-passed", "late"));
  const std::string out = render_junit(r);
  CHECK(out.find("<testsuites name=\"pops\" tests=\"2\" failures=\"0\" errors=\"0\">") != std::string::npos);
  CHECK(out.find("<testsuite name=\"pops\" tests=\"2\" failures=\"0\"") != std::string::npos);
  CHECK(out.find("<failure") == std::string::npos);
  CHECK(count(out, "<system-out>") == 2);
  CHECK(render_junit(r, true).find("failures=\"2\"") != std::string::npos);
}

TEST_CASE("junit: empty result has one passing testcase")
{
  std::string out = render_junit(CheckResult{});
  CHECK(out.find("<testsuites name=\"pops\" tests=\"1\" failures=\"0\"") != std::string::npos);
  CHECK(out.find("<testcase classname=\"pops\" name=\"check\"/>") != std::string::npos);
  CHECK(count(out, "<testcase ") == 1);
  CHECK(out.find("<failure") == std::string::npos);
}

TEST_CASE("gitlab: code quality shape, severities and locations")
{
  std::string text = render_gitlab(sample());
  REQUIRE(!text.empty());
  CHECK(text.back() == '\n');
  json j = json::parse(text);
  REQUIRE(j.is_array());
  REQUIRE(j.size() == 3);
  for (const auto& issue : j) {
    std::set<std::string> keys;
    for (const auto& [k, v] : issue.items()) {
      keys.insert(k);
    }
    CHECK(keys == std::set<std::string>{"description", "check_name", "fingerprint", "severity", "location"});
    CHECK(issue["location"]["lines"]["begin"].is_number_integer());
    CHECK(issue["location"]["lines"]["begin"].get<int>() >= 1);
  }
  CHECK(j[0]["description"] == "unknown status 'in-progres'");
  CHECK(j[0]["check_name"] == "schema");
  CHECK(j[0]["severity"] == "major");
  CHECK(j[0]["location"] == json{{"path", "roadmap/payments.yaml"}, {"lines", {{"begin", 12}}}});
  CHECK(j[1]["severity"] == "minor");
  CHECK(j[1]["location"]["lines"]["begin"] == 4);
  CHECK(j[2]["severity"] == "info");
  CHECK(j[2]["location"] == json{{"path", "docs/prd.md"}, {"lines", {{"begin", 1}}}});  // no line: the first

  // The fingerprint is the SARIF one: stable across runs and line moves, different for another message.
  json sarif = json::parse(render_sarif(sample(), "1.0.0"));
  CHECK(j[0]["fingerprint"] == sarif["runs"][0]["results"][0]["partialFingerprints"]["primaryLocationLineHash"]);
  CheckResult moved = sample();
  moved.findings[0].loc.line = 40;
  json m = json::parse(render_gitlab(moved));
  CHECK(m[0]["fingerprint"] == j[0]["fingerprint"]);
  CHECK(m[0]["location"]["lines"]["begin"] == 40);
  moved.findings[0].message += "!";
  m = json::parse(render_gitlab(moved));
  CHECK(m[0]["fingerprint"] != j[0]["fingerprint"]);
  CHECK(m[1]["fingerprint"] == j[1]["fingerprint"]);
}

TEST_CASE("gitlab: equal findings get unique fingerprints; empty result is an empty array")
{
  CheckResult r;
  r.findings.push_back(make("roadmap/a.yaml", 3, 5, Severity::error, "schema", "unknown key 'x' in an item"));
  r.findings.push_back(make("roadmap/a.yaml", 9, 5, Severity::error, "schema", "unknown key 'x' in an item"));
  r.findings.push_back(make("roadmap/a.yaml", 15, 5, Severity::error, "schema", "unknown key 'x' in an item"));
  r.findings.push_back(make("", 0, 0, Severity::warning, "config", "a workspace-wide finding"));
  json j = json::parse(render_gitlab(r));
  REQUIRE(j.size() == 4);
  std::set<std::string> fps;
  for (const auto& issue : j) {
    fps.insert(issue["fingerprint"].get<std::string>());
  }
  CHECK(fps.size() == 4);
  // The first of equal findings keeps the plain fingerprint; the repeats stay stable too.
  CheckResult one;
  one.findings.push_back(r.findings[0]);
  CHECK(json::parse(render_gitlab(one))[0]["fingerprint"] == j[0]["fingerprint"]);
  CHECK(json::parse(render_gitlab(r)) == j);
  CHECK(j[3]["location"]["path"] == "pops.yaml");
  CHECK(j[3]["location"]["lines"]["begin"] == 1);

  CHECK(render_gitlab(CheckResult{}) == "[]\n");
}
