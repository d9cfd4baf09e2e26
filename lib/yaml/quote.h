#pragma once
// How the minimal edits (yaml/edit.h) write new values: a scalar plain when YAML reads it back as the
// same text, else quoted; lists and mappings in flow or block style; and the node each is expected to
// parse to. Internal to lib/yaml/; plain_safe, reads_as_non_string and format_scalar are declared in
// yaml/edit.h.

#include "yaml/edit.h"

#include <string>
#include <string_view>
#include <utility>

namespace pops::yaml_write {

/// A scalar written out, and whether it is quoted.
struct Written {
  std::string text;
  bool quoted = false;
};

/// `v` written plain when it is safe (in flow context when `flow`), else in `quote` quotes (double
/// quotes when it needs escapes); `force_quote` quotes it in any case.
Written write_scalar(const NewScalar& v, bool flow, char quote, bool force_quote = false);
/// A mapping key to write: plain when it is a date (`2026-11-01: 412`, as people write dates as keys),
/// quoted when YAML would read it as anything else but text.
NewScalar key_scalar(std::string_view key);
/// The node a written scalar parses to.
YNode scalar_node(const Written& w, const NewScalar& v);
/// A new value in flow style ("[a, b]", "{a: b}", or a scalar) and its expected node.
std::pair<std::string, YNode> write_flow(const NewValue& v, char quote, bool in_flow);
/// The text after "key:" of a value in a block mapping whose keys are at column `col`: " value"
/// and a line break, or a line break and the lines of a block list or mapping. Also the value's node.
std::pair<std::string, YNode> write_block_value(const NewValue& v, int col, const TextStyle& s);
/// True when write_block_value writes `v` as the lines of a block list or mapping.
bool is_block_value(const NewValue& v, const TextStyle& s);

}  // namespace pops::yaml_write
