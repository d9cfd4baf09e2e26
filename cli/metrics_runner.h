#pragma once
// The figures pops metrics and pops report print, computed once for both from the options they share.

#include "context.h"

#include <string>
#include <vector>

namespace pops {
struct Metrics;
struct Member;
}  // namespace pops

namespace pops::cli {

/// pops metrics and pops report: parses the options, replays the history (a progress bar on a
/// terminal) and computes `out`; returns the exit status (usage errors printed). `member`: the name
/// of the portfolio's member measured (empty: a workspace), an unknown squad named `member/squad`.
int metrics_for(Context& ctx, const std::vector<std::string>& squads, const std::string& period,
                const std::string& since, const std::string& until, bool author_date, pops::Metrics& out,
                bool no_cache = false, const std::string& member = {});

/// --squad in a portfolio (pops metrics, pops report): the squads each member keeps (`kept[i]` of
/// `members[i]`). A value is `member/squad` (a member covered; the squad is checked against the
/// member's history by metrics_for) or a bare squad that exactly one member's pops.yaml has (the
/// portfolio's own squads among them). Returns false with the error said: an unknown value (with a
/// suggestion), or a bare one several members have (listing them).
bool portfolio_squads(Context& ctx, const std::vector<pops::Member>& members, const std::vector<std::string>& wanted,
                      std::vector<std::vector<std::string>>& kept);

/// metrics_for over a portfolio's `members` (format 1.4): each measured in its own repository with
/// the same options, then rolled up (rollup_metrics). An error of a member (not in a git repository,
/// history before a shallow clone's boundary) names the member. With `squads` (--squad: `acme/payments`,
/// or a bare `payments` that exactly one member's pops.yaml has), only the members holding them are
/// measured, each with its own of them, and only those squads' rows are kept (as metrics_for keeps a
/// workspace's); an ambiguous or unknown squad is an error (exit 2).
int portfolio_metrics_for(Context& ctx, const std::vector<pops::Member>& members, const std::string& period,
                          const std::string& since, const std::string& until, bool author_date, pops::Metrics& out,
                          bool no_cache = false, const std::vector<std::string>& squads = {});

}  // namespace pops::cli
