#pragma once
// Unified diffs of file contents, as `git diff` prints them, for --dry-run.

#include <string>
#include <string_view>

namespace pops {

/// The unified diff turning `before` into `after`, with `context` lines around each change and the
/// headers "--- a/<path>" and "+++ b/<path>" ("--- /dev/null" when `created`). Lines keep their
/// bytes (a CRLF file shows its "\r"); a missing final line break is marked "\ No newline at end of
/// file". Empty when the two are equal.
std::string unified_diff(std::string_view path, std::string_view before, std::string_view after, bool created = false,
                         int context = 3);

}  // namespace pops
