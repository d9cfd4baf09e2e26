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

/// Lowercase ASCII copy.
std::string lower(std::string_view s);
/// Strips ASCII white space at both ends.
std::string_view trim(std::string_view s);

} // namespace pops
