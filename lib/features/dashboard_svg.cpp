// The SVG charts of pops report drawn for the dashboard: line charts of the trends and the timeline.

#include "features/dashboard_parts.h"

#include "base/html.h"
#include "base/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace pops::dash {

namespace {

const char* const k_month_names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/// The opening of an accessible chart: role img, named by its <title>, described by its <desc>.
std::string svg_open(const std::string& cls, int w, int h, const std::string& title, const std::string& desc)
{
  return fmt::format("<svg class=\"{}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" "
                     "viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">\n<title>{}</title>\n<desc>{}</desc>\n",
                     cls, w, h, w, h, html_escape(title), html_escape(title), html_escape(desc));
}

}  // namespace

std::string svg_line_chart(const std::vector<std::string>& labels, const std::vector<LineSeries>& series,
                           const LineChartStyle& style)
{
  const int left = 34, right = 8, top = series.size() > 1 ? 22 : 10, bottom = 20;
  const int h = style.height;
  const int total_h = top + h + bottom;
  const int plot_w = style.width - left - right;
  double max = style.max.value_or(0);
  if (!style.max) {
    for (const auto& s : series) {
      for (const auto& v : s.values) {
        max = std::max(max, v.value_or(0));
      }
    }
  }
  if (max <= 0) {
    max = 1;
  }
  if (!style.max) {
    // Up to a round value (2, 3, 4, 5, 6, 8 or 10 times a power of ten), halved by the middle grid line.
    const double p = std::pow(10.0, std::floor(std::log10(max)));
    for (double k : {1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0}) {
      if (max <= k * p) {
        max = k * p;
        break;
      }
    }
  }
  const double n = static_cast<double>(std::max<size_t>(labels.size(), 1));
  const double slot = plot_w / n;
  auto x_of = [&](size_t i) { return left + slot * (static_cast<double>(i) + 0.5); };
  auto y_of = [&](double v) { return top + h - std::max(0.0, v) / max * h; };
  std::string o = svg_open("chart line", style.width, total_h, style.title, style.desc);
  for (int g = 0; g <= 2; ++g) {
    const double v = max * g / 2;
    o += fmt::format("<line class=\"grid\" x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\"/>"
                     "<text class=\"label\" x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n",
                     left, y_of(v), style.width - right, y_of(v), left - 4, y_of(v) + 4, number_short(v, 1));
  }
  for (size_t i = 0; i < labels.size(); ++i) {
    o += fmt::format("<text class=\"label\" x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", x_of(i),
                     top + h + 14, html_escape(labels[i]));
  }
  double legend_x = left;
  for (const auto& s : series) {
    // The line, broken where a value is missing.
    std::string path;
    bool pen = false;
    for (size_t i = 0; i < s.values.size() && i < labels.size(); ++i) {
      if (!s.values[i]) {
        pen = false;
        continue;
      }
      path += fmt::format("{}{:.1f},{:.1f} ", pen ? "L" : "M", x_of(i), y_of(*s.values[i]));
      pen = true;
    }
    if (!path.empty()) {
      o += fmt::format("<path class=\"{}\" d=\"{}\"/>\n", html_escape(s.css_class), path.substr(0, path.size() - 1));
    }
    for (size_t i = 0; i < s.values.size() && i < labels.size(); ++i) {
      if (s.values[i]) {
        o +=
          fmt::format("<circle class=\"{}\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\"><title>{} {}: {}{}</title></circle>\n",
                      html_escape(s.css_class), x_of(i), y_of(*s.values[i]), html_escape(s.name),
                      html_escape(labels[i]), number_short(*s.values[i], 1),
                      style.unit.empty() ? "" : (style.unit == "%" ? "%" : " " + html_escape(style.unit)));
      }
    }
    if (series.size() > 1) {
      o += fmt::format("<line class=\"{}\" x1=\"{:.0f}\" y1=\"8\" x2=\"{:.0f}\" y2=\"8\"/><text class=\"label\" "
                       "x=\"{:.0f}\" y=\"12\">{}</text>\n",
                       html_escape(s.css_class), legend_x, legend_x + 16, legend_x + 20, html_escape(s.name));
      legend_x += 28 + 7.0 * static_cast<double>(s.name.size());
    }
  }
  o += fmt::format("<line class=\"axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n</svg>\n", left, top + h,
                   style.width - right, top + h);
  return o;
}

std::string svg_timeline(const Timeline& t, int width)
{
  const int label_w = 220, right = 12, row_h = 20, axis_h = 20;
  const int lane_w = width - label_w - right;
  int rows = 0;
  for (size_t i = 0; i < t.bars.size(); ++i) {
    rows += (i == 0 || t.bars[i].group != t.bars[i - 1].group) ? 2 : 1;
  }
  const int height = axis_h + rows * row_h + 6;
  const int span = std::max(1, t.to.days - t.from.days);
  auto x_of = [&](Date d) { return label_w + static_cast<double>(d.days - t.from.days) / span * lane_w; };
  std::string o = svg_open(
    "timeline", width, height,
    fmt::format("Timeline {} to {}: first committed target against ship day", format_date(t.from), format_date(t.to)),
    "Per item a bar from its first day in progress to its ship day (or today), a hollow "
    "diamond on its first committed target and a dot on its ship day; a line marks today.");
  // The month axis.
  int y = 0, mo = 0, day = 0;
  split_date(t.from, y, mo, day);
  for (Date d = day == 1 ? t.from : add_months(make_date(y, mo, 1), 1); d <= t.to; d = add_months(d, 1)) {
    split_date(d, y, mo, day);
    o += fmt::format("<line class=\"grid\" x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\"/><text class=\"label\" "
                     "x=\"{3:.1f}\" y=\"14\">{4}{5}</text>\n",
                     x_of(d), axis_h - 4, height, x_of(d) + 3, k_month_names[mo - 1],
                     mo == 1 ? fmt::format(" {}", y) : std::string());
  }
  int row = 0;
  for (size_t i = 0; i < t.bars.size(); ++i) {
    const TimelineBar& b = t.bars[i];
    if (i == 0 || b.group != t.bars[i - 1].group) {
      const double gy = axis_h + row * row_h + 14;
      o += fmt::format("<text class=\"group\" x=\"0\" y=\"{:.0f}\">{}</text>\n", gy,
                       html_escape(b.group.empty() ? std::string("(none)") : b.group));
      ++row;
    }
    const double cy = axis_h + row * row_h + row_h / 2.0;
    std::string what = fmt::format("{} {}: first committed target {}, {}", b.id, b.title,
                                   b.planned ? format_date(*b.planned) : std::string("none"),
                                   b.shipped ? "shipped " + format_date(*b.shipped) : std::string("not shipped"));
    if (b.late_days) {
      what += *b.late_days == 0
                ? ", on time"
                : fmt::format(", {} days {}", std::abs(*b.late_days), *b.late_days > 0 ? "late" : "early");
    }
    o += fmt::format("<g class=\"row\" data-id=\"{}\"><title>{}</title>\n", html_escape(b.id), html_escape(what));
    o += fmt::format("<text class=\"label\" x=\"8\" y=\"{:.0f}\">{}</text>\n", cy + 4,
                     html_escape(truncate_width(b.id + " " + b.title, 34)));
    if (b.started) {
      const Date end = std::max(b.shipped ? *b.shipped : t.today, *b.started);
      o += fmt::format("<rect class=\"span{}\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"8\"/>\n",
                       b.shipped ? "" : " open", x_of(*b.started), cy - 4, std::max(1.0, x_of(end) - x_of(*b.started)));
    }
    if (b.planned) {
      const double px = x_of(*b.planned);
      o += fmt::format("<path class=\"planned\" data-date=\"{}\" d=\"M{:.1f},{:.1f} l5,5 l-5,5 l-5,-5 z\"/>\n",
                       format_date(*b.planned), px, cy - 5);
    }
    if (b.shipped) {
      o += fmt::format("<circle class=\"shipped{}\" data-date=\"{}\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\"/>\n",
                       b.late_days && *b.late_days > 0 ? " late" : "", format_date(*b.shipped), x_of(*b.shipped), cy);
    }
    o += "</g>\n";
    ++row;
  }
  if (t.today >= t.from && t.today <= t.to) {
    o += fmt::format("<line class=\"today\" x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\"/>\n", x_of(t.today),
                     axis_h - 4, height);
  }
  o += "</svg>\n";
  return o;
}

}  // namespace pops::dash
