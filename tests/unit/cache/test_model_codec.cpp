// The model's bytes (lib/cache/model_codec.cpp): findings and strings round-trip in the stored check
// results, and cut or extended bytes are refused. tests/unit/workspace/test_model_fields.cpp and
// tests/unit/cache/test_check_cache.cpp check every member of every struct through encode_part.

#include "cache/model_codec.h"

#include "cache/cache_bytes.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace pops;
using namespace pops::cache_bytes;

namespace {

Finding finding(std::string file, int line, int col, Severity s, std::string rule, std::string msg,
                std::vector<std::string> squads)
{
  Finding f;
  f.file = std::move(file);
  f.loc = {line, col, 17};
  f.end = {line, col + 4, 21};
  f.severity = s;
  f.rule = std::move(rule);
  f.message = std::move(msg);
  f.squads = std::move(squads);
  return f;
}

}  // namespace

TEST_CASE("findings round-trip with every field")
{
  const std::vector<Finding> in{
    finding("roadmap/p.yaml", 3, 9, Severity::warning, "wip-limit", "over", {"payments"}),
    finding("pops.yaml", 1, 1, Severity::info, "schema", "", {}),
    finding("docs/a.md", 12, 2, Severity::error, "doc-stale", "ünïcode \"quoted\"\n", {"a", "b"})};
  Writer w;
  put_findings(w, in);
  put_strings(w, {"one", "", std::string("nul\0byte", 8)});
  Reader r(w.out);
  std::vector<Finding> out;
  get_findings(r, out);
  std::vector<std::string> strings;
  get_strings(r, strings);
  REQUIRE(out.size() == 3);
  for (size_t i = 0; i < in.size(); ++i) {
    CAPTURE(i);
    CHECK(out[i].file == in[i].file);
    CHECK(out[i].loc.line == in[i].loc.line);
    CHECK(out[i].loc.column == in[i].loc.column);
    CHECK(out[i].loc.pos == in[i].loc.pos);
    CHECK(out[i].end.column == in[i].end.column);
    CHECK(out[i].severity == in[i].severity);
    CHECK(out[i].rule == in[i].rule);
    CHECK(out[i].message == in[i].message);
    CHECK(out[i].squads == in[i].squads);
  }
  CHECK(strings == std::vector<std::string>{"one", "", std::string("nul\0byte", 8)});
}

TEST_CASE("cut bytes of findings are refused, never read past the end")
{
  Writer w;
  put_findings(w, {finding("roadmap/p.yaml", 3, 9, Severity::warning, "wip-limit", "over", {"payments"})});
  for (size_t n = 0; n < w.out.size(); ++n) {
    CAPTURE(n);
    Reader r(std::string_view(w.out).substr(0, n));
    std::vector<Finding> out;
    CHECK_THROWS_AS(get_findings(r, out), Malformed);
  }
}

TEST_CASE("an empty part round-trips; bytes that are not a part are refused")
{
  const std::string bytes = encode_part(FilePart{});
  FilePart back;
  CHECK(decode_part(bytes, back));
  CHECK(back.items.empty());
  CHECK_FALSE(back.doc_index.has_value());
  CHECK_FALSE(decode_part(bytes + "junk", back));
  CHECK_FALSE(decode_part("", back));
}
