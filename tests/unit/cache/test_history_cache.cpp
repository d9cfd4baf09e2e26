// The history cache (lib/cache/history_cache.cpp): records and fragments read back after a save, one
// fragment per content, and nothing read from a cache of another build or workspace, or a damaged one.

#include "cache/history_cache.h"

#include "../helpers.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace pops;
using pops::test::TempDir;
namespace fs = std::filesystem;

namespace {

Item item(const std::string& id, const std::string& title, const std::string& status)
{
  Item it;
  it.id.value = id;
  it.id.set = true;
  it.title.value = title;
  it.title.set = true;
  it.status.value = status;
  it.status.set = true;
  it.file = "roadmap/p.yaml";
  return it;
}

HistoryFragment fragment_of(std::vector<Item> items)
{
  HistoryFragment f;
  f.items = std::move(items);
  return f;
}

/// A record of one file changed in place, PAY-1 from planned to shipped.
HistoryCache::Record record(HistoryCache& c, uint64_t& before_id, uint64_t& after_id)
{
  before_id = c.add_fragment(fragment_of({item("PAY-1", "Refunds", "planned")}));
  after_id = c.add_fragment(fragment_of({item("PAY-1", "Refunds", "shipped")}));
  HistoryCache::Record r;
  r.old_files = {{"roadmap/p.yaml", before_id}};
  r.new_files = {{"roadmap/p.yaml", after_id}};
  r.in_place = {"roadmap/p.yaml"};
  r.in_before = before_id;
  r.in_after = after_id;
  r.has_changes = true;
  Change ch;
  ch.entity = "item";
  ch.id = "PAY-1";
  ch.field = "status";
  ch.old_value = "planned";
  ch.new_value = "shipped";
  ch.days = -3;
  ch.links = {"FB-1"};
  r.changes.push_back(ch);
  return r;
}

fs::path only_file(const fs::path& dir)
{
  fs::path found;
  int n = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    found = e.path();
    ++n;
  }
  REQUIRE(n == 1);
  return found;
}

}  // namespace

TEST_CASE("a record and its fragments come back after a save, in a new cache of the same workspace")
{
  TempDir t;
  const std::string dir = (t.path / "pops").string();
  uint64_t before_id = 0;
  uint64_t after_id = 0;
  {
    HistoryCache c(dir, "/w", "", "build 1");
    CHECK(c.find("c1") == nullptr);
    c.add("c1", record(c, before_id, after_id));
    HistoryCache::Record empty;
    empty.empty = true;
    c.add("c2", empty);
    c.save();
  }
  CHECK(before_id != after_id);
  HistoryCache c(dir, "/w", "", "build 1");
  const auto* r = c.find("c1");
  REQUIRE(r != nullptr);
  CHECK_FALSE(r->empty);
  REQUIRE(r->old_files.size() == 1);
  CHECK(r->old_files[0].path == "roadmap/p.yaml");
  CHECK(r->old_files[0].fragment == before_id);
  CHECK(r->in_place == std::vector<std::string>{"roadmap/p.yaml"});
  REQUIRE(r->changes.size() == 1);
  CHECK(r->changes[0].new_value == "shipped");
  CHECK(r->changes[0].days == -3);
  CHECK(r->changes[0].links == std::vector<std::string>{"FB-1"});
  const auto after = c.fragment(r->in_after);
  REQUIRE(after != nullptr);
  REQUIRE(after->items.size() == 1);
  CHECK(after->items[0].id.value == "PAY-1");
  CHECK(after->items[0].status.value == "shipped");
  const auto* e = c.find("c2");
  REQUIRE(e != nullptr);
  CHECK(e->empty);
  CHECK(c.find("c3") == nullptr);
}

TEST_CASE("a fragment is stored once per content")
{
  TempDir t;
  HistoryCache c((t.path / "pops").string(), "/w", "", "b");
  const uint64_t a = c.add_fragment(fragment_of({item("PAY-1", "A", "idea"), item("PAY-2", "B", "idea")}));
  const uint64_t same = c.add_fragment(fragment_of({item("PAY-1", "A", "idea"), item("PAY-2", "B", "idea")}));
  const uint64_t other_order = c.add_fragment(fragment_of({item("PAY-2", "B", "idea"), item("PAY-1", "A", "idea")}));
  const uint64_t other = c.add_fragment(fragment_of({item("PAY-1", "A", "planned")}));
  CHECK(a == same);
  CHECK(a != other_order);
  CHECK(a != other);
  CHECK(a != 0);
  // A fragment keeps the id it was given.
  HistoryFragment f = fragment_of({item("PAY-9", "Z", "idea")});
  const uint64_t id = c.add_fragment(f);
  CHECK(f.cache_id == id);
  CHECK(c.add_fragment(f) == id);
}

TEST_CASE("another build, another workspace or prefix, or a damaged file: nothing is read")
{
  TempDir t;
  const std::string dir = (t.path / "pops").string();
  uint64_t b = 0;
  uint64_t a = 0;
  {
    HistoryCache c(dir, "/w", "", "build 1");
    c.add("c1", record(c, b, a));
    c.save();
  }
  CHECK(HistoryCache(dir, "/w", "", "build 2").find("c1") == nullptr);
  CHECK(HistoryCache(dir, "/other", "", "build 1").find("c1") == nullptr);
  CHECK(HistoryCache(dir, "/w", "product/", "build 1").find("c1") == nullptr);
  CHECK(HistoryCache(dir, "/w", "", "build 1").find("c1") != nullptr);
  // One byte changed in the payload: the checksum refuses the whole file.
  const fs::path file = only_file(dir);
  std::string bytes = t.read(fs::relative(file, t.path).string());
  bytes[bytes.size() - 5] ^= 0x20;
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
  CHECK(HistoryCache(dir, "/w", "", "build 1").find("c1") == nullptr);
  // A cache without a folder keeps nothing and writes nothing.
  HistoryCache none("", "/w", "", "build 1");
  none.add("c1", record(none, b, a));
  none.save();
  CHECK(none.find("c1") == nullptr);
}
