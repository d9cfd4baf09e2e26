#include "features/editor_schemas.h"
#include "edit/org.h"
#include "features/jsonschema.h"
#include "helpers.h"

#include "schema_fixture.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace {

using schema_fixture::config;
using schema_fixture::k_config;

}  // namespace

TEST_CASE("VS Code settings: created, merged keeping everything else, refused when not plain JSON")
{
  std::string problem;
  auto fresh = pops::merge_vscode_settings("", problem);
  REQUIRE(fresh);
  const json created = json::parse(*fresh);
  CHECK(created.at("yaml.schemas").at("./.pops/schema/roadmap.schema.json")
        == json::array({"roadmap/*.yaml", "roadmap/*.yml", "roadmap/**/*.yaml", "roadmap/**/*.yml"}));
  CHECK(created.at("yaml.schemas").at("./.pops/schema/pops.schema.json") == json::array({"pops.yaml"}));
  CHECK_FALSE(created.at("yaml.schemas").contains("./.pops/schema/doc.schema.json"));  // Markdown: not YAML

  const std::string existing = R"({"editor.tabSize": 2, "yaml.schemas": {"./k8s.json": ["deploy/*.yaml"],
    "./.pops/schema/old.schema.json": ["x.yaml"]}, "files.eol": "\n"})";
  auto merged = pops::merge_vscode_settings(existing, problem);
  REQUIRE(merged);
  const nlohmann::ordered_json m = nlohmann::ordered_json::parse(*merged);
  CHECK(m.at("editor.tabSize") == 2);
  CHECK(m.at("files.eol") == "\n");
  CHECK(m.begin().key() == "editor.tabSize");  // order kept
  CHECK(m.at("yaml.schemas").at("./k8s.json") == nlohmann::ordered_json::array({"deploy/*.yaml"}));
  CHECK_FALSE(m.at("yaml.schemas").contains("./.pops/schema/old.schema.json"));
  CHECK(m.at("yaml.schemas").contains("./.pops/schema/feedback.schema.json"));
  // Merging again changes nothing.
  CHECK(pops::merge_vscode_settings(*merged, problem) == merged);

  problem.clear();
  CHECK_FALSE(pops::merge_vscode_settings("{\"a\": 1,,}", problem));
  CHECK(problem.find("not JSON, even with comments and trailing commas") != std::string::npos);
  CHECK_FALSE(pops::merge_vscode_settings("{\"a\": /* never closed }", problem));
  CHECK_FALSE(pops::merge_vscode_settings("[1, 2]", problem));
  CHECK(problem == "it is not a JSON object");
  CHECK_FALSE(pops::merge_vscode_settings(R"({"yaml.schemas": []})", problem));
  CHECK(problem.find("yaml.schemas") != std::string::npos);
  CHECK(json::parse(pops::vscode_schema_entries()).at("yaml.schemas").size()
        == 4);  // pops.yaml, roadmap, feedback, customers.yaml
}

TEST_CASE("settings.json as JSONC: comments, trailing commas and the layout are kept; only yaml.schemas changes")
{
  std::string problem;
  // No yaml.schemas yet: one member added at the end, at the file's indentation, a trailing comma kept.
  const std::string a =
    "// Workspace settings\n{\n    // tabs, not spaces\n    \"editor.insertSpaces\": false, /* why */\n"
    "    \"files.eol\": \"\\n\",\n}\n";
  auto ma = pops::merge_vscode_settings(a, problem);
  REQUIRE(ma);
  CHECK(
    ma->starts_with("// Workspace settings\n{\n    // tabs, not spaces\n    \"editor.insertSpaces\": false, /* why */\n"
                    "    \"files.eol\": \"\\n\",\n    \"yaml.schemas\": {\n        "
                    "\"./.pops/schema/pops.schema.json\": [\"pops.yaml\"],\n"));
  CHECK(ma->ends_with("\n    },\n}\n"));
  CHECK(pops::merge_vscode_settings(*ma, problem) == ma);  // again: nothing to change
  // yaml.schemas with comments: other mappings and comments stay, a stale entry of ours goes, ours added.
  const std::string b =
    "{\r\n  \"yaml.schemas\": {\r\n    // kubernetes\r\n    \"./k8s.json\": [\"deploy/*.yaml\"],\r\n"
    "    \"./.pops/schema/old.schema.json\": [\"x.yaml\"],\r\n  },\r\n  \"editor.tabSize\": 2 // two\r\n}\r\n";
  auto mb = pops::merge_vscode_settings(b, problem);
  REQUIRE(mb);
  CHECK(
    mb->find("    // kubernetes\r\n    \"./k8s.json\": [\"deploy/*.yaml\"],\r\n    \"./.pops/schema/pops.schema.json\"")
    != std::string::npos);
  CHECK(mb->find("old.schema.json") == std::string::npos);
  CHECK(mb->find("  \"editor.tabSize\": 2 // two\r\n}\r\n") != std::string::npos);
  CHECK(mb->find('\n') == mb->find("\r\n") + 1);  // CRLF kept
  CHECK(mb->find("\"./.pops/schema/feedback.schema.json\": ") != std::string::npos);
  CHECK(mb->find("\"./.pops/schema/roadmap.schema.json\": ") != std::string::npos);
  CHECK(mb->find("],\r\n  },\r\n  \"editor.tabSize\"") != std::string::npos);  // its trailing comma kept
  CHECK(pops::merge_vscode_settings(*mb, problem) == mb);
  // A changed entry of ours: only its value is replaced.
  std::string c = *mb;
  const std::string from = "[\"pops.yaml\"]";
  c.replace(c.find(from), from.size(), "[\"other.yaml\"] /* mine */");
  auto mc = pops::merge_vscode_settings(c, problem);
  REQUIRE(mc);
  CHECK(mc->find("[\"pops.yaml\"] /* mine */") != std::string::npos);
  // One line stays one line.
  auto md = pops::merge_vscode_settings("{\"a\": 1, \"yaml.schemas\": {\"./k.json\": \"k.yaml\"}}", problem);
  REQUIRE(md);
  CHECK(
    md->starts_with("{\"a\": 1, \"yaml.schemas\": {\"./k.json\": \"k.yaml\", \"./.pops/schema/pops.schema.json\": "));
  CHECK(md->find('\n') == std::string::npos);
}

TEST_CASE("a write that changes pops.yaml is checked for schema-stale over the files it leaves, and refreshes them")
{
  pops::test::TempDir dir;
  dir.write("pops.yaml", k_config);
  const pops::Config cfg = config();
  // Wired for an editor, current: no finding on disk.
  pops::write_files(dir.path.string(), pops::editor_wiring(dir.path.string(), cfg).files);
  CHECK(pops::stale_schema_findings(dir.path.string(), cfg).empty());

  pops::EditSession s = pops::EditSession::of(dir.path.string(), {{"pops.yaml", k_config}});
  pops::SquadSpec squad;
  squad.id = "search";
  squad.prefix = "SRCH";
  pops::EditPlan plan = pops::plan_squad_add(s, squad);
  REQUIRE(plan.changes.size() == 1);
  // The plan as the squad writer makes it leaves every schema that lists squads stale.
  const std::vector<pops::Finding> stale = pops::new_schema_stale_findings(s, plan);
  REQUIRE_FALSE(stale.empty());
  for (const auto& f : stale) {
    CHECK(f.rule == "schema-stale");
    CHECK(f.severity == pops::Severity::error);
    CHECK(f.file.rfind(".pops/schema/", 0) == 0);
  }
  // The same files as pops check would read them after the write give the same findings.
  std::vector<pops::Finding> ignored;
  const pops::Config after = pops::config_from_text(plan.changes[0].after, ignored);
  CHECK(pops::stale_schema_findings(dir.path.string(), after).size() == stale.size());

  // Refreshed (as every write does), nothing is stale; refreshing twice changes nothing more.
  pops::refresh_editor_schemas(dir.path.string(), plan);
  const size_t n = plan.changes.size();
  CHECK(n == 1 + stale.size());
  CHECK(pops::new_schema_stale_findings(s, plan).empty());
  pops::refresh_editor_schemas(dir.path.string(), plan);
  CHECK(plan.changes.size() == n);

  // Findings the workspace has already are not new: a schema stale before stays out of the list.
  dir.write(".pops/schema/roadmap.schema.json", "{}\n");
  pops::EditPlan plain = pops::plan_squad_add(s, squad);
  for (const auto& f : pops::new_schema_stale_findings(s, plain)) {
    CHECK(f.file != ".pops/schema/roadmap.schema.json");
  }
}
