#pragma once
// File writes that never leave a half-written file behind, and whole reads.

#include <string>
#include <string_view>

namespace pops {

/// Writes `content` to `path` atomically: a temporary file in the same folder, flushed to disk, then
/// renamed over `path`. An existing file's mode is kept; a new file gets `mode`. Throws
/// std::runtime_error("cannot write 'path': reason").
void write_file_atomic(const std::string& path, std::string_view content, unsigned mode = 0644);

/// Reads `fd` into `out` up to out.size() bytes (retrying interrupted reads), then cuts `out` to what
/// was read (a file that shrank meanwhile).
void read_fd(int fd, std::string& out);

} // namespace pops
