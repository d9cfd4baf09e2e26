#include "git/hook.h"

#include <doctest/doctest.h>

#include <string>

using namespace pops;

namespace {

bool has_line(const std::string& text, const std::string& line)
{
  return text.find("\n" + line + "\n") != std::string::npos;
}

}  // namespace

TEST_CASE("hook: pops installs pre-commit and pre-merge-commit, each with its own marker")
{
  REQUIRE(k_hook_names.size() == 2);
  CHECK(k_hook_names[0] == "pre-commit");
  CHECK(k_hook_names[1] == "pre-merge-commit");
  CHECK(hook_marker("pre-commit") == k_hook_marker);
  CHECK(hook_marker("pre-merge-commit")
        == "# pops pre-merge-commit hook: installed by 'pops hook install', removed by 'pops hook uninstall'");
}

TEST_CASE("hook: the scripts run the chained hook of their own name, then pops check --staged")
{
  for (std::string_view name : k_hook_names) {
    CAPTURE(name);
    const std::string n(name);
    const std::string s = hook_script("/opt/pops/bin/pops", "product", name);
    CHECK(s.rfind("#!/bin/sh\n" + hook_marker(name) + "\n", 0) == 0);
    CHECK(has_line(s, "pops_bin='/opt/pops/bin/pops'"));
    CHECK(has_line(s, "pops_workspace='product'"));
    CHECK(has_line(s, "chained=\"$(dirname -- \"$0\")/" + n + ".pops-chained\""));
    CHECK(has_line(s, "  \"$chained\" \"$@\" || exit $?"));
    CHECK(s.find("the " + n + " hook cannot find pops") != std::string::npos);
    CHECK(s.ends_with("\nexec \"$pops_bin\" -C \"$pops_workspace\" check --staged\n"));
  }
  // The pre-commit script is what `hook_script` gives without a name.
  CHECK(hook_script("/p", ".") == hook_script("/p", ".", "pre-commit"));
  CHECK(hook_script("/p", ".", "pre-merge-commit").find("'git merge --no-verify' skips both") != std::string::npos);
  CHECK(hook_script("/p", ".", "pre-merge-commit").find("pre-commit.pops-chained") == std::string::npos);
}

TEST_CASE("hook: odd paths are quoted for sh")
{
  const std::string s = hook_script("/home/o'neil/pops", "my product", "pre-merge-commit");
  CHECK(has_line(s, "pops_bin='/home/o'\\''neil/pops'"));
  CHECK(has_line(s, "pops_workspace='my product'"));
}
