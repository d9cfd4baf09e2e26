// Fuzz target: the CSV reader (lib/csv). Rows and errors must be located inside the text, and a
// field written back with csv_field must read back as the same field.

#include "base/csv.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const long lines = std::count(text.begin(), text.end(), '\n') + 1;
  for (char sep : {',', ';', '\t'}) {
    const pops::CsvTable table = pops::read_csv(text, sep);
    int last = 0;
    for (const auto& row : table.rows) {
      if (row.line < 1 || row.line > lines || row.line < last || row.fields.empty()) {
        std::fprintf(stderr, "row at line %d out of range or order\n", row.line);
        std::abort();
      }
      last = row.line;
    }
    for (const auto& e : table.errors) {
      if (e.line < 1 || e.line > lines || e.column < 1 || e.message.empty()) {
        std::fprintf(stderr, "error at %d:%d out of range: %s\n", e.line, e.column, e.message.c_str());
        std::abort();
      }
    }
  }
  // Round trip: the bytes as one field, written and read back.
  const std::string line = pops::csv_field(text) + "," + pops::csv_field("x") + "\n";
  const pops::CsvTable back = pops::read_csv(line);
  const bool blank = text.empty();
  if (!back.errors.empty()
      || (!blank && (back.rows.size() != 1 || back.rows[0].fields.size() != 2 || back.rows[0].fields[0] != text))) {
    std::fprintf(stderr, "csv_field does not read back\n");
    std::abort();
  }
  return 0;
}
