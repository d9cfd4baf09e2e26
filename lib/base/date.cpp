#include "base/date.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <stdexcept>

namespace pops {

namespace {

namespace chr = std::chrono;

chr::year_month_day civil(Date date)
{
  return chr::year_month_day{chr::sys_days{chr::days{date.days}}};
}

Date from_civil(const chr::year_month_day& ymd)
{
  return Date{static_cast<int>(chr::sys_days{ymd}.time_since_epoch().count())};
}

}  // namespace

Date make_date(int year, int month, int day)
{
  return from_civil(chr::year{year} / chr::month{static_cast<unsigned>(month)} / chr::day{static_cast<unsigned>(day)});
}

void split_date(Date date, int& year, int& month, int& day)
{
  const chr::year_month_day ymd = civil(date);
  year = static_cast<int>(ymd.year());
  month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  day = static_cast<int>(static_cast<unsigned>(ymd.day()));
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
  const chr::year_month_day ymd{chr::year{y}, chr::month{static_cast<unsigned>(m)}, chr::day{static_cast<unsigned>(d)}};
  if (y < 1 || !ymd.ok()) {
    return std::nullopt;  // no month 13, no February 30, no February 29 out of leap years
  }
  return from_civil(ymd);
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
  // Monday is 0 (chrono's iso_encoding is 1 for Monday).
  return static_cast<int>(chr::weekday{chr::sys_days{chr::days{d.days}}}.iso_encoding()) - 1;
}

Date add_months(Date date, int months)
{
  const chr::year_month_day ymd = civil(date);
  const chr::year_month ym = chr::year_month{ymd.year(), ymd.month()} + chr::months{months};
  // The same day of the month, or the month's last day when it has fewer (01-31 + 1 month = 02-28).
  const chr::day last = chr::year_month_day_last{ym.year(), chr::month_day_last{ym.month()}}.day();
  return from_civil(chr::year_month_day{ym.year(), ym.month(), std::min(ymd.day(), last)});
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

}  // namespace pops
