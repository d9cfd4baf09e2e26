// pops import: the rows of a Jira, Linear or Productboard CSV export as item changes and additions.
// See plan_tool_import in integrations.h.

#include "edit/integrations.h"

#include "workspace/tool_defaults.h"
#include "base/csv.h"
#include "base/date.h"
#include "base/html.h"
#include "base/money.h"
#include "base/text.h"
#include "edit/import.h"
#include "workspace/config.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace pops {

using namespace integrations_detail;

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

/// The status a row gives: empty when it does not map and the export's category does not say, to be
/// decided once the item is known (its own status, or the first of the workflow).
struct RowStatus {
  Cell cell;
  std::string status;
  std::string fix;      ///< not empty: the status does not map, and what was done
  std::string map_fix;  ///< how to map it in pops.yaml
};

/// The squad a row gives. Only a new item needs one: what is wrong with it is said for those.
struct RowSquad {
  std::string squad;
  std::string warning;  ///< a warning for a new item
  std::string error;    ///< no squad for a new item: the row is left out if it is one
  Cell cell;
};

/// The texts of a cell split at ',', ';' and line breaks, each once, added to `list`.
void split_list_cell(const std::string& text, std::vector<std::string>& list)
{
  std::string cur;
  for (char ch : text + ",") {
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

/// The value of `field` of `item` as an import compares it; `number` is set for a score.
std::string current_value(const Item& item, const std::string& field, bool& number)
{
  number = false;
  std::string cur;
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
  return cur;
}

/// One `pops import`: the tool's mapping and the columns of the export's header, then the data rows
/// read one by one into a batch of item changes and additions.
class ToolImport {
public:
  ToolImport(const EditSession& s, std::string_view tool, std::string_view file, const ToolImportOptions& options);
  ToolImportResult run(std::string_view csv, const UsedIds& history);

private:
  /// A data row being read: its cells by field, and whether an error leaves it out.
  struct Row {
    const ToolImport& imp;
    const CsvRow& row;
    ToolImportResult& r;
    bool bad = false;

    void error_at(int line, int column, std::string msg)
    {
      r.messages.push_back({line, column, std::move(msg), true});
      bad = true;
    }
    void warn_at(const Cell& c, std::string msg) { r.messages.push_back({c.line, c.column, std::move(msg), false}); }
    Cell cell_at(size_t i, std::string text) const
    {
      return Cell{std::move(text), row.cells[i].first, row.cells[i].second};
    }
    /// The first non-empty cell of a field (its first column when all are empty).
    Cell get(const std::string& field) const;
    const std::string& col_name(const std::string& field) const { return imp.m_names[imp.m_cols.at(field).front()]; }
  };

  void read_header(const CsvRow& header);
  void add_cli_maps();
  void index_workspace();
  void read_row(const CsvRow& csv_row);
  bool readable(Row& row) const;
  RowStatus status_of(const Row& row) const;
  std::string mapped_status(std::string_view text) const;
  RowSquad squad_of(const Row& row, const Cell& key) const;
  std::string mapped_squad(std::string_view text) const;
  RowValues values_of(Row& row) const;
  void typed_value(Row& row, const std::string& field, const Cell& c, RowValues& vals) const;
  void add_item(const RowSquad& squad, const Cell& key, const Cell& title, const std::string& status,
                const std::string& reason, const RowValues& vals);
  void update_item(const Item& item, const Cell& title, const std::string& status, const std::string& reason,
                   const RowValues& vals, const std::string& link_to_add);

  const EditSession& m_s;
  const Config& m_cfg;
  std::string_view m_tool;
  std::string_view m_file;
  const ToolImportOptions& m_options;
  const ToolDefaults* m_defaults = nullptr;
  ToolMapping m_map;
  size_t m_header_size = 0;
  std::vector<std::string> m_names;  ///< the header's column names
  /// Field -> the columns it is read from (several for Jira's repeated Labels); the fields in mapping
  /// order; the columns claimed by a mapping entry.
  std::map<std::string, std::vector<size_t>> m_cols;
  std::vector<std::pair<std::string, std::vector<size_t>>> m_order;
  std::set<std::string> m_claimed;
  std::map<std::string, std::string> m_by_key;  ///< tool key -> item id
  std::vector<std::string> m_tool_statuses;     ///< for "did you mean"
  std::vector<std::string> m_squad_names;       ///< for "did you mean"
  ItemBatch m_batch;
  std::vector<std::string> m_add_squads;  ///< of m_batch.adds
  std::map<std::string, int> m_seen;      ///< key -> line of the row that had it first
  ToolImportResult m_r;
};

Cell ToolImport::Row::get(const std::string& field) const
{
  auto it = imp.m_cols.find(field);
  if (it == imp.m_cols.end()) {
    return {};
  }
  for (size_t i : it->second) {
    if (!trim(row.fields[i]).empty()) {
      if (field == "description") {
        // Productboard writes descriptions as HTML.
        return cell_at(i, export_text(imp.m_tool == "productboard" ? html_to_markdown(row.fields[i]) : row.fields[i]));
      }
      return cell_at(i, export_line(row.fields[i]));
    }
  }
  return cell_at(it->second.front(), "");
}

ToolImport::ToolImport(const EditSession& s, std::string_view tool, std::string_view file,
                       const ToolImportOptions& options)
  : m_s(s), m_cfg(s.ws.config), m_tool(tool), m_file(file), m_options(options)
{
  if (!m_cfg.loaded) {
    throw OpError("pops.yaml cannot be used; run 'pops check' to see why");
  }
  m_defaults = defaults_of(tool);
  if (!m_defaults) {
    std::vector<std::string> tools(std::begin(k_tools), std::end(k_tools));
    throw OpError(fmt::format("unknown tool '{}'{}", tool, did_you_mean(tool, tools)),
                  fmt::format("pops imports from {}", join(tools, ", ")));
  }
  m_map = tool_mapping(m_cfg, tool);
  if (!options.squad.empty() && !m_cfg.squad(options.squad)) {
    const std::vector<std::string> squads = squad_ids(m_cfg);
    throw OpError(fmt::format("--squad: unknown squad '{}'{}", options.squad, did_you_mean(options.squad, squads)),
                  fmt::format("the squads are {}", join(squads, ", ")));
  }
}

ToolImportResult ToolImport::run(std::string_view csv, const UsedIds& history)
{
  CsvTable table = read_csv(csv);
  for (const auto& e : table.errors) {
    ++m_r.rows;
    ++m_r.skipped;
    m_r.messages.push_back({e.line, e.column, e.message, true});
  }
  if (table.rows.empty()) {
    throw OpError(fmt::format("'{}' has no header row", m_file),
                  fmt::format("export the issues from {} as CSV with all fields", m_map.name));
  }
  read_header(table.rows.front());
  index_workspace();
  for (size_t ri = 1; ri < table.rows.size(); ++ri) {
    read_row(table.rows[ri]);
  }
  ToolImportResult& r = m_r;
  std::stable_sort(r.messages.begin(), r.messages.end(), [](const auto& a, const auto& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  r.plan = plan_item_batch(m_s, m_batch, history, r.added_ids);
  for (size_t i = 0; i < r.added_ids.size() && i < m_add_squads.size(); ++i) {
    auto g = std::find_if(r.added_by_squad.begin(), r.added_by_squad.end(),
                          [&](const auto& x) { return x.first == m_add_squads[i]; });
    if (g == r.added_by_squad.end()) {
      r.added_by_squad.emplace_back(m_add_squads[i], std::vector<std::string>{});
      g = std::prev(r.added_by_squad.end());
    }
    g->second.push_back(r.added_ids[i]);
  }
  const std::string counts = fmt::format("{} added, {} updated, {} unchanged", r.added, r.updated, r.unchanged);
  if (r.plan.empty()) {
    r.plan.summary = fmt::format("no changes from '{}'", m_file);
  } else {
    r.plan.summary = fmt::format("imported '{}' into {}", m_file, join(r.plan.paths(), ", "));
    r.plan.message = fmt::format("Import from {} ({}): {}", m_map.name, m_file, counts);
  }
  return std::move(m_r);
}

/// --map COLUMN=FIELD: before pops.yaml's entries and the tool's columns, so they win.
void ToolImport::add_cli_maps()
{
  std::vector<std::pair<std::string, std::string>> cli_fields;
  for (const auto& mp : m_options.maps) {
    const size_t eq = mp.rfind('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == mp.size()) {
      throw OpError(fmt::format("--map '{}' is not COLUMN=FIELD", mp), "e.g. --map 'Fix Version/s=horizon'");
    }
    const std::string column(trim(std::string_view(mp).substr(0, eq)));
    const std::string field(trim(std::string_view(mp).substr(eq + 1)));
    if (!valid_target(m_cfg, field)) {
      const std::vector<std::string> targets = field_targets(m_cfg);
      throw OpError(fmt::format("--map '{}': unknown field '{}'{}", mp, field, did_you_mean(field, targets)),
                    fmt::format("a column maps to one of {}", join(targets, ", ")));
    }
    if (std::none_of(m_names.begin(), m_names.end(), [&](const std::string& n) { return norm(n) == norm(column); })) {
      throw OpError(
        fmt::format("--map '{}': '{}' has no column '{}'{}", mp, m_file, column, did_you_mean(column, m_names)),
        fmt::format("its columns are {}", join(m_names, ", ")));
    }
    cli_fields.emplace_back(column, field);
  }
  m_map.fields.insert(m_map.fields.begin(), cli_fields.begin(), cli_fields.end());
}

void ToolImport::read_header(const CsvRow& header)
{
  m_header_size = header.fields.size();
  for (const auto& h : header.fields) {
    m_names.emplace_back(trim(h));
  }
  add_cli_maps();
  // A column is claimed by the first mapping entry naming it; pops.yaml's entries come first.
  for (const auto& [column, field] : m_map.fields) {
    const std::string key = norm(column);
    if (!m_claimed.insert(key).second || field.empty() || m_cols.count(field)) {
      continue;
    }
    std::vector<size_t> at;
    for (size_t i = 0; i < m_names.size(); ++i) {
      if (norm(m_names[i]) == key) {
        at.push_back(i);
      }
    }
    if (!at.empty()) {
      m_cols[field] = at;
      m_order.emplace_back(field, at);
    }
  }
  auto need = [&](const char* field, std::string_view example) {
    if (!m_cols.count(field)) {
      throw OpError(
        fmt::format("'{}' has no column for the {} of an item", m_file, field),
        fmt::format("map one in pops.yaml, e.g. integrations: {{{}: {{fields: {{\"{}\": {}}}}}}}; the columns "
                    "are {}",
                    m_tool, example, field, join(m_names, ", ")));
    }
  };
  need("key", m_defaults->columns[0].first);
  need("title", m_defaults->columns[1].first);
  need("status", "Status");
  // The export's status category, the fallback for a status pops does not know.
  for (std::string_view c : m_defaults->category_columns) {
    for (size_t i = 0; i < m_names.size() && !m_cols.count("@category"); ++i) {
      if (norm(m_names[i]) == norm(c) && !m_claimed.count(norm(c))) {
        m_cols["@category"] = {i};
      }
    }
  }
}

void ToolImport::index_workspace()
{
  for (const auto& it : m_s.ws.items) {
    for (const auto& [k, v] : it.links) {
      if (k.value == m_tool) {
        m_by_key.emplace(std::string(trim(v.value)), it.id.value);
      }
    }
  }
  for (const auto& [from, to] : m_map.statuses) {
    m_tool_statuses.push_back(from);
  }
  for (const auto& st : m_cfg.statuses) {
    m_tool_statuses.push_back(st.value);
  }
  m_squad_names = squad_ids(m_cfg);
  for (const auto& q : m_cfg.squads) {
    m_squad_names.push_back(q.prefix.value);
  }
  for (const auto& [from, to] : m_map.squads) {
    m_squad_names.push_back(from);
  }
}

/// False (with an error) when the row has another number of fields than the header, or a cell that is
/// not UTF-8 text.
bool ToolImport::readable(Row& row) const
{
  const CsvRow& csv_row = row.row;
  if (csv_row.fields.size() != m_header_size) {
    row.error_at(csv_row.line, 0,
                 fmt::format("the row has {} fields, the header {}", csv_row.fields.size(), m_header_size));
    return false;
  }
  for (size_t i = 0; i < csv_row.fields.size() && !row.bad; ++i) {
    if (csv_row.fields[i].find('\0') != std::string::npos || valid_utf8(csv_row.fields[i]) != csv_row.fields[i]) {
      row.error_at(csv_row.cells[i].first, csv_row.cells[i].second,
                   fmt::format("'{}' is not UTF-8 text (or holds a NUL byte); export the file as UTF-8", m_names[i]));
    }
  }
  return !row.bad;
}

std::string ToolImport::mapped_status(std::string_view text) const
{
  if (const std::string* to = lookup(m_map.statuses, text)) {
    return *to;
  }
  for (const auto& st : m_cfg.statuses) {
    if (norm(st.value) == norm(text)) {
      return st.value;
    }
  }
  return {};
}

RowStatus ToolImport::status_of(const Row& row) const
{
  RowStatus st;
  st.cell = row.get("status");
  st.status = mapped_status(st.cell.text);
  // A status that does not map: the category's status, decided here, or (once the item is known) the
  // item's own status or the first of the workflow.
  if (st.status.empty()) {
    st.fix = fmt::format("unknown {} status {}{}", m_map.name, st.cell.text.empty() ? "(empty)" : quote(st.cell.text),
                         did_you_mean(st.cell.text, m_tool_statuses));
    const Cell cat = row.get("@category");
    if (!cat.text.empty()) {
      for (const auto& [from, to] : m_defaults->categories) {
        if (st.status.empty() && norm(from) == norm(cat.text) && m_cfg.has_status(to)) {
          st.status = std::string(to);
          st.fix += fmt::format("; imported as '{}' by its '{}' {}", st.status, m_names[m_cols.at("@category").front()],
                                quote(cat.text));
        }
      }
    }
  }
  st.map_fix = fmt::format("map it in pops.yaml, e.g. integrations: {{{}: {{statuses: {{\"{}\": {}}}}}}}", m_tool,
                           st.cell.text.empty() ? "Status" : st.cell.text,
                           m_cfg.statuses.empty() ? "planned" : m_cfg.statuses.front().value);
  return st;
}

std::string ToolImport::mapped_squad(std::string_view text) const
{
  if (const std::string* to = lookup(m_map.squads, text)) {
    return *to;
  }
  for (const auto& q : m_cfg.squads) {
    if (norm(q.id.value) == norm(text) || norm(q.name.value) == norm(text) || q.prefix.value == trim(text)) {
      return q.id.value;
    }
  }
  return {};
}

/// The squad: --squad, else the squad column, else (Jira) the project key of the issue key, else
/// integrations.<tool>.squad.
RowSquad ToolImport::squad_of(const Row& row, const Cell& key) const
{
  RowSquad out;
  if (!m_options.squad.empty()) {
    out.squad = m_options.squad;
    return out;
  }
  Cell& sq = out.cell;
  sq = row.get("squad");
  if (sq.text.empty() && m_tool == "jira" && key.text.find('-') != std::string::npos) {
    sq = key;
    sq.text = key.text.substr(0, key.text.find('-'));
  }
  const std::string fallback = !m_map.squad.empty()       ? m_map.squad
                               : m_cfg.squads.size() == 1 ? m_cfg.squads.front().id.value
                                                          : "";
  const std::string example = m_cfg.squads.empty() ? "payments" : m_cfg.squads.front().id.value;
  if (sq.text.empty()) {
    if (!fallback.empty()) {
      out.squad = fallback;
    } else {
      sq = Cell{"", row.row.line, 0};
      out.error = fmt::format("no squad: the row names none; import with --squad or set a default in pops.yaml, "
                              "e.g. integrations: {{{}: {{squad: {}}}}}",
                              m_tool, example);
    }
    return out;
  }
  const std::string col =
    m_cols.count("squad") && !row.get("squad").text.empty() ? row.col_name("squad") : row.col_name("key");
  out.squad = mapped_squad(sq.text);
  if (out.squad.empty() && sq.text.find_first_of(",;") != std::string::npos) {
    // Several teams (Productboard's `Payments, Growth`): the first one that is a squad.
    std::string cur;
    for (char ch : sq.text + ",") {
      if (ch == ',' || ch == ';') {
        if (out.squad.empty() && !trim(cur).empty()) {
          out.squad = mapped_squad(cur);
        }
        cur.clear();
      } else {
        cur += ch;
      }
    }
    if (!out.squad.empty()) {
      out.warning = fmt::format("'{}' {} names several squads; the item goes to '{}', the first one; to "
                                "choose, import with --squad or map the cell, e.g. integrations: {{{}: "
                                "{{squads: {{\"{}\": {}}}}}}}",
                                col, quote(sq.text), out.squad, m_tool, sq.text, out.squad);
    }
  }
  if (out.squad.empty()) {
    const std::string unknown = fmt::format("unknown squad {}{}", quote(sq.text), did_you_mean(sq.text, m_squad_names));
    const std::string fix = fmt::format("map it in pops.yaml, e.g. integrations: {{{}: {{squads: {{\"{}\": {}}}}}}}, "
                                        "or import with --squad",
                                        m_tool, sq.text, example);
    if (!fallback.empty()) {
      out.squad = fallback;
      out.warning = fmt::format("{}; the item goes to '{}', the default; {}", unknown, fallback, fix);
    } else {
      out.error = fmt::format("{}; {}", unknown, fix);
    }
  }
  return out;
}

/// The values of the fields beside key, id, title, status and squad; a cell that does not map is a
/// warning and leaves its field unset.
RowValues ToolImport::values_of(Row& row) const
{
  RowValues vals;
  for (const auto& [field, at] : m_order) {
    if (field == "key" || field == "id" || field == "title" || field == "status" || field == "squad") {
      continue;
    }
    if (field == "tags" || (m_cfg.field(field) && m_cfg.field(field)->type.value == "list")) {
      std::vector<std::string> list;
      for (size_t i : at) {
        split_list_cell(row.row.fields[i], list);
      }
      if (field == "tags") {
        vals.tags = list;
        vals.has_tags = !list.empty();
      } else if (!list.empty()) {
        vals.scalars.emplace_back(field, join(list, ","));
      }
      continue;
    }
    const Cell c = row.get(field);
    if (!c.text.empty()) {
      typed_value(row, field, c, vals);
    }
  }
  return vals;
}

/// The value of the cell `c` of `field` as the field's type reads it: a person, date, number, bool,
/// value of an enum, horizon or text; a warning when it does not read.
void ToolImport::typed_value(Row& row, const std::string& field, const Cell& c, RowValues& vals) const
{
  const std::string col = row.col_name(field);
  const std::string_view tool = m_tool;
  if (field == "owner") {
    std::string person;
    if (const std::string* to = lookup(m_map.people, c.text)) {
      person = *to;
    } else {
      for (const auto& p : m_cfg.people) {
        if ((p.email && norm(p.email.value) == norm(c.text)) || (p.name && norm(p.name.value) == norm(c.text))
            || norm(p.id.value) == norm(c.text)) {
          person = p.id.value;
          break;
        }
      }
    }
    if (person.empty()) {
      row.warn_at(c, fmt::format("'{}' {} is nobody in pops.yaml's people (by email or name); the owner is left "
                                 "unset; map it, e.g. integrations: {{{}: {{people: {{\"{}\": {}}}}}}}",
                                 col, quote(c.text), tool, c.text,
                                 m_cfg.people.empty() ? "alice" : m_cfg.people.front().id.value));
    } else {
      vals.scalars.emplace_back(field, person);
    }
    return;
  }
  const FieldDef* def = m_cfg.field(field);
  const std::string type = def                           ? def->type.value
                           : field == "target"           ? "date"
                           : field.starts_with("score.") ? "number"
                                                         : "string";
  if (type == "date") {
    auto d = parse_tool_date(c.text);
    if (!d) {
      row.warn_at(c, fmt::format("'{}' is not a date: {}; the {} is left unset; write YYYY-MM-DD, M/D/YYYY or "
                                 "d/MMM/yy",
                                 col, quote(c.text), field));
    } else {
      vals.scalars.emplace_back(field, format_date(*d));
    }
  } else if (type == "number") {
    auto v = parse_money(c.text);
    if (!v || !std::isfinite(*v)) {
      row.warn_at(c, fmt::format("'{}' is not a number: {}; the {} is left unset; fix the cell or map the column "
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
      row.warn_at(c, fmt::format("'{}' is not true or false: {}; the {} is left unset; fix the cell or map the "
                                 "column elsewhere, e.g. integrations: {{{}: {{fields: {{\"{}\": null}}}}}}",
                                 col, quote(c.text), field, tool, col));
    }
  } else if (type == "enum") {
    const std::vector<std::string> values = names_of(def->values);
    auto hit =
      std::find_if(values.begin(), values.end(), [&](const std::string& v) { return norm(v) == norm(c.text); });
    if (hit == values.end()) {
      row.warn_at(c, fmt::format("'{}' {} is not a value of the field '{}'{}; the {} is left unset; the values are {}",
                                 col, quote(c.text), field, did_you_mean(c.text, values), field, join(values, ", ")));
    } else {
      vals.scalars.emplace_back(field, *hit);
    }
  } else if (field == "horizon") {
    const std::vector<std::string> hs = names_of(m_cfg.horizons);
    auto hit = std::find_if(hs.begin(), hs.end(), [&](const std::string& v) { return norm(v) == norm(c.text); });
    if (hit != hs.end()) {
      vals.scalars.emplace_back(field, *hit);
    } else if (is_quarter(c.text)) {
      vals.scalars.emplace_back(field, c.text);
    } else {
      row.warn_at(c, fmt::format("'{}' {} is not a horizon{}; the horizon is left unset; the horizons are {} or a "
                                 "quarter such as 2027-Q1; to import without the column, map it to null, e.g. "
                                 "integrations: {{{}: {{fields: {{\"{}\": null}}}}}}",
                                 col, quote(c.text), did_you_mean(c.text, hs), join(hs, ", "), tool, col));
    }
  } else {
    vals.scalars.emplace_back(field, c.text);
  }
}

void ToolImport::read_row(const CsvRow& csv_row)
{
  ++m_r.rows;
  Row row{*this, csv_row, m_r};
  if (!readable(row)) {
    ++m_r.skipped;
    return;
  }
  const Cell key = row.get("key");
  if (key.text.empty()) {
    row.error_at(key.line, key.column, fmt::format("no key: '{}' is empty", row.col_name("key")));
    ++m_r.skipped;
    return;
  }
  if (auto [it, fresh] = m_seen.emplace(key.text, csv_row.line); !fresh) {
    row.error_at(
      key.line, key.column,
      fmt::format("{} is in the file twice (first at line {}); the later row is left out", key.text, it->second));
    ++m_r.skipped;
    return;
  }
  const Cell title = row.get("title");
  if (title.text.empty()) {
    row.error_at(title.line, title.column, fmt::format("no title: '{}' is empty", row.col_name("title")));
  }
  RowStatus st = status_of(row);
  const RowSquad squad = squad_of(row, key);
  const RowValues vals = values_of(row);
  if (row.bad) {
    ++m_r.skipped;
    return;
  }
  const std::string reason = fmt::format("Dropped in {} ({})", m_map.name, st.cell.text);
  // The item the row is: by the tool's key (links.<tool>), else by the pops id column that
  // `pops export` writes. A pops id the workspace does not have is a new item.
  std::string match;
  if (auto k = m_by_key.find(key.text); k != m_by_key.end()) {
    match = k->second;
  }
  std::string link_to_add;  // links.<tool> for an item matched by its pops id that has none
  if (const Cell pid = row.get("id"); !pid.text.empty() && m_s.ws.item(pid.text)) {
    if (!match.empty() && match != pid.text) {
      row.error_at(pid.line, pid.column,
                   fmt::format("the row's {} key {} is linked to {}, but its '{}' is {}; fix one of them", m_map.name,
                               quote(key.text), quote(match), row.col_name("id"), quote(pid.text)));
      ++m_r.skipped;
      return;
    }
    if (match.empty()) {
      match = pid.text;
      if (key.text != pid.text && link_of(*m_s.ws.item(pid.text), m_tool).empty()) {
        link_to_add = key.text;
      }
    }
  }
  if (!st.fix.empty()) {
    if (st.status.empty()) {
      st.status = !match.empty()           ? m_s.ws.item(match)->status.value
                  : m_cfg.statuses.empty() ? std::string("idea")
                                           : m_cfg.statuses.front().value;
      st.fix += !match.empty() ? fmt::format("; the status is left as it is ('{}')", st.status)
                               : fmt::format("; the item is added as '{}', the first status", st.status);
    }
    row.warn_at(st.cell, st.fix + "; " + st.map_fix);
  }
  if (match.empty() && !squad.error.empty()) {
    row.error_at(squad.cell.line, squad.cell.column, squad.error);
    ++m_r.skipped;
    return;
  }
  if (match.empty()) {
    if (!squad.warning.empty()) {
      row.warn_at(squad.cell, squad.warning);
    }
    add_item(squad, key, title, st.status, reason, vals);
    return;
  }
  update_item(*m_s.ws.item(match), title, st.status, reason, vals, link_to_add);
}

void ToolImport::add_item(const RowSquad& squad, const Cell& key, const Cell& title, const std::string& status,
                          const std::string& reason, const RowValues& vals)
{
  ItemSpec spec;
  spec.squad = squad.squad;
  m_add_squads.push_back(squad.squad);
  spec.title = title.text;
  spec.status = status;
  spec.links.push_back(fmt::format("{}={}", m_tool, key.text));
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
      if (field.substr(6) != m_tool) {
        spec.links.push_back(field.substr(6) + "=" + v);
      }
    } else {
      spec.fields.push_back(field + "=" + v);
    }
  }
  spec.tags = vals.tags;
  m_batch.adds.push_back(std::move(spec));
  ++m_r.added;
}

/// An item imported (or exported) before: only what changed.
void ToolImport::update_item(const Item& item, const Cell& title, const std::string& status, const std::string& reason,
                             const RowValues& vals, const std::string& link_to_add)
{
  std::vector<Assignment> changes;
  auto set = [&](const std::string& k, const std::string& v) { changes.push_back({k, '=', v}); };
  if (!link_to_add.empty()) {
    set("links." + std::string(m_tool), link_to_add);
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
    const int before = m_cfg.status_rank(item.status.value);
    const int after = m_cfg.status_rank(status);
    if (status != "dropped" && before >= 0 && after >= 0 && after < before && !(item.reopened && item.reopened.value)) {
      set("reopened", "true");
    }
  }
  for (const auto& [field, v] : vals.scalars) {
    bool number = false;
    const std::string cur = current_value(item, field, number);
    if (cur != v && !(number && !cur.empty() && std::abs(std::stod(cur) - std::stod(v)) < 1e-9)) {
      set(field, v);
    }
  }
  if (vals.has_tags) {
    std::vector<std::string> a = names_of(item.tags);
    std::vector<std::string> b = vals.tags;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    if (a != b) {
      set("tags", join(vals.tags, ","));
    }
  }
  if (changes.empty()) {
    ++m_r.unchanged;
  } else {
    ++m_r.updated;
    m_r.updated_ids.push_back(item.id.value);
    m_batch.updates.emplace_back(item.id.value, std::move(changes));
  }
}

}  // namespace

ToolImportResult plan_tool_import(const EditSession& s, std::string_view csv, std::string_view tool,
                                  std::string_view file, const UsedIds& history, const ToolImportOptions& options)
{
  return ToolImport(s, tool, file, options).run(csv, history);
}

}  // namespace pops
