#pragma once
// The command table: every subcommand, its one-line summary, whether it needs a workspace, and the
// function that declares its options. `pops help` is generated from this table.

#include "context.h"
#include "base/date.h"
#include "workspace/model.h"
#include "workspace/portfolio.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace pops {
class History;
class Repository;
enum class Audience;
struct InitiativeRollup;
}  // namespace pops

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
void setup_adoption(CLI::App& app, Runner& run);
void setup_check(CLI::App& app, Runner& run);
void setup_completion(CLI::App& app, Runner& run);
void setup_diff(CLI::App& app, Runner& run);
void setup_digest(CLI::App& app, Runner& run);
void setup_doc(CLI::App& app, Runner& run);
void setup_feedback(CLI::App& app, Runner& run);
void setup_export(CLI::App& app, Runner& run);
void setup_import(CLI::App& app, Runner& run);
void setup_init(CLI::App& app, Runner& run);
void setup_insights(CLI::App& app, Runner& run);
void setup_item(CLI::App& app, Runner& run);
void setup_log(CLI::App& app, Runner& run);
void setup_metrics(CLI::App& app, Runner& run);
void setup_onboard(CLI::App& app, Runner& run);
void setup_customer(CLI::App& app, Runner& run);
void setup_person(CLI::App& app, Runner& run);
void setup_pilot(CLI::App& app, Runner& run);
void setup_standards(CLI::App& app, Runner& run);
void setup_rank(CLI::App& app, Runner& run);
void setup_report(CLI::App& app, Runner& run);
void setup_ritual(CLI::App& app, Runner& run);
void setup_roadmap(CLI::App& app, Runner& run);
void setup_schema(CLI::App& app, Runner& run);
void setup_show(CLI::App& app, Runner& run);
void setup_squad(CLI::App& app, Runner& run);
void setup_template(CLI::App& app, Runner& run);
void setup_help(CLI::App& app, Runner& run);
void setup_hook(CLI::App& app, Runner& run);
void setup_version(CLI::App& app, Runner& run);
void setup_goals(CLI::App& app, Runner& run);
void setup_capacity(CLI::App& app, Runner& run);
void setup_release_notes(CLI::App& app, Runner& run);
void setup_initiatives(CLI::App& app, Runner& run);

/// An initiative's roll-up as `pops initiatives --format json` lists it, and its text (cmd_initiatives.cpp,
/// shared with pops show).
nlohmann::ordered_json initiative_json(const InitiativeRollup& r);
std::string initiative_text(const Term& t, const InitiativeRollup& r, bool heading);

/// Whether pops may keep results between runs: not with `--no-cache` (`no_cache`) nor POPS_CACHE=off
/// (or 0).
bool cache_wanted(bool no_cache);
/// In a shallow clone, says on stderr that the history before its oldest commit is absent (a command
/// that answered anyway: its window lies after the boundary; docs/metrics.md, "Shallow clones").
void note_shallow(Context& ctx, pops::Repository& repo, const pops::History* history = nullptr);
/// Turns the history cache on for `history` (under the repository's git folder) when cache_wanted.
void use_history_cache(pops::History& history, pops::Repository& repo, bool no_cache = false);

/// Reads the value of a date option (--since, --until, --date) into `out`; empty leaves `out` unset.
/// A value that is not a YYYY-MM-DD date prints "pops: error: --since 'x' is not a date; expected
/// YYYY-MM-DD" and returns false (exit 2).
bool parse_date_option(Context& ctx, const std::string& text, const char* option, std::optional<Date>& out);

/// Reads --audience (all, exec, sales, support, marketing) into `out`; another value prints
/// "pops: error: unknown audience 'x' (did you mean ...?); expected one of ..." and returns false (exit 2).
bool parse_audience_option(Context& ctx, const std::string& text, pops::Audience& out);

/// --period of goals and capacity: empty or a quarter YYYY-Qn; another value prints "pops: error:
/// --period 'x' is not a quarter; ..." and returns false (exit 2).
bool check_quarter_option(Context& ctx, const std::string& period);

/// The working tree's workspace for a view that needs pops.yaml; when pops.yaml cannot be read,
/// prints "pops: error: pops.yaml cannot be read; ..." and returns nullopt (exit 2).
std::optional<pops::Workspace> load_view_workspace(Context& ctx);

/// --member NAME (repeatable or a comma list) of the views that cover a portfolio (format 1.4).
void add_member_option(CLI::App& app, std::vector<std::string>& members);
/// The members a view covers. Not a portfolio: false, and an error (`rc` 2) when `only` (--member) is
/// given. A portfolio: true, `members` holds its own workspace (when it has squads or items) and every
/// member in pops.yaml's order, or only those of `only`. A member that cannot be read (missing, not a
/// pops workspace, unusable pops.yaml) or an unknown --member prints an error naming it and sets `rc`
/// to 2: never a partial answer.
bool portfolio_members(Context& ctx, std::vector<std::string> only, std::vector<pops::Member>& members, int& rc);

/// Writes a command's output where its -o/--out FILE says (relative to the current folder): "-" or
/// empty is standard output; a regular file is replaced atomically, a symbolic link written through,
/// a character device, FIFO or socket written where it is (write_output_file). A FILE that is (or a
/// link to) workspace data (is_workspace_data: pops.yaml, roadmap/, feedback/, docs/, rituals/,
/// metrics/, templates/) is refused: an error and exit 2, nothing written. Returns the exit status;
/// `done` is printed on stderr (unless -q) after a write to a file. `kind` says how the bytes are
/// kept, the same on stdout and in a file: text (Term::write's terminal_text), data (verbatim) or
/// json (Term::write_json's escapes).
enum class OutputKind { text, data, json };
int write_output(Context& ctx, const std::string& file, std::string_view text, std::string_view option,
                 const std::string& done, OutputKind kind);

/// For a command with subcommands (pops item add|set|...): its help shows every subcommand with its
/// options.
void use_full_help(CLI::App& app);

/// The general help: usage, global options and the command table.
std::string general_help();
/// The help of one command, from its option specs.
std::string command_help(const Command& cmd);
/// A CLI::App for `cmd` with its options declared (and the options every command takes).
std::unique_ptr<CLI::App> make_app(const Command& cmd, Runner& run, Context* ctx);

}  // namespace pops::cli
