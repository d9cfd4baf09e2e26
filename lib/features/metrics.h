#pragma once
// Delivery metrics from the git history of a workspace (docs/metrics.md): per period (month or
// quarter), per squad and for the whole portfolio, throughput, cycle and lead time, work in progress
// against the squad's limit, slips, predictability, scope churn and coverage; and per item the dates
// they come from. The history is replayed oldest first (History::replay: each blob parsed once), so
// the state of the workspace is known at every commit. A figure with no data is std::nullopt, never 0.

#include "history/history.h"
#include "workspace/model.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace pops {

enum class PeriodKind { month, quarter };

struct MetricsOptions {
  PeriodKind period = PeriodKind::month;
  std::optional<Date> since;        ///< first period: the one holding this date (else the first commit's)
  Date until{};                     ///< last day counted (commits after it are left out)
  bool author_date = false;         ///< date commits by their author date instead of committer date
  std::vector<std::string> squads;  ///< only these squads' rows and items (empty: all, with the portfolio)
  bool whole_files = false;         ///< read every changed file whole, not only the items that can
                                    ///< differ (slower, the same figures: for tests)
};

/// One item's history, as far as the walk saw it.
struct ItemFacts {
  std::string id;      ///< in a portfolio's roll-up, qualified by its member (acme/PAY-3)
  std::string member;  ///< a portfolio's member (format 1.4); "" otherwise
  std::string title;
  std::string squad;                    ///< its squad in the last state seen (on or before `until`)
  std::string status;                   ///< likewise; "" when it was removed from the files
  std::vector<std::string> squads;      ///< every squad it was in, in order
  std::optional<Date> first_seen;       ///< first commit holding it
  std::optional<Date> started;          ///< first commit where it was in-progress
  std::optional<Date> shipped;          ///< last move to shipped, if it is still shipped
  std::string shipped_commit;           ///< the full id of the commit of that move ("" when not shipped)
  std::optional<int> cycle_days;        ///< shipped - started
  std::optional<int> lead_days;         ///< shipped - first_seen
  int slips = 0;                        ///< target moves later
  int slip_days = 0;                    ///< their days, summed
  std::optional<Date> first_target;     ///< its first committed target: the first it had in the first horizon
  std::optional<int> late_days;         ///< shipped - first_target (negative: early), when both are known
  std::string moved_from;               ///< the id whose track it continues (`item move --new-id`), or ""
  std::vector<std::string> former_ids;  ///< every id it had before its moves under a new id, oldest first
};

/// A slip (docs/metrics.md, "Slips"): in one commit, an item's target moved later.
struct SlipEvent {
  std::string id, title, squad;  ///< squad at the time of the slip
  Date date;                     ///< of the commit
  std::string commit;            ///< its full id
  Date from, to;
  int days = 0;
};

/// The one definition of a slip, for a commit that changed an item's target from `before` to
/// `after`: the days it moved later; nullopt for a first target, a removed target, a target moved
/// earlier or one left alone. Every command that shows slips counts them with it (compute_metrics).
std::optional<int> slip_days(const std::optional<Date>& before, const std::optional<Date>& after);

/// The figures of one squad (or the portfolio: squad "") in one period.
struct PeriodMetrics {
  std::string period;    ///< "2026-11" or "2026-Q4"
  Date start, end;       ///< inclusive; `end` is cut at `until`
  bool complete = true;  ///< false: `until` falls before the period's last day (a partial period)
  std::string squad;     ///< "" for the whole portfolio
  std::string member;    ///< in a portfolio (format 1.4): the member; "" for every member
  int shipped = 0;       ///< throughput
  std::optional<double> cycle_median, cycle_p85;  ///< days, over items shipped in the period
  std::optional<double> lead_median, lead_p85;
  int wip = 0;                              ///< in-progress at the end of the period
  std::optional<long> wip_limit;            ///< the squad's wip_limit; none for the portfolio
  int slipped = 0;                          ///< items whose target moved later in the period
  int slip_days = 0;                        ///< days those moves added up to
  int committed = 0;                        ///< open items in `now` at the start of the period
  int committed_shipped = 0;                ///< of those, shipped at its end
  std::optional<double> predictability;     ///< committed_shipped / committed; missing for a partial period
  int added = 0;                            ///< items first seen in the period
  int dropped = 0;                          ///< items moved to dropped, or removed before they shipped
  int prd_covered = 0;                      ///< in-progress items (at the end) with an approved PRD
  std::optional<double> prd_coverage;       ///< prd_covered / wip
  int open = 0;                             ///< open items (neither shipped nor dropped) at the end
  int feedback_covered = 0;                 ///< of those, items some feedback entry links to
  std::optional<double> feedback_coverage;  ///< feedback_covered / open
};

struct Metrics {
  PeriodKind period = PeriodKind::month;
  bool author_date = false;
  std::optional<Date> since;  ///< the first period's start, if there is any history
  Date until{};
  std::vector<std::string> squads;  ///< the squads with rows, in pops.yaml order, then others seen
  std::vector<PeriodMetrics> rows;  ///< by period, then portfolio first, then squads
  std::vector<ItemFacts> items;     ///< ids in natural order
  std::vector<SlipEvent> slips;     ///< in the periods, oldest first
  std::size_t commits = 0;          ///< commits replayed
  bool portfolio = false;           ///< a portfolio's roll-up: rows and items name their member
};

/// The figures of row `p` that follow from its counts and from the cycle and lead times of the items
/// shipped in it (the one definition of each, for a squad, a workspace and a portfolio's roll-up):
/// median and 85th percentile of each, predictability (complete periods only), PRD and feedback
/// coverage.
void finish_row(PeriodMetrics& p, const std::vector<int>& cycle, const std::vector<int>& lead);

/// The slips of `m` that `in_window` accepts (e.g. those of a digest's commits), oldest first.
std::vector<SlipEvent> slips_of(const Metrics& m, const std::function<bool(const SlipEvent&)>& in_window);

/// The items of `m` shipped (docs/metrics.md, "Item dates": the last move to shipped, still shipped
/// at the end) whose ship `in_window` accepts, e.g. those shipped in a digest's commits: the one set
/// of "shipped in the period" for metrics, digest and every view that lists what shipped.
std::vector<ItemFacts> shipped_in(const Metrics& m, const std::function<bool(const ItemFacts&)>& in_window);

/// The facts of item `id` in `m`, or nullptr.
const ItemFacts* facts_of(const Metrics& m, const std::string& id);

/// "2026-11" or "2026-Q4" for the period holding `d`, and its first and last day.
std::string period_name(PeriodKind k, Date d);
Date period_start(PeriodKind k, Date d);
Date period_end(PeriodKind k, Date d);

/// The `p`-th percentile (0..100) of `values` by linear interpolation between closest ranks (the
/// median is the 50th); nullopt for no values.
std::optional<double> percentile(std::vector<int> values, double p);

/// Replays the first-parent history from `rev` and computes the metrics. `config` gives the squads
/// (order, wip_limit); `progress(done, total)` is called while the history is replayed.
Metrics compute_metrics(History& history, const std::string& rev, const Config& config, const MetricsOptions& opts,
                        const std::function<void(std::size_t, std::size_t)>& progress = {});

/// `pops metrics --format json|csv|markdown|table`. Missing figures: null in JSON, blank in CSV, "–"
/// in Markdown and tables.
std::string render_metrics_json(const Metrics& m);
std::string render_metrics_csv(const Metrics& m);
std::string render_metrics_markdown(const Metrics& m);
/// The table of `m`; with `width` > 0, columns are left out until each line fits it, the least
/// read first (LEAD85, LEAD50, DAYS, DROPPED, ADDED, FEEDBACK, PRD, LIMIT, CYCLE85, WIP, SLIPPED;
/// PERIOD, SQUAD, SHIPPED, CYCLE50 and PREDICT always stay), their headings added to `left_out`.
std::string render_metrics_table(const Metrics& m, int width = 0, std::vector<std::string>* left_out = nullptr);

}  // namespace pops
