// Tests of lib/chunked.*: the item-by-item parse gives exactly the tree and findings of a full parse.

#include "yaml/chunked.h"
#include "base/date.h"
#include "features/sample.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

namespace {

using pops::YNode;

std::string where(const YNode& n)
{
  return std::to_string(n.loc.line) + ":" + std::to_string(n.loc.column) + "@" + std::to_string(n.loc.pos);
}

/// Empty when equal, else the first difference.
std::string diff(const YNode& a, const YNode& b, const std::string& path = "$")
{
  if (a.kind != b.kind || a.quoted != b.quoted || a.flow != b.flow || a.alias != b.alias || a.text != b.text) {
    return path + ": node differs ('" + a.text + "' vs '" + b.text + "')";
  }
  if (a.loc.line != b.loc.line || a.loc.column != b.loc.column || a.loc.pos != b.loc.pos) {
    return path + ": position " + where(a) + " vs " + where(b);
  }
  if (a.items.size() != b.items.size() || a.entries.size() != b.entries.size()) {
    return path + ": sizes differ";
  }
  for (size_t i = 0; i < a.items.size(); ++i) {
    if (auto d = diff(a.items[i], b.items[i], path + "[" + std::to_string(i) + "]"); !d.empty()) {
      return d;
    }
  }
  for (size_t i = 0; i < a.entries.size(); ++i) {
    const std::string p = path + "." + a.entries[i].first.text;
    if (auto d = diff(a.entries[i].first, b.entries[i].first, p + "(key)"); !d.empty()) {
      return d;
    }
    if (auto d = diff(a.entries[i].second, b.entries[i].second, p); !d.empty()) {
      return d;
    }
  }
  return {};
}

std::string diff_docs(const pops::YamlDoc& a, const pops::YamlDoc& b)
{
  if (a.ok != b.ok) {
    return "ok differs";
  }
  if (a.findings.size() != b.findings.size()) {
    return "findings differ";
  }
  for (size_t i = 0; i < a.findings.size(); ++i) {
    if (a.findings[i].message != b.findings[i].message || a.findings[i].loc.line != b.findings[i].loc.line
        || a.findings[i].loc.column != b.findings[i].loc.column) {
      return "finding differs: " + a.findings[i].message + " vs " + b.findings[i].message;
    }
  }
  return diff(a.root, b.root);
}

/// Parses `text` both ways and requires the same result; returns whether the chunked path was taken.
bool same_both_ways(const std::string& text, pops::ChunkCache& cache)
{
  pops::ChunkStats stats;
  const auto chunked = pops::parse_yaml_chunked(text, cache, {}, &stats);
  const auto full = pops::parse_yaml(text);
  const std::string d = diff_docs(chunked, full);
  CHECK_MESSAGE(d.empty(), d << "\nchunked: " << stats.chunked << ", text:\n" << text);
  return stats.chunked;
}

const char* k_layouts[] = {
  // The usual layout, with comments everywhere.
  ("# Payments\nsquad: payments  # default squad\nitems:\n  # first\n  - id: PAY-1\n    title: A\n\n"
   "  # between\n  - id: PAY-2\n    title: \"B: quoted\"\n    tags: [a, b]\n# trailing\n"),
  // Elements at column 0, CRLF line ends.
  "squad: x\r\nitems:\r\n- id: X-1\r\n  title: A\r\n- id: X-2\r\n  title: B\r\n",
  // Block scalars whose lines look like elements and comments.
  "items:\n  - id: X-1\n    description: |\n      - not an element\n      # not a comment\n  - id: X-2\n",
  // Indentation of four, flow mappings as elements, lone dashes.
  "items:\n    - {id: X-1, title: A}\n    -\n      id: X-2\n    - id: X-3\n",
  // Entries of feedback.
  "entries:\n  - id: FB-1\n    date: 2026-01-01\n    quote: >-\n      folded\n      text\n  - id: FB-2\n",
};

const char* k_fallbacks[] = {
  "items:\n  - id: X-1\nsquad: after\n",                         // a key after the list
  "base: &b {status: idea}\nitems:\n  - id: X-1\n    <<: *b\n",  // an alias to the header
  "items:\n  - &a {id: X-1}\n  - *a\n",                          // an alias between elements
  "items:\n  - id: X-1\n    title: \"open\n  - id: X-2\"\n",     // a quote across a boundary
  "items:\n  - id: X-1\n---\nitems:\n  - id: X-2\n",             // two documents
  "items: [a, b]\n",                                             // a flow list
  "items:\n  - id: X-1\n    title: A\n    title: B\n",           // a duplicate key
  "items:\n  - id: X-1\n  bad: indentation\n",                   // a key at the list's indentation
  "items:\n  - id: X-1\n\t- id: X-2\n",                          // a tab
  "\xEF\xBB\xBFitems:\n  - id: X-1\n",                           // a BOM
  "items: # comment\n  - id: [unclosed\n",                       // a syntax error
  "- a\n- b\n",                                                  // no mapping
};

}  // namespace

TEST_CASE("chunked parse: usual layouts take the chunked path and equal a full parse")
{
  pops::ChunkCache cache;
  for (const char* t : k_layouts) {
    CHECK(same_both_ways(t, cache));
  }
}

TEST_CASE("chunked parse: unusual layouts fall back to the full parse, with the same result")
{
  pops::ChunkCache cache;
  for (const char* t : k_fallbacks) {
    CHECK_FALSE(same_both_ways(t, cache));
  }
}

TEST_CASE("chunked parse: the sample's files, and their edits, re-use unchanged chunks")
{
  pops::ChunkCache cache;
  int files = 0;
  for (const auto& [path, text] : pops::sample_final_files(pops::make_date(2026, 11, 22))) {
    if (path.starts_with("roadmap/") || path.starts_with("feedback/")) {
      CHECK(same_both_ways(text, cache));
      ++files;
    }
  }
  CHECK(files >= 7);
  // The same files again: every chunk is a hit.
  const size_t misses = cache.misses();
  for (const auto& [path, text] : pops::sample_final_files(pops::make_date(2026, 11, 22))) {
    if (path.starts_with("roadmap/")) {
      CHECK(same_both_ways(text, cache));
    }
  }
  CHECK(cache.misses() == misses);
  CHECK(cache.hits() > 20);
}

TEST_CASE("chunked parse: random line edits of a roadmap file parse the same both ways")
{
  std::string base;
  for (const auto& [path, text] : pops::sample_final_files(pops::make_date(2026, 11, 22))) {
    if (path == "roadmap/payments.yaml") {
      base = text;
    }
  }
  REQUIRE(!base.empty());
  const std::vector<std::string> inserts = {
    "  - id: PAY-99\n", "squad: late\n",   "    - nested\n",     "  # note\n",          "\n",          "---\n",
    "  - *x\n",         "  - &x {a: 1}\n", "\t- tab\n",          "    title: \"open\n", "  -\n",       "- col0\n",
    "    x: [1,\n",     "    t: 'it''s\n", "    a: {b: 1,\n",    "    d: >\n",          "      \"q\n", "    owner:\n",
    "  - \"x\"\n",      "   - odd\n",      "  - id: PAY-1 # c\n"};
  std::mt19937 rng(20261122);
  pops::ChunkCache cache;
  int chunked = 0;
  int runs = 0;
  for (int round = 0; round < 2000; ++round) {
    std::vector<std::string> lines;
    size_t from = 0;
    while (from < base.size()) {
      size_t nl = base.find('\n', from);
      lines.push_back(base.substr(from, nl - from + 1));
      from = nl + 1;
    }
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      const size_t at = rng() % lines.size();
      switch (rng() % 4) {
      case 0:
        lines.erase(lines.begin() + static_cast<long>(at));
        break;
      case 1:
        lines.insert(lines.begin() + static_cast<long>(at), inserts[rng() % inserts.size()]);
        break;
      case 2:
        lines.insert(lines.begin() + static_cast<long>(at), lines[at]);
        break;
      default:
        lines[at] = lines[at].substr(std::min<size_t>(lines[at].size() - 1, rng() % 3));
        break;
      }
    }
    std::string text;
    for (const auto& l : lines) {
      text += l;
    }
    chunked += same_both_ways(text, cache) ? 1 : 0;
    ++runs;
  }
  // Both paths are exercised.
  CHECK(chunked > runs / 10);
  CHECK(chunked < runs);
}

TEST_CASE("chunk_layout_from an earlier version equals chunk_layout, edit after edit")
{
  std::string text;
  for (const auto& [path, t] : pops::sample_final_files(pops::make_date(2026, 11, 22))) {
    if (path == "roadmap/payments.yaml") {
      text = t;
    }
  }
  REQUIRE(!text.empty());
  const std::vector<std::string> inserts = {"  - id: PAY-99\n",
                                            "squad: late\n",
                                            "    - nested\n",
                                            "  # note\n",
                                            "\n",
                                            "\t- tab\n",
                                            "    title: \"open\n",
                                            "  -\n",
                                            "- col0\n",
                                            "    x: [1,\n",
                                            "other:\n",
                                            "   - odd\n",
                                            "  - id: PAY-1 # c\n",
                                            "    status: shipped\r\n"};
  std::mt19937 rng(112233);
  int incremental = 0;
  for (int round = 0; round < 3000; ++round) {
    // Edits follow one another (each from the version before), and now and then start again.
    std::vector<std::string> lines;
    for (size_t from = 0; from < text.size();) {
      size_t nl = text.find('\n', from);
      nl = nl == std::string::npos ? text.size() - 1 : nl;
      lines.push_back(text.substr(from, nl - from + 1));
      from = nl + 1;
    }
    if (lines.empty()) {
      lines.push_back("items:\n");
    }
    const size_t at = rng() % lines.size();
    switch (rng() % 5) {
    case 0:
      lines.erase(lines.begin() + static_cast<long>(at));
      break;
    case 1:
      lines.insert(lines.begin() + static_cast<long>(at), inserts[rng() % inserts.size()]);
      break;
    case 2:
      lines.insert(lines.begin() + static_cast<long>(at), lines[at]);
      break;
    case 3:
      lines[at] = lines[at].substr(std::min<size_t>(lines[at].size() - 1, rng() % 3));
      break;
    default:
      lines[at] = "    title: Changed " + std::to_string(round) + "\n";
      break;
    }
    std::string next;
    for (const auto& l : lines) {
      next += l;
    }
    if (rng() % 7 == 0) {
      next.pop_back();  // no final newline
    }
    const auto old_layout = pops::chunk_layout(text);
    const auto full = pops::chunk_layout(next);
    if (old_layout) {
      const auto derived = pops::chunk_layout_from(text, *old_layout, next);
      REQUIRE(derived.has_value() == full.has_value());
      if (full) {
        CHECK(derived->key == full->key);
        CHECK(derived->header_end == full->header_end);
        CHECK(derived->starts == full->starts);
        CHECK(derived->start_lines == full->start_lines);
        ++incremental;
      }
    }
    text = full && rng() % 50 ? next : text;
  }
  CHECK(incremental > 1000);
}
