// pops help [COMMAND]; pops help --man [COMMAND] (hidden): the same help as a man page.

#include "commands.h"
#include "complete.h"
#include "man.h"

#include "workspace/alias.h"
#include "base/fsutil.h"
#include "base/text.h"
#include "workspace/workspace.h"

#include <filesystem>

namespace pops::cli {

namespace {

struct HelpOpts {
  std::string topic;
  bool man = false;
  std::string man_dir;
};

/// Writes every man page into `dir` (created when missing) and lists their names on stdout.
int write_man_pages(Context& ctx, const std::string& dir)
{
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    error(ctx.err, fmt::format("cannot create '{}': {}", dir, ec.message()));
    return k_exit_usage;
  }
  std::string list;
  for (const auto& name : man_page_names()) {
    std::string cmd = name == "pops.1" ? "" : name.substr(5, name.size() - 7);
    write_file_atomic(dir + "/" + name, man_page(cmd));
    list += name + "\n";
  }
  ctx.out.write(list);
  return k_exit_ok;
}

} // namespace

void setup_help(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<HelpOpts>();
  app.add_option("command", o->topic, "The command to show help for")->check(completes(Values::commands));
  // Hidden (no group): used by the build to make the man pages.
  app.add_flag("--man", o->man, "Print the man page (roff) of pops or of the command")->group("");
  app.add_option("--man-dir", o->man_dir, "Write every man page into DIR")->group("");
  run = [o](Context& ctx) {
    if (!o->man_dir.empty()) {
      return write_man_pages(ctx, o->man_dir);
    }
    const Command* cmd = o->topic.empty() ? nullptr : find_command(o->topic);
    if (!o->topic.empty() && !cmd && !o->man) {
      // An alias of the workspace: say what it stands for, like git.
      std::optional<std::string> root = find_workspace(ctx.cwd);
      try {
        for (const auto& a : root ? workspace_aliases(*root) : std::vector<Alias>{}) {
          if (a.name.value == o->topic) {
            std::string line;
            for (const auto& w : a.words) {
              line += (line.empty() ? "" : " ") + w;
            }
            ctx.out.write(fmt::format("'{}' is an alias for '{}' (pops.yaml:{})\n", a.name.value, line,
                                      a.name.loc.line));
            return k_exit_ok;
          }
        }
      } catch (const std::exception&) {
      }
    }
    if (!o->topic.empty() && !cmd) {
      std::vector<std::string> names;
      for (const auto& c : commands()) {
        names.emplace_back(c.name);
      }
      error(ctx.err, fmt::format("no help for '{}': not a pops command", printable(o->topic)));
      std::string s = closest(o->topic, names);
      hint(ctx.err, s.empty() ? "see 'pops help' for the list of commands"
                              : fmt::format("did you mean 'pops help {}'?", s));
      return k_exit_usage;
    }
    if (o->man) {
      ctx.out.write(man_page(o->topic));
      return k_exit_ok;
    }
    ctx.out.write(cmd ? command_help(*cmd) : general_help());
    return k_exit_ok;
  };
}

void setup_version(CLI::App& /*app*/, Runner& run)
{
  run = [](Context& ctx) {
    ctx.out.write(fmt::format("pops {}\n", POPS_VERSION));
    return k_exit_ok;
  };
}

} // namespace pops::cli
