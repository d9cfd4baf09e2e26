#include "features/metrics.h"
#include "base/text.h"
#include "git/repo.h"
#include "workspace/workspace.h"

#include "helpers.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

using namespace pops;
using pops::test::TempRepo;
namespace fs = std::filesystem;

namespace {

const char* k_config = R"(version: 1
product: Test
squads:
  payments: {prefix: PAY, wip_limit: 2}
  platform: {prefix: PLAT}
docs:
  types:
    prd: {dir: docs/prd}
)";

std::string prd(const std::string& id, const std::string& status)
{
  return "---\ntitle: PRD " + id + "\ntype: prd\nowner: ada\nstatus: " + status + "\nitems: [" + id + "]\n---\n# PRD\n";
}

/// The history of the hand computation in docs/metrics.md terms (see each CHECK):
///  01-05 PAY-1 planned now (target 02-01), PAY-2 in-progress now (target 01-20), PAY-3 planned next,
///        PLAT-1 in-progress later; PRD of PAY-1 in review; FB-1 (Acme) links PAY-1
///  01-10 PAY-1 in-progress; PAY-2 target 01-20 -> 01-30 (+10); PRD of PAY-1 approved
///  01-25 PAY-2 shipped; PAY-3 gets a first target (not a slip)
///  02-03 PAY-1 target 02-01 -> 02-15 (+14); PAY-4 added in-progress now; PAY-3 moves to platform,
///        in-progress
///  02-20 PAY-1 and PAY-3 shipped; PLAT-2 added planned now; FB-2 links PLAT-2
///  03-05 PAY-4 dropped; PLAT-2 deleted from the file while open
void build_history(TempRepo& r)
{
  r.commit({{"pops.yaml", k_config},
            {"roadmap/payments.yaml", R"(squad: payments
items:
  - {id: PAY-1, title: Refunds, status: planned, horizon: now, target: 2026-02-01}
  - {id: PAY-2, title: Payouts, status: in-progress, horizon: now, target: 2026-01-20}
  - {id: PAY-3, title: Ledger, status: planned, horizon: next}
)"},
            {"roadmap/platform.yaml", R"(squad: platform
items:
  - {id: PLAT-1, title: Queues, status: in-progress, horizon: later}
)"},
            {"docs/prd/pay-1.md", prd("PAY-1", "review")},
            {"feedback/acme.yaml", R"(entries:
  - {id: FB-1, date: 2026-01-02, source: sales, customer: Acme, arr: 100, summary: Refunds, items: [PAY-1]}
)"}},
           "2026-01-05");
  r.commit({{"roadmap/payments.yaml", R"(squad: payments
items:
  - {id: PAY-1, title: Refunds, status: in-progress, horizon: now, target: 2026-02-01}
  - {id: PAY-2, title: Payouts, status: in-progress, horizon: now, target: 2026-01-30}
  - {id: PAY-3, title: Ledger, status: planned, horizon: next}
)"},
            {"docs/prd/pay-1.md", prd("PAY-1", "approved")}},
           "2026-01-10");
  r.commit({{"roadmap/payments.yaml", R"(squad: payments
items:
  - {id: PAY-1, title: Refunds, status: in-progress, horizon: now, target: 2026-02-01}
  - {id: PAY-2, title: Payouts, status: shipped, horizon: now, target: 2026-01-30}
  - {id: PAY-3, title: Ledger, status: planned, horizon: next, target: 2026-03-01}
)"}},
           "2026-01-25");
  r.commit({{"roadmap/payments.yaml", R"(squad: payments
items:
  - {id: PAY-1, title: Refunds, status: in-progress, horizon: now, target: 2026-02-15}
  - {id: PAY-2, title: Payouts, status: shipped, horizon: now, target: 2026-01-30}
  - {id: PAY-4, title: Disputes, status: in-progress, horizon: now}
)"},
            {"roadmap/platform.yaml", R"(squad: platform
items:
  - {id: PLAT-1, title: Queues, status: in-progress, horizon: later}
  - {id: PAY-3, title: Ledger, status: in-progress, horizon: now, target: 2026-03-01}
)"}},
           "2026-02-03");
  r.commit({{"roadmap/payments.yaml", R"(squad: payments
items:
  - {id: PAY-1, title: Refunds, status: shipped, horizon: now, target: 2026-02-15}
  - {id: PAY-2, title: Payouts, status: shipped, horizon: now, target: 2026-01-30}
  - {id: PAY-4, title: Disputes, status: in-progress, horizon: now}
)"},
            {"roadmap/platform.yaml", R"(squad: platform
items:
  - {id: PLAT-1, title: Queues, status: in-progress, horizon: later}
  - {id: PAY-3, title: Ledger, status: shipped, horizon: now, target: 2026-03-01}
  - {id: PLAT-2, title: Cache, status: planned, horizon: now}
)"},
            {"feedback/beta.yaml", R"(entries:
  - {id: FB-2, date: 2026-02-19, source: support, customer: Beta, arr: 50, summary: Cache, items: [PLAT-2]}
)"}},
           "2026-02-20");
  r.commit({{"roadmap/payments.yaml", R"(squad: payments
items:
  - {id: PAY-1, title: Refunds, status: shipped, horizon: now, target: 2026-02-15}
  - {id: PAY-2, title: Payouts, status: shipped, horizon: now, target: 2026-01-30}
  - {id: PAY-4, title: Disputes, status: dropped, horizon: now, dropped_reason: No longer needed}
)"},
            {"roadmap/platform.yaml", R"(squad: platform
items:
  - {id: PLAT-1, title: Queues, status: in-progress, horizon: later}
  - {id: PAY-3, title: Ledger, status: shipped, horizon: now, target: 2026-03-01}
)"}},
           "2026-03-05");
}

Metrics run(TempRepo& r, MetricsOptions opts)
{
  Repository repo = Repository::open(r.dir);
  History history(repo, r.dir, "");
  Workspace ws = load_workspace(r.dir, {SourceFile{"pops.yaml", k_config}}, 1);
  return compute_metrics(history, "HEAD", ws.config, opts);
}

const PeriodMetrics& row(const Metrics& m, const std::string& period, const std::string& squad)
{
  for (const auto& p : m.rows) {
    if (p.period == period && p.squad == squad) {
      return p;
    }
  }
  FAIL("no row " << period << " " << squad);
  return m.rows.front();
}

const ItemFacts& item(const Metrics& m, const std::string& id)
{
  for (const auto& f : m.items) {
    if (f.id == id) {
      return f;
    }
  }
  FAIL("no item " << id);
  return m.items.front();
}

Date d(const char* s)
{
  return *parse_date(s);
}

}  // namespace

TEST_CASE("periods and percentiles")
{
  CHECK(period_name(PeriodKind::month, d("2026-02-28")) == "2026-02");
  CHECK(period_name(PeriodKind::quarter, d("2026-11-03")) == "2026-Q4");
  CHECK(period_start(PeriodKind::quarter, d("2026-05-20")) == d("2026-04-01"));
  CHECK(period_end(PeriodKind::quarter, d("2026-05-20")) == d("2026-06-30"));
  CHECK(period_end(PeriodKind::month, d("2028-02-10")) == d("2028-02-29"));
  CHECK_FALSE(percentile({}, 50).has_value());
  CHECK(*percentile({7}, 85) == doctest::Approx(7));
  CHECK(*percentile({41, 17}, 50) == doctest::Approx(29));
  CHECK(*percentile({41, 17}, 85) == doctest::Approx(37.4));      // 17 + 0.85 * 24
  CHECK(*percentile({20, 41, 17}, 85) == doctest::Approx(34.7));  // rank 1.7: 20 + 0.7 * 21
  CHECK(*percentile({1, 2, 3, 4}, 50) == doctest::Approx(2.5));
}

TEST_CASE("metrics from a known history, by month")
{
  TempRepo r;
  build_history(r);
  MetricsOptions o;
  o.until = d("2026-03-31");
  const Metrics m = run(r, o);
  CHECK(m.commits == 6);
  REQUIRE(m.since.has_value());
  CHECK(*m.since == d("2026-01-01"));
  CHECK(m.squads == std::vector<std::string>{"payments", "platform"});
  REQUIRE(m.rows.size() == 9);  // 3 months x (portfolio, payments, platform)

  SUBCASE("items")
  {
    REQUIRE(m.items.size() == 6);
    const ItemFacts& p1 = item(m, "PAY-1");
    CHECK(*p1.first_seen == d("2026-01-05"));
    CHECK(*p1.started == d("2026-01-10"));
    CHECK(*p1.shipped == d("2026-02-20"));
    CHECK(*p1.cycle_days == 41);
    CHECK(*p1.lead_days == 46);
    CHECK(p1.slips == 1);
    CHECK(p1.slip_days == 14);
    const ItemFacts& p2 = item(m, "PAY-2");
    CHECK(*p2.started == d("2026-01-05"));  // added in progress
    CHECK(*p2.cycle_days == 20);
    CHECK(*p2.lead_days == 20);
    CHECK(p2.slips == 1);
    CHECK(p2.slip_days == 10);
    const ItemFacts& p3 = item(m, "PAY-3");
    CHECK(p3.squad == "platform");
    CHECK(p3.squads == std::vector<std::string>{"payments", "platform"});
    CHECK(*p3.started == d("2026-02-03"));
    CHECK(*p3.cycle_days == 17);
    CHECK(*p3.lead_days == 46);
    CHECK(p3.slips == 0);  // a first target is not a slip
    const ItemFacts& p4 = item(m, "PAY-4");
    CHECK(p4.status == "dropped");
    CHECK_FALSE(p4.shipped.has_value());
    CHECK_FALSE(p4.cycle_days.has_value());
    CHECK_FALSE(p4.lead_days.has_value());
    const ItemFacts& l2 = item(m, "PLAT-2");
    CHECK(l2.status.empty());  // deleted
    CHECK_FALSE(l2.started.has_value());
    CHECK(item(m, "PLAT-1").status == "in-progress");
  }

  SUBCASE("January")
  {
    const PeriodMetrics& all = row(m, "2026-01", "");
    CHECK(all.start == d("2026-01-01"));
    CHECK(all.end == d("2026-01-31"));
    CHECK(all.shipped == 1);
    CHECK(*all.cycle_median == doctest::Approx(20));
    CHECK(*all.cycle_p85 == doctest::Approx(20));
    CHECK(*all.lead_median == doctest::Approx(20));
    CHECK(all.wip == 2);
    CHECK_FALSE(all.wip_limit.has_value());
    CHECK(all.slipped == 1);
    CHECK(all.slip_days == 10);
    CHECK(all.committed == 0);
    CHECK_FALSE(all.predictability.has_value());  // nothing in now before the history began
    CHECK(all.added == 4);
    CHECK(all.dropped == 0);
    CHECK(all.prd_covered == 1);
    CHECK(*all.prd_coverage == doctest::Approx(0.5));
    CHECK(all.open == 3);
    CHECK(all.feedback_covered == 1);
    CHECK(*all.feedback_coverage == doctest::Approx(1.0 / 3));

    const PeriodMetrics& pay = row(m, "2026-01", "payments");
    CHECK(pay.shipped == 1);
    CHECK(pay.wip == 1);
    CHECK(*pay.wip_limit == 2);
    CHECK(pay.slipped == 1);
    CHECK(pay.added == 3);
    CHECK(*pay.prd_coverage == doctest::Approx(1.0));
    CHECK(*pay.feedback_coverage == doctest::Approx(0.5));

    const PeriodMetrics& plat = row(m, "2026-01", "platform");
    CHECK(plat.shipped == 0);
    CHECK_FALSE(plat.cycle_median.has_value());  // no data, not 0
    CHECK_FALSE(plat.lead_p85.has_value());
    CHECK(plat.wip == 1);
    CHECK_FALSE(plat.wip_limit.has_value());
    CHECK(plat.added == 1);
    CHECK(*plat.prd_coverage == doctest::Approx(0.0));
    CHECK(*plat.feedback_coverage == doctest::Approx(0.0));
  }

  SUBCASE("February: an item that moved squads ships for its new squad")
  {
    const PeriodMetrics& all = row(m, "2026-02", "");
    CHECK(all.shipped == 2);
    CHECK(*all.cycle_median == doctest::Approx(29));
    CHECK(*all.cycle_p85 == doctest::Approx(37.4));
    CHECK(*all.lead_median == doctest::Approx(46));
    CHECK(all.committed == 1);
    CHECK(all.committed_shipped == 1);
    CHECK(*all.predictability == doctest::Approx(1.0));
    CHECK(all.wip == 2);
    CHECK(all.slipped == 1);
    CHECK(all.slip_days == 14);
    CHECK(all.added == 2);
    CHECK(all.dropped == 0);
    CHECK(all.prd_covered == 0);
    CHECK(*all.prd_coverage == doctest::Approx(0.0));
    CHECK(all.open == 3);
    CHECK(*all.feedback_coverage == doctest::Approx(1.0 / 3));

    const PeriodMetrics& pay = row(m, "2026-02", "payments");
    CHECK(pay.shipped == 1);
    CHECK(*pay.cycle_median == doctest::Approx(41));
    CHECK(*pay.predictability == doctest::Approx(1.0));
    CHECK(pay.wip == 1);
    CHECK(pay.added == 1);

    const PeriodMetrics& plat = row(m, "2026-02", "platform");
    CHECK(plat.shipped == 1);
    CHECK(*plat.cycle_median == doctest::Approx(17));
    CHECK(*plat.lead_median == doctest::Approx(46));
    CHECK(plat.committed == 0);  // PAY-3 was in `next`, and in payments, when February began
    CHECK_FALSE(plat.predictability.has_value());
    CHECK(plat.added == 1);  // PLAT-2; PAY-3 moving in is not an addition
    CHECK(plat.wip == 1);
    CHECK(plat.open == 2);
    CHECK(*plat.feedback_coverage == doctest::Approx(0.5));
  }

  SUBCASE("March: drops, and a predictability of 0 that is data")
  {
    const PeriodMetrics& all = row(m, "2026-03", "");
    CHECK(all.end == d("2026-03-31"));
    CHECK(all.shipped == 0);
    CHECK_FALSE(all.cycle_median.has_value());
    CHECK(all.committed == 2);
    CHECK(all.committed_shipped == 0);
    CHECK(*all.predictability == doctest::Approx(0.0));
    CHECK(all.dropped == 2);
    CHECK(all.added == 0);
    CHECK(all.wip == 1);
    CHECK(all.open == 1);
    CHECK(*all.feedback_coverage == doctest::Approx(0.0));

    const PeriodMetrics& pay = row(m, "2026-03", "payments");
    CHECK(pay.wip == 0);
    CHECK_FALSE(pay.prd_coverage.has_value());       // no item in progress
    CHECK_FALSE(pay.feedback_coverage.has_value());  // no open item
    CHECK(pay.dropped == 1);
    CHECK(*pay.predictability == doctest::Approx(0.0));
    CHECK(row(m, "2026-03", "platform").dropped == 1);  // deleted while open
  }

  SUBCASE("slips")
  {
    REQUIRE(m.slips.size() == 2);
    CHECK(m.slips[0].id == "PAY-2");
    CHECK(m.slips[0].days == 10);
    CHECK(m.slips[0].date == d("2026-01-10"));
    CHECK(m.slips[1].id == "PAY-1");
    CHECK(m.slips[1].from == d("2026-02-01"));
    CHECK(m.slips[1].to == d("2026-02-15"));
  }

  SUBCASE("json: missing is null")
  {
    const auto j = nlohmann::json::parse(render_metrics_json(m));
    CHECK(j["dates"] == "committer");
    CHECK(j["rows"][0]["squad"].is_null());
    CHECK(j["rows"][2]["squad"] == "platform");
    CHECK(j["rows"][2]["cycle_median"].is_null());
    CHECK(j["rows"][2]["wip_limit"].is_null());
    CHECK(j["rows"][1]["over_limit"] == false);
    CHECK(j["rows"][0]["predictability"].is_null());
    CHECK(j["rows"][3]["cycle_p85"] == doctest::Approx(37.4));
    CHECK(j["rows"][6]["predictability"] == 0.0);
    const auto& items = j["items"];
    REQUIRE(items.size() == 6);
    CHECK(items[0]["id"] == "PAY-1");
    CHECK(items[3]["id"] == "PAY-4");
    CHECK(items[3]["shipped"].is_null());
    CHECK(items[3]["cycle_days"].is_null());
    CHECK(items[5]["id"] == "PLAT-2");
    CHECK(items[5]["squad"] == "platform");
    CHECK(items[5]["started"].is_null());
    CHECK(items[1]["slip_days"] == 10);
  }

  SUBCASE("table, csv and markdown show missing as a dash or blank")
  {
    const std::string table = render_metrics_table(m);
    CHECK(table.find("PERIOD") == 0);
    CHECK(table.find("2026-01  platform        0        \xe2\x80\x93") != std::string::npos);
    const std::string csv = render_metrics_csv(m);
    CHECK(csv.find("2026-01,platform,0,,,,,1,,0,0,,1,0,0%,0%\n") != std::string::npos);
    const std::string md = render_metrics_markdown(m);
    CHECK(md.find("| 2026-02 | (all) | 2 | 29 | 37.4 | 46 | 46 | 2 | \xe2\x80\x93 | 1 | 14 | 100% | 2 | 0 | 0% | 33% |")
          != std::string::npos);
  }

  SUBCASE("a width leaves out the columns read least until every line fits")
  {
    const std::string whole = render_metrics_table(m);
    std::vector<std::string> left_out;
    CHECK(render_metrics_table(m, 1000, &left_out) == whole);
    CHECK(left_out.empty());
    const std::string narrow = render_metrics_table(m, 80, &left_out);
    size_t widest = 0;
    for (size_t a = 0, b = narrow.find('\n'); b != std::string::npos; a = b + 1, b = narrow.find('\n', a)) {
      widest = std::max(widest, static_cast<size_t>(display_width(narrow.substr(a, b - a))));
    }
    CHECK(widest <= 80);
    REQUIRE(left_out.size() >= 2);
    CHECK(left_out[0] == "LEAD85");
    CHECK(left_out[1] == "LEAD50");
    CHECK(narrow.find("LEAD85") == std::string::npos);
    CHECK(narrow.find("PREDICT") != std::string::npos);
    CHECK(narrow.find("CYCLE50") != std::string::npos);
    // However narrow, the five columns that matter most stay.
    left_out.clear();
    const std::string tiny = render_metrics_table(m, 10, &left_out);
    CHECK(left_out.size() == 11);
    CHECK(tiny.substr(0, tiny.find('\n')) == "PERIOD   SQUAD     SHIPPED  CYCLE50  PREDICT");
  }
}

TEST_CASE("the replay parses each blob once")
{
  TempRepo r;
  build_history(r);
  Repository repo = Repository::open(r.dir);
  History history(repo, r.dir, "");
  Workspace ws = load_workspace(r.dir, {SourceFile{"pops.yaml", k_config}}, 1);
  MetricsOptions o;
  o.until = d("2026-03-31");
  size_t calls = 0;
  size_t last_total = 0;
  compute_metrics(history, "HEAD", ws.config, o, [&](size_t done, size_t total) {
    ++calls;
    CHECK(done == calls);
    last_total = total;
  });
  CHECK(calls == 6);
  CHECK(last_total == 6);
  // pops.yaml 1, payments.yaml 6 versions, platform.yaml 4, the PRD 2, two feedback files 1 each.
  CHECK(history.parsed_blobs() == 15);
}

TEST_CASE("metrics by quarter, cut at --until, since, and for one squad")
{
  TempRepo r;
  build_history(r);
  SUBCASE("quarter")
  {
    MetricsOptions o;
    o.period = PeriodKind::quarter;
    o.until = d("2026-03-31");
    const Metrics m = run(r, o);
    REQUIRE(m.rows.size() == 3);
    const PeriodMetrics& all = row(m, "2026-Q1", "");
    CHECK(all.shipped == 3);
    CHECK(*all.cycle_median == doctest::Approx(20));
    CHECK(*all.cycle_p85 == doctest::Approx(34.7));
    CHECK(all.slipped == 2);
    CHECK(all.slip_days == 24);
    CHECK(all.added == 6);
    CHECK(all.dropped == 2);
    CHECK_FALSE(all.predictability.has_value());
  }
  SUBCASE("until leaves later commits out")
  {
    MetricsOptions o;
    o.until = d("2026-02-25");
    const Metrics m = run(r, o);
    REQUIRE(m.rows.size() == 6);
    const PeriodMetrics& feb = row(m, "2026-02", "");
    CHECK(feb.end == d("2026-02-25"));
    CHECK(feb.shipped == 2);
    CHECK(item(m, "PAY-4").status == "in-progress");
    CHECK(item(m, "PLAT-2").status == "planned");
  }
  SUBCASE("a period still running has no predictability yet; complete ones keep theirs")
  {
    MetricsOptions o;
    o.until = d("2026-03-02");
    const Metrics m = run(r, o);
    const PeriodMetrics& mar = row(m, "2026-03", "");
    CHECK_FALSE(mar.complete);
    CHECK(mar.committed > 0);  // something was committed, and nothing of it shipped in two days
    CHECK_FALSE(mar.predictability.has_value());
    MetricsOptions whole;
    whole.until = d("2026-03-31");
    const Metrics full = run(r, whole);
    CHECK(row(m, "2026-02", "").complete);
    CHECK(row(m, "2026-02", "").predictability == row(full, "2026-02", "").predictability);
    CHECK(row(full, "2026-03", "").complete);
    CHECK(row(full, "2026-03", "").predictability.has_value());
  }
  SUBCASE("since starts at its period and leaves out items shipped before")
  {
    MetricsOptions o;
    o.since = d("2026-02-10");
    o.until = d("2026-03-31");
    const Metrics m = run(r, o);
    CHECK(*m.since == d("2026-02-01"));
    REQUIRE(m.rows.size() == 6);
    CHECK(m.rows.front().period == "2026-02");
    CHECK(m.items.size() == 5);  // PAY-2 shipped in January
    REQUIRE(m.slips.size() == 1);
    CHECK(m.slips[0].id == "PAY-1");
  }
  SUBCASE("one squad: its rows, and every item that was ever in it")
  {
    MetricsOptions o;
    o.until = d("2026-03-31");
    o.squads = {"platform"};
    const Metrics m = run(r, o);
    CHECK(m.squads == std::vector<std::string>{"platform"});
    REQUIRE(m.rows.size() == 3);
    CHECK(row(m, "2026-02", "platform").shipped == 1);
    REQUIRE(m.items.size() == 3);
    CHECK(m.items[0].id == "PAY-3");
    CHECK(m.items[1].id == "PLAT-1");
  }
  SUBCASE("until before the history: no rows")
  {
    MetricsOptions o;
    o.until = d("2025-12-31");
    const Metrics m = run(r, o);
    CHECK(m.rows.empty());
    CHECK_FALSE(m.since.has_value());
  }
}

TEST_CASE("metrics of an empty repository")
{
  TempRepo r;
  MetricsOptions o;
  o.until = d("2026-03-31");
  const Metrics m = run(r, o);
  CHECK(m.rows.empty());
  CHECK(m.items.empty());
  CHECK(m.commits == 0);
}

TEST_CASE("a file that does not parse for a while, an item first seen shipped, a shipped item deleted")
{
  TempRepo r;
  r.commit({{"pops.yaml", k_config}, {"roadmap/a.yaml", R"(squad: payments
items:
  - {id: PAY-1, title: Refunds, status: in-progress, horizon: now}
  - {id: PAY-2, title: Old, status: shipped, horizon: now}
)"}},
           "2026-01-05");
  r.commit({{"roadmap/a.yaml", "squad: payments\nitems:\n  - {id: PAY-1, title: [broken\n"}}, "2026-01-10");
  r.commit({{"roadmap/a.yaml", R"(squad: payments
items:
  - {id: PAY-1, title: Refunds, status: shipped, horizon: now}
)"}},
           "2026-01-15");
  MetricsOptions o;
  o.until = d("2026-01-31");
  const Metrics m = run(r, o);
  const PeriodMetrics& all = row(m, "2026-01", "");
  CHECK(all.added == 2);
  CHECK(all.dropped == 0);  // PAY-1 came back; PAY-2 was shipped when it was deleted
  CHECK(all.shipped == 1);  // PAY-1 only: when PAY-2 shipped is not known
  CHECK(*all.cycle_median == doctest::Approx(10));
  const ItemFacts& p1 = item(m, "PAY-1");
  CHECK(*p1.first_seen == d("2026-01-05"));
  CHECK(*p1.shipped == d("2026-01-15"));
  CHECK(*p1.lead_days == 10);
  const ItemFacts& p2 = item(m, "PAY-2");
  CHECK_FALSE(p2.shipped.has_value());
  CHECK_FALSE(p2.lead_days.has_value());
}

TEST_CASE("a move under a new id: the old one deleted or dropped, read whole or in place; a moved_from that is no move")
{
  for (const bool whole : {false, true}) {
    for (const bool deleted : {false, true}) {
      CAPTURE(whole);
      CAPTURE(deleted);
      TempRepo r;
      r.commit({{"pops.yaml", k_config},
                {"roadmap/a.yaml", "squad: payments\nitems:\n  - {id: PAY-1, title: Refunds, status: planned}\n"
                                   "  - {id: PAY-2, title: Stays, status: planned}\n"},
                {"roadmap/b.yaml", "squad: platform\nitems:\n  - {id: PLAT-1, title: Queues, status: planned}\n"}},
               "2026-01-05");
      r.commit({{"roadmap/a.yaml", "squad: payments\nitems:\n  - {id: PAY-1, title: Refunds, status: in-progress}\n"
                                   "  - {id: PAY-2, title: Stays, status: planned}\n"}},
               "2026-01-10");
      r.commit({{"roadmap/a.yaml",
                 std::string("squad: payments\nitems:\n")
                   + (deleted ? "" : "  - {id: PAY-1, title: Refunds, status: dropped, dropped_reason: moved}\n")
                   + "  - {id: PAY-2, title: Stays, status: planned}\n"},
                {"roadmap/b.yaml", "squad: platform\nitems:\n  - {id: PLAT-1, title: Queues, status: planned}\n"
                                   "  - {id: PLAT-2, title: Refunds, status: in-progress, moved_from: PAY-1}\n"
                                   "  - {id: PLAT-3, title: Copy, status: planned, moved_from: PAY-2}\n"}},
               "2026-02-02");
      r.commit({{"roadmap/b.yaml", "squad: platform\nitems:\n  - {id: PLAT-1, title: Queues, status: planned}\n"
                                   "  - {id: PLAT-2, title: Refunds, status: shipped, moved_from: PAY-1}\n"
                                   "  - {id: PLAT-3, title: Copy, status: planned, moved_from: PAY-2}\n"}},
               "2026-02-12");
      MetricsOptions o;
      o.until = d("2026-02-28");
      o.whole_files = whole;
      const Metrics m = run(r, o);
      const PeriodMetrics& feb = row(m, "2026-02", "");
      CHECK(feb.added == 1);    // PLAT-3 only: PAY-2 is still live, so it is no move
      CHECK(feb.dropped == 0);  // PAY-1 was moved
      CHECK(feb.shipped == 1);
      CHECK(*feb.cycle_median == doctest::Approx(33));  // 01-10 .. 02-12
      CHECK(row(m, "2026-02", "payments").dropped == 0);
      CHECK(row(m, "2026-02", "platform").added == 1);
      const ItemFacts& p = item(m, "PLAT-2");
      CHECK(p.moved_from == "PAY-1");
      CHECK(*p.first_seen == d("2026-01-05"));
      CHECK(*p.lead_days == 38);
      CHECK(p.squads == std::vector<std::string>{"payments", "platform"});
      CHECK(std::none_of(m.items.begin(), m.items.end(), [](const ItemFacts& f) { return f.id == "PAY-1"; }));
      CHECK(item(m, "PLAT-3").moved_from.empty());
      CHECK(*item(m, "PLAT-3").first_seen == d("2026-02-02"));
    }
  }
}
