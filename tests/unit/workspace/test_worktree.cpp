// The working tree (lib/workspace/worktree.cpp): which paths are workspace files, paths confined to a
// folder (links followed), finding the workspace upward, and reading the files with findings for
// what cannot be read.

#include "workspace/workspace.h"

#include "../helpers.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace pops;
using pops::test::TempDir;
namespace fs = std::filesystem;

TEST_CASE("classify: each kind of workspace file by its path; dot names and other files are none")
{
  CHECK(classify("pops.yaml") == FileKind::config);
  CHECK(classify("customers.yaml") == FileKind::customers);
  CHECK(classify("roadmap/payments.yaml") == FileKind::roadmap);
  CHECK(classify("roadmap/sub/a.yml") == FileKind::roadmap);
  CHECK(classify("feedback/2026-11.yaml") == FileKind::feedback);
  CHECK(classify("metrics/adoption.yaml") == FileKind::metrics);
  CHECK(classify("docs/prd/a.md") == FileKind::doc);
  CHECK(classify("docs/README.md") == FileKind::doc_index);
  CHECK(classify("docs/prd/README.md") == FileKind::none);
  CHECK(classify("rituals/sprint-review/2026-11-19.md") == FileKind::ritual);
  CHECK(classify("roadmap/.drafts/x.yaml") == FileKind::none);
  CHECK(classify(".pops/schema.json") == FileKind::none);
  CHECK(classify("roadmap/notes.md") == FileKind::none);
  CHECK(classify("src/pops.yaml") == FileKind::none);
  CHECK(classify("roadmap.yaml") == FileKind::none);
}

TEST_CASE("is_workspace_data: pops.yaml and the data folders, nothing else at the top")
{
  CHECK(is_workspace_data("pops.yaml"));
  CHECK(is_workspace_data("templates/prd.md"));
  CHECK(is_workspace_data(".git/config"));
  CHECK(is_workspace_data("roadmap/a.yaml"));
  CHECK_FALSE(is_workspace_data("notes.txt"));
  CHECK_FALSE(is_workspace_data("exports/roadmap.csv"));
  CHECK_FALSE(is_workspace_data("roadmap"));
}

TEST_CASE("confine_path: a file of the folder, normalized; outside, empty, a folder or through a link out: refused")
{
  TempDir t;
  const std::string root = t.path.string();
  CHECK(confine_path(root, "metrics/./a.yaml", "metrics", "--to") == "metrics/a.yaml");
  CHECK(confine_path(root, root + "/metrics/b.yaml", "metrics", "--to") == "metrics/b.yaml");
  CHECK(confine_path(root, "out.csv", "", "-o") == "out.csv");
  CHECK_THROWS_WITH_AS(confine_path(root, "../x.yaml", "metrics", "--to"),
                       "--to '../x.yaml' is outside the workspace; it must be a file in metrics/ of the workspace",
                       PathError);
  CHECK_THROWS_WITH_AS(confine_path(root, "roadmap/a.yaml", "metrics", "--to"),
                       "--to 'roadmap/a.yaml' is outside metrics/; it must be a file in metrics/ of the workspace",
                       PathError);
  CHECK_THROWS_WITH_AS(confine_path(root, "", "metrics", "--to"),
                       "--to '' is empty; it must be a file in metrics/ of the workspace", PathError);
  CHECK_THROWS_WITH_AS(confine_path(root, "sub/out.csv", "", "-o"),
                       "-o 'sub/out.csv' is outside the workspace's top folder; it must be a file in the "
                       "workspace's top folder of the workspace",
                       PathError);
  fs::create_directories(t.path / "metrics");
  fs::create_directories(t.path / "roadmap");
  fs::create_symlink("../roadmap/a.yaml", t.path / "metrics" / "sneaky.yaml");
  CHECK_THROWS_WITH_AS(
    confine_path(root, "metrics/sneaky.yaml", "metrics", "--to"),
    "--to 'metrics/sneaky.yaml' leads through a symbolic link to 'roadmap/a.yaml', outside metrics/; "
    "it must be a file in metrics/ of the workspace",
    PathError);
  fs::create_symlink("b.yaml", t.path / "metrics" / "alias.yaml");
  CHECK(confine_path(root, "metrics/alias.yaml", "metrics", "--to") == "metrics/alias.yaml");
}

TEST_CASE("find_workspace: the nearest folder upward that holds pops.yaml")
{
  TempDir t;
  fs::create_directories(t.path / "product" / "roadmap" / "deep");
  t.write("product/pops.yaml", "version: 1\n");
  CHECK(find_workspace((t.path / "product" / "roadmap" / "deep").string()) == (t.path / "product").string());
  CHECK(find_workspace((t.path / "product").string()) == (t.path / "product").string());
  CHECK_FALSE(find_workspace(t.path.string()).has_value());
}

TEST_CASE("read_worktree: the workspace files only, sorted; a link out is a finding, not read")
{
  TempDir t;
  t.write("pops.yaml", "version: 1\n");
  t.write("roadmap/b.yaml", "items: []\n");
  t.write("roadmap/a.yaml", "items: []\n");
  t.write("roadmap/.hidden/x.yaml", "items: []\n");
  t.write("notes.txt", "not pops\n");
  t.write("docs/prd/a.md", "---\ntype: prd\n---\n");
  TempDir outside;
  outside.write("evil.yaml", "items: []\n");
  fs::create_symlink(outside.path / "evil.yaml", t.path / "roadmap" / "link.yaml");
  std::vector<Finding> findings;
  const auto files = read_worktree(t.path.string(), findings);
  std::vector<std::string> paths;
  for (const auto& f : files) {
    paths.push_back(f.path);
  }
  CHECK(paths == std::vector<std::string>{"docs/prd/a.md", "pops.yaml", "roadmap/a.yaml", "roadmap/b.yaml"});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].file == "roadmap/link.yaml");
  CHECK(findings[0].loc.line == 1);
}
