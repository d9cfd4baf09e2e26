#pragma once
// `pops feedback import`: feedback entries from a CSV export (Zendesk, Intercom, Salesforce,
// Productboard or any other with --map), planned as one minimal append per feedback file. Rows whose
// key (`url`, or an external id stored as `url: <namespace>:<id>`) is in the workspace already are
// skipped, so importing the same file again adds nothing.

#include "edit/ops.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pops {

struct ImportOptions {
  std::string file;               ///< the CSV's name, for messages
  std::string source;             ///< `source` of every entry; one of feedback_sources
  std::string preset;             ///< "", zendesk, intercom, salesforce or productboard
  std::vector<std::string> maps;  ///< "column=field"
};

struct ImportRowError {
  int line = 0;  ///< 1-based line the row starts on
  std::string message;
};

struct ImportResult {
  EditPlan plan;
  int rows = 0;                        ///< data rows read (good and bad)
  int added = 0;                       ///< entries in the plan
  int present = 0;                     ///< rows whose key is in the workspace or earlier in the file
  std::vector<ImportRowError> errors;  ///< rows left out, in file order
  std::vector<std::pair<std::string, std::string>> columns;  ///< field -> column used
};

/// The presets, and the fields an import can fill.
std::span<const std::string_view> import_presets();
std::span<const std::string_view> import_fields();

/// Plans the import of `csv`. Throws OpError for what stops the whole import (an unknown preset,
/// field or column, no date, text or key column, a source not in feedback_sources); rows that cannot
/// be imported are reported in `errors` and left out.
ImportResult plan_feedback_import(const EditSession& s, std::string_view csv, const ImportOptions& o,
                                  const UsedIds& history);

/// A date as exports write it: YYYY-MM-DD with an optional time after it (`2026-11-03 14:22:10 UTC`,
/// `2026-11-03T14:22:10Z`), or M/D/YYYY with an optional time (`11/3/2026 2:22 PM`).
std::optional<Date> parse_export_date(std::string_view text);
/// A cell of an export as multi-line text: line breaks as \n, surrounding space trimmed.
std::string export_text(std::string_view cell);
/// A cell of an export as one line: runs of space and line breaks as one space, trimmed.
std::string export_line(std::string_view cell);

}  // namespace pops
