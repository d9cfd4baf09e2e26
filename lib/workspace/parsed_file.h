#pragma once
// Inside the loader (parse.cpp, model_builder.cpp, load.cpp): a parsed file, and parsing one in place.

#include "workspace/workspace.h"
#include "yaml/yaml_tree.h"

#include <string>
#include <vector>

namespace pops {

/// A parsed file waiting to be turned into model objects. Owns its bytes: `fm` points into them.
struct ParsedFile {
  std::string content;
  FileKind kind = FileKind::none;
  YamlDoc doc;
  FrontMatter fm;
  std::vector<Heading> headings;
};

/// Parses `p.content` as a file of `p.kind` (not `none`): its YAML tree, or a Markdown file's front matter
/// and headings, with syntax findings in `p.doc.findings`. docs/README.md is left unparsed.
void parse_into(ParsedFile& p);

}  // namespace pops
