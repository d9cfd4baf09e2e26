// pops import and pops export: Jira, Linear and Productboard. See integrations.h.

#include "workspace/config.h"
#include "base/date.h"
#include "edit/integrations.h"

#include "base/csv.h"
#include "base/money.h"
#include "base/html.h"
#include "edit/import.h"
#include "base/text.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

namespace pops {

namespace {

using Pairs = std::vector<std::pair<std::string_view, std::string_view>>;

struct ToolDefaults {
  std::string_view tool, name;
  Pairs statuses;  ///< tool status -> status; the first one of each status is what `pops export` writes
  Pairs columns;   ///< column -> field
  std::vector<std::string_view> category_columns;  ///< the export's status category, if it has one
  Pairs categories;  ///< status category -> status: the fallback for a status pops does not know
};

// The columns and workflow names of each tool's CSV export.
const std::array<ToolDefaults, 3>& tool_defaults()
{
  static const std::array<ToolDefaults, 3> k = {{
    {"jira",
     "Jira",
     {{"To Do", "planned"},
      {"Backlog", "idea"},
      {"Discovery", "discovery"},
      {"In Progress", "in-progress"},
      {"Done", "shipped"},
      {"Won't Do", "dropped"},
      {"Open", "planned"},
      {"Selected for Development", "planned"},
      {"In Review", "in-progress"},
      {"Closed", "shipped"},
      {"Resolved", "shipped"},
      {"Won't Fix", "dropped"},
      {"Cancelled", "dropped"},
      {"Canceled", "dropped"},
      {"Duplicate", "dropped"}},
     {{"Issue key", "key"},
      {"Summary", "title"},
      {"Status", "status"},
      {"Project key", "squad"},
      {"Description", "description"},
      {"Assignee", "owner"},
      {"Due date", "target"},
      {"Labels", "tags"},
      {"pops id", "id"}},
     {"Status Category"},
     {{"To Do", "planned"}, {"In Progress", "in-progress"}, {"Done", "shipped"}, {"New", "planned"},
      {"Indeterminate", "in-progress"}}},
    {"linear",
     "Linear",
     {{"Todo", "planned"},
      {"Backlog", "idea"},
      {"In Progress", "in-progress"},
      {"Done", "shipped"},
      {"Canceled", "dropped"},
      {"Triage", "idea"},
      {"In Review", "in-progress"},
      {"Duplicate", "dropped"}},
     {{"ID", "key"},
      {"Title", "title"},
      {"Status", "status"},
      {"Team", "squad"},
      {"Description", "description"},
      {"Assignee", "owner"},
      {"Due Date", "target"},
      {"Labels", "tags"},
      {"Estimate", "score.effort"},
      {"pops id", "id"}},
     {"Status Type", "State Type"},
     {{"triage", "idea"},
      {"backlog", "idea"},
      {"unstarted", "planned"},
      {"started", "in-progress"},
      {"completed", "shipped"},
      {"canceled", "dropped"},
      {"cancelled", "dropped"}}},
    {"productboard",
     "Productboard",
     {{"Planned", "planned"},
      {"New idea", "idea"},
      {"Candidate", "discovery"},
      {"In progress", "in-progress"},
      {"Released", "shipped"},
      {"Won't do", "dropped"},
      {"Under consideration", "discovery"},
      {"Done", "shipped"},
      {"Archived", "dropped"}},
     {{"Feature ID", "key"},
      {"Feature name", "title"},
      {"Status", "status"},
      {"Teams", "squad"},
      {"Description", "description"},
      {"Owner", "owner"},
      {"Timeframe end", "target"},
      {"Tags", "tags"},
      {"pops id", "id"}},
     {},
     {}},
  }};
  return k;
}

constexpr std::string_view k_tools[] = {"jira", "linear", "productboard"};
constexpr std::string_view k_tool_keys[] = {"squad", "squads", "statuses", "fields", "people"};
constexpr std::string_view k_plain_fields[] = {"key",   "id",     "title",   "status", "squad", "description",
                                               "owner", "target", "horizon", "tags",   "okr"};

const ToolDefaults* defaults_of(std::string_view tool)
{
  for (const auto& d : tool_defaults()) {
    if (d.tool == tool) {
      return &d;
    }
  }
  return nullptr;
}

std::string norm(std::string_view s)
{
  return lower(trim(s));
}

/// The value `key` maps to in `pairs`, compared ignoring case and surrounding space; nullptr if none.
const std::string* lookup(const std::vector<std::pair<std::string, std::string>>& pairs, std::string_view key)
{
  const std::string k = norm(key);
  for (const auto& [from, to] : pairs) {
    if (norm(from) == k) {
      return &to;
    }
  }
  return nullptr;
}

std::vector<std::string> names_of(const std::vector<LStr>& v)
{
  std::vector<std::string> out;
  for (const auto& x : v) {
    out.push_back(x.value);
  }
  return out;
}

/// The fields a column can be mapped to, for messages.
std::vector<std::string> field_targets(const Config& cfg)
{
  std::vector<std::string> out(std::begin(k_plain_fields), std::end(k_plain_fields));
  out.emplace_back("score.NAME");
  out.emplace_back("links.NAME");
  for (const auto& f : cfg.fields) {
    out.push_back(f.name.value);
  }
  return out;
}

bool valid_target(const Config& cfg, std::string_view f)
{
  if (std::find(std::begin(k_plain_fields), std::end(k_plain_fields), f) != std::end(k_plain_fields)) {
    return true;
  }
  for (std::string_view p : {"score.", "links."}) {
    if (f.starts_with(p) && f.size() > p.size() && f.find_first_of(" .=", p.size()) == std::string_view::npos) {
      return true;
    }
  }
  return cfg.field(f) != nullptr;
}

std::string link_of(const Item& it, std::string_view tool)
{
  for (const auto& [k, v] : it.links) {
    if (k.value == tool) {
      return v.value;
    }
  }
  return {};
}

} // namespace

std::span<const std::string_view> import_tools()
{
  return k_tools;
}

ToolMapping tool_mapping(const Config& cfg, std::string_view tool)
{
  ToolMapping m;
  m.tool = std::string(tool);
  const ToolDefaults* d = defaults_of(tool);
  if (!d) {
    return m;
  }
  m.name = std::string(d->name);
  const YNode* own = cfg.integrations.is_map() ? cfg.integrations.get(tool) : nullptr;
  auto pairs = [&](std::string_view key, std::vector<std::pair<std::string, std::string>>& out) {
    const YNode* n = own && own->is_map() ? own->get(key) : nullptr;
    if (!n || !n->is_map()) {
      return;
    }
    for (const auto& [k, v] : n->entries) {
      if (k.is_scalar() && (v.is_scalar() || v.is_null())) {
        out.emplace_back(k.text, v.is_null() ? std::string() : v.text);
      }
    }
  };
  pairs("statuses", m.statuses);
  pairs("squads", m.squads);
  pairs("fields", m.fields);
  pairs("people", m.people);
  if (const YNode* sq = own && own->is_map() ? own->get("squad") : nullptr; sq && sq->is_scalar()) {
    m.squad = sq->text;
  }
  for (const auto& [from, to] : d->statuses) {
    if (cfg.has_status(to)) {
      m.statuses.emplace_back(from, to);
    }
  }
  for (const auto& [col, field] : d->columns) {
    m.fields.emplace_back(col, field);
  }
  return m;
}

void check_integrations(const YNode& integrations, const Config& cfg, SchemaReader& r)
{
  if (!integrations.is_map()) {
    return;
  }
  r.check_keys(integrations, k_tools, "'integrations'");
  for (const auto& tool : integrations.entries) {
    const YNode& tk = tool.first;  // named, not a structured binding: lambdas below capture them
    const YNode& tv = tool.second;
    if (!defaults_of(tk.text) || tv.is_null()) {
      continue;
    }
    const std::string where = fmt::format("integrations.{}", tk.text);
    if (!r.expect_map(tv, fmt::format("'{}'", where))) {
      continue;
    }
    r.check_keys(tv, k_tool_keys, fmt::format("'{}'", where));
    // Each of squads, statuses, people: a mapping of tool values to known ids.
    auto check_map = [&](std::string_view key, std::string_view what, std::string_view whats,
                         std::span<const std::string> known, std::string_view example) {
      const YNode* n = tv.get(key);
      if (!n || n->is_null() || !r.expect_map(*n, fmt::format("'{}.{}'", where, key))) {
        return;
      }
      for (const auto& [k, v] : n->entries) {
        if (!v.is_scalar()) {
          r.report(v.loc.known() ? v.loc : k.loc,
                   fmt::format("'{}.{}' maps {} to {}, found {}; e.g. {}", where, key, quote(k.text), what,
                               v.kind_name(), example));
        } else if (std::find(known.begin(), known.end(), v.text) == known.end()) {
          r.report(v.loc, fmt::format("unknown {} {} in '{}.{}'{}; the {} are {}", what, quote(v.text), where, key,
                                      did_you_mean(v.text, known), whats, join(known, ", ")));
        }
      }
    };
    const std::vector<std::string> squads = squad_ids(cfg);
    const std::vector<std::string> statuses = names_of(cfg.statuses);
    const std::vector<std::string> people = person_ids(cfg);
    check_map("squads", "squad", "squads", squads, "{PAY: payments}");
    check_map("statuses", "status", "statuses", statuses, "{\"In Review\": in-progress}");
    check_map("people", "person", "people", people, "{\"Alice Park\": alice}");
    if (const YNode* sq = tv.get("squad"); sq && !sq->is_null()) {
      if (!sq->is_scalar()) {
        r.report(sq->loc, fmt::format("'{}.squad' must be a squad id, found {}", where, sq->kind_name()));
      } else if (std::find(squads.begin(), squads.end(), sq->text) == squads.end()) {
        r.report(sq->loc, fmt::format("unknown squad {} in '{}.squad'{}; the squads are {}", quote(sq->text), where,
                                      did_you_mean(sq->text, squads), join(squads, ", ")));
      }
    }
    if (const YNode* f = tv.get("fields"); f && !f->is_null() && r.expect_map(*f, fmt::format("'{}.fields'", where))) {
      const std::vector<std::string> targets = field_targets(cfg);
      for (const auto& [k, v] : f->entries) {
        if (v.is_null() || (v.is_scalar() && !v.quoted && v.text.empty())) {
          continue;  // the column is ignored
        }
        if (!v.is_scalar()) {
          r.report(v.loc.known() ? v.loc : k.loc,
                   fmt::format("'{}.fields' maps the column {} to a field, found {}; e.g. \"Story Points\": "
                               "score.effort, or null to ignore the column",
                               where, quote(k.text), v.kind_name()));
        } else if (!valid_target(cfg, v.text)) {
          r.report(v.loc, fmt::format("unknown field {} in '{}.fields'{}; a column maps to one of {}, or null to "
                                      "ignore it",
                                      quote(v.text), where, did_you_mean(v.text, targets), join(targets, ", ")));
        }
      }
    }
  }
}

std::optional<Date> parse_tool_date(std::string_view text)
{
  if (auto d = parse_export_date(text)) {
    return d;
  }
  // Jira: d/MMM/yy or d/MMM/yyyy, optionally followed by a time.
  static constexpr std::string_view k_months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  const std::string_view t = trim(text);
  const size_t s1 = t.find('/');
  const size_t s2 = s1 == std::string_view::npos ? s1 : t.find('/', s1 + 1);
  if (s2 == std::string_view::npos || s1 == 0 || s1 > 2 || s2 - s1 != 4) {
    return std::nullopt;
  }
  int day = 0;
  for (char c : t.substr(0, s1)) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    day = day * 10 + (c - '0');
  }
  const std::string mon = lower(t.substr(s1 + 1, 3));
  const auto mi = std::find(std::begin(k_months), std::end(k_months), mon);
  if (mi == std::end(k_months)) {
    return std::nullopt;
  }
  size_t i = s2 + 1;
  int year = 0;
  int digits = 0;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
    year = year * 10 + (t[i] - '0');
    ++digits;
    ++i;
  }
  if ((digits != 2 && digits != 4) || (i < t.size() && t[i] != ' ')) {
    return std::nullopt;
  }
  if (digits == 2) {
    year += 2000;
  }
  return parse_date(fmt::format("{:04}-{:02}-{:02}", year, (mi - std::begin(k_months)) + 1, day));
}

namespace {

/// One value read from a row, with the cell it came from.
struct Cell {
  std::string text;
  int line = 0, column = 0;
};

/// The values a row gives an item, by field, in the order of the mapping.
struct RowValues {
  std::vector<std::pair<std::string, std::string>> scalars;  ///< field -> text (not empty)
  std::vector<std::string> tags;
  bool has_tags = false;
};

} // namespace

ToolImportResult plan_tool_import(const EditSession& s, std::string_view csv, std::string_view tool,
                                  std::string_view file, const UsedIds& history, const ToolImportOptions& options)
{
  const Config& cfg = s.ws.config;
  if (!cfg.loaded) {
    throw OpError("pops.yaml cannot be used; run 'pops check' to see why");
  }
  const ToolDefaults* defaults = defaults_of(tool);
  if (!defaults) {
    std::vector<std::string> tools(std::begin(k_tools), std::end(k_tools));
    throw OpError(fmt::format("unknown tool '{}'{}", tool, did_you_mean(tool, tools)),
                  fmt::format("pops imports from {}", join(tools, ", ")));
  }
  ToolMapping m = tool_mapping(cfg, tool);
  if (!options.squad.empty() && !cfg.squad(options.squad)) {
    const std::vector<std::string> squads = squad_ids(cfg);
    throw OpError(fmt::format("--squad: unknown squad '{}'{}", options.squad, did_you_mean(options.squad, squads)),
                  fmt::format("the squads are {}", join(squads, ", ")));
  }
  CsvTable table = read_csv(csv);
  ToolImportResult r;
  for (const auto& e : table.errors) {
    ++r.rows;
    ++r.skipped;
    r.messages.push_back({e.line, e.column, e.message, true});
  }
  if (table.rows.empty()) {
    throw OpError(fmt::format("'{}' has no header row", file),
                  fmt::format("export the issues from {} as CSV with all fields", m.name));
  }
  const CsvRow& header = table.rows.front();
  std::vector<std::string> names;
  for (const auto& h : header.fields) {
    names.emplace_back(trim(h));
  }
  // --map COLUMN=FIELD: before pops.yaml's entries and the tool's columns, so they win.
  std::vector<std::pair<std::string, std::string>> cli_fields;
  for (const auto& mp : options.maps) {
    const size_t eq = mp.rfind('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == mp.size()) {
      throw OpError(fmt::format("--map '{}' is not COLUMN=FIELD", mp), "e.g. --map 'Fix Version/s=horizon'");
    }
    const std::string column(trim(std::string_view(mp).substr(0, eq)));
    const std::string field(trim(std::string_view(mp).substr(eq + 1)));
    if (!valid_target(cfg, field)) {
      const std::vector<std::string> targets = field_targets(cfg);
      throw OpError(fmt::format("--map '{}': unknown field '{}'{}", mp, field, did_you_mean(field, targets)),
                    fmt::format("a column maps to one of {}", join(targets, ", ")));
    }
    if (std::none_of(names.begin(), names.end(), [&](const std::string& n) { return norm(n) == norm(column); })) {
      throw OpError(fmt::format("--map '{}': '{}' has no column '{}'{}", mp, file, column, did_you_mean(column, names)),
                    fmt::format("its columns are {}", join(names, ", ")));
    }
    cli_fields.emplace_back(column, field);
  }
  m.fields.insert(m.fields.begin(), cli_fields.begin(), cli_fields.end());
  // Field -> the columns it is read from (several for Jira's repeated Labels). A column is claimed by
  // the first mapping entry naming it; pops.yaml's entries come first.
  std::map<std::string, std::vector<size_t>> cols;
  std::vector<std::pair<std::string, std::vector<size_t>>> order;  // fields in mapping order
  std::set<std::string> claimed;
  for (const auto& [column, field] : m.fields) {
    const std::string key = norm(column);
    if (!claimed.insert(key).second || field.empty() || cols.count(field)) {
      continue;
    }
    std::vector<size_t> at;
    for (size_t i = 0; i < names.size(); ++i) {
      if (norm(names[i]) == key) {
        at.push_back(i);
      }
    }
    if (!at.empty()) {
      cols[field] = at;
      order.emplace_back(field, at);
    }
  }
  auto need = [&](const char* field, std::string_view example) {
    if (!cols.count(field)) {
      throw OpError(fmt::format("'{}' has no column for the {} of an item", file, field),
                    fmt::format("map one in pops.yaml, e.g. integrations: {{{}: {{fields: {{\"{}\": {}}}}}}}; the columns "
                                "are {}",
                                tool, example, field, join(names, ", ")));
    }
  };
  need("key", defaults->columns[0].first);
  need("title", defaults->columns[1].first);
  need("status", "Status");
  // The export's status category, the fallback for a status pops does not know.
  for (std::string_view c : defaults->category_columns) {
    for (size_t i = 0; i < names.size() && !cols.count("@category"); ++i) {
      if (norm(names[i]) == norm(c) && !claimed.count(norm(c))) {
        cols["@category"] = {i};
      }
    }
  }

  std::map<std::string, std::string> by_key;  // tool key -> item id
  for (const auto& it : s.ws.items) {
    for (const auto& [k, v] : it.links) {
      if (k.value == tool) {
        by_key.emplace(std::string(trim(v.value)), it.id.value);
      }
    }
  }
  std::vector<std::string> tool_statuses;
  for (const auto& [from, to] : m.statuses) {
    tool_statuses.push_back(from);
  }
  for (const auto& st : cfg.statuses) {
    tool_statuses.push_back(st.value);
  }
  std::vector<std::string> squad_names = squad_ids(cfg);
  for (const auto& q : cfg.squads) {
    squad_names.push_back(q.prefix.value);
  }
  for (const auto& [from, to] : m.squads) {
    squad_names.push_back(from);
  }
  ItemBatch batch;
  std::vector<std::string> add_squads;  // of batch.adds
  std::map<std::string, int> seen;  // key -> line of the row that had it first

  for (size_t ri = 1; ri < table.rows.size(); ++ri) {
    const CsvRow& row = table.rows[ri];
    ++r.rows;
    bool bad = false;
    auto error_at = [&](int line, int column, std::string msg) {
      r.messages.push_back({line, column, std::move(msg), true});
      bad = true;
    };
    auto warn_at = [&](const Cell& c, std::string msg) { r.messages.push_back({c.line, c.column, std::move(msg), false}); };
    if (row.fields.size() != header.fields.size()) {
      error_at(row.line, 0, fmt::format("the row has {} fields, the header {}", row.fields.size(), header.fields.size()));
      ++r.skipped;
      continue;
    }
    for (size_t i = 0; i < row.fields.size() && !bad; ++i) {
      if (row.fields[i].find('\0') != std::string::npos || valid_utf8(row.fields[i]) != row.fields[i]) {
        error_at(row.cells[i].first, row.cells[i].second,
                 fmt::format("'{}' is not UTF-8 text (or holds a NUL byte); export the file as UTF-8", names[i]));
      }
    }
    if (bad) {
      ++r.skipped;
      continue;
    }
    auto cell_at = [&](size_t i, std::string text) { return Cell{std::move(text), row.cells[i].first, row.cells[i].second}; };
    // The first non-empty cell of a field (its first column when all are empty).
    auto get = [&](const std::string& field) -> Cell {
      auto it = cols.find(field);
      if (it == cols.end()) {
        return {};
      }
      for (size_t i : it->second) {
        if (!trim(row.fields[i]).empty()) {
          if (field == "description") {
            // Productboard writes descriptions as HTML.
            return cell_at(i, export_text(tool == "productboard" ? html_to_markdown(row.fields[i]) : row.fields[i]));
          }
          return cell_at(i, export_line(row.fields[i]));
        }
      }
      return cell_at(it->second.front(), "");
    };
    auto col_name = [&](const std::string& field) { return names[cols.at(field).front()]; };

    const Cell key = get("key");
    if (key.text.empty()) {
      error_at(key.line, key.column, fmt::format("no key: '{}' is empty", col_name("key")));
      ++r.skipped;
      continue;
    }
    if (auto [it, fresh] = seen.emplace(key.text, row.line); !fresh) {
      error_at(key.line, key.column, fmt::format("{} is in the file twice (first at line {}); the later row is left out",
                                                 key.text, it->second));
      ++r.skipped;
      continue;
    }
    const Cell title = get("title");
    if (title.text.empty()) {
      error_at(title.line, title.column, fmt::format("no title: '{}' is empty", col_name("title")));
    }
    const Cell status_cell = get("status");
    auto status_of = [&](std::string_view text) -> std::string {
      if (const std::string* to = lookup(m.statuses, text)) {
        return *to;
      }
      for (const auto& st : cfg.statuses) {
        if (norm(st.value) == norm(text)) {
          return st.value;
        }
      }
      return {};
    };
    std::string status = status_of(status_cell.text);
    // A status that does not map: the category's status, decided here, or (below, once the item is
    // known) the item's own status or the first of the workflow.
    std::string status_fix;
    if (status.empty()) {
      status_fix = fmt::format("unknown {} status {}{}", m.name,
                               status_cell.text.empty() ? "(empty)" : quote(status_cell.text),
                               did_you_mean(status_cell.text, tool_statuses));
      const Cell cat = get("@category");
      if (!cat.text.empty()) {
        for (const auto& [from, to] : defaults->categories) {
          if (status.empty() && norm(from) == norm(cat.text) && cfg.has_status(to)) {
            status = std::string(to);
            status_fix += fmt::format("; imported as '{}' by its '{}' {}", status, names[cols.at("@category").front()],
                                      quote(cat.text));
          }
        }
      }
    }
    const std::string status_map_fix = fmt::format(
      "map it in pops.yaml, e.g. integrations: {{{}: {{statuses: {{\"{}\": {}}}}}}}", tool,
      status_cell.text.empty() ? "Status" : status_cell.text, cfg.statuses.empty() ? "planned" : cfg.statuses.front().value);
    // The squad: --squad, else the squad column, else (Jira) the project key of the issue key, else
    // integrations.<tool>.squad. Only a new item needs one: what is wrong with it is said for those.
    std::string squad;
    std::string squad_warning;  // a warning for a new item
    std::string squad_error;    // no squad for a new item: the row is left out if it is one
    Cell sq;
    if (!options.squad.empty()) {
      squad = options.squad;
    } else {
      sq = get("squad");
      if (sq.text.empty() && tool == "jira" && key.text.find('-') != std::string::npos) {
        sq = key;
        sq.text = key.text.substr(0, key.text.find('-'));
      }
      auto squad_of = [&](std::string_view text) -> std::string {
        if (const std::string* to = lookup(m.squads, text)) {
          return *to;
        }
        for (const auto& q : cfg.squads) {
          if (norm(q.id.value) == norm(text) || norm(q.name.value) == norm(text) || q.prefix.value == trim(text)) {
            return q.id.value;
          }
        }
        return {};
      };
      const std::string fallback = !m.squad.empty() ? m.squad : cfg.squads.size() == 1 ? cfg.squads.front().id.value : "";
      const std::string example = cfg.squads.empty() ? "payments" : cfg.squads.front().id.value;
      const std::string col = cols.count("squad") && !get("squad").text.empty() ? col_name("squad") : col_name("key");
      if (!sq.text.empty()) {
        squad = squad_of(sq.text);
        if (squad.empty() && sq.text.find_first_of(",;") != std::string::npos) {
          // Several teams (Productboard's `Payments, Growth`): the first one that is a squad.
          std::string cur;
          for (char ch : sq.text + ",") {
            if (ch == ',' || ch == ';') {
              if (squad.empty() && !trim(cur).empty()) {
                squad = squad_of(cur);
              }
              cur.clear();
            } else {
              cur += ch;
            }
          }
          if (!squad.empty()) {
            squad_warning = fmt::format("'{}' {} names several squads; the item goes to '{}', the first one; to "
                                        "choose, import with --squad or map the cell, e.g. integrations: {{{}: "
                                        "{{squads: {{\"{}\": {}}}}}}}",
                                        col, quote(sq.text), squad, tool, sq.text, squad);
          }
        }
        if (squad.empty()) {
          const std::string unknown = fmt::format("unknown squad {}{}", quote(sq.text), did_you_mean(sq.text, squad_names));
          const std::string fix = fmt::format("map it in pops.yaml, e.g. integrations: {{{}: {{squads: {{\"{}\": {}}}}}}}, "
                                              "or import with --squad",
                                              tool, sq.text, example);
          if (!fallback.empty()) {
            squad = fallback;
            squad_warning = fmt::format("{}; the item goes to '{}', the default; {}", unknown, fallback, fix);
          } else {
            squad_error = fmt::format("{}; {}", unknown, fix);
          }
        }
      } else if (!fallback.empty()) {
        squad = fallback;
      } else {
        sq = Cell{"", row.line, 0};
        squad_error = fmt::format("no squad: the row names none; import with --squad or set a default in pops.yaml, "
                                  "e.g. integrations: {{{}: {{squad: {}}}}}",
                                  tool, example);
      }
    }
    // The other fields.
    RowValues vals;
    for (const auto& [field, at] : order) {
      if (field == "key" || field == "id" || field == "title" || field == "status" || field == "squad") {
        continue;
      }
      if (field == "tags" || (cfg.field(field) && cfg.field(field)->type.value == "list")) {
        std::vector<std::string> list;
        for (size_t i : at) {
          std::string cur;
          for (char ch : row.fields[i] + ",") {
            if (ch == ',' || ch == '\n' || ch == '\r' || ch == ';') {
              std::string t = export_line(cur);
              if (!t.empty() && std::find(list.begin(), list.end(), t) == list.end()) {
                list.push_back(t);
              }
              cur.clear();
            } else {
              cur += ch;
            }
          }
        }
        if (field == "tags") {
          vals.tags = list;
          vals.has_tags = !list.empty();
        } else if (!list.empty()) {
          vals.scalars.emplace_back(field, join(list, ","));
        }
        continue;
      }
      const Cell c = get(field);
      if (c.text.empty()) {
        continue;
      }
      const std::string col = col_name(field);
      if (field == "owner") {
        std::string person;
        if (const std::string* to = lookup(m.people, c.text)) {
          person = *to;
        } else {
          for (const auto& p : cfg.people) {
            if ((p.email && norm(p.email.value) == norm(c.text)) || (p.name && norm(p.name.value) == norm(c.text))
                || norm(p.id.value) == norm(c.text)) {
              person = p.id.value;
              break;
            }
          }
        }
        if (person.empty()) {
          warn_at(c, fmt::format("'{}' {} is nobody in pops.yaml's people (by email or name); the owner is left "
                                 "unset; map it, e.g. integrations: {{{}: {{people: {{\"{}\": {}}}}}}}",
                                 col, quote(c.text), tool, c.text,
                                 cfg.people.empty() ? "alice" : cfg.people.front().id.value));
        } else {
          vals.scalars.emplace_back(field, person);
        }
        continue;
      }
      const FieldDef* def = cfg.field(field);
      const std::string type = def ? def->type.value : field == "target" ? "date" : field.starts_with("score.") ? "number" : "string";
      if (type == "date") {
        auto d = parse_tool_date(c.text);
        if (!d) {
          warn_at(c, fmt::format("'{}' is not a date: {}; the {} is left unset; write YYYY-MM-DD, M/D/YYYY or "
                                 "d/MMM/yy",
                                 col, quote(c.text), field));
        } else {
          vals.scalars.emplace_back(field, format_date(*d));
        }
      } else if (type == "number") {
        auto v = parse_money(c.text);
        if (!v || !std::isfinite(*v)) {
          warn_at(c, fmt::format("'{}' is not a number: {}; the {} is left unset; fix the cell or map the column "
                                 "elsewhere, e.g. integrations: {{{}: {{fields: {{\"{}\": null}}}}}}",
                                 col, quote(c.text), field, tool, col));
        } else {
          vals.scalars.emplace_back(field, number_exact(*v));
        }
      } else if (type == "bool") {
        const std::string b = norm(c.text);
        if (b == "true" || b == "yes" || b == "1") {
          vals.scalars.emplace_back(field, "true");
        } else if (b == "false" || b == "no" || b == "0") {
          vals.scalars.emplace_back(field, "false");
        } else {
          warn_at(c, fmt::format("'{}' is not true or false: {}; the {} is left unset; fix the cell or map the "
                                 "column elsewhere, e.g. integrations: {{{}: {{fields: {{\"{}\": null}}}}}}",
                                 col, quote(c.text), field, tool, col));
        }
      } else if (type == "enum") {
        const std::vector<std::string> values = names_of(def->values);
        auto hit = std::find_if(values.begin(), values.end(), [&](const std::string& v) { return norm(v) == norm(c.text); });
        if (hit == values.end()) {
          warn_at(c, fmt::format("'{}' {} is not a value of the field '{}'{}; the {} is left unset; the values are {}",
                                 col, quote(c.text), field, did_you_mean(c.text, values), field, join(values, ", ")));
        } else {
          vals.scalars.emplace_back(field, *hit);
        }
      } else if (field == "horizon") {
        const std::vector<std::string> hs = names_of(cfg.horizons);
        auto hit = std::find_if(hs.begin(), hs.end(), [&](const std::string& v) { return norm(v) == norm(c.text); });
        if (hit != hs.end()) {
          vals.scalars.emplace_back(field, *hit);
        } else if (is_quarter(c.text)) {
          vals.scalars.emplace_back(field, c.text);
        } else {
          warn_at(c, fmt::format("'{}' {} is not a horizon{}; the horizon is left unset; the horizons are {} or a "
                                 "quarter such as 2027-Q1; to import without the column, map it to null, e.g. "
                                 "integrations: {{{}: {{fields: {{\"{}\": null}}}}}}",
                                 col, quote(c.text), did_you_mean(c.text, hs), join(hs, ", "), tool, col));
        }
      } else {
        vals.scalars.emplace_back(field, c.text);
      }
    }
    if (bad) {
      ++r.skipped;
      continue;
    }
    const std::string reason = fmt::format("Dropped in {} ({})", m.name, status_cell.text);
    // The item the row is: by the tool's key (links.<tool>), else by the pops id column that
    // `pops export` writes. A pops id the workspace does not have is a new item.
    std::string match;
    if (auto k = by_key.find(key.text); k != by_key.end()) {
      match = k->second;
    }
    std::string link_to_add;  // links.<tool> for an item matched by its pops id that has none
    if (const Cell pid = get("id"); !pid.text.empty() && s.ws.item(pid.text)) {
      if (!match.empty() && match != pid.text) {
        error_at(pid.line, pid.column,
                 fmt::format("the row's {} key {} is linked to {}, but its '{}' is {}; fix one of them", m.name,
                             quote(key.text), quote(match), col_name("id"), quote(pid.text)));
        ++r.skipped;
        continue;
      }
      if (match.empty()) {
        match = pid.text;
        if (key.text != pid.text && link_of(*s.ws.item(pid.text), tool).empty()) {
          link_to_add = key.text;
        }
      }
    }
    if (!status_fix.empty()) {
      if (status.empty()) {
        status = !match.empty() ? s.ws.item(match)->status.value
                 : cfg.statuses.empty() ? std::string("idea") : cfg.statuses.front().value;
        status_fix += !match.empty() ? fmt::format("; the status is left as it is ('{}')", status)
                                     : fmt::format("; the item is added as '{}', the first status", status);
      }
      warn_at(status_cell, status_fix + "; " + status_map_fix);
    }
    if (match.empty() && !squad_error.empty()) {
      error_at(sq.line, sq.column, squad_error);
      ++r.skipped;
      continue;
    }
    if (match.empty() && !squad_warning.empty()) {
      warn_at(sq, squad_warning);
    }
    if (match.empty()) {
      ItemSpec spec;
      spec.squad = squad;
      add_squads.push_back(squad);
      spec.title = title.text;
      spec.status = status;
      spec.links.push_back(fmt::format("{}={}", tool, key.text));
      if (status == "dropped") {
        spec.fields.push_back("dropped_reason=" + reason);
      }
      for (const auto& [field, v] : vals.scalars) {
        if (field == "owner") {
          spec.owner = v;
        } else if (field == "target") {
          spec.target = v;
        } else if (field == "horizon") {
          spec.horizon = v;
        } else if (field.starts_with("links.")) {
          if (field.substr(6) != tool) {
            spec.links.push_back(field.substr(6) + "=" + v);
          }
        } else {
          spec.fields.push_back(field + "=" + v);
        }
      }
      spec.tags = vals.tags;
      batch.adds.push_back(std::move(spec));
      ++r.added;
      continue;
    }
    // An item imported (or exported) before: only what changed.
    const Item& item = *s.ws.item(match);
    std::vector<Assignment> changes;
    auto set = [&](const std::string& k, const std::string& v) { changes.push_back({k, '=', v}); };
    if (!link_to_add.empty()) {
      set("links." + std::string(tool), link_to_add);
    }
    if (trim(item.title.value) != title.text) {
      set("title", title.text);
    }
    if (item.status.value != status) {
      set("status", status);
      if (status == "dropped" && !item.dropped_reason) {
        set("dropped_reason", reason);
      }
      if (item.status.value == "dropped" && item.dropped_reason) {
        set("dropped_reason", "");
      }
      const int before = cfg.status_rank(item.status.value);
      const int after = cfg.status_rank(status);
      if (status != "dropped" && before >= 0 && after >= 0 && after < before && !(item.reopened && item.reopened.value)) {
        set("reopened", "true");
      }
    }
    for (const auto& [field, v] : vals.scalars) {
      std::string cur;
      bool number = false;
      if (field == "owner") {
        cur = item.owner.value;
      } else if (field == "target") {
        cur = item.target ? format_date(item.target.value) : "";
      } else if (field == "horizon") {
        cur = item.horizon.value;
      } else if (field == "okr") {
        cur = item.okr.value;
      } else if (field == "description") {
        cur = std::string(trim(item.description.value));
      } else if (field.starts_with("score.")) {
        number = true;
        for (const auto& [k, n] : item.score) {
          if (k.value == field.substr(6)) {
            cur = number_exact(n.value);
          }
        }
      } else if (field.starts_with("links.")) {
        for (const auto& [k, l] : item.links) {
          if (k.value == field.substr(6)) {
            cur = l.value;
          }
        }
      } else {
        for (const auto& [k, n] : item.fields) {
          if (k.value == field) {
            if (n.is_seq()) {
              std::vector<std::string> t;
              for (const auto& x : n.items) {
                t.push_back(x.text);
              }
              cur = join(t, ",");
            } else {
              cur = n.text;
            }
          }
        }
      }
      if (cur != v && !(number && !cur.empty() && std::abs(std::stod(cur) - std::stod(v)) < 1e-9)) {
        set(field, v);
      }
    }
    if (vals.has_tags) {
      std::vector<std::string> have = names_of(item.tags);
      std::vector<std::string> a = have, b = vals.tags;
      std::sort(a.begin(), a.end());
      std::sort(b.begin(), b.end());
      if (a != b) {
        set("tags", join(vals.tags, ","));
      }
    }
    if (changes.empty()) {
      ++r.unchanged;
    } else {
      ++r.updated;
      r.updated_ids.push_back(item.id.value);
      batch.updates.emplace_back(item.id.value, std::move(changes));
    }
  }
  std::stable_sort(r.messages.begin(), r.messages.end(), [](const auto& a, const auto& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  r.plan = plan_item_batch(s, batch, history, r.added_ids);
  for (size_t i = 0; i < r.added_ids.size() && i < add_squads.size(); ++i) {
    auto g = std::find_if(r.added_by_squad.begin(), r.added_by_squad.end(),
                          [&](const auto& x) { return x.first == add_squads[i]; });
    if (g == r.added_by_squad.end()) {
      r.added_by_squad.emplace_back(add_squads[i], std::vector<std::string>{});
      g = std::prev(r.added_by_squad.end());
    }
    g->second.push_back(r.added_ids[i]);
  }
  const std::string counts = fmt::format("{} added, {} updated, {} unchanged", r.added, r.updated, r.unchanged);
  if (r.plan.empty()) {
    r.plan.summary = fmt::format("no changes from '{}'", file);
  } else {
    r.plan.summary = fmt::format("imported '{}' into {}", file, join(r.plan.paths(), ", "));
    r.plan.message = fmt::format("Import from {} ({}): {}", m.name, file, counts);
  }
  return r;
}

// Export.

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

} // namespace

std::string export_jira_csv(const Workspace& ws)
{
  const ToolMapping m = tool_mapping(ws.config, "jira");
  size_t labels = 1;
  for (const auto& it : ws.items) {
    labels = std::max(labels, it.tags.size());
  }
  std::vector<std::string> head = {"Issue key", "Summary", "Issue Type", "Status", "Description", "Assignee", "Due date"};
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
    std::vector<std::string> row = {key, it.title.value, "Epic", status, it.description.value, assignee,
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
  std::vector<std::string> head = {"id",     "title", "status", "squad", "horizon", "owner",       "target",
                                   "depends_on", "tags", "okr", "links", "score",   "success", "description",
                                   "dropped_reason", "reopened", "moved_from", "file"};
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
  static constexpr std::string_view k_days[] = {"monday", "tuesday", "wednesday", "thursday",
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

} // namespace

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
  Json squads = Json::array();
  for (const auto& s : cfg.squads) {
    squads.push_back({{"id", s.id.value},
                      {"name", opt(s.name)},
                      {"prefix", opt(s.prefix)},
                      {"lead", opt(s.lead)},
                      {"wip_limit", s.wip_limit ? Json(s.wip_limit.value) : Json()}});
    // format 1.3: a number (every quarter), quarters to numbers, or null
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
  j["effort_unit"] = cfg.effort_unit ? cfg.effort_unit.value : std::string("points");
  j["squads"] = squads;
  Json objectives = Json::array();
  for (const auto& o : cfg.objectives) {
    Json krs = Json::array();
    for (const auto& kr : o.key_results) {
      krs.push_back({{"id", kr.id.value},
                     {"title", opt(kr.title)},
                     {"metric", opt(kr.metric)},
                     {"baseline", kr.baseline ? Json(kr.baseline.value) : Json()},
                     {"target", kr.target ? Json(kr.target.value) : Json()},
                     {"series", kr.series_source ? Json{{"source", kr.series_source.value}, {"key", kr.series_key.value}}
                                                 : Json()}});
    }
    objectives.push_back({{"id", o.id.value}, {"title", opt(o.title)}, {"owner", opt(o.owner)},
                          {"period", opt(o.period)}, {"key_results", krs}});
  }
  j["objectives"] = objectives;
  // format 1.3: initiatives and the health-rated updates of initiatives and items
  auto updates_json = [](const std::vector<Update>& us) {
    Json a = Json::array();
    for (const auto& u : us) {
      a.push_back({{"date", u.date ? Json(format_date(u.date.value)) : Json()},
                   {"health", opt(u.health)},
                   {"note", opt(u.note)},
                   {"author", opt(u.author)}});
    }
    return a;
  };
  Json initiatives = Json::array();
  for (const auto& in : cfg.initiatives) {
    initiatives.push_back({{"id", in.id.value}, {"title", opt(in.title)}, {"owner", opt(in.owner)},
                           {"target", opt(in.target)}, {"description", opt(in.description)},
                           {"updates", updates_json(in.updates)}});
  }
  j["initiatives"] = initiatives;
  Json people = Json::array();
  for (const auto& p : cfg.people) {
    people.push_back({{"id", p.id.value}, {"name", opt(p.name)}, {"email", opt(p.email)}, {"role", opt(p.role)},
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
    items.push_back(std::move(e));
  }
  j["items"] = items;
  Json feedback = Json::array();
  for (const auto& fb : ws.feedback) {
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
    feedback.push_back(std::move(e));
  }
  j["feedback"] = feedback;
  Json docs = Json::array();
  for (const auto& d : ws.docs) {
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
    docs.push_back(std::move(e));
  }
  j["docs"] = docs;
  Json rituals = Json::array();
  for (const auto& rt : cfg.rituals) {
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
    rituals.push_back(std::move(e));
  }
  j["rituals"] = rituals;
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

} // namespace pops
