#include "check/check.h"
#include "check/rule_impl.h"
#include "workspace/workspace.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace pops;

TEST_CASE("customer names: case, punctuation, legal forms, white space and accents fold away")
{
  CHECK(normalized_customer("Globex") == "globex");
  CHECK(normalized_customer("GLOBEX, Inc.") == "globex");
  CHECK(normalized_customer("Globex Inc") == "globex");
  CHECK(normalized_customer("  Globex   Corp.  ") == "globex");
  CHECK(normalized_customer("Globex GmbH & Co. KG") == "globex");
  CHECK(normalized_customer("Initech S.A.") == "initech");
  CHECK(normalized_customer("Initech SA") == "initech");
  CHECK(normalized_customer("Acme Ltd.") == "acme");
  CHECK(normalized_customer("ACME LIMITED") == "acme");
  CHECK(normalized_customer("Acme, LLC") == "acme");
  CHECK(normalized_customer("The Acme Company") == "acme");
  CHECK(normalized_customer("Acme-Corp") == "acme");
  CHECK(normalized_customer("AcmeCorp") == "acmecorp");  // one word: not a legal form
  CHECK(normalized_customer("Zürich Versicherung AG") == "zurichversicherung");
  CHECK(normalized_customer("ZURICH VERSICHERUNG") == "zurichversicherung");
  CHECK(normalized_customer("Straße Bau GmbH") == "strassebau");
  CHECK(normalized_customer("Łódź Logistics") == "lodzlogistics");
  CHECK(normalized_customer("Société Générale S.A.") == "societegenerale");
  CHECK(normalized_customer("O'Brien & Sons") == "obrienandsons");
  CHECK(normalized_customer("O\xE2\x80\x99"
                            "Brien & Sons")
        == "obrienandsons");  // typographic apostrophe
  CHECK(normalized_customer("Acme\xC2\xA0"
                            "Corp")
        == "acme");                                                        // no-break space
  CHECK(normalized_customer("Acme \xE2\x80\x94 Retail") == "acmeretail");  // em dash
  CHECK(normalized_customer("株式会社 Ｘ") == "株式会社Ｘ");               // other scripts are kept as written
  CHECK(normalized_customer("Inc") == "inc");                              // a name that is only a legal form stays
  CHECK(normalized_customer("...") == "");
  CHECK(normalized_customer("Globex Retail") != normalized_customer("Globex"));
}

TEST_CASE("text similarity is the overlap of folded words")
{
  CHECK(text_similarity("Refunds take 20 minutes", "refunds TAKE 20 minutes!") == 1.0);
  // {refunds, take, 20, minutes} and {refunds, take, 20, minutes, each}: 4 of 5
  CHECK(text_similarity("Refunds take 20 minutes", "Each refunds take 20 minutes") == doctest::Approx(0.8));
  // {want, csv, export} and {want, pdf, export}: 2 of 4
  CHECK(text_similarity("want CSV export", "want PDF export") == doctest::Approx(0.5));
  CHECK(text_similarity("", "") == 1.0);
  CHECK(text_similarity("a", "") == 0.0);
}

namespace {

const char* k_config = R"(version: 1
product: Test
squads:
  payments: {prefix: PAY}
feedback_sources: [sales, support]
)";

std::vector<Finding> findings_of(const std::string& entries, const std::string& rule)
{
  Workspace ws =
    load_workspace("/nowhere", {{"pops.yaml", k_config}, {"feedback/2026-11.yaml", "entries:\n" + entries}}, 1);
  REQUIRE(ws.findings.empty());
  CheckOptions o;
  o.today = *parse_date("2026-11-22");
  std::vector<Finding> out;
  for (const auto& f : check_workspace(ws, o).findings) {
    if (f.rule == rule) {
      out.push_back(f);
    }
  }
  return out;
}

std::vector<Finding> duplicates(const std::string& entries)
{
  Workspace ws =
    load_workspace("/nowhere", {{"pops.yaml", k_config}, {"feedback/2026-11.yaml", "entries:\n" + entries}}, 1);
  REQUIRE(ws.findings.empty());
  CheckOptions o;
  o.today = *parse_date("2026-11-22");
  std::vector<Finding> out;
  for (const auto& f : check_workspace(ws, o).findings) {
    if (f.rule == "feedback-duplicate") {
      out.push_back(f);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("feedback-duplicate: the same customer, nearly the same text, within 14 days")
{
  // FB-2 repeats FB-1: "Acme Corp" is "ACME", the words are the same, 3 days later.
  auto f = duplicates(
    "  - {id: FB-1, date: 2026-11-01, source: sales, customer: Acme Corp, quote: Refunds take 20 minutes}\n"
    "  - {id: FB-2, date: 2026-11-04, source: support, customer: ACME, quote: \"refunds take 20 minutes!\"}\n");
  REQUIRE(f.size() == 1);
  CHECK(f[0].loc.line == 3);
  CHECK(f[0].severity == Severity::warning);
  CHECK(f[0].message
        == "feedback FB-2 repeats FB-1 (feedback/2026-11.yaml:2): the same customer 'ACME', the same text, "
           "3 days apart; delete FB-2 if it is not committed yet, else tag it 'duplicate'");
  // The earlier entry written below the later one: the later date is the repeat.
  f = duplicates(
    "  - {id: FB-5, date: 2026-11-10, source: sales, customer: Globex, summary: Each refunds take 20 minutes}\n"
    "  - {id: FB-6, date: 2026-11-09, source: sales, customer: Globex Inc., summary: refunds take 20 minutes}\n");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message.starts_with("feedback FB-5 repeats FB-6 (feedback/2026-11.yaml:3): the same customer 'Globex', "
                                 "nearly the same text, 1 day apart"));
  // 15 days apart, another customer, other words (2 of 4 in common), or tagged duplicate: none.
  CHECK(duplicates("  - {id: FB-1, date: 2026-11-01, source: sales, customer: Acme, quote: Refunds are slow}\n"
                   "  - {id: FB-2, date: 2026-11-16, source: sales, customer: Acme, quote: Refunds are slow}\n")
          .empty());
  CHECK(duplicates("  - {id: FB-1, date: 2026-11-01, source: sales, customer: Acme, quote: Refunds are slow}\n"
                   "  - {id: FB-2, date: 2026-11-01, source: sales, customer: Acme Retail, quote: Refunds are slow}\n")
          .empty());
  CHECK(duplicates("  - {id: FB-1, date: 2026-11-01, source: sales, customer: Acme, quote: want CSV export}\n"
                   "  - {id: FB-2, date: 2026-11-02, source: sales, customer: Acme, quote: want PDF export}\n")
          .empty());
  CHECK(
    duplicates(
      "  - {id: FB-1, date: 2026-11-01, source: sales, customer: Acme, quote: Refunds are slow}\n"
      "  - {id: FB-2, date: 2026-11-01, source: sales, customer: Acme, quote: Refunds are slow, tags: [duplicate]}\n")
      .empty());
  // Three copies: each later one is reported once, against the first.
  f = duplicates("  - {id: FB-1, date: 2026-11-01, source: sales, customer: Acme, quote: Refunds are slow}\n"
                 "  - {id: FB-2, date: 2026-11-01, source: sales, customer: Acme, quote: Refunds are slow}\n"
                 "  - {id: FB-3, date: 2026-11-02, source: sales, customer: Acme, quote: Refunds are slow}\n");
  REQUIRE(f.size() == 2);
  CHECK(f[0].message.starts_with(
    "feedback FB-2 repeats FB-1 (feedback/2026-11.yaml:2): the same customer 'Acme', the same text, the same day"));
  CHECK(f[1].message.starts_with("feedback FB-3 repeats FB-1"));
}

TEST_CASE("customer-duplicate: numbers tell customers apart, and each name is reported once")
{
  auto entry = [](int n, const std::string& customer) {
    return "  - {id: FB-" + std::to_string(n) + ", date: 2026-11-01, source: sales, customer: \"" + customer
           + "\", quote: q" + std::to_string(n) + "}\n";
  };
  // Numbered names one or two letters apart are different customers.
  CHECK(findings_of(entry(1, "Store 12") + entry(2, "Store 13") + entry(3, "Customer 1908") + entry(4, "Customer 100")
                      + entry(5, "Customer 1003"),
                    "customer-duplicate")
          .empty());
  // The same digits with a letter off is still a near match.
  CHECK(findings_of(entry(1, "Store 12 North") + entry(2, "Stor 12 North"), "customer-duplicate").size() == 1);
  // 'Globx' is close to both 'Globex' (3 entries) and 'Globe' (1 entry): one finding, against the
  // group with most entries at the same distance.
  auto f =
    findings_of(entry(1, "Globex") + entry(2, "Globex") + entry(3, "Globex") + entry(4, "Globx") + entry(5, "Globe"),
                "customer-duplicate");
  int globx = 0;
  for (const auto& x : f) {
    if (x.message.starts_with("customer 'Globx'")) {
      ++globx;
      CHECK(x.message.find("is close to 'Globex' (3 entries") != std::string::npos);
    }
  }
  CHECK(globx == 1);
  // 300 numbered customers: no finding at all (it was one per pair of close numbers).
  std::string many;
  for (int i = 1; i <= 300; ++i) {
    many += entry(i, "Customer " + std::to_string(i));
  }
  CHECK(findings_of(many, "customer-duplicate").empty());
}
