// Tests of the sample organization (lib/sample.*) and the libgit2 layer (lib/repo.*).

#include "git/repo.h"
#include "features/sample.h"

#include "helpers.h"

#include <doctest/doctest.h>
#include <git2.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

using pops::Date;
using pops::test::TempDir;
using FileMap = std::map<std::string, std::string>;

const std::vector<std::string> k_todays = {"2026-11-22", "2027-03-05", "2027-01-01",
                                           "2026-12-31", "2027-02-25", "2028-02-29"};

Date date_of(const std::string& text)
{
  auto d = pops::parse_date(text);
  REQUIRE(d.has_value());
  return *d;
}

bool ends_with(const std::string& s, const std::string& suffix)
{
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool starts_with(const std::string& s, const std::string& prefix)
{
  return s.rfind(prefix, 0) == 0;
}

/// The YAML front matter of a Markdown file (between the first line "---" and the next "---").
std::string front_matter(const std::string& md)
{
  REQUIRE(starts_with(md, "---\n"));
  const auto end = md.find("\n---\n", 3);
  REQUIRE(end != std::string::npos);
  return md.substr(4, end - 3);
}

/// The YAML text of a file: the file itself, or a Markdown file's front matter.
std::string yaml_text(const std::string& path, const std::string& content)
{
  return ends_with(path, ".md") ? front_matter(content) : content;
}

/// Walks `node`; returns the first key written twice in a mapping, or "".
std::string duplicate_key(const YAML::Node& node)
{
  if (node.IsMap()) {
    std::set<std::string> keys;
    for (const auto& kv : node) {
      const std::string key = kv.first.as<std::string>();
      if (!keys.insert(key).second) {
        return key;
      }
      const std::string inner = duplicate_key(kv.second);
      if (!inner.empty()) {
        return inner;
      }
    }
  } else if (node.IsSequence()) {
    for (const auto& child : node) {
      const std::string inner = duplicate_key(child);
      if (!inner.empty()) {
        return inner;
      }
    }
  }
  return "";
}

FileMap final_files(Date today)
{
  FileMap files;
  for (const auto& [path, content] : pops::sample_final_files(today)) {
    files[path] = content;
  }
  return files;
}

/// The workspace after each commit of the history.
std::vector<FileMap> states(const std::vector<pops::SampleCommit>& history)
{
  std::vector<FileMap> out;
  FileMap current;
  for (const auto& commit : history) {
    for (const auto& [path, content] : commit.files) {
      current[path] = content;
    }
    out.push_back(current);
  }
  return out;
}

struct Item {
  std::string id, squad, status, horizon, target;
  std::vector<std::string> depends_on;
};

/// Every roadmap item of a workspace state.
std::vector<Item> load_items(const FileMap& files)
{
  std::vector<Item> items;
  for (const auto& [path, content] : files) {
    if (!starts_with(path, "roadmap/")) {
      continue;
    }
    const YAML::Node root = YAML::Load(content);
    for (const auto& node : root["items"]) {
      Item item;
      item.id = node["id"].as<std::string>();
      item.squad = node["squad"] ? node["squad"].as<std::string>() : root["squad"].as<std::string>();
      item.status = node["status"].as<std::string>();
      item.horizon = node["horizon"] ? node["horizon"].as<std::string>() : "";
      item.target = node["target"] ? node["target"].as<std::string>() : "";
      if (node["depends_on"]) {
        item.depends_on = node["depends_on"].as<std::vector<std::string>>();
      }
      items.push_back(item);
    }
  }
  return items;
}

std::vector<YAML::Node> load_entries(const FileMap& files)
{
  std::vector<YAML::Node> entries;
  for (const auto& [path, content] : files) {
    if (starts_with(path, "feedback/")) {
      for (const auto& node : YAML::Load(content)["entries"]) {
        entries.push_back(node);
      }
    }
  }
  return entries;
}

int horizon_rank(const std::string& horizon)
{
  if (horizon == "now") {
    return 0;
  }
  if (horizon == "next") {
    return 1;
  }
  if (horizon == "later") {
    return 2;
  }
  return -1;  // a quarter (or unset): compared with quarters only
}

/// Checks the rules `pops check` applies to items, feedback, docs and notes as of `day`.
void check_state(const FileMap& files, Date day)
{
  const YAML::Node config = YAML::Load(files.at("pops.yaml"));
  const auto items = load_items(files);
  std::map<std::string, Item> by_id;
  for (const auto& item : items) {
    CHECK_MESSAGE(by_id.emplace(item.id, item).second, "duplicate id ", item.id);
  }
  std::map<std::string, int> wip;
  for (const auto& item : items) {
    const std::string prefix = config["squads"][item.squad]["prefix"].as<std::string>();
    CHECK(starts_with(item.id, prefix + "-"));
    if (item.status == "in-progress") {
      ++wip[item.squad];
    }
    if (!item.target.empty() && item.status != "shipped" && item.status != "dropped") {
      CHECK_MESSAGE(date_of(item.target) >= day, item.id, " target ", item.target, " passed");
    }
    for (const auto& dep : item.depends_on) {
      REQUIRE_MESSAGE(by_id.count(dep) == 1, item.id, " depends on missing ", dep);
      const Item& other = by_id[dep];
      if (item.status == "dropped" || other.status == "dropped") {
        continue;
      }
      const int a = horizon_rank(item.horizon);
      const int b = horizon_rank(other.horizon);
      if (a >= 0 && b >= 0) {
        CHECK_MESSAGE(a >= b, item.id, " is planned before its dependency ", dep);
      } else if (a < 0 && b < 0) {
        CHECK_MESSAGE(item.horizon >= other.horizon, item.id, " quarter before ", dep);
      }
      if (item.status == "shipped") {
        CHECK_MESSAGE(other.status == "shipped", item.id, " shipped before ", dep);
      }
    }
  }
  for (const auto& [squad_key, count] : wip) {
    const auto& squad = squad_key;  // clang 14 cannot capture a structured binding
    CHECK_MESSAGE(count <= config["squads"][squad]["wip_limit"].as<int>(), squad, " over wip");
  }
  for (const auto& entry : load_entries(files)) {
    CHECK(date_of(entry["date"].as<std::string>()) <= day);
    CHECK((entry["quote"] || entry["summary"]));
    if (entry["items"]) {
      for (const auto& ref : entry["items"].as<std::vector<std::string>>()) {
        CHECK_MESSAGE(by_id.count(ref) == 1, entry["id"].as<std::string>(), " names missing ", ref);
      }
    }
  }
  for (const auto& [path_key, content] : files) {
    const auto& path = path_key;  // clang 14 cannot capture a structured binding
    if (!ends_with(path, ".md")) {
      continue;
    }
    const YAML::Node fm = YAML::Load(front_matter(content));
    if (fm["items"]) {
      for (const auto& ref : fm["items"].as<std::vector<std::string>>()) {
        CHECK_MESSAGE(by_id.count(ref) == 1, path, " names missing ", ref);
      }
    }
    if (fm["reviewed"]) {
      CHECK(date_of(fm["reviewed"].as<std::string>()) <= day);
      CHECK(date_of(fm["created"].as<std::string>()) <= date_of(fm["reviewed"].as<std::string>()));
    }
    if (starts_with(path, "rituals/")) {
      CHECK(path == "rituals/" + fm["ritual"].as<std::string>() + "/" + fm["date"].as<std::string>() + ".md");
      CHECK(config["rituals"][fm["ritual"].as<std::string>()]);
      for (const auto& action : fm["actions"]) {
        if (!action["done"].as<bool>()) {
          CHECK(date_of(action["due"].as<std::string>()) >= day);
        }
      }
    }
  }
}

int count_commits(git_repository* repo)
{
  git_revwalk* walk = nullptr;
  REQUIRE(git_revwalk_new(&walk, repo) == 0);
  REQUIRE(git_revwalk_push_head(walk) == 0);
  int count = 0;
  git_oid oid;
  while (git_revwalk_next(&oid, walk) == 0) {
    ++count;
  }
  git_revwalk_free(walk);
  return count;
}

/// The oldest commit reachable from HEAD.
git_commit* first_commit(git_repository* repo)
{
  git_revwalk* walk = nullptr;
  REQUIRE(git_revwalk_new(&walk, repo) == 0);
  git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
  REQUIRE(git_revwalk_push_head(walk) == 0);
  git_oid oid;
  REQUIRE(git_revwalk_next(&oid, walk) == 0);
  git_revwalk_free(walk);
  git_commit* commit = nullptr;
  REQUIRE(git_commit_lookup(&commit, repo, &oid) == 0);
  return commit;
}

/// The content of `path` in HEAD's tree, or "<missing>".
std::string head_file(git_repository* repo, const std::string& path)
{
  git_object* obj = nullptr;
  if (git_revparse_single(&obj, repo, ("HEAD:" + path).c_str()) != 0) {
    return "<missing>";
  }
  git_blob* blob = reinterpret_cast<git_blob*>(obj);
  std::string content(static_cast<const char*>(git_blob_rawcontent(blob)), static_cast<size_t>(git_blob_rawsize(blob)));
  git_object_free(obj);
  return content;
}

}  // namespace

TEST_CASE("sample history: dates, authors and files")
{
  for (const auto& text : k_todays) {
    CAPTURE(text);
    const Date today = date_of(text);
    const auto history = pops::sample_history(today);
    REQUIRE(history.size() >= 12);
    REQUIRE(history.size() <= 15);
    const FileMap final = final_files(today);
    const YAML::Node config = YAML::Load(final.at("pops.yaml"));
    std::string previous;
    for (const auto& commit : history) {
      CAPTURE(commit.date);
      CHECK(date_of(commit.date) < today);
      CHECK(commit.date > previous);
      previous = commit.date;
      CHECK_FALSE(commit.files.empty());
      CHECK_FALSE(commit.message.empty());
      const YAML::Node who = config["people"][commit.author];
      REQUIRE(who);
      CHECK(who["name"].as<std::string>() == commit.author_name);
      CHECK(who["email"].as<std::string>() == commit.author_email);
      // The commit time falls on the commit's date in its time zone.
      const long long local = commit.time + commit.tz_offset_minutes * 60LL;
      CHECK(pops::format_date(Date{static_cast<int>(local / 86400)}) == commit.date);
    }
    const int first_age = today.days - date_of(history.front().date).days;
    const int last_age = today.days - date_of(history.back().date).days;
    CHECK(first_age >= 85);
    CHECK(first_age <= 95);
    CHECK(last_age >= 1);
    CHECK(last_age <= 7);
    CHECK(config["version"].as<int>() == 1);
  }
}

TEST_CASE("sample history: every YAML text parses and has no duplicate keys")
{
  for (const auto& text : k_todays) {
    CAPTURE(text);
    for (const auto& commit : pops::sample_history(date_of(text))) {
      for (const auto& [path_key, content] : commit.files) {
        const auto& path = path_key;  // clang 14 cannot capture a structured binding
        CAPTURE(path);
        CHECK((ends_with(path, ".yaml") || ends_with(path, ".md")));
        CHECK(content.find('\t') == std::string::npos);
        CHECK(content.back() == '\n');
        YAML::Node root;
        REQUIRE_NOTHROW(root = YAML::Load(yaml_text(path, content)));
        CHECK(root.IsMap());
        CHECK(duplicate_key(root) == "");
      }
    }
  }
}

TEST_CASE("sample: the final files are the latest versions of the history's files")
{
  for (const auto& text : k_todays) {
    CAPTURE(text);
    const Date today = date_of(text);
    const auto history = pops::sample_history(today);
    CHECK(states(history).back() == final_files(today));
    // Deterministic for a given day.
    CHECK(pops::sample_final_files(today) == pops::sample_final_files(today));
  }
}

TEST_CASE("sample: shape of the final workspace")
{
  const Date today = date_of("2026-11-22");
  const FileMap files = final_files(today);
  const YAML::Node config = YAML::Load(files.at("pops.yaml"));
  CHECK(config["squads"].size() == 3);
  CHECK(config["people"].size() >= 7);
  CHECK(config["people"].size() <= 9);
  CHECK(config["rituals"]["sprint-review"]["cadence"]["on"].as<std::string>() == "thursday");
  CHECK(config["docs"]["types"]["prd"]["review_every"].as<std::string>() == "90 days");
  CHECK(config["rules"]["doc-stale"]["pilot"][0].as<std::string>() == "payments");

  const auto items = load_items(files);
  CHECK(items.size() >= 28);
  CHECK(items.size() <= 32);
  std::map<std::string, int> statuses;
  std::set<std::string> horizons;
  for (const auto& item : items) {
    ++statuses[item.status];
    horizons.insert(item.horizon);
  }
  for (const char* status : {"idea", "discovery", "planned", "in-progress", "shipped", "dropped"}) {
    CHECK_MESSAGE(statuses[status] > 0, status);
  }
  CHECK(horizons.count("now") == 1);
  CHECK(horizons.count("next") == 1);
  CHECK(horizons.count("later") == 1);
  CHECK(horizons.count("2027-Q2") == 1);  // two quarters after 2026-Q4
  CHECK(horizons.count("2027-Q3") == 1);

  const auto entries = load_entries(files);
  CHECK(entries.size() >= 38);
  CHECK(entries.size() <= 42);
  std::set<std::string> ids;
  std::string previous_date;
  for (size_t i = 0; i < entries.size(); ++i) {
    // Month files hold their month's entries; ids follow the dates.
    ids.insert(entries[i]["id"].as<std::string>());
    const std::string date = entries[i]["date"].as<std::string>();
    CHECK(date >= previous_date);
    previous_date = date;
  }
  CHECK(ids.size() == entries.size());
  for (const auto& [path, content] : files) {
    if (starts_with(path, "feedback/")) {
      for (const auto& entry : YAML::Load(content)["entries"]) {
        CHECK(path == "feedback/" + entry["date"].as<std::string>().substr(0, 7) + ".yaml");
      }
    }
  }

  int prds = 0;
  int decisions = 0;
  int reviews = 0;
  int syncs = 0;
  for (const auto& [path, content] : files) {
    prds += starts_with(path, "docs/prd/") ? 1 : 0;
    decisions += starts_with(path, "docs/decisions/") ? 1 : 0;
    reviews += starts_with(path, "rituals/sprint-review/") ? 1 : 0;
    syncs += starts_with(path, "rituals/strategy-sync/") ? 1 : 0;
  }
  CHECK(prds == 11);
  CHECK(decisions >= 1);
  CHECK(decisions <= 2);
  CHECK(reviews >= 3);
  CHECK(reviews <= 5);
  CHECK(syncs >= 2);
  CHECK(syncs <= 3);
}

TEST_CASE("sample: PRDs carry their required sections")
{
  for (const auto& [path_key, content] : final_files(date_of("2027-03-05"))) {
    const auto& path = path_key;  // clang 14 cannot capture a structured binding
    if (!starts_with(path, "docs/prd/")) {
      continue;
    }
    CAPTURE(path);
    for (const char* heading : {"## Problem\n", "## Goals\n", "## Non-goals\n", "## Success metrics\n"}) {
      CHECK(content.find(heading) != std::string::npos);
    }
  }
}

TEST_CASE("sample: sprint reviews fall on Thursdays two weeks apart")
{
  const FileMap files = final_files(date_of("2027-03-05"));
  std::vector<Date> days;
  for (const auto& [path, content] : files) {
    if (starts_with(path, "rituals/sprint-review/")) {
      days.push_back(date_of(path.substr(22, 10)));
    }
  }
  REQUIRE(days.size() >= 3);
  for (size_t i = 0; i < days.size(); ++i) {
    CHECK(pops::weekday(days[i]) == 3);
    if (i > 0) {
      CHECK(days[i].days - days[i - 1].days == 14);
    }
  }
}

TEST_CASE("sample: every state of the history is consistent, the last one warning-free")
{
  for (const auto& text : k_todays) {
    CAPTURE(text);
    const Date today = date_of(text);
    const auto history = pops::sample_history(today);
    const auto all = states(history);
    for (size_t i = 0; i < all.size(); ++i) {
      CAPTURE(history[i].date);
      check_state(all[i], date_of(history[i].date));
    }
    check_state(all.back(), today);
  }
}

TEST_CASE("sample: four years of days give ordered histories on weekdays")
{
  // The commit dates depend on the last Thursday before today; stepping 11 days meets every week
  // with every offset of today from it over time.
  const Date first = date_of("2026-01-01");
  const Date last = date_of("2029-12-31");
  for (Date today = first; today <= last; today.days += 11) {
    const auto history = pops::sample_history(today);
    std::string previous;
    bool ok = true;
    for (const auto& commit : history) {
      const Date day = date_of(commit.date);
      ok = ok && commit.date > previous && day < today && pops::weekday(day) < 5 && !commit.files.empty();
      previous = commit.date;
    }
    if (!ok) {
      FAIL_CHECK("bad history for today = ", pops::format_date(today));
    }
    if ((today.days - first.days) % 33 == 0) {
      CAPTURE(pops::format_date(today));
      check_state(final_files(today), today);
    }
  }
}

TEST_CASE("sample: the history moves items through the workflow")
{
  const Date today = date_of("2026-11-22");
  const auto all = states(pops::sample_history(today));
  std::map<std::string, std::vector<std::string>> statuses;
  std::map<std::string, std::set<std::string>> horizons;
  std::map<std::string, std::set<std::string>> targets;
  for (const auto& state : all) {
    for (const auto& item : load_items(state)) {
      auto& seen = statuses[item.id];
      if (seen.empty() || seen.back() != item.status) {
        seen.push_back(item.status);
      }
      horizons[item.id].insert(item.horizon);
      if (!item.target.empty()) {
        targets[item.id].insert(item.target);
      }
    }
  }
  const std::vector<std::string> k_order = {"idea", "discovery", "planned", "in-progress", "shipped"};
  int moved = 0;
  int slipped = 0;
  int rehorizoned = 0;
  for (const auto& [id_key, seen] : statuses) {
    const auto& id = id_key;  // clang 14 cannot capture a structured binding
    CAPTURE(id);
    // Forward only (or out to dropped).
    for (size_t i = 1; i < seen.size(); ++i) {
      if (seen[i] == "dropped") {
        continue;
      }
      const auto a = std::find(k_order.begin(), k_order.end(), seen[i - 1]);
      const auto b = std::find(k_order.begin(), k_order.end(), seen[i]);
      CHECK(a < b);
    }
    moved += seen.size() > 1 ? 1 : 0;
    slipped += targets[id].size() > 1 ? 1 : 0;
    rehorizoned += horizons[id].size() > 1 ? 1 : 0;
  }
  CHECK(moved >= 15);
  CHECK(slipped >= 1);
  CHECK(rehorizoned >= 1);
  CHECK(all.front().count("roadmap/payments.yaml") == 1);
  CHECK(all.back().at("roadmap/payments.yaml").find("# slipped from") != std::string::npos);
}

TEST_CASE("repo: init_repo and commit_files write a history libgit2 reads back")
{
  TempDir tmp;
  const std::string dir = (tmp.path / "ws").string();
  pops::init_repo(dir);
  CHECK(pops::inside_git_repo(dir));
  CHECK(pops::inside_git_repo(dir + "/not/yet/created"));

  const auto history = pops::sample_history(date_of("2026-11-22"));
  pops::commit_sample_history(dir, date_of("2026-11-22"));

  pops::GitLibrary lib;
  git_repository* repo = nullptr;
  REQUIRE(git_repository_open(&repo, dir.c_str()) == 0);
  CHECK(count_commits(repo) == static_cast<int>(history.size()));

  git_reference* head = nullptr;
  REQUIRE(git_repository_head(&head, repo) == 0);
  CHECK(std::string(git_reference_name(head)) == "refs/heads/main");
  git_reference_free(head);

  git_commit* first = first_commit(repo);
  CHECK(git_commit_author(first)->when.time == history.front().time);
  CHECK(git_commit_author(first)->when.offset == history.front().tz_offset_minutes);
  CHECK(std::string(git_commit_author(first)->name) == history.front().author_name);
  CHECK(std::string(git_commit_committer(first)->email) == history.front().author_email);
  CHECK(git_commit_parentcount(first) == 0);
  CHECK(std::string(git_commit_message(first)) == history.front().message);
  git_commit_free(first);

  const auto final_files_list = pops::sample_final_files(date_of("2026-11-22"));
  for (const auto& [path_key, content] : final_files_list) {
    const auto& path = path_key;  // clang 14 cannot capture a structured binding
    CAPTURE(path);
    CHECK(head_file(repo, path) == content);
  }
  CHECK(head_file(repo, "pops.yaml").find("product: Acme Cloud") != std::string::npos);

  git_status_list* status = nullptr;
  git_status_options opts;
  git_status_options_init(&opts, GIT_STATUS_OPTIONS_VERSION);
  opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED;
  REQUIRE(git_status_list_new(&status, repo, &opts) == 0);
  CHECK(git_status_list_entrycount(status) == 0);  // work tree clean
  git_status_list_free(status);
  git_repository_free(repo);
}

TEST_CASE("repo: commit_files removes files and refuses paths outside the work tree")
{
  TempDir tmp;
  const std::string dir = tmp.path.string();
  pops::init_repo(dir);
  const pops::CommitInfo info{"First", "Alice Park", "alice@acme.example", 1'790'000'000, -300};
  pops::commit_files(dir, {{"a/b.txt", "one\n"}, {"c.txt", "two\n"}}, {}, info);
  CHECK(fs::exists(tmp.path / "a" / "b.txt"));
  pops::commit_files(dir, {}, {"c.txt"}, pops::CommitInfo{"Second", "Bo", "bo@x", 1'790'000'100, 0});
  CHECK_FALSE(fs::exists(tmp.path / "c.txt"));

  pops::GitLibrary lib;
  git_repository* repo = nullptr;
  REQUIRE(git_repository_open(&repo, dir.c_str()) == 0);
  CHECK(count_commits(repo) == 2);
  CHECK(head_file(repo, "a/b.txt") == "one\n");
  CHECK(head_file(repo, "c.txt") == "<missing>");
  git_repository_free(repo);

  CHECK_THROWS_AS(pops::commit_files(dir, {{"../escape.txt", "x"}}, {}, info), std::runtime_error);
  CHECK_THROWS_AS(pops::commit_files(dir, {{"/abs.txt", "x"}}, {}, info), std::runtime_error);
  CHECK_THROWS_AS(pops::commit_files(dir, {{".git/config", "x"}}, {}, info), std::runtime_error);
  CHECK_FALSE(fs::exists(tmp.path.parent_path() / "escape.txt"));
  CHECK_THROWS_WITH(pops::commit_files((tmp.path / "nope").string(), {}, {}, info),
                    doctest::Contains("cannot open repository"));
}

TEST_CASE("repo: inside_git_repo is false outside any repository")
{
  if (std::getenv("GIT_DIR") != nullptr) {
    return;  // the environment names a repository for every folder
  }
  TempDir tmp;
  // temp_directory_path() is normally not inside a repository; skip when it is.
  if (pops::inside_git_repo(tmp.path.parent_path().string())) {
    return;
  }
  CHECK_FALSE(pops::inside_git_repo(tmp.path.string()));
  CHECK_FALSE(pops::inside_git_repo((tmp.path / "missing" / "deeper").string()));
}

TEST_CASE("repo: a repository owned by another user is found but not written to")
{
  if (::geteuid() != 0) {
    return;  // only root can hand a folder to another user
  }
  TempDir tmp;
  const std::string dir = (tmp.path / "theirs").string();
  pops::init_repo(dir);
  fs::create_directories(tmp.path / "theirs" / "sub");
  for (const auto& entry : fs::recursive_directory_iterator(tmp.path / "theirs")) {
    REQUIRE(::lchown(entry.path().c_str(), 65534, 65534) == 0);
  }
  REQUIRE(::lchown(dir.c_str(), 65534, 65534) == 0);
  CHECK(pops::inside_git_repo(dir + "/sub"));
  const pops::CommitInfo info{"x", "A", "a@x", 1, 0};
  CHECK_THROWS_WITH(pops::commit_files(dir, {{"a.txt", "x\n"}}, {}, info), doctest::Contains("dubious ownership"));
}

namespace {

/// The PRDs of `files` not reviewed within their 90 days on `day` (doc-stale's test, by hand).
std::set<std::string> stale_prds(const FileMap& files, Date day)
{
  std::set<std::string> out;
  for (const auto& [path, content] : files) {
    if (starts_with(path, "docs/prd/")) {
      const YAML::Node fm = YAML::Load(front_matter(content));
      if (date_of(fm["reviewed"].as<std::string>()).days + 90 < day.days) {
        out.insert(path.substr(9));
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE("sample: payments pilots doc-stale from the second sprint review and re-reads its PRDs")
{
  for (const auto& text : k_todays) {
    CAPTURE(text);
    const Date today = date_of(text);
    const auto history = pops::sample_history(today);
    const auto all = states(history);
    REQUIRE(history.size() == 14);
    // The pilot starts with the second sprint review (index 7), 43 to 49 days before today.
    const Date start = date_of(history[7].date);
    CHECK(today.days - start.days >= 43);
    CHECK(today.days - start.days <= 49);
    const std::string pilot = "doc-stale: {severity: warning, pilot: [payments]}";
    CHECK(all[6].at("pops.yaml").find(pilot) == std::string::npos);
    CHECK(all[7].at("pops.yaml").find(pilot) != std::string::npos);
    CHECK(all.back().at("pops.yaml").find(pilot) != std::string::npos);
    // The day before the pilot: four of payments' six PRDs are stale, three of the others' six.
    const std::set<std::string> before = {
      "audit-log-export.md",  "dunning-emails.md",           "invoice-pdf-redesign.md", "onboarding-checklist.md",
      "sepa-direct-debit.md", "stripe-billing-migration.md", "webhooks-v2.md"};
    CHECK(stale_prds(all[6], Date{start.days - 1}) == before);
    // Today: payments re-read all of them; the others' stay as they were.
    const std::set<std::string> after = {"audit-log-export.md", "onboarding-checklist.md", "webhooks-v2.md"};
    CHECK(stale_prds(all.back(), today) == after);
    // wip-limit: piloted with platform from the third commit, rolled out with the eleventh.
    CHECK(all[1].at("pops.yaml").find("wip-limit") == std::string::npos);
    CHECK(all[2].at("pops.yaml").find("wip-limit: {severity: warning, pilot: [platform]}") != std::string::npos);
    CHECK(all[9].at("pops.yaml").find("pilot: [platform]") != std::string::npos);
    CHECK(all[10].at("pops.yaml").find("wip-limit: warning") != std::string::npos);
    CHECK(all[10].at("pops.yaml").find("pilot: [platform]") == std::string::npos);
  }
}
