#include "features/insights.h"

#include "edit/ops.h"

#include <doctest/doctest.h>

using namespace pops;

TEST_CASE("insights: ARR once per customer, trend, missing figures")
{
  const char* config = "version: 1\nproduct: Test\nsquads:\n  payments: {prefix: PAY}\n";
  const char* roadmap = "squad: payments\nitems:\n  - {id: PAY-1, title: A, status: planned, horizon: now}\n"
                        "  - {id: PAY-2, title: B, status: idea, horizon: later}\n";
  const char* feedback =
    "entries:\n"
    "  - {id: FB-1, date: 2026-10-05, source: support, customer: Acme, arr: 100, summary: x, items: [PAY-2]}\n"
    "  - {id: FB-2, date: 2026-11-02, source: support, customer: acme , arr: 300, summary: x, items: [PAY-2]}\n"
    "  - {id: FB-3, date: 2026-11-03, source: sales, customer: Acme, summary: x, items: [PAY-2]}\n"
    "  - {id: FB-4, date: 2026-11-04, source: sales, customer: Hooli, summary: x, tags: [t]}\n";
  Workspace ws =
    EditSession::of("/ws", {{"pops.yaml", config}, {"roadmap/p.yaml", roadmap}, {"feedback/f.yaml", feedback}}).ws;
  InsightOptions o;
  o.since = parse_date("2026-11-01");
  o.until = parse_date("2026-11-30");
  o.min_customers = 1;
  Insights r = compute_insights(ws, o);
  CHECK(format_date(r.prev_since) == "2026-10-02");
  REQUIRE(r.groups.size() == 1);
  CHECK(r.groups[0].key == "PAY-2");
  CHECK(r.groups[0].now.entries == 2);
  CHECK(r.groups[0].now.customers == 1);
  CHECK(*r.groups[0].now.arr == 300);
  CHECK(r.groups[0].before.entries == 1);
  CHECK(r.groups[0].trend == 1);
  CHECK(*r.groups[0].trend_pct == 100);
  REQUIRE(r.high_demand_later.size() == 1);
  REQUIRE(r.now_without_evidence.size() == 1);
  CHECK(r.now_without_evidence[0]->id.value == "PAY-1");
  REQUIRE(r.unlinked_by_tag.size() == 1);
  CHECK(r.unlinked_by_tag[0].first == "t");
  o.by = "source";
  Insights s = compute_insights(ws, o);
  REQUIRE(s.groups.size() == 2);
  // Same ARR (Acme's 300 once each), so more customers first.
  CHECK(s.groups[0].key == "sales");
  CHECK(s.groups[0].now.customers == 2);
  CHECK(*s.groups[0].now.arr == 300);
  CHECK(s.groups[1].key == "support");
  o.by = "customer";
  Insights c = compute_insights(ws, o);
  REQUIRE(c.groups.size() == 2);
  CHECK(c.groups[0].key == "Acme");
  CHECK(c.groups[1].key == "Hooli");
  CHECK_FALSE(c.groups[1].now.arr);  // no ARR known: missing, not 0
  o.by = "nope";
  CHECK_THROWS_AS(compute_insights(ws, o), std::invalid_argument);
}

TEST_CASE("feedback filter")
{
  const char* config = "version: 1\nproduct: Test\nsquads:\n  payments: {prefix: PAY}\n";
  const char* feedback = "entries:\n"
                         "  - {id: FB-2, date: 2026-11-02, source: support, customer: Acme, summary: x, tags: [a]}\n"
                         "  - {id: FB-1, date: 2026-11-02, source: support, customer: Globex, summary: x}\n";
  Workspace ws = EditSession::of("/ws", {{"pops.yaml", config}, {"feedback/f.yaml", feedback}}).ws;
  auto all = filter_feedback(ws, {});
  REQUIRE(all.size() == 2);
  CHECK(all[0]->id.value == "FB-1");  // same day: by id number
  FeedbackFilter f;
  f.customers = {"ACME"};
  CHECK(filter_feedback(ws, f).size() == 1);
  f = {};
  f.tags = {"a"};
  CHECK(filter_feedback(ws, f)[0]->id.value == "FB-2");
}

TEST_CASE("themes: the word most entries share first, greedily; an entry that shares nothing is in none")
{
  std::vector<Feedback> fb(6);
  const char* quotes[] = {"Refunds are slow", "Partial refunds please", "Refunds slow again",
                          "Export to CSV",    "CSV export broken",      "Dark mode"};
  std::vector<const Feedback*> entries;
  for (size_t i = 0; i < fb.size(); ++i) {
    fb[i].quote.value = quotes[i];
    fb[i].quote.set = true;
    entries.push_back(&fb[i]);
  }
  // refund: 3 entries -> theme "refunds" (its first word), with "slow" (2 of its entries); then csv
  // and export share 2 of the rest: csv, first alphabetically, with "export"; "Dark mode" is alone.
  const Themes t = feedback_themes(entries);
  CHECK(t.theme_of.at(&fb[0]) == "refunds");
  CHECK(t.theme_of.at(&fb[1]) == "refunds");
  CHECK(t.theme_of.at(&fb[2]) == "refunds");
  CHECK(t.theme_of.at(&fb[3]) == "csv");
  CHECK(t.theme_of.at(&fb[4]) == "csv");
  CHECK(t.theme_of.at(&fb[5]) == "");
  CHECK(t.words.at("refunds") == "slow");
  CHECK(t.words.at("csv") == "export");
  CHECK(t.words.size() == 2);
}
