#include "git/git_refs.h"

#include "git/git_util.h"

#include <git2.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>
#include <memory>
#include <stdexcept>

namespace fs = std::filesystem;

namespace pops {

namespace {

struct RefCollector {
  git_repository* repo;
  const std::string& prefix;
  std::vector<BlobRef>& out;
  std::vector<Finding>* unreadable;

  void add(const std::string& repo_path, const git_oid& id, uint32_t mode)
  {
    std::optional<std::string> workspace_rel = pops_path(prefix, repo_path, mode);
    if (!workspace_rel) {
      return;
    }
    std::string rel = std::move(*workspace_rel);
    // As Repository::index_files and tree_files: a link is never read as the file's text, and a
    // blob over the size limit is refused from its header, without being inflated.
    if (std::string why = unreadable_entry(repo, id, mode, repo_path, true); !why.empty()) {
      if (unreadable != nullptr) {
        unreadable->push_back(unreadable_finding(std::move(rel), std::move(why)));
      }
      return;
    }
    out.push_back({std::move(rel), oid_str(id)});
  }
};

int ref_tree_cb(const char* root, const git_tree_entry* entry, void* payload)
{
  auto* c = static_cast<RefCollector*>(payload);
  if (git_tree_entry_type(entry) == GIT_OBJECT_TREE) {
    // Skip folders outside the workspace.
    const std::string dir = std::string(root) + git_tree_entry_name(entry) + "/";
    return dir.starts_with(c->prefix) || c->prefix.starts_with(dir) ? 0 : 1;
  }
  if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB) {
    return 0;
  }
  c->add(std::string(root) + git_tree_entry_name(entry), *git_tree_entry_id(entry),
         static_cast<uint32_t>(git_tree_entry_filemode(entry)));
  return 0;
}

void sort_refs(std::vector<BlobRef>& v)
{
  std::sort(v.begin(), v.end(), [](const BlobRef& a, const BlobRef& b) { return a.path < b.path; });
}

}  // namespace

std::string blob_oid(std::string_view content)
{
  static const int s_init = git_libgit2_init();  // hashing outside any repository needs it too
  (void)s_init;
  git_oid id;
  check_git(git_odb_hash(&id, content.data(), content.size(), GIT_OBJECT_BLOB), "cannot hash a file");
  return oid_str(id);
}

std::vector<BlobRef> index_entries(Repository& repo, const std::string& prefix, std::vector<Finding>* unreadable)
{
  git_index* raw = nullptr;
  std::string index_path;
  const int rc = open_index(&raw, repo.raw(), repo.workdir(), index_path);
  check_git(rc, index_path.empty() ? std::string("cannot read the index")
                                   : fmt::format("cannot read the index '{}'", index_path));
  IndexPtr index(raw);
  std::vector<BlobRef> out;
  RefCollector c{repo.raw(), prefix, out, unreadable};
  const size_t n = git_index_entrycount(raw);
  for (size_t i = 0; i < n; ++i) {
    const git_index_entry* e = git_index_get_byindex(raw, i);
    if (git_index_entry_stage(e) != 0) {
      continue;
    }
    c.add(e->path, e->id, e->mode);
  }
  sort_refs(out);
  return out;
}

std::vector<BlobRef> tree_entries(Repository& repo, const std::string& rev, const std::string& prefix,
                                  std::vector<Finding>* unreadable)
{
  git_object* obj = nullptr;
  if (git_revparse_single(&obj, repo.raw(), (rev + "^{tree}").c_str()) < 0) {
    throw std::runtime_error(fmt::format("unknown revision '{}'", rev));
  }
  ObjectPtr tree(obj);
  std::vector<BlobRef> out;
  RefCollector c{repo.raw(), prefix, out, unreadable};
  check_git(git_tree_walk(reinterpret_cast<git_tree*>(obj), GIT_TREEWALK_PRE, ref_tree_cb, &c), "cannot read the tree");
  sort_refs(out);
  return out;
}

std::string read_blob(Repository& repo, const std::string& oid)
{
  git_oid id;
  check_git(git_oid_fromstr(&id, oid.c_str()), fmt::format("bad blob id '{}'", oid));
  git_blob* b = nullptr;
  check_git(git_blob_lookup(&b, repo.raw(), &id), fmt::format("cannot read blob {}", oid));
  BlobPtr blob(b);
  return std::string(static_cast<const char*>(git_blob_rawcontent(b)), static_cast<size_t>(git_blob_rawsize(b)));
}

std::string git_dir_of(Repository& repo)
{
  std::string d = git_repository_path(repo.raw());
  while (d.size() > 1 && d.back() == '/') {
    d.pop_back();
  }
  return d;
}

std::string find_git_dir(const std::string& path)
{
  namespace fs = std::filesystem;
  std::error_code ec;
  auto mine = [](const fs::path& dir) {
    struct stat st {};
    return ::stat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == ::geteuid();
  };
  auto done = [](fs::path dir) {
    std::string d = dir.lexically_normal().string();
    while (d.size() > 1 && d.back() == '/') {
      d.pop_back();
    }
    return d;
  };
  if (const char* env = std::getenv("GIT_DIR"); env && *env) {
    fs::path d = fs::absolute(env, ec);
    return !ec && mine(d) ? done(d) : std::string();
  }
  fs::path start = fs::absolute(path, ec);
  if (ec) {
    return {};
  }
  for (fs::path dir = start; !dir.empty(); dir = dir.parent_path()) {
    const fs::path dot = dir / ".git";
    if (fs::is_directory(dot, ec)) {
      if (fs::exists(dot / "HEAD", ec)) {
        return mine(dot) ? done(dot) : std::string();
      }
    } else if (fs::is_regular_file(dot, ec)) {
      std::ifstream in(dot);
      std::string line;
      std::getline(in, line);
      if (line.starts_with("gitdir:")) {
        std::string target = line.substr(7);
        target.erase(0, target.find_first_not_of(" \t"));
        while (!target.empty() && (target.back() == '\r' || target.back() == ' ')) {
          target.pop_back();
        }
        fs::path t = fs::path(target).is_absolute() ? fs::path(target) : dir / target;
        return mine(t) ? done(t) : std::string();
      }
    }
    if (dir == dir.root_path()) {
      break;
    }
  }
  return {};
}

}  // namespace pops
