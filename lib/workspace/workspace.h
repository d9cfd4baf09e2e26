#pragma once
// Finding, reading and loading a workspace into the model.

#include "workspace/model.h"
#include "yaml/yaml_tree.h"

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace pops {

/// What a file is to pops, from its path relative to the workspace root: the one predicate of which
/// paths are workspace files, for the working tree, the git index and trees alike (`none` for a path
/// with a component starting with '.', e.g. roadmap/.drafts/x.yaml).
/// `doc_index` is docs/README.md: read only to compare it with `pops doc index` (doc-index-stale).
enum class FileKind { none, config, roadmap, feedback, doc, ritual, metrics, doc_index, customers };
FileKind classify(std::string_view path);

/// Whether files of kind `k` are read as Markdown (docs and ritual notes), not as YAML.
inline bool is_markdown(FileKind k)
{
  return k == FileKind::doc || k == FileKind::ritual;
}

/// True when the workspace-relative path `rel` is workspace data that pops reads or edits: pops.yaml,
/// or anything in roadmap/, feedback/, docs/, rituals/, metrics/, templates/ (or .git/, .pops.lock).
bool is_workspace_data(std::string_view rel);

/// Thrown by confine_path; the message names the path and the folder it must be in.
struct PathError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// The one rule for every path pops writes or reads on a user's word (an option such as --to, a
/// folder or template named in pops.yaml, a file of an edit): `path` (relative to the workspace
/// `root`, or absolute) must be a file inside `folder` of the workspace ("metrics"; empty: pops.yaml
/// and other files at the root). Returns the normalized workspace-relative path ("metrics//a.yaml"
/// and "metrics/./a.yaml" give "metrics/a.yaml"). A symbolic link on the way may lead to a file of
/// the same folder or to a file of the workspace outside its data folders, never out of the workspace
/// nor into another data folder. Throws PathError otherwise; `what` names the path's origin in the
/// message (e.g. "--to").
std::string confine_path(const std::string& root, std::string_view path, std::string_view folder,
                         std::string_view what = "path");

/// A file to load: its path relative to the workspace root and its bytes. The bytes may come from
/// the working tree, the git index or a commit.
struct SourceFile {
  std::string path;
  std::string content;
};

/// The nearest folder from `start` upward holding pops.yaml (absolute), if any.
std::optional<std::string> find_workspace(const std::string& start);

/// Reads every file of the workspace at `root` from disk. Files that cannot be read (too large, a
/// broken symlink, a symlink out of the workspace, a folder named like a file) become findings.
std::vector<SourceFile> read_worktree(const std::string& root, std::vector<Finding>& findings);

/// Parses `files` (in parallel) and builds the model. `threads` 0: one per core.
Workspace load_workspace(const std::string& root, std::vector<SourceFile> files, unsigned threads = 0);

/// One file parsed on its own: its YAML tree (or a Markdown file's front matter and headings) and
/// syntax findings. A parse depends only on the bytes and on whether the file is Markdown (docs,
/// ritual notes) or YAML, not on pops.yaml or the path, so states of the workspace holding the same
/// blob can share it (`pops log` parses each blob once).
struct ParsedFile;
std::shared_ptr<const ParsedFile> parse_file(std::string content, FileKind kind);
/// parse_file, re-using the parses of unchanged list elements of roadmap and feedback files kept in
/// `chunks` (lib/yaml/chunked.h); the result is the same.
class ChunkCache;
std::shared_ptr<const ParsedFile> parse_file(std::string content, FileKind kind, ChunkCache& chunks);

/// The configuration in a parsed pops.yaml (`loaded` false when it does not parse or is not valid);
/// its findings are dropped.
Config config_of(const ParsedFile& pops_yaml);

/// A YAML file parsed already (e.g. a part of it, lib/yaml/chunked.h) as a ParsedFile.
std::shared_ptr<const ParsedFile> parsed_from(YamlDoc doc, FileKind kind);

/// A parsed file at a path of the workspace.
struct ParsedSource {
  std::string path;  ///< relative to the workspace root
  std::shared_ptr<const ParsedFile> parsed;
};

/// Builds the model from files parsed already (load_workspace without the parsing). Throws
/// std::logic_error when a file was parsed as Markdown and its path is a YAML file, or the reverse.
Workspace build_workspace(const std::string& root, const std::vector<ParsedSource>& files);

/// build_workspace against a pops.yaml read already (`read_config`): the files are read against
/// `config` (pops.yaml among them is skipped), and the result's own `config` is left empty. For
/// building many small parts of one state, such as the files a commit changed.
Workspace build_workspace(const std::string& root, const Config& config, const std::vector<ParsedSource>& files);

/// read_worktree + load_workspace.
Workspace load_worktree(const std::string& root);

/// Front matter of a Markdown file: the YAML between a first line `---` and the next `---`.
struct FrontMatter {
  bool present = false;
  bool closed = false;
  std::string_view yaml;
  int yaml_line = 0;  ///< line number of the first YAML line, minus one
  long yaml_pos = 0;  ///< byte offset of the first YAML byte
  int body_line = 0;  ///< line number of the first body line, minus one
  std::string_view body;
};
FrontMatter split_front_matter(std::string_view text);

/// ATX headings of a Markdown body, outside fenced code blocks. `line_offset` is added to lines.
std::vector<Heading> markdown_headings(std::string_view body, int line_offset);

}  // namespace pops
