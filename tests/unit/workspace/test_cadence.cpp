#include "workspace/cadence.h"

#include <doctest/doctest.h>

using namespace pops;

namespace {

Date d(const char* s)
{
  auto r = parse_date(s);
  REQUIRE(r.has_value());
  return *r;
}

Schedule sched(int every, const char* unit, int on, const char* anchor)
{
  Schedule s;
  s.cadence.every = every;
  s.cadence.unit = unit;
  s.cadence.on = on;
  s.anchor = d(anchor);
  return s;
}

std::vector<std::string> texts(const std::vector<Date>& v)
{
  std::vector<std::string> out;
  for (auto x : v) {
    out.push_back(format_date(x));
  }
  return out;
}

}  // namespace

TEST_CASE("monthly from January 31 clamps to each month's end without drifting")
{
  const Schedule s = sched(1, "months", -1, "2026-01-31");
  CHECK(texts(occurrences(s, d("2026-01-01"), 5))
        == std::vector<std::string>{"2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31"});
  // In a leap year February has 29 days.
  const Schedule leap = sched(1, "months", -1, "2028-01-31");
  CHECK(format_date(occurrence(leap, 1)) == "2028-02-29");
  CHECK(format_date(occurrence(leap, 2)) == "2028-03-31");
  // Across a year end.
  CHECK(texts(occurrences(s, d("2026-11-15"), 3))
        == std::vector<std::string>{"2026-11-30", "2026-12-31", "2027-01-31"});
}

TEST_CASE("leap days: yearly and quarterly cadences from February 29")
{
  const Schedule yearly = sched(12, "months", -1, "2024-02-29");
  CHECK(format_date(occurrence(yearly, 1)) == "2025-02-28");
  CHECK(format_date(occurrence(yearly, 3)) == "2027-02-28");
  CHECK(format_date(occurrence(yearly, 4)) == "2028-02-29");
  const Schedule quarterly = sched(3, "months", -1, "2024-02-29");
  CHECK(texts(occurrences(quarterly, d("2024-03-01"), 4))
        == std::vector<std::string>{"2024-05-29", "2024-08-29", "2024-11-29", "2025-02-28"});
  // Day cadences count February 29 like any other day.
  const Schedule daily = sched(1, "days", -1, "2028-02-28");
  CHECK(format_date(occurrence(daily, 1)) == "2028-02-29");
  CHECK(format_date(occurrence(daily, 2)) == "2028-03-01");
}

TEST_CASE("weekday alignment: on thursday")
{
  // 2026-01-08 is a Thursday: every 2 weeks from it.
  const Schedule review = sched(2, "weeks", 3, "2026-01-08");
  CHECK(weekday(occurrence(review, 0)) == 3);
  CHECK(texts(occurrences(review, d("2026-11-22"), 3))
        == std::vector<std::string>{"2026-11-26", "2026-12-10", "2026-12-24"});
  // A meeting day is its own next occurrence.
  CHECK(format_date(next_on_or_after(review, d("2026-12-10"))) == "2026-12-10");
  CHECK(format_date(*previous_before(review, d("2026-12-10"))) == "2026-11-26");
  CHECK(format_date(next_on_or_after(review, d("2026-11-27"))) == "2026-12-10");
  CHECK_FALSE(previous_before(review, d("2026-01-08")).has_value());
  // An anchor that is a Monday moves to the Thursday of that week.
  const Schedule weekly = sched(1, "weeks", 3, "2026-11-16");
  CHECK(format_date(occurrence(weekly, 0)) == "2026-11-19");
  CHECK(format_date(occurrence(weekly, 1)) == "2026-11-26");
  // Monthly on a weekday: the first such weekday on or after the same day of the month.
  const Schedule monthly = sched(1, "months", 0, "2026-01-31");  // a Saturday
  CHECK(format_date(occurrence(monthly, 0)) == "2026-02-02");
  CHECK(format_date(occurrence(monthly, 1)) == "2026-03-02");  // Feb 28 is a Saturday
  CHECK(weekday(occurrence(monthly, 5)) == 0);
}

TEST_CASE("next and previous agree with the occurrences far from the anchor")
{
  for (const char* unit : {"days", "weeks", "months"}) {
    for (int every : {1, 2, 3, 7}) {
      for (int on : {-1, 4}) {
        const Schedule s = sched(every, unit, on, "2025-01-31");
        for (long k = 0; k < 40; ++k) {
          const Date o = occurrence(s, k);
          CHECK(next_on_or_after(s, o) == o);
          CHECK(next_on_or_after(s, Date{o.days - 0}) == o);
          if (k > 0) {
            CHECK(previous_before(s, o) == occurrence(s, k - 1));
            CHECK(next_on_or_after(s, Date{occurrence(s, k - 1).days + 1}) == o);
          }
        }
      }
    }
  }
}

TEST_CASE("cadence text")
{
  Cadence c;
  c.every = 2;
  c.unit = "weeks";
  c.on = 3;
  c.from = d("2026-01-08");
  CHECK(cadence_text(c) == "2 weeks on thursday from 2026-01-08");
  c.every = 1;
  c.unit = "months";
  c.on = -1;
  c.from.reset();
  CHECK(cadence_text(c) == "1 month");
  CHECK(weekday_name(6) == "sunday");
  CHECK(format_date(align_weekday(d("2026-11-22"), 6)) == "2026-11-22");
}
