#include "term.h"

#include <cstdlib>
#include <sys/ioctl.h>
#include <unistd.h>

namespace pops::cli {

namespace {

bool env_set(const char* name)
{
  const char* v = std::getenv(name);
  return v && *v;
}

} // namespace

Term::Term(FILE* f) : m_file(f)
{
  m_tty = ::isatty(::fileno(f)) == 1;
  const char* term = std::getenv("TERM");
  const bool dumb = term && std::string_view(term) == "dumb";
  m_color = m_tty && !dumb && !env_set("NO_COLOR");
  if (env_set("CLICOLOR_FORCE") && !env_set("NO_COLOR")) {
    m_color = true;
  }
}

int Term::width() const
{
  if (const char* cols = std::getenv("COLUMNS"); cols && std::atoi(cols) > 0) {
    return std::atoi(cols);
  }
  winsize ws{};
  if (m_tty && ::ioctl(::fileno(m_file), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
    return ws.ws_col;
  }
  return 80;
}

std::string Term::paint(Color c, std::string_view text) const
{
  if (!m_color || c == Color::none) {
    return std::string(text);
  }
  const char* code = "";
  switch (c) {
  case Color::red:
    code = "\033[31m";
    break;
  case Color::green:
    code = "\033[32m";
    break;
  case Color::yellow:
    code = "\033[33m";
    break;
  case Color::blue:
    code = "\033[34m";
    break;
  case Color::magenta:
    code = "\033[35m";
    break;
  case Color::cyan:
    code = "\033[36m";
    break;
  case Color::bold:
    code = "\033[1m";
    break;
  case Color::dim:
    code = "\033[2m";
    break;
  case Color::none:
    break;
  }
  return std::string(code) + std::string(text) + "\033[0m";
}

void Term::write(std::string_view text) const
{
  std::fwrite(text.data(), 1, text.size(), m_file);
}

void error(const Term& err, std::string_view message)
{
  err.write(fmt::format("pops: {} {}\n", err.paint(Color::red, "error:"), message));
}

void warning(const Term& err, std::string_view message)
{
  err.write(fmt::format("pops: {} {}\n", err.paint(Color::yellow, "warning:"), message));
}

void hint(const Term& err, std::string_view message)
{
  err.write(fmt::format("{} {}\n", err.paint(Color::dim, "hint:"), message));
}

Color change_color(std::string_view label)
{
  if (label == "added") {
    return Color::green;
  }
  if (label == "removed" || label == "dropped") {
    return Color::red;
  }
  if (label == "moved") {
    return Color::cyan;
  }
  return Color::yellow;
}

} // namespace pops::cli
