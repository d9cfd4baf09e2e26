#include "base/text.h"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <array>
#include <cctype>
#include <limits>
#include <vector>

namespace pops {

namespace {

/// The optimal string alignment distance of `a` and `b` (insert, delete, replace, swap two
/// neighbours), over three rolling rows of b.size() + 1 ints each; `bound + 1` as soon as it must
/// exceed `bound`. The one implementation behind edit_distance and "did you mean".
int osa_distance(std::string_view a, std::string_view b, int bound, int* prev2, int* prev, int* cur)
{
  const size_t m = b.size();
  for (size_t j = 0; j <= m; ++j) {
    prev[j] = static_cast<int>(j);
  }
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    int row_min = cur[0];
    for (size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min(std::min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        v = std::min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > bound) {
      return bound + 1;
    }
    int* old = prev2;
    prev2 = prev;
    prev = cur;
    cur = old;
  }
  return prev[m];
}

/// osa_distance of two words of at most 64 bytes, both lower case already. No allocation: "did you
/// mean" runs for every unknown reference.
int bounded_distance(std::string_view a, std::string_view b, int bound)
{
  std::array<int, 66> r0{}, r1{}, r2{};
  return osa_distance(a, b, bound, r0.data(), r1.data(), r2.data());
}

template <class C> std::string closest_impl(std::string_view word, const C& candidates)
{
  if (word.empty() || word.size() > 64) {
    return {};
  }
  const std::string lw = lower(word);
  std::string best;
  int best_d = 1 << 20;
  std::array<char, 64> buf{};
  for (const auto& c : candidates) {
    const std::string_view cv = c;
    // A candidate whose length differs by more than a third cannot be close enough.
    const size_t diff = cv.size() > word.size() ? cv.size() - word.size() : word.size() - cv.size();
    if (cv.size() > 64 || diff * 3 > std::max(cv.size(), word.size()) + 2) {
      continue;
    }
    for (size_t k = 0; k < cv.size(); ++k) {
      buf[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(cv[k])));
    }
    // Only a distance within what counts as close, and better than the best so far, matters.
    const int allowed = std::max(1, static_cast<int>(std::max(word.size(), cv.size())) / 3);
    const int bound = std::min(allowed, best_d - 1);
    if (bound < 0) {
      continue;
    }
    const int dist = bounded_distance(lw, std::string_view(buf.data(), cv.size()), bound);
    if (dist <= bound && dist < best_d) {
      best_d = dist;
      best = std::string(cv);
    }
  }
  // Close enough: a third of the longer word, at least 1, and not the whole word.
  const int longest = static_cast<int>(std::max(word.size(), best.size()));
  const int allowed = std::max(1, longest / 3);
  if (best.empty() || best_d > allowed || best_d >= static_cast<int>(word.size())) {
    return {};
  }
  return best;
}

}  // namespace

int edit_distance(std::string_view a, std::string_view b)
{
  std::vector<int> rows(3 * (b.size() + 1));
  int* r = rows.data();
  return osa_distance(a, b, std::numeric_limits<int>::max() - 1, r, r + b.size() + 1, r + 2 * (b.size() + 1));
}

std::string closest(std::string_view word, std::span<const std::string> candidates)
{
  return closest_impl(word, candidates);
}

std::string closest(std::string_view word, std::span<const std::string_view> candidates)
{
  return closest_impl(word, candidates);
}

std::string did_you_mean(std::string_view word, std::span<const std::string> candidates)
{
  std::string c = closest(word, candidates);
  return c.empty() ? std::string() : " (did you mean '" + c + "'?)";
}

std::string join(std::span<const std::string> parts, std::string_view sep)
{
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) {
      out += sep;
    }
    out += parts[i];
  }
  return out;
}

namespace {

bool upper_or_digit(char c)
{
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool counter(std::string_view n)
{
  return !n.empty() && n.size() <= 9 && n[0] >= '1' && n[0] <= '9'
         && std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool is_prefix(std::string_view s)
{
  return s.size() >= 2 && s.size() <= 10 && s[0] >= 'A' && s[0] <= 'Z'
         && std::all_of(s.begin(), s.end(), upper_or_digit);
}

bool is_item_id(std::string_view s)
{
  auto dash = s.find('-');
  return dash != std::string_view::npos && is_prefix(s.substr(0, dash)) && counter(s.substr(dash + 1));
}

bool is_feedback_id(std::string_view s)
{
  return s.starts_with("FB-") && counter(s.substr(3));
}

bool is_squad_id(std::string_view s)
{
  return !s.empty() && s.size() <= 40 && s[0] >= 'a' && s[0] <= 'z' && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

bool is_goal_id(std::string_view s)
{
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  return !s.empty() && s.size() <= 40 && alnum(s[0])
         && std::all_of(s.begin(), s.end(), [&](char c) { return alnum(c) || c == '-' || c == '_' || c == '.'; });
}

std::string valid_utf8(std::string_view s)
{
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = p[i];
    size_t len = c < 0x80                          ? 1
                 : (c & 0xE0) == 0xC0 && c >= 0xC2 ? 2
                 : (c & 0xF0) == 0xE0              ? 3
                 : (c & 0xF8) == 0xF0 && c <= 0xF4 ? 4
                                                   : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k) {
      ok = (p[i + k] & 0xC0) == 0x80;
    }
    if (ok && len == 3) {
      const unsigned cp = ((c & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6);
      ok = cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF);
    } else if (ok && len == 4) {
      const unsigned cp = ((c & 0x07u) << 18) | ((p[i + 1] & 0x3Fu) << 12);
      ok = cp >= 0x10000 && cp <= 0x10FFFF;
    }
    if (!ok) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

namespace {

/// Bytes of the character at `s[i]` (valid UTF-8) that terminal_text replaces, else 0.
size_t terminal_control_at(std::string_view s, size_t i, bool keep_newline)
{
  const auto b = [&s](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x20) {
    return c == '\t' || (c == '\n' && keep_newline) ? 0 : 1;
  }
  if (c == 0x7F) {
    return 1;
  }
  if (c == 0xC2 && i + 1 < s.size() && b(i + 1) >= 0x80 && b(i + 1) <= 0x9F) {
    return 2;  // C1: U+0080..U+009F
  }
  if (c == 0xE2 && i + 2 < s.size()) {
    const unsigned char b1 = b(i + 1);
    const unsigned char b2 = b(i + 2);
    if ((b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9)) {
      return 3;  // U+202A..U+202E, U+2066..U+2069
    }
  }
  return 0;
}

std::string replace_controls(std::string_view s, bool keep_newline)
{
  const std::string in = valid_utf8(s);
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size();) {
    if (const size_t n = terminal_control_at(in, i, keep_newline); n > 0) {
      out += '?';
      i += n;
    } else {
      out += in[i++];
    }
  }
  return out;
}

}  // namespace

std::string terminal_text(std::string_view s)
{
  return replace_controls(s, true);
}

std::string printable(std::string_view s)
{
  return replace_controls(s, false);
}

std::string json_escape_controls(std::string_view json)
{
  std::string out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size();) {
    // Outside strings a JSON text is ASCII without controls, so every match is inside a string.
    const size_t n = terminal_control_at(json, i, true);
    if (n == 0 || static_cast<unsigned char>(json[i]) < 0x20) {
      out += json[i++];
      continue;
    }
    unsigned cp = 0x7F;
    if (n == 2) {
      cp = static_cast<unsigned char>(json[i + 1]);
    } else if (n == 3) {
      cp = 0x2000u | ((static_cast<unsigned char>(json[i + 1]) & 0x3Fu) << 6)
           | (static_cast<unsigned char>(json[i + 2]) & 0x3Fu);
    }
    static constexpr char k_hex[] = "0123456789abcdef";
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) {
      out += k_hex[(cp >> shift) & 0xFu];
    }
    i += n;
  }
  return out;
}

std::string lower(std::string_view s)
{
  std::string out(s);
  for (auto& ch : out) {
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return out;
}

std::string_view trim(std::string_view s)
{
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) {
    s.remove_prefix(1);
  }
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) {
    s.remove_suffix(1);
  }
  return s;
}

namespace {

/// The next code point of `s` from `i` (advancing `i`); an invalid byte is returned as itself
/// (and counts one column).
char32_t next_code_point(std::string_view s, size_t& i)
{
  const auto b0 = static_cast<unsigned char>(s[i]);
  int len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + static_cast<size_t>(len) > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += static_cast<size_t>(len);
  return cp;
}

/// Columns of one code point, as utf8proc's tables of the Unicode standard give them: 2 for East Asian
/// wide and full-width characters and emoji, 0 for combining marks, zero-width and control characters.
int code_point_width(char32_t c)
{
  return utf8proc_charwidth(static_cast<utf8proc_int32_t>(c));
}

}  // namespace

int display_width(std::string_view s)
{
  int w = 0;
  for (size_t i = 0; i < s.size();) {
    w += code_point_width(next_code_point(s, i));
  }
  return w;
}

std::string truncate_width(std::string_view s, int width, std::string_view ellipsis)
{
  if (display_width(s) <= width) {
    return std::string(s);
  }
  const int ew = display_width(ellipsis);
  if (width <= 0) {
    return {};
  }
  if (width < ew) {
    return std::string(width, '.');
  }
  const int room = width - ew;
  int w = 0;
  size_t i = 0;
  size_t cut = 0;
  while (i < s.size()) {
    size_t j = i;
    const int cw = code_point_width(next_code_point(s, j));
    if (w + cw > room) {
      break;
    }
    w += cw;
    i = j;
    cut = i;
  }
  std::string out(s.substr(0, cut));
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();
  }
  return out + std::string(ellipsis);
}

namespace {

/// The length of the colour code (ESC [ digits and ';' m) at `s[i]`, 0 when there is none.
size_t colour_code_at(std::string_view s, size_t i)
{
  if (i + 2 >= s.size() || s[i] != '\033' || s[i + 1] != '[') {
    return 0;
  }
  for (size_t j = i + 2; j < s.size(); ++j) {
    if (s[j] == 'm') {
      return j + 1 - i;
    }
    if ((s[j] < '0' || s[j] > '9') && s[j] != ';') {
      return 0;
    }
  }
  return 0;
}

}  // namespace

int line_width(std::string_view line)
{
  int w = 0;
  for (size_t i = 0; i < line.size();) {
    if (const size_t n = colour_code_at(line, i); n > 0) {
      i += n;
      continue;
    }
    w += code_point_width(next_code_point(line, i));
  }
  return w;
}

std::string fit_line(std::string_view line, int width)
{
  if (width <= 0 || line_width(line) <= width) {
    return std::string(line);
  }
  const int room = width - 1;  // the ellipsis takes one column
  std::string out;
  int w = 0;
  bool cut = false;
  for (size_t i = 0; i < line.size();) {
    if (const size_t n = colour_code_at(line, i); n > 0) {
      out.append(line.substr(i, n));
      i += n;
      continue;
    }
    size_t j = i;
    const int cw = code_point_width(next_code_point(line, j));
    if (!cut && w + cw > room) {
      while (!out.empty() && out.back() == ' ') {
        out.pop_back();
      }
      out += "\u2026";
      cut = true;
    }
    if (!cut) {
      out.append(line.substr(i, j - i));
      w += cw;
    }
    i = j;
  }
  return out;
}

std::vector<std::string> wrap_line(std::string_view line, int width)
{
  size_t lead = line.find_first_not_of(' ');
  if (width <= 0 || lead == std::string_view::npos || line[lead] == '|' || line_width(line) <= width) {
    return {std::string(line)};
  }
  // The text starts after the indentation and a list marker.
  size_t text = lead;
  if (line.substr(lead).starts_with("- ") || line.substr(lead).starts_with("* ")
      || line.substr(lead).starts_with("+ ")) {
    text = lead + 2;
  } else {
    size_t d = lead;
    while (d < line.size() && d - lead < 3 && line[d] >= '0' && line[d] <= '9') {
      ++d;
    }
    if (d > lead && d + 1 < line.size() && (line[d] == '.' || line[d] == ')') && line[d + 1] == ' ') {
      text = d + 2;
    }
  }
  const int indent = line_width(line.substr(0, text));
  if (indent >= width / 2) {
    return {std::string(line)};  // too little room to wrap into: the caller cuts
  }
  std::vector<std::string> out;
  std::string cur(line.substr(0, text));
  int cur_w = indent;
  bool empty = true;  // nothing but the indentation in cur yet
  size_t i = text;
  while (i < line.size()) {
    // The spaces before the next word (kept as written inside a line, dropped at a break), the word.
    const size_t w0 = std::min(line.find_first_not_of(' ', i), line.size());
    size_t sp = line.find(' ', w0);
    if (sp == std::string_view::npos) {
      sp = line.size();
    }
    const std::string_view gap = line.substr(i, w0 - i);
    const std::string_view word = line.substr(w0, sp - w0);
    if (word.empty()) {
      break;  // trailing spaces
    }
    const int ww = line_width(word);
    const int gw = empty ? 0 : static_cast<int>(gap.size());
    if (!empty && cur_w + gw + ww > width) {
      out.push_back(cur);
      cur = std::string(static_cast<size_t>(indent), ' ');
      cur_w = indent;
      empty = true;
    }
    if (!empty) {
      cur += gap;
      cur_w += static_cast<int>(gap.size());
    }
    cur += word;
    cur_w += ww;
    empty = false;
    i = sp;
  }
  out.push_back(cur);
  return out;
}

std::string pad_width(std::string_view s, int width, std::string_view ellipsis)
{
  std::string out = truncate_width(s, width, ellipsis);
  const int w = display_width(out);
  if (w < width) {
    out.append(static_cast<size_t>(width - w), ' ');
  }
  return out;
}

std::string cell_text(std::string_view s, int width)
{
  std::string out(s);
  for (auto& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') {
      c = ' ';
    }
  }
  return truncate_width(printable(out), width, "...");
}

std::string number_exact(double v)
{
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    return v == 0 ? "0" : fmt::format("{}", static_cast<long long>(v));
  }
  return fmt::format("{}", v);
}

std::string number_short(double v, int decimals)
{
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    return v == 0 ? "0" : fmt::format("{}", static_cast<long long>(v));
  }
  std::string s = fmt::format("{:.{}f}", v, std::max(0, decimals));
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') {
      s.pop_back();
    }
    if (s.back() == '.') {
      s.pop_back();
    }
  }
  return s == "-0" ? "0" : s;
}

}  // namespace pops
