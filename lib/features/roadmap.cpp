#include "features/roadmap.h"

#include "workspace/filters.h"

#include "base/csv.h"
#include "base/markdown.h"
#include "base/text.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace pops {

namespace {

bool keep(const std::vector<std::string>& wanted, const std::string& value)
{
  return wanted.empty() || std::find(wanted.begin(), wanted.end(), value) != wanted.end();
}

}  // namespace

std::vector<RoadmapColumn> roadmap_view(const Workspace& ws, const RoadmapFilter& f)
{
  std::vector<RoadmapColumn> cols;
  for (const auto& h : ws.config.horizons) {
    cols.push_back({h.value, {}});
  }
  std::map<std::string, std::vector<const Item*>> quarters;
  RoadmapColumn none{"", {}};
  for (const auto& it : ws.items) {
    const std::string& st = it.status.value;
    if (!f.include_closed && f.statuses.empty() && (st == "shipped" || st == "dropped")) {
      continue;
    }
    if (!keep(f.squads, it.squad.value) || !keep(f.statuses, st) || !keep(f.horizons, it.horizon.value)
        || !keep(f.owners, it.owner.value)) {
      continue;
    }
    if (!f.tags.empty()
        && std::none_of(it.tags.begin(), it.tags.end(), [&](const LStr& t) { return keep(f.tags, t.value); })) {
      continue;
    }
    auto col =
      std::find_if(cols.begin(), cols.end(), [&](const RoadmapColumn& c) { return c.horizon == it.horizon.value; });
    if (col != cols.end()) {
      col->items.push_back(&it);
    } else if (it.horizon.set) {
      quarters[it.horizon.value].push_back(&it);
    } else {
      none.items.push_back(&it);
    }
  }
  for (auto& [q, items] : quarters) {
    cols.push_back({q, std::move(items)});
  }
  if (!none.items.empty()) {
    cols.push_back(std::move(none));
  }
  return cols;
}

std::vector<std::string> split_values(const std::vector<std::string>& values)
{
  std::vector<std::string> out;
  for (const auto& v : values) {
    size_t pos = 0;
    while (pos <= v.size()) {
      size_t e = v.find(',', pos);
      if (e == std::string::npos) {
        e = v.size();
      }
      const std::string_view part = trim(std::string_view(v).substr(pos, e - pos));
      if (!part.empty()) {
        out.emplace_back(part);
      }
      pos = e + 1;
    }
  }
  return out;
}

std::string unknown_filter_value(const Workspace& ws, const RoadmapFilter& f)
{
  for (auto msg : {unknown_value(ws, FilterKind::squad, f.squads), unknown_value(ws, FilterKind::status, f.statuses),
                   unknown_value(ws, FilterKind::horizon, f.horizons), unknown_value(ws, FilterKind::tag, f.tags),
                   unknown_value(ws, FilterKind::owner, f.owners)}) {
    if (!msg.empty()) {
      return msg;
    }
  }
  return {};
}

// ---------------------------------------------------------------------------------------------------
// Display width.

std::string column_title(const std::string& horizon)
{
  if (horizon.empty()) {
    return "No horizon";
  }
  std::string t = horizon;
  t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
  return t;
}

// ---------------------------------------------------------------------------------------------------
// Board.

namespace {

constexpr int k_gap = 2;
/// Wide enough for "  in-progress  2026-12-15".
constexpr int k_min_column = 26;

/// The values of `v` joined by `sep`.
std::string join_values(const std::vector<LStr>& v, std::string_view sep)
{
  std::string out;
  for (const auto& x : v) {
    out += (out.empty() ? "" : std::string(sep)) + x.value;
  }
  return out;
}

/// One line of a board cell: its plain text (for widths) and the text to print.
struct CellLine {
  std::string plain, shown;
};

std::vector<CellLine> column_lines(const RoadmapColumn& col, int w, const StatusPainter& paint)
{
  std::vector<CellLine> lines;
  const std::string head = pad_width(fmt::format("{} ({})", column_title(col.horizon), col.items.size()), w);
  lines.push_back({head, head});
  const std::string rule(static_cast<size_t>(w), '-');
  lines.push_back({rule, rule});
  for (const Item* it : col.items) {
    const std::string id = printable(it->id.value);
    const std::string first = pad_width(id + " " + printable(it->title.value), w);
    std::string shown = first;
    if (first.compare(0, id.size(), id) == 0) {
      shown = paint(it->status.value, id) + first.substr(id.size());
    }
    lines.push_back({first, shown});
    std::string second = "  " + printable(it->status.value);
    if (it->target.set) {
      second += "  " + format_date(it->target.value);
    }
    // The owner only when it fits whole: a cut name says nothing.
    if (it->owner.set && display_width(second + "  @" + printable(it->owner.value)) <= w) {
      second += "  @" + printable(it->owner.value);
    }
    // Its initiative, likewise only when it fits whole.
    if (it->initiative.set && display_width(second + "  ^" + printable(it->initiative.value)) <= w) {
      second += "  ^" + printable(it->initiative.value);
    }
    // The key results it serves, likewise.
    if (!it->key_results.empty()) {
      const std::string krs = "  kr " + printable(join_values(it->key_results, ","));
      if (display_width(second + krs) <= w) {
        second += krs;
      }
    }
    const std::string plain2 = pad_width(second, w);
    const std::string status = "  " + printable(it->status.value);
    std::string shown2 = plain2;
    if (plain2.compare(0, status.size(), status) == 0) {
      shown2 = "  " + paint(it->status.value, printable(it->status.value)) + plain2.substr(status.size());
    }
    lines.push_back({plain2, shown2});
  }
  return lines;
}

std::string rtrim(std::string s)
{
  while (!s.empty() && s.back() == ' ') {
    s.pop_back();
  }
  return s;
}

}  // namespace

std::string render_board(const std::vector<RoadmapColumn>& cols, int width, const StatusPainter& paint)
{
  if (cols.empty()) {
    return {};
  }
  width = std::max(width, 10);
  const int n = static_cast<int>(cols.size());
  const int per_band = std::clamp((width + k_gap) / (k_min_column + k_gap), 1, n);
  const int col_w = (width - (per_band - 1) * k_gap) / per_band;
  std::string out;
  for (int band = 0; band < n; band += per_band) {
    if (band > 0) {
      out += "\n";
    }
    std::vector<std::vector<CellLine>> lines;
    size_t rows = 0;
    for (int c = band; c < std::min(n, band + per_band); ++c) {
      lines.push_back(column_lines(cols[static_cast<size_t>(c)], col_w, paint));
      rows = std::max(rows, lines.back().size());
    }
    for (size_t r = 0; r < rows; ++r) {
      std::string line;
      for (size_t c = 0; c < lines.size(); ++c) {
        if (c > 0) {
          line += std::string(k_gap, ' ');
        }
        line += r < lines[c].size() ? lines[c][r].shown : std::string(static_cast<size_t>(col_w), ' ');
      }
      out += rtrim(std::move(line)) + "\n";
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Markdown, JSON, CSV.

namespace {

std::string target_text(const Item& it)
{
  return it.target.set ? format_date(it.target.value) : std::string();
}

}  // namespace

std::string render_roadmap_markdown(const std::vector<RoadmapColumn>& cols)
{
  // The goal columns only when some item has one (a workspace without goals keeps its table).
  bool initiatives = false;
  bool key_results = false;
  for (const auto& col : cols) {
    for (const Item* it : col.items) {
      initiatives = initiatives || it->initiative.set;
      key_results = key_results || !it->key_results.empty();
    }
  }
  std::string s;
  for (const auto& col : cols) {
    s += fmt::format("## {}\n\n", column_title(col.horizon));
    if (col.items.empty()) {
      s += "Nothing here yet.\n\n";
      continue;
    }
    s += "| ID | Title | Status | Squad | Owner | Target |";
    std::string rule = "|---|---|---|---|---|---|";
    if (initiatives) {
      s += " Initiative |";
      rule += "---|";
    }
    if (key_results) {
      s += " Key results |";
      rule += "---|";
    }
    s += "\n" + rule + "\n";
    for (const Item* it : col.items) {
      s += fmt::format("| {} | {} | {} | {} | {} | {} |", markdown_cell(it->id.value), markdown_cell(it->title.value),
                       markdown_cell(it->status.value), markdown_cell(it->squad.value), markdown_cell(it->owner.value),
                       target_text(*it));
      if (initiatives) {
        s += " " + markdown_cell(it->initiative.value) + " |";
      }
      if (key_results) {
        s += " " + markdown_cell(join_values(it->key_results, ", ")) + " |";
      }
      s += "\n";
    }
    s += "\n";
  }
  return s;
}

std::string render_roadmap_json(const std::vector<RoadmapColumn>& cols, const std::optional<RoadmapAt>& at)
{
  using Json = nlohmann::ordered_json;
  auto str_or_null = [](const LStr& s) { return s.set ? Json(s.value) : Json(); };
  Json j;
  j["version"] = 1;
  if (at) {
    j["at"] = Json{{"rev", at->rev}, {"commit", at->commit.id}, {"date", format_date(commit_date(at->commit))}};
  } else {
    j["at"] = Json();
  }
  j["columns"] = Json::array();
  for (const auto& col : cols) {
    Json c;
    c["horizon"] = col.horizon.empty() ? Json() : Json(col.horizon);
    c["title"] = column_title(col.horizon);
    c["items"] = Json::array();
    for (const Item* it : col.items) {
      Json i;
      i["id"] = it->id.value;
      i["title"] = it->title.value;
      i["status"] = it->status.value;
      i["squad"] = it->squad.value;
      i["owner"] = str_or_null(it->owner);
      i["target"] = it->target.set ? Json(format_date(it->target.value)) : Json();
      i["tags"] = Json::array();
      for (const auto& t : it->tags) {
        i["tags"].push_back(t.value);
      }
      i["key_results"] = Json::array();
      for (const auto& k : it->key_results) {
        i["key_results"].push_back(k.value);
      }
      i["initiative"] = str_or_null(it->initiative);
      i["file"] = it->file;
      i["line"] = it->loc.line;
      c["items"].push_back(std::move(i));
    }
    j["columns"].push_back(std::move(c));
  }
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string render_roadmap_csv(const std::vector<RoadmapColumn>& cols)
{
  std::string s = csv_row({"id", "title", "status", "horizon", "squad", "owner", "target", "tags", "file", "line",
                           "initiative", "key_results"},
                          ',', "\r\n");
  for (const auto& col : cols) {
    for (const Item* it : col.items) {
      std::vector<std::string> tags;
      for (const auto& t : it->tags) {
        tags.push_back(t.value);
      }
      s += csv_row({it->id.value, it->title.value, it->status.value, it->horizon.value, it->squad.value,
                    it->owner.value, target_text(*it), join(tags, ";"), it->file, std::to_string(it->loc.line),
                    it->initiative.value, join_values(it->key_results, ";")},
                   ',', "\r\n");
    }
  }
  return s;
}

std::optional<CommitRef> resolve_at(Repository& repo, const std::string& root, const std::string& prefix,
                                    const std::string& arg)
{
  if (auto day = parse_date(arg)) {
    History history(repo, root, prefix);
    return history.commit_at("HEAD", *day);
  }
  return repo.commit(arg);
}

// ---------------------------------------------------------------------------------------------------
// Mermaid.

std::map<std::string, Date> first_started(const std::vector<HistoryEntry>& history)
{
  std::map<std::string, Date> out;
  for (auto e = history.rbegin(); e != history.rend(); ++e) {
    const auto day = parse_date(e->date);
    if (!day) {
      continue;
    }
    for (const auto& c : e->changes) {
      if (c.entity != "item" || out.count(c.id)) {
        continue;
      }
      const bool added = c.kind == Change::Kind::added && c.status == "in-progress";
      const bool changed = c.kind == Change::Kind::changed && c.field == "status" && c.new_value == "in-progress";
      if (added || changed) {
        out.emplace(c.id, *day);
      }
    }
  }
  return out;
}

std::string mermaid_text(std::string_view s)
{
  std::string raw = valid_utf8(s);
  std::string out;
  bool space = false;
  for (char ch : raw) {
    const auto c = static_cast<unsigned char>(ch);
    const bool drop = c < 0x20 || c == 0x7F || ch == ':' || ch == '#' || ch == ';' || ch == '%' || ch == '`';
    if (drop || ch == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    out += ch;
  }
  return out;
}

namespace {

/// Words mermaid's Gantt lexer (case-insensitively) reads as a statement at the start of a line.
bool starts_with_keyword(const std::string& s)
{
  static constexpr std::array<std::string_view, 14> k_words = {
    "gantt",    "title",       "section", "dateformat",        "axisformat", "tickinterval", "excludes",
    "includes", "todaymarker", "click",   "inclusiveenddates", "topaxis",    "weekday",      "acc"};
  const std::string l = lower(s);
  return std::any_of(k_words.begin(), k_words.end(), [&](std::string_view w) { return l.rfind(w, 0) == 0; });
}

std::string mermaid_id(const std::string& id, std::set<std::string>& used)
{
  std::string out = "t_";
  for (char c : id) {
    out += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                                                       : '_';
  }
  std::string unique = out;
  for (int n = 2; !used.insert(unique).second; ++n) {
    unique = fmt::format("{}_{}", out, n);
  }
  return unique;
}

}  // namespace

std::string render_mermaid(const std::vector<RoadmapColumn>& cols, const std::string& title,
                           const std::map<std::string, Date>& started, const std::map<std::string, Date>& shipped,
                           Date today)
{
  std::map<std::string, std::vector<const Item*>> sections;
  for (const auto& col : cols) {
    for (const Item* it : col.items) {
      if (it->target.set && it->status.value != "dropped") {
        sections[it->squad.value].push_back(it);
      }
    }
  }
  std::string s = "gantt\n";
  std::string t = mermaid_text(title);
  s += fmt::format("    title {}\n", t.empty() ? "Roadmap" : t);
  s += "    dateFormat YYYY-MM-DD\n";
  std::set<std::string> used;
  for (const auto& [squad, items] : sections) {
    std::string name = mermaid_text(squad);
    s += fmt::format("    section {}\n", name.empty() || starts_with_keyword(name) ? "Squad " + name : name);
    for (const Item* it : items) {
      const std::string& status = it->status.value;
      auto sh = shipped.find(it->id.value);
      const Date end = status == "shipped" && sh != shipped.end() ? sh->second : it->target.value;
      auto st = started.find(it->id.value);
      Date start = st != started.end() ? st->second : today;
      std::vector<std::string> tags;
      if (status == "shipped") {
        tags.emplace_back("done");
      } else if (status == "in-progress") {
        tags.emplace_back("active");
      }
      if (status != "shipped" && end < today) {
        tags.emplace_back("crit");
      }
      const bool milestone = !(start < end);
      if (milestone) {
        tags.insert(tags.begin(), "milestone");
        start = end;
      }
      std::string task = mermaid_text(it->id.value + " " + it->title.value);
      if (task.empty() || starts_with_keyword(task)) {
        task = "Item " + task;
      }
      tags.push_back(mermaid_id(it->id.value, used));
      s += fmt::format("    {} :{}, {}, {}\n", task, join(tags, ", "), format_date(start),
                       milestone ? std::string("0d") : format_date(end));
    }
  }
  return s;
}

}  // namespace pops
