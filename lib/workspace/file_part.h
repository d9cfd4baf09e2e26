#pragma once
// A workspace file by file: what each file adds to the model, and the working tree's files with the
// stat data that tell whether they changed. The cache of `pops check` (lib/cache/check_cache.h) keeps these.

#include "workspace/workspace.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pops {

/// What one file adds to the model: its syntax findings, and, read against pops.yaml, its schema
/// findings and model objects. It depends only on the file's path and bytes and on pops.yaml, so it can
/// be kept between runs (lib/cache/check_cache.h).
struct FilePart {
  std::vector<Finding> parse_findings;  ///< yaml-syntax, duplicate-key (file set)
  std::vector<Finding> model_findings;  ///< schema findings
  std::vector<Item> items;
  std::vector<Feedback> feedback;
  std::vector<Doc> docs;
  std::vector<RitualNote> notes;
  std::vector<Series> series;
  std::vector<Customer> customers;       ///< customers.yaml
  std::optional<std::string> doc_index;  ///< docs/README.md as read
};
FilePart build_file_part(const Config& cfg, const std::string& path, const ParsedFile& p);

/// pops.yaml read into the Config (config.loaded false when unusable) and the findings on it.
struct ConfigPart {
  Config config;
  std::vector<Finding> findings;
};
/// Reads the parsed pops.yaml; nullptr: it is missing.
ConfigPart read_config_part(const ParsedFile* config_file);

/// The workspace from pops.yaml and the parts of every file (sorted by path), in the order and with
/// the findings build_workspace gives.
Workspace assemble_workspace(const std::string& root, ConfigPart config,
                             std::vector<std::pair<std::string, FilePart>> parts);

/// A file of the working tree found by list_worktree, with the stat data that tell whether it changed.
struct FileStat {
  std::string path;  ///< relative to the workspace root
  long long size = 0, mtime_ns = 0, ctime_ns = 0;
  unsigned long long ino = 0, dev = 0;
};
/// The files read_worktree would read, with their stat data, without reading them. Files that cannot
/// be read become findings, as in read_worktree (a file that stats but cannot be opened is found by
/// read_worktree_file).
std::vector<FileStat> list_worktree(const std::string& root, std::vector<Finding>& findings);
/// Reads one file of list_worktree; on failure returns false and sets `finding`. `st` gets the stat
/// data of what was read.
bool read_worktree_file(const std::string& root, FileStat& st, std::string& content, Finding& finding);

}  // namespace pops
