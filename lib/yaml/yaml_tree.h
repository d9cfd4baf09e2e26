#pragma once
// A YAML document as a tree of located nodes, independent of yaml-cpp. Parsing a file's bytes gives
// the tree plus the syntax findings (yaml-syntax, duplicate-key); nothing here depends on pops.yaml,
// so files parse independently and in parallel, and a parse can be cached by content hash.

#include "base/finding.h"

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pops {

struct YNode {
  enum class Kind { null, scalar, seq, map };
  Kind kind = Kind::null;
  bool quoted = false;                           ///< scalar written in quotes or as a block scalar (always a string)
  bool flow = false;                             ///< seq or map written in flow style ([a, b] or {a: b})
  bool alias = false;                            ///< the node is an alias (*name) of an anchored node
  Loc loc;                                       ///< where the node starts (for quoted scalars: the opening quote)
  std::string text;                              ///< scalar text (after unescaping)
  std::vector<YNode> items;                      ///< seq
  std::vector<std::pair<YNode, YNode>> entries;  ///< map: key, value (duplicates removed)

  // Declared here, defined in yaml_tree.cpp: with clang and libstdc++, implicit ones would need
  // std::pair<YNode, YNode> complete while YNode is not yet (the fuzz build uses clang).
  YNode() = default;
  ~YNode();
  YNode(const YNode&);
  YNode(YNode&&) noexcept;
  YNode& operator=(const YNode&);
  YNode& operator=(YNode&&) noexcept;

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_seq() const { return kind == Kind::seq; }
  bool is_map() const { return kind == Kind::map; }
  /// Value of `key` in a map, or nullptr.
  const YNode* get(std::string_view key) const;
  /// "a mapping", "a list", "a string", "empty" ...: for messages.
  std::string_view kind_name() const;
};

struct YamlLimits {
  long max_bytes = 8L * 1024 * 1024;  ///< larger files are refused
  int max_depth = 64;                 ///< nesting of collections
  long max_nodes = 1'000'000;         ///< nodes in the document, anchored copies included
  long max_alias_nodes = 100'000;     ///< nodes copied by expanding aliases (alias bombs)
  long max_flow_marks = 250'000;      ///< '[', '{' and ',' in the file: yaml-cpp holds a flow
                                      ///< collection's tokens in memory until it closes
};

struct YamlDoc {
  bool ok = false;  ///< false: root is unusable, findings say why
  YNode root;
  std::vector<Finding> findings;  ///< yaml-syntax and duplicate-key findings, file field left empty
};

/// Parses `text` as one YAML document. `line_offset` is added to every line and `pos_offset` to
/// every byte offset (front matter inside a Markdown file). A leading UTF-8 BOM is skipped.
YamlDoc parse_yaml(std::string_view text, const YamlLimits& limits = {}, int line_offset = 0, long pos_offset = 0);

/// Checks that `text` is valid UTF-8 with no NUL byte; on failure sets `where` and `what`.
bool check_text(std::string_view text, Loc& where, std::string& what);

}  // namespace pops
