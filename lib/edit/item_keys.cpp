// How pops writes the keys of an item and the entries of a new item. See item_keys.h.

#include "edit/item_keys.h"

#include "edit/op_support.h"
#include "base/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace pops::ops_detail {

std::optional<KeyInfo> item_key(const Config& cfg, std::string_view key)
{
  static const std::map<std::string_view, KeyInfo> builtin = {{"id", {KeyType::id, true}},
                                                              {"title", {KeyType::text, true}},
                                                              {"status", {KeyType::text, true}},
                                                              {"squad", {KeyType::text, false}},
                                                              {"horizon", {KeyType::text, false}},
                                                              {"owner", {KeyType::text, false}},
                                                              {"target", {KeyType::plain, false}},
                                                              {"depends_on", {KeyType::list, false}},
                                                              {"tags", {KeyType::list, false}},
                                                              {"okr", {KeyType::text, false}},
                                                              {"links", {KeyType::text_map, false}},
                                                              {"score", {KeyType::number_map, false}},
                                                              {"success", {KeyType::unsupported, false}},
                                                              {"description", {KeyType::text, false}},
                                                              {"dropped_reason", {KeyType::text, false}},
                                                              {"reopened", {KeyType::plain, false}},
                                                              {"moved_from", {KeyType::text, false}},
                                                              {"key_results", {KeyType::list, false}},
                                                              {"initiative", {KeyType::text, false}},
                                                              {"updates", {KeyType::unsupported, false}}};
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

std::string file_squad(const std::string& content)
{
  YamlDoc doc = parse_yaml(content);
  const YNode* sq = doc.ok && doc.root.is_map() ? doc.root.get("squad") : nullptr;
  return sq && sq->is_scalar() ? sq->text : std::string();
}

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
    throw OpError(
      "an item's id never changes",
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
    maps["links"].emplace_back(std::string(trim(l.substr(0, eq))),
                               NewScalar{std::string(trim(l.substr(eq + 1))), true});
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

std::string new_roadmap_text(const Squad& squad, const TextStyle& st)
{
  return "squad: " + format_scalar({squad.id.value, true}, false, st.quote) + st.eol + "items:" + st.eol;
}

}  // namespace pops::ops_detail
