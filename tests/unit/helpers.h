#pragma once
// What several unit tests need: a temporary folder and a temporary git repository with pinned
// identities and dates, both removed at the end of the test.

#include "base/date.h"
#include "git/repo.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace pops::test {

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

  explicit TempRepo(const std::string& name = "pops-repo") : TempDir(name), dir(path.string())
  {
    init_repo(dir);
  }

  /// Commits `files` (and removes `removed`) at noon UTC on `date` as `author`, author and committer
  /// date alike.
  void commit(const std::vector<std::pair<std::string, std::string>>& files, const std::string& date,
              const std::string& author = "Ada", const std::vector<std::string>& removed = {},
              int tz_minutes = 0)
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

} // namespace pops::test
