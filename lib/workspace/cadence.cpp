#include "workspace/cadence.h"

#include <fmt/format.h>

#include <array>

namespace pops {

namespace {

/// The period in days of a day or week cadence. With a weekday, a cadence in days counts whole
/// weeks (N rounded up), so that every occurrence falls on that weekday and none repeats.
long step_days(const Schedule& s)
{
  const long n = std::max(1, s.cadence.every);
  if (s.cadence.unit == "weeks") {
    return 7 * n;
  }
  return s.cadence.on >= 0 ? (n + 6) / 7 * 7 : n;
}

/// Occurrence k before weekday alignment.
Date raw_occurrence(const Schedule& s, long k)
{
  const long n = std::max(1, s.cadence.every);
  if (s.cadence.unit == "months") {
    return add_months(s.anchor, static_cast<int>(k * n));
  }
  return Date{static_cast<int>(s.anchor.days + k * step_days(s))};
}

/// A k whose occurrence is on or before `d` (0 when `d` is before the anchor): an estimate from the
/// average length of the period, corrected by the caller.
long estimate(const Schedule& s, Date d)
{
  const long n = std::max(1, s.cadence.every);
  const long diff = d.days - s.anchor.days;
  if (diff <= 0) {
    return 0;
  }
  if (s.cadence.unit == "months") {
    return std::max(0L, diff * 12 / (365 * n + 1) - 1);
  }
  return std::max(0L, diff / step_days(s) - 1);
}

} // namespace

std::string weekday_name(int weekday)
{
  return weekday >= 0 && weekday < 7 ? std::string(k_weekday_names[static_cast<size_t>(weekday)]) : "";
}

std::string cadence_text(const Cadence& c)
{
  std::string unit = c.unit;
  if (c.every == 1 && !unit.empty()) {
    unit.pop_back();
  }
  std::string s = fmt::format("{} {}", c.every, unit);
  if (c.on >= 0) {
    s += " on " + weekday_name(c.on);
  }
  if (c.from) {
    s += " from " + format_date(*c.from);
  }
  return s;
}

Date align_weekday(Date d, int wd)
{
  if (wd < 0) {
    return d;
  }
  return Date{d.days + (wd - weekday(d) + 7) % 7};
}

Date occurrence(const Schedule& s, long k)
{
  return align_weekday(raw_occurrence(s, k), s.cadence.on);
}

Date next_on_or_after(const Schedule& s, Date d)
{
  long k = estimate(s, d);
  while (k > 0 && occurrence(s, k) >= d) {
    --k;
  }
  while (occurrence(s, k) < d) {
    ++k;
  }
  return occurrence(s, k);
}

std::optional<Date> previous_before(const Schedule& s, Date d)
{
  if (occurrence(s, 0) >= d) {
    return std::nullopt;
  }
  long k = estimate(s, d);
  while (k > 0 && occurrence(s, k) >= d) {
    --k;
  }
  while (occurrence(s, k + 1) < d) {
    ++k;
  }
  return occurrence(s, k);
}

std::vector<Date> occurrences(const Schedule& s, Date d, int count)
{
  std::vector<Date> out;
  if (count <= 0) {
    return out;
  }
  Date first = next_on_or_after(s, d);
  long k = estimate(s, first);
  while (k > 0 && occurrence(s, k) >= first) {
    --k;
  }
  while (occurrence(s, k) < first) {
    ++k;
  }
  for (int i = 0; i < count; ++i) {
    out.push_back(occurrence(s, k + i));
  }
  return out;
}

} // namespace pops
