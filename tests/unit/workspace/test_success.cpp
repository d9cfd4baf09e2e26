// Success targets (lib/workspace/success.cpp): parsing each form of target, and each state against
// a linked series, hand-computed (latest point, first point, percentages of ratios).

#include "workspace/success.h"

#include "../helpers.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace pops;

TEST_CASE("targets: comparisons, percentages, units, changes; anything else is not understood")
{
  auto t = parse_target("< 2%");
  REQUIRE(t);
  CHECK(t->op == Target::Op::lt);
  CHECK(t->number == 2);
  CHECK(t->percent);
  t = parse_target(">= 1,500");
  REQUIRE(t);
  CHECK(t->op == Target::Op::ge);
  CHECK(t->number == 1500);
  CHECK_FALSE(t->percent);
  t = parse_target("< 2 min");
  REQUIRE(t);
  CHECK(t->unit == "min");
  t = parse_target("+10%");
  REQUIRE(t);
  CHECK(t->op == Target::Op::rise);
  CHECK(t->percent);
  t = parse_target("-200");
  REQUIRE(t);
  CHECK(t->op == Target::Op::fall);
  CHECK(t->number == 200);
  t = parse_target("= 0");
  REQUIRE(t);
  CHECK(t->op == Target::Op::eq);
  CHECK_FALSE(parse_target("halve it"));
  CHECK_FALSE(parse_target(""));
  CHECK(state_name(TargetState::unknown_target) == "target not understood");
  CHECK(state_name(TargetState::not_met) == "not met");
}

namespace {

const std::string k_metrics = R"(series:
  - source: amplitude
    key: Refund Completed
    metric: uniques
    points: {2026-10-01: 400, 2026-10-20: 430, 2026-11-01: 450}
  - {source: amplitude, key: Refund Rate, metric: refund_rate, unit: "%", points: {2026-10-01: 2.5, 2026-11-01: 1.8}}
  - {source: pendo, key: Refund button, metric: ratio, points: {2026-11-01: 0.018}}
  - {source: pendo, key: Empty, metric: nothing}
)";

Workspace ws_with(const std::string& success)
{
  Workspace ws = pops::test::load_clean(
    {{"pops.yaml", "version: 1\nproduct: T\nsquads:\n  payments: {prefix: PAY}\n"},
     {"metrics/adoption.yaml", k_metrics},
     {"roadmap/p.yaml", "squad: payments\nitems:\n  - id: PAY-1\n    title: A\n    status: shipped\n"
                        "    links: {amplitude: Refund Completed, pendo: Refund button}\n"
                        "    success:\n"
                          + success}});
  REQUIRE(ws.items.size() == 1);
  return ws;
}

}  // namespace

TEST_CASE("a target against the latest point of the linked series named by its metric")
{
  const Workspace ws =
    ws_with("      - {metric: uniques, target: '>= 450'}\n      - {metric: uniques, target: '> 450'}\n");
  const auto s = evaluate_success(ws, ws.items[0]);
  REQUIRE(s.size() == 2);
  REQUIRE(s[0].series != nullptr);
  CHECK(s[0].series->key.value == "Refund Completed");
  CHECK(s[0].value == 450);
  CHECK(format_date(*s[0].date) == "2026-11-01");
  CHECK(s[0].shown == "450");
  CHECK(s[0].state == TargetState::met);
  CHECK(s[1].state == TargetState::not_met);
}

TEST_CASE("changes since the first point, and percentages of a ratio series")
{
  // 400 -> 450: +12.5%, +50.
  const Workspace ws = ws_with("      - {metric: uniques, target: '+12%'}\n      - {metric: uniques, target: '+13%'}\n"
                               "      - {metric: uniques, target: '+50'}\n      - {metric: ratio, target: '< 2%'}\n"
                               "      - {metric: ratio, target: '< 1.5%'}\n");
  const auto s = evaluate_success(ws, ws.items[0]);
  REQUIRE(s.size() == 5);
  CHECK(s[0].baseline == 400);
  CHECK(s[0].state == TargetState::met);
  CHECK(s[1].state == TargetState::not_met);
  CHECK(s[2].state == TargetState::met);
  CHECK(s[3].shown == "1.8%");  // 0.018 of a series without unit is 1.8%
  CHECK(s[3].state == TargetState::met);
  CHECK(s[4].state == TargetState::not_met);
}

TEST_CASE("no linked series by that name, or a target not understood")
{
  const Workspace ws =
    ws_with("      - {metric: signups, target: '> 1'}\n      - {metric: uniques, target: 'double it'}\n");
  const auto s = evaluate_success(ws, ws.items[0]);
  REQUIRE(s.size() == 2);
  CHECK(s[0].state == TargetState::no_data);
  CHECK(s[0].series == nullptr);
  CHECK_FALSE(s[0].note.empty());
  CHECK(s[1].state == TargetState::unknown_target);
}

TEST_CASE("the linked series of an item, and usage values with their unit")
{
  const Workspace ws = ws_with("      - {metric: uniques, target: '> 1'}\n");
  const auto linked = series_of_item(ws, ws.items[0]);
  REQUIRE(linked.size() == 2);
  CHECK(linked[0]->key.value == "Refund Completed");
  CHECK(linked[1]->key.value == "Refund button");
  CHECK(format_usage(412, "") == "412");
  CHECK(format_usage(1.8, "%") == "1.8%");
  CHECK(format_usage(41.25, "%") == "41.25%");
}
