#include "workspace/config.h"
#include "workspace/workspace.h"

#include "helpers.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace pops;

namespace {

const char* k_config = R"(version: 1
product: Test
squads:
  payments: {prefix: PAY, lead: alice}
people:
  alice: {name: Alice, squad: payments}
)";

Workspace load(std::vector<SourceFile> files)
{
  return load_workspace("/nowhere", std::move(files), 2);
}

const Finding* finding(const Workspace& ws, std::string_view rule, const std::string& file = "")
{
  auto it = std::find_if(ws.findings.begin(), ws.findings.end(),
                         [&](const Finding& f) { return f.rule == rule && (file.empty() || f.file == file); });
  return it == ws.findings.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("files are classified by where they are")
{
  CHECK(classify("pops.yaml") == FileKind::config);
  CHECK(classify("roadmap/payments.yaml") != FileKind::none);
  CHECK(classify("feedback/2026.yaml") != FileKind::none);
  CHECK(classify("README.md") == FileKind::none);
  CHECK(classify("src/main.cpp") == FileKind::none);
}

TEST_CASE("items get their squad from the file and keep where they were written")
{
  const auto ws =
    load({{"pops.yaml", k_config},
          {"roadmap/p.yaml", "squad: payments\nitems:\n  - id: PAY-1\n    title: A\n    status: idea\n"}});
  CHECK(ws.findings.empty());
  REQUIRE(ws.items.size() == 1);
  const Item& it = ws.items[0];
  CHECK(it.squad.value == "payments");
  CHECK(it.squad_from_file);
  CHECK(it.file == "roadmap/p.yaml");
  CHECK(it.title.loc.line == 4);
  CHECK(it.title.loc.column == 12);
  CHECK(ws.item("PAY-1") == &ws.items[0]);
  CHECK(ws.item("PAY-2") == nullptr);
  CHECK(ws.config.squads.size() == 1);
}

TEST_CASE("the same files give the same model on any number of threads, in the order given")
{
  std::vector<SourceFile> files = {{"pops.yaml", k_config}};
  for (int f = 0; f < 8; ++f) {
    std::string text = "squad: payments\nitems:\n";
    for (int i = 1; i <= 5; ++i) {
      const int n = f * 5 + i;
      text += "  - {id: PAY-" + std::to_string(n) + ", title: T" + std::to_string(n) + ", status: idea}\n";
    }
    files.push_back({"roadmap/f" + std::to_string(f) + ".yaml", text});
  }
  const auto one = load_workspace("/nowhere", files, 1);
  const auto many = load_workspace("/nowhere", files, 4);
  REQUIRE(one.items.size() == 40);
  REQUIRE(many.items.size() == 40);
  for (size_t i = 0; i < one.items.size(); ++i) {
    CHECK(one.items[i].id.value == many.items[i].id.value);
    CHECK(one.items[i].file == many.items[i].file);
  }
  CHECK(one.files == many.files);
  CHECK(std::is_sorted(one.files.begin(), one.files.end()));
  CHECK(one.items.front().id.value == "PAY-1");
  CHECK(one.items.back().id.value == "PAY-40");
}

TEST_CASE("syntax errors and schema errors are findings with a location, not exceptions")
{
  const auto ws =
    load({{"pops.yaml", k_config},
          {"roadmap/bad.yaml", "items: [\n"},
          {"roadmap/p.yaml", "squad: payments\nitems:\n  - {id: PAY-1, title: A, status: idea, target: someday}\n"}});
  const Finding* syntax = finding(ws, "yaml-syntax", "roadmap/bad.yaml");
  REQUIRE(syntax);
  CHECK(syntax->loc.line >= 1);
  const Finding* schema = finding(ws, "schema", "roadmap/p.yaml");
  REQUIRE(schema);
  CHECK(schema->loc.line == 3);
  CHECK(schema->message.find("target") != std::string::npos);
}

TEST_CASE("duplicate keys are reported")
{
  const auto ws =
    load({{"pops.yaml", k_config},
          {"roadmap/p.yaml", "squad: payments\nitems:\n  - {id: PAY-1, title: A, title: B, status: idea}\n"}});
  CHECK(finding(ws, "duplicate-key", "roadmap/p.yaml"));
}

TEST_CASE("pops.yaml: unknown keys and wrong types are schema findings in pops.yaml")
{
  const auto ws = load({{"pops.yaml", "version: 1\nproduct: Test\nsquads:\n  payments: {prefix: 12}\nsquadz: {}\n"}});
  const Finding* f = finding(ws, "schema", "pops.yaml");
  REQUIRE(f);
}

TEST_CASE("periods parse and add as calendar units")
{
  int count = 0;
  std::string unit;
  REQUIRE(parse_period("2 weeks", count, unit));
  CHECK(count == 2);
  const Date d = *parse_date("2026-01-31");
  CHECK(format_date(add_period(d, count, unit)) == "2026-02-14");
  CHECK_FALSE(parse_period("fortnightly", count, unit));
}

TEST_CASE("a series in two metrics files is a schema finding at the second, naming the first")
{
  const auto ws = load({{"pops.yaml", k_config},
                        {"metrics/a.yaml", "series:\n  - {source: amplitude, key: Refund, metric: uniques}\n"},
                        {"metrics/b.yaml", "series:\n  - {source: amplitude, key: Refund, metric: visitors}\n"
                                           "  - {source: amplitude, key: Refund, metric: uniques}\n"
                                           "  - {source: amplitude, key: Refund, metric: uniques}\n"},
                        {"metrics/c.yaml", "series:\n  - {source: amplitude, key: Refund}\n"}});
  pops::test::Lines got;
  for (const auto& f : ws.findings) {
    got.push_back(fmt::format("{} {}:{}:{}: {}", f.rule, f.file, f.loc.line, f.loc.column, f.message));
  }
  // The second of b.yaml repeats a.yaml's; the third repeats b.yaml's own (reported as one file's),
  // not a.yaml's as well. Another metric (or none) is another series.
  const std::string again = "series 'Refund' of amplitude (metric uniques) is also at ";
  const std::string keep = "; keep one (a re-import updates it in place)";
  CHECK(got
        == pops::test::Lines{"schema metrics/b.yaml:4:30: " + again + "metrics/b.yaml:3" + keep,
                             "schema metrics/b.yaml:3:30: " + again + "metrics/a.yaml:2" + keep});
  CHECK(ws.series.size() == 5);
}
