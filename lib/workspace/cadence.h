#pragma once
// Cadence arithmetic for rituals: the dates a ritual falls on, from its `cadence:` in pops.yaml
// (every N days, weeks or months; optionally on a weekday; from a first date).
//
// Occurrence k is computed from the anchor, never step by step, so a monthly ritual from January 31
// falls on February 28 (29 in a leap year), March 31, April 30 ... and does not drift to the 28th.
// With `on:`, each computed date moves forward to the first such weekday on or after it.
//
// Below the arithmetic, the status of each ritual of a workspace (last held, next due, missed): the
// one definition `pops ritual`, the onboarding and digest views and the rule ritual-missed share.

#include "workspace/model.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pops {

/// The lower-case English weekday names, indexed by weekday (0 = monday), as `on:` spells them.
inline constexpr std::array<std::string_view, 7> k_weekday_names = {"monday", "tuesday",  "wednesday", "thursday",
                                                                    "friday", "saturday", "sunday"};

/// The schedule of one ritual: its cadence and the date occurrence 0 is computed from.
struct Schedule {
  Cadence cadence;
  Date anchor;  ///< cadence.from when set, else a date the caller chooses (the last meeting, today)
};

/// "2 weeks on thursday from 2026-01-08", "1 month".
std::string cadence_text(const Cadence& c);

/// The first date on or after `d` that falls on `weekday` (0 = Monday).
Date align_weekday(Date d, int weekday);

/// Occurrence `k` (k >= 0) of the schedule.
Date occurrence(const Schedule& s, long k);

/// The first occurrence on or after `d` (the anchor's occurrence when `d` is before it).
Date next_on_or_after(const Schedule& s, Date d);

/// The last occurrence strictly before `d`, or nullopt when `d` is on or before the first one.
std::optional<Date> previous_before(const Schedule& s, Date d);

/// `count` occurrences starting with the first on or after `d`.
std::vector<Date> occurrences(const Schedule& s, Date d, int count);

/// Lower-case English weekday name, 0 = monday.
std::string weekday_name(int weekday);

/// The squads a ritual covers: its `squads`, else every squad.
std::vector<std::string> ritual_squads(const Workspace& ws, const Ritual& r);

/// Notes of ritual `name`, by date (those whose folder and front matter agree on the ritual).
std::vector<const RitualNote*> ritual_notes(const Workspace& ws, std::string_view name);

/// The ritual's schedule: anchored at cadence.from, else at its last note on or before `today`, else
/// at `today`. nullopt without a cadence.
std::optional<Schedule> ritual_schedule(const Workspace& ws, const Ritual& r, Date today);

struct RitualStatus {
  const Ritual* ritual = nullptr;
  std::vector<std::string> squads;
  std::optional<Date> last_held;  ///< the latest note dated on or before today
  std::string last_file;
  std::optional<Date> next_due;  ///< the next date of the cadence on or after today (after the last note)
  std::optional<Date> missed;    ///< a date of the cadence before today with no note since the one before
  int notes = 0;
};
std::vector<RitualStatus> ritual_status(const Workspace& ws, Date today);

}  // namespace pops
