#pragma once
// Machine-readable renderings of a check result: JSON, SARIF 2.1.0, GitHub workflow commands, JUnit XML,
// GitLab Code Quality.
// Each returns the whole text (ending in a newline, except an empty GitHub report); nothing is printed.

#include "base/finding.h"

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
/// A failure is what makes `pops check` exit 1: an error, and a warning only with `warnings_fail`
/// (--strict); the other findings pass, with their severity as a property and their text in
/// `<system-out>`.
std::string render_junit(const CheckResult& r, bool warnings_fail = false);
/// GitLab Code Quality report (CodeClimate subset): a JSON array of {description, check_name,
/// fingerprint, severity, location: {path, lines: {begin}}}. The fingerprint hashes rule, file and
/// message (not the line, so moving text does not churn); equal ones get an ordinal so each is unique.
/// Severities: error major, warning minor, info info. A finding with no file is put on pops.yaml.
std::string render_gitlab(const CheckResult& r);

}  // namespace pops
