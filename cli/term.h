#pragma once
// The only place that knows about terminals: colour (off unless a terminal, never with NO_COLOR or
// TERM=dumb; CLICOLOR_FORCE or FORCE_COLOR forces it; --color=always|never decides over all of them),
// widths, and git-style messages. Whatever pops prints as text goes through Term::write, which lets no
// terminal control through but its own colours.

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace pops::cli {

enum class Color { none, red, green, yellow, blue, magenta, cyan, bold, dim };

/// How a text view fits a terminal's width (Term::fit): every line cut to the width with "…", or
/// prose wrapped at spaces (Markdown-aware: table rows and code blocks are cut, never wrapped) and
/// what still does not fit cut. Only on a terminal: a pipe gets every line whole.
enum class Fit { none, cut, wrap };

class Term {
public:
  explicit Term(FILE* f);
  ~Term();
  Term(const Term&) = delete;
  Term& operator=(const Term&) = delete;
  FILE* file() const { return m_file; }
  bool is_tty() const { return m_tty; }
  bool color() const { return m_color; }
  void disable_color() { m_color = false; }
  void set_color(bool on) { m_color = on; }
  /// Columns: COLUMNS, else the terminal's (as it was when pops started, so also through a pager), 80
  /// when unknown.
  int width() const;
  /// From now on, what write() prints fits width() as `f` says, on a terminal; nothing changes on a
  /// pipe or a file. Lines are fitted whole: a line is held until its line feed (or flush()).
  void fit(Fit f);
  /// Writes a line held by fit() that has no line feed yet.
  void flush() const;
  /// `text` wrapped in the colour's escape codes when colour is on.
  std::string paint(Color c, std::string_view text) const;
  /// `text` made safe for a terminal (terminal_text: C0 but tab and line feed, DEL, C1 and the
  /// bidirectional controls shown as '?'); only the exact colour codes paint() emits pass, and only
  /// when colour is on. For text and Markdown, wherever they go.
  void write(std::string_view text) const;
  /// `bytes` verbatim: machine formats (CSV, HTML, XML), which must stay lossless.
  void write_data(std::string_view bytes) const;
  /// A JSON text verbatim but for DEL, C1 and the bidirectional controls, written as \uXXXX escapes
  /// (json_escape_controls): a JSON reader gets the exact values, a terminal nothing to act on.
  void write_json(std::string_view json) const;
  /// A progress line redrawn in place: "\r" and `text` (as write) on a terminal; nothing elsewhere.
  void progress(std::string_view text) const;
  /// Erases the progress line on a terminal.
  void clear_progress() const;

private:
  FILE* m_file;
  bool m_tty = false;
  bool m_color = false;
  int m_tty_width = 0;
  Fit m_fit = Fit::none;
  mutable std::string m_line;    ///< fit(): the line written so far, without its line feed
  mutable bool m_fence = false;  ///< fit(Fit::wrap): inside a Markdown code block
  void write_fitted(std::string_view text) const;
};

/// --color=WHEN: "always" true, "never" false, "auto" none; false with an unknown WHEN.
bool parse_color_when(std::string_view when, std::optional<bool>& out);

/// "pops: error: <message>" on stderr.
/// The colour of a change's label in `pops diff` and `pops log`: added green, removed and dropped
/// red, moved cyan, a changed field yellow.
Color change_color(std::string_view label);

void error(const Term& err, std::string_view message);
/// "pops: warning: <message>" on stderr.
void warning(const Term& err, std::string_view message);
/// "hint: <message>" on stderr.
void hint(const Term& err, std::string_view message);

}  // namespace pops::cli
