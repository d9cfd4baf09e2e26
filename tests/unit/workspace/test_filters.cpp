// The one check of filter values (lib/workspace/filters.cpp): known values from pops.yaml and the
// files, and the message for an unknown one (did you mean, the known list, quarters).

#include "workspace/filters.h"

#include "../helpers.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace pops;
using V = pops::test::Lines;

namespace {

Workspace sample()
{
  return pops::test::load_clean(
    {{"pops.yaml", "version: 1\nproduct: T\nsquads:\n  payments: {prefix: PAY}\n  platform: {prefix: PLAT}\n"
                   "people:\n  alice: {name: Alice}\n  bo: {name: Bo}\nfeedback_sources: [sales]\n"},
     {"roadmap/p.yaml", "squad: payments\nitems:\n"
                        "  - {id: PAY-1, title: A, status: idea, owner: alice, tags: [refunds, eu]}\n"
                        "  - {id: PAY-2, title: B, status: planned, tags: [eu]}\n"},
     {"feedback/f.yaml", "entries:\n  - {id: FB-1, date: 2026-11-01, source: sales, summary: S, tags: [pricing]}\n"}});
}

}  // namespace

TEST_CASE("known values: what pops.yaml declares first, then what the files use, each once")
{
  const Workspace ws = sample();
  CHECK(known_values(ws, FilterKind::squad) == V{"payments", "platform"});
  CHECK(known_values(ws, FilterKind::status) == V{"idea", "discovery", "planned", "in-progress", "shipped", "dropped"});
  CHECK(known_values(ws, FilterKind::horizon) == V{"now", "next", "later"});
  CHECK(known_values(ws, FilterKind::owner) == V{"alice", "bo"});
  CHECK(known_values(ws, FilterKind::tag) == V{"refunds", "eu", "pricing"});
  CHECK(known_values(ws, FilterKind::item) == V{"PAY-1", "PAY-2"});
}

TEST_CASE("unknown values: a did-you-mean when one is close, else the known values")
{
  const Workspace ws = sample();
  CHECK(unknown_value(ws, FilterKind::squad, {"payments"}).empty());
  CHECK(unknown_value(ws, FilterKind::squad, {}).empty());
  CHECK(unknown_value(ws, FilterKind::squad, {"payments", "paymnts"})
        == "unknown squad 'paymnts' (did you mean 'payments'?)");
  CHECK(unknown_value(ws, FilterKind::squad, {"zzz"}) == "unknown squad 'zzz'; known: payments, platform");
  CHECK(unknown_value(ws, FilterKind::squad, {""}) == "unknown squad ''; known: payments, platform");
  CHECK(unknown_value(ws, FilterKind::tag, {"pricng"}) == "unknown tag 'pricng' (did you mean 'pricing'?)");
  CHECK(unknown_value(ws, FilterKind::item, {"PAY-3"}).find("unknown item 'PAY-3'") == 0);
  // A terminal never gets the control characters of a value.
  CHECK(unknown_value(ws, FilterKind::owner, {"x\x1b[2Jy"}) == "unknown owner 'x?[2Jy'; known: alice, bo");
}

TEST_CASE("horizons: a quarter is always a value; the message offers one")
{
  const Workspace ws = sample();
  CHECK(unknown_value(ws, FilterKind::horizon, {"2027-Q1", "now"}).empty());
  CHECK(unknown_value(ws, FilterKind::horizon, {"2027-Q5"})
        == "unknown horizon '2027-Q5'; expected one of now, next, later or a quarter such as 2027-Q1");
  CHECK(unknown_value(ws, FilterKind::horizon, {"nxt"}) == "unknown horizon 'nxt' (did you mean 'next'?)");
  CHECK(unknown_value(V{"q"}, V{}, "horizon", true) == "unknown horizon 'q'; expected a quarter such as 2027-Q1");
}

TEST_CASE("the known list is cut after eight values")
{
  const V known{"a1", "b2", "c3", "d4", "e5", "f6", "g7", "h8", "i9"};
  CHECK(unknown_value(V{"zzzzzz"}, known, "tag") == "unknown tag 'zzzzzz'; known: a1, b2, c3, d4, e5, f6, g7, h8, ...");
  CHECK(unknown_value(V{"zzzzzz"}, V{}, "tag") == "unknown tag 'zzzzzz'");
}
