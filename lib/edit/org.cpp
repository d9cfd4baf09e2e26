#include "edit/org.h"

#include "workspace/config.h"
#include "workspace/schema.h"
#include "base/text.h"
#include "yaml/edit.h"

#include <fmt/format.h>

#include <array>

namespace pops {

namespace {

constexpr std::array<std::string_view, 15> k_config_order = {
  "version", "product", "squads",  "people",       "statuses", "horizons", "feedback_sources", "fields", "rituals",
  "docs",    "rules",   "scoring", "integrations", "aliases",  "pager"};
constexpr std::array<std::string_view, 5> k_squad_order = {"name", "prefix", "lead", "wip_limit", "capacity"};
constexpr std::array<std::string_view, 4> k_person_order = {"name", "email", "role", "squad"};

using Fields = std::vector<std::pair<std::string, std::optional<std::string>>>;

bool is_name(std::string_view id)
{
  if (id.empty() || id.size() > 64 || !((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= '0' && id[0] <= '9'))) {
    return false;
  }
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
      return false;
    }
  }
  return true;
}

void check_values(const EditSession& s, const Fields& fields)
{
  for (const auto& [key, v] : fields) {
    if (!v || v->empty()) {
      continue;
    }
    if (key == "prefix" && !is_prefix(*v)) {
      throw OpError(
        fmt::format("prefix {} is not 2 to 10 capital letters or digits, starting with a letter", quote(*v)));
    }
    if (key == "wip_limit") {
      const bool digits = v->find_first_not_of("0123456789") == std::string::npos && (*v)[0] != '0';
      if (!digits) {
        throw OpError(fmt::format("wip_limit {} is not a whole number above 0", quote(*v)));
      }
    }
    if (key == "capacity") {
      (void)capacity_yaml(*v);
    }
    if (key == "lead" && !s.ws.config.person(*v)) {
      throw OpError(fmt::format("unknown person {} as lead{}", quote(*v), did_you_mean(*v, person_ids(s.ws.config))),
                    "add them first with 'pops person add'");
    }
    if (key == "squad" && !s.ws.config.squad(*v)) {
      throw OpError(fmt::format("unknown squad {}{}", quote(*v), did_you_mean(*v, squad_ids(s.ws.config))),
                    "add it first with 'pops squad add'");
    }
  }
}

/// The edit of `section.id` in pops.yaml: `add` creates the entry with the fields given, else the
/// given fields are set (an empty value removes one).
EditPlan plan_entry(const EditSession& s, std::string_view section, std::string_view what, const std::string& id,
                    const Fields& fields, std::span<const std::string_view> order, bool add)
{
  auto cfg = s.files.find("pops.yaml");
  if (cfg == s.files.end()) {
    throw OpError("pops.yaml cannot be read");
  }
  EditPlan plan;
  std::string text;
  try {
    YamlText y(cfg->second);
    const TextStyle st = y.style("items");
    const Path at{std::string(section)};
    std::string add_capacity_map;
    if (add) {
      if (!y.root().get(section) || y.root().get(section)->is_null()) {
        y.set({}, section, NewValue::of_map({}), st, k_config_order);
      }
      std::vector<std::pair<std::string, NewScalar>> m;
      for (const auto& [key, v] : fields) {
        if (v && !v->empty()) {
          if (key == "capacity" && capacity_value(*v).kind == NewValue::Kind::map) {
            add_capacity_map = *v;  // a mapping is not a scalar of the new entry: set after it
          } else {
            m.push_back({key, {key == "capacity" ? capacity_yaml(*v) : *v, key != "wip_limit" && key != "capacity"}});
          }
        }
      }
      y.set(at, id, NewValue::of_map(m), st, {});
      if (!add_capacity_map.empty()) {
        y.set({std::string(section), id}, "capacity", capacity_value(add_capacity_map), st, order);
      }
    } else {
      for (const auto& [key, v] : fields) {
        if (!v) {
          continue;
        }
        if (v->empty()) {
          y.remove({std::string(section), id}, key);
        } else {
          y.set({std::string(section), id}, key,
                key == "wip_limit"  ? NewValue::plain(*v)
                : key == "capacity" ? capacity_value(*v)
                                    : NewValue::text(*v),
                st, order);
        }
      }
    }
    text = y.text();
  } catch (const EditRefused& e) {
    throw OpError(fmt::format("cannot edit 'pops.yaml': {}", e.what()), fmt::format("edit the {} by hand", what));
  }
  if (text != cfg->second) {
    plan.changes.push_back({"pops.yaml", cfg->second, text, false});
  }
  plan.id = id;
  std::vector<std::string> given;
  for (const auto& [key, v] : fields) {
    if (v) {
      given.push_back(key + "=" + *v);
    }
  }
  plan.summary = add ? fmt::format("added {} {} to pops.yaml", what, id)
                     : fmt::format("updated {} {} in pops.yaml: {}", what, id, join(given, ", "));
  plan.message = add ? fmt::format("Add {} {}", what, id) : fmt::format("Update {} {}", what, id);
  return plan;
}

void need_some(const Fields& fields, std::string_view cmd)
{
  for (const auto& [key, v] : fields) {
    if (v) {
      return;
    }
  }
  throw OpError("nothing to set", fmt::format("give at least one of the options of '{}'", cmd));
}

Fields squad_fields(const SquadSpec& spec)
{
  return {{"name", spec.name},
          {"prefix", spec.prefix},
          {"lead", spec.lead},
          {"wip_limit", spec.wip_limit},
          {"capacity", spec.capacity}};
}

Fields person_fields(const PersonSpec& spec)
{
  return {{"name", spec.name}, {"email", spec.email}, {"role", spec.role}, {"squad", spec.squad}};
}

}  // namespace

namespace {

/// The quarters and numbers of a capacity as typed: one entry with an empty quarter for a number.
std::vector<std::pair<std::string, std::string>> capacity_parts(std::string_view text)
{
  auto number = [](std::string_view n) {
    n = trim(n);
    size_t dots = 0;
    bool digits = false;
    for (char c : n) {
      dots += c == '.';
      digits = digits || (c >= '0' && c <= '9');
      if (!((c >= '0' && c <= '9') || c == '.')) {
        return false;
      }
    }
    return digits && dots <= 1 && n.front() != '.' && n.back() != '.';
  };
  const std::string right = "expected a number of 0 or more for every quarter (40), or quarters and numbers "
                            "(2027-Q1=40,2027-Q2=36)";
  if (number(text)) {
    return {{"", std::string(trim(text))}};
  }
  std::vector<std::pair<std::string, std::string>> parts;
  std::vector<std::string> pieces{""};
  for (char c : text) {
    if (c == ',') {
      pieces.emplace_back();
    } else {
      pieces.back() += c;
    }
  }
  for (const auto& part : pieces) {
    const auto eq = part.find('=');
    const std::string q(trim(std::string_view(part).substr(0, eq)));
    if (eq == std::string::npos || !is_quarter(q) || !number(std::string_view(part).substr(eq + 1))) {
      throw OpError(fmt::format("capacity {} is not valid", quote(text)), right);
    }
    parts.emplace_back(q, std::string(trim(std::string_view(part).substr(eq + 1))));
  }
  return parts;
}

}  // namespace

NewValue capacity_value(std::string_view text)
{
  auto parts = capacity_parts(text);
  if (parts.size() == 1 && parts[0].first.empty()) {
    return NewValue::plain(parts[0].second);
  }
  std::vector<std::pair<std::string, NewScalar>> m;
  for (auto& [q, n] : parts) {
    m.push_back({q, {n, false}});
  }
  return NewValue::of_map(std::move(m));
}

std::string capacity_yaml(std::string_view text)
{
  auto parts = capacity_parts(text);
  if (parts.size() == 1 && parts[0].first.empty()) {
    return parts[0].second;
  }
  std::vector<std::string> out;
  for (const auto& [q, n] : parts) {
    out.push_back(q + ": " + n);
  }
  return "{" + join(out, ", ") + "}";
}

EditPlan plan_squad_add(const EditSession& s, const SquadSpec& spec)
{
  if (!is_name(spec.id)) {
    throw OpError(fmt::format("squad id {} is not lower-case letters, digits, '-' and '_'", quote(spec.id)));
  }
  if (s.ws.config.squad(spec.id)) {
    throw OpError(fmt::format("squad {} exists already", quote(spec.id)), "change it with 'pops squad set'");
  }
  if (!spec.prefix || spec.prefix->empty()) {
    throw OpError("a new squad needs --prefix, the prefix of its item ids (e.g. PAY)");
  }
  if (const Squad* other = s.ws.config.squad_by_prefix(*spec.prefix)) {
    throw OpError(
      fmt::format("prefix {} is the prefix of squad {} already", quote(*spec.prefix), quote(other->id.value)));
  }
  check_values(s, squad_fields(spec));
  return plan_entry(s, "squads", "squad", spec.id, squad_fields(spec), k_squad_order, true);
}

EditPlan plan_squad_set(const EditSession& s, const SquadSpec& spec)
{
  if (!s.ws.config.squad(spec.id)) {
    throw OpError(fmt::format("unknown squad {}{}", quote(spec.id), did_you_mean(spec.id, squad_ids(s.ws.config))),
                  "add it with 'pops squad add'");
  }
  need_some(squad_fields(spec), "pops squad set");
  if (spec.prefix && spec.prefix->empty()) {
    throw OpError("a squad needs its prefix; give another one instead");
  }
  if (spec.prefix) {
    if (const Squad* other = s.ws.config.squad_by_prefix(*spec.prefix); other && other->id.value != spec.id) {
      throw OpError(
        fmt::format("prefix {} is the prefix of squad {} already", quote(*spec.prefix), quote(other->id.value)));
    }
  }
  check_values(s, squad_fields(spec));
  return plan_entry(s, "squads", "squad", spec.id, squad_fields(spec), k_squad_order, false);
}

EditPlan plan_person_add(const EditSession& s, const PersonSpec& spec)
{
  if (!is_name(spec.id)) {
    throw OpError(fmt::format("person id {} is not lower-case letters, digits, '-' and '_'", quote(spec.id)));
  }
  if (s.ws.config.person(spec.id)) {
    throw OpError(fmt::format("person {} exists already", quote(spec.id)), "change them with 'pops person set'");
  }
  check_values(s, person_fields(spec));
  return plan_entry(s, "people", "person", spec.id, person_fields(spec), k_person_order, true);
}

EditPlan plan_person_set(const EditSession& s, const PersonSpec& spec)
{
  if (!s.ws.config.person(spec.id)) {
    throw OpError(fmt::format("unknown person {}{}", quote(spec.id), did_you_mean(spec.id, person_ids(s.ws.config))),
                  "add them with 'pops person add'");
  }
  need_some(person_fields(spec), "pops person set");
  check_values(s, person_fields(spec));
  return plan_entry(s, "people", "person", spec.id, person_fields(spec), k_person_order, false);
}

}  // namespace pops
