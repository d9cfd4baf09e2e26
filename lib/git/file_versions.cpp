#include "git/file_versions.h"

#include "git/git_util.h"

#include <git2.h>

#include <memory>
#include <optional>
#include <stdexcept>

namespace pops {

namespace {

/// The blob id of `path` in the tree of `c`, or nullopt when it holds none.
std::optional<git_oid> blob_of(git_commit* c, const std::string& path)
{
  git_tree* raw = nullptr;
  if (git_commit_tree(&raw, c) != 0) {
    throw std::runtime_error("cannot read the tree of commit " + oid_str(*git_commit_id(c)));
  }
  TreePtr tree(raw);
  git_tree_entry* raw_entry = nullptr;
  if (git_tree_entry_bypath(&raw_entry, tree.get(), path.c_str()) != 0) {
    return std::nullopt;
  }
  const TreeEntryPtr e(raw_entry);
  std::optional<git_oid> id;
  if (git_tree_entry_type(e.get()) == GIT_OBJECT_BLOB) {
    id = *git_tree_entry_id(e.get());
  }
  return id;
}

bool same(const std::optional<git_oid>& a, const std::optional<git_oid>& b)
{
  return a.has_value() == b.has_value() && (!a || git_oid_equal(&*a, &*b));
}

}  // namespace

FileVersions file_versions(Repository& repo, const std::string& rev, const std::string& path)
{
  FileVersions out;
  if (!repo.has_commits()) {
    return out;
  }
  const CommitRef head = repo.commit(rev);
  git_oid oid;
  if (git_oid_fromstr(&oid, head.id.c_str()) != 0) {
    throw std::runtime_error("unknown revision '" + rev + "'");
  }
  const auto& boundary = repo.shallow_commits();
  git_commit* raw = nullptr;
  if (git_commit_lookup(&raw, repo.raw(), &oid) != 0) {
    throw std::runtime_error("unknown revision '" + rev + "'");
  }
  CommitPtr c(raw);
  // Newest first: each commit whose blob differs from its parent's (or the root's, when it has one).
  struct Hit {
    std::string id;
    std::optional<git_oid> blob;
  };
  std::vector<Hit> hits;
  std::optional<git_oid> blob = blob_of(c.get(), path);
  while (c) {
    const std::string id = oid_str(*git_commit_id(c.get()));
    CommitPtr parent;
    if (!boundary.count(id) && git_commit_parentcount(c.get()) > 0) {
      git_commit* p = nullptr;
      if (git_commit_parent(&p, c.get(), 0) != 0) {
        throw std::runtime_error("cannot read a parent of commit " + id);
      }
      parent.reset(p);
    } else if (boundary.count(id)) {
      out.truncated = true;
    }
    const std::optional<git_oid> parent_blob = parent ? blob_of(parent.get(), path) : std::nullopt;
    if (!same(blob, parent_blob)) {
      hits.push_back({id, blob});
    }
    c = std::move(parent);
    blob = parent_blob;
  }
  for (auto it = hits.rbegin(); it != hits.rend(); ++it) {
    FileVersion v;
    v.commit = repo.commit(it->id);
    if (it->blob) {
      git_blob* b = nullptr;
      if (git_blob_lookup(&b, repo.raw(), &*it->blob) != 0) {
        throw std::runtime_error("cannot read '" + path + "' at commit " + v.commit.short_id);
      }
      BlobPtr bp(b);
      v.present = true;
      v.text.assign(static_cast<const char*>(git_blob_rawcontent(b)), static_cast<size_t>(git_blob_rawsize(b)));
    }
    out.versions.push_back(std::move(v));
  }
  return out;
}

}  // namespace pops
