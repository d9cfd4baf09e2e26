#include "base/money.h"

#include <charconv>
#include <cmath>
#include <string>

namespace pops {

namespace {

std::string_view trim_space(std::string_view t)
{
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) {
    t.remove_prefix(1);
  }
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) {
    t.remove_suffix(1);
  }
  return t;
}

bool digit(char c)
{
  return c >= '0' && c <= '9';
}

constexpr std::string_view k_currencies[] = {"USD", "EUR", "GBP", "CHF", "$", "\xE2\x82\xAC", "\xC2\xA3"};

}  // namespace

std::optional<double> parse_money(std::string_view text)
{
  std::string_view t = trim_space(text);
  std::string mantissa;
  if (!t.empty() && (t.front() == '-' || t.front() == '+')) {
    if (t.front() == '-') {
      mantissa += '-';
    }
    t = trim_space(t.substr(1));
  }
  bool currency = false;
  for (std::string_view c : k_currencies) {
    if (t.starts_with(c)) {
      t = trim_space(t.substr(c.size()));
      currency = true;
      break;
    }
  }
  if (!currency) {
    for (std::string_view c : k_currencies) {
      if (t.ends_with(c) && c.size() == 3) {
        t = trim_space(t.substr(0, t.size() - c.size()));
        break;
      }
    }
  }
  // Integer part: digits, or groups of three after a first group of one to three.
  size_t i = 0;
  size_t group = 0;
  bool commas = false;
  while (i < t.size() && (digit(t[i]) || t[i] == ',')) {
    if (t[i] == ',') {
      if (group == 0 || (commas && group != 3) || (!commas && group > 3)) {
        return std::nullopt;
      }
      commas = true;
      group = 0;
    } else {
      mantissa += t[i];
      ++group;
    }
    ++i;
  }
  if (group == 0 || (commas && group != 3)) {
    return std::nullopt;  // empty, or a trailing comma, or a last group not of three
  }
  if (i < t.size() && t[i] == '.') {
    ++i;
    const size_t from = i;
    while (i < t.size() && digit(t[i])) {
      ++i;
    }
    if (i == from) {
      return std::nullopt;
    }
    mantissa += '.';
    mantissa.append(t.substr(from, i - from));
  }
  std::string_view rest = trim_space(t.substr(i));
  int exponent = 0;
  if (rest.size() == 1) {
    switch (rest[0]) {
    case 'k':
    case 'K':
      exponent = 3;
      break;
    case 'm':
    case 'M':
      exponent = 6;
      break;
    case 'b':
    case 'B':
      exponent = 9;
      break;
    default:
      return std::nullopt;
    }
  } else if (!rest.empty()) {
    return std::nullopt;
  }
  // The decimal exponent is applied by the correctly rounded conversion, so 1.2M is exactly 1200000.
  mantissa += 'e';
  mantissa += std::to_string(exponent);
  double v = 0;
  auto [p, ec] = std::from_chars(mantissa.data(), mantissa.data() + mantissa.size(), v);
  if (ec != std::errc() || p != mantissa.data() + mantissa.size() || !std::isfinite(v)) {
    return std::nullopt;
  }
  return v == 0 ? 0.0 : v;  // no -0
}

}  // namespace pops
