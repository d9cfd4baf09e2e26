#pragma once
// The stakeholder digest: what changed for people outside the product team between two states of
// the workspace, from their semantic diff (diff_workspaces): items shipped (with release-note lines
// from their descriptions and linked docs, and how late against their first committed target), newly
// committed to the first horizon, dropped or removed, moved to another squad under a new id (not a
// drop: the item goes on); the items that slipped in the period's commits (docs/metrics.md,
// "Slips"); the next dates of the rituals; figures per squad. Nothing is invented: every entry is a
// change in the period, and names the commit that made it when the history is given.

#include "features/pilot.h"
#include "features/metrics.h"
#include "history/history.h"
#include "workspace/model.h"

#include <optional>
#include <string>
#include <vector>

namespace pops {

struct Member;

struct DigestDoc {
  std::string file, title, status;
};

/// One item in the digest.
struct DigestEntry {
  std::string id, title, squad, status, horizon;
  std::string description;             ///< on one line
  std::optional<Date> target;          ///< in the newer state; slipped: after its last slip
  std::optional<Date> old_target;      ///< slipped: the target before its first slip
  int days = 0;                        ///< slipped: the days of its slips, summed
  int slips = 0;                       ///< slipped: how many (docs/metrics.md, "Slips")
  std::optional<Date> shipped_on;      ///< shipped: the day it shipped, when the history knows it
  std::optional<Date> first_target;    ///< shipped: its first committed target (docs/metrics.md)
  std::optional<int> late_days;        ///< shipped: shipped_on - first_target (negative: early)
  std::string was;                     ///< dropped: the status before; committed: the horizon before ("" when new)
  std::string reason;                  ///< dropped: dropped_reason
  bool removed = false;                ///< dropped: deleted from the roadmap files instead
  std::string moved_to, moved_squad;   ///< moved: the id and squad it goes on as (`item move --new-id`)
  std::vector<DigestDoc> docs;         ///< docs listing the item (newer state)
  std::vector<std::string> customers;  ///< customers of feedback listing the item (newer state), sorted
  std::vector<std::string> feedback;   ///< ids of that feedback
  std::string commit, commit_date;     ///< the newest commit in the range that made the change ("" unknown)
  std::string commit_id;               ///< shipped, slipped: the full id of the commit the history names
                                       ///< (the ship; the latest slip), which attach_commits looks up
};

struct DigestRitual {
  std::string name, cadence;
  std::optional<Date> next;
  std::vector<std::string> squads;  ///< empty: all
};

struct SquadFigures {
  std::string squad;
  int shipped = 0, committed = 0, slipped = 0, slip_days = 0, dropped = 0;
  int in_progress = 0, open_now = 0;  ///< in the newer state: in-progress; open items in the first horizon
};

/// An item whose latest update (format 1.3) is at-risk or off-track, in the newer state.
struct DigestRisk {
  std::string id, title, squad, health, note;
  Date date;
};

/// An initiative with items among the digest's shipped, committed, slipped or dropped entries.
struct DigestInitiative {
  std::string id, title;
  std::vector<std::string> items;
};

/// An objective of the quarter holding today (format 1.2), with its progress in the older and the
/// newer state (goals.h, one computation) and the key results whose progress moved between them.
struct DigestGoal {
  std::string id, title, period;
  std::optional<double> before, now;
  std::vector<std::string> moved;  ///< ids of its key results whose progress changed
  bool added = false;              ///< not in the older state's pops.yaml
};
struct Digest {
  std::string product;
  std::string first_horizon;  ///< "now"
  std::vector<DigestEntry> shipped, committed, slipped, dropped;
  std::vector<DigestEntry> moved;  ///< items moved under a new id: the old id, in the older state
  std::vector<DigestRitual> rituals;
  std::vector<SquadFigures> figures;          ///< the squads of pops.yaml, then any others, then "total"
  std::vector<DigestRisk> at_risk;            ///< not shipped or dropped, in workspace order
  std::vector<DigestInitiative> initiatives;  ///< touched, in pops.yaml order
  std::vector<DigestGoal> goals;              ///< the objectives of today's quarter, in pops.yaml order
  std::vector<StandardChange> standards;      ///< rules whose severity or pilot changed (features/pilot.h)
};

/// The digest of the change from `from` to `to`; rituals from `to`'s pops.yaml, their next dates on
/// or after `today`. Slipped: the items of `slips` (the slips of the period's commits, slips_of).
/// Shipped: the items of `shipped` (those shipped in the period's commits, shipped_in), with their
/// ship day and first committed target; the diff alone does not say what shipped, since an item can
/// ship, reopen and ship again between two states.
Digest build_digest(const Workspace& from, const Workspace& to, Date today, const std::vector<SlipEvent>& slips,
                    const std::vector<ItemFacts>& shipped);

/// "12 days after its first target 2026-09-27", "on its first target 2026-09-27", "3 days before
/// ..."; "" without a first committed target.
std::string lateness_text(const std::optional<Date>& first_target, const std::optional<int>& late_days);

/// Fills each entry's commit from `range` (History::log newest first, the commits after `from` up
/// to `to`): shipped and slipped entries the one of their `commit_id`, the others the newest commit
/// that made that change to the item.
void attach_commits(Digest& d, const std::vector<HistoryEntry>& range);

/// A portfolio member's digest (format 1.4): every id and squad qualified by the name of `m`: item ids
/// (`acme/PAY-3`: the entries, the ids they moved to, the items at risk and those of the
/// initiatives), squads (`acme/payments`: of the entries, the figures, the items at risk, the
/// rituals, the squads moved to; the figures' total stays `total`), objectives and the key results
/// that moved (`acme/O1`, `acme/O1-KR1`), initiatives and the feedback entries' ids (`acme/FB-1`);
/// the entries' doc files named from the portfolio root (`../acme/docs/x.md`, member_file). After
/// attach_commits, which matches the history's unqualified ids. The portfolio's own (no name): unchanged.
void qualify_digest(Digest& d, const Member& m);

/// Who reads the digest; picks sections and details.
enum class Audience { all, exec, sales, support, marketing };
/// "exec" ... ; nullopt for an unknown name.
std::optional<Audience> parse_audience(std::string_view name);
std::string_view audience_name(Audience a);

/// The period a digest covers, for its heading.
struct DigestSpan {
  std::string since;                   ///< as given
  std::string from_commit, from_date;  ///< "" when the period starts before the first commit
  std::string to_commit, to_date;
};

std::string render_digest_markdown(const Digest& d, Audience a, const DigestSpan& span);
std::string render_digest_text(const Digest& d, Audience a, const DigestSpan& span);
std::string render_digest_json(const Digest& d, Audience a, const DigestSpan& span);

}  // namespace pops
