#pragma once
// JSON Schema (draft-07) documents for the files of a workspace, generated from its pops.yaml: the
// custom fields, squads, statuses, horizons, feedback sources, people, rituals and doc types become
// enums, item ids a pattern per squad prefix. Editors (VS Code's YAML extension) use them for
// completion, hover help and validation while typing (editor_schemas.h writes them for VS Code); `pops
// check` stays the reference.

#include "workspace/model.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pops {

/// One schema: its name (`pops schema NAME`), file name, and the files it describes.
struct SchemaKind {
  std::string_view name;     ///< pops, roadmap, feedback, doc, ritual
  std::string_view file;     ///< e.g. roadmap.schema.json
  std::string_view summary;  ///< what it validates, one line
  /// Globs (relative to the workspace root) for VS Code's `yaml.schemas`; empty for Markdown front
  /// matter, which the YAML extension does not read.
  std::span<const std::string_view> globs;
};

std::span<const SchemaKind> schema_kinds();
const SchemaKind* find_schema_kind(std::string_view name);

/// The schema `kind` for the workspace configured by `cfg`: JSON text, 2-space indent, final newline.
/// The same configuration always gives the same bytes.
std::string json_schema(const Config& cfg, const SchemaKind& kind);

/// Reads the configuration from the text of pops.yaml; its problems are appended to `findings`.
/// `cfg.loaded` is false when the text is not a usable pops.yaml.
Config config_from_text(std::string_view text, std::vector<Finding>& findings);

/// config_from_text over the workspace's pops.yaml. Throws std::runtime_error when it cannot be read.
Config config_of_workspace(const std::string& root, std::vector<Finding>& findings);

}  // namespace pops
