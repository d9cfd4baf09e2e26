// prd-missing, evidence-missing and ritual-missed (lib/check/rules_coverage.cpp), off by default,
// and their compliance measures (lib/check/measures.cpp).

#include "check/measures.h"
#include "check/rule_impl.h"
#include "workspace/cadence.h"
#include "workspace/rules.h"

#include "../helpers.h"

#include <map>
#include <string>

using namespace pops;
using pops::test::load_clean;
using pops::test::rule_findings;

namespace {

// Committed (open, in `now`): PAY-1, PAY-2, PAY-3 and PLAT-1. PAY-4 is shipped, PAY-5 is in `next`.
const char* k_payments = R"(squad: payments
items:
  - id: PAY-1
    title: Refunds
    status: in-progress
    horizon: now
  - id: PAY-2
    title: Payouts
    status: planned
    horizon: now
  - id: PAY-3
    title: Ledger
    status: idea
    horizon: now
  - id: PAY-4
    title: Cards
    status: shipped
    horizon: now
  - id: PAY-5
    title: Wallets
    status: planned
    horizon: next
)";

const char* k_platform = R"(squad: platform
items:
  - id: PLAT-1
    title: Queue
    status: planned
    horizon: now
)";

// FB-1 asks for PAY-1, FB-2 for PAY-3 and PAY-5: PAY-2 and PLAT-1 have no evidence.
const char* k_feedback = R"(entries:
  - id: FB-1
    date: 2026-11-01
    source: sales
    customer: Acme
    quote: Refunds please
    items: [PAY-1]
  - id: FB-2
    date: 2026-11-02
    source: support
    customer: Globex
    quote: Ledger export
    items: [PAY-3, PAY-5]
)";

std::string config(const std::string& rules)
{
  return "version: 1\n"
         "product: Test\n"
         "squads:\n"
         "  payments: {prefix: PAY}\n"
         "  platform: {prefix: PLAT}\n"
         "docs:\n"
         "  types:\n"
         "    prd: {dir: docs/prd}\n"
         "    decision: {dir: docs/decisions}\n"
         "rituals:\n"
         "  weekly-sync:\n"
         "    cadence: {every: 1 week, on: monday, from: 2026-11-02}\n"
         "    squads: [payments]\n"
         "  monthly-review:\n"
         "    cadence: {every: 1 month, from: 2026-09-01}\n"
         "  retro: {squads: [platform]}\n"
         + rules;
}

const char* k_all_on = "rules:\n  prd-missing: warning\n  evidence-missing: warning\n  ritual-missed: warning\n";

std::string doc(const std::string& type, const std::string& status, const std::string& items)
{
  return "---\ntitle: D\ntype: " + type + "\nstatus: " + status + "\nitems: [" + items + "]\n---\n# D\n";
}

std::string note(const std::string& ritual, const std::string& date)
{
  return "---\nritual: " + ritual + "\ndate: " + date + "\n---\n# Notes\n";
}

// PRDs: PAY-1 (approved), PLAT-1 (draft); PAY-2's is obsolete and PAY-3 has only a decision record.
// weekly-sync (Mondays from 2026-11-02) was held on 2026-11-02 and 2026-11-09, not on 2026-11-16;
// monthly-review (the 1st) was held on 2026-11-03 for 2026-11-01; retro has no cadence.
Workspace workspace(const std::string& rules)
{
  return load_clean({{"pops.yaml", config(rules)},
                     {"roadmap/payments.yaml", k_payments},
                     {"roadmap/platform.yaml", k_platform},
                     {"feedback/2026-11.yaml", k_feedback},
                     {"docs/prd/a.md", doc("prd", "approved", "PAY-1")},
                     {"docs/prd/b.md", doc("prd", "obsolete", "PAY-2")},
                     {"docs/prd/c.md", doc("prd", "draft", "PLAT-1")},
                     {"docs/decisions/d.md", doc("decision", "approved", "PAY-3")},
                     {"rituals/weekly-sync/2026-11-02.md", note("weekly-sync", "2026-11-02")},
                     {"rituals/weekly-sync/2026-11-09.md", note("weekly-sync", "2026-11-09")},
                     {"rituals/monthly-review/2026-11-03.md", note("monthly-review", "2026-11-03")}});
}

std::string where(const Finding& f)
{
  return f.file + ":" + std::to_string(f.loc.line) + ":" + std::to_string(f.loc.column);
}

/// The tally of `rule` on `ws` as `pops standards` makes it: every squad's findings.
std::map<std::string, RuleTally> tally(const Workspace& ws, std::string_view rule, const char* today = "2026-11-22")
{
  CheckOptions o;
  o.today = *parse_date(today);
  o.all_squads = true;
  return tally_rule(ws, rule, check_workspace(ws, o).findings, o.today);
}

}  // namespace

TEST_CASE("prd-missing, evidence-missing, ritual-missed: off by default")
{
  const Workspace ws = workspace("");
  CHECK(find_rule("prd-missing")->default_severity == Severity::off);
  CHECK(find_rule("evidence-missing")->default_severity == Severity::off);
  CHECK(find_rule("ritual-missed")->default_severity == Severity::off);
  CHECK(rule_findings(ws, "prd-missing").empty());
  CHECK(rule_findings(ws, "evidence-missing").empty());
  CHECK(rule_findings(ws, "ritual-missed").empty());
  // A pilot alone keeps the default severity: still off.
  CHECK(rule_findings(workspace("rules:\n  prd-missing: {pilot: [payments]}\n"), "prd-missing").empty());
}

TEST_CASE("prd-missing: a committed item no PRD lists (obsolete PRDs and other types do not count)")
{
  const auto f = rule_findings(workspace(k_all_on), "prd-missing");
  REQUIRE(f.size() == 2);
  CHECK(where(f[0]) == "roadmap/payments.yaml:10:14");
  CHECK(f[0].severity == Severity::warning);
  CHECK(f[0].message
        == "PAY-2 is in 'now' and no document of type 'prd' lists it in 'items'; write one with "
           "'pops doc new prd TITLE --item PAY-2', or add PAY-2 to the items of its PRD");
  CHECK(f[0].squads == std::vector<std::string>{"payments"});
  CHECK(where(f[1]) == "roadmap/payments.yaml:14:14");
  CHECK(f[1].message.starts_with("PAY-3 is in 'now' and no document"));
  // Measure: payments 1 of 3 committed items has a PRD; platform 1 of 1.
  const auto t = tally(workspace(k_all_on), "prd-missing");
  CHECK(t.at("payments").subjects == 3);
  CHECK(t.at("payments").failing == 2);
  CHECK(t.at("payments").findings == 2);
  CHECK(t.at("platform").subjects == 1);
  CHECK(t.at("platform").failing == 0);
  CHECK(rule_measure("prd-missing").subjects == "committed items (open, in the first horizon)");
}

TEST_CASE("prd-missing: the first horizon is pops.yaml's, whatever its name")
{
  std::string cfg = config(k_all_on);
  cfg.insert(cfg.find("docs:"), "horizons: [next, now, later]\n");
  const Workspace ws = load_clean({{"pops.yaml", cfg}, {"roadmap/payments.yaml", k_payments}});
  const auto f = rule_findings(ws, "prd-missing");
  // Only PAY-5 is in `next`, now the first horizon.
  REQUIRE(f.size() == 1);
  CHECK(where(f[0]) == "roadmap/payments.yaml:22:14");
  CHECK(f[0].message.starts_with("PAY-5 is in 'next' and"));
}

TEST_CASE("evidence-missing: a committed item no feedback entry lists")
{
  const auto f = rule_findings(workspace(k_all_on), "evidence-missing");
  REQUIRE(f.size() == 2);
  CHECK(where(f[0]) == "roadmap/payments.yaml:10:14");
  CHECK(f[0].message
        == "PAY-2 is committed (in 'now', 'planned') and no feedback entry lists it in 'items'; link the "
           "feedback that asks for it with 'pops feedback link FB-ID PAY-2'");
  CHECK(where(f[1]) == "roadmap/platform.yaml:6:14");
  CHECK(f[1].squads == std::vector<std::string>{"platform"});
  // Measure: payments 2 of 3 committed items have evidence (PAY-5's feedback does not count: next);
  // platform 0 of 1.
  const auto t = tally(workspace(k_all_on), "evidence-missing");
  CHECK(t.at("payments").subjects == 3);
  CHECK(t.at("payments").failing == 1);
  CHECK(t.at("platform").subjects == 1);
  CHECK(t.at("platform").failing == 1);
  // A pilot keeps the pilot squad's findings only.
  const auto p =
    rule_findings(workspace("rules:\n  evidence-missing: {severity: error, pilot: [platform]}\n"), "evidence-missing");
  REQUIRE(p.size() == 1);
  CHECK(p[0].severity == Severity::error);
  CHECK(p[0].message.starts_with("PLAT-1 is committed"));
}

TEST_CASE("ritual-missed: the missed date of the ritual's status, at its cadence")
{
  // 2026-11-22 (a Sunday): weekly-sync's last date before it is 2026-11-16, and no note is dated
  // after 2026-11-09; monthly-review's is 2026-11-01, covered by the note of 2026-11-03.
  const Workspace ws = workspace(k_all_on);
  const auto f = rule_findings(ws, "ritual-missed");
  REQUIRE(f.size() == 1);
  CHECK(where(f[0]) == "pops.yaml:12:14");
  CHECK(f[0].message
        == "ritual 'weekly-sync' (1 week on monday from 2026-11-02) was due 2026-11-16 and no note covers it "
           "(last held 2026-11-09); hold it and write its note with 'pops ritual new weekly-sync', or change "
           "its cadence");
  CHECK(f[0].squads == std::vector<std::string>{"payments"});
  // The same as the status `pops ritual list` shows.
  for (const RitualStatus& st : ritual_status(ws, *parse_date("2026-11-22"))) {
    CHECK(st.missed.has_value() == (st.ritual->name.value == "weekly-sync"));
  }
  // Measure: payments takes part in weekly-sync and monthly-review (1 of 2 on cadence), platform in
  // monthly-review only (retro has no cadence): 1 of 1.
  const auto t = tally(ws, "ritual-missed");
  CHECK(t.at("payments").subjects == 2);
  CHECK(t.at("payments").failing == 1);
  CHECK(t.at("payments").findings == 1);
  CHECK(t.at("platform").subjects == 1);
  CHECK(t.at("platform").failing == 0);
  CHECK(rule_measure("ritual-missed").subjects == "rituals with a cadence");
  // On 2026-11-16 itself the last date before today is 2026-11-09, held: nothing missed.
  CHECK(rule_findings(ws, "ritual-missed", "2026-11-16").empty());
  // On 2026-12-05 weekly-sync missed 2026-11-30 (no note after 2026-11-23); monthly-review's
  // 2026-12-01 counts as held: the note of 2026-11-03 is dated after 2026-11-01, the date before it
  // (the tolerance ritual_status gives a meeting moved by some days).
  const auto dec = rule_findings(ws, "ritual-missed", "2026-12-05");
  REQUIRE(dec.size() == 1);
  CHECK(dec[0].message.find("was due 2026-11-30") != std::string::npos);
}
