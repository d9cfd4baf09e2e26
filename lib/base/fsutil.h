#pragma once
// File writes that never leave a half-written file behind, and whole reads.

#include <optional>
#include <string>
#include <string_view>

namespace pops {

/// Writes `content` to `path` atomically: a temporary file in the same folder, flushed to disk, then
/// renamed over `path`. An existing file's mode is kept; a new file gets `mode`. Throws
/// std::runtime_error("cannot write 'path': reason").
void write_file_atomic(const std::string& path, std::string_view content, unsigned mode = 0644);

/// Writes a command's output (its -o/--out FILE) to `path`. A regular file, or a new one, is replaced
/// atomically (write_file_atomic). A symbolic link is written through: its final target is replaced
/// atomically and the link stays. A character device (/dev/null, a terminal), a FIFO or a socket is
/// opened and written, never replaced. Throws std::runtime_error("cannot write 'path': reason").
void write_output_file(const std::string& path, std::string_view content);

/// The absolute path `path` with every symbolic link on the way followed (also a dangling one, and
/// parts that do not exist yet, taken as they are), "." and ".." resolved. Throws
/// std::runtime_error after 40 links (a loop).
std::string resolve_links(const std::string& path);

/// Reads `fd` into `out` up to out.size() bytes (retrying interrupted reads), then cuts `out` to what
/// was read (a file that shrank meanwhile).
void read_fd(int fd, std::string& out);

/// The whole content of the file at `path`, or nothing when it cannot be opened (missing, a folder,
/// unreadable). For small files pops writes itself (settings, pops.yaml); workspace files are read
/// with their size limits by workspace/load.
std::optional<std::string> read_whole_file(const std::string& path);

/// The one message for a file over a size limit, in exact bytes (8,388,609 bytes is not "8.0 MiB"):
/// "file is 8388609 bytes, over the limit of 8388608 bytes (8 MiB); split it into smaller files".
std::string too_large_message(unsigned long long size, unsigned long long limit);

}  // namespace pops
