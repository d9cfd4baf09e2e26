#pragma once
// Inside History (history.cpp walks the commits and plans what each needs, history_replay.cpp reads
// and lays out the blobs and builds the states on each side): only these two include it.

#include "history/history.h"

#include "cache/history_cache.h"
#include "git/git_util.h"
#include "yaml/chunked.h"

#include <git2.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace pops {

/// A pops file of one side of a commit: its path in the workspace and its blob.
struct FileAt {
  std::string path;
  git_oid blob;
};

/// The model read from one file (against one pops.yaml).
using Fragment = HistoryFragment;

/// What one commit needs: the files on each side that differ, read against each side's pops.yaml.
struct Plan {
  CommitRef commit;
  Date day;
  std::optional<git_oid> cfg_before, cfg_after;
  std::vector<FileAt> old_files, new_files;  ///< pops.yaml left out
  /// Roadmap and feedback files changed in place (same path, same pops.yaml): diffed element by
  /// element, not in old_files and new_files.
  std::vector<std::pair<FileAt, FileAt>> pairs;
  /// What the cache holds of this commit: then nothing above is planned, nothing read.
  const HistoryCache::Record* cached = nullptr;
  /// A shallow clone's boundary commit read as a root commit: kept out of the cache.
  bool as_root = false;
  /// Files left out because they cannot hold an item a log follows (History::log with ids): the
  /// commit's changes are not all known, so it is kept out of the cache.
  bool pruned = false;
  /// Where the elements of the files changed in place start in the states (states_of).
  mutable size_t tail_from_items = 0, tail_from_feedback = 0, tail_to_items = 0, tail_to_feedback = 0;
  bool empty() const { return old_files.empty() && new_files.empty() && pairs.empty(); }
};

inline std::string parse_key(const git_oid& blob, FileKind kind)
{
  return oid_str(blob) + (is_markdown(kind) ? ":md" : ":yaml");
}

inline std::string fragment_key(const std::optional<git_oid>& config, const FileAt& file)
{
  return (config ? oid_str(*config) : std::string("-")) + " " + oid_str(file.blob) + " " + file.path;
}

struct History::Impl {
  Repository& repo;
  std::string root;
  std::string prefix;
  /// Parses and per-file models of the walk under way, dropped after their last use in it.
  std::unordered_map<std::string, std::shared_ptr<const ParsedFile>> parsed;
  std::unordered_map<std::string, std::shared_ptr<const Fragment>> fragments;
  /// Parses of list elements (items, feedback entries): a new version of a file re-parses only
  /// the elements whose text changed.
  ChunkCache chunks;
  /// The blobs read: parsed whole, or split into elements parsed at most once each (`chunks`).
  std::unordered_set<std::string> read_blobs;  ///< in the walk under way
  size_t parses = 0;                           ///< over all walks
  /// replay() rebuilds states from the models of whole files; log() needs only what can differ.
  bool whole_files = false;
  void count_read(std::string oid)
  {
    if (read_blobs.insert(std::move(oid)).second) {
      ++parses;
    }
  }
  size_t built = 0;
  /// What earlier runs walked, when the cache is on.
  std::unique_ptr<HistoryCache> cache;
  size_t cache_hits = 0;  ///< commits read back from it, over all walks

  Impl(Repository& r, std::string root_, std::string prefix_)
    : repo(r), root(std::move(root_)), prefix(std::move(prefix_)), shallow(r.shallow_commits())
  {
  }

  git_repository* raw() { return repo.raw(); }

  /// Each version of pops.yaml read once (files are read against it); its blob is parsed already.
  std::unordered_map<std::string, std::shared_ptr<const Config>> configs;
  const Config& config_of(const std::optional<git_oid>& blob);

  /// The model of `file` read against the pops.yaml blob `config` (none: no pops.yaml). Its blobs
  /// are parsed already.
  std::shared_ptr<const Fragment> fragment(const std::optional<git_oid>& config, const FileAt& file);

  /// The workspace's folder in `commit`'s tree, or null when the commit does not have it.
  TreePtr workspace_tree(const git_commit* commit);

  /// The blob of pops.yaml in the workspace tree `t` (null: none), or nullopt.
  static std::optional<git_oid> config_of(const git_tree* t);

  /// The items a log follows (History::log with ids), and the ids they were moved from as far as
  /// the walk has seen: files that hold none of them are left out of the plans. Empty: nothing left out.
  std::vector<std::string> follow;

  /// Whether `text` may hold one of `follow`: the id as a token, or a backslash (a double-quoted
  /// escape could spell an id), so that nothing is left out that could change one of them. The ids
  /// a kept file names after `moved_from` are followed from here on (older commits), over-approximating
  /// the moves the log finds.
  bool may_hold(std::string_view text);

  /// Leaves out of `p` the files none of whose sides may hold a followed item (may_hold).
  void prune(Plan& p);

  /// The ids a cached commit moved followed items from (its changes are known whole).
  void follow_moves(const HistoryCache::Record& r);

  /// Which files `commit` changed in the workspace, against its first parent: only tree entries are
  /// compared, no file is read.
  void plan(const git_commit* commit, Plan& p, bool as_root = false);

  /// The blobs (and their kinds) plan `p` reads.
  template <class F> static void each_blob(const Plan& p, F&& f)
  {
    if ((!p.old_files.empty() || !p.pairs.empty()) && p.cfg_before) {
      f(*p.cfg_before, FileKind::config);
    }
    if ((!p.new_files.empty() || !p.pairs.empty()) && p.cfg_after) {
      f(*p.cfg_after, FileKind::config);
    }
    for (const auto* side : {&p.old_files, &p.new_files}) {
      for (const auto& file : *side) {
        f(file.blob, classify(file.path));
      }
    }
  }

  /// Parses, on every core, the blobs `plans` need that are not parsed yet.
  void parse_all(const std::vector<Plan>& plans, size_t from, size_t to);

  /// A file's text and where its elements are. A walk meets each version of a file twice in a row
  /// (as the newer side of one commit, then the older side of its parent), so the versions of the
  /// commit before are kept.
  struct LaidOut {
    std::string text;
    std::optional<ChunkLayout> layout;
    bool laid = false;  ///< layout computed (it may be nullopt: an unusual layout)
  };
  std::unordered_map<std::string, LaidOut> laid_prev, laid_now;

  /// The files changed in place by a window of commits, laid out on every core ahead of the diffs.
  std::unordered_map<std::string, LaidOut> laid_pool;

  /// The shared leading and trailing elements of two versions of a file; nullopt when the layouts
  /// or headers differ (then both are read whole).
  static std::optional<std::pair<size_t, size_t>> common_ends(const LaidOut& old_side, const LaidOut& new_side);

  /// Reads the blobs of the files plans [from, to) changed in place (libgit2 on this thread), then
  /// lays them out and parses the elements that can differ on every core, so that the diffs that
  /// follow find them done.
  void lay_out_all(const std::vector<Plan>& plans, size_t from, size_t to);

  /// The blob `id` laid out: from the window's pool, this commit's or the commit before's, else read now.
  const LaidOut& laid_out(const git_oid& id);

  /// The bytes of blob `id`.
  std::string blob_text(const git_oid& id);

  /// Adds to `from` and `to` the model of a roadmap or feedback file changed in place, as far as it
  /// can differ: the elements between the leading and trailing elements both versions share byte for
  /// byte (those are the same items either side, so they change nothing). Any unusual layout reads
  /// both versions whole.
  void changed_in_place(const Plan& p, const FileAt& before, const FileAt& after, Workspace& from, Workspace& to);

  /// The model of the files a planned commit changed, before and after it; of a file changed in
  /// place (Plan::pairs), only the part that can differ.
  void states_of(const Plan& p, Workspace& from, Workspace& to, HistoryCache::Record* record);

  /// Adds the items, feedback and docs of `frag` to `ws`.
  static void append(Workspace& ws, const Fragment& frag);

  /// The states of a commit the cache holds, as states_of builds them with the fields a replay gives.
  void cached_states(const HistoryCache::Record& r, Workspace& from, Workspace& to);

  /// Walks the first-parent commits from `rev` whose day is in [since, until] and that changed a pops
  /// file, newest first (or oldest first), and calls `visit` with each plan and the model of the files
  /// it changed on each side. `progress(done, total)` after each commit.
  /// `states`: a replay (the states are needed, not the changes); else a log. With the cache, a log's
  /// `changes` is given (diff_workspaces of the states, read back or stored), and a replay's commit
  /// read back from the cache has states with only the fields a replay gives; else `changes` is null.
  void run(const std::string& rev, std::optional<Date> since, std::optional<Date> until, const std::string& stop_at,
           bool oldest_first, bool states, const std::function<void(size_t, size_t)>& progress,
           const std::function<void(const Plan&, Workspace&, Workspace&, std::vector<Change>*)>& visit);

  /// The commit `rev` names; throws "unknown revision 'x'".
  CommitPtr start(const std::string& rev);

  /// Whether `c` is a boundary of a shallow clone (its parents are absent).
  bool boundary(const git_commit* c) { return !shallow.empty() && shallow.count(oid_str(*git_commit_id(c))) > 0; }

  /// The first parent of `c`, or null for a root commit or a shallow clone's boundary (any other
  /// error reading it throws: a walk never takes an error for the end of the history).
  CommitPtr next(const git_commit* c);

  /// The commits .git/shallow lists (empty when the repository is whole).
  const std::unordered_set<std::string>& shallow;
  /// replay(): the history needed starts on this day (shallow_window).
  std::optional<Date> window;
  /// The last walk stopped at a shallow boundary; the day of its oldest commit read.
  bool truncated = false;
  std::optional<Date> oldest;
};

}  // namespace pops
