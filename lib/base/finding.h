#pragma once
// A finding is one thing `pops check` reports: where, how bad, which rule, what is wrong.

#include <string>
#include <string_view>
#include <vector>

namespace pops {

enum class Severity { off, info, warning, error };

std::string_view severity_name(Severity s);
/// Parses "off", "info", "warning", "error"; false if `text` is none of them.
bool parse_severity(std::string_view text, Severity& out);

/// A place in a file: 1-based line and column (0 when unknown) and 0-based byte offset.
struct Loc {
  int line = 0;
  int column = 0;
  long pos = -1;
  bool known() const { return line > 0; }
};

struct Finding {
  std::string file;  ///< relative to the workspace root, '/'-separated
  Loc loc;
  Loc end;  ///< end of the offending text when known
  Severity severity = Severity::error;
  std::string rule;     ///< stable rule id, e.g. "schema"
  std::string message;  ///< lowercase, no final period
  /// Squads the finding is about; a rule piloted to some squads keeps only findings about them.
  std::vector<std::string> squads;
};

/// Sort order of reports: file, line, column, rule, message.
bool finding_less(const Finding& a, const Finding& b);

struct Summary {
  int errors = 0;
  int warnings = 0;
  int infos = 0;
  int files = 0;  ///< files read
};

struct CheckResult {
  std::vector<Finding> findings;
  Summary summary;
};

/// Counts findings by severity into result.summary (keeps summary.files).
void summarize(CheckResult& result);

}  // namespace pops
