#include "base/html.h"

#include <doctest/doctest.h>

#include <string>

using namespace pops;

namespace {

size_t count(const std::string& s, const std::string& what)
{
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) {
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("html escaping")
{
  CHECK(html_escape("<script>alert('x')</script> & \"q\"")
        == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  CHECK(html_escape("plain \xc3\xa9t\xc3\xa9") == "plain \xc3\xa9t\xc3\xa9");
  CHECK(html_escape("").empty());
}

TEST_CASE("svg bar chart: one bar per value, zero bars kept, scaled to the largest")
{
  BarChartStyle style;
  style.width = 300;
  style.height = 100;
  style.aria_label = "a <b>";
  const std::string svg = svg_bar_chart({{"2026-10", 2, ""}, {"2026-11", 0, ""}, {"<x>", 4, "tip & more"}}, style);
  CHECK(count(svg, "<rect class=\"bar\"") == 3);
  CHECK(svg.find("aria-label=\"a &lt;b&gt;\"") != std::string::npos);
  // The largest bar fills the plot (100 px from y 18), half of it is 50 px, zero is 0 px.
  CHECK(svg.find("y=\"18.0\" width=\"70.0\" height=\"100.0\"") != std::string::npos);
  CHECK(svg.find("y=\"68.0\" width=\"70.0\" height=\"50.0\"") != std::string::npos);
  CHECK(svg.find("height=\"0.0\"><title>2026-11: 0</title>") != std::string::npos);
  CHECK(svg.find("<title>tip &amp; more</title>") != std::string::npos);
  CHECK(svg.find(">&lt;x&gt;</text>") != std::string::npos);
  CHECK(svg.find("<script") == std::string::npos);
  // All zero: bars of no height, no division by zero.
  const std::string flat = svg_bar_chart({{"a", 0, ""}, {"b", 0, ""}}, style);
  CHECK(count(flat, "height=\"0.0\"") == 2);
  CHECK(flat.find("nan") == std::string::npos);
}

TEST_CASE("svg stacked bar: a segment per non-zero value, widths by share")
{
  const std::string svg =
    svg_stacked_bar({{"shipped", 3, "s-shipped"}, {"idea", 0, "s-idea"}, {"planned", 1, "s-planned"}}, 200, "status");
  CHECK(count(svg, "<rect class=\"seg") == 2);
  CHECK(svg.find("class=\"seg s-shipped\" x=\"0.0\" y=\"0\" width=\"150.0\"") != std::string::npos);
  CHECK(svg.find("class=\"seg s-planned\" x=\"150.0\" y=\"0\" width=\"50.0\"") != std::string::npos);
  CHECK(svg_stacked_bar({}, 100, "none").find("<rect") == std::string::npos);
}

TEST_CASE("html to markdown: paragraphs, lists, emphasis, links, entities")
{
  CHECK(html_to_markdown("plain text, no tags & all") == "plain text, no tags & all");
  CHECK(html_to_markdown("<p>Hold balances in <b>several</b> currencies.</p><p>Second&nbsp;one &amp; more</p>")
        == "Hold balances in **several** currencies.\n\nSecond one & more");
  CHECK(html_to_markdown("<p>One<br>two<br/>three</p>") == "One\ntwo\nthree");
  CHECK(html_to_markdown("<p>Goals:</p>\n<ul>\n  <li>EUR</li>\n  <li><em>USD</em></li>\n</ul><p>After</p>")
        == "Goals:\n\n- EUR\n- *USD*\n\nAfter");
  CHECK(html_to_markdown("<ol><li>first</li><li>second<ul><li>inner</li></ul></li><li>third</li></ol>")
        == "1. first\n2. second\n   - inner\n3. third");
  CHECK(html_to_markdown("<h2>Why</h2><p>See <a href=\"https://x.example/a?b=1&amp;c=2\">the spec</a>.</p>")
        == "## Why\n\nSee [the spec](https://x.example/a?b=1&c=2).");
  CHECK(html_to_markdown("<p>Use <code>pops check</code></p><pre>a  b\n  c</pre>")
        == "Use `pops check`\n\n```\na  b\n  c\n```");
  CHECK(html_to_markdown("<p>a<script>alert(1)</script>b<!-- note --></p><style>p{}</style>") == "ab");
  CHECK(html_to_markdown("<p>&#233;t&#xE9; &lt;tag&gt; &bogus;</p>") == "\xc3\xa9t\xc3\xa9 <tag> &bogus;");
  CHECK(html_to_markdown("<P CLASS='x'>Upper  case\n tags</P>") == "Upper case tags");
  CHECK(html_to_markdown("<blockquote><p>quoted</p></blockquote><p>after</p>") == "> quoted\n\nafter");
  CHECK(html_to_markdown("a < b and <3") == "a < b and <3");
}
