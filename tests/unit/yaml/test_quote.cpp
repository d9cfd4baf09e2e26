#include "yaml/quote.h"

#include <doctest/doctest.h>

using namespace pops;
using namespace pops::yaml_write;

TEST_CASE("scalars are quoted only when YAML would misread them")
{
  CHECK(format_scalar({"One-click refunds"}, false) == "One-click refunds");
  CHECK(format_scalar({"yes"}, false) == "\"yes\"");
  CHECK(format_scalar({"No"}, false) == "\"No\"");
  CHECK(format_scalar({"null"}, false) == "\"null\"");
  CHECK(format_scalar({"~"}, false) == "\"~\"");
  CHECK(format_scalar({"2026"}, false) == "\"2026\"");
  CHECK(format_scalar({"1e3"}, false) == "\"1e3\"");
  CHECK(format_scalar({"0x1F"}, false) == "\"0x1F\"");
  CHECK(format_scalar({"2026-01-05"}, false) == "\"2026-01-05\"");
  CHECK(format_scalar({"2026-01-05", false}, false) == "2026-01-05");
  CHECK(format_scalar({"true", false}, false) == "true");
  CHECK(format_scalar({"a: b"}, false) == "\"a: b\"");
  CHECK(format_scalar({"a #b"}, false) == "\"a #b\"");
  CHECK(format_scalar({"a#b"}, false) == "a#b");
  CHECK(format_scalar({"*star"}, false) == "\"*star\"");
  for (std::string lead : {"&", "!", "|", ">", "'", "\"", "%", "@", "`", "#", "[", "{", ",", "? ", "- ", ": "}) {
    CAPTURE(lead);
    CHECK(format_scalar({lead + "x"}, false).front() == '"');
  }
  CHECK(format_scalar({"-50%"}, false) == "-50%");
  CHECK(format_scalar({"2027-Q1"}, false) == "2027-Q1");
  CHECK(format_scalar({"PAY-12"}, false) == "PAY-12");
  CHECK(format_scalar({" lead"}, false) == "\" lead\"");
  CHECK(format_scalar({"trail "}, false) == "\"trail \"");
  CHECK(format_scalar({""}, false) == "\"\"");
  CHECK(format_scalar({"line\nbreak"}, false) == "\"line\\nbreak\"");
  CHECK(format_scalar({"say \"hi\""}, false) == "say \"hi\"");
  CHECK(format_scalar({"\"hi\" she said"}, false) == "\"\\\"hi\\\" she said\"");
  CHECK(format_scalar({"it's"}, false, '\'') == "it's");
  CHECK(format_scalar({"yes"}, false, '\'') == "'yes'");
  CHECK(format_scalar({"it's: x"}, false, '\'') == "'it''s: x'");
  CHECK(format_scalar({"a, b"}, false) == "a, b");
  CHECK(format_scalar({"a, b"}, true) == "\"a, b\"");
  CHECK(format_scalar({"why? no"}, false) == "why? no");
  CHECK(format_scalar({"why? no"}, true) == "\"why? no\"");
  CHECK(format_scalar({"a?b"}, true) == "\"a?b\"");
  CHECK(format_scalar({"null", false}, false) == "\"null\"");
  CHECK(format_scalar({"https://x.example/a"}, false) == "https://x.example/a");
  CHECK(format_scalar({"https://x.example/a"}, true) == "\"https://x.example/a\"");
  CHECK(format_scalar({"Café ünïcode ✓"}, false) == "Café ünïcode ✓");
  CHECK(format_scalar({"---"}, false) == "\"---\"");
}

TEST_CASE("text that YAML reads as something else is recognised")
{
  for (const char* s : {"yes",  "No",   "on",    "OFF",  "y",          "~",    "null",  "true", "12", "-3.5", "1e3",
                        "0x1F", "0o17", "1_000", "1:30", "2026-01-05", ".inf", "-.inf", ".NaN", "<<", "=",    ""}) {
    CAPTURE(s);
    CHECK(reads_as_non_string(s));
  }
  for (const char* s : {"PAY-12", "2027-Q1", "-50%", "yesterday", "v1.2", "a1", "maybe"}) {
    CAPTURE(s);
    CHECK_FALSE(reads_as_non_string(s));
  }
  CHECK(plain_safe("a, b", false));
  CHECK_FALSE(plain_safe("a, b", true));
  CHECK_FALSE(plain_safe("x\xE2\x80\xA8y", false));
  CHECK_FALSE(plain_safe("...", false));
  CHECK_FALSE(plain_safe("key:", false));
}

TEST_CASE("new values are written with the node they parse to")
{
  Written w = write_scalar({"yes"}, false, '\'');
  CHECK(w.text == "'yes'");
  CHECK(w.quoted);
  CHECK(write_scalar({"abc"}, false, '"', true).text == "\"abc\"");
  CHECK(write_scalar({"a\tb\x01"}, false, '\'').text == "\"a\\tb\\x01\"");
  CHECK(key_scalar("2026-11-01").string == false);
  CHECK(key_scalar("title").string == true);

  auto [flow_text, flow_node] = write_flow(NewValue::of_list({{"a"}, {"b, c"}, {"2026"}}), '"', false);
  CHECK(flow_text == "[a, \"b, c\", \"2026\"]");
  REQUIRE(flow_node.is_seq());
  CHECK(flow_node.flow);
  REQUIRE(flow_node.items.size() == 3);
  CHECK(flow_node.items[1].text == "b, c");
  CHECK(flow_node.items[1].quoted);
  CHECK_FALSE(flow_node.items[0].quoted);

  auto [map_text, map_node] = write_flow(NewValue::of_map({{"jira", {"PAY-1"}}, {"2026-01-01", {"x"}}}), '"', false);
  CHECK(map_text == "{jira: PAY-1, 2026-01-01: x}");
  REQUIRE(map_node.entries.size() == 2);
  CHECK(map_node.entries[1].first.text == "2026-01-01");

  TextStyle block;
  block.flow_lists = false;
  block.list_indent = 2;
  CHECK(is_block_value(NewValue::of_list({{"a"}}), block));
  CHECK_FALSE(is_block_value(NewValue::of_list({}), block));
  CHECK_FALSE(is_block_value(NewValue::text("a"), block));
  auto [lines, list_node] = write_block_value(NewValue::of_list({{"a"}, {"no"}}), 4, block);
  CHECK(lines == "\n      - a\n      - \"no\"\n");
  REQUIRE(list_node.items.size() == 2);
  CHECK_FALSE(list_node.flow);
  auto [scalar_line, scalar] = write_block_value(NewValue::plain("12"), 4, block);
  CHECK(scalar_line == " 12\n");
  CHECK(scalar.text == "12");
  CHECK_FALSE(scalar.quoted);
}
