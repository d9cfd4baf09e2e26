// Customer records and names (lib/workspace/customers.cpp): folded words, the one normalized name,
// and finding a record by its name or an alias, however feedback spells it.

#include "workspace/customers.h"

#include "../helpers.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace pops;
using V = pops::test::Lines;

TEST_CASE("folded words: case, accents, inner dots and apostrophes, & as and, punctuation separates")
{
  CHECK(V(folded_words("Zürich Straße")) == V{"zurich", "strasse"});
  CHECK(V(folded_words("S.A. O'Brien & Sons")) == V{"sa", "obrien", "and", "sons"});
  CHECK(V(folded_words("Acme-Corp/EU,  Ltd.")) == V{"acme", "corp", "eu", "ltd"});
  CHECK(V(folded_words("株式会社 Ｘ")) == V{"株式会社", "Ｘ"});
  CHECK(folded_words("  ...  ").empty());
}

TEST_CASE("normalized names: legal forms at the end and a leading The set aside")
{
  CHECK(normalized_customer("The Globex Company") == "globex");
  CHECK(normalized_customer("Globex, Inc.") == normalized_customer("GLOBEX"));
  CHECK(normalized_customer("Globex Retail") == "globexretail");
  CHECK(normalized_customer("Inc") == "inc");
}

namespace {

const std::string k_customers = R"(customers:
  - name: Globex
    aliases: [Globex Retail]
    segment: enterprise
    arr: 310000
  - name: Initech
    aliases: [Globex]
)";

Workspace sample()
{
  return pops::test::load_clean(
    {{"pops.yaml", "version: 1\nproduct: T\nsquads:\n  payments: {prefix: PAY}\n"}, {"customers.yaml", k_customers}});
}

}  // namespace

TEST_CASE("find a record by its name or an alias, folded; a name wins over another record's alias")
{
  const Workspace ws = sample();
  REQUIRE(ws.customers.size() == 2);
  const CustomerIndex index(ws);
  CHECK_FALSE(index.empty());
  REQUIRE(index.find("GLOBEX, Inc.") != nullptr);
  CHECK(index.find("GLOBEX, Inc.")->name.value == "Globex");  // Initech's alias 'Globex' loses
  REQUIRE(index.find("globex retail") != nullptr);
  CHECK(index.find("globex retail")->name.value == "Globex");
  CHECK(index.find("Initech S.A.")->name.value == "Initech");
  CHECK(index.find("Hooli") == nullptr);
  CHECK(find_customer(ws, "The Globex Retail Company") == index.find("Globex Retail"));
  CHECK(find_customer(ws, "") == nullptr);
}

TEST_CASE("without customers.yaml the index is empty and finds nothing")
{
  const Workspace ws =
    pops::test::load_clean({{"pops.yaml", "version: 1\nproduct: T\nsquads:\n  payments: {prefix: PAY}\n"}});
  const CustomerIndex index(ws);
  CHECK(index.empty());
  CHECK(index.find("Globex") == nullptr);
}
