#pragma once
// The command specs: what each command and subcommand takes (options, positionals, the values they
// complete), walked from the CLI11 apps of the command table. The completion scripts (complete.h)
// and the man pages (man.h) are written from them. An option or positional is marked with what it
// takes where it is declared (`completes`).

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pops::cli {

/// The kinds of values the shells complete. The first group is read from the workspace by
/// `pops __complete KIND`; `files` and `dirs` are completed by the shell itself.
enum class Values {
  items,
  initiatives,
  items_and_initiatives,
  feedback,
  squads,
  member_squads,
  people,
  statuses,
  horizons,
  rituals,
  doc_types,
  templates,
  commands,
  files,
  dirs,
  sources,
  refs,
  item_changes
};

/// Marks an option or positional for completion where it is declared:
/// `app.add_option("--squad", s, "...")->check(completes(Values::squads));`
/// A validator that accepts everything and changes neither parsing nor help.
CLI::Validator completes(Values v);

/// What `opt` was marked with; none when unmarked.
std::optional<Values> completes_what(CLI::Option& opt);

/// The name `pops __complete` takes for `v` ("items", "doc-types", ...).
std::string_view values_name(Values v);
std::optional<Values> values_from_name(std::string_view name);

/// One option as the completions and the man pages see it.
struct OptionSpec {
  std::vector<std::string> names;  ///< "-q", "--quiet"
  std::string value;               ///< value placeholder ("S", "DIR"); empty for flags
  std::string description;
  std::optional<Values> values;
  std::vector<std::string> choices;  ///< of an IsMember check
};

/// One command or subcommand ("item", "item set") with what it takes.
struct CommandSpec {
  std::string path;  ///< "" for pops itself, "item", "item set"
  std::string summary;
  std::string usage;   ///< "pops item set <id> <changes>..."
  std::string footer;  ///< the help's closing notes
  std::vector<std::string> subcommands;
  std::vector<OptionSpec> options;  ///< including -h, --help
  struct Positional {
    std::string name;
    std::string description;
    bool many = false;
    bool required = false;
    std::optional<Values> values;
    std::vector<std::string> choices;
  };
  std::vector<Positional> positionals;
};

/// Every command of the table and each of its subcommands, walked from their CLI11 apps; the first
/// entry is pops itself (global options, the commands).
std::vector<CommandSpec> command_specs();
/// The spec of `app` (walked recursively into `out`).
void collect_specs(CLI::App& app, const std::string& path, std::vector<CommandSpec>& out);

}  // namespace pops::cli
