#include "git/file_versions.h"

#include "helpers.h"

#include <doctest/doctest.h>

using namespace pops;
using pops::test::TempRepo;

TEST_CASE("file_versions: one version per commit that changed the file, oldest first, removals too")
{
  TempRepo r;
  r.commit({{"ws/pops.yaml", "a\n"}, {"ws/x.yaml", "1\n"}}, "2026-01-01");
  r.commit({{"ws/x.yaml", "2\n"}}, "2026-01-02");
  r.commit({{"ws/pops.yaml", "b\n"}}, "2026-01-03");
  r.commit({}, "2026-01-04", "Ada", {"ws/pops.yaml"});
  r.commit({{"ws/pops.yaml", "c\n"}}, "2026-01-05");
  Repository repo = Repository::open(r.dir);
  const FileVersions v = file_versions(repo, "HEAD", "ws/pops.yaml");
  REQUIRE(v.versions.size() == 4);
  CHECK(v.versions[0].text == "a\n");
  CHECK(v.versions[0].commit.summary == "change on 2026-01-01");
  CHECK(v.versions[1].text == "b\n");
  CHECK_FALSE(v.versions[2].present);
  CHECK(v.versions[3].text == "c\n");
  CHECK_FALSE(v.truncated);
  CHECK(file_versions(repo, "HEAD", "ws/none.yaml").versions.empty());
  CHECK_THROWS(file_versions(repo, "nope", "ws/pops.yaml"));
}
