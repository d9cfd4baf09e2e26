#pragma once
// What several unit tests need: a temporary folder and a temporary git repository with pinned
// identities and dates, both removed at the end of the test.

#include "base/date.h"
#include "check/check.h"
#include "git/repo.h"
#include "workspace/workspace.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pops::test {

/// Lines of text (findings as "file:line: message", ...) that a failed CHECK shows one a line.
struct Lines : std::vector<std::string> {
  using std::vector<std::string>::vector;
  Lines() = default;
  explicit Lines(std::vector<std::string> v) : std::vector<std::string>(std::move(v)) {}
};

inline std::ostream& operator<<(std::ostream& os, const Lines& v)
{
  os << "{";
  for (const auto& s : v) {
    os << "\n  \"" << s << "\"";
  }
  return os << (v.empty() ? "}" : "\n}");
}

/// A temporary folder, removed with everything in it at the end of the test.
struct TempDir {
  std::filesystem::path path;

  explicit TempDir(const std::string& name = "pops-test")
  {
    std::string tmpl = (std::filesystem::temp_directory_path() / (name + ".XXXXXX")).string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir()
  {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  /// Writes `content` to `rel` (folders made as needed).
  void write(const std::string& rel, const std::string& content) const
  {
    const auto p = path / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
  }
  std::string read(const std::string& rel) const
  {
    std::ifstream in(path / rel, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
};

/// A temporary git repository (`dir`), removed at the end of the test.
struct TempRepo : TempDir {
  std::string dir;
  GitLibrary lib;

  explicit TempRepo(const std::string& name = "pops-repo") : TempDir(name), dir(path.string()) { init_repo(dir); }

  /// Commits `files` (and removes `removed`) at noon UTC on `date` as `author`, author and committer
  /// date alike.
  void commit(const std::vector<std::pair<std::string, std::string>>& files, const std::string& date,
              const std::string& author = "Ada", const std::vector<std::string>& removed = {}, int tz_minutes = 0)
  {
    CommitInfo info;
    info.message = "change on " + date;
    info.author_name = author;
    info.author_email = author + "@example.com";
    const auto day = parse_date(date);
    REQUIRE_MESSAGE(day.has_value(), "not a date: " << date);
    info.time = static_cast<long long>(day->days) * 86400 + 12 * 3600;
    info.tz_offset_minutes = tz_minutes;
    commit_files(dir, files, removed, info);
  }
};

/// The workspace of `files` (in memory, under a root that does not exist), which must load without a
/// finding: a test of a rule fails on a broken fixture, not on a missing finding.
inline Workspace load_clean(std::vector<SourceFile> files)
{
  Workspace ws = load_workspace("/nowhere", std::move(files), 1);
  for (const auto& f : ws.findings) {
    FAIL_CHECK(f.file << ":" << f.loc.line << ":" << f.loc.column << ": " << f.rule << ": " << f.message);
  }
  return ws;
}

/// The findings of `rule` that pops check gives for `ws` on `today` (against `base` for the
/// transition rules), in report order.
inline std::vector<Finding> rule_findings(const Workspace& ws, std::string_view rule, const char* today = "2026-11-22",
                                          const Workspace* base = nullptr)
{
  CheckOptions o;
  o.today = *parse_date(today);
  o.base = base;
  std::vector<Finding> out;
  for (const auto& f : check_workspace(ws, o).findings) {
    if (f.rule == rule) {
      out.push_back(f);
    }
  }
  return out;
}

/// rule_findings of the workspace of `files`.
inline std::vector<Finding> rule_findings(std::vector<SourceFile> files, std::string_view rule,
                                          const char* today = "2026-11-22")
{
  return rule_findings(load_clean(std::move(files)), rule, today);
}

}  // namespace pops::test
