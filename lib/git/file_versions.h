#pragma once
// The versions of one file along the first-parent history: what `pops pilot` reads pops.yaml's
// `rules:` from, without loading the rest of the workspace at every commit.

#include "git/git.h"

#include <string>
#include <vector>

namespace pops {

/// One version of a file: the commit that wrote it (or removed it: `present` false, `text` empty).
struct FileVersion {
  CommitRef commit;
  bool present = false;
  std::string text;
};

struct FileVersions {
  std::vector<FileVersion> versions;  ///< oldest first
  /// The walk stopped at a shallow clone's boundary: the oldest version may be older than it says.
  bool truncated = false;
};

/// The versions of `path` (relative to the repository's top) on the first-parent line from `rev`:
/// one per commit whose blob of it differs from its first parent's (added, changed or removed),
/// oldest first. Throws "unknown revision 'x'"; an unborn HEAD gives none.
FileVersions file_versions(Repository& repo, const std::string& rev, const std::string& path);

}  // namespace pops
