#pragma once
// The cache of `pops check`: per-file results kept between runs outside the tracked tree, so that a
// check of an unchanged (or slightly changed) workspace does not parse every file again.
//
// Three layers, each checked before use (docs/performance.md):
// - the stat index: path -> size, mtime, ctime, inode, device and blob id of each working-tree file
//   at the last run, so unchanged files are not even read (like git's index; racily clean entries,
//   changed within a second of the run that stored them, are hashed again);
// - parts: the FilePart of a file (its syntax and schema findings and its model objects) by pops.yaml's
//   blob id, path and blob id; a changed file is parsed again, the others are read back;
// - the result: the findings of the last check of each kind (working tree, index, revision) by a key
//   over every path and blob id, the base state, today's date and pops's build.
// Every cache file starts with a magic, the format version, pops's build and the workspace root and
// ends its header with the payload's length and checksum; anything else (stale, foreign, truncated,
// corrupt) is ignored and written again atomically. Results are the same with and without it.

#include "check/check.h"
#include "workspace/file_part.h"
#include "git/git_refs.h"
#include "cache/cache_file.h"
#include "cache/model_codec.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pops {

/// A file of one state of the workspace: path, blob id and, once read, its bytes.
struct StateFile {
  std::string path;
  std::string oid;
  std::optional<std::string> content;
};

/// What the cache did in one run (for POPS_DEBUG_TIMING and tests).
struct CacheStats {
  int hashed = 0;  ///< working-tree files read to compute their blob id
  int reused = 0;  ///< parts read back from the cache
  int parsed = 0;  ///< parts parsed and built
  bool result_hit = false;
  bool loaded_parts = false;
};

class CheckCache {
public:
  /// `dir` empty: keep nothing between runs (the results are the same).
  CheckCache(std::string dir, std::string root, std::string build = pops_build_id());
  ~CheckCache();
  CheckCache(const CheckCache&) = delete;
  CheckCache& operator=(const CheckCache&) = delete;

  /// The working tree's files with their blob ids, from the stat index where the stat data match,
  /// else read and hashed (content kept). Unreadable files become findings in `io`.
  std::vector<StateFile> worktree_state(std::vector<Finding>& io);

  /// The workspace from `files` (sorted by path): each file's part from the cache or, when missing,
  /// parsed from its bytes (`fetch` gives them when not read yet, and may correct the blob id).
  /// Same as load_workspace.
  Workspace load(std::vector<StateFile>& files, const std::function<std::string(StateFile&)>& fetch);

  /// A check result (without paths) and the workspace's files, stored under `key` for this kind of
  /// check ("worktree", "index", "rev").
  struct Stored {
    CheckResult result;
    std::vector<std::string> files;
  };
  std::optional<Stored> result(const std::string& kind, const Key128& key);
  void store_result(const std::string& kind, const Key128& key, const Stored& stored);

  /// Writes what changed (atomically; a folder that cannot be written is skipped silently).
  void save();

  const CacheStats& stats() const { return m_stats; }
  const std::string& dir() const { return m_dir; }

private:
  struct Impl;
  std::string m_dir, m_root, m_build;
  CacheStats m_stats;
  std::unique_ptr<Impl> m_impl;
};

/// The bytes a state is keyed by: every path and blob id, and the findings about files that could not
/// be read.
std::string state_bytes(const std::vector<StateFile>& files, const std::vector<Finding>& io);

/// Which state `pops check` looks at.
struct CheckRequest {
  enum class Source { worktree, index, rev };
  Source source = Source::worktree;
  std::string rev;       ///< Source::rev
  std::string base_rev;  ///< empty: no transition rules
  Date today;
  std::vector<std::string> paths;     ///< report only under these (workspace-relative)
  std::vector<std::string> commands;  ///< the built-in commands (CheckOptions::commands)
  /// Leave the models to the end of the process instead of freeing them (freeing a large
  /// workspace's tens of thousands of objects takes longer than checking it): for a command that
  /// exits right after.
  bool free_at_exit = false;
};

/// `pops check` through the cache: the same result as loading the files and check_workspace.
/// `repo` is needed for Source::index, Source::rev and a base revision. `blobs` gets path -> blob id
/// of the checked state when it comes from git (to show source lines).
CheckResult check_cached(const std::string& root, const CheckRequest& req, Repository* repo, CheckCache& cache,
                         std::map<std::string, std::string>* blobs = nullptr);

}  // namespace pops
