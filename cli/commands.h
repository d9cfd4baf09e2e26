#pragma once
// The command table: every subcommand, its one-line summary, whether it needs a workspace, and the
// function that declares its options. `pops help` is generated from this table.

#include "context.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>

namespace pops::cli {

/// What a command's setup leaves behind: the function to run once its options are parsed. It returns
/// the exit status.
using Runner = std::function<int(Context&)>;

struct Command {
  std::string_view name;
  std::string_view summary;
  bool needs_workspace;
  /// Declares the command's options and positionals on `app` and sets `run`.
  void (*setup)(CLI::App& app, Runner& run);
};

std::span<const Command> commands();
const Command* find_command(std::string_view name);

// One per cli/cmd_<name>.cpp.
void setup_check(CLI::App& app, Runner& run);
void setup_diff(CLI::App& app, Runner& run);
void setup_init(CLI::App& app, Runner& run);
void setup_log(CLI::App& app, Runner& run);
void setup_roadmap(CLI::App& app, Runner& run);
void setup_show(CLI::App& app, Runner& run);
void setup_help(CLI::App& app, Runner& run);
void setup_hook(CLI::App& app, Runner& run);
void setup_version(CLI::App& app, Runner& run);


/// The general help: usage, global options and the command table.
std::string general_help();
/// The help of one command, from its option specs.
std::string command_help(const Command& cmd);
/// A CLI::App for `cmd` with its options declared (and the options every command takes).
std::unique_ptr<CLI::App> make_app(const Command& cmd, Runner& run, Context* ctx);

} // namespace pops::cli
