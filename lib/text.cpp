#include "text.h"

#include <algorithm>
#include <cctype>

namespace pops {

int edit_distance(std::string_view a, std::string_view b)
{
  // Optimal string alignment distance with three rolling rows.
  const size_t m = b.size();
  std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j) {
    prev[j] = static_cast<int>(j);
  }
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

namespace {

template <class C> std::string closest_impl(std::string_view word, const C& candidates)
{
  if (word.empty() || word.size() > 64) {
    return {};
  }
  const std::string lw = lower(word);
  std::string best;
  int best_d = 1 << 20;
  for (const auto& c : candidates) {
    const std::string_view cv = c;
    // A candidate whose length differs by more than a third cannot be close enough.
    const size_t diff = cv.size() > word.size() ? cv.size() - word.size() : word.size() - cv.size();
    if (cv.size() > 64 || diff * 3 > std::max(cv.size(), word.size()) + 2) {
      continue;
    }
    int dist = edit_distance(lw, lower(cv));
    if (dist < best_d) {
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

} // namespace

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

} // namespace

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
  return !s.empty() && s.size() <= 40 && s[0] >= 'a' && s[0] <= 'z'
         && std::all_of(s.begin(), s.end(), [](char c) {
              return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            });
}

std::string valid_utf8(std::string_view s)
{
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = p[i];
    size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 && c >= 0xC2 ? 2 : (c & 0xF0) == 0xE0 ? 3
                 : (c & 0xF8) == 0xF0 && c <= 0xF4                ? 4 : 0;
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

std::string printable(std::string_view s)
{
  std::string out = valid_utf8(s);
  for (auto& ch : out) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t') || c == 0x7F) {
      ch = '?';
    }
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

} // namespace pops
