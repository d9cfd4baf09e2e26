#pragma once
// The semantic difference between two states of a workspace: items added, removed, moved and
// changed field by field; feedback added and removed; documents added, removed and changing status.
// `pops diff`, `pops log` and the transition rules of `pops check --base` all read this.

#include "workspace/model.h"

#include <string>
#include <vector>

namespace pops {

struct Change {
  enum class Kind { added, removed, changed, moved };
  Kind kind = Kind::changed;
  std::string entity;     ///< "item", "initiative" (of pops.yaml), "feedback" or "doc"
  std::string id;         ///< item or feedback id; a doc's path
  std::string squad;      ///< the item's squad (new state, else old)
  std::string old_squad;  ///< for a move under a new id (kind moved, field "id"): the old id's squad
  std::string field;      ///< for changed and moved: "status", "target", "squad", "file", "id" ...
  std::string old_value, new_value;
  std::string title;               ///< the item's or doc's title (new state, else old)
  std::string file;                ///< where it is now (old file for removed)
  Loc loc;                         ///< in `file`
  int days = 0;                    ///< for target changes: new minus old, in days
  std::string status;              ///< the item's status (new state, else old); a doc's status
  std::string reason;              ///< for a status change to dropped: the item's dropped_reason (no separate
                                   ///< dropped_reason change is reported then)
  std::string customer;            ///< for feedback: the customer
  std::vector<std::string> links;  ///< for feedback and docs: the items it lists
};

std::string_view kind_name(Change::Kind k);

/// Orders ids naturally: digit runs compare as numbers, so PAY-2 comes before PAY-10.
bool natural_less(std::string_view a, std::string_view b);

/// A change in words for one line of text: a label ("added", "removed", "moved", "dropped" or the
/// field) and the detail, e.g. {"target", "2026-11-20 -> 2026-12-04 (+14 days)"}. Long values are
/// shortened and kept on one line.
struct ChangeText {
  std::string label, detail;
};
ChangeText describe_change(const Change& c);

/// The id `now` continues when the change from `from` to `to` moved it (`item move --new-id`): its
/// `moved_from` X when `now`'s id is new in `to`, X is an item of `from` not dropped there, and X is
/// gone or dropped in `to`; else "". Such an item is reported as a `moved` change of field "id" (X ->
/// its id) instead of `added`.
std::string moved_from(const Workspace& from, const Workspace& to, const Item& now);

/// What changed from `from` to `to`, grouped by squad, then by id, in a stable order. Without
/// `with_added`, items, feedback and docs only `to` has are left out (the transition rules).
std::vector<Change> diff_workspaces(const Workspace& from, const Workspace& to, bool with_added = true);

}  // namespace pops
