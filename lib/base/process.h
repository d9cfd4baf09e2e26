#pragma once
// Running another program: argv only (never a shell), output captured, never printed.

#include <string>
#include <vector>

namespace pops {

struct ProcessResult {
  bool started = false;  ///< false: the program could not be run (`error` says why)
  int exit_code = -1;    ///< its exit status; 128 + N when signal N ended it
  std::string output;    ///< what it wrote to stdout and stderr, interleaved as it wrote it
  std::string error;
};

/// Runs `argv[0]` (looked up in PATH) with `argv` in the folder `cwd`, standard input from
/// /dev/null, and waits for it.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& cwd);

}  // namespace pops
