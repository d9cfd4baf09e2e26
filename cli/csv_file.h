#pragma once
// The bytes of a CSV file named on the command line.

#include "context.h"

#include <string>

namespace pops::cli {

/// The bytes of a CSV file given on the command line (relative to the current folder); at most 64 MiB.
/// Throws std::runtime_error("cannot read 'x': ...").
std::string read_csv_file(const Context& ctx, const std::string& path);

}  // namespace pops::cli
