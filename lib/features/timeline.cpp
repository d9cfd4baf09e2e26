#include "features/timeline.h"

#include "base/text.h"
#include "workspace/diff.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace pops {

Timeline build_timeline(const std::vector<RoadmapColumn>& cols, const Metrics& m, TimelineGroup by, Date today)
{
  Timeline t;
  t.by = by;
  t.today = today;
  t.from = m.since ? *m.since : m.until;
  t.to = std::max(m.until, today);
  for (const auto& col : cols) {
    for (const Item* it : col.items) {
      if (is_dropped_status(it->status.value)) {
        continue;
      }
      const ItemFacts* f = facts_of(m, it->id.value);
      if (!f) {
        continue;
      }
      const bool shipped_in_window = f->shipped && m.since && *f->shipped >= *m.since && *f->shipped <= m.until;
      if (f->shipped && !shipped_in_window) {
        continue;  // shipped before the window: not on it
      }
      if (!f->first_target && !shipped_in_window) {
        continue;
      }
      TimelineBar b;
      b.id = it->id.value;
      b.title = it->title.value;
      b.group = by == TimelineGroup::squad ? it->squad.value : it->owner.value;
      b.status = it->status.value;
      b.started = f->started;
      b.planned = f->first_target;
      if (it->target.set) {
        b.target = it->target.value;
      }
      b.shipped = f->shipped;
      b.late_days = f->late_days;
      for (const auto& d : {b.started, b.planned, b.target, b.shipped}) {
        if (d) {
          t.from = std::min(t.from, *d);
          t.to = std::max(t.to, *d);
        }
      }
      if (std::find(t.groups.begin(), t.groups.end(), b.group) == t.groups.end()) {
        t.groups.push_back(b.group);
      }
      t.bars.push_back(std::move(b));
    }
  }
  std::stable_sort(t.bars.begin(), t.bars.end(), [&](const TimelineBar& a, const TimelineBar& b) {
    const auto ga = std::find(t.groups.begin(), t.groups.end(), a.group);
    const auto gb = std::find(t.groups.begin(), t.groups.end(), b.group);
    if (ga != gb) {
      return ga < gb;
    }
    const Date da = a.planned ? *a.planned : *a.shipped;
    const Date db = b.planned ? *b.planned : *b.shipped;
    if (da != db) {
      return da < db;
    }
    return natural_less(a.id, b.id);
  });
  return t;
}

namespace {

const char* const k_months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string late_text(const TimelineBar& b)
{
  if (!b.late_days) {
    return {};
  }
  if (*b.late_days == 0) {
    return "on time";
  }
  return *b.late_days > 0 ? fmt::format("+{}d", *b.late_days) : fmt::format("{}d", *b.late_days);
}

}  // namespace

std::string render_timeline_text(const Timeline& t, int width)
{
  const std::string by = t.by == TimelineGroup::squad ? "squad" : "owner";
  std::string o = fmt::format("Timeline {} to {} by {}\n", format_date(t.from), format_date(t.to), by);
  if (t.bars.empty()) {
    return o + "No item has a committed target or shipped in the window.\n";
  }
  width = std::max(width, 40);
  const int label_w = std::clamp(width / 4, 12, 32);
  int info_w = 30;  // "2026-10-01 -> 2026-10-15 +14d"
  int lane_w = width - 2 - label_w - 1 - 1 - info_w;
  if (lane_w < 16) {
    info_w = 8;  // the lateness only
    lane_w = std::max(10, width - 2 - label_w - 2 - info_w);
  }
  const int span = std::max(1, t.to.days - t.from.days);
  auto col = [&](Date d) {
    return std::clamp(static_cast<int>(static_cast<long>(d.days - t.from.days) * (lane_w - 1) / span), 0, lane_w - 1);
  };
  // The month marks.
  std::string marks(static_cast<size_t>(lane_w), ' ');
  int y = 0, mo = 0, day = 0;
  split_date(t.from, y, mo, day);
  for (Date d = day == 1 ? t.from : add_months(make_date(y, mo, 1), 1); d <= t.to; d = add_months(d, 1)) {
    split_date(d, y, mo, day);
    const auto c = static_cast<size_t>(col(d));
    const std::string name = k_months[mo - 1];
    if (c + name.size() <= marks.size()
        && marks.substr(c > 0 ? c - 1 : 0, name.size() + 1).find_first_not_of(' ') == std::string::npos) {
      marks.replace(c, name.size(), name);
    }
  }
  std::string head = std::string(static_cast<size_t>(2 + label_w + 1), ' ') + marks;
  while (!head.empty() && head.back() == ' ') {
    head.pop_back();
  }
  o += head + "\n";
  std::string group;
  bool first = true;
  for (const auto& b : t.bars) {
    if (first || b.group != group) {
      group = b.group;
      first = false;
      o += printable(group.empty() ? "(no " + by + ")" : group) + "\n";
    }
    std::string lane(static_cast<size_t>(lane_w), ' ');
    if (t.today >= t.from && t.today <= t.to) {
      lane[static_cast<size_t>(col(t.today))] = '|';
    }
    if (b.started) {
      const Date end = b.shipped ? *b.shipped : t.today;
      for (int c = col(*b.started); c <= col(std::max(end, *b.started)); ++c) {
        lane[static_cast<size_t>(c)] = '-';
      }
    }
    if (b.planned) {
      lane[static_cast<size_t>(col(*b.planned))] = 'o';
    }
    if (b.shipped) {
      const auto c = static_cast<size_t>(col(*b.shipped));
      lane[c] = b.planned && col(*b.planned) == col(*b.shipped) ? '@' : '*';
    }
    std::string info;
    if (info_w >= 30) {
      info = fmt::format("{} -> {}", b.planned ? format_date(*b.planned) : std::string("(none)"),
                         b.shipped ? format_date(*b.shipped) : std::string("open"));
      if (const std::string l = late_text(b); !l.empty()) {
        info += " " + l;
      }
    } else {
      info = !b.shipped ? std::string("open") : b.late_days ? late_text(b) : std::string("shipped");
    }
    std::string line = "  " + pad_width(printable(b.id + " " + b.title), label_w, "...") + " " + lane + " " + info;
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    o += line + "\n";
  }
  return o + "o first target * shipped @ both - in progress | today\n";
}

std::string render_timeline_json(const Timeline& t)
{
  using Json = nlohmann::ordered_json;
  auto date = [](const std::optional<Date>& d) { return d ? Json(format_date(*d)) : Json(nullptr); };
  Json j;
  j["version"] = 1;
  j["by"] = t.by == TimelineGroup::squad ? "squad" : "owner";
  j["from"] = format_date(t.from);
  j["to"] = format_date(t.to);
  j["today"] = format_date(t.today);
  j["items"] = Json::array();
  for (const auto& b : t.bars) {
    Json i;
    i["id"] = b.id;
    i["title"] = b.title;
    i["group"] = b.group;
    i["status"] = b.status;
    i["started"] = date(b.started);
    i["planned"] = date(b.planned);
    i["target"] = date(b.target);
    i["shipped"] = date(b.shipped);
    i["late_days"] = b.late_days ? Json(*b.late_days) : Json(nullptr);
    j["items"].push_back(std::move(i));
  }
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace pops
