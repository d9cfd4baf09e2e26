#pragma once
// The only place that knows about terminals: colour (off unless a terminal, never with NO_COLOR or
// TERM=dumb or --no-color; CLICOLOR_FORCE forces it), widths, and git-style messages.

#include <cstdio>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace pops::cli {

enum class Color { none, red, green, yellow, blue, magenta, cyan, bold, dim };

class Term {
public:
  explicit Term(FILE* f);
  FILE* file() const { return m_file; }
  bool is_tty() const { return m_tty; }
  bool color() const { return m_color; }
  void disable_color() { m_color = false; }
  /// Columns of the terminal, 80 when unknown.
  int width() const;
  /// `text` wrapped in the colour's escape codes when colour is on.
  std::string paint(Color c, std::string_view text) const;
  void write(std::string_view text) const;

private:
  FILE* m_file;
  bool m_tty = false;
  bool m_color = false;
};

/// "pops: error: <message>" on stderr.
/// The colour of a change's label in `pops diff` and `pops log`: added green, removed and dropped
/// red, moved cyan, a changed field yellow.
Color change_color(std::string_view label);

void error(const Term& err, std::string_view message);
/// "pops: warning: <message>" on stderr.
void warning(const Term& err, std::string_view message);
/// "hint: <message>" on stderr.
void hint(const Term& err, std::string_view message);

} // namespace pops::cli
