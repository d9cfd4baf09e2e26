#pragma once
// The timeline of items over time: for each item with a first committed target or a ship date, the
// day it was planned to ship (its first committed target, from the history) against the day it
// shipped (the last move to shipped, from the history), with its start, grouped by squad or by owner.
// Drawn by `pops roadmap --format timeline` (text fitted to a width, or JSON) and as SVG by `pops
// report`. Every date comes from the item facts of compute_metrics (docs/metrics.md, "Item dates").

#include "features/metrics.h"
#include "features/roadmap.h"

#include <optional>
#include <string>
#include <vector>

namespace pops {

enum class TimelineGroup { squad, owner };

struct TimelineBar {
  std::string id, title, group;  ///< group: the squad or the owner ("" for none)
  std::string status;            ///< in the workspace now
  std::optional<Date> started;   ///< first in progress
  std::optional<Date> planned;   ///< first committed target
  std::optional<Date> target;    ///< its target now
  std::optional<Date> shipped;   ///< last move to shipped, if still shipped
  std::optional<int> late_days;  ///< shipped - planned (negative: early)
};

struct Timeline {
  TimelineGroup by = TimelineGroup::squad;
  Date from, to;  ///< the days drawn: the metrics' window, widened to every date shown
  Date today;
  std::vector<std::string> groups;  ///< in order of first appearance in the columns
  std::vector<TimelineBar> bars;    ///< by group, then by planned (else shipped) day, then id
};

/// The timeline of the items in `cols` (the roadmap view, with closed items) that have a first
/// committed target or shipped in the window of `m`; dropped items are left out. `today` ends the bars
/// of items still open.
Timeline build_timeline(const std::vector<RoadmapColumn>& cols, const Metrics& m, TimelineGroup by, Date today);

/// The timeline as text in `width` columns (at least 40): its window, a line of month marks, then per
/// group a heading and per item its id and title, a lane from `from` to `to` (`-` in progress, `o` the
/// first committed target, `*` shipped, `@` both on one column, `|` today) and "planned -> shipped
/// +late" (narrow: the lateness only), then the legend.
std::string render_timeline_text(const Timeline& t, int width);

/// {"version":1,"by":"squad","from","to","today","items":[{"id","title","group","status","started",
/// "planned","target","shipped","late_days"}]}: missing dates are null.
std::string render_timeline_json(const Timeline& t);

}  // namespace pops
