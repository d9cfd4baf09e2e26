#include "workspace/diff.h"
#include "workspace/workspace.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace pops;

namespace {

const char* k_config = R"(version: 1
product: Test
squads:
  payments: {prefix: PAY}
  platform: {prefix: PLAT}
)";

Workspace ws(const std::string& payments, const std::string& platform = "items: []\n")
{
  return load_workspace("/nowhere",
                        {{"pops.yaml", k_config},
                         {"roadmap/payments.yaml", "squad: payments\n" + payments},
                         {"roadmap/platform.yaml", "squad: platform\n" + platform}},
                        1);
}

const Change* find(const std::vector<Change>& v, const std::string& id, const std::string& field = "")
{
  auto it = std::find_if(v.begin(), v.end(),
                         [&](const Change& c) { return c.id == id && (field.empty() || c.field == field); });
  return it == v.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("ids order naturally")
{
  CHECK(natural_less("PAY-2", "PAY-10"));
  CHECK_FALSE(natural_less("PAY-10", "PAY-2"));
  CHECK(natural_less("PAY-9", "PLAT-1"));
  CHECK_FALSE(natural_less("PAY-1", "PAY-1"));
}

TEST_CASE("the same workspace has no changes")
{
  const auto a = ws("items:\n  - {id: PAY-1, title: A, status: planned, target: 2026-12-01}\n");
  CHECK(diff_workspaces(a, a).empty());
}

TEST_CASE("added, removed and changed items, field by field, with the target's days")
{
  const auto a = ws("items:\n  - {id: PAY-1, title: A, status: planned, target: 2026-12-01}\n"
                    "  - {id: PAY-2, title: B, status: idea}\n");
  const auto b = ws("items:\n  - {id: PAY-1, title: A2, status: in-progress, target: 2026-12-15}\n"
                    "  - {id: PAY-3, title: C, status: idea}\n");
  const auto d = diff_workspaces(a, b);
  const Change* added = find(d, "PAY-3");
  REQUIRE(added);
  CHECK(added->kind == Change::Kind::added);
  const Change* removed = find(d, "PAY-2");
  REQUIRE(removed);
  CHECK(removed->kind == Change::Kind::removed);
  CHECK(removed->title == "B");
  const Change* status = find(d, "PAY-1", "status");
  REQUIRE(status);
  CHECK(status->kind == Change::Kind::changed);
  CHECK(status->old_value == "planned");
  CHECK(status->new_value == "in-progress");
  const Change* target = find(d, "PAY-1", "target");
  REQUIRE(target);
  CHECK(target->days == 14);
  CHECK(describe_change(*target).detail.find("+14 days") != std::string::npos);
  CHECK(find(d, "PAY-1", "title"));
  // Without added entries (the transition rules), PAY-3 is left out.
  CHECK_FALSE(find(diff_workspaces(a, b, false), "PAY-3"));
}

TEST_CASE("an item that changes file is moved, not removed and added")
{
  const auto a = ws("items:\n  - {id: PAY-1, title: A, status: idea}\n");
  const auto b = ws("items: []\n", "items:\n  - {id: PAY-1, title: A, status: idea, squad: payments}\n");
  const auto d = diff_workspaces(a, b);
  REQUIRE_FALSE(d.empty());
  CHECK(std::none_of(d.begin(), d.end(),
                     [](const Change& c) { return c.kind == Change::Kind::added || c.kind == Change::Kind::removed; }));
  const Change* moved = find(d, "PAY-1");
  REQUIRE(moved);
  CHECK(moved->kind == Change::Kind::moved);
  CHECK(moved->file == "roadmap/platform.yaml");
}

TEST_CASE("a drop carries its reason in the status change")
{
  const auto a = ws("items:\n  - {id: PAY-1, title: A, status: planned}\n");
  const auto b = ws("items:\n  - {id: PAY-1, title: A, status: dropped, dropped_reason: no demand}\n");
  const auto d = diff_workspaces(a, b);
  const Change* status = find(d, "PAY-1", "status");
  REQUIRE(status);
  CHECK(status->reason == "no demand");
  CHECK_FALSE(find(d, "PAY-1", "dropped_reason"));
  CHECK(describe_change(*status).label == "dropped");
}

TEST_CASE("an item new under moved_from, its old id dropped or gone, is a move of its id")
{
  const auto a = ws("items:\n  - {id: PAY-1, title: A, status: in-progress}\n");
  const auto moved =
    ws("items:\n  - {id: PAY-1, title: A, status: dropped, dropped_reason: moved to platform as PLAT-1}\n",
       "items:\n  - {id: PLAT-1, title: A, status: in-progress, moved_from: PAY-1}\n");
  for (const auto& b :
       {moved, ws("items: []\n", "items:\n  - {id: PLAT-1, title: A, status: planned, moved_from: PAY-1}\n")}) {
    const auto d = diff_workspaces(a, b);
    const Change* c = find(d, "PLAT-1");
    REQUIRE(c);
    CHECK(c->kind == Change::Kind::moved);
    CHECK(c->field == "id");
    CHECK(c->old_value == "PAY-1");
    CHECK(c->new_value == "PLAT-1");
    CHECK(c->squad == "platform");
    CHECK(describe_change(*c).detail == "PAY-1 to platform as PLAT-1");
    CHECK(moved_from(a, b, *b.item("PLAT-1")) == "PAY-1");
  }
  // The old id still live after, or dropped before: an addition with a note.
  const auto live = ws("items:\n  - {id: PAY-1, title: A, status: in-progress}\n",
                       "items:\n  - {id: PLAT-1, title: A, status: planned, moved_from: PAY-1}\n");
  const auto d_live = diff_workspaces(a, live);
  const Change* added = find(d_live, "PLAT-1");
  REQUIRE(added);
  CHECK(added->kind == Change::Kind::added);
  CHECK(diff_workspaces(moved, moved).empty());
  const auto later =
    ws("items:\n  - {id: PAY-1, title: A, status: dropped, dropped_reason: x}\n",
       "items:\n  - {id: PLAT-1, title: A, status: planned, moved_from: PAY-1}\n  - {id: PLAT-2, title: B, "
       "status: planned, moved_from: PAY-1}\n");
  const auto d_later = diff_workspaces(moved, later);
  const Change* second = find(d_later, "PLAT-2");
  REQUIRE(second);
  CHECK(second->kind == Change::Kind::added);
}
