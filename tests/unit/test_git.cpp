#include "git.h"
#include "repo.h"

#include <doctest/doctest.h>

#include <git2.h>

#include <algorithm>
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

} // namespace

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
    std::sort(unreadable.begin(), unreadable.end(),
              [](const Finding& a, const Finding& b) { return a.file < b.file; });
    CHECK(unreadable[0].file == "roadmap/big.yaml");
    CHECK(unreadable[0].message.find("over the 8 MiB limit") != std::string::npos);
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
