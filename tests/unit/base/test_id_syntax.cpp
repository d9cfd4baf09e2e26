// The loader's id predicates (base/text.h) and the JSON Schema patterns (base/id_syntax.h) accept
// the same strings: both are written from the numbers of id_syntax.h.
#include "base/id_syntax.h"
#include "base/text.h"

#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

using namespace pops;

namespace {

bool matches(const std::string& pattern, const std::string& s)
{
  return std::regex_match(s, std::regex(pattern));
}

/// Strings near every edge of the syntax: lengths around each limit, each character class, leading
/// zeros, signs, separators, non-ASCII.
std::vector<std::string> probes()
{
  std::vector<std::string> out = {"",
                                  "A",
                                  "AB",
                                  "Ab",
                                  "aB",
                                  "1A",
                                  "A1",
                                  "PAY",
                                  "PAY-",
                                  "PAY-0",
                                  "PAY-1",
                                  "PAY-01",
                                  "PAY--1",
                                  "PAY-1a",
                                  "pay-1",
                                  "FB-1",
                                  "FB-0",
                                  "FB-",
                                  "FB-12",
                                  "fb-1",
                                  "FB1",
                                  "core",
                                  "Core",
                                  "c",
                                  "1core",
                                  "core-1",
                                  "core_1",
                                  "core.1",
                                  "-core",
                                  "co re",
                                  "O1",
                                  "O1-KR2",
                                  "kr.1",
                                  ".kr",
                                  "_kr",
                                  "KR 1",
                                  "\xc3\xa9t\xc3\xa9",
                                  "PAY-1 ",
                                  " PAY-1",
                                  "PAY-\xd9\xa1"};
  for (int n = 1; n <= 12; ++n) {
    out.push_back("A" + std::string(static_cast<size_t>(n - 1), 'B'));
    out.push_back("A" + std::string(static_cast<size_t>(n - 1), '9'));
    out.push_back("PAY-1" + std::string(static_cast<size_t>(n - 1), '0'));
    out.push_back("FB-9" + std::string(static_cast<size_t>(n - 1), '9'));
  }
  for (int n = 38; n <= 42; ++n) {
    out.push_back("a" + std::string(static_cast<size_t>(n - 1), 'z'));
    out.push_back("O" + std::string(static_cast<size_t>(n - 1), '1'));
  }
  return out;
}

}  // namespace

TEST_CASE("each id predicate accepts exactly what its JSON Schema pattern accepts")
{
  const std::string prefix = id_syntax::prefix_pattern();
  const std::string counter = id_syntax::counter_pattern();
  int accepted = 0;
  for (const std::string& s : probes()) {
    CAPTURE(s);
    CHECK(is_prefix(s) == matches(prefix, s));
    CHECK(is_item_id(s) == matches(prefix + "-" + counter, s));
    CHECK(is_feedback_id(s) == matches("FB-" + counter, s));
    CHECK(is_squad_id(s) == matches(id_syntax::squad_pattern(), s));
    CHECK(is_goal_id(s) == matches(id_syntax::goal_pattern(), s));
    accepted += is_prefix(s) + is_item_id(s) + is_feedback_id(s) + is_squad_id(s) + is_goal_id(s);
  }
  CHECK(accepted > 40);  // the probes reach both sides of every predicate
  CHECK(is_prefix("ABCDEFGHIJ"));
  CHECK_FALSE(is_prefix("ABCDEFGHIJK"));
  CHECK(is_item_id("PAY-123456789"));
  CHECK_FALSE(is_item_id("PAY-1234567890"));
}
