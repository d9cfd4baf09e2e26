#pragma once
// Small text helpers shared by the library: suggestions, joining, quoting.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pops {

/// Edit distance (insertions, deletions, substitutions, adjacent transpositions).
int edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` when it is close enough to be a likely typo, else "".
std::string closest(std::string_view word, std::span<const std::string> candidates);
std::string closest(std::string_view word, std::span<const std::string_view> candidates);

/// " (did you mean 'x'?)" or "" when nothing is close.
std::string did_you_mean(std::string_view word, std::span<const std::string> candidates);

std::string join(std::span<const std::string> parts, std::string_view sep);

/// A squad prefix: ^[A-Z][A-Z0-9]{1,9}$ (e.g. PAY).
bool is_prefix(std::string_view s);
/// An item id: PREFIX-<n>, n from 1 without leading zeros, at most 9 digits (e.g. PAY-12).
bool is_item_id(std::string_view s);
/// A feedback id: FB-<n> (e.g. FB-1042).
bool is_feedback_id(std::string_view s);
/// A squad id for `pops init`: ^[a-z][a-z0-9_-]{0,39}$.
bool is_squad_id(std::string_view s);
/// An objective or key result id: ^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$ (e.g. O1-KR2).
bool is_goal_id(std::string_view s);

/// `s` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string valid_utf8(std::string_view s);
/// `s` safe to print on a terminal: valid UTF-8 (invalid bytes as U+FFFD), and every character a
/// terminal would act on shown as '?': C0 controls but tab and line feed, DEL, C1 controls
/// (U+0080..U+009F) and the bidirectional embedding, override and isolate controls (U+202A..U+202E,
/// U+2066..U+2069).
std::string terminal_text(std::string_view s);
/// terminal_text(s) on one line: a line feed is shown as '?' too.
std::string printable(std::string_view s);
/// A JSON text (as nlohmann-json dumps it, valid UTF-8) with DEL, C1 controls and the bidirectional
/// controls of terminal_text written as \uXXXX escapes: the same values, nothing a terminal acts on.
std::string json_escape_controls(std::string_view json);

/// A number exactly, as pops writes it into files: the shortest text that reads back the same value,
/// whole numbers below 1e15 without a fraction or an exponent (4000, 0.8, 1e+20).
std::string number_exact(double v);

/// A number for people: rounded to `decimals` places, without trailing zeros (2.5, 3, not 3.00 or -0).
std::string number_short(double v, int decimals);

/// Lowercase ASCII copy.
std::string lower(std::string_view s);
/// Strips ASCII white space at both ends.
std::string_view trim(std::string_view s);

/// Columns a terminal needs to show `s` (UTF-8; East Asian wide and emoji count 2, combining marks
/// and zero-width characters 0; invalid bytes 1).
int display_width(std::string_view s);
/// `s` cut to at most `width` display columns, ending in `ellipsis` when cut (the ellipsis counts
/// toward the width); never cuts a character in two.
std::string truncate_width(std::string_view s, int width, std::string_view ellipsis = "\u2026");
/// The display width of one line with the colour codes (ESC [ ... m) it may hold left out.
int line_width(std::string_view line);
/// One line of a terminal view made to fit `width` columns: unchanged when it fits, else cut to
/// `width` columns ending in "…"; colour codes (ESC [ ... m) count nothing and are all kept, those
/// after the cut too, so no colour is left on. `line` holds no line feed.
std::string fit_line(std::string_view line, int width);
/// One line of prose (plain text or Markdown) wrapped at spaces into lines of at most `width`
/// columns; each continuation is indented under the text of the first line (after its indentation
/// and a list marker: "- ", "* ", "1. "). Lines that are Markdown table rows (first non-blank "|")
/// come back whole, and so does a word longer than the room (fit_line cuts it on a terminal).
std::vector<std::string> wrap_line(std::string_view line, int width);
/// `s` truncated and then padded with spaces to exactly `width` display columns.
std::string pad_width(std::string_view s, int width, std::string_view ellipsis = "\u2026");

/// `s` as one table cell: line breaks and tabs as spaces, other control characters escaped
/// (printable), cut to `width` display columns with "..." when longer.
std::string cell_text(std::string_view s, int width);

}  // namespace pops
