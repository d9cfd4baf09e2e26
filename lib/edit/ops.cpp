// pops item add/set/move/drop and pops feedback add/link as planned file edits. See ops.h.

#include "edit/ops.h"
#include "workspace/config.h"

#include "check/check.h"
#include "base/fsutil.h"
#include "base/money.h"
#include "git/repo.h"
#include "base/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace pops {

namespace {

constexpr std::array<std::string_view, 20> k_item_order = {
  "id",      "title", "status", "dropped_reason", "moved_from", "squad", "horizon", "owner", "target",
  "depends_on", "tags", "okr",  "key_results", "initiative", "links", "score", "success", "description", "reopened",
  "updates"};

constexpr std::array<std::string_view, 11> k_feedback_order = {
  "id", "date", "source", "customer", "segment", "arr", "quote", "summary", "tags", "items", "url"};

enum class KeyType { text, plain, list, text_map, number_map, id, unsupported };

struct KeyInfo {
  KeyType type = KeyType::text;
  bool required = false;
};

/// How an item key is written, or nullopt for an unknown key.
std::optional<KeyInfo> item_key(const Config& cfg, std::string_view key)
{
  static const std::map<std::string_view, KeyInfo> builtin = {
    {"id", {KeyType::id, true}},           {"title", {KeyType::text, true}},
    {"status", {KeyType::text, true}},     {"squad", {KeyType::text, false}},
    {"horizon", {KeyType::text, false}},   {"owner", {KeyType::text, false}},
    {"target", {KeyType::plain, false}},   {"depends_on", {KeyType::list, false}},
    {"tags", {KeyType::list, false}},      {"okr", {KeyType::text, false}},
    {"links", {KeyType::text_map, false}}, {"score", {KeyType::number_map, false}},
    {"success", {KeyType::unsupported, false}}, {"description", {KeyType::text, false}},
    {"dropped_reason", {KeyType::text, false}}, {"reopened", {KeyType::plain, false}},
    {"moved_from", {KeyType::text, false}}, {"key_results", {KeyType::list, false}},
    {"initiative", {KeyType::text, false}}, {"updates", {KeyType::unsupported, false}}};
  if (auto it = builtin.find(key); it != builtin.end()) {
    return it->second;
  }
  if (const FieldDef* f = cfg.field(key)) {
    const std::string& t = f->type.value;
    if (t == "number" || t == "date" || t == "bool") {
      return KeyInfo{KeyType::plain, false};
    }
    if (t == "list") {
      return KeyInfo{KeyType::list, false};
    }
    return KeyInfo{KeyType::text, false};
  }
  return std::nullopt;
}

std::vector<std::string> item_key_names(const Config& cfg)
{
  std::vector<std::string> out(k_item_order.begin(), k_item_order.end());
  for (const auto& f : cfg.fields) {
    out.push_back(f.name.value);
  }
  return out;
}

/// "PAY-12" -> ("PAY", 12); n 0 when it is not an id.
std::pair<std::string, long> split_id(std::string_view id)
{
  const size_t dash = id.rfind('-');
  if (dash == std::string_view::npos || dash + 1 >= id.size()) {
    return {std::string(id), 0};
  }
  long n = 0;
  for (char c : id.substr(dash + 1)) {
    if (c < '0' || c > '9' || n > 100'000'000'000L) {
      return {std::string(id), 0};
    }
    n = n * 10 + (c - '0');
  }
  return {std::string(id.substr(0, dash)), n};
}

std::vector<std::string> split_values(std::string_view v)
{
  std::vector<std::string> out;
  std::string_view t = trim(v);
  if (t.starts_with('[') && t.ends_with(']')) {
    YamlDoc doc = parse_yaml(t);
    if (doc.ok && doc.root.is_seq()) {
      for (const auto& n : doc.root.items) {
        if (n.is_scalar() && !n.text.empty()) {
          out.push_back(n.text);
        }
      }
      return out;
    }
  }
  size_t from = 0;
  while (from <= t.size()) {
    size_t e = t.find(',', from);
    std::string_view part = trim(t.substr(from, e == std::string_view::npos ? std::string_view::npos : e - from));
    if (!part.empty()) {
      out.emplace_back(part);
    }
    if (e == std::string_view::npos) {
      break;
    }
    from = e + 1;
  }
  return out;
}

/// The values of repeated `--tag a,b` style options as plain scalars, first occurrence kept.
std::vector<NewScalar> unique_values(const std::vector<std::string>& in)
{
  std::vector<NewScalar> out;
  for (const auto& x : in) {
    for (auto& v : split_values(x)) {
      if (std::none_of(out.begin(), out.end(), [&](const NewScalar& o) { return o.text == v; })) {
        out.push_back({std::move(v), true});
      }
    }
  }
  return out;
}

/// Wraps an EditRefused from the engine into the message of a command.
[[noreturn]] void refuse(const std::string& file, std::string_view what, const EditRefused& e)
{
  throw OpError(fmt::format("cannot edit '{}'{}: {}", file, what.empty() ? "" : fmt::format(" ({})", what),
                            e.what()),
                "pops changes only the bytes of the values it edits and refuses what it cannot change that "
                "way; make this change by hand");
}

YamlText open_text(const EditSession& s, const std::string& file)
{
  auto it = s.files.find(file);
  if (it == s.files.end()) {
    throw OpError(fmt::format("cannot edit '{}': the file is gone", file));
  }
  try {
    return YamlText(it->second);
  } catch (const EditRefused& e) {
    refuse(file, "", e);
  }
}

const std::string_view k_items = "items";
const std::string_view k_entries = "entries";

/// The style of `y`, completed from the other files of the same kind.
TextStyle style_for(const EditSession& s, const YamlText& y, const std::string& path, FileKind kind)
{
  const std::string_view key = kind == FileKind::roadmap ? k_items : k_entries;
  TextStyle st = y.style(key);
  for (const auto& [p, content] : s.files) {
    if (st.has_entries && st.has_key_offset && st.has_blank && st.has_lists && st.has_maps && st.has_quotes
        && st.has_eol) {
      break;
    }
    if (p == path || classify(p) != kind) {
      continue;
    }
    try {
      st.inherit(YamlText(content).style(key));
    } catch (const EditRefused&) {
    }
  }
  return st;
}

/// Index of the entry with `id` in the top-level list `key`.
size_t find_entry(const YamlText& y, std::string_view key, const std::string& id, const std::string& file)
{
  const YNode* list = y.root().get(key);
  size_t found = std::string::npos;
  if (list && list->is_seq()) {
    for (size_t i = 0; i < list->items.size(); ++i) {
      const YNode* v = list->items[i].is_map() ? list->items[i].get("id") : nullptr;
      if (v && v->is_scalar() && v->text == id) {
        if (found != std::string::npos) {
          throw OpError(fmt::format("{} is written twice in '{}'; fix the duplicate first", id, file));
        }
        found = i;
      }
    }
  }
  if (found == std::string::npos) {
    throw OpError(fmt::format("cannot edit '{}': {} is not where it was read; run the command again", file, id));
  }
  return found;
}

/// Why `id` may be unknown only because the file holding it could not be read: a roadmap or
/// feedback file that mentions it but did not load (merge conflict markers, invalid YAML), or one
/// that was not read at all. Empty when every file was read.
std::string unread_holder(const EditSession& s, const std::string& id, FileKind kind)
{
  for (const auto& [path, content] : s.files) {
    if (classify(path) != kind || content.find(id) == std::string::npos) {
      continue;
    }
    // A conflicted file: markers at the start of a line.
    size_t line = 1;
    for (size_t i = 0; i < content.size(); ++i) {
      if ((i == 0 || content[i - 1] == '\n') && content.compare(i, 8, "<<<<<<< ") == 0) {
        return fmt::format("'{}' has unresolved merge conflicts (line {}); resolve them first, then run the "
                           "command again",
                           path, line);
      }
      line += content[i] == '\n';
    }
    for (const auto& f : s.ws.findings) {
      if (f.file == path && f.rule == "yaml-syntax") {
        return fmt::format("'{}' mentions it but cannot be read (line {}: {}); fix that file first", path,
                           f.loc.line, f.message);
      }
    }
  }
  for (const auto& [path, why] : s.unread) {
    if (classify(path) == kind) {
      return fmt::format("'{}' was not read ({}); fix that file first", path, why);
    }
  }
  return {};
}

const Item& find_item(const EditSession& s, const std::string& id)
{
  std::vector<const Item*> found;
  for (const auto& it : s.ws.items) {
    if (it.id.value == id) {
      found.push_back(&it);
    }
  }
  if (found.empty()) {
    std::vector<std::string> ids;
    for (const auto& it : s.ws.items) {
      ids.push_back(it.id.value);
    }
    std::string msg = fmt::format("unknown item '{}'", id);
    if (std::string why = unread_holder(s, id, FileKind::roadmap); !why.empty()) {
      throw OpError(msg + ": " + why);
    }
    if (auto dym = did_you_mean(id, ids); !dym.empty()) {
      msg += dym;
    }
    throw OpError(msg, "'pops roadmap --all' lists the items");
  }
  if (found.size() > 1) {
    throw OpError(fmt::format("{} is defined more than once ('{}' line {} and '{}' line {}); fix the duplicate "
                              "first",
                              id, found[0]->file, found[0]->loc.line, found[1]->file, found[1]->loc.line));
  }
  return *found.front();
}

const Squad& find_squad(const EditSession& s, const std::string& name)
{
  if (const Squad* sq = s.ws.config.squad(name)) {
    return *sq;
  }
  std::vector<std::string> names;
  for (const auto& sq : s.ws.config.squads) {
    names.push_back(sq.id.value);
  }
  std::string msg = fmt::format("unknown squad '{}'", name);
  if (auto dym = did_you_mean(name, names); !dym.empty()) {
    msg += dym;
  } else if (!names.empty()) {
    msg += fmt::format("; the squads are {}", join(names, ", "));
  }
  throw OpError(msg);
}

/// The `squad:` at the top of a roadmap file, or "".
std::string file_squad(const std::string& content)
{
  YamlDoc doc = parse_yaml(content);
  const YNode* sq = doc.ok && doc.root.is_map() ? doc.root.get("squad") : nullptr;
  return sq && sq->is_scalar() ? sq->text : std::string();
}

/// The roadmap file new items of `squad` go to.
std::string squad_file(const EditSession& s, const std::string& squad)
{
  auto count_items = [&](const std::string& file) {
    return std::count_if(s.ws.items.begin(), s.ws.items.end(),
                         [&](const Item& it) { return it.file == file && it.squad.value == squad; });
  };
  const std::string own_yaml = "roadmap/" + squad + ".yaml";
  const std::string own_yml = "roadmap/" + squad + ".yml";
  std::vector<std::string> defaults;
  for (const auto& [p, content] : s.files) {
    if (classify(p) == FileKind::roadmap && file_squad(content) == squad) {
      defaults.push_back(p);
    }
  }
  auto pick = [&](const std::vector<std::string>& files) {
    for (const auto& own : {own_yaml, own_yml}) {
      if (std::find(files.begin(), files.end(), own) != files.end()) {
        return own;
      }
    }
    return *std::max_element(files.begin(), files.end(), [&](const std::string& a, const std::string& b) {
      return count_items(a) < count_items(b);
    });
  };
  if (!defaults.empty()) {
    return pick(defaults);
  }
  for (const auto& own : {own_yaml, own_yml}) {
    if (s.files.count(own)) {
      return own;
    }
  }
  std::vector<std::string> holding;
  for (const auto& it : s.ws.items) {
    if (it.squad.value == squad && std::find(holding.begin(), holding.end(), it.file) == holding.end()) {
      holding.push_back(it.file);
    }
  }
  if (!holding.empty()) {
    std::sort(holding.begin(), holding.end());
    return pick(holding);
  }
  return own_yaml;
}

NewValue value_of(KeyType type, const std::string& text)
{
  if (type == KeyType::plain) {
    return NewValue::plain(text);
  }
  if (type == KeyType::list) {
    std::vector<NewScalar> v;
    for (auto& x : split_values(text)) {
      v.push_back({std::move(x), true});
    }
    return NewValue::of_list(std::move(v));
  }
  return NewValue::text(text);
}

std::vector<std::string> list_texts(const YNode* n)
{
  std::vector<std::string> out;
  if (n && n->is_seq()) {
    for (const auto& i : n->items) {
      out.push_back(i.text);
    }
  }
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& x)
{
  return std::find(v.begin(), v.end(), x) != v.end();
}

/// Applies one "key=value" to the entry at `path` of `y`.
void apply_assignment(YamlText& y, const Path& path, const Assignment& a, const Config& cfg, const TextStyle& st,
                      const std::string& id)
{
  const size_t dot = a.key.find('.');
  const std::string key = a.key.substr(0, dot);
  const std::string sub = dot == std::string::npos ? std::string() : a.key.substr(dot + 1);
  auto info = item_key(cfg, key);
  if (!info) {
    std::string msg = fmt::format("unknown key '{}' in an item", key);
    msg += did_you_mean(key, item_key_names(cfg));
    throw OpError(msg, "item keys are listed in docs/format.md; custom fields are declared under 'fields:' "
                       "in pops.yaml");
  }
  const std::span<const std::string_view> order = k_item_order;
  Path kpath = path;
  kpath.emplace_back(key);
  const YNode* cur = node_at(y.root(), kpath);
  switch (info->type) {
  case KeyType::id:
    throw OpError("an item's id never changes",
                  fmt::format("to hand the item to another squad, run 'pops item move {} --squad <squad> --new-id'", id));
  case KeyType::unsupported:
    throw OpError(fmt::format("pops does not change '{}'; edit it by hand", key));
  case KeyType::text:
  case KeyType::plain:
    if (!sub.empty()) {
      throw OpError(fmt::format("'{}' has no keys of its own; write {}=VALUE", key, key));
    }
    if (a.op != '=') {
      throw OpError(fmt::format("'{}' is not a list; write {}=VALUE", key, key));
    }
    if (a.value.empty()) {
      if (info->required) {
        throw OpError(fmt::format("'{}' is required; give it a value", key));
      }
      y.remove(path, key);
    } else if (!(cur && cur->is_scalar() && cur->text == a.value
                 && (info->type == KeyType::plain || cur->quoted || !reads_as_non_string(a.value)))) {
      y.set(path, key, value_of(info->type, a.value), st, order);
    }
    return;
  case KeyType::list: {
    if (!sub.empty()) {
      throw OpError(fmt::format("'{}' is a list; write {}=a,b, {}+=c or {}-=c", key, key, key, key));
    }
    const std::vector<std::string> values = split_values(a.value);
    std::vector<std::string> have = list_texts(cur);
    if (cur && !cur->is_null() && !cur->is_seq()) {
      if (a.op == '-') {
        throw OpError(fmt::format("'{}' of {} is not a list", key, id));
      }
      // A lone value where a list belongs: replace it with the list.
      std::vector<NewScalar> v;
      for (const auto& x : a.op == '+' ? std::vector<std::string>{cur->text} : std::vector<std::string>{}) {
        v.push_back({x, true});
      }
      for (const auto& x : values) {
        v.push_back({x, true});
      }
      if (v.empty()) {
        y.remove(path, key);
      } else {
        y.set(path, key, NewValue::of_list(std::move(v)), st, order);
      }
      return;
    }
    if (a.op == '=') {
      if (values.empty()) {
        y.remove(path, key);
        return;
      }
      for (const auto& h : have) {
        if (!contains(values, h)) {
          y.list_remove(path, key, h);
        }
      }
      have = list_texts(node_at(y.root(), kpath));
      for (const auto& v : values) {
        if (!contains(have, v)) {
          y.list_add(path, key, {v, true}, st, order);
          have.push_back(v);
        }
      }
    } else if (a.op == '+') {
      if (values.empty()) {
        throw OpError(fmt::format("nothing to add to '{}'; write {}+=VALUE", key, key));
      }
      for (const auto& v : values) {
        if (!contains(have, v)) {
          y.list_add(path, key, {v, true}, st, order);
          have.push_back(v);
        }
      }
    } else {
      for (const auto& v : values) {
        if (!contains(have, v)) {
          throw OpError(fmt::format("'{}' of {} does not hold '{}'", key, id, v));
        }
        y.list_remove(path, key, v);
        have.erase(std::find(have.begin(), have.end(), v));
      }
    }
    return;
  }
  case KeyType::text_map:
  case KeyType::number_map: {
    const bool number = info->type == KeyType::number_map;
    const std::string example = number ? "reach=4000" : "jira=PAY-1234";
    if (sub.empty()) {
      if (a.op == '=' && a.value.empty()) {
        y.remove(path, key);
        return;
      }
      throw OpError(fmt::format("'{}' is a mapping; set one entry at a time, e.g. {}.{}", key, key, example));
    }
    if (a.op != '=') {
      throw OpError(fmt::format("'{}' is not a list; write {}.{}=VALUE", a.key, key, sub));
    }
    if (cur && !cur->is_null() && !cur->is_map()) {
      throw OpError(fmt::format("'{}' of {} is not a mapping; fix it by hand first", key, id));
    }
    const bool present = cur && cur->is_map() && cur->get(sub);
    if (a.value.empty()) {
      if (present) {
        if (cur->entries.size() == 1) {
          y.remove(path, key);
        } else {
          y.remove(kpath, sub);
        }
      }
      return;
    }
    NewScalar v{a.value, !number};
    if (cur && cur->is_map()) {
      const YNode* old = cur->get(sub);
      if (old && old->is_scalar() && old->text == a.value && (number || old->quoted || !reads_as_non_string(a.value))) {
        return;
      }
      y.set(kpath, sub, NewValue{NewValue::Kind::scalar, v, {}, {}}, st);
    } else {
      y.set(path, key, NewValue::of_map({{sub, v}}), st, order);
    }
    return;
  }
  }
}

std::string describe(const std::vector<std::string>& assignments)
{
  std::string out;
  for (const auto& a : assignments) {
    out += (out.empty() ? "" : ", ") + a;
  }
  return out;
}

/// Ids elsewhere in the workspace that still name `id`.
std::vector<std::string> references_to(const EditSession& s, const std::string& id)
{
  std::vector<std::string> out;
  for (const auto& it : s.ws.items) {
    for (const auto& d : it.depends_on) {
      if (d.value == id) {
        out.push_back(fmt::format("{} (depends_on)", it.id.value));
      }
    }
  }
  for (const auto& fb : s.ws.feedback) {
    for (const auto& i : fb.items) {
      if (i.value == id) {
        out.push_back(fmt::format("{} (items)", fb.id.value));
      }
    }
  }
  for (const auto& d : s.ws.docs) {
    for (const auto& i : d.items) {
      if (i.value == id) {
        out.push_back(fmt::format("{} (items)", d.file));
      }
    }
  }
  return out;
}

FileChange change_of(const EditSession& s, const std::string& path, const std::string& after)
{
  auto it = s.files.find(path);
  FileChange c;
  c.path = path;
  c.created = it == s.files.end();
  c.before = c.created ? std::string() : it->second;
  c.after = after;
  return c;
}

/// Adds `changes` whose content differs.
void add_change(EditPlan& plan, FileChange c)
{
  if (c.created || c.before != c.after) {
    plan.changes.push_back(std::move(c));
  }
}

std::string normalized(std::string msg)
{
  // "first at line 12": line numbers move when lines are added above.
  std::string out;
  for (size_t i = 0; i < msg.size(); ++i) {
    if (msg.compare(i, 5, "line ") == 0 && i + 5 < msg.size() && msg[i + 5] >= '0' && msg[i + 5] <= '9') {
      out += "line #";
      i += 5;
      while (i < msg.size() && msg[i] >= '0' && msg[i] <= '9') {
        ++i;
      }
      --i;
      continue;
    }
    out += msg[i];
  }
  return out;
}

} // namespace

std::span<const std::string_view> item_key_order()
{
  return k_item_order;
}

std::span<const std::string_view> feedback_key_order()
{
  return k_feedback_order;
}

std::vector<std::string> EditPlan::paths() const
{
  std::vector<std::string> out;
  for (const auto& c : changes) {
    out.push_back(c.path);
  }
  return out;
}

EditSession EditSession::read(const std::string& root)
{
  std::vector<Finding> io;
  std::vector<SourceFile> files = read_worktree(root, io);
  EditSession s = of(root, std::move(files));
  for (auto& f : io) {
    const FileKind k = classify(f.file);
    if ((k == FileKind::roadmap || k == FileKind::feedback) && !s.files.contains(f.file)) {
      s.unread.emplace_back(f.file, f.message);
    }
    s.ws.findings.push_back(std::move(f));
  }
  return s;
}

EditSession EditSession::of(const std::string& root, std::vector<SourceFile> files)
{
  EditSession s;
  s.root = root;
  for (const auto& f : files) {
    s.files.emplace(f.path, f.content);
  }
  s.ws = load_workspace(root, std::move(files));
  return s;
}

Assignment parse_assignment(std::string_view text)
{
  const size_t eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0) {
    throw OpError(fmt::format("'{}' is not a change; write key=value, key= (to remove it), list+=value or "
                              "list-=value", text));
  }
  Assignment a;
  size_t key_end = eq;
  if (text[eq - 1] == '+' || text[eq - 1] == '-') {
    a.op = text[eq - 1];
    --key_end;
  }
  a.key = std::string(trim(text.substr(0, key_end)));
  a.value = std::string(text.substr(eq + 1));  // exactly as given: 'title=trail ' keeps its space
  if (a.key.empty()) {
    throw OpError(fmt::format("'{}' names no key", text));
  }
  return a;
}

long next_number(const EditSession& s, const std::string& prefix, const UsedIds& history)
{
  if (!s.unread.empty()) {
    const auto& [path, why] = s.unread.front();
    throw OpError(fmt::format("cannot choose a new {} id: '{}' was not read ({}) and may hold ids in use; "
                              "fix that file first",
                              prefix, path, why));
  }
  UsedIds used = history;
  for (const auto& [path, content] : s.files) {
    const FileKind k = classify(path);
    if (k == FileKind::roadmap || k == FileKind::feedback) {
      scan_ids(content, used);
    }
  }
  long top = 0;
  if (auto it = used.find(prefix); it != used.end()) {
    top = it->second;
  }
  for (const auto& it : s.ws.items) {
    if (auto [p, n] = split_id(it.id.value); p == prefix) {
      top = std::max(top, n);
    }
  }
  for (const auto& fb : s.ws.feedback) {
    if (auto [p, n] = split_id(fb.id.value); p == prefix) {
      top = std::max(top, n);
    }
  }
  return top + 1;
}

namespace {

/// The keys and values of a new item `id` of `squad`, in the order pops writes them; `with_squad`
/// writes `squad:` (the file's `squad:` is another one).
NewEntries new_item_entries(const Config& cfg, const ItemSpec& spec, const std::string& id, const Squad& squad,
                            bool with_squad)
{
  if (trim(spec.title).empty()) {
    throw OpError("an item needs a title");
  }
  std::string status = spec.status;
  if (status.empty()) {
    if (cfg.statuses.empty()) {
      throw OpError("the workflow in pops.yaml has no statuses");
    }
    status = cfg.statuses.front().value;
  }
  std::map<std::string, NewValue> values;
  values["id"] = NewValue::text(id);
  values["title"] = NewValue::text(std::string(trim(spec.title)));
  values["status"] = NewValue::text(status);
  if (with_squad) {
    values["squad"] = NewValue::text(squad.id.value);
  }
  auto put = [&](const char* key, const std::string& v) {
    if (!v.empty()) {
      values[key] = NewValue::text(v);
    }
  };
  put("horizon", spec.horizon);
  put("owner", spec.owner);
  if (!spec.target.empty()) {
    values["target"] = NewValue::plain(spec.target);
  }
  if (auto d = unique_values(spec.depends_on); !d.empty()) {
    values["depends_on"] = NewValue::of_list(std::move(d));
  }
  if (auto t = unique_values(spec.tags); !t.empty()) {
    values["tags"] = NewValue::of_list(std::move(t));
  }
  std::map<std::string, std::vector<std::pair<std::string, NewScalar>>> maps;  // links, score
  for (const auto& l : spec.links) {
    const size_t eq = l.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == l.size()) {
      throw OpError(fmt::format("--link '{}' is not tool=value, e.g. jira=PAY-1234", l));
    }
    maps["links"].emplace_back(std::string(trim(l.substr(0, eq))), NewScalar{std::string(trim(l.substr(eq + 1))), true});
  }
  std::vector<std::string> custom;
  for (const auto& f : spec.fields) {
    Assignment a = parse_assignment(f);
    const size_t dot = a.key.find('.');
    const std::string key = a.key.substr(0, dot);
    auto info = item_key(cfg, key);
    if (!info) {
      throw OpError(fmt::format("unknown field '{}'{}", key, did_you_mean(key, item_key_names(cfg))),
                    "custom fields are declared under 'fields:' in pops.yaml");
    }
    if (a.op != '=' || a.value.empty()) {
      throw OpError(fmt::format("--field '{}' is not key=value", f));
    }
    const bool is_map = info->type == KeyType::text_map || info->type == KeyType::number_map;
    if (is_map && dot != std::string::npos && dot + 1 < a.key.size()) {
      // score.reach=4000, links.figma=URL
      maps[key].emplace_back(a.key.substr(dot + 1), NewScalar{a.value, info->type == KeyType::text_map});
      continue;
    }
    if (info->type == KeyType::id || info->type == KeyType::unsupported || is_map || values.count(a.key)) {
      throw OpError(fmt::format("--field cannot set '{}'{}", a.key,
                                values.count(a.key) ? "; it is set already"
                                : is_map            ? fmt::format("; write {}.NAME=VALUE", key)
                                                    : "; use its own option"));
    }
    values[a.key] = value_of(info->type, a.value);
    if (std::find(k_item_order.begin(), k_item_order.end(), a.key) == k_item_order.end()) {
      custom.push_back(a.key);
    }
  }
  for (auto& [key, m] : maps) {
    values[key] = NewValue::of_map(std::move(m));
  }
  NewEntries entries;
  for (auto key : k_item_order) {
    if (auto it = values.find(std::string(key)); it != values.end()) {
      entries.emplace_back(std::string(key), it->second);
    }
  }
  for (const auto& key : custom) {
    entries.emplace_back(key, values.at(key));
  }
  return entries;
}

/// A new roadmap file of `squad`: its `squad:` line and an empty `items:`.
std::string new_roadmap_text(const Squad& squad, const TextStyle& st)
{
  return "squad: " + format_scalar({squad.id.value, true}, false, st.quote) + st.eol + "items:" + st.eol;
}

} // namespace

EditPlan plan_item_add(const EditSession& s, const ItemSpec& spec, const UsedIds& history)
{
  const Config& cfg = s.ws.config;
  if (!cfg.loaded) {
    throw OpError("pops.yaml cannot be used; run 'pops check' to see why");
  }
  const Squad& squad = find_squad(s, spec.squad);
  if (trim(spec.title).empty()) {
    throw OpError("an item needs a title");
  }
  const std::string prefix = squad.prefix.value;
  if (!is_prefix(prefix)) {
    throw OpError(fmt::format("squad '{}' has no valid prefix in pops.yaml; run 'pops check'", squad.id.value));
  }
  const std::string id = fmt::format("{}-{}", prefix, next_number(s, prefix, history));
  const std::string file = squad_file(s, squad.id.value);
  const bool exists = s.files.count(file) > 0;
  const NewEntries entries =
    new_item_entries(cfg, spec, id, squad, exists && file_squad(s.files.at(file)) != squad.id.value);
  std::string content = exists ? s.files.at(file) : std::string();
  try {
    YamlText probe = exists ? open_text(s, file) : YamlText("squad: x\nitems:\n");
    TextStyle st = style_for(s, probe, file, FileKind::roadmap);
    if (!exists) {
      content = new_roadmap_text(squad, st);
    }
    YamlText y(content);
    y.append_entry(k_items, entries, st);
    EditPlan plan;
    plan.id = id;
    add_change(plan, change_of(s, file, y.text()));
    plan.summary = fmt::format("added {} to {}", id, file);
    plan.message = fmt::format("Add {}: {}", id, trim(spec.title));
    return plan;
  } catch (const EditRefused& e) {
    refuse(file, id, e);
  }
}

namespace {

/// Applies `updates` to the items of `y` one entry at a time: the lines of each entry are edited as a
/// document of their own ("items:" and the entry), checked by the edit engine like any edit, and put
/// back; the whole result is then parsed once and compared, entry by entry, with what was intended.
/// Returns false, leaving `out` alone, when the file's layout does not allow it (an entry whose '-'
/// is not on the line of its first key, `items:` not the last key, a flow list) or when anything is
/// not as intended; the caller then edits the file as a whole.
bool edit_by_entry(const YamlText& y, const std::vector<const std::pair<std::string, std::vector<Assignment>>*>& updates,
                   const Config& cfg, const TextStyle& st, std::string& out)
{
  const std::string& text = y.text();
  const YNode& root = y.root();
  const YNode* list = root.get(k_items);
  if (!list || !list->is_seq() || list->flow || list->items.empty() || root.entries.empty()
      || root.entries.back().first.text != k_items) {
    return false;
  }
  // Where each entry's lines start: the line of its '-', which must be followed by its first key.
  std::vector<size_t> starts;
  for (const auto& e : list->items) {
    if (!e.is_map() || e.flow || e.loc.pos <= 0 || static_cast<size_t>(e.loc.pos) > text.size()) {
      return false;
    }
    const size_t p = static_cast<size_t>(e.loc.pos);
    const size_t ls = text.rfind('\n', p - 1) == std::string::npos ? 0 : text.rfind('\n', p - 1) + 1;
    const std::string_view lead = std::string_view(text).substr(ls, p - ls);
    if (trim(lead) != "-" || (!starts.empty() && ls <= starts.back())) {
      return false;
    }
    starts.push_back(ls);
  }
  starts.push_back(text.size());
  std::map<size_t, const std::pair<std::string, std::vector<Assignment>>*> at;  // entry index -> update
  for (const auto* u : updates) {
    size_t found = std::string::npos;
    for (size_t i = 0; i < list->items.size(); ++i) {
      const YNode* id = list->items[i].get("id");
      if (id && id->is_scalar() && id->text == u->first) {
        if (found != std::string::npos) {
          return false;
        }
        found = i;
      }
    }
    if (found == std::string::npos || at.count(found)) {
      return false;
    }
    at[found] = u;
  }
  const std::string head = "items:" + st.eol;
  std::string result = text.substr(0, starts.front());
  std::map<size_t, YNode> edited;
  try {
    for (size_t i = 0; i + 1 < starts.size(); ++i) {
      const std::string chunk = text.substr(starts[i], starts[i + 1] - starts[i]);
      auto u = at.find(i);
      if (u == at.end()) {
        result += chunk;
        continue;
      }
      YamlText part(head + chunk);
      const Path path{std::string(k_items), size_t{0}};
      for (const auto& a : u->second->second) {
        apply_assignment(part, path, a, cfg, st, u->second->first);
      }
      const YNode* l = part.root().get(k_items);
      if (part.text().compare(0, head.size(), head) != 0 || !l || l->items.size() != 1) {
        return false;
      }
      edited[i] = l->items.front();
      result += part.text().substr(head.size());
    }
    YamlText whole(result);
    const YNode* nl = whole.root().get(k_items);
    if (!nl || nl->items.size() != list->items.size() || whole.root().entries.size() != root.entries.size()) {
      return false;
    }
    for (size_t k = 0; k + 1 < root.entries.size(); ++k) {
      if (!same_tree(root.entries[k].second, whole.root().entries[k].second)) {
        return false;
      }
    }
    for (size_t i = 0; i < nl->items.size(); ++i) {
      auto e = edited.find(i);
      if (!same_tree(nl->items[i], e == edited.end() ? list->items[i] : e->second)) {
        return false;
      }
    }
  } catch (const EditRefused&) {
    return false;
  }
  out = std::move(result);
  return true;
}

} // namespace

EditPlan plan_item_batch(const EditSession& s, const ItemBatch& batch, const UsedIds& history,
                         std::vector<std::string>& new_ids)
{
  const Config& cfg = s.ws.config;
  if (!cfg.loaded) {
    throw OpError("pops.yaml cannot be used; run 'pops check' to see why");
  }
  std::map<std::string, YamlText> texts;  // file -> text being edited
  std::vector<std::string> order;         // files in the order first touched
  auto text_of = [&](const std::string& file) -> YamlText& {
    auto it = texts.find(file);
    if (it == texts.end()) {
      it = texts.emplace(file, open_text(s, file)).first;
      order.push_back(file);
    }
    return it->second;
  };
  // Updates, file by file. A file with many of them is edited entry by entry (edit_by_entry), so that
  // each edit re-parses one entry rather than the whole file; else, or when its layout does not allow
  // that, as a whole.
  std::vector<std::pair<std::string, std::vector<const std::pair<std::string, std::vector<Assignment>>*>>> by_file_updates;
  for (const auto& u : batch.updates) {
    const Item& item = find_item(s, u.first);
    auto it = std::find_if(by_file_updates.begin(), by_file_updates.end(),
                           [&](const auto& f) { return f.first == item.file; });
    if (it == by_file_updates.end()) {
      by_file_updates.emplace_back(item.file, std::vector<const std::pair<std::string, std::vector<Assignment>>*>{});
      it = std::prev(by_file_updates.end());
    }
    it->second.push_back(&u);
  }
  for (const auto& [file, updates] : by_file_updates) {
    YamlText& y = text_of(file);
    const TextStyle st = style_for(s, y, file, FileKind::roadmap);
    if (updates.size() >= 4) {
      std::string out;
      if (edit_by_entry(y, updates, cfg, st, out)) {
        y = YamlText(std::move(out));
        continue;
      }
    }
    for (const auto* u : updates) {
      const std::string& id = u->first;
      const Path path{std::string(k_items), find_entry(y, k_items, id, file)};
      try {
        for (const auto& a : u->second) {
          apply_assignment(y, path, a, cfg, st, id);
        }
      } catch (const EditRefused& e) {
        refuse(file, id, e);
      }
    }
  }
  // New items: entries per file, appended in one edit per file.
  std::map<std::string, long> next;  // prefix -> next number
  std::vector<std::pair<std::string, std::vector<NewEntries>>> by_file;
  std::map<std::string, const Squad*> file_owner;
  for (const auto& spec : batch.adds) {
    const Squad& squad = find_squad(s, spec.squad);
    const std::string prefix = squad.prefix.value;
    if (!is_prefix(prefix)) {
      throw OpError(fmt::format("squad '{}' has no valid prefix in pops.yaml; run 'pops check'", squad.id.value));
    }
    auto [n, fresh] = next.emplace(prefix, 0);
    if (fresh) {
      n->second = next_number(s, prefix, history);
    }
    const std::string id = fmt::format("{}-{}", prefix, n->second++);
    const std::string file = squad_file(s, squad.id.value);
    const bool exists = s.files.count(file) > 0;
    NewEntries e = new_item_entries(cfg, spec, id, squad, exists && file_squad(s.files.at(file)) != squad.id.value);
    auto it = std::find_if(by_file.begin(), by_file.end(), [&](const auto& f) { return f.first == file; });
    if (it == by_file.end()) {
      by_file.emplace_back(file, std::vector<NewEntries>{});
      it = std::prev(by_file.end());
      file_owner[file] = &squad;
    }
    it->second.push_back(std::move(e));
    new_ids.push_back(id);
  }
  for (const auto& [file, entries] : by_file) {
    const bool exists = s.files.count(file) > 0;
    try {
      if (!exists && !texts.count(file)) {
        TextStyle st = style_for(s, YamlText("squad: x\nitems:\n"), file, FileKind::roadmap);
        texts.emplace(file, YamlText(new_roadmap_text(*file_owner.at(file), st)));
        order.push_back(file);
      }
      YamlText& y = text_of(file);
      const TextStyle st = style_for(s, y, file, FileKind::roadmap);
      y.append_entries(k_items, entries, st);
    } catch (const EditRefused& e) {
      refuse(file, "", e);
    }
  }
  EditPlan plan;
  for (const auto& file : order) {
    add_change(plan, change_of(s, file, texts.at(file).text()));
  }
  if (!new_ids.empty()) {
    plan.id = new_ids.front();
  }
  return plan;
}

EditPlan plan_item_set(const EditSession& s, const std::string& id, const std::vector<std::string>& assignments)
{
  if (assignments.empty()) {
    throw OpError("nothing to change; give key=value, e.g. status=planned");
  }
  std::vector<Assignment> parsed;
  for (const auto& a : assignments) {
    parsed.push_back(parse_assignment(a));
  }
  const Item& item = find_item(s, id);
  YamlText y = open_text(s, item.file);
  const Path path{std::string(k_items), find_entry(y, k_items, id, item.file)};
  const TextStyle st = style_for(s, y, item.file, FileKind::roadmap);
  try {
    for (const auto& a : parsed) {
      apply_assignment(y, path, a, s.ws.config, st, id);
    }
  } catch (const EditRefused& e) {
    refuse(item.file, id, e);
  }
  EditPlan plan;
  plan.id = id;
  add_change(plan, change_of(s, item.file, y.text()));
  plan.summary = fmt::format("updated {} in {}: {}", id, item.file, describe(assignments));
  plan.message = fmt::format("Update {}: {}", id, describe(assignments));
  return plan;
}

EditPlan plan_item_drop(const EditSession& s, const std::string& id, const std::string& reason)
{
  if (trim(reason).empty()) {
    throw OpError("say why the item is dropped with --reason TEXT");
  }
  if (!s.ws.config.has_status("dropped")) {
    throw OpError("the workflow in pops.yaml has no 'dropped' status");
  }
  const Item& item = find_item(s, id);
  YamlText y = open_text(s, item.file);
  const Path path{std::string(k_items), find_entry(y, k_items, id, item.file)};
  const TextStyle st = style_for(s, y, item.file, FileKind::roadmap);
  try {
    apply_assignment(y, path, {"status", '=', "dropped"}, s.ws.config, st, id);
    apply_assignment(y, path, {"dropped_reason", '=', std::string(trim(reason))}, s.ws.config, st, id);
  } catch (const EditRefused& e) {
    refuse(item.file, id, e);
  }
  EditPlan plan;
  plan.id = id;
  add_change(plan, change_of(s, item.file, y.text()));
  plan.summary = fmt::format("dropped {} in {}", id, item.file);
  plan.message = fmt::format("Drop {}: {}", id, trim(reason));
  return plan;
}

EditPlan plan_item_update(const EditSession& s, const std::string& id, const UpdateSpec& spec)
{
  if (!is_health(spec.health)) {
    const std::vector<std::string> hs(std::begin(k_health_values), std::end(k_health_values));
    std::string msg = fmt::format("unknown health '{}'", spec.health);
    if (auto dym = did_you_mean(spec.health, hs); !dym.empty()) {
      msg += dym;
    } else {
      msg += "; expected on-track, at-risk or off-track";
    }
    throw OpError(msg);
  }
  if (trim(spec.note).empty()) {
    throw OpError("say what changed with --note TEXT");
  }
  if (!spec.author.empty() && !s.ws.config.person(spec.author)) {
    throw OpError(fmt::format("unknown person '{}' as author{}", spec.author,
                              did_you_mean(spec.author, person_ids(s.ws.config))));
  }
  std::vector<std::pair<std::string, NewScalar>> entry = {
    {"date", NewScalar{format_date(spec.date), false}},
    {"health", NewScalar{spec.health, true}},
    {"note", NewScalar{std::string(trim(spec.note)), true}}};
  if (!spec.author.empty()) {
    entry.emplace_back("author", NewScalar{spec.author, true});
  }
  EditPlan plan;
  plan.id = id;
  const bool is_item = std::any_of(s.ws.items.begin(), s.ws.items.end(), [&](const Item& x) { return x.id.value == id; });
  if (!is_item && s.ws.config.initiative(id)) {
    const std::string file = s.ws.config.file;
    YamlText y = open_text(s, file);
    const Path path{std::string("initiatives"), id};
    TextStyle st = y.style("");
    try {
      y.list_add_map(path, "updates", entry, st);
    } catch (const EditRefused& e) {
      throw OpError(fmt::format("cannot add an update to initiative {} in {}: {}", id, file, e.what()));
    }
    add_change(plan, change_of(s, file, y.text()));
    plan.summary = fmt::format("rated initiative {} {} on {} in {}", id, spec.health, format_date(spec.date), file);
  } else {
    const Item& item = find_item(s, id);
    YamlText y = open_text(s, item.file);
    const Path path{std::string(k_items), find_entry(y, k_items, id, item.file)};
    const TextStyle st = style_for(s, y, item.file, FileKind::roadmap);
    try {
      y.list_add_map(path, "updates", entry, st, k_item_order);
    } catch (const EditRefused& e) {
      refuse(item.file, id, e);
    }
    add_change(plan, change_of(s, item.file, y.text()));
    plan.summary = fmt::format("rated {} {} on {} in {}", id, spec.health, format_date(spec.date), item.file);
  }
  plan.message = fmt::format("Update {}: {}: {}", id, spec.health, trim(spec.note));
  return plan;
}

EditPlan plan_item_move(const EditSession& s, const std::string& id, const std::string& squad_name, bool new_id,
                        const UsedIds& history)
{
  const Item& item = find_item(s, id);
  const Squad& squad = find_squad(s, squad_name);
  const std::string target = squad_file(s, squad.id.value);
  const bool same_squad = item.squad.value == squad.id.value;
  if (!same_squad && !new_id) {
    const std::string prefix = split_id(id).first;
    throw OpError(
      fmt::format("cannot move {} to squad '{}': an item keeps its id, and the ids of '{}' start with {}-, not {}-",
                  id, squad.id.value, squad.id.value, squad.prefix.value, prefix),
      fmt::format("'pops item move {} --squad {} --new-id' copies it to '{}' as a new item ({}-<n>) and drops "
                  "{} with a pointer to it; or add an item with 'pops item add --squad {}' and drop this one with "
                  "'pops item drop {} --reason ...'",
                  id, squad.id.value, squad.id.value, squad.prefix.value, id, squad.id.value, id));
  }
  if (same_squad && new_id) {
    throw OpError(fmt::format("{} is an item of '{}' already; --new-id is for moving to another squad", id,
                              squad.id.value));
  }
  EditPlan plan;
  if (same_squad && target == item.file) {
    plan.id = id;
    plan.summary = fmt::format("{} is in {} already", id, target);
    return plan;
  }
  YamlText src = open_text(s, item.file);
  const size_t index = find_entry(src, k_items, id, item.file);
  const bool target_exists = s.files.count(target) > 0;
  std::string target_before = target_exists ? s.files.at(target) : std::string();
  try {
    const TextStyle src_style = style_for(s, src, item.file, FileKind::roadmap);
    YamlText probe = target_exists ? open_text(s, target) : YamlText("squad: x\nitems:\n");
    TextStyle st = style_for(s, probe, target, FileKind::roadmap);
    const std::string content = target_exists ? target_before
                                              : "squad: " + format_scalar({squad.id.value, true}, false, st.quote)
                                                  + st.eol + "items:" + st.eol;
    // Both squads' items may live in the same file: then the copy goes into that same text.
    YamlText other(content);
    YamlText& dst = target == item.file ? src : other;
    const bool explicit_squad = node_at(src.root(), {std::string(k_items), index, std::string("squad")}) != nullptr;
    const std::string dst_squad = file_squad(content);
    YamlText::Block block;
    std::string moved_id = id;
    if (new_id) {
      moved_id = fmt::format("{}-{}", squad.prefix.value, next_number(s, squad.prefix.value, history));
      YamlText copy = src;
      block = copy.cut_entry(k_items, index);
      const Path p{std::string(k_items), index};
      const std::string reason = fmt::format("moved to {} as {}", squad.id.value, moved_id);
      apply_assignment(src, p, {"status", '=', "dropped"}, s.ws.config, src_style, id);
      apply_assignment(src, p, {"dropped_reason", '=', reason}, s.ws.config, src_style, id);
    } else {
      block = src.cut_entry(k_items, index);
    }
    dst.insert_block(k_items, block, st);
    const YNode* list = dst.root().get(k_items);
    const Path p{std::string(k_items), list->items.size() - 1};
    if (new_id) {
      dst.set(p, "id", NewValue::text(moved_id), st, k_item_order);
      dst.set(p, "moved_from", NewValue::text(id), st, k_item_order);
    }
    if (explicit_squad) {
      if (new_id) {
        dst.set(p, "squad", NewValue::text(squad.id.value), st, k_item_order);
      }
    } else if (dst_squad != squad.id.value) {
      dst.set(p, "squad", NewValue::text(squad.id.value), st, k_item_order);
    }
    plan.id = moved_id;
    // The file that gains the item is written first: a failure in between never loses it.
    if (target != item.file) {
      add_change(plan, change_of(s, target, dst.text()));
    }
    add_change(plan, change_of(s, item.file, src.text()));
  } catch (const EditRefused& e) {
    refuse(item.file, id, e);
  }
  if (new_id) {
    plan.summary = fmt::format("copied {} to {} as {} and dropped {}", id, target, plan.id, id);
    plan.message = fmt::format("Move {} to {} as {}", id, squad.id.value, plan.id);
    auto refs = references_to(s, id);
    if (!refs.empty()) {
      plan.hints.push_back(fmt::format("these still name {}: {}; point them to {} if they should follow it", id,
                                       join(refs, ", "), plan.id));
    }
  } else {
    plan.summary = fmt::format("moved {} from {} to {}", id, item.file, target);
    plan.message = fmt::format("Move {} to {}", id, target);
  }
  return plan;
}

EditPlan plan_feedback_add(const EditSession& s, const FeedbackSpec& spec, const UsedIds& history, Date today)
{
  const std::string date = spec.date.empty() ? format_date(today) : spec.date;
  if (!parse_date(date)) {
    throw OpError(fmt::format("--date '{}' is not a date; write YYYY-MM-DD", date));
  }
  for (const auto& i : spec.items) {
    for (const auto& v : split_values(i)) {
      if (!s.ws.item(v)) {
        (void)find_item(s, v);  // throws with a suggestion
      }
    }
  }
  const std::string id = fmt::format("FB-{}", next_number(s, "FB", history));
  std::string file = "feedback/" + date.substr(0, 7) + ".yaml";
  if (!s.files.count(file) && s.files.count(file.substr(0, file.size() - 4) + "yml")) {
    file = file.substr(0, file.size() - 4) + "yml";
  }
  const bool exists = s.files.count(file) > 0;
  std::map<std::string, NewValue> values;
  values["id"] = NewValue::text(id);
  values["date"] = NewValue::plain(date);
  auto put = [&](const char* key, const std::string& v) {
    if (!trim(v).empty()) {
      values[key] = NewValue::text(std::string(trim(v)));
    }
  };
  put("source", spec.source);
  put("customer", spec.customer);
  put("segment", spec.segment);
  if (!trim(spec.arr).empty()) {
    const std::optional<double> arr = parse_money(spec.arr);
    if (!arr || *arr < 0) {
      throw OpError(fmt::format("--arr '{}' is not an amount; write an amount of at least 0, e.g. {}",
                                std::string(trim(spec.arr)), k_money_examples));
    }
    values["arr"] = NewValue::plain(number_exact(*arr));
  }
  put("quote", spec.quote);
  put("summary", spec.summary);
  put("url", spec.url);
  if (auto t = unique_values(spec.tags); !t.empty()) {
    values["tags"] = NewValue::of_list(std::move(t));
  }
  if (auto t = unique_values(spec.items); !t.empty()) {
    values["items"] = NewValue::of_list(std::move(t));
  }
  NewEntries entries;
  for (auto key : k_feedback_order) {
    if (auto it = values.find(std::string(key)); it != values.end()) {
      entries.emplace_back(std::string(key), it->second);
    }
  }
  try {
    YamlText probe = exists ? open_text(s, file) : YamlText("entries:\n");
    TextStyle st = style_for(s, probe, file, FileKind::feedback);
    YamlText y(exists ? s.files.at(file) : "entries:" + st.eol);
    y.append_entry(k_entries, entries, st);
    EditPlan plan;
    plan.id = id;
    add_change(plan, change_of(s, file, y.text()));
    plan.summary = fmt::format("added {} to {}", id, file);
    const std::string who = trim(spec.customer).empty() ? std::string(trim(spec.source)) : std::string(trim(spec.customer));
    plan.message = fmt::format("Add {} from {}", id, who);
    return plan;
  } catch (const EditRefused& e) {
    refuse(file, id, e);
  }
}

std::string feedback_file_for(const EditSession& s, const std::string& date)
{
  std::string file = "feedback/" + date.substr(0, 7) + ".yaml";
  if (!s.files.count(file) && s.files.count(file.substr(0, file.size() - 4) + "yml")) {
    file = file.substr(0, file.size() - 4) + "yml";
  }
  return file;
}

std::vector<FileChange> plan_feedback_appends(const EditSession& s,
                                              const std::vector<std::pair<std::string, std::vector<NewEntries>>>& by_file)
{
  std::vector<FileChange> out;
  for (const auto& [file, entries] : by_file) {
    const bool exists = s.files.count(file) > 0;
    try {
      YamlText probe = exists ? open_text(s, file) : YamlText("entries:\n");
      TextStyle st = style_for(s, probe, file, FileKind::feedback);
      YamlText y(exists ? s.files.at(file) : "entries:" + st.eol);
      y.append_entries(k_entries, entries, st);
      out.push_back(change_of(s, file, y.text()));
    } catch (const EditRefused& e) {
      refuse(file, "", e);
    }
  }
  return out;
}

EditPlan plan_feedback_link(const EditSession& s, const std::string& fb, const std::vector<std::string>& items)
{
  const Feedback* entry = nullptr;
  int count = 0;
  std::vector<std::string> ids;
  for (const auto& f : s.ws.feedback) {
    ids.push_back(f.id.value);
    if (f.id.value == fb) {
      entry = entry ? entry : &f;
      ++count;
    }
  }
  if (!entry) {
    if (std::string why = unread_holder(s, fb, FileKind::feedback); !why.empty()) {
      throw OpError(fmt::format("unknown feedback '{}': {}", fb, why));
    }
    throw OpError(fmt::format("unknown feedback '{}'{}", fb, did_you_mean(fb, ids)));
  }
  if (count > 1) {
    throw OpError(fmt::format("{} is defined more than once; fix the duplicate first", fb));
  }
  std::vector<std::string> wanted;
  for (const auto& i : items) {
    for (auto& v : split_values(i)) {
      if (!s.ws.item(v)) {
        (void)find_item(s, v);
      }
      if (!contains(wanted, v)) {
        wanted.push_back(std::move(v));
      }
    }
  }
  if (wanted.empty()) {
    throw OpError("name the items to link, e.g. 'pops feedback link FB-12 PAY-3'");
  }
  YamlText y = open_text(s, entry->file);
  const Path path{std::string(k_entries), find_entry(y, k_entries, fb, entry->file)};
  const TextStyle st = style_for(s, y, entry->file, FileKind::feedback);
  std::vector<std::string> added;
  try {
    const YNode* cur = node_at(y.root(), {std::string(k_entries), std::get<size_t>(path[1]), std::string("items")});
    if (cur && !cur->is_null() && !cur->is_seq()) {
      throw OpError(fmt::format("'items' of {} is not a list; fix it by hand first", fb));
    }
    std::vector<std::string> have = list_texts(cur);
    for (const auto& v : wanted) {
      if (!contains(have, v)) {
        y.list_add(path, "items", {v, true}, st, k_feedback_order);
        have.push_back(v);
        added.push_back(v);
      }
    }
  } catch (const EditRefused& e) {
    refuse(entry->file, fb, e);
  }
  EditPlan plan;
  plan.id = fb;
  add_change(plan, change_of(s, entry->file, y.text()));
  if (plan.empty()) {
    plan.summary = fmt::format("{} links {} already", fb, join(wanted, ", "));
  } else {
    plan.summary = fmt::format("linked {} to {} in {}", fb, join(added, ", "), entry->file);
    plan.message = fmt::format("Link {} to {}", fb, join(added, ", "));
  }
  return plan;
}

std::vector<Finding> new_errors(const EditSession& s, const EditPlan& plan, Date today)
{
  std::vector<Finding> out = new_findings(s, plan, today);
  std::erase_if(out, [](const Finding& f) { return f.severity != Severity::error; });
  return out;
}

std::vector<Finding> new_findings(const EditSession& s, const EditPlan& plan, Date today)
{
  std::vector<SourceFile> files;
  std::map<std::string, const FileChange*> changed;
  for (const auto& c : plan.changes) {
    changed[c.path] = &c;
  }
  for (const auto& [path, content] : s.files) {
    auto it = changed.find(path);
    files.push_back({path, it == changed.end() ? content : it->second->after});
  }
  for (const auto& c : plan.changes) {
    if (!s.files.count(c.path)) {
      files.push_back({c.path, c.after});
    }
  }
  std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  Workspace after = load_workspace(s.root, std::move(files));
  CheckOptions opts;
  opts.today = today;
  CheckResult before_r = check_workspace(s.ws, opts);
  opts.base = &s.ws;
  CheckResult after_r = check_workspace(after, opts);
  // Errors and warnings the workspace has already are not new, also when a moved item takes them to
  // another file: match by severity, file, rule and message first, then by severity, rule and message.
  auto counted = [](const Finding& f) { return f.severity == Severity::error || f.severity == Severity::warning; };
  std::multiset<std::string> known;
  std::multiset<std::string> known_anywhere;
  for (const auto& f : before_r.findings) {
    if (counted(f)) {
      known.insert(std::string(severity_name(f.severity)) + '\n' + f.file + '\n' + f.rule + '\n' + normalized(f.message));
    }
  }
  std::vector<Finding> unmatched;
  for (const auto& f : after_r.findings) {
    if (!counted(f)) {
      continue;
    }
    auto it = known.find(std::string(severity_name(f.severity)) + '\n' + f.file + '\n' + f.rule + '\n' +
                         normalized(f.message));
    if (it != known.end()) {
      known.erase(it);
    } else {
      unmatched.push_back(f);
    }
  }
  for (const auto& k : known) {
    const size_t sev_end = k.find('\n');
    const size_t file_end = k.find('\n', sev_end + 1);
    known_anywhere.insert(k.substr(0, sev_end + 1) + k.substr(file_end + 1));
  }
  std::vector<Finding> out;
  for (const auto& f : unmatched) {
    auto it = known_anywhere.find(std::string(severity_name(f.severity)) + '\n' + f.rule + '\n' + normalized(f.message));
    if (it != known_anywhere.end()) {
      known_anywhere.erase(it);
    } else {
      out.push_back(f);
    }
  }
  return out;
}

namespace {

/// "a FIFO", "a symbolic link", ... for messages about what is in the way.
std::string file_type_name(const fs::file_status& st)
{
  switch (st.type()) {
  case fs::file_type::directory:
    return "a folder";
  case fs::file_type::symlink:
    return "a symbolic link pops does not follow (it leads out of the workspace or nowhere)";
  case fs::file_type::fifo:
    return "a FIFO";
  case fs::file_type::socket:
    return "a socket";
  case fs::file_type::character:
  case fs::file_type::block:
    return "a device";
  default:
    return "not a file pops can read";
  }
}

} // namespace

void apply_plan(const std::string& root, const EditPlan& plan)
{
  for (const auto& c : plan.changes) {
    // Every file pops edits stays in its folder of the workspace (a link may lead elsewhere in the
    // workspace, not out of it nor into another data folder).
    const auto slash = c.path.find('/');
    const std::string rel =
      confine_path(root, c.path, slash == std::string::npos ? std::string() : c.path.substr(0, slash), "file");
    fs::path full = fs::path(root) / rel;
    std::error_code ec;
    if (fs::is_symlink(fs::symlink_status(full, ec))) {
      // Write through a link (pops reads only links whose target is in the workspace), not over it.
      full = fs::canonical(full, ec);
      if (ec) {
        throw std::runtime_error(fmt::format("cannot write '{}': {}", c.path, ec.message()));
      }
    }
    if (c.created) {
      const auto st = fs::symlink_status(full, ec);
      if (fs::exists(st) || fs::is_symlink(st)) {
        // Something pops did not read is in the way: only a regular file can have appeared meanwhile.
        if (fs::is_regular_file(st)) {
          throw std::runtime_error(
            fmt::format("'{}' was created while pops was editing; run the command again", c.path));
        }
        throw std::runtime_error(fmt::format("cannot write '{}': it is {}, not a regular file; remove it or "
                                             "replace it with a YAML file",
                                             c.path, file_type_name(st)));
      }
      fs::create_directories(full.parent_path(), ec);
      if (ec) {
        throw std::runtime_error(fmt::format("cannot create '{}': {}", full.parent_path().string(), ec.message()));
      }
    } else {
      std::ifstream in(full, std::ios::binary);
      std::stringstream now;
      now << in.rdbuf();
      if (!in || now.str() != c.before) {
        throw std::runtime_error(
          fmt::format("'{}' changed on disk while pops was editing it; run the command again", c.path));
      }
    }
    write_file_atomic(full.string(), c.after);
  }
}

} // namespace pops
