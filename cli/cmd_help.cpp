// pops help [COMMAND]

#include "commands.h"

#include "text.h"

namespace pops::cli {

void setup_help(CLI::App& app, Runner& run)
{
  auto topic = std::make_shared<std::string>();
  app.add_option("command", *topic, "The command to show help for");
  run = [topic](Context& ctx) {
    if (topic->empty()) {
      ctx.out.write(general_help());
      return k_exit_ok;
    }
    const Command* cmd = find_command(*topic);
    if (!cmd) {
      std::vector<std::string> names;
      for (const auto& c : commands()) {
        names.emplace_back(c.name);
      }
      error(ctx.err, fmt::format("no help for '{}': not a pops command", *topic));
      std::string s = closest(*topic, names);
      hint(ctx.err, s.empty() ? "see 'pops help' for the list of commands"
                              : fmt::format("did you mean 'pops help {}'?", s));
      return k_exit_usage;
    }
    ctx.out.write(command_help(*cmd));
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
