// pops feedback import: CSV exports into feedback entries. See import.h.

#include "edit/import.h"

#include "base/csv.h"
#include "base/money.h"
#include "workspace/customers.h"
#include "workspace/schema.h"
#include "base/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace pops {

namespace {

constexpr std::string_view k_presets[] = {"intercom", "productboard", "salesforce", "zendesk"};
// salesforce_id and hubspot_id are not written: they find the customer record (customers.yaml) whose
// `salesforce` or `hubspot` id they hold, whose name the entry then takes.
constexpr std::string_view k_fields[] = {"date", "customer", "segment", "arr", "quote",         "summary",
                                         "tags", "items",    "url",     "id",  "salesforce_id", "hubspot_id"};

struct PresetColumn {
  std::string_view preset, field;
  std::vector<std::string_view> columns;  ///< header names the tool uses, first found wins
};

// Column names of the tools' CSV exports (ticket, conversation, case and note exports), compared
// ignoring case and surrounding spaces.
const std::vector<PresetColumn>& preset_columns()
{
  static const std::vector<PresetColumn> k = {
    {"zendesk", "id", {"Id", "Ticket ID"}},
    {"zendesk", "date", {"Created at", "Ticket created - Date"}},
    {"zendesk", "customer", {"Organization", "Ticket organization name", "Requester"}},
    {"zendesk", "summary", {"Subject", "Ticket subject"}},
    {"zendesk", "quote", {"Description", "Ticket description"}},
    {"zendesk", "tags", {"Tags", "Ticket tags"}},
    {"zendesk", "url", {"Url", "Ticket URL"}},
    {"intercom", "id", {"Conversation ID", "Conversation Id"}},
    {"intercom", "date", {"Created at", "Conversation created at", "Started at"}},
    {"intercom", "customer", {"Company name", "Company", "User name"}},
    {"intercom", "summary", {"Conversation title", "Title"}},
    {"intercom", "quote", {"First message", "Conversation first message", "Initial message"}},
    {"intercom", "tags", {"Conversation tags", "Tags"}},
    {"intercom", "segment", {"Company segment", "Plan"}},
    {"intercom", "url", {"Conversation URL"}},
    {"salesforce", "id", {"Case Number", "Case ID"}},
    {"salesforce", "date", {"Date/Time Opened", "Opened Date", "Created Date"}},
    {"salesforce", "customer", {"Account Name", "Account"}},
    {"salesforce", "summary", {"Subject"}},
    {"salesforce", "quote", {"Description"}},
    {"salesforce", "segment", {"Account Type", "Segment", "Account: Type"}},
    {"salesforce", "arr", {"ARR", "Account ARR", "Annual Recurring Revenue"}},
    {"salesforce", "salesforce_id", {"Account ID", "Account: Account ID", "AccountId"}},
    {"productboard", "id", {"Note ID", "note_id", "ID"}},
    {"productboard", "date", {"Created at", "created_at", "Created"}},
    {"productboard", "customer", {"Company", "Company name", "company_name", "User company"}},
    {"productboard", "summary", {"Title", "Note title", "title"}},
    {"productboard", "quote", {"Note text", "Content", "content"}},
    {"productboard", "tags", {"Tags", "tags"}},
    {"productboard", "url", {"Source URL", "source_url", "Display URL", "display_url"}},
  };
  return k;
}

std::string key_of(std::string_view column)
{
  return lower(trim(column));
}

/// Line breaks as \n; surrounding space trimmed.
std::string clean(std::string_view v)
{
  std::string out;
  out.reserve(v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '\r') {
      out += '\n';
      if (i + 1 < v.size() && v[i + 1] == '\n') {
        ++i;
      }
      continue;
    }
    out += v[i];
  }
  return std::string(trim(out));
}

/// One line: runs of space and line breaks as one space.
std::string one_line(std::string_view v)
{
  std::string out;
  bool space = false;
  for (char c : clean(v)) {
    if (c == '\n' || c == '\t' || c == ' ') {
      space = true;
      continue;
    }
    if (space && !out.empty()) {
      out += ' ';
    }
    space = false;
    out += c;
  }
  return out;
}

std::vector<std::string> split_list(std::string_view v, bool on_space)
{
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    std::string t(trim(cur));
    if (!t.empty() && std::find(out.begin(), out.end(), t) == out.end()) {
      out.push_back(t);
    }
    cur.clear();
  };
  for (char c : v) {
    if (c == ',' || c == ';' || c == '\n' || c == '\r' || (on_space && (c == ' ' || c == '\t'))) {
      flush();
    } else {
      cur += c;
    }
  }
  flush();
  return out;
}

bool utf8_ok(std::string_view s)
{
  return s.find('\0') == std::string_view::npos && valid_utf8(s) == s;
}

}  // namespace

std::span<const std::string_view> import_presets()
{
  return k_presets;
}

std::span<const std::string_view> import_fields()
{
  return k_fields;
}

std::string export_text(std::string_view cell)
{
  return clean(cell);
}

std::string export_line(std::string_view cell)
{
  return one_line(cell);
}

std::optional<Date> parse_export_date(std::string_view text)
{
  const std::string_view t = trim(text);
  if (t.size() >= 10 && t[4] == '-') {
    if (t.size() == 10 || t[10] == ' ' || t[10] == 'T') {
      return parse_date(t.substr(0, 10));
    }
    return std::nullopt;
  }
  // M/D/YYYY, as US-locale exports (Salesforce) write it.
  int part[3] = {0, 0, 0};
  int digits[3] = {0, 0, 0};
  size_t i = 0;
  for (int k = 0; k < 3; ++k) {
    while (i < t.size() && t[i] >= '0' && t[i] <= '9' && digits[k] < 4) {
      part[k] = part[k] * 10 + (t[i] - '0');
      ++digits[k];
      ++i;
    }
    if (digits[k] == 0) {
      return std::nullopt;
    }
    if (k < 2) {
      if (i >= t.size() || t[i] != '/') {
        return std::nullopt;
      }
      ++i;
    }
  }
  if (digits[0] > 2 || digits[1] > 2 || digits[2] != 4 || (i < t.size() && t[i] != ' ' && t[i] != ',')) {
    return std::nullopt;
  }
  return parse_date(fmt::format("{:04}-{:02}-{:02}", part[2], part[0], part[1]));
}

namespace {

/// Refuses a source pops.yaml does not list and an unknown preset.
void check_import_options(const Config& cfg, const ImportOptions& o)
{
  std::vector<std::string> sources;
  for (const auto& src : cfg.feedback_sources) {
    sources.push_back(src.value);
  }
  if (std::find(sources.begin(), sources.end(), o.source) == sources.end()) {
    throw OpError(fmt::format("unknown source '{}'{}", o.source, did_you_mean(o.source, sources)),
                  fmt::format("the sources are feedback_sources in pops.yaml: {}", join(sources, ", ")));
  }
  if (!o.preset.empty() && std::find(std::begin(k_presets), std::end(k_presets), o.preset) == std::end(k_presets)) {
    std::vector<std::string> p(std::begin(k_presets), std::end(k_presets));
    throw OpError(fmt::format("unknown preset '{}'{}", o.preset, did_you_mean(o.preset, p)),
                  fmt::format("the presets are {}; map other columns with --map COLUMN=FIELD", join(p, ", ")));
  }
}

/// The columns of an import: the header's names, and the field each column of `header` fills (the
/// preset's columns, then columns named like a field, then --map). Refuses a --map that names no
/// column or no field, and a file without a column for the date, the text or the key.
struct ImportColumns {
  std::vector<std::string> names;     ///< as the header writes them
  std::map<std::string, size_t> col;  ///< field -> column

  /// The names of the columns of `fields` that the file has, quoted: 'Ticket ID'.
  std::vector<std::string> quoted(std::initializer_list<const char*> fields) const
  {
    std::vector<std::string> out;
    for (const char* f : fields) {
      if (auto it = col.find(f); it != col.end()) {
        out.push_back(fmt::format("'{}'", names[it->second]));
      }
    }
    return out;
  }
};
ImportColumns import_columns(const CsvRow& header, const ImportOptions& o, const std::vector<std::string>& fields)
{
  ImportColumns ic;
  std::vector<std::string>& names = ic.names;
  std::map<std::string, size_t>& col = ic.col;
  std::map<std::string, size_t> index;  // lower-case column name -> position (first one)
  for (size_t i = 0; i < header.fields.size(); ++i) {
    names.push_back(std::string(trim(header.fields[i])));
    index.emplace(key_of(header.fields[i]), i);
  }
  for (const auto& pc : preset_columns()) {
    if (pc.preset != o.preset || col.count(std::string(pc.field))) {
      continue;
    }
    for (auto c : pc.columns) {
      if (auto it = index.find(key_of(c)); it != index.end()) {
        col[std::string(pc.field)] = it->second;
        break;
      }
    }
  }
  for (const auto& f : fields) {
    if (!col.count(f)) {
      if (auto it = index.find(f); it != index.end()) {
        col[f] = it->second;
      }
    }
  }
  for (const auto& m : o.maps) {
    const size_t eq = m.rfind('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == m.size()) {
      throw OpError(fmt::format("--map '{}' is not COLUMN=FIELD", m), "e.g. --map 'Ticket ID=id'");
    }
    const std::string column(trim(std::string_view(m).substr(0, eq)));
    const std::string field = lower(trim(std::string_view(m).substr(eq + 1)));
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
      throw OpError(fmt::format("--map '{}': unknown field '{}'{}", m, field, did_you_mean(field, fields)),
                    fmt::format("the fields are {}", join(fields, ", ")));
    }
    auto it = index.find(key_of(column));
    if (it == index.end()) {
      throw OpError(
        fmt::format("--map '{}': '{}' has no column '{}'{}", m, o.file, column, did_you_mean(column, names)),
        fmt::format("its columns are {}", join(names, ", ")));
    }
    col[field] = it->second;
  }
  auto need = [&](std::initializer_list<const char*> any, std::string_view what, std::string_view example) {
    for (const char* f : any) {
      if (col.count(f)) {
        return;
      }
    }
    throw OpError(fmt::format("'{}' has no column for {}", o.file, what),
                  fmt::format("map one with --map, e.g. --map '{}'; the columns are {}", example, join(names, ", ")));
  };
  need({"date"}, "the date", "Created at=date");
  need({"quote", "summary"}, "the text (quote or summary)", "Body=quote");
  need({"url", "id"}, "the key (url or id) that makes a second import add nothing", "Ticket ID=id");
  return ic;
}

/// The summary and commit message of an import that added `new_ids` to the files of `by_file`.
void describe_import(ImportResult& r, const ImportOptions& o,
                     const std::vector<std::pair<std::string, std::vector<NewEntries>>>& by_file,
                     const std::vector<std::string>& new_ids)
{
  std::vector<std::string> files;
  for (const auto& [f, _] : by_file) {
    files.push_back(f);
  }
  if (r.added == 0) {
    r.plan.summary = fmt::format("no new entries in '{}' ({} already present)", o.file, r.present);
  } else {
    r.plan.id = new_ids.front();
    const std::string range = r.added == 1 ? new_ids.front() : new_ids.front() + ".." + new_ids.back();
    r.plan.summary =
      fmt::format("imported {} entr{} ({}) into {}", r.added, r.added == 1 ? "y" : "ies", range, join(files, ", "));
    if (r.present > 0) {
      r.plan.summary += fmt::format("; {} already present", r.present);
    }
    r.plan.message = fmt::format("Import {} feedback entr{} from {}", r.added, r.added == 1 ? "y" : "ies", o.file);
  }
}

/// `key: v` added to a new entry as text, unless `v` is empty.
void add_import_text(NewEntries& e, const char* key, const std::string& v)
{
  if (!v.empty()) {
    e.emplace_back(key, NewValue::text(v));
  }
}

/// `key: [v...]` added to a new entry as a list of text, unless `v` is empty.
void add_import_list(NewEntries& e, const char* key, const std::vector<std::string>& v)
{
  if (v.empty()) {
    return;
  }
  std::vector<NewScalar> list;
  for (const auto& x : v) {
    list.push_back({x, true});
  }
  e.emplace_back(key, NewValue::of_list(std::move(list)));
}

/// The customer of an imported row as its record names it: by a CRM id column (`salesforce_id`,
/// `hubspot_id`), else by name or alias; the row's own name when no record matches.
std::string import_customer(const EditSession& s, const CustomerIndex& records,
                            const std::function<std::string(const char*)>& get)
{
  std::string customer = one_line(get("customer"));
  const Customer* rec = nullptr;
  for (const auto& [field, member] :
       {std::pair{"salesforce_id", &Customer::salesforce}, std::pair{"hubspot_id", &Customer::hubspot}}) {
    const std::string crm = one_line(get(field));
    for (const Customer& c : s.ws.customers) {
      if (!rec && !crm.empty() && (c.*member).set && trim((c.*member).value) == crm) {
        rec = &c;
      }
    }
  }
  if (!rec && !customer.empty()) {
    rec = records.find(customer);
  }
  if (rec && rec->name.set) {
    customer = rec->name.value;
  }
  return customer;
}

}  // namespace

ImportResult plan_feedback_import(const EditSession& s, std::string_view csv, const ImportOptions& o,
                                  const UsedIds& history)
{
  const Config& cfg = s.ws.config;
  if (!cfg.loaded) {
    throw OpError("pops.yaml cannot be used; run 'pops check' to see why");
  }
  check_import_options(cfg, o);

  CsvTable table = read_csv(csv);
  ImportResult r;
  for (const auto& e : table.errors) {
    ++r.rows;
    r.errors.push_back({e.line, fmt::format("column {}: {}", e.column, e.message)});
  }
  if (table.rows.empty()) {
    throw OpError(fmt::format("'{}' has no header row", o.file),
                  "the first line of the file names the columns, e.g. date,customer,quote,url");
  }
  const CsvRow& header = table.rows.front();
  const std::vector<std::string> fields(std::begin(k_fields), std::end(k_fields));
  const ImportColumns columns = import_columns(header, o, fields);
  const std::vector<std::string>& names = columns.names;
  const std::map<std::string, size_t>& col = columns.col;
  for (const auto& [field, c] : col) {
    r.columns.emplace_back(field, names[c]);
  }
  std::sort(r.columns.begin(), r.columns.end(), [&](const auto& a, const auto& b) {
    return std::find(fields.begin(), fields.end(), a.first) < std::find(fields.begin(), fields.end(), b.first);
  });
  const std::string ns = o.preset.empty() ? o.source : o.preset;

  std::set<std::string, std::less<>> keys;
  for (const auto& fb : s.ws.feedback) {
    if (fb.url) {
      keys.insert(std::string(trim(fb.url.value)));
    }
  }
  std::vector<std::string> item_ids;
  for (const auto& it : s.ws.items) {
    item_ids.push_back(it.id.value);
  }
  const CustomerIndex records(s.ws);
  long next = next_number(s, "FB", history);
  std::vector<std::pair<std::string, std::vector<NewEntries>>> by_file;
  std::map<std::string, size_t> file_pos;
  std::vector<std::string> new_ids;
  const bool tags_on_space = o.preset == "zendesk";

  for (size_t ri = 1; ri < table.rows.size(); ++ri) {
    const CsvRow& row = table.rows[ri];
    ++r.rows;
    auto bad = [&](std::string msg) { r.errors.push_back({row.line, std::move(msg)}); };
    if (row.fields.size() != header.fields.size()) {
      bad(fmt::format("the row has {} fields, the header {}", row.fields.size(), header.fields.size()));
      continue;
    }
    bool text_ok = true;
    for (size_t i = 0; i < row.fields.size() && text_ok; ++i) {
      if (!utf8_ok(row.fields[i])) {
        bad(fmt::format("'{}' is not UTF-8 text (or holds a NUL byte); export the file as UTF-8", names[i]));
        text_ok = false;
      }
    }
    if (!text_ok) {
      continue;
    }
    auto get = [&](const char* f) -> std::string {
      auto it = col.find(f);
      return it == col.end() ? std::string() : row.fields[it->second];
    };
    auto colname = [&](const char* f) { return names[col.at(f)]; };
    std::string key = one_line(get("url"));
    if (key.empty() && col.count("id")) {
      const std::string id = one_line(get("id"));
      if (!id.empty()) {
        key = ns + ":" + id;
      }
    }
    if (key.empty()) {
      bad(fmt::format("no key: {} is empty", join(columns.quoted({"url", "id"}), " and ")));
      continue;
    }
    if (keys.count(key)) {
      ++r.present;
      continue;
    }
    const std::string date_text = one_line(get("date"));
    std::optional<Date> date = parse_export_date(date_text);
    if (!date) {
      bad(fmt::format("'{}' is not a date: {}; write YYYY-MM-DD (a time after it is fine) or M/D/YYYY", colname("date"),
                      date_text.empty() ? "it is empty" : quote(date_text)));
      continue;
    }
    const std::string q = clean(get("quote"));
    const std::string sum = one_line(get("summary"));
    if (q.empty() && sum.empty()) {
      const std::vector<std::string> tc = columns.quoted({"quote", "summary"});
      bad(fmt::format("no text: {} {} empty", join(tc, " and "), tc.size() == 1 ? "is" : "are"));
      continue;
    }
    std::string arr_text;
    if (col.count("arr")) {
      const std::string a = one_line(get("arr"));
      if (!a.empty()) {
        std::optional<double> v = parse_money(a);
        if (!v || *v < 0) {
          bad(fmt::format("'{}' is not an amount: {}; write an amount of at least 0, e.g. {}", colname("arr"), quote(a),
                          k_money_examples));
          continue;
        }
        arr_text = number_exact(*v);
      }
    }
    std::vector<std::string> items = split_list(get("items"), true);
    std::string unknown;
    for (const auto& i : items) {
      if (!s.ws.item(i)) {
        unknown = fmt::format("'{}' names the unknown item '{}'{}", colname("items"), i, did_you_mean(i, item_ids));
        break;
      }
    }
    if (!unknown.empty()) {
      bad(unknown);
      continue;
    }
    keys.insert(key);
    const std::string id = fmt::format("FB-{}", next++);
    NewEntries e;
    e.emplace_back("id", NewValue::text(id));
    e.emplace_back("date", NewValue::plain(format_date(*date)));
    e.emplace_back("source", NewValue::text(o.source));
    // The customer as its record names it: by a CRM id column, else by name or alias.
    add_import_text(e, "customer", import_customer(s, records, get));
    add_import_text(e, "segment", one_line(get("segment")));
    if (!arr_text.empty()) {
      e.emplace_back("arr", NewValue::plain(arr_text));
    }
    add_import_text(e, "quote", q);
    add_import_text(e, "summary", sum);
    add_import_list(e, "tags", split_list(get("tags"), tags_on_space));
    add_import_list(e, "items", items);
    e.emplace_back("url", NewValue::text(key));
    const std::string file = feedback_file_for(s, format_date(*date));
    auto [pos, fresh] = file_pos.emplace(file, by_file.size());
    if (fresh) {
      by_file.emplace_back(file, std::vector<NewEntries>{});
    }
    by_file[pos->second].second.push_back(std::move(e));
    new_ids.push_back(id);
    ++r.added;
  }
  std::sort(r.errors.begin(), r.errors.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
  r.plan.changes = plan_feedback_appends(s, by_file);
  describe_import(r, o, by_file, new_ids);
  return r;
}

}  // namespace pops
