#include "yaml/scan.h"

#include "yaml/edit.h"

#include <doctest/doctest.h>

using namespace pops;
using namespace pops::yaml_scan;

TEST_CASE("comments are found outside scalars only")
{
  const std::string src = "a: \"x # not\"  # yes 1\n# yes 2\nb: |\n  # not\nc: 'it''s # not' #yes3\nd: x#not\n";
  YamlDoc doc = parse_yaml(src);
  REQUIRE(doc.ok);
  auto c = yaml_comments(src, doc.root);
  REQUIRE(c.size() == 3);
  CHECK(c[0] == "# yes 1");
  CHECK(c[1] == "# yes 2");
  CHECK(c[2] == "#yes3");
}

TEST_CASE("quoted, plain and flow values end where YAML ends them")
{
  const std::string_view dq = R"(a: "x \" y" # c)";
  CHECK(dquote_end(dq, 3) == 11);
  CHECK(dquote_end("\"open", 0) == npos);
  const std::string_view sq = "'it''s' x";
  CHECK(squote_end(sq, 0) == 7);
  CHECK(squote_end("'open", 0) == npos);
  const std::string_view plain = "title: One click   # note";
  CHECK(plain_end(plain, 7, false) == 16);
  CHECK(plain_end("a, b]", 0, true) == 1);
  CHECK(plain_end("a, b]", 0, false) == 5);
  CHECK(plain_end("url: http://x", 5, false) == 13);
  const std::string_view flow = "k: [a, \"b]\", {c: d}] # ]";
  CHECK(flow_end(flow, 3) == 20);
  CHECK(flow_end("[a, [b]", 0) == npos);
}

TEST_CASE("block scalars, keys and block values are measured on the text")
{
  const std::string t = "d: |-\n  one\n   two\n\n  three\ne: x\n";
  BlockScalar b = block_scalar(t, 3, 0);
  CHECK(b.style == '|');
  CHECK(b.chomp == '-');
  CHECK_FALSE(b.explicit_indent);
  CHECK(b.header_end == 5);
  CHECK(b.content_start == 6);
  CHECK(b.indent == 2);
  CHECK(t.substr(b.content_start, b.end - b.content_start) == "  one\n   two\n\n  three");

  YamlDoc doc = parse_yaml(t);
  REQUIRE(doc.ok);
  const YNode& key_e = doc.root.entries[1].first;
  CHECK(after_colon(t, key_e, false) == t.find("e:") + 2);
  CHECK(null_end("a: ~\n", 2) == 4);
  CHECK(null_end("a: nullx\n", 2) == 2);
  CHECK(null_end("a:\n", 2) == 2);

  const std::string list = "items:\n  - id: A\n    tags:\n    - x\n  # next\n  - id: B\nother: 1\n";
  const size_t first = list.find("  - id: A");
  CHECK(region_end(list, first, 2, false) == list.find("  # next"));
  const size_t tags = list.find("    tags:");
  CHECK(region_end(list, tags, 4, true) == list.find("  # next"));
  CHECK(region_end(list, tags, 4, false) == list.find("    - x"));
  CHECK(dash_of(list, list.find("id: A")) == first + 2);
  CHECK(dash_of(list, list.find("tags")) == npos);
}

TEST_CASE("a value that cannot be found safely is refused")
{
  const std::string t = "a: &x 1\nb: *x\nc: one\n  two\n";  // an alias; a plain scalar over two lines
  YamlDoc doc = parse_yaml(t);
  REQUIRE(doc.ok);
  CHECK_THROWS_AS(value_extent(t, doc.root.entries[1].second, false, 0, "b"), EditRefused);
  CHECK_THROWS_AS(value_extent(t, doc.root.entries[2].second, false, 0, "c"), EditRefused);
  const std::string ok = "k: [1, 2]  # c\n";
  YamlDoc d2 = parse_yaml(ok);
  REQUIRE(d2.ok);
  Extent x = value_extent(ok, d2.root.entries[0].second, false, 0, "k");
  CHECK(ok.substr(x.begin, x.end - x.begin) == "[1, 2]");
}

TEST_CASE("lines are read without their line breaks")
{
  const std::string t = "a\r\n  b # c\n\n  - x\n";
  Lines L{t};
  CHECK(L.start(4) == 3);
  CHECK(L.content_end(0) == 1);
  CHECK(L.next(0) == 3);
  CHECK(L.indent(3) == 2);
  CHECK(L.blank(11));
  CHECK_FALSE(L.blank(12));
  CHECK_FALSE(L.comment(3));
  CHECK(L.dash(12));
  CHECK_FALSE(L.dash(3));
  CHECK(L.column(5) == 2);
  CHECK(L.first_on_line(5));
  CHECK_FALSE(L.first_on_line(7));
}
