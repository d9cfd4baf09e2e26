#pragma once
// JSON values of the model for the commands' --format json: one helper, not one per command (and a
// unity build of cli/ allows no two of the same name).

#include "workspace/model.h"

#include <nlohmann/json.hpp>

namespace pops::cli {

/// The value of `s`, or null when it is not set.
inline nlohmann::ordered_json str_or_null(const LStr& s)
{
  return s.set ? nlohmann::ordered_json(s.value) : nlohmann::ordered_json(nullptr);
}

}  // namespace pops::cli
