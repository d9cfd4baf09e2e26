#pragma once
// The cache of the history commands (`pops log`, `pops metrics`, and every command that walks the
// history): what each commit changed in the workspace, by commit id, kept between runs beside the
// cache of `pops check` (`<git dir>/pops/`). A commit's tree and its first parent's never change, so
// a record is valid for as long as pops's build and the workspace's folder are the same.
//
// A record holds the commit's changes (what `pops log` shows, before any filter; a record a replay
// stored has none, and a log walk stores the commit again with them) and its step as
// History::replay gives it: the files it changed on each side, each as a reference to the model read
// from it (a fragment), and a fragment of the elements that can differ in the files it changed in
// place. Replayed models keep only the fields a replay gives (HistoryStep), without positions, so a
// fragment is a list of references to elements (an item, a feedback entry or a document), and both
// are stored once by the hash of their bytes: an item that many commits carry unchanged, or a file
// read again after a pops.yaml change that does not affect it, is stored once. The file starts with the header of every
// cache file (magic, format, build, root, length, checksum); anything stale, foreign, truncated or corrupt is ignored
// and written again. The walk is the same with and without it (tests/unit/test_history.cpp).

#include "workspace/diff.h"
#include "workspace/model.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace pops {

/// The model read from one file (against one pops.yaml): what a history walk keeps per file.
struct HistoryFragment {
  std::vector<Item> items;
  std::vector<Feedback> feedback;
  std::vector<Doc> docs;
  mutable uint64_t cache_id = 0;  ///< its id in the cache once stored (0: not yet)
};

class HistoryCache {
public:
  /// `dir`: the cache folder (cache_dir_for); `root` and `prefix`: the workspace, as History has them.
  HistoryCache(std::string dir, std::string root, std::string prefix, std::string build);
  ~HistoryCache();
  HistoryCache(const HistoryCache&) = delete;
  HistoryCache& operator=(const HistoryCache&) = delete;

  struct FileRef {
    std::string path;
    uint64_t fragment = 0;
  };
  /// What one commit changed, against its first parent.
  struct Record {
    bool empty = false;  ///< no pops file changed
    std::vector<FileRef> old_files, new_files;
    std::vector<std::string> in_place;     ///< files changed in place
    uint64_t in_before = 0, in_after = 0;  ///< fragments of their elements that can differ
    bool has_changes = false;              ///< `changes` known (a replay stores none, a log does)
    std::vector<Change> changes;           ///< diff_workspaces of the commit's states, unfiltered
  };

  /// The record of `commit`, with every fragment it needs readable; nullptr when there is none.
  const Record* find(const std::string& commit);
  /// A fragment `find` vouched for.
  std::shared_ptr<const HistoryFragment> fragment(uint64_t id);

  /// Stores a fragment (once per content) and returns its id.
  uint64_t add_fragment(const HistoryFragment& f);
  void add(const std::string& commit, Record r);

  /// Writes the file again when something was added or found unreadable (atomically; a folder that
  /// cannot be written is skipped).
  void save();

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace pops
