#include "base/process.h"
#include "edit/ops.h"
#include "edit/plan.h"

#include "helpers.h"
#include "ops_fixture.h"

#include "git/git.h"
#include "git/repo.h"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <git2.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace pops;
namespace fs = std::filesystem;

using namespace pops::ops_fixture;

TEST_CASE("new_findings: the warnings a plan adds besides its errors; those there already are not new")
{
  const std::string cfg = "version: 1\nproduct: T\nsquads:\n  payments: {prefix: PAY, wip_limit: 1}\n";
  const std::string road = "squad: payments\nitems:\n  - {id: PAY-1, title: a, status: in-progress}\n";
  EditSession s = EditSession::of("/nowhere", {{"pops.yaml", cfg}, {"roadmap/payments.yaml", road}});
  ItemSpec spec;
  spec.squad = "payments";
  spec.title = "b";
  spec.status = "in-progress";
  const EditPlan over = plan_item_add(s, spec, {});
  const std::vector<Finding> found = new_findings(s, over, day("2026-11-22"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "wip-limit");
  CHECK(found[0].severity == Severity::warning);
  CHECK(new_errors(s, over, day("2026-11-22")).empty());
  spec.status = "idea";
  CHECK(new_findings(s, plan_item_add(s, spec, {}), day("2026-11-22")).empty());
  // Over the limit already: the same warning of another file's item is not new.
  const std::string road2 = "squad: payments\nitems:\n  - {id: PAY-1, title: a, status: in-progress}\n"
                            "  - {id: PAY-2, title: b, status: in-progress}\n";
  EditSession s2 = EditSession::of("/nowhere", {{"pops.yaml", cfg}, {"roadmap/payments.yaml", road2}});
  CHECK(new_findings(s2, plan_item_set(s2, "PAY-2", {"tags+=c"}), day("2026-11-22")).empty());
}

namespace {

/// The shared repository of the tests, with what `git commit` (commit_paths) reads from the
/// environment set for as long as it lives: an identity and a date.
struct OpsRepo : test::TempRepo {
  static constexpr std::array<const char*, 6> k_vars = {"GIT_AUTHOR_NAME",    "GIT_AUTHOR_EMAIL",
                                                        "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL",
                                                        "GIT_AUTHOR_DATE",    "GIT_COMMITTER_DATE"};
  OpsRepo() : TempRepo("pops-ops")
  {
    const std::array<const char*, 6> values = {"Ada Tester",      "ada@example.com",      "Ada Tester",
                                               "ada@example.com", "2026-11-20T10:00:00Z", "2026-11-20T10:00:00Z"};
    for (size_t i = 0; i < k_vars.size(); ++i) {
      ::setenv(k_vars[i], values[i], 1);
    }
  }
  ~OpsRepo()
  {
    for (const char* v : k_vars) {
      ::unsetenv(v);
    }
  }
  OpsRepo(const OpsRepo&) = delete;
  OpsRepo& operator=(const OpsRepo&) = delete;

  void commit(const std::vector<std::pair<std::string, std::string>>& files,
              const std::vector<std::string>& removed = {})
  {
    TempRepo::commit(files, "2026-09-21", "Ada", removed);
  }
  /// Writes `content` to `rel` and adds it to the index.
  void stage(const std::string& rel, const std::string& content)
  {
    write(rel, content);
    git_repository* repo = nullptr;
    REQUIRE(git_repository_open(&repo, dir.c_str()) == 0);
    git_index* index = nullptr;
    REQUIRE(git_repository_index(&index, repo) == 0);
    REQUIRE(git_index_add_bypath(index, rel.c_str()) == 0);
    REQUIRE(git_index_write(index) == 0);
    git_index_free(index);
    git_repository_free(repo);
  }
};

}  // namespace

TEST_CASE("ids that ever existed in history are not handed out again")
{
  OpsRepo r;
  CHECK(history_max_ids(r.dir).empty());  // no commit yet
  r.commit({{"pops.yaml", k_config},
            {"roadmap/payments.yaml", k_payments},
            {"roadmap/old.yaml", "items:\n  - {id: PAY-30, title: Old, status: idea, squad: payments}\n"}});
  r.commit({}, {"roadmap/old.yaml"});
  auto used = history_max_ids(r.dir);
  CHECK(used.at("PAY") == 30);
  EditSession s = EditSession::read(r.dir);
  ItemSpec spec;
  spec.squad = "payments";
  spec.title = "New";
  CHECK(plan_item_add(s, spec, used).id == "PAY-31");
  // Outside git, the workspace alone decides.
  const fs::path plain = fs::temp_directory_path() / fmt::format("pops-nogit-{}", ::getpid());
  fs::create_directories(plain);
  CHECK(history_max_ids(plain.string()).empty());
  fs::remove_all(plain);
}

TEST_CASE("apply and commit exactly the changed files")
{
  OpsRepo r;
  r.commit({{"pops.yaml", k_config}, {"roadmap/payments.yaml", k_payments}, {"notes.txt", "x\n"}});
  const std::string root = r.dir;
  EditSession s = EditSession::read(root);
  EditPlan p = plan_item_set(s, "PAY-7", {"status=planned"});
  check_commit_paths(root, p.paths());
  apply_plan(root, p);
  CHECK(r.read("roadmap/payments.yaml") == p.changes[0].after);
  // Another staged change stays staged and out of the commit.
  r.stage("notes.txt", "y\n");
  const std::string id = commit_paths(root, p.paths(), "Update PAY-7: status=planned").id;
  CHECK(id.size() == 7);
  Repository repo = Repository::open(root);
  CHECK(repo.commit("HEAD").summary == "Update PAY-7: status=planned");
  CHECK(repo.commit("HEAD").author == "Ada Tester");
  CHECK(repo.commit("HEAD").author_time == static_cast<long long>(make_date(2026, 11, 20).days) * 86400 + 36000);
  auto files = repo.tree_files("HEAD", "");
  auto it =
    std::find_if(files.begin(), files.end(), [](const SourceFile& f) { return f.path == "roadmap/payments.yaml"; });
  REQUIRE(it != files.end());
  CHECK(it->content == p.changes[0].after);
  // notes.txt: HEAD keeps the committed version, the index the staged one.
  CHECK(run_process({"git", "show", "HEAD:notes.txt"}, root).output == "x\n");
  CHECK(run_process({"git", "show", ":notes.txt"}, root).output == "y\n");
  // A hand edit of a file the command changes would be swept into its commit: refused first.
  std::ofstream(r.path / "roadmap/payments.yaml", std::ios::app) << "# by hand\n";
  CHECK_THROWS_WITH_AS(check_commit_paths(root, p.paths()),
                       doctest::Contains("'roadmap/payments.yaml' has uncommitted changes of its own"),
                       std::runtime_error);
  r.stage("roadmap/payments.yaml", r.read("roadmap/payments.yaml"));
  CHECK_THROWS_WITH_AS(check_commit_paths(root, p.paths()), doctest::Contains("has uncommitted changes of its own"),
                       std::runtime_error);
  r.stage("roadmap/payments.yaml", p.changes[0].after);
  std::ofstream(r.path / "roadmap/payments.yaml", std::ios::trunc) << p.changes[0].after;
  // A file changed on disk since it was read is not overwritten.
  EditPlan q = plan_item_set(EditSession::read(root), "PAY-7", {"status=idea"});
  std::ofstream(r.path / "roadmap/payments.yaml", std::ios::app) << "# hand edit\n";
  CHECK_THROWS_WITH_AS(apply_plan(root, q), doctest::Contains("changed on disk"), std::runtime_error);
}

TEST_CASE("commit needs an identity")
{
  OpsRepo r;
  r.commit({{"pops.yaml", k_config}});
  for (const char* v : OpsRepo::k_vars) {
    ::unsetenv(v);
  }
  const std::string home = std::getenv("HOME") ? std::getenv("HOME") : "";
  ::setenv("HOME", (r.path / "nohome").c_str(), 1);
  ::setenv("XDG_CONFIG_HOME", (r.path / "nohome").c_str(), 1);
  ::setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
  // libgit2 caches the global configuration paths: point them at the empty home.
  git_libgit2_init();
  git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_GLOBAL, (r.path / "nohome").c_str());
  git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_XDG, (r.path / "nohome").c_str());
  git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_SYSTEM, (r.path / "nohome").c_str());
  CHECK_THROWS_WITH_AS(check_commit_paths(r.dir, {"pops.yaml"}), doctest::Contains("no git identity"),
                       std::runtime_error);
  git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_GLOBAL, nullptr);
  git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_XDG, nullptr);
  git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_SYSTEM, nullptr);
  git_libgit2_shutdown();
  ::setenv("HOME", home.c_str(), 1);
  ::unsetenv("XDG_CONFIG_HOME");
  ::unsetenv("GIT_CONFIG_NOSYSTEM");
}
