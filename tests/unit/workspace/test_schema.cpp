// The typed reads of lib/workspace/schema.cpp: each value read or refused with a finding at the
// value's line and column, saying what was found and what is right; quote and parse_number.

#include "workspace/schema.h"

#include "yaml/yaml_tree.h"

#include "../helpers.h"

#include <doctest/doctest.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

using namespace pops;

namespace {

struct Read {
  YamlDoc doc;
  std::vector<Finding> found;
  SchemaReader r{"pops.yaml", found};

  explicit Read(std::string_view yaml) : doc(parse_yaml(yaml)) { REQUIRE(doc.ok); }

  /// The findings so far as "line:column: message", then forgotten.
  pops::test::Lines take()
  {
    pops::test::Lines out;
    for (const auto& f : found) {
      CHECK(f.file == "pops.yaml");
      out.push_back(std::to_string(f.loc.line) + ":" + std::to_string(f.loc.column) + ": " + f.message);
    }
    found.clear();
    return out;
  }
};

using V = pops::test::Lines;

}  // namespace

TEST_CASE("quote: single quotes, white space as spaces, control characters shown, long text cut at 60")
{
  CHECK(quote("abc") == "'abc'");
  CHECK(quote("a\tb\nc") == "'a b c'");
  CHECK(quote("a\x1b[31mb") == "'a?[31mb'");
  CHECK(quote(std::string(61, 'x')) == "'" + std::string(60, 'x') + "...'");
  CHECK(quote(std::string(60, 'x')) == "'" + std::string(60, 'x') + "'");
}

TEST_CASE("parse_number: YAML 1.2 core numbers, nothing else")
{
  double v = 0;
  CHECK((parse_number("12", v) && v == 12));
  CHECK((parse_number("-3.5", v) && v == -3.5));
  CHECK((parse_number("+4", v) && v == 4));
  CHECK((parse_number("1e3", v) && v == 1000));
  CHECK((parse_number("0x1F", v) && v == 31));
  for (const char* bad : {"", "0x", "1,5", "12 ", " 12", ".inf", "nan", "1e999", "0xZZ", "twelve", "+"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_number(bad, v));
  }
}

TEST_CASE("strings, numbers, whole numbers, dates and booleans: read, or a finding at the value")
{
  Read t("s: text\nn: 2.5\ni: 7\nd: 2026-11-22\nb: TRUE\n"
         "bad_s: [a]\nbad_n: '12'\nbad_n2: 12kg\nbad_i: 1.5\nbad_d: 2026-02-30\nbad_d2: {a: 1}\nbad_b: yes\n"
         "pct: 80%\n");
  const YNode& m = t.doc.root;
  CHECK(t.r.str(m, "s").value == "text");
  CHECK(t.r.number(m, "n").value == 2.5);
  const auto i = t.r.integer(m, "i");
  CHECK((i.set && i.value == 7));
  CHECK(i.loc.line == 3);
  CHECK(i.key_loc.line == 3);
  CHECK(format_date(t.r.date(m, "d").value) == "2026-11-22");
  CHECK(t.r.boolean(m, "b").value);
  CHECK(t.r.number(m, "pct", true).value == doctest::Approx(0.8));
  CHECK_FALSE(t.r.str(m, "missing").set);
  CHECK(t.take().empty());

  CHECK_FALSE(t.r.str(m, "bad_s").set);
  CHECK_FALSE(t.r.number(m, "bad_n").set);
  CHECK_FALSE(t.r.number(m, "bad_n2", true).set);
  CHECK_FALSE(t.r.integer(m, "bad_i").set);
  CHECK_FALSE(t.r.date(m, "bad_d").set);
  CHECK_FALSE(t.r.date(m, "bad_d2").set);
  CHECK_FALSE(t.r.boolean(m, "bad_b").set);
  CHECK_FALSE(t.r.number(m, "pct").set);
  CHECK(t.take()
        == V{"6:8: 'bad_s' must be a single value, found a list",
             "7:8: 'bad_n' must be a number, found the quoted text '12'",
             "8:9: 'bad_n2' must be a number or a percentage like 80%, found '12kg'",
             "9:8: 'bad_i' must be a whole number, found '1.5'",
             "10:8: 'bad_d' is not a valid date: '2026-02-30'; expected YYYY-MM-DD",
             "11:9: 'bad_d2' must be a date (YYYY-MM-DD), found a mapping",
             "12:8: 'bad_b' must be true or false, found 'yes'", "13:6: 'pct' must be a number, found '80%'"});
}

TEST_CASE("lists of strings: a scalar suggests the list it meant, an empty entry is named")
{
  Read t("ok: [a, b]\none: payments\nmap: {a: 1}\nholes: [a, , b]\n");
  const YNode& m = t.doc.root;
  const auto ok = t.r.str_list(m, "ok");
  REQUIRE(ok.size() == 2);
  CHECK(ok[1].value == "b");
  CHECK(ok[1].loc.column == 9);
  CHECK(t.r.str_list(m, "one").empty());
  CHECK(t.r.str_list(m, "map", "payments").empty());
  CHECK(t.r.str_list(m, "holes").size() == 2);
  CHECK(t.take()
        == V{"2:6: 'one' must be a list, e.g. [payments], found a single value",
             "3:6: 'map' must be a list, e.g. [payments], found a mapping", "4:12: 'holes' has an empty entry"});
}

TEST_CASE("mappings, required keys and unknown keys with a suggestion")
{
  static constexpr std::array<std::string_view, 3> k_known{"title", "owner", "status"};
  Read t("item: {title: A, onwer: alice, zzz: 1}\nlist: [1]\nempty: {title: }\n");
  const YNode& m = t.doc.root;
  const YNode& item = *m.get("item");
  CHECK(t.r.expect_map(item, "an item"));
  t.r.check_keys(item, k_known, "an item");
  CHECK(t.r.require(item, "title", "item"));
  CHECK_FALSE(t.r.require(item, "status", "item 'A'"));
  CHECK_FALSE(t.r.expect_map(*m.get("list"), "an item"));
  CHECK_FALSE(t.r.require(*m.get("empty"), "title", "item"));
  CHECK(t.take()
        == V{"1:18: unknown key 'onwer' in an item (did you mean 'owner'?)", "1:32: unknown key 'zzz' in an item",
             "1:7: item 'A' is missing required key 'status'",
             "2:7: an item must be a mapping of keys to values, found a list",
             "3:9: item has an empty 'title'; give it a value"});
}

TEST_CASE("findings are attributed to a squad after the fact, for pilots")
{
  Read t("a: [x]\nb: [y]\n");
  t.r.str(t.doc.root, "a");
  const size_t first = t.r.count();
  t.r.str(t.doc.root, "b");
  t.r.attribute_since(first, "payments");
  REQUIRE(t.found.size() == 2);
  CHECK(t.found[0].squads.empty());
  CHECK(t.found[1].squads == V{"payments"});
  CHECK(t.found[1].rule == "schema");
}
