#include "workspace/cadence.h"

#include <fmt/format.h>

#include <algorithm>
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

/// The period of a cadence in days, roughly (months count 30 days), for tolerances.
int period_days(const Cadence& c)
{
  const int n = std::max(1, c.every);
  return c.unit == "months" ? 30 * n : c.unit == "weeks" ? 7 * n : n;
}

}  // namespace

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

std::vector<std::string> ritual_squads(const Workspace& ws, const Ritual& r)
{
  std::vector<std::string> out;
  for (const auto& s : r.squads) {
    out.push_back(s.value);
  }
  if (out.empty()) {
    for (const auto& s : ws.config.squads) {
      out.push_back(s.id.value);
    }
  }
  return out;
}

std::vector<const RitualNote*> ritual_notes(const Workspace& ws, std::string_view name)
{
  std::vector<const RitualNote*> out;
  for (const auto& n : ws.notes) {
    if (n.folder == name && n.ritual.value == name && n.date.set) {
      out.push_back(&n);
    }
  }
  std::sort(out.begin(), out.end(),
            [](const RitualNote* a, const RitualNote* b) { return a->date.value < b->date.value; });
  return out;
}

namespace {

std::optional<Date> last_held(const Workspace& ws, const Ritual& r, Date today, std::string* file = nullptr)
{
  std::optional<Date> last;
  for (const RitualNote* n : ritual_notes(ws, r.name.value)) {
    if (n->date.value <= today) {
      last = n->date.value;
      if (file) {
        *file = n->file;
      }
    }
  }
  return last;
}

}  // namespace

std::optional<Schedule> ritual_schedule(const Workspace& ws, const Ritual& r, Date today)
{
  if (!r.cadence.set || r.cadence.value.every <= 0) {
    return std::nullopt;
  }
  Schedule s;
  s.cadence = r.cadence.value;
  if (s.cadence.from) {
    s.anchor = *s.cadence.from;
  } else if (auto last = last_held(ws, r, today)) {
    s.anchor = *last;
  } else {
    s.anchor = today;
  }
  return s;
}

std::vector<RitualStatus> ritual_status(const Workspace& ws, Date today)
{
  std::vector<RitualStatus> out;
  for (const auto& r : ws.config.rituals) {
    RitualStatus st;
    st.ritual = &r;
    st.squads = ritual_squads(ws, r);
    st.notes = static_cast<int>(ritual_notes(ws, r.name.value).size());
    st.last_held = last_held(ws, r, today, &st.last_file);
    if (auto s = ritual_schedule(ws, r, today)) {
      // Held today: the next one is the one after.
      const Date after = st.last_held && *st.last_held == today ? Date{today.days + 1} : today;
      st.next_due = next_on_or_after(*s, after);
      // The last date of the cadence before today is covered by a note dated after the date before
      // it (a meeting moved by a few days still counts).
      if (auto p = previous_before(*s, today)) {
        const std::optional<Date> before_p = previous_before(*s, *p);
        const Date window = before_p ? Date{before_p->days + 1} : Date{p->days - period_days(s->cadence) / 2};
        const bool covered = std::any_of(ws.notes.begin(), ws.notes.end(), [&](const RitualNote& n) {
          return n.folder == r.name.value && n.date.set && n.date.value >= window && n.date.value <= today;
        });
        if (!covered) {
          st.missed = *p;
        }
      }
    }
    out.push_back(std::move(st));
  }
  return out;
}

}  // namespace pops
