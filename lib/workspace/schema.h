#pragma once
// Reading typed, located values out of a YNode tree while collecting `schema` findings. Used by the
// loaders of pops.yaml, roadmap, feedback, doc and ritual files.

#include "workspace/model.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pops {

class SchemaReader {
public:
  SchemaReader(std::string file, std::vector<Finding>& out) : m_file(std::move(file)), m_out(out) {}

  const std::string& file() const { return m_file; }
  /// Findings reported so far (all files), for attribute_since.
  size_t count() const { return m_out.size(); }
  /// Marks the findings reported since `first` as being about `squad` (for pilots).
  void attribute_since(size_t first, const std::string& squad);
  void report(const Loc& where, std::string message, std::string_view rule = "schema",
              std::vector<std::string> squads = {});

  /// True when `n` is a mapping; else reports "<what> must be a mapping, found ...".
  bool expect_map(const YNode& n, std::string_view what);
  /// Reports keys of `map` not in `known` (with a suggestion).
  void check_keys(const YNode& map, std::span<const std::string_view> known, std::string_view where,
                  std::span<const std::string> extra = {});
  /// Reports `key` missing from `map` (located at the map).
  bool require(const YNode& map, std::string_view key, std::string_view what);

  LStr str(const YNode& map, std::string_view key);
  Located<long> integer(const YNode& map, std::string_view key);
  Located<double> number(const YNode& map, std::string_view key, bool allow_percent = false);
  Located<Date> date(const YNode& map, std::string_view key);
  Located<bool> boolean(const YNode& map, std::string_view key);
  std::vector<LStr> str_list(const YNode& map, std::string_view key, std::string_view example = "");

  /// The same conversions for a node that is not a map value.
  LStr str_of(const YNode& n, std::string_view what, const Loc& key_loc = {});
  Located<double> number_of(const YNode& n, std::string_view what, bool allow_percent, const Loc& key_loc = {});
  Located<Date> date_of(const YNode& n, std::string_view what, const Loc& key_loc = {});
  Located<bool> bool_of(const YNode& n, std::string_view what, const Loc& key_loc = {});
  std::vector<LStr> str_list_of(const YNode& n, std::string_view what, std::string_view example = "");

private:
  const YNode* key_node(const YNode& map, std::string_view key) const;
  std::string m_file;
  std::vector<Finding>& m_out;
};

/// Quotes a scalar for a message: 'text' (shortened when long).
std::string quote(std::string_view text);

/// Parses a plain scalar as a number (YAML 1.2 core: 12, -3.5, 1e3, 0x1F; not .inf/.nan).
bool parse_number(std::string_view text, double& out);

}  // namespace pops
