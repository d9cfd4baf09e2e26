// The small libgit2 layer of lib/git/repo.cpp: a repository on branch main, commits with a given
// author and date (files added and removed), whether a folder is in a repository, the ids in history.

#include "git/repo.h"

#include "../helpers.h"

#include <doctest/doctest.h>

#include <git2.h>

#include <filesystem>
#include <map>
#include <string>

using namespace pops;
using pops::test::TempDir;
using pops::test::TempRepo;
namespace fs = std::filesystem;

TEST_CASE("scan_ids: the highest number of each prefix written as 'id: PREFIX-n'")
{
  std::map<std::string, long> ids{{"PAY", 40}};
  scan_ids("items:\n  - id: PAY-3\n  - {id: PAY-12, title: x}\n  - id: PLAT-7\n  - id: \"PLAT-9\"\n"
           "entries:\n  - id: FB-100\n# id: GRO-5 is a comment of the same form\n",
           ids);
  CHECK(ids.at("PAY") == 40);  // merged: the larger stays
  CHECK(ids.at("PLAT") >= 7);
  CHECK(ids.at("FB") == 100);
  std::map<std::string, long> none;
  scan_ids("title: PAY-99 mentioned\ndepends_on: [PAY-98]\n", none);
  CHECK(none.count("PAY") == 0);
}

TEST_CASE("GitLibrary: its reference on libgit2 moves with it and is released once")
{
  // git_libgit2_init returns the count of initializations it makes: a probe of the count.
  const auto count = [] {
    const int n = git_libgit2_init();
    git_libgit2_shutdown();
    return n;
  };
  const int before = count();
  {
    GitLibrary a;
    CHECK(count() == before + 1);
    GitLibrary b(std::move(a));
    CHECK(count() == before + 1);
    {
      GitLibrary c;
      c = std::move(b);  // swaps: c's own reference now ends with b
      CHECK(count() == before + 2);
    }
    CHECK(count() == before + 1);
  }
  CHECK(count() == before);
}

TEST_CASE("init_repo: a repository whose first branch is main; inside_git_repo sees it and its folders")
{
  TempDir t;
  GitLibrary lib;
  const std::string dir = (t.path / "repo").string();
  CHECK_FALSE(inside_git_repo(dir));
  init_repo(dir);
  CHECK(fs::is_directory(dir + "/.git"));
  CHECK(inside_git_repo(dir));
  CHECK(inside_git_repo(dir + "/not/yet/there"));
  git_repository* repo = nullptr;
  REQUIRE(git_repository_open(&repo, dir.c_str()) == 0);
  git_reference* head = nullptr;
  REQUIRE(git_reference_lookup(&head, repo, "HEAD") == 0);
  CHECK(std::string(git_reference_symbolic_target(head)) == "refs/heads/main");
  git_reference_free(head);
  git_repository_free(repo);
}

TEST_CASE("commit_files: files written, removed, staged and committed with the author, date and zone given")
{
  TempRepo r;
  r.commit({{"pops.yaml", "version: 1\n"}, {"roadmap/a.yaml", "items: []\n"}}, "2026-11-01", "Ada");
  r.commit({{"roadmap/b.yaml", "items: []\n"}}, "2026-11-03", "Bo", {"roadmap/a.yaml"}, 60);
  CHECK_FALSE(fs::exists(r.path / "roadmap/a.yaml"));
  CHECK(r.read("roadmap/b.yaml") == "items: []\n");
  git_repository* repo = nullptr;
  REQUIRE(git_repository_open(&repo, r.dir.c_str()) == 0);
  git_object* obj = nullptr;
  REQUIRE(git_revparse_single(&obj, repo, "HEAD") == 0);
  auto* c = reinterpret_cast<git_commit*>(obj);
  CHECK(std::string(git_commit_author(c)->name) == "Bo");
  CHECK(std::string(git_commit_author(c)->email) == "Bo@example.com");
  CHECK(git_commit_author(c)->when.time == static_cast<git_time_t>(parse_date("2026-11-03")->days) * 86400 + 12 * 3600);
  CHECK(git_commit_author(c)->when.offset == 60);
  CHECK(std::string(git_commit_committer(c)->name) == "Bo");
  CHECK(std::string(git_commit_message(c)) == "change on 2026-11-03\n");  // git ends a message with a line break
  CHECK(git_commit_parentcount(c) == 1);
  git_tree* tree = nullptr;
  REQUIRE(git_commit_tree(&tree, c) == 0);
  git_tree_entry* e = nullptr;
  CHECK(git_tree_entry_bypath(&e, tree, "roadmap/a.yaml") == GIT_ENOTFOUND);
  REQUIRE(git_tree_entry_bypath(&e, tree, "roadmap/b.yaml") == 0);
  git_tree_entry_free(e);
  git_tree_free(tree);
  git_object_free(obj);
  git_repository_free(repo);
}

TEST_CASE("history_max_ids: ids of every commit, a deleted file's too")
{
  TempRepo r;
  CHECK(history_max_ids(r.dir).empty());
  r.commit({{"pops.yaml", "version: 1\n"},
            {"roadmap/old.yaml", "items:\n  - id: PAY-30\n"},
            {"feedback/f.yaml", "entries:\n  - id: FB-7\n"}},
           "2026-11-01");
  r.commit({{"roadmap/new.yaml", "items:\n  - id: PAY-2\n"}}, "2026-11-02", "Ada", {"roadmap/old.yaml"});
  const auto ids = history_max_ids(r.dir);
  CHECK(ids.at("PAY") == 30);
  CHECK(ids.at("FB") == 7);
}
