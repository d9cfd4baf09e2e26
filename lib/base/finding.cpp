#include "base/finding.h"

#include <tuple>

namespace pops {

std::string_view severity_name(Severity s)
{
  switch (s) {
  case Severity::off:
    return "off";
  case Severity::info:
    return "info";
  case Severity::warning:
    return "warning";
  case Severity::error:
    return "error";
  }
  return "error";
}

bool parse_severity(std::string_view text, Severity& out)
{
  for (auto s : {Severity::off, Severity::info, Severity::warning, Severity::error}) {
    if (text == severity_name(s)) {
      out = s;
      return true;
    }
  }
  return false;
}

bool finding_less(const Finding& a, const Finding& b)
{
  return std::tie(a.file, a.loc.line, a.loc.column, a.rule, a.message)
         < std::tie(b.file, b.loc.line, b.loc.column, b.rule, b.message);
}

void summarize(CheckResult& result)
{
  result.summary.errors = result.summary.warnings = result.summary.infos = 0;
  for (const auto& f : result.findings) {
    switch (f.severity) {
    case Severity::error:
      ++result.summary.errors;
      break;
    case Severity::warning:
      ++result.summary.warnings;
      break;
    case Severity::info:
      ++result.summary.infos;
      break;
    case Severity::off:
      break;
    }
  }
}

}  // namespace pops
