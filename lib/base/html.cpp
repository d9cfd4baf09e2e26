#include "base/html.h"
#include "base/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace pops {

std::string html_escape(std::string_view s)
{
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string svg_bar_chart(const std::vector<Bar>& bars, const BarChartStyle& style)
{
  const int top = 18;     // room for the values
  const int bottom = 20;  // room for the labels
  const int h = style.height;
  const int total_h = top + h + bottom;
  double max = 0;
  for (const auto& b : bars) {
    max = std::max(max, b.value);
  }
  const double n = static_cast<double>(std::max<size_t>(bars.size(), 1));
  const double slot = style.width / n;
  const double bar_w = std::max(2.0, slot * 0.7);
  std::string out = fmt::format(
    "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" "
    "role=\"img\" aria-label=\"{}\">\n",
    style.width, total_h, style.width, total_h, html_escape(style.aria_label));
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    const double v = std::max(0.0, b.value);
    const double bh = max > 0 ? v / max * h : 0;
    const double x = slot * static_cast<double>(i) + (slot - bar_w) / 2;
    const double y = top + h - bh;
    const std::string tip =
      b.tip.empty() ? fmt::format("{}: {}{}", b.label, number_short(v, 1), style.unit.empty() ? "" : " " + style.unit) : b.tip;
    out += fmt::format("<rect class=\"bar\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\">"
                       "<title>{}</title></rect>\n",
                       x, y, bar_w, bh, html_escape(tip));
    out += fmt::format("<text class=\"value\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n",
                       x + bar_w / 2, y - 4, number_short(v, 1));
    out += fmt::format("<text class=\"label\" x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", x + bar_w / 2,
                       top + h + 14, html_escape(b.label));
  }
  out += fmt::format("<line class=\"axis\" x1=\"0\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n", top + h, style.width, top + h);
  out += "</svg>\n";
  return out;
}

std::string svg_stacked_bar(const std::vector<Segment>& segments, int width, const std::string& aria_label)
{
  double total = 0;
  for (const auto& s : segments) {
    total += std::max(0.0, s.value);
  }
  const int h = 18;
  std::string out = fmt::format("<svg class=\"stack\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" "
                                "viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">\n",
                                width, h, width, h, html_escape(aria_label));
  double x = 0;
  for (const auto& s : segments) {
    if (s.value <= 0 || total <= 0) {
      continue;
    }
    const double w = s.value / total * width;
    out += fmt::format("<rect class=\"seg {}\" x=\"{:.1f}\" y=\"0\" width=\"{:.1f}\" height=\"{}\"><title>{}: {}</title>"
                       "</rect>\n",
                       html_escape(s.css_class), x, w, h, html_escape(s.label), number_short(s.value, 1));
    x += w;
  }
  out += "</svg>\n";
  return out;
}

} // namespace pops
