#pragma once
// The small libgit2 layer `pops init` needs: find out whether a folder is inside a git repository,
// create one, and commit files with a given author and date. Errors are std::runtime_error with
// git-style lowercase messages; nothing here prints.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pops {

/// Keeps libgit2 initialized for its lifetime (git_libgit2_init is reference counted, so these nest).
class GitLibrary {
public:
  GitLibrary();
  ~GitLibrary();
  GitLibrary(const GitLibrary&) = delete;
  GitLibrary& operator=(const GitLibrary&) = delete;
};

/// Throws std::runtime_error("<what>: <libgit2's last error>") when `rc` is negative; returns `rc`
/// otherwise.
int check_git(int rc, std::string_view what);

/// True when `dir` (or, if it does not exist yet, its nearest existing parent) is inside a git
/// repository. Honours GIT_DIR and friends like git does, falling back to a plain upward search when
/// the environment cannot be used. A repository owned by another user counts as a repository (it is
/// there, even though libgit2 refuses to open it).
bool inside_git_repo(const std::string& dir);

/// Creates a git repository in `dir` (and `dir` itself when missing) whose first branch is "main".
void init_repo(const std::string& dir);

/// Author (also used as committer) and message of a commit.
struct CommitInfo {
  std::string message;
  std::string author_name;
  std::string author_email;
  long long time = 0;         ///< unix seconds
  int tz_offset_minutes = 0;  ///< e.g. 60 for +0100
};

/// Writes `files` (path relative to the repository root, '/'-separated; content) into the work tree,
/// creating folders, deletes `removed`, stages both and commits on HEAD (also when HEAD is unborn).
void commit_files(const std::string& repo_dir,
                  const std::vector<std::pair<std::string, std::string>>& files,
                  const std::vector<std::string>& removed, const CommitInfo& info);

} // namespace pops
