#pragma once
// The model of a workspace (format v1). Every value remembers where it came from so findings and
// edits can point at the exact place. Later commands query this model; none re-read the files.

#include "base/date.h"
#include "base/finding.h"
#include "yaml/yaml_tree.h"

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace pops {

template <class T> struct Located {
  T value{};
  Loc loc;           ///< where the value starts
  Loc key_loc;       ///< where its key starts (for map values)
  bool set = false;  ///< present in the file
  explicit operator bool() const { return set; }
};
using LStr = Located<std::string>;

struct Squad {
  LStr id, name, prefix, lead;
  Located<long> wip_limit;
  /// `capacity:` (format 1.3): a number for every quarter, or a mapping quarter -> number; the unit
  /// is the Config's effort_unit.
  Located<double> capacity;                                          ///< every quarter (a number)
  std::vector<std::pair<LStr, Located<double>>> capacity_by_period;  ///< quarter -> number (a mapping)
  /// The capacity of a quarter: its entry of the mapping, else the number; none when neither.
  std::optional<double> capacity_of(std::string_view period) const
  {
    for (const auto& [q, n] : capacity_by_period) {
      if (q.value == period && n.set) {
        return n.value;
      }
    }
    return capacity.set ? std::optional<double>(capacity.value) : std::nullopt;
  }
};

struct Person {
  LStr id, name, email, role, squad;
};

struct FieldDef {
  LStr name;
  LStr type;                 ///< string | number | date | bool | enum | list
  std::vector<LStr> values;  ///< enum values
};

struct Cadence {
  int every = 0;     ///< N ...
  std::string unit;  ///< "days", "weeks" or "months"
  int on = -1;       ///< weekday 0 = Monday, -1 unset
  std::optional<Date> from;
};

struct Ritual {
  LStr name;
  Located<Cadence> cadence;
  LStr template_name;
  std::vector<LStr> squads;  ///< empty: all squads
};

struct DocType {
  LStr name, dir, template_name;
  std::vector<LStr> required;     ///< front-matter keys that must be present
  std::vector<LStr> sections;     ///< headings that must be present
  Located<Cadence> review_every;  ///< every + unit (on and from unused)
};

/// A key result of an objective (pops.yaml `objectives.<id>.key_results.<id>`, format 1.2): measured
/// by a usage series (`series: {source, key}`) or by the items that list it in `key_results`.
struct KeyResult {
  LStr id, title, metric;
  Located<double> baseline, target;
  LStr series_source, series_key;  ///< `series:`; both set, or neither
  Loc loc;                         ///< the key result's key
};

/// An objective of a period (pops.yaml `objectives.<id>`, format 1.2).
struct Objective {
  LStr id, title, owner, period;  ///< period: a quarter, YYYY-Qn
  std::vector<KeyResult> key_results;
  Loc loc;  ///< the objective's key
};

/// A dated, health-rated status update of an item (its `updates:` list) or of an initiative (format 1.3),
/// appended by `pops item update`.
struct Update {
  Located<Date> date;
  LStr health;        ///< on-track | at-risk | off-track
  LStr note, author;  ///< author: a person id, optional
  Loc loc;            ///< the entry
};

/// The health values of an update, in order from best to worst.
inline constexpr std::string_view k_health_values[] = {"on-track", "at-risk", "off-track"};
inline bool is_health(std::string_view h)
{
  for (auto v : k_health_values) {
    if (v == h) {
      return true;
    }
  }
  return false;
}
/// A health that puts an item in the at-risk sections (at-risk or off-track).
inline bool is_risky_health(std::string_view h)
{
  return h == "at-risk" || h == "off-track";
}

/// An initiative (pops.yaml `initiatives.<id>`, format 1.3): a level above items that spans squads.
/// Items link to it by `initiative: ID`.
struct Initiative {
  LStr id, title, owner, description;
  LStr target;                      ///< as written: a date YYYY-MM-DD or a quarter YYYY-Qn
  std::optional<Date> target_date;  ///< the date, or the quarter's last day; none when unusable
  std::vector<Update> updates;
  Loc loc;  ///< the initiative's key
};

struct RuleConfig {
  Severity severity;
  std::vector<LStr> pilot;  ///< empty: every squad
  Loc loc;
  bool set = false;
};

struct Config {
  std::string file = "pops.yaml";
  bool loaded = false;  ///< false: pops.yaml unusable, findings say why
  Located<long> version;
  LStr product;
  std::vector<Squad> squads;
  std::vector<Person> people;
  std::vector<LStr> statuses;
  std::vector<LStr> horizons;
  std::vector<LStr> feedback_sources;
  std::vector<FieldDef> fields;
  std::vector<Ritual> rituals;
  std::vector<DocType> doc_types;
  std::vector<Objective> objectives;    ///< format 1.2
  std::vector<Initiative> initiatives;  ///< format 1.3
  Located<long> update_stale_days;      ///< `rules: update-stale: {days: N}`; unset: 14
  LStr effort_unit;                     ///< format 1.3: the unit of score.effort and capacity; "points" unset
  /// `portfolio:` (format 1.4): member name -> path of its workspace, relative to this one, in file order.
  std::vector<std::pair<LStr, LStr>> portfolio;
  std::map<std::string, RuleConfig, std::less<>> rules;
  YNode scoring, integrations, aliases;  ///< kept raw; read by the commands that use them

  const Squad* squad(std::string_view id) const;
  const Squad* squad_by_prefix(std::string_view prefix) const;
  const Person* person(std::string_view id) const;
  const Ritual* ritual(std::string_view name) const;
  const DocType* doc_type(std::string_view name) const;
  const FieldDef* field(std::string_view name) const;
  const Objective* objective(std::string_view id) const;
  const Initiative* initiative(std::string_view id) const;
  /// The key result with this id (ids are unique across objectives), with its objective; nullptr.
  const KeyResult* key_result(std::string_view id, const Objective** of = nullptr) const;
  bool has_status(std::string_view s) const;
  /// Position of a status in the workflow, -1 if unknown.
  int status_rank(std::string_view s) const;
  bool has_horizon(std::string_view h) const;
};

struct Success {
  LStr metric, target;
};

struct Item {
  std::string file;
  Loc loc;  ///< the item's mapping
  LStr id, title, status, horizon, squad, owner, okr, description, dropped_reason;
  LStr moved_from;  ///< the id it had before `item move --new-id` (format 1.1)
  Located<Date> target;
  Located<bool> reopened;
  std::vector<LStr> depends_on, tags;
  std::vector<LStr> key_results;                        ///< ids of key results it serves (format 1.2)
  LStr initiative;                                      ///< the initiative it belongs to (format 1.3)
  std::vector<Update> updates;                          ///< health-rated updates, oldest first as written (format 1.3)
  std::vector<std::pair<LStr, LStr>> links;             ///< tool -> value
  std::vector<std::pair<LStr, Located<double>>> score;  ///< name -> number (80% -> 0.8)
  std::vector<Success> success;
  std::vector<std::pair<LStr, YNode>> fields;  ///< custom fields
  bool squad_from_file = false;                ///< squad came from the file's `squad:`
};

/// The one definition of a shipped and of a dropped item by its status, for every view (metrics,
/// goals ...).
inline bool is_shipped_status(std::string_view status)
{
  return status == "shipped";
}
inline bool is_dropped_status(std::string_view status)
{
  return status == "dropped";
}

struct Feedback {
  std::string file;
  Loc loc;
  LStr id, source, customer, segment, quote, summary, url;
  Located<Date> date;
  Located<double> arr;
  std::vector<LStr> tags, items;
};

/// A customer record (customers.yaml `customers:` entry, format 1.3). Feedback names a customer by
/// its name or one of its aliases (compared folded: find_customer of workspace/customers.h).
struct Customer {
  std::string file;
  Loc loc;
  LStr name, segment, owner, salesforce, hubspot;
  Located<double> arr;
  Located<Date> arr_date;
  std::vector<LStr> aliases;
};

/// One point of a usage series: metrics/**/*.yaml `points:` entry `DATE: VALUE`.
struct SeriesPoint {
  Located<Date> date;
  Located<double> value;
};

/// A usage or adoption series (metrics/**/*.yaml `series:`), e.g. Amplitude's daily uniques of an
/// event or Pendo's daily visitors of a feature. Items link to it by `links.<source>: <key>`.
struct Series {
  std::string file;
  Loc loc;
  LStr source, key, metric, unit;
  std::vector<SeriesPoint> points;  ///< in file order
};

struct Heading {
  int level = 0;
  int line = 0;
  std::string text;
};

struct Doc {
  std::string file;
  bool has_front_matter = false;
  Loc loc;  ///< start of the front matter
  LStr title, type, owner, status;
  std::vector<LStr> items;
  Located<Date> reviewed, created;
  std::vector<LStr> keys;  ///< every front-matter key present
  std::vector<Heading> headings;
};

struct Action {
  Loc loc;
  LStr what, owner;
  Located<Date> due;
  Located<bool> done;
};

struct RitualNote {
  std::string file;
  std::string folder;     ///< rituals/<folder>/
  std::string file_date;  ///< the file name without .md
  Loc loc;
  LStr ritual;
  Located<Date> date;
  std::vector<LStr> attendees, decisions;
  std::vector<Action> actions;
  std::vector<Heading> headings;
};

struct Workspace {
  std::string root;  ///< absolute path of the folder holding pops.yaml
  Config config;
  std::vector<Item> items;
  std::vector<Feedback> feedback;
  std::vector<Customer> customers;  ///< from customers.yaml (format 1.3), in file order
  std::vector<Doc> docs;
  std::vector<RitualNote> notes;
  std::vector<Series> series;                          ///< from metrics/**/*.yaml, in file order
  std::vector<std::string> files;                      ///< every file read, relative to root, sorted
  std::optional<std::string> doc_index;                ///< docs/README.md as read (see `pops doc index`)
  std::vector<Finding> findings;                       ///< found while loading: yaml-syntax, duplicate-key, schema
  std::unordered_map<std::string, size_t> item_index;  ///< id -> first item with that id

  /// The item with this id (the first one, if the id is duplicated), or nullptr.
  const Item* item(std::string_view id) const;
};

}  // namespace pops
