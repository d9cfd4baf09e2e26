#pragma once
// Reading RFC 4180 CSV: quoted fields holding commas, quotes ("") and line breaks, a leading UTF-8
// byte order mark, CRLF or LF line endings. A pure function over bytes (no I/O), so it can be fuzzed;
// every row remembers the line it starts on, every error where it is.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pops {

struct CsvRow {
  int line = 0;  ///< 1-based line the row starts on
  std::vector<std::string> fields;
  std::vector<std::pair<int, int>> cells;  ///< line and 1-based byte column where each field starts
};

struct CsvError {
  int line = 0;         ///< 1-based line of the row
  int column = 0;       ///< 1-based byte column of the problem on its line
  std::string message;  ///< lowercase, no final period
};

struct CsvTable {
  std::vector<CsvRow> rows;      ///< good rows in file order (the header is the first); blank lines skipped
  std::vector<CsvError> errors;  ///< rows left out, in file order
};

/// Splits `text` into rows of fields. A row with an error (text after a closing quote, a quote that
/// is never closed) is reported and left out; reading goes on with the next row. Bare quotes inside an
/// unquoted field are kept as text, as spreadsheet tools do. A field csv_field neutralized (a `'`
/// before a would-be formula) reads back without that quote (csv_value), so writing and reading
/// round-trip.
CsvTable read_csv(std::string_view text, char separator = ',');

/// True when a spreadsheet could take `value` for a formula: it starts with `=`, `+`, `-`, `@`, a tab
/// or a carriage return (after any leading `'`s), and is not a plain number such as `-12`, `+4` or
/// `-3.5`.
bool csv_formula_like(std::string_view value);

/// A field as written in CSV: a formula-like value (csv_formula_like) gets a leading `'` so that
/// spreadsheets show it as text (OWASP's advice against CSV injection); then quoted (with quotes
/// doubled) when it holds a separator, a quote, a line break or leading or trailing space; as is
/// otherwise. Every CSV pops writes goes through this function.
std::string csv_field(std::string_view value, char separator = ',');

/// One row: the fields through csv_field, joined by `separator`, ended by `eol`.
std::string csv_row(const std::vector<std::string>& fields, char separator = ',', std::string_view eol = "\n");

/// A field's value as read: the `'` csv_field puts before a formula-like value taken off again.
std::string csv_value(std::string_view field);

}  // namespace pops
