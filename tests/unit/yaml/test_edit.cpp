#include "yaml/edit.h"
#include "base/lock.h"
#include "git/repo.h"
#include "base/udiff.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace pops;

namespace {

const std::string_view k_order[] = {"id",    "title",   "status",      "dropped_reason", "squad", "horizon",
                                    "owner", "target",  "depends_on",  "tags",           "okr",   "links",
                                    "score", "success", "description", "reopened"};

Path item(size_t i)
{
  return {std::string("items"), i};
}

std::string crlf(std::string s)
{
  std::string out;
  for (char c : s) {
    if (c == '\n') {
      out += '\r';
    }
    out += c;
  }
  return out;
}

/// A hand-kept roadmap file: comments everywhere, odd spacing, flow and block styles, quotes.
const std::string k_hand = R"(# Payments roadmap.   Keep it tidy!
squad: payments   # default squad

items:
  # The big one.
  - id: PAY-1
    title:    One-click refunds    # the title agreed with support
    status: in-progress
    owner: alice
    depends_on: [PLAT-1,   PLAT-2]   # both platform
    tags:
      - refunds
      # checkout is a stretch
      - checkout
    links: {jira: PAY-1234, figma: "https://figma.example/x"}
    description: >-
      Refund an order in one click
      from the order page.

  - {id: PAY-2, title: 'Payouts', status: idea}

  # Last one.
  - id: PAY-3
    title: "Invoices \"v2\""
    status: planned
)";

}  // namespace

TEST_CASE("golden: a scalar changes and nothing else")
{
  YamlText y(k_hand);
  const TextStyle st = y.style("items");
  y.set(item(0), "title", NewValue::text("Refunds in one click"), st, k_order);
  y.set(item(0), "status", NewValue::text("shipped"), st, k_order);
  y.set(item(2), "title", NewValue::text("Invoices v3"), st, k_order);
  y.set(item(1), "title", NewValue::text("yes"), st, k_order);
  std::string want = k_hand;
  auto replace = [&](std::string_view from, std::string_view to) {
    const size_t p = want.find(from);
    REQUIRE(p != std::string::npos);
    want.replace(p, from.size(), to);
  };
  replace("title:    One-click refunds    #", "title:    Refunds in one click    #");
  replace("status: in-progress", "status: shipped");
  replace("\"Invoices \\\"v2\\\"\"", "\"Invoices v3\"");
  replace("title: 'Payouts'", "title: 'yes'");
  CHECK(y.text() == want);
}

TEST_CASE("golden: keys are added in their place, in block and flow items")
{
  YamlText y(k_hand);
  const TextStyle st = y.style("items");
  y.set(item(0), "horizon", NewValue::text("now"), st, k_order);
  y.set(item(0), "target", NewValue::plain("2026-12-15"), st, k_order);
  y.set(item(0), "reopened", NewValue::plain("true"), st, k_order);
  y.set(item(1), "owner", NewValue::text("bo"), st, k_order);
  y.set(item(1), "tags", NewValue::of_list({{"a"}, {"no"}}), st, k_order);
  y.set(item(2), "links", NewValue::of_map({{"jira", {"PAY-9"}}}), st, k_order);
  CHECK(y.text() == R"(# Payments roadmap.   Keep it tidy!
squad: payments   # default squad

items:
  # The big one.
  - id: PAY-1
    title:    One-click refunds    # the title agreed with support
    status: in-progress
    horizon: now
    owner: alice
    target: 2026-12-15
    depends_on: [PLAT-1,   PLAT-2]   # both platform
    tags:
      - refunds
      # checkout is a stretch
      - checkout
    links: {jira: PAY-1234, figma: "https://figma.example/x"}
    description: >-
      Refund an order in one click
      from the order page.
    reopened: true

  - {id: PAY-2, title: 'Payouts', status: idea, owner: bo, tags: [a, "no"]}

  # Last one.
  - id: PAY-3
    title: "Invoices \"v2\""
    status: planned
    links: {jira: PAY-9}
)");
}

TEST_CASE("golden: lists grow and shrink in their own style")
{
  YamlText y(k_hand);
  const TextStyle st = y.style("items");
  y.list_add(item(0), "depends_on", {"PLAT-3"}, st, k_order);
  y.list_remove(item(0), "depends_on", "PLAT-1");
  y.list_add(item(0), "tags", {"ux"}, st, k_order);
  y.list_remove(item(0), "tags", "refunds");
  y.list_add(item(2), "tags", {"billing"}, st, k_order);
  CHECK(y.text() == R"(# Payments roadmap.   Keep it tidy!
squad: payments   # default squad

items:
  # The big one.
  - id: PAY-1
    title:    One-click refunds    # the title agreed with support
    status: in-progress
    owner: alice
    depends_on: [PLAT-2, PLAT-3]   # both platform
    tags:
      # checkout is a stretch
      - checkout
      - ux
    links: {jira: PAY-1234, figma: "https://figma.example/x"}
    description: >-
      Refund an order in one click
      from the order page.

  - {id: PAY-2, title: 'Payouts', status: idea}

  # Last one.
  - id: PAY-3
    title: "Invoices \"v2\""
    status: planned
    tags: [billing]
)");
  // Emptying a list removes its key.
  y.list_remove(item(2), "tags", "billing");
  CHECK(y.text().find("tags: [billing]") == std::string::npos);
  CHECK(y.text().ends_with("    status: planned\n"));
}

TEST_CASE("golden: removing a key keeps its comments as comment lines")
{
  YamlText y(k_hand);
  y.remove(item(0), "title");
  y.remove(item(0), "depends_on");
  y.remove(item(0), "tags");
  y.remove(item(0), "description");
  y.remove(item(1), "status");
  CHECK(y.text() == R"(# Payments roadmap.   Keep it tidy!
squad: payments   # default squad

items:
  # The big one.
  - id: PAY-1
    # the title agreed with support
    status: in-progress
    owner: alice
    # both platform
      # checkout is a stretch
    links: {jira: PAY-1234, figma: "https://figma.example/x"}

  - {id: PAY-2, title: 'Payouts'}

  # Last one.
  - id: PAY-3
    title: "Invoices \"v2\""
    status: planned
)");
}

TEST_CASE("golden: block scalars keep their style")
{
  YamlText y(k_hand);
  const TextStyle st = y.style("items");
  y.set(item(0), "description", NewValue::text("Refunds from the order page."), st, k_order);
  CHECK(y.text().find("    description: >-\n      Refunds from the order page.\n\n  - {id: PAY-2")
        != std::string::npos);
  // A text that a folded scalar cannot hold as it is becomes a quoted scalar.
  y.set(item(0), "description", NewValue::text("two\nlines"), st, k_order);
  CHECK(y.text().find("    description: \"two\\nlines\"\n\n  - {id: PAY-2") != std::string::npos);
}

TEST_CASE("golden: appending entries follows the file's layout")
{
  YamlText y(k_hand);
  const TextStyle st = y.style("items");
  CHECK(st.blank_between);
  CHECK(st.entry_indent == 2);
  CHECK(st.key_offset == 2);
  CHECK(st.quote == '"');
  y.append_entry("items",
                 {{"id", NewValue::text("PAY-4")},
                  {"title", NewValue::text("2027")},
                  {"status", NewValue::text("idea")},
                  {"tags", NewValue::of_list({{"x"}, {"y z"}})},
                  {"links", NewValue::of_map({{"jira", {"PAY-5"}}})}},
                 st);
  CHECK(y.text() == k_hand + R"(
  - id: PAY-4
    title: "2027"
    status: idea
    tags: [x, y z]
    links: {jira: PAY-5}
)");
}

TEST_CASE("golden: block lists, four-space indentation and no final newline")
{
  const std::string src = "items:\n"
                          "    -   id: A-1\n"
                          "        title: A\n"
                          "        tags:\n"
                          "        - a\n"
                          "    -   id: A-2\n"
                          "        title: B";
  YamlText y(src);
  const TextStyle st = y.style("items");
  CHECK(st.entry_indent == 4);
  CHECK(st.key_offset == 4);
  CHECK_FALSE(st.flow_lists);
  CHECK(st.list_indent == 0);
  CHECK_FALSE(st.blank_between);
  y.list_add(item(0), "tags", {"b"}, st, k_order);
  y.set(item(1), "status", NewValue::text("idea"), st, k_order);
  y.append_entry("items", {{"id", NewValue::text("A-3")}, {"tags", NewValue::of_list({{"c"}})}}, st);
  CHECK(y.text()
        == "items:\n"
           "    -   id: A-1\n"
           "        title: A\n"
           "        tags:\n"
           "        - a\n"
           "        - b\n"
           "    -   id: A-2\n"
           "        title: B\n"
           "        status: idea\n"
           "    -   id: A-3\n"
           "        tags:\n"
           "        - c");
}

TEST_CASE("golden: CRLF files stay CRLF")
{
  const std::string src = crlf(k_hand);
  YamlText y(src);
  const TextStyle st = y.style("items");
  CHECK(st.eol == "\r\n");
  y.set(item(0), "title", NewValue::text("New"), st, k_order);
  y.set(item(2), "owner", NewValue::text("bo"), st, k_order);
  y.list_add(item(0), "tags", {"ux"}, st, k_order);
  y.set(item(0), "description", NewValue::text("Short."), st, k_order);
  y.remove(item(0), "links");
  y.append_entry("items", {{"id", NewValue::text("PAY-4")}, {"title", NewValue::text("T")}}, st);
  std::string want = k_hand;
  want.replace(want.find("One-click refunds"), 17, "New");
  want.replace(want.find("      - checkout\n") + 17, 0, "      - ux\n");
  const std::string old_text = "      Refund an order in one click\n      from the order page.";
  want.replace(want.find(old_text), old_text.size(), "      Short.");
  want.erase(want.find("    links:"), want.find("    description") - want.find("    links:"));
  want += "    owner: bo\n\n  - id: PAY-4\n    title: T\n";
  CHECK(y.text() == crlf(want));
  CHECK(y.text().find("\r\n") != std::string::npos);
  CHECK(y.text().find('\n') == y.text().find("\r\n") + 1);
}

TEST_CASE("golden: a byte order mark and odd spacing stay")
{
  const std::string src = "\xEF\xBB\xBFitems:\n-   id: X-1\n    title   :   A   \n";
  YamlText y(src);
  y.set(item(0), "title", NewValue::text("B"), y.style("items"), k_order);
  CHECK(y.text() == "\xEF\xBB\xBFitems:\n-   id: X-1\n    title   :   B   \n");
}

TEST_CASE("edits that cannot be made safely are refused and change nothing")
{
  const std::string src = "base: &b {x: 1}\n"
                          "items:\n"
                          "  - id: A-1\n"
                          "    title: &t Anchored\n"
                          "    owner: *t\n"
                          "    okr: a plain value\n"
                          "      over two lines\n"
                          "    tags: *x\n";
  // *x is unknown: not valid YAML.
  CHECK_THROWS_AS(YamlText("a: *x\n"), EditRefused);
  YamlText y(src.substr(0, src.rfind("    tags")));
  const std::string before = y.text();
  const TextStyle st = y.style("items");
  CHECK_THROWS_WITH_AS(y.set(item(0), "title", NewValue::text("B"), st, k_order), doctest::Contains("anchor"),
                       EditRefused);
  CHECK_THROWS_WITH_AS(y.set(item(0), "owner", NewValue::text("B"), st, k_order), doctest::Contains("alias"),
                       EditRefused);
  CHECK_THROWS_WITH_AS(y.set(item(0), "okr", NewValue::text("B"), st, k_order), doctest::Contains("several lines"),
                       EditRefused);
  CHECK(y.text() == before);
  // A flow list of entries cannot take a block entry.
  YamlText f("items: [{id: A-1}]\n");
  CHECK_THROWS_WITH_AS(f.append_entry("items", {{"id", NewValue::text("A-2")}}, f.style("items")),
                       doctest::Contains("flow list"), EditRefused);
  CHECK(f.text() == "items: [{id: A-1}]\n");
  // A list entry whose '-' stands alone on its line.
  YamlText d("items:\n  -\n    id: A-1\n");
  CHECK_THROWS_AS(d.cut_entry("items", 0), EditRefused);
  // An explicit indentation indicator: the value is replaced inline, keeping the header's comment.
  YamlText b("items:\n  - id: A-1\n    description: |2  # note\n       indented\n    okr: x\n");
  b.set(item(0), "description", NewValue::text("plain"), b.style("items"), k_order);
  CHECK(b.text() == "items:\n  - id: A-1\n    description: plain  # note\n    okr: x\n");
}

TEST_CASE("empty and null values are filled in")
{
  YamlText y("items:\n  - id: A-1\n    owner:   # nobody yet\n    okr: ~\n    tags: null\n    horizon:\n");
  const TextStyle st = y.style("items");
  y.set(item(0), "owner", NewValue::text("alice"), st, k_order);
  y.set(item(0), "okr", NewValue::text("O1"), st, k_order);
  y.list_add(item(0), "tags", {"x"}, st, k_order);
  y.set(item(0), "horizon", NewValue::text("now"), st, k_order);
  CHECK(y.text()
        == "items:\n  - id: A-1\n    owner: alice   # nobody yet\n    okr: O1\n    tags: [x]\n    horizon: now\n");
  YamlText f("items:\n  - {id: A-1, okr: ~, owner: bo}\n");
  f.remove(item(0), "okr");
  CHECK(f.text() == "items:\n  - {id: A-1, owner: bo}\n");
  f.set(item(0), "owner", NewValue::text("~"), f.style("items"), k_order);
  CHECK(f.text() == "items:\n  - {id: A-1, owner: \"~\"}\n");
  YamlText g("items:\n  - {id: A-1, okr: ~, owner: , tags: null}\n");
  g.set(item(0), "okr", NewValue::text("O1"), g.style("items"), k_order);
  g.set(item(0), "owner", NewValue::text("bo"), g.style("items"), k_order);
  g.list_add(item(0), "tags", {"x"}, g.style("items"), k_order);
  CHECK(g.text() == "items:\n  - {id: A-1, okr: O1, owner: bo, tags: [x]}\n");
}

TEST_CASE("empty lists are turned into block lists when an entry is added")
{
  YamlText a("squad: s\nitems: []   # none yet\n");
  TextStyle st = a.style("items");
  a.append_entry("items", {{"id", NewValue::text("S-1")}, {"title", NewValue::text("T")}}, st);
  CHECK(a.text() == "squad: s\nitems:   # none yet\n  - id: S-1\n    title: T\n");
  YamlText b("items:\n");
  b.append_entry("items", {{"id", NewValue::text("S-1")}}, b.style("items"));
  CHECK(b.text() == "items:\n  - id: S-1\n");
}

TEST_CASE("an entry moves with its comments and blank line, re-indented")
{
  YamlText src(k_hand);
  YamlText::Block b = src.cut_entry("items", 0);
  CHECK(b.text.starts_with("  # The big one.\n  - id: PAY-1\n"));
  CHECK(b.text.ends_with("      from the order page.\n"));
  CHECK(src.text() == R"(# Payments roadmap.   Keep it tidy!
squad: payments   # default squad

items:
  - {id: PAY-2, title: 'Payouts', status: idea}

  # Last one.
  - id: PAY-3
    title: "Invoices \"v2\""
    status: planned
)");
  YamlText dst("items:\n    - id: B-1\n      title: B\n");
  dst.insert_block("items", b, dst.style("items"));
  CHECK(dst.text() == R"(items:
    - id: B-1
      title: B
    # The big one.
    - id: PAY-1
      title:    One-click refunds    # the title agreed with support
      status: in-progress
      owner: alice
      depends_on: [PLAT-1,   PLAT-2]   # both platform
      tags:
        - refunds
        # checkout is a stretch
        - checkout
      links: {jira: PAY-1234, figma: "https://figma.example/x"}
      description: >-
        Refund an order in one click
        from the order page.
)");
  // The last entry out leaves an empty list.
  YamlText one("items:\n  - id: A-1\n");
  one.cut_entry("items", 0);
  CHECK(one.text() == "items: []\n");
}

TEST_CASE("unified diffs look like git's")
{
  CHECK(unified_diff("a.yaml", "x\n", "x\n").empty());
  CHECK(unified_diff("a.yaml", "a\nb\nc\n", "a\nB\nc\n")
        == "--- a/a.yaml\n+++ b/a.yaml\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
  CHECK(unified_diff("n.yaml", "", "x\ny\n", true) == "--- /dev/null\n+++ b/n.yaml\n@@ -0,0 +1,2 @@\n+x\n+y\n");
  CHECK(unified_diff("a", "a\nb", "a\nb\n")
        == "--- a/a\n+++ b/a\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
  std::string a;
  std::string b;
  for (int i = 1; i <= 20; ++i) {
    a += std::to_string(i) + "\n";
    b += (i == 2 || i == 18 ? "x" : std::to_string(i)) + "\n";
  }
  CHECK(unified_diff("f", a, b)
        == "--- a/f\n+++ b/f\n"
           "@@ -1,5 +1,5 @@\n 1\n-2\n+x\n 3\n 4\n 5\n"
           "@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+x\n 19\n 20\n");
  CHECK(unified_diff("c", "a\r\nb\r\n", "a\r\nc\r\n") == "--- a/c\n+++ b/c\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n");
}

TEST_CASE("ids are found where they are given, not where they are mentioned")
{
  std::map<std::string, long> m;
  scan_ids("items:\n  - id: PAY-12\n    depends_on: [PAY-99]\n  - {id: 'PLAT-3', title: x}\n"
           "  - id: \"PAY-7\"\nentries:\n- id: FB-1043\n  squad_id: PAY-500\n  id: PAY-0\n  id: PAY-13x\n",
           m);
  CHECK(m.at("PAY") == 12);
  CHECK(m.at("PLAT") == 3);
  CHECK(m.at("FB") == 1043);
  CHECK(m.size() == 3);
}

// ---------------------------------------------------------------------------------------------------
// Randomized edits of the sample workspace: after every edit the file re-parses to the model the test
// predicts on its own, the bytes outside the edited entry are unchanged and no comment line is lost.

#include "features/sample.h"
#include "base/text.h"

#include <algorithm>
#include <chrono>
#include <random>
#include <set>

namespace {

struct Rng {
  std::mt19937_64 g{20261122};
  size_t below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(g() % n); }
  bool chance(int percent) { return static_cast<int>(g() % 100) < percent; }
  template <class T> const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }
};

const std::vector<std::string> k_pieces = {
  "yes",    "no",          "null",   "~",         "123", "1e3", "0x1F", "2026-01-01", "a: b",
  "#x",     "x #y",        "*a",     "&b",        "!t",  "|",   "> x",  "'q'",        "\"d\"",
  "it's",   "a, b",        "[x]",    "{y}",       "- z", "? w", "-50%", " lead",      "trail ",
  "Café",   "✓",           "tab\tx", "new\nline", "%p",  "@u",  "`b`",  "plain text", "PAY-1",
  "O1-KR2", "back\\slash", "colon:", ":colon",    "---", "...", "true", "False",      ".inf",
  "<<",     "é ü",         "x:y",    "a,b",       "{",   "]"};

std::string random_text(Rng& r)
{
  std::string s = r.pick(k_pieces);
  if (r.chance(40)) {
    s += r.pick(std::vector<std::string>{" ", "", ", ", ": ", " # "}) + r.pick(k_pieces);
  }
  return s;
}

/// Data equality: kinds and texts; maps by key, and keys in the same order except `free_key`.
bool same_data(const YNode& a, const YNode& b, const std::string& free_key = "")
{
  if (a.kind != b.kind) {
    return false;
  }
  if (a.is_scalar()) {
    return a.text == b.text;
  }
  if (a.is_seq()) {
    if (a.items.size() != b.items.size()) {
      return false;
    }
    for (size_t i = 0; i < a.items.size(); ++i) {
      if (!same_data(a.items[i], b.items[i], free_key)) {
        return false;
      }
    }
    return true;
  }
  if (a.is_map()) {
    if (a.entries.size() != b.entries.size()) {
      return false;
    }
    std::vector<std::string> ka;
    std::vector<std::string> kb;
    for (const auto& [k, v] : a.entries) {
      const YNode* w = b.get(k.text);
      if (!w || !same_data(v, *w, free_key)) {
        return false;
      }
      if (k.text != free_key) {
        ka.push_back(k.text);
      }
    }
    for (const auto& [k, v] : b.entries) {
      if (k.text != free_key) {
        kb.push_back(k.text);
      }
    }
    return ka == kb;
  }
  return true;
}

YNode scalar(const std::string& s)
{
  YNode n;
  n.kind = YNode::Kind::scalar;
  n.text = s;
  return n;
}

void put(YNode& map, const std::string& key, YNode value)
{
  for (auto& [k, v] : map.entries) {
    if (k.text == key) {
      v = std::move(value);
      return;
    }
  }
  map.entries.emplace_back(scalar(key), std::move(value));
}

YNode& mutable_get(YNode& map, const std::string& key)
{
  for (auto& [k, v] : map.entries) {
    if (k.text == key) {
      return v;
    }
  }
  throw std::logic_error("no key " + key);
}

YNode& mutable_list(YNode& root, const std::string& key)
{
  return mutable_get(root, key);
}

void erase_key(YNode& map, const std::string& key)
{
  std::erase_if(map.entries, [&](const auto& e) { return e.first.text == key; });
}

std::multiset<std::string> comment_lines(std::string_view t)
{
  std::multiset<std::string> out;
  size_t from = 0;
  while (from < t.size()) {
    size_t e = t.find('\n', from);
    if (e == std::string_view::npos) {
      e = t.size();
    }
    std::string_view line = trim(t.substr(from, e - from));
    if (line.starts_with('#')) {
      out.emplace(line);
    }
    from = e + 1;
  }
  return out;
}

bool includes(const std::multiset<std::string>& big, const std::multiset<std::string>& small)
{
  return std::includes(big.begin(), big.end(), small.begin(), small.end());
}

size_t line_start(std::string_view t, long pos)
{
  const size_t p = t.rfind('\n', static_cast<size_t>(std::max(0L, pos - 1)));
  return pos <= 0 || p == std::string_view::npos ? 0 : p + 1;
}

/// `after` is `before` with only bytes within [from, to) replaced.
bool changed_within(std::string_view before, std::string_view after, size_t from, size_t to)
{
  const size_t tail = before.size() - to;
  return after.size() >= from + tail && after.substr(0, from) == before.substr(0, from)
         && after.substr(after.size() - tail) == before.substr(to);
}

struct SampleFile {
  std::string path;
  std::string list_key;
  bool roadmap = false;
};

}  // namespace

TEST_CASE("randomized edits of the sample workspace keep every other byte")
{
  const auto start = std::chrono::steady_clock::now();
  const auto files = sample_final_files(*parse_date("2026-11-22"));
  std::map<std::string, std::string> original;
  std::vector<SampleFile> targets;
  for (const auto& [path, content] : files) {
    if (path.starts_with("roadmap/") || path.starts_with("feedback/")) {
      original[path] = content;
      targets.push_back({path, path.starts_with("roadmap/") ? "items" : "entries", path.starts_with("roadmap/")});
    }
  }
  REQUIRE(targets.size() >= 4);
  // And two hand-kept files: comments everywhere, flow items, quotes, CRLF, four-space indentation.
  original["roadmap/hand.yaml"] = k_hand;
  std::string four = k_hand;
  for (size_t p = four.find("\n  "); p != std::string::npos; p = four.find("\n  ", p + 3)) {
    four.insert(p + 1, "  ");
  }
  original["roadmap/crlf.yaml"] = crlf(four);
  targets.push_back({"roadmap/hand.yaml", "items", true});
  targets.push_back({"roadmap/crlf.yaml", "items", true});
  const std::vector<std::string> item_text_keys = {"title",       "owner",          "okr", "horizon",
                                                   "description", "dropped_reason", "risk"};
  const std::vector<std::string> fb_text_keys = {"customer", "segment", "quote", "summary", "url", "source"};
  Rng r;
  int edits = 0;
  int refused = 0;
  int next_id = 1000;
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_UNDEFINED__)
  const int sequences = 250;  // sanitizers are ten times slower
#else
  const int sequences = 1000;
#endif
  std::map<std::string, YamlText> start_text;
  std::map<std::string, YNode> start_model;
  for (const auto& t : targets) {
    start_text.emplace(t.path, YamlText(original[t.path]));
    start_model[t.path] = parse_yaml(original[t.path]).root;
  }
  for (int seq = 0; seq < sequences; ++seq) {
    std::map<std::string, YamlText> text = start_text;
    std::map<std::string, YNode> model = start_model;
    const int steps = 1 + static_cast<int>(r.below(6));
    for (int step = 0; step < steps; ++step) {
      const SampleFile& f = r.pick(targets);
      YamlText& y = text.at(f.path);
      const std::string before = y.text();
      const YNode& list = *y.root().get(f.list_key);
      const size_t n = list.items.size();
      REQUIRE(n > 0);
      const size_t i = r.below(n);
      const Path path{f.list_key, i};
      const TextStyle st = y.style(f.list_key);
      // The entry's bytes: from its line to the next entry's line.
      const size_t from = line_start(before, list.items[i].loc.pos);
      const size_t to = i + 1 < n ? line_start(before, list.items[i + 1].loc.pos) : before.size();
      const size_t last_from = line_start(before, list.items[n - 1].loc.pos);
      const size_t prev_from = i > 0 ? line_start(before, list.items[i - 1].loc.pos) : 0;
      YNode expected = model[f.path];
      YNode& entry = mutable_list(expected, f.list_key).items[i];
      std::string free_key;
      std::string quoted_check;  // a text value written: it must not read as something else
      std::string key;
      const int op = static_cast<int>(r.below(9));
      std::string other_path;
      YamlText* other = nullptr;
      std::string other_before;
      size_t other_from = 0;
      YNode other_expected;
      size_t check_from = from;
      size_t check_to = to;
      CAPTURE(seq);
      CAPTURE(step);
      CAPTURE(op);
      CAPTURE(f.path);
      CAPTURE(i);
      try {
        switch (op) {
        case 0:
        case 1: {  // set a text key
          key = r.pick(f.roadmap ? item_text_keys : fb_text_keys);
          const std::string v = random_text(r);
          CAPTURE(key);
          CAPTURE(v);
          const YNode* old = entry.get(key);
          if (old && !old->is_scalar()) {
            continue;
          }
          y.set(path, key, NewValue::text(v), st, f.roadmap ? k_order : std::span<const std::string_view>{});
          put(entry, key, scalar(v));
          free_key = key;
          quoted_check = v;
          break;
        }
        case 2: {  // a plain value: a date, a number or a boolean
          key = f.roadmap ? (r.chance(50) ? "target" : "reopened") : (r.chance(50) ? "arr" : "date");
          std::string v = key == "reopened" ? (r.chance(50) ? "true" : "false")
                          : key == "arr"    ? std::to_string(r.below(500000))
                                            : fmt::format("2027-{:02}-{:02}", 1 + r.below(12), 1 + r.below(28));
          y.set(path, key, NewValue::plain(v), st, k_order);
          put(entry, key, scalar(v));
          free_key = key;
          break;
        }
        case 3: {  // remove a key other than the first
          if (entry.entries.size() < 2) {
            continue;
          }
          key = entry.entries[1 + r.below(entry.entries.size() - 1)].first.text;
          CAPTURE(key);
          y.remove(path, key);
          erase_key(entry, key);
          break;
        }
        case 4: {  // add to a list
          key = f.roadmap ? (r.chance(50) ? "tags" : "depends_on") : (r.chance(50) ? "tags" : "items");
          const std::string v = r.chance(50) ? fmt::format("t{}", r.below(50)) : random_text(r);
          CAPTURE(key);
          CAPTURE(v);
          const YNode* old = entry.get(key);
          if (old && !old->is_seq()) {
            continue;
          }
          y.list_add(path, key, {v, true}, st, f.roadmap ? k_order : std::span<const std::string_view>{});
          if (old) {
            mutable_get(entry, key).items.push_back(scalar(v));
          } else {
            YNode l;
            l.kind = YNode::Kind::seq;
            l.items.push_back(scalar(v));
            put(entry, key, l);
            free_key = key;
          }
          quoted_check = v;
          break;
        }
        case 5: {  // remove from a list
          std::vector<std::string> lists;
          for (const auto& [k, v] : entry.entries) {
            if (v.is_seq() && !v.items.empty() && v.items.front().is_scalar()) {
              lists.push_back(k.text);
            }
          }
          if (lists.empty()) {
            continue;
          }
          key = r.pick(lists);
          YNode& l = mutable_get(entry, key);
          const size_t j = r.below(l.items.size());
          const std::string v = l.items[j].text;
          CAPTURE(key);
          CAPTURE(v);
          y.list_remove(path, key, v);
          auto it = std::find_if(l.items.begin(), l.items.end(), [&](const YNode& x) { return x.text == v; });
          l.items.erase(it);
          if (l.items.empty()) {
            erase_key(entry, key);
          }
          break;
        }
        case 6: {  // a mapping entry: links.<tool>
          if (!f.roadmap) {
            continue;
          }
          const std::string tool = r.pick(std::vector<std::string>{"jira", "figma", "zendesk", "notion"});
          const std::string v = random_text(r);
          CAPTURE(tool);
          CAPTURE(v);
          const YNode* links = entry.get("links");
          if (links && links->is_map()) {
            y.set({f.list_key, i, std::string("links")}, tool, NewValue::text(v), st);
            put(mutable_get(entry, "links"), tool, scalar(v));
            free_key = tool;
          } else if (!links) {
            y.set(path, "links", NewValue::of_map({{tool, {v, true}}}), st, k_order);
            YNode m;
            m.kind = YNode::Kind::map;
            put(m, tool, scalar(v));
            put(entry, "links", m);
            free_key = "links";
          } else {
            continue;
          }
          break;
        }
        case 7: {  // append an entry
          NewEntries e;
          YNode m;
          m.kind = YNode::Kind::map;
          const std::string id = fmt::format("{}-{}", f.roadmap ? "PAY" : "FB", next_id++);
          e.emplace_back("id", NewValue::text(id));
          put(m, "id", scalar(id));
          const auto& keys = f.roadmap ? item_text_keys : fb_text_keys;
          for (size_t k = 0; k < 1 + r.below(3); ++k) {
            const std::string kk = keys[k];
            const std::string v = random_text(r);
            e.emplace_back(kk, NewValue::text(v));
            put(m, kk, scalar(v));
          }
          if (r.chance(50)) {
            e.emplace_back("tags", NewValue::of_list({{random_text(r)}, {"x"}}));
            YNode l;
            l.kind = YNode::Kind::seq;
            l.items = {scalar(e.back().second.list[0].text), scalar("x")};
            put(m, "tags", l);
          }
          y.append_entry(f.list_key, e, st);
          mutable_list(expected, f.list_key).items.push_back(m);
          check_from = last_from;
          check_to = before.size();
          break;
        }
        case 8: {  // move an entry to another file of the same kind
          std::vector<const SampleFile*> others;
          for (const auto& t : targets) {
            if (t.roadmap == f.roadmap && t.path != f.path) {
              others.push_back(&t);
            }
          }
          const SampleFile& g = *others[r.below(others.size())];
          other_path = g.path;
          other = &text.at(g.path);
          other_before = other->text();
          other_expected = model[g.path];
          const YNode moved = entry;
          const YNode& olist = *other->root().get(g.list_key);
          other_from = olist.items.empty() ? 0 : line_start(other_before, olist.items.back().loc.pos);
          YamlText::Block b = y.cut_entry(f.list_key, i);
          try {
            other->insert_block(g.list_key, b, other->style(g.list_key));
          } catch (const EditRefused&) {
            y = YamlText(before);
            throw;
          }
          auto& items = mutable_list(expected, f.list_key).items;
          items.erase(items.begin() + static_cast<long>(i));
          if (items.empty()) {
            mutable_list(expected, f.list_key).flow = true;
          }
          mutable_list(other_expected, g.list_key).items.push_back(moved);
          check_from = prev_from;
          break;
        }
        }
      } catch (const EditRefused& e) {
        ++refused;
        MESSAGE("refused: " << std::string(e.what()) << " in " << f.path << " op " << op);
        CHECK(y.text() == before);
        if (other) {
          CHECK(other->text() == other_before);
        }
        continue;
      }
      ++edits;
      // The file reads back as the model predicts.
      YamlDoc doc = parse_yaml(y.text());
      REQUIRE(doc.ok);
      CAPTURE(y.text());
      REQUIRE(same_data(expected, doc.root, free_key));
      // Only the entry's bytes changed; no comment line is lost.
      CHECK(changed_within(before, y.text(), check_from, check_to));
      if (other) {
        YamlDoc odoc = parse_yaml(other->text());
        REQUIRE(odoc.ok);
        REQUIRE(same_data(other_expected, odoc.root));
        auto all_before = comment_lines(before);
        auto ob = comment_lines(other_before);
        all_before.insert(ob.begin(), ob.end());
        auto all_after = comment_lines(y.text());
        auto oa = comment_lines(other->text());
        all_after.insert(oa.begin(), oa.end());
        CHECK(includes(all_after, all_before));
        CHECK(changed_within(other_before, other->text(), other_from, other_before.size()));
        model[other_path] = odoc.root;
      } else {
        CHECK(includes(comment_lines(y.text()), comment_lines(before)));
      }
      if (!quoted_check.empty() && reads_as_non_string(quoted_check)) {
        const YNode* e2 =
          node_at(doc.root, {f.list_key, op == 7 ? mutable_list(expected, f.list_key).items.size() - 1 : i});
        const YNode* v = e2 ? e2->get(key) : nullptr;
        if (v && v->is_seq()) {
          v = &v->items.back();
        }
        REQUIRE(v);
        CHECK(v->quoted);
      }
      // Where a new key went was checked above; the model follows the file from here.
      model[f.path] = doc.root;
    }
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  MESSAGE(fmt::format("{} sequences, {} edits, {} refused, {:.1f} s", sequences, edits, refused, secs));
  CHECK(edits > sequences * 2);
  CHECK(refused * 50 < edits);  // refusals are rare: the sample is hand-kept but ordinary YAML
}
