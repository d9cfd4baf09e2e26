#pragma once
// The operations of `pops item` and `pops feedback`: each takes the workspace as read, plans the
// changes to its files as minimal text edits (edit.h) and returns them as {path, before, after};
// nothing is written until apply_plan. The commands check a plan with new_errors, show it
// (--dry-run) or write it (and commit it), holding the workspace lock (lock.h) throughout.

#include "edit/plan.h"
#include "yaml/edit.h"
#include "workspace/workspace.h"

#include <map>
#include <utility>
#include <stdexcept>
#include <string>
#include <vector>

namespace pops {

/// `pops item add`: options as given on the command line.
struct ItemSpec {
  std::string squad, title, status, horizon, owner, target;
  std::vector<std::string> depends_on, tags;
  std::vector<std::string> links;   ///< "tool=value"
  std::vector<std::string> fields;  ///< "key=value": custom fields, item keys without an option,
                                    ///< "score.NAME=N", "links.TOOL=VALUE"
};

/// `pops item update`: a health-rated update.
struct UpdateSpec {
  std::string health, note;
  Date date;
  std::string author;  ///< a person id, or empty
};

/// `pops feedback add`.
struct FeedbackSpec {
  std::string source, customer, quote, summary, segment, url, arr;
  std::string date;  ///< YYYY-MM-DD; empty: today
  std::vector<std::string> items, tags;
};

/// Adds an item with the next free id of the squad's prefix to the squad's roadmap file (the file
/// whose `squad:` is the squad, else roadmap/<squad>.yaml, else the file holding most of its items;
/// created when there is none). The status defaults to the first status of the workflow.
EditPlan plan_item_add(const EditSession& s, const ItemSpec& spec, const UsedIds& history);
/// Changes keys of an item: "key=value", "key=" (removes an optional key), "list+=a,b",
/// "list-=a", "links.jira=PAY-1", "score.reach=4000".
EditPlan plan_item_set(const EditSession& s, const std::string& id, const std::vector<std::string>& assignments);
/// Moves an item to its squad's roadmap file. An item of another squad cannot keep its id (ids carry
/// the squad's prefix): with `new_id` it is copied to `squad` under the next id of that squad and
/// dropped where it was; without, the request is refused with what to do.
EditPlan plan_item_move(const EditSession& s, const std::string& id, const std::string& squad, bool new_id,
                        const UsedIds& history);
/// Sets status `dropped` and `dropped_reason`; nothing is deleted.
EditPlan plan_item_drop(const EditSession& s, const std::string& id, const std::string& reason);
/// Appends {date, health, note[, author]} to the `updates:` of an item (its roadmap file) or of an
/// initiative of pops.yaml, as a minimal edit: the list created when absent, block or flow as written.
EditPlan plan_item_update(const EditSession& s, const std::string& id, const UpdateSpec& spec);
/// Adds a feedback entry with the next free FB id to feedback/YYYY-MM.yaml of its date.
EditPlan plan_feedback_add(const EditSession& s, const FeedbackSpec& spec, const UsedIds& history, Date today);
/// The feedback file of a date YYYY-MM-DD: feedback/YYYY-MM.yaml, or its .yml twin when only that exists.
std::string feedback_file_for(const EditSession& s, const std::string& date);
/// Appends numbered feedback entries to their files, one edit (one re-parse and check) per file,
/// creating the files that do not exist: `by_file` holds each file with its entries in order.
std::vector<FileChange>
plan_feedback_appends(const EditSession& s,
                      const std::vector<std::pair<std::string, std::vector<NewEntries>>>& by_file);
/// Adds item ids to a feedback entry's `items`.
EditPlan plan_feedback_link(const EditSession& s, const std::string& fb, const std::vector<std::string>& items);

/// "key=value", "key+=value", "key-=value" or "key=" split up; throws OpError otherwise.
struct Assignment {
  std::string key;
  char op = '=';  ///< '=', '+' or '-'
  std::string value;
};
Assignment parse_assignment(std::string_view text);

/// Changes and additions of many items in one plan (`pops import`): each update is applied like
/// plan_item_set, each new item is written like plan_item_add under the next free id of its squad,
/// appended in one edit per file. ItemSpec::fields may hold `score.NAME=N` and `links.TOOL=VALUE`.
struct ItemBatch {
  std::vector<std::pair<std::string, std::vector<Assignment>>> updates;  ///< item id -> changes, in order
  std::vector<ItemSpec> adds;
};
/// Plans `batch`; `new_ids` receives the ids given to `batch.adds`, in order. Leaves the summary and
/// the commit message to the caller.
EditPlan plan_item_batch(const EditSession& s, const ItemBatch& batch, const UsedIds& history,
                         std::vector<std::string>& new_ids);

/// The order pops writes the keys of an item and of a feedback entry in.
std::span<const std::string_view> item_key_order();
std::span<const std::string_view> feedback_key_order();

}  // namespace pops
