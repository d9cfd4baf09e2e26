// Atomic writes, writes of -o/--out through links and to devices, link resolution, whole reads and
// the size-limit message (lib/base/fsutil.cpp).

#include "base/fsutil.h"

#include "../helpers.h"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

using namespace pops;
using pops::test::TempDir;
namespace fs = std::filesystem;

namespace {

unsigned mode_of(const fs::path& p)
{
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

int files_in(const fs::path& dir)
{
  int n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) {
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("write_file_atomic: a new file gets the mode asked, an existing file keeps its own, no temporary stays")
{
  TempDir t;
  const std::string p = (t.path / "a.yaml").string();
  write_file_atomic(p, "one\n", 0600);
  CHECK(t.read("a.yaml") == "one\n");
  CHECK(mode_of(p) == 0600);
  ::chmod(p.c_str(), 0640);
  write_file_atomic(p, "two\n");
  CHECK(t.read("a.yaml") == "two\n");
  CHECK(mode_of(p) == 0640);
  write_file_atomic(p, "");
  CHECK(t.read("a.yaml").empty());
  CHECK(files_in(t.path) == 1);
}

TEST_CASE("write_file_atomic: a folder that does not exist is an error naming the path")
{
  TempDir t;
  const std::string p = (t.path / "missing" / "a.yaml").string();
  CHECK_THROWS_WITH_AS(write_file_atomic(p, "x"),
                       ("cannot write '" + p + "': cannot create a temporary file: No such file or directory").c_str(),
                       std::runtime_error);
}

TEST_CASE("write_output_file: a link is written through and stays a link; a folder is refused")
{
  TempDir t;
  t.write("real.txt", "old");
  fs::create_symlink("real.txt", t.path / "link.txt");
  write_output_file((t.path / "link.txt").string(), "new");
  CHECK(fs::is_symlink(t.path / "link.txt"));
  CHECK(t.read("real.txt") == "new");
  // A dangling link names the file to create.
  fs::create_symlink("made.txt", t.path / "dangling.txt");
  write_output_file((t.path / "dangling.txt").string(), "made");
  CHECK(t.read("made.txt") == "made");
  CHECK(fs::is_symlink(t.path / "dangling.txt"));
  fs::create_directory(t.path / "dir");
  const std::string d = (t.path / "dir").string();
  CHECK_THROWS_WITH_AS(write_output_file(d, "x"), ("cannot write '" + d + "': it is a folder").c_str(),
                       std::runtime_error);
  // /dev/null is written, never replaced.
  CHECK_NOTHROW(write_output_file("/dev/null", "gone"));
  CHECK(fs::is_character_file("/dev/null"));
}

TEST_CASE("resolve_links follows every link on the way, '.' and '..', and stops a loop")
{
  TempDir t;
  fs::create_directories(t.path / "a" / "b");
  fs::create_symlink("a/b", t.path / "to-b");
  fs::create_symlink(t.path / "a", t.path / "abs-a");
  const std::string root = resolve_links(t.path.string());
  CHECK(resolve_links((t.path / "to-b" / "f.txt").string()) == root + "/a/b/f.txt");
  CHECK(resolve_links((t.path / "abs-a" / "b" / ".." / "x").string()) == root + "/a/x");
  CHECK(resolve_links((t.path / "a" / "." / "not" / "yet").string()) == root + "/a/not/yet");
  fs::create_symlink("loop2", t.path / "loop1");
  fs::create_symlink("loop1", t.path / "loop2");
  CHECK_THROWS_WITH_AS(resolve_links((t.path / "loop1").string()), "too many levels of symbolic links",
                       std::runtime_error);
}

TEST_CASE("read_fd reads up to the size asked and cuts to what the file holds")
{
  TempDir t;
  t.write("f", "hello");
  const int fd = ::open((t.path / "f").c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  std::string buf(3, '\0');
  read_fd(fd, buf);
  CHECK(buf == "hel");
  std::string rest(100, '\0');
  read_fd(fd, rest);
  CHECK(rest == "lo");
  ::close(fd);
}

TEST_CASE("too_large_message: exact bytes, and the limit in MiB or KiB only when it is whole")
{
  CHECK(too_large_message(8388609, 8388608)
        == "file is 8388609 bytes, over the limit of 8388608 bytes (8 MiB); split it into smaller files");
  CHECK(too_large_message(3000, 2048)
        == "file is 3000 bytes, over the limit of 2048 bytes (2 KiB); split it into "
           "smaller files");
  CHECK(too_large_message(1001, 1000)
        == "file is 1001 bytes, over the limit of 1000 bytes; split it into smaller files");
}

TEST_CASE("read_whole_file: every byte of a file; nothing for a missing file or a folder")
{
  TempDir dir;
  const std::string path = (dir.path / "a.json").string();
  const std::string bytes("{\"a\": 1}\r\n\0tail", 15);
  pops::write_file_atomic(path, bytes);
  CHECK(pops::read_whole_file(path) == bytes);
  CHECK_FALSE(pops::read_whole_file((dir.path / "missing.json").string()));
  CHECK_FALSE(pops::read_whole_file(dir.path.string()));
}
