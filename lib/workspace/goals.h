#pragma once
// Objectives and key results (pops.yaml `objectives:`, format 1.2) with their progress in [0, 1], for
// `pops goals` and the rules key-result-unlinked and objective-stalled. A key result with `series:` is
// measured by the latest value of that usage series (metrics/**/*.yaml) between its baseline and
// target; one without is measured by the items that list it in `key_results`: the shipped share
// (is_shipped_status), weighted by score.effort when every counted item has one. Dropped items are
// left out. An objective's progress is the mean of its key results' progress.

#include "workspace/model.h"

#include <optional>
#include <string>
#include <vector>

namespace pops {

struct KeyResultProgress {
  const Objective* objective = nullptr;
  const KeyResult* kr = nullptr;
  bool by_series = false;          ///< source "series" (else "items")
  std::optional<double> progress;  ///< [0, 1]; none: nothing to measure yet
  // source "series"
  const Series* series = nullptr;     ///< the series it names; nullptr: not in metrics/
  std::optional<Date> date;           ///< of the latest point
  std::optional<double> value;        ///< the latest value
  std::optional<double> start_value;  ///< the latest value on or before the period's start
  // source "items"
  std::vector<const Item*> items;  ///< every item listing it, dropped ones too, in workspace order
  bool by_effort = false;          ///< the share is weighted by score.effort
  double done = 0, total = 0;      ///< shipped and counted, items or effort
  std::string explain;             ///< how the progress was computed, for --explain
};

struct ObjectiveProgress {
  const Objective* objective = nullptr;
  Date start, end;                 ///< of its period
  std::optional<double> progress;  ///< mean of its key results' progress; none when none has one
  std::vector<KeyResultProgress> key_results;
  std::string explain;
};

/// The progress of a set of items: the shipped share (is_shipped_status), weighted by score.effort
/// when every counted item has one; dropped items left out. `linked_by` ends the explanation when
/// there is nothing to count ("items: none <linked_by>"). One computation for key results and
/// initiatives.
struct ItemsProgress {
  std::optional<double> progress;  ///< [0, 1]; none: no item to count
  bool by_effort = false;
  double done = 0, total = 0;
  std::string explain;
};
ItemsProgress items_progress(const std::vector<const Item*>& items, std::string_view linked_by);

/// The objectives of `period` (a quarter; "" for every period), in pops.yaml order.
std::vector<ObjectiveProgress> compute_goals(const Workspace& ws, const std::string& period = "");

/// The key result's progress at the start of its period (series: the latest point on or before the
/// start, else the baseline; items: none shipped is 0, as no ship date is known without history).
std::optional<double> progress_at_start(const KeyResultProgress& k);

/// The series a key result names: source and key equal, preferring the one whose metric is the key
/// result's metric; nullptr when metrics/ holds none.
const Series* series_of_key_result(const Workspace& ws, const KeyResult& kr);

/// The effort of an item (score.effort), if it has one.
std::optional<double> effort_of(const Item& it);

/// The first and last day of a quarter `YYYY-Qn`; false when it is not one.
bool quarter_bounds(const std::string& quarter, Date& start, Date& end);

}  // namespace pops
