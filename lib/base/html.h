#pragma once
// HTML and SVG for pops report: escaping of workspace text, and bar charts drawn as inline SVG (no
// scripts, no fonts, nothing fetched).

#include <string>
#include <string_view>
#include <vector>

namespace pops {

/// `s` with & < > " ' escaped, safe in element content and in quoted attribute values.
std::string html_escape(std::string_view s);

/// HTML (as Productboard exports descriptions: `<p>`, `<br>`, `<ul>`/`<ol>`/`<li>`, `<b>`/`<strong>`,
/// `<i>`/`<em>`, `<code>`, `<pre>`, `<a href>`, `<h1>`...`<h6>`, `<blockquote>`) as Markdown text:
/// paragraphs separated by a blank line, lists as `- ` and `1. `, emphasis, code and links in Markdown
/// syntax, entities decoded, whitespace collapsed as a browser does (kept inside `<pre>`), other tags
/// dropped with their text kept, `<script>` and `<style>` dropped with their content. Text that
/// holds no tag is returned as it is.
std::string html_to_markdown(std::string_view html);

struct Bar {
  std::string label;  ///< under the bar
  double value = 0;
  std::string tip;  ///< tooltip (<title>); the label and value when empty
};

struct BarChartStyle {
  int width = 360;         ///< of the whole chart, in px
  int height = 160;        ///< of the plot area
  std::string unit;        ///< after values in tooltips, e.g. "items"
  std::string aria_label;  ///< what the chart shows, for screen readers
};

/// A vertical bar chart (`<svg class="chart" role="img">` named by `aria_label` and a `<title>`): one
/// `<rect class="bar">` per bar (also for a value of 0, drawn with no height), the value above each
/// bar, labels under them, a baseline. Values below 0 are drawn as 0.
std::string svg_bar_chart(const std::vector<Bar>& bars, const BarChartStyle& style);

struct Segment {
  std::string label;
  double value = 0;
  std::string css_class;  ///< e.g. "s-in-progress"
};

/// A horizontal stacked bar (`<rect class="seg ...">` per non-zero segment) of `width` px, named by
/// `aria_label` and a `<title>`.
std::string svg_stacked_bar(const std::vector<Segment>& segments, int width, const std::string& aria_label);

}  // namespace pops
