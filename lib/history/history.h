#pragma once
// The history of a workspace: the first-parent commits from a revision, newest first, each with its
// semantic changes against its first parent (diff_workspaces). A commit only loads the files whose
// blob differs from its parent's (tree entry ids are compared, identical sub-trees skipped). A walk
// first lists what each commit needs, then parses each distinct blob once (in parallel, a window of
// commits at a time) and keeps a parse and its per-file model only until their last use.

#include "workspace/diff.h"
#include "git/git.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pops {

struct HistoryEntry {
  CommitRef commit;
  std::string date;             ///< committer date, YYYY-MM-DD, in the committer's time zone
  std::vector<Change> changes;  ///< against the first parent (everything added for a root commit)
};

/// One commit of History::replay: the pops files it changed in the workspace, on each side (every
/// file when pops.yaml changed), and the model read from them: items with only their file, id, title,
/// status, horizon, squad, target and moved_from; feedback with its file, id and items; docs with their
/// file, type, status and items; no positions (so the history cache can keep each version once).
/// A roadmap or feedback file changed in place (same path, same pops.yaml) is in `in_place`, not in
/// `old_files` and `new_files`, and `before` and `after` hold only its elements that can differ:
/// those between the leading and trailing elements both versions share byte for byte, less those
/// the same in every field above on both sides (an id once on each side).
struct HistoryStep {
  CommitRef commit;
  std::vector<std::string> old_files, new_files;  ///< paths relative to the workspace, pops.yaml left out
  std::vector<std::string> in_place;              ///< files changed in place
  Workspace before, after;
  /// The oldest commit of a shallow clone (History::shallow_window): `after` is its state, not what
  /// it changed (`before` is empty); nothing in it happened on its day.
  bool shallow_root = false;
};

struct HistoryFilter {
  std::vector<std::string> ids;      ///< only these items (empty: all)
  std::vector<std::string> squads;   ///< only items in these squads, before or after a move (empty: all)
  std::optional<Date> since, until;  ///< committer dates, inclusive
  std::string stop_at;               ///< a full commit id: the walk ends there, without it (or "")
  bool items_only = true;            ///< false: feedback and doc changes too (with `ids`: those listing one)
};

/// The committer date of `c` in the committer's time zone, as git log --date=short shows it.
Date commit_date(const CommitRef& c);

class History {
public:
  /// `root`: the workspace's absolute path; `prefix`: its folder in the repository, as returned by
  /// Repository::prefix_of ("" at the root, else ending in '/').
  History(Repository& repo, std::string root, std::string prefix);
  ~History();
  History(const History&) = delete;
  History& operator=(const History&) = delete;

  /// First-parent commits reachable from `rev`, newest first, with their changes that pass
  /// `filter`; commits left with no change are left out. Throws "unknown revision 'x'".
  std::vector<HistoryEntry> log(const std::string& rev, const HistoryFilter& filter = {});

  /// Calls `visit` for every first-parent commit reachable from `rev` that changed a pops file,
  /// oldest first, with the model of the files it changed (each blob parsed once, as in log()).
  /// Applying each step (drop what `old_files` held and, in `in_place` files, the elements `before`
  /// holds; add what `after` holds) rebuilds the workspace at every commit. `progress(done, total)`
  /// after each step. With `whole_files`, no file is in `in_place` (every changed file is read whole).
  void replay(const std::string& rev, const std::function<void(const HistoryStep&)>& visit,
              const std::function<void(std::size_t, std::size_t)>& progress = {}, bool whole_files = false);

  /// The first commit on the first-parent line from `rev` (newest first) whose committer date is on
  /// or before `date`, like `git rev-list -1 --first-parent --until`; nullopt when there is none.
  std::optional<CommitRef> commit_at(const std::string& rev, Date date);

  /// In a shallow clone (Repository::is_shallow), walks stop at its boundary: log() and commit_at()
  /// throw ShallowHistory when they would need a commit before it (a log whose `since` is after the
  /// boundary commit's day does not), and so does replay() unless `since` is set here and is after
  /// that day: then the boundary commit is replayed as the first commit (every item it holds added
  /// on its day) and the walk counts as truncated. Never set: every replay needs the whole history.
  void shallow_window(std::optional<Date> since);
  /// True when a walk stopped at a shallow clone's boundary (older commits are absent).
  bool truncated() const;
  /// The day of the oldest commit a truncated walk read, else nullopt.
  std::optional<Date> oldest_day() const;

  /// Keeps what each commit changed in the cache folder `dir` (cache_dir_for) between runs, and
  /// reads it back instead of the commit's files (lib/cache/history_cache.h); "" turns it off. Walks
  /// give the same results either way.
  void use_cache(const std::string& dir);
  /// Commits read back from the cache so far.
  std::size_t cached_commits() const;

  /// Blobs parsed so far, over all walks (each distinct blob at most once per walk).
  std::size_t parsed_blobs() const;
  /// Per-file models built so far (one per blob, path and pops.yaml in a walk).
  std::size_t built_files() const;

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

/// The full id of the best common ancestor of revisions `a` and `b` (for A...B). Throws when there
/// is none or a revision is unknown.
std::string merge_base(Repository& repo, const std::string& a, const std::string& b);

/// `pops diff --format json`: {"from","to","from_commit","to_commit","changes":[...]}. `from_commit`
/// and `to_commit` are full commit ids, empty for the working tree or the index (rendered null).
std::string render_diff_json(const std::string& from, const std::string& to, const std::string& from_commit,
                             const std::string& to_commit, const std::vector<Change>& changes);

/// `pops log --format json`: {"commits":[{"commit","short","date","author","email","summary","changes"}]}.
std::string render_log_json(const std::vector<HistoryEntry>& entries);

}  // namespace pops
