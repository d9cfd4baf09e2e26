#include "features/suggest.h"
#include "workspace/workspace.h"

#include <doctest/doctest.h>

#include <algorithm>

#include <string>
#include <vector>

using namespace pops;

namespace {

Workspace ws_of(const std::string& roadmap, const std::string& feedback)
{
  Workspace ws =
    load_workspace("/nowhere",
                   {{"pops.yaml", "version: 1\nproduct: T\nsquads:\n  payments: {name: Payments, prefix: PAY}\n"},
                    {"roadmap/payments.yaml", "squad: payments\nitems:\n" + roadmap},
                    {"feedback/2026-11.yaml", "entries:\n" + feedback}},
                   1);
  REQUIRE(ws.findings.empty());
  return ws;
}

}  // namespace

TEST_CASE("suggest terms: case folded, common words out, endings cut")
{
  CHECK(suggest_terms("Refunds aren't PROCESSING; please fix the invoices")
        == std::vector<std::string>{"refund", "aren", "process", "fix", "invoice"});
  CHECK(suggest_terms("We need SSO with SAML") == std::vector<std::string>{"sso", "saml"});
  CHECK(suggest_terms("a 429 error") == std::vector<std::string>{"429", "error"});
}

TEST_CASE("suggest: the score is the cosine of TF-IDF vectors, by hand")
{
  // PAY-1 is {refund: 2 (title, weight 2), payment: 0.5 (squad name)}, PAY-2 {invoice: 2, payment: 0.5};
  // 2 documents: idf(refund) = ln(3/2) + 1 = 1.405465, idf(payment) = ln(3/3) + 1 = 1.
  // PAY-1: refund (1 + ln 2) * 1.405465 = 2.380375, payment 1 * 1 = 1; norm 2.581896.
  // The entry is {refund}: cosine = 2.380375 / 2.581896 = 0.921949 -> 0.92. PAY-2 shares no word.
  Workspace ws =
    ws_of("  - {id: PAY-1, title: Refunds, status: idea}\n  - {id: PAY-2, title: Invoices, status: idea}\n",
          "  - {id: FB-1, date: 2026-11-01, source: sales, customer: A, quote: Refunds please}\n");
  auto s = suggest_links(ws, {});
  REQUIRE(s.size() == 1);
  CHECK(s[0].feedback == "FB-1");
  REQUIRE(s[0].items.size() == 1);
  CHECK(s[0].items[0].id == "PAY-1");
  CHECK(s[0].items[0].score == 0.92);
  CHECK(s[0].items[0].why == std::vector<std::string>{"refunds"});
  CHECK_THROWS_AS(suggest_links(ws, {{"FB-9"}, false, 3}), std::invalid_argument);
}

TEST_CASE("suggest: a fixed corpus ranks the item asked for first; linked text counts, its own does not")
{
  const std::string roadmap =
    "  - {id: PAY-1, title: One-click refunds, status: planned, description: Refund a charge in one step, tags: "
    "[refunds]}\n"
    "  - {id: PAY-2, title: Invoice PDF branding, status: planned, description: Logo and footer on invoices}\n"
    "  - {id: PAY-3, title: Multi-currency pricing, status: planned, description: Prices in EUR and GBP}\n"
    "  - {id: PAY-4, title: Dunning emails, status: dropped, dropped_reason: later, description: Retry failed card "
    "payments}\n";
  const std::string feedback =
    "  - {id: FB-1, date: 2026-11-01, source: sales, customer: A, quote: Our finance team wants the logo on every "
    "invoice}\n"
    "  - {id: FB-2, date: 2026-11-02, source: sales, customer: B, quote: Buyers in Japan pay in yen, items: [PAY-3]}\n"
    "  - {id: FB-3, date: 2026-11-03, source: sales, customer: C, quote: We need prices in yen for Japan}\n"
    "  - {id: FB-4, date: 2026-11-04, source: sales, customer: D, quote: Reversing a charge takes ages, items: "
    "[PAY-1]}\n"
    "  - {id: FB-5, date: 2026-11-05, source: sales, customer: E, quote: Failed card payments are never retried}\n";
  Workspace ws = ws_of(roadmap, feedback);
  auto s = suggest_links(ws, {});
  REQUIRE(s.size() == 3);  // the unlinked ones: FB-1, FB-3, FB-5
  CHECK(s[0].feedback == "FB-1");
  REQUIRE(!s[0].items.empty());
  CHECK(s[0].items[0].id == "PAY-2");  // logo, invoice
  CHECK(s[1].feedback == "FB-3");
  REQUIRE(!s[1].items.empty());
  CHECK(s[1].items[0].id == "PAY-3");  // "yen" and "japan" come from FB-2, linked to PAY-3
  CHECK(std::find(s[1].items[0].why.begin(), s[1].items[0].why.end(), "yen") != s[1].items[0].why.end());
  CHECK(s[2].feedback == "FB-5");
  for (const auto& it : s[2].items) {
    CHECK(it.id != "PAY-4");  // dropped items are never suggested
  }
  // FB-4 with --include-linked: its own words do not count for PAY-1, "charge" of the description does.
  auto one = suggest_links(ws, {{"FB-4"}, false, 3});
  REQUIRE(one.size() == 1);
  REQUIRE(!one[0].items.empty());
  CHECK(one[0].items[0].id == "PAY-1");
  CHECK(one[0].items[0].why == std::vector<std::string>{"charge"});
  // Leave-one-out over FB-2 and FB-4: FB-2 has no word in common with PAY-3 without its own text
  // ("pay" is not "pricing"), FB-4 finds PAY-1 by "charge".
  const SuggestAccuracy a = suggest_accuracy(ws);
  CHECK(a.entries == 2);
  CHECK(a.top1 == 1);
  CHECK(a.top3 == 1);
}
