#include "term.h"

#include "base/text.h"

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

/// The escape codes paint() emits, the only ones write() lets through.
constexpr std::string_view k_reset = "\033[0m";
constexpr std::string_view k_codes[] = {"\033[31m", "\033[32m", "\033[33m", "\033[34m", "\033[35m",
                                        "\033[36m", "\033[1m",  "\033[2m",  k_reset};

std::string_view code_of(Color c)
{
  switch (c) {
  case Color::red:
    return k_codes[0];
  case Color::green:
    return k_codes[1];
  case Color::yellow:
    return k_codes[2];
  case Color::blue:
    return k_codes[3];
  case Color::magenta:
    return k_codes[4];
  case Color::cyan:
    return k_codes[5];
  case Color::bold:
    return k_codes[6];
  case Color::dim:
    return k_codes[7];
  case Color::none:
    break;
  }
  return {};
}

/// The length of the colour code `text` starts with, 0 when it starts with none.
size_t own_code_at(std::string_view text)
{
  for (const std::string_view code : k_codes) {
    if (text.starts_with(code)) {
      return code.size();
    }
  }
  return 0;
}

}  // namespace

Term::Term(FILE* f) : m_file(f)
{
  m_tty = ::isatty(::fileno(f)) == 1;
  const char* term = std::getenv("TERM");
  const bool dumb = term && std::string_view(term) == "dumb";
  m_color = m_tty && !dumb && !env_set("NO_COLOR");
  // FORCE_COLOR (as Node and many tools read it: 0 or false turn colour off) and CLICOLOR_FORCE.
  const char* force = std::getenv("FORCE_COLOR");
  const bool force_off = force && (std::string_view(force) == "0" || std::string_view(force) == "false");
  if ((env_set("CLICOLOR_FORCE") || (env_set("FORCE_COLOR") && !force_off)) && !env_set("NO_COLOR")) {
    m_color = true;
  }
  if (force_off) {
    m_color = false;
  }
  winsize ws{};
  if (m_tty && ::ioctl(::fileno(f), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
    m_tty_width = ws.ws_col;
  }
}

Term::~Term()
{
  flush();
}

void Term::fit(Fit f)
{
  flush();
  m_fit = m_tty ? f : Fit::none;
}

void Term::flush() const
{
  if (!m_line.empty()) {
    const std::string line = fit_line(m_line, width());
    m_line.clear();
    std::fwrite(line.data(), 1, line.size(), m_file);
  }
}

void Term::write_fitted(std::string_view text) const
{
  const int w = width();
  std::string out;
  for (size_t nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n')) {
    m_line.append(text.substr(0, nl));
    text.remove_prefix(nl + 1);
    const std::string_view lead =
      std::string_view(m_line).substr(std::min(m_line.find_first_not_of(' '), m_line.size()));
    const bool fence = lead.starts_with("```") || lead.starts_with("~~~");
    if (m_fit == Fit::wrap && !m_fence && !fence) {
      for (const auto& part : wrap_line(m_line, w)) {
        out += fit_line(part, w) + "\n";
      }
    } else {
      out += fit_line(m_line, w) + "\n";
    }
    if (fence) {
      m_fence = !m_fence;
    }
    m_line.clear();
  }
  m_line.append(text);
  std::fwrite(out.data(), 1, out.size(), m_file);
}

int Term::width() const
{
  if (const char* cols = std::getenv("COLUMNS"); cols && std::atoi(cols) > 0) {
    return std::atoi(cols);
  }
  return m_tty_width > 0 ? m_tty_width : 80;
}

bool parse_color_when(std::string_view when, std::optional<bool>& out)
{
  if (when == "always") {
    out = true;
  } else if (when == "never") {
    out = false;
  } else if (when == "auto") {
    out.reset();
  } else {
    return false;
  }
  return true;
}

std::string Term::paint(Color c, std::string_view text) const
{
  if (!m_color || c == Color::none) {
    return std::string(text);
  }
  return std::string(code_of(c)) + std::string(text) + std::string(k_reset);
}

void Term::write(std::string_view text) const
{
  std::string out;
  out.reserve(text.size());
  // Split at the colour codes pops itself emits (ESC is ASCII, so no character is cut in two);
  // everything else goes through terminal_text, which shows any other ESC as '?'.
  size_t from = 0;
  for (size_t i = text.find('\033'); m_color && i != std::string_view::npos; i = text.find('\033', i + 1)) {
    if (const size_t n = own_code_at(text.substr(i)); n > 0) {
      out += terminal_text(text.substr(from, i - from));
      out.append(text.substr(i, n));
      from = i + n;
      i = from - 1;
    }
  }
  out += terminal_text(text.substr(from));
  if (m_fit != Fit::none) {
    write_fitted(out);
    return;
  }
  write_data(out);
}

void Term::write_data(std::string_view bytes) const
{
  flush();
  std::fwrite(bytes.data(), 1, bytes.size(), m_file);
}

void Term::write_json(std::string_view json) const
{
  write_data(json_escape_controls(json));
}

void Term::progress(std::string_view text) const
{
  if (m_tty) {
    write_data("\r" + printable(text));
  }
}

void Term::clear_progress() const
{
  if (m_tty) {
    write_data("\r\033[K");
  }
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

}  // namespace pops::cli
