// The context every command gets. See context.h.

#include "context.h"

#include <filesystem>

namespace pops::cli {

bool Context::to_workspace_path(const std::string& path, std::string& rel) const
{
  namespace fs = std::filesystem;
  fs::path abs = fs::path(path).is_absolute() ? fs::path(path) : fs::path(cwd) / path;
  abs = abs.lexically_normal();
  fs::path r = abs.lexically_relative(workspace);
  std::string s = r.generic_string();
  if (s.empty() || s == "..") {
    return false;
  }
  if (s.starts_with("../")) {
    return false;
  }
  while (s.size() > 1 && s.back() == '/') {
    s.pop_back();
  }
  rel = s;
  return true;
}

}  // namespace pops::cli
