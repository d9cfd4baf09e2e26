#pragma once
// The small libgit2 layer `pops init` needs: find out whether a folder is inside a git repository,
// create one, and commit files with a given author and date. Errors are std::runtime_error with
// git-style lowercase messages; nothing here prints.

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pops {

/// Keeps libgit2 initialized for its lifetime (git_libgit2_init is reference counted, so these nest).
/// Movable: the reference goes with it (a moved-from one holds none), so an owner of libgit2 objects
/// can hold one as a member declared before them, and they are freed before libgit2 shuts down.
class GitLibrary {
public:
  GitLibrary();
  ~GitLibrary();
  GitLibrary(GitLibrary&& o) noexcept : m_held(std::exchange(o.m_held, false)) {}
  /// Swaps: the reference this one held is released when `o` ends, not before.
  GitLibrary& operator=(GitLibrary&& o) noexcept
  {
    std::swap(m_held, o.m_held);
    return *this;
  }
  GitLibrary(const GitLibrary&) = delete;
  GitLibrary& operator=(const GitLibrary&) = delete;

private:
  bool m_held = true;
};

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
void commit_files(const std::string& repo_dir, const std::vector<std::pair<std::string, std::string>>& files,
                  const std::vector<std::string>& removed, const CommitInfo& info);

/// Highest number n of the ids `PREFIX-n` (item ids, and FB for feedback) written as `id: PREFIX-n`
/// in `text`, merged into `max_ids` by prefix. Used to never hand out an id twice.
void scan_ids(std::string_view text, std::map<std::string, long>& max_ids);

/// scan_ids over every roadmap and feedback file of the workspace at `workspace_root` in every commit
/// reachable from HEAD or any ref (each distinct tree and blob is read once; nothing is cached on
/// disk). Empty when the workspace is not inside a git repository or it has no commits.
std::map<std::string, long> history_max_ids(const std::string& workspace_root);

/// Checks, before anything is written, that `paths` (relative to the workspace root) can be committed
/// on their own: a work tree, no merge in progress, none of `paths` with uncommitted changes (staged or
/// not) of its own, a git identity. Throws std::runtime_error saying what to do otherwise.
void check_commit_paths(const std::string& workspace_root, const std::vector<std::string>& paths);

/// 'git commit' failed or was refused (by a hook): `output` is what git and the hooks printed.
class CommitFailed : public std::runtime_error {
public:
  CommitFailed(const std::string& what, std::string out) : std::runtime_error(what), output(std::move(out)) {}
  std::string output;
};

struct CommitResult {
  std::string id;      ///< the new commit's short id
  std::string output;  ///< what git and the hooks printed (e.g. a hook's warnings)
};

/// Commits `paths` (relative to the workspace root) as they are in the work tree, only them (other
/// staged changes stay staged), on HEAD with `message`, through 'git commit' itself so that the
/// repository's hooks run as they would for the user's own commit; `verify` false is --no-verify.
/// The identity is git's (GIT_AUTHOR_* and GIT_COMMITTER_* when set, else user.name and user.email).
CommitResult commit_paths(const std::string& workspace_root, const std::vector<std::string>& paths,
                          const std::string& message, bool verify = true);

}  // namespace pops
