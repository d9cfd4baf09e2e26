// The plan framework of the operations: the workspace read for an edit, new ids, the findings a plan
// would add, and writing a plan. See plan.h.

#include "edit/plan.h"

#include "edit/op_support.h"
#include "check/check.h"
#include "base/fsutil.h"
#include "git/repo.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace pops {

namespace {

std::string normalized(std::string msg)
{
  // "first at line 12": line numbers move when lines are added above.
  std::string out;
  for (size_t i = 0; i < msg.size(); ++i) {
    if (msg.compare(i, 5, "line ") == 0 && i + 5 < msg.size() && msg[i + 5] >= '0' && msg[i + 5] <= '9') {
      out += "line #";
      i += 5;
      while (i < msg.size() && msg[i] >= '0' && msg[i] <= '9') {
        ++i;
      }
      --i;
      continue;
    }
    out += msg[i];
  }
  return out;
}

/// "a FIFO", "a symbolic link", ... for messages about what is in the way.
std::string file_type_name(const fs::file_status& st)
{
  switch (st.type()) {
  case fs::file_type::directory:
    return "a folder";
  case fs::file_type::symlink:
    return "a symbolic link pops does not follow (it leads out of the workspace or nowhere)";
  case fs::file_type::fifo:
    return "a FIFO";
  case fs::file_type::socket:
    return "a socket";
  case fs::file_type::character:
  case fs::file_type::block:
    return "a device";
  default:
    return "not a file pops can read";
  }
}

}  // namespace

std::vector<std::string> EditPlan::paths() const
{
  std::vector<std::string> out;
  for (const auto& c : changes) {
    out.push_back(c.path);
  }
  return out;
}

EditSession EditSession::read(const std::string& root)
{
  std::vector<Finding> io;
  std::vector<SourceFile> files = read_worktree(root, io);
  EditSession s = of(root, std::move(files));
  for (auto& f : io) {
    const FileKind k = classify(f.file);
    if ((k == FileKind::roadmap || k == FileKind::feedback) && !s.files.contains(f.file)) {
      s.unread.emplace_back(f.file, f.message);
    }
    s.ws.findings.push_back(std::move(f));
  }
  return s;
}

EditSession EditSession::of(const std::string& root, std::vector<SourceFile> files)
{
  EditSession s;
  s.root = root;
  for (const auto& f : files) {
    s.files.emplace(f.path, f.content);
  }
  s.ws = load_workspace(root, std::move(files));
  return s;
}

long next_number(const EditSession& s, const std::string& prefix, const UsedIds& history)
{
  if (!s.unread.empty()) {
    const auto& [path, why] = s.unread.front();
    throw OpError(fmt::format("cannot choose a new {} id: '{}' was not read ({}) and may hold ids in use; "
                              "fix that file first",
                              prefix, path, why));
  }
  UsedIds used = history;
  for (const auto& [path, content] : s.files) {
    const FileKind k = classify(path);
    if (k == FileKind::roadmap || k == FileKind::feedback) {
      scan_ids(content, used);
    }
  }
  long top = 0;
  if (auto it = used.find(prefix); it != used.end()) {
    top = it->second;
  }
  for (const auto& it : s.ws.items) {
    if (auto [p, n] = ops_detail::split_id(it.id.value); p == prefix) {
      top = std::max(top, n);
    }
  }
  for (const auto& fb : s.ws.feedback) {
    if (auto [p, n] = ops_detail::split_id(fb.id.value); p == prefix) {
      top = std::max(top, n);
    }
  }
  return top + 1;
}

std::vector<Finding> new_errors(const EditSession& s, const EditPlan& plan, Date today)
{
  std::vector<Finding> out = new_findings(s, plan, today);
  std::erase_if(out, [](const Finding& f) { return f.severity != Severity::error; });
  return out;
}

std::vector<Finding> new_findings(const EditSession& s, const EditPlan& plan, Date today)
{
  std::vector<SourceFile> files;
  std::map<std::string, const FileChange*> changed;
  for (const auto& c : plan.changes) {
    changed[c.path] = &c;
  }
  for (const auto& [path, content] : s.files) {
    auto it = changed.find(path);
    files.push_back({path, it == changed.end() ? content : it->second->after});
  }
  for (const auto& c : plan.changes) {
    if (!s.files.count(c.path)) {
      files.push_back({c.path, c.after});
    }
  }
  std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  Workspace after = load_workspace(s.root, std::move(files));
  CheckOptions opts;
  opts.today = today;
  CheckResult before_r = check_workspace(s.ws, opts);
  opts.base = &s.ws;
  CheckResult after_r = check_workspace(after, opts);
  // Errors and warnings the workspace has already are not new, also when a moved item takes them to
  // another file: match by severity, file, rule and message first, then by severity, rule and message.
  auto counted = [](const Finding& f) { return f.severity == Severity::error || f.severity == Severity::warning; };
  std::multiset<std::string> known;
  std::multiset<std::string> known_anywhere;
  for (const auto& f : before_r.findings) {
    if (counted(f)) {
      known.insert(std::string(severity_name(f.severity)) + '\n' + f.file + '\n' + f.rule + '\n'
                   + normalized(f.message));
    }
  }
  std::vector<Finding> unmatched;
  for (const auto& f : after_r.findings) {
    if (!counted(f)) {
      continue;
    }
    auto it =
      known.find(std::string(severity_name(f.severity)) + '\n' + f.file + '\n' + f.rule + '\n' + normalized(f.message));
    if (it != known.end()) {
      known.erase(it);
    } else {
      unmatched.push_back(f);
    }
  }
  for (const auto& k : known) {
    const size_t sev_end = k.find('\n');
    const size_t file_end = k.find('\n', sev_end + 1);
    known_anywhere.insert(k.substr(0, sev_end + 1) + k.substr(file_end + 1));
  }
  std::vector<Finding> out;
  for (const auto& f : unmatched) {
    auto it =
      known_anywhere.find(std::string(severity_name(f.severity)) + '\n' + f.rule + '\n' + normalized(f.message));
    if (it != known_anywhere.end()) {
      known_anywhere.erase(it);
    } else {
      out.push_back(f);
    }
  }
  return out;
}

void apply_plan(const std::string& root, const EditPlan& plan)
{
  for (const auto& c : plan.changes) {
    // Every file pops edits stays in its folder of the workspace (a link may lead elsewhere in the
    // workspace, not out of it nor into another data folder).
    const auto slash = c.path.find('/');
    const std::string rel =
      confine_path(root, c.path, slash == std::string::npos ? std::string() : c.path.substr(0, slash), "file");
    fs::path full = fs::path(root) / rel;
    std::error_code ec;
    if (fs::is_symlink(fs::symlink_status(full, ec))) {
      // Write through a link (pops reads only links whose target is in the workspace), not over it.
      full = fs::canonical(full, ec);
      if (ec) {
        throw std::runtime_error(fmt::format("cannot write '{}': {}", c.path, ec.message()));
      }
    }
    if (c.created) {
      const auto st = fs::symlink_status(full, ec);
      if (fs::exists(st) || fs::is_symlink(st)) {
        // Something pops did not read is in the way: only a regular file can have appeared meanwhile.
        if (fs::is_regular_file(st)) {
          throw std::runtime_error(
            fmt::format("'{}' was created while pops was editing; run the command again", c.path));
        }
        throw std::runtime_error(fmt::format("cannot write '{}': it is {}, not a regular file; remove it or "
                                             "replace it with a YAML file",
                                             c.path, file_type_name(st)));
      }
      fs::create_directories(full.parent_path(), ec);
      if (ec) {
        throw std::runtime_error(fmt::format("cannot create '{}': {}", full.parent_path().string(), ec.message()));
      }
    } else {
      std::ifstream in(full, std::ios::binary);
      std::stringstream now;
      now << in.rdbuf();
      if (!in || now.str() != c.before) {
        throw std::runtime_error(
          fmt::format("'{}' changed on disk while pops was editing it; run the command again", c.path));
      }
    }
    write_file_atomic(full.string(), c.after);
  }
}

}  // namespace pops
