#include "history/history.h"
#include "cache/history_cache.h"
#include "features/metrics.h"
#include "base/date.h"
#include "git/repo.h"
#include "workspace/workspace.h"

#include "helpers.h"

#include <doctest/doctest.h>

#include <git2.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <random>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using namespace pops;
using pops::test::TempRepo;
namespace fs = std::filesystem;

namespace {

const char* k_config = R"(version: 1
product: Test
squads:
  payments: {prefix: PAY}
  platform: {prefix: PLAT}
)";

std::string roadmap(const std::string& squad, const std::string& items)
{
  return "squad: " + squad + "\nitems:\n" + items;
}

const Change* find(const std::vector<Change>& v, const std::string& id, const std::string& field)
{
  for (const auto& c : v) {
    if (c.id == id && c.field == field) {
      return &c;
    }
  }
  return nullptr;
}

/// Random edits of two roadmap files and a feedback file over 60 commits: statuses, targets, items
/// added, removed and moved between files, comments, a header change, an unusual layout now and then.
void random_history(TempRepo& r)
{
  std::mt19937 rng(4242);
  struct It {
    std::string id, status, target;
    std::string note;  // a comment line above the item, or nothing
  };
  std::map<std::string, std::vector<It>> files{{"roadmap/a.yaml", {}}, {"roadmap/b.yaml", {}}};
  int next = 1;
  for (int i = 0; i < 12; ++i) {
    files[i % 2 ? "roadmap/b.yaml" : "roadmap/a.yaml"].push_back(
      {"PAY-" + std::to_string(next++), "idea", "2026-10-1" + std::to_string(i % 10), ""});
  }
  const std::vector<std::string> statuses = {"idea", "discovery", "planned", "in-progress", "shipped"};
  bool flow = false;
  std::string header = "squad: payments\n";
  auto render = [&](const std::vector<It>& items) {
    std::string t = "# roadmap\n" + header + "items:\n";
    if (flow) {
      t = header + "items: [";
      for (size_t k = 0; k < items.size(); ++k) {
        t += (k ? ", " : "") + std::string("{id: ") + items[k].id + ", title: T, status: " + items[k].status + "}";
      }
      return t + "]\n";
    }
    for (const auto& it : items) {
      t += it.note + "  - id: " + it.id + "\n    title: Item " + it.id + "\n    status: " + it.status
           + "\n    target: " + it.target + "\n";
    }
    return t;
  };
  std::string feedback = "entries:\n  - {id: FB-1, date: 2026-01-02, source: support, quote: hi}\n";
  std::vector<std::pair<std::string, std::string>> all = {{"pops.yaml", k_config}, {"feedback/f.yaml", feedback}};
  for (const auto& [p, items] : files) {
    all.emplace_back(p, render(items));
  }
  r.commit(all, "2026-01-01", "alice");
  for (int c = 0; c < 60; ++c) {
    flow = rng() % 25 == 0;
    if (rng() % 20 == 0) {
      header = rng() % 2 ? "squad: payments\n" : "squad: payments  # owners: alice\n";
    }
    for (int e = 0, n = 1 + static_cast<int>(rng() % 3); e < n; ++e) {
      auto& items = files[rng() % 2 ? "roadmap/b.yaml" : "roadmap/a.yaml"];
      if (items.empty()) {
        continue;
      }
      auto& it = items[rng() % items.size()];
      switch (rng() % 7) {
      case 0:
        it.status = statuses[rng() % statuses.size()];
        break;
      case 1:
        it.target = "2026-11-" + std::to_string(10 + rng() % 19);
        break;
      case 2:
        items.insert(items.begin() + static_cast<long>(rng() % items.size()),
                     {"PAY-" + std::to_string(next++), "idea", "2026-12-01", ""});
        break;
      case 3:
        items.erase(items.begin() + static_cast<long>(rng() % items.size()));
        break;
      case 4:
        it.note = rng() % 2 ? "  # looked at again\n" : "";
        break;
      case 5: {  // move to the other file
        It moved = it;
        items.erase(std::find_if(items.begin(), items.end(), [&](const It& x) { return x.id == moved.id; }));
        auto& other = &items == &files["roadmap/a.yaml"] ? files["roadmap/b.yaml"] : files["roadmap/a.yaml"];
        other.push_back(moved);
        break;
      }
      default:
        it.status = statuses[(std::find(statuses.begin(), statuses.end(), it.status) - statuses.begin() + 1) % 5];
        break;
      }
    }
    if (rng() % 6 == 0) {
      feedback += "  - {id: FB-" + std::to_string(c + 2) + ", date: 2026-01-03, source: sales, quote: more}\n";
    }
    std::vector<std::pair<std::string, std::string>> changed = {{"feedback/f.yaml", feedback}};
    for (const auto& [p, items] : files) {
      changed.emplace_back(p, render(items));
    }
    r.commit(changed, "2026-02-" + std::to_string(10 + c / 4), "alice");
  }
}

}  // namespace

TEST_CASE("natural order of ids")
{
  CHECK(natural_less("PAY-2", "PAY-10"));
  CHECK_FALSE(natural_less("PAY-10", "PAY-2"));
  CHECK(natural_less("PAY-10", "PLAT-1"));
  CHECK(natural_less("FB-9", "FB-10"));
  CHECK_FALSE(natural_less("PAY-3", "PAY-3"));
  CHECK(natural_less("PAY-3", "PAY-3a"));
  CHECK(natural_less("a2b", "a10a"));
}

TEST_CASE("describe_change: slips, drops and moves in words")
{
  Change t;
  t.entity = "item";
  t.field = "target";
  t.old_value = "2026-11-20";
  t.new_value = "2026-12-04";
  t.days = 14;
  CHECK(describe_change(t).label == "target");
  CHECK(describe_change(t).detail == "2026-11-20 -> 2026-12-04 (+14 days)");
  t.days = -1;
  CHECK(describe_change(t).detail == "2026-11-20 -> 2026-12-04 (-1 day)");
  Change d;
  d.entity = "item";
  d.field = "status";
  d.old_value = "planned";
  d.new_value = "dropped";
  d.reason = "no demand";
  CHECK(describe_change(d).label == "dropped");
  CHECK(describe_change(d).detail == "was planned: no demand");
  Change m;
  m.kind = Change::Kind::moved;
  m.entity = "item";
  m.field = "squad";
  m.old_value = "payments";
  m.new_value = "platform";
  CHECK(describe_change(m).detail == "squad payments -> platform");
  Change o;
  o.entity = "item";
  o.field = "owner";
  o.old_value = "alice";
  CHECK(describe_change(o).detail == "alice -> (none)");
}

TEST_CASE("build_workspace from parsed files gives what load_workspace gives")
{
  const std::string items = "  - {id: PAY-1, title: A, status: idea}\n  - {id: PAY-2, title: B, status: bogus}\n";
  Workspace a =
    load_workspace("/nowhere", {{"pops.yaml", k_config}, {"roadmap/p.yaml", roadmap("payments", items)}}, 1);
  Workspace b =
    build_workspace("/nowhere", {{"pops.yaml", parse_file(k_config, FileKind::config)},
                                 {"roadmap/p.yaml", parse_file(roadmap("payments", items), FileKind::roadmap)}});
  REQUIRE(a.items.size() == 2);
  REQUIRE(b.items.size() == 2);
  CHECK(b.items[1].id.value == "PAY-2");
  CHECK(b.items[1].file == "roadmap/p.yaml");
  REQUIRE(a.findings.size() == b.findings.size());
  REQUIRE(b.findings.size() == 1);
  CHECK(b.findings[0].message == a.findings[0].message);
  // The same parse serves another path of the same kind.
  auto parsed = parse_file(roadmap("payments", items), FileKind::roadmap);
  Workspace c = build_workspace(
    "/nowhere", {{"pops.yaml", parse_file(k_config, FileKind::config)}, {"roadmap/other.yaml", parsed}});
  CHECK(c.items[0].file == "roadmap/other.yaml");
  // A YAML parse cannot be read as a Markdown document.
  CHECK_THROWS_AS(build_workspace("/nowhere", {{"docs/x.md", parsed}}), std::logic_error);
}

TEST_CASE("history: commits newest first with their changes, moves followed across files")
{
  TempRepo r;
  r.commit(
    {{"pops.yaml", k_config},
     {"roadmap/a.yaml", roadmap("payments", "  - {id: PAY-1, title: Refunds, status: planned, target: 2026-11-20}\n"
                                            "  - {id: PAY-2, title: Cards, status: planned}\n")}},
    "2026-09-01", "alice");
  r.commit(
    {{"roadmap/a.yaml", roadmap("payments", "  - {id: PAY-1, title: Refunds, status: planned, target: 2026-12-04}\n"
                                            "  - {id: PAY-2, title: Cards, status: planned}\n")}},
    "2026-09-10", "bo");
  // PAY-2 moves to another file; PAY-1 is dropped.
  r.commit({{"roadmap/a.yaml", roadmap("payments", "  - {id: PAY-1, title: Refunds, status: dropped, "
                                                   "dropped_reason: no demand, target: 2026-12-04}\n")},
            {"roadmap/b.yaml", roadmap("payments", "  - {id: PAY-2, title: Cards, status: planned}\n")}},
           "2026-09-20", "carmen");
  Repository repo = Repository::open(r.dir);
  History h(repo, r.dir, "");
  auto log = h.log("HEAD");
  REQUIRE(log.size() == 3);
  CHECK(log[0].date == "2026-09-20");
  CHECK(log[0].commit.author == "carmen");
  CHECK(log[1].date == "2026-09-10");
  CHECK(log[2].date == "2026-09-01");
  CHECK(log[2].commit.author == "alice");

  // The newest commit: a move and a drop, nothing else (the reason travels with the drop).
  REQUIRE(log[0].changes.size() == 2);
  const Change* drop = find(log[0].changes, "PAY-1", "status");
  REQUIRE(drop);
  CHECK(drop->new_value == "dropped");
  CHECK(drop->reason == "no demand");
  const Change* move = find(log[0].changes, "PAY-2", "file");
  REQUIRE(move);
  CHECK(move->kind == Change::Kind::moved);
  CHECK(move->old_value == "roadmap/a.yaml");
  CHECK(move->new_value == "roadmap/b.yaml");

  REQUIRE(log[1].changes.size() == 1);
  CHECK(log[1].changes[0].field == "target");
  CHECK(log[1].changes[0].days == 14);

  // The root commit adds everything.
  REQUIRE(log[2].changes.size() == 2);
  CHECK(log[2].changes[0].kind == Change::Kind::added);
  CHECK(log[2].changes[0].id == "PAY-1");
  CHECK(log[2].changes[1].id == "PAY-2");

  // Filters: one item, and dates.
  HistoryFilter f;
  f.ids = {"PAY-2"};
  auto only = h.log("HEAD", f);
  REQUIRE(only.size() == 2);
  CHECK(only[0].changes.size() == 1);
  CHECK(only[0].changes[0].kind == Change::Kind::moved);
  f.ids.clear();
  f.since = parse_date("2026-09-05");
  f.until = parse_date("2026-09-10");
  auto range = h.log("HEAD", f);
  REQUIRE(range.size() == 1);
  CHECK(range[0].date == "2026-09-10");
}

TEST_CASE("history: a commit touching one file parses and builds only that file")
{
  TempRepo r;
  r.commit({{"pops.yaml", k_config},
            {"roadmap/a.yaml", roadmap("payments", "  - {id: PAY-1, title: A, status: idea}\n")},
            {"roadmap/b.yaml", roadmap("platform", "  - {id: PLAT-1, title: B, status: idea}\n")},
            {"feedback/2026.yaml", "entries:\n  - {id: FB-1, date: 2026-01-02, source: support, quote: hi}\n"}},
           "2026-09-01", "alice");
  r.commit({{"roadmap/a.yaml", roadmap("payments", "  - {id: PAY-1, title: A, status: planned}\n")}}, "2026-09-02",
           "alice");
  Repository repo = Repository::open(r.dir);
  History h(repo, r.dir, "");
  HistoryFilter f;
  f.since = parse_date("2026-09-02");  // only the second commit
  auto log = h.log("HEAD", f);
  REQUIRE(log.size() == 1);
  REQUIRE(log[0].changes.size() == 1);
  CHECK(log[0].changes[0].field == "status");
  // pops.yaml (to read a.yaml against) and the two versions of a.yaml; b.yaml and the feedback untouched.
  CHECK(h.parsed_blobs() == 3);
  CHECK(h.built_files() == 2);
}

TEST_CASE("history: each distinct blob is parsed once per walk, also when a file goes back to older bytes")
{
  TempRepo r;
  const std::string one = roadmap("payments", "  - {id: PAY-1, title: A, status: idea}\n");
  const std::string two = roadmap("payments", "  - {id: PAY-1, title: A, status: planned}\n");
  r.commit({{"pops.yaml", k_config}, {"roadmap/a.yaml", one}}, "2026-09-01", "alice");
  r.commit({{"roadmap/a.yaml", two}}, "2026-09-02", "alice");
  r.commit({{"roadmap/a.yaml", one}}, "2026-09-03", "alice");
  r.commit({{"roadmap/a.yaml", two}}, "2026-09-04", "alice");
  // Same bytes at another path: no new parse, a move.
  r.commit({{"roadmap/z.yaml", two}}, "2026-09-05", "alice", {"roadmap/a.yaml"});
  Repository repo = Repository::open(r.dir);
  History h(repo, r.dir, "");
  auto log = h.log("HEAD");
  REQUIRE(log.size() == 5);
  CHECK(h.parsed_blobs() == 3);
  REQUIRE(log[0].changes.size() == 1);
  CHECK(log[0].changes[0].kind == Change::Kind::moved);
  CHECK(log[1].changes[0].new_value == "planned");
  CHECK(log[2].changes[0].new_value == "idea");
  // Parses are dropped after their last use in a walk: another walk parses them again, once.
  (void)h.log("HEAD");
  CHECK(h.parsed_blobs() == 6);
}

TEST_CASE("history: a pops.yaml change rereads every file from the parses already made")
{
  TempRepo r;
  r.commit({{"pops.yaml", k_config},
            {"roadmap/a.yaml", roadmap("payments", "  - {id: PAY-1, title: A, status: idea, risk: low}\n")}},
           "2026-09-01", "alice");
  // A custom field appears in pops.yaml: the item's 'risk' is now a field of the model.
  r.commit({{"pops.yaml", std::string(k_config) + "fields:\n  risk: {type: enum, values: [low, high]}\n"}},
           "2026-09-02", "bo");
  Repository repo = Repository::open(r.dir);
  History h(repo, r.dir, "");
  auto log = h.log("HEAD");
  REQUIRE(log.size() == 2);
  REQUIRE(log[0].changes.size() == 1);
  CHECK(log[0].changes[0].field == "risk");
  CHECK(log[0].changes[0].new_value == "low");
  CHECK(h.parsed_blobs() == 3);  // two pops.yaml, one a.yaml
}

TEST_CASE("history: a workspace in a sub-folder ignores the rest of the repository")
{
  TempRepo r;
  r.commit({{"ws/pops.yaml", k_config},
            {"ws/roadmap/a.yaml", roadmap("payments", "  - {id: PAY-1, title: A, status: idea}\n")},
            {"roadmap/a.yaml", roadmap("payments", "  - {id: PAY-9, title: Not ours, status: idea}\n")}},
           "2026-09-01", "alice");
  r.commit({{"roadmap/a.yaml", roadmap("payments", "  - {id: PAY-9, title: Not ours, status: planned}\n")},
            {"README.md", "hello\n"}},
           "2026-09-02", "alice");
  r.commit({{"ws/roadmap/a.yaml", roadmap("payments", "  - {id: PAY-1, title: A, status: planned}\n")}}, "2026-09-03",
           "alice");
  Repository repo = Repository::open(r.dir);
  History h(repo, r.dir + "/ws", "ws/");
  HistoryFilter f;
  f.items_only = false;
  auto log = h.log("HEAD", f);
  REQUIRE(log.size() == 2);
  CHECK(log[0].date == "2026-09-03");
  CHECK(log[1].date == "2026-09-01");
  REQUIRE(log[1].changes.size() == 1);
  CHECK(log[1].changes[0].id == "PAY-1");
}

TEST_CASE("history: feedback and docs, squads and moves between squads")
{
  TempRepo r;
  r.commit({{"pops.yaml", k_config},
            {"roadmap/a.yaml", roadmap("payments", "  - {id: PAY-1, title: A, status: idea}\n"
                                                   "  - {id: PAY-2, title: B, status: idea}\n")},
            {"docs/prd/a.md", "---\ntitle: A\ntype: prd\nstatus: draft\nitems: [PAY-1]\n---\n# A\n"}},
           "2026-09-01", "alice");
  r.commit({{"roadmap/a.yaml", roadmap("payments", "  - {id: PAY-1, title: A, status: idea}\n")},
            {"roadmap/b.yaml", roadmap("platform", "  - {id: PAY-2, title: B, status: idea}\n")},
            {"feedback/f.yaml", "entries:\n  - {id: FB-1, date: 2026-01-02, source: support, customer: Acme, "
                                "quote: please, items: [PAY-1]}\n"},
            {"docs/prd/a.md", "---\ntitle: A\ntype: prd\nstatus: approved\nitems: [PAY-1]\n---\n# A\n"}},
           "2026-09-02", "bo");
  Repository repo = Repository::open(r.dir);
  History h(repo, r.dir, "");
  HistoryFilter f;
  f.items_only = false;
  auto log = h.log("HEAD", f);
  REQUIRE(log.size() == 2);
  const auto& c = log[0].changes;
  REQUIRE(c.size() == 3);
  CHECK(c[0].entity == "item");
  CHECK(c[0].kind == Change::Kind::moved);
  CHECK(c[0].field == "squad");
  CHECK(c[0].squad == "platform");
  CHECK(c[1].entity == "feedback");
  CHECK(c[1].customer == "Acme");
  CHECK(c[1].links == std::vector<std::string>{"PAY-1"});
  CHECK(c[2].entity == "doc");
  CHECK(c[2].old_value == "draft");
  CHECK(c[2].new_value == "approved");
  // A move between squads belongs to both squads.
  HistoryFilter pay;
  pay.squads = {"payments"};
  auto p = h.log("HEAD", pay);
  REQUIRE(p.size() == 2);
  CHECK(p[0].changes.size() == 1);
  // With ids, feedback and docs that list the item come along.
  HistoryFilter one;
  one.items_only = false;
  one.ids = {"PAY-1"};
  auto o = h.log("HEAD", one);
  REQUIRE(o.size() == 2);
  REQUIRE(o[0].changes.size() == 2);
  CHECK(o[0].changes[0].entity == "feedback");
  CHECK(o[0].changes[1].entity == "doc");
}

TEST_CASE("history: the commit at a date, and committer dates in the committer's time zone")
{
  TempRepo r;
  r.commit({{"pops.yaml", k_config}}, "2026-09-01", "alice");
  r.commit({{"roadmap/a.yaml", roadmap("payments", "  - {id: PAY-1, title: A, status: idea}\n")}}, "2026-09-10",
           "alice");
  // Noon UTC at +13:00 is already the next day for the committer.
  r.commit({{"roadmap/a.yaml", roadmap("payments", "  - {id: PAY-1, title: A, status: planned}\n")}}, "2026-09-20",
           "alice", {}, 13 * 60);
  Repository repo = Repository::open(r.dir);
  History h(repo, r.dir, "");
  auto at = [&](const char* d) { return h.commit_at("HEAD", *parse_date(d)); };
  CHECK_FALSE(at("2026-08-31").has_value());
  REQUIRE(at("2026-09-01"));
  CHECK(format_date(commit_date(*at("2026-09-09"))) == "2026-09-01");
  CHECK(format_date(commit_date(*at("2026-09-10"))) == "2026-09-10");
  CHECK(format_date(commit_date(*at("2026-09-20"))) == "2026-09-10");
  CHECK(format_date(commit_date(*at("2026-09-21"))) == "2026-09-21");
  CHECK(h.log("HEAD")[0].date == "2026-09-21");
  CHECK_THROWS_WITH_AS(h.log("nosuch"), "unknown revision 'nosuch'", std::runtime_error);
}

TEST_CASE("history: diffing files changed in place element by element equals diffing whole workspaces")
{
  // Every commit's changes from log() must equal diff_workspaces of the two full trees.
  TempRepo r;
  random_history(r);
  Repository repo = Repository::open(r.dir);
  History h(repo, r.dir, "");
  HistoryFilter everything;
  everything.items_only = false;
  const auto log = h.log("HEAD", everything);
  // The reference: each commit against its parent, both loaded whole.
  std::map<std::string, std::vector<Change>> by_commit;
  for (const auto& e : log) {
    by_commit[e.commit.id] = e.changes;
  }
  git_revwalk* w = nullptr;
  REQUIRE(git_revwalk_new(&w, repo.raw()) == 0);
  git_revwalk_push_head(w);
  git_oid oid;
  int compared = 0;
  int with_changes = 0;
  while (git_revwalk_next(&oid, w) == 0) {
    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof hex, &oid);
    const std::string id = hex;
    git_commit* commit = nullptr;
    REQUIRE(git_commit_lookup(&commit, repo.raw(), &oid) == 0);
    const bool root = git_commit_parentcount(commit) == 0;
    git_commit_free(commit);
    if (root) {
      continue;
    }
    const Workspace before = load_workspace(r.dir, repo.tree_files(id + "^", ""));
    const Workspace after = load_workspace(r.dir, repo.tree_files(id, ""));
    const auto expected = diff_workspaces(before, after);
    const auto& got = by_commit[id];
    if (got.size() != expected.size()) {
      std::string g, x;
      for (const auto& c : got) {
        g +=
          std::string(kind_name(c.kind)) + " " + c.id + " " + c.field + " " + c.old_value + "->" + c.new_value + "; ";
      }
      for (const auto& c : expected) {
        x +=
          std::string(kind_name(c.kind)) + " " + c.id + " " + c.field + " " + c.old_value + "->" + c.new_value + "; ";
      }
      FAIL("commit " << id << ": log gives " << g << " but the full diff gives " << x);
    }
    for (size_t k = 0; k < got.size(); ++k) {
      INFO("commit " << id << " change " << k << ": " << got[k].id << " " << got[k].field);
      CHECK(got[k].kind == expected[k].kind);
      CHECK(got[k].id == expected[k].id);
      CHECK(got[k].field == expected[k].field);
      CHECK(got[k].old_value == expected[k].old_value);
      CHECK(got[k].new_value == expected[k].new_value);
      CHECK(got[k].file == expected[k].file);
      CHECK(got[k].loc.line == expected[k].loc.line);
      CHECK(got[k].loc.column == expected[k].loc.column);
      CHECK(got[k].title == expected[k].title);
    }
    ++compared;
    with_changes += got.empty() ? 0 : 1;
  }
  git_revwalk_free(w);
  CHECK(compared == 60);
  CHECK(with_changes > 50);
  // The metrics replay reads files changed in place element by element too: every figure equals
  // the one from whole files.
  const Workspace cfg = load_workspace(r.dir, {SourceFile{"pops.yaml", k_config}}, 1);
  for (auto period : {PeriodKind::month, PeriodKind::quarter}) {
    MetricsOptions o;
    o.period = period;
    o.until = *parse_date("2026-03-31");
    MetricsOptions whole = o;
    whole.whole_files = true;
    History h1(repo, r.dir, "");
    History h2(repo, r.dir, "");
    const std::string in_place = render_metrics_json(compute_metrics(h1, "HEAD", cfg.config, o));
    const std::string reference = render_metrics_json(compute_metrics(h2, "HEAD", cfg.config, whole));
    CHECK(in_place == reference);
    const auto j = nlohmann::json::parse(in_place);
    CHECK(j["commits"].get<int>() >= with_changes);
    int shipped = 0;
    for (const auto& row : j["rows"]) {
      shipped += row["shipped"].get<int>();
    }
    CHECK(shipped > 0);
  }
}

TEST_CASE("history: an entry appended to a feedback file")
{
  TempRepo r;
  const std::string one = "entries:\n  - {id: FB-1, date: 2026-01-02, source: support, quote: hi}\n";
  r.commit({{"pops.yaml", k_config}, {"feedback/f.yaml", one}}, "2026-09-01", "alice");
  r.commit({{"feedback/f.yaml", one + "  - {id: FB-2, date: 2026-01-03, source: sales, quote: more}\n"}}, "2026-09-02",
           "alice");
  Repository repo = Repository::open(r.dir);
  History h(repo, r.dir, "");
  HistoryFilter everything;
  everything.items_only = false;
  auto log = h.log("HEAD", everything);
  REQUIRE(log.size() == 2);
  REQUIRE(log[0].changes.size() == 1);
  CHECK(log[0].changes[0].id == "FB-2");
  CHECK(log[0].changes[0].loc.line == 3);
}

TEST_CASE("history cache: log and metrics are the same without it, cold, warm and from a damaged file")
{
  TempRepo r;
  random_history(r);
  // A pops.yaml change (every file read again) and a document, so every kind of fragment is kept.
  r.commit({{"pops.yaml", std::string(k_config) + "  growth: {prefix: GRO}\n"},
            {"docs/prd/a.md", "---\ntitle: A\ntype: prd\nstatus: approved\nitems: [PAY-1]\n---\n# A\n"}},
           "2026-03-01", "bob");
  Repository repo = Repository::open(r.dir);
  const std::string dir = r.dir + "/.git/pops";
  const Workspace cfg = load_workspace(r.dir, {SourceFile{"pops.yaml", k_config}}, 1);
  HistoryFilter everything;
  everything.items_only = false;
  size_t hits = 0;
  auto run = [&](bool cached) {
    History h(repo, r.dir, "");
    if (cached) {
      h.use_cache(dir);
    }
    std::string out = render_log_json(h.log("HEAD", everything));
    MetricsOptions o;
    o.until = *parse_date("2026-03-31");
    out += render_metrics_json(compute_metrics(h, "HEAD", cfg.config, o));
    HistoryFilter payments;
    payments.squads = {"payments"};
    payments.since = parse_date("2026-02-12");
    out += render_log_json(h.log("HEAD", payments));
    hits = h.cached_commits();
    return out;
  };
  const std::string reference = run(false);
  REQUIRE(reference.find("\"changes\": [\n") != std::string::npos);
  size_t commits = 0;
  git_revwalk* w = nullptr;
  REQUIRE(git_revwalk_new(&w, repo.raw()) == 0);
  git_revwalk_push_head(w);
  for (git_oid oid; git_revwalk_next(&oid, w) == 0;) {
    ++commits;
  }
  git_revwalk_free(w);
  REQUIRE(commits == 62);

  CHECK(run(true) == reference);  // cold: the first walk stores every commit, the others read it back
  const size_t cold_hits = hits;
  CHECK(cold_hits > commits);
  std::string file;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".history") {
      file = e.path().string();
    }
  }
  REQUIRE_FALSE(file.empty());
  CHECK(run(true) == reference);  // warm: nothing read from the commits' files
  const size_t warm_hits = hits;
  CHECK(warm_hits == cold_hits + commits);  // the first walk too

  auto read = [&] {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  auto write = [&](const std::string& bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << bytes;
  };
  const std::string good = read();
  REQUIRE(good.size() > 100);
  std::string flipped = good;
  flipped[flipped.size() / 2] ^= 0x20;
  for (const std::string& bad : {good.substr(0, good.size() - 7), flipped, std::string("not a cache"), std::string()}) {
    write(bad);
    CHECK(run(true) == reference);
    CHECK(read() == good);  // written again as it was
  }
  CHECK(run(true) == reference);
  CHECK(hits == warm_hits);
  // A replay first stores the commits without their changes; a log then stores them again with them.
  fs::remove_all(dir);
  {
    History h(repo, r.dir, "");
    h.use_cache(dir);
    MetricsOptions o;
    o.until = *parse_date("2026-03-31");
    (void)compute_metrics(h, "HEAD", cfg.config, o);
    CHECK(h.cached_commits() == 0);
  }
  CHECK(run(true) == reference);
  CHECK(run(true) == reference);
  CHECK(hits == warm_hits);
}

TEST_CASE("history cache: a record is read back only by the same build, workspace and folder")
{
  std::string tmpl = (fs::temp_directory_path() / "pops-hcache.XXXXXX").string();
  REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
  const std::string dir = tmpl;
  const std::string commit(40, 'a');
  {
    HistoryCache c(dir, "/ws", "", "build 1");
    HistoryFragment f;
    Item it;
    it.file = "roadmap/a.yaml";
    it.id.value = "PAY-1";
    it.id.set = true;
    f.items.push_back(it);
    HistoryCache::Record rec;
    rec.new_files.push_back({"roadmap/a.yaml", c.add_fragment(f)});
    rec.in_before = c.add_fragment({});
    rec.in_after = rec.in_before;
    Change ch;
    ch.kind = Change::Kind::added;
    ch.entity = "item";
    ch.id = "PAY-1";
    ch.loc.line = 3;
    rec.changes.push_back(ch);
    c.add(commit, rec);
    c.save();
  }
  {
    HistoryCache c(dir, "/ws", "", "build 1");
    const HistoryCache::Record* rec = c.find(commit);
    REQUIRE(rec != nullptr);
    REQUIRE(rec->changes.size() == 1);
    CHECK(rec->changes[0].id == "PAY-1");
    CHECK(rec->changes[0].loc.line == 3);
    REQUIRE(rec->new_files.size() == 1);
    auto f = c.fragment(rec->new_files[0].fragment);
    REQUIRE(f != nullptr);
    REQUIRE(f->items.size() == 1);
    CHECK(f->items[0].id.value == "PAY-1");
    CHECK(c.find(std::string(40, 'b')) == nullptr);
  }
  CHECK(HistoryCache(dir, "/ws", "", "build 2").find(commit) == nullptr);
  CHECK(HistoryCache(dir, "/other", "", "build 1").find(commit) == nullptr);
  CHECK(HistoryCache(dir, "/ws", "sub/", "build 1").find(commit) == nullptr);
  std::error_code ec;
  fs::remove_all(dir, ec);
}

TEST_CASE("diff_workspaces without additions is the full diff less what was added")
{
  auto item = [](const std::string& id, const std::string& squad, const std::string& status, const std::string& file) {
    Item it;
    it.id.value = id;
    it.id.set = true;
    it.squad.value = squad;
    it.squad.set = true;
    it.status.value = status;
    it.status.set = true;
    it.title.value = "Title of " + id;
    it.title.set = true;
    it.file = file;
    return it;
  };
  auto feedback = [](const std::string& id) {
    Feedback f;
    f.id.value = id;
    f.id.set = true;
    f.file = "feedback/f.yaml";
    return f;
  };
  Workspace from;
  Workspace to;
  from.items = {
    item("PAY-1", "payments", "planned", "roadmap/a.yaml"), item("PAY-2", "payments", "idea", "roadmap/a.yaml"),
    item("PAY-3", "payments", "idea", "roadmap/a.yaml"), item("PLAT-1", "platform", "idea", "roadmap/p.yaml")};
  to.items = {item("PAY-1", "payments", "shipped", "roadmap/a.yaml"),
              item("PAY-3", "platform", "idea", "roadmap/p.yaml"), item("PLAT-1", "platform", "idea", "roadmap/p.yaml"),
              item("PLAT-2", "platform", "idea", "roadmap/p.yaml"),
              item("PAY-9", "payments", "idea", "roadmap/b.yaml")};
  from.feedback = {feedback("FB-1"), feedback("FB-2")};
  to.feedback = {feedback("FB-2"), feedback("FB-3")};
  Doc d;
  d.file = "docs/new.md";
  to.docs.push_back(d);
  const auto all = diff_workspaces(from, to);
  const auto some = diff_workspaces(from, to, false);
  std::vector<Change> expected;
  for (const auto& c : all) {
    if (c.kind != Change::Kind::added) {
      expected.push_back(c);
    }
  }
  CHECK(all.size() > expected.size() + 3);  // PLAT-2, PAY-9, FB-3 and the document were added
  REQUIRE(some.size() == expected.size());
  for (size_t k = 0; k < some.size(); ++k) {
    CHECK(some[k].id == expected[k].id);
    CHECK(some[k].kind == expected[k].kind);
    CHECK(some[k].field == expected[k].field);
    CHECK(some[k].old_value == expected[k].old_value);
    CHECK(some[k].new_value == expected[k].new_value);
  }
}
