#pragma once
// What a replay of the history gives of the model (HistoryStep): the fields it documents, without
// positions, and the comparison of elements on those fields only. Internal to lib/history.

#include "cache/history_cache.h"
#include "workspace/model.h"

#include <cstddef>
#include <vector>

namespace pops {

/// Keeps of each element only the fields a replay gives (HistoryStep, history/history.h):
/// items' id, title, status, horizon, squad, target and moved_from; feedback's id and items; docs'
/// type, status and items; positions are cleared.
void replayed_fields(std::vector<Item>& items, std::vector<Feedback>& feedback, std::vector<Doc>& docs);

/// The same in every field a replay gives.
bool same_replayed(const Item& a, const Item& b);
bool same_replayed(const Feedback& a, const Feedback& b);

/// Leaves out of `before` (from `b0` on) and `after` (from `a0` on), the elements of files changed
/// in place, those a replay sees unchanged: an id once on each side, the same in every field a replay
/// gives. (Whole-file replays see them unchanged too: they are the same element on both sides.)
/// For Item and Feedback.
template <class T> void drop_unchanged(std::vector<T>& before, std::vector<T>& after, size_t b0, size_t a0);

/// The replayed fields of these elements, as a fragment of the history cache.
HistoryFragment replayed(const std::vector<Item>& items, const std::vector<Feedback>& feedback,
                         const std::vector<Doc>& docs);

}  // namespace pops
