#pragma once
// Text from a workspace (titles, names, quotes, ids) made safe to put inline into Markdown that pops
// generates: rendered by GitHub, GitLab or a wiki, it shows as the text it is, never as HTML, a
// link, emphasis, a heading, a list or a table column. The one escaper every Markdown output uses.

#include <string>
#include <string_view>

namespace pops {

/// `s` as inline Markdown text, on one line, fit for a paragraph, a list line, a heading or a table
/// cell:
/// - line breaks (CR, LF, CRLF) become spaces, other control characters '?' (printable);
/// - `&`, `<` and `>` become `&amp;`, `&lt;` and `&gt;`, so no raw HTML gets through;
/// - `\`, `` ` ``, `*`, `_`, `[`, `]` and `|` get a backslash, so no emphasis, code, link or table
///   column starts;
/// - at the start (after spaces), `#`, `-` and `+` get a backslash, and so does the `.` or `)` after
///   leading digits, so the text cannot start a heading or a list when it begins a line.
std::string markdown_text(std::string_view s);

/// `s` as the text of a Markdown table cell: as markdown_text, but a leading `#`, `-`, `+` or `1.`
/// is left as it is (a cell never starts a block), so `-3` stays `-3`.
std::string markdown_cell(std::string_view s);

/// `s` as an inline code span, on one line: fenced with one backtick more than its longest run of
/// backticks, with a space inside each fence when it starts or ends with one, as CommonMark says.
std::string markdown_code(std::string_view s);

}  // namespace pops
