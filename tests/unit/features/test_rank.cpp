#include "features/rank.h"

#include "features/insights.h"
#include "edit/ops.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace pops;

namespace {

Workspace workspace(const std::string& scoring)
{
  const std::string config = "version: 1\nproduct: Test\nsquads:\n  payments: {prefix: PAY}\n" + scoring;
  const char* roadmap =
    "squad: payments\nitems:\n"
    "  - {id: PAY-1, title: A, status: planned, horizon: now, score: {reach: 100, impact: 2, confidence: 50%, effort: "
    "2}}\n"
    "  - {id: PAY-2, title: B, status: planned, horizon: later, score: {reach: 10, impact: 1, confidence: 1, effort: "
    "0}}\n"
    "  - {id: PAY-3, title: C, status: shipped, score: {reach: 1, impact: 1, confidence: 1, effort: 1}}\n";
  const char* feedback =
    "entries:\n"
    "  - {id: FB-1, date: 2026-11-01, source: support, customer: Acme, arr: 100, summary: x, items: [PAY-1]}\n"
    "  - {id: FB-2, date: 2026-11-02, source: support, customer: ACME, arr: 300, summary: x, items: [PAY-1]}\n"
    "  - {id: FB-3, date: 2026-11-03, source: support, customer: Hooli, summary: x, items: [PAY-1]}\n";
  return EditSession::of(
           "/ws", {{"pops.yaml", config}, {"roadmap/payments.yaml", roadmap}, {"feedback/2026-11.yaml", feedback}})
    .ws;
}

std::vector<Finding> schema_findings(const Workspace& ws)
{
  std::vector<Finding> out;
  std::copy_if(ws.findings.begin(), ws.findings.end(), std::back_inserter(out),
               [](const Finding& f) { return f.file == "pops.yaml"; });
  return out;
}

}  // namespace

TEST_CASE("rank: rice, missing and division by zero, closed items left out")
{
  Workspace ws = workspace("");
  Scoring s = read_scoring(ws.config);
  CHECK(s.default_model == "rice");
  auto r = rank_items(ws, *s.find("rice"), {});
  REQUIRE(r.size() == 2);
  CHECK(r[0].item->id.value == "PAY-1");
  CHECK(r[0].score == 50);
  CHECK(r[0].rank == 1);
  CHECK_FALSE(r[1].scored);
  CHECK(r[1].problem == "division by zero: effort is 0");
  auto ice = rank_items(ws, *s.find("ice"), {});
  CHECK(ice[0].problem == "missing ease");
  REQUIRE(ice[0].inputs.size() == 3);
  CHECK_FALSE(ice[0].inputs[2].value);
}

TEST_CASE("rank: a model with demand; terms add up; ARR once per customer")
{
  Workspace ws = workspace("scoring:\n  default: v\n  models:\n    v: reach * impact * confidence / effort + "
                           "demand.arr / 10 - demand.customers\n");
  CHECK(schema_findings(ws).empty());
  Scoring s = read_scoring(ws.config);
  CHECK(s.default_model == "v");
  auto e = explain_item(ws, *s.find("v"), "PAY-1");
  REQUIRE(e);
  REQUIRE(e->scored);
  // 100*2*0.5/2 = 50; Acme's latest ARR 300 counted once (Hooli unknown): 30; 2 customers.
  CHECK(e->score == 78);
  REQUIRE(e->terms.size() == 3);
  CHECK(e->terms[1].text == "demand.arr / 10");
  CHECK(e->terms[1].value == 30);
  CHECK(e->terms[2].value == -2);
  double sum = 0;
  for (const auto& t : e->terms) {
    sum += t.value;
  }
  CHECK(sum == e->score);
  CHECK(e->demand.arr == 300);
  CHECK(e->demand.customers == 2);
}

TEST_CASE("rank: scoring errors are schema findings at the column inside the expression")
{
  Workspace ws = workspace("scoring:\n  default: nope\n  models:\n    bad: reach * (effort\n    odd: demand.ar\n"
                           "    ice: reach\n    list: [a]\n  extra: 1\n");
  auto f = schema_findings(ws);
  auto has = [&](int line, int col, std::string_view text) {
    for (const auto& x : f) {
      if (x.loc.line == line && x.loc.column == col && x.message.find(text) != std::string::npos) {
        return true;
      }
    }
    return false;
  };
  CHECK(has(8, 18, "never closed"));
  CHECK(has(9, 10, "did you mean 'demand.arr'"));
  CHECK(has(10, 5, "built in"));
  CHECK(has(11, 11, "must be an expression"));
  CHECK(has(12, 3, "unknown key 'extra'"));
  CHECK(has(6, 12, "unknown scoring model 'nope'"));
  Scoring s = read_scoring(ws.config);
  CHECK_FALSE(s.find("bad"));
  CHECK(s.default_model == "rice");
}

TEST_CASE("rank: misaligned items")
{
  Workspace ws = workspace("");
  std::vector<RankedItem> r = rank_items(ws, *read_scoring(ws.config).find("rice"), {});
  CHECK(misaligned(r).empty());  // one scored item: nothing to compare
}
