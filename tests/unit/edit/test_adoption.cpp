#include "edit/adoption.h"

#include "check/check.h"
#include "workspace/workspace.h"

#include <doctest/doctest.h>

#include <string>

using namespace pops;

namespace {

const char* k_config = "version: 1\nproduct: Test\nsquads:\n  payments: {prefix: PAY}\n";
const char* k_roadmap = "squad: payments\nitems:\n"
                        "  - id: PAY-1\n    title: Refunds\n    status: shipped\n"
                        "    links: {amplitude: Refund Completed, pendo: Refund button}\n"
                        "    success:\n"
                        "      - {metric: uniques, target: \">= 400\"}\n"
                        "      - {metric: visitors, target: \"> 50\"}\n"
                        "      - {metric: refund_rate, target: \"< 2%\"}\n"
                        "      - {metric: Refund Completed, target: \"+10%\"}\n"
                        "      - {metric: uniques, target: \"halve it\"}\n";

const char* k_amplitude = "\"Refunds adoption\"\n"
                          "\"Event Segmentation\",\"Uniques\"\n"
                          "\"Date range\",\"Oct 1, 2026 - Nov 5, 2026\"\n"
                          "\n"
                          "\"Event\",\"Segment\",\"Oct 1, 2026\",\"Nov 3, 2026\",\"Nov 4, 2026\",\"Nov 5, 2026\"\n"
                          "\"Refund Completed\",\"All Users\",\"300\",\"400\",\"\",\"1,204\"\n"
                          "\"Refund Started\",\"Enterprise\",\"5\",\"6\",\"7\",\"8\"\n"
                          "\"Refund Failed\",\"All Users\",\"1\",\"lots\",\"3\",\"4\"\n"
                          "\"Refund Rate\",\"All Users\",\"2.5%\",\"1.9%\",\"1.8%\",\"1.5%\"\n";

const char* k_pendo = "Feature,Date,Visitors,Accounts,Views,App\n"
                      "Refund button,2026-11-03,40,12,90,Web\n"
                      "Refund button,2026-11-04,55,13,101,Web\n"
                      "Refund button,11/05/2026,60,14,,Web\n"
                      "Refund button,2026-11-04,1,1,1,Web\n"
                      "Export CSV,someday,3,1,4,Web\n"
                      "Export CSV,2026-11-05,x,1,4,Web\n";

EditSession session(std::vector<SourceFile> extra = {})
{
  std::vector<SourceFile> files = {{"pops.yaml", k_config}, {"roadmap/payments.yaml", k_roadmap}};
  for (auto& f : extra) {
    files.push_back(std::move(f));
  }
  return EditSession::of("/ws", std::move(files));
}

AdoptionImportOptions opts(std::string from)
{
  AdoptionImportOptions o;
  o.file = "export.csv";
  o.from = std::move(from);
  return o;
}

std::vector<Finding> findings_of(const std::string& metrics)
{
  EditSession s = session({{"metrics/adoption.yaml", metrics}});
  CheckOptions co;
  co.today = *parse_date("2026-11-22");
  return check_workspace(s.ws, co).findings;
}

bool has(const std::vector<Finding>& fs, std::string_view rule, int line, std::string_view text)
{
  for (const auto& f : fs) {
    if (f.rule == rule && f.loc.line == line && f.message.find(text) != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("adoption: dates and values as the tools write them")
{
  CHECK(format_date(*parse_usage_date("2026-11-01")) == "2026-11-01");
  CHECK(format_date(*parse_usage_date("Nov 1, 2026")) == "2026-11-01");
  CHECK(format_date(*parse_usage_date("November 30, 2026")) == "2026-11-30");
  CHECK(format_date(*parse_usage_date("1 Dec 2026")) == "2026-12-01");
  CHECK(format_date(*parse_usage_date("11/05/2026")) == "2026-11-05");
  CHECK(format_date(*parse_usage_date("2026-11-01T00:00:00Z")) == "2026-11-01");
  CHECK_FALSE(parse_usage_date("Nov 31, 2026"));
  CHECK_FALSE(parse_usage_date("Foo 1, 2026"));
  CHECK_FALSE(parse_usage_date("Event"));
  CHECK_FALSE(parse_usage_date(""));
  bool pct = false;
  CHECK(*parse_usage_value("412", pct) == 412);
  CHECK_FALSE(pct);
  CHECK(*parse_usage_value("1,204", pct) == 1204);
  CHECK(*parse_usage_value(" 41.2% ", pct) == doctest::Approx(41.2));
  CHECK(pct);
  CHECK(*parse_usage_value("-3", pct) == -3);
  CHECK_FALSE(parse_usage_value("lots", pct));
  CHECK_FALSE(parse_usage_value("%", pct));
  CHECK_FALSE(parse_usage_value("1,2,", pct));
}

TEST_CASE("adoption: Amplitude's chart export, a row per event and a column per day")
{
  ExportRead r = read_amplitude_export(k_amplitude, "");
  CHECK(r.rows == 4);
  REQUIRE(r.series.size() == 3);
  CHECK(r.series[0].key == "Refund Completed");
  CHECK(r.series[0].metric == "uniques");
  CHECK(r.series[0].source == "amplitude");
  CHECK(r.series[0].line == 6);
  REQUIRE(r.series[0].points.size() == 3);  // the empty cell holds no point
  CHECK(format_date(r.series[0].points[2].first) == "2026-11-05");
  CHECK(r.series[0].points[2].second == 1204);
  CHECK(r.series[1].key == "Refund Started / Enterprise");
  CHECK(r.series[2].key == "Refund Rate");
  CHECK(r.series[2].unit == "%");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].line == 8);
  CHECK(r.errors[0].message.find("'lots'") != std::string::npos);
  CHECK(r.errors[0].message.find("2026-11-03") != std::string::npos);
  CHECK(read_amplitude_export(k_amplitude, "refunds").series[0].metric == "refunds");
  CHECK_THROWS_AS(read_amplitude_export("a,b\nc,d\n", ""), OpError);
}

TEST_CASE("adoption: Pendo's report, a row per feature per day")
{
  ExportRead r = read_pendo_export(k_pendo, "", {});
  CHECK(r.rows == 6);
  REQUIRE(r.series.size() == 3);  // visitors, accounts, views of 'Refund button'
  CHECK(r.series[0].key == "Refund button");
  CHECK(r.series[0].metric == "visitors");
  CHECK(r.series[1].metric == "accounts");
  CHECK(r.series[2].metric == "views");
  CHECK(r.series[0].points.size() == 3);
  CHECK(r.series[2].points.size() == 2);  // the empty Views cell
  REQUIRE(r.errors.size() == 3);
  CHECK(r.errors[0].line == 5);
  CHECK(r.errors[0].message.find("also on line 3") != std::string::npos);
  CHECK(r.errors[1].line == 6);
  CHECK(r.errors[1].message.find("'Date' is not a date: 'someday'") != std::string::npos);
  CHECK(r.errors[2].line == 7);
  CHECK(r.errors[2].message.find("'Visitors' is not a number: 'x'") != std::string::npos);

  ExportRead one = read_pendo_export(k_pendo, "refund_visitors", {"visitors"});
  REQUIRE(one.series.size() == 1);
  CHECK(one.series[0].metric == "refund_visitors");
  CHECK_THROWS_AS(read_pendo_export(k_pendo, "m", {}), OpError);
  CHECK_THROWS_AS(read_pendo_export(k_pendo, "", {"Vistors"}), OpError);
  CHECK_THROWS_AS(read_pendo_export("Name,Visitors\nx,1\n", "", {}), OpError);
}

TEST_CASE("adoption: import creates the file, a re-import changes only what changed")
{
  AdoptionImportResult first = plan_adoption_import(session(), k_pendo, opts("pendo"));
  REQUIRE(first.plan.changes.size() == 1);
  const FileChange& c = first.plan.changes[0];
  CHECK(c.created);
  CHECK(c.path == "metrics/adoption.yaml");
  CHECK(first.series_added == 3);
  CHECK(first.points_added == 8);
  CHECK(c.after.find("  - source: pendo\n    key: Refund button\n    metric: visitors\n    points:\n"
                     "      2026-11-03: 40\n      2026-11-04: 55\n      2026-11-05: 60\n")
        != std::string::npos);

  // Nothing new: no change at all.
  const std::string written = "# usage data, kept by hand too\n" + c.after;
  AdoptionImportResult again =
    plan_adoption_import(session({{"metrics/adoption.yaml", written}}), k_pendo, opts("pendo"));
  CHECK(again.plan.empty());
  CHECK(again.points_same == 8);

  // One value changed and one day added: that line changes, one line is inserted (after the series'
  // points before it, else after its last point).
  const std::string changed = "Feature,Date,Visitors\nRefund button,2026-11-04,57\nRefund button,2026-11-02,1\n";
  AdoptionImportResult upd =
    plan_adoption_import(session({{"metrics/adoption.yaml", written}}), changed, opts("pendo"));
  REQUIRE(upd.plan.changes.size() == 1);
  CHECK(upd.points_changed == 1);
  CHECK(upd.points_added == 1);
  std::string expect = written;
  expect.replace(expect.find("      2026-11-04: 55\n"), 21, "      2026-11-04: 57\n");
  const std::string last = "      2026-11-05: 60\n";
  expect.insert(expect.find(last) + last.size(), "      2026-11-02: 1\n");
  CHECK(upd.plan.changes[0].after == expect);

  // A new series is appended; the others stay.
  AdoptionImportResult amp =
    plan_adoption_import(session({{"metrics/adoption.yaml", written}}), k_amplitude, opts("amplitude"));
  REQUIRE(amp.plan.changes.size() == 1);
  CHECK(amp.series_added == 3);
  CHECK(amp.plan.changes[0].after.starts_with(written));
  CHECK(amp.plan.changes[0].after.find("    key: Refund Rate\n    metric: uniques\n    unit: \"%\"\n")
        != std::string::npos);

  // A series written by hand in flow style goes through the edit library, one value at a time.
  const std::string flow =
    "series:\n  - {source: pendo, key: Refund button, metric: visitors, points: {2026-11-03: 40, "
    "2026-11-04: 55}}  # by hand\n";
  AdoptionImportResult fl = plan_adoption_import(session({{"metrics/adoption.yaml", flow}}), changed, opts("pendo"));
  REQUIRE(fl.plan.changes.size() == 1);
  CHECK(fl.points_changed == 1);
  CHECK(fl.points_added == 1);
  CHECK(fl.plan.changes[0].after
        == "series:\n  - {source: pendo, key: Refund button, metric: visitors, points: "
           "{2026-11-03: 40, 2026-11-04: 57, 2026-11-02: 1}}  # by hand\n");

  CHECK_THROWS_AS(plan_adoption_import(session(), k_pendo, opts("mixpanel")), OpError);
  AdoptionImportOptions bad_to = opts("pendo");
  bad_to.to = "roadmap/x.yaml";
  CHECK_THROWS_AS(plan_adoption_import(session(), k_pendo, bad_to), OpError);
}

TEST_CASE("adoption: metrics files are checked with located findings")
{
  auto fs = findings_of("series:\n"
                        "  - source: amplitude\n"
                        "    key: Refund Completed\n"
                        "    metric: uniques\n"
                        "    points:\n"
                        "      2026-11-01: 412\n"
                        "      2026-11-31: 3\n"
                        "      2026-11-02: many\n"
                        "      2026-11-01: 5\n"
                        "  - source: amplitude\n"
                        "    key: Refund Completed\n"
                        "    metric: uniques\n"
                        "  - source: pendo\n"
                        "    key: Nobody links this\n"
                        "    metric: clicks\n"
                        "    colour: red\n");
  CHECK(has(fs, "schema", 7, "point '2026-11-31' is not a date"));
  CHECK(has(fs, "schema", 8, "'points.2026-11-02' must be a number"));
  CHECK(has(fs, "duplicate-key", 9, "2026-11-01"));
  CHECK(has(fs, "schema", 11, "is also at metrics/adoption.yaml:2"));
  CHECK(has(fs, "schema", 16, "colour"));
  CHECK(has(fs, "series-unlinked", 14, "no item links to pendo series 'Nobody links this'"));
  CHECK(fs.size() == 6);
  CHECK_FALSE(has(fs, "series-unlinked", 3, ""));

  auto clean =
    findings_of("series:\n  - {source: pendo, key: Refund button, metric: visitors, points: {2026-11-01: 3}}\n");
  CHECK(clean.empty());
  CHECK(has(findings_of("series: 3\n"), "schema", 1, "'series' must be a list"));
  CHECK(has(findings_of("- a\n"), "schema", 1, "a metrics file must be a mapping"));
}

TEST_CASE("adoption: targets")
{
  auto t = parse_target("< 2%");
  REQUIRE(t);
  CHECK(t->op == Target::Op::lt);
  CHECK(t->number == 2);
  CHECK(t->percent);
  t = parse_target(">= 1,500 visitors");
  REQUIRE(t);
  CHECK(t->op == Target::Op::ge);
  CHECK(t->number == 1500);
  CHECK(t->unit == "visitors");
  CHECK(parse_target("= 0")->op == Target::Op::eq);
  CHECK(parse_target("-50%")->op == Target::Op::fall);
  CHECK(parse_target("+10%")->op == Target::Op::rise);
  CHECK_FALSE(parse_target("halve it"));
  CHECK_FALSE(parse_target("<"));
  CHECK(format_usage(1204, "") == "1204");
  CHECK(format_usage(1.5, "%") == "1.5%");
  CHECK(format_usage(2.256, "min") == "2.26 min");
}

TEST_CASE("adoption: success targets against the linked series' latest value")
{
  const std::string metrics = "series:\n"
                              "  - source: amplitude\n    key: Refund Completed\n    metric: uniques\n    points:\n"
                              "      2026-10-01: 300\n      2026-10-20: 350\n      2026-11-05: 420\n"
                              "  - source: pendo\n    key: Refund button\n    metric: visitors\n    points:\n"
                              "      2026-11-05: 50\n"
                              "  - source: amplitude\n    key: Unrelated\n    metric: refund_rate\n    points:\n"
                              "      2026-11-05: 0.01\n";
  EditSession s = session({{"metrics/adoption.yaml", metrics}});
  const Item& it = *s.ws.item("PAY-1");
  CHECK(series_of_item(s.ws, it).size() == 2);
  auto st = evaluate_success(s.ws, it);
  REQUIRE(st.size() == 5);
  // >= 400: 420 on 2026-11-05, up 120 since 2026-10-01 (the last point 4 weeks or more before; not 10-20).
  CHECK(st[0].state == TargetState::met);
  CHECK(*st[0].value == 420);
  CHECK(format_date(*st[0].date) == "2026-11-05");
  CHECK(*st[0].trend == 120);
  CHECK(trend_text(st[0]) == "+120 since 2026-10-01");
  // > 50: 50 is not above 50.
  CHECK(st[1].state == TargetState::not_met);
  CHECK(st[1].series->source.value == "pendo");
  // refund_rate: no linked series is that metric; the one series of the workspace with that metric is.
  CHECK(st[2].state == TargetState::met);
  CHECK(st[2].series->key.value == "Unrelated");
  CHECK(st[2].shown == "1%");
  // +10% by key: 300 -> 420 is +40%.
  CHECK(st[3].state == TargetState::met);
  CHECK(st[4].state == TargetState::unknown_target);

  // A ratio series against a percentage target.
  const std::string ratio = "series:\n  - {source: amplitude, key: Refund Completed, metric: refund_rate, "
                            "points: {2026-11-01: 0.025, 2026-11-02: 0.018}}\n";
  EditSession r = session({{"metrics/adoption.yaml", ratio}});
  auto rs = evaluate_success(r.ws, *r.ws.item("PAY-1"));
  CHECK(rs[2].state == TargetState::met);
  CHECK(rs[2].shown == "1.8%");
  CHECK(rs[0].state == TargetState::no_data);
  CHECK(rs[0].note.find("no linked series is 'uniques' (linked: refund_rate)") != std::string::npos);
  CHECK(rs[1].note == "no linked series is 'visitors' (linked: refund_rate)");
  CHECK(evaluate_all(r.ws).size() == 5);
  CHECK(evaluate_all(r.ws, {"platform"}).empty());
}
