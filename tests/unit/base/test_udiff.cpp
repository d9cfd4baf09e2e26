#include "base/udiff.h"

#include <doctest/doctest.h>

#include <string>

using namespace pops;

TEST_CASE("no change, no diff")
{
  CHECK(unified_diff("a.yaml", "x\ny\n", "x\ny\n").empty());
}

TEST_CASE("a changed line shows with its context and the hunk header counts lines")
{
  const std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
  const std::string after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
  const std::string d = unified_diff("roadmap/p.yaml", before, after);
  CHECK(d
        == "--- a/roadmap/p.yaml\n+++ b/roadmap/p.yaml\n"
           "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST_CASE("a new file diffs from /dev/null")
{
  const std::string d = unified_diff("docs/new.md", "", "# New\n", true);
  CHECK(d.find("--- /dev/null\n+++ b/docs/new.md\n") == 0);
  CHECK(d.find("+# New\n") != std::string::npos);
}

TEST_CASE("changes far apart make two hunks; context 0 keeps only the changed lines")
{
  std::string before, after;
  for (int i = 1; i <= 30; ++i) {
    before += std::to_string(i) + "\n";
    after += (i == 3 || i == 27 ? "x" : std::to_string(i)) + "\n";
  }
  const std::string d = unified_diff("f", before, after);
  size_t hunks = 0;
  for (size_t p = d.find("\n@@"); p != std::string::npos; p = d.find("\n@@", p + 1)) {
    ++hunks;
  }
  CHECK(hunks == 2);
  const std::string d0 = unified_diff("f", before, after, false, 0);
  CHECK(d0.find("@@ -3 +3 @@\n-3\n+x\n") != std::string::npos);
}

TEST_CASE("a last line without a newline is marked")
{
  const std::string d = unified_diff("f", "a\nb", "a\nc");
  CHECK(d.find("-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n") != std::string::npos);
}
