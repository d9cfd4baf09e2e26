#include "cache/cache_bytes.h"

#include "base/fsutil.h"

#include <cerrno>
#include <fcntl.h>
#include <new>
#include <sys/stat.h>
#include <unistd.h>

namespace pops::cache_bytes {

bool read_whole(const std::string& path, std::string& out, uint64_t max_bytes)
{
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    return false;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 0
      || static_cast<uint64_t>(st.st_size) > max_bytes) {
    ::close(fd);
    return false;
  }
  try {
    out.resize(static_cast<size_t>(st.st_size));
  } catch (const std::bad_alloc&) {
    ::close(fd);
    out = std::string();
    return false;
  }
  read_fd(fd, out);
  ::close(fd);
  return true;
}

void write_cache_file(const std::string& path, std::string_view content)
{
  write_cache_file(path, std::string_view(), std::vector<std::string_view>{content});
}

void write_cache_file(const std::string& path, std::string_view head, const std::vector<std::string_view>& body)
{
  uint64_t total = head.size();
  for (const auto& piece : body) {
    total += piece.size();
  }
  if (total > k_max_file_bytes) {
    return;
  }
  std::string tmp = path + ".tmp-XXXXXX";
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) {
    return;
  }
  auto put = [fd](std::string_view piece) {
    size_t done = 0;
    while (done < piece.size()) {
      ssize_t n = ::write(fd, piece.data() + done, piece.size() - done);
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n <= 0) {
        return false;
      }
      done += static_cast<size_t>(n);
    }
    return true;
  };
  bool ok = put(head);
  for (size_t i = 0; ok && i < body.size(); ++i) {
    ok = put(body[i]);
  }
  ok = ok && ::fchmod(fd, 0644) == 0;
  ::close(fd);
  if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) {
    ::unlink(tmp.c_str());
  }
}

}  // namespace pops::cache_bytes
