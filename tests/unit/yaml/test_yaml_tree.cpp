#include "yaml/yaml_tree.h"

#include <doctest/doctest.h>

#include <string>

using namespace pops;

TEST_CASE("parse_yaml records 1-based lines, columns and byte offsets")
{
  const std::string text = "a: 1\nlist:\n  - x\n  - \"y\"\nflow: [p, q]\n";
  YamlDoc d = parse_yaml(text);
  REQUIRE(d.ok);
  REQUIRE(d.root.is_map());
  const YNode* list = d.root.get("list");
  REQUIRE(list);
  REQUIRE(list->is_seq());
  CHECK_FALSE(list->flow);
  CHECK(list->items[0].loc.line == 3);
  CHECK(list->items[0].loc.column == 5);
  CHECK(text.substr(static_cast<size_t>(list->items[0].loc.pos), 1) == "x");
  CHECK(list->items[1].quoted);
  CHECK(list->items[1].text == "y");
  CHECK_FALSE(list->items[0].quoted);
  const YNode* flow = d.root.get("flow");
  REQUIRE(flow);
  CHECK(flow->flow);
  CHECK(flow->items.size() == 2);
}

TEST_CASE("duplicate keys are reported, and the first value wins")
{
  YamlDoc d = parse_yaml("a: 1\nb: 2\na: 3\n");
  REQUIRE(d.ok);
  REQUIRE(d.findings.size() == 1);
  CHECK(d.findings[0].rule == "duplicate-key");
  CHECK(d.findings[0].loc.line == 3);
  CHECK(d.findings[0].message == "duplicate key 'a' (first at line 1)");
  CHECK(d.root.get("a")->text == "1");
  CHECK(d.root.entries.size() == 2);
}

TEST_CASE("syntax errors are located")
{
  YamlDoc d = parse_yaml("a: [1, 2\nb: 3\n");
  CHECK_FALSE(d.ok);
  REQUIRE(d.findings.size() == 1);
  CHECK(d.findings[0].rule == "yaml-syntax");
  CHECK(d.findings[0].loc.line >= 1);
  CHECK(d.findings[0].message.starts_with("invalid YAML: "));
}

TEST_CASE("hostile input is refused without deep recursion")
{
  SUBCASE("deep flow nesting")
  {
    std::string t = "a: " + std::string(100000, '[');
    YamlDoc d = parse_yaml(t);
    CHECK_FALSE(d.ok);
    CHECK(d.findings.at(0).message.find("nesting is deeper") != std::string::npos);
    CHECK(d.findings.at(0).loc.line == 1);
  }
  SUBCASE("alias bomb")
  {
    std::string t = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; ++c) {
      t += std::string(1, c) + ": &" + c + " [";
      for (int i = 0; i < 10; ++i) {
        t += std::string(i ? ", *" : "*") + prev;
      }
      t += "]\n";
      prev = c;
    }
    YamlDoc d = parse_yaml(t);
    CHECK_FALSE(d.ok);
    CHECK(d.findings.at(0).message.find("alias bomb") != std::string::npos);
  }
  SUBCASE("invalid UTF-8 and NUL")
  {
    YamlDoc d = parse_yaml("a: b\nc: \xff\n");
    CHECK_FALSE(d.ok);
    CHECK(d.findings.at(0).loc.line == 2);
    CHECK(d.findings.at(0).loc.column == 4);
    YamlDoc n = parse_yaml(std::string("a: b\0c", 6));
    CHECK_FALSE(n.ok);
    CHECK(n.findings.at(0).message.find("NUL") != std::string::npos);
  }
  SUBCASE("size limit")
  {
    YamlLimits small;
    small.max_bytes = 10;
    YamlDoc d = parse_yaml("a: 0123456789\n", small);
    CHECK_FALSE(d.ok);
  }
  SUBCASE("two documents")
  {
    YamlDoc d = parse_yaml("a: 1\n---\nb: 2\n");
    CHECK_FALSE(d.ok);
    CHECK(d.findings.at(0).loc.line == 2);
  }
}

TEST_CASE("BOM and offsets for front matter")
{
  YamlDoc d = parse_yaml("\xEF\xBB\xBFtitle: x\n", {}, 1, 4);
  REQUIRE(d.ok);
  const YNode* t = d.root.get("title");
  REQUIRE(t);
  CHECK(t->loc.line == 2);
  CHECK(t->loc.pos == 4 + 3 + 7);
}

TEST_CASE("check_text accepts valid UTF-8 and rejects surrogates and overlongs")
{
  Loc where;
  std::string what;
  CHECK(check_text("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", where, what));
  CHECK_FALSE(check_text("\xc0\xaf", where, what));
  CHECK_FALSE(check_text("\xed\xa0\x80", where, what));
  CHECK_FALSE(check_text("\xe2\x82", where, what));
}
