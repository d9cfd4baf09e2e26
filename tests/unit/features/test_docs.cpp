#include "features/docs.h"

#include "check/check.h"
#include "workspace/workspace.h"

#include <doctest/doctest.h>

using namespace pops;

namespace {

const char* k_config = R"(version: 1
product: Test Co
squads:
  payments: {prefix: PAY}
people:
  alice: {name: Alice, squad: payments}
docs:
  types:
    prd: {dir: docs/prd, review_every: 30 days}
    decision: {dir: docs/decisions}
)";

const char* k_roadmap = "squad: payments\nitems:\n  - {id: PAY-1, title: Refunds, status: planned}\n";

std::string doc(const std::string& title, const std::string& type, const std::string& status,
                const std::string& extra = "")
{
  return "---\ntitle: " + title + "\ntype: " + type + "\nstatus: " + status + "\nowner: alice\n" + extra + "---\n# "
         + title + "\n";
}

std::vector<SourceFile> files()
{
  return {{"docs/decisions/ledger.md", doc("Ledger", "decision", "approved")},
          {"docs/prd/refunds.md", doc("Refunds", "prd", "draft", "items: [PAY-1]\nreviewed: 2026-10-01\n")},
          {"docs/prd/payouts.md", doc("Payouts | v2", "prd", "review", "created: 2026-11-20\n")},
          {"pops.yaml", k_config},
          {"roadmap/payments.yaml", k_roadmap}};
}

std::vector<std::string> findings_of(const Workspace& ws, const std::string& rule)
{
  CheckOptions o;
  o.today = *parse_date("2026-11-22");
  std::vector<std::string> out;
  for (const auto& f : check_workspace(ws, o).findings) {
    if (f.rule == rule) {
      out.push_back(f.file + ":" + std::to_string(f.loc.line) + ": " + f.message);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("slugs")
{
  CHECK(slugify("One-click refunds!") == "one-click-refunds");
  CHECK(slugify("  SSO: SAML & OIDC (v2) ") == "sso-saml-oidc-v2");
  CHECK(slugify("Überweisung") == "Überweisung");
  CHECK(slugify("!!!") == "");
  CHECK(slugify(std::string(80, 'a')).size() == 60);
  CHECK(slugify(std::string(59, 'a') + " bcd") == std::string(59, 'a'));
}

TEST_CASE("doc list filters by type, status, item and staleness")
{
  const Workspace ws = load_workspace("/nonexistent", files(), 1);
  const Date today = *parse_date("2026-11-22");
  CHECK(list_docs(ws, {}, today).size() == 3);
  auto rows = list_docs(ws, {"prd", "", "", false}, today);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].doc->file == "docs/prd/payouts.md");
  CHECK(format_date(*rows[0].review_due) == "2026-12-20");
  CHECK_FALSE(rows[0].stale);
  CHECK(rows[1].stale);  // reviewed 2026-10-01 + 30 days
  rows = list_docs(ws, {"", "", "", true}, today);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].doc->file == "docs/prd/refunds.md");
  CHECK(list_docs(ws, {"", "approved", "", false}, today).size() == 1);
  CHECK(list_docs(ws, {"", "", "PAY-1", false}, today).size() == 1);
  CHECK(list_docs(ws, {"", "", "PAY-2", false}, today).empty());
}

TEST_CASE("the document index: by type and status, and doc-index-stale")
{
  std::vector<SourceFile> f = files();
  const Workspace ws = load_workspace("/nonexistent", f, 1);
  const std::string index = render_doc_index(ws);
  CHECK(is_generated_index(index));
  CHECK(index.find("3 documents of Test Co, by type and status.") != std::string::npos);
  CHECK(index.find("## decision (1)\n\n### approved\n") != std::string::npos);
  CHECK(index.find("| [Payouts \\| v2](prd/payouts.md) | alice |  | created 2026-11-20 |") != std::string::npos);
  CHECK(index.find("| [Refunds](prd/refunds.md) | alice | PAY-1 | 2026-10-01 |") != std::string::npos);
  // A file name a Markdown link cannot hold as is.
  std::vector<SourceFile> odd = files();
  odd.push_back({"docs/prd/my plan (v2).md", doc("Odd", "prd", "draft")});
  CHECK(render_doc_index(load_workspace("/nonexistent", odd, 1)).find("| [Odd](<prd/my plan (v2).md>) |")
        != std::string::npos);
  // draft comes before review.
  CHECK(index.find("### draft") < index.find("### review"));
  // No index, or a hand-written one: nothing to report.
  CHECK(findings_of(ws, "doc-index-stale").empty());
  f.push_back({"docs/README.md", "# Our docs\n"});
  CHECK(findings_of(load_workspace("/nonexistent", f, 1), "doc-index-stale").empty());
  // The generated one, current: passes; docs/README.md is not a typed document.
  f.back().content = index;
  const Workspace with_index = load_workspace("/nonexistent", f, 1);
  CHECK(with_index.docs.size() == 3);
  CHECK(findings_of(with_index, "doc-index-stale").empty());
  // A status change makes it stale, at the first line that differs.
  f[1].content = doc("Refunds", "prd", "approved", "items: [PAY-1]\nreviewed: 2026-10-01\n");
  const auto stale = findings_of(load_workspace("/nonexistent", f, 1), "doc-index-stale");
  REQUIRE(stale.size() == 1);
  CHECK_MESSAGE(stale[0].starts_with("docs/README.md:16: the document index no longer matches the documents (first "
                                     "difference at line 16)"),
                stale[0]);
  CHECK(stale[0].find("run 'pops doc index'") != std::string::npos);
}

TEST_CASE("doc new refuses unknown types, owners and items, and existing files")
{
  EditSession s = EditSession::of("/nonexistent", files());
  const Date today = *parse_date("2026-11-22");
  CHECK_THROWS_WITH_AS(plan_doc_new(s, {"prdd", "X", "alice", "draft", {}}, today),
                       "unknown document type 'prdd' (did you mean 'prd'?)", OpError);
  CHECK_THROWS_WITH_AS(plan_doc_new(s, {"prd", "X", "alce", "draft", {}}, today),
                       "unknown person 'alce' (did you mean 'alice'?)", OpError);
  CHECK_THROWS_WITH_AS(plan_doc_new(s, {"prd", "X", "alice", "draft", {"PAY-11"}}, today),
                       "unknown item 'PAY-11' (did you mean 'PAY-1'?)", OpError);
  CHECK_THROWS_WITH_AS(plan_doc_new(s, {"prd", "Refunds", "alice", "draft", {}}, today),
                       "'docs/prd/refunds.md' exists already; pops never overwrites a document", OpError);
  CHECK_THROWS_AS(plan_doc_new(s, {"prd", "  ", "alice", "draft", {}}, today), OpError);
  CHECK_THROWS_WITH_AS(plan_doc_new(s, {"prd", "Two\nlines", "alice", "draft", {}}, today),
                       "the title holds a line break or a control character; give it on one line", OpError);
  // A type without a template gets the plain skeleton.
  EditPlan p = plan_doc_new(s, {"decision", "Use Postgres", "alice", "draft", {}}, today);
  REQUIRE(p.changes.size() == 1);
  CHECK(p.changes[0].path == "docs/decisions/use-postgres.md");
  CHECK(
    p.changes[0].after
    == "---\ntitle: Use Postgres\ntype: decision\nowner: alice\nstatus: draft\nitems: []\ncreated: 2026-11-22\n---\n"
       "# Use Postgres\n");
}

TEST_CASE("doc new keeps a generated index current")
{
  std::vector<SourceFile> f = files();
  f.push_back({"docs/README.md", render_doc_index(load_workspace("/nonexistent", f, 1))});
  EditSession s = EditSession::of("/nonexistent", f);
  EditPlan p = plan_doc_new(s, {"prd", "Chargebacks", "alice", "draft", {"PAY-1"}}, *parse_date("2026-11-22"));
  REQUIRE(p.changes.size() == 2);
  CHECK(p.changes[1].path == "docs/README.md");
  CHECK(p.changes[1].after.find("[Chargebacks](prd/chargebacks.md)") != std::string::npos);
  CHECK(p.summary == "created docs/prd/chargebacks.md and updated docs/README.md");
  // A hand-written index is left alone by doc new, and doc index refuses to replace it.
  f.back().content = "# Hand-written\n";
  EditSession hand = EditSession::of("/nonexistent", f);
  CHECK(plan_doc_new(hand, {"prd", "Chargebacks", "alice", "draft", {}}, *parse_date("2026-11-22")).changes.size()
        == 1);
  CHECK_THROWS_AS(plan_doc_index(hand, false), OpError);
  CHECK(plan_doc_index(hand, true).changes.size() == 1);
}
