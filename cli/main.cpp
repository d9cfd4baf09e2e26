// pops: the entry point. Reads the global options, finds the command in the table, sets up the
// context (directory, workspace, terminal) once, and runs the command. Every exit status is decided
// here or by the command: 0 ok, 1 findings, 2 usage or could not run.

#include "commands.h"
#include "complete.h"
#include "context.h"
#include "dispatch.h"

#include "base/text.h"
#include "workspace/workspace.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <unistd.h>
#include <vector>

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

namespace {

int usage_error(Context& ctx, std::string_view message, std::string_view hint_text = {})
{
  error(ctx.err, message);
  if (!hint_text.empty()) {
    hint(ctx.err, hint_text);
  }
  return k_exit_usage;
}

int run_main(int argc, char** argv)
{
  Context ctx;
  std::vector<std::string> args(argv + 1, argv + argc);
  size_t i = 0;
  std::string dir;
  for (; i < args.size() && args[i].starts_with("-"); ++i) {
    const std::string& a = args[i];
    if (a == "-C") {
      if (i + 1 == args.size()) {
        return usage_error(ctx, "option '-C' needs a directory");
      }
      dir = args[++i];
    } else if (a.starts_with("-C")) {
      dir = a.substr(2);
    } else if (a == "--no-color") {
      ctx.out.disable_color();
      ctx.err.disable_color();
      ::setenv("NO_COLOR", "1", 1);  // for extensions
    } else if (a == "-q" || a == "--quiet") {
      ctx.quiet = true;
    } else if (a == "--version") {
      ctx.out.write(fmt::format("pops {}\n", POPS_VERSION));
      return k_exit_ok;
    } else if (a == "-h" || a == "--help") {
      ctx.out.write(general_help());
      return k_exit_ok;
    } else {
      return usage_error(ctx, fmt::format("unknown option '{}'", a), "see 'pops help'");
    }
  }
  if (i == args.size()) {
    ctx.err.write(general_help());
    return k_exit_usage;
  }
  if (!dir.empty() && ::chdir(dir.c_str()) != 0) {
    return usage_error(ctx, fmt::format("cannot change to '{}': {}", dir, std::strerror(errno)));
  }
  std::error_code ec;
  ctx.cwd = std::filesystem::current_path(ec).string();
  if (ec) {
    return usage_error(ctx, fmt::format("cannot read the current directory: {}", ec.message()));
  }
  std::string name = args[i++];
  if (name == "__complete") {
    return complete_values(ctx, std::vector<std::string>(args.begin() + static_cast<long>(i), args.end()));
  }
  const Command* cmd = find_command(name);
  if (!cmd) {
    // Built-ins win over aliases, which win over extensions (pops-NAME on PATH), like git.
    std::vector<std::string> rest(args.begin() + static_cast<long>(i), args.end());
    Dispatch d = resolve_external(ctx, name, rest);
    if (d.status) {
      return *d.status;
    }
    args = std::move(d.args);
    i = 0;
    name = args[i++];
    cmd = find_command(name);
  }
  Runner run;
  auto app = make_app(*cmd, run, &ctx);
  std::vector<std::string> rest(args.begin() + static_cast<long>(i), args.end());
  std::reverse(rest.begin(), rest.end());
  try {
    app->parse(rest);
  } catch (const CLI::CallForHelp&) {
    ctx.out.write(app->help());
    return k_exit_ok;
  } catch (const CLI::ParseError& e) {
    std::string what = e.what();
    if (!what.empty()) {
      what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
    }
    while (!what.empty() && (what.back() == '.' || what.back() == '\n')) {
      what.pop_back();
    }
    return usage_error(ctx, fmt::format("{}: {}", name, what), fmt::format("see 'pops help {}'", name));
  }

  if (cmd->needs_workspace) {
    auto root = find_workspace(ctx.cwd);
    if (!root) {
      return usage_error(ctx, "not a pops workspace (or any of the parent folders): no pops.yaml found",
                         "run 'pops init' to create one, or 'pops -C DIR ...' to use one elsewhere");
    }
    ctx.workspace = *root;
  }
  return run(ctx);
}

} // namespace

} // namespace pops::cli

int main(int argc, char** argv)
{
  int rc = pops::cli::k_exit_usage;
  pops::cli::Term err(stderr);
  try {
    rc = pops::cli::run_main(argc, argv);
  } catch (const std::exception& e) {
    pops::cli::error(err, e.what());
    rc = pops::cli::k_exit_usage;
  }
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    if (errno != EPIPE) {
      pops::cli::error(err, "write failure on standard output");
    }
    return pops::cli::k_exit_usage;
  }
  return rc;
}
