#pragma once
// Templates of the documents and ritual notes pops writes: built into the binary (templates/*.md,
// lib/base/embedded.h) and overridden by the workspace's own templates/NAME.md. They are Mustache
// (kainjow/mustache); the data each command passes is documented in docs/commands.md.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pops {

struct TemplateInfo {
  std::string name;
  bool builtin = false;    ///< pops has one of this name
  bool workspace = false;  ///< the workspace has templates/NAME.md (it wins)
  std::string summary;     ///< from the template's first line, a Mustache comment {{! ... }}
};

struct TemplateText {
  std::string name;
  std::string origin;  ///< "templates/NAME.md" or "built-in"
  std::string text;    ///< as written, summary line included
  bool workspace = false;
};

/// Every template: built-in and the workspace's (templates/*.md under `root`), sorted by name.
std::vector<TemplateInfo> list_templates(const std::string& root);

/// The template `name`: the workspace's templates/NAME.md when there is one, else the built-in one.
/// Throws std::runtime_error when the workspace file cannot be read.
std::optional<TemplateText> find_template(const std::string& root, std::string_view name);

/// The built-in template `name`.
std::optional<TemplateText> builtin_template(std::string_view name);

/// Names of every template (for suggestions).
std::vector<std::string> template_names(const std::string& root);

/// True for a template name: ^[a-z0-9][a-z0-9_-]*$, at most 64 characters.
bool is_template_name(std::string_view name);

/// Renders `t` with `data` (objects, lists, strings, numbers, booleans; null counts as false). No
/// escaping: the output is Markdown, and values meant for YAML front matter are passed ready-quoted.
/// Runs of blank lines (left by empty sections) become one blank line.
/// Throws std::runtime_error("template 'x' (templates/x.md): ...") when the template is not valid
/// Mustache.
std::string render_template(const TemplateText& t, const nlohmann::json& data);

/// `value` as a YAML scalar for front matter: plain when it reads back as the same string, else
/// quoted.
std::string yaml_scalar(std::string_view value);
/// `values` as a YAML flow list: [a, "b: c"].
std::string yaml_flow_list(const std::vector<std::string>& values);

}  // namespace pops
