#pragma once
// The dashboard of `pops report`: a summary, the trends of the whole report by period (throughput,
// cycle time p50/p85, predictability, slips) with a table per squad, the items at risk and slipping,
// the goals of the quarter, the timeline of planned against shipped, the cycle time distribution,
// status by squad, the Now/Next/Later board, top customer demand, adoption, initiatives, capacity,
// open ritual actions and the standards (features/standards_html.h); rendered as one self-contained HTML page
// (dashboard_html.cpp: inline CSS and SVG, no scripts) or as Markdown (dashboard_markdown.cpp). Everything read from
// the workspace is escaped.

#include "edit/adoption.h"
#include "features/metrics.h"
#include "workspace/capacity.h"
#include "workspace/goals.h"
#include "workspace/initiatives.h"
#include "workspace/model.h"
#include "features/ritual.h"
#include "features/roadmap.h"
#include "features/standards_html.h"
#include "features/timeline.h"

#include <optional>
#include <string>
#include <vector>

namespace pops {

/// An item customers asked for: the distinct customers of the feedback linking it, and their ARR.
struct TopDemand {
  const Item* item = nullptr;
  std::vector<std::string> customers;  ///< distinct, sorted
  int entries = 0;                     ///< feedback entries linking it (also those without a customer)
  std::optional<double> arr;           ///< sum of the customers' ARR, each once; none when no ARR is known
};

/// The cycle time bins of the distribution: [lo, hi] days, hi < 0 for no upper bound.
struct CycleBin {
  int lo = 0, hi = 0;
  int count = 0;
};

struct Dashboard {
  std::string product;
  Date today;
  std::vector<std::string> squads;              ///< shown, in pops.yaml order
  std::vector<std::string> statuses;            ///< the workflow's statuses, in order
  std::vector<std::vector<int>> status_counts;  ///< [squad][status] items now
  std::vector<RoadmapColumn> board;             ///< open items by horizon
  std::vector<CycleBin> cycle_bins;             ///< items shipped in the window
  std::vector<TopDemand> demand;                ///< top first, at most 10
  std::vector<OpenAction> actions;              ///< by due date, undated last
  std::vector<SuccessStatus> adoption;          ///< success targets of items not dropped
  std::string quarter;                          ///< the quarter holding `today`
  std::vector<ObjectiveProgress> goals;         ///< objectives of that quarter (pops goals)
  std::vector<InitiativeRollup> initiatives;    ///< every initiative (pops initiatives)
  std::vector<const Item*> at_risk;             ///< open items whose latest update is at-risk or off-track
  std::vector<SquadCapacity> capacity;          ///< squads with a capacity that quarter (pops capacity)
  std::string effort_unit;                      ///< of capacity
  Timeline timeline;  ///< planned against shipped, by squad (the roadmap view with closed items)
  int open_items = 0, feedback_entries = 0;
  StandardsSection standards;  ///< set by the caller (pops standards, pops pilot report)
};

/// The dashboard of workspace `ws` (as it is now) with history metrics `m`; `squads` filters (empty:
/// all).
Dashboard build_dashboard(const Workspace& ws, const Metrics& m, const std::vector<std::string>& squads, Date today);

/// One HTML page: inline CSS (with @media print), SVG charts drawn by pops, no scripts.
std::string render_dashboard_html(const Dashboard& d, const Metrics& m);
/// The same sections in GitHub-flavoured Markdown (tables instead of charts).
std::string render_dashboard_markdown(const Dashboard& d, const Metrics& m);

}  // namespace pops
