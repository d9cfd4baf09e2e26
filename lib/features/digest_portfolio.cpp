// A portfolio member's digest (format 1.4): its item ids qualified by the member's name. See digest.h.

#include "features/digest.h"

#include "workspace/portfolio.h"

namespace pops {

void qualify_digest(Digest& d, std::string_view member)
{
  if (member.empty()) {
    return;
  }
  for (auto* list : {&d.shipped, &d.committed, &d.slipped, &d.dropped, &d.moved}) {
    for (auto& e : *list) {
      e.id = qualified_id(member, e.id);
      if (!e.moved_to.empty()) {
        e.moved_to = qualified_id(member, e.moved_to);
      }
    }
  }
  for (auto& r : d.at_risk) {
    r.id = qualified_id(member, r.id);
  }
  for (auto& in : d.initiatives) {
    for (auto& id : in.items) {
      id = qualified_id(member, id);
    }
  }
}

} // namespace pops
