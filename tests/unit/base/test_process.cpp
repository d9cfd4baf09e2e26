// Running a program (lib/base/process.cpp): argv without a shell, in a folder, both outputs captured,
// exit codes and signals, standard input from /dev/null, a missing program said so.

#include "base/process.h"

#include "../helpers.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using namespace pops;

TEST_CASE("the exit code and both outputs, interleaved as written")
{
  const auto r = run_process({"sh", "-c", "echo out; echo err >&2; echo again; exit 3"}, ".");
  CHECK(r.started);
  CHECK(r.exit_code == 3);
  CHECK(r.output == "out\nerr\nagain\n");
  CHECK(r.error.empty());
}

TEST_CASE("arguments reach the program as they are, never through a shell")
{
  const auto r = run_process({"printf", "%s|", "a b", "$HOME", "; rm -rf x", "*"}, ".");
  CHECK(r.exit_code == 0);
  CHECK(r.output == "a b|$HOME|; rm -rf x|*|");
}

TEST_CASE("the folder it runs in, and standard input from /dev/null")
{
  pops::test::TempDir t;
  const auto r = run_process({"pwd", "-P"}, t.path.string());
  CHECK(r.output == std::filesystem::canonical(t.path).string() + "\n");
  const auto in = run_process({"cat"}, ".");
  CHECK(in.exit_code == 0);
  CHECK(in.output.empty());
}

TEST_CASE("a signal gives 128 + its number; a missing program or an empty argv does not start")
{
  CHECK(run_process({"sh", "-c", "kill -TERM $$"}, ".").exit_code == 128 + 15);
  const auto missing = run_process({"pops-no-such-program-anywhere"}, ".");
  CHECK_FALSE(missing.started);
  CHECK_FALSE(missing.error.empty());
  const auto empty = run_process({}, ".");
  CHECK_FALSE(empty.started);
  CHECK(empty.error == "no program to run");
}
