#pragma once
// The syntax of ids, defined once: the loader's predicates (is_prefix, is_item_id, is_feedback_id,
// is_squad_id in base/text.h) and the patterns of the JSON Schema (`pops schema`) are both written
// from these numbers, and tests/unit/test_id_syntax.cpp checks that they accept the same strings.

#include <string>
#include <string_view>

namespace pops::id_syntax {

inline constexpr int k_prefix_min = 2;  ///< letters and digits of a squad prefix, first a capital
inline constexpr int k_prefix_max = 10;
inline constexpr int k_counter_max_digits = 9;  ///< the number of an id: no leading zero, at most 9 digits
inline constexpr int k_squad_max = 40;          ///< a squad id: lower case letter, then [a-z0-9_-]

/// Regular expressions (ECMAScript and JSON Schema alike), without anchors.
inline std::string prefix_pattern()
{
  return "[A-Z][A-Z0-9]{" + std::to_string(k_prefix_min - 1) + "," + std::to_string(k_prefix_max - 1) + "}";
}
inline std::string counter_pattern()
{
  return "[1-9][0-9]{0," + std::to_string(k_counter_max_digits - 1) + "}";
}
inline std::string squad_pattern()
{
  return "[a-z][a-z0-9_-]{0," + std::to_string(k_squad_max - 1) + "}";
}

/// An objective or key result id (is_goal_id).
inline std::string goal_pattern()
{
  return "[A-Za-z0-9][A-Za-z0-9_.-]{0,39}";
}

}  // namespace pops::id_syntax
