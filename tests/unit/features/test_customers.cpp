// `pops customer list|show` (lib/features/customers.cpp): each customer once, records first named
// by name or alias, ARR and segment from the record else the entries, feedback by date, items once.

#include "features/customers.h"

#include "../helpers.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace pops;

namespace {

Workspace sample()
{
  return pops::test::load_clean(
    {{"pops.yaml", "version: 1\nproduct: T\nsquads:\n  payments: {prefix: PAY}\nfeedback_sources: [sales]\n"},
     {"customers.yaml", "customers:\n  - {name: Globex, aliases: [Globex Retail], segment: enterprise, arr: 310000}\n"
                        "  - {name: initech}\n"},
     {"roadmap/p.yaml", "squad: payments\nitems:\n  - {id: PAY-1, title: A, status: idea}\n"
                        "  - {id: PAY-2, title: B, status: idea}\n"},
     {"feedback/f.yaml",
      "entries:\n"
      "  - {id: FB-3, date: 2026-11-05, source: sales, customer: 'GLOBEX RETAIL, Inc.', summary: s, items: [PAY-2]}\n"
      "  - {id: FB-1, date: 2026-11-01, source: sales, customer: Globex, summary: s, segment: smb, arr: 5, items: "
      "[PAY-2, PAY-1]}\n"
      "  - {id: FB-2, date: 2026-11-02, source: sales, customer: Acme, summary: s, segment: smb, arr: 1000}\n"
      "  - {id: FB-4, date: 2026-11-09, source: sales, customer: ' ACME ', summary: s, segment: mid, items: [PAY-1]}\n"
      "  - {id: FB-5, date: 2026-11-03, source: sales, summary: no customer}\n"}});
}

std::vector<std::string> ids(const std::vector<const Feedback*>& v)
{
  std::vector<std::string> out;
  for (const Feedback* f : v) {
    out.push_back(f->id.value);
  }
  return out;
}

}  // namespace

TEST_CASE("each customer once, sorted by name ignoring case, records and names of feedback alike")
{
  const Workspace ws = sample();
  const auto c = customer_summaries(ws);
  REQUIRE(c.size() == 3);
  CHECK(c[0].name == "Acme");
  CHECK(c[1].name == "Globex");
  CHECK(c[2].name == "initech");
  CHECK(c[0].record == nullptr);
  CHECK(c[1].record != nullptr);
}

TEST_CASE("a record: its segment and ARR win; its feedback by name and alias, by date; items once, sorted")
{
  const Workspace ws = sample();  // the summaries point into it
  const auto c = customer_summaries(ws);
  const CustomerSummary& g = c[1];
  CHECK(g.segment == "enterprise");
  REQUIRE(g.arr.has_value());
  CHECK(*g.arr == 310000);
  CHECK(g.arr_from == "customers.yaml");
  CHECK(ids(g.feedback) == std::vector<std::string>{"FB-1", "FB-3"});
  CHECK(g.items == std::vector<std::string>{"PAY-1", "PAY-2"});
  // A record no entry names, with nothing stated.
  CHECK(c[2].feedback.empty());
  CHECK_FALSE(c[2].arr.has_value());
  CHECK(c[2].segment.empty());
}

TEST_CASE("a customer of feedback only: case and spaces set aside, the latest segment, the ARR an entry states")
{
  const Workspace ws = sample();  // the summaries point into it
  const auto c = customer_summaries(ws);
  const CustomerSummary& a = c[0];
  CHECK(a.name == "Acme");  // as first written
  CHECK(ids(a.feedback) == std::vector<std::string>{"FB-2", "FB-4"});
  CHECK(a.segment == "mid");
  REQUIRE(a.arr.has_value());
  CHECK(*a.arr == 1000);
  CHECK(a.arr_from == "FB-2");
  CHECK(a.items == std::vector<std::string>{"PAY-1"});
}
