// pops item add/set/drop/update/move as planned file edits. See ops.h.

#include "edit/ops.h"

#include "edit/item_keys.h"
#include "edit/op_support.h"
#include "base/text.h"

#include <fmt/format.h>

#include <algorithm>

namespace pops {

using namespace ops_detail;

namespace {

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

}  // namespace

std::span<const std::string_view> item_key_order()
{
  return k_item_order;
}

Assignment parse_assignment(std::string_view text)
{
  const size_t eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0) {
    throw OpError(fmt::format("'{}' is not a change; write key=value, key= (to remove it), list+=value or "
                              "list-=value",
                              text));
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
    throw OpError(
      fmt::format("unknown person '{}' as author{}", spec.author, did_you_mean(spec.author, person_ids(s.ws.config))));
  }
  std::vector<std::pair<std::string, NewScalar>> entry = {{"date", NewScalar{format_date(spec.date), false}},
                                                          {"health", NewScalar{spec.health, true}},
                                                          {"note", NewScalar{std::string(trim(spec.note)), true}}};
  if (!spec.author.empty()) {
    entry.emplace_back("author", NewScalar{spec.author, true});
  }
  EditPlan plan;
  plan.id = id;
  const bool is_item =
    std::any_of(s.ws.items.begin(), s.ws.items.end(), [&](const Item& x) { return x.id.value == id; });
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
      fmt::format("cannot move {} to squad '{}': an item keeps its id, and the ids of '{}' start with {}-, not {}-", id,
                  squad.id.value, squad.id.value, squad.prefix.value, prefix),
      fmt::format("'pops item move {} --squad {} --new-id' copies it to '{}' as a new item ({}-<n>) and drops "
                  "{} with a pointer to it; or add an item with 'pops item add --squad {}' and drop this one with "
                  "'pops item drop {} --reason ...'",
                  id, squad.id.value, squad.id.value, squad.prefix.value, id, squad.id.value, id));
  }
  if (same_squad && new_id) {
    throw OpError(
      fmt::format("{} is an item of '{}' already; --new-id is for moving to another squad", id, squad.id.value));
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
    const std::string content =
      target_exists ? target_before
                    : "squad: " + format_scalar({squad.id.value, true}, false, st.quote) + st.eol + "items:" + st.eol;
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

}  // namespace pops
