#pragma once
// A git state of the workspace by blob ids, without reading the blobs: what the cache of
// `pops check` keys its per-file results by (lib/cache/check_cache.h).

#include "git/git.h"

#include <string>
#include <string_view>
#include <vector>

namespace pops {

/// A file of a git state by its blob id, without its bytes.
struct BlobRef {
  std::string path;  ///< relative to the workspace root
  std::string oid;   ///< hex blob id
};

/// The blob id git gives `content` (`git hash-object`), in hex.
std::string blob_oid(std::string_view content);

/// Repository::index_files and tree_files without reading the blobs: paths (sorted) and blob ids.
/// Symbolic links and blobs over the size limit are left out, each a finding in `unreadable` when
/// given, as Repository::index_files reports them.
std::vector<BlobRef> index_entries(Repository& repo, const std::string& prefix,
                                   std::vector<Finding>* unreadable = nullptr);
std::vector<BlobRef> tree_entries(Repository& repo, const std::string& rev, const std::string& prefix,
                                  std::vector<Finding>* unreadable = nullptr);
/// The bytes of a blob by its hex id.
std::string read_blob(Repository& repo, const std::string& oid);
/// The git directory (for a linked work tree, its own one under the main .git/worktrees/), no
/// trailing slash.
std::string git_dir_of(Repository& repo);
/// The git directory `path` is in, found like git (GIT_DIR, else `.git` folders and `gitdir:` files
/// upward from `path`) without opening the repository: no library set-up, for a command that needs
/// only where its cache goes. Empty outside a repository or when the folder belongs to another user.
std::string find_git_dir(const std::string& path);

}  // namespace pops
