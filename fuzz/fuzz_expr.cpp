// Fuzz target: the scoring expression language (lib/expr): parse, list names, evaluate, split into
// terms. Errors carry a column inside the text; a value is finite; the terms add up to the value.

#include "base/expr.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const pops::ParsedExpr parsed = pops::parse_expr(text);
  if (!parsed.root) {
    if (parsed.error.column < 1 || static_cast<size_t>(parsed.error.column) > text.size() + 1
        || parsed.error.message.empty()) {
      std::fprintf(stderr, "parse error at column %d of %zu: %s\n", parsed.error.column, text.size(),
                   parsed.error.message.c_str());
      std::abort();
    }
    return 0;
  }
  (void)pops::expr_names(*parsed.root);
  // Names get a value from their hash; names starting with 'm' are missing.
  const pops::ExprLookup lookup = [](std::string_view name) -> std::optional<double> {
    if (name.starts_with('m')) {
      return std::nullopt;
    }
    return static_cast<double>(std::hash<std::string_view>{}(name) % 1000) - 100.0;
  };
  const pops::ExprValue v = pops::eval_expr(*parsed.root, lookup);
  if (v.ok && !std::isfinite(v.value)) {
    std::fprintf(stderr, "evaluation gave a value that is not finite\n");
    std::abort();
  }
  if (!v.ok
      && (v.error.column < 1 || static_cast<size_t>(v.error.column) > text.size() + 1 || v.error.message.empty())) {
    std::fprintf(stderr, "evaluation error at column %d of %zu: %s\n", v.error.column, text.size(),
                 v.error.message.c_str());
    std::abort();
  }
  for (const auto& term : pops::expr_terms(*parsed.root)) {
    if (term.node == nullptr || (term.sign != 1 && term.sign != -1)) {
      std::fprintf(stderr, "bad term\n");
      std::abort();
    }
    (void)pops::eval_expr(*term.node, lookup);
  }
  return 0;
}
