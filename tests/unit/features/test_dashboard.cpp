#include "features/dashboard.h"
#include "workspace/workspace.h"

#include <doctest/doctest.h>

#include <string>

using namespace pops;

namespace {

Workspace sample()
{
  return load_workspace("/ws",
                        {{"pops.yaml", R"(version: 1
product: "Acme <Cloud> & Co"
squads:
  payments: {prefix: PAY, wip_limit: 2}
  platform: {prefix: PLAT}
people:
  alice: {name: Alice, squad: payments}
  bo: {name: Bo, squad: platform}
rituals:
  review: {cadence: {every: 2 weeks}}
)"},
                         {"roadmap/a.yaml", R"(items:
  - {id: PAY-1, title: "<b>Refunds</b>", status: in-progress, horizon: now, squad: payments}
  - {id: PAY-2, title: Payouts, status: shipped, horizon: now, squad: payments}
  - {id: PLAT-1, title: Queues, status: planned, horizon: next, squad: platform}
)"},
                         {"feedback/f.yaml", R"(entries:
  - {id: FB-1, date: 2026-10-01, source: sales, customer: Acme, arr: 100, summary: a, items: [PAY-1]}
  - {id: FB-2, date: 2026-10-05, source: sales, customer: Acme, arr: 300, summary: b, items: [PAY-1, PLAT-1]}
  - {id: FB-3, date: 2026-10-03, source: sales, customer: Beta, summary: c, items: [PAY-1]}
  - {id: FB-4, date: 2026-10-03, source: sales, summary: d, items: [PLAT-1, PLAT-1]}
  - {id: FB-5, date: 2026-10-04, source: sales, customer: Gamma, arr: 50, summary: e, items: [PLAT-1]}
)"},
                         {"rituals/review/2026-11-19.md", R"(---
ritual: review
date: 2026-11-19
actions:
  - {what: Later, owner: bo, due: 2026-12-01}
  - {what: Undated, owner: alice}
  - {what: Late, owner: alice, due: 2026-11-20, done: false}
  - {what: Done, owner: bo, due: 2026-11-01, done: true}
---
# Review
)"}},
                        1);
}

}  // namespace

TEST_CASE("dashboard: status, demand with each customer once, actions by due date")
{
  const Workspace ws = sample();
  Metrics m;
  m.squads = {"payments", "platform"};
  m.until = *parse_date("2026-11-30");
  const Dashboard d = build_dashboard(ws, m, {}, *parse_date("2026-11-22"));
  CHECK(d.product == "Acme <Cloud> & Co");
  CHECK(d.open_items == 2);
  CHECK(d.feedback_entries == 5);
  REQUIRE(d.statuses.size() == 6);
  CHECK(d.status_counts[0][3] == 1);  // payments in-progress
  CHECK(d.status_counts[0][4] == 1);  // payments shipped
  CHECK(d.status_counts[1][2] == 1);  // platform planned

  // PLAT-1: Acme (latest ARR 300) + Gamma (50) = 350 from 3 entries (FB-4 lists it twice: once);
  // PAY-1: Acme 300 + Beta (no ARR) = 300.
  REQUIRE(d.demand.size() == 2);
  CHECK(d.demand[0].item->id.value == "PLAT-1");
  CHECK(*d.demand[0].arr == doctest::Approx(350));
  CHECK(d.demand[0].customers == std::vector<std::string>{"Acme", "Gamma"});
  CHECK(d.demand[0].entries == 3);
  CHECK(d.demand[1].item->id.value == "PAY-1");
  CHECK(*d.demand[1].arr == doctest::Approx(300));
  CHECK(d.demand[1].customers.size() == 2);

  REQUIRE(d.actions.size() == 3);
  CHECK(d.actions[0].action->what.value == "Late");
  CHECK(d.actions[0].overdue);
  CHECK(d.actions[1].action->what.value == "Later");
  CHECK_FALSE(d.actions[1].overdue);
  CHECK(d.actions[2].action->what.value == "Undated");

  // The board keeps open items: Now holds PAY-1, Next PLAT-1.
  REQUIRE(d.board.size() >= 2);
  CHECK(d.board[0].horizon == "now");
  CHECK(d.board[0].items.size() == 1);

  const std::string html = render_dashboard_html(d, m);
  CHECK(html.find("<h1>Acme &lt;Cloud&gt; &amp; Co</h1>") != std::string::npos);
  CHECK(html.find("&lt;b&gt;Refunds&lt;/b&gt;") != std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find("<td class=\"n\">350</td>") != std::string::npos);
  CHECK(html.find("No history in the window.") != std::string::npos);
  CHECK(html.find("No history up to 2026-11-30 yet (committer dates)") != std::string::npos);
  CHECK(html.find("<div class=\"v\">\xe2\x80\x93</div><div class=\"k\">shipped in the window</div>")
        != std::string::npos);
  CHECK(html.find("<rect class=\"seg s-in-progress\" width=\"10\"") != std::string::npos);  // legend
  const std::string md = render_dashboard_markdown(d, m);
  CHECK(md.find("# Acme &lt;Cloud&gt; &amp; Co") == 0);
  CHECK(md.find("| PLAT-1 Queues | planned | 2 | 350 | 3 | Acme, Gamma |") != std::string::npos);
  CHECK(md.find("| 2026-11-20 (overdue) | Late | alice | review 2026-11-19 |") != std::string::npos);
}

TEST_CASE("dashboard for one squad: its items, demand and its people's actions")
{
  const Workspace ws = sample();
  Metrics m;
  m.squads = {"payments"};
  const Dashboard d = build_dashboard(ws, m, {"payments"}, *parse_date("2026-11-22"));
  CHECK(d.open_items == 1);
  REQUIRE(d.demand.size() == 1);
  CHECK(d.demand[0].item->id.value == "PAY-1");
  REQUIRE(d.actions.size() == 2);  // alice's
  for (const auto& a : d.actions) {
    CHECK(a.action->owner.value == "alice");
  }
}

namespace {

PeriodMetrics row(const char* period, const char* squad, bool complete, int shipped, int committed, int done)
{
  PeriodMetrics p;
  p.period = period;
  p.squad = squad;
  p.complete = complete;
  p.shipped = shipped;
  p.committed = committed;
  p.committed_shipped = done;
  if (complete && committed > 0) {
    p.predictability = static_cast<double>(done) / committed;
  }
  return p;
}

}  // namespace

TEST_CASE("dashboard: trends of the portfolio by period, predictability of the last complete period")
{
  const Workspace ws = sample();
  Metrics m;
  m.squads = {"payments", "platform"};
  m.since = *parse_date("2026-10-01");
  m.until = *parse_date("2026-11-02");  // two days into November
  PeriodMetrics oct = row("2026-10", "", true, 3, 4, 3);
  oct.cycle_median = 10;
  oct.cycle_p85 = 20;
  oct.slipped = 1;
  m.rows = {oct,
            row("2026-10", "payments", true, 2, 3, 2),
            row("2026-10", "platform", true, 1, 1, 1),
            row("2026-11", "", false, 0, 5, 0),
            row("2026-11", "payments", false, 0, 3, 0),
            row("2026-11", "platform", false, 0, 2, 0)};
  const Dashboard d = build_dashboard(ws, m, {}, *parse_date("2026-11-02"));
  const std::string html = render_dashboard_html(d, m);
  // November has 0 of 5 shipped two days in: not 0%, the card keeps October's 3 of 4.
  CHECK(html.find("<div class=\"v\">75%</div><div class=\"k\">predictability</div>"
                  "<div class=\"d\">2026-10: 3 of 4 shipped</div>")
        != std::string::npos);
  CHECK(html.find("<section id=\"trends\">") != std::string::npos);
  CHECK(html.find("<title>2026-10: 3 shipped</title>") != std::string::npos);
  CHECK(html.find("<title>2026-11: 0 shipped (so far)</title>") != std::string::npos);
  CHECK(html.find("<title>p50 2026-10: 10 days</title>") != std::string::npos);
  CHECK(html.find("<title>p85 2026-10: 20 days</title>") != std::string::npos);
  CHECK(html.find("<title>predictability 2026-10: 75%</title>") != std::string::npos);
  CHECK(html.find("predictability 2026-11") == std::string::npos);                      // a running month has no point
  CHECK(html.find("<title>payments 2026-10: 2 shipped</title>") != std::string::npos);  // per squad
  CHECK(html.find("No open item's latest update is at risk or off track.") != std::string::npos);
  // Every table scrolls in its own box; nothing outside asks for a script.
  size_t tables = 0, boxed = 0;
  for (size_t at = 0; (at = html.find("<table>", at)) != std::string::npos; ++at) {
    ++tables;
  }
  for (size_t at = 0; (at = html.find("<div class=\"scroll\"><table>", at)) != std::string::npos; ++at) {
    ++boxed;
  }
  CHECK(tables > 3);
  CHECK(boxed == tables);
  CHECK(html.find("<script") == std::string::npos);

  const std::string md = render_dashboard_markdown(d, m);
  CHECK(md.find("| 2026-10 | 3 | 10 | 20 | 75% | 1 |\n") != std::string::npos);
  CHECK(md.find("| 2026-11 (so far) | 0 | \xe2\x80\x93 | \xe2\x80\x93 | n/a, running | 0 |\n") != std::string::npos);
  CHECK(md.find("| predictability (2026-10: 3 of 4 shipped) | 75% |") != std::string::npos);
}

TEST_CASE("dashboard: no complete period with items due says n/a, not 0%")
{
  const Workspace ws = sample();
  Metrics m;
  m.squads = {"payments", "platform"};
  m.since = *parse_date("2026-11-01");
  m.until = *parse_date("2026-11-02");
  m.rows = {row("2026-11", "", false, 0, 9, 0), row("2026-11", "payments", false, 0, 9, 0),
            row("2026-11", "platform", false, 0, 0, 0)};
  const Dashboard d = build_dashboard(ws, m, {}, *parse_date("2026-11-02"));
  const std::string html = render_dashboard_html(d, m);
  CHECK(html.find("<div class=\"v\">n/a</div><div class=\"k\">predictability</div>"
                  "<div class=\"d\">no complete period had items due</div>")
        != std::string::npos);
  CHECK(html.find(">0%<") == std::string::npos);
}
