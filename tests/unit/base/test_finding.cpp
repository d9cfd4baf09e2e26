// Findings (lib/base/finding.cpp): severity names both ways, the report order, the summary counts.

#include "base/finding.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace pops;

TEST_CASE("severities: names and parsing, nothing else accepted")
{
  for (auto s : {Severity::off, Severity::info, Severity::warning, Severity::error}) {
    Severity back = Severity::off;
    REQUIRE(parse_severity(severity_name(s), back));
    CHECK(back == s);
  }
  CHECK(severity_name(Severity::warning) == "warning");
  Severity untouched = Severity::info;
  CHECK_FALSE(parse_severity("Error", untouched));
  CHECK_FALSE(parse_severity("warn", untouched));
  CHECK_FALSE(parse_severity("", untouched));
  CHECK(untouched == Severity::info);
}

TEST_CASE("report order: file, then line, column, rule and message")
{
  auto f = [](std::string file, int line, int col, std::string rule, std::string msg) {
    Finding x;
    x.file = std::move(file);
    x.loc = {line, col, -1};
    x.rule = std::move(rule);
    x.message = std::move(msg);
    return x;
  };
  std::vector<Finding> v{f("b.yaml", 1, 1, "schema", "m"), f("a.yaml", 10, 1, "schema", "m"),
                         f("a.yaml", 9, 5, "schema", "m"), f("a.yaml", 9, 2, "unknown-ref", "m"),
                         f("a.yaml", 9, 2, "schema", "z"), f("a.yaml", 9, 2, "schema", "a")};
  std::sort(v.begin(), v.end(), finding_less);
  std::vector<std::string> got;
  for (const auto& x : v) {
    got.push_back(x.file + ":" + std::to_string(x.loc.line) + ":" + std::to_string(x.loc.column) + " " + x.rule + " "
                  + x.message);
  }
  CHECK(got
        == std::vector<std::string>{"a.yaml:9:2 schema a", "a.yaml:9:2 schema z", "a.yaml:9:2 unknown-ref m",
                                    "a.yaml:9:5 schema m", "a.yaml:10:1 schema m", "b.yaml:1:1 schema m"});
}

TEST_CASE("summarize counts each severity, leaves the file count, and counts again from zero")
{
  CheckResult r;
  r.summary.files = 7;
  r.summary.errors = 99;
  for (auto s : {Severity::error, Severity::warning, Severity::warning, Severity::info, Severity::off, Severity::error,
                 Severity::error}) {
    Finding x;
    x.severity = s;
    r.findings.push_back(x);
  }
  summarize(r);
  CHECK(r.summary.errors == 3);
  CHECK(r.summary.warnings == 2);
  CHECK(r.summary.infos == 1);
  CHECK(r.summary.files == 7);
  r.findings.clear();
  summarize(r);
  CHECK(r.summary.errors == 0);
}
