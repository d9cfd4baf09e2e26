// A portfolio's metrics roll-up (format 1.4): counts summed, percentiles from the pooled samples of
// the members' items shipped in the period (hand-computed, and unlike an average of the members'
// percentiles), ratios from the summed counts, qualified ids.

#include "features/metrics_rollup.h"

#include <doctest/doctest.h>

using namespace pops;

namespace {

ItemFacts shipped(const std::string& id, Date on, int cycle, int lead)
{
  ItemFacts f;
  f.id = id;
  f.shipped = on;
  f.cycle_days = cycle;
  f.lead_days = lead;
  return f;
}

PeriodMetrics row(const std::string& squad, int shipped_n, int committed, int committed_shipped, int wip)
{
  PeriodMetrics p;
  p.period = "2026-11";
  p.start = *parse_date("2026-11-01");
  p.end = *parse_date("2026-11-30");
  p.squad = squad;
  p.shipped = shipped_n;
  p.committed = committed;
  p.committed_shipped = committed_shipped;
  p.wip = wip;
  return p;
}

}  // namespace

TEST_CASE("metrics roll-up: pooled percentiles, summed counts, member rows kept, ids qualified")
{
  const Date nov10 = *parse_date("2026-11-10");
  Metrics acme;
  acme.squads = {"payments"};
  acme.rows = {row("", 1, 2, 1, 1), row("payments", 1, 2, 1, 1)};
  acme.items = {shipped("PAY-2", nov10, 21, 40), shipped("PAY-1", *parse_date("2026-10-10"), 6, 9)};
  acme.commits = 6;
  Metrics beta;
  beta.squads = {"core"};
  beta.rows = {row("", 2, 1, 1, 0), row("core", 2, 1, 1, 0)};
  beta.items = {shipped("CORE-2", *parse_date("2026-11-03"), 2, 31),
                shipped("CORE-3", *parse_date("2026-11-21"), 12, 17)};
  beta.commits = 8;
  const Metrics m = rollup_metrics({{"acme", acme}, {"beta", beta}});
  CHECK(m.portfolio);
  CHECK(m.commits == 14);
  CHECK(m.squads == std::vector<std::string>{"acme/payments", "beta/core"});
  REQUIRE(m.rows.size() == 5);
  const PeriodMetrics& all = m.rows[0];
  CHECK(all.member.empty());
  CHECK(all.squad.empty());
  CHECK(all.shipped == 3);
  CHECK(all.wip == 1);
  // cycle [2, 12, 21]: median 12, p85 at rank 1.7: 12 + 0.7 * 9 = 18.3 (not the mean of 21 and 7)
  CHECK(*all.cycle_median == doctest::Approx(12));
  CHECK(*all.cycle_p85 == doctest::Approx(18.3));
  // lead [17, 31, 40]: 31 and 31 + 0.7 * 9 = 37.3; PAY-1 shipped in October is not in November
  CHECK(*all.lead_median == doctest::Approx(31));
  CHECK(*all.lead_p85 == doctest::Approx(37.3));
  // 2 of 3 commitments, not the mean of 50% and 100%
  CHECK(*all.predictability == doctest::Approx(2.0 / 3));
  CHECK_FALSE(all.wip_limit);
  CHECK(m.rows[1].member == "acme");
  CHECK(m.rows[2].member == "acme");
  CHECK(m.rows[2].squad == "payments");
  CHECK(m.rows[3].member == "beta");
  CHECK(m.rows[4].squad == "core");
  REQUIRE(m.items.size() == 4);
  CHECK(m.items[0].id == "acme/PAY-2");
  CHECK(m.items[0].member == "acme");
  CHECK(m.items[3].id == "beta/CORE-3");
}

TEST_CASE("metrics roll-up: the portfolio's own squads are member '.', their ids unqualified")
{
  Metrics own;
  own.rows = {row("", 0, 0, 0, 0)};
  own.items = {shipped("HOLD-1", *parse_date("2026-11-05"), 3, 4)};
  const Metrics m = rollup_metrics({{"", own}});
  REQUIRE(m.rows.size() == 2);
  CHECK(m.rows[1].member == ".");
  CHECK(m.items[0].id == "HOLD-1");
  CHECK(m.items[0].member == ".");
  CHECK(*m.rows[0].cycle_median == doctest::Approx(3));
}

TEST_CASE("metrics roll-up for the dashboard: squads named member/squad, members' all-squads rows left out")
{
  Metrics acme;
  acme.squads = {"payments"};
  acme.rows = {row("", 1, 2, 1, 1), row("payments", 1, 2, 1, 1)};
  ItemFacts f = shipped("PAY-2", *parse_date("2026-11-10"), 21, 40);
  f.squad = "payments";
  f.squads = {"payments"};
  acme.items = {f};
  SlipEvent e;
  e.id = "PAY-3";
  e.squad = "payments";
  acme.slips = {e};
  Metrics own;
  own.squads = {"hold"};
  own.rows = {row("", 0, 0, 0, 0), row("hold", 0, 0, 0, 0)};
  const Metrics m = squads_qualified(rollup_metrics({{"", own}, {"acme", acme}}));
  // Per period: the portfolio's row, own's squad 'hold', acme's 'acme/payments'.
  REQUIRE(m.rows.size() == 3);
  CHECK(m.rows[0].squad.empty());
  CHECK(m.rows[0].shipped == 1);
  CHECK(m.rows[1].squad == "hold");
  CHECK(m.rows[2].squad == "acme/payments");
  CHECK(m.rows[2].shipped == 1);
  CHECK(m.squads == std::vector<std::string>{"hold", "acme/payments"});
  REQUIRE(m.items.size() == 1);
  CHECK(m.items[0].id == "acme/PAY-2");
  CHECK(m.items[0].squad == "acme/payments");
  CHECK(m.items[0].squads == std::vector<std::string>{"acme/payments"});
  REQUIRE(m.slips.size() == 1);
  CHECK(m.slips[0].id == "acme/PAY-3");
  CHECK(m.slips[0].squad == "acme/payments");
}
