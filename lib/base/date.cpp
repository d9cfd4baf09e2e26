#include "base/date.h"

#include <algorithm>

#include <cstdlib>
#include <ctime>
#include <stdexcept>

namespace pops {

namespace {

// Howard Hinnant's days_from_civil / civil_from_days.
int days_from_civil(int y, unsigned m, unsigned d)
{
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

bool leap(int y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m)
{
  static const int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : k_days[m - 1];
}

} // namespace

Date make_date(int year, int month, int day)
{
  return Date{days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day))};
}

void split_date(Date date, int& year, int& month, int& day)
{
  int z = date.days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  year = y + (month <= 2);
}

bool is_quarter(std::string_view s)
{
  return s.size() == 7 && std::all_of(s.begin(), s.begin() + 4, [](char c) { return c >= '0' && c <= '9'; })
         && s[4] == '-' && s[5] == 'Q' && s[6] >= '1' && s[6] <= '4';
}

std::optional<Date> parse_date(std::string_view t)
{
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') {
    return std::nullopt;
  }
  auto num = [&](size_t at, size_t len, int& out) {
    out = 0;
    for (size_t i = at; i < at + len; ++i) {
      if (t[i] < '0' || t[i] > '9') {
        return false;
      }
      out = out * 10 + (t[i] - '0');
    }
    return true;
  };
  int y = 0;
  int m = 0;
  int d = 0;
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) {
    return std::nullopt;
  }
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
    return std::nullopt;
  }
  return make_date(y, m, d);
}

std::string format_date(Date date)
{
  int y = 0;
  int m = 0;
  int d = 0;
  split_date(date, y, m, d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int weekday(Date d)
{
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  int w = (d.days % 7 + 7 + 3) % 7;
  return w;
}

Date add_months(Date date, int months)
{
  int y = 0;
  int m = 0;
  int d = 0;
  split_date(date, y, m, d);
  int total = y * 12 + (m - 1) + months;
  y = total / 12;
  m = total % 12 + 1;
  if (d > days_in_month(y, m)) {
    d = days_in_month(y, m);
  }
  return make_date(y, m, d);
}

Date today()
{
  if (const char* env = std::getenv("POPS_TODAY"); env && *env) {
    if (auto d = parse_date(env)) {
      return *d;
    }
    throw std::runtime_error("POPS_TODAY='" + std::string(env) + "' is not a date; expected YYYY-MM-DD");
  }
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return make_date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

} // namespace pops
