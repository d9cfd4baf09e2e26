#include "base/csv.h"

#include <doctest/doctest.h>

#include <string>

using namespace pops;

TEST_CASE("csv: plain rows, lines and fields")
{
  CsvTable t = read_csv("a,b,c\n1,2,3\n");
  REQUIRE(t.errors.empty());
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].fields == std::vector<std::string>{"a", "b", "c"});
  CHECK(t.rows[1].fields == std::vector<std::string>{"1", "2", "3"});
  CHECK(t.rows[0].line == 1);
  CHECK(t.rows[1].line == 2);
}

TEST_CASE("csv: quoted fields with separators, doubled quotes and line breaks")
{
  CsvTable t = read_csv("id,text\n1,\"a, b\"\n2,\"she said \"\"no\"\"\"\n3,\"two\nlines\"\n4,x\n");
  REQUIRE(t.errors.empty());
  REQUIRE(t.rows.size() == 5);
  CHECK(t.rows[1].fields[1] == "a, b");
  CHECK(t.rows[2].fields[1] == "she said \"no\"");
  CHECK(t.rows[3].fields[1] == "two\nlines");
  CHECK(t.rows[3].line == 4);
  CHECK(t.rows[4].line == 6);  // the row after a two-line field
}

TEST_CASE("csv: BOM, CRLF, no final line break, empty fields, blank lines")
{
  CsvTable t = read_csv("\xEF\xBB\xBFh1,h2\r\n\r\n\"x\r\ny\",\r\n,last");
  REQUIRE(t.errors.empty());
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0].fields[0] == "h1");  // the BOM is not part of the first name
  CHECK(t.rows[0].fields[1] == "h2");  // nor is the CR
  CHECK(t.rows[1].fields == std::vector<std::string>{"x\r\ny", ""});
  CHECK(t.rows[1].line == 3);
  CHECK(t.rows[2].fields == std::vector<std::string>{"", "last"});
  CHECK(t.rows[2].line == 5);
  CHECK(read_csv("a,").rows[0].fields.size() == 2);
  CHECK(read_csv("").rows.empty());
}

TEST_CASE("csv: a bad row is reported with its place and skipped; later rows are read")
{
  CsvTable t = read_csv("a,b\n\"x\"y,2\n3,4\n");
  REQUIRE(t.errors.size() == 1);
  CHECK(t.errors[0].line == 2);
  CHECK(t.errors[0].column == 4);
  CHECK(t.errors[0].message.find("closing quote") != std::string::npos);
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[1].fields == std::vector<std::string>{"3", "4"});
  CHECK(t.rows[1].line == 3);

  CsvTable u = read_csv("a,b\n1,\"never closed\n2,3\n");
  REQUIRE(u.errors.size() == 1);
  CHECK(u.errors[0].line == 2);
  CHECK(u.errors[0].column == 3);
  CHECK(u.errors[0].message.find("never closed") != std::string::npos);
  CHECK(u.rows.size() == 1);
}

TEST_CASE("csv: bare quotes inside unquoted text and other separators")
{
  CsvTable t = read_csv("5\" screen,ok\n");
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].fields[0] == "5\" screen");
  CsvTable s = read_csv("a;b\n1;\"x;y\"\n", ';');
  REQUIRE(s.rows.size() == 2);
  CHECK(s.rows[1].fields[1] == "x;y");
}

TEST_CASE("csv: hostile input ends, in linear time")
{
  std::string quotes(200000, '"');
  CsvTable a = read_csv(quotes);  // pairs of quotes: one long quoted field that never closes or closes
  CHECK(a.rows.size() + a.errors.size() <= 1);
  std::string garbage;
  for (int i = 0; i < 100000; ++i) {
    garbage += static_cast<char>((i * 7919) % 256);
  }
  CsvTable b = read_csv(garbage);
  CHECK(b.rows.size() + b.errors.size() > 0);
  std::string many(300000, ',');
  CsvTable c = read_csv(many);
  REQUIRE(c.rows.size() == 1);
  CHECK(c.rows[0].fields.size() == 300001);
  CsvTable d = read_csv(std::string("\0,\0\n", 4));
  REQUIRE(d.rows.size() == 1);
  CHECK(d.rows[0].fields[0] == std::string("\0", 1));
}

TEST_CASE("csv: fields written back read the same")
{
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  std::string line = csv_field("x\ny") + "," + csv_field("q\"") + "," + csv_field(" pad") + "\n";
  CsvTable t = read_csv(line);
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].fields == std::vector<std::string>{"x\ny", "q\"", " pad"});
}

TEST_CASE("csv: where each field starts")
{
  const CsvTable t = read_csv("\xEF\xBB\xBF"
                              "a,bb,c\r\n1,\"two\nlines\",x\n,,\n");
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0].cells == std::vector<std::pair<int, int>>{{1, 1}, {1, 3}, {1, 6}});
  CHECK(t.rows[1].cells == std::vector<std::pair<int, int>>{{2, 1}, {2, 3}, {3, 8}});
  CHECK(t.rows[2].cells == std::vector<std::pair<int, int>>{{4, 1}, {4, 2}, {4, 3}});
  CHECK(t.rows[2].fields.size() == t.rows[2].cells.size());
}

TEST_CASE("csv: a first field starting with a byte order mark reads back (found by fuzz_csv)")
{
  // fuzz/corpus/csv/bom-field: the value EF BB BF EF as the first field of a file.
  const std::string value = "\xEF\xBB\xBF\xEF";
  CHECK(csv_field(value) == "\"" + value + "\"");
  CsvTable t = read_csv(csv_field(value) + ",x\n");
  REQUIRE(t.errors.empty());
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].fields == std::vector<std::string>{value, "x"});
  // The file's own mark is still skipped.
  t = read_csv("\xEF\xBB\xBF" + csv_field(value) + "\n");
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].fields == std::vector<std::string>{value});
}

TEST_CASE("csv: a value a spreadsheet would take for a formula gets a leading quote")
{
  CHECK(csv_field("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  CHECK(csv_field("+1+2") == "'+1+2");
  CHECK(csv_field("-2+3") == "'-2+3");
  CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_field("\tx") == "'\tx");
  CHECK(csv_field("\rx") == "\"'\rx\"");
  CHECK(csv_field("-") == "'-");
  CHECK(csv_field("=") == "'=");
  // `'`s before a formula: one more, so that reading takes exactly one off.
  CHECK(csv_field("'=1+1") == "''=1+1");
  // Plain numbers and other text stay as they are.
  for (const char* v : {"-12", "+4", "-3.5", "12", "0.5", "-.5", "a=b", "x-1", "'quoted", "'-12", "", "2026-01-05"}) {
    CAPTURE(v);
    CHECK(csv_field(v) == v);
  }
  CHECK(csv_formula_like("=1"));
  CHECK(csv_formula_like("''@x"));
  CHECK_FALSE(csv_formula_like("-12"));
  CHECK(csv_formula_like("-1.2.3"));
  CHECK_FALSE(csv_formula_like("'"));
}

TEST_CASE("csv: neutralized fields read back as they were written")
{
  const std::vector<std::string> values = {"=HYPERLINK(\"http://x\",\"y\")",
                                           "+1+2",
                                           "-2+3",
                                           "@SUM(A1)",
                                           "\tx",
                                           "\rx",
                                           "-12",
                                           "'=x",
                                           "''+1",
                                           "'plain",
                                           "'",
                                           "'-12",
                                           "a,b",
                                           "-"};
  CsvTable t = read_csv(csv_row(values) + csv_row({"x"}));
  REQUIRE(t.errors.empty());
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].fields == values);
  t = read_csv(csv_row(values, ';', "\r\n"), ';');
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].fields == values);
  // What the reader takes off: one `'` before a formula-like value, nothing else.
  CHECK(csv_value("'=1") == "=1");
  CHECK(csv_value("''=1") == "'=1");
  CHECK(csv_value("'-12") == "'-12");
  CHECK(csv_value("'abc") == "'abc");
  CHECK(csv_value("=1") == "=1");
}

TEST_CASE("csv: csv_row joins, quotes and ends rows")
{
  CHECK(csv_row({"a", "b c", "d,e"}) == "a,b c,\"d,e\"\n");
  CHECK(csv_row({"a", "b;c"}, ';', "\r\n") == "a;\"b;c\"\r\n");
  CHECK(csv_row({}) == "\n");
}
