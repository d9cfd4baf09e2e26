#include "edit/import.h"

#include <doctest/doctest.h>

#include <string>

using namespace pops;

namespace {

const char* k_config = "version: 1\nproduct: Test\nsquads:\n  payments: {prefix: PAY}\n";
const char* k_roadmap = "squad: payments\nitems:\n  - {id: PAY-1, title: Refunds, status: planned}\n";
const char* k_feedback = "# kept\nentries:\n  - id: FB-7\n    date: 2026-11-01\n    source: support\n"
                         "    summary: Old\n    url: zendesk:1\n";

EditSession session()
{
  return EditSession::of(
    "/ws", {{"pops.yaml", k_config}, {"roadmap/payments.yaml", k_roadmap}, {"feedback/2026-11.yaml", k_feedback}});
}

ImportOptions opts(std::string preset = "zendesk")
{
  ImportOptions o;
  o.file = "t.csv";
  o.source = "support";
  o.preset = std::move(preset);
  return o;
}

}  // namespace

TEST_CASE("import: export dates and amounts")
{
  CHECK(format_date(*parse_export_date("2026-11-03")) == "2026-11-03");
  CHECK(format_date(*parse_export_date("2026-11-03 14:22:10 UTC")) == "2026-11-03");
  CHECK(format_date(*parse_export_date("2026-11-03T14:22:10Z")) == "2026-11-03");
  CHECK(format_date(*parse_export_date("11/3/2026 2:22 PM")) == "2026-11-03");
  CHECK(format_date(*parse_export_date("1/09/2027")) == "2027-01-09");
  CHECK_FALSE(parse_export_date("2/30/2026"));
  CHECK_FALSE(parse_export_date("2026-11-03x"));
  CHECK_FALSE(parse_export_date("3.11.2026"));
  CHECK_FALSE(parse_export_date("11/3/26"));
  CHECK_FALSE(parse_export_date(""));
}

TEST_CASE("import: rows to entries, one append per file, keys skip what is there")
{
  const std::string csv = "Id,Subject,Description,Organization,Created at,Tags\n"
                          "1,Dup,x,Acme,2026-11-02,a\n"
                          "2,New,\"two\nlines\",Acme,2026-11-05,a b\n"
                          "3,Oct,y,Globex,2026-10-09,\n"
                          "2,Again,z,Acme,2026-11-06,\n"
                          "4,Bad,z,Acme,soon,\n";
  ImportResult r = plan_feedback_import(session(), csv, opts(), {{"FB", 9}});
  CHECK(r.rows == 5);
  CHECK(r.added == 2);
  CHECK(r.present == 2);  // zendesk:1 in the workspace, zendesk:2 earlier in the file
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].line == 7);  // after a two-line row
  REQUIRE(r.plan.changes.size() == 2);
  const FileChange& nov = r.plan.changes[0];
  CHECK(nov.path == "feedback/2026-11.yaml");
  CHECK(nov.after.rfind(k_feedback, 0) == 0);  // the file's bytes are kept, the entry appended
  CHECK(nov.after.find("  - id: FB-10\n    date: 2026-11-05\n    source: support\n    customer: Acme\n"
                       "    quote: \"two\\nlines\"\n    summary: New\n    tags: [a, b]\n    url: zendesk:2\n")
        != std::string::npos);
  CHECK(r.plan.changes[1].created);
  CHECK(r.plan.changes[1].after.find("id: FB-11") != std::string::npos);
}

TEST_CASE("import: what stops the whole import")
{
  CHECK_THROWS_WITH_AS(plan_feedback_import(session(), "a,b\n", opts(""), {}), "'t.csv' has no column for the date",
                       OpError);
  ImportOptions o = opts("");
  o.maps = {"Wehn=date"};
  CHECK_THROWS_WITH_AS(plan_feedback_import(session(), "When,What,Url\n", o, {}),
                       "--map 'Wehn=date': 't.csv' has no column 'Wehn' (did you mean 'When'?)", OpError);
  o.maps = {"When=date", "What=quote"};
  ImportResult r = plan_feedback_import(session(), "When,What,Url\n2026-11-09,Hi,u1\n", o, {});
  CHECK(r.added == 1);
  o.source = "supprt";
  CHECK_THROWS_AS(plan_feedback_import(session(), "When,What,Url\n", o, {}), OpError);
  CHECK_THROWS_AS(plan_feedback_import(session(), "", opts(), {}), OpError);
}
