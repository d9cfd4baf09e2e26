#include "features/jsonschema.h"
#include "base/date.h"

#include "base/id_syntax.h"

#include "workspace/config.h"
#include "features/rank.h"
#include "workspace/rules.h"
#include "workspace/schema.h"
#include "yaml/yaml_tree.h"

#include "base/fsutil.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace pops {

namespace {

using J = nlohmann::ordered_json;

constexpr std::array<std::string_view, 1> k_pops_globs = {"pops.yaml"};
// `roadmap/*.yaml` for editors that match globs as a suffix pattern, `roadmap/**/*.yaml` for those
// that match them from the workspace root; together they cover every depth in both.
constexpr std::array<std::string_view, 4> k_roadmap_globs = {"roadmap/*.yaml", "roadmap/*.yml", "roadmap/**/*.yaml",
                                                             "roadmap/**/*.yml"};
constexpr std::array<std::string_view, 4> k_feedback_globs = {"feedback/*.yaml", "feedback/*.yml", "feedback/**/*.yaml",
                                                              "feedback/**/*.yml"};

constexpr std::array<std::string_view, 1> k_customers_globs = {"customers.yaml"};

constexpr std::array k_kinds = {
  SchemaKind{"pops", "pops.schema.json", "pops.yaml, the workspace configuration", k_pops_globs},
  SchemaKind{"roadmap", "roadmap.schema.json", "roadmap files, roadmap/**/*.yaml", k_roadmap_globs},
  SchemaKind{"feedback", "feedback.schema.json", "feedback files, feedback/**/*.yaml", k_feedback_globs},
  SchemaKind{"customers", "customers.schema.json", "the customer records, customers.yaml", k_customers_globs},
  SchemaKind{"doc", "doc.schema.json", "front matter of documents, docs/**/*.md", {}},
  SchemaKind{"ritual", "ritual.schema.json", "front matter of ritual notes, rituals/<ritual>/<YYYY-MM-DD>.md", {}},
};

// A real calendar date YYYY-MM-DD (year 0001 to 9999, February 29 only in leap years), as pops reads it.
constexpr std::string_view k_date_re =
  "^(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-"
  "(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)"
  "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)$";
const std::string k_quarter_re = fmt::format("^{}$", k_quarter_pattern);  // is_quarter's (base/date.h)
constexpr std::string_view k_percent_re = "^[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?%$";
const std::string k_prefix_re = "^" + id_syntax::prefix_pattern() + "$";
const std::string k_counter_re = "-" + id_syntax::counter_pattern() + "$";
constexpr std::string_view k_space = "[ \\t\\n\\r\\f\\v]*";

/// A case-insensitive regex for `word` (pops lower-cases weekdays and period units).
std::string any_case(std::string_view word)
{
  std::string out;
  for (char c : word) {
    if (c >= 'a' && c <= 'z') {
      out += fmt::format("[{}{}]", static_cast<char>(c - 'a' + 'A'), c);
    } else {
      out += c;
    }
  }
  return out;
}

/// "2 weeks", "1 month", "90 days", "week": N from 1 to 10000 (leading zeros allowed), as parse_period.
std::string period_re()
{
  return fmt::format("^{0}(?:0*(?:[1-9][0-9]{{0,3}}|10000))?{0}(?:{1}|{2}|{3})[Ss]?{0}$", k_space, any_case("day"),
                     any_case("week"), any_case("month"));
}

std::string weekday_re()
{
  std::vector<std::string> days;
  for (auto d : {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
    days.push_back(any_case(d));
  }
  return "^(?:" + fmt::format("{}", fmt::join(days, "|")) + ")$";
}

J with_desc(J s, std::string_view desc)
{
  J out = J::object();
  out["description"] = std::string(desc);
  for (auto& [k, v] : s.items()) {
    if (k != "description") {
      out[k] = v;
    }
  }
  return out;
}

/// Any single value: pops reads a string key's value as text whatever YAML makes of it (2026, true).
J scalar(std::string_view desc)
{
  return with_desc({{"type", J::array({"string", "number", "boolean"})}}, desc);
}

J text_enum(const std::vector<std::string>& values, std::string_view desc)
{
  J e = J::array();
  for (const auto& v : values) {
    if (std::find(e.begin(), e.end(), v) == e.end()) {
      e.push_back(v);
    }
  }
  return with_desc({{"type", "string"}, {"enum", e}}, desc);
}

J pattern(std::string_view re, std::string_view error, std::string_view desc)
{
  return with_desc({{"type", "string"}, {"pattern", std::string(re)}, {"patternErrorMessage", std::string(error)}},
                   desc);
}

J date(std::string_view desc)
{
  return pattern(k_date_re, "expected a real calendar date YYYY-MM-DD, e.g. 2026-12-15", desc);
}

J list_of(J items, std::string_view desc)
{
  return with_desc({{"type", "array"}, {"items", std::move(items)}}, desc);
}

J scalar_list(std::string_view desc)
{
  return list_of({{"type", J::array({"string", "number", "boolean"})}}, desc);
}

/// A mapping with `props`; `closed`: other keys are refused (pops reports unknown keys).
J object(std::string_view desc, J props, std::vector<std::string> required = {}, bool closed = true)
{
  J o = with_desc({{"type", "object"}}, desc);
  if (!required.empty()) {
    o["required"] = required;
  }
  o["properties"] = std::move(props);
  if (closed) {
    o["additionalProperties"] = false;
  }
  return o;
}

/// `s`, or null: pops treats an empty optional key (`owner:`) as absent.
J nullable(J s)
{
  if (s.contains("type")) {
    J t = s["type"].is_array() ? s["type"] : J::array({s["type"]});
    t.push_back("null");
    s["type"] = t;
  }
  if (s.contains("enum")) {
    s["enum"].push_back(nullptr);
  }
  return s;
}

J not_null()
{
  return {{"not", {{"type", "null"}}}};
}

std::vector<std::string> values_of(const std::vector<LStr>& v)
{
  std::vector<std::string> out;
  for (const auto& s : v) {
    out.push_back(s.value);
  }
  return out;
}

std::string listing(const std::vector<std::string>& v)
{
  return v.empty() ? "none declared" : fmt::format("{}", fmt::join(v, ", "));
}

/// `updates:` of an item or an initiative: dated, health-rated entries (pops item update).
J updates_schema()
{
  return nullable(
    list_of(object("A health-rated update.",
                   {{"date", date("The day of the update, YYYY-MM-DD.")},
                    {"health", text_enum({"on-track", "at-risk", "off-track"}, "on-track, at-risk or off-track.")},
                    {"note", nullable(scalar("What changed, in a sentence."))},
                    {"author", nullable(scalar("Who wrote it: a key of 'people'."))}},
                   {"date", "health"}),
            "Health-rated updates, oldest first (pops item update; rule update-stale)."));
}

// Facts of the workspace the schemas are generated from.
struct Facts {
  std::vector<std::string> squads, prefixes, people, statuses, horizons, sources, rituals, doc_types, key_results,
    initiatives;
  std::vector<std::pair<std::string, std::string>> squad_prefix;  ///< squads with a valid prefix
  std::string item_id_re;
  std::string item_id_error;

  explicit Facts(const Config& cfg)
  {
    for (const auto& s : cfg.squads) {
      squads.push_back(s.id.value);
      if (s.prefix.set) {
        squad_prefix.emplace_back(s.id.value, s.prefix.value);
        if (std::find(prefixes.begin(), prefixes.end(), s.prefix.value) == prefixes.end()) {
          prefixes.push_back(s.prefix.value);
        }
      }
    }
    for (const auto& p : cfg.people) {
      people.push_back(p.id.value);
    }
    statuses = values_of(cfg.statuses);
    horizons = values_of(cfg.horizons);
    sources = values_of(cfg.feedback_sources);
    for (const auto& r : cfg.rituals) {
      rituals.push_back(r.name.value);
    }
    for (const auto& t : cfg.doc_types) {
      doc_types.push_back(t.name.value);
    }
    for (const auto& o : cfg.objectives) {
      for (const auto& kr : o.key_results) {
        key_results.push_back(kr.id.value);
      }
    }
    for (const auto& in : cfg.initiatives) {
      initiatives.push_back(in.id.value);
    }
    if (prefixes.empty()) {
      item_id_re = "^" + id_syntax::prefix_pattern() + k_counter_re;
      item_id_error = "item ids are PREFIX-<n> like PAY-12";
    } else {
      item_id_re = fmt::format("^(?:{}){}", fmt::join(prefixes, "|"), k_counter_re);
      std::vector<std::string> forms;
      for (const auto& p : prefixes) {
        forms.push_back(p + "-<n>");
      }
      item_id_error =
        fmt::format("item ids are a squad prefix, '-' and a number without leading zeros: {}", fmt::join(forms, ", "));
    }
  }

  J item_id(std::string_view desc) const { return pattern(item_id_re, item_id_error, desc); }
  J person(std::string_view desc) const
  {
    return text_enum(people, fmt::format("{} A key of 'people' in pops.yaml.", desc));
  }
};

J schema_doc(std::string_view title, std::string_view desc, J body)
{
  J out = J::object();
  out["$schema"] = "http://json-schema.org/draft-07/schema#";
  out["title"] = std::string(title);
  const J described = with_desc(std::move(body), desc);
  for (const auto& [k, v] : described.items()) {
    out[k] = v;
  }
  return out;
}

J item_id_for(const std::string& prefix)
{
  return {{"pattern", "^" + prefix + k_counter_re},
          {"patternErrorMessage", fmt::format("items of this squad have ids {}-<n>", prefix)}};
}

// ---- pops.yaml

J pops_schema(const Config& cfg)
{
  std::vector<std::string> rule_ids;
  J rules_props = J::object();
  const J severity = text_enum({"off", "info", "warning", "error"},
                               "Severity: off (not reported), info, warning (fails only with --strict) or "
                               "error (fails pops check).");
  const J pilot = nullable(scalar_list("Report only findings about these squads (squad ids)."));
  for (const auto& r : all_rules()) {
    J v = J::object();
    v["description"] = fmt::format("{} (default: {}). A severity, or {{severity, pilot}}.", r.summary,
                                   severity_name(r.default_severity));
    J opts = {{"severity", nullable(severity)}, {"pilot", pilot}};
    if (r.id == "update-stale") {
      opts["days"] =
        nullable(with_desc({{"type", "integer"}, {"minimum", 1}},
                           "Days without an update after which an in-progress item is stale (default 14)."));
      v["description"] = fmt::format("{} (default: {}). A severity, or {{severity, pilot, days}}.", r.summary,
                                     severity_name(r.default_severity));
    }
    v["anyOf"] = J::array({severity, object("Severity and pilot squads of the rule.", opts)});
    rules_props[std::string(r.id)] = v;
  }
  std::vector<std::string> builtin_keys(item_keys().begin(), item_keys().end());
  std::vector<std::string> builtin_models;
  for (const auto& m : pops::builtin_models()) {
    builtin_models.push_back(m.name);
  }
  const std::string period_error = "expected a period like '2 weeks', '1 month' or '90 days'";

  J squad = object(
    "A squad: its id is the key (what items, people, rituals and pilots refer to).",
    {{"name", nullable(scalar("Display name."))},
     {"prefix", with_desc({{"type", "string"},
                           {"pattern", std::string(k_prefix_re)},
                           {"patternErrorMessage", "2-10 capital letters or digits, starting with a letter (e.g. PAY)"},
                           {"not", {{"const", "FB"}}}},
                          "Prefix of the squad's item ids (PREFIX-<n>): 2 to 10 capital letters "
                          "and digits, starting with a letter; unique across squads. FB is "
                          "reserved for feedback ids.")},
     {"lead", nullable(scalar("The squad lead: a key of 'people'."))},
     {"wip_limit",
      nullable(with_desc({{"type", "integer"}, {"minimum", 1}}, "Most items the squad may have in-progress at once "
                                                                "(rule wip-limit)."))},
     {"capacity",
      nullable(with_desc({{"anyOf", J::array({{{"type", "number"}, {"minimum", 0}},
                                              {{"type", "object"},
                                               {"propertyNames", {{"pattern", k_quarter_re}}},
                                               {"additionalProperties", {{"type", "number"}, {"minimum", 0}}}}})}},
                         "Revision 1.3. Effort the squad can take on per quarter, in effort_unit: a number "
                         "for every quarter, or quarters to numbers, e.g. {2027-Q1: 40} (pops capacity, "
                         "rule over-capacity)."))}},
    {"prefix"});
  J person = nullable(object("A person: the id is the key, used as owner, lead, attendee and action owner.",
                             {{"name", nullable(scalar("Full name."))},
                              {"email", nullable(scalar("Email address."))},
                              {"role", nullable(scalar("Role, e.g. pm, em, design."))},
                              {"squad", nullable(scalar("The person's squad: a key of 'squads'."))}}));
  auto value_list = [](std::string_view desc) {
    J l = nullable(scalar_list(desc));
    l["minItems"] = 1;
    l["uniqueItems"] = true;
    return l;
  };
  J field = object("A custom item field: items may use it like a built-in key.",
                   {{"type", text_enum({"string", "number", "date", "bool", "enum", "list"},
                                       "The type every value of the field must have.")},
                    {"values", nullable(scalar_list("The allowed values of an enum field."))}},
                   {"type"});
  field["if"] = {{"properties", {{"type", {{"const", "enum"}}}}}, {"required", J::array({"type"})}};
  field["then"] = {{"required", J::array({"values"})},
                   {"properties", {{"values", {{"type", "array"}, {"minItems", 1}}}}}};
  J cadence = nullable(object(
    "How often the ritual happens.",
    {{"every", pattern(period_re(), period_error, "The interval: N days, N weeks or N months (N >= 1).")},
     {"on",
      nullable(with_desc({{"type", "string"},
                          {"pattern", weekday_re()},
                          {"patternErrorMessage", "expected a weekday, monday ... sunday"},
                          {"examples", {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}}},
                         "Day of the week it takes place."))},
     {"from", nullable(date("First occurrence, YYYY-MM-DD."))}},
    {"every"}));
  J ritual = object("A ritual: its name is the key and the folder of its notes, rituals/<name>/.",
                    {{"cadence", cadence},
                     {"template", nullable(scalar("Template of new notes (templates/NAME.md, else built in)."))},
                     {"squads", nullable(scalar_list("Squads that take part (squad ids); default: all."))}});
  J doc_type = object("A document type: documents declare it with 'type:' in their front matter.",
                      {{"dir", nullable(scalar("Folder of documents of this type, e.g. docs/prd."))},
                       {"template", nullable(scalar("Template of new documents of this type."))},
                       {"required", nullable(scalar_list("Front-matter fields a document of this type must have "
                                                         "(rule doc-required-field)."))},
                       {"sections", nullable(scalar_list("Headings a document of this type must have "
                                                         "(rule doc-required-section)."))},
                       {"review_every", nullable(pattern(period_re(), period_error,
                                                         "How long a document stays fresh after its last review "
                                                         "(rule doc-stale), e.g. 90 days."))}});
  J fields = nullable(with_desc(
    {{"type", "object"}, {"propertyNames", {{"not", {{"enum", builtin_keys}}}}}, {"additionalProperties", field}},
    "Custom item fields, by name; a name may not be a built-in item key."));
  J models = nullable(with_desc({{"type", "object"},
                                 {"propertyNames", {{"not", {{"enum", builtin_models}}}}},
                                 {"additionalProperties", scalar("An expression over score inputs, custom number "
                                                                 "fields and demand, e.g. reach * impact / effort.")}},
                                "Scoring models by name (not rice, ice or wsjf, which are built in)."));
  const J goal_id = {
    {"pattern", "^" + id_syntax::goal_pattern() + "$"},
    {"patternErrorMessage", "letters, digits, '-', '_' or '.', starting with a letter or digit (e.g. O1-KR2)"}};
  J kr_series = nullable(object("The usage series that measures it (metrics/**/*.yaml): its source and key.",
                                {{"source", scalar("Source of the series, e.g. amplitude or pendo.")},
                                 {"key", scalar("Key of the series: the event or feature.")}},
                                {"source", "key"}));
  J key_result = object("A key result: the id is the key, named by items in 'key_results'; measured by its "
                        "'series' between baseline and target, or by the items that list it.",
                        {{"title", scalar("What is measured.")},
                         {"metric", nullable(scalar("The metric, e.g. weekly refunding merchants; picks the series "
                                                    "when a source and key have several."))},
                         {"baseline", nullable(with_desc({{"type", "number"}}, "The value at the start."))},
                         {"target", nullable(with_desc({{"type", "number"}}, "The value to reach."))},
                         {"series", kr_series},
                         {"description", nullable(scalar("Free text."))}},
                        {"title"});
  J objective =
    object("An objective of a quarter: the id is the key.",
           {{"title", scalar("The objective.")},
            {"owner", nullable(scalar("The person accountable: a key of 'people'."))},
            {"period", pattern(k_quarter_re, "expected a quarter like 2027-Q1", "Its quarter, YYYY-Qn.")},
            {"key_results",
             nullable(with_desc({{"type", "object"}, {"propertyNames", goal_id}, {"additionalProperties", key_result}},
                                "Its key results; the key is the key result id, unique "
                                "across objectives."))},
            {"description", nullable(scalar("Free text."))}},
           {"title", "period"});
  J initiative =
    object("An initiative spanning squads: the id is the key, named by items in 'initiative'.",
           {{"title", scalar("The initiative.")},
            {"owner", nullable(scalar("The person accountable: a key of 'people'."))},
            {"target", nullable(with_desc({{"anyOf", J::array({date("A date YYYY-MM-DD."),
                                                               pattern(k_quarter_re, "expected a quarter like 2027-Q1",
                                                                       "A quarter YYYY-Qn (its last day).")})}},
                                          "When it lands (rule initiative-slip): a date or a quarter."))},
            {"description", nullable(scalar("Free text."))},
            {"updates", updates_schema()}},
           {"title"});
  J props = {
    {"version", with_desc({{"type", "integer"}, {"const", 1}}, "Format version; must be 1.")},
    {"product", scalar("Name of the product.")},
    {"effort_unit", nullable(scalar("Revision 1.3. The unit of score.effort and the squads' capacity, a label "
                                    "shown in output. Default: points."))},
    {"squads", with_desc({{"type", "object"}, {"minProperties", 1}, {"additionalProperties", squad}},
                         "The squads, at least one; the key is the squad id.")},
    {"people", nullable(with_desc({{"type", "object"}, {"additionalProperties", person}},
                                  "The people; the key is the person id."))},
    {"statuses", value_list("Item statuses, in workflow order. Default: idea, discovery, planned, "
                            "in-progress, shipped, dropped.")},
    {"horizons", value_list("Named horizons an item may use (besides quarters like 2027-Q1). Default: now, "
                            "next, later.")},
    {"feedback_sources", value_list("Allowed 'source' of a feedback entry. Default: support, sales, survey, "
                                    "interview, other.")},
    {"fields", fields},
    {"rituals", nullable(with_desc({{"type", "object"}, {"additionalProperties", ritual}},
                                   "Recurring meetings whose notes live in rituals/<name>/."))},
    {"docs", nullable(object("Document settings.",
                             {{"types", nullable(with_desc({{"type", "object"}, {"additionalProperties", doc_type}},
                                                           "Document types by name."))}}))},
    {"rules", nullable(with_desc({{"type", "object"}, {"properties", rules_props}, {"additionalProperties", false}},
                                 "Severity and pilot squads per rule; every rule runs at its default "
                                 "severity otherwise."))},
    {"scoring",
     nullable(object("Prioritization models of pops rank.",
                     {{"default", nullable(scalar("The model used without --model."))}, {"models", models}}))},
    {"integrations",
     nullable(with_desc({{"type", "object"}}, "Field and status mappings for imports; see the command that uses it."))},
    {"aliases", nullable(with_desc({{"type", "object"}}, "Command aliases; see the command that uses it."))},
    {"pager", nullable(with_desc({{"type", J::array({"boolean", "string"})}},
                                 "Page long output on a terminal: true, false or a command (e.g. less -FRX)."))},
    {"objectives",
     nullable(with_desc({{"type", "object"}, {"propertyNames", goal_id}, {"additionalProperties", objective}},
                        "Objectives and key results by quarter (pops goals); the key is the objective id."))},
    {"initiatives",
     nullable(with_desc({{"type", "object"}, {"propertyNames", goal_id}, {"additionalProperties", initiative}},
                        "Initiatives across squads (pops initiatives); the key is the initiative id."))},
    {"portfolio", nullable(with_desc({{"type", "object"},
                                      {"propertyNames", goal_id},
                                      {"additionalProperties", {{"type", "string"}, {"minLength", 1}}}},
                                     "Revision 1.4. The members of a portfolio: member name -> the path of its "
                                     "workspace, relative to this one (e.g. ../acme)."))},
  };
  (void)cfg;  // pops.yaml's own references are checked by pops check: a schema made from the file being
              // edited would flag every squad or person just added to it.
  J root = object("", props, {"version", "product"});
  // squads are required, except in a portfolio (revision 1.4), which may have none of its own
  root["if"] = {{"not", {{"required", J::array({"portfolio"})}}}};
  root["then"] = {{"required", J::array({"squads"})}};
  return schema_doc("pops.yaml", "Configuration of a pops workspace (format version 1).", root);
}

// ---- roadmap files

J custom_field(const FieldDef& f)
{
  const std::string& type = f.type.value;
  const std::string desc = fmt::format("Custom field declared in pops.yaml ({}).", f.type.set ? type : "string");
  if (!f.type.set) {
    return nullable(scalar(desc));
  }
  if (type == "number") {
    return nullable(with_desc({{"type", "number"}}, desc));
  }
  if (type == "date") {
    return nullable(date(desc + " YYYY-MM-DD."));
  }
  if (type == "bool") {
    return nullable(with_desc({{"type", "boolean"}}, desc + " true or false."));
  }
  if (type == "list") {
    return nullable(scalar_list(desc + " A list of single values."));
  }
  if (type == "enum") {
    const auto values = values_of(f.values);
    return nullable(text_enum(values, fmt::format("{} One of: {}.", desc, listing(values))));
  }
  return nullable(scalar(desc));
}

J roadmap_schema(const Config& cfg, const Facts& w)
{
  J horizon = J::object();
  horizon["description"] =
    fmt::format("When the item is planned: one of {} or a quarter YYYY-Qn like 2027-Q1.", listing(w.horizons));
  horizon["anyOf"] = J::array({text_enum(w.horizons, "A named horizon."),
                               pattern(k_quarter_re, "expected a quarter like 2027-Q1", "A quarter YYYY-Qn."),
                               {{"type", "null"}}});
  J score = nullable(
    with_desc({{"type", "object"},
               {"additionalProperties",
                nullable(with_desc({{"type", J::array({"number", "string"})},
                                    {"pattern", std::string(k_percent_re)},
                                    {"patternErrorMessage", "expected a plain number, or a percentage like 80%"}},
                                   "A number, or a percentage like 80% (= 0.8)."))}},
              "Inputs of the scoring models by name: numbers, or percentages like 80%."));
  J success = nullable(list_of(object("A success metric.",
                                      {{"metric", scalar("Name of the metric, e.g. refund_rate.")},
                                       {"target", nullable(scalar("Target, e.g. '< 2%'."))}},
                                      {"metric"}),
                               "Success metrics: a list of {metric, target}."));
  J item_props = {
    {"id", w.item_id("Item id: the squad's prefix, '-' and a number (PAY-12); unique in the workspace.")},
    {"title", scalar("Short name of the item.")},
    {"status", text_enum(w.statuses, fmt::format("Where the item is in the workflow: {}.", listing(w.statuses)))},
    {"horizon", horizon},
    {"squad", text_enum(w.squads, fmt::format("Squad that owns the item; overrides the file's 'squad'. One of: {}.",
                                              listing(w.squads)))},
    {"owner", nullable(w.person("Person accountable for the item."))},
    {"target", nullable(date("Target delivery date, YYYY-MM-DD (rule target-passed)."))},
    {"depends_on", nullable(list_of(w.item_id("An item id."), "Items that must be delivered first, e.g. [PLAT-3]."))},
    {"tags", nullable(scalar_list("Free labels."))},
    {"okr", nullable(scalar("The objective or key result it serves, e.g. O2-KR1."))},
    {"key_results", nullable(list_of(text_enum(w.key_results, fmt::format("A key result of pops.yaml 'objectives': {}.",
                                                                          listing(w.key_results))),
                                     "Key results the item delivers (pops goals), e.g. [O1-KR2]."))},
    {"initiative",
     nullable(text_enum(w.initiatives, fmt::format("The initiative of pops.yaml 'initiatives' it belongs to: {}.",
                                                   listing(w.initiatives))))},
    {"updates", updates_schema()},
    {"links", nullable(with_desc({{"type", "object"}, {"additionalProperties", nullable(scalar("A link or key."))}},
                                 "Links to other tools by name, e.g. {jira: PAY-1234}."))},
    {"score", score},
    {"success", success},
    {"description", nullable(scalar("Free text; use a block scalar (>-) for several lines."))},
    {"dropped_reason", nullable(scalar("Why the item was dropped; required when status is dropped."))},
    {"reopened", nullable(with_desc({{"type", "boolean"}}, "true when the item moved backward in the workflow."))},
    {"moved_from", nullable(w.item_id("The id the item had before 'pops item move --new-id'; not its own id "
                                      "(rule moved-from-live: no live item has it)."))},
  };
  for (const auto& f : cfg.fields) {
    item_props[f.name.value] = custom_field(f);
  }
  J item = object("A roadmap item.", item_props, {"id", "title", "status"});
  J all = J::array();
  all.push_back(
    {{"if", {{"properties", {{"status", {{"const", "dropped"}}}}}, {"required", J::array({"status"})}}},
     {"then", {{"required", J::array({"dropped_reason"})}, {"properties", {{"dropped_reason", not_null()}}}}}});
  for (const auto& [squad, prefix] : w.squad_prefix) {
    all.push_back({{"if", {{"properties", {{"squad", {{"const", squad}}}}}, {"required", J::array({"squad"})}}},
                   {"then", {{"properties", {{"id", item_id_for(prefix)}}}}}});
  }
  item["allOf"] = all;

  J file_squad = nullable(
    text_enum(w.squads, fmt::format("Default squad of the items in this file. One of: {}.", listing(w.squads))));
  J root = object("", {{"squad", file_squad}, {"items", list_of(item, "The roadmap items.")}}, {"items"});
  // Items take the file's squad when they name none: its prefix applies to their ids. Without a
  // file squad, every item needs its own.
  J by_file_squad = J::array();
  for (const auto& [squad, prefix] : w.squad_prefix) {
    J only_unsquadded = {{"if", {{"not", {{"required", J::array({"squad"})}}}}},
                         {"then", {{"properties", {{"id", item_id_for(prefix)}}}}}};
    by_file_squad.push_back({{"if", {{"properties", {{"squad", {{"const", squad}}}}}}},
                             {"then", {{"properties", {{"items", {{"items", only_unsquadded}}}}}}}});
  }
  root["if"] = {{"properties", {{"squad", {{"type", "string"}}}}}, {"required", J::array({"squad"})}};
  root["then"] = by_file_squad.empty() ? J::object() : J{{"allOf", by_file_squad}};
  root["else"] = {{"properties", {{"items", {{"items", {{"required", J::array({"squad"})}}}}}}}};
  return schema_doc("pops roadmap file", "A roadmap file: items of the roadmap, with an optional default squad.", root);
}

// ---- feedback files

J feedback_schema(const Facts& w)
{
  J entry = object(
    "A feedback entry; it needs 'quote', 'summary' or both.",
    {{"id", pattern("^FB-" + id_syntax::counter_pattern() + "$", "feedback ids are FB-<n> like FB-1042",
                    "Feedback id FB-<n>, unique across feedback files.")},
     {"date", date("When the feedback was given, YYYY-MM-DD.")},
     {"source", text_enum(w.sources, fmt::format("Where it came from: {}.", listing(w.sources)))},
     {"customer", nullable(scalar("Customer name."))},
     {"segment", nullable(scalar("Customer segment, e.g. enterprise, smb."))},
     {"arr", nullable(with_desc({{"type", "number"}, {"minimum", 0}}, "Annual recurring revenue of the customer."))},
     {"quote", nullable(scalar("The customer's words."))},
     {"summary", nullable(scalar("Your summary."))},
     {"tags", nullable(scalar_list("Free labels."))},
     {"items", nullable(list_of(w.item_id("An item id."), "Roadmap items this feedback supports."))},
     {"url", nullable(scalar("Link to the source; also what makes imports idempotent."))}},
    {"id", "date", "source"});
  entry["anyOf"] = J::array({{{"required", J::array({"quote"})}, {"properties", {{"quote", not_null()}}}},
                             {{"required", J::array({"summary"})}, {"properties", {{"summary", not_null()}}}}});
  return schema_doc("pops feedback file", "A feedback file: customer feedback entries.",
                    object("", {{"entries", list_of(entry, "The feedback entries.")}}, {"entries"}));
}

// ---- customers.yaml (format 1.3)

J customers_schema(const Facts& w)
{
  J rec = object(
    "A customer record. Feedback names it by its name or an alias (compared without case, accents, "
    "punctuation and legal forms such as Inc or GmbH).",
    {{"name",
      with_desc({{"type", "string"}, {"minLength", 1}}, "The customer's name, as insights and reports show it.")},
     {"aliases", nullable(scalar_list("Other names feedback uses for this customer."))},
     {"segment", nullable(scalar("Segment, e.g. enterprise, mid-market, smb; wins over the entries'."))},
     {"arr",
      nullable(with_desc({{"type", "number"}, {"minimum", 0}},
                         "Annual recurring revenue; wins over the entries'. Its history is the file's git history."))},
     {"arr_date", nullable(date("The date the ARR is of, YYYY-MM-DD."))},
     {"owner", nullable(w.person("Account manager (a person id)."))},
     {"salesforce", nullable(scalar("Salesforce account id."))},
     {"hubspot", nullable(scalar("HubSpot company id."))}},
    {"name"});
  return schema_doc("pops customers file", "customers.yaml: the customer records.",
                    object("", {{"customers", list_of(rec, "The customer records.")}}, {"customers"}));
}

// ---- document front matter

J doc_schema(const Config& cfg, const Facts& w)
{
  J props = {
    {"title", nullable(scalar("Title of the document."))},
    {"type", text_enum(w.doc_types,
                       fmt::format("Document type, a key of 'docs: types:' in pops.yaml: {}.", listing(w.doc_types)))},
    {"owner", nullable(w.person("Person responsible for the document."))},
    {"status", nullable(text_enum({"draft", "review", "approved", "obsolete"},
                                  "Lifecycle state: draft, review, approved or obsolete (never stale)."))},
    {"items", nullable(list_of(w.item_id("An item id."), "Roadmap items the document covers."))},
    {"reviewed", nullable(date("Date of the last review, YYYY-MM-DD (rule doc-stale)."))},
    {"created", nullable(date("Date the document was written, YYYY-MM-DD."))},
    {"tags", nullable(scalar_list("Free labels."))},
  };
  std::map<std::string, std::vector<std::string>> extra;  // field -> types requiring it
  J all = J::array();
  for (const auto& t : cfg.doc_types) {
    std::vector<std::string> req;
    J req_props = J::object();
    for (const auto& k : t.required) {
      if (!props.contains(k.value)) {
        extra[k.value].push_back(t.name.value);
      }
      if (std::find(req.begin(), req.end(), k.value) == req.end()) {
        req.push_back(k.value);
        req_props[k.value] = not_null();
      }
    }
    if (!req.empty()) {
      all.push_back({{"if", {{"properties", {{"type", {{"const", t.name.value}}}}}, {"required", J::array({"type"})}}},
                     {"then", {{"required", req}, {"properties", req_props}}}});
    }
  }
  for (const auto& [k, types] : extra) {
    props[k] = {{"description", fmt::format("Front-matter field required by doc type {}.", fmt::join(types, ", "))}};
  }
  J root = object("", props, {"type"});
  if (!all.empty()) {
    root["allOf"] = all;
  }
  return schema_doc("pops document front matter",
                    "The YAML front matter of a document under docs/ (between the '---' lines).", root);
}

// ---- ritual note front matter

J ritual_schema(const Facts& w)
{
  J action =
    object("A follow-up.",
           {{"what", scalar("What is to be done.")},
            {"owner", nullable(w.person("Who does it."))},
            {"due", nullable(date("When it is due, YYYY-MM-DD (rule action-overdue)."))},
            {"done", nullable(with_desc({{"type", "boolean"}}, "true once done; missing counts as not done."))}},
           {"what"});
  J props = {
    {"ritual", text_enum(w.rituals, fmt::format("The ritual, a key of 'rituals' in pops.yaml, and the note's "
                                                "folder: {}.",
                                                listing(w.rituals)))},
    {"date", date("Date of the meeting, YYYY-MM-DD; also the file name.")},
    {"attendees", nullable(list_of(w.person("An attendee."), "Who attended (person ids)."))},
    {"decisions", nullable(scalar_list("Decisions taken."))},
    {"actions", nullable(list_of(action, "Follow-ups: {what, owner, due, done}."))},
  };
  return schema_doc("pops ritual note front matter",
                    "The YAML front matter of a ritual note, rituals/<ritual>/<YYYY-MM-DD>.md.",
                    object("", props, {"ritual", "date"}));
}

}  // namespace

std::span<const SchemaKind> schema_kinds()
{
  return k_kinds;
}

const SchemaKind* find_schema_kind(std::string_view name)
{
  for (const auto& k : k_kinds) {
    if (k.name == name) {
      return &k;
    }
  }
  return nullptr;
}

std::string json_schema(const Config& cfg, const SchemaKind& kind)
{
  const Facts w(cfg);
  J s;
  if (kind.name == "pops") {
    s = pops_schema(cfg);
  } else if (kind.name == "roadmap") {
    s = roadmap_schema(cfg, w);
  } else if (kind.name == "feedback") {
    s = feedback_schema(w);
  } else if (kind.name == "customers") {
    s = customers_schema(w);
  } else if (kind.name == "doc") {
    s = doc_schema(cfg, w);
  } else {
    s = ritual_schema(w);
  }
  // Untitled inner objects carry an empty description: drop it.
  if (s.contains("description") && s["description"] == "") {
    s.erase("description");
  }
  return s.dump(2, ' ', false, J::error_handler_t::replace) + "\n";
}

Config config_from_text(std::string_view text, std::vector<Finding>& findings)
{
  Config cfg;
  YamlDoc doc = parse_yaml(text);
  for (auto f : doc.findings) {
    f.file = "pops.yaml";
    findings.push_back(std::move(f));
  }
  if (doc.ok) {
    SchemaReader r("pops.yaml", findings);
    read_config(doc.root, r, cfg);
  }
  return cfg;
}

Config config_of_workspace(const std::string& root, std::vector<Finding>& findings)
{
  auto text = read_whole_file((fs::path(root) / "pops.yaml").string());
  if (!text) {
    throw std::runtime_error("cannot read 'pops.yaml'");
  }
  return config_from_text(*text, findings);
}

}  // namespace pops
