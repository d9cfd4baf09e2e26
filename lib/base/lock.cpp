#include "base/lock.h"

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <stdexcept>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace pops {

namespace {

/// The pid written in the lock file, 0 when it cannot be read (yet).
long read_pid(const std::string& path)
{
  std::ifstream in(path);
  long pid = 0;
  if (!(in >> pid) || pid <= 0) {
    return 0;
  }
  return pid;
}

bool alive(long pid)
{
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

/// Age of the file in seconds, -1 when it is gone; `inode` identifies this lock file.
long age_seconds(const std::string& path, ino_t& inode)
{
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return -1;
  }
  inode = st.st_ino;
  return static_cast<long>(::time(nullptr) - st.st_mtime);
}

/// True when the lock file is still the one that was looked at (not released and taken again).
bool same_lock(const std::string& path, ino_t inode, long pid)
{
  ino_t now = 0;
  return age_seconds(path, now) >= 0 && now == inode && read_pid(path) == pid;
}

} // namespace

std::string lock_path(const std::string& root)
{
  return root + "/.pops.lock";
}

WorkspaceLock WorkspaceLock::acquire(const std::string& root, long wait_ms, int stale_minutes)
{
  const std::string path = lock_path(root);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
  long delay_ms = 5;
  while (true) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd >= 0) {
      const std::string content = fmt::format("{}\n", ::getpid());
      const bool ok = ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size());
      ::close(fd);
      if (!ok) {
        ::unlink(path.c_str());
        throw std::runtime_error(fmt::format("cannot write the lock file '{}': {}", path, std::strerror(errno)));
      }
      return WorkspaceLock(path);
    }
    if (errno != EEXIST) {
      throw std::runtime_error(fmt::format("cannot create the lock file '{}': {}", path, std::strerror(errno)));
    }
    ino_t inode = 0;
    const long age = age_seconds(path, inode);
    const long pid = read_pid(path);
    if (age < 0) {
      continue;  // released meanwhile
    }
    const std::string clear = fmt::format("remove '{}' if no other pops is running", path);
    // The holder may finish between reading its pid and looking at it: a lock is stale only if it
    // is still the same file, naming the same process, afterwards.
    const bool dead = pid > 0 && !alive(pid);
    if ((dead || age > stale_minutes * 60L || (pid == 0 && age > 5)) && !same_lock(path, inode, pid)) {
      continue;
    }
    if (dead) {
      throw std::runtime_error(fmt::format(
        "cannot lock the workspace: '{}' was left by pops process {}, which is no longer running; {}", path,
        pid, clear));
    }
    if (age > stale_minutes * 60L) {
      throw std::runtime_error(fmt::format(
        "cannot lock the workspace: '{}' is {} minutes old ({}); {}", path, age / 60,
        pid > 0 ? fmt::format("pops process {}", pid) : std::string("no process named in it"), clear));
    }
    if (pid == 0 && age > 5) {
      throw std::runtime_error(fmt::format("cannot lock the workspace: '{}' names no process; {}", path, clear));
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      throw std::runtime_error(fmt::format(
        "cannot lock the workspace: another pops (process {}) is changing it ('{}' exists); try again when it "
        "is done, or {}", pid > 0 ? std::to_string(pid) : std::string("?"), path, clear));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    delay_ms = std::min<long>(delay_ms * 2, 100);
  }
}

WorkspaceLock::WorkspaceLock(WorkspaceLock&& o) noexcept : m_path(std::move(o.m_path)), m_held(o.m_held)
{
  o.m_held = false;
}

WorkspaceLock::~WorkspaceLock()
{
  release();
}

void WorkspaceLock::release()
{
  if (m_held) {
    ::unlink(m_path.c_str());
    m_held = false;
  }
}

} // namespace pops
