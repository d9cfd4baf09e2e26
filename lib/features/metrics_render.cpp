// The renderings of `pops metrics`: JSON, CSV, Markdown and the table fitted to a width.

#include "features/metrics.h"

#include "base/csv.h"
#include "base/markdown.h"
#include "base/text.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace pops {

namespace {

using Json = nlohmann::ordered_json;

template <class T> Json opt(const std::optional<T>& v)
{
  return v ? Json(*v) : Json();
}

Json opt_date(const std::optional<Date>& d)
{
  return d ? Json(format_date(*d)) : Json();
}

/// Days and shares rounded for output: 4.25 days, 0.667 (`scale` 100 or 1000).
double round_to(double v, double scale)
{
  return std::round(v * scale) / scale;
}

Json days_json(const std::optional<double>& v)
{
  return v ? Json(round_to(*v, 100)) : Json();
}

Json share_json(const std::optional<double>& v)
{
  return v ? Json(round_to(*v, 1000)) : Json();
}

std::string_view period_word(PeriodKind k)
{
  return k == PeriodKind::quarter ? "quarter" : "month";
}

std::vector<std::string> cells(const PeriodMetrics& p, std::string_view missing);
/// The text cells of a row, in column order, with `missing` for no data.
std::vector<std::string> cells(const PeriodMetrics& p, std::string_view missing, bool portfolio)
{
  std::vector<std::string> c = cells(p, missing);
  if (portfolio) {  // a portfolio's member, after the period (format 1.4)
    c.insert(c.begin() + 1, p.member.empty() ? std::string("(all)") : p.member);
  }
  return c;
}

std::vector<std::string> cells(const PeriodMetrics& p, std::string_view missing)
{
  auto days = [&](const std::optional<double>& v) {
    if (!v) {
      return std::string(missing);
    }
    std::string s = fmt::format("{:.1f}", round_to(*v, 10));
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) {
      s.resize(s.size() - 2);
    }
    return s;
  };
  auto share = [&](const std::optional<double>& v) {
    return v ? fmt::format("{:.0f}%", *v * 100) : std::string(missing);
  };
  return {p.period,
          p.squad.empty() ? std::string("(all)") : p.squad,
          std::to_string(p.shipped),
          days(p.cycle_median),
          days(p.cycle_p85),
          days(p.lead_median),
          days(p.lead_p85),
          std::to_string(p.wip),
          p.wip_limit ? std::to_string(*p.wip_limit) : std::string(missing),
          std::to_string(p.slipped),
          std::to_string(p.slip_days),
          share(p.predictability),
          std::to_string(p.added),
          std::to_string(p.dropped),
          share(p.prd_coverage),
          share(p.feedback_coverage)};
}

std::vector<std::string> columns_of(const Metrics& m);
const std::vector<std::string> k_columns = {
  "period",    "squad",   "shipped",   "cycle_p50",      "cycle_p85", "lead_p50", "lead_p85",     "wip",
  "wip_limit", "slipped", "slip_days", "predictability", "added",     "dropped",  "prd_coverage", "feedback_coverage"};

const char* const k_dash = "\xe2\x80\x93";  // en dash

std::vector<std::string> columns_of(const Metrics& m)
{
  std::vector<std::string> c = k_columns;
  if (m.portfolio) {
    c.insert(c.begin() + 1, "member");
  }
  return c;
}

size_t text_width(const std::string& s)
{
  size_t n = 0;
  for (unsigned char c : s) {
    n += (c & 0xC0) != 0x80 ? 1 : 0;
  }
  return n;
}

}  // namespace

std::string render_metrics_json(const Metrics& m)
{
  Json j;
  j["period"] = std::string(period_word(m.period));
  j["dates"] = m.author_date ? "author" : "committer";
  j["since"] = opt_date(m.since);
  j["until"] = format_date(m.until);
  j["commits"] = m.commits;
  j["squads"] = m.squads;
  j["rows"] = Json::array();
  for (const auto& p : m.rows) {
    Json r;
    r["period"] = p.period;
    r["start"] = format_date(p.start);
    r["end"] = format_date(p.end);
    r["complete"] = p.complete;
    if (m.portfolio) {
      r["member"] = p.member.empty() ? Json() : Json(p.member);
    }
    r["squad"] = p.squad.empty() ? Json() : Json(p.squad);
    r["shipped"] = p.shipped;
    r["cycle_median"] = days_json(p.cycle_median);
    r["cycle_p85"] = days_json(p.cycle_p85);
    r["lead_median"] = days_json(p.lead_median);
    r["lead_p85"] = days_json(p.lead_p85);
    r["wip"] = p.wip;
    r["wip_limit"] = opt(p.wip_limit);
    r["over_limit"] = p.wip_limit ? Json(p.wip > *p.wip_limit) : Json();
    r["slipped"] = p.slipped;
    r["slip_days"] = p.slip_days;
    r["committed"] = p.committed;
    r["committed_shipped"] = p.committed_shipped;
    r["predictability"] = share_json(p.predictability);
    r["added"] = p.added;
    r["dropped"] = p.dropped;
    r["prd_covered"] = p.prd_covered;
    r["prd_coverage"] = share_json(p.prd_coverage);
    r["open"] = p.open;
    r["feedback_covered"] = p.feedback_covered;
    r["feedback_coverage"] = share_json(p.feedback_coverage);
    j["rows"].push_back(std::move(r));
  }
  j["items"] = Json::array();
  for (const auto& f : m.items) {
    Json i;
    i["id"] = f.id;
    if (m.portfolio) {
      i["member"] = f.member.empty() ? Json() : Json(f.member);
    }
    i["squad"] = f.squad.empty() ? Json() : Json(f.squad);
    i["first_seen"] = opt_date(f.first_seen);
    i["started"] = opt_date(f.started);
    i["shipped"] = opt_date(f.shipped);
    i["cycle_days"] = opt(f.cycle_days);
    i["lead_days"] = opt(f.lead_days);
    i["slips"] = f.slips;
    i["slip_days"] = f.slip_days;
    i["first_target"] = opt_date(f.first_target);
    i["late_days"] = opt(f.late_days);
    if (!f.moved_from.empty()) {
      i["moved_from"] = f.moved_from;  // only for an item that continues a moved one
    }
    j["items"].push_back(std::move(i));
  }
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string render_metrics_csv(const Metrics& m)
{
  std::string out = csv_row(columns_of(m));
  for (const auto& p : m.rows) {
    out += csv_row(cells(p, "", m.portfolio));
  }
  return out;
}

std::string render_metrics_markdown(const Metrics& m)
{
  const std::vector<std::string> columns = columns_of(m);
  std::string out = fmt::format("| {} |\n", fmt::join(columns, " | "));
  std::vector<std::string> rule(columns.size(), "---");
  for (size_t i = m.portfolio ? 3 : 2; i < rule.size(); ++i) {
    rule[i] = "---:";
  }
  out += fmt::format("| {} |\n", fmt::join(rule, " | "));
  for (const auto& p : m.rows) {
    std::vector<std::string> c = cells(p, k_dash, m.portfolio);
    for (auto& s : c) {
      s = markdown_cell(s);
    }
    out += fmt::format("| {} |\n", fmt::join(c, " | "));
  }
  return out;
}

std::string render_metrics_table(const Metrics& m, int width, std::vector<std::string>* left_out)
{
  if (m.rows.empty()) {
    return {};
  }
  std::vector<std::string> head = {"PERIOD", "SQUAD",   "SHIPPED", "CYCLE50", "CYCLE85", "LEAD50",
                                   "LEAD85", "WIP",     "LIMIT",   "SLIPPED", "DAYS",    "PREDICT",
                                   "ADDED",  "DROPPED", "PRD",     "FEEDBACK"};
  if (m.portfolio) {
    head.insert(head.begin() + 1, "MEMBER");
  }
  const size_t left = m.portfolio ? 3 : 2;  // the columns aligned left
  std::vector<std::vector<std::string>> rows = {head};
  for (const auto& p : m.rows) {
    rows.push_back(cells(p, k_dash, m.portfolio));
  }
  std::vector<size_t> w(head.size(), 0);
  for (const auto& r : rows) {
    for (size_t i = 0; i < r.size(); ++i) {
      w[i] = std::max(w[i], text_width(r[i]));
    }
  }
  std::vector<bool> shown(head.size(), true);
  if (width > 0) {
    auto total = [&] {
      size_t t = 0;
      size_t n = 0;
      for (size_t i = 0; i < w.size(); ++i) {
        if (shown[i]) {
          t += w[i];
          ++n;
        }
      }
      return t + 2 * (n > 0 ? n - 1 : 0);
    };
    for (const std::string_view h :
         {"LEAD85", "LEAD50", "DAYS", "DROPPED", "ADDED", "FEEDBACK", "PRD", "LIMIT", "CYCLE85", "WIP", "SLIPPED"}) {
      if (total() <= static_cast<size_t>(width)) {
        break;
      }
      const size_t i = static_cast<size_t>(std::find(head.begin(), head.end(), h) - head.begin());
      shown[i] = false;
      if (left_out) {
        left_out->emplace_back(h);
      }
    }
  }
  std::string out;
  for (const auto& r : rows) {
    std::string line;
    for (size_t i = 0; i < r.size(); ++i) {
      if (!shown[i]) {
        continue;
      }
      const std::string pad(w[i] - text_width(r[i]), ' ');
      line += line.empty() && i == 0 ? "" : "  ";
      line += i < left ? r[i] + pad : pad + r[i];
    }
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    out += line + "\n";
  }
  return out;
}

}  // namespace pops
