// A git state by blob ids (lib/git/git_refs.cpp): git's blob ids, the workspace's files of a tree
// (under a prefix, other files left out), their bytes by id, and errors that name what is wrong.

#include "git/git_refs.h"

#include "../helpers.h"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

using namespace pops;
using pops::test::TempRepo;

namespace {

std::vector<std::string> paths(const std::vector<BlobRef>& refs)
{
  std::vector<std::string> out;
  for (const auto& r : refs) {
    out.push_back(r.path);
  }
  return out;
}

}  // namespace

TEST_CASE("blob_oid is git hash-object")
{
  CHECK(blob_oid("") == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
  CHECK(blob_oid("hello\n") == "ce013625030ba8dba906f756967f9e9ca394464a");
  CHECK(blob_oid("hello") != blob_oid("hello\n"));
}

TEST_CASE("tree_entries: the workspace files of a revision, sorted, by blob id, under a prefix")
{
  TempRepo r;
  const std::string cfg = "version: 1\nproduct: T\nsquads:\n  a: {prefix: A}\n";
  r.commit({{"product/pops.yaml", cfg},
            {"product/roadmap/b.yaml", "items: []\n"},
            {"product/roadmap/a.yaml", "squad: a\nitems: []\n"},
            {"src/main.c", "int main() {}\n"}},
           "2026-11-01");
  r.commit({{"product/roadmap/a.yaml", "squad: a\nitems: []\n# changed\n"}}, "2026-11-02");
  Repository repo = Repository::open(r.dir);
  const auto now = tree_entries(repo, "HEAD", "product/");
  CHECK(paths(now) == std::vector<std::string>{"pops.yaml", "roadmap/a.yaml", "roadmap/b.yaml"});
  CHECK(now[0].oid == blob_oid(cfg));
  CHECK(read_blob(repo, now[1].oid) == "squad: a\nitems: []\n# changed\n");
  const auto before = tree_entries(repo, "HEAD~1", "product/");
  REQUIRE(before.size() == 3);
  CHECK(before[1].oid == blob_oid("squad: a\nitems: []\n"));
  CHECK(before[2].oid == now[2].oid);  // unchanged file, same blob
  // The index holds what HEAD holds after a commit.
  const auto index = index_entries(repo, "product/");
  CHECK(paths(index) == paths(now));
  CHECK(index[1].oid == now[1].oid);
  // Another prefix sees none of them.
  CHECK(tree_entries(repo, "HEAD", "other/").empty());
}

TEST_CASE("tree_entries and read_blob: an unknown revision or blob id is an error naming it")
{
  TempRepo r;
  r.commit({{"pops.yaml", "version: 1\n"}}, "2026-11-01");
  Repository repo = Repository::open(r.dir);
  CHECK_THROWS_WITH_AS(tree_entries(repo, "nope", ""), "unknown revision 'nope'", std::runtime_error);
  CHECK_THROWS_AS(read_blob(repo, "zz"), std::runtime_error);
  CHECK_THROWS_AS(read_blob(repo, blob_oid("never stored")), std::runtime_error);
}
