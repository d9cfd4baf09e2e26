#include "base/lock.h"

#include "helpers.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <climits>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace pops;
namespace fs = std::filesystem;

namespace {

std::string slurp(const std::string& p)
{
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string this_host()
{
  char buf[HOST_NAME_MAX + 1] = {};
  REQUIRE(::gethostname(buf, sizeof buf - 1) == 0);
  return buf;
}

}  // namespace

TEST_CASE("the workspace lock: one holder, named by pid and host")
{
  test::TempDir t("pops-lock");
  const std::string root = t.path.string();
  {
    WorkspaceLock a = WorkspaceLock::acquire(root, 0);
    REQUIRE(fs::exists(lock_path(root)));
    CHECK(slurp(lock_path(root)) == fmt::format("{} {}\n", ::getpid(), this_host()));
    CHECK(a.taken_over().empty());
    CHECK_THROWS_WITH_AS(WorkspaceLock::acquire(root, 50), doctest::Contains("another pops"), std::runtime_error);
    CHECK(fs::exists(lock_path(root)));
  }
  CHECK_FALSE(fs::exists(lock_path(root)));
}

TEST_CASE("the workspace lock: a stale lock of this host is taken over, others are refused")
{
  test::TempDir t("pops-lock");
  const std::string root = t.path.string();
  const std::string path = lock_path(root);
  SUBCASE("a process of this host that no longer runs")
  {
    std::ofstream(path) << "999999999 " << this_host() << "\n";
    WorkspaceLock a = WorkspaceLock::acquire(root, 0);
    CHECK(a.taken_over().find("left by pops process 999999999, which is no longer running") != std::string::npos);
    CHECK(slurp(path) == fmt::format("{} {}\n", ::getpid(), this_host()));
  }
  SUBCASE("a process that runs")
  {
    std::ofstream(path) << ::getppid() << " " << this_host() << "\n";
    CHECK_THROWS_WITH_AS(WorkspaceLock::acquire(root, 50), doctest::Contains("another pops (process"),
                         std::runtime_error);
    CHECK(slurp(path) == fmt::format("{} {}\n", ::getppid(), this_host()));
  }
  SUBCASE("another host")
  {
    std::ofstream(path) << "999999999 elsewhere.example\n";
    CHECK_THROWS_WITH_AS(WorkspaceLock::acquire(root, 50), doctest::Contains("on host 'elsewhere.example'"),
                         std::runtime_error);
    CHECK(fs::exists(path));
  }
  SUBCASE("an older pops's lock, without a host")
  {
    std::ofstream(path) << "999999999\n";
    CHECK_THROWS_WITH_AS(WorkspaceLock::acquire(root, 50), doctest::Contains("(the lock names no host); remove '"),
                         std::runtime_error);
    CHECK(fs::exists(path));
    std::ofstream(path) << ::getppid() << "\n";
    const std::string held = fmt::format("another pops (process {}) is changing it", ::getppid());
    CHECK_THROWS_WITH_AS(WorkspaceLock::acquire(root, 50), doctest::Contains(held.c_str()), std::runtime_error);
  }
}

TEST_CASE("the workspace lock is removed when its holder is ended by a signal")
{
  test::TempDir t("pops-lock");
  const std::string root = t.path.string();
  for (const int sig : {SIGTERM, SIGHUP, SIGINT, SIGPIPE}) {
    INFO("signal " << sig);
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      ::close(ready[0]);
      // The test runner handles some of these signals; pops leaves a handled signal alone, so the
      // child starts from the default dispositions, as pops does.
      for (const int s : {SIGTERM, SIGHUP, SIGINT, SIGPIPE}) {
        ::signal(s, SIG_DFL);
      }
      WorkspaceLock lock = WorkspaceLock::acquire(root, 0);
      (void)!::write(ready[1], "x", 1);
      ::pause();
      ::_exit(0);
    }
    ::close(ready[1]);
    char c = 0;
    REQUIRE(::read(ready[0], &c, 1) == 1);
    ::close(ready[0]);
    CHECK(fs::exists(lock_path(root)));
    ::kill(child, sig);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == sig);
    CHECK_FALSE(fs::exists(lock_path(root)));
  }
}
