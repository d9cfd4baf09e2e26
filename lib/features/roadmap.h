#pragma once
// The roadmap view: items grouped by horizon, filtered, and its renderings (board, markdown, mermaid
// Gantt, JSON, CSV). Rendering returns strings; the CLI decides where they go and whether to colour.

#include "history/history.h"
#include "workspace/model.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pops {

struct RoadmapFilter {
  std::vector<std::string> squads, statuses, horizons, tags, owners;
  bool include_closed = false;  ///< also shipped and dropped items
};

struct RoadmapColumn {
  std::string horizon;             ///< "now", "2027-Q1", or "" for items with no horizon
  std::vector<const Item*> items;  ///< in file order
};

/// Columns in order: the configured horizons, then quarters (sorted), then no horizon. Empty
/// columns of configured horizons are kept.
std::vector<RoadmapColumn> roadmap_view(const Workspace& ws, const RoadmapFilter& filter);

/// Splits comma lists ("a,b" -> "a", "b"), trims blanks, drops empty parts.
std::vector<std::string> split_values(const std::vector<std::string>& values);

/// The first filter value that names nothing in `ws` (an unknown squad, status, horizon, tag or
/// owner), as a message with a suggestion, e.g. "unknown squad 'paymnts' (did you mean 'payments'?)";
/// "" when every value is known. Horizons accept the configured ones and any quarter YYYY-Qn.
std::string unknown_filter_value(const Workspace& ws, const RoadmapFilter& filter);

/// The heading of a column: "Now", "2027-Q1", "No horizon".
std::string column_title(const std::string& horizon);

/// The board: columns side by side, each fitted to `width` terminal columns. Columns narrower than
/// a readable minimum wrap into further bands of columns below. `paint(status, text)` colours a
/// status (the identity when colour is off).
using StatusPainter = std::function<std::string(const std::string& status, const std::string& text)>;
std::string render_board(const std::vector<RoadmapColumn>& cols, int width, const StatusPainter& paint);

/// A Markdown table per column (## heading, then | ID | Title | Status | Squad | Owner | Target |).
std::string render_roadmap_markdown(const std::vector<RoadmapColumn>& cols);

/// Where `pops roadmap --at` read the workspace: the revision as given and the commit it named.
struct RoadmapAt {
  std::string rev;
  CommitRef commit;
};

/// The commit `arg` names: a date YYYY-MM-DD is the last first-parent commit from HEAD whose
/// committer date is on or before it (nullopt when there is none, like `pops show --at`); anything
/// else is a revision (throws "unknown revision 'x'").
std::optional<CommitRef> resolve_at(Repository& repo, const std::string& root, const std::string& prefix,
                                    const std::string& arg);

/// JSON: {"version":1,"at":null|{"rev","commit","date"},"columns":[{"horizon","title","items":[...]}]}.
std::string render_roadmap_json(const std::vector<RoadmapColumn>& cols, const std::optional<RoadmapAt>& at);

/// CSV (RFC 4180 through csv_row: CRLF line ends, fields quoted when needed, formula-like values
/// neutralized): a header row, then one row per item in column order.
std::string render_roadmap_csv(const std::vector<RoadmapColumn>& cols);

/// The date each item was first `in-progress` (added in progress, or its status changed to it), from
/// a history newest first as History::log returns it.
std::map<std::string, Date> first_started(const std::vector<HistoryEntry>& history);

/// A mermaid Gantt chart of the items with a target, a section per squad. A task starts on the day
/// the item was first in-progress (`started`), else on `today` for items not started; it ends on its
/// target, or for a shipped item on the day it shipped (`shipped`, from the history) when known. A
/// task whose start is not before its end is a milestone on the end. Tags: `done` (shipped), `active`
/// (in-progress), `crit` (target passed, not shipped). Dropped items are left out.
std::string render_mermaid(const std::vector<RoadmapColumn>& cols, const std::string& title,
                           const std::map<std::string, Date>& started, const std::map<std::string, Date>& shipped,
                           Date today);
/// `s` as a mermaid task or section name: characters mermaid's Gantt grammar reads as syntax
/// (`:` `#` `;` and line breaks) and control characters replaced, spaces collapsed, trimmed.
std::string mermaid_text(std::string_view s);

}  // namespace pops
