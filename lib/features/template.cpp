#include "features/template.h"

#include "yaml/edit.h"
#include "base/embedded.h"

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace fs = std::filesystem;

namespace pops {

namespace {

namespace mstch = kainjow::mustache;

/// The summary of a template: its first line when that is a Mustache comment.
std::string summary_of(std::string_view text)
{
  const size_t eol = text.find('\n');
  std::string_view first = text.substr(0, eol);
  if (!first.empty() && first.back() == '\r') {
    first.remove_suffix(1);
  }
  if (first.starts_with("{{!") && first.ends_with("}}")) {
    first = first.substr(3, first.size() - 5);
    while (!first.empty() && first.front() == ' ') {
      first.remove_prefix(1);
    }
    while (!first.empty() && first.back() == ' ') {
      first.remove_suffix(1);
    }
    return std::string(first);
  }
  return {};
}

/// The template without its summary line.
std::string body_of(const std::string& text)
{
  if (summary_of(text).empty() && !text.starts_with("{{!}}")) {
    return text;
  }
  const size_t eol = text.find('\n');
  return eol == std::string::npos ? std::string() : text.substr(eol + 1);
}

mstch::data to_data(const nlohmann::json& j)
{
  switch (j.type()) {
  case nlohmann::json::value_t::object: {
    mstch::data d{mstch::data::type::object};
    for (auto it = j.begin(); it != j.end(); ++it) {
      d.set(it.key(), to_data(it.value()));
    }
    return d;
  }
  case nlohmann::json::value_t::array: {
    mstch::data d{mstch::data::type::list};
    for (const auto& v : j) {
      d.push_back(to_data(v));
    }
    return d;
  }
  case nlohmann::json::value_t::string:
    return mstch::data(j.get<std::string>());
  case nlohmann::json::value_t::boolean:
    return mstch::data(j.get<bool>());
  case nlohmann::json::value_t::null:
  case nlohmann::json::value_t::discarded:
    return mstch::data(false);
  default:
    return mstch::data(j.dump());
  }
}

std::map<std::string, std::string> workspace_templates(const std::string& root)
{
  std::map<std::string, std::string> out;
  std::error_code ec;
  const fs::path dir = fs::path(root) / "templates";
  if (!fs::is_directory(dir, ec)) {
    return out;
  }
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string file = it->path().filename().string();
    if (!file.ends_with(".md")) {
      continue;
    }
    const std::string name = file.substr(0, file.size() - 3);
    if (is_template_name(name)) {
      out.emplace(name, "templates/" + file);
    }
  }
  return out;
}

std::string read_text(const fs::path& p, const std::string& shown)
{
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  if (!in) {
    throw std::runtime_error(fmt::format("cannot read '{}'", shown));
  }
  return ss.str();
}

}  // namespace

bool is_template_name(std::string_view name)
{
  if (name.empty() || name.size() > 64) {
    return false;
  }
  auto ok = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'; };
  return std::all_of(name.begin(), name.end(), ok) && name[0] != '-' && name[0] != '_';
}

std::optional<TemplateText> builtin_template(std::string_view name)
{
  if (!is_template_name(name)) {
    return std::nullopt;
  }
  auto text = embedded_file(std::string(name) + ".md");
  if (!text) {
    return std::nullopt;
  }
  return TemplateText{std::string(name), "built-in", std::string(*text), false};
}

std::vector<TemplateInfo> list_templates(const std::string& root)
{
  std::map<std::string, TemplateInfo> all;
  for (const auto& f : embedded_files()) {
    if (f.path.find('/') != std::string_view::npos || !f.path.ends_with(".md")) {
      continue;
    }
    TemplateInfo& t = all[std::string(f.path.substr(0, f.path.size() - 3))];
    t.name = std::string(f.path.substr(0, f.path.size() - 3));
    t.builtin = true;
    t.summary = summary_of(f.data);
  }
  for (const auto& [name, path] : workspace_templates(root)) {
    TemplateInfo& t = all[name];
    t.name = name;
    t.workspace = true;
    std::error_code ec;
    try {
      if (std::string s = summary_of(read_text(fs::path(root) / path, path)); !s.empty()) {
        t.summary = s;
      }
    } catch (const std::runtime_error&) {
      // Listed anyway; `pops template show` says why it cannot be read.
    }
  }
  std::vector<TemplateInfo> out;
  for (auto& [name, t] : all) {
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<std::string> template_names(const std::string& root)
{
  std::vector<std::string> out;
  for (const auto& t : list_templates(root)) {
    out.push_back(t.name);
  }
  return out;
}

std::optional<TemplateText> find_template(const std::string& root, std::string_view name)
{
  if (!is_template_name(name)) {
    return std::nullopt;
  }
  const std::string rel = "templates/" + std::string(name) + ".md";
  std::error_code ec;
  const fs::path full = fs::path(root) / rel;
  if (!root.empty() && fs::exists(fs::symlink_status(full, ec))) {
    // Like every file pops reads: a link is followed only to a file inside the workspace.
    const fs::path target = fs::weakly_canonical(full, ec);
    const fs::path base = fs::weakly_canonical(fs::path(root), ec);
    const auto rel_to_root = target.lexically_relative(base);
    if (ec || rel_to_root.empty() || *rel_to_root.begin() == "..") {
      throw std::runtime_error(fmt::format("cannot read '{}': it links outside the workspace", rel));
    }
    if (!fs::is_regular_file(target, ec)) {
      throw std::runtime_error(fmt::format("cannot read '{}': not a file", rel));
    }
    return TemplateText{std::string(name), rel, read_text(target, rel), true};
  }
  return builtin_template(name);
}

std::string render_template(const TemplateText& t, const nlohmann::json& data)
{
  mstch::mustache tmpl{body_of(t.text)};
  const std::string where =
    t.workspace ? fmt::format("template '{}' ({})", t.name, t.origin) : fmt::format("built-in template '{}'", t.name);
  if (!tmpl.is_valid()) {
    throw std::runtime_error(fmt::format("{} is not valid Mustache: {}", where, tmpl.error_message()));
  }
  tmpl.set_custom_escape([](const std::string& s) { return s; });
  const std::string text = tmpl.render(to_data(data));
  if (!tmpl.is_valid()) {
    throw std::runtime_error(fmt::format("{} cannot be rendered: {}", where, tmpl.error_message()));
  }
  // Sections left empty leave blank lines behind: keep at most one blank line in a row.
  std::string out;
  size_t newlines = 0;
  for (char c : text) {
    if (c == '\n') {
      if (++newlines > 2) {
        continue;
      }
    } else if (c != '\r') {
      newlines = 0;
    }
    out += c;
  }
  return out;
}

std::string yaml_scalar(std::string_view value)
{
  return format_scalar(NewScalar{std::string(value), true}, false);
}

std::string yaml_flow_list(const std::vector<std::string>& values)
{
  std::string s = "[";
  for (size_t i = 0; i < values.size(); ++i) {
    s += (i ? ", " : "") + format_scalar(NewScalar{values[i], true}, true);
  }
  return s + "]";
}

}  // namespace pops
