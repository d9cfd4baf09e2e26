#pragma once
// The table of rules: every finding names one of these ids. docs/rules.md documents each.

#include "base/finding.h"

#include <span>
#include <string_view>

namespace pops {

struct RuleInfo {
  std::string_view id;
  Severity default_severity;
  std::string_view summary;      ///< one line: what the rule catches
  std::string_view description;  ///< a paragraph: why, and how to fix
};

std::span<const RuleInfo> all_rules();
const RuleInfo* find_rule(std::string_view id);

}  // namespace pops
