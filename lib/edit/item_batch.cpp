// pops import's changes and additions of many items in one plan. See plan_item_batch in ops.h.

#include "edit/ops.h"

#include "edit/item_keys.h"
#include "edit/op_support.h"
#include "base/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace pops {

using namespace ops_detail;

namespace {

/// Applies `updates` to the items of `y` one entry at a time: the lines of each entry are edited as a
/// document of their own ("items:" and the entry), checked by the edit engine like any edit, and put
/// back; the whole result is then parsed once and compared, entry by entry, with what was intended.
/// Returns false, leaving `out` alone, when the file's layout does not allow it (an entry whose '-'
/// is not on the line of its first key, `items:` not the last key, a flow list) or when anything is
/// not as intended; the caller then edits the file as a whole.
bool edit_by_entry(const YamlText& y,
                   const std::vector<const std::pair<std::string, std::vector<Assignment>>*>& updates,
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

}  // namespace

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
  std::vector<std::pair<std::string, std::vector<const std::pair<std::string, std::vector<Assignment>>*>>>
    by_file_updates;
  for (const auto& u : batch.updates) {
    const Item& item = find_item(s, u.first);
    auto it =
      std::find_if(by_file_updates.begin(), by_file_updates.end(), [&](const auto& f) { return f.first == item.file; });
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

}  // namespace pops
