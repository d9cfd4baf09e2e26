#pragma once
// The one reader of amounts of money (ARR and other numbers people write with currency signs):
// `pops feedback add --arr`, `pops feedback import`, `pops customer add|set --arr` and number cells
// of `pops import` all read them here.

#include <optional>
#include <string_view>

namespace pops {

/// An amount as people and exports write it: `80000`, `80,000`, `$80,000`, `$250,000.00`,
/// `USD 120000`, `120000 EUR`, `€80k`, `80k`, `1.2M`, `2B` (k, M, B: thousand, million, billion, in
/// either case), an optional sign. Thousands separators are commas between groups of three digits.
/// Exact where the decimal is: `1.2M` is 1200000. nullopt for anything else (`1,2345`, `0x10`, `k`,
/// `80kk`, `1e5`, empty).
std::optional<double> parse_money(std::string_view text);

/// What parse_money reads, for messages: "write e.g. 80000, 80k, 1.2M or $80,000".
inline constexpr std::string_view k_money_examples = "80000, 80k, 1.2M or $80,000";

}  // namespace pops
