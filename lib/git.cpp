#include "git.h"

#include <git2.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <unordered_map>

namespace fs = std::filesystem;

namespace pops {

namespace {

std::string git_message()
{
  const git_error* e = git_error_last();
  return e && e->message ? e->message : "unknown error";
}

void check(int rc, std::string_view what)
{
  if (rc < 0) {
    throw std::runtime_error(fmt::format("{}: {}", what, git_message()));
  }
}

template <class T, void (*F)(T*)> struct Free {
  void operator()(T* p) const { F(p); }
};
using IndexPtr = std::unique_ptr<git_index, Free<git_index, git_index_free>>;
using ObjectPtr = std::unique_ptr<git_object, Free<git_object, git_object_free>>;
using TreePtr = std::unique_ptr<git_tree, Free<git_tree, git_tree_free>>;
using BlobPtr = std::unique_ptr<git_blob, Free<git_blob, git_blob_free>>;
using CommitPtr = std::unique_ptr<git_commit, Free<git_commit, git_commit_free>>;

std::string oid_str(const git_oid& id)
{
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, &id);
  return buf;
}

} // namespace

struct Repository::Cache {
  std::unordered_map<std::string, std::string> blobs;  ///< oid -> content
};

Repository::Repository(git_repository* repo) : m_repo(repo), m_cache(std::make_unique<Cache>())
{
  const char* wd = git_repository_workdir(repo);
  m_workdir = wd ? wd : "";
  while (m_workdir.size() > 1 && m_workdir.back() == '/') {
    m_workdir.pop_back();
  }
}

Repository::~Repository()
{
  if (m_repo) {
    git_repository_free(m_repo);
    git_libgit2_shutdown();
  }
}

Repository::Repository(Repository&& o) noexcept
  : m_repo(std::exchange(o.m_repo, nullptr)), m_workdir(std::move(o.m_workdir)), m_cache(std::move(o.m_cache))
{
}

Repository& Repository::operator=(Repository&& o) noexcept
{
  std::swap(m_repo, o.m_repo);
  std::swap(m_workdir, o.m_workdir);
  std::swap(m_cache, o.m_cache);
  return *this;
}

Repository Repository::open(const std::string& path)
{
  git_libgit2_init();
  git_repository* repo = nullptr;
  int rc = GIT_ENOTFOUND;
  if (std::getenv("GIT_DIR")) {
    rc = git_repository_open_ext(&repo, path.c_str(), GIT_REPOSITORY_OPEN_FROM_ENV, nullptr);
  }
  if (rc < 0 && rc != GIT_EOWNER) {
    // Plain upward search (libgit2 1.5 cannot use the environment with GIT_WORK_TREE set).
    rc = git_repository_open_ext(&repo, path.c_str(), 0, nullptr);
  }
  if (rc == GIT_EOWNER) {
    git_libgit2_shutdown();
    throw std::runtime_error(fmt::format(
      "the git repository holding '{}' is owned by another user; if you trust it, run "
      "'git config --global --add safe.directory <its folder>' (git refuses it too)", path));
  }
  if (rc < 0) {
    git_libgit2_shutdown();
    throw std::runtime_error(fmt::format("'{}' is not inside a git repository", path));
  }
  if (git_repository_is_bare(repo)) {
    git_repository_free(repo);
    git_libgit2_shutdown();
    throw std::runtime_error("the git repository is bare; pops needs a work tree");
  }
  return Repository(repo);
}

const std::string& Repository::workdir() const
{
  return m_workdir;
}

std::string Repository::prefix_of(const std::string& abs_dir) const
{
  std::error_code ec;
  fs::path a = fs::weakly_canonical(abs_dir, ec);
  fs::path w = fs::weakly_canonical(m_workdir, ec);
  std::string rel = a.lexically_relative(w).generic_string();
  if (rel.starts_with("..") || rel.empty()) {
    throw std::runtime_error(fmt::format("'{}' is outside the git work tree '{}'", abs_dir, m_workdir));
  }
  return rel == "." ? std::string() : rel + "/";
}

namespace {

struct Collector {
  git_repository* repo;
  std::unordered_map<std::string, std::string>& blobs;
  const std::string& prefix;
  std::vector<SourceFile>& out;

  void add(const std::string& repo_path, const git_oid& id, uint32_t mode)
  {
    if (!repo_path.starts_with(prefix)) {
      return;
    }
    std::string rel = repo_path.substr(prefix.size());
    if (classify(rel) == FileKind::none || (mode & 0170000) == 0160000) {
      return;  // not pops's business, or a submodule
    }
    const std::string key = oid_str(id);
    auto it = blobs.find(key);
    if (it == blobs.end()) {
      git_blob* b = nullptr;
      check(git_blob_lookup(&b, repo, &id), fmt::format("cannot read '{}'", repo_path));
      BlobPtr blob(b);
      it = blobs.emplace(key, std::string(static_cast<const char*>(git_blob_rawcontent(b)),
                                          static_cast<size_t>(git_blob_rawsize(b)))).first;
    }
    out.push_back({rel, it->second});
  }
};

int tree_cb(const char* root, const git_tree_entry* entry, void* payload)
{
  auto* c = static_cast<Collector*>(payload);
  if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB) {
    return 0;
  }
  c->add(std::string(root) + git_tree_entry_name(entry), *git_tree_entry_id(entry),
         static_cast<uint32_t>(git_tree_entry_filemode(entry)));
  return 0;
}

} // namespace

std::vector<SourceFile> Repository::index_files(const std::string& prefix)
{
  git_index* raw = nullptr;
  if (const char* env = std::getenv("GIT_INDEX_FILE"); env && *env) {
    // Inside a hook git names the index to read; it differs for `commit -a` and `commit <paths>`.
    fs::path p = fs::path(env).is_absolute() ? fs::path(env) : fs::path(m_workdir) / env;
    check(git_index_open(&raw, p.c_str()), fmt::format("cannot read the index '{}'", p.string()));
  } else {
    check(git_repository_index(&raw, m_repo), "cannot read the index");
  }
  IndexPtr index(raw);
  std::vector<SourceFile> out;
  Collector c{m_repo, m_cache->blobs, prefix, out};
  const size_t n = git_index_entrycount(raw);
  for (size_t i = 0; i < n; ++i) {
    const git_index_entry* e = git_index_get_byindex(raw, i);
    if (git_index_entry_stage(e) != 0) {
      continue;
    }
    c.add(e->path, e->id, e->mode);
  }
  std::sort(out.begin(), out.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  return out;
}

std::vector<SourceFile> Repository::tree_files(const std::string& rev, const std::string& prefix)
{
  git_object* obj = nullptr;
  if (git_revparse_single(&obj, m_repo, (rev + "^{tree}").c_str()) < 0) {
    throw std::runtime_error(fmt::format("unknown revision '{}'", rev));
  }
  TreePtr tree(reinterpret_cast<git_tree*>(obj));
  std::vector<SourceFile> out;
  Collector c{m_repo, m_cache->blobs, prefix, out};
  check(git_tree_walk(tree.get(), GIT_TREEWALK_PRE, tree_cb, &c), "cannot read the tree");
  std::sort(out.begin(), out.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  return out;
}

CommitRef Repository::commit(const std::string& rev)
{
  git_object* obj = nullptr;
  if (git_revparse_single(&obj, m_repo, (rev + "^{commit}").c_str()) < 0) {
    throw std::runtime_error(fmt::format("unknown revision '{}'", rev));
  }
  CommitPtr c(reinterpret_cast<git_commit*>(obj));
  CommitRef r;
  r.id = oid_str(*git_commit_id(c.get()));
  r.short_id = r.id.substr(0, 7);
  r.summary = git_commit_summary(c.get()) ? git_commit_summary(c.get()) : "";
  const git_signature* a = git_commit_author(c.get());
  r.author = a->name;
  r.author_email = a->email;
  r.author_time = a->when.time;
  r.author_tz = a->when.offset;
  r.commit_time = git_commit_time(c.get());
  r.commit_tz = git_commit_time_offset(c.get());
  return r;
}

bool Repository::has_commits()
{
  return git_repository_head_unborn(m_repo) == 0;
}

bool Repository::merging()
{
  return git_repository_state(m_repo) != GIT_REPOSITORY_STATE_NONE;
}

std::vector<std::string> Repository::conflicts()
{
  git_index* raw = nullptr;
  if (const char* env = std::getenv("GIT_INDEX_FILE"); env && *env) {
    fs::path p = fs::path(env).is_absolute() ? fs::path(env) : fs::path(m_workdir) / env;
    check(git_index_open(&raw, p.c_str()), "cannot read the index");
  } else {
    check(git_repository_index(&raw, m_repo), "cannot read the index");
  }
  IndexPtr index(raw);
  std::vector<std::string> out;
  const size_t n = git_index_entrycount(raw);
  for (size_t i = 0; i < n; ++i) {
    const git_index_entry* e = git_index_get_byindex(raw, i);
    if (git_index_entry_stage(e) != 0 && (out.empty() || out.back() != e->path)) {
      out.emplace_back(e->path);
    }
  }
  return out;
}

} // namespace pops
