#pragma once
// `pops pilot`: the rules pops.yaml ever put under `pilot:` (from its git history), and the report
// of one pilot: the pilot squads against the others, before and after it started, on the rule's own
// findings and compliance (features/standards.h) and on the delivery figures of `pops metrics`.

#include "features/metrics.h"
#include "features/standards.h"
#include "git/git.h"

#include <optional>
#include <string>
#include <vector>

namespace pops {

/// One change of a rule's pilot in a commit of pops.yaml.
struct PilotEvent {
  Date date;
  std::string commit;               ///< full id
  std::string what;                 ///< "piloted", "widened", "narrowed", "changed", "rolled out", "ended", "severity"
  std::vector<std::string> squads;  ///< the pilot squads after it (empty once rolled out or ended)
  std::string severity;             ///< the rule's severity after it
};

/// One pilot of a rule: from the commit that put it under `pilot:` to now or to its end.
struct PilotRecord {
  std::string rule;
  std::vector<std::string> squads;   ///< the squads it started with
  std::vector<std::string> current;  ///< its squads in the last version (empty once it ended)
  Date started;
  std::string commit;              ///< the commit that started it
  std::vector<PilotEvent> events;  ///< oldest first, the start included
  std::string state;               ///< "piloting", "rolled out" (in force for every squad) or "ended"
  std::optional<Date> ended;       ///< the day it was rolled out or ended
};

struct PilotHistory {
  std::vector<PilotRecord> pilots;  ///< by start, oldest first
  bool truncated = false;           ///< a shallow clone: pops.yaml's older versions are absent
};

/// Every pilot in the versions of pops.yaml (the workspace's, `prefix` its folder) on HEAD's
/// first-parent line. A version that cannot be read changes nothing.
PilotHistory pilot_history(Repository& repo, const std::string& root, const std::string& prefix);

/// A figure of one group of squads in one window, with its sample size.
struct PilotFigure {
  std::optional<double> value;
  int n = 0;  ///< items (or subjects) it is computed from
};

/// One group (the pilot squads or the others) in one window.
struct PilotSide {
  Date from, to;       ///< inclusive
  std::string commit;  ///< the state the rule is measured on (at `to`), "" when none
  int findings = 0;
  PilotFigure compliance;            ///< n: the rule's subjects
  PilotFigure cycle_p50, cycle_p85;  ///< days, over items shipped in the window (n: those with a cycle time)
  PilotFigure predictability;        ///< over the complete periods in the window (n: committed items)
  int throughput = 0;                ///< items shipped in the window
  int slips = 0;                     ///< target moves later in the window
};

struct PilotReport {
  PilotRecord pilot;
  int episode = 1;   ///< which pilot of the rule this is, 1 = its first (by start)
  int episodes = 1;  ///< the rule's pilots in pops.yaml's history
  std::vector<std::string> pilot_squads, other_squads;
  PilotSide pilot_before, pilot_after, others_before, others_after;
  std::string verdict;  ///< plain words; says when the samples are too small
};

/// The fewest items (or subjects) on each side for the verdict to compare a figure.
inline constexpr int k_pilot_min_sample = 5;

/// The report of the latest pilot of `rule` started up to `until` (a rule piloted, ended and piloted
/// again has several: an earlier `until` reports an earlier one; `episode` and `episodes` say which):
/// the "after" window runs from the day the pilot started to the day it was rolled out or ended
/// (else `until`); the "before" window is as long, ending the day before (cut at the first commit).
/// Throws std::runtime_error when the rule was never piloted.
PilotReport pilot_report(Repository& repo, const std::string& root, const std::string& prefix, const std::string& rule,
                         Date until, const Metrics& metrics);

/// The verdict of a report from its figures (pilot_report sets it; its words are tested).
std::string pilot_verdict(const PilotReport& r);

/// A change of a rule's standard between two versions of pops.yaml (`pops digest`).
struct StandardChange {
  std::string rule;
  std::string what;      ///< "severity", "piloted", "widened", "narrowed", "changed", "rolled out", "ended"
  std::string from, to;  ///< severities, or pilot squads joined by ", "
};
/// The changes of every rule from `from` to `to` (rules in the rule table's order); none when either
/// pops.yaml was unusable.
std::vector<StandardChange> standard_changes(const Config& from, const Config& to);
/// "target-passed: severity error (was warning)", "doc-stale: piloted with payments" ...
std::string standard_change_text(const StandardChange& c);

std::string render_pilot_list_json(const PilotHistory& h);
std::string render_pilot_list_table(const PilotHistory& h);
std::string render_pilot_report_json(const PilotReport& r);
std::string render_pilot_report_text(const PilotReport& r);
std::string render_pilot_report_markdown(const PilotReport& r);

}  // namespace pops
