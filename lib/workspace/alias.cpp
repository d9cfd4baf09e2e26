#include "workspace/alias.h"

#include "yaml/yaml_tree.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace pops {

bool split_words(std::string_view text, std::vector<std::string>& words, std::string& error, size_t& at)
{
  words.clear();
  std::string word;
  bool in_word = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (in_word) {
        words.push_back(std::move(word));
        word.clear();
        in_word = false;
      }
      continue;
    }
    in_word = true;
    if (c == '\\') {
      if (i + 1 < text.size()) {
        word += text[++i];
      }
      continue;
    }
    if (c == '\'' || c == '"') {
      size_t open = i;
      ++i;
      while (i < text.size() && text[i] != c) {
        if (c == '"' && text[i] == '\\' && i + 1 < text.size()
            && std::string_view("\"\\$`").find(text[i + 1]) != std::string_view::npos) {
          ++i;
        }
        word += text[i];
        ++i;
      }
      if (i == text.size()) {
        error = fmt::format("unterminated {} quote", c == '\'' ? "single" : "double");
        at = open;
        return false;
      }
      continue;
    }
    word += c;
  }
  if (in_word) {
    words.push_back(std::move(word));
  }
  return true;
}

bool is_alias_name(std::string_view name)
{
  if (name.empty() || name.size() > 64) {
    return false;
  }
  auto ok = [](char c, bool first) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (!first && (c == '-' || c == '_'));
  };
  for (size_t i = 0; i < name.size(); ++i) {
    if (!ok(name[i], i == 0)) {
      return false;
    }
  }
  return true;
}

namespace {

/// Where offset `at` of a scalar's text is, when the scalar is on one line as written.
Loc offset_loc(const YNode& v, size_t at)
{
  Loc l = v.loc;
  if (v.text.find('\n') == std::string::npos && l.known()) {
    l.column += static_cast<int>(at) + (v.quoted ? 1 : 0);
    if (l.pos >= 0) {
      l.pos += static_cast<long>(at) + (v.quoted ? 1 : 0);
    }
  }
  return l;
}

}  // namespace

std::vector<Alias> read_aliases(const YNode& aliases, SchemaReader& r)
{
  std::vector<Alias> out;
  if (aliases.is_null() || !aliases.is_map()) {
    return out;
  }
  for (const auto& [k, v] : aliases.entries) {
    if (!is_alias_name(k.text)) {
      r.report(k.loc,
               fmt::format("alias name {} must be lower-case letters, digits, '-' and '_', e.g. now", quote(k.text)));
      continue;
    }
    Alias a;
    a.name.value = k.text;
    a.name.loc = k.loc;
    a.name.set = true;
    a.loc = v.loc;
    if (v.is_scalar()) {
      std::string err;
      size_t at = 0;
      if (!split_words(v.text, a.words, err, at)) {
        r.report(offset_loc(v, at),
                 fmt::format("alias {}: {}; close it or escape it with a backslash", quote(k.text), err));
        continue;
      }
    } else if (v.is_seq()) {
      bool ok = true;
      for (const auto& w : v.items) {
        if (!w.is_scalar()) {
          r.report(w.loc, fmt::format("alias {}: each word must be a string, found {}", quote(k.text), w.kind_name()));
          ok = false;
          break;
        }
        a.words.push_back(w.text);
      }
      if (!ok) {
        continue;
      }
    } else {
      r.report(v.loc, fmt::format("alias {} must be a command line, e.g. 'roadmap --horizon now', or a list of "
                                  "words, found {}",
                                  quote(k.text), v.kind_name()));
      continue;
    }
    if (a.words.empty()) {
      r.report(v.loc,
               fmt::format("alias {} is empty; expected a command line, e.g. 'roadmap --horizon now'", quote(k.text)));
      continue;
    }
    if (a.words[0].starts_with("!")) {
      r.report(v.loc, fmt::format("alias {}: shell aliases ('!...') are not supported; write a pops-{} program "
                                  "on PATH instead",
                                  quote(k.text), k.text));
      continue;
    }
    if (a.words[0].starts_with("-")) {
      r.report(v.loc, fmt::format("alias {} must start with a command, found the option {}", quote(k.text),
                                  quote(a.words[0])));
      continue;
    }
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<Alias> workspace_aliases(const std::string& root, std::vector<Finding>* findings)
{
  const std::string path = root + "/pops.yaml";
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error(fmt::format("cannot read 'pops.yaml' in '{}'", root));
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  YamlDoc doc = parse_yaml(ss.str());
  std::vector<Finding> local;
  std::vector<Finding>& out = findings ? *findings : local;
  if (!doc.ok || !doc.root.is_map()) {
    return {};
  }
  const YNode* a = doc.root.get("aliases");
  if (!a || a->is_null()) {
    return {};
  }
  SchemaReader r("pops.yaml", out);
  if (!r.expect_map(*a, "'aliases'")) {
    return {};
  }
  return read_aliases(*a, r);
}

void check_alias_names(const YNode& aliases, std::span<const std::string> commands, std::vector<Finding>& out,
                       const std::string& file)
{
  if (!aliases.is_map()) {
    return;
  }
  SchemaReader r(file, out);
  for (const auto& [k, v] : aliases.entries) {
    if (std::find(commands.begin(), commands.end(), k.text) != commands.end()) {
      r.report(k.loc, fmt::format("alias {} is the name of a built-in command, which always wins; give the "
                                  "alias another name",
                                  quote(k.text)));
    }
  }
}

}  // namespace pops
