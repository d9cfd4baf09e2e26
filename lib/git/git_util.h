#pragma once
// Small libgit2 helpers that the git and history layers share, one copy each.

#include <git2.h>

#include <filesystem>
#include <string>

namespace pops {

/// The 40 hex digits of `id`.
inline std::string oid_str(const git_oid& id)
{
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, &id);
  return buf;
}

/// The index a command reads: inside a git hook the one git names in GIT_INDEX_FILE (it differs for
/// `commit -a` and `commit <paths>`; a relative path is relative to the work tree), else the
/// repository's. Returns libgit2's error code; `path` names the file opened for messages ("" for the
/// repository's own).
inline int open_index(git_index** out, git_repository* repo, const std::string& workdir, std::string& path)
{
  if (const char* env = std::getenv("GIT_INDEX_FILE"); env && *env) {
    const std::filesystem::path p =
      std::filesystem::path(env).is_absolute() ? std::filesystem::path(env) : std::filesystem::path(workdir) / env;
    path = p.string();
    return git_index_open(out, path.c_str());
  }
  path.clear();
  return git_repository_index(out, repo);
}

} // namespace pops
