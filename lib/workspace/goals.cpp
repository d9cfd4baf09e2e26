#include "workspace/goals.h"

#include "base/text.h"

#include <fmt/format.h>

#include <algorithm>

namespace pops {

namespace {

double clamp01(double v)
{
  return std::clamp(v, 0.0, 1.0);
}

/// (value - baseline) / (target - baseline), in [0, 1].
double between(double value, double baseline, double target)
{
  return clamp01((value - baseline) / (target - baseline));
}

std::string num(double v)
{
  return number_short(v, 2);
}

void measure_series(const Workspace& ws, const ObjectiveProgress& o, KeyResultProgress& k)
{
  const KeyResult& kr = *k.kr;
  const std::string name = kr.series_source.value + ":" + kr.series_key.value;
  k.series = series_of_key_result(ws, kr);
  if (!k.series) {
    k.explain = fmt::format("series {}: not in metrics/; no progress", name);
    return;
  }
  const SeriesPoint* latest = nullptr;
  const SeriesPoint* at_start = nullptr;
  for (const auto& p : k.series->points) {
    if (!p.date.set || !p.value.set) {
      continue;
    }
    if (!latest || p.date.value >= latest->date.value) {
      latest = &p;
    }
    if (p.date.value <= o.start && (!at_start || p.date.value >= at_start->date.value)) {
      at_start = &p;
    }
  }
  if (at_start) {
    k.start_value = at_start->value.value;
  }
  if (!latest) {
    k.explain = fmt::format("series {}: no points yet; no progress", name);
    return;
  }
  if (!kr.baseline.set || !kr.target.set) {
    k.explain = fmt::format("series {}: latest {} on {}; no baseline and target to measure it against", name,
                            num(latest->value.value), format_date(latest->date.value));
    return;
  }
  k.date = latest->date.value;
  k.value = latest->value.value;
  const double b = kr.baseline.value;
  const double t = kr.target.value;
  k.progress = between(*k.value, b, t);
  k.explain = fmt::format("series {}: latest {} on {}; ({} - {}) / ({} - {}) = {}", name, num(*k.value),
                          format_date(*k.date), num(*k.value), num(b), num(t), num(b), num(*k.progress));
  if ((*k.value - b) / (t - b) != *k.progress) {
    k.explain += " (kept within 0 and 1)";
  }
}

void measure_items(const Workspace& ws, KeyResultProgress& k)
{
  const std::string& id = k.kr->id.value;
  for (const auto& it : ws.items) {
    if (std::any_of(it.key_results.begin(), it.key_results.end(), [&](const LStr& s) { return s.value == id; })) {
      k.items.push_back(&it);
    }
  }
  const ItemsProgress p = items_progress(k.items, "lists it in key_results");
  k.progress = p.progress;
  k.by_effort = p.by_effort;
  k.done = p.done;
  k.total = p.total;
  k.explain = p.explain;
}

}  // namespace

ItemsProgress items_progress(const std::vector<const Item*>& items, std::string_view linked_by)
{
  ItemsProgress k;
  std::vector<const Item*> counted;
  for (const Item* it : items) {
    if (!is_dropped_status(it->status.value)) {
      counted.push_back(it);
    }
  }
  if (counted.empty()) {
    k.explain = items.empty() ? fmt::format("items: none {}; no progress", linked_by)
                              : std::string("items: every item listing it is dropped; no progress");
    return k;
  }
  // Weighted by effort when every counted item has one, and they do not all weigh nothing.
  double effort = 0;
  k.by_effort = std::all_of(counted.begin(), counted.end(), [&](const Item* it) {
    const auto e = effort_of(*it);
    effort += e.value_or(0);
    return e.has_value() && *e >= 0;
  });
  k.by_effort = k.by_effort && effort > 0;
  std::vector<std::string> done_terms, all_terms, shipped_ids;
  double done = 0;
  double total = 0;
  for (const Item* it : counted) {
    const double w = k.by_effort ? *effort_of(*it) : 1.0;
    total += w;
    all_terms.push_back(num(w));
    if (is_shipped_status(it->status.value)) {
      done += w;
      done_terms.push_back(num(w));
      shipped_ids.push_back(it->id.value);
    }
  }
  k.done = done;
  k.total = total;
  k.progress = clamp01(done / total);
  std::string ids = shipped_ids.empty() ? "none" : join(shipped_ids, ", ");
  if (k.by_effort) {
    k.explain = fmt::format("items: {} of {} shipped ({}), weighted by effort: ({}) / ({}) = {}", shipped_ids.size(),
                            counted.size(), ids, done_terms.empty() ? "0" : join(done_terms, " + "),
                            join(all_terms, " + "), num(*k.progress));
  } else {
    std::vector<std::string> missing;
    for (const Item* it : counted) {
      if (!effort_of(*it)) {
        missing.push_back(it->id.value);
      }
    }
    k.explain = fmt::format("items: {} of {} shipped ({}), counted: {} / {} = {}", shipped_ids.size(), counted.size(),
                            ids, num(done), num(total), num(*k.progress));
    if (!missing.empty()) {
      k.explain += fmt::format(" (no effort on {})", join(missing, ", "));
    }
  }
  if (counted.size() < items.size()) {
    k.explain += fmt::format("; {} dropped left out", items.size() - counted.size());
  }
  return k;
}

bool quarter_bounds(const std::string& quarter, Date& start, Date& end)
{
  if (!is_quarter(quarter)) {
    return false;
  }
  const int year = std::stoi(quarter.substr(0, 4));
  const int q = quarter[6] - '0';
  start = make_date(year, (q - 1) * 3 + 1, 1);
  end = Date{add_months(start, 3).days - 1};
  return true;
}

std::optional<double> effort_of(const Item& it)
{
  for (const auto& [name, value] : it.score) {
    if (name.value == "effort" && value.set) {
      return value.value;
    }
  }
  return std::nullopt;
}

const Series* series_of_key_result(const Workspace& ws, const KeyResult& kr)
{
  const Series* first = nullptr;
  for (const auto& s : ws.series) {
    if (s.source.value == kr.series_source.value && s.key.value == kr.series_key.value) {
      if (kr.metric.set && s.metric.value == kr.metric.value) {
        return &s;
      }
      if (!first) {
        first = &s;
      }
    }
  }
  return first;
}

std::optional<double> progress_at_start(const KeyResultProgress& k)
{
  if (k.by_series) {
    if (!k.kr->baseline.set || !k.kr->target.set) {
      return std::nullopt;
    }
    return between(k.start_value.value_or(k.kr->baseline.value), k.kr->baseline.value, k.kr->target.value);
  }
  return k.progress ? std::optional<double>(0.0) : std::nullopt;
}

std::vector<ObjectiveProgress> compute_goals(const Workspace& ws, const std::string& period)
{
  std::vector<ObjectiveProgress> out;
  for (const auto& o : ws.config.objectives) {
    if (!period.empty() && o.period.value != period) {
      continue;
    }
    ObjectiveProgress op;
    op.objective = &o;
    quarter_bounds(o.period.value, op.start, op.end);
    std::vector<std::string> terms;
    double sum = 0;
    for (const auto& kr : o.key_results) {
      KeyResultProgress k;
      k.objective = &o;
      k.kr = &kr;
      k.by_series = kr.series_source.set;
      if (k.by_series) {
        measure_series(ws, op, k);
      } else {
        measure_items(ws, k);
      }
      if (k.progress) {
        sum += *k.progress;
        terms.push_back(num(*k.progress));
      }
      op.key_results.push_back(std::move(k));
    }
    if (!terms.empty()) {
      op.progress = sum / static_cast<double>(terms.size());
      op.explain = terms.size() == 1 ? fmt::format("its one measured key result: {}", terms[0])
                                     : fmt::format("mean of {} key results: ({}) / {} = {}", terms.size(),
                                                   join(terms, " + "), terms.size(), num(*op.progress));
      if (terms.size() < op.key_results.size()) {
        op.explain += fmt::format("; {} without progress left out", op.key_results.size() - terms.size());
      }
    } else {
      op.explain = op.key_results.empty() ? "no key results" : "no key result has progress yet";
    }
    out.push_back(std::move(op));
  }
  return out;
}

}  // namespace pops
