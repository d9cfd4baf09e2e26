#pragma once
// One pops at a time writes a workspace: a lock file created with O_CREAT|O_EXCL (like git's
// index.lock) holds the pid of the pops that edits. It is held across read, plan, check and write, so
// two `pops item add` never hand out the same id.

#include <string>

namespace pops {

/// Where the lock of the workspace at `root` lives: <root>/.pops.lock (pops never reads files whose
/// name starts with '.').
std::string lock_path(const std::string& root);

class WorkspaceLock {
public:
  /// Takes the lock, waiting up to `wait_ms` milliseconds while another live pops holds it. Throws
  /// std::runtime_error when it cannot: held by another pops for longer than that, or left behind by a
  /// pops that is no longer running or for more than `stale_minutes` (the message says to remove the
  /// file if no other pops is running; pops never removes another process's lock itself).
  static WorkspaceLock acquire(const std::string& root, long wait_ms = 10000, int stale_minutes = 10);

  WorkspaceLock(WorkspaceLock&& o) noexcept;
  WorkspaceLock& operator=(WorkspaceLock&&) = delete;
  WorkspaceLock(const WorkspaceLock&) = delete;
  ~WorkspaceLock();

  const std::string& path() const { return m_path; }
  /// Removes the lock file now (the destructor does it otherwise).
  void release();

private:
  explicit WorkspaceLock(std::string path) : m_path(std::move(path)), m_held(true) {}
  std::string m_path;
  bool m_held = false;
};

} // namespace pops
