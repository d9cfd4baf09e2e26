#pragma once
// The pager, as git runs one: long output of a view on a terminal goes through $POPS_PAGER, pops.yaml
// `pager:`, $PAGER or `less -FRX` (LESS=FRX unless set), never with --no-pager or `pager: false`.

#include "context.h"

#include <optional>
#include <string>

namespace pops::cli {

/// The pager command to use: POPS_PAGER, then `configured` (pops.yaml `pager:`: a command, "" for
/// `true`, none when absent), then PAGER, then "less -FRX". Empty (or `cat`): no pager.
std::string pager_command(const std::optional<std::string>& configured);

/// Runs `command` through `sh -c` with standard output (and standard error when it is a terminal)
/// going to it. False when it cannot be started (pops then writes to the terminal).
bool start_pager(const std::string& command);

/// Closes pops's side of the pager and waits for it to end; nothing when no pager runs.
void finish_pager();

}  // namespace pops::cli
