#pragma once
// Release notes (`pops release-notes`): the items shipped in a window of the history, exactly the set
// pops metrics and pops digest count as shipped there (shipped_in over the window's commits), grouped
// by squad or by initiative, each with its description, linked docs and the customers whose feedback asked for it.
// Markdown comes from the template `release-notes` (built in; templates/release-notes.md overrides
// it), JSON from the same data.

#include "features/digest.h"
#include "features/template.h"
#include "workspace/model.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace pops {

/// What the notes are grouped by (`--by`).
enum class ReleaseGrouping { squad, initiative };

struct ReleaseGroup {
  std::string key;                 ///< the squad's or initiative's id ("" for items without one)
  std::string name;                ///< display name: the squad's name, the initiative's title
  std::vector<DigestEntry> items;  ///< by ship day, then id
};

struct ReleaseNotes {
  std::string product;
  Audience audience = Audience::all;
  DigestSpan span;    ///< since as given; from/to commits and dates
  std::string until;  ///< as given ("" for HEAD)
  ReleaseGrouping by = ReleaseGrouping::squad;
  std::vector<ReleaseGroup> squads;       ///< squads in pops.yaml order, then others; empty ones left out
  std::vector<ReleaseGroup> initiatives;  ///< initiatives in pops.yaml order, then unknown ones, then
                                          ///< the items of no initiative (key "", "No initiative")
  std::map<std::string, std::string, std::less<>> initiative_of;  ///< item id -> its initiative's id
  std::size_t count = 0;

  /// The groups `by` names.
  const std::vector<ReleaseGroup>& groups() const { return by == ReleaseGrouping::squad ? squads : initiatives; }
};

/// The release notes of the change from `from` to `to` (the committed states around the window):
/// `shipped` are the items shipped in the window's commits (shipped_in). For `Audience::marketing`
/// (notes for the public) the customers who asked are left out.
ReleaseNotes build_release_notes(const Workspace& from, const Workspace& to, Date today,
                                 const std::vector<ItemFacts>& shipped, Audience audience,
                                 ReleaseGrouping by = ReleaseGrouping::squad);

/// The data the template and the JSON are made of: {"product", "audience", "since", "until", "from",
/// "to", "count", "by", "items": [{"id", "title", "squad", "shipped", "description", "docs", "customers",
/// "feedback", "commit", "initiative"}], "groups": [{"group", "name", "items"}] (as `by` says),
/// "squads": [{"squad", "name", "items"}], "initiatives": [{"initiative", "title", "items"}]}; "items"
/// in the order of "groups". `markdown`: text values made safe for Markdown (for the template), and
/// each item's "context": its initiative's title when grouped by squad, its squad's name when grouped
/// by initiative.
nlohmann::ordered_json release_notes_data(const ReleaseNotes& r, bool markdown);
std::string render_release_notes_json(const ReleaseNotes& r);
std::string render_release_notes_markdown(const ReleaseNotes& r, const TemplateText& t);

}  // namespace pops
