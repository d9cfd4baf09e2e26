#pragma once
// The generated document index (docs/README.md): what `pops doc index` writes and what the rule
// doc-index-stale compares it with. Here, below features/docs, so that check/ needs nothing above it.

#include "workspace/workspace.h"

#include <array>
#include <string>
#include <string_view>

namespace pops {

/// A document's statuses (format.md, "Documents"), in the order the index lists them.
inline constexpr std::array<std::string_view, 4> k_doc_statuses = {"draft", "review", "approved", "obsolete"};

/// The first line of a generated docs/README.md.
extern const std::string_view k_doc_index_marker;
/// True when `text` is an index written by `pops doc index` (its first line is the marker).
bool is_generated_index(std::string_view text);
/// docs/README.md for the workspace: every document by type and status, with owner, items and review
/// date. Depends only on the documents' front matter (not on today), so it stays valid until they
/// change.
std::string render_doc_index(const Workspace& ws);

}  // namespace pops
