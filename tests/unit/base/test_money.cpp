#include "base/money.h"

#include <doctest/doctest.h>

using namespace pops;

TEST_CASE("parse_money reads every way ARR is written, exactly")
{
  CHECK(parse_money("80000") == 80000.0);
  CHECK(parse_money("$80,000") == 80000.0);
  CHECK(parse_money("80k") == 80000.0);
  CHECK(parse_money("80K") == 80000.0);
  CHECK(parse_money("1.2M") == 1200000.0);  // not 1199999.9999999998
  CHECK(parse_money("1.2m") == 1200000.0);
  CHECK(parse_money("2B") == 2000000000.0);
  CHECK(parse_money("$250,000.00") == 250000.0);
  CHECK(parse_money("$1,234,567.5") == 1234567.5);
  CHECK(parse_money("USD 120000") == 120000.0);
  CHECK(parse_money("120,000 EUR") == 120000.0);
  CHECK(parse_money("\xE2\x82\xAC"
                    "80k")
        == 80000.0);
  CHECK(parse_money("\xC2\xA3"
                    "1.5k")
        == 1500.0);
  CHECK(parse_money("  $ 80 k ") == 80000.0);
  CHECK(parse_money("0.5") == 0.5);
  CHECK(parse_money("0") == 0.0);
  CHECK(parse_money("-3") == -3.0);
  CHECK(parse_money("+3") == 3.0);
  CHECK(parse_money("-$1,000") == -1000.0);
}

TEST_CASE("parse_money refuses what is not an amount")
{
  for (const char* bad :
       {"",   " ",  "$",     "k",    "80kk", "80 kb",  "1,2345",      "12,34", "1234,567", "1,234,", ",123",
        "1.", ".5", "1.2.3", "0x10", "1e5",  "eighty", "80,000.00.0", "$$80",  "80k$",     "--3"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_money(bad).has_value());
  }
}
