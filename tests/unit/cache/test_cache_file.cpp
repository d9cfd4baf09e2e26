// The files of pops's caches (lib/cache/cache_file.cpp): hashes, the cache folder, and the checked
// header that refuses a stale, foreign, truncated or corrupt file.

#include "cache/cache_file.h"

#include "../helpers.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <vector>

using namespace pops;

TEST_CASE("content hashes: every byte counts, the seed too, and 128 bits differ with the content")
{
  CHECK(content_hash("abc") == content_hash("abc"));
  CHECK(content_hash("abc") != content_hash("abd"));
  CHECK(content_hash("abc") != content_hash("abc", 1));
  CHECK(content_hash(std::string(1000, 'x') + "a") != content_hash(std::string(1000, 'x') + "b"));
  CHECK(content_hash(std::string("a\0b", 3)) != content_hash(std::string("a\0c", 3)));
  CHECK(content_hash128("abc") == content_hash128("abc"));
  CHECK_FALSE(content_hash128("abc") == content_hash128("abd"));
  const Key128 k = content_hash128("");
  CHECK((k.low != 0 || k.high != 0));
}

TEST_CASE("the build id names the version and the cache format")
{
  const std::string id = pops_build_id();
  CHECK(id.find("pops ") == 0);
  CHECK(id.find(" cache " + std::to_string(k_cache_format)) != std::string::npos);
  CHECK(id == pops_build_id());
}

TEST_CASE("the cache folder: in the git dir, else XDG_CACHE_HOME, else ~/.cache, never a relative one")
{
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  const std::string saved_xdg = xdg ? xdg : "";
  const char* home = std::getenv("HOME");
  const std::string saved_home = home ? home : "";
  CHECK(cache_dir_for("/r/.git") == "/r/.git/pops");
  ::setenv("XDG_CACHE_HOME", "/x/cache", 1);
  CHECK(cache_dir_for("") == "/x/cache/pops");
  ::setenv("XDG_CACHE_HOME", "relative", 1);
  ::setenv("HOME", "/home/ada", 1);
  CHECK(cache_dir_for("") == "/home/ada/.cache/pops");
  ::setenv("HOME", "nowhere", 1);
  CHECK(cache_dir_for("").empty());
  xdg ? ::setenv("XDG_CACHE_HOME", saved_xdg.c_str(), 1) : ::unsetenv("XDG_CACHE_HOME");
  home ? ::setenv("HOME", saved_home.c_str(), 1) : ::unsetenv("HOME");
}

TEST_CASE("a cache file gives its payload back only to the same kind, build and root")
{
  const std::string file = encode_cache_file("check", "build 1", "/w", "payload bytes");
  CHECK(file.find("POPSCACH") == 0);
  CHECK(file == cache_file_header("check", "build 1", "/w", "payload bytes") + "payload bytes");
  const auto got = decode_cache_file(file, "check", "build 1", "/w");
  REQUIRE(got.has_value());
  CHECK(*got == "payload bytes");
  CHECK_FALSE(decode_cache_file(file, "history", "build 1", "/w"));
  CHECK_FALSE(decode_cache_file(file, "check", "build 2", "/w"));
  CHECK_FALSE(decode_cache_file(file, "check", "build 1", "/other"));
  const auto empty = decode_cache_file(encode_cache_file("k", "b", "r", ""), "k", "b", "r");
  REQUIRE(empty.has_value());
  CHECK(empty->empty());
}

TEST_CASE("a truncated, extended, corrupt or foreign cache file is refused")
{
  const std::string file = encode_cache_file("check", "b", "/w", "0123456789");
  CHECK_FALSE(decode_cache_file(file.substr(0, file.size() - 1), "check", "b", "/w"));
  CHECK_FALSE(decode_cache_file(file + "x", "check", "b", "/w"));
  std::string flipped = file;
  flipped.back() = 'X';
  CHECK_FALSE(decode_cache_file(flipped, "check", "b", "/w"));
  CHECK_FALSE(decode_cache_file("not a cache file", "check", "b", "/w"));
  CHECK_FALSE(decode_cache_file("", "check", "b", "/w"));
  // Every cut of the header is refused, never read past its end.
  const size_t header = file.size() - 10;
  for (size_t n = 0; n < header; ++n) {
    CAPTURE(n);
    CHECK_FALSE(decode_cache_file(file.substr(0, n), "check", "b", "/w"));
  }
}

TEST_CASE("write_cache_pieces writes what encode_cache_file of the joined pieces holds")
{
  pops::test::TempDir t;
  const std::string p = (t.path / "c.bin").string();
  write_cache_pieces(p, "history", "b", "/w", {"abc", "", "defg"});
  CHECK(t.read("c.bin") == encode_cache_file("history", "b", "/w", "abcdefg"));
}
