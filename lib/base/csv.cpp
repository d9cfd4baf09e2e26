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
      row.fields.push_back(csv_value(field));
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

namespace {

/// `-12`, `+4`, `-3.5`, `.5`: a sign, digits, at most one decimal point, at least one digit.
bool plain_number(std::string_view v)
{
  size_t i = 0;
  if (i < v.size() && (v[i] == '+' || v[i] == '-')) {
    ++i;
  }
  bool digit = false, point = false;
  for (; i < v.size(); ++i) {
    if (v[i] >= '0' && v[i] <= '9') {
      digit = true;
    } else if (v[i] == '.' && !point) {
      point = true;
    } else {
      return false;
    }
  }
  return digit;
}

}  // namespace

bool csv_formula_like(std::string_view v)
{
  const size_t start = v.find_first_not_of('\'');
  if (start == std::string_view::npos) {
    return false;
  }
  const std::string_view rest = v.substr(start);
  const char c = rest.front();
  if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') {
    return false;
  }
  return !plain_number(rest);
}

std::string csv_value(std::string_view field)
{
  if (field.starts_with('\'') && csv_formula_like(field)) {
    field.remove_prefix(1);
  }
  return std::string(field);
}

std::string csv_row(const std::vector<std::string>& fields, char sep, std::string_view eol)
{
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) {
      out += sep;
    }
    out += csv_field(fields[i], sep);
  }
  out += eol;
  return out;
}

std::string csv_field(std::string_view value, char sep)
{
  // A formula-like value, or one that is `'`s before one, gets one more `'` in front: csv_value
  // takes exactly one off again, so every value reads back as it was.
  std::string neutral;
  if (csv_formula_like(value)) {
    neutral = "'" + std::string(value);
    value = neutral;
  }
  const std::string_view v = value;
  // A value starting with a byte order mark is quoted too: as the first field of a file, a reader
  // (read_csv included) would take the mark for the file's and drop it.
  const bool quote = v.find_first_of(std::string{sep, '"', '\n', '\r'}) != std::string_view::npos
                     || (!v.empty() && (v.front() == ' ' || v.back() == ' ')) || v.starts_with("\xEF\xBB\xBF");
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

}  // namespace pops
