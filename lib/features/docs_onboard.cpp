#include "features/docs_onboard.h"

#include "edit/org.h"

#include "workspace/cadence.h"
#include "features/docs.h"
#include "features/editor_schemas.h"
#include "features/ritual.h"
#include "workspace/rules.h"
#include "workspace/schema.h"
#include "features/template.h"
#include "base/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <set>
#include <system_error>

namespace fs = std::filesystem;

namespace pops {

namespace {

using json = nlohmann::json;

constexpr std::array<std::string_view, 14> k_config_order = {
  "version", "product", "squads", "people", "statuses", "horizons",     "feedback_sources",
  "fields",  "rituals", "docs",   "rules",  "scoring",  "integrations", "aliases"};

std::string_view status_meaning(std::string_view s)
{
  if (s == "idea") {
    return "a problem or opportunity worth looking at, not yet explored";
  }
  if (s == "discovery") {
    return "being explored with customers and data: is it worth building?";
  }
  if (s == "planned") {
    return "we will build it; scoped and waiting for capacity";
  }
  if (s == "in-progress") {
    return "being built now; counts against the squad's WIP limit";
  }
  if (s == "shipped") {
    return "in customers' hands";
  }
  if (s == "dropped") {
    return "stopped on purpose, with a dropped_reason; the way out from any status";
  }
  return "";
}

std::string_view horizon_meaning(std::string_view h)
{
  if (h == "now") {
    return "what the squad works on this cycle";
  }
  if (h == "next") {
    return "what comes after, being shaped now";
  }
  if (h == "later") {
    return "ideas we keep in view, not committed";
  }
  return "";
}

json onboarding_data(const Workspace& ws, const OnboardSpec& spec, const std::string& doc_path, Date today)
{
  const Squad* squad = ws.config.squad(spec.squad);
  const Person* me = ws.config.person(spec.person);
  const std::string my_name = me && me->name.set ? me->name.value : spec.person;
  json d;
  d["person"] = spec.person;
  d["person_name"] = my_name;
  d["squad"] = spec.squad;
  d["squad_name"] = squad->name.set ? squad->name.value : spec.squad;
  d["prefix"] = squad->prefix.value;
  d["lead"] = json();
  if (squad->lead.set && squad->lead.value != spec.person) {
    const Person* lead = ws.config.person(squad->lead.value);
    d["lead"] = squad->lead.value;
    d["lead_name"] = lead && lead->name.set ? lead->name.value : squad->lead.value;
    d["lead_email"] = lead && lead->email.set ? json(lead->email.value) : json();
  }
  long in_progress = 0;
  for (const auto& it : ws.items) {
    in_progress += it.squad.value == spec.squad && it.status.value == "in-progress" ? 1 : 0;
  }
  d["wip_limit"] = squad->wip_limit.set ? json(std::to_string(squad->wip_limit.value)) : json();
  d["in_progress"] = std::to_string(in_progress);
  d["teammates"] = json::array();
  for (const auto& p : ws.config.people) {
    if (p.squad.value == spec.squad && p.id.value != spec.person) {
      d["teammates"].push_back({{"id", p.id.value},
                                {"name", p.name.set ? p.name.value : p.id.value},
                                {"role", p.role.set ? json(p.role.value) : json()}});
    }
  }
  d["has_teammates"] = !d["teammates"].empty();
  // The squad's items in the first two horizons (now, next), not shipped or dropped.
  d["horizons"] = json::array();
  std::set<std::string> current;
  for (size_t h = 0; h < 2 && h < ws.config.horizons.size(); ++h) {
    const std::string& name = ws.config.horizons[h].value;
    json col;
    std::string title = name;
    if (!title.empty() && title[0] >= 'a' && title[0] <= 'z') {
      title[0] = static_cast<char>(title[0] - 'a' + 'A');
    }
    col["title"] = title;
    col["items"] = json::array();
    for (const auto& it : ws.items) {
      if (it.squad.value != spec.squad || it.horizon.value != name || it.status.value == "shipped"
          || it.status.value == "dropped") {
        continue;
      }
      current.insert(it.id.value);
      col["items"].push_back({{"id", it.id.value},
                              {"title", it.title.value},
                              {"status", it.status.value},
                              {"owner", it.owner.set ? json(it.owner.value) : json()},
                              {"target", it.target.set ? json(format_date(it.target.value)) : json()}});
    }
    d["horizons"].push_back(col);
  }
  // Docs linked to those items.
  d["docs"] = json::array();
  const fs::path from = fs::path(doc_path).parent_path();
  for (const auto& doc : ws.docs) {
    std::vector<std::string> linked;
    for (const auto& i : doc.items) {
      if (current.count(i.value)) {
        linked.push_back(i.value);
      }
    }
    if (linked.empty()) {
      continue;
    }
    d["docs"].push_back({{"title", doc.title.set ? doc.title.value : doc.file},
                         {"link", fs::path(doc.file).lexically_relative(from).generic_string()},
                         {"type", doc.type.value},
                         {"status", doc.status.set ? doc.status.value : std::string("no status")},
                         {"items_list", join(linked, ", ")}});
  }
  // Rituals the squad takes part in.
  d["rituals"] = json::array();
  for (const auto& r : ws.config.rituals) {
    const auto squads = ritual_squads(ws, r);
    if (std::find(squads.begin(), squads.end(), spec.squad) == squads.end()) {
      continue;
    }
    const auto next = ritual_next(ws, r, today, 1);
    d["rituals"].push_back({{"name", r.name.value},
                            {"cadence", r.cadence.set ? cadence_text(r.cadence.value) : std::string("no set cadence")},
                            {"next", next.empty() ? std::string("not scheduled") : format_date(next.front())}});
  }
  // The rules in force, as pops.yaml sets them.
  d["rules"] = json::array();
  for (const auto& rule : all_rules()) {
    Severity sev = rule.default_severity;
    std::string scope = "every squad";
    if (auto it = ws.config.rules.find(rule.id); it != ws.config.rules.end()) {
      sev = it->second.severity;
      if (!it->second.pilot.empty()) {
        std::vector<std::string> pilots;
        bool mine = false;
        for (const auto& p : it->second.pilot) {
          pilots.push_back(p.value);
          mine = mine || p.value == spec.squad;
        }
        scope = fmt::format("pilot: {}{}", join(pilots, ", "), mine ? " (your squad)" : " (not your squad yet)");
      }
    }
    if (sev == Severity::off) {
      scope = "nobody";
    }
    d["rules"].push_back({{"id", std::string(rule.id)},
                          {"severity", std::string(severity_name(sev))},
                          {"scope", scope},
                          {"summary", std::string(rule.summary)}});
  }
  d["statuses"] = json::array();
  for (const auto& s : ws.config.statuses) {
    const auto m = status_meaning(s.value);
    d["statuses"].push_back({{"name", s.value}, {"meaning", m.empty() ? json() : json(std::string(m))}});
  }
  d["horizon_terms"] = json::array();
  for (const auto& h : ws.config.horizons) {
    const auto m = horizon_meaning(h.value);
    d["horizon_terms"].push_back({{"name", h.value}, {"meaning", m.empty() ? json() : json(std::string(m))}});
  }
  return d;
}

}  // namespace

EditPlan plan_onboard(const EditSession& s, const OnboardSpec& spec, Date today)
{
  const Workspace& ws = s.ws;
  if (!ws.config.loaded) {
    throw OpError("pops.yaml cannot be read; run 'pops check' to see why");
  }
  if (!is_squad_id(spec.person)) {
    throw OpError(fmt::format("{} is not a person id; use lower-case letters, digits, '-' and '_', starting "
                              "with a letter (e.g. dana)",
                              quote(spec.person)));
  }
  const Squad* squad = ws.config.squad(spec.squad);
  if (!squad) {
    std::vector<std::string> names;
    for (const auto& sq : ws.config.squads) {
      names.push_back(sq.id.value);
    }
    throw OpError(fmt::format("unknown squad {}{}", quote(spec.squad), did_you_mean(spec.squad, names)),
                  "squads: " + join(names, ", "));
  }
  const Person* existing = ws.config.person(spec.person);
  if (existing && existing->squad.set && existing->squad.value != spec.squad) {
    throw OpError(
      fmt::format("{} is in pops.yaml already, in squad {}", quote(spec.person), quote(existing->squad.value)),
      "change their squad in pops.yaml by hand, or onboard them to that squad");
  }
  // The onboarding document type: one named onboarding, else one using the onboarding template.
  const DocType* type = ws.config.doc_type("onboarding");
  for (const auto& t : ws.config.doc_types) {
    if (!type && t.template_name.value == "onboarding") {
      type = &t;
    }
  }
  DocType added_type;
  if (!type) {
    added_type.name = LStr{"onboarding", {}, {}, true};
    added_type.dir = LStr{"docs/onboarding", {}, {}, true};
    added_type.template_name = LStr{"onboarding", {}, {}, true};
  }
  const DocType& dtype = type ? *type : added_type;
  const std::string dir = doc_dir(dtype);
  const std::string path = dir + "/" + spec.person + ".md";
  std::error_code ec;
  if (!dir.starts_with("docs/")) {
    throw OpError(fmt::format("the folder of onboarding documents, {}, is not under docs/", quote(dir)));
  }
  if (s.files.count(path) || fs::exists(fs::symlink_status(fs::path(s.root) / path, ec))) {
    throw OpError(fmt::format("{} exists already; pops never overwrites a document", quote(path)),
                  "edit it, or remove it first to write it again");
  }
  // pops.yaml: the person, and the document type when missing.
  auto cfg = s.files.find("pops.yaml");
  if (cfg == s.files.end()) {
    throw OpError("pops.yaml cannot be read");
  }
  EditPlan plan;
  std::vector<std::string> did;
  // The person, as `pops person add` (or `pops person set --squad`) writes them: one edit of pops.yaml.
  std::string person_text = cfg->second;
  if (!existing || !existing->squad.set) {
    PersonSpec p{spec.person, {}, {}, {}, spec.squad};
    auto given = [](const std::string& v) { return v.empty() ? std::optional<std::string>() : std::optional(v); };
    if (!existing) {
      p.name = given(spec.name);
      p.email = given(spec.email);
      p.role = given(spec.role);
    }
    const EditPlan person = existing ? plan_person_set(s, p) : plan_person_add(s, p);
    for (const auto& c : person.changes) {
      if (c.path == "pops.yaml") {
        person_text = c.after;
      }
    }
    did.push_back(existing ? fmt::format("set {}'s squad in pops.yaml", spec.person)
                           : fmt::format("added {} to pops.yaml", spec.person));
  }
  std::string config_text = person_text;
  try {
    YamlText y(person_text);
    TextStyle st = y.style("items");
    if (!type) {
      if (!y.root().get("docs") || y.root().get("docs")->is_null()) {
        y.set({}, "docs", NewValue::of_map({}), st, k_config_order);
      }
      const YNode* types = y.root().get("docs")->get("types");
      if (!types || types->is_null()) {
        y.set({std::string("docs")}, "types", NewValue::of_map({}), st);
      }
      y.set({std::string("docs"), std::string("types")}, "onboarding",
            NewValue::of_map({{"dir", {"docs/onboarding", true}}, {"template", {"onboarding", true}}}), st);
      did.push_back("added the document type 'onboarding'");
    }
    config_text = y.text();
  } catch (const EditRefused& e) {
    throw OpError(fmt::format("cannot edit 'pops.yaml': {}", e.what()),
                  "add the document type by hand, then run pops onboard again");
  }
  if (config_text != cfg->second) {
    plan.changes.push_back({"pops.yaml", cfg->second, config_text, false});
  }
  // The document, rendered from the workspace as the edit leaves it.
  std::vector<SourceFile> files;
  for (const auto& [p, content] : s.files) {
    files.push_back({p, p == "pops.yaml" ? config_text : content});
  }
  const Workspace after = load_workspace(s.root, std::move(files), 1);
  if (!after.config.loaded) {
    throw OpError("pops.yaml would not be readable after the edit; add the person by hand");
  }
  const DocType* final_type = after.config.doc_type(dtype.name.value);
  if (!final_type) {
    final_type = &dtype;
  }
  const Person* me = after.config.person(spec.person);
  DocSpec doc;
  doc.type = final_type->name.value;
  doc.owner = spec.person;
  doc.title = "Onboarding: " + (me && me->name.set ? me->name.value : spec.person);
  plan.changes.push_back(
    {path, "", render_doc(s.root, after, *final_type, doc, today, onboarding_data(after, spec, path, today)), true});
  did.push_back("wrote " + path);
  plan.id = path;
  plan.summary = join(did, ", ");
  plan.message = fmt::format("Onboard {} to {}", spec.person, spec.squad);
  refresh_doc_index(s, plan);
  refresh_editor_schemas(s.root, plan);
  return plan;
}

}  // namespace pops
