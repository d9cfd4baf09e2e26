#pragma once
// Plain text tables of the list commands (squad list, person list, customer list): one way to align
// columns, not one per command.

#include "base/text.h"

#include <algorithm>
#include <string>
#include <vector>

namespace pops::cli {

/// `rows` with each column padded to its widest cell (display width) and two spaces between
/// columns; no trailing blanks.
inline std::string aligned_rows(const std::vector<std::vector<std::string>>& rows)
{
  std::vector<size_t> w;
  for (const auto& r : rows) {
    w.resize(std::max(w.size(), r.size()), 0);
    for (size_t i = 0; i < r.size(); ++i) {
      w[i] = std::max(w[i], static_cast<size_t>(display_width(r[i])));
    }
  }
  std::string out;
  for (const auto& r : rows) {
    std::string line;
    for (size_t i = 0; i < r.size(); ++i) {
      line += r[i];
      if (i + 1 < r.size()) {
        line += std::string(w[i] - static_cast<size_t>(display_width(r[i])) + 2, ' ');
      }
    }
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    out += line + "\n";
  }
  return out;
}

}  // namespace pops::cli
