#include "repo.h"

#include <git2.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <system_error>

namespace fs = std::filesystem;

namespace pops {

namespace {

/// unique_ptr deleters for the libgit2 objects used here.
struct RepoFree {
  void operator()(git_repository* p) const { git_repository_free(p); }
};
struct IndexFree {
  void operator()(git_index* p) const { git_index_free(p); }
};
struct TreeFree {
  void operator()(git_tree* p) const { git_tree_free(p); }
};
struct CommitFree {
  void operator()(git_commit* p) const { git_commit_free(p); }
};
struct SignatureFree {
  void operator()(git_signature* p) const { git_signature_free(p); }
};

using RepoPtr = std::unique_ptr<git_repository, RepoFree>;
using IndexPtr = std::unique_ptr<git_index, IndexFree>;
using TreePtr = std::unique_ptr<git_tree, TreeFree>;
using CommitPtr = std::unique_ptr<git_commit, CommitFree>;
using SignaturePtr = std::unique_ptr<git_signature, SignatureFree>;

/// A system error message in git style: "permission denied", not "Permission denied".
std::string lower_first(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  }
  return text;
}

std::string last_git_message() {
  const git_error* err = git_error_last();
  if (err == nullptr || err->message == nullptr) {
    return "unknown libgit2 error";
  }
  return err->message;
}

/// Opens `path` the way git would: GIT_DIR and friends first, else a plain upward search.
/// Returns libgit2's code; `out` is set on success.
int open_repo_ext(RepoPtr& out, const std::string& path) {
  git_repository* raw = nullptr;
  int rc = git_repository_open_ext(&raw, path.c_str(), GIT_REPOSITORY_OPEN_FROM_ENV, nullptr);
  if (rc < 0 && rc != GIT_ENOTFOUND && rc != GIT_EOWNER) {
    // libgit2 1.5 cannot use the environment when e.g. GIT_WORK_TREE or GIT_COMMON_DIR is set.
    rc = git_repository_open_ext(&raw, path.c_str(), 0, nullptr);
  }
  out.reset(raw);
  return rc;
}

/// The git folder found at or above `start` without opening the repository (so without libgit2's
/// ownership check), honouring GIT_CEILING_DIRECTORIES; "" when there is none.
std::string discover_git_dir(const std::string& start) {
  git_buf buf = GIT_BUF_INIT;
  const char* ceilings = std::getenv("GIT_CEILING_DIRECTORIES");
  const int rc = git_repository_discover(&buf, start.c_str(), 0, ceilings);
  std::string found = rc == 0 && buf.ptr != nullptr ? buf.ptr : "";
  git_buf_dispose(&buf);
  return found;
}

bool owned_by_someone_else(const fs::path& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && st.st_uid != ::geteuid();
}

/// True when the repository holding `dir` exists but belongs to another user, which libgit2 refuses
/// (1.5.1 reports it as "config value 'safe.directory' was not found").
bool refused_for_ownership(const std::string& dir) {
  const std::string git_dir = discover_git_dir(dir);
  if (git_dir.empty()) {
    return false;
  }
  const fs::path git_path = fs::path(git_dir).lexically_normal();
  // "/repo/.git/" names the folder with an empty file name: go up once more for the work tree.
  const fs::path work_tree =
      git_path.has_filename() ? git_path.parent_path() : git_path.parent_path().parent_path();
  return owned_by_someone_else(git_path) || owned_by_someone_else(work_tree);
}

/// The nearest existing folder at or above `dir` (made absolute).
fs::path nearest_existing(const std::string& dir) {
  std::error_code ec;
  fs::path p = fs::absolute(dir.empty() ? fs::path(".") : fs::path(dir), ec);
  if (ec) {
    p = fs::path(dir);
  }
  while (!p.empty() && !fs::exists(p, ec)) {
    fs::path parent = p.parent_path();
    if (parent == p) {
      break;
    }
    p = parent;
  }
  return p;
}

/// Refuses paths that would leave the work tree or write into .git.
void check_relative_path(const std::string& path) {
  fs::path p(path);
  bool bad = path.empty() || p.is_absolute() || path.find('\\') != std::string::npos;
  for (const auto& part : p) {
    const std::string s = part.string();
    if (s == ".." || s == "." || s == ".git" || s.empty()) {
      bad = true;
    }
  }
  if (bad) {
    throw std::runtime_error("refusing to commit '" + path + "': not a path inside the work tree");
  }
}

void create_folders(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    throw std::runtime_error("cannot create '" + dir.string() + "': " + lower_first(ec.message()));
  }
}

void write_file(const fs::path& path, const std::string& content) {
  create_folders(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    throw std::runtime_error("cannot create '" + path.string() + "': " +
                             lower_first(std::strerror(errno)));
  }
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) {
    throw std::runtime_error("cannot write '" + path.string() + "': " +
                             lower_first(std::strerror(errno)));
  }
}

void remove_file(const fs::path& path) {
  std::error_code ec;
  fs::remove(path, ec);
  if (ec) {
    throw std::runtime_error("cannot remove '" + path.string() + "': " + lower_first(ec.message()));
  }
}

RepoPtr open_repo(const std::string& repo_dir) {
  git_repository* raw = nullptr;
  const int rc = git_repository_open(&raw, repo_dir.c_str());
  if (rc < 0 && (rc == GIT_EOWNER || refused_for_ownership(repo_dir))) {
    throw std::runtime_error("cannot open repository '" + repo_dir +
                             "': detected dubious ownership (it belongs to another user; see git's "
                             "safe.directory)");
  }
  check_git(rc, "cannot open repository '" + repo_dir + "'");
  return RepoPtr(raw);
}

/// The commit HEAD points to, or null when HEAD is unborn (no commit yet).
CommitPtr head_commit(git_repository* repo) {
  const int unborn = check_git(git_repository_head_unborn(repo), "cannot read HEAD");
  if (unborn == 1) {
    return nullptr;
  }
  git_oid oid;
  check_git(git_reference_name_to_id(&oid, repo, "HEAD"), "cannot read HEAD");
  git_commit* raw = nullptr;
  check_git(git_commit_lookup(&raw, repo, &oid), "cannot read HEAD");
  return CommitPtr(raw);
}

/// Stages the written and removed paths and returns the tree of the resulting index.
TreePtr stage(git_repository* repo, const std::vector<std::pair<std::string, std::string>>& files,
              const std::vector<std::string>& removed) {
  git_index* raw_index = nullptr;
  check_git(git_repository_index(&raw_index, repo), "cannot read the index");
  IndexPtr index(raw_index);
  for (const auto& [path, content] : files) {
    check_git(git_index_add_bypath(index.get(), path.c_str()), "cannot add '" + path + "'");
  }
  for (const auto& path : removed) {
    check_git(git_index_remove_bypath(index.get(), path.c_str()), "cannot remove '" + path + "'");
  }
  check_git(git_index_write(index.get()), "cannot write the index");
  git_oid tree_id;
  check_git(git_index_write_tree(&tree_id, index.get()), "cannot write a tree");
  git_tree* raw_tree = nullptr;
  check_git(git_tree_lookup(&raw_tree, repo, &tree_id), "cannot read the tree");
  return TreePtr(raw_tree);
}

std::string with_final_newline(const std::string& message) {
  if (!message.empty() && message.back() == '\n') {
    return message;
  }
  return message + "\n";
}

} // namespace

GitLibrary::GitLibrary() { git_libgit2_init(); }

GitLibrary::~GitLibrary() { git_libgit2_shutdown(); }

int check_git(int rc, std::string_view what) {
  if (rc < 0) {
    throw std::runtime_error(std::string(what) + ": " + last_git_message());
  }
  return rc;
}

bool inside_git_repo(const std::string& dir) {
  GitLibrary lib;
  RepoPtr repo;
  const std::string start = nearest_existing(dir).string();
  const int rc = open_repo_ext(repo, start);
  if (rc == GIT_ENOTFOUND) {
    // libgit2 1.5.1 reports a repository owned by another user as not found; it is still there.
    return !discover_git_dir(start).empty();
  }
  if (rc == GIT_EOWNER) {
    return true;
  }
  check_git(rc, "cannot open repository at '" + start + "'");
  return true;
}

void init_repo(const std::string& dir) {
  GitLibrary lib;
  git_repository_init_options opts;
  check_git(git_repository_init_options_init(&opts, GIT_REPOSITORY_INIT_OPTIONS_VERSION),
            "cannot create repository '" + dir + "'");
  opts.flags = GIT_REPOSITORY_INIT_MKPATH;
  opts.initial_head = "main";
  git_repository* raw = nullptr;
  check_git(git_repository_init_ext(&raw, dir.c_str(), &opts),
            "cannot create repository '" + dir + "'");
  RepoPtr repo(raw);
}

void commit_files(const std::string& repo_dir,
                  const std::vector<std::pair<std::string, std::string>>& files,
                  const std::vector<std::string>& removed, const CommitInfo& info) {
  GitLibrary lib;
  RepoPtr repo = open_repo(repo_dir);
  const char* workdir = git_repository_workdir(repo.get());
  if (workdir == nullptr) {
    throw std::runtime_error("cannot commit files: '" + repo_dir + "' is a bare repository");
  }
  const fs::path root(workdir);
  for (const auto& [path, content] : files) {
    check_relative_path(path);
    write_file(root / path, content);
  }
  for (const auto& path : removed) {
    check_relative_path(path);
    remove_file(root / path);
  }
  TreePtr tree = stage(repo.get(), files, removed);

  git_signature* raw_sig = nullptr;
  check_git(git_signature_new(&raw_sig, info.author_name.c_str(), info.author_email.c_str(),
                              static_cast<git_time_t>(info.time), info.tz_offset_minutes),
            "cannot create signature for '" + info.author_name + "'");
  SignaturePtr sig(raw_sig);

  CommitPtr parent = head_commit(repo.get());
  const git_commit* parents[1] = {parent.get()};
  const std::string message = with_final_newline(info.message);
  git_oid commit_id;
  check_git(git_commit_create(&commit_id, repo.get(), "HEAD", sig.get(), sig.get(), nullptr,
                              message.c_str(), tree.get(), parent ? 1 : 0, parents),
            "cannot create commit");
}

} // namespace pops
