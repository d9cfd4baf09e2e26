// RFC 4180 CSV reader. See csv.h.

#include "base/csv.h"

#include <fmt/format.h>

namespace pops {

CsvTable read_csv(std::string_view t, char sep)
{
  CsvTable out;
  size_t i = 0;
  if (t.substr(0, 3) == "\xEF\xBB\xBF") {
    i = 3;
  }
  int line = 1;
  size_t line_start = i;
  const size_t n = t.size();
  while (i < n) {
    CsvRow row;
    row.line = line;
    std::string field;
    bool bad = false;
    CsvError err;
    bool end_of_row = false;
    while (!end_of_row) {
      field.clear();
      row.cells.emplace_back(line, static_cast<int>(i - line_start) + 1);
      if (i < n && t[i] == '"') {
        // Quoted field: runs to the next quote not doubled.
        const int open_line = line;
        const int open_col = static_cast<int>(i - line_start) + 1;
        ++i;
        bool closed = false;
        while (i < n) {
          const char c = t[i];
          if (c == '"') {
            if (i + 1 < n && t[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            closed = true;
            break;
          }
          if (c == '\n') {
            ++line;
            line_start = i + 1;
          }
          field += c;
          ++i;
        }
        if (!closed) {
          if (!bad) {
            err = {open_line, open_col,
                   fmt::format("the quoted field opened at line {} column {} is never closed", open_line, open_col)};
            bad = true;
          }
          end_of_row = true;
          break;
        }
        // After the closing quote: a separator, a line break or the end.
        if (i < n && t[i] != sep && t[i] != '\n' && !(t[i] == '\r' && (i + 1 == n || t[i + 1] == '\n'))) {
          if (!bad) {
            err = {line, static_cast<int>(i - line_start) + 1,
                   "text after a closing quote; a quote inside a quoted field is written twice (\"\")"};
            bad = true;
          }
          while (i < n && t[i] != sep && t[i] != '\n') {
            ++i;
          }
        }
      } else {
        while (i < n && t[i] != sep && t[i] != '\n') {
          if (t[i] == '\r' && (i + 1 == n || t[i + 1] == '\n')) {
            ++i;
            continue;
          }
          field += t[i];
          ++i;
        }
      }
      row.fields.push_back(field);
      if (i < n && t[i] == '\r' && (i + 1 == n || t[i + 1] == '\n')) {
        ++i;
      }
      if (i >= n) {
        end_of_row = true;
      } else if (t[i] == sep) {
        ++i;
        if (i >= n) {
          row.fields.emplace_back();
          row.cells.emplace_back(line, static_cast<int>(i - line_start) + 1);
          end_of_row = true;
        }
      } else if (t[i] == '\n') {
        ++i;
        ++line;
        line_start = i;
        end_of_row = true;
      }
    }
    if (bad) {
      out.errors.push_back(std::move(err));
    } else if (!(row.fields.size() == 1 && row.fields[0].empty())) {
      out.rows.push_back(std::move(row));
    }
  }
  return out;
}

std::string csv_field(std::string_view v, char sep)
{
  // A value starting with a byte order mark is quoted too: as the first field of a file, a reader
  // (read_csv included) would take the mark for the file's and drop it.
  const bool quote = v.find_first_of(std::string{sep, '"', '\n', '\r'}) != std::string_view::npos
                     || (!v.empty() && (v.front() == ' ' || v.back() == ' '))
                     || v.starts_with("\xEF\xBB\xBF");
  if (!quote) {
    return std::string(v);
  }
  std::string out = "\"";
  for (char c : v) {
    out += c;
    if (c == '"') {
      out += '"';
    }
  }
  return out + '"';
}

} // namespace pops
