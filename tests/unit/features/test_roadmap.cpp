#include "features/roadmap.h"
#include "base/csv.h"
#include "base/text.h"
#include "workspace/workspace.h"

#include <doctest/doctest.h>

using namespace pops;

namespace {

Workspace sample_ws()
{
  return load_workspace("/ws",
                        {{"pops.yaml", "version: 1\nproduct: Test\nsquads:\n"
                                       "  payments: {prefix: PAY}\n  platform: {prefix: PLAT}\n"
                                       "people:\n  alice: {name: Alice}\n"},
                         {"roadmap/p.yaml", "squad: payments\nitems:\n"
                                            "  - {id: PAY-1, title: Refunds, status: in-progress, horizon: now,"
                                            " owner: alice, target: 2026-12-15, tags: [refunds]}\n"
                                            "  - {id: PAY-2, title: Wallets, status: planned, horizon: 2027-Q1}\n"
                                            "  - {id: PAY-3, title: Old, status: shipped, horizon: now}\n"},
                         {"roadmap/q.yaml", "squad: platform\nitems:\n"
                                            "  - {id: PLAT-1, title: Ledger, status: idea}\n"}});
}

}  // namespace

TEST_CASE("roadmap_view groups by horizon, then quarters, then no horizon")
{
  const Workspace ws = sample_ws();
  auto cols = roadmap_view(ws, {});
  REQUIRE(cols.size() == 5);
  CHECK(cols[0].horizon == "now");
  CHECK(cols[0].items.size() == 1);  // the shipped item is left out
  CHECK(cols[3].horizon == "2027-Q1");
  CHECK(cols[4].horizon.empty());
  RoadmapFilter f;
  f.include_closed = true;
  CHECK(roadmap_view(ws, f)[0].items.size() == 2);
}

TEST_CASE("filter values: comma lists and unknown values with suggestions")
{
  CHECK(split_values({"a,b", " c ", ",,"}) == std::vector<std::string>{"a", "b", "c"});
  const Workspace ws = sample_ws();
  RoadmapFilter f;
  f.squads = {"paymnts"};
  CHECK(unknown_filter_value(ws, f) == "unknown squad 'paymnts' (did you mean 'payments'?)");
  f.squads = {"payments"};
  f.horizons = {"2027-Q3", "next"};
  CHECK(unknown_filter_value(ws, f).empty());
  f.horizons = {"2027-Q5"};
  CHECK(unknown_filter_value(ws, f).find("unknown horizon '2027-Q5'") == 0);
  f.horizons.clear();
  f.tags = {"refund"};
  CHECK(unknown_filter_value(ws, f) == "unknown tag 'refund' (did you mean 'refunds'?)");
  f.tags.clear();
  f.owners = {"zed"};
  CHECK(unknown_filter_value(ws, f).find("unknown owner 'zed'; known: alice") == 0);
}

TEST_CASE("display width and truncation are UTF-8 aware")
{
  CHECK(display_width("abc") == 3);
  CHECK(display_width("caf\xc3\xa9") == 4);               // é
  CHECK(display_width("e\xcc\x81") == 1);                 // e + combining acute
  CHECK(display_width("\xe6\x97\xa5\xe6\x9c\xac") == 4);  // 日本
  CHECK(display_width("\xf0\x9f\x9a\x80") == 2);          // rocket
  CHECK(truncate_width("abcdef", 6) == "abcdef");
  CHECK(truncate_width("abcdefg", 6) == "abcde\u2026");
  CHECK(truncate_width("ab cdefg", 4) == "ab\u2026");  // no space before the ellipsis
  // A wide character that does not fit is left out whole.
  CHECK(truncate_width("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 4) == "\xe6\x97\xa5\u2026");
  CHECK(display_width(pad_width("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 4)) == 4);
  CHECK(pad_width("ab", 4) == "ab  ");
  CHECK(truncate_width("abcdef", 4, "...") == "a...");
}

TEST_CASE("board fits the width and wraps narrow columns into bands")
{
  const Workspace ws = sample_ws();
  const auto cols = roadmap_view(ws, {});
  auto plain = [](const std::string&, const std::string& t) { return t; };
  for (int width : {12, 40, 60, 100, 160}) {
    const std::string b = render_board(cols, width, plain);
    size_t pos = 0;
    while (pos < b.size()) {
      const size_t e = b.find('\n', pos);
      CHECK(display_width(std::string_view(b).substr(pos, e - pos)) <= width);
      pos = e + 1;
    }
  }
  // 160 columns hold all five columns side by side: one heading line holds every title.
  const std::string wide = render_board(cols, 160, plain);
  CHECK(wide.substr(0, wide.find('\n')).find("No horizon (1)") != std::string::npos);
  // 60 columns hold two of 29 columns: the board is three bands.
  const std::string narrow = render_board(cols, 60, plain);
  CHECK(narrow.substr(0, narrow.find('\n')) == "Now (1)" + std::string(24, ' ') + "Next (0)");
  CHECK(narrow.find("\n\nLater (0)" + std::string(22, ' ') + "2027-Q1 (1)\n") != std::string::npos);
  CHECK(narrow.find("\n\nNo horizon (1)\n") != std::string::npos);
  // The owner shows only when it fits whole.
  CHECK(narrow.find("  in-progress  2026-12-15\n") != std::string::npos);
  CHECK(narrow.find("@") == std::string::npos);
  CHECK(render_board(cols, 200, plain).find("  in-progress  2026-12-15  @alice") != std::string::npos);
  auto marked = [](const std::string& s, const std::string& t) { return "<" + s + ":" + t + ">"; };
  CHECK(render_board(cols, 100, marked).find("<in-progress:PAY-1>") != std::string::npos);
}

TEST_CASE("csv quotes fields as RFC 4180 says")
{
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
}

TEST_CASE("mermaid: names lose syntax characters, starts come from history")
{
  CHECK(mermaid_text("a: b # c; d\n e") == "a b c d e");
  CHECK(mermaid_text("  %%x  ") == "x");
  const Workspace ws = sample_ws();
  const auto cols = roadmap_view(ws, {});
  std::map<std::string, Date> started{{"PAY-1", *parse_date("2026-11-01")}};
  const std::string m = render_mermaid(cols, "Test: roadmap", started, {}, *parse_date("2026-11-22"));
  CHECK(m
        == "gantt\n    title Test roadmap\n    dateFormat YYYY-MM-DD\n    section payments\n"
           "    PAY-1 Refunds :active, t_pay_1, 2026-11-01, 2026-12-15\n");
  // Not started: from today; target passed: a critical milestone.
  const std::string late = render_mermaid(cols, "T", {}, {}, *parse_date("2026-12-20"));
  CHECK(late.find("PAY-1 Refunds :milestone, active, crit, t_pay_1, 2026-12-15, 0d") != std::string::npos);
}

TEST_CASE("mermaid: a shipped item's bar ends on the day it shipped, not on its target")
{
  const Workspace ws =
    load_workspace("/ws", {{"pops.yaml", "version: 1\nsquads:\n  idn: {prefix: IDN}\n"},
                           {"roadmap/i.yaml", "squad: idn\nitems:\n"
                                              "  - {id: IDN-1, title: SSO, status: shipped, horizon: now,"
                                              " target: 2026-08-15}\n"}});
  RoadmapFilter f;
  f.include_closed = true;
  const auto cols = roadmap_view(ws, f);
  const std::map<std::string, Date> started{{"IDN-1", *parse_date("2026-08-05")}};
  const std::map<std::string, Date> shipped{{"IDN-1", *parse_date("2026-09-10")}};
  const std::string m = render_mermaid(cols, "T", started, shipped, *parse_date("2026-11-22"));
  CHECK(m.find("IDN-1 SSO :done, t_idn_1, 2026-08-05, 2026-09-10\n") != std::string::npos);
  // Without a ship date from the history: the target, as before.
  const std::string no_history = render_mermaid(cols, "T", started, {}, *parse_date("2026-11-22"));
  CHECK(no_history.find("IDN-1 SSO :done, t_idn_1, 2026-08-05, 2026-08-15\n") != std::string::npos);
}

TEST_CASE("first_started reads the oldest move to in-progress")
{
  Change add;
  add.kind = Change::Kind::added;
  add.entity = "item";
  add.id = "PAY-1";
  add.status = "planned";
  Change start = add;
  start.kind = Change::Kind::changed;
  start.field = "status";
  start.new_value = "in-progress";
  HistoryEntry e1{{}, "2026-10-01", {add}};
  HistoryEntry e2{{}, "2026-10-05", {start}};
  HistoryEntry e3{{}, "2026-10-09", {start}};
  const auto m = first_started({e3, e2, e1});  // newest first
  REQUIRE(m.count("PAY-1") == 1);
  CHECK(format_date(m.at("PAY-1")) == "2026-10-05");
}
