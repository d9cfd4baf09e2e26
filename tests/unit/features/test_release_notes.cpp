// Release notes: the shipped facts of the window grouped by squad (pops.yaml order), with docs and
// the customers who asked (not for marketing); the JSON and the built-in template.

#include "features/release_notes.h"
#include "workspace/workspace.h"

#include <doctest/doctest.h>

using namespace pops;

namespace {

const char* k_config = R"(version: 1
product: Test Co
squads:
  payments: {name: Payments, prefix: PAY}
  platform: {name: Platform, prefix: PLAT}
)";

Workspace state(const char* pay1, const char* plat1)
{
  std::string pay = std::string("squad: payments\nitems:\n  - {id: PAY-1, title: One-click refunds, status: ") + pay1
                    + ", description: Refund from the order page}\n  - {id: PAY-2, title: Receipts, status: shipped}\n";
  std::string plat = std::string("squad: platform\nitems:\n  - {id: PLAT-1, title: Ledger, status: ") + plat1 + "}\n";
  return load_workspace(
    "/nowhere",
    {{"pops.yaml", k_config},
     {"roadmap/payments.yaml", pay},
     {"roadmap/platform.yaml", plat},
     {"feedback/2026.yaml", "entries:\n  - {id: FB-1, date: 2026-11-01, source: sales, customer: Globex, "
                            "summary: wants refunds, items: [PAY-1]}\n"}},
    1);
}

ItemFacts shipped(const char* id, const char* squad, const char* day)
{
  ItemFacts f;
  f.id = id;
  f.squad = squad;
  f.status = "shipped";
  f.shipped = parse_date(day);
  f.shipped_commit = std::string(40, 'a');
  return f;
}

}  // namespace

TEST_CASE("release notes: what shipped in the window, by squad, with the customers who asked")
{
  const Workspace from = state("in-progress", "in-progress");
  const Workspace to = state("shipped", "shipped");
  // PAY-2 is shipped in both states: not in the window's shipped facts, so not in the notes.
  const std::vector<ItemFacts> facts = {shipped("PLAT-1", "platform", "2026-11-05"),
                                        shipped("PAY-1", "payments", "2026-11-10")};
  const ReleaseNotes r = build_release_notes(from, to, *parse_date("2026-11-22"), facts, Audience::all);
  CHECK(r.count == 2);
  REQUIRE(r.squads.size() == 2);
  CHECK(r.squads[0].name == "Payments");  // pops.yaml order, not ship order
  REQUIRE(r.squads[0].items.size() == 1);
  CHECK(r.squads[0].items[0].id == "PAY-1");
  CHECK(r.squads[0].items[0].customers == std::vector<std::string>{"Globex"});
  CHECK(r.squads[1].items[0].id == "PLAT-1");

  const auto j = release_notes_data(r, false);
  CHECK(j["items"].size() == 2);
  CHECK(j["items"][0]["id"] == "PAY-1");
  CHECK(j["items"][0]["squad"] == "payments");
  CHECK(j["items"][0]["shipped"] == "2026-11-10");
  CHECK(j["items"][0]["description"] == "Refund from the order page");

  TemplateText t = *builtin_template("release-notes");
  ReleaseNotes spanned = r;
  spanned.span.since = "2026-11-01";
  const std::string md = render_release_notes_markdown(spanned, t);
  CHECK(md.find("# Test Co: release notes\n") != std::string::npos);
  CHECK(md.find("Shipped from 2026-11-01 (2 items).") != std::string::npos);
  CHECK(md.find("## Payments\n\n- **One-click refunds** (PAY-1), shipped 2026-11-10: Refund from the order page\n"
                "  - Asked for by Globex\n")
        != std::string::npos);

  const ReleaseNotes pub = build_release_notes(from, to, *parse_date("2026-11-22"), facts, Audience::marketing);
  CHECK(pub.squads[0].items[0].customers.empty());
  CHECK(render_release_notes_markdown(pub, t).find("Globex") == std::string::npos);

  const ReleaseNotes none = build_release_notes(from, to, *parse_date("2026-11-22"), {}, Audience::all);
  CHECK(none.squads.empty());
  CHECK(none.initiatives.empty());
  CHECK(render_release_notes_markdown(none, t).find("Nothing shipped in this window.") != std::string::npos);
}

TEST_CASE(
  "release notes by initiative: pops.yaml's order, unknown ones next, no initiative last; each item names its squad")
{
  const char* config = R"(version: 1
product: Test Co
squads:
  payments: {name: Payments, prefix: PAY}
  platform: {name: Platform, prefix: PLAT}
initiatives:
  INI-2: {title: Faster checkout, owner: ana}
  INI-1: {title: Self-serve billing, owner: ana}
)";
  const Workspace to =
    load_workspace("/nowhere",
                   {{"pops.yaml", config},
                    {"roadmap/payments.yaml", "squad: payments\nitems:\n"
                                              "  - {id: PAY-1, title: Refunds, status: shipped, initiative: INI-1}\n"
                                              "  - {id: PAY-2, title: Receipts, status: shipped, initiative: INI-2}\n"
                                              "  - {id: PAY-3, title: Wallet, status: shipped}\n"},
                    {"roadmap/platform.yaml", "squad: platform\nitems:\n"
                                              "  - {id: PLAT-1, title: Ledger, status: shipped, initiative: INI-1}\n"
                                              "  - {id: PLAT-2, title: Audit, status: shipped, initiative: INI-9}\n"}},
                   1);
  const Workspace from = load_workspace("/nowhere", {{"pops.yaml", config}}, 1);
  const std::vector<ItemFacts> facts = {
    shipped("PLAT-1", "platform", "2026-11-05"), shipped("PAY-1", "payments", "2026-11-10"),
    shipped("PAY-2", "payments", "2026-11-03"), shipped("PAY-3", "payments", "2026-11-04"),
    shipped("PLAT-2", "platform", "2026-11-06")};
  const ReleaseNotes r =
    build_release_notes(from, to, *parse_date("2026-11-22"), facts, Audience::all, ReleaseGrouping::initiative);
  CHECK(r.count == 5);
  REQUIRE(r.initiatives.size() == 4);
  CHECK(r.initiatives[0].key == "INI-2");  // pops.yaml order
  CHECK(r.initiatives[0].name == "Faster checkout");
  CHECK(r.initiatives[1].key == "INI-1");
  REQUIRE(r.initiatives[1].items.size() == 2);  // across squads, by ship day
  CHECK(r.initiatives[1].items[0].id == "PLAT-1");
  CHECK(r.initiatives[1].items[1].id == "PAY-1");
  CHECK(r.initiatives[2].key == "INI-9");  // unknown to pops.yaml (check says so): its id as its name
  CHECK(r.initiatives[2].name == "INI-9");
  CHECK(r.initiatives[3].key == "");
  CHECK(r.initiatives[3].name == "No initiative");
  CHECK(r.initiatives[3].items[0].id == "PAY-3");
  CHECK(&r.groups() == &r.initiatives);

  const auto j = release_notes_data(r, false);
  CHECK(j["by"] == "initiative");
  REQUIRE(j["groups"].size() == 4);
  CHECK(j["groups"][1]["group"] == "INI-1");
  CHECK(j["groups"][3]["group"].is_null());
  CHECK(j["initiatives"][1]["initiative"] == "INI-1");
  CHECK(j["initiatives"][1]["title"] == "Self-serve billing");
  CHECK(j["squads"].size() == 2);         // both groupings in the JSON
  CHECK(j["items"][0]["id"] == "PAY-2");  // items in the order of groups
  CHECK(j["items"][1]["initiative"] == "INI-1");
  CHECK(j["items"][4]["initiative"].is_null());

  ReleaseNotes spanned = r;
  spanned.span.since = "2026-11-01";
  const std::string md = render_release_notes_markdown(spanned, *builtin_template("release-notes"));
  CHECK(md.find("## Self-serve billing\n\n- **Ledger** (PLAT-1, Platform), shipped 2026-11-05\n"
                "- **Refunds** (PAY-1, Payments), shipped 2026-11-10\n")
        != std::string::npos);
  CHECK(md.find("## No initiative\n\n- **Wallet** (PAY-3, Payments)") != std::string::npos);

  // By squad, each item names its initiative.
  const ReleaseNotes s = build_release_notes(from, to, *parse_date("2026-11-22"), facts, Audience::all);
  spanned = s;
  const std::string by_squad = render_release_notes_markdown(spanned, *builtin_template("release-notes"));
  CHECK(by_squad.find("## Payments\n\n- **Receipts** (PAY-2, Faster checkout), shipped 2026-11-03\n"
                      "- **Wallet** (PAY-3), shipped 2026-11-04\n")
        != std::string::npos);
}
