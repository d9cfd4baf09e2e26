// pops: the entry point. Reads the global options, finds the command in the table, sets up the
// context (directory, workspace, terminal) once, and runs the command. Every exit status is decided
// here or by the command: 0 ok, 1 findings, 2 usage or could not run.

#include "commands.h"
#include "complete.h"
#include "context.h"
#include "dispatch.h"
#include "pager.h"

#include "base/text.h"
#include "workspace/config.h"
#include "workspace/workspace.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <unistd.h>
#include <vector>

namespace pops::cli {

namespace {

int usage_error(Context& ctx, std::string_view message, std::string_view hint_text = {})
{
  error(ctx.err, message);
  if (!hint_text.empty()) {
    hint(ctx.err, hint_text);
  }
  return k_exit_usage;
}

/// --color / --no-color on both streams, and for extensions through the environment.
void apply_color(Context& ctx)
{
  if (!ctx.color) {
    return;
  }
  ctx.out.set_color(*ctx.color);
  ctx.err.set_color(*ctx.color);
  if (*ctx.color) {
    ::unsetenv("NO_COLOR");
    ::setenv("CLICOLOR_FORCE", "1", 1);
    ::setenv("FORCE_COLOR", "1", 1);
  } else {
    ::setenv("NO_COLOR", "1", 1);
    ::unsetenv("CLICOLOR_FORCE");
    ::unsetenv("FORCE_COLOR");
  }
}

/// The commands whose output is a view to read, paged on a terminal like git's log, diff and help.
bool paged(std::string_view name)
{
  static constexpr std::string_view k_paged[] = {"adoption", "check",         "diff",        "digest",  "doc",
                                                 "feedback", "help",          "insights",    "log",     "metrics",
                                                 "rank",     "ritual",        "roadmap",     "show",    "template",
                                                 "goals",    "release-notes", "initiatives", "capacity"};
  return std::find(std::begin(k_paged), std::end(k_paged), name) != std::end(k_paged);
}

/// The long and short names of the options `app` and the apps above it take (they fall through).
std::vector<std::string> option_names(const CLI::App* app)
{
  std::vector<std::string> out;
  for (const CLI::App* a = app; a; a = a->get_parent()) {
    for (const CLI::Option* o : a->get_options()) {
      for (const auto& l : o->get_lnames()) {
        out.push_back("--" + l);
      }
      for (const auto& sn : o->get_snames()) {
        out.push_back("-" + sn);
      }
    }
  }
  return out;
}

const CLI::Option* find_option(const CLI::App* app, const std::string& name)
{
  for (const CLI::App* a = app; a; a = a->get_parent()) {
    if (const CLI::Option* o = a->get_option_no_throw(name)) {
      return o;
    }
  }
  return nullptr;
}

bool has_positionals(const CLI::App* app)
{
  for (const CLI::Option* o : app->get_options()) {
    if (!o->nonpositional()) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> subcommand_names(CLI::App* app)
{
  std::vector<std::string> out;
  for (CLI::App* s : app->get_subcommands([](CLI::App*) { return true; })) {
    out.push_back(s->get_name());
  }
  return out;
}

/// Explains a parse error of `pops NAME ARGS` better than CLI11 does where it can, git style: an
/// unknown option or subcommand with "did you mean" among the real ones, a missing subcommand with
/// the list of them. Returns false when it has nothing better to say.
bool explain_usage(Context& ctx, CLI::App& app, const std::string& name, const std::vector<std::string>& args)
{
  CLI::App* at = &app;
  std::string path = name;
  bool sub_given = false;
  for (size_t k = 0; k < args.size(); ++k) {
    const std::string& a = args[k];
    if (a == "--") {
      break;
    }
    if (a.size() > 1 && a[0] == '-' && !(a.size() > 1 && std::isdigit(static_cast<unsigned char>(a[1])))) {
      const bool is_long = a.starts_with("--");
      std::string opt = is_long ? a.substr(0, a.find('=')) : a.substr(0, 2);
      const CLI::Option* o = find_option(at, opt);
      if (!o) {
        const std::vector<std::string> names = option_names(at);
        error(ctx.err, fmt::format("{}: unknown option '{}'", path, printable(opt)));
        // A one-letter option is a likely typo of any other: suggest only among long ones.
        const std::string s = is_long ? closest(opt, names) : std::string();
        hint(ctx.err, s.empty() ? fmt::format("see 'pops help {}'", path) : fmt::format("did you mean '{}'?", s));
        return true;
      }
      const bool inline_value = is_long ? a.find('=') != std::string::npos : a.size() > 2;
      if (o->get_type_size_max() > 0 && !inline_value) {
        ++k;  // its value
      }
      continue;
    }
    if (!sub_given || at->get_subcommands([](CLI::App*) { return true; }).size() > 0) {
      CLI::App* sub = nullptr;
      for (CLI::App* s : at->get_subcommands([](CLI::App*) { return true; })) {
        if (s->check_name(a)) {
          sub = s;
        }
      }
      if (sub) {
        at = sub;
        path += " " + a;
        continue;
      }
      const std::vector<std::string> subs = subcommand_names(at);
      if (!subs.empty() && !has_positionals(at)) {
        error(ctx.err, fmt::format("'{}' is not a subcommand of 'pops {}'", printable(a), path));
        const std::string s = closest(a, subs);
        hint(ctx.err, s.empty() ? fmt::format("'pops {}' takes one of: {}", path, join(subs, ", "))
                                : fmt::format("did you mean 'pops {} {}'?", path, s));
        return true;
      }
    }
    sub_given = true;
  }
  if (at->get_require_subcommand_min() > 0) {
    const std::vector<std::string> subs = subcommand_names(at);
    error(ctx.err, fmt::format("{}: a subcommand is required", path));
    hint(ctx.err, fmt::format("'pops {}' takes one of: {}; see 'pops help {}'", path, join(subs, ", "), path));
    return true;
  }
  return false;
}

int run_main(int argc, char** argv)
{
  Context ctx;
  std::vector<std::string> args(argv + 1, argv + argc);
  size_t i = 0;
  std::string dir;
  for (; i < args.size() && args[i].starts_with("-"); ++i) {
    const std::string& a = args[i];
    if (a == "-C" || a.starts_with("-C")) {
      if (a == "-C" && i + 1 == args.size()) {
        return usage_error(ctx, "option '-C' needs a directory");
      }
      // Like git: each -C is relative to the one before it; an empty one changes nothing.
      const std::string next = a == "-C" ? args[++i] : a.substr(2);
      if (!next.empty()) {
        dir = dir.empty() || next.starts_with("/") ? next : dir + "/" + next;
      }
    } else if (a == "--no-color") {
      ctx.color = false;
    } else if (a == "--color" || a.starts_with("--color=")) {
      std::string when = a == "--color" ? "always" : a.substr(8);
      if (a == "--color" && i + 1 < args.size()
          && (args[i + 1] == "auto" || args[i + 1] == "always" || args[i + 1] == "never")) {
        when = args[++i];
      }
      if (!parse_color_when(when, ctx.color)) {
        return usage_error(ctx, fmt::format("--color '{}' is not one of auto, always, never", printable(when)));
      }
    } else if (a == "--no-pager") {
      ctx.no_pager = true;
    } else if (a == "-q" || a == "--quiet") {
      ctx.quiet = true;
    } else if (a == "--version") {
      ctx.out.write(fmt::format("pops {}\n", POPS_VERSION));
      return k_exit_ok;
    } else if (a == "-h" || a == "--help") {
      ctx.out.write(general_help());
      return k_exit_ok;
    } else {
      static const std::vector<std::string> k_global = {"-C", "--color", "--no-color", "--no-pager",
                                                        "-q", "--quiet", "--version",  "--help"};
      const std::string opt = a.substr(0, a.find('='));
      const std::string s = opt.starts_with("--") ? closest(opt, k_global) : std::string();
      return usage_error(ctx, fmt::format("unknown option '{}'", printable(opt)),
                         s.empty() ? "see 'pops help'" : fmt::format("did you mean '{}'?", s));
    }
  }
  apply_color(ctx);
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
  // After the command too, a bare --color means always, as before it (and in git and ripgrep): it
  // takes the next word only when that is a WHEN, so `pops show --color PAY-3` shows PAY-3.
  for (size_t k = 0; k < rest.size() && rest[k] != "--"; ++k) {
    if (rest[k] == "--color"
        && (k + 1 == rest.size() || (rest[k + 1] != "auto" && rest[k + 1] != "always" && rest[k + 1] != "never"))) {
      rest[k] = "--color=always";
    }
  }
  const std::vector<std::string> given = rest;
  std::reverse(rest.begin(), rest.end());
  try {
    app->parse(rest);
  } catch (const CLI::CallForHelp&) {
    ctx.out.write(app->help());
    return k_exit_ok;
  } catch (const CLI::ParseError& e) {
    if (explain_usage(ctx, *app, name, given)) {
      return k_exit_usage;
    }
    std::string what = e.what();
    if (!what.empty()) {
      what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
    }
    while (!what.empty() && (what.back() == '.' || what.back() == '\n')) {
      what.pop_back();
    }
    return usage_error(ctx, fmt::format("{}: {}", name, what), fmt::format("see 'pops help {}'", name));
  }

  apply_color(ctx);
  if (cmd->needs_workspace) {
    auto root = find_workspace(ctx.cwd);
    if (!root) {
      return usage_error(ctx, "not a pops workspace (or any of the parent folders): no pops.yaml found",
                         "run 'pops init' to create one, or 'pops -C DIR ...' to use one elsewhere");
    }
    ctx.workspace = *root;
  }
  if (!ctx.no_pager && ctx.out.is_tty() && paged(name)) {
    const auto root = ctx.workspace.empty() ? find_workspace(ctx.cwd) : std::optional<std::string>(ctx.workspace);
    const PagerSetting setting = root ? workspace_pager(*root) : PagerSetting{};
    if (!setting.off) {
      start_pager(pager_command(setting.command));
    }
  }
  // Views fit a terminal: each line cut to its width (commands of prose wrap instead); a pipe gets
  // every line whole. Machine formats are written with write_data and write_json, never fitted.
  // Diagnostics wrap, so that no word of them is lost.
  ctx.out.fit(Fit::cut);
  ctx.err.fit(Fit::wrap);
  return run(ctx);
}

}  // namespace

}  // namespace pops::cli

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
    rc = pops::cli::k_exit_usage;
  }
  pops::cli::finish_pager();
  return rc;
}
