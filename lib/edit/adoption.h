#pragma once
// Adoption: usage series imported from Amplitude and Pendo exports into metrics/adoption.yaml, and
// items' `success` targets evaluated against them. A series is linked to an item by the item's
// `links.amplitude` / `links.pendo` (the event or feature name in the export); a success entry's
// `metric` names one of the item's linked series by its `metric` (or by its key).

#include "edit/import.h"
#include "edit/ops.h"
#include "workspace/schema.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pops {

// ---------------------------------------------------------------------------------------------
// The file

/// Reads the `series:` of a metrics file into `out` with `schema` findings: unknown keys, a missing
/// source or key, a date that is not YYYY-MM-DD, a value that is not a number, a series whose
/// source, key and metric are those of another series (here or in an earlier file).
void read_metrics_file(const std::string& path, const YNode& root, SchemaReader& r, std::vector<Series>& out);


// ---------------------------------------------------------------------------------------------
// Reading exports

/// A series read from an export, points in date order.
struct ExportSeries {
  std::string source, key, metric, unit;
  int line = 0;                                   ///< where it starts in the export
  std::vector<std::pair<Date, double>> points;
  bool handled = false;                           ///< merged already (plan_adoption_import)
};

struct ExportRead {
  std::vector<ExportSeries> series;
  int rows = 0;                                   ///< data rows read (good and bad)
  std::vector<ImportRowError> errors;             ///< rows left out, in file order
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
  std::string file;                   ///< the CSV's name, for messages
  std::string from;                   ///< amplitude | pendo
  std::string metric;                 ///< --metric
  std::vector<std::string> values;    ///< --value (pendo)
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

// ---------------------------------------------------------------------------------------------
// Targets

/// A success target: `< 2%`, `>= 500`, `> 40%`, `= 0`, `< 2 min`; or a change since the first point
/// of the series: `+10%`, `-50%`, `+200`.
struct Target {
  enum class Op { lt, le, gt, ge, eq, rise, fall };
  Op op = Op::lt;
  double number = 0;
  bool percent = false;
  std::string unit;                   ///< text after the number other than '%' ("min"), shown only
};
std::optional<Target> parse_target(std::string_view text);

enum class TargetState { met, not_met, no_data, unknown_target };
std::string_view state_name(TargetState s);  ///< "met", "not met", "no data", "target not understood"

/// One success entry of an item, evaluated.
struct SuccessStatus {
  const Item* item = nullptr;
  std::string metric, target;
  const Series* series = nullptr;     ///< the linked series it names; nullptr: none
  std::optional<Date> date;           ///< of the latest point
  std::optional<double> value;        ///< the latest value
  std::string shown;                  ///< the latest value as compared: "1.8%", "412"
  std::optional<double> baseline;     ///< first value (relative targets)
  std::optional<Date> trend_from;     ///< the point the trend is measured from
  std::optional<double> trend;        ///< latest minus the value 4 weeks before the latest point
  TargetState state = TargetState::no_data;
  std::string note;                   ///< why there is no data, e.g. "no series 'x' linked"
};

/// The series linked to `item` (links.<source> equals the series' key), in workspace order.
std::vector<const Series*> series_of_item(const Workspace& ws, const Item& item);
/// The item's success entries evaluated against its linked series.
std::vector<SuccessStatus> evaluate_success(const Workspace& ws, const Item& item);
/// Every item with success entries, in workspace order (only `squads` when not empty; not dropped).
std::vector<SuccessStatus> evaluate_all(const Workspace& ws, const std::vector<std::string>& squads = {});

/// A value with its series' unit: "412", "1.8%", "41.25%".
std::string format_usage(double v, std::string_view unit);
/// The trend as "+12 since 2026-10-25" / "-0.4% since ..."; empty without one.
std::string trend_text(const SuccessStatus& s);

} // namespace pops
