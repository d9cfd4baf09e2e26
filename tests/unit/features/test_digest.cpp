#include "features/digest.h"
#include "workspace/portfolio.h"
#include "workspace/workspace.h"

#include <doctest/doctest.h>

using namespace pops;

namespace {

Date d(const char* s)
{
  return *parse_date(s);
}

const char* k_config = "version: 1\nproduct: Test\nsquads:\n  payments: {prefix: PAY}\n  platform: {prefix: PLAT}\n"
                       "rituals:\n  review:\n    cadence: {every: 2 weeks, on: thursday, from: 2026-01-08}\n";

}  // namespace

TEST_CASE("build_digest: shipped, committed, slipped, dropped and removed from the diff")
{
  const Workspace from =
    load_workspace("/ws", {{"pops.yaml", k_config},
                           {"roadmap/p.yaml",
                            "squad: payments\nitems:\n"
                            "  - {id: PAY-1, title: Refunds, status: in-progress, horizon: now, target: 2026-11-20}\n"
                            "  - {id: PAY-2, title: Wallets, status: planned, horizon: next, target: 2026-12-01}\n"
                            "  - {id: PAY-3, title: Crypto, status: idea, horizon: later}\n"
                            "  - {id: PAY-4, title: Export, status: idea}\n"}});
  const Workspace to = load_workspace(
    "/ws", {{"pops.yaml", k_config},
            {"roadmap/p.yaml", "squad: payments\nitems:\n"
                               "  - {id: PAY-1, title: Refunds, status: shipped, horizon: now, target: 2026-11-20,"
                               " description: Refund from the console.}\n"
                               "  - {id: PAY-2, title: Wallets, status: planned, horizon: now, target: 2026-12-15}\n"
                               "  - {id: PAY-3, title: Crypto, status: dropped, horizon: later,"
                               " dropped_reason: no demand}\n"},
            {"feedback/f.yaml", "entries:\n  - {id: FB-1, date: 2026-11-01, source: support, customer: Globex,"
                                " quote: slow, items: [PAY-1]}\n"}});
  // The period's slips come from the history: PAY-2 slipped once; PAY-1 slipped, then shipped.
  const std::vector<SlipEvent> slips = {
    {"PAY-1", "Refunds", "payments", d("2026-11-10"), "c1", d("2026-11-13"), d("2026-11-20"), 7},
    {"PAY-2", "Wallets", "payments", d("2026-11-12"), "c2", d("2026-12-01"), d("2026-12-15"), 14}};
  ItemFacts pay1;
  pay1.id = "PAY-1";
  pay1.shipped = d("2026-11-21");
  pay1.first_target = d("2026-11-13");
  pay1.late_days = 8;
  const Digest dg = build_digest(from, to, d("2026-11-22"), slips, {pay1});
  REQUIRE(dg.shipped.size() == 1);
  CHECK(dg.shipped[0].id == "PAY-1");
  CHECK(dg.shipped[0].description == "Refund from the console.");
  CHECK(dg.shipped[0].customers == std::vector<std::string>{"Globex"});
  REQUIRE(dg.committed.size() == 1);
  CHECK(dg.committed[0].was == "next");
  CHECK(format_date(*dg.shipped[0].shipped_on) == "2026-11-21");
  CHECK(format_date(*dg.shipped[0].first_target) == "2026-11-13");
  CHECK(dg.shipped[0].late_days == 8);
  REQUIRE(dg.slipped.size() == 2);
  CHECK(dg.slipped[0].id == "PAY-1");
  CHECK(dg.slipped[0].days == 7);
  CHECK(dg.slipped[1].days == 14);
  CHECK(dg.slipped[1].slips == 1);
  CHECK(format_date(*dg.slipped[1].old_target) == "2026-12-01");
  REQUIRE(dg.dropped.size() == 2);
  CHECK(dg.dropped[0].id == "PAY-3");
  CHECK(dg.dropped[0].reason == "no demand");
  CHECK(dg.dropped[1].id == "PAY-4");
  CHECK(dg.dropped[1].removed);
  REQUIRE(dg.rituals.size() == 1);
  CHECK(format_date(*dg.rituals[0].next) == "2026-11-26");
  REQUIRE(dg.figures.size() == 3);
  CHECK(dg.figures[0].squad == "payments");
  CHECK(dg.figures[0].shipped == 1);
  CHECK(dg.figures[0].slipped == 2);
  CHECK(dg.figures[0].slip_days == 21);
  CHECK(dg.figures[0].dropped == 2);
  CHECK(dg.figures[0].open_now == 1);
  CHECK(dg.figures[2].squad == "total");

  // A target later in the diff is no slip without the history's slips.
  CHECK(build_digest(from, to, d("2026-11-22"), {}, {}).slipped.empty());

  // Nothing changed: nothing listed.
  const Digest same = build_digest(to, to, d("2026-11-22"), {}, {});
  CHECK(same.shipped.empty());
  CHECK(same.committed.empty());
  CHECK(same.slipped.empty());
  CHECK(same.dropped.empty());

  // Support sees only customer-facing slips: PAY-2 has no feedback.
  DigestSpan span{"2026-11-08", "abc1234", "2026-11-07", "def5678", "2026-11-22"};
  const std::string support = render_digest_markdown(dg, Audience::support, span);
  CHECK(support.find("Asked for by: Globex (FB-1)") != std::string::npos);
  CHECK(support.find("PAY-2") == std::string::npos);
  const std::string exec = render_digest_markdown(dg, Audience::exec, span);
  CHECK(exec.find("| payments | 1 | 1 | 2 | 21 | 2 | 0 | 1 |") != std::string::npos);
  const std::string all = render_digest_markdown(dg, Audience::all, span);
  CHECK(all.find("shipped 2026-11-21, 8 days after its first target 2026-11-13") != std::string::npos);
  CHECK(exec.find("Refund from the console") == std::string::npos);
  CHECK(parse_audience("sales") == Audience::sales);
  CHECK_FALSE(parse_audience("press"));
  CHECK(lateness_text(d("2026-09-27"), 12) == "12 days after its first target 2026-09-27");
  CHECK(lateness_text(d("2026-09-27"), -1) == "1 day before its first target 2026-09-27");
  CHECK(lateness_text(d("2026-09-27"), 0) == "on its first target 2026-09-27");
  CHECK(lateness_text(std::nullopt, std::nullopt).empty());
}

TEST_CASE("build_digest: an item moved under a new id is moved, not dropped, and compared with its old id")
{
  const Workspace from = load_workspace(
    "/ws",
    {{"pops.yaml", k_config},
     {"roadmap/p.yaml", "squad: payments\nitems:\n"
                        "  - {id: PAY-1, title: Refunds, status: in-progress, horizon: next, target: 2026-11-20}\n"},
     {"roadmap/q.yaml", "squad: platform\nitems: []\n"}});
  const Workspace to = load_workspace(
    "/ws", {{"pops.yaml", k_config},
            {"roadmap/p.yaml", "squad: payments\nitems:\n"
                               "  - {id: PAY-1, title: Refunds, status: dropped, horizon: next, target: 2026-11-20,"
                               " dropped_reason: moved to platform as PLAT-4}\n"},
            {"roadmap/q.yaml", "squad: platform\nitems:\n"
                               "  - {id: PLAT-4, title: Refunds, status: in-progress, horizon: now, target: 2026-11-20,"
                               " moved_from: PAY-1}\n"}});
  const Digest dg = build_digest(from, to, d("2026-11-22"), {}, {});
  CHECK(dg.dropped.empty());
  REQUIRE(dg.moved.size() == 1);
  CHECK(dg.moved[0].id == "PAY-1");
  CHECK(dg.moved[0].squad == "payments");
  CHECK(dg.moved[0].moved_to == "PLAT-4");
  CHECK(dg.moved[0].moved_squad == "platform");
  // Newly committed to now: next before the move, now after it.
  REQUIRE(dg.committed.size() == 1);
  CHECK(dg.committed[0].id == "PLAT-4");
  CHECK(dg.committed[0].was == "next");
  for (const auto& f : dg.figures) {
    CHECK(f.dropped == 0);
  }
  const std::string md = render_digest_markdown(dg, Audience::all, {});
  CHECK(md.find("## Moved (1)") != std::string::npos);
  CHECK(md.find("(payments): moved to platform as PLAT-4") != std::string::npos);
}

TEST_CASE("digest renderings escape hostile text and keep one entry per line")
{
  Digest dg;
  dg.product = "Evil *Co*";
  dg.first_horizon = "now";
  DigestEntry e;
  e.id = "PAY-1";
  e.title = "**Bold** [x](http://evil) <img src=x>\nsecond line";
  e.squad = "payments";
  e.status = "shipped";
  e.description = "a | b";
  e.customers = {"A\x1b[31mcme"};
  e.feedback = {"FB-1"};
  dg.shipped.push_back(e);
  const DigestSpan span{"2026-11-08", "", "", "abc1234", "2026-11-20"};
  const std::string md = render_digest_markdown(dg, Audience::all, span);
  CHECK(md.find("# Evil \\*Co\\*: product update") == 0);
  CHECK(md.find("- **PAY-1 \\*\\*Bold\\*\\* \\[x\\](http://evil) &lt;img src=x&gt; second line** (payments): shipped\n")
        != std::string::npos);
  CHECK(md.find("  - a \\| b\n") != std::string::npos);
  CHECK(md.find('\x1b') == std::string::npos);
  CHECK(md.find("Since 2026-11-08: every change up to abc1234 (2026-11-20).") != std::string::npos);
  const std::string text = render_digest_text(dg, Audience::all, span);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("asked for by: A?[31mcme (FB-1)") != std::string::npos);
  const std::string json = render_digest_json(dg, Audience::exec, span);
  CHECK(json.find("\"customers\"") == std::string::npos);  // exec: no customers
  CHECK(json.find("\"from\": null") != std::string::npos);
}

TEST_CASE("build_digest: what shipped is what the history says shipped in the period, not the diff")
{
  // PAY-1 was shipped at the start, reopened and shipped again in the period: the two states agree,
  // the history does not. PAY-2 appears already shipped: no ship day is known, nothing shipped.
  const char* files = "squad: payments\nitems:\n"
                      "  - {id: PAY-1, title: Refunds, status: shipped, horizon: now}\n";
  const Workspace from = load_workspace("/ws", {{"pops.yaml", k_config}, {"roadmap/p.yaml", files}});
  const Workspace to = load_workspace(
    "/ws",
    {{"pops.yaml", k_config},
     {"roadmap/p.yaml", std::string(files) + "  - {id: PAY-2, title: Wallets, status: shipped, horizon: now}\n"}});
  ItemFacts pay1;
  pay1.id = "PAY-1";
  pay1.squad = "payments";
  pay1.shipped = d("2026-11-20");
  ItemFacts gone;  // shipped, then archived (deleted from the files) in the period
  gone.id = "PAY-0";
  gone.title = "Archived";
  gone.squad = "payments";
  gone.shipped = d("2026-11-12");
  const Digest dg = build_digest(from, to, d("2026-11-22"), {}, {pay1, gone});
  REQUIRE(dg.shipped.size() == 2);
  CHECK(dg.shipped[0].id == "PAY-0");
  CHECK(dg.shipped[0].title == "Archived");
  CHECK(dg.shipped[1].id == "PAY-1");
  CHECK(format_date(*dg.shipped[1].shipped_on) == "2026-11-20");
  CHECK(dg.figures[0].shipped == 2);
  CHECK(build_digest(from, to, d("2026-11-22"), {}, {}).shipped.empty());
}

TEST_CASE("digest of a portfolio member: its ids, squads, objectives and feedback ids qualified")
{
  Digest d;
  DigestEntry shipped;
  shipped.id = "PAY-1";
  shipped.squad = "payments";
  shipped.feedback = {"FB-1"};
  shipped.docs = {DigestDoc{"docs/refunds.md", "Refunds", "approved"}};
  d.shipped = {shipped};
  DigestEntry moved;
  moved.id = "PAY-2";
  moved.moved_to = "CORE-9";
  moved.moved_squad = "core";
  d.moved = {moved};
  DigestEntry loose;  // no squad: stays without one
  loose.id = "PAY-4";
  d.committed = {loose};
  d.at_risk = {DigestRisk{"PAY-3", "T", "payments", "at-risk", "", Date{}}};
  d.initiatives = {DigestInitiative{"I1", "Init", {"PAY-1"}}};
  DigestGoal goal;
  goal.id = "O1";
  goal.moved = {"O1-KR1"};
  d.goals = {goal};
  SquadFigures payments;
  payments.squad = "payments";
  SquadFigures total;
  total.squad = "total";
  d.figures = {payments, total};
  d.rituals = {DigestRitual{"Review", "weekly", std::nullopt, {"payments"}}};
  Member acme;
  acme.name = "acme";
  acme.path = "../acme/";
  qualify_digest(d, acme);
  CHECK(d.shipped[0].id == "acme/PAY-1");
  CHECK(d.shipped[0].docs[0].file == "../acme/docs/refunds.md");
  CHECK(d.shipped[0].squad == "acme/payments");
  CHECK(d.shipped[0].feedback == std::vector<std::string>{"acme/FB-1"});
  CHECK(d.moved[0].id == "acme/PAY-2");
  CHECK(d.moved[0].moved_to == "acme/CORE-9");
  CHECK(d.moved[0].moved_squad == "acme/core");
  CHECK(d.committed[0].squad.empty());
  CHECK(d.at_risk[0].id == "acme/PAY-3");
  CHECK(d.at_risk[0].squad == "acme/payments");
  CHECK(d.initiatives[0].id == "acme/I1");
  CHECK(d.initiatives[0].items[0] == "acme/PAY-1");
  CHECK(d.goals[0].id == "acme/O1");
  CHECK(d.goals[0].moved == std::vector<std::string>{"acme/O1-KR1"});
  CHECK(d.figures[0].squad == "acme/payments");
  CHECK(d.figures[1].squad == "total");
  CHECK(d.rituals[0].squads == std::vector<std::string>{"acme/payments"});
  // The portfolio's own (no name): unchanged.
  qualify_digest(d, Member{});
  CHECK(d.shipped[0].id == "acme/PAY-1");
  CHECK(d.shipped[0].docs[0].file == "../acme/docs/refunds.md");
  CHECK(d.figures[0].squad == "acme/payments");
}
