#include "base/udiff.h"

#include <fmt/format.h>
#include <git2.h>

#include <memory>
#include <stdexcept>

namespace pops {

namespace {

/// A hunk side as `git diff` prints it: "start,count", just "start" for one line, and for an empty
/// side the line before it (libgit2 gives that already).
std::string range(int start, int count)
{
  return count == 1 ? fmt::format("{}", start) : fmt::format("{},{}", start, count);
}

struct PatchFree {
  void operator()(git_patch* p) const { git_patch_free(p); }
};

}  // namespace

std::string unified_diff(std::string_view path, std::string_view before, std::string_view after, bool created,
                         int context)
{
  if (before == after && !created) {
    return {};
  }
  // libgit2 counts its users; this one stays for the life of the process.
  static const int libgit2_users = git_libgit2_init();
  (void)libgit2_users;
  git_diff_options opts;
  git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);  // not the macro: it leaves fields to zero-fill
  opts.context_lines = static_cast<uint32_t>(context < 0 ? 0 : context);
  opts.interhunk_lines = 0;
  opts.flags = GIT_DIFF_FORCE_TEXT;  // a NUL byte does not make the file "binary"
  git_patch* raw = nullptr;
  if (git_patch_from_buffers(&raw, before.data(), before.size(), nullptr, after.data(), after.size(), nullptr, &opts)
      != 0) {
    const git_error* e = git_error_last();
    throw std::runtime_error(fmt::format("cannot diff '{}': {}", path, e && e->message ? e->message : "libgit2"));
  }
  const std::unique_ptr<git_patch, PatchFree> patch(raw);
  std::string out =
    fmt::format("--- {}\n+++ b/{}\n", created ? std::string("/dev/null") : "a/" + std::string(path), path);
  const size_t hunks = git_patch_num_hunks(patch.get());
  for (size_t h = 0; h < hunks; ++h) {
    const git_diff_hunk* hunk = nullptr;
    size_t lines = 0;
    git_patch_get_hunk(&hunk, &lines, patch.get(), h);
    out +=
      fmt::format("@@ -{} +{} @@\n", range(hunk->old_start, hunk->old_lines), range(hunk->new_start, hunk->new_lines));
    for (size_t l = 0; l < lines; ++l) {
      const git_diff_line* line = nullptr;
      git_patch_get_line_in_hunk(&line, patch.get(), h, l);
      std::string_view text(line->content, line->content_len);
      switch (line->origin) {
      case GIT_DIFF_LINE_CONTEXT_EOFNL:
      case GIT_DIFF_LINE_ADD_EOFNL:
      case GIT_DIFF_LINE_DEL_EOFNL:
        out += "\\ No newline at end of file\n";
        continue;
      default:
        break;
      }
      if (!text.empty() && text.back() == '\n') {
        text.remove_suffix(1);
      }
      out += line->origin;
      out += text;
      out += '\n';
    }
  }
  return out;
}

}  // namespace pops
