#include "base/markdown.h"

#include <doctest/doctest.h>

#include <string>

using namespace pops;

TEST_CASE("markdown: HTML never gets through")
{
  CHECK(markdown_text("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;");
  CHECK(markdown_text("<b>bold</b> & co") == "&lt;b&gt;bold&lt;/b&gt; &amp; co");
  CHECK(markdown_text("&amp;") == "&amp;amp;");
  CHECK(markdown_cell("<script>") == "&lt;script&gt;");
}

TEST_CASE("markdown: emphasis, code, links and table columns are escaped")
{
  CHECK(markdown_text("*b* _i_ `c`") == "\\*b\\* \\_i\\_ \\`c\\`");
  CHECK(markdown_text("[x](http://evil)") == "\\[x\\](http://evil)");
  CHECK(markdown_text("![i](x)") == "!\\[i\\](x)");
  CHECK(markdown_text("a | b") == "a \\| b");
  CHECK(markdown_text("back\\slash") == "back\\\\slash");
  CHECK(markdown_text("<img src=x onerror=alert(1)> *b* | x") == "&lt;img src=x onerror=alert(1)&gt; \\*b\\* \\| x");
}

TEST_CASE("markdown: a text cannot start a block")
{
  CHECK(markdown_text("# Heading") == "\\# Heading");
  CHECK(markdown_text("- item") == "\\- item");
  CHECK(markdown_text("+ item") == "\\+ item");
  CHECK(markdown_text("> quote") == "&gt; quote");
  CHECK(markdown_text("12. point") == "12\\. point");
  CHECK(markdown_text("3) point") == "3\\) point");
  CHECK(markdown_text("  # indented") == "  \\# indented");
  // Only at the start: inside, these are plain text.
  CHECK(markdown_text("PAY-1 #2 a+b 1.5") == "PAY-1 #2 a+b 1.5");
  CHECK(markdown_text("2026") == "2026");
  // A table cell never starts a block: a negative figure stays as it is.
  CHECK(markdown_cell("-3") == "-3");
  CHECK(markdown_cell("# x") == "# x");
  CHECK(markdown_cell("1. x") == "1. x");
}

TEST_CASE("markdown: one line, control characters shown")
{
  CHECK(markdown_text("a\nb\r\nc\rd") == "a b c d");
  CHECK(markdown_cell("line\n- two") == "line - two");
  CHECK(markdown_text(std::string("nul\0x", 5)) == "nul?x");
  CHECK(markdown_text("plain words, caf\xc3\xa9") == "plain words, caf\xc3\xa9");
  CHECK(markdown_text("") == "");
}

TEST_CASE("markdown: code spans hold any backticks")
{
  CHECK(markdown_code("reach * impact") == "`reach * impact`");
  CHECK(markdown_code("a ` b") == "``a ` b``");
  CHECK(markdown_code("`x``") == "``` `x`` ```");
  CHECK(markdown_code("<b>\nx") == "`<b> x`");
}
