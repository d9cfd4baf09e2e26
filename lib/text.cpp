#include "text.h"

#include <algorithm>
#include <cctype>

namespace pops {

int edit_distance(std::string_view a, std::string_view b)
{
  const size_t n = a.size();
  const size_t m = b.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
  for (size_t i = 0; i <= n; ++i) {
    d[i][0] = static_cast<int>(i);
  }
  for (size_t j = 0; j <= m; ++j) {
    d[0][j] = static_cast<int>(j);
  }
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
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
    if (cv.size() > 64) {
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
