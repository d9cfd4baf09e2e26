#pragma once
// The semantic difference between two states of a workspace: items added, removed, moved and
// changed field by field; feedback added and removed; documents added, removed and changing status.
// `pops diff`, `pops log` and the transition rules of `pops check --base` all read this.

#include "model.h"

#include <string>
#include <vector>

namespace pops {

struct Change {
  enum class Kind { added, removed, changed, moved };
  Kind kind = Kind::changed;
  std::string entity;     ///< "item", "feedback" or "doc"
  std::string id;         ///< item or feedback id; a doc's path
  std::string squad;      ///< the item's squad (new state, else old)
  std::string field;      ///< for changed and moved: "status", "target", "squad", "file" ...
  std::string old_value, new_value;
  std::string title;      ///< the item's or doc's title (new state, else old)
  std::string file;       ///< where it is now (old file for removed)
  Loc loc;                ///< in `file`
  int days = 0;           ///< for target changes: new minus old, in days
};

std::string_view kind_name(Change::Kind k);

/// What changed from `from` to `to`, grouped by squad, then by id, in a stable order.
std::vector<Change> diff_workspaces(const Workspace& from, const Workspace& to);

} // namespace pops
