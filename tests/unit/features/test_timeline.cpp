#include "features/timeline.h"
#include "workspace/workspace.h"

#include <doctest/doctest.h>

#include <string>

using namespace pops;

namespace {

Workspace timeline_ws()
{
  return load_workspace(
    "/ws", {{"pops.yaml", "version: 1\nsquads:\n  idn: {prefix: IDN}\n  pay: {prefix: PAY}\n"
                          "people:\n  alice: {name: Alice}\n"},
            {"roadmap/i.yaml", "squad: idn\nitems:\n"
                               "  - {id: IDN-1, title: SSO, status: shipped, horizon: now, owner: alice}\n"
                               "  - {id: IDN-2, title: SCIM, status: in-progress, horizon: now, target: 2026-10-20}\n"
                               "  - {id: IDN-3, title: Old, status: shipped, horizon: now}\n"
                               "  - {id: IDN-4, title: Gone, status: dropped, horizon: now}\n"
                               "  - {id: IDN-5, title: Idea, status: idea, horizon: later}\n"},
            {"roadmap/p.yaml", "squad: pay\nitems:\n"
                               "  - {id: PAY-1, title: Refunds, status: shipped, horizon: now}\n"}});
}

ItemFacts facts(const std::string& id, std::optional<Date> started, std::optional<Date> planned,
                std::optional<Date> shipped)
{
  ItemFacts f;
  f.id = id;
  f.started = started;
  f.first_target = planned;
  f.shipped = shipped;
  if (planned && shipped) {
    f.late_days = shipped->days - planned->days;
  }
  return f;
}

Metrics timeline_metrics()
{
  Metrics m;
  m.since = *parse_date("2026-08-01");
  m.until = *parse_date("2026-11-30");
  const auto d = [](const char* s) { return *parse_date(s); };
  m.items = {facts("IDN-1", d("2026-08-05"), d("2026-08-15"), d("2026-09-10")),
             facts("IDN-2", d("2026-09-01"), d("2026-10-01"), std::nullopt),
             facts("IDN-3", d("2026-06-01"), d("2026-06-10"), d("2026-07-01")),  // shipped before the window
             facts("IDN-4", d("2026-09-01"), d("2026-09-20"), std::nullopt),     // dropped
             facts("IDN-5", std::nullopt, std::nullopt, std::nullopt),           // never committed
             facts("PAY-1", d("2026-10-01"), std::nullopt, d("2026-10-12"))};    // shipped without a commitment
  return m;
}

}  // namespace

TEST_CASE("timeline: first committed target against ship day, from the item facts")
{
  const Workspace ws = timeline_ws();
  RoadmapFilter f;
  f.include_closed = true;
  const Metrics m = timeline_metrics();
  const Timeline t = build_timeline(roadmap_view(ws, f), m, TimelineGroup::squad, *parse_date("2026-11-22"));
  REQUIRE(t.bars.size() == 3);
  CHECK(t.groups == std::vector<std::string>{"idn", "pay"});
  CHECK(t.bars[0].id == "IDN-1");
  CHECK(format_date(*t.bars[0].planned) == "2026-08-15");
  CHECK(format_date(*t.bars[0].shipped) == "2026-09-10");
  CHECK(*t.bars[0].late_days == 26);
  CHECK(t.bars[1].id == "IDN-2");
  CHECK_FALSE(t.bars[1].shipped);
  CHECK(format_date(*t.bars[1].target) == "2026-10-20");  // its target now, beside the first one
  CHECK(t.bars[2].id == "PAY-1");
  CHECK_FALSE(t.bars[2].planned);
  CHECK(format_date(t.from) == "2026-08-01");
  CHECK(format_date(t.to) == "2026-11-30");

  const std::string text = render_timeline_text(t, 100);
  CHECK(text.find("IDN-1 SSO") != std::string::npos);
  CHECK(text.find("2026-08-15 -> 2026-09-10 +26d\n") != std::string::npos);
  CHECK(text.find("2026-10-01 -> open\n") != std::string::npos);
  CHECK(text.find("(none) -> 2026-10-12\n") != std::string::npos);
  CHECK(text.find("Aug") != std::string::npos);
  for (size_t a = 0, b = 0; (b = text.find('\n', a)) != std::string::npos; a = b + 1) {
    CHECK(b - a <= 100);  // every line fits the width
  }
  // Narrow: the lateness only, still within the width.
  const std::string narrow = render_timeline_text(t, 50);
  CHECK(narrow.find("+26d\n") != std::string::npos);
  CHECK(narrow.find("-> 2026-09-10") == std::string::npos);

  const std::string json = render_timeline_json(t);
  CHECK(json.find("\"id\": \"IDN-1\"") != std::string::npos);
  CHECK(json.find("\"planned\": \"2026-08-15\"") != std::string::npos);
  CHECK(json.find("\"shipped\": \"2026-09-10\"") != std::string::npos);
  CHECK(json.find("\"late_days\": 26") != std::string::npos);

  const Timeline by_owner = build_timeline(roadmap_view(ws, f), m, TimelineGroup::owner, *parse_date("2026-11-22"));
  CHECK(by_owner.groups == std::vector<std::string>{"alice", ""});
  CHECK(render_timeline_text(by_owner, 100).find("(no owner)\n") != std::string::npos);
}

TEST_CASE("timeline: nothing committed or shipped")
{
  Metrics m;
  m.until = *parse_date("2026-11-30");
  const Timeline t = build_timeline({}, m, TimelineGroup::squad, *parse_date("2026-11-22"));
  CHECK(t.bars.empty());
  CHECK(render_timeline_text(t, 80).find("No item has a committed target or shipped in the window.")
        != std::string::npos);
}
