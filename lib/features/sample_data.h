#pragma once
// The sample organization's tables (features/sample.cpp renders them): its commits, roadmap items,
// feedback entries, documents and ritual notes. Internal to the sample; not part of the features API.

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pops::sample_data {

/// Commit indices, oldest first.
enum CommitId : int {
  k_setup,
  k_first_feedback,
  k_platform_start,
  k_refunds_plan,
  k_sync_1,
  k_review_1,
  k_growth,
  k_review_2,
  k_sync_2,
  k_review_3,
  k_platform_sso,
  k_review_4,
  k_sync_3,
  k_review_5,
  k_commit_count
};

constexpr int k_never = 1000;  ///< an action never done (ActionSpec::done_commit)

/// A commit of the history: its day, author, local time and message.
struct CommitSpec {
  int day;    ///< days from the last sprint review, or months after the first strategy sync
  bool sync;  ///< `day` counts months after the first strategy sync
  const char* author;
  int minute_of_day;  ///< local time of the commit
  const char* message;
};

extern const std::array<CommitSpec, k_commit_count> k_commits;

// Roadmap items.

/// A change of an item, effective from `commit` on; unset fields keep their previous value.
struct ItemStage {
  int commit = k_setup;
  const char* status = nullptr;
  const char* horizon = nullptr;      ///< now, next, later, or Q+2 / Q+3 (quarters after today's)
  std::optional<int> target{};        ///< days from the last sprint review
  std::optional<int> slipped_from{};  ///< previous target, days from the last sprint review
  const char* slip_reason = nullptr;
  const char* note = nullptr;  ///< comment line written above the item
  const char* dropped_reason = nullptr;
};

/// A health-rated update of an item (format 1.3), written from `commit` on.
struct SampleUpdate {
  int commit;
  int day;  ///< days from the last sprint review
  const char* health;
  const char* note;
  const char* author;
};

struct Score {
  double reach = 0;  ///< 0: the item has no score yet
  double impact = 0;
  int confidence = 0;
  double effort = 0;
};

struct ItemSpec {
  const char* id;
  const char* squad;
  const char* title;
  const char* owner;
  std::vector<std::string> depends_on{};
  std::vector<std::string> tags{};
  const char* okr = nullptr;
  std::vector<std::string> key_results{};  ///< from k_sync_3, where the objectives are set
  const char* initiative = nullptr;        ///< from k_sync_3, where the initiatives are set
  std::vector<std::pair<std::string, std::string>> links{};
  Score score{};
  std::vector<std::pair<std::string, std::string>> success{};  ///< metric, target
  const char* risk = nullptr;
  const char* description = nullptr;
  std::vector<ItemStage> stages{};
  std::vector<SampleUpdate> updates{};  ///< health-rated updates, each from its commit on
};

const std::vector<ItemSpec>& items();

// Feedback.

/// A feedback entry, logged in `commit` and dated `days_before` that commit. Ids follow table order.
struct FeedbackSpec {
  int commit;
  int days_before;
  const char* source;
  const char* customer;
  const char* quote = nullptr;
  const char* summary = nullptr;
  std::vector<std::string> tags;
  std::vector<std::string> items;
  const char* url = nullptr;
};

const std::vector<FeedbackSpec>& feedback();

// Documents.

/// A change of a document in `commit`: a new status, or (status nullptr) a review only. Either bumps
/// `reviewed:` to the commit's day.
struct DocStage {
  int commit;
  const char* status;
};

struct DocSpec {
  const char* path;
  const char* type;
  const char* title;
  const char* owner;
  std::vector<std::string> items;
  std::vector<DocStage> stages;
  bool reviewed;     ///< writes `reviewed:` (the date of the latest stage)
  const char* body;  ///< Markdown after the title heading
  /// A document older than the history (imported at its first stage): its `created:` and, until a
  /// later stage, its `reviewed:` day, in days from the last sprint review; 0 for a document the
  /// history creates.
  int old_created = 0;
  int old_reviewed = 0;
};

const std::vector<DocSpec>& docs();

// Ritual notes.

struct ActionSpec {
  const char* what;
  const char* owner;
  int due_days;     ///< days after the meeting
  int done_commit;  ///< commit that marks it done, k_never when still open
};

struct NoteSpec {
  const char* ritual;
  int commit;  ///< the meeting's day is this commit's day
  std::vector<std::string> attendees;
  std::vector<std::string> decisions;
  std::vector<ActionSpec> actions;
  const char* body;
};

const std::vector<NoteSpec>& notes();

}  // namespace pops::sample_data
