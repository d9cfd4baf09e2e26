#include "base/lock.h"

#include <fmt/format.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <stdexcept>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace pops {

namespace {

// ---- the locks this process holds, for the signal handler -----------------------------------------

/// A lock this process holds, as the signal handler sees it: only fixed storage, written before
/// `used` is set and read only while it is.
struct Slot {
  volatile std::sig_atomic_t used = 0;
  pid_t owner = 0;  ///< a child forked since does not remove its parent's lock
  char path[PATH_MAX] = {};
};

constexpr int k_slots = 8;
Slot g_slots[k_slots];

/// The signals whose default action ends the process (SIGSEGV and the like are left to sanitizers
/// and core dumps).
constexpr std::array<int, 11> k_signals = {SIGHUP,  SIGINT,  SIGQUIT, SIGTERM, SIGPIPE, SIGABRT,
                                           SIGALRM, SIGUSR1, SIGUSR2, SIGXCPU, SIGXFSZ};

std::mutex g_mutex;  ///< guards the fields below (not used by the handler)
int g_held = 0;      ///< slots in use
bool g_installed[k_signals.size()] = {};
bool g_atexit = false;

void remove_held_locks()
{
  const pid_t self = ::getpid();
  for (auto& s : g_slots) {
    if (s.used && s.owner == self) {
      ::unlink(s.path);
    }
  }
}

extern "C" void pops_lock_on_signal(int sig)
{
  const int saved = errno;
  remove_held_locks();
  // The default action, once this handler returns (the signal is blocked until then).
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  ::sigaction(sig, &dfl, nullptr);
  ::raise(sig);
  errno = saved;
}

extern "C" void pops_lock_at_exit()
{
  remove_held_locks();
}

/// Installs the handler where the disposition is the default one (called with g_mutex held).
void install_handlers()
{
  for (size_t i = 0; i < k_signals.size(); ++i) {
    struct sigaction old {};
    if (::sigaction(k_signals[i], nullptr, &old) != 0 || (old.sa_flags & SA_SIGINFO) || old.sa_handler != SIG_DFL) {
      continue;
    }
    struct sigaction sa {};
    sa.sa_handler = pops_lock_on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    g_installed[i] = ::sigaction(k_signals[i], &sa, nullptr) == 0;
  }
}

/// Puts back the default disposition where this handler is still installed.
void remove_handlers()
{
  for (size_t i = 0; i < k_signals.size(); ++i) {
    if (!g_installed[i]) {
      continue;
    }
    g_installed[i] = false;
    struct sigaction now {};
    if (::sigaction(k_signals[i], nullptr, &now) == 0 && !(now.sa_flags & SA_SIGINFO)
        && now.sa_handler == pops_lock_on_signal) {
      struct sigaction dfl {};
      dfl.sa_handler = SIG_DFL;
      sigemptyset(&dfl.sa_mask);
      ::sigaction(k_signals[i], &dfl, nullptr);
    }
  }
}

/// Registers a held lock; -1 when the table is full or the path too long (the lock then lasts only
/// as long as the object holding it).
int register_lock(const std::string& path)
{
  std::lock_guard<std::mutex> guard(g_mutex);
  if (path.size() >= PATH_MAX) {
    return -1;
  }
  for (int i = 0; i < k_slots; ++i) {
    Slot& s = g_slots[i];
    if (s.used) {
      continue;
    }
    std::memcpy(s.path, path.c_str(), path.size() + 1);
    s.owner = ::getpid();
    std::atomic_signal_fence(std::memory_order_seq_cst);
    s.used = 1;
    if (g_held++ == 0) {
      install_handlers();
    }
    if (!g_atexit) {
      g_atexit = std::atexit(pops_lock_at_exit) == 0;
    }
    return i;
  }
  return -1;
}

void unregister_lock(int slot)
{
  std::lock_guard<std::mutex> guard(g_mutex);
  g_slots[slot].used = 0;
  std::atomic_signal_fence(std::memory_order_seq_cst);
  if (--g_held == 0) {
    remove_handlers();
  }
}

// ---- reading a lock -------------------------------------------------------------------------------

std::string host_name()
{
  char buf[HOST_NAME_MAX + 1] = {};
  if (::gethostname(buf, sizeof buf - 1) != 0) {
    return {};
  }
  return buf;
}

/// What a lock file says. `complete` is false while its writer has not written the whole line yet.
struct Holder {
  bool exists = false;
  bool complete = false;
  long pid = 0;
  std::string host;  ///< empty in locks of older pops, which wrote only the pid
};

Holder read_holder(const std::string& path)
{
  Holder h;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0) {
    h.exists = errno != ENOENT;
    return h;
  }
  h.exists = true;
  char buf[512];
  ssize_t n = 0;
  do {
    n = ::read(fd, buf, sizeof buf - 1);
  } while (n < 0 && errno == EINTR);
  ::close(fd);
  if (n <= 0 || buf[n - 1] != '\n') {
    return h;
  }
  buf[n - 1] = '\0';
  char* end = nullptr;
  errno = 0;
  const long pid = std::strtol(buf, &end, 10);
  if (errno != 0 || end == buf || pid <= 0 || (*end != '\0' && *end != ' ')) {
    return h;
  }
  h.complete = true;
  h.pid = pid;
  if (*end == ' ') {
    h.host = end + 1;
  }
  return h;
}

/// No process with this pid runs here (kill fails with ESRCH).
bool gone(long pid)
{
  return ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

/// Age of the file in seconds, -1 when it cannot be looked at.
long age_seconds(const std::string& path)
{
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    return -1;
  }
  return static_cast<long>(::time(nullptr) - st.st_mtime);
}

enum class TakeOver { taken, changed, busy };

/// Removes the lock at `path` if it still names `pid` of `host`, a process that no longer runs. Under
/// an exclusive flock on the workspace folder, so takeovers happen one at a time: the stale file can
/// be removed by no one else meanwhile (its holder is gone, and no lock can be created while it is
/// there), so what is read under the flock is what is removed.
TakeOver take_over(const std::string& root, const std::string& path, long pid, const std::string& host)
{
  int dfd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) {
    throw std::runtime_error(fmt::format("cannot open '{}': {}", root, std::strerror(errno)));
  }
  if (::flock(dfd, LOCK_EX | LOCK_NB) != 0) {
    const int e = errno;
    ::close(dfd);
    if (e == EWOULDBLOCK || e == EINTR) {
      return TakeOver::busy;
    }
    throw std::runtime_error(fmt::format(
      "cannot lock the workspace: '{}' was left by pops process {}, which is no longer running, and it cannot "
      "be taken over safely here (flock: {}); remove '{}' if no other pops is running",
      path, pid, std::strerror(e), path));
  }
  const Holder now = read_holder(path);
  TakeOver result = TakeOver::changed;
  if (now.complete && now.pid == pid && now.host == host && gone(pid) && ::unlink(path.c_str()) == 0) {
    result = TakeOver::taken;
  }
  ::flock(dfd, LOCK_UN);
  ::close(dfd);
  return result;
}

}  // namespace

std::string lock_path(const std::string& root)
{
  return root + "/.pops.lock";
}

WorkspaceLock WorkspaceLock::acquire(const std::string& root, long wait_ms)
{
  const std::string path = lock_path(root);
  const std::string host = host_name();
  const std::string content = fmt::format("{} {}\n", ::getpid(), host);
  const std::string clear = fmt::format("remove '{}' if no other pops is running", path);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
  std::string taken;
  long delay_ms = 5;
  while (true) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd >= 0) {
      ssize_t n = 0;
      do {
        n = ::write(fd, content.data(), content.size());
      } while (n < 0 && errno == EINTR);
      const int e = errno;
      ::close(fd);
      if (n != static_cast<ssize_t>(content.size())) {
        ::unlink(path.c_str());
        throw std::runtime_error(
          fmt::format("cannot write the lock file '{}': {}", path, n < 0 ? std::strerror(e) : "short write"));
      }
      return WorkspaceLock(path, register_lock(path), std::move(taken));
    }
    if (errno != EEXIST) {
      throw std::runtime_error(fmt::format("cannot create the lock file '{}': {}", path, std::strerror(errno)));
    }
    const Holder h = read_holder(path);
    if (!h.exists) {
      continue;  // released meanwhile
    }
    if (h.complete && (h.host == host || h.host.empty()) && gone(h.pid)) {
      if (h.host.empty()) {
        // An older pops wrote no host: it may have run on another machine sharing this folder.
        throw std::runtime_error(fmt::format(
          "cannot lock the workspace: '{}' was left by pops process {}, which is not running here (the lock "
          "names no host); {}",
          path, h.pid, clear));
      }
      switch (take_over(root, path, h.pid, h.host)) {
      case TakeOver::taken:
        taken = fmt::format("took over the lock '{}' left by pops process {}, which is no longer running", path, h.pid);
        continue;
      case TakeOver::changed:
        continue;
      case TakeOver::busy:
        break;
      }
    }
    if (!h.complete && age_seconds(path) > 5) {
      throw std::runtime_error(fmt::format("cannot lock the workspace: '{}' names no process; {}", path, clear));
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      if (h.complete && !h.host.empty() && h.host != host) {
        throw std::runtime_error(fmt::format(
          "cannot lock the workspace: pops process {} on host '{}' is changing it ('{}' exists); try again when "
          "it is done, or remove '{}' if no pops is running there",
          h.pid, h.host, path, path));
      }
      throw std::runtime_error(fmt::format(
        "cannot lock the workspace: another pops (process {}) is changing it ('{}' exists); try again when it "
        "is done, or {}",
        h.complete ? std::to_string(h.pid) : std::string("?"), path, clear));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    delay_ms = std::min<long>(delay_ms * 2, 100);
  }
}

WorkspaceLock::WorkspaceLock(WorkspaceLock&& o) noexcept
  : m_path(std::move(o.m_path)), m_held(o.m_held), m_slot(o.m_slot), m_taken_over(std::move(o.m_taken_over))
{
  o.m_held = false;
  o.m_slot = -1;
}

WorkspaceLock::~WorkspaceLock()
{
  release();
}

void WorkspaceLock::release()
{
  if (!m_held) {
    return;
  }
  // Out of the handler's table first: a signal in between leaves the lock behind (then stale, and taken
  // over), never removes a lock another process has taken since.
  if (m_slot >= 0) {
    unregister_lock(m_slot);
    m_slot = -1;
  }
  ::unlink(m_path.c_str());
  m_held = false;
}

}  // namespace pops
