#pragma once
// Calendar dates (ISO YYYY-MM-DD) as day numbers, and "today" from the clock or POPS_TODAY.

#include <optional>
#include <string>
#include <string_view>

namespace pops {

struct Date {
  int days = 0;  ///< days since 1970-01-01
  auto operator<=>(const Date&) const = default;
};

/// A quarter horizon, `YYYY-Qn` with n from 1 to 4 (`2027-Q1`): the one definition the loader, the
/// filters, the rules, the import and the JSON Schema (`pops schema`, whose pattern is
/// `^` k_quarter_pattern `$`) share; tests/unit/test_date.cpp checks that both accept the same strings.
inline constexpr std::string_view k_quarter_pattern = "[0-9]{4}-Q[1-4]";
bool is_quarter(std::string_view s);

/// Parses a strict YYYY-MM-DD calendar date.
std::optional<Date> parse_date(std::string_view text);
std::string format_date(Date d);
Date make_date(int year, int month, int day);
void split_date(Date d, int& year, int& month, int& day);
/// 0 = Monday ... 6 = Sunday.
int weekday(Date d);
Date add_months(Date d, int months);

/// Today: POPS_TODAY=YYYY-MM-DD when set, else the local date. Throws std::runtime_error for a bad
/// POPS_TODAY.
Date today();

}  // namespace pops
