// Customer records: names found through aliases (the folding of customer-duplicate), ARR and segment
// from the record over the entries' (customer_arr, demand_of), and the merge plan.
#include "edit/customers.h"
#include "features/customers.h"
#include "features/insights.h"
#include "workspace/customers.h"
#include "workspace/workspace.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace pops;

namespace {

const char* k_config = R"(version: 1
product: Test
squads:
  payments: {prefix: PAY}
people:
  alice: {name: Alice}
feedback_sources: [sales, support]
)";

const char* k_feedback = R"(entries:
  - id: FB-1
    date: 2026-11-01
    source: sales
    customer: Globex
    segment: smb
    arr: 100000
    summary: one
    items: [PAY-1]
  - id: FB-2
    date: 2026-11-02
    source: sales
    customer: "GLOBEX RETAIL, Inc."
    summary: two
  - id: FB-3
    date: 2026-11-03
    source: support
    customer: Initech
    segment: mid-market
    arr: 40000
    summary: three
)";

const char* k_customers = R"(customers:
  - name: Globex
    aliases: [Globex Retail]
    segment: enterprise
    arr: 310000
  - name: Initech
)";

std::vector<SourceFile> files(bool with_records)
{
  std::vector<SourceFile> f = {
    {"feedback/2026-11.yaml", k_feedback},
    {"pops.yaml", k_config},
    {"roadmap/payments.yaml", "squad: payments\nitems:\n  - id: PAY-1\n    title: Refunds\n    status: planned\n"}};
  if (with_records) {
    f.insert(f.begin(), {"customers.yaml", k_customers});
  }
  return f;
}

}  // namespace

TEST_CASE("customer records: a name or an alias finds the record, folded as customer-duplicate folds")
{
  const Workspace ws = load_workspace("/nowhere", files(true), 1);
  REQUIRE(ws.findings.empty());
  REQUIRE(ws.customers.size() == 2);
  const CustomerIndex idx(ws);
  CHECK(idx.find("Globex") == &ws.customers[0]);
  CHECK(idx.find("globex, inc.") == &ws.customers[0]);
  CHECK(idx.find("GLOBEX RETAIL, Inc.") == &ws.customers[0]);
  CHECK(idx.find("Globex  Retail GmbH") == &ws.customers[0]);
  CHECK(idx.find("Initech S.A.") == &ws.customers[1]);
  CHECK(idx.find("Globex Europe") == nullptr);
  CHECK(idx.find("...") == nullptr);
  CHECK(find_customer(ws, "the globex") == &ws.customers[0]);
}

TEST_CASE("ARR and segment: the record's when it states them, else the entries'; an alias is one customer")
{
  const Workspace with = load_workspace("/nowhere", files(true), 1);
  const auto arr = customer_arr(with);
  REQUIRE(arr.count("globex"));
  CHECK(arr.at("globex").arr == 310000);
  CHECK(arr.at("globex").from == "customers.yaml");
  CHECK(arr.at("globex retail, inc.").arr == 310000);
  CHECK(arr.at("initech").arr == 40000);  // the record states none: the entry's
  CHECK(arr.at("initech").from == "FB-3");
  CHECK(segment_of(with.feedback[0], arr) == "enterprise");
  CHECK(segment_of(with.feedback[2], arr) == "mid-market");
  std::vector<const Feedback*> all;
  for (const auto& fb : with.feedback) {
    all.push_back(&fb);
  }
  const Demand d = demand_of(all, arr);
  CHECK(d.customers == 2);
  REQUIRE(d.arr);
  CHECK(*d.arr == 350000);
  REQUIRE(d.by_customer.size() == 2);
  CHECK(d.by_customer[0].first == "Globex");

  const Workspace without = load_workspace("/nowhere", files(false), 1);
  const auto arr2 = customer_arr(without);
  CHECK(arr2.at("globex").arr == 100000);
  CHECK(segment_of(without.feedback[0], arr2) == "smb");
  std::vector<const Feedback*> all2;
  for (const auto& fb : without.feedback) {
    all2.push_back(&fb);
  }
  CHECK(demand_of(all2, arr2).customers == 3);
}

TEST_CASE("customer summaries: each record with the feedback naming it by name or alias")
{
  const Workspace ws = load_workspace("/nowhere", files(true), 1);
  const auto s = customer_summaries(ws);
  REQUIRE(s.size() == 2);
  CHECK(s[0].name == "Globex");
  CHECK(s[0].feedback.size() == 2);
  CHECK(s[0].items == std::vector<std::string>{"PAY-1"});
  CHECK(s[0].segment == "enterprise");
  CHECK(s[1].name == "Initech");
  CHECK(s[1].segment == "mid-market");
}

TEST_CASE("merge plan: the entries naming B get A's name, nothing else changes, B is A's alias")
{
  const EditSession s = EditSession::of("/nowhere", files(true));
  const EditPlan p = plan_customer_merge(s, "initech", "Globex");
  REQUIRE(p.changes.size() == 2);
  const FileChange& fb = p.changes[0];
  CHECK(fb.path == "feedback/2026-11.yaml");
  std::string expect = k_feedback;
  expect.replace(expect.find("customer: Globex"), 16, "customer: Initech");
  expect.replace(expect.find("customer: \"GLOBEX RETAIL, Inc.\""), 31, "customer: \"Initech\"");  // its quotes kept
  CHECK(fb.after == expect);
  const FileChange& c = p.changes[1];
  CHECK(c.path == "customers.yaml");
  CHECK(c.after == "customers:\n  - name: Initech\n    aliases: [Globex, Globex Retail]\n");
  CHECK_THROWS_AS(plan_customer_merge(s, "Globex", "globex inc"), OpError);
}
