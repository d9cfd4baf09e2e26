#pragma once
// Wiring a workspace for editors: the JSON Schemas of jsonschema.h written under .pops/schema/, their
// `yaml.schemas` entries merged into VS Code's .vscode/settings.json (read as JSONC, edited minimally),
// and the rule schema-stale (those files against pops.yaml), which every write keeps current.

#include "edit/ops.h"
#include "workspace/model.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pops {

/// Where `pops schema --vscode` and `pops init` put the schemas, relative to the workspace root.
inline constexpr std::string_view k_editor_schema_dir = ".pops/schema";
inline constexpr std::string_view k_vscode_settings = ".vscode/settings.json";

/// A file to write, relative to the workspace root.
struct EditorFile {
  std::string path;
  std::string content;
};

/// Merges the `yaml.schemas` entries of the schemas in `k_editor_schema_dir` into the text of an
/// existing settings.json (empty: a new file). Keeps every other setting and every other schema
/// mapping, in order; replaces earlier entries of these schemas. `existing` is read as JSONC, as VS
/// Code reads it (comments and trailing commas): the merge is a minimal text edit that keeps every
/// comment, the layout, the indentation and the line endings. Returns nullopt, with `problem` set,
/// when `existing` is not a JSONC object or its `yaml.schemas` is not an object.
std::optional<std::string> merge_vscode_settings(std::string_view existing, std::string& problem);

/// The `yaml.schemas` entries as a JSON object text, for a hint when settings.json cannot be merged.
std::string vscode_schema_entries();

struct EditorWiring {
  std::vector<EditorFile> files;  ///< the schemas, then .vscode/settings.json unless it is left alone
  std::string settings_problem;   ///< set when .vscode/settings.json exists and is left alone
};

/// What wiring the workspace at `root` for VS Code writes: every schema under
/// `k_editor_schema_dir`, and `.vscode/settings.json` created or merged.
EditorWiring editor_wiring(const std::string& root, const Config& cfg);

/// Files of `files` whose content on disk under `root` differs (or that are missing).
std::vector<std::string> stale_files(const std::string& root, const std::vector<EditorFile>& files);

/// The rule schema-stale: each schema `pops schema --vscode` writes under `k_editor_schema_dir` of
/// the workspace at `root` whose bytes differ from what `cfg` gives now (at the first line that
/// differs), or that is missing while others are there. Nothing when the folder holds none of them
/// (a workspace not wired for an editor). The fix is `pops schema --vscode`.
std::vector<Finding> stale_schema_findings(const std::string& root, const Config& cfg);
/// The same rule over editor schemas given by `read` (a path under the workspace root to its bytes,
/// none when it is not there): how a write checks the files as it would leave them.
using SchemaFileReader = std::function<std::optional<std::string>(const std::string& path)>;
std::vector<Finding> stale_schema_findings(const Config& cfg, const SchemaFileReader& read);

/// When `plan` changes pops.yaml and the workspace has editor schemas in `k_editor_schema_dir`, adds
/// their new content to `plan`, so the edit keeps them current (as refresh_doc_index does for the
/// document index) and `pops check` does not report schema-stale after it.
/// Every write runs it (run_edit), so no writer of pops.yaml leaves the schemas stale; calling it
/// again on the same plan refreshes what it added.
void refresh_editor_schemas(const std::string& root, EditPlan& plan);

/// The schema-stale findings the workspace of `s` would have after `plan` and has not now: the write
/// check's share of the rule `pops check` runs through stale_schema_findings.
std::vector<Finding> new_schema_stale_findings(const EditSession& s, const EditPlan& plan);

/// Writes `files` under `root`, each atomically, creating folders. Throws std::runtime_error.
void write_files(const std::string& root, const std::vector<EditorFile>& files);

}  // namespace pops
