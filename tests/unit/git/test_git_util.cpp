// The shared libgit2 helpers (lib/git/git_util.cpp): ids as text, libgit2's errors as messages, the
// index a hook reads, and owning pointers that free what libgit2 handed out.

#include "git/git_util.h"
#include "git/repo.h"

#include "../helpers.h"

#include <doctest/doctest.h>

#include <git2.h>

#include <cstdlib>
#include <stdexcept>
#include <string>

using namespace pops;
using pops::test::TempRepo;

TEST_CASE("check_git: negative codes throw with what was being done")
{
  GitLibrary lib;
  CHECK(check_git(0, "x") == 0);
  CHECK(check_git(3, "x") == 3);
  git_repository* repo = nullptr;
  const int rc = git_repository_open(&repo, "/nonexistent/pops/repo");
  REQUIRE(rc < 0);
  CHECK_THROWS_AS(check_git(rc, "cannot open the repository"), std::runtime_error);
  try {
    check_git(rc, "cannot open the repository");
  } catch (const std::runtime_error& e) {
    const std::string what = e.what();
    CHECK(what.find("cannot open the repository: ") == 0);
    CHECK(what.size() > std::string("cannot open the repository: ").size());
    CHECK(what.substr(std::string("cannot open the repository: ").size()) == last_git_message());
  }
}

TEST_CASE("last_git_message: libgit2's message, or a fallback when it set none")
{
  GitLibrary lib;
  git_error_clear();
  CHECK(last_git_message() == "unknown error");
  git_repository* repo = nullptr;
  REQUIRE(git_repository_open(&repo, "/nonexistent/pops/repo") < 0);
  CHECK(last_git_message() != "unknown error");
  CHECK(!last_git_message().empty());
}

TEST_CASE("oid_str: the 40 hex digits of an id")
{
  git_oid id;
  REQUIRE(git_oid_fromstr(&id, "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391") == 0);
  CHECK(oid_str(id) == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
}

TEST_CASE("open_index: GIT_INDEX_FILE, relative to the work tree, else the repository's own")
{
  TempRepo r;
  r.commit({{"roadmap/a.yaml", "items: []\n"}}, "2026-11-01");
  RepoPtr repo;
  {
    git_repository* raw = nullptr;
    REQUIRE(git_repository_open(&raw, r.dir.c_str()) == 0);
    repo.reset(raw);
  }
  std::string path = "stale";
  {
    git_index* raw = nullptr;
    ::unsetenv("GIT_INDEX_FILE");
    REQUIRE(open_index(&raw, repo.get(), r.dir, path) == 0);
    IndexPtr index(raw);
    CHECK(path.empty());
    CHECK(git_index_entrycount(index.get()) == 1);
  }
  {
    git_index* raw = nullptr;
    ::setenv("GIT_INDEX_FILE", "other-index", 1);
    const int rc = open_index(&raw, repo.get(), r.dir, path);
    ::unsetenv("GIT_INDEX_FILE");
    REQUIRE(rc == 0);
    IndexPtr index(raw);
    CHECK(path == (std::filesystem::path(r.dir) / "other-index").string());
    CHECK(git_index_entrycount(index.get()) == 0);
  }
}

TEST_CASE("lower_first: a system message in git style, only an ASCII capital first letter changes")
{
  CHECK(lower_first("Permission denied") == "permission denied");
  CHECK(lower_first("No such file or directory") == "no such file or directory");
  CHECK(lower_first("already lower") == "already lower");
  CHECK(lower_first("ENOENT Stays") == "eNOENT Stays");
  CHECK(lower_first("").empty());
  CHECK(lower_first("\xc3\x89t\xc3\xa9") == "\xc3\x89t\xc3\xa9");
  CHECK(lower_first("1 thing") == "1 thing");
}
