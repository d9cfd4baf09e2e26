#include "git/git.h"

#include "base/fsutil.h"

#include "git/git_util.h"

#include <git2.h>

#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace fs = std::filesystem;

namespace pops {

namespace {

/// Opens the repository holding `path` like git finds it: GIT_DIR and friends when set, else a plain
/// upward search (libgit2 1.5 cannot use the environment with GIT_WORK_TREE set).
int open_like_git(git_repository** repo, const std::string& path)
{
  int rc = GIT_ENOTFOUND;
  if (std::getenv("GIT_DIR")) {
    rc = git_repository_open_ext(repo, path.c_str(), GIT_REPOSITORY_OPEN_FROM_ENV, nullptr);
  }
  if (rc < 0 && rc != GIT_EOWNER) {
    rc = git_repository_open_ext(repo, path.c_str(), 0, nullptr);
  }
  return rc;
}

/// `s` as one shell word, quoted only when it needs to be.
std::string shell_word(const std::string& s)
{
  const bool plain = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || std::strchr("/._-+,:@%", c) != nullptr;
  });
  if (plain) {
    return s;
  }
  std::string out = "'";
  for (char c : s) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

bool is_safe_directory_key(std::string key)
{
  std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
  return key == "safe.directory";
}

/// Reads one sq-quoted word of GIT_CONFIG_PARAMETERS at `i` ('a'\''b' style), advancing `i`.
std::string sq_word(std::string_view s, size_t& i)
{
  std::string out;
  while (i < s.size() && s[i] == '\'') {
    const size_t end = s.find('\'', i + 1);
    if (end == std::string_view::npos) {
      out += s.substr(i + 1);
      i = s.size();
      break;
    }
    out += s.substr(i + 1, end - i - 1);
    i = end + 1;
    if (i + 1 < s.size() && s[i] == '\\') {
      out += s[i + 1];
      i += 2;
    }
  }
  return out;
}

/// The safe.directory values git reads, in its order: system, global (XDG, then ~/.gitconfig, or
/// GIT_CONFIG_GLOBAL), then the command line (GIT_CONFIG_PARAMETERS, GIT_CONFIG_COUNT). Git ignores
/// the repository's own configuration for this key.
std::vector<std::string> safe_directories()
{
  std::vector<std::string> files;
  const std::string_view nosystem = std::getenv("GIT_CONFIG_NOSYSTEM") ? std::getenv("GIT_CONFIG_NOSYSTEM") : "";
  if (nosystem.empty() || nosystem == "0" || nosystem == "false" || nosystem == "no" || nosystem == "off") {
    const char* sys = std::getenv("GIT_CONFIG_SYSTEM");
    files.emplace_back(sys ? sys : "/etc/gitconfig");
  }
  if (const char* global = std::getenv("GIT_CONFIG_GLOBAL")) {
    files.emplace_back(global);
  } else {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    const char* home = std::getenv("HOME");
    if (xdg && *xdg) {
      files.push_back(std::string(xdg) + "/git/config");
    } else if (home) {
      files.push_back(std::string(home) + "/.config/git/config");
    }
    if (home) {
      files.push_back(std::string(home) + "/.gitconfig");
    }
  }
  std::vector<std::string> out;
  for (const auto& f : files) {
    std::error_code ec;
    if (f.empty() || !fs::is_regular_file(f, ec)) {
      continue;
    }
    git_config* raw_cfg = nullptr;
    if (git_config_open_ondisk(&raw_cfg, f.c_str()) < 0) {
      continue;
    }
    const ConfigPtr cfg(raw_cfg);
    git_config_iterator* raw_it = nullptr;
    if (git_config_multivar_iterator_new(&raw_it, cfg.get(), "safe.directory", nullptr) == 0) {
      const ConfigIteratorPtr it(raw_it);
      git_config_entry* e = nullptr;  // owned by the iterator
      while (git_config_next(&e, it.get()) == 0) {
        out.emplace_back(e->value ? e->value : "");
      }
    }
  }
  if (const char* params = std::getenv("GIT_CONFIG_PARAMETERS")) {
    std::string_view s(params);
    size_t i = 0;
    while (i < s.size()) {
      if (s[i] == ' ') {
        ++i;
        continue;
      }
      if (s[i] != '\'') {
        break;
      }
      std::string key = sq_word(s, i);
      std::string value;
      if (i < s.size() && s[i] == '=') {
        ++i;
        value = sq_word(s, i);
      } else if (auto eq = key.find('='); eq != std::string::npos) {
        value = key.substr(eq + 1);
        key.resize(eq);
      }
      if (is_safe_directory_key(key)) {
        out.push_back(value);
      }
    }
  }
  if (const char* count = std::getenv("GIT_CONFIG_COUNT")) {
    const int n = std::atoi(count);
    for (int k = 0; k < n; ++k) {
      const char* key = std::getenv(fmt::format("GIT_CONFIG_KEY_{}", k).c_str());
      const char* value = std::getenv(fmt::format("GIT_CONFIG_VALUE_{}", k).c_str());
      if (key && is_safe_directory_key(key)) {
        out.emplace_back(value ? value : "");
      }
    }
  }
  return out;
}

/// True when git would open the repository whose top folder is `dir` although another user owns it:
/// safe.directory lists it (or '*', an empty value clearing the list so far), or root runs it through
/// sudo for the user who owns it.
bool trusted_like_git(const std::string& dir)
{
  std::error_code ec;
  const fs::path top = fs::weakly_canonical(dir, ec);
  bool safe = false;
  for (std::string v : safe_directories()) {
    if (v.empty()) {
      safe = false;
      continue;
    }
    if (v == "*") {
      safe = true;
      continue;
    }
    if (v.starts_with("~/")) {
      const char* home = std::getenv("HOME");
      v = std::string(home ? home : "") + v.substr(1);
    }
    while (v.size() > 1 && v.back() == '/') {
      v.pop_back();
    }
    if (fs::path(v) == top || v == dir) {
      safe = true;
    }
  }
  if (!safe && ::geteuid() == 0) {
    if (const char* sudo_uid = std::getenv("SUDO_UID")) {
      struct stat st {};
      safe = ::stat(dir.c_str(), &st) == 0 && std::to_string(st.st_uid) == sudo_uid;
    }
  }
  return safe;
}

}  // namespace

struct Repository::Cache {
  std::unordered_map<std::string, std::string> blobs;      ///< oid -> content
  std::optional<std::unordered_set<std::string>> shallow;  ///< read on first use
  std::optional<int> depth;
  std::string oldest;  ///< its id
};

Repository::Repository(GitLibrary lib, RepoPtr repo)
  : m_lib(std::move(lib)), m_repo(std::move(repo)), m_cache(std::make_unique<Cache>())
{
  const char* wd = git_repository_workdir(m_repo.get());
  m_workdir = wd ? wd : "";
  while (m_workdir.size() > 1 && m_workdir.back() == '/') {
    m_workdir.pop_back();
  }
}

Repository::~Repository() = default;
Repository::Repository(Repository&&) noexcept = default;
Repository& Repository::operator=(Repository&&) noexcept = default;

Repository Repository::open(const std::string& path)
{
  GitLibrary lib;  // on a throw below, `repo` is freed first, then this shuts libgit2 down
  // Like git, trust the object store: do not hash every object again on read (a quarter of the
  // time of a history walk).
  git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
  git_repository* raw = nullptr;
  int rc = open_like_git(&raw, path);
  RepoPtr repo(raw);
  if (rc < 0) {
    // libgit2 1.5.1 refuses a repository owned by another user with GIT_EOWNER, or with GIT_ENOTFOUND
    // when no safe.directory is configured at all, and knows neither '*' nor git's command-line and
    // GIT_CONFIG_GLOBAL settings: open it without its check and decide like git does. (The switch is
    // process-wide: repositories are opened on the main thread.)
    int validate = 1;
    git_libgit2_opts(GIT_OPT_GET_OWNER_VALIDATION, &validate);
    git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
    raw = nullptr;
    const int unchecked = open_like_git(&raw, path);
    repo.reset(raw);
    git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, validate);
    if (unchecked == 0) {
      const char* top =
        git_repository_workdir(repo.get()) ? git_repository_workdir(repo.get()) : git_repository_path(repo.get());
      std::string dir = top ? top : path;
      while (dir.size() > 1 && dir.back() == '/') {
        dir.pop_back();
      }
      if (!trusted_like_git(dir)) {
        throw std::runtime_error(
          fmt::format("detected dubious ownership in repository at '{}': it belongs to another user; if you trust "
                      "it, run 'git config --global --add safe.directory {}' (git refuses it too)",
                      dir, shell_word(dir)));
      }
      rc = 0;
    } else if (rc == GIT_EOWNER) {
      throw std::runtime_error(
        fmt::format("the git repository holding '{}' belongs to another user; if you trust it, add its folder to "
                    "safe.directory ('git config --global --add safe.directory <folder>')",
                    path));
    }
  }
  if (rc < 0) {
    throw std::runtime_error(fmt::format("'{}' is not inside a git repository", path));
  }
  if (git_repository_is_bare(repo.get())) {
    throw std::runtime_error("the git repository is bare; pops needs a work tree");
  }
  return Repository(std::move(lib), std::move(repo));
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
  std::vector<Finding>* unreadable = nullptr;

  void add(const std::string& repo_path, const git_oid& id, uint32_t mode)
  {
    std::optional<std::string> workspace_rel = pops_path(prefix, repo_path, mode);
    if (!workspace_rel) {
      return;
    }
    std::string rel = std::move(*workspace_rel);
    const std::string key = oid_str(id);
    auto it = blobs.find(key);
    // A blob read already passed the size check.
    if (std::string why = unreadable_entry(repo, id, mode, repo_path, it == blobs.end()); !why.empty()) {
      if (unreadable != nullptr) {
        unreadable->push_back(unreadable_finding(std::move(rel), std::move(why)));
      }
      return;
    }
    if (it == blobs.end()) {
      git_blob* b = nullptr;
      check_git(git_blob_lookup(&b, repo, &id), fmt::format("cannot read '{}'", repo_path));
      BlobPtr blob(b);
      it = blobs
             .emplace(key, std::string(static_cast<const char*>(git_blob_rawcontent(b)),
                                       static_cast<size_t>(git_blob_rawsize(b))))
             .first;
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

}  // namespace

std::optional<std::string> pops_path(const std::string& prefix, const std::string& repo_path, uint32_t mode)
{
  if (!repo_path.starts_with(prefix)) {
    return std::nullopt;
  }
  std::string rel = repo_path.substr(prefix.size());
  if (classify(rel) == FileKind::none || (mode & 0170000) == 0160000) {
    return std::nullopt;  // not pops's business, or a submodule
  }
  return rel;
}

std::string unreadable_entry(git_repository* repo, const git_oid& id, uint32_t mode, const std::string& repo_path,
                             bool size_too)
{
  if ((mode & 0170000) == 0120000) {
    // git holds the link's target path, not the file: never read as the file's text.
    return "symbolic link; git holds the link, not the file, so it is not followed";
  }
  if (!size_too) {
    return {};
  }
  const long limit = YamlLimits{}.max_bytes;
  git_odb* raw_odb = nullptr;
  size_t size = 0;
  git_object_t type = GIT_OBJECT_INVALID;
  check_git(git_repository_odb(&raw_odb, repo), "cannot open the object database");
  const OdbPtr odb(raw_odb);
  const int rc = git_odb_read_header(&size, &type, odb.get(), &id);
  check_git(rc, fmt::format("cannot read '{}'", repo_path));
  if (size > static_cast<size_t>(limit)) {
    return too_large_message(size, static_cast<unsigned long long>(limit));
  }
  return {};
}

Finding unreadable_finding(std::string rel, std::string reason)
{
  Finding f;
  f.file = std::move(rel);
  f.loc = {1, 1, 0};
  f.rule = "yaml-syntax";
  f.message = std::move(reason);
  return f;
}

std::vector<SourceFile> Repository::index_files(const std::string& prefix, std::vector<Finding>* unreadable)
{
  git_index* raw = nullptr;
  std::string index_path;
  const int rc = open_index(&raw, m_repo.get(), m_workdir, index_path);
  check_git(rc, index_path.empty() ? std::string("cannot read the index")
                                   : fmt::format("cannot read the index '{}'", index_path));
  IndexPtr index(raw);
  std::vector<SourceFile> out;
  Collector c{m_repo.get(), m_cache->blobs, prefix, out, unreadable};
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

std::vector<SourceFile> Repository::tree_files(const std::string& rev, const std::string& prefix,
                                               std::vector<Finding>* unreadable)
{
  git_object* obj = nullptr;
  if (git_revparse_single(&obj, m_repo.get(), (rev + "^{tree}").c_str()) < 0) {
    throw std::runtime_error(fmt::format("unknown revision '{}'", rev));
  }
  TreePtr tree(reinterpret_cast<git_tree*>(obj));
  std::vector<SourceFile> out;
  Collector c{m_repo.get(), m_cache->blobs, prefix, out, unreadable};
  check_git(git_tree_walk(tree.get(), GIT_TREEWALK_PRE, tree_cb, &c), "cannot read the tree");
  std::sort(out.begin(), out.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  return out;
}

CommitRef Repository::commit(const std::string& rev)
{
  git_object* obj = nullptr;
  if (git_revparse_single(&obj, m_repo.get(), (rev + "^{commit}").c_str()) < 0) {
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
  return git_repository_head_unborn(m_repo.get()) == 0;
}

const std::unordered_set<std::string>& Repository::shallow_commits()
{
  if (!m_cache->shallow) {
    m_cache->shallow.emplace();
    if (git_repository_is_shallow(m_repo.get()) == 1) {
      const char* common = git_repository_commondir(m_repo.get());
      std::ifstream in(fs::path(common ? common : git_repository_path(m_repo.get())) / "shallow");
      std::string line;
      while (std::getline(in, line)) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
          line.pop_back();
        }
        if (!line.empty()) {
          m_cache->shallow->insert(line);
        }
      }
    }
  }
  return *m_cache->shallow;
}

std::vector<std::string> Repository::ref_names()
{
  std::vector<std::string> names;
  git_reference_foreach_name(
    m_repo.get(),
    [](const char* name, void* out) {
      std::string_view n(name);
      for (std::string_view prefix : {"refs/heads/", "refs/remotes/", "refs/tags/"}) {
        if (n.starts_with(prefix) && !n.ends_with("/HEAD")) {
          static_cast<std::vector<std::string>*>(out)->emplace_back(n.substr(prefix.size()));
        }
      }
      return 0;
    },
    &names);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  names.insert(names.begin(), "HEAD");
  return names;
}

bool Repository::is_shallow()
{
  return !shallow_commits().empty();
}

int Repository::shallow_depth()
{
  if (!m_cache->depth) {
    int n = 0;
    const auto& boundary = shallow_commits();
    if (!boundary.empty() && has_commits()) {
      git_object* obj = nullptr;
      check_git(git_revparse_single(&obj, m_repo.get(), "HEAD^{commit}"), "cannot read HEAD");
      CommitPtr c(reinterpret_cast<git_commit*>(obj));
      while (c) {
        ++n;
        m_cache->oldest = oid_str(*git_commit_id(c.get()));
        if (boundary.count(oid_str(*git_commit_id(c.get()))) || git_commit_parentcount(c.get()) == 0) {
          break;
        }
        git_commit* parent = nullptr;
        check_git(git_commit_parent(&parent, c.get(), 0), "cannot read a parent commit");
        c.reset(parent);
      }
    }
    m_cache->depth = n;
  }
  return *m_cache->depth;
}

CommitRef Repository::shallow_oldest()
{
  if (shallow_depth() == 0) {
    return {};
  }
  return commit(m_cache->oldest);
}

ShallowHistory::ShallowHistory(int depth)
  : std::runtime_error(fmt::format("the history is shallow (depth {}); fetch it whole (git fetch --unshallow, "
                                   "or actions/checkout with fetch-depth: 0)",
                                   depth)),
    m_depth(depth)
{
}

bool Repository::merging()
{
  return git_repository_state(m_repo.get()) != GIT_REPOSITORY_STATE_NONE;
}

std::vector<std::string> Repository::conflicts()
{
  git_index* raw = nullptr;
  std::string index_path;
  check_git(open_index(&raw, m_repo.get(), m_workdir, index_path), "cannot read the index");
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

}  // namespace pops
