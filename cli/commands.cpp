#include "commands.h"

#include "features/digest.h"
#include "features/roadmap.h"

#include "cache/check_cache.h"
#include "git/git_refs.h"
#include "history/history.h"
#include "base/fsutil.h"
#include "base/text.h"
#include "workspace/filters.h"
#include "workspace/workspace.h"

#include <fmt/format.h>

#include <array>
#include <cstdlib>
#include <filesystem>

namespace pops::cli {

namespace {

// Keep sorted by name; `pops help` lists them in this order.
constexpr std::array k_commands = {
  Command{"adoption", "Import usage data from Amplitude and Pendo; list the series items link to", true,
          setup_adoption},
  Command{"capacity", "Capacity of each squad in a quarter against the planned effort", true, setup_capacity},
  Command{"check", "Validate the workspace: format, references, dependencies, standards", true, setup_check},
  Command{"completion", "Print the shell completion script for bash, zsh or fish", false, setup_completion},
  Command{"customer", "List, show, add, change or merge customer records and their feedback", true, setup_customer},
  Command{"diff", "Show what changed between two states: items, feedback, docs", true, setup_diff},
  Command{"digest", "Summarize what changed for stakeholders: shipped, committed, slipped, dropped", true,
          setup_digest},
  Command{"doc", "Write documents from templates, list them, keep the docs index", true, setup_doc},
  Command{"export", "Export items as Jira CSV or a flat CSV, or the whole workspace as JSON", true, setup_export},
  Command{"feedback", "Add, import, list, link customer feedback, or suggest its items", true, setup_feedback},
  Command{"goals", "Objectives and key results by quarter, with their progress", true, setup_goals},
  Command{"help", "Show help for pops or one of its commands", false, setup_help},
  Command{"hook", "Install or remove the git hooks that run pops check --staged", true, setup_hook},
  Command{"import", "Import items from Jira, Linear or Productboard CSV exports; re-imports update", true,
          setup_import},
  Command{"init", "Create a workspace, or the sample organization with --sample", false, setup_init},
  Command{"initiatives", "Initiatives across squads, with their items, progress and latest target", true,
          setup_initiatives},
  Command{"insights", "Demand from feedback by item, tag, segment, source or customer, with trends", true,
          setup_insights},
  Command{"item", "Add, change, move or drop roadmap items", true, setup_item},
  Command{"log", "Show the history of items: every commit that changed them", true, setup_log},
  Command{"metrics", "Measure delivery from the history: throughput, cycle time, WIP, slips", true, setup_metrics},
  Command{"onboard", "Add a person to pops.yaml and write their onboarding doc", true, setup_onboard},
  Command{"person", "Add, change or list the people of pops.yaml", true, setup_person},
  Command{"pilot", "Rules under pilot: list them, report what a pilot showed, widen or roll one out", true,
          setup_pilot},
  Command{"rank", "Rank items by a scoring model (RICE, ICE, WSJF or your own), explained", true, setup_rank},
  Command{"release-notes", "Release notes: the items shipped in a window, by squad, with docs and customers", true,
          setup_release_notes},
  Command{"report", "Write the dashboard: one self-contained HTML page (or Markdown)", true, setup_report},
  Command{"ritual", "Rituals: when due, notes filled from git history, open actions", true, setup_ritual},
  Command{"roadmap", "Show the roadmap: items by horizon (Now, Next, Later)", true, setup_roadmap},
  Command{"schema", "Write JSON Schemas of the workspace's files for editors (completion, validation)", true,
          setup_schema},
  Command{"show", "Show one item, now or at a revision or date, with its links", true, setup_show},
  Command{"squad", "Add, change or list the squads of pops.yaml", true, setup_squad},
  Command{"standards", "The standards scorecard: findings and compliance per squad and rule, over time", true,
          setup_standards},
  Command{"template", "List and show the templates of documents and ritual notes", true, setup_template},
  Command{"version", "Print the version of pops", false, setup_version},
};

}  // namespace

std::span<const Command> commands()
{
  return k_commands;
}

const Command* find_command(std::string_view name)
{
  for (const auto& c : k_commands) {
    if (c.name == name) {
      return &c;
    }
  }
  return nullptr;
}

namespace {

class FullHelp : public CLI::Formatter {
public:
  std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override
  {
    if (mode == CLI::AppFormatMode::Normal && app->get_parent() == nullptr) {
      mode = CLI::AppFormatMode::All;
    }
    return CLI::Formatter::make_help(app, std::move(name), mode);
  }
};

}  // namespace

bool parse_audience_option(Context& ctx, const std::string& text, pops::Audience& out)
{
  const auto audience = parse_audience(text);
  if (!audience) {
    const std::vector<std::string> names = {"all", "exec", "sales", "support", "marketing"};
    error(ctx.err, fmt::format("unknown audience '{}'{}; expected one of {}", printable(text),
                               did_you_mean(text, names), join(names, ", ")));
    return false;
  }
  out = *audience;
  return true;
}

bool check_quarter_option(Context& ctx, const std::string& period)
{
  if (!period.empty() && !is_quarter(period)) {
    error(ctx.err, fmt::format("--period '{}' is not a quarter; expected YYYY-Qn, e.g. 2027-Q1", printable(period)));
    return false;
  }
  return true;
}

std::optional<Workspace> load_view_workspace(Context& ctx)
{
  Workspace ws = load_worktree(ctx.workspace);
  if (!ws.config.loaded) {
    error(ctx.err, "pops.yaml cannot be read; run 'pops check' for details");
    return std::nullopt;
  }
  return ws;
}

void add_member_option(CLI::App& app, std::vector<std::string>& members)
{
  app.add_option("--member", members, "In a portfolio, only these members (repeatable or a comma list)")
    ->option_text("NAME");
}

bool portfolio_members(Context& ctx, std::vector<std::string> only, std::vector<Member>& members, int& rc)
{
  only = split_values(only);
  if (!is_portfolio(config_at(ctx.workspace))) {
    if (!only.empty()) {
      error(ctx.err, "--member needs a portfolio; this workspace's pops.yaml has no 'portfolio:' (docs/portfolio.md)");
      rc = k_exit_usage;
    }
    return false;
  }
  const std::optional<Workspace> ws = load_view_workspace(ctx);
  if (!ws) {
    rc = k_exit_usage;
    return true;
  }
  std::vector<std::string> names = {"."};
  for (const auto& [name, path] : ws->config.portfolio) {
    names.push_back(name.value);
  }
  if (std::string msg = unknown_value(only, names, "member"); !msg.empty()) {
    error(ctx.err, msg);
    rc = k_exit_usage;
    return true;
  }
  try {
    members = load_members(*ws);
  } catch (const MemberError& e) {
    error(ctx.err, e.what());
    hint(ctx.err, "run 'pops check' for every problem of the portfolio");
    rc = k_exit_usage;
    return true;
  }
  if (!only.empty()) {
    std::erase_if(members, [&](const Member& m) {
      return std::find(only.begin(), only.end(), m.name.empty() ? std::string(".") : m.name) == only.end();
    });
  }
  return true;
}

bool parse_date_option(Context& ctx, const std::string& text, const char* option, std::optional<Date>& out)
{
  if (text.empty()) {
    return true;
  }
  out = parse_date(text);
  if (!out) {
    error(ctx.err, fmt::format("{} '{}' is not a date; expected YYYY-MM-DD", option, printable(text)));
    return false;
  }
  return true;
}

bool cache_wanted(bool no_cache)
{
  const char* env = std::getenv("POPS_CACHE");
  return !no_cache && !(env && (std::string_view(env) == "off" || std::string_view(env) == "0"));
}

void use_history_cache(History& history, Repository& repo, bool no_cache)
{
  if (cache_wanted(no_cache)) {
    history.use_cache(cache_dir_for(git_dir_of(repo)));
  }
}

int write_output(Context& ctx, const std::string& file, std::string_view text, std::string_view option,
                 const std::string& done, OutputKind kind)
{
  namespace fs = std::filesystem;
  if (file.empty() || file == "-") {
    if (kind == OutputKind::text) {
      ctx.out.write(text);
    } else if (kind == OutputKind::json) {
      ctx.out.write_json(text);
    } else {
      ctx.out.write_data(text);
    }
    return k_exit_ok;
  }
  const fs::path full = (fs::path(file).is_absolute() ? fs::path(file) : fs::path(ctx.cwd) / file).lexically_normal();
  if (!ctx.workspace.empty()) {
    // The path as written and the file it finally names (through links) must not be workspace data.
    const fs::path root = fs::path(ctx.workspace).lexically_normal();
    const fs::path canon_root = resolve_links(root.string());
    const fs::path target = resolve_links(full.string());
    auto data = [](const fs::path& p, const fs::path& base) {
      const std::string r = p.lexically_relative(base).generic_string();
      return !r.empty() && r != "." && !r.starts_with("..") && is_workspace_data(r);
    };
    if (data(full, root) || data(target, canon_root)) {
      error(ctx.err, fmt::format("{} '{}' is workspace data; pops never writes its output over pops.yaml or into "
                                 "roadmap/, feedback/, docs/, rituals/, metrics/ or templates/",
                                 option, printable(file)));
      hint(ctx.err, "write it elsewhere, e.g. outside the workspace or in a folder such as public/");
      return k_exit_usage;
    }
  }
  write_output_file(full.string(), kind == OutputKind::text   ? terminal_text(text)
                                   : kind == OutputKind::json ? json_escape_controls(text)
                                                              : std::string(text));
  if (!ctx.quiet && !done.empty()) {
    ctx.err.write(done);
  }
  return k_exit_ok;
}

void note_shallow(Context& ctx, Repository& repo, const History* history)
{
  if (!repo.is_shallow() || ctx.quiet) {
    return;
  }
  std::optional<Date> oldest = history ? history->oldest_day() : std::nullopt;
  if (!oldest) {
    oldest = commit_date(repo.shallow_oldest());
  }
  warning(ctx.err, fmt::format("the history is shallow (depth {}): commits before {} are absent", repo.shallow_depth(),
                               format_date(*oldest)));
}

void use_full_help(CLI::App& app)
{
  auto fmt = std::make_shared<FullHelp>();
  fmt->column_width(28);
  app.formatter(fmt);
}

std::unique_ptr<CLI::App> make_app(const Command& cmd, Runner& run, Context* ctx)
{
  auto app = std::make_unique<CLI::App>(std::string(cmd.summary), "pops " + std::string(cmd.name));
  app->get_formatter()->column_width(28);
  cmd.setup(*app, run);
  // The options every command takes (below) work after a subcommand too: pops item set ... -q.
  std::function<void(CLI::App&)> fall = [&fall](CLI::App& a) {
    for (CLI::App* sub : a.get_subcommands([](CLI::App*) { return true; })) {
      sub->fallthrough();
      fall(*sub);
    }
  };
  fall(*app);
  auto when = [ctx](const std::string& w) {
    std::optional<bool> c;
    if (!parse_color_when(w, c)) {
      throw CLI::ValidationError("--color", fmt::format("'{}' is not one of auto, always, never", w));
    }
    if (ctx) {
      ctx->color = c;
    }
  };
  app->add_option_function<std::string>("--color", when, "Colour the output: auto (on a terminal), always, never")
    ->check(CLI::IsMember({"auto", "always", "never"}));
  if (ctx) {
    app->add_flag_callback(
      "--no-color", [ctx] { ctx->color = false; }, "Never colour the output");
    app->add_flag("--no-pager", ctx->no_pager, "Do not page the output on a terminal");
    app->add_flag("-q,--quiet", ctx->quiet, "Print only what was asked for: no summaries or hints");
  } else {
    static bool s_unused = false;
    app->add_flag("--no-color", s_unused, "Never colour the output");
    app->add_flag("--no-pager", s_unused, "Do not page the output on a terminal");
    app->add_flag("-q,--quiet", s_unused, "Print only what was asked for: no summaries or hints");
  }
  return app;
}

std::string general_help()
{
  std::string out = "usage: pops [-C DIR] [--color=WHEN] [--no-pager] [-q] <command> [<args>]\n"
                    "       pops --version | --help\n\n"
                    "pops keeps a product team's roadmap, feedback, docs and rituals as YAML and Markdown\n"
                    "in a git repository, and checks, reports and edits them.\n\n"
                    "commands:\n";
  for (const auto& c : k_commands) {
    out += fmt::format("  {:<10} {}\n", c.name, c.summary);
  }
  out += "\nglobal options:\n"
         "  -C DIR       run as if pops was started in DIR\n"
         "  --color=WHEN colour the output: auto (on a terminal; NO_COLOR=1 turns it off,\n"
         "               FORCE_COLOR=1 or CLICOLOR_FORCE=1 on), always, never\n"
         "  --no-color   never colour the output: --color=never\n"
         "  --no-pager   do not page the output (POPS_PAGER, pops.yaml pager:, PAGER, less -FRX)\n"
         "  -q, --quiet  print only what was asked for\n"
         "  --version    print the version and exit\n\n"
         "'pops help <command> [<subcommand>]' shows the options of a command, 'pops help rules'\n"
         "and 'pops help rule <id>' the rules of pops check, 'pops help format' the file format.\n"
         "Other names run an alias of pops.yaml 'aliases:' or an extension, a pops-<name>\n"
         "program on PATH ('pops help <name>' runs 'pops-<name> --help').\n"
         "exit status: 0 ok, 1 findings (pops check), 2 usage error or pops could not run\n";
  return out;
}

std::string command_help(const Command& cmd)
{
  Runner run;
  auto app = make_app(cmd, run, nullptr);
  return app->help();
}

}  // namespace pops::cli
