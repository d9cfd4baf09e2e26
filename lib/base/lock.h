#pragma once
// One pops at a time writes a workspace: a lock file created with O_CREAT|O_EXCL (like git's
// index.lock) holds "<pid> <host name>" of the pops that edits. It is held across read, plan, check
// and write, so two `pops item add` never hand out the same id.
//
// The lock is released on every exit path: the destructor, std::exit (an atexit handler) and the
// signals that end a process by default (SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGABRT, SIGALRM,
// SIGUSR1, SIGUSR2, SIGXCPU, SIGXFSZ): while a lock is held, an async-signal-safe handler removes it
// and raises the signal again with its default action. A signal whose disposition was not the default
// (ignored, or handled by the program) is left as it was.
//
// A lock naming a process of this host that no longer runs is stale: acquire takes it over, under
// flock(2) on the workspace folder so that two processes taking over at once cannot both win, and
// reports it (WorkspaceLock::taken_over).

#include <string>

namespace pops {

/// Where the lock of the workspace at `root` lives: <root>/.pops.lock (pops never reads files whose
/// name starts with '.').
std::string lock_path(const std::string& root);

class WorkspaceLock {
public:
  /// Takes the lock, waiting up to `wait_ms` milliseconds while another pops holds it. Throws
  /// std::runtime_error when it cannot: held by a live process (or one of another host) for longer
  /// than that, or naming no process (the message says to remove the file if no other pops is
  /// running).
  static WorkspaceLock acquire(const std::string& root, long wait_ms = 10000);

  WorkspaceLock(WorkspaceLock&& o) noexcept;
  WorkspaceLock& operator=(WorkspaceLock&&) = delete;
  WorkspaceLock(const WorkspaceLock&) = delete;
  ~WorkspaceLock();

  const std::string& path() const { return m_path; }
  /// When a stale lock was taken over: what it was ("... left by pops process N, which is no longer
  /// running"), for a warning; empty otherwise.
  const std::string& taken_over() const { return m_taken_over; }
  /// Removes the lock file now (the destructor does it otherwise).
  void release();

private:
  WorkspaceLock(std::string path, int slot, std::string taken_over)
    : m_path(std::move(path)), m_held(true), m_slot(slot), m_taken_over(std::move(taken_over))
  {
  }
  std::string m_path;
  bool m_held = false;
  int m_slot = -1;  ///< in the table the signal handler reads; -1 when not there
  std::string m_taken_over;
};

}  // namespace pops
