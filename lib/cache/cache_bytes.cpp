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
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 0 ||
      static_cast<uint64_t>(st.st_size) > max_bytes) {
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
  if (content.size() > k_max_file_bytes) {
    return;
  }
  std::string tmp = path + ".tmp-XXXXXX";
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) {
    return;
  }
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      break;
    }
    done += static_cast<size_t>(n);
  }
  const bool ok = done == content.size() && ::fchmod(fd, 0644) == 0;
  ::close(fd);
  if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) {
    ::unlink(tmp.c_str());
  }
}

} // namespace pops::cache_bytes
