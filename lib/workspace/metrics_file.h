#pragma once
// Metrics files (metrics/**/*.yaml): usage and adoption series, read into the model by the loader.
// `pops adoption import` (edit/adoption.h) writes them.

#include "workspace/model.h"
#include "workspace/schema.h"
#include "yaml/yaml_tree.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace pops {

/// The keys of a series, in the order pops writes them.
inline constexpr std::array<std::string_view, 5> k_series_keys = {"source", "key", "metric", "unit", "points"};

/// Reads the `series:` of a metrics file into `out` with `schema` findings: unknown keys, a missing
/// source or key, a date that is not YYYY-MM-DD, a value that is not a number, a series whose
/// source, key and metric are those of another series (here or earlier in `out`). The loader reads each
/// file on its own and reports a series of two files when it assembles them.
void read_metrics_file(const std::string& path, const YNode& root, SchemaReader& r, std::vector<Series>& out);

/// The message of the `schema` finding on `s`, whose source, key and metric are those of the series at
/// `first_file`:`first_line`.
std::string duplicate_series_message(const Series& s, const std::string& first_file, int first_line);

}  // namespace pops
