#pragma once
// Reading a workspace as git holds it: the index (what the next commit will hold, honouring
// GIT_INDEX_FILE inside hooks) and the tree of any revision. Each distinct blob is read once per
// Repository, so history commands never re-read a file that did not change.

#include "git/git_util.h"
#include "git/repo.h"
#include "workspace/workspace.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <vector>

namespace pops {

/// A commit as history commands see it.
struct CommitRef {
  std::string id;        ///< full hex id
  std::string short_id;  ///< 7 characters
  std::string summary;   ///< first line of the message
  std::string author, author_email;
  long long author_time = 0, commit_time = 0;  ///< unix seconds
  int author_tz = 0, commit_tz = 0;            ///< minutes east of UTC
};

class Repository {
public:
  /// Opens the repository holding `path` (searching upward, honouring GIT_DIR like git). A repository
  /// owned by another user opens when git would open it: safe.directory in the system, global or
  /// command-line configuration names its top folder or is '*' (libgit2 1.5.1 alone knows neither '*'
  /// nor GIT_CONFIG_GLOBAL), or root runs pops through sudo for its owner. Throws std::runtime_error
  /// with what to do when there is none, or when it is not trusted (naming the exact
  /// 'git config --global --add safe.directory <folder>' to run).
  static Repository open(const std::string& path);
  ~Repository();
  Repository(Repository&&) noexcept;
  Repository& operator=(Repository&&) noexcept;

  /// Absolute path of the work tree, no trailing slash.
  const std::string& workdir() const;
  /// The path of `abs_dir` relative to the work tree, '/'-separated with a trailing '/' ("" at the
  /// root). Throws if it is outside the work tree.
  std::string prefix_of(const std::string& abs_dir) const;

  /// Files of the workspace at `prefix` as staged in the index (GIT_INDEX_FILE when set).
  /// Paths in the result are relative to the workspace root. Symbolic links (git holds the link, not
  /// the file) and blobs over the size limit are not read: each becomes a finding at 1:1 in
  /// `unreadable` when given, as read_worktree reports them.
  std::vector<SourceFile> index_files(const std::string& prefix, std::vector<Finding>* unreadable = nullptr);
  /// Files of the workspace at `prefix` in the tree of `rev` (any revision git understands).
  std::vector<SourceFile> tree_files(const std::string& rev, const std::string& prefix,
                                     std::vector<Finding>* unreadable = nullptr);

  /// Resolves `rev` to a commit; throws "unknown revision 'x'" otherwise.
  CommitRef commit(const std::string& rev);
  bool has_commits();
  /// The names a user gives as a revision: HEAD, then the branches, remote branches and tags by
  /// their short names (main, origin/main, v1.2), sorted; for completion.
  std::vector<std::string> ref_names();
  /// True while a merge (or cherry-pick, revert, rebase) is in progress.
  bool merging();
  /// Paths with unresolved conflicts in the index.
  std::vector<std::string> conflicts();
  /// True in a shallow clone (git clone --depth, actions/checkout's default): some commits' parents
  /// are absent.
  bool is_shallow();
  /// The commits of a shallow clone whose parents are absent (the ids .git/shallow lists); empty
  /// when the repository is whole.
  const std::unordered_set<std::string>& shallow_commits();
  /// The number of commits on HEAD's first-parent line that the clone holds (the N of
  /// git clone --depth N); 0 when the repository is whole.
  int shallow_depth();
  /// The oldest commit on HEAD's first-parent line in a shallow clone (where shallow_depth stops).
  CommitRef shallow_oldest();

  git_repository* raw() { return m_repo.get(); }

private:
  Repository(GitLibrary lib, RepoPtr repo);
  GitLibrary m_lib;  ///< declared before m_repo: the repository is freed before libgit2 shuts down
  RepoPtr m_repo;
  std::string m_workdir;
  struct Cache;
  std::unique_ptr<Cache> m_cache;
};

/// Thrown when a command needs commits a shallow clone does not hold (docs/metrics.md, "Shallow
/// clones"): "the history is shallow (depth N); fetch it whole (...)".
class ShallowHistory : public std::runtime_error {
public:
  explicit ShallowHistory(int depth);
  int depth() const { return m_depth; }

private:
  int m_depth;
};

/// The path relative to the workspace of an index or tree entry at `repo_path` (the workspace being
/// the folder `prefix` of the repository), or nullopt when it is outside it, not a pops file, or a
/// submodule.
std::optional<std::string> pops_path(const std::string& prefix, const std::string& repo_path, uint32_t mode);
/// Why an entry of the index or of a tree is not read as a workspace file, or "" when it is read:
/// a symbolic link (git holds the link, not the file) or, with `size_too`, a blob over the size
/// limit (from the object's header, without inflating it). `repo_path` names it in errors.
std::string unreadable_entry(git_repository* repo, const git_oid& id, uint32_t mode, const std::string& repo_path,
                             bool size_too);
/// That reason as the finding at 1:1 of `rel` (a path relative to the workspace).
Finding unreadable_finding(std::string rel, std::string reason);

}  // namespace pops
