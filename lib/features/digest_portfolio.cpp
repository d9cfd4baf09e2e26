// A portfolio member's digest (format 1.4): its ids and squads qualified by the member's name, its doc
// files named from the portfolio root. See digest.h.

#include "features/digest.h"

#include "workspace/portfolio.h"

namespace pops {

namespace {

/// `member/s`; an empty `s` (no squad) stays empty.
void qualify(std::string_view member, std::string& s)
{
  if (!s.empty()) {
    s = qualified_id(member, s);
  }
}

}  // namespace

void qualify_digest(Digest& d, const Member& m)
{
  const std::string_view member = m.name;
  if (member.empty()) {
    return;
  }
  for (auto* list : {&d.shipped, &d.committed, &d.slipped, &d.dropped, &d.moved}) {
    for (auto& e : *list) {
      for (auto& doc : e.docs) {
        doc.file = member_file(m, doc.file);
      }
      qualify(member, e.id);
      qualify(member, e.squad);
      qualify(member, e.moved_to);
      qualify(member, e.moved_squad);
      for (auto& fb : e.feedback) {
        qualify(member, fb);
      }
    }
  }
  for (auto& r : d.at_risk) {
    qualify(member, r.id);
    qualify(member, r.squad);
  }
  for (auto& in : d.initiatives) {
    qualify(member, in.id);
    for (auto& id : in.items) {
      qualify(member, id);
    }
  }
  for (auto& g : d.goals) {
    qualify(member, g.id);
    for (auto& kr : g.moved) {
      qualify(member, kr);
    }
  }
  for (auto& f : d.figures) {
    if (f.squad != "total") {  // the sum of the member's squads, not a squad
      qualify(member, f.squad);
    }
  }
  for (auto& r : d.rituals) {
    for (auto& sq : r.squads) {
      qualify(member, sq);
    }
  }
}

}  // namespace pops
