// Aliases and extensions: the dispatch of names that are not built-in commands.

#include "dispatch.h"

#include "commands.h"

#include "workspace/alias.h"
#include "base/text.h"
#include "workspace/workspace.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace pops::cli {

namespace {

/// The folders of PATH, without empty entries (which would mean the current folder).
std::vector<std::string> path_dirs()
{
  std::vector<std::string> out;
  const char* path = std::getenv("PATH");
  if (!path) {
    return out;
  }
  std::string_view rest = path;
  while (true) {
    auto colon = rest.find(':');
    std::string dir(rest.substr(0, colon));
    if (!dir.empty()) {
      out.push_back(std::move(dir));
    }
    if (colon == std::string_view::npos) {
      break;
    }
    rest.remove_prefix(colon + 1);
  }
  return out;
}

bool is_executable_file(const std::string& path)
{
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

int not_a_command(Context& ctx, const std::string& name, const std::vector<Alias>& aliases)
{
  std::vector<std::string> names;
  for (const auto& c : commands()) {
    names.emplace_back(c.name);
  }
  for (const auto& a : aliases) {
    names.push_back(a.name.value);
  }
  for (auto& e : extension_names()) {
    names.push_back(std::move(e));
  }
  std::string suggestion = closest(name, names);
  error(ctx.err, fmt::format("'{}' is not a pops command", printable(name)));
  hint(ctx.err, suggestion.empty() ? "see 'pops help' for the list of commands"
                                   : fmt::format("did you mean 'pops {}'?", suggestion));
  return k_exit_usage;
}

}  // namespace

std::vector<std::string> extension_names()
{
  std::vector<std::string> out;
  for (const auto& dir : path_dirs()) {
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (name.size() > 5 && name.starts_with("pops-") && is_executable_file(it->path().string())) {
        out.push_back(name.substr(5));
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<std::string> find_extension(const std::string& name)
{
  if (name.empty() || name.find('/') != std::string::npos || name.starts_with("-")) {
    return std::nullopt;
  }
  for (const auto& dir : path_dirs()) {
    std::string p = dir + "/pops-" + name;
    if (is_executable_file(p)) {
      return p;
    }
  }
  return std::nullopt;
}

Dispatch resolve_external(Context& ctx, const std::string& name, const std::vector<std::string>& rest)
{
  std::optional<std::string> root = find_workspace(ctx.cwd);
  std::vector<Alias> aliases;
  std::vector<Finding> findings;
  if (root) {
    try {
      aliases = workspace_aliases(*root, &findings);
    } catch (const std::exception&) {
      // pops.yaml unreadable: no aliases; a command that needs the workspace says why.
    }
  }
  std::vector<std::string> words = rest;
  std::string cur = name;
  std::vector<std::string> chain;
  while (!find_command(cur)) {
    auto a = std::find_if(aliases.begin(), aliases.end(), [&](const Alias& x) { return x.name.value == cur; });
    if (a == aliases.end()) {
      break;
    }
    if (std::find(chain.begin(), chain.end(), cur) != chain.end()) {
      std::string loop;
      for (const auto& c : chain) {
        loop += c + " -> ";
      }
      error(ctx.err, fmt::format("alias '{}' expands to itself: {}{}", cur, loop, cur));
      hint(ctx.err, fmt::format("fix 'aliases:' in pops.yaml:{}:{}", a->name.loc.line, a->name.loc.column));
      return {k_exit_usage, {}};
    }
    chain.push_back(cur);
    std::vector<std::string> expanded = a->words;
    expanded.insert(expanded.end(), words.begin(), words.end());
    cur = expanded[0];
    words.assign(expanded.begin() + 1, expanded.end());
  }
  if (find_command(cur)) {
    std::vector<std::string> args{cur};
    args.insert(args.end(), words.begin(), words.end());
    return {std::nullopt, std::move(args)};
  }
  // An alias of that name that pops.yaml declares wrongly: say what is wrong with it.
  for (const auto& f : findings) {
    if (f.message.starts_with(fmt::format("alias '{}'", cur))
        || f.message.starts_with(fmt::format("alias name '{}'", cur))) {
      error(ctx.err, fmt::format("{}:{}:{}: {}", f.file, f.loc.line, f.loc.column, f.message));
      return {k_exit_usage, {}};
    }
  }
  auto ext = find_extension(cur);
  if (!ext) {
    if (!chain.empty()) {
      error(ctx.err,
            fmt::format("alias '{}' expands to '{}', which is not a pops command", chain.front(), printable(cur)));
      hint(ctx.err, "see 'pops help' for the list of commands");
      return {k_exit_usage, {}};
    }
    return {not_a_command(ctx, cur, aliases), {}};
  }
  return {exec_extension(ctx, *ext, cur, words), {}};
}

int exec_extension(Context& ctx, const std::string& path, const std::string& name, const std::vector<std::string>& args)
{
  if (std::optional<std::string> root = find_workspace(ctx.cwd)) {
    ::setenv("POPS_WORKSPACE", root->c_str(), 1);
  } else {
    ::unsetenv("POPS_WORKSPACE");
  }
  std::vector<std::string> argv_s{"pops-" + name};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : argv_s) {
    argv.push_back(s.data());
  }
  argv.push_back(nullptr);
  std::fflush(stdout);
  std::fflush(stderr);
  ::execv(path.c_str(), argv.data());
  error(ctx.err, fmt::format("cannot run '{}': {}", path, std::strerror(errno)));
  return k_exit_usage;
}

}  // namespace pops::cli
