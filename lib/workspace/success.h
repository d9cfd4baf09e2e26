#pragma once
// Success targets: an item's `success` entries evaluated against the usage series it links
// (metrics/**/*.yaml), for `pops show`, `pops report`, `pops adoption list` and the rule
// series-unlinked. A series is linked to an item by the item's `links.amplitude` / `links.pendo`;
// a success entry's `metric` names one of the item's linked series by its `metric` (or its key).

#include "workspace/model.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pops {

/// A success target: `< 2%`, `>= 500`, `> 40%`, `= 0`, `< 2 min`; or a change since the first point
/// of the series: `+10%`, `-50%`, `+200`.
struct Target {
  enum class Op { lt, le, gt, ge, eq, rise, fall };
  Op op = Op::lt;
  double number = 0;
  bool percent = false;
  std::string unit;  ///< text after the number other than '%' ("min"), shown only
};
std::optional<Target> parse_target(std::string_view text);

enum class TargetState { met, not_met, no_data, unknown_target };
std::string_view state_name(TargetState s);  ///< "met", "not met", "no data", "target not understood"

/// One success entry of an item, evaluated.
struct SuccessStatus {
  const Item* item = nullptr;
  std::string metric, target;
  const Series* series = nullptr;  ///< the linked series it names; nullptr: none
  std::optional<Date> date;        ///< of the latest point
  std::optional<double> value;     ///< the latest value
  std::string shown;               ///< the latest value as compared: "1.8%", "412"
  std::optional<double> baseline;  ///< first value (relative targets)
  std::optional<Date> trend_from;  ///< the point the trend is measured from
  std::optional<double> trend;     ///< latest minus the value 4 weeks before the latest point
  TargetState state = TargetState::no_data;
  std::string note;  ///< why there is no data, e.g. "no series 'x' linked"
};

/// The series linked to `item` (links.<source> equals the series' key), in workspace order.
std::vector<const Series*> series_of_item(const Workspace& ws, const Item& item);
/// The item's success entries evaluated against its linked series.
std::vector<SuccessStatus> evaluate_success(const Workspace& ws, const Item& item);
/// Every item with success entries, in workspace order (only `squads` when not empty; not dropped).
std::vector<SuccessStatus> evaluate_all(const Workspace& ws, const std::vector<std::string>& squads = {});

/// A value with its series' unit: "412", "1.8%", "41.25%".
std::string format_usage(double v, std::string_view unit);
/// The trend as "+12 since 2026-10-25" / "-0.4% since ..."; empty without one.
std::string trend_text(const SuccessStatus& s);

}  // namespace pops
