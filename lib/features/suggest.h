#pragma once
// `pops feedback suggest`: the items a feedback entry most likely asks for, by text similarity
// (TF-IDF, cosine) between the entry (quote, summary, tags) and each item (title, description, tags,
// its squad's name, and the text of the feedback already linked to it). No network, no model.

#include "workspace/model.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pops {

struct SuggestedItem {
  std::string id;
  double score = 0;              ///< cosine similarity, 0..1
  std::vector<std::string> why;  ///< the words that matched, the strongest first (at most 5)
};

struct Suggestion {
  std::string feedback;              ///< FB id
  std::vector<SuggestedItem> items;  ///< best first, at most `top`; empty when no word matches
};

struct SuggestOptions {
  std::vector<std::string> ids;  ///< these entries only (any, linked or not); empty: see include_linked
  bool include_linked = false;   ///< every entry, not only those without items
  size_t top = 3;
};

/// Suggestions for the entries `o` selects, in file order. An entry's own text never counts for the
/// items it is linked to (so a linked entry is scored as if it were new). Items dropped are left out.
/// Throws std::invalid_argument for an id that is no feedback entry.
std::vector<Suggestion> suggest_links(const Workspace& ws, const SuggestOptions& o);

/// Leave-one-out accuracy: each entry linked to existing items, its links hidden, scored against the
/// rest; a hit at 1 when the first suggestion is one of its items, at 3 when one of the first three is.
struct SuggestAccuracy {
  size_t entries = 0, top1 = 0, top3 = 0;
};
SuggestAccuracy suggest_accuracy(const Workspace& ws);

/// The words of a text as the index sees them: ASCII case folded, split at what is not a letter or a
/// digit, common English words left out, a plural or -ing/-ed ending cut ("refunds" -> "refund").
std::vector<std::string> suggest_terms(std::string_view text);
/// suggest_terms with the word (case folded) each term comes from: {"refund", "refunds"}.
std::vector<std::pair<std::string, std::string>> terms_and_words(std::string_view text);

}  // namespace pops
