// Aligned plain-text tables (lib/base/table.cpp): columns padded by display width, two spaces
// between them, the last column unpadded, no trailing spaces.

#include "base/table.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace pops;

TEST_CASE("aligned_table: columns as wide as their widest cell, two spaces apart")
{
  const std::vector<std::vector<std::string>> rows = {
    {"RULE", "STATE", "NOW"}, {"owner-required", "piloting", "pay,web"}, {"x", "rolled out", "all squads"}};
  CHECK(aligned_table(rows)
        == "RULE            STATE       NOW\n"
           "owner-required  piloting    pay,web\n"
           "x               rolled out  all squads\n");
}

TEST_CASE("aligned_table: width in display columns, not bytes")
{
  // "\u65e5\u672c" is two wide characters (4 columns, 6 bytes); "e\u0301" is one column.
  const std::vector<std::vector<std::string>> rows = {{"\u65e5\u672c", "a"}, {"e\u0301", "b"}, {"\u2013", "c"}};
  CHECK(aligned_table(rows)
        == "\u65e5\u672c  a\n"
           "e\u0301     b\n"
           "\u2013     c\n");
}

TEST_CASE("aligned_table: trailing spaces go, an empty table is empty")
{
  CHECK(aligned_table({}).empty());
  CHECK(aligned_table({{"a", ""}, {"bbb", "c"}}) == "a\nbbb  c\n");
  CHECK(aligned_table({{"only"}}) == "only\n");
  // A short row pads only the columns it has.
  CHECK(aligned_table({{"a", "b", "c"}, {"dddd", "e"}}) == "a     b  c\ndddd  e\n");
}
