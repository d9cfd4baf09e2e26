// Cache files: content hashes, the build id, the cache folder, and the checked header around a
// payload (cache/cache_file.h).

#include "cache/cache_file.h"

#include "cache/cache_bytes.h"

#include <fmt/format.h>

#include <cstdlib>
#include <sys/stat.h>
#include <xxhash.h>

namespace pops {

using namespace cache_bytes;

namespace {

constexpr std::string_view k_magic = "POPSCACH";

}  // namespace

uint64_t content_hash(std::string_view data, uint64_t seed)
{
  return XXH3_64bits_withSeed(data.data(), data.size(), seed);
}

Key128 content_hash128(std::string_view data)
{
  const XXH128_hash_t h = XXH3_128bits(data.data(), data.size());
  return Key128{h.low64, h.high64};
}

std::string pops_build_id()
{
  std::string id = fmt::format("pops {} cache {}", POPS_VERSION, k_cache_format);
  struct stat st {};
  if (::stat("/proc/self/exe", &st) == 0) {
    id += fmt::format(" exe {} {}.{}", st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
  }
  return id;
}

std::string cache_dir_for(const std::string& git_dir)
{
  if (!git_dir.empty()) {
    return git_dir + "/pops";
  }
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x == '/') {
    return std::string(x) + "/pops";
  }
  if (const char* home = std::getenv("HOME"); home && *home == '/') {
    return std::string(home) + "/.cache/pops";
  }
  return {};
}

namespace {

std::string header_of(std::string_view kind, std::string_view build, std::string_view root, uint64_t size, uint64_t sum)
{
  Writer w;
  w.out.append(k_magic);
  w.u(k_cache_format);
  w.s(kind);
  w.s(build);
  w.s(root);
  w.u(size);
  w.fixed64(sum);
  return std::move(w.out);
}

constexpr uint64_t k_payload_seed = 0x706f7073;

}  // namespace

std::string cache_file_header(std::string_view kind, std::string_view build, std::string_view root,
                              std::string_view payload)
{
  return header_of(kind, build, root, payload.size(), content_hash(payload, k_payload_seed));
}

void write_cache_pieces(const std::string& path, std::string_view kind, std::string_view build, std::string_view root,
                        const std::vector<std::string_view>& payload)
{
  XXH3_state_t* st = XXH3_createState();
  if (!st) {
    return;  // no memory: the cache is not written, which only costs time
  }
  XXH3_64bits_reset_withSeed(st, k_payload_seed);
  uint64_t size = 0;
  for (const auto& piece : payload) {
    XXH3_64bits_update(st, piece.data(), piece.size());
    size += piece.size();
  }
  const uint64_t sum = XXH3_64bits_digest(st);
  XXH3_freeState(st);
  write_cache_file(path, header_of(kind, build, root, size, sum), payload);
}

std::string encode_cache_file(std::string_view kind, std::string_view build, std::string_view root,
                              std::string_view payload)
{
  std::string out = cache_file_header(kind, build, root, payload);
  out.append(payload);
  return out;
}

std::optional<std::string_view> decode_cache_file(std::string_view bytes, std::string_view kind, std::string_view build,
                                                  std::string_view root)
{
  if (!bytes.starts_with(k_magic)) {
    return std::nullopt;
  }
  try {
    Reader r(bytes.substr(k_magic.size()));
    if (r.u() != k_cache_format || r.sv() != kind || r.sv() != build || r.sv() != root) {
      return std::nullopt;
    }
    const uint64_t size = r.u();
    const uint64_t sum = r.fixed64();
    // The payload is all that follows the header: nothing missing (truncated), nothing added.
    const size_t header = k_magic.size() + r.pos();
    if (header > bytes.size() || bytes.size() - header != size) {
      return std::nullopt;
    }
    std::string_view payload = bytes.substr(header);
    if (content_hash(payload, 0x706f7073) != sum) {
      return std::nullopt;
    }
    return payload;
  } catch (const Malformed&) {
    return std::nullopt;
  }
}

}  // namespace pops
