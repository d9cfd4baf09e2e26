#pragma once
// The libgit2 helpers every git-reading file shares, one copy each: owning pointers for libgit2's
// objects, commit and blob ids as text, libgit2's last error as a message, the index a command reads.

#include <git2.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace pops {

/// A unique_ptr deleter calling the libgit2 function `Free`, e.g. GitFree<git_tree_free>.
template <auto Free> struct GitFree {
  template <class T> void operator()(T* p) const { Free(p); }
};

using RepoPtr = std::unique_ptr<git_repository, GitFree<git_repository_free>>;
using IndexPtr = std::unique_ptr<git_index, GitFree<git_index_free>>;
using OdbPtr = std::unique_ptr<git_odb, GitFree<git_odb_free>>;
using ObjectPtr = std::unique_ptr<git_object, GitFree<git_object_free>>;
using CommitPtr = std::unique_ptr<git_commit, GitFree<git_commit_free>>;
using TreePtr = std::unique_ptr<git_tree, GitFree<git_tree_free>>;
using TreeEntryPtr = std::unique_ptr<git_tree_entry, GitFree<git_tree_entry_free>>;
using BlobPtr = std::unique_ptr<git_blob, GitFree<git_blob_free>>;
using SignaturePtr = std::unique_ptr<git_signature, GitFree<git_signature_free>>;
using RevwalkPtr = std::unique_ptr<git_revwalk, GitFree<git_revwalk_free>>;
using DiffPtr = std::unique_ptr<git_diff, GitFree<git_diff_free>>;
using ReferencePtr = std::unique_ptr<git_reference, GitFree<git_reference_free>>;
using ReferenceIteratorPtr = std::unique_ptr<git_reference_iterator, GitFree<git_reference_iterator_free>>;
using ConfigPtr = std::unique_ptr<git_config, GitFree<git_config_free>>;
using ConfigEntryPtr = std::unique_ptr<git_config_entry, GitFree<git_config_entry_free>>;
using ConfigIteratorPtr = std::unique_ptr<git_config_iterator, GitFree<git_config_iterator_free>>;

/// The 40 hex digits of `id` (inline: the history walk calls it for every blob).
inline std::string oid_str(const git_oid& id)
{
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, &id);
  return buf;
}

/// `text` with its first letter lowercased when it is an ASCII capital: a system error message in git
/// style ("permission denied", not "Permission denied").
std::string lower_first(std::string text);

/// libgit2's message for the last failed call on this thread, or "unknown error" when it set none.
std::string last_git_message();

/// Throws std::runtime_error("<what>: <libgit2's last error>") when `rc` is negative; returns `rc`
/// otherwise.
int check_git(int rc, std::string_view what);

/// The index a command reads: inside a git hook the one git names in GIT_INDEX_FILE (it differs for
/// `commit -a` and `commit <paths>`; a relative path is relative to the work tree), else the
/// repository's. Returns libgit2's error code; `path` names the file opened for messages ("" for the
/// repository's own).
int open_index(git_index** out, git_repository* repo, const std::string& workdir, std::string& path);

}  // namespace pops
