#pragma once
// Text-level editing of YAML files that keeps every byte a person wrote. yaml-cpp cannot round-trip
// comments, so pops never re-emits a file: it finds the bytes of a value through the positions the
// parser recorded, splices new text in, re-parses, and checks that the new tree is exactly the
// intended one (every other value unchanged, styles and quoting as planned) and that every comment is
// still there, in order. An edit that cannot be made that way is refused and changes nothing.

#include "yaml/yaml_tree.h"

#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace pops {

/// An edit that cannot be made safely (an alias in the way, a value over several lines, an unusual
/// layout) or that would not give the intended result. The text is left as it was. The message is
/// lowercase with no final period, e.g. "the value of 'title' is an alias (*name)".
class EditRefused : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// A scalar to write. Text values (`string`) are quoted when YAML would read them as something else
/// (`yes`, `null`, `12`, `2026-01-01`, a leading `*` ...); numbers, dates and booleans are written
/// plain when they can be.
struct NewScalar {
  std::string text;
  bool string = true;
};

/// A value to write: a scalar, a list of scalars or a mapping of scalars.
struct NewValue {
  enum class Kind { scalar, list, map };
  Kind kind = Kind::scalar;
  NewScalar scalar;
  std::vector<NewScalar> list;
  std::vector<std::pair<std::string, NewScalar>> map;

  static NewValue text(std::string s) { return {Kind::scalar, {std::move(s), true}, {}, {}}; }
  static NewValue plain(std::string s) { return {Kind::scalar, {std::move(s), false}, {}, {}}; }
  static NewValue of_list(std::vector<NewScalar> v) { return {Kind::list, {}, std::move(v), {}}; }
  static NewValue of_map(std::vector<std::pair<std::string, NewScalar>> m) { return {Kind::map, {}, {}, std::move(m)}; }
};

/// Keys and values of a new list entry (an item, a feedback entry), in the order to write them.
using NewEntries = std::vector<std::pair<std::string, NewValue>>;

/// How a file is written, so that new text looks like the rest of it. Detected from the file; what a
/// file does not show (a file with no lists) comes from another file with inherit().
struct TextStyle {
  std::string eol = "\n";      ///< "\r\n" when the file uses CRLF
  int entry_indent = 2;        ///< column (0-based) of the '-' of the entries of the top-level list
  int key_offset = 2;          ///< an entry's keys start this many columns after its '-'
  int list_indent = 2;         ///< '-' of a block list under a key, relative to the key (0: "indentless")
  int map_indent = 2;          ///< keys of a block mapping under a key, relative to the key
  bool flow_lists = true;      ///< an entry's lists are written [a, b], not as block lists
  bool flow_maps = true;       ///< an entry's mappings are written {a: b}
  bool blank_between = false;  ///< entries are separated by a blank line
  char quote = '"';            ///< preferred quote character
  bool has_entries = false;    ///< the list has entries: entry_indent is theirs
  bool has_key_offset = false, has_blank = false, has_lists = false, has_maps = false, has_quotes = false,
       has_eol = false;

  /// Takes from `other` what this file does not show.
  void inherit(const TextStyle& other);
};

/// A step of a path into the tree: a mapping key or a list index.
using PathStep = std::variant<std::string, size_t>;
using Path = std::vector<PathStep>;

/// The node at `path` under `root`, or nullptr.
const YNode* node_at(const YNode& root, const Path& path);

/// True when two trees hold the same data written the same way: kinds, texts, quoting, flow style,
/// aliases, order of keys and entries. Positions are ignored.
bool same_tree(const YNode& a, const YNode& b);

/// True when `text` would be read back as the same string if written without quotes, in block
/// context or inside [ ] / { } (`flow`).
bool plain_safe(std::string_view text, bool flow);
/// True when a plain `text` would be read as something other than a string by YAML tools: a number,
/// boolean, null or date.
bool reads_as_non_string(std::string_view text);
/// The scalar as it would be written: plain when safe, else quoted with `quote` (' or "; double
/// quotes when the text needs escapes).
std::string format_scalar(const NewScalar& v, bool flow, char quote = '"');

/// A YAML file being edited.
class YamlText {
public:
  /// Parses `text`. Throws EditRefused when it is not valid YAML or its root is not a mapping.
  explicit YamlText(std::string text);

  const std::string& text() const { return m_text; }
  const YNode& root() const { return m_root; }
  /// The style of the file; `list_key` names the top-level list whose entries it is detected from.
  TextStyle style(std::string_view list_key) const;

  /// Sets `key` of the mapping at `map`: replaces the value in place, or inserts the key after the
  /// last present key that comes before it in `order` (or after the last key when it is not in
  /// `order`).
  void set(const Path& map, std::string_view key, const NewValue& value, const TextStyle& style,
           std::span<const std::string_view> order = {});
  /// Removes `key` (and its value) from the mapping at `map`. Comments on its lines are kept, as
  /// comment lines. Does nothing when the key is absent.
  void remove(const Path& map, std::string_view key);
  /// Appends `value` to the list `key` of the mapping at `map`, creating the list when absent.
  void list_add(const Path& map, std::string_view key, const NewScalar& value, const TextStyle& style,
                std::span<const std::string_view> order = {});
  /// Appends a mapping of scalars (`entries`, in order) to the list `key` of the mapping at `map`: a
  /// "- k: v" block in a block list, "{k: v}" in a flow list; a new block list when `key` is absent.
  void list_add_map(const Path& map, std::string_view key,
                    const std::vector<std::pair<std::string, NewScalar>>& entries, const TextStyle& style,
                    std::span<const std::string_view> order = {});
  /// Removes the entry `value` from the list `key`; removes the key when the list becomes empty.
  /// Throws EditRefused when the list does not hold it.
  void list_remove(const Path& map, std::string_view key, std::string_view value);
  /// Appends a mapping with `entries` to the block list `key` of the top-level mapping (items:,
  /// entries:), in `style`.
  void append_entry(std::string_view key, const NewEntries& entries, const TextStyle& style);
  /// Appends several entries in one edit (one re-parse and check for all of them).
  void append_entries(std::string_view key, std::span<const NewEntries> entries, const TextStyle& style);

  /// A list entry cut out of a file, with its leading comment lines, to insert elsewhere.
  struct Block {
    std::string text;                   ///< its lines, each ending with a line break
    int dash_column = 0;                ///< 0-based column of its '-'
    int key_offset = 2;                 ///< its first key starts this many columns after the '-'
    YNode node;                         ///< the entry as parsed
    std::vector<std::string> comments;  ///< the comments it holds
  };
  /// Cuts entry `index` of the top-level block list `key` (with the comment lines just above it and
  /// one blank separator line) and returns it.
  Block cut_entry(std::string_view key, size_t index);
  /// Appends a block cut from another file to the top-level list `key`, re-indented to `style`.
  void insert_block(std::string_view key, const Block& block, const TextStyle& style);

private:
  struct Splice {
    size_t pos = 0;
    size_t len = 0;
    std::string text;
  };
  /// Applies `splices` to the text, re-parses and verifies the result against `expected` and the
  /// comments; on any difference restores the text and throws EditRefused(`what` + reason).
  void commit(std::vector<Splice> splices, const YNode& expected, std::string_view what,
              long comments_removed_from = -1, long comments_removed_to = -1,
              const std::vector<std::string>* comments_added = nullptr);
  void insert_entry_lines(std::string_view key, const std::string& lines, const YNode& entry, const TextStyle& style,
                          std::string_view what, const std::vector<std::string>* comments = nullptr);
  void insert_entry_lines(std::string_view key, const std::string& lines, const std::vector<YNode>& entries,
                          const TextStyle& style, std::string_view what,
                          const std::vector<std::string>* comments = nullptr);

  std::string m_text;
  YNode m_root;
  size_t m_findings = 0;
};

/// The comments of a YAML text in order (their text from '#' to the end of the line), found outside
/// quoted and block scalars.
std::vector<std::string> yaml_comments(std::string_view text, const YNode& root);

}  // namespace pops
