#include "workspace/config.h"
#include "base/date.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstdlib>
#include <regex>
#include <stdexcept>
#include <string>

using namespace pops;

TEST_CASE("dates round-trip and validate")
{
  auto d = parse_date("2026-11-22");
  REQUIRE(d);
  CHECK(format_date(*d) == "2026-11-22");
  CHECK(weekday(*d) == 6);  // a Sunday
  CHECK_FALSE(parse_date("2026-02-29"));
  CHECK(parse_date("2028-02-29"));
  CHECK_FALSE(parse_date("2026-13-01"));
  CHECK_FALSE(parse_date("2026-1-01"));
  CHECK_FALSE(parse_date("20261101xx"));
  CHECK(format_date(make_date(1970, 1, 1)) == "1970-01-01");
  CHECK(make_date(1970, 1, 1).days == 0);
}

TEST_CASE("months keep the day where they can")
{
  CHECK(format_date(add_months(*parse_date("2026-01-31"), 1)) == "2026-02-28");
  CHECK(format_date(add_months(*parse_date("2026-11-15"), 3)) == "2027-02-15");
}

TEST_CASE("periods")
{
  int n = 0;
  std::string unit;
  CHECK(parse_period("2 weeks", n, unit));
  CHECK(n == 2);
  CHECK(unit == "weeks");
  CHECK(parse_period("1 month", n, unit));
  CHECK(unit == "months");
  CHECK(parse_period("90 days", n, unit));
  CHECK(format_date(add_period(*parse_date("2026-01-01"), n, unit)) == "2026-04-01");
  CHECK(format_date(add_period(*parse_date("2026-01-31"), 3, "months")) == "2026-04-30");
  CHECK_FALSE(parse_period("fortnight", n, unit));
  CHECK_FALSE(parse_period("0 days", n, unit));
}

TEST_CASE("every day from 1600 to 2400 round-trips, and weekdays and months follow the calendar")
{
  // Counted here by hand, day by day, independently of the library: the days of each month,
  // February 29 only in leap years (every 4th year, not every 100th, but every 400th).
  auto leap = [](int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; };
  const int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  Date expect = make_date(1600, 1, 1);
  int wd = weekday(expect);
  CHECK(wd == 5);  // 1600-01-01 was a Saturday
  int checked = 0;
  for (int y = 1600; y <= 2400; ++y) {
    for (int m = 1; m <= 12; ++m) {
      const int n = m == 2 && leap(y) ? 29 : lengths[m - 1];
      for (int d = 1; d <= n; ++d) {
        const Date got = make_date(y, m, d);
        REQUIRE(got.days == expect.days);
        int yy = 0;
        int mm = 0;
        int dd = 0;
        split_date(got, yy, mm, dd);
        REQUIRE((yy == y && mm == m && dd == d));
        REQUIRE(weekday(got) == wd);
        REQUIRE(parse_date(format_date(got))->days == got.days);
        expect.days += 1;
        wd = (wd + 1) % 7;
        ++checked;
      }
      const std::string past = fmt::format("{:04}-{:02}-{:02}", y, m, n + 1);
      REQUIRE_FALSE(parse_date(past));
    }
  }
  CHECK(checked == 292560);  // 801 years: 801 * 365 + 195 leap days
  CHECK(format_date(add_months(*parse_date("2024-01-31"), 1)) == "2024-02-29");
  CHECK(format_date(add_months(*parse_date("2024-03-31"), -13)) == "2023-02-28");
  CHECK(format_date(add_months(*parse_date("2026-12-15"), 1)) == "2027-01-15");
}

TEST_CASE("quarters: is_quarter and the JSON Schema's pattern accept the same strings")
{
  const std::regex re(fmt::format("^{}$", k_quarter_pattern));
  for (const char* s : {"2027-Q1", "2026-Q4", "0000-Q2", "2027-Q0", "2027-Q5", "2027-q1", "27-Q1", "2027Q1", "2027-Q1 ",
                        " 2027-Q1", "2027-Q12", "20a7-Q1", "", "now", "2027-H1", "+027-Q1"}) {
    CAPTURE(s);
    CHECK(is_quarter(s) == std::regex_match(s, re));
  }
  CHECK(is_quarter("2027-Q1"));
  CHECK_FALSE(is_quarter("2027-Q5"));
}

TEST_CASE("century years are leap years only every 400th; year 0 and malformed dates are refused")
{
  CHECK_FALSE(parse_date("1900-02-29"));
  CHECK_FALSE(parse_date("2100-02-29"));
  REQUIRE(parse_date("2000-02-29"));
  CHECK(parse_date("2000-03-01")->days - parse_date("2000-02-28")->days == 2);
  CHECK(parse_date("1900-03-01")->days - parse_date("1900-02-28")->days == 1);
  CHECK_FALSE(parse_date("0000-01-01"));
  CHECK(parse_date("0001-01-01"));
  for (const char* bad : {"2026-04-31", "2026-06-31", "2026-09-31", "2026-11-31", "2026-00-10", "2026-01-00",
                          "2026-01-32", "+026-01-01", " 2026-1-01", "2026-01-1 ", "2026/01/01", "2026-01-01T00", ""}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_date(bad));
  }
}

TEST_CASE("days before 1970 are negative, and year ends step into the next year")
{
  CHECK(make_date(1969, 12, 31).days == -1);
  CHECK(make_date(1960, 1, 1).days == -3653);  // 10 years of 365 days and 3 leap days (1960, 1964, 1968)
  CHECK(format_date(Date{-1}) == "1969-12-31");
  CHECK(format_date(Date{parse_date("2026-12-31")->days + 1}) == "2027-01-01");
  CHECK(weekday(*parse_date("2026-12-31")) == 3);  // a Thursday
  CHECK(weekday(*parse_date("2027-01-01")) == 4);  // a Friday
  CHECK(weekday(Date{0}) == 3);                    // 1970-01-01 was a Thursday
}

TEST_CASE("add_months: month ends, leap days and both directions across years")
{
  auto plus = [](const char* d, int n) { return format_date(add_months(*parse_date(d), n)); };
  CHECK(plus("2024-02-29", 12) == "2025-02-28");
  CHECK(plus("2024-02-29", 48) == "2028-02-29");
  CHECK(plus("2027-01-31", -1) == "2026-12-31");
  CHECK(plus("2026-03-31", -1) == "2026-02-28");
  CHECK(plus("2026-05-31", 1) == "2026-06-30");
  CHECK(plus("2026-08-31", 0) == "2026-08-31");
  CHECK(plus("2026-01-15", -25) == "2023-12-15");
  CHECK(plus("2026-10-30", 4) == "2027-02-28");
}

TEST_CASE("today is POPS_TODAY when set, and a bad POPS_TODAY is an error naming it")
{
  const char* old = std::getenv("POPS_TODAY");
  const std::string saved = old ? old : "";
  ::setenv("POPS_TODAY", "2028-02-29", 1);
  CHECK(format_date(today()) == "2028-02-29");
  ::setenv("POPS_TODAY", "2027-02-29", 1);
  CHECK_THROWS_WITH_AS(today(), "POPS_TODAY='2027-02-29' is not a date; expected YYYY-MM-DD", std::runtime_error);
  if (old) {
    ::setenv("POPS_TODAY", saved.c_str(), 1);
  } else {
    ::unsetenv("POPS_TODAY");
  }
}
