#include "cache/cache_bytes.h"

#include "helpers.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>

using namespace pops;
using namespace pops::cache_bytes;

TEST_CASE("every kind of value reads back as written")
{
  Writer w;
  w.u(0);
  w.u(127);
  w.u(128);
  w.u(std::numeric_limits<uint64_t>::max());
  w.i(-1);
  w.i(std::numeric_limits<long long>::min());
  w.i(std::numeric_limits<long long>::max());
  w.b(true);
  w.b(false);
  w.f(-0.125);
  w.s("");
  w.s(std::string("a\0b", 3));
  w.fixed64(0x0102030405060708ull);
  put(w, Loc{12, 7, 4096});

  Reader r(w.out);
  CHECK(r.u() == 0);
  CHECK(r.u() == 127);
  CHECK(r.u() == 128);
  CHECK(r.u() == std::numeric_limits<uint64_t>::max());
  CHECK(r.i() == -1);
  CHECK(r.i() == std::numeric_limits<long long>::min());
  CHECK(r.i() == std::numeric_limits<long long>::max());
  CHECK(r.b());
  CHECK_FALSE(r.b());
  CHECK(r.f() == -0.125);
  CHECK(r.s().empty());
  CHECK(r.s() == std::string("a\0b", 3));
  CHECK(r.fixed64() == 0x0102030405060708ull);
  Loc l;
  get(r, l);
  CHECK(l.line == 12);
  CHECK(l.column == 7);
  CHECK(l.pos == 4096);
  CHECK(r.done());
}

TEST_CASE("a value cut short or out of range throws Malformed, never reads past the end")
{
  Writer w;
  w.s("hello");
  const std::string whole = w.out;
  for (size_t cut = 0; cut < whole.size(); ++cut) {
    Reader r(std::string_view(whole).substr(0, cut));
    CHECK_THROWS_AS(r.s(), Malformed);
  }
  // A varint that never ends.
  const std::string ff(11, '\xff');
  Reader endless(ff);
  CHECK_THROWS_AS(endless.u(), Malformed);
  // A count larger than the bytes left.
  Writer c;
  c.u(1000);
  Reader rc(c.out);
  CHECK_THROWS_AS(rc.count(), Malformed);
  // A line number beyond 32 bits.
  Writer big;
  big.i(1ll << 40);
  Reader rb(big.out);
  CHECK_THROWS_AS(rb.int32(), Malformed);
  Reader none(std::string_view{});
  CHECK_THROWS_AS(none.fixed64(), Malformed);
  CHECK_THROWS_AS(none.b(), Malformed);
}

TEST_CASE("cache files are written whole and read back; what is not a regular file is not read")
{
  test::TempDir t("pops-cache-bytes");
  const std::string file = (t.path / "x.cache").string();
  write_cache_file(file, std::string("bytes\0more", 10));
  std::string back;
  REQUIRE(read_whole(file, back));
  CHECK(back == std::string("bytes\0more", 10));
  write_cache_file(file, "shorter");
  REQUIRE(read_whole(file, back));
  CHECK(back == "shorter");
  CHECK_FALSE(read_whole((t.path / "missing").string(), back));
  CHECK_FALSE(read_whole(t.path.string(), back));  // a folder
  // Writing into a folder that does not exist fails silently.
  write_cache_file((t.path / "no" / "such" / "x").string(), "x");
  CHECK_FALSE(read_whole((t.path / "no" / "such" / "x").string(), back));
}

TEST_CASE("a file larger than any cache pops writes is not read, nor is one larger than asked")
{
  test::TempDir t("pops-cache-bytes");
  const std::string file = (t.path / "big.cache").string();
  write_cache_file(file, "x");
  // Sparse: takes no room on disk, and reading it whole would take 1 GiB + 1 of memory.
  std::filesystem::resize_file(file, k_max_file_bytes + 1);
  std::string back = "before";
  CHECK_FALSE(read_whole(file, back));
  CHECK(back.capacity() < 4096);
  std::filesystem::resize_file(file, 100);
  CHECK(read_whole(file, back));
  CHECK(back.size() == 100);
  CHECK_FALSE(read_whole(file, back, 99));
  CHECK(read_whole(file, back, 100));
}
