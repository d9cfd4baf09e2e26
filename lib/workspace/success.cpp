// Success targets evaluated against usage series.

#include "workspace/success.h"

#include "base/date.h"
#include "workspace/schema.h"
#include "base/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace pops {

namespace {

bool same_number(double a, double b)
{
  return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(a));
}

}  // namespace

std::optional<Target> parse_target(std::string_view text)
{
  std::string_view t = trim(text);
  Target out;
  if (t.starts_with("<=") || t.starts_with("\xE2\x89\xA4")) {
    out.op = Target::Op::le;
    t.remove_prefix(t[0] == '<' ? 2 : 3);
  } else if (t.starts_with(">=") || t.starts_with("\xE2\x89\xA5")) {
    out.op = Target::Op::ge;
    t.remove_prefix(t[0] == '>' ? 2 : 3);
  } else if (t.starts_with("==")) {
    out.op = Target::Op::eq;
    t.remove_prefix(2);
  } else if (t.starts_with('<') || t.starts_with('>') || t.starts_with('=')) {
    out.op = t[0] == '<' ? Target::Op::lt : t[0] == '>' ? Target::Op::gt : Target::Op::eq;
    t.remove_prefix(1);
  } else if (t.starts_with('+') || t.starts_with('-')) {
    out.op = t[0] == '+' ? Target::Op::rise : Target::Op::fall;
    t.remove_prefix(1);
  } else {
    return std::nullopt;
  }
  t = trim(t);
  size_t n = 0;
  while (n < t.size() && ((t[n] >= '0' && t[n] <= '9') || t[n] == '.' || t[n] == ',')) {
    ++n;
  }
  if (n == 0) {
    return std::nullopt;
  }
  std::string num(t.substr(0, n));
  num.erase(std::remove(num.begin(), num.end(), ','), num.end());
  if (!parse_number(num, out.number)) {
    return std::nullopt;
  }
  std::string_view rest = trim(t.substr(n));
  if (rest.starts_with('%')) {
    out.percent = true;
    rest = trim(rest.substr(1));
  }
  out.unit = std::string(rest);
  return out;
}

std::string_view state_name(TargetState s)
{
  switch (s) {
  case TargetState::met:
    return "met";
  case TargetState::not_met:
    return "not met";
  case TargetState::no_data:
    return "no data";
  case TargetState::unknown_target:
    return "target not understood";
  }
  return "";
}

std::string format_usage(double v, std::string_view unit)
{
  // Beyond 10^15 a figure in full is a row of digits no one reads: 1.5e+300, not 301 digits.
  const bool huge = std::fabs(v) >= 1e15;
  std::string s = huge ? fmt::format("{:.6g}", v) : fmt::format("{:.2f}", v);
  while (!huge && s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
    const bool dot = s.back() == '.';
    s.pop_back();
    if (dot) {
      break;
    }
  }
  if (s == "-0") {
    s = "0";
  }
  if (unit.empty()) {
    return s;
  }
  return unit == "%" ? s + "%" : s + " " + std::string(unit);
}

std::string trend_text(const SuccessStatus& s)
{
  if (!s.trend || !s.trend_from || !s.series) {
    return "";
  }
  std::string v = format_usage(*s.trend, s.series->unit.value);
  if (*s.trend > 0) {
    v = "+" + v;
  }
  return fmt::format("{} since {}", v, format_date(*s.trend_from));
}

std::vector<const Series*> series_of_item(const Workspace& ws, const Item& item)
{
  std::vector<const Series*> out;
  for (const Series& s : ws.series) {
    for (const auto& [tool, value] : item.links) {
      if (tool.value == s.source.value && value.value == s.key.value) {
        out.push_back(&s);
        break;
      }
    }
  }
  return out;
}

std::vector<SuccessStatus> evaluate_success(const Workspace& ws, const Item& item)
{
  std::vector<SuccessStatus> out;
  const std::vector<const Series*> linked = series_of_item(ws, item);
  for (const Success& x : item.success) {
    SuccessStatus& st = out.emplace_back();
    st.item = &item;
    st.metric = x.metric.value;
    st.target = x.target.value;
    for (const Series* s : linked) {
      if (!st.series && s->metric.value == st.metric) {
        st.series = s;
      }
    }
    for (const Series* s : linked) {
      if (!st.series && s->key.value == st.metric) {
        st.series = s;
      }
    }
    if (!st.series) {
      // Not linked: the one series of the workspace whose metric is the name (--metric NAME).
      std::vector<const Series*> named;
      for (const Series& s : ws.series) {
        if (s.metric.value == st.metric) {
          named.push_back(&s);
        }
      }
      if (named.size() == 1) {
        st.series = named[0];
      } else if (named.size() > 1) {
        st.note = fmt::format("{} series have the metric '{}'; link the item to one with links.{}", named.size(),
                              st.metric, named[0]->source.value);
      }
    }
    if (!st.series) {
      st.state = TargetState::no_data;
      if (!st.note.empty()) {
        continue;
      }
      bool usage_link = false;
      for (const auto& [tool, value] : item.links) {
        usage_link = usage_link || tool.value == "amplitude" || tool.value == "pendo";
      }
      if (linked.empty()) {
        st.note = usage_link ? "no imported series for the item's links" : "no links.amplitude or links.pendo";
      } else {
        std::vector<std::string> names;
        for (const Series* s : linked) {
          names.push_back(s->metric.set ? s->metric.value : s->key.value);
        }
        st.note = fmt::format("no linked series is '{}' (linked: {})", st.metric, join(names, ", "));
      }
      continue;
    }
    const auto& pts = st.series->points;
    if (pts.empty()) {
      st.note = "the series has no points";
      continue;
    }
    const SeriesPoint* latest = &pts[0];
    const SeriesPoint* first = &pts[0];
    for (const auto& p : pts) {
      if (p.date.value >= latest->date.value) {
        latest = &p;
      }
      if (p.date.value < first->date.value) {
        first = &p;
      }
    }
    st.date = latest->date.value;
    st.value = latest->value.value;
    st.shown = format_usage(*st.value, st.series->unit.value);
    st.baseline = first->value.value;
    // Trend: against the last point on or before 4 weeks before the latest, else the first point.
    const Date cut{latest->date.value.days - 28};
    const SeriesPoint* from = nullptr;
    for (const auto& p : pts) {
      if (p.date.value <= cut && (!from || p.date.value > from->date.value)) {
        from = &p;
      }
    }
    if (!from && first->date.value < latest->date.value) {
      from = first;
    }
    if (from) {
      st.trend_from = from->date.value;
      st.trend = latest->value.value - from->value.value;
    }
    auto t = parse_target(st.target);
    if (!t) {
      st.state = TargetState::unknown_target;
      st.note = x.target.set ? "write the target as '< 2%', '>= 500', '+10%' ..." : "the entry has no target";
      continue;
    }
    double v = *st.value;
    bool ok = false;
    if (t->op == Target::Op::rise || t->op == Target::Op::fall) {
      double change = v - *st.baseline;
      if (t->percent) {
        if (*st.baseline == 0) {
          st.state = TargetState::no_data;
          st.note = "the first point is 0: no relative change";
          continue;
        }
        change = change / std::fabs(*st.baseline) * 100;
      }
      ok = t->op == Target::Op::rise ? change >= t->number - 1e-9 : change <= -t->number + 1e-9;
    } else {
      if (t->percent && st.series->unit.value != "%") {
        v *= 100;  // a ratio (0.018) against a percentage (2%)
        st.shown = format_usage(v, "%");
      }
      switch (t->op) {
      case Target::Op::lt:
        ok = v < t->number && !same_number(v, t->number);
        break;
      case Target::Op::le:
        ok = v <= t->number || same_number(v, t->number);
        break;
      case Target::Op::gt:
        ok = v > t->number && !same_number(v, t->number);
        break;
      case Target::Op::ge:
        ok = v >= t->number || same_number(v, t->number);
        break;
      default:
        ok = same_number(v, t->number);
        break;
      }
    }
    st.state = ok ? TargetState::met : TargetState::not_met;
  }
  return out;
}

std::vector<SuccessStatus> evaluate_all(const Workspace& ws, const std::vector<std::string>& squads)
{
  std::vector<SuccessStatus> out;
  for (const Item& it : ws.items) {
    if (it.success.empty() || it.status.value == "dropped") {
      continue;
    }
    if (!squads.empty() && std::find(squads.begin(), squads.end(), it.squad.value) == squads.end()) {
      continue;
    }
    for (auto& s : evaluate_success(ws, it)) {
      out.push_back(std::move(s));
    }
  }
  return out;
}

}  // namespace pops
