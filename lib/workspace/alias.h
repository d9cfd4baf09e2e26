#pragma once
// Command aliases: `aliases:` in pops.yaml maps a name to a command line (`now: roadmap --horizon now`),
// split like a shell word list. Read and checked here; expanded by the binary before dispatch.

#include "workspace/model.h"
#include "workspace/schema.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pops {

struct Alias {
  LStr name;
  std::vector<std::string> words;  ///< the command line it expands to; never empty when valid
  Loc loc;                         ///< of the value
};

/// Splits `text` like a POSIX shell splits a word list, without expansions: blanks separate words,
/// '...' quotes literally, "..." quotes with \" \\ \$ \` escapes, a backslash outside quotes escapes
/// the next character. On an unterminated quote returns false with `error` and the 0-based offset
/// `at` of the opening quote.
bool split_words(std::string_view text, std::vector<std::string>& words, std::string& error, size_t& at);

/// True for an alias name: ^[a-z0-9][a-z0-9_-]*$, at most 64 characters.
bool is_alias_name(std::string_view name);

/// Reads `aliases:` (a mapping; null or absent: none), reporting `schema` findings through `r`: names,
/// values that are not a string or a list of strings, empty command lines, unterminated quotes,
/// options in the first word. Only valid aliases are returned.
std::vector<Alias> read_aliases(const YNode& aliases, SchemaReader& r);

/// The aliases of the workspace at `root`, read from its pops.yaml without loading anything else;
/// findings (if given) receive what is wrong with them. Throws std::runtime_error when pops.yaml
/// cannot be read.
std::vector<Alias> workspace_aliases(const std::string& root, std::vector<Finding>* findings = nullptr);

/// Findings for aliases whose name is a built-in command (`commands`): built-ins win, so such an
/// alias is never used.
void check_alias_names(const YNode& aliases, std::span<const std::string> commands, std::vector<Finding>& out,
                       const std::string& file = "pops.yaml");

}  // namespace pops
