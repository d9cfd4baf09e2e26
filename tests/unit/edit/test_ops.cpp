#include "base/process.h"
#include "edit/ops.h"

#include "git/git.h"
#include "git/repo.h"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <git2.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace pops;
namespace fs = std::filesystem;

namespace {

const char* k_config = R"(version: 1
product: Test
squads:
  payments: {prefix: PAY, lead: alice}
  platform: {prefix: PLAT}
  growth: {prefix: GRW}
people:
  alice: {name: Alice, squad: payments}
  bo: {name: Bo}
fields:
  risk: {type: enum, values: [low, high]}
  effort_days: {type: number}
  regions: {type: list}
)";

const char* k_payments = R"(# Payments.
squad: payments
items:
    -   id: PAY-1
        title: Refunds   # short
        status: planned
        owner: alice
        depends_on:
        - PLAT-2

    -   id: PAY-7
        title: "Payouts"
        status: idea
)";

const char* k_misc = "items:\n"
                     "  - {id: PLAT-2, title: Ledger, status: planned, squad: platform}\n"
                     "  - id: PAY-9\n"
                     "    title: Stray\n"
                     "    status: idea\n"
                     "    squad: payments\n";

const char* k_feedback = "entries:\n"
                         "  - id: FB-3\n"
                         "    date: 2026-11-02\n"
                         "    source: support\n"
                         "    customer: Acme\n"
                         "    quote: \"Refunds are slow\"\n"
                         "    items: [PAY-1]\n";

EditSession session(std::vector<SourceFile> extra = {})
{
  std::vector<SourceFile> files = {{"pops.yaml", k_config},
                                   {"roadmap/payments.yaml", k_payments},
                                   {"roadmap/misc.yaml", k_misc},
                                   {"feedback/2026-11.yaml", k_feedback}};
  for (auto& f : extra) {
    files.push_back(std::move(f));
  }
  std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  return EditSession::of("/nowhere", std::move(files));
}

const FileChange& only(const EditPlan& p)
{
  REQUIRE(p.changes.size() == 1);
  return p.changes.front();
}

Date day(const char* d)
{
  return *parse_date(d);
}

} // namespace

TEST_CASE("item add: the next id of the squad, in the squad's file, in its style")
{
  EditSession s = session();
  ItemSpec spec;
  spec.squad = "payments";
  spec.title = "2026";
  spec.tags = {"refunds,checkout"};
  spec.depends_on = {"PLAT-2"};
  EditPlan p = plan_item_add(s, spec, {});
  CHECK(p.id == "PAY-10");  // PAY-9 lives in another file
  const FileChange& c = only(p);
  CHECK(c.path == "roadmap/payments.yaml");
  CHECK_FALSE(c.created);
  CHECK(c.after == std::string(k_payments) + R"(
    -   id: PAY-10
        title: "2026"
        status: idea
        depends_on:
        - PLAT-2
        tags:
        - refunds
        - checkout
)");
  CHECK(new_errors(s, p, day("2026-11-22")).empty());
  // Ids used in history are never handed out again.
  CHECK(plan_item_add(s, spec, {{"PAY", 41}, {"PLAT", 99}}).id == "PAY-42");
  // Nor ids written in a file that does not even load.
  EditSession broken = session({{"roadmap/broken.yaml", "items:\n  - id: PAY-55\n    title: [\n"}});
  CHECK(plan_item_add(broken, spec, {}).id == "PAY-56");
}

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

TEST_CASE("item add: where the squad's items live, or a new file")
{
  EditSession s = session();
  ItemSpec spec;
  spec.title = "Ledger v2";
  spec.squad = "platform";
  spec.status = "planned";
  spec.owner = "bo";
  spec.links = {"jira=PLAT-77"};
  spec.fields = {"risk=high", "effort_days=3", "regions=eu,us"};
  EditPlan p = plan_item_add(s, spec, {});
  CHECK(p.id == "PLAT-3");
  CHECK(only(p).path == "roadmap/misc.yaml");
  CHECK(only(p).after == std::string(k_misc) + "  - id: PLAT-3\n"
                                               "    title: Ledger v2\n"
                                               "    status: planned\n"
                                               "    squad: platform\n"
                                               "    owner: bo\n"
                                               "    links: {jira: PLAT-77}\n"
                                               "    risk: high\n"
                                               "    effort_days: 3\n"
                                               "    regions:\n"  // block lists, as the other file writes them
                                               "    - eu\n"
                                               "    - us\n");
  CHECK(new_errors(s, p, day("2026-11-22")).empty());

  spec = {};
  spec.squad = "growth";
  spec.title = "Onboarding";
  EditPlan g = plan_item_add(s, spec, {});
  CHECK(g.id == "GRW-1");
  CHECK(only(g).created);
  CHECK(only(g).path == "roadmap/growth.yaml");
  CHECK(only(g).after == "squad: growth\nitems:\n    -   id: GRW-1\n        title: Onboarding\n        status: idea\n");

  // A file whose `squad:` is the squad wins, whatever its name.
  EditSession t = session({{"roadmap/team-g.yaml", "squad: growth\nitems: []\n"}});
  EditPlan h = plan_item_add(t, spec, {});
  CHECK(only(h).path == "roadmap/team-g.yaml");
  CHECK(only(h).after == "squad: growth\nitems:\n    -   id: GRW-1\n        title: Onboarding\n        status: idea\n");
}

TEST_CASE("item add: mistakes are refused with a suggestion")
{
  EditSession s = session();
  ItemSpec spec;
  spec.squad = "paymnts";
  spec.title = "X";
  CHECK_THROWS_WITH_AS(plan_item_add(s, spec, {}), "unknown squad 'paymnts' (did you mean 'payments'?)", OpError);
  spec.squad = "payments";
  spec.fields = {"rsk=high"};
  CHECK_THROWS_WITH_AS(plan_item_add(s, spec, {}), "unknown field 'rsk' (did you mean 'risk'?)", OpError);
  spec.fields = {"risk=extreme"};
  EditPlan p = plan_item_add(s, spec, {});
  auto errs = new_errors(s, p, day("2026-11-22"));
  REQUIRE(errs.size() == 1);
  CHECK(errs[0].rule == "schema");
  CHECK(errs[0].message.find("extreme") != std::string::npos);
  spec.fields = {};
  spec.owner = "nobody";
  errs = new_errors(s, plan_item_add(s, spec, {}), day("2026-11-22"));
  REQUIRE(errs.size() == 1);
  CHECK(errs[0].rule == "unknown-ref");
}

TEST_CASE("item set: values, lists, mappings, removals")
{
  EditSession s = session();
  EditPlan p = plan_item_set(s, "PAY-1", {"title=Refunds in one click", "status=in-progress", "depends_on+=PLAT-9",
                                          "depends_on-=PLAT-2", "tags=a,b", "links.jira=PAY-1234", "score.reach=4000",
                                          "owner=", "risk=low"});
  CHECK(only(p).after == R"(# Payments.
squad: payments
items:
    -   id: PAY-1
        title: Refunds in one click   # short
        status: in-progress
        depends_on:
        - PLAT-9
        tags:
        - a
        - b
        links: {jira: PAY-1234}
        score: {reach: 4000}
        risk: low

    -   id: PAY-7
        title: "Payouts"
        status: idea
)");
  CHECK(p.summary.starts_with("updated PAY-1 in roadmap/payments.yaml: title=Refunds"));
  // PLAT-9 does not exist: check says so.
  auto errs = new_errors(s, p, day("2026-11-22"));
  REQUIRE(errs.size() == 1);
  CHECK(errs[0].rule == "unknown-ref");

  // Flow items stay flow; a value equal to the old one changes nothing.
  EditPlan f = plan_item_set(s, "PLAT-2", {"status=shipped", "tags+=db", "title=Ledger"});
  CHECK(only(f).after.find("  - {id: PLAT-2, title: Ledger, status: shipped, squad: platform, tags: [db]}\n")
        != std::string::npos);
  CHECK(plan_item_set(s, "PAY-7", {"title=Payouts"}).empty());

  CHECK_THROWS_WITH_AS(plan_item_set(s, "PAY-1", {"titel=x"}), "unknown key 'titel' in an item (did you mean 'title'?)",
                       OpError);
  CHECK_THROWS_WITH_AS(plan_item_set(s, "PAY-1", {"status="}), "'status' is required; give it a value", OpError);
  CHECK_THROWS_WITH_AS(plan_item_set(s, "PAY-1", {"id=PAY-2"}), "an item's id never changes", OpError);
  CHECK_THROWS_WITH_AS(plan_item_set(s, "PAY-1", {"tags-=zzz"}), "'tags' of PAY-1 does not hold 'zzz'", OpError);
  CHECK_THROWS_WITH_AS(plan_item_set(s, "PAY-1", {"title+=x"}), "'title' is not a list; write title=VALUE", OpError);
  CHECK_THROWS_WITH_AS(plan_item_set(s, "PAY-1", {"nonsense"}), doctest::Contains("is not a change"), OpError);
  CHECK_THROWS_WITH_AS(plan_item_set(s, "PAY-77", {"status=x"}), "unknown item 'PAY-77' (did you mean 'PAY-7'?)",
                       OpError);
}

TEST_CASE("item set: a backward move needs reopened")
{
  EditSession s = session();
  auto errs = new_errors(s, plan_item_set(s, "PAY-1", {"status=idea"}), day("2026-11-22"));
  REQUIRE(errs.size() == 1);
  CHECK(errs[0].rule == "status-regression");
  CHECK(new_errors(s, plan_item_set(s, "PAY-1", {"status=idea", "reopened=true"}), day("2026-11-22")).empty());
}

TEST_CASE("item drop records the reason and deletes nothing")
{
  EditSession s = session();
  EditPlan p = plan_item_drop(s, "PAY-7", "No one asked: yes");
  CHECK(only(p).after == std::string(k_payments).replace(std::string(k_payments).find("status: idea"), 12,
                                                          "status: dropped\n        dropped_reason: \"No one asked: yes\""));
  CHECK(new_errors(s, p, day("2026-11-22")).empty());
  CHECK_THROWS_AS(plan_item_drop(s, "PAY-7", " "), OpError);
}

TEST_CASE("item move: to its squad's file; another squad needs a new id")
{
  EditSession s = session();
  EditPlan p = plan_item_move(s, "PAY-9", "payments", false, {});
  REQUIRE(p.changes.size() == 2);
  CHECK(p.changes[0].path == "roadmap/payments.yaml");
  CHECK(p.changes[0].after == std::string(k_payments) + "\n    -   id: PAY-9\n        title: Stray\n"
                                                        "        status: idea\n        squad: payments\n");
  CHECK(p.changes[1].path == "roadmap/misc.yaml");
  CHECK(p.changes[1].after == "items:\n  - {id: PLAT-2, title: Ledger, status: planned, squad: platform}\n");
  CHECK(new_errors(s, p, day("2026-11-22")).empty());
  CHECK(plan_item_move(s, "PAY-1", "payments", false, {}).empty());

  try {
    (void)plan_item_move(s, "PAY-1", "platform", false, {});
    FAIL("moved across squads");
  } catch (const OpError& e) {
    CHECK(std::string(e.what()) == "cannot move PAY-1 to squad 'platform': an item keeps its id, and the ids of "
                                   "'platform' start with PLAT-, not PAY-");
    CHECK(e.hint().find("--new-id") != std::string::npos);
  }

  EditPlan n = plan_item_move(s, "PAY-1", "platform", true, {{"PLAT", 5}});
  CHECK(n.id == "PLAT-6");
  REQUIRE(n.changes.size() == 2);
  CHECK(n.changes[0].path == "roadmap/misc.yaml");
  CHECK(n.changes[0].after == std::string(k_misc) + "  - id: PLAT-6\n"
                                                    "    title: Refunds   # short\n"
                                                    "    status: planned\n"
                                                    "    moved_from: PAY-1\n"
                                                    "    squad: platform\n"
                                                    "    owner: alice\n"
                                                    "    depends_on:\n"
                                                    "    - PLAT-2\n");
  CHECK(n.changes[1].after.find("        status: dropped\n        dropped_reason: moved to platform as PLAT-6\n")
        != std::string::npos);
  REQUIRE(n.hints.size() == 1);
  CHECK(n.hints[0].find("FB-3 (items)") != std::string::npos);
  CHECK(new_errors(s, n, day("2026-11-22")).empty());
}

TEST_CASE("errors an item has already move with it")
{
  EditSession s = session({{"roadmap/zz.yaml", "items:\n  - id: PAY-20\n    title: Bad\n    status: idea\n"
                                                "    squad: payments\n    risk: extreme\n"}});
  EditPlan p = plan_item_move(s, "PAY-20", "payments", false, {});
  REQUIRE(p.changes.size() == 2);
  CHECK(new_errors(s, p, day("2026-11-22")).empty());
}

TEST_CASE("feedback add and link")
{
  EditSession s = session();
  FeedbackSpec f;
  f.source = "sales";
  f.customer = "Globex";
  f.summary = "Wants partial refunds";
  f.items = {"PAY-1"};
  f.arr = "120000";
  f.date = "2026-11-20";
  EditPlan p = plan_feedback_add(s, f, {{"FB", 40}}, day("2026-11-22"));
  CHECK(p.id == "FB-41");
  CHECK(only(p).after == std::string(k_feedback) + "  - id: FB-41\n"
                                                   "    date: 2026-11-20\n"
                                                   "    source: sales\n"
                                                   "    customer: Globex\n"
                                                   "    arr: 120000\n"
                                                   "    summary: Wants partial refunds\n"
                                                   "    items: [PAY-1]\n");
  CHECK(new_errors(s, p, day("2026-11-22")).empty());
  // Another month: a new file, in the style of the others.
  f.date = "";
  f.items = {};
  EditPlan d = plan_feedback_add(s, f, {}, day("2026-12-01"));
  CHECK(d.id == "FB-4");
  CHECK(only(d).created);
  CHECK(only(d).path == "feedback/2026-12.yaml");
  CHECK(only(d).after.starts_with("entries:\n  - id: FB-4\n    date: 2026-12-01\n"));
  f.date = "2026-13-01";
  CHECK_THROWS_AS(plan_feedback_add(s, f, {}, day("2026-12-01")), OpError);
  f.date = "";
  f.items = {"PAY-8"};
  CHECK_THROWS_WITH_AS(plan_feedback_add(s, f, {}, day("2026-12-01")), doctest::Contains("unknown item 'PAY-8'"),
                       OpError);

  EditPlan l = plan_feedback_link(s, "FB-3", {"PAY-7", "PAY-1"});
  CHECK(only(l).after.find("    items: [PAY-1, PAY-7]\n") != std::string::npos);
  CHECK(plan_feedback_link(s, "FB-3", {"PAY-1"}).empty());
  CHECK_THROWS_WITH_AS(plan_feedback_link(s, "FB-33", {"PAY-1"}), "unknown feedback 'FB-33' (did you mean 'FB-3'?)",
                       OpError);
}

TEST_CASE("assignments")
{
  Assignment a = parse_assignment("tags+=a,b");
  CHECK(a.key == "tags");
  CHECK(a.op == '+');
  CHECK(a.value == "a,b");
  a = parse_assignment("owner=");
  CHECK(a.op == '=');
  CHECK(a.value.empty());
  a = parse_assignment("title=a=b");
  CHECK(a.value == "a=b");
  a = parse_assignment("depends_on-=PLAT-3");
  CHECK(a.op == '-');
  CHECK_THROWS_AS(parse_assignment("=x"), OpError);
}

namespace {

struct TempRepo {
  fs::path dir;
  TempRepo()
  {
    dir = fs::temp_directory_path() / fmt::format("pops-ops-{}-{}", ::getpid(), s_count++);
    fs::remove_all(dir);
    init_repo(dir.string());
    ::setenv("GIT_AUTHOR_NAME", "Ada Tester", 1);
    ::setenv("GIT_AUTHOR_EMAIL", "ada@example.com", 1);
    ::setenv("GIT_COMMITTER_NAME", "Ada Tester", 1);
    ::setenv("GIT_COMMITTER_EMAIL", "ada@example.com", 1);
    ::setenv("GIT_AUTHOR_DATE", "2026-11-20T10:00:00Z", 1);
    ::setenv("GIT_COMMITTER_DATE", "2026-11-20T10:00:00Z", 1);
  }
  ~TempRepo()
  {
    for (const char* v : {"GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL",
                          "GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE"}) {
      ::unsetenv(v);
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  void commit(const std::vector<std::pair<std::string, std::string>>& files, const std::vector<std::string>& removed = {})
  {
    commit_files(dir.string(), files, removed, {"commit", "Ada Tester", "ada@example.com", 1'790'000'000, 0});
  }
  std::string read(const std::string& path) const
  {
    std::ifstream in(dir / path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  void stage(const std::string& path, const std::string& content)
  {
    std::ofstream(dir / path, std::ios::binary) << content;
    git_libgit2_init();
    git_repository* repo = nullptr;
    REQUIRE(git_repository_open(&repo, dir.c_str()) == 0);
    git_index* index = nullptr;
    REQUIRE(git_repository_index(&index, repo) == 0);
    REQUIRE(git_index_add_bypath(index, path.c_str()) == 0);
    REQUIRE(git_index_write(index) == 0);
    git_index_free(index);
    git_repository_free(repo);
    git_libgit2_shutdown();
  }
  static inline int s_count = 0;
};

} // namespace

TEST_CASE("ids that ever existed in history are not handed out again")
{
  TempRepo r;
  CHECK(history_max_ids(r.dir.string()).empty());  // no commit yet
  r.commit({{"pops.yaml", k_config}, {"roadmap/payments.yaml", k_payments},
            {"roadmap/old.yaml", "items:\n  - {id: PAY-30, title: Old, status: idea, squad: payments}\n"}});
  r.commit({}, {"roadmap/old.yaml"});
  auto used = history_max_ids(r.dir.string());
  CHECK(used.at("PAY") == 30);
  EditSession s = EditSession::read(r.dir.string());
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
  TempRepo r;
  r.commit({{"pops.yaml", k_config}, {"roadmap/payments.yaml", k_payments}, {"notes.txt", "x\n"}});
  const std::string root = r.dir.string();
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
  auto it = std::find_if(files.begin(), files.end(), [](const SourceFile& f) { return f.path == "roadmap/payments.yaml"; });
  REQUIRE(it != files.end());
  CHECK(it->content == p.changes[0].after);
  // notes.txt: HEAD keeps the committed version, the index the staged one.
  CHECK(run_process({"git", "show", "HEAD:notes.txt"}, root).output == "x\n");
  CHECK(run_process({"git", "show", ":notes.txt"}, root).output == "y\n");
  // A hand edit of a file the command changes would be swept into its commit: refused first.
  std::ofstream(r.dir / "roadmap/payments.yaml", std::ios::app) << "# by hand\n";
  CHECK_THROWS_WITH_AS(check_commit_paths(root, p.paths()),
                       doctest::Contains("'roadmap/payments.yaml' has uncommitted changes of its own"),
                       std::runtime_error);
  r.stage("roadmap/payments.yaml", r.read("roadmap/payments.yaml"));
  CHECK_THROWS_WITH_AS(check_commit_paths(root, p.paths()), doctest::Contains("has uncommitted changes of its own"),
                       std::runtime_error);
  r.stage("roadmap/payments.yaml", p.changes[0].after);
  std::ofstream(r.dir / "roadmap/payments.yaml", std::ios::trunc) << p.changes[0].after;
  // A file changed on disk since it was read is not overwritten.
  EditPlan q = plan_item_set(EditSession::read(root), "PAY-7", {"status=idea"});
  std::ofstream(r.dir / "roadmap/payments.yaml", std::ios::app) << "# hand edit\n";
  CHECK_THROWS_WITH_AS(apply_plan(root, q), doctest::Contains("changed on disk"), std::runtime_error);
}

TEST_CASE("commit needs an identity")
{
  TempRepo r;
  r.commit({{"pops.yaml", k_config}});
  for (const char* v : {"GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL",
                        "GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE"}) {
    ::unsetenv(v);
  }
  const std::string home = std::getenv("HOME") ? std::getenv("HOME") : "";
  ::setenv("HOME", (r.dir / "nohome").c_str(), 1);
  ::setenv("XDG_CONFIG_HOME", (r.dir / "nohome").c_str(), 1);
  ::setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
  // libgit2 caches the global configuration paths: point them at the empty home.
  git_libgit2_init();
  git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_GLOBAL, (r.dir / "nohome").c_str());
  git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_XDG, (r.dir / "nohome").c_str());
  git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_SYSTEM, (r.dir / "nohome").c_str());
  CHECK_THROWS_WITH_AS(check_commit_paths(r.dir.string(), {"pops.yaml"}), doctest::Contains("no git identity"),
                       std::runtime_error);
  git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_GLOBAL, nullptr);
  git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_XDG, nullptr);
  git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_SYSTEM, nullptr);
  git_libgit2_shutdown();
  ::setenv("HOME", home.c_str(), 1);
  ::unsetenv("XDG_CONFIG_HOME");
  ::unsetenv("GIT_CONFIG_NOSYSTEM");
}
