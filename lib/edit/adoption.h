#pragma once
// Adoption: usage series imported from Amplitude and Pendo exports into metrics/adoption.yaml
// (the file is read by workspace/metrics_file.h; items' success targets are evaluated by
// workspace/success.h).

#include "edit/import.h"
#include "edit/ops.h"
#include "workspace/metrics_file.h"
#include "workspace/schema.h"
#include "workspace/success.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pops {

// ---------------------------------------------------------------------------------------------
// Reading exports

/// A series read from an export, points in date order.
struct ExportSeries {
  std::string source, key, metric, unit;
  int line = 0;  ///< where it starts in the export
  std::vector<std::pair<Date, double>> points;
  bool handled = false;  ///< merged already (plan_adoption_import)
};

struct ExportRead {
  std::vector<ExportSeries> series;
  int rows = 0;                        ///< data rows read (good and bad)
  std::vector<ImportRowError> errors;  ///< rows left out, in file order
};

/// Amplitude's chart export: an optional header block, a row of dates (a column per day, after one
/// or more label columns) and a row per event or segment. `metric` empty: from the header block's
/// measure (Uniques -> uniques, Event Totals -> totals ...), else "value". Throws OpError when no row
/// of dates is found.
ExportRead read_amplitude_export(std::string_view csv, const std::string& metric);
/// Pendo's feature or page report: a header row, then a row per feature (or page) per day with
/// columns such as Feature, Date, Visitors, Views. `values`: the columns to import (default: every
/// column among Visitors, Accounts, Views, Events, Clicks, Minutes), each a series whose metric is
/// the column name in lowercase, or `metric` when one column is imported. Throws OpError for a
/// missing feature or date column, an unknown value column, or `metric` with several columns.
ExportRead read_pendo_export(std::string_view csv, const std::string& metric, const std::vector<std::string>& values);

/// A date as Amplitude and Pendo write it: 2026-11-01 (a time after it is fine), 11/1/2026,
/// "Nov 1, 2026", "1 Nov 2026".
std::optional<Date> parse_usage_date(std::string_view text);
/// A value: 412, 1,204, 41.2%, 0.5. `percent` is set when it ends with '%'.
std::optional<double> parse_usage_value(std::string_view text, bool& percent);

// ---------------------------------------------------------------------------------------------
// Importing

struct AdoptionImportOptions {
  std::string file;                 ///< the CSV's name, for messages
  std::string from;                 ///< amplitude | pendo
  std::string metric;               ///< --metric
  std::vector<std::string> values;  ///< --value (pendo)
  std::string to = "metrics/adoption.yaml";
};

struct AdoptionImportResult {
  EditPlan plan;
  ExportRead read;
  int series_added = 0, points_added = 0, points_changed = 0, points_same = 0;
};

/// Plans the import: new series appended, a point of a known date replaced when its value differs,
/// new points inserted in date order; the rest of the file untouched. Creates the file when absent.
/// Throws OpError for an unknown --from, a --to outside metrics/, a file pops cannot edit.
AdoptionImportResult plan_adoption_import(const EditSession& s, std::string_view csv, const AdoptionImportOptions& o);

}  // namespace pops
