#pragma once
// Rituals: when each is due (cadence.h), when it was last held (its notes), its open action items,
// and the notes `pops ritual new` writes, filled with what happened since the previous instance
// (from git history: the workspace at the previous meeting against the workspace now).

#include "workspace/cadence.h"
#include "edit/ops.h"
#include "features/metrics.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pops {

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
  std::optional<Date> last_held;   ///< the latest note dated on or before today
  std::string last_file;
  std::optional<Date> next_due;    ///< the next date of the cadence on or after today (after the last note)
  std::optional<Date> missed;      ///< a date of the cadence before today with no note since the one before
  int notes = 0;
};
std::vector<RitualStatus> ritual_status(const Workspace& ws, Date today);

/// The next `count` dates of the ritual on or after `today` (none without a cadence).
std::vector<Date> ritual_next(const Workspace& ws, const Ritual& r, Date today, int count);

struct OpenAction {
  const RitualNote* note = nullptr;
  const Action* action = nullptr;
  bool overdue = false;
};
/// Actions not done, across all notes, by due date (undated last), then note. `owner`: only theirs.
std::vector<OpenAction> open_actions(const Workspace& ws, Date today, const std::string& owner = {},
                                     bool overdue_only = false);

/// What a new note is filled with; see docs/commands.md (pops ritual new) for the keys.
/// Text from the workspace (titles, owners, names, customers, actions) is escaped for Markdown
/// (markdown_text); ids, dates and figures are as they are.
/// `before`: the workspace at the previous instance (nullptr: unknown, nothing is reported as changed);
/// `slips`: the slips since then (docs/metrics.md, "Slips"; slips_of), of any squad; `shipped`: the
/// items shipped since then (docs/metrics.md, "Shipped in a period"; shipped_in), of any squad;
/// `now`: the workspace the note reports on; `notes_ws`: where open actions are read (the working tree).
nlohmann::json ritual_note_data(const Ritual& r, const Workspace* before, const std::vector<SlipEvent>& slips,
                                const std::vector<ItemFacts>& shipped, const Workspace& now,
                                const Workspace& notes_ws, Date date, Date today, const std::string& period_text);

/// `pops ritual new`: plans rituals/NAME/DATE.md. Reads git history from the repository holding the
/// workspace. Throws OpError for an unknown ritual or an existing note (never overwritten).
EditPlan plan_ritual_new(const EditSession& s, const std::string& name, std::optional<Date> date, Date today);

/// "sprint-review" -> "Sprint review".
std::string ritual_title(std::string_view name);

} // namespace pops
