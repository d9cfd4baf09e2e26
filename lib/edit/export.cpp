// pops export: the workspace as Jira's CSV import format, a flat CSV of items, or versioned JSON. See
// integrations.h.

#include "edit/integrations.h"

#include "workspace/tool_defaults.h"
#include "base/csv.h"
#include "base/date.h"
#include "base/text.h"
#include "workspace/config.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace pops {

using namespace integrations_detail;

namespace {

/// A custom field's value as text: lists joined with `sep`.
std::string field_text(const Item& it, const std::string& name, std::string_view sep)
{
  for (const auto& [k, n] : it.fields) {
    if (k.value == name) {
      if (n.is_seq()) {
        std::vector<std::string> t;
        for (const auto& x : n.items) {
          t.push_back(x.text);
        }
        return join(t, sep);
      }
      return n.text;
    }
  }
  return {};
}

}  // namespace

std::string export_jira_csv(const Workspace& ws)
{
  const ToolMapping m = tool_mapping(ws.config, "jira");
  size_t labels = 1;
  for (const auto& it : ws.items) {
    labels = std::max(labels, it.tags.size());
  }
  std::vector<std::string> head = {"Issue key",   "Summary",  "Issue Type", "Status",
                                   "Description", "Assignee", "Due date"};
  for (size_t i = 0; i < labels; ++i) {
    head.emplace_back("Labels");
  }
  head.emplace_back("pops id");  // what `pops import jira` matches an item by when it has no links.jira
  std::string out = csv_row(head);
  for (const auto& it : ws.items) {
    std::string status = it.status.value;
    for (const auto& [from, to] : m.statuses) {
      if (to == it.status.value) {
        status = from;
        break;
      }
    }
    std::string key = link_of(it, "jira");
    if (key.empty()) {
      key = it.id.value;
    }
    std::string assignee;
    if (const Person* p = ws.config.person(it.owner.value)) {
      assignee = p->email ? p->email.value : p->name ? p->name.value : p->id.value;
    }
    std::vector<std::string> row = {key,
                                    it.title.value,
                                    "Epic",
                                    status,
                                    it.description.value,
                                    assignee,
                                    it.target ? format_date(it.target.value) : ""};
    for (size_t i = 0; i < labels; ++i) {
      row.push_back(i < it.tags.size() ? it.tags[i].value : "");
    }
    row.push_back(it.id.value);
    out += csv_row(row);
  }
  return out;
}

std::string export_items_csv(const Workspace& ws)
{
  std::vector<std::string> head = {"id",      "title",       "status",         "squad",    "horizon",    "owner",
                                   "target",  "depends_on",  "tags",           "okr",      "links",      "score",
                                   "success", "description", "dropped_reason", "reopened", "moved_from", "file"};
  for (const auto& f : ws.config.fields) {
    head.push_back(f.name.value);
  }
  std::string out = csv_row(head);
  for (const auto& it : ws.items) {
    std::vector<std::string> links, score, success;
    for (const auto& [k, v] : it.links) {
      links.push_back(k.value + "=" + v.value);
    }
    for (const auto& [k, v] : it.score) {
      score.push_back(k.value + "=" + number_exact(v.value));
    }
    for (const auto& sc : it.success) {
      success.push_back(sc.target ? sc.metric.value + " " + sc.target.value : sc.metric.value);
    }
    std::vector<std::string> row = {it.id.value,
                                    it.title.value,
                                    it.status.value,
                                    it.squad.value,
                                    it.horizon.value,
                                    it.owner.value,
                                    it.target ? format_date(it.target.value) : "",
                                    join(names_of(it.depends_on), ";"),
                                    join(names_of(it.tags), ";"),
                                    it.okr.value,
                                    join(links, ";"),
                                    join(score, ";"),
                                    join(success, ";"),
                                    it.description.value,
                                    it.dropped_reason.value,
                                    it.reopened ? (it.reopened.value ? "true" : "false") : "",
                                    it.moved_from.value,
                                    it.file};
    for (const auto& f : ws.config.fields) {
      row.push_back(field_text(it, f.name.value, ";"));
    }
    out += csv_row(row);
  }
  return out;
}

namespace {

using Json = nlohmann::ordered_json;

Json opt(const LStr& v)
{
  return v.set ? Json(v.value) : Json();
}

Json opt_date(const Located<Date>& d)
{
  return d.set ? Json(format_date(d.value)) : Json();
}

Json strings(const std::vector<LStr>& v)
{
  Json a = Json::array();
  for (const auto& x : v) {
    a.push_back(x.value);
  }
  return a;
}

Json cadence_json(const Located<Cadence>& c)
{
  static constexpr std::string_view k_days[] = {"monday", "tuesday",  "wednesday", "thursday",
                                                "friday", "saturday", "sunday"};
  if (!c.set) {
    return Json();
  }
  Json j;
  j["every"] = fmt::format("{} {}", c.value.every, c.value.unit);
  j["on"] = c.value.on >= 0 && c.value.on < 7 ? Json(std::string(k_days[c.value.on])) : Json();
  j["from"] = c.value.from ? Json(format_date(*c.value.from)) : Json();
  return j;
}

Json field_json(const FieldDef* def, const YNode& n)
{
  if (n.is_seq()) {
    Json a = Json::array();
    for (const auto& x : n.items) {
      a.push_back(x.text);
    }
    return a;
  }
  if (!n.is_scalar()) {
    return Json();
  }
  const std::string type = def ? def->type.value : "string";
  if (type == "number") {
    double v = 0;
    if (!n.quoted && parse_number(n.text, v)) {
      return v;
    }
  } else if (type == "bool" && !n.quoted && (n.text == "true" || n.text == "false")) {
    return n.text == "true";
  }
  return n.text;
}

/// The squads of pops.yaml; capacity (format 1.3) a number (every quarter), quarters to numbers, or null.
Json squads_json(const Config& cfg)
{
  Json squads = Json::array();
  for (const auto& s : cfg.squads) {
    squads.push_back({{"id", s.id.value},
                      {"name", opt(s.name)},
                      {"prefix", opt(s.prefix)},
                      {"lead", opt(s.lead)},
                      {"wip_limit", s.wip_limit ? Json(s.wip_limit.value) : Json()}});
    Json& cap = squads.back()["capacity"];
    if (!s.capacity_by_period.empty()) {
      cap = Json::object();
      for (const auto& [q, n] : s.capacity_by_period) {
        cap[q.value] = n.value;
      }
    } else {
      cap = s.capacity ? Json(s.capacity.value) : Json();
    }
  }
  return squads;
}

/// The objectives of pops.yaml with their key results.
Json objectives_json(const Config& cfg)
{
  Json objectives = Json::array();
  for (const auto& o : cfg.objectives) {
    Json krs = Json::array();
    for (const auto& kr : o.key_results) {
      krs.push_back(
        {{"id", kr.id.value},
         {"title", opt(kr.title)},
         {"metric", opt(kr.metric)},
         {"baseline", kr.baseline ? Json(kr.baseline.value) : Json()},
         {"target", kr.target ? Json(kr.target.value) : Json()},
         {"series",
          kr.series_source ? Json{{"source", kr.series_source.value}, {"key", kr.series_key.value}} : Json()}});
    }
    objectives.push_back({{"id", o.id.value},
                          {"title", opt(o.title)},
                          {"owner", opt(o.owner)},
                          {"period", opt(o.period)},
                          {"key_results", krs}});
  }
  return objectives;
}

/// The health-rated updates of an initiative or an item (format 1.3).
Json updates_json(const std::vector<Update>& us)
{
  Json a = Json::array();
  for (const auto& u : us) {
    a.push_back({{"date", u.date ? Json(format_date(u.date.value)) : Json()},
                 {"health", opt(u.health)},
                 {"note", opt(u.note)},
                 {"author", opt(u.author)}});
  }
  return a;
}

/// One item with every key of the format.
Json item_json(const Config& cfg, const Item& it)
{
  Json e;
  e["id"] = it.id.value;
  e["title"] = opt(it.title);
  e["status"] = opt(it.status);
  e["squad"] = opt(it.squad);
  e["horizon"] = opt(it.horizon);
  e["owner"] = opt(it.owner);
  e["target"] = opt_date(it.target);
  e["depends_on"] = strings(it.depends_on);
  e["tags"] = strings(it.tags);
  e["okr"] = opt(it.okr);
  e["key_results"] = strings(it.key_results);
  e["initiative"] = opt(it.initiative);
  e["updates"] = updates_json(it.updates);
  Json links = Json::object();
  for (const auto& [k, v] : it.links) {
    links[k.value] = v.value;
  }
  e["links"] = links;
  Json score = Json::object();
  for (const auto& [k, v] : it.score) {
    score[k.value] = v.value;
  }
  e["score"] = score;
  Json success = Json::array();
  for (const auto& sc : it.success) {
    success.push_back({{"metric", opt(sc.metric)}, {"target", opt(sc.target)}});
  }
  e["success"] = success;
  e["description"] = opt(it.description);
  e["dropped_reason"] = opt(it.dropped_reason);
  e["reopened"] = it.reopened ? it.reopened.value : false;
  e["moved_from"] = opt(it.moved_from);
  Json custom = Json::object();
  for (const auto& [k, n] : it.fields) {
    custom[k.value] = field_json(cfg.field(k.value), n);
  }
  e["fields"] = custom;
  e["file"] = it.file;
  e["line"] = it.loc.line;
  return e;
}

/// One feedback entry.
Json feedback_json(const Feedback& fb)
{
  Json e;
  e["id"] = fb.id.value;
  e["date"] = opt_date(fb.date);
  e["source"] = opt(fb.source);
  e["customer"] = opt(fb.customer);
  e["segment"] = opt(fb.segment);
  e["arr"] = fb.arr ? Json(fb.arr.value) : Json();
  e["quote"] = opt(fb.quote);
  e["summary"] = opt(fb.summary);
  e["tags"] = strings(fb.tags);
  e["items"] = strings(fb.items);
  e["url"] = opt(fb.url);
  e["file"] = fb.file;
  e["line"] = fb.loc.line;
  return e;
}

/// One document with its front matter and headings.
Json doc_json(const Doc& d)
{
  Json e;
  e["file"] = d.file;
  e["title"] = opt(d.title);
  e["type"] = opt(d.type);
  e["owner"] = opt(d.owner);
  e["status"] = opt(d.status);
  e["items"] = strings(d.items);
  e["created"] = opt_date(d.created);
  e["reviewed"] = opt_date(d.reviewed);
  Json headings = Json::array();
  for (const auto& h : d.headings) {
    headings.push_back({{"level", h.level}, {"text", h.text}});
  }
  e["headings"] = headings;
  return e;
}

/// One ritual with its notes.
Json ritual_json(const Workspace& ws, const Ritual& rt)
{
  Json e;
  e["name"] = rt.name.value;
  e["cadence"] = cadence_json(rt.cadence);
  e["template"] = opt(rt.template_name);
  e["squads"] = strings(rt.squads);
  Json notes = Json::array();
  for (const auto& n : ws.notes) {
    if (n.ritual.value != rt.name.value) {
      continue;
    }
    Json actions = Json::array();
    for (const auto& a : n.actions) {
      actions.push_back({{"what", opt(a.what)},
                         {"owner", opt(a.owner)},
                         {"due", opt_date(a.due)},
                         {"done", a.done ? a.done.value : false}});
    }
    notes.push_back({{"file", n.file},
                     {"date", opt_date(n.date)},
                     {"attendees", strings(n.attendees)},
                     {"decisions", strings(n.decisions)},
                     {"actions", actions}});
  }
  e["notes"] = notes;
  return e;
}

}  // namespace

std::string export_json(const Workspace& ws)
{
  const Config& cfg = ws.config;
  Json j;
  j["format"] = "pops-export";
  j["version"] = 1;
  j["product"] = opt(cfg.product);
  j["statuses"] = strings(cfg.statuses);
  j["horizons"] = strings(cfg.horizons);
  j["feedback_sources"] = strings(cfg.feedback_sources);
  j["effort_unit"] = cfg.effort_unit ? cfg.effort_unit.value : std::string("points");
  j["squads"] = squads_json(cfg);
  j["objectives"] = objectives_json(cfg);
  Json initiatives = Json::array();
  for (const auto& in : cfg.initiatives) {
    initiatives.push_back({{"id", in.id.value},
                           {"title", opt(in.title)},
                           {"owner", opt(in.owner)},
                           {"target", opt(in.target)},
                           {"description", opt(in.description)},
                           {"updates", updates_json(in.updates)}});
  }
  j["initiatives"] = initiatives;
  Json people = Json::array();
  for (const auto& p : cfg.people) {
    people.push_back({{"id", p.id.value},
                      {"name", opt(p.name)},
                      {"email", opt(p.email)},
                      {"role", opt(p.role)},
                      {"squad", opt(p.squad)}});
  }
  j["people"] = people;
  Json fields = Json::array();
  for (const auto& f : cfg.fields) {
    fields.push_back({{"name", f.name.value}, {"type", f.type.value}, {"values", strings(f.values)}});
  }
  j["fields"] = fields;
  Json items = Json::array();
  for (const auto& it : ws.items) {
    items.push_back(item_json(cfg, it));
  }
  j["items"] = items;
  Json feedback = Json::array();
  for (const auto& fb : ws.feedback) {
    feedback.push_back(feedback_json(fb));
  }
  j["feedback"] = feedback;
  Json docs = Json::array();
  for (const auto& d : ws.docs) {
    docs.push_back(doc_json(d));
  }
  j["docs"] = docs;
  Json rituals = Json::array();
  for (const auto& rt : cfg.rituals) {
    rituals.push_back(ritual_json(ws, rt));
  }
  j["rituals"] = rituals;
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace pops
