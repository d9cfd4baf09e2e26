#include "git/repo.h"

#include "base/date.h"
#include "base/process.h"
#include "git/git.h"
#include "git/git_util.h"

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
#include <unordered_set>
#include <algorithm>

namespace fs = std::filesystem;

namespace pops {

namespace {

/// Opens `path` the way git would: GIT_DIR and friends first, else a plain upward search.
/// Returns libgit2's code; `out` is set on success.
int open_repo_ext(RepoPtr& out, const std::string& path)
{
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
std::string discover_git_dir(const std::string& start)
{
  git_buf buf = GIT_BUF_INIT;
  const char* ceilings = std::getenv("GIT_CEILING_DIRECTORIES");
  const int rc = git_repository_discover(&buf, start.c_str(), 0, ceilings);
  std::string found = rc == 0 && buf.ptr != nullptr ? buf.ptr : "";
  git_buf_dispose(&buf);
  return found;
}

bool owned_by_someone_else(const fs::path& path)
{
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && st.st_uid != ::geteuid();
}

/// True when the repository holding `dir` exists but belongs to another user, which libgit2 refuses
/// (1.5.1 reports it as "config value 'safe.directory' was not found").
bool refused_for_ownership(const std::string& dir)
{
  const std::string git_dir = discover_git_dir(dir);
  if (git_dir.empty()) {
    return false;
  }
  const fs::path git_path = fs::path(git_dir).lexically_normal();
  // "/repo/.git/" names the folder with an empty file name: go up once more for the work tree.
  const fs::path work_tree = git_path.has_filename() ? git_path.parent_path() : git_path.parent_path().parent_path();
  return owned_by_someone_else(git_path) || owned_by_someone_else(work_tree);
}

/// The nearest existing folder at or above `dir` (made absolute).
fs::path nearest_existing(const std::string& dir)
{
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
void check_relative_path(const std::string& path)
{
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

void create_folders(const fs::path& dir)
{
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    throw std::runtime_error("cannot create '" + dir.string() + "': " + lower_first(ec.message()));
  }
}

void write_file(const fs::path& path, const std::string& content)
{
  create_folders(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    throw std::runtime_error("cannot create '" + path.string() + "': " + lower_first(std::strerror(errno)));
  }
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) {
    throw std::runtime_error("cannot write '" + path.string() + "': " + lower_first(std::strerror(errno)));
  }
}

void remove_file(const fs::path& path)
{
  std::error_code ec;
  fs::remove(path, ec);
  if (ec) {
    throw std::runtime_error("cannot remove '" + path.string() + "': " + lower_first(ec.message()));
  }
}

RepoPtr open_repo(const std::string& repo_dir)
{
  git_repository* raw = nullptr;
  const int rc = git_repository_open(&raw, repo_dir.c_str());
  if (rc < 0 && (rc == GIT_EOWNER || refused_for_ownership(repo_dir))) {
    throw std::runtime_error("cannot open repository '" + repo_dir
                             + "': detected dubious ownership (it belongs to another user; see git's "
                               "safe.directory)");
  }
  check_git(rc, "cannot open repository '" + repo_dir + "'");
  return RepoPtr(raw);
}

/// The commit HEAD points to, or null when HEAD is unborn (no commit yet).
CommitPtr head_commit(git_repository* repo)
{
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
              const std::vector<std::string>& removed)
{
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

std::string with_final_newline(const std::string& message)
{
  if (!message.empty() && message.back() == '\n') {
    return message;
  }
  return message + "\n";
}

}  // namespace

GitLibrary::GitLibrary()
{
  git_libgit2_init();
}

GitLibrary::~GitLibrary()
{
  if (m_held) {
    git_libgit2_shutdown();
  }
}

bool inside_git_repo(const std::string& dir)
{
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

void init_repo(const std::string& dir)
{
  GitLibrary lib;
  git_repository_init_options opts;
  check_git(git_repository_init_options_init(&opts, GIT_REPOSITORY_INIT_OPTIONS_VERSION),
            "cannot create repository '" + dir + "'");
  opts.flags = GIT_REPOSITORY_INIT_MKPATH;
  opts.initial_head = "main";
  git_repository* raw = nullptr;
  check_git(git_repository_init_ext(&raw, dir.c_str(), &opts), "cannot create repository '" + dir + "'");
  RepoPtr repo(raw);
}

void commit_files(const std::string& repo_dir, const std::vector<std::pair<std::string, std::string>>& files,
                  const std::vector<std::string>& removed, const CommitInfo& info)
{
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
  check_git(git_commit_create(&commit_id, repo.get(), "HEAD", sig.get(), sig.get(), nullptr, message.c_str(),
                              tree.get(), parent ? 1 : 0, parents),
            "cannot create commit");
}

// ---- ids in history, committing chosen files (pops item / feedback --commit) ----

namespace {

bool upper_or_digit(char c)
{
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// The tree of the workspace folder `prefix` ("" or "sub/dir/") in `commit_tree`, or null.
TreePtr workspace_tree(git_repository* repo, git_tree* commit_tree, const std::string& prefix)
{
  if (prefix.empty()) {
    git_tree* copy = nullptr;
    if (git_tree_dup(&copy, commit_tree) < 0) {
      return nullptr;
    }
    return TreePtr(copy);
  }
  git_tree_entry* raw = nullptr;
  const std::string dir = prefix.substr(0, prefix.size() - 1);
  if (git_tree_entry_bypath(&raw, commit_tree, dir.c_str()) < 0) {
    return nullptr;
  }
  TreeEntryPtr entry(raw);
  if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE) {
    return nullptr;
  }
  git_tree* sub = nullptr;
  if (git_tree_lookup(&sub, repo, git_tree_entry_id(entry.get())) < 0) {
    return nullptr;
  }
  return TreePtr(sub);
}

struct IdWalk {
  git_repository* repo;
  std::unordered_set<std::string>& seen;
  std::map<std::string, long>& out;
};

int id_walk_cb(const char* /*root*/, const git_tree_entry* entry, void* payload)
{
  auto* w = static_cast<IdWalk*>(payload);
  const std::string key = oid_str(*git_tree_entry_id(entry));
  if (!w->seen.insert(key).second) {
    return 1;  // this tree or blob was read already
  }
  if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB) {
    return 0;
  }
  const std::string_view name = git_tree_entry_name(entry);
  if (!name.ends_with(".yaml") && !name.ends_with(".yml")) {
    return 0;
  }
  git_blob* raw = nullptr;
  if (git_blob_lookup(&raw, w->repo, git_tree_entry_id(entry)) < 0) {
    return -1;  // an error, not a file without ids
  }
  BlobPtr blob(raw);
  scan_ids(
    std::string_view(static_cast<const char*>(git_blob_rawcontent(raw)), static_cast<size_t>(git_blob_rawsize(raw))),
    w->out);
  return 0;
}

/// Seconds and minutes east of UTC from a GIT_*_DATE value: "@1700000000 +0100", "1700000000 +0100",
/// "2026-11-20T10:00:00Z", "2026-11-20 10:00:00 +0100", "2026-11-20T10:00:00+01:00".
bool parse_git_date(std::string_view s, long long& secs, int& tz)
{
  tz = 0;
  auto parse_tz = [&](std::string_view z) {
    while (!z.empty() && z.front() == ' ') {
      z.remove_prefix(1);
    }
    if (z.empty() || z == "Z" || z == "z") {
      return true;
    }
    if (z.size() < 5 || (z[0] != '+' && z[0] != '-')) {
      return false;
    }
    std::string digits;
    for (char c : z.substr(1)) {
      if (c >= '0' && c <= '9') {
        digits += c;
      } else if (c != ':') {
        return false;
      }
    }
    if (digits.size() != 4) {
      return false;
    }
    const int minutes = std::stoi(digits.substr(0, 2)) * 60 + std::stoi(digits.substr(2));
    tz = z[0] == '-' ? -minutes : minutes;
    return true;
  };
  if (!s.empty() && s[0] == '@') {
    s.remove_prefix(1);
  }
  if (s.size() >= 19 && s[4] == '-' && s[7] == '-' && (s[10] == 'T' || s[10] == ' ') && s[13] == ':') {
    auto d = parse_date(s.substr(0, 10));
    if (!d) {
      return false;
    }
    auto num = [&](size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); };
    for (size_t at : {11, 14, 17}) {
      if (s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9') {
        return false;
      }
    }
    if (!parse_tz(s.substr(19))) {
      return false;
    }
    secs = static_cast<long long>(d->days) * 86400 + num(11) * 3600 + num(14) * 60 + num(17)
           - static_cast<long long>(tz) * 60;
    return true;
  }
  size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    ++i;
  }
  if (i == 0) {
    return false;
  }
  secs = std::stoll(std::string(s.substr(0, i)));
  return parse_tz(s.substr(i));
}

std::string config_string(git_repository* repo, const char* name)
{
  git_config* raw = nullptr;
  if (git_repository_config_snapshot(&raw, repo) < 0) {
    return {};
  }
  ConfigPtr cfg(raw);
  const char* value = nullptr;
  if (git_config_get_string(&value, raw, name) < 0 || value == nullptr) {
    return {};
  }
  return value;
}

/// The author or committer, like git: the environment first, then user.name and user.email.
SignaturePtr signature(git_repository* repo, const char* who)
{
  const std::string up = who;
  const char* name_env = std::getenv(("GIT_" + up + "_NAME").c_str());
  const char* email_env = std::getenv(("GIT_" + up + "_EMAIL").c_str());
  const char* date_env = std::getenv(("GIT_" + up + "_DATE").c_str());
  const std::string missing =
    "cannot commit: no git identity is configured; run 'git config --global user.name \"Your Name\"' "
    "and 'git config --global user.email you@example.com', or commit without --commit";
  git_signature* raw = nullptr;
  if (!name_env && !email_env && !date_env) {
    const int rc = git_signature_default(&raw, repo);
    if (rc == GIT_ENOTFOUND) {
      throw std::runtime_error(missing);
    }
    check_git(rc, "cannot commit: cannot read the git identity");
    return SignaturePtr(raw);
  }
  const std::string name = name_env && *name_env ? name_env : config_string(repo, "user.name");
  const std::string email = email_env && *email_env ? email_env : config_string(repo, "user.email");
  if (name.empty() || email.empty()) {
    throw std::runtime_error(missing);
  }
  long long secs = 0;
  int tz = 0;
  if (date_env && *date_env && parse_git_date(date_env, secs, tz)) {
    check_git(git_signature_new(&raw, name.c_str(), email.c_str(), static_cast<git_time_t>(secs), tz),
              "cannot commit: bad git identity");
  } else {
    check_git(git_signature_now(&raw, name.c_str(), email.c_str()), "cannot commit: bad git identity");
  }
  return SignaturePtr(raw);
}

std::vector<std::string> repo_paths(Repository& repo, const std::string& root, const std::vector<std::string>& paths)
{
  const std::string prefix = repo.prefix_of(root);
  std::vector<std::string> out;
  for (const auto& p : paths) {
    check_relative_path(p);
    out.push_back(prefix + p);
  }
  return out;
}

void check_commit(Repository& repo, const std::vector<std::string>& ours)
{
  if (repo.merging()) {
    throw std::runtime_error("cannot commit: a merge, rebase or cherry-pick is in progress; finish it first, "
                             "or run without --commit");
  }
  if (auto conflicts = repo.conflicts(); !conflicts.empty()) {
    throw std::runtime_error("cannot commit: '" + conflicts.front() + "' has unresolved conflicts");
  }
  // Only the command's own change is committed: a file of ours that already differs from HEAD (a
  // hand edit, staged or not) would be swept into the commit under the command's message.
  for (const auto& p : ours) {
    unsigned int flags = 0;
    const int rc = git_status_file(&flags, repo.raw(), p.c_str());
    if (rc == GIT_ENOTFOUND) {
      continue;  // neither in HEAD, the index nor the work tree: a file the command creates
    }
    check_git(rc, "cannot read the status of '" + p + "'");
    if (flags & GIT_STATUS_IGNORED) {
      throw std::runtime_error("cannot commit: '" + p + "' is ignored by git (.gitignore); run without --commit");
    }
    if (flags != GIT_STATUS_CURRENT) {
      throw std::runtime_error("cannot commit: '" + p
                               + "' has uncommitted changes of its own; commit or stash "
                                 "them first ('git diff -- "
                               + p + "' shows them), or run without --commit");
    }
  }
  SignaturePtr author = signature(repo.raw(), "AUTHOR");
  SignaturePtr committer = signature(repo.raw(), "COMMITTER");
}

}  // namespace

void scan_ids(std::string_view t, std::map<std::string, long>& max_ids)
{
  for (size_t i = t.find("id"); i != std::string_view::npos; i = t.find("id", i + 2)) {
    if (i > 0) {
      const char b = t[i - 1];
      if (b != ' ' && b != '\t' && b != '\n' && b != '{' && b != ',' && b != '-' && b != '\r') {
        continue;
      }
    }
    size_t j = i + 2;
    while (j < t.size() && (t[j] == ' ' || t[j] == '\t')) {
      ++j;
    }
    if (j >= t.size() || t[j] != ':') {
      continue;
    }
    ++j;
    while (j < t.size() && (t[j] == ' ' || t[j] == '\t')) {
      ++j;
    }
    if (j < t.size() && (t[j] == '"' || t[j] == '\'')) {
      ++j;
    }
    const size_t p0 = j;
    if (j >= t.size() || t[j] < 'A' || t[j] > 'Z') {
      continue;
    }
    while (j < t.size() && upper_or_digit(t[j])) {
      ++j;
    }
    const size_t plen = j - p0;
    if (plen < 2 || plen > 10 || j >= t.size() || t[j] != '-') {
      continue;
    }
    ++j;
    const size_t n0 = j;
    while (j < t.size() && t[j] >= '0' && t[j] <= '9' && j - n0 < 12) {
      ++j;
    }
    if (j == n0 || t[n0] == '0' || j - n0 > 9) {
      continue;
    }
    if (j < t.size() && (upper_or_digit(t[j]) || (t[j] >= 'a' && t[j] <= 'z') || t[j] == '-' || t[j] == '_')) {
      continue;
    }
    const std::string prefix(t.substr(p0, plen));
    const long n = std::stol(std::string(t.substr(n0, j - n0)));
    auto [it, fresh] = max_ids.emplace(prefix, n);
    if (!fresh && it->second < n) {
      it->second = n;
    }
  }
}

std::map<std::string, long> history_max_ids(const std::string& workspace_root)
{
  std::map<std::string, long> out;
  if (!inside_git_repo(workspace_root)) {
    return out;
  }
  Repository repo = Repository::open(workspace_root);
  if (repo.is_shallow()) {
    // The ids of items deleted before the boundary are unknown: never hand one out again.
    throw ShallowHistory(repo.shallow_depth());
  }
  const std::string prefix = repo.prefix_of(workspace_root);
  git_repository* r = repo.raw();
  git_revwalk* raw_walk = nullptr;
  check_git(git_revwalk_new(&raw_walk, r), "cannot read the git history");
  RevwalkPtr walk(raw_walk);
  git_revwalk_sorting(walk.get(), GIT_SORT_NONE);
  bool any = git_revwalk_push_head(walk.get()) == 0;
  // Every branch, tag and remote branch: an id used on a branch not merged yet is taken too.
  git_reference_iterator* raw_it = nullptr;
  if (git_reference_iterator_new(&raw_it, r) == 0) {
    const ReferenceIteratorPtr it(raw_it);
    git_reference* raw_ref = nullptr;
    while (git_reference_next(&raw_ref, it.get()) == 0) {
      const ReferencePtr ref(raw_ref);
      git_object* raw_target = nullptr;
      if (git_reference_peel(&raw_target, ref.get(), GIT_OBJECT_COMMIT) == 0) {
        const ObjectPtr target(raw_target);
        any = git_revwalk_push(walk.get(), git_object_id(target.get())) == 0 || any;
      }
    }
  }
  if (!any) {
    return out;
  }
  std::unordered_set<std::string> seen;
  IdWalk w{r, seen, out};
  git_oid oid;
  for (;;) {
    const int rc = git_revwalk_next(&oid, walk.get());
    if (rc == GIT_ITEROVER) {
      break;
    }
    check_git(rc, "cannot read the git history");
    git_commit* raw_commit = nullptr;
    check_git(git_commit_lookup(&raw_commit, r, &oid), "cannot read the git history");
    CommitPtr commit(raw_commit);
    git_tree* raw_tree = nullptr;
    check_git(git_commit_tree(&raw_tree, commit.get()), "cannot read the git history");
    TreePtr tree(raw_tree);
    TreePtr ws = workspace_tree(r, tree.get(), prefix);
    if (!ws) {
      continue;
    }
    for (const char* dir : {"roadmap", "feedback"}) {
      const git_tree_entry* e = git_tree_entry_byname(ws.get(), dir);
      if (!e || git_tree_entry_type(e) != GIT_OBJECT_TREE || !seen.insert(oid_str(*git_tree_entry_id(e))).second) {
        continue;
      }
      git_tree* raw_sub = nullptr;
      check_git(git_tree_lookup(&raw_sub, r, git_tree_entry_id(e)), "cannot read the git history");
      TreePtr sub(raw_sub);
      check_git(git_tree_walk(sub.get(), GIT_TREEWALK_PRE, id_walk_cb, &w), "cannot read the git history");
    }
  }
  return out;
}

void check_commit_paths(const std::string& workspace_root, const std::vector<std::string>& paths)
{
  if (!inside_git_repo(workspace_root)) {
    throw std::runtime_error("cannot commit: the workspace '" + workspace_root
                             + "' is not inside a git repository; run without --commit");
  }
  Repository repo = Repository::open(workspace_root);
  check_commit(repo, repo_paths(repo, workspace_root, paths));
}

CommitResult commit_paths(const std::string& workspace_root, const std::vector<std::string>& paths,
                          const std::string& message, bool verify)
{
  Repository repo = Repository::open(workspace_root);
  const std::vector<std::string> ours = repo_paths(repo, workspace_root, paths);
  const std::string workdir = repo.workdir();
  if (workdir.empty()) {
    throw std::runtime_error("cannot commit: the repository has no work tree");
  }
  // git itself commits, so the repository's hooks run as for 'git commit' (pre-commit,
  // prepare-commit-msg, commit-msg, post-commit, core.hooksPath). 'git add' first so that a new file
  // is known to git; '--only' then commits exactly these paths, whatever else is staged.
  std::vector<std::string> add = {"git", "add", "-A", "--"};
  add.insert(add.end(), ours.begin(), ours.end());
  ProcessResult r = run_process(add, workdir);
  if (!r.started) {
    throw std::runtime_error("cannot commit: cannot run git (" + r.error
                             + "); --commit runs 'git commit' so that "
                               "the repository's hooks run; install git, or commit the files yourself");
  }
  if (r.exit_code != 0) {
    throw CommitFailed("cannot commit: 'git add' failed (exit " + std::to_string(r.exit_code) + ")", r.output);
  }
  std::vector<std::string> commit = {
    "git", "commit", "--only", "--quiet", "--cleanup=whitespace", "-m", with_final_newline(message)};
  if (!verify) {
    commit.push_back("--no-verify");
  }
  commit.push_back("--");
  commit.insert(commit.end(), ours.begin(), ours.end());
  r = run_process(commit, workdir);
  if (!r.started || r.exit_code != 0) {
    // Leave the index as it was: the paths were unchanged from HEAD (check_commit) before 'git add'.
    std::vector<std::string> reset = {"git", "reset", "--quiet", "--"};
    reset.insert(reset.end(), ours.begin(), ours.end());
    (void)run_process(reset, workdir);
  }
  if (!r.started) {
    throw std::runtime_error("cannot commit: cannot run git (" + r.error + ")");
  }
  if (r.exit_code != 0) {
    throw CommitFailed("cannot commit: 'git commit' failed (exit " + std::to_string(r.exit_code)
                         + (verify ? "; a hook may have refused it, see above" : "") + ")",
                       r.output);
  }
  Repository after = Repository::open(workspace_root);
  CommitPtr head = head_commit(after.raw());
  if (!head) {
    throw std::runtime_error("cannot commit: 'git commit' made no commit");
  }
  return CommitResult{oid_str(*git_commit_id(head.get())).substr(0, 7), std::move(r.output)};
}

}  // namespace pops
