#include "base/fsutil.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <vector>

namespace pops {

void write_file_atomic(const std::string& path, std::string_view content, unsigned mode)
{
  auto fail = [&](std::string_view what) {
    throw std::runtime_error(fmt::format("cannot write '{}': {}: {}", path, what, std::strerror(errno)));
  };
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    mode = st.st_mode & 07777;
  }
  std::string tmp = path + ".tmp-XXXXXX";
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) {
    fail("cannot create a temporary file");
  }
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      int e = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      errno = e;
      fail("write failed");
    }
    done += static_cast<size_t>(n);
  }
  if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0) {
    int e = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    errno = e;
    fail("cannot flush");
  }
  ::close(fd);
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int e = errno;
    ::unlink(tmp.c_str());
    errno = e;
    fail("cannot rename the temporary file");
  }
}

namespace {

/// Writes all of `content` to `fd` (retrying short and interrupted writes); false with errno set.
bool write_all(int fd, std::string_view content)
{
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

std::string resolve_links(const std::string& path)
{
  namespace fs = std::filesystem;
  std::vector<fs::path> todo;
  for (const auto& part : fs::path(path).relative_path()) {
    todo.push_back(part);
  }
  std::reverse(todo.begin(), todo.end());  // a stack: the next part last
  fs::path done = "/";
  int hops = 0;
  while (!todo.empty()) {
    const fs::path part = todo.back();
    todo.pop_back();
    if (part.empty() || part == ".") {
      continue;
    }
    if (part == "..") {
      done = done.parent_path();
      continue;
    }
    const fs::path next = done / part;
    struct stat st {};
    if (::lstat(next.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
      if (++hops > 40) {
        throw std::runtime_error("too many levels of symbolic links");
      }
      std::error_code ec;
      const fs::path to = fs::read_symlink(next, ec);
      if (ec) {
        throw std::runtime_error(fmt::format("cannot follow the symbolic link: {}", ec.message()));
      }
      std::vector<fs::path> more;
      for (const auto& p : to.relative_path()) {
        more.push_back(p);
      }
      todo.insert(todo.end(), more.rbegin(), more.rend());
      if (to.is_absolute()) {
        done = "/";
      }
      continue;
    }
    done = next;
  }
  return done.string();
}

void write_output_file(const std::string& path, std::string_view content)
{
  namespace fs = std::filesystem;
  auto fail = [&](std::string_view what) {
    throw std::runtime_error(fmt::format("cannot write '{}': {}", path, what));
  };
  std::string target = path;
  struct stat lst {};
  if (::lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode)) {
    // Through the link (and any chain of links) to the file it names; a dangling link names the file
    // to create.
    try {
      target = resolve_links(path);
    } catch (const std::runtime_error& e) {
      fail(e.what());
    }
  }
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0) {
    if (errno != ENOENT) {
      fail(std::strerror(errno));
    }
    write_file_atomic(target, content);
    return;
  }
  if (S_ISDIR(st.st_mode)) {
    fail("it is a folder");
  }
  if (S_ISREG(st.st_mode)) {
    write_file_atomic(target, content);
    return;
  }
  int fd = -1;
  if (S_ISSOCK(st.st_mode)) {
    sockaddr_un addr{};
    if (target.size() >= sizeof(addr.sun_path)) {
      fail("the socket's path is too long");
    }
    addr.sun_family = AF_UNIX;
    std::memcpy(addr.sun_path, target.c_str(), target.size() + 1);
    fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd >= 0 && ::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof(addr)) != 0) {
      const int e = errno;
      ::close(fd);
      errno = e;
      fd = -1;
    }
  } else {
    // A character device, FIFO (or block device): written where it is, never replaced nor truncated
    // by a rename. Opening a FIFO waits for its reader, like a shell redirection.
    fd = ::open(target.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  }
  if (fd < 0) {
    fail(std::strerror(errno));
  }
  if (!write_all(fd, content)) {
    const int e = errno;
    ::close(fd);
    errno = e;
    fail(std::strerror(errno));
  }
  if (::close(fd) != 0 && errno != EINTR) {
    fail(std::strerror(errno));
  }
}

void read_fd(int fd, std::string& out)
{
  size_t got = 0;
  while (got < out.size()) {
    ssize_t n = ::read(fd, out.data() + got, out.size() - got);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      break;
    }
    got += static_cast<size_t>(n);
  }
  out.resize(got);
}

}  // namespace pops

namespace pops {

std::string too_large_message(unsigned long long size, unsigned long long limit)
{
  std::string readable;
  if (limit >= 1024 * 1024 && limit % (1024 * 1024) == 0) {
    readable = fmt::format(" ({} MiB)", limit / (1024 * 1024));
  } else if (limit >= 1024 && limit % 1024 == 0) {
    readable = fmt::format(" ({} KiB)", limit / 1024);
  }
  return fmt::format("file is {} bytes, over the limit of {} bytes{}; split it into smaller files", size, limit,
                     readable);
}

std::optional<std::string> read_whole_file(const std::string& path)
{
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace pops
