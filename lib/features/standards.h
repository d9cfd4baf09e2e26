#pragma once
// `pops standards`: the standards scorecard. For each period (month or quarter) the workspace as it
// was at the period's end (the last commit on or before it, loaded whole) goes through `pops check`'s
// own code (check_workspace, with that commit's pops.yaml: its severities and pilots), and each rule
// in force is tallied per squad: its findings and the share of its subjects that comply
// (check/measures.h, the one definition of each rule's subjects).

#include "check/measures.h"
#include "features/metrics.h"
#include "git/git.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pops {

struct StandardsOptions {
  PeriodKind period = PeriodKind::month;
  std::optional<Date> since;        ///< first period: the one holding this date (else the first commit's)
  Date until{};                     ///< last day; the last period ends there
  std::vector<std::string> squads;  ///< only these squads (empty: all)
};

/// One period of the scorecard and the state it was measured on.
struct StandardsPeriod {
  std::string name;      ///< "2026-11" or "2026-Q4"
  Date start, end;       ///< `end` cut at `until`
  bool complete = true;  ///< false: `until` falls before the period's last day
  std::string commit;    ///< full id of the commit measured ("" before the first commit)
};

/// One rule of one squad in one period.
struct StandardsCell {
  bool measured = false;  ///< a state to measure: a commit, the squad and the rule in force
  std::string severity;   ///< as pops.yaml said then ("off" when the rule was off)
  bool applies = false;   ///< the rule was in force for the squad (no pilot, or the squad in it)
  RuleTally tally;
  std::optional<double> compliance;  ///< (subjects - failing) / subjects; none without subjects
};

struct StandardsRow {
  std::string rule;
  std::string subjects;              ///< what the compliance is of (rule_measure), "" for none
  std::string severity;              ///< in the last period
  bool piloted = false;              ///< in the last period: the rule is under pilot and the squad in it
  std::vector<StandardsCell> cells;  ///< one per period
};

struct StandardsSquad {
  std::string squad;
  std::vector<StandardsRow> rules;  ///< in the rule table's order
};

struct Standards {
  PeriodKind period = PeriodKind::month;
  std::vector<StandardsPeriod> periods;
  std::vector<StandardsSquad> squads;     ///< pops.yaml's order at the end, then squads only earlier states had
  std::vector<std::string> known_squads;  ///< every squad of the states measured, before --squad
};

/// The compliance of a tally: (subjects - failing) / subjects; none without subjects.
std::optional<double> compliance_of(const RuleTally& t);

/// The check result (pilots not applied: every squad's findings) of the workspace at `commit`, as
/// `pops check` would have given it on day `day`, with the workspace read whole from the commit.
/// check_workspace of `ws` as `pops check` runs it on day `day`, pilots not applied.
CheckResult check_as_of(const Workspace& ws, Date day);
struct MeasuredState {
  Workspace ws;
  CheckResult check;
};
MeasuredState measure_state(Repository& repo, const std::string& root, const std::string& prefix,
                            const std::string& commit, Date day);

/// The scorecard of the first-parent history of HEAD. `root`: the workspace's absolute path,
/// `prefix`: its folder in the repository (Repository::prefix_of).
Standards compute_standards(Repository& repo, const std::string& root, const std::string& prefix,
                            const StandardsOptions& opts);

/// The scorecards of a portfolio's members as one: each member's (compute_standards over the same
/// options) with its squads named `member/squad` (qualified_id), members in the order given; the
/// periods of all, by name, in order (a period a member lacks is not measured for its squads). The
/// periods' commits are left empty: each member has its own.
Standards portfolio_standards(const std::vector<std::pair<std::string, Standards>>& members);

/// `pops standards --format json`: {"period","periods":[names],"ends":[dates],"commits":[ids],
/// "squads":[{"squad","rules":[{"rule","measure","severity","piloted","severities":[...],
/// "applies":[...],"findings":[...],"subjects":[...],"failing":[...],"compliance":[...]}]}]}, one
/// element per period in each list; null where a period has nothing to measure.
std::string render_standards_json(const Standards& s);
/// One line per squad and rule, one column per period: findings and compliance ("3 · 75%").
std::string render_standards_table(const Standards& s);
std::string render_standards_markdown(const Standards& s);

}  // namespace pops

namespace pops {

/// A squad's compliance over every rule in force for it (applies) in period `i`: the subjects that
/// comply over all subjects, summed across those rules; none without subjects. The trend of the
/// report's standards section.
std::optional<double> squad_compliance(const StandardsSquad& sq, size_t i);

}  // namespace pops
