// Finding the workspace and reading its files from disk.

#include "workspace/file_part.h"
#include "base/fsutil.h"
#include "yaml/yaml_tree.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace pops {

namespace {

bool has_ext(std::string_view p, std::string_view ext)
{
  return p.size() > ext.size() && p.ends_with(ext);
}

bool is_yaml(std::string_view p)
{
  return has_ext(p, ".yaml") || has_ext(p, ".yml");
}

std::string basename_of(std::string_view p)
{
  auto s = p.rfind('/');
  return std::string(s == std::string_view::npos ? p : p.substr(s + 1));
}

bool is_readme(std::string_view p)
{
  std::string b = basename_of(p);
  std::transform(b.begin(), b.end(), b.begin(), [](unsigned char c) { return std::tolower(c); });
  return b == "readme.md";
}

Finding io_finding(const std::string& path, std::string message)
{
  Finding f;
  f.file = path;
  f.loc = {1, 1, 0};
  f.rule = "yaml-syntax";
  f.message = std::move(message);
  return f;
}

std::string too_large(long long size, long limit)
{
  return too_large_message(static_cast<unsigned long long>(size), static_cast<unsigned long long>(limit));
}

void fill_stat(const struct stat& st, FileStat& out)
{
  out.size = st.st_size;
  out.mtime_ns = static_cast<long long>(st.st_mtim.tv_sec) * 1'000'000'000LL + st.st_mtim.tv_nsec;
  out.ctime_ns = static_cast<long long>(st.st_ctim.tv_sec) * 1'000'000'000LL + st.st_ctim.tv_nsec;
  out.ino = st.st_ino;
  out.dev = st.st_dev;
}

/// Reads a regular file of at most `limit` bytes; never blocks on a FIFO or device.
bool read_file(const fs::path& p, long limit, std::string& out, std::string& err, FileStat* stat_out = nullptr)
{
  int fd = ::open(p.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    err = fmt::format("cannot read: {}", std::strerror(errno));
    return false;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    err = "not a regular file; expected a text file";
    return false;
  }
  if (st.st_size > limit) {
    ::close(fd);
    err = too_large(st.st_size, limit);
    return false;
  }
  if (stat_out) {
    fill_stat(st, *stat_out);
  }
  out.resize(static_cast<size_t>(st.st_size));
  read_fd(fd, out);
  ::close(fd);
  return true;
}

struct Walker {
  fs::path root;
  std::string root_canon;
  std::vector<SourceFile>& files;
  std::vector<Finding>& findings;
  std::vector<FileStat>* stats = nullptr;  ///< set: list the files with their stat data, do not read

  bool inside(const fs::path& target) const
  {
    const std::string t = target.string();
    return t == root_canon || t.starts_with(root_canon + "/");
  }

  void visit_file(const fs::path& abs, const std::string& rel)
  {
    std::error_code ec;
    auto lst = fs::symlink_status(abs, ec);
    if (fs::is_symlink(lst)) {
      fs::path target = fs::weakly_canonical(abs, ec);
      if (ec || !fs::exists(target, ec)) {
        findings.push_back(io_finding(rel, "broken symbolic link; not followed"));
        return;
      }
      if (!inside(target)) {
        findings.push_back(io_finding(rel, "symbolic link points outside the workspace; not followed"));
        return;
      }
    }
    auto st = fs::status(abs, ec);
    if (fs::is_directory(st)) {
      findings.push_back(io_finding(rel, "is a directory, expected a file"));
      return;
    }
    if (stats) {
      struct stat sb {};
      if (::stat(abs.c_str(), &sb) != 0) {
        findings.push_back(io_finding(rel, fmt::format("cannot read: {}", std::strerror(errno))));
        return;
      }
      if (!S_ISREG(sb.st_mode)) {
        findings.push_back(io_finding(rel, "not a regular file; expected a text file"));
        return;
      }
      if (sb.st_size > YamlLimits{}.max_bytes) {
        findings.push_back(io_finding(rel, too_large(sb.st_size, YamlLimits{}.max_bytes)));
        return;
      }
      FileStat fst;
      fst.path = rel;
      fill_stat(sb, fst);
      stats->push_back(std::move(fst));
      return;
    }
    SourceFile f;
    f.path = rel;
    std::string err;
    if (!read_file(abs, YamlLimits{}.max_bytes, f.content, err)) {
      findings.push_back(io_finding(rel, err));
      return;
    }
    files.push_back(std::move(f));
  }

  void walk(const fs::path& dir, const std::string& rel_dir, int depth)
  {
    std::error_code ec;
    if (depth > 32) {
      // Said, not skipped in silence: files below would be missing from every answer.
      findings.push_back(io_finding(rel_dir, "folders nest more than 32 levels deep here; nothing below is read"));
      return;
    }
    fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      findings.push_back(io_finding(rel_dir, fmt::format("cannot read folder: {}", ec.message())));
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) {
        findings.push_back(io_finding(rel_dir, fmt::format("cannot read the whole folder: {}", ec.message())));
        break;
      }
      entries.push_back(*it);
    }
    for (const auto& e : entries) {
      const std::string name = e.path().filename().string();
      if (name.empty() || name[0] == '.') {
        continue;  // what classify says of every path under it; not walked
      }
      const std::string rel = rel_dir + "/" + name;
      const bool link = e.is_symlink(ec);
      if (!link && e.is_directory(ec)) {
        if (classify(rel) != FileKind::none) {
          findings.push_back(io_finding(rel, "is a directory, expected a file"));
          continue;
        }
        walk(e.path(), rel, depth + 1);
        continue;
      }
      if (classify(rel) == FileKind::none) {
        continue;
      }
      if (link && fs::is_directory(fs::status(e.path(), ec))) {
        continue;  // symlinked folders are not followed
      }
      visit_file(e.path(), rel);
    }
  }
};

}  // namespace

FileKind classify(std::string_view p)
{
  // A file or folder whose name starts with '.' is never pops's (docs/format.md), wherever the path
  // comes from: the disk, the index or a tree.
  for (size_t at = 0; at < p.size();) {
    if (p[at] == '.') {
      return FileKind::none;
    }
    const size_t slash = p.find('/', at);
    if (slash == std::string_view::npos) {
      break;
    }
    at = slash + 1;
  }
  if (p == "pops.yaml") {
    return FileKind::config;
  }
  if (p == "customers.yaml") {
    return FileKind::customers;
  }
  if (p.starts_with("roadmap/") && is_yaml(p)) {
    return FileKind::roadmap;
  }
  if (p.starts_with("feedback/") && is_yaml(p)) {
    return FileKind::feedback;
  }
  if (p.starts_with("metrics/") && is_yaml(p)) {
    return FileKind::metrics;
  }
  if (p == "docs/README.md") {
    return FileKind::doc_index;
  }
  if (p.starts_with("docs/") && has_ext(p, ".md") && !is_readme(p)) {
    return FileKind::doc;
  }
  if (p.starts_with("rituals/") && has_ext(p, ".md") && !is_readme(p)) {
    return FileKind::ritual;
  }
  return FileKind::none;
}

namespace {

constexpr std::string_view k_data_folders[] = {"roadmap", "feedback",  "docs", "rituals",
                                               "metrics", "templates", ".git"};

/// The first component of a workspace-relative path.
std::string_view top_of(std::string_view rel)
{
  const auto s = rel.find('/');
  return s == std::string_view::npos ? rel : rel.substr(0, s);
}

}  // namespace

bool is_workspace_data(std::string_view rel)
{
  if (rel == "pops.yaml" || rel == "customers.yaml" || rel == ".pops.lock") {
    return true;
  }
  if (rel.find('/') == std::string_view::npos) {
    return false;
  }
  const std::string_view top = top_of(rel);
  return std::find(std::begin(k_data_folders), std::end(k_data_folders), top) != std::end(k_data_folders);
}

std::string confine_path(const std::string& root, std::string_view path, std::string_view folder, std::string_view what)
{
  const std::string where = folder.empty() ? std::string("the workspace's top folder") : fmt::format("{}/", folder);
  auto refuse = [&](std::string_view why) -> std::string {
    throw PathError(fmt::format("{} '{}' {}; it must be a file in {} of the workspace", what, path, why, where));
  };
  if (path.empty()) {
    return refuse("is empty");
  }
  if (path.find('\0') != std::string_view::npos) {
    return refuse("holds a NUL byte");
  }
  const fs::path base = fs::path(root).lexically_normal();
  fs::path p(path);
  const fs::path abs = (p.is_absolute() ? p : base / p).lexically_normal();
  std::string rel = abs.lexically_relative(base).generic_string();
  if (rel.empty() || rel == "." || rel == ".." || rel.starts_with("../")) {
    return refuse("is outside the workspace");
  }
  if (rel.ends_with("/") || abs.filename().empty()) {
    return refuse("names a folder, not a file");
  }
  const bool in_folder = folder.empty()
                           ? rel.find('/') == std::string::npos
                           : rel.size() > folder.size() + 1 && rel.starts_with(folder) && rel[folder.size()] == '/';
  if (!in_folder) {
    return refuse(fmt::format("is outside {}", where));
  }
  // Every symbolic link on the way, followed: the file it finally names must stay in the workspace
  // and in this folder, or be a file of the workspace outside its data folders.
  fs::path canon_root, target;
  try {
    canon_root = resolve_links(base.string());
  } catch (const std::runtime_error& e) {
    return refuse(fmt::format("cannot be resolved: {}", e.what()));
  }
  fs::path cur = base;
  bool linked = false;
  for (const auto& part : fs::path(rel)) {
    cur /= part;
    struct stat st {};
    if (::lstat(cur.c_str(), &st) != 0) {
      break;  // the rest does not exist yet
    }
    if (S_ISLNK(st.st_mode)) {
      linked = true;
      break;
    }
  }
  if (!linked) {
    return rel;
  }
  try {
    target = resolve_links(abs.string());
  } catch (const std::runtime_error& e) {
    return refuse(fmt::format("is a symbolic link that cannot be followed ({})", e.what()));
  }
  const std::string t = target.lexically_relative(canon_root).generic_string();
  if (t.empty() || t == "." || t == ".." || t.starts_with("../")) {
    return refuse(fmt::format("leads through a symbolic link out of the workspace (to '{}')", target.string()));
  }
  const bool same_folder = folder.empty()
                             ? t.find('/') == std::string::npos
                             : t.size() > folder.size() + 1 && t.starts_with(folder) && t[folder.size()] == '/';
  if (!same_folder && is_workspace_data(t)) {
    return refuse(fmt::format("leads through a symbolic link to '{}', outside {}", t, where));
  }
  return rel;
}

std::optional<std::string> find_workspace(const std::string& start)
{
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) {
    return std::nullopt;
  }
  dir = dir.lexically_normal();
  while (true) {
    // Any entry named pops.yaml marks the workspace, even a broken link or a folder: reading it
    // then says what is wrong, instead of silently using a workspace further up.
    if (fs::exists(fs::symlink_status(dir / "pops.yaml", ec))) {
      std::string s = dir.string();
      while (s.size() > 1 && s.back() == '/') {
        s.pop_back();
      }
      return s;
    }
    if (!dir.has_parent_path() || dir.parent_path() == dir) {
      return std::nullopt;
    }
    dir = dir.parent_path();
  }
}

std::vector<SourceFile> read_worktree(const std::string& root, std::vector<Finding>& findings)
{
  std::vector<SourceFile> files;
  std::error_code ec;
  Walker w{root, fs::weakly_canonical(root, ec).string(), files, findings};
  w.visit_file(fs::path(root) / "pops.yaml", "pops.yaml");
  if (fs::exists(fs::symlink_status(fs::path(root) / "customers.yaml", ec))) {
    w.visit_file(fs::path(root) / "customers.yaml", "customers.yaml");
  }
  for (const char* top : {"roadmap", "feedback", "docs", "rituals", "metrics"}) {
    fs::path d = fs::path(root) / top;
    if (fs::is_directory(fs::symlink_status(d, ec))) {
      w.walk(d, top, 0);
    }
  }
  std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  return files;
}

std::vector<FileStat> list_worktree(const std::string& root, std::vector<Finding>& findings)
{
  std::vector<SourceFile> files;
  std::vector<FileStat> stats;
  std::error_code ec;
  Walker w{root, fs::weakly_canonical(root, ec).string(), files, findings, &stats};
  w.visit_file(fs::path(root) / "pops.yaml", "pops.yaml");
  if (fs::exists(fs::symlink_status(fs::path(root) / "customers.yaml", ec))) {
    w.visit_file(fs::path(root) / "customers.yaml", "customers.yaml");
  }
  for (const char* top : {"roadmap", "feedback", "docs", "rituals", "metrics"}) {
    fs::path d = fs::path(root) / top;
    if (fs::is_directory(fs::symlink_status(d, ec))) {
      w.walk(d, top, 0);
    }
  }
  std::sort(stats.begin(), stats.end(), [](const FileStat& a, const FileStat& b) { return a.path < b.path; });
  return stats;
}

bool read_worktree_file(const std::string& root, FileStat& st, std::string& content, Finding& finding)
{
  std::string err;
  if (!read_file(fs::path(root) / st.path, YamlLimits{}.max_bytes, content, err, &st)) {
    finding = io_finding(st.path, err);
    return false;
  }
  return true;
}

Workspace load_worktree(const std::string& root)
{
  std::vector<Finding> io;
  auto files = read_worktree(root, io);
  Workspace ws = load_workspace(root, std::move(files));
  if (std::any_of(io.begin(), io.end(), [](const Finding& f) { return f.file == "pops.yaml"; })) {
    // The reason it could not be read says more than "missing".
    std::erase_if(ws.findings, [](const Finding& f) {
      return f.file == "pops.yaml" && f.message.starts_with("pops.yaml is missing");
    });
  }
  for (auto& f : io) {
    ws.files.push_back(f.file);
    ws.findings.push_back(std::move(f));
  }
  std::sort(ws.files.begin(), ws.files.end());
  return ws;
}

}  // namespace pops
