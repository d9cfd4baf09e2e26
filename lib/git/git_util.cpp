#include "git/git_util.h"

#include <cstdlib>
#include <stdexcept>

namespace pops {

std::string lower_first(std::string text)
{
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  }
  return text;
}

std::string last_git_message()
{
  const git_error* e = git_error_last();
  return e && e->message ? e->message : "unknown error";
}

int check_git(int rc, std::string_view what)
{
  if (rc < 0) {
    throw std::runtime_error(std::string(what) + ": " + last_git_message());
  }
  return rc;
}

int open_index(git_index** out, git_repository* repo, const std::string& workdir, std::string& path)
{
  if (const char* env = std::getenv("GIT_INDEX_FILE"); env && *env) {
    const std::filesystem::path p =
      std::filesystem::path(env).is_absolute() ? std::filesystem::path(env) : std::filesystem::path(workdir) / env;
    path = p.string();
    return git_index_open(out, path.c_str());
  }
  path.clear();
  return git_repository_index(out, repo);
}

}  // namespace pops
