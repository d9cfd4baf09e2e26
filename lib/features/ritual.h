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
                                const std::vector<ItemFacts>& shipped, const Workspace& now, const Workspace& notes_ws,
                                Date date, Date today, const std::string& period_text);

/// `pops ritual new`: plans rituals/NAME/DATE.md. Reads git history from the repository holding the
/// workspace. Throws OpError for an unknown ritual or an existing note (never overwritten).
EditPlan plan_ritual_new(const EditSession& s, const std::string& name, std::optional<Date> date, Date today);

/// "sprint-review" -> "Sprint review".
std::string ritual_title(std::string_view name);

}  // namespace pops
