#pragma once
// The standards section of `pops report`: a squad × rule heat map of compliance in the last period,
// the trend of each squad's compliance, and the summary of each pilot under way (pops pilot report).

#include "features/pilot.h"
#include "features/standards.h"

#include <string>
#include <vector>

namespace pops {

/// What the section shows; `measured` false leaves the section out (no history).
struct StandardsSection {
  bool measured = false;
  Standards standards;
  std::vector<PilotReport> pilots;         ///< the pilots under way
  std::vector<std::string> pilot_members;  ///< in a portfolio, the member of each pilot (else empty)
};

/// `<section id="standards">...</section>`, everything from the workspace escaped.
std::string render_standards_html(const StandardsSection& s);
/// The same in Markdown ("## Standards").
std::string render_standards_section_markdown(const StandardsSection& s);

}  // namespace pops
