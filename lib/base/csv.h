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
  int line = 0;                     ///< 1-based line the row starts on
  std::vector<std::string> fields;
  std::vector<std::pair<int, int>> cells;  ///< line and 1-based byte column where each field starts
};

struct CsvError {
  int line = 0;                     ///< 1-based line of the row
  int column = 0;                   ///< 1-based byte column of the problem on its line
  std::string message;              ///< lowercase, no final period
};

struct CsvTable {
  std::vector<CsvRow> rows;         ///< good rows in file order (the header is the first); blank lines skipped
  std::vector<CsvError> errors;     ///< rows left out, in file order
};

/// Splits `text` into rows of fields. A row with an error (text after a closing quote, a quote that
/// is never closed) is reported and left out; reading goes on with the next row. Bare quotes inside an
/// unquoted field are kept as text, as spreadsheet tools do.
CsvTable read_csv(std::string_view text, char separator = ',');

/// A field as written in CSV: quoted (with quotes doubled) when it holds a separator, a quote, a line
/// break or leading or trailing space; as is otherwise.
std::string csv_field(std::string_view value, char separator = ',');

} // namespace pops
