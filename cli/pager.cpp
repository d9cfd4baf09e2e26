#include "pager.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <sys/wait.h>
#include <unistd.h>

namespace pops::cli {

namespace {

pid_t g_pager = -1;
bool g_stderr_paged = false;

std::string env_or_empty(const char* name, bool& set)
{
  const char* v = std::getenv(name);
  set = v != nullptr;
  return v ? std::string(v) : std::string();
}

}  // namespace

std::string pager_command(const std::optional<std::string>& configured)
{
  bool set = false;
  std::string cmd = env_or_empty("POPS_PAGER", set);
  if (set) {
    return cmd == "cat" ? "" : cmd;
  }
  if (configured && !configured->empty()) {
    return *configured == "cat" ? "" : *configured;
  }
  cmd = env_or_empty("PAGER", set);
  if (set) {
    return cmd == "cat" ? "" : cmd;
  }
  return "less -FRX";
}

bool start_pager(const std::string& command)
{
  if (command.empty()) {
    return false;
  }
  int fds[2];
  if (::pipe(fds) != 0) {
    return false;
  }
  std::fflush(stdout);
  std::fflush(stderr);
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return false;
  }
  if (pid == 0) {
    ::dup2(fds[0], STDIN_FILENO);
    ::close(fds[0]);
    ::close(fds[1]);
    ::setenv("LESS", std::getenv("LESS") ? std::getenv("LESS") : "FRX", 1);
    ::setenv("LV", std::getenv("LV") ? std::getenv("LV") : "-c", 1);
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::dup2(fds[1], STDOUT_FILENO);
  if (::isatty(STDERR_FILENO) == 1) {
    ::dup2(fds[1], STDERR_FILENO);
    g_stderr_paged = true;
  }
  ::close(fds[0]);
  ::close(fds[1]);
  g_pager = pid;
  return true;
}

void finish_pager()
{
  if (g_pager < 0) {
    return;
  }
  std::fflush(stdout);
  std::fflush(stderr);
  // The pager reads until every copy of the pipe's write end is closed.
  ::close(STDOUT_FILENO);
  if (g_stderr_paged) {
    ::close(STDERR_FILENO);
  }
  int status = 0;
  while (::waitpid(g_pager, &status, 0) < 0 && errno == EINTR) {
  }
  g_pager = -1;
}

}  // namespace pops::cli
