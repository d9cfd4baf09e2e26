#pragma once
// The plan framework of the operations (ops.h, and the writes of pops import, customers, org and
// adoption): the workspace as read for an edit, the changes an operation plans as {path, before,
// after}, the findings they would add, and writing them. Nothing is written until apply_plan.

#include "workspace/workspace.h"

#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace pops {

/// A request pops cannot carry out: an unknown id, squad or key, a value it cannot write safely. The
/// message is git-style (lowercase, no final period); the hint, when set, says what to do instead.
class OpError : public std::runtime_error {
public:
  explicit OpError(const std::string& message, std::string hint = {})
    : std::runtime_error(message), m_hint(std::move(hint))
  {
  }
  const std::string& hint() const { return m_hint; }

private:
  std::string m_hint;
};

/// The workspace as read for an edit: the bytes of every file pops reads, and the model built from
/// them.
struct EditSession {
  std::string root;
  std::map<std::string, std::string, std::less<>> files;  ///< workspace-relative path -> bytes
  Workspace ws;
  /// Roadmap and feedback files that were found but not read (too large, not a regular file, a link
  /// out of the workspace, unreadable), with why: ids may live there, so no new id is handed out.
  std::vector<std::pair<std::string, std::string>> unread;

  /// Reads the workspace at `root` from disk.
  static EditSession read(const std::string& root);
  /// The same from files given in memory.
  static EditSession of(const std::string& root, std::vector<SourceFile> files);
};

struct FileChange {
  std::string path;    ///< relative to the workspace root
  std::string before;  ///< empty for a new file
  std::string after;
  bool created = false;
};

struct EditPlan {
  std::vector<FileChange> changes;  ///< the files that change, in the order to write them
  std::string id;                   ///< the item or feedback entry added or changed
  std::string summary;              ///< e.g. "added PAY-13 to roadmap/payments.yaml"
  std::string message;              ///< the commit message of --commit
  std::vector<std::string> hints;   ///< things the user may want to do next

  bool empty() const { return changes.empty(); }
  std::vector<std::string> paths() const;
};

/// Highest number used per prefix ("PAY" -> 14, "FB" -> 1043), e.g. from history_max_ids().
using UsedIds = std::map<std::string, long>;

/// The next free number for `prefix`: above every id in the workspace's files and in `history`.
long next_number(const EditSession& s, const std::string& prefix, const UsedIds& history);

/// The error and warning findings the plan would add: check_workspace of the edited workspace (with
/// the workspace before the edit as the base of the transition rules), less those it has already.
std::vector<Finding> new_findings(const EditSession& s, const EditPlan& plan, Date today);
/// The errors of new_findings.
std::vector<Finding> new_errors(const EditSession& s, const EditPlan& plan, Date today);

/// Writes the plan's files atomically, creating folders as needed. Throws std::runtime_error when a
/// file changed on disk since it was read.
void apply_plan(const std::string& root, const EditPlan& plan);

}  // namespace pops
