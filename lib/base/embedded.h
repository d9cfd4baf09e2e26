#pragma once
// Files compiled into the binary from templates/ (see templates/CMakeLists.txt).

#include <optional>
#include <span>
#include <string_view>

namespace pops {

struct EmbeddedFile {
  std::string_view path;  ///< relative to templates/, e.g. "init/pops.yaml"
  std::string_view data;
};

std::span<const EmbeddedFile> embedded_files();

/// The embedded file at `path`, if there is one.
std::optional<std::string_view> embedded_file(std::string_view path);

}  // namespace pops
