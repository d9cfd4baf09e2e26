#pragma once
// A small, safe arithmetic language for scoring models (pops.yaml `scoring:`): numbers, names
// (`reach`, `demand.arr`), + - * /, unary minus, parentheses and the functions min, max, log, sqrt.
// Parsing and evaluation are pure functions over a string and a lookup; nothing is executed. Errors
// carry the 1-based column inside the expression. A missing input or a division by zero is an error,
// never a zero.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pops {

struct ExprNode {
  enum class Kind { number, name, neg, add, sub, mul, div, call };
  Kind kind = Kind::number;
  double value = 0;            ///< number
  std::string name;            ///< name or function
  std::vector<ExprNode> args;  ///< operands, call arguments
  int begin = 0, end = 0;      ///< 0-based byte range in the text (end exclusive)
};

struct ExprError {
  int column = 0;       ///< 1-based column in the expression
  std::string message;  ///< lowercase, no final period
};

/// Limits on hostile expressions.
constexpr size_t k_expr_max_length = 1000;
constexpr int k_expr_max_depth = 32;

struct ParsedExpr {
  std::optional<ExprNode> root;  ///< empty when the text is not an expression
  ExprError error;
};

/// Parses `text`. Names are not resolved here; unknown functions are errors.
ParsedExpr parse_expr(std::string_view text);

/// Every name the expression uses, in order of first use.
std::vector<std::string> expr_names(const ExprNode& root);

/// Looks up a name: its value, or nullopt when the input is missing.
using ExprLookup = std::function<std::optional<double>(std::string_view name)>;

struct ExprValue {
  bool ok = false;
  double value = 0;
  ExprError error;  ///< when !ok: the first problem, e.g. "'effort' is missing"
};

/// Evaluates `root`. A missing name, a division by zero, log of a number <= 0, sqrt of a negative
/// number and a result that is not a finite number are errors.
ExprValue eval_expr(const ExprNode& root, const ExprLookup& lookup);

/// The additive terms of an expression: `a * b + c - d` gives (+1, a * b), (+1, c), (-1, d). Their
/// signed values add up to the expression's value.
struct ExprTerm {
  int sign = 1;
  const ExprNode* node = nullptr;
};
std::vector<ExprTerm> expr_terms(const ExprNode& root);

}  // namespace pops
