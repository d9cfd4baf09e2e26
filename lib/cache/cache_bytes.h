#pragma once
// The bytes of pops's cache files (lib/cache/check_cache.h, lib/cache/history_cache.h): a compact writer and a
// bounds-checked reader (a malformed input throws Malformed, never reads out of bounds), and reading
// and writing whole cache files.

#include "base/finding.h"

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace pops::cache_bytes {
class Writer {
public:
  std::string out;

  void u(uint64_t v)
  {
    while (v >= 0x80) {
      out.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out.push_back(static_cast<char>(v));
  }
  void i(long long v) { u((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
  void b(bool v) { out.push_back(v ? 1 : 0); }
  void f(double v)
  {
    char buf[8];
    std::memcpy(buf, &v, 8);
    out.append(buf, 8);
  }
  void s(std::string_view v)
  {
    u(v.size());
    out.append(v);
  }
  void fixed64(uint64_t v)
  {
    char buf[8];
    std::memcpy(buf, &v, 8);
    out.append(buf, 8);
  }
};

/// A payload as pieces: small values into one buffer, large byte strings by reference (they must
/// outlive it), so a payload of tens of megabytes is written without a copy of it. pieces() is the
/// payload a Writer given the same calls (s for s_ref) would hold, in order.
class PieceWriter {
public:
  void u(uint64_t v) { m_w.u(v); }
  void s(std::string_view v) { m_w.s(v); }
  void s_ref(std::string_view v)
  {
    m_w.u(v.size());
    m_cuts.push_back({m_w.out.size(), v});
  }
  std::vector<std::string_view> pieces() const
  {
    std::vector<std::string_view> out;
    size_t from = 0;
    const std::string_view all = m_w.out;
    for (const auto& c : m_cuts) {
      out.push_back(all.substr(from, c.at - from));
      out.push_back(c.ref);
      from = c.at;
    }
    out.push_back(all.substr(from));
    return out;
  }

private:
  struct Cut {
    size_t at;  ///< where in the buffer the reference goes
    std::string_view ref;
  };
  Writer m_w;
  std::vector<Cut> m_cuts;
};

struct Malformed : std::runtime_error {
  Malformed() : std::runtime_error("malformed cache data") {}
};

class Reader {
public:
  explicit Reader(std::string_view in) : m_in(in) {}
  // A Reader only views its input: never let it outlive a temporary.
  explicit Reader(std::string&&) = delete;
  explicit Reader(const char* literal) : m_in(literal) {}

  uint64_t u()
  {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (m_pos >= m_in.size()) {
        throw Malformed();
      }
      const auto c = static_cast<unsigned char>(m_in[m_pos++]);
      v |= static_cast<uint64_t>(c & 0x7f) << shift;
      if (!(c & 0x80)) {
        return v;
      }
    }
    throw Malformed();
  }
  long long i()
  {
    const uint64_t z = u();
    return static_cast<long long>((z >> 1) ^ (~(z & 1) + 1));
  }
  bool b()
  {
    need(1);
    return m_in[m_pos++] != 0;
  }
  double f()
  {
    need(8);
    double v;
    std::memcpy(&v, m_in.data() + m_pos, 8);
    m_pos += 8;
    return v;
  }
  std::string_view sv()
  {
    const uint64_t n = u();
    need(n);
    std::string_view v = m_in.substr(m_pos, n);
    m_pos += n;
    return v;
  }
  std::string s() { return std::string(sv()); }
  uint64_t fixed64()
  {
    need(8);
    uint64_t v;
    std::memcpy(&v, m_in.data() + m_pos, 8);
    m_pos += 8;
    return v;
  }
  /// A count of elements, each at least one byte: bounded by what is left.
  size_t count()
  {
    const uint64_t n = u();
    if (n > m_in.size() - m_pos) {
      throw Malformed();
    }
    return static_cast<size_t>(n);
  }
  int int32()
  {
    const long long v = i();
    if (v < INT32_MIN || v > INT32_MAX) {
      throw Malformed();
    }
    return static_cast<int>(v);
  }
  bool done() const { return m_pos == m_in.size(); }
  size_t pos() const { return m_pos; }

private:
  void need(uint64_t n) const
  {
    if (n > m_in.size() - m_pos) {
      throw Malformed();
    }
  }
  std::string_view m_in;
  size_t m_pos = 0;
};

/// A position: line, column, byte offset.
inline void put(Writer& w, const Loc& l)
{
  w.i(l.line);
  w.i(l.column);
  w.i(l.pos);
}
inline void get(Reader& r, Loc& l)
{
  l.line = r.int32();
  l.column = r.int32();
  l.pos = static_cast<long>(r.i());
}

/// The largest cache file pops writes or reads: a larger one is not written (the cache is then only
/// not kept) and one found larger is ignored without reading it, so a damaged or planted file costs
/// neither time nor memory.
constexpr uint64_t k_max_file_bytes = uint64_t{1} << 30;

/// Reads a whole regular file; false when it cannot be opened, is not a regular file, is larger than
/// `max_bytes` (looked at before reading) or does not fit in memory.
bool read_whole(const std::string& path, std::string& out, uint64_t max_bytes = k_max_file_bytes);

/// Writes `content` to `path` through a temporary file renamed over it, without flushing to disk: a
/// cache file cut short by a crash fails its checksum and is ignored. Failures are silent (a cache
/// that cannot be written only costs time); content larger than k_max_file_bytes is not written.
void write_cache_file(const std::string& path, std::string_view content);
/// The same for `head` followed by the `body` pieces, written in turn (no copy of them joined).
void write_cache_file(const std::string& path, std::string_view head, const std::vector<std::string_view>& body);

}  // namespace pops::cache_bytes
