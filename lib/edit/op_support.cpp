// What the item and feedback operations share. See op_support.h.

#include "edit/op_support.h"

#include "base/text.h"

#include <fmt/format.h>

#include <algorithm>

namespace pops::ops_detail {

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

[[noreturn]] void refuse(const std::string& file, std::string_view what, const EditRefused& e)
{
  throw OpError(fmt::format("cannot edit '{}'{}: {}", file, what.empty() ? "" : fmt::format(" ({})", what), e.what()),
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
        return fmt::format("'{}' mentions it but cannot be read (line {}: {}); fix that file first", path, f.loc.line,
                           f.message);
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

void add_change(EditPlan& plan, FileChange c)
{
  if (c.created || c.before != c.after) {
    plan.changes.push_back(std::move(c));
  }
}

}  // namespace pops::ops_detail
