#pragma once
// Plain-text tables for a terminal: columns aligned by display width (wide and combining characters
// count as the terminal shows them), the way `pops standards` and `pops pilot` print theirs.

#include <string>
#include <vector>

namespace pops {

/// `rows` (the first usually the header) as lines: each cell but the last of a row padded with spaces
/// to the widest cell of its column (display_width) and followed by two spaces, the last cell as it
/// is, trailing spaces dropped, every line ending in "\n". Empty when `rows` is. Cells are printed as
/// given: make them printable first.
std::string aligned_table(const std::vector<std::vector<std::string>>& rows);

}  // namespace pops
