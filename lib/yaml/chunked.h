#pragma once
// Parsing a roadmap or feedback file item by item. In a file laid out the usual way (a top-level
// mapping whose last key holds a block-style list running to the end of the file), each list element
// is a chunk of lines starting at "- "; the history commands see thousands of versions of the same
// file in which a few items change, so the parse of every distinct chunk is kept and re-used, and
// only the chunks whose text changed are parsed again. The result is the tree a full parse gives,
// positions included (tests compare the two); any unusual layout, syntax finding, alias or limit
// falls back to the full parse.

#include "yaml/yaml_tree.h"

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pops {

/// Parses of chunks by their text, shared by the threads of one history walk.
class ChunkCache {
public:
  /// The parse of `chunk` (with lines and positions counted from the chunk's start), parsing it on a
  /// miss.
  std::shared_ptr<const YamlDoc> get(std::string_view chunk, const YamlLimits& limits);
  std::size_t hits() const { return m_hits; }
  std::size_t misses() const { return m_misses; }
  std::size_t size() const;
  /// Forgets every chunk (a walk calls it when the cache grows past what it wants to hold).
  void clear();

private:
  mutable std::mutex m_mutex;
  /// Looked up by the chunk's view, without copying it.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::shared_ptr<const YamlDoc>, Hash, std::equal_to<>> m_parses;
  std::size_t m_hits = 0;
  std::size_t m_misses = 0;
};

/// What parse_yaml_chunked did, for tests and the benchmark.
struct ChunkStats {
  bool chunked = false;    ///< false: the layout asked for a full parse
  std::size_t chunks = 0;  ///< list elements found
};

/// Where the list elements of a file are, when it is laid out the usual way.
struct ChunkLayout {
  std::string key;                  ///< the top-level key of the list ("items", "entries")
  std::size_t header_end = 0;       ///< bytes before the first element
  std::vector<std::size_t> starts;  ///< byte offset of each element, then the file's size
  std::vector<int> start_lines;     ///< lines before each element
  std::size_t size() const { return starts.empty() ? 0 : starts.size() - 1; }
  std::string_view chunk(std::string_view text, std::size_t i) const
  {
    return text.substr(starts[i], starts[i + 1] - starts[i]);
  }
};
std::optional<ChunkLayout> chunk_layout(std::string_view text, const YamlLimits& limits = {});

/// chunk_layout(text) from the layout of an earlier version of the file: only the lines between the
/// bytes both versions share at their start and at their end are scanned again, the rest is taken
/// from `old_layout` (shifted). The same result as chunk_layout(text), at the cost of the change; a
/// change in the header or the first element's first line, or any line the scan refuses, lays out
/// the whole text.
std::optional<ChunkLayout> chunk_layout_from(std::string_view old_text, const ChunkLayout& old_layout,
                                             std::string_view text, const YamlLimits& limits = {});

/// The tree of `text` whose list holds only elements [first, last), each at its true position; nothing
/// when a part asks for a full parse. The history commands diff two versions of a file by parsing only
/// the elements between their common leading and trailing elements.
std::optional<YamlDoc> parse_chunks(std::string_view text, const ChunkLayout& layout, std::size_t first,
                                    std::size_t last, ChunkCache& cache, const YamlLimits& limits = {});

/// The same YamlDoc as parse_yaml(text, limits), re-using `cache` for the list elements.
YamlDoc parse_yaml_chunked(std::string_view text, ChunkCache& cache, const YamlLimits& limits = {},
                           ChunkStats* stats = nullptr);

}  // namespace pops
