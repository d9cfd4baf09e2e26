#include "features/editor_schemas.h"

#include "base/fsutil.h"
#include "features/jsonschema.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace pops {

namespace {

using J = nlohmann::ordered_json;

/// The settings key of a schema file, relative to the folder VS Code opens (the workspace root).
std::string settings_key(const SchemaKind& k)
{
  return fmt::format("./{}/{}", k_editor_schema_dir, k.file);
}

J schema_entries()
{
  J entries = J::object();
  for (const auto& k : schema_kinds()) {
    if (!k.globs.empty()) {
      entries[settings_key(k)] = J(std::vector<std::string>(k.globs.begin(), k.globs.end()));
    }
  }
  return entries;
}

}  // namespace

std::string vscode_schema_entries()
{
  return J{{"yaml.schemas", schema_entries()}}.dump(2);
}

namespace {

// JSONC, as VS Code reads settings.json: JSON with // and /* */ comments and trailing commas. Parsed
// into the spans of its values and object members, so that a merge edits only the text it changes.
struct JcMember;
struct JcValue {
  size_t begin = 0, end = 0;  ///< the value's text
  bool object = false;
  size_t close = 0;  ///< an object's '}'
  std::vector<JcMember> members;
};
struct JcMember {
  std::string key;  ///< as written, between the quotes (settings keys need no escapes)
  size_t key_begin = 0;
  JcValue value;
  size_t comma = std::string::npos;  ///< the comma after the member
};

class JsoncParser {
public:
  explicit JsoncParser(std::string_view t) : t_(t) {}
  std::optional<JcValue> parse()
  {
    skip();
    auto v = value(0);
    skip();
    if (!v || !ok_ || i_ != t_.size()) {
      return std::nullopt;
    }
    return v;
  }

private:
  void skip()
  {
    while (i_ < t_.size()) {
      const char c = t_[i_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++i_;
      } else if (t_.substr(i_, 2) == "//") {
        const size_t e = t_.find('\n', i_);
        i_ = e == std::string_view::npos ? t_.size() : e;
      } else if (t_.substr(i_, 2) == "/*") {
        const size_t e = t_.find("*/", i_ + 2);
        if (e == std::string_view::npos) {
          ok_ = false;
          i_ = t_.size();
        } else {
          i_ = e + 2;
        }
      } else {
        return;
      }
    }
  }
  bool string()
  {
    ++i_;
    while (i_ < t_.size()) {
      const char c = t_[i_];
      if (c == '\\') {
        i_ += 2;
      } else if (c == '"') {
        ++i_;
        return true;
      } else if (c == '\n') {
        return false;
      } else {
        ++i_;
      }
    }
    return false;
  }
  std::optional<JcValue> value(int depth)
  {
    if (depth > 64 || i_ >= t_.size()) {
      return std::nullopt;
    }
    JcValue v;
    v.begin = i_;
    const char c = t_[i_];
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      v.object = c == '{';
      ++i_;
      skip();
      while (i_ < t_.size() && t_[i_] != close) {
        JcMember m;
        if (v.object) {
          if (t_[i_] != '"') {
            return std::nullopt;
          }
          m.key_begin = i_;
          if (!string()) {
            return std::nullopt;
          }
          m.key = std::string(t_.substr(m.key_begin + 1, i_ - m.key_begin - 2));
          skip();
          if (i_ >= t_.size() || t_[i_] != ':') {
            return std::nullopt;
          }
          ++i_;
          skip();
        }
        auto x = value(depth + 1);
        if (!x) {
          return std::nullopt;
        }
        m.value = std::move(*x);
        skip();
        if (i_ < t_.size() && t_[i_] == ',') {
          m.comma = i_++;
          skip();
        } else if (i_ < t_.size() && t_[i_] != close) {
          return std::nullopt;
        }
        if (v.object) {
          v.members.push_back(std::move(m));
        }
      }
      if (i_ >= t_.size()) {
        return std::nullopt;
      }
      v.close = i_++;
    } else if (c == '"') {
      if (!string()) {
        return std::nullopt;
      }
    } else {
      while (i_ < t_.size()
             && (std::isalnum(static_cast<unsigned char>(t_[i_])) || t_[i_] == '-' || t_[i_] == '+' || t_[i_] == '.')) {
        ++i_;
      }
      if (i_ == v.begin) {
        return std::nullopt;
      }
    }
    v.end = i_;
    return v;
  }
  std::string_view t_;
  size_t i_ = 0;
  bool ok_ = true;
};

/// JSONC text as strict JSON: comments become spaces, trailing commas go.
std::string strict_json(std::string_view t)
{
  std::string out;
  size_t i = 0;
  while (i < t.size()) {
    const char c = t[i];
    if (c == '"') {
      const size_t b = i++;
      while (i < t.size() && t[i] != '"' && t[i] != '\n') {
        i += t[i] == '\\' ? 2 : 1;
      }
      i = std::min(i + 1, t.size());
      out += t.substr(b, i - b);
    } else if (t.substr(i, 2) == "//") {
      const size_t e = t.find('\n', i);
      i = e == std::string_view::npos ? t.size() : e;
      out += ' ';
    } else if (t.substr(i, 2) == "/*") {
      const size_t e = t.find("*/", i + 2);
      i = e == std::string_view::npos ? t.size() : e + 2;
      out += ' ';
    } else if (c == ',') {
      // A comma whose next token closes the object or array is a trailing one.
      size_t j = i + 1;
      while (j < t.size()) {
        if (t[j] == ' ' || t[j] == '\t' || t[j] == '\n' || t[j] == '\r') {
          ++j;
        } else if (t.substr(j, 2) == "//") {
          const size_t e = t.find('\n', j);
          j = e == std::string_view::npos ? t.size() : e;
        } else if (t.substr(j, 2) == "/*") {
          const size_t e = t.find("*/", j + 2);
          j = e == std::string_view::npos ? t.size() : e + 2;
        } else {
          break;
        }
      }
      out += j < t.size() && (t[j] == '}' || t[j] == ']') ? ' ' : ',';
      ++i;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

/// The spaces before `pos` on its line when only spaces come before it there; nullopt otherwise.
std::optional<std::string> indent_at(std::string_view t, size_t pos)
{
  size_t b = pos;
  while (b > 0 && (t[b - 1] == ' ' || t[b - 1] == '\t')) {
    --b;
  }
  if (b > 0 && t[b - 1] != '\n') {
    return std::nullopt;
  }
  return std::string(t.substr(b, pos - b));
}

/// The indentation of the line `pos` is on.
std::string line_indent(std::string_view t, size_t pos)
{
  size_t b = t.rfind('\n', pos == 0 ? 0 : pos - 1);
  b = b == std::string_view::npos ? 0 : b + 1;
  size_t e = b;
  while (e < t.size() && (t[e] == ' ' || t[e] == '\t')) {
    ++e;
  }
  return std::string(t.substr(b, e - b));
}

/// A value as one line: `["a", "b"]` (nlohmann's dump() leaves no space after commas).
std::string one_line(const J& v)
{
  if (!v.is_array()) {
    return v.dump();
  }
  std::vector<std::string> parts;
  for (const auto& x : v) {
    parts.push_back(x.dump());
  }
  return fmt::format("[{}]", fmt::join(parts, ", "));
}

struct TextEdit {
  size_t pos, len;
  std::string text;
};

std::string apply_edits(std::string t, std::vector<TextEdit> edits)
{
  std::sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.pos > b.pos; });
  for (const auto& e : edits) {
    t.replace(e.pos, e.len, e.text);
  }
  return t;
}

/// Inserts members (each `"key": value` text) at the end of object `obj` of `t`, in its layout:
/// one per line at the indentation of its members (or one level in), or on its line when it is on one.
TextEdit insert_members(std::string_view t, const JcValue& obj, const std::vector<std::string>& members,
                        const std::string& unit, const std::string& nl)
{
  const bool one_line =
    t.substr(obj.begin, obj.close - obj.begin).find('\n') == std::string_view::npos && !obj.members.empty();
  std::string indent = line_indent(t, obj.begin) + unit;
  if (!obj.members.empty()) {
    if (auto in = indent_at(t, obj.members.back().key_begin)) {
      indent = *in;
    }
  }
  const std::string sep = one_line ? ", " : "," + nl + indent;
  std::string body;
  for (const auto& m : members) {
    body += (body.empty() ? "" : sep) + m;
  }
  if (obj.members.empty()) {
    return {obj.begin + 1, obj.close - obj.begin - 1, nl + indent + body + nl + line_indent(t, obj.begin)};
  }
  const JcMember& last = obj.members.back();
  if (last.comma != std::string::npos) {  // a trailing comma stays trailing
    return {last.comma + 1, 0, (one_line ? " " : nl + indent) + body + ","};
  }
  return {last.value.end, 0, sep + body};
}

}  // namespace

std::optional<std::string> merge_vscode_settings(std::string_view existing, std::string& problem)
{
  const std::string nl = existing.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
  std::string text = existing.empty() ? std::string("{}") : std::string(existing);
  const bool fresh = existing.empty();
  const std::string ours = fmt::format("./{}/", k_editor_schema_dir);
  const J entries = schema_entries();
  // What the merged file must mean: every setting as it was, our earlier entries replaced.
  nlohmann::json want = nlohmann::json::parse(strict_json(text), nullptr, false);
  if (want.is_discarded() || !JsoncParser(text).parse()) {
    problem = "it is not JSON, even with comments and trailing commas (JSONC)";
    return std::nullopt;
  }
  if (!want.is_object()) {
    problem = "it is not a JSON object";
    return std::nullopt;
  }
  nlohmann::json& ws = want["yaml.schemas"];
  if (ws.is_null()) {
    ws = nlohmann::json::object();
  }
  if (!ws.is_object()) {
    problem = "its 'yaml.schemas' is not an object";
    return std::nullopt;
  }
  for (auto it = ws.begin(); it != ws.end();) {
    it = it.key().starts_with(ours) && !entries.contains(it.key()) ? ws.erase(it) : std::next(it);
  }
  for (const auto& [k, v] : entries.items()) {
    ws[k] = nlohmann::json::parse(v.dump());
  }
  // The indentation unit: of the first member on its own line, else two spaces.
  // The text parsed again after each edit; it was valid before the first, and each edit keeps it so.
  auto reparse = [&text] {
    std::optional<JcValue> v = JsoncParser(text).parse();
    if (!v) {
      throw std::logic_error("settings.json no longer parses after an edit of yaml.schemas");
    }
    return std::move(*v);
  };
  JcValue root = reparse();
  std::string unit = "  ";
  if (!root.members.empty()) {
    if (auto in = indent_at(text, root.members.front().key_begin); in && !in->empty()) {
      unit = *in;
    }
  }
  auto find_schemas = [](const JcValue& r) -> const JcMember* {
    const JcMember* found = nullptr;
    for (const auto& m : r.members) {
      if (m.key == "yaml.schemas") {
        found = &m;  // the last one wins, as in JSON
      }
    }
    return found;
  };
  // 1. Our entries that are no more, one at a time.
  for (;;) {
    root = reparse();
    const JcMember* ys = find_schemas(root);
    if (!ys || !ys->value.object) {
      break;
    }
    const auto& ms = ys->value.members;
    auto gone = std::find_if(ms.begin(), ms.end(),
                             [&](const JcMember& m) { return m.key.starts_with(ours) && !entries.contains(m.key); });
    if (gone == ms.end()) {
      break;
    }
    const size_t j = static_cast<size_t>(gone - ms.begin());
    if (j > 0) {
      text.erase(ms[j - 1].value.end, gone->value.end - ms[j - 1].value.end);
    } else if (ms.size() > 1) {
      text.erase(gone->key_begin, ms[1].key_begin - gone->key_begin);
    } else {
      const size_t end = gone->comma != std::string::npos ? gone->comma + 1 : gone->value.end;
      text.erase(gone->key_begin, end - gone->key_begin);
    }
  }
  // 2. Our entries: changed values replaced, missing ones added at the end of yaml.schemas.
  root = reparse();
  std::vector<TextEdit> edits;
  if (const JcMember* ys = find_schemas(root)) {
    std::vector<std::string> add;
    for (const auto& [k, v] : entries.items()) {
      const JcMember* have = nullptr;
      for (const auto& m : ys->value.members) {
        if (m.key == k) {
          have = &m;
        }
      }
      const std::string value = one_line(v);
      if (!have) {
        add.push_back(fmt::format("\"{}\": {}", k, value));
      } else if (nlohmann::json::parse(
                   strict_json(std::string_view(text).substr(have->value.begin, have->value.end - have->value.begin)),
                   nullptr, false)
                 != nlohmann::json::parse(value)) {
        edits.push_back({have->value.begin, have->value.end - have->value.begin, value});
      }
    }
    if (!add.empty()) {
      edits.push_back(insert_members(text, ys->value, add, unit, nl));
    }
  } else {
    const std::string indent =
      root.members.empty() ? unit : indent_at(text, root.members.back().key_begin).value_or(unit);
    std::string obj = "{";
    bool first = true;
    for (const auto& [k, v] : entries.items()) {
      obj += fmt::format("{}{}{}{}\"{}\": {}", first ? "" : ",", nl, indent, unit, k, one_line(v));
      first = false;
    }
    obj += nl + indent + "}";
    edits.push_back(insert_members(text, root, {"\"yaml.schemas\": " + obj}, unit, nl));
  }
  text = apply_edits(std::move(text), std::move(edits));
  if (fresh) {
    text += nl;
  }
  // The edit must mean what it should; anything else is refused rather than written.
  if (nlohmann::json::parse(strict_json(text), nullptr, false) != want || !JsoncParser(text).parse()) {
    problem = "pops could not merge 'yaml.schemas' into it safely";
    return std::nullopt;
  }
  return text;
}

EditorWiring editor_wiring(const std::string& root, const Config& cfg)
{
  EditorWiring w;
  for (const auto& k : schema_kinds()) {
    w.files.push_back({fmt::format("{}/{}", k_editor_schema_dir, k.file), json_schema(cfg, k)});
  }
  const fs::path settings = fs::path(root) / k_vscode_settings;
  std::error_code ec;
  std::string existing;
  if (fs::exists(settings, ec)) {
    auto text = read_whole_file(settings.string());
    if (!text) {
      w.settings_problem = "it cannot be read";
      return w;
    }
    existing = *text;
  }
  if (auto merged = merge_vscode_settings(existing, w.settings_problem)) {
    w.files.push_back({std::string(k_vscode_settings), *merged});
  }
  return w;
}

std::vector<std::string> stale_files(const std::string& root, const std::vector<EditorFile>& files)
{
  std::vector<std::string> out;
  for (const auto& f : files) {
    auto text = read_whole_file((fs::path(root) / f.path).string());
    if (!text || *text != f.content) {
      out.push_back(f.path);
    }
  }
  return out;
}

/// The editor schema at `path` under `root`, when it is a regular file that can be read.
static std::optional<std::string> editor_schema_on_disk(const std::string& root, const std::string& path)
{
  std::error_code ec;
  const fs::path p = fs::path(root) / path;
  if (!fs::is_regular_file(fs::symlink_status(p, ec))) {
    return std::nullopt;
  }
  return read_whole_file(p.string());
}

std::vector<Finding> stale_schema_findings(const std::string& root, const Config& cfg)
{
  return stale_schema_findings(cfg, [&root](const std::string& path) { return editor_schema_on_disk(root, path); });
}

std::vector<Finding> stale_schema_findings(const Config& cfg, const SchemaFileReader& read)
{
  struct Have {
    std::string path, want;
    std::optional<std::string> text;
  };
  std::vector<Have> files;
  bool any = false;
  for (const auto& k : schema_kinds()) {
    Have h{fmt::format("{}/{}", k_editor_schema_dir, k.file), json_schema(cfg, k), std::nullopt};
    h.text = read(h.path);
    any = any || h.text.has_value();
    files.push_back(std::move(h));
  }
  std::vector<Finding> out;
  if (!any) {
    return out;
  }
  for (const auto& h : files) {
    Finding f;
    f.file = h.path;
    f.rule = "schema-stale";
    f.severity = Severity::error;
    if (!h.text) {
      f.message = "the editor schema is missing (the others are in .pops/schema); run 'pops schema --vscode' to "
                  "write it";
      out.push_back(std::move(f));
      continue;
    }
    std::string have = *h.text;
    std::erase(have, '\r');
    if (have == h.want) {
      continue;
    }
    int line = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < have.size() && i < h.want.size() && have[i] == h.want[i]; ++i) {
      if (have[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    f.loc = Loc{line, 1, static_cast<long>(line_start)};
    f.message = fmt::format("the editor schema no longer matches pops.yaml (first difference at line {}), so the "
                            "editor flags valid values or misses wrong ones; run 'pops schema --vscode' to "
                            "regenerate it",
                            line);
    out.push_back(std::move(f));
  }
  return out;
}

void refresh_editor_schemas(const std::string& root, EditPlan& plan)
{
  auto cfg_change =
    std::find_if(plan.changes.begin(), plan.changes.end(), [](const FileChange& c) { return c.path == "pops.yaml"; });
  if (cfg_change == plan.changes.end()) {
    return;
  }
  std::vector<Finding> ignored;
  const Config cfg = config_from_text(cfg_change->after, ignored);
  if (!cfg.loaded) {
    return;
  }
  std::vector<FileChange> add;
  bool any = false;
  for (const auto& k : schema_kinds()) {
    const std::string path = fmt::format("{}/{}", k_editor_schema_dir, k.file);
    const std::optional<std::string> have = editor_schema_on_disk(root, path);
    any = any || have.has_value();
    const std::string now = json_schema(cfg, k);
    auto planned =
      std::find_if(plan.changes.begin(), plan.changes.end(), [&path](const FileChange& c) { return c.path == path; });
    if (planned != plan.changes.end()) {
      planned->after = now;  // refreshed twice: the last pops.yaml wins
    } else if (!have || *have != now) {
      add.push_back({path, have.value_or(""), now, !have});
    }
  }
  if (any) {
    plan.changes.insert(plan.changes.end(), add.begin(), add.end());
  }
}

std::vector<Finding> new_schema_stale_findings(const EditSession& s, const EditPlan& plan)
{
  auto cfg_change =
    std::find_if(plan.changes.begin(), plan.changes.end(), [](const FileChange& c) { return c.path == "pops.yaml"; });
  if (cfg_change == plan.changes.end() || !s.ws.config.loaded) {
    return {};
  }
  std::vector<Finding> ignored;
  const Config after = config_from_text(cfg_change->after, ignored);
  if (!after.loaded) {
    return {};  // an unreadable pops.yaml is the check's schema error, not this rule's
  }
  const SchemaFileReader on_disk = [&s](const std::string& path) { return editor_schema_on_disk(s.root, path); };
  const SchemaFileReader planned = [&](const std::string& path) -> std::optional<std::string> {
    for (const auto& c : plan.changes) {
      if (c.path == path) {
        return c.after;
      }
    }
    return on_disk(path);
  };
  std::set<std::string> before;
  for (const auto& f : stale_schema_findings(s.ws.config, on_disk)) {
    before.insert(f.file);
  }
  std::vector<Finding> out = stale_schema_findings(after, planned);
  std::erase_if(out, [&before](const Finding& f) { return before.count(f.file) > 0; });
  return out;
}

void write_files(const std::string& root, const std::vector<EditorFile>& files)
{
  for (const auto& f : files) {
    const fs::path p = fs::path(root) / f.path;
    std::error_code ec;
    fs::create_directories(p.parent_path(), ec);
    if (ec) {
      throw std::runtime_error(fmt::format("cannot create '{}': {}", p.parent_path().string(), ec.message()));
    }
    write_file_atomic(p.string(), f.content);
  }
}

}  // namespace pops
