#include "workspace/config.h"

#include "workspace/tool_defaults.h"
#include "workspace/alias.h"
#include "workspace/cadence.h"
#include "workspace/scoring.h"
#include "workspace/rules.h"
#include "base/text.h"

#include <fmt/format.h>

#include <array>
#include <fstream>
#include <set>
#include <sstream>

namespace pops {

namespace {

constexpr std::array<std::string_view, 19> k_top_keys = {
  "version", "product",    "squads",      "people",      "statuses", "horizons",     "feedback_sources",
  "fields",  "rituals",    "docs",        "rules",       "scoring",  "integrations", "aliases",
  "pager",   "objectives", "initiatives", "effort_unit", "portfolio"};
constexpr std::array<std::string_view, 5> k_initiative_keys = {"title", "owner", "target", "description", "updates"};
constexpr std::array<std::string_view, 4> k_update_keys = {"date", "health", "note", "author"};
constexpr std::array<std::string_view, 5> k_objective_keys = {"title", "owner", "period", "key_results", "description"};
constexpr std::array<std::string_view, 6> k_key_result_keys = {"title",  "metric", "baseline",
                                                               "target", "series", "description"};
constexpr std::array<std::string_view, 2> k_kr_series_keys = {"source", "key"};
constexpr std::array<std::string_view, 5> k_squad_keys = {"name", "prefix", "lead", "wip_limit", "capacity"};
constexpr std::array<std::string_view, 4> k_person_keys = {"name", "email", "role", "squad"};
constexpr std::array<std::string_view, 2> k_field_keys = {"type", "values"};
constexpr std::array<std::string_view, 6> k_field_types = {"string", "number", "date", "bool", "enum", "list"};
constexpr std::array<std::string_view, 3> k_ritual_keys = {"cadence", "template", "squads"};
constexpr std::array<std::string_view, 3> k_cadence_keys = {"every", "on", "from"};
constexpr std::array<std::string_view, 1> k_docs_keys = {"types"};
constexpr std::array<std::string_view, 5> k_doctype_keys = {"dir", "template", "required", "sections", "review_every"};
constexpr std::array<std::string_view, 2> k_rule_keys = {"severity", "pilot"};
constexpr std::array<std::string_view, 3> k_update_stale_keys = {"severity", "pilot", "days"};
constexpr std::array<std::string_view, 20> k_item_keys = {
  "id",         "title",       "status",     "horizon", "squad",   "owner",       "target",         "depends_on",
  "tags",       "okr",         "links",      "score",   "success", "description", "dropped_reason", "reopened",
  "moved_from", "key_results", "initiative", "updates"};

std::vector<LStr> list_or_default(SchemaReader& r, const YNode& root, std::string_view key,
                                  std::initializer_list<const char*> defaults)
{
  std::vector<LStr> out;
  if (const YNode* v = root.get(key); v && !v->is_null()) {
    out = r.str_list_of(*v, key);
    if (v->is_seq() && out.empty()) {
      r.report(v->loc, fmt::format("'{}' must list at least one value", key));
    }
    std::set<std::string> seen;
    for (const auto& s : out) {
      if (!seen.insert(s.value).second) {
        r.report(s.loc, fmt::format("{} is listed twice in '{}'", quote(s.value), key));
      }
    }
  }
  if (out.empty()) {
    for (const char* d : defaults) {
      LStr s;
      s.value = d;
      s.set = true;
      out.push_back(std::move(s));
    }
  }
  return out;
}

/// Calls fn(key, value) for each entry of the mapping at root[key], reporting a non-mapping.
template <class F> void each_entry(SchemaReader& r, const YNode& root, std::string_view key, F fn)
{
  const YNode* m = root.get(key);
  if (!m || m->is_null()) {
    return;
  }
  if (!r.expect_map(*m, fmt::format("'{}'", key))) {
    return;
  }
  for (const auto& [k, v] : m->entries) {
    fn(k, v);
  }
}

LStr key_str(const YNode& k)
{
  LStr s;
  s.value = k.text;
  s.loc = k.loc;
  s.key_loc = k.loc;
  s.set = true;
  return s;
}

/// `objectives:` (format 1.2): objectives by id, each with its key results by id. Ids are unique
/// across objectives and key results (items name key results by id alone).
void read_objectives(const YNode& root, SchemaReader& r, Config& cfg)
{
  std::set<std::string> ids;
  auto fresh_id = [&](const YNode& k, std::string_view what) {
    if (!is_goal_id(k.text)) {
      r.report(k.loc, fmt::format("{} id {} must be letters, digits, '-', '_' or '.', starting with a letter "
                                  "or digit (e.g. O1-KR2)",
                                  what, quote(k.text)));
      return false;
    }
    if (!ids.insert(k.text).second) {
      r.report(k.loc,
               fmt::format("{} is used twice in 'objectives'; objective and key result ids are unique", quote(k.text)));
      return false;
    }
    return true;
  };
  each_entry(r, root, "objectives", [&](const YNode& k, const YNode& v) {
    const std::string what = fmt::format("objective {}", quote(k.text));
    if (!fresh_id(k, "objective") || !r.expect_map(v, what)) {
      return;
    }
    Objective o;
    o.id = key_str(k);
    o.loc = k.loc;
    r.check_keys(v, k_objective_keys, what);
    if (r.require(v, "title", what)) {
      o.title = r.str(v, "title");
    }
    o.owner = r.str(v, "owner");
    if (r.require(v, "period", what)) {
      o.period = r.str(v, "period");
      if (o.period.set && !is_quarter(o.period.value)) {
        r.report(o.period.loc, fmt::format("'period' of {} must be a quarter, YYYY-Qn (e.g. 2027-Q1), found {}", what,
                                           quote(o.period.value)));
        o.period.set = false;
      }
    }
    (void)r.str(v, "description");
    each_entry(r, v, "key_results", [&](const YNode& kk, const YNode& kv) {
      const std::string kr_what = fmt::format("key result {}", quote(kk.text));
      if (!fresh_id(kk, "key result") || !r.expect_map(kv, kr_what)) {
        return;
      }
      KeyResult kr;
      kr.id = key_str(kk);
      kr.loc = kk.loc;
      r.check_keys(kv, k_key_result_keys, kr_what);
      if (r.require(kv, "title", kr_what)) {
        kr.title = r.str(kv, "title");
      }
      kr.metric = r.str(kv, "metric");
      (void)r.str(kv, "description");
      kr.baseline = r.number(kv, "baseline");
      kr.target = r.number(kv, "target");
      if (const YNode* s = kv.get("series"); s && !s->is_null() && r.expect_map(*s, "'series'")) {
        r.check_keys(*s, k_kr_series_keys, "'series'");
        // Both are required: each missing one is reported, so neither check may be skipped.
        const bool has_source = r.require(*s, "source", "'series'");
        const bool has_key = r.require(*s, "key", "'series'");
        if (has_source && has_key) {
          kr.series_source = r.str(*s, "source");
          kr.series_key = r.str(*s, "key");
        }
        if (!kr.series_source.set || !kr.series_key.set) {
          kr.series_source.set = kr.series_key.set = false;
        } else if (!kr.baseline.set || !kr.target.set) {
          r.report(kk.loc, fmt::format("{} is measured by a series and needs a 'baseline' and a 'target'", kr_what));
        } else if (kr.baseline.value == kr.target.value) {
          r.report(kr.target.loc, fmt::format("'target' of {} equals its 'baseline'; progress needs a distance "
                                              "to cover",
                                              kr_what));
          kr.target.set = false;
        }
      }
      o.key_results.push_back(std::move(kr));
    });
    cfg.objectives.push_back(std::move(o));
  });
}

/// `portfolio:` (format 1.4): member name -> workspace path (a string). A name is an id (letters,
/// digits, '-', '_', '.'), used once; whether the paths exist is pops check's (portfolio-member).
void read_portfolio(const YNode& root, SchemaReader& r, Config& cfg)
{
  std::set<std::string> names;
  each_entry(r, root, "portfolio", [&](const YNode& k, const YNode& v) {
    if (!is_goal_id(k.text)) {
      r.report(k.loc, fmt::format("member name {} must be letters, digits, '-', '_' or '.', starting with a letter "
                                  "or digit (e.g. acme)",
                                  quote(k.text)));
      return;
    }
    if (!names.insert(k.text).second) {
      r.report(k.loc, fmt::format("member {} is listed twice in 'portfolio'", quote(k.text)));
      return;
    }
    if (!v.is_scalar() || trim(v.text).empty()) {
      r.report(v.loc, fmt::format("member {} needs the path of its workspace, e.g. ../{}", quote(k.text), k.text));
      return;
    }
    LStr path;
    path.value = v.text;
    path.loc = v.loc;
    path.key_loc = k.loc;
    path.set = true;
    cfg.portfolio.emplace_back(key_str(k), std::move(path));
  });
}

/// `initiatives:` (format 1.3): initiatives by id, each with a title, an owner, a target (a date or a
/// quarter) and health-rated updates.
void read_initiatives(const YNode& root, SchemaReader& r, Config& cfg)
{
  std::set<std::string> ids;
  each_entry(r, root, "initiatives", [&](const YNode& k, const YNode& v) {
    const std::string what = fmt::format("initiative {}", quote(k.text));
    if (!is_goal_id(k.text)) {
      r.report(k.loc, fmt::format("initiative id {} must be letters, digits, '-', '_' or '.', starting with a "
                                  "letter or digit (e.g. INI-1)",
                                  quote(k.text)));
      return;
    }
    if (!ids.insert(k.text).second) {
      r.report(k.loc, fmt::format("{} is used twice in 'initiatives'", quote(k.text)));
      return;
    }
    if (!r.expect_map(v, what)) {
      return;
    }
    Initiative in;
    in.id = key_str(k);
    in.loc = k.loc;
    r.check_keys(v, k_initiative_keys, what);
    if (r.require(v, "title", what)) {
      in.title = r.str(v, "title");
    }
    in.owner = r.str(v, "owner");
    in.description = r.str(v, "description");
    in.target = r.str(v, "target");
    if (in.target.set) {
      Date end;
      if (auto d = parse_date(in.target.value)) {
        in.target_date = *d;
      } else if (quarter_end(in.target.value, end)) {
        in.target_date = end;
      } else {
        r.report(in.target.loc, fmt::format("'target' of {} must be a date YYYY-MM-DD or a quarter YYYY-Qn, found {}",
                                            what, quote(in.target.value)));
      }
    }
    in.updates = read_updates(v, r, what);
    cfg.initiatives.push_back(std::move(in));
  });
}

/// A squad's `capacity:` (format 1.3): a number (every quarter) or a mapping quarter -> number, each
/// at least 0.
void read_capacity(const YNode& squad, SchemaReader& r, Squad& s, const std::string& what)
{
  const YNode* c = squad.get("capacity");
  if (!c || c->is_null()) {
    return;
  }
  auto checked = [&](Located<double> n, std::string_view of) {
    if (n.set && n.value < 0) {
      r.report(n.loc, fmt::format("capacity{} of {} must be a number of 0 or more", of, what));
      n.set = false;
    }
    return n;
  };
  if (!c->is_map()) {
    if (!c->is_scalar()) {
      r.report(c->loc, fmt::format("capacity of {} must be a number (every quarter) or a mapping of quarters to "
                                   "numbers, e.g. {{2027-Q1: 40, 2027-Q2: 36}}",
                                   what));
      return;
    }
    s.capacity = checked(r.number(squad, "capacity"), "");
    return;
  }
  for (const auto& [k, v] : c->entries) {
    if (!is_quarter(k.text)) {
      r.report(k.loc,
               fmt::format("capacity of {} is by quarter, YYYY-Qn (e.g. 2027-Q1), found {}", what, quote(k.text)));
      continue;
    }
    Located<double> n = checked(r.number(*c, k.text), " " + k.text);
    if (n.set) {
      s.capacity_by_period.emplace_back(key_str(k), n);
    }
  }
}

}  // namespace

bool quarter_end(std::string_view quarter, Date& end)
{
  if (!is_quarter(quarter)) {
    return false;
  }
  const int year = std::stoi(std::string(quarter.substr(0, 4)));
  const int q = quarter[6] - '0';
  end = Date{add_months(make_date(year, (q - 1) * 3 + 1, 1), 3).days - 1};
  return true;
}

std::vector<Update> read_updates(const YNode& parent, SchemaReader& r, std::string_view what)
{
  std::vector<Update> out;
  const YNode* n = parent.get("updates");
  if (!n || n->is_null()) {
    return out;
  }
  if (!n->is_seq()) {
    r.report(n->loc,
             fmt::format("'updates' of {} must be a list of {{date, health, note}}, found {}", what, n->kind_name()));
    return out;
  }
  for (const auto& e : n->items) {
    if (!r.expect_map(e, "an update")) {
      continue;
    }
    r.check_keys(e, k_update_keys, "an update");
    Update u;
    u.loc = e.loc;
    if (r.require(e, "date", "update")) {
      u.date = r.date(e, "date");
    }
    if (r.require(e, "health", "update")) {
      u.health = r.str(e, "health");
      if (u.health.set && !is_health(u.health.value)) {
        const std::vector<std::string> hs(std::begin(k_health_values), std::end(k_health_values));
        std::string msg = fmt::format("unknown health {}", quote(u.health.value));
        if (auto dym = did_you_mean(u.health.value, hs); !dym.empty()) {
          msg += dym;
        } else {
          msg += "; expected on-track, at-risk or off-track";
        }
        r.report(u.health.loc, std::move(msg));
        u.health.set = false;  // not a health: no view shows it, latest_update skips the entry
        u.health.value.clear();
      }
    }
    u.note = r.str(e, "note");
    u.author = r.str(e, "author");
    out.push_back(std::move(u));
  }
  return out;
}

std::span<const std::string_view> item_keys()
{
  return k_item_keys;
}

bool parse_period(std::string_view text, int& count, std::string& unit)
{
  text = trim(text);
  size_t i = 0;
  count = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9' && count < 100000) {
    count = count * 10 + (text[i] - '0');
    ++i;
  }
  if (i == 0) {
    count = 1;  // "week", "month"
  }
  std::string u = lower(trim(text.substr(i)));
  if (u == "day" || u == "days") {
    unit = "days";
  } else if (u == "week" || u == "weeks") {
    unit = "weeks";
  } else if (u == "month" || u == "months") {
    unit = "months";
  } else {
    return false;
  }
  return count >= 1 && count <= 10000;
}

Date add_period(Date d, int count, const std::string& unit)
{
  if (unit == "months") {
    return add_months(d, count);
  }
  return Date{d.days + count * (unit == "weeks" ? 7 : 1)};
}

namespace {

/// `people:`, each with name, email, role and squad.
void read_people(const YNode& root, SchemaReader& r, Config& cfg)
{
  each_entry(r, root, "people", [&](const YNode& k, const YNode& v) {
    Person p;
    p.id = key_str(k);
    if (v.is_null()) {
      cfg.people.push_back(std::move(p));
      return;
    }
    if (!r.expect_map(v, fmt::format("person {}", quote(k.text)))) {
      return;
    }
    r.check_keys(v, k_person_keys, fmt::format("person {}", quote(k.text)));
    p.name = r.str(v, "name");
    p.email = r.str(v, "email");
    p.role = r.str(v, "role");
    p.squad = r.str(v, "squad");
    cfg.people.push_back(std::move(p));
  });
}

/// `squads:`: each squad's prefix (valid, unique, not FB), name, lead, WIP limit and capacity.
void read_squads(const YNode& root, SchemaReader& r, Config& cfg)
{
  // A portfolio (format 1.4) may have no squads of its own.
  const YNode* members = root.get("portfolio");
  const bool portfolio = members && members->is_map() && !members->entries.empty();
  if (portfolio ? root.get("squads") != nullptr : r.require(root, "squads", "pops.yaml")) {
    const YNode* sq = root.get("squads");
    if (sq->is_map() && sq->entries.empty()) {
      r.report(sq->loc, "'squads' must declare at least one squad");
    }
  }
  std::set<std::string> prefixes;
  each_entry(r, root, "squads", [&](const YNode& k, const YNode& v) {
    Squad s;
    s.id = key_str(k);
    const std::string what = fmt::format("squad {}", quote(k.text));
    const size_t first_finding = r.count();
    if (v.is_null()) {
      r.report(k.loc, fmt::format("{} needs at least a 'prefix'", what));
      return;
    }
    if (!r.expect_map(v, what)) {
      return;
    }
    r.check_keys(v, k_squad_keys, what);
    s.name = r.str(v, "name");
    s.lead = r.str(v, "lead");
    if (r.require(v, "prefix", what)) {
      s.prefix = r.str(v, "prefix");
      if (s.prefix.set && !is_prefix(s.prefix.value)) {
        r.report(s.prefix.loc, fmt::format("prefix {} of {} must be 2-10 capital letters or digits, "
                                           "starting with a letter (e.g. PAY)",
                                           quote(s.prefix.value), what));
        s.prefix.set = false;  // no id-prefix findings against a prefix that is itself wrong
      } else if (s.prefix.set && !prefixes.insert(s.prefix.value).second) {
        r.report(s.prefix.loc,
                 fmt::format("prefix {} is used by another squad; prefixes are unique", quote(s.prefix.value)));
      } else if (s.prefix.value == "FB") {
        r.report(s.prefix.loc, "prefix 'FB' is reserved for feedback ids");
      }
    }
    s.wip_limit = r.integer(v, "wip_limit");
    if (s.wip_limit.set && s.wip_limit.value < 1) {
      r.report(s.wip_limit.loc, fmt::format("wip_limit of {} must be at least 1", what));
      s.wip_limit.set = false;
    }
    read_capacity(v, r, s, what);
    r.attribute_since(first_finding, s.id.value);
    cfg.squads.push_back(std::move(s));
  });
}

/// `fields:`, the custom fields of items: a type (enum with values), not a built-in item key.
void read_fields(const YNode& root, SchemaReader& r, Config& cfg)
{
  each_entry(r, root, "fields", [&](const YNode& k, const YNode& v) {
    FieldDef f;
    f.name = key_str(k);
    const std::string what = fmt::format("field {}", quote(k.text));
    for (auto builtin : item_keys()) {
      if (builtin == k.text) {
        r.report(k.loc,
                 fmt::format("{} is a built-in item key; pick another name for the custom field", quote(k.text)));
        return;
      }
    }
    if (!r.expect_map(v, what)) {
      return;
    }
    r.check_keys(v, k_field_keys, what);
    if (r.require(v, "type", what)) {
      f.type = r.str(v, "type");
      bool known = false;
      for (auto t : k_field_types) {
        known = known || t == f.type.value;
      }
      if (f.type.set && !known) {
        std::vector<std::string> types(k_field_types.begin(), k_field_types.end());
        r.report(f.type.loc, fmt::format("unknown field type {}{}; expected one of {}", quote(f.type.value),
                                         did_you_mean(f.type.value, types), join(types, ", ")));
        f.type.set = false;
      }
    }
    f.values = r.str_list(v, "values");
    if (f.type.value == "enum" && f.values.empty()) {
      r.report(v.loc, fmt::format("{} has type enum but no 'values' list", what));
    }
    cfg.fields.push_back(std::move(f));
  });
}

/// `rituals:`, each with a template, squads and a cadence (every, on a weekday, from a date).
void read_rituals(const YNode& root, SchemaReader& r, Config& cfg)
{
  each_entry(r, root, "rituals", [&](const YNode& k, const YNode& v) {
    Ritual rit;
    rit.name = key_str(k);
    const std::string what = fmt::format("ritual {}", quote(k.text));
    if (!r.expect_map(v, what)) {
      return;
    }
    r.check_keys(v, k_ritual_keys, what);
    rit.template_name = r.str(v, "template");
    rit.squads = r.str_list(v, "squads", "payments");
    if (const YNode* c = v.get("cadence"); c && !c->is_null() && r.expect_map(*c, "cadence")) {
      r.check_keys(*c, k_cadence_keys, "cadence");
      rit.cadence.loc = c->loc;
      rit.cadence.set = true;
      if (r.require(*c, "every", "cadence")) {
        LStr every = r.str(*c, "every");
        if (every.set && !parse_period(every.value, rit.cadence.value.every, rit.cadence.value.unit)) {
          r.report(every.loc, fmt::format("cadence 'every' {} is not a period; expected e.g. '2 weeks', "
                                          "'1 month' or '10 days'",
                                          quote(every.value)));
          rit.cadence.set = false;
        }
      }
      if (LStr on = r.str(*c, "on"); on.set) {
        std::vector<std::string> days(k_weekday_names.begin(), k_weekday_names.end());
        for (size_t i = 0; i < days.size(); ++i) {
          if (lower(on.value) == days[i]) {
            rit.cadence.value.on = static_cast<int>(i);
          }
        }
        if (rit.cadence.value.on < 0) {
          r.report(on.loc, fmt::format("'on' must be a weekday (monday ... sunday), found {}{}", quote(on.value),
                                       did_you_mean(lower(on.value), days)));
        }
      }
      if (auto from = r.date(*c, "from"); from.set) {
        rit.cadence.value.from = from.value;
      }
    }
    cfg.rituals.push_back(std::move(rit));
  });
}

/// `docs: types:`, each with a folder, template, required keys, sections and review period.
void read_doc_types(const YNode& root, SchemaReader& r, Config& cfg)
{
  if (const YNode* docs = root.get("docs"); docs && !docs->is_null() && r.expect_map(*docs, "'docs'")) {
    r.check_keys(*docs, k_docs_keys, "'docs'");
    each_entry(r, *docs, "types", [&](const YNode& k, const YNode& v) {
      DocType t;
      t.name = key_str(k);
      const std::string what = fmt::format("doc type {}", quote(k.text));
      if (!r.expect_map(v, what)) {
        return;
      }
      r.check_keys(v, k_doctype_keys, what);
      t.dir = r.str(v, "dir");
      t.template_name = r.str(v, "template");
      t.required = r.str_list(v, "required", "title");
      t.sections = r.str_list(v, "sections", "Problem");
      if (LStr every = r.str(v, "review_every"); every.set) {
        if (!parse_period(every.value, t.review_every.value.every, t.review_every.value.unit)) {
          r.report(every.loc, fmt::format("'review_every' {} is not a period; expected e.g. '90 days', "
                                          "'12 weeks' or '3 months'",
                                          quote(every.value)));
        } else {
          t.review_every.loc = every.loc;
          t.review_every.set = true;
        }
      }
      cfg.doc_types.push_back(std::move(t));
    });
  }
}

/// `rules:`: a severity, or {severity, pilot} (and `days` of update-stale), for each known rule.
void read_rule_settings(const YNode& root, SchemaReader& r, Config& cfg)
{
  each_entry(r, root, "rules", [&](const YNode& k, const YNode& v) {
    const RuleInfo* info = find_rule(k.text);
    if (!info) {
      std::vector<std::string> ids;
      for (const auto& ri : all_rules()) {
        ids.emplace_back(ri.id);
      }
      r.report(k.loc, fmt::format("unknown rule {}{}", quote(k.text), did_you_mean(k.text, ids)));
      return;
    }
    RuleConfig rc;
    rc.severity = info->default_severity;
    rc.loc = k.loc;
    auto set_severity = [&](const YNode& n) {
      LStr s = r.str_of(n, "severity");
      if (s.set && !parse_severity(s.value, rc.severity)) {
        static const std::vector<std::string> k_names{"off", "info", "warning", "error"};
        r.report(n.loc, fmt::format("unknown severity {}{}; expected off, info, warning or error", quote(s.value),
                                    did_you_mean(s.value, k_names)));
        return false;
      }
      return s.set;
    };
    if (v.is_scalar()) {
      rc.set = set_severity(v);
    } else if (v.is_map()) {
      const bool stale = k.text == "update-stale";
      r.check_keys(v,
                   stale ? std::span<const std::string_view>(k_update_stale_keys)
                         : std::span<const std::string_view>(k_rule_keys),
                   fmt::format("rule {}", quote(k.text)));
      rc.set = true;
      if (stale) {
        cfg.update_stale_days = r.integer(v, "days");
        if (cfg.update_stale_days.set && cfg.update_stale_days.value < 1) {
          r.report(cfg.update_stale_days.loc, "'days' of rule 'update-stale' must be at least 1");
          cfg.update_stale_days.set = false;
        }
      }
      if (const YNode* s = v.get("severity")) {
        set_severity(*s);
      }
      rc.pilot = r.str_list(v, "pilot", "payments");
    } else {
      r.report(v.loc, fmt::format("rule {} takes a severity (off, info, warning, error) or "
                                  "{{severity, pilot}}, found {}",
                                  quote(k.text), v.kind_name()));
    }
    if (rc.set) {
      cfg.rules[std::string(k.text)] = std::move(rc);
    }
  });
}

}  // namespace

void read_config(const YNode& root, SchemaReader& r, Config& cfg)
{
  if (root.is_null()) {
    r.report({1, 1, 0}, "pops.yaml is empty; it needs at least 'version: 1', 'product' and 'squads'");
    return;
  }
  if (!r.expect_map(root, "pops.yaml")) {
    return;
  }
  cfg.loaded = true;
  r.check_keys(root, k_top_keys, "pops.yaml");

  if (r.require(root, "version", "pops.yaml")) {
    cfg.version = r.integer(root, "version");
    if (cfg.version.set && cfg.version.value != 1) {
      r.report(cfg.version.loc, fmt::format("unsupported version {}; this pops reads version 1", cfg.version.value));
    }
  }
  if (r.require(root, "product", "pops.yaml")) {
    cfg.product = r.str(root, "product");
  }

  // people first: squads refer to them, but references are checked by the unknown-ref rule.
  read_people(root, r, cfg);
  read_squads(root, r, cfg);
  cfg.statuses =
    list_or_default(r, root, "statuses", {"idea", "discovery", "planned", "in-progress", "shipped", "dropped"});
  cfg.horizons = list_or_default(r, root, "horizons", {"now", "next", "later"});
  cfg.feedback_sources =
    list_or_default(r, root, "feedback_sources", {"support", "sales", "survey", "interview", "other"});
  read_fields(root, r, cfg);
  read_rituals(root, r, cfg);
  read_doc_types(root, r, cfg);
  read_rule_settings(root, r, cfg);
  read_objectives(root, r, cfg);
  read_initiatives(root, r, cfg);
  read_portfolio(root, r, cfg);

  for (auto key : {"scoring", "integrations", "aliases"}) {
    if (const YNode* v = root.get(key); v && !v->is_null() && r.expect_map(*v, fmt::format("'{}'", key))) {
      YNode& dst = std::string_view(key) == "scoring"        ? cfg.scoring
                   : std::string_view(key) == "integrations" ? cfg.integrations
                                                             : cfg.aliases;
      dst = *v;
    }
  }
  if (const YNode* v = root.get("pager"); v && !v->is_null()) {
    (void)read_pager(*v, &r);
  }
  cfg.effort_unit = r.str(root, "effort_unit");
  if (cfg.effort_unit.set && trim(cfg.effort_unit.value).empty()) {
    r.report(cfg.effort_unit.loc, "'effort_unit' must name a unit, e.g. points or person-weeks");
    cfg.effort_unit.set = false;
  }
  check_scoring(cfg.scoring, r);
  check_integrations(cfg.integrations, cfg, r);
  read_aliases(cfg.aliases, r);
}

PagerSetting read_pager(const YNode& v, SchemaReader* r)
{
  PagerSetting out;
  const std::string l = lower(v.text);
  if (v.is_scalar() && !v.quoted && (l == "true" || l == "false")) {
    out.off = l == "false";
    out.command = "";
  } else if (v.is_scalar() && !trim(v.text).empty()) {
    out.command = v.text;
  } else if (r) {
    r->report(v.loc, fmt::format("'pager' must be true, false or a command such as \"less -FRX\", found {}",
                                 v.is_scalar() ? quote(v.text) : std::string(v.kind_name())));
  }
  return out;
}

PagerSetting workspace_pager(const std::string& root)
{
  std::ifstream in(root + "/pops.yaml", std::ios::binary);
  if (!in) {
    return {};
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  YamlDoc doc = parse_yaml(ss.str());
  const YNode* v = doc.ok && doc.root.is_map() ? doc.root.get("pager") : nullptr;
  return v && !v->is_null() ? read_pager(*v, nullptr) : PagerSetting{};
}

// Config lookups.

const Squad* Config::squad(std::string_view id) const
{
  for (const auto& s : squads) {
    if (s.id.value == id) {
      return &s;
    }
  }
  return nullptr;
}

const Squad* Config::squad_by_prefix(std::string_view prefix) const
{
  for (const auto& s : squads) {
    if (s.prefix.value == prefix) {
      return &s;
    }
  }
  return nullptr;
}

const Person* Config::person(std::string_view id) const
{
  for (const auto& p : people) {
    if (p.id.value == id) {
      return &p;
    }
  }
  return nullptr;
}

const Ritual* Config::ritual(std::string_view name) const
{
  for (const auto& r : rituals) {
    if (r.name.value == name) {
      return &r;
    }
  }
  return nullptr;
}

const DocType* Config::doc_type(std::string_view name) const
{
  for (const auto& t : doc_types) {
    if (t.name.value == name) {
      return &t;
    }
  }
  return nullptr;
}

const FieldDef* Config::field(std::string_view name) const
{
  for (const auto& f : fields) {
    if (f.name.value == name) {
      return &f;
    }
  }
  return nullptr;
}

const Objective* Config::objective(std::string_view id) const
{
  for (const auto& o : objectives) {
    if (o.id.value == id) {
      return &o;
    }
  }
  return nullptr;
}

const Initiative* Config::initiative(std::string_view id) const
{
  for (const auto& i : initiatives) {
    if (i.id.value == id) {
      return &i;
    }
  }
  return nullptr;
}

const KeyResult* Config::key_result(std::string_view id, const Objective** of) const
{
  for (const auto& o : objectives) {
    for (const auto& kr : o.key_results) {
      if (kr.id.value == id) {
        if (of) {
          *of = &o;
        }
        return &kr;
      }
    }
  }
  return nullptr;
}

bool Config::has_status(std::string_view s) const
{
  return status_rank(s) >= 0;
}

int Config::status_rank(std::string_view s) const
{
  for (size_t i = 0; i < statuses.size(); ++i) {
    if (statuses[i].value == s) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

bool Config::has_horizon(std::string_view h) const
{
  for (const auto& x : horizons) {
    if (x.value == h) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> squad_ids(const Config& cfg)
{
  std::vector<std::string> out;
  for (const auto& s : cfg.squads) {
    out.push_back(s.id.value);
  }
  return out;
}

std::vector<std::string> person_ids(const Config& cfg)
{
  std::vector<std::string> out;
  for (const auto& p : cfg.people) {
    out.push_back(p.id.value);
  }
  return out;
}

}  // namespace pops
