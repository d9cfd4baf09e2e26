#include "git/git.h"
#include "git/git_refs.h"
#include "git/repo.h"

#include <doctest/doctest.h>

#include <git2.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

using namespace pops;
namespace fs = std::filesystem;

namespace {

/// Stages `content` at `path` with file mode `mode` (a regular file, or a symbolic link whose
/// content is its target, as git stores links).
void stage(git_index* index, const char* path, const std::string& content, uint32_t mode)
{
  git_index_entry e{};
  e.mode = mode;
  e.path = path;
  REQUIRE(git_index_add_from_buffer(index, &e, content.data(), content.size()) == 0);
}

}  // namespace

TEST_CASE("index_files: a symbolic link and a blob over the size limit are findings, not read")
{
  std::string dir = (fs::temp_directory_path() / "pops-git.XXXXXX").string();
  REQUIRE(::mkdtemp(dir.data()) != nullptr);
  GitLibrary lib;
  init_repo(dir);
  {
    Repository repo = Repository::open(dir);
    git_index* index = nullptr;
    REQUIRE(git_repository_index(&index, repo.raw()) == 0);
    stage(index, "roadmap/link.yaml", "/outside/evil.yaml", GIT_FILEMODE_LINK);
    stage(index, "roadmap/big.yaml", "squad: " + std::string(9 << 20, 'a') + "\n", GIT_FILEMODE_BLOB);
    stage(index, "roadmap/ok.yaml", "squad: core\nitems: []\n", GIT_FILEMODE_BLOB);
    REQUIRE(git_index_write(index) == 0);
    git_index_free(index);

    std::vector<Finding> unreadable;
    std::vector<SourceFile> files = repo.index_files("", &unreadable);
    REQUIRE(files.size() == 1);
    CHECK(files[0].path == "roadmap/ok.yaml");
    REQUIRE(unreadable.size() == 2);
    std::sort(unreadable.begin(), unreadable.end(), [](const Finding& a, const Finding& b) { return a.file < b.file; });
    CHECK(unreadable[0].file == "roadmap/big.yaml");
    CHECK(unreadable[0].message.find("over the limit of 8388608 bytes (8 MiB)") != std::string::npos);
    CHECK(unreadable[1].file == "roadmap/link.yaml");
    CHECK(unreadable[1].message.find("not followed") != std::string::npos);
    for (const auto& f : unreadable) {
      CHECK(f.loc.line == 1);
      CHECK(f.loc.column == 1);
      CHECK(f.rule == "yaml-syntax");
    }
    // Without a list for them, they are left out all the same.
    CHECK(repo.index_files("").size() == 1);
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
}

TEST_CASE("find_git_dir finds what opening the repository finds, without opening it")
{
  std::string dir = (fs::temp_directory_path() / "pops-gitdir.XXXXXX").string();
  REQUIRE(::mkdtemp(dir.data()) != nullptr);
  dir = fs::canonical(dir).string();
  GitLibrary lib;
  const std::string main = dir + "/main";
  fs::create_directories(main + "/product/roadmap");
  init_repo(main);
  {
    Repository repo = Repository::open(main + "/product");
    CHECK(find_git_dir(main + "/product/roadmap") == git_dir_of(repo));
    CHECK(find_git_dir(main) == main + "/.git");
    // A linked work tree: a `.git` file naming its own folder under the main one.
    git_signature* sig = nullptr;
    REQUIRE(git_signature_new(&sig, "t", "t@example.com", 1700000000, 0) == 0);
    git_index* index = nullptr;
    REQUIRE(git_repository_index(&index, repo.raw()) == 0);
    git_oid tree_id;
    REQUIRE(git_index_write_tree(&tree_id, index) == 0);
    git_tree* tree = nullptr;
    REQUIRE(git_tree_lookup(&tree, repo.raw(), &tree_id) == 0);
    git_oid commit_id;
    REQUIRE(git_commit_create_v(&commit_id, repo.raw(), "HEAD", sig, sig, nullptr, "init", tree, 0) == 0);
    git_worktree* wt = nullptr;
    REQUIRE(git_worktree_add(&wt, repo.raw(), "side", (dir + "/side").c_str(), nullptr) == 0);
    git_worktree_free(wt);
    git_tree_free(tree);
    git_index_free(index);
    git_signature_free(sig);
  }
  {
    Repository side = Repository::open(dir + "/side");
    CHECK(find_git_dir(dir + "/side") == git_dir_of(side));
    CHECK(git_dir_of(side).find("/worktrees/side") != std::string::npos);
  }
  fs::create_directories(dir + "/plain");
  CHECK(find_git_dir(dir + "/plain").empty());
  ::setenv("GIT_DIR", (main + "/.git").c_str(), 1);
  CHECK(find_git_dir(dir + "/plain") == main + "/.git");
  ::unsetenv("GIT_DIR");
  std::error_code ec;
  fs::remove_all(dir, ec);
}
