#pragma once
// Man pages, rendered as roff from the same CLI11 apps and summaries as `pops help`: pops(1) and
// pops-COMMAND(1) for every command of the table.

#include <string>
#include <string_view>
#include <vector>

namespace pops::cli {

/// The page of `command` ("" for pops itself); empty when there is no such command.
std::string man_page(std::string_view command);

/// File names of every page: pops.1, pops-check.1, ...
std::vector<std::string> man_page_names();

}  // namespace pops::cli
