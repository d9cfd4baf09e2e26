// pops completion bash|zsh|fish: the completion script, generated from the command table.

#include "commands.h"
#include "complete.h"

namespace pops::cli {

void setup_completion(CLI::App& app, Runner& run)
{
  auto shell = std::make_shared<std::string>();
  app.add_option("shell", *shell, "The shell: bash, zsh or fish")
    ->required()
    ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  app.footer("\nbash: source <(pops completion bash)   zsh: source <(pops completion zsh)\n"
             "fish: pops completion fish | source    (or install the script: see docs/commands.md)");
  run = [shell](Context& ctx) {
    ctx.out.write(completion_script(*shell));
    return k_exit_ok;
  };
}

}  // namespace pops::cli
