#include "base/text.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace pops;

TEST_CASE("edit distance counts transpositions as one edit")
{
  CHECK(edit_distance("status", "status") == 0);
  CHECK(edit_distance("stauts", "status") == 1);
  CHECK(edit_distance("in-progres", "in-progress") == 1);
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("did you mean suggests only close words")
{
  std::vector<std::string> statuses{"idea", "discovery", "planned", "in-progress", "shipped", "dropped"};
  CHECK(did_you_mean("in-progres", statuses) == " (did you mean 'in-progress'?)");
  CHECK(did_you_mean("SHIPPED", statuses) == " (did you mean 'shipped'?)");
  CHECK(did_you_mean("banana", statuses).empty());
  CHECK(did_you_mean("x", statuses).empty());
}

TEST_CASE("terminal text shows every C0 control but tab and line feed as '?'")
{
  CHECK(terminal_text("a\tb\nc") == "a\tb\nc");
  CHECK(terminal_text("bell\a") == "bell?");
  CHECK(terminal_text("\x1b]0;x\a") == "?]0;x?");
  CHECK(terminal_text("\x1b[2J") == "?[2J");
  CHECK(terminal_text("cr\rback\bspace") == "cr?back?space");
  CHECK(terminal_text(std::string("nul\0end", 7)) == "nul?end");
  CHECK(terminal_text("\x01\x1f") == "??");
}

TEST_CASE("terminal text shows DEL and the C1 controls as '?'")
{
  CHECK(terminal_text("del\x7f") == "del?");
  CHECK(terminal_text("\xc2\x9b"
                      "2J")
        == "?2J");  // CSI as one character
  CHECK(terminal_text("\xc2\x80\xc2\x9f") == "??");
  CHECK(terminal_text("\xc2\xa0\xc2\xa9") == "\xc2\xa0\xc2\xa9");  // U+00A0, U+00A9 are not controls
}

TEST_CASE("terminal text shows the bidirectional override and isolate controls as '?'")
{
  CHECK(terminal_text("a\u202Eb") == "a?b");
  CHECK(terminal_text("\u202A\u202B\u202C\u202D") == "????");
  CHECK(terminal_text("\u2066\u2067\u2068\u2069") == "????");
  CHECK(terminal_text("\u2029\u202F\u2065\u206A") == "\u2029\u202F\u2065\u206A");  // the neighbours stay
}

TEST_CASE("terminal text keeps multibyte text and replaces invalid UTF-8")
{
  CHECK(terminal_text("Zahlungsübersicht — 支払い 🚀") == "Zahlungsübersicht — 支払い 🚀");
  CHECK(terminal_text("bad \xff byte") == "bad \xEF\xBF\xBD byte");
  CHECK(terminal_text("\xc2") == "\xEF\xBF\xBD");                  // cut C1 lead byte
  CHECK(terminal_text("\xe2\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // cut U+202E
  CHECK(terminal_text("\xc0\x9b") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong, not a C1
}

TEST_CASE("printable is terminal text on one line")
{
  CHECK(printable("a\nb\tc\x1b[2J\u202E") == "a?b\tc?[2J?");
}

TEST_CASE("json escapes DEL, C1 and the bidirectional controls and nothing else")
{
  CHECK(json_escape_controls("{\n  \"t\": \"a\x7f\xc2\x9b\u202E\u2066b\\u001b\"\n}\n")
        == "{\n  \"t\": \"a\\u007f\\u009b\\u202e\\u2066b\\u001b\"\n}\n");
  CHECK(json_escape_controls("[\"Zahlungsübersicht 支払い 🚀\"]") == "[\"Zahlungsübersicht 支払い 🚀\"]");
}

TEST_CASE("one number formatter: exact for files, short for people")
{
  CHECK(number_exact(4000) == "4000");
  CHECK(number_exact(0.8) == "0.8");
  CHECK(number_exact(-0.0) == "0");
  CHECK(number_exact(1e20) == "1e+20");
  CHECK(std::stod(number_exact(0.1 + 0.2)) == 0.1 + 0.2);
  CHECK(number_short(2.5, 2) == "2.5");
  CHECK(number_short(3.0, 2) == "3");
  CHECK(number_short(2.004, 2) == "2");
  CHECK(number_short(-0.001, 2) == "0");
  CHECK(number_short(1234.56, 1) == "1234.6");
}

TEST_CASE("fit_line cuts a line to a width with an ellipsis, keeping every colour code")
{
  CHECK(fit_line("short", 10) == "short");
  CHECK(fit_line("exactly10!", 10) == "exactly10!");
  CHECK(fit_line("one two three four", 10) == "one two t\u2026");
  CHECK(line_width(fit_line("one two three four", 10)) == 10);
  CHECK(fit_line("abc  defgh", 6) == "abc\u2026");  // no spaces before the ellipsis
  // Wide characters count two columns and are never cut in two.
  CHECK(fit_line("\u65e5\u672c\u8a9e\u306e\u6587", 6) == "\u65e5\u672c\u2026");
  // Colour codes count nothing; those after the cut stay, so the colour is reset.
  const std::string painted = "\033[33mabcdefgh\033[0m tail";
  CHECK(line_width(painted) == 13);
  CHECK(fit_line(painted, 5) == "\033[33mabcd\u2026\033[0m");
  CHECK(fit_line("anything", 0) == "anything");
}

TEST_CASE("wrap_line wraps prose under its first line's text")
{
  using V = std::vector<std::string>;
  CHECK(wrap_line("fits", 10) == V{"fits"});
  CHECK(wrap_line("the quick brown fox jumps", 10) == V{"the quick", "brown fox", "jumps"});
  CHECK(wrap_line("- a list item that wraps", 12) == V{"- a list", "  item that", "  wraps"});
  CHECK(wrap_line("  12. numbered and long", 14) == V{"  12. numbered", "      and long"});
  // Spaces inside a line stay as written; at a break they go.
  CHECK(wrap_line("FB-1     2026  Globex said so", 20) == V{"FB-1     2026", "Globex said so"});
  // Table rows and words longer than the room come back whole.
  CHECK(wrap_line("| a | b | c | d | e |", 8) == V{"| a | b | c | d | e |"});
  CHECK(wrap_line("supercalifragilistic", 8) == V{"supercalifragilistic"});
  for (const auto& l : wrap_line("Support agents refund a full or partial payment from the admin console", 30)) {
    CHECK(line_width(l) <= 30);
  }
}

TEST_CASE("display width: East Asian wide characters and emoji take two columns")
{
  CHECK(display_width("abc") == 3);
  CHECK(display_width("\u65e5\u672c\u8a9e") == 6);  // 日本語
  CHECK(display_width("\ud55c\uad6d\uc5b4") == 6);  // 한국어 (Hangul syllables)
  CHECK(display_width("\uff21\uff22") == 4);        // full-width Ａ Ｂ
  CHECK(display_width("\xf0\x9f\x98\x80") == 2);    // 😀 U+1F600
  CHECK(display_width("\xf0\x9f\x9a\x80") == 2);    // 🚀 U+1F680
  CHECK(display_width("\u2705") == 2);              // ✅ emoji presentation
  CHECK(display_width("\u00e9t\u00e9") == 3);       // été, precomposed
  CHECK(display_width("\xf0\xa0\x80\x80") == 2);    // U+20000, CJK extension B
}

TEST_CASE("display width: combining marks, zero-width and control characters take none")
{
  CHECK(display_width("e\u0301") == 1);                   // e + combining acute
  CHECK(display_width("a\u0308\u0323") == 1);             // two marks on one letter
  CHECK(display_width("a\u200bb") == 2);                  // zero-width space
  CHECK(display_width("a\u200db") == 2);                  // zero-width joiner
  CHECK(display_width("\u2764\ufe0f") == 1);              // variation selector adds nothing
  CHECK(display_width(std::string("a\tb\x01", 4)) == 2);  // C0 controls
  CHECK(display_width("a\u0085b") == 2);                  // C1 control NEL
  CHECK(display_width("\xff") == 1);                      // an invalid byte: one column
  CHECK(display_width("\xe6\x97") == 2);                  // a cut 3-byte sequence: each byte one
}

TEST_CASE("truncate_width and pad_width count columns, not bytes")
{
  CHECK(truncate_width("\u65e5\u672c\u8a9e", 5) == "\u65e5\u672c\u2026");
  CHECK(truncate_width("\u65e5\u672c\u8a9e", 4) == "\u65e5\u2026");
  CHECK(pad_width("e\u0301", 3) == "e\u0301  ");
  CHECK(display_width(pad_width("\xf0\x9f\x98\x80x", 4)) == 4);
}
