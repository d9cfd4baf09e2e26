#pragma once
// The figures pops metrics and pops report print, computed once for both from the options they share.

#include "context.h"

#include <string>
#include <vector>

namespace pops {
struct Metrics;
struct Member;
} // namespace pops

namespace pops::cli {

/// pops metrics and pops report: parses the options, replays the history (a progress bar on a
/// terminal) and computes `out`; returns the exit status (usage errors printed).
int metrics_for(Context& ctx, const std::vector<std::string>& squads, const std::string& period,
                const std::string& since, const std::string& until, bool author_date, pops::Metrics& out,
                bool no_cache = false);

/// metrics_for over a portfolio's `members` (format 1.4): each measured in its own repository with
/// the same options, then rolled up (rollup_metrics). An error of a member (not in a git repository,
/// history before a shallow clone's boundary) names the member.
int portfolio_metrics_for(Context& ctx, const std::vector<pops::Member>& members, const std::string& period,
                          const std::string& since, const std::string& until, bool author_date, pops::Metrics& out,
                          bool no_cache = false);

} // namespace pops::cli
