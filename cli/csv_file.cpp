// The bytes of a CSV file named on the command line (pops feedback import, pops import, pops
// adoption import). See csv_file.h.

#include "csv_file.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace pops::cli {

namespace {

constexpr long k_max_csv_bytes = 64L * 1024 * 1024;

}  // namespace

std::string read_csv_file(const Context& ctx, const std::string& path)
{
  namespace fs = std::filesystem;
  const fs::path full = fs::path(path).is_absolute() ? fs::path(path) : fs::path(ctx.cwd) / path;
  std::error_code ec;
  if (fs::is_directory(full, ec)) {
    throw std::runtime_error(fmt::format("cannot read '{}': it is a folder", path));
  }
  const auto size = fs::file_size(full, ec);
  if (!ec && size > static_cast<std::uintmax_t>(k_max_csv_bytes)) {
    throw std::runtime_error(fmt::format("cannot read '{}': it is larger than 64 MiB; split it", path));
  }
  std::ifstream in(full, std::ios::binary);
  if (!in) {
    throw std::runtime_error(fmt::format("cannot read '{}': {}", path, ec ? ec.message() : "no such file"));
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace pops::cli
