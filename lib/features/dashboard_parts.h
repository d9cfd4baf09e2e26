#pragma once
// The parts of pops report shared by its HTML and Markdown renderings (dashboard_html.cpp,
// dashboard_markdown.cpp): the figures of the window and of each period, their text, and the SVG
// charts drawn for the page (dashboard_svg.cpp). Internal to lib/features.

#include "features/dashboard.h"

#include <optional>
#include <string>
#include <vector>

namespace pops::dash {

inline constexpr const char* k_dash = "\xe2\x80\x93";

/// Figures of the whole window, for the summary.
struct WindowFigures {
  bool history = false;  ///< some period has figures; without, the counts below are missing too
  int shipped = 0, slipped = 0, slip_days = 0;
  std::optional<double> cycle_median, lead_median, predictability;
  std::string predictability_period;                    ///< the latest complete period with items due ("" for none)
  int predictability_due = 0, predictability_done = 0;  ///< its committed items, and those shipped
  int wip = 0;
  std::optional<long> wip_limit;
  int overdue = 0;
};

/// One period of the trend of the whole report (the portfolio, the one squad asked for, or the sum
/// of the squads asked for): the figures of compute_metrics, never recomputed.
struct TrendPoint {
  std::string period;
  bool complete = true;
  int shipped = 0, slipped = 0, committed = 0, committed_shipped = 0;
  std::optional<double> cycle_median, cycle_p85;  ///< none when several squads are summed
  std::optional<double> predictability;           ///< none for a partial period or nothing due
};

/// The trend by period; `cycle_known` says whether the cycle times are there (false when several
/// squads were asked for: percentiles do not add up).
std::vector<TrendPoint> org_trend(const Metrics& m, bool& cycle_known);

/// The figures of one squad over the window, for the per-squad table.
struct SquadRow {
  std::string squad;
  std::vector<int> shipped;            ///< per period of periods_of
  std::optional<double> cycle_median;  ///< of its latest period with one
  std::string cycle_period;
  std::optional<double> predictability;  ///< of its latest complete period with items due
  std::string predictability_period;
  int wip = 0;
  std::optional<long> wip_limit;
  int slipped = 0;  ///< over the window
};
std::vector<SquadRow> squad_rows(const Dashboard& d, const Metrics& m);

std::string goal_percent(const std::optional<double>& p);
std::string goal_source(const KeyResultProgress& k);
std::string days_text(const std::optional<double>& v);
std::string share_text(const std::optional<double>& v);
std::string money(double v);
std::string status_class(const std::string& status);
std::string horizon_title(const std::string& h);
std::vector<ItemFacts> shipped_in_window(const Metrics& m);
std::string late_text(const ItemFacts& f);
WindowFigures summarize(const Dashboard& d, const Metrics& m);
std::string shipped_text(const WindowFigures& s);
std::string wip_text(const WindowFigures& s);
std::string slips_text(const WindowFigures& s, const char* days_unit);
/// The predictability card: "22%", or "n/a" when no complete period had items due.
std::string predictability_text(const WindowFigures& s);
/// What it is of: "2026-11: 2 of 9 shipped" (of the items due), or why there is none.
std::string predictability_note(const WindowFigures& s);
std::string window_text(const Metrics& m);
std::vector<std::string> periods_of(const Metrics& m);
int throughput(const Metrics& m, const std::string& period, const std::string& squad);
std::string bin_label(const CycleBin& b);

/// A line of a line chart: a value per label (none: a gap in the line).
struct LineSeries {
  std::string name;
  std::string css_class;  ///< "l1", "l2": colour and dash pattern
  std::vector<std::optional<double>> values;
};

struct LineChartStyle {
  int width = 360, height = 140;  ///< of the whole chart and of the plot area
  std::optional<double> max;      ///< of the axis (else the largest value)
  std::string unit;               ///< after values in the points' titles, e.g. "days", "%"
  std::string title, desc;        ///< <title> and <desc>, the accessible name and description
};

/// A line chart: `labels` under the x axis, a line and a titled point per value of each series, a
/// legend when there are several, three grid lines with their values.
std::string svg_line_chart(const std::vector<std::string>& labels, const std::vector<LineSeries>& series,
                           const LineChartStyle& style);

/// The timeline as SVG: a lane per item (a bar from its start to its ship day or today, a hollow
/// diamond on its first committed target, a dot on its ship day), headed by group, a month axis and
/// today's line; `width` px wide.
std::string svg_timeline(const Timeline& t, int width);

}  // namespace pops::dash
