#pragma once
// Shell completion: the scripts of `pops completion bash|zsh|fish` generated from the command specs
// (command_spec.h, which this header includes for the `completes` marks), and `pops __complete KIND`,
// the hidden helper those scripts call for values read from the workspace.

#include "command_spec.h"
#include "context.h"

#include <string>
#include <string_view>
#include <vector>

namespace pops::cli {

/// The completion script for `shell` ("bash", "zsh", "fish"); empty for another shell.
std::string completion_script(std::string_view shell);

/// `pops __complete KIND [PREFIX]`: the values of KIND, one per line; nothing outside a workspace or
/// on a workspace that does not load. Always exit 0.
int complete_values(Context& ctx, const std::vector<std::string>& args);

}  // namespace pops::cli
