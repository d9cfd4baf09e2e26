#pragma once
// The sample organization "Acme Cloud" that `pops init --sample DIR` writes: a workspace with three
// squads, about 30 roadmap items, 40 feedback entries, PRDs, decision records and ritual notes, and
// the git history that led to it (a quarter of commits by the sample's people). Everything is derived
// from `today`, so the sample always looks current and is the same for the same day.

#include "base/date.h"

#include <string>
#include <utility>
#include <vector>

namespace pops {

/// One commit of the sample history.
struct SampleCommit {
  std::string date;     ///< YYYY-MM-DD, strictly increasing, all before today
  std::string message;  ///< first line is the subject
  std::string author;   ///< person id from the sample's pops.yaml
  /// Full content of every file this commit adds or changes (path relative to the workspace root).
  std::vector<std::pair<std::string, std::string>> files;
  std::string author_name;    ///< the person's name
  std::string author_email;   ///< the person's email
  long long time = 0;         ///< commit time, unix seconds (during the working day of `date`)
  int tz_offset_minutes = 0;  ///< time zone of `time`
};

/// The sample's commits, oldest first. The first is about 90 days before `today`, the last a few days
/// before it.
std::vector<SampleCommit> sample_history(Date today);

/// Every file of the sample after the last commit, sorted by path.
std::vector<std::pair<std::string, std::string>> sample_final_files(Date today);

/// Commits the whole sample history into the git repository at `repo_dir` (its work tree root is the
/// workspace root), author = committer = the commit's person at the commit's time.
void commit_sample_history(const std::string& repo_dir, Date today);

}  // namespace pops
