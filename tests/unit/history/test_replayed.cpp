// What a replay keeps of the model (lib/history/replayed.cpp): the replayed fields only, without
// positions; the comparison on those fields; elements a replay sees unchanged left out.

#include "history/replayed.h"

#include "../helpers.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace pops;

namespace {

LStr at(std::string v, int line)
{
  LStr s;
  s.value = std::move(v);
  s.set = true;
  s.loc = {line, 5, 40};
  return s;
}

Item item(const std::string& id, const std::string& status, int line = 3)
{
  Item it;
  it.file = "roadmap/p.yaml";
  it.id = at(id, line);
  it.title = at("Title of " + id, line);
  it.status = at(status, line);
  it.owner = at("alice", line);
  return it;
}

std::vector<std::string> ids(const std::vector<Item>& v)
{
  std::vector<std::string> out;
  for (const auto& it : v) {
    out.push_back(it.id.value);
  }
  return out;
}

}  // namespace

TEST_CASE("replayed_fields keeps the replayed fields without positions and drops the others")
{
  std::vector<Item> items{item("PAY-1", "planned", 7)};
  items[0].target.value = *parse_date("2026-12-01");
  items[0].target.set = true;
  Feedback fb;
  fb.file = "feedback/f.yaml";
  fb.id = at("FB-1", 2);
  fb.items = {at("PAY-1", 3)};
  fb.customer = at("Globex", 4);
  std::vector<Feedback> feedback{fb};
  Doc d;
  d.file = "docs/a.md";
  d.type = at("prd", 2);
  d.title = at("A", 3);
  std::vector<Doc> docs{d};
  replayed_fields(items, feedback, docs);
  CHECK(items[0].file == "roadmap/p.yaml");
  CHECK(items[0].id.value == "PAY-1");
  CHECK(items[0].id.loc.line == 0);
  CHECK(items[0].status.value == "planned");
  CHECK(format_date(items[0].target.value) == "2026-12-01");
  CHECK_FALSE(items[0].owner.set);
  CHECK(feedback[0].items.size() == 1);
  CHECK(feedback[0].items[0].loc.line == 0);
  CHECK_FALSE(feedback[0].customer.set);
  CHECK(docs[0].type.value == "prd");
  CHECK_FALSE(docs[0].title.set);
}

TEST_CASE("same_replayed compares the replayed fields only, positions and other fields aside")
{
  Item a = item("PAY-1", "planned", 3);
  Item b = item("PAY-1", "planned", 9);
  b.owner = at("bo", 9);
  CHECK(same_replayed(a, b));
  b.status = at("shipped", 9);
  CHECK_FALSE(same_replayed(a, b));
  Item c = item("PAY-1", "planned");
  c.target.set = true;  // a target appears
  CHECK_FALSE(same_replayed(a, c));
  Item d = item("PAY-1", "planned");
  d.file = "roadmap/q.yaml";
  CHECK_FALSE(same_replayed(a, d));
  Feedback f1;
  f1.id = at("FB-1", 1);
  f1.items = {at("PAY-1", 2)};
  Feedback f2 = f1;
  f2.items[0].loc.line = 8;
  CHECK(same_replayed(f1, f2));
  f2.items.push_back(at("PAY-2", 9));
  CHECK_FALSE(same_replayed(f1, f2));
}

TEST_CASE("drop_unchanged leaves out, from the given starts on, ids once on each side and the same")
{
  std::vector<Item> before{item("PAY-9", "idea"), item("PAY-1", "planned"), item("PAY-2", "planned"),
                           item("PAY-3", "idea"), item("PAY-3", "idea")};
  std::vector<Item> after{item("PAY-9", "idea"), item("PAY-1", "planned", 20), item("PAY-2", "shipped"),
                          item("PAY-3", "idea"), item("PAY-4", "idea")};
  drop_unchanged(before, after, 1, 1);
  // PAY-9 is before the starts; PAY-1 is the same (its line aside); PAY-2 changed; PAY-3 is twice in
  // `before`; PAY-4 is new.
  CHECK(ids(before) == std::vector<std::string>{"PAY-9", "PAY-2", "PAY-3", "PAY-3"});
  CHECK(ids(after) == std::vector<std::string>{"PAY-9", "PAY-2", "PAY-3", "PAY-4"});
}

TEST_CASE("replayed gives a fragment of the replayed fields")
{
  const HistoryFragment f = replayed({item("PAY-1", "planned", 4)}, {}, {});
  REQUIRE(f.items.size() == 1);
  CHECK(f.items[0].id.value == "PAY-1");
  CHECK(f.items[0].id.loc.line == 0);
  CHECK_FALSE(f.items[0].owner.set);
  CHECK(f.cache_id == 0);
}
