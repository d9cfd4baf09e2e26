#pragma once
// The files of pops's caches (the check cache, the history cache): where they live, the build that
// wrote them, and a checked header (magic, layout version, kind, build, workspace root, payload
// length and checksum) so that a stale, foreign, truncated or corrupt file is never read.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pops {

/// The layout version of the caches' files and of the model's encoding (model_codec.h): 2 metrics
/// series in the parts; 3 XXH3 checksums and keys; 4 moved_from; 5 key_results; 6 initiative, updates.
inline constexpr uint32_t k_cache_format = 7;

/// XXH3 (64 bits) of `data` with `seed`, not cryptographic: the content addresses, keys and checksums
/// of the caches. Every byte counts, whatever the length.
uint64_t content_hash(std::string_view data, uint64_t seed = 0);

/// XXH3 (128 bits) of `data`: the key of stored check results, where a collision would go unnoticed
/// (the stored findings would be shown for another state).
struct Key128 {
  uint64_t low = 0;
  uint64_t high = 0;
  bool operator==(const Key128&) const = default;
};
Key128 content_hash128(std::string_view data);

/// pops's build: version, cache format and the executable's size and time, so a rebuilt pops never
/// reads what another build wrote.
std::string pops_build_id();

/// The cache folder for a workspace: `<git dir>/pops` when `git_dir` is not empty, else
/// $XDG_CACHE_HOME/pops (default ~/.cache/pops); empty when there is none.
std::string cache_dir_for(const std::string& git_dir);

/// A cache file: header + payload. decode_cache_file returns the payload, or nullopt when the bytes
/// are not a cache file of this `kind`, build and workspace root, or are truncated or corrupt.
std::string encode_cache_file(std::string_view kind, std::string_view build, std::string_view root,
                              std::string_view payload);
/// The header alone: encode_cache_file is it followed by the payload.
std::string cache_file_header(std::string_view kind, std::string_view build, std::string_view root,
                              std::string_view payload);
/// Writes the cache file encode_cache_file(kind, build, root, the pieces joined) would hold, to
/// `path` as write_cache_file does, without joining the pieces (a payload of tens of megabytes is
/// not copied).
void write_cache_pieces(const std::string& path, std::string_view kind, std::string_view build, std::string_view root,
                        const std::vector<std::string_view>& payload);
std::optional<std::string_view> decode_cache_file(std::string_view bytes, std::string_view kind, std::string_view build,
                                                  std::string_view root);

}  // namespace pops
