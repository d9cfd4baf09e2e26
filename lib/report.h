#pragma once
// Machine-readable renderings of a check result: JSON, SARIF 2.1.0, GitHub workflow commands, JUnit XML.
// Each returns the whole text (ending in a newline, except an empty GitHub report); nothing is printed.

#include "finding.h"

#include <string>
#include <string_view>

namespace pops {

/// {"findings":[{"file","line","column","severity","rule","message"}...],"summary":{...}}; findings kept in order.
std::string render_json(const CheckResult& r);
/// SARIF 2.1.0 log with one run, the full rule table and one result per finding.
std::string render_sarif(const CheckResult& r, std::string_view tool_version);
/// One `::error|warning|notice file=...::message` workflow command per finding.
std::string render_github(const CheckResult& r);
/// JUnit XML as GitLab reads it: one testcase per finding (one passing testcase when there are none).
std::string render_junit(const CheckResult& r);

} // namespace pops
