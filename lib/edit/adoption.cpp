// Adoption: usage series read from Amplitude and Pendo exports and merged into metrics files.

#include "edit/adoption.h"

#include "base/csv.h"
#include "base/money.h"
#include "base/text.h"
#include "workspace/workspace.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <tuple>
#include <set>

namespace pops {

namespace {

std::string slug(std::string_view s)
{
  std::string out;
  for (char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      out += static_cast<char>(std::tolower(u));
    } else if (c == '%') {
      out += out.empty() || out.back() == '_' ? "percent" : "_percent";
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') {
    out.pop_back();
  }
  return out;
}

bool same_number(double a, double b)
{
  return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(a));
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Reading exports

std::optional<Date> parse_usage_date(std::string_view text)
{
  const std::string_view t = trim(text);
  if (auto d = parse_export_date(t)) {
    return d;
  }
  // "Nov 1, 2026", "November 1, 2026", "1 Nov 2026".
  static constexpr std::array<std::string_view, 12> months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                              "jul", "aug", "sep", "oct", "nov", "dec"};
  std::vector<std::string> words;
  std::string w;
  for (char c : t) {
    if (c == ' ' || c == ',') {
      if (!w.empty()) {
        words.push_back(w);
        w.clear();
      }
    } else {
      w += c;
    }
  }
  if (!w.empty()) {
    words.push_back(w);
  }
  if (words.size() != 3) {
    return std::nullopt;
  }
  auto month_of = [&](const std::string& s) {
    const std::string l = lower(s);
    for (size_t i = 0; i < months.size(); ++i) {
      if (l.size() >= 3 && l.starts_with(months[i])) {
        return static_cast<int>(i) + 1;
      }
    }
    return 0;
  };
  auto num = [](const std::string& s, size_t max_digits) {
    if (s.empty() || s.size() > max_digits
        || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return -1;
    }
    return std::stoi(s);
  };
  int month = month_of(words[0]);
  int day = num(words[1], 2);
  if (month == 0) {
    month = month_of(words[1]);
    day = num(words[0], 2);
  }
  const int year = words[2].size() == 4 ? num(words[2], 4) : -1;
  if (month == 0 || day < 1 || year < 0) {
    return std::nullopt;
  }
  return parse_date(fmt::format("{:04}-{:02}-{:02}", year, month, day));
}

std::optional<double> parse_usage_value(std::string_view text, bool& percent)
{
  std::string_view t = trim(text);
  percent = false;
  if (t.ends_with('%')) {
    percent = true;
    t = trim(t.substr(0, t.size() - 1));
  }
  if (t.empty()) {
    return std::nullopt;
  }
  double v = 0;
  if (parse_number(t, v) && std::isfinite(v)) {
    return v;
  }
  if (t.find(',') != std::string_view::npos && t.find_first_not_of("0123456789,.-") == std::string_view::npos) {
    return parse_money(t);
  }
  return std::nullopt;
}

namespace {

bool blank(std::string_view s)
{
  return trim(s).empty();
}

/// An empty cell, or a dash for "no data", holds no point.
bool no_value(std::string_view s)
{
  const std::string_view t = trim(s);
  return t.empty() || t == "-" || t == "\xE2\x80\x94" || lower(t) == "n/a";
}

std::string amplitude_measure(const std::vector<CsvRow>& head)
{
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> measures = {
    {{"uniques", "uniques"},
     {"event totals", "totals"},
     {"totals", "totals"},
     {"active %", "active_percent"},
     {"average", "average"},
     {"frequency", "frequency"},
     {"properties", "properties"},
     {"formula", "formula"}}};
  for (const auto& row : head) {
    for (const auto& f : row.fields) {
      const std::string l = lower(trim(f));
      for (const auto& [name, metric] : measures) {
        if (l == name) {
          return std::string(metric);
        }
      }
    }
  }
  return "value";
}

}  // namespace

ExportRead read_amplitude_export(std::string_view csv, const std::string& metric)
{
  ExportRead out;
  CsvTable table = read_csv(csv);
  for (const auto& e : table.errors) {
    out.errors.push_back({e.line, e.message});
    ++out.rows;
  }
  // The row of dates: the first row with a date in a column after the first.
  size_t header = table.rows.size();
  size_t first_date = 0;
  for (size_t i = 0; i < table.rows.size() && header == table.rows.size(); ++i) {
    const auto& f = table.rows[i].fields;
    for (size_t c = 1; c < f.size(); ++c) {
      if (parse_usage_date(f[c])) {
        header = i;
        first_date = c;
        break;
      }
    }
  }
  if (header == table.rows.size()) {
    throw OpError("found no row of dates in the export",
                  "an Amplitude chart export has a row of dates (a column per day) above a row per event; "
                  "export the chart with 'Export CSV'");
  }
  const auto& hf = table.rows[header].fields;
  std::vector<std::optional<Date>> dates(hf.size());
  std::vector<std::string> not_dates;
  for (size_t c = first_date; c < hf.size(); ++c) {
    dates[c] = parse_usage_date(hf[c]);
    if (!dates[c] && !blank(hf[c])) {
      not_dates.push_back(fmt::format("{} (column {})", quote(hf[c]), c + 1));
    }
  }
  if (!not_dates.empty()) {
    ++out.rows;
    out.errors.push_back({table.rows[header].line,
                          fmt::format("the row of dates holds {} that {} not a date: {}; their values are left out",
                                      not_dates.size() == 1 ? "a column" : "columns",
                                      not_dates.size() == 1 ? "is" : "are", join(not_dates, ", "))});
  }
  const std::string m =
    metric.empty() ? amplitude_measure({table.rows.begin(), table.rows.begin() + static_cast<long>(header)}) : metric;
  std::map<std::string, int> seen;  // key -> line
  for (size_t i = header + 1; i < table.rows.size(); ++i) {
    const CsvRow& row = table.rows[i];
    if (std::all_of(row.fields.begin(), row.fields.end(), [](const std::string& f) { return blank(f); })) {
      continue;
    }
    ++out.rows;
    auto bad = [&](std::string msg) { out.errors.push_back({row.line, std::move(msg)}); };
    std::string key(trim(row.fields[0]));
    if (key.empty()) {
      bad("the row has no event name in its first column");
      continue;
    }
    for (size_t c = 1; c < first_date && c < row.fields.size(); ++c) {
      const std::string seg(trim(row.fields[c]));
      if (!seg.empty() && lower(seg) != "all users") {
        key += " / " + seg;
      }
    }
    if (auto it = seen.find(key); it != seen.end()) {
      bad(fmt::format("{} is also on line {}; the second row is left out", quote(key), it->second));
      continue;
    }
    ExportSeries s{"amplitude", key, m, "", row.line, {}, false};
    std::string problem;
    bool any_percent = false;
    for (size_t c = first_date; c < row.fields.size() && problem.empty(); ++c) {
      if (no_value(row.fields[c])) {
        continue;
      }
      if (c >= dates.size() || !dates[c]) {
        problem = fmt::format("column {} has the value {} but no date above it", c + 1, quote(row.fields[c]));
        break;
      }
      bool pct = false;
      auto v = parse_usage_value(row.fields[c], pct);
      if (!v) {
        problem = fmt::format("the value for {} in column {} is not a number: {}; expected e.g. 412 or 41.2%",
                              format_date(*dates[c]), c + 1, quote(row.fields[c]));
        break;
      }
      any_percent = any_percent || pct;
      s.points.emplace_back(*dates[c], *v);
    }
    if (!problem.empty()) {
      bad(fmt::format("{}: {}", quote(key), problem));
      continue;
    }
    if (any_percent) {
      s.unit = "%";
    }
    std::stable_sort(s.points.begin(), s.points.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    seen.emplace(key, row.line);
    out.series.push_back(std::move(s));
  }
  std::stable_sort(out.errors.begin(), out.errors.end(),
                   [](const ImportRowError& a, const ImportRowError& b) { return a.line < b.line; });
  return out;
}

ExportRead read_pendo_export(std::string_view csv, const std::string& metric, const std::vector<std::string>& values)
{
  ExportRead out;
  CsvTable table = read_csv(csv);
  for (const auto& e : table.errors) {
    out.errors.push_back({e.line, e.message});
    ++out.rows;
  }
  if (table.rows.empty()) {
    throw OpError("the export has no header row", "a Pendo report starts with a row of column names");
  }
  const auto& head = table.rows[0].fields;
  std::vector<std::string> names;
  for (const auto& h : head) {
    names.emplace_back(trim(h));
  }
  auto find = [&](std::initializer_list<std::string_view> wanted) -> long {
    for (std::string_view w : wanted) {
      for (size_t i = 0; i < names.size(); ++i) {
        if (lower(names[i]) == w) {
          return static_cast<long>(i);
        }
      }
    }
    return -1;
  };
  const long key_col =
    find({"feature", "feature name", "page", "page name", "track event", "track event name", "event", "name"});
  const long date_col = find({"date", "day", "week", "week of", "period"});
  if (key_col < 0 || date_col < 0) {
    throw OpError(fmt::format("the export has no {} column; its columns are {}",
                              key_col < 0 ? "'Feature' (or 'Page', 'Track Event')" : "'Date' (or 'Day', 'Week')",
                              join(names, ", ")),
                  "export a Pendo feature or page report with a row per day ('Day' breakdown)");
  }
  std::vector<size_t> cols;
  if (values.empty()) {
    static constexpr std::array<std::string_view, 6> known = {"visitors", "accounts", "views",
                                                              "events",   "clicks",   "minutes"};
    for (size_t i = 0; i < names.size(); ++i) {
      if (std::find(known.begin(), known.end(), lower(names[i])) != known.end()) {
        cols.push_back(i);
      }
    }
    if (cols.empty()) {
      throw OpError(fmt::format("the export has no value column (Visitors, Accounts, Views, Events, Clicks or "
                                "Minutes); its columns are {}",
                                join(names, ", ")),
                    "name the columns to import with --value COLUMN");
    }
  } else {
    for (const auto& v : values) {
      long c = -1;
      for (size_t i = 0; i < names.size(); ++i) {
        if (lower(names[i]) == lower(trim(v))) {
          c = static_cast<long>(i);
        }
      }
      if (c < 0) {
        throw OpError(fmt::format("unknown --value column '{}'{}", v, did_you_mean(v, names)),
                      fmt::format("the export's columns are {}", join(names, ", ")));
      }
      cols.push_back(static_cast<size_t>(c));
    }
  }
  if (!metric.empty() && cols.size() != 1) {
    throw OpError(fmt::format("--metric names one series but {} value columns are imported", cols.size()),
                  "choose the column with --value COLUMN");
  }
  std::map<std::pair<std::string, size_t>, size_t> index;  // key, column -> series
  std::map<std::pair<std::string, int>, int> seen;         // key, date -> line
  for (size_t i = 1; i < table.rows.size(); ++i) {
    const CsvRow& row = table.rows[i];
    if (std::all_of(row.fields.begin(), row.fields.end(), [](const std::string& f) { return blank(f); })) {
      continue;
    }
    ++out.rows;
    auto bad = [&](std::string msg) { out.errors.push_back({row.line, std::move(msg)}); };
    auto get = [&](size_t c) { return c < row.fields.size() ? std::string(trim(row.fields[c])) : std::string(); };
    const std::string key = get(static_cast<size_t>(key_col));
    if (key.empty()) {
      bad(fmt::format("'{}' is empty", names[static_cast<size_t>(key_col)]));
      continue;
    }
    const std::string dt = get(static_cast<size_t>(date_col));
    auto date = parse_usage_date(dt);
    if (!date) {
      bad(fmt::format("'{}' is not a date: {}; expected YYYY-MM-DD, M/D/YYYY or 'Nov 1, 2026'",
                      names[static_cast<size_t>(date_col)], dt.empty() ? "it is empty" : quote(dt)));
      continue;
    }
    if (auto it = seen.find({key, date->days}); it != seen.end()) {
      bad(fmt::format("{} on {} is also on line {}; the second row is left out", quote(key), format_date(*date),
                      it->second));
      continue;
    }
    std::vector<std::pair<size_t, std::optional<double>>> got;
    std::string problem;
    bool any_percent = false;
    for (size_t c : cols) {
      const std::string cell = get(c);
      if (no_value(cell)) {
        got.emplace_back(c, std::nullopt);
        continue;
      }
      bool pct = false;
      auto v = parse_usage_value(cell, pct);
      if (!v) {
        problem = fmt::format("'{}' is not a number: {}; expected e.g. 412", names[c], quote(cell));
        break;
      }
      any_percent = any_percent || pct;
      got.emplace_back(c, v);
    }
    if (!problem.empty()) {
      bad(std::move(problem));
      continue;
    }
    seen.emplace(std::pair{key, date->days}, row.line);
    for (const auto& [c, v] : got) {
      if (!v) {
        continue;
      }
      auto [it, added] = index.try_emplace(std::pair{key, c}, out.series.size());
      if (added) {
        out.series.push_back({"pendo", key, metric.empty() ? slug(names[c]) : metric, "", row.line, {}, false});
      }
      ExportSeries& s = out.series[it->second];
      if (any_percent) {
        s.unit = "%";
      }
      s.points.emplace_back(*date, *v);
    }
  }
  for (auto& s : out.series) {
    std::stable_sort(s.points.begin(), s.points.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  std::stable_sort(out.errors.begin(), out.errors.end(),
                   [](const ImportRowError& a, const ImportRowError& b) { return a.line < b.line; });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Importing

namespace {

std::string scalar_text(const YNode* n)
{
  return n && n->is_scalar() ? n->text : std::string();
}

NewValue points_value(const ExportSeries& e)
{
  std::vector<std::pair<std::string, NewScalar>> m;
  for (const auto& [d, v] : e.points) {
    m.emplace_back(format_date(d), NewScalar{number_exact(v), false});
  }
  return NewValue::of_map(std::move(m));
}

NewEntries entries_of(const ExportSeries& e)
{
  NewEntries n;
  n.emplace_back("source", NewValue::text(e.source));
  n.emplace_back("key", NewValue::text(e.key));
  n.emplace_back("metric", NewValue::text(e.metric));
  if (!e.unit.empty()) {
    n.emplace_back("unit", NewValue::text(e.unit));
  }
  if (!e.points.empty()) {
    n.emplace_back("points", points_value(e));
  }
  return n;
}

/// The whole text of a new metrics file.
std::string new_file(const std::vector<ExportSeries>& all)
{
  std::string t = "series:\n";
  for (const auto& e : all) {
    t += "  - source: " + format_scalar({e.source, true}, false) + "\n";
    t += "    key: " + format_scalar({e.key, true}, false) + "\n";
    t += "    metric: " + format_scalar({e.metric, true}, false) + "\n";
    if (!e.unit.empty()) {
      t += "    unit: " + format_scalar({e.unit, true}, false) + "\n";
    }
    if (!e.points.empty()) {
      t += "    points:\n";
      for (const auto& [d, v] : e.points) {
        t += fmt::format("      {}: {}\n", format_date(d), number_exact(v));
      }
    }
  }
  return t;
}

size_t find_series(const YNode& root, const ExportSeries& e)
{
  const YNode* list = root.get("series");
  size_t idx = std::string::npos;
  if (list && list->is_seq()) {
    for (size_t i = 0; i < list->items.size(); ++i) {
      const YNode& n = list->items[i];
      if (n.is_map() && scalar_text(n.get("source")) == e.source && scalar_text(n.get("key")) == e.key
          && scalar_text(n.get("metric")) == e.metric) {
        idx = i;
      }
    }
  }
  return idx;
}

/// The points of `e` spliced into the block mapping `pts` of `text`: changed values replaced in
/// place, new dates inserted after the point of the date before them (else after the last point).
/// False (nothing added to `splices`) when the mapping is not one plain `DATE: NUMBER` per line.
bool point_splices(std::string_view text, const YNode& pts, const ExportSeries& e, AdoptionImportResult& res,
                   std::vector<std::tuple<size_t, size_t, std::string>>& splices)
{
  if (!pts.is_map() || pts.flow || pts.entries.empty()) {
    return false;
  }
  const std::string eol = text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
  const int col = pts.entries[0].first.loc.column;
  std::map<std::string, const std::pair<YNode, YNode>*> by_date;
  for (const auto& entry : pts.entries) {
    const auto& [k, v] = entry;
    if (!k.is_scalar() || k.quoted || !v.is_scalar() || v.quoted || k.loc.column != col || v.loc.line != k.loc.line
        || v.loc.pos < 0 || text.substr(static_cast<size_t>(v.loc.pos), v.text.size()) != v.text) {
      return false;
    }
    by_date.emplace(k.text, &entry);
  }
  std::vector<std::tuple<size_t, size_t, std::string>> out;
  int same = 0, changed = 0, added = 0;
  std::map<size_t, std::string> inserts;  // position -> lines, in date order
  for (const auto& [d, v] : e.points) {
    const std::string ds = format_date(d);
    if (auto it = by_date.find(ds); it != by_date.end()) {
      const YNode& old = it->second->second;
      double was = 0;
      if (parse_number(old.text, was) && same_number(was, v)) {
        ++same;
        continue;
      }
      out.emplace_back(static_cast<size_t>(old.loc.pos), old.text.size(), number_exact(v));
      ++changed;
      continue;
    }
    // After the point of the greatest date before it, else after the last point.
    const std::pair<YNode, YNode>* pred = &pts.entries.back();
    for (const auto& [k2, entry] : by_date) {
      if (k2 < ds) {
        pred = entry;
      }
    }
    if (by_date.begin()->first > ds) {
      pred = &pts.entries.back();
    }
    const size_t at = text.find('\n', static_cast<size_t>(pred->second.loc.pos));
    std::string line = std::string(static_cast<size_t>(col - 1), ' ') + ds + ": " + number_exact(v);
    if (at == std::string_view::npos) {
      inserts[text.size()] += eol + line;
    } else {
      inserts[at + 1] += line + eol;
    }
    ++added;
  }
  for (auto& [pos, lines] : inserts) {
    out.emplace_back(pos, 0, std::move(lines));
  }
  splices.insert(splices.end(), out.begin(), out.end());
  res.points_same += same;
  res.points_changed += changed;
  res.points_added += added;
  return true;
}

/// The fast pass of plan_adoption_import: the text with the points of every series it can splice
/// (those are marked handled), verified by one re-parse.
std::string fast_points(const std::string& before, std::vector<ExportSeries>& series, AdoptionImportResult& res)
{
  const YamlDoc doc = parse_yaml(before);
  if (!doc.ok || !doc.findings.empty()) {
    return before;
  }
  std::vector<std::tuple<size_t, size_t, std::string>> splices;
  AdoptionImportResult counts;
  std::vector<ExportSeries*> done;
  for (auto& e : series) {
    const size_t idx = find_series(doc.root, e);
    if (idx == std::string::npos) {
      continue;
    }
    const YNode* pts = node_at(doc.root, {std::string("series"), idx, std::string("points")});
    if (pts && point_splices(before, *pts, e, counts, splices)) {
      done.push_back(&e);
    }
  }
  if (done.empty()) {
    return before;
  }
  std::sort(splices.begin(), splices.end(),
            [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
  std::string after = before;
  for (const auto& [pos, len, t] : splices) {
    after.replace(pos, len, t);
  }
  // Verify: every imported point reads back, and every comment is still there.
  const YamlDoc check = parse_yaml(after);
  bool ok = check.ok && check.findings.empty() && yaml_comments(before, doc.root) == yaml_comments(after, check.root);
  for (const ExportSeries* e : done) {
    const size_t idx = ok ? find_series(check.root, *e) : std::string::npos;
    const YNode* pts =
      idx == std::string::npos ? nullptr : node_at(check.root, {std::string("series"), idx, std::string("points")});
    for (const auto& [d, v] : e->points) {
      const YNode* p = pts ? pts->get(format_date(d)) : nullptr;
      double got = 0;
      ok = ok && p && p->is_scalar() && !p->quoted && parse_number(p->text, got) && same_number(got, v);
    }
  }
  if (!ok) {
    return before;  // the slow path does it
  }
  for (ExportSeries* e : done) {
    e->handled = true;
  }
  res.points_same += counts.points_same;
  res.points_changed += counts.points_changed;
  res.points_added += counts.points_added;
  return after;
}

}  // namespace

AdoptionImportResult plan_adoption_import(const EditSession& s, std::string_view csv, const AdoptionImportOptions& o)
{
  AdoptionImportResult res;
  if (o.from == "amplitude") {
    if (!o.values.empty()) {
      throw OpError("--value goes with --from pendo", "an Amplitude chart export has one value per event and day");
    }
    res.read = read_amplitude_export(csv, o.metric);
  } else if (o.from == "pendo") {
    res.read = read_pendo_export(csv, o.metric, o.values);
  } else {
    throw OpError(fmt::format("unknown --from '{}'{}", o.from,
                              did_you_mean(o.from, std::vector<std::string>{"amplitude", "pendo"})),
                  "use --from amplitude or --from pendo");
  }
  std::string to;
  try {
    to = confine_path(s.root, o.to, "metrics", "--to");
  } catch (const PathError& e) {
    throw OpError(e.what(), "write to a .yaml file under metrics/, e.g. metrics/adoption.yaml");
  }
  if (classify(to) != FileKind::metrics) {
    throw OpError(fmt::format("--to '{}' is not a metrics file", o.to),
                  "write to a .yaml file under metrics/, e.g. metrics/adoption.yaml");
  }
  auto series = res.read.series;
  res.plan.message = fmt::format("Import {} usage data from {}", o.from, o.file);
  auto finish = [&](std::string before, std::string after, bool created) {
    res.plan.summary =
      fmt::format("{}: {} series added, {} point{} added, {} changed, {} unchanged", to, res.series_added,
                  res.points_added, res.points_added == 1 ? "" : "s", res.points_changed, res.points_same);
    if (after != before) {
      res.plan.changes.push_back({to, std::move(before), std::move(after), created});
    }
    if (res.series_added > 0) {
      res.plan.hints.push_back("link items to the new series with 'pops item set ID links.<source>=<key>'; "
                               "see 'pops adoption list'");
    }
  };
  auto existing = s.files.find(to);
  if (existing == s.files.end()) {
    for (const auto& e : series) {
      ++res.series_added;
      res.points_added += static_cast<int>(e.points.size());
    }
    if (!series.empty()) {
      finish("", new_file(series), true);
    } else {
      finish("", "", true);
    }
    return res;
  }
  try {
    // Points of series written the usual way (a block mapping, one `DATE: VALUE` per line) are
    // spliced in one pass and verified with one re-parse; others go through YamlText::set.
    std::string text = fast_points(existing->second, series, res);
    YamlText yt(text);
    TextStyle st = yt.style("series");
    st.flow_maps = false;
    st.has_maps = true;
    if (!yt.root().get("series")) {
      yt.set({}, "series", NewValue::of_list({}), st);
    }
    std::vector<NewEntries> fresh;
    for (const auto& e : series) {
      if (e.handled) {
        continue;
      }
      const size_t idx = find_series(yt.root(), e);
      if (idx == std::string::npos) {
        fresh.push_back(entries_of(e));
        ++res.series_added;
        res.points_added += static_cast<int>(e.points.size());
        continue;
      }
      const Path spath{std::string("series"), idx};
      const YNode* pts = node_at(yt.root(), {std::string("series"), idx, std::string("points")});
      if (!pts || pts->is_null()) {
        if (!e.points.empty()) {
          yt.set(spath, "points", points_value(e), st, k_series_keys);
          res.points_added += static_cast<int>(e.points.size());
        }
        continue;
      }
      if (!pts->is_map()) {
        throw OpError(fmt::format("cannot import into {}: 'points' of series {} is {}, not a mapping", to, quote(e.key),
                                  pts->kind_name()),
                      "fix it first (pops check shows the problem)");
      }
      std::vector<std::string> dates;
      for (const auto& [k, v] : pts->entries) {
        dates.push_back(k.text);
      }
      for (const auto& [d, v] : e.points) {
        dates.push_back(format_date(d));
      }
      std::sort(dates.begin(), dates.end());
      dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
      std::vector<std::string_view> order(dates.begin(), dates.end());
      const Path ppath{std::string("series"), idx, std::string("points")};
      for (const auto& [d, v] : e.points) {
        const std::string ds = format_date(d);
        const YNode* cur = node_at(yt.root(), ppath);
        const YNode* old = cur ? cur->get(ds) : nullptr;
        double was = 0;
        if (old && old->is_scalar() && !old->quoted && parse_number(old->text, was) && same_number(was, v)) {
          ++res.points_same;
          continue;
        }
        yt.set(ppath, ds, NewValue::plain(number_exact(v)), st, order);
        ++(old ? res.points_changed : res.points_added);
      }
    }
    if (!fresh.empty()) {
      yt.append_entries("series", fresh, st);
    }
    finish(existing->second, yt.text(), false);
  } catch (const EditRefused& e) {
    throw OpError(fmt::format("cannot import into {}: {}", to, e.what()),
                  "fix the file first (pops check shows the problem), or import with --to another file");
  }
  return res;
}

}  // namespace pops
