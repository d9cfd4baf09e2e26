#include "base/text.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace pops;

TEST_CASE("edit distance counts transpositions as one edit")
{
  CHECK(edit_distance("status", "status") == 0);
  CHECK(edit_distance("stauts", "status") == 1);
  CHECK(edit_distance("in-progres", "in-progress") == 1);
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("did you mean suggests only close words")
{
  std::vector<std::string> statuses{"idea", "discovery", "planned", "in-progress", "shipped", "dropped"};
  CHECK(did_you_mean("in-progres", statuses) == " (did you mean 'in-progress'?)");
  CHECK(did_you_mean("SHIPPED", statuses) == " (did you mean 'shipped'?)");
  CHECK(did_you_mean("banana", statuses).empty());
  CHECK(did_you_mean("x", statuses).empty());
}
