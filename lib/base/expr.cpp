// The scoring expression language. See expr.h.

#include "base/expr.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace pops {

namespace {

constexpr std::string_view k_functions[] = {"log", "max", "min", "sqrt"};

bool name_start(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool name_char(char c)
{
  return name_start(c) || (c >= '0' && c <= '9');
}

struct Fail {
  ExprError e;
};

class Parser {
public:
  explicit Parser(std::string_view t) : m_t(t) {}

  ExprNode parse()
  {
    ExprNode n = sum(0);
    skip();
    if (m_i < m_t.size()) {
      if (m_t[m_i] == ')') {
        fail(m_i, "unbalanced ')'");
      }
      fail(m_i, fmt::format("expected an operator (+ - * /), found {}", what_at(m_i)));
    }
    return n;
  }

private:
  [[noreturn]] void fail(size_t at, std::string msg) const { throw Fail{{static_cast<int>(at) + 1, std::move(msg)}}; }

  std::string what_at(size_t at) const
  {
    if (at >= m_t.size()) {
      return "the end";
    }
    const unsigned char c = static_cast<unsigned char>(m_t[at]);
    if (c < 0x20 || c >= 0x7f) {
      return fmt::format("byte 0x{:02x}", c);
    }
    return fmt::format("'{}'", m_t[at]);
  }

  void skip()
  {
    while (m_i < m_t.size() && (m_t[m_i] == ' ' || m_t[m_i] == '\t')) {
      ++m_i;
    }
  }

  void enter(int depth, size_t at) const
  {
    if (depth > k_expr_max_depth) {
      fail(at, fmt::format("the expression nests deeper than {} levels", k_expr_max_depth));
    }
  }

  ExprNode sum(int depth)
  {
    ExprNode left = product(depth);
    for (;;) {
      skip();
      if (m_i >= m_t.size() || (m_t[m_i] != '+' && m_t[m_i] != '-')) {
        return left;
      }
      const char op = m_t[m_i++];
      ExprNode right = product(depth);
      ExprNode n;
      n.kind = op == '+' ? ExprNode::Kind::add : ExprNode::Kind::sub;
      n.begin = left.begin;
      n.end = right.end;
      n.args.push_back(std::move(left));
      n.args.push_back(std::move(right));
      left = std::move(n);
    }
  }

  ExprNode product(int depth)
  {
    ExprNode left = unary(depth);
    for (;;) {
      skip();
      if (m_i >= m_t.size() || (m_t[m_i] != '*' && m_t[m_i] != '/')) {
        return left;
      }
      const char op = m_t[m_i++];
      ExprNode right = unary(depth);
      ExprNode n;
      n.kind = op == '*' ? ExprNode::Kind::mul : ExprNode::Kind::div;
      n.begin = left.begin;
      n.end = right.end;
      n.args.push_back(std::move(left));
      n.args.push_back(std::move(right));
      left = std::move(n);
    }
  }

  ExprNode unary(int depth)
  {
    skip();
    if (m_i < m_t.size() && m_t[m_i] == '-') {
      const size_t at = m_i++;
      enter(depth + 1, at);
      ExprNode operand = unary(depth + 1);
      ExprNode n;
      n.kind = ExprNode::Kind::neg;
      n.begin = static_cast<int>(at);
      n.end = operand.end;
      n.args.push_back(std::move(operand));
      return n;
    }
    return primary(depth);
  }

  ExprNode primary(int depth)
  {
    skip();
    if (m_i >= m_t.size()) {
      fail(m_i, "the expression ends where a number, a name or '(' should come");
    }
    const size_t at = m_i;
    const char c = m_t[m_i];
    if (c == '(') {
      enter(depth + 1, at);
      ++m_i;
      ExprNode inner = sum(depth + 1);
      skip();
      if (m_i >= m_t.size() || m_t[m_i] != ')') {
        fail(m_i >= m_t.size() ? at : m_i,
             m_i >= m_t.size() ? "this '(' is never closed" : fmt::format("expected ')', found {}", what_at(m_i)));
      }
      ++m_i;
      inner.begin = static_cast<int>(at);
      inner.end = static_cast<int>(m_i);
      return inner;
    }
    if ((c >= '0' && c <= '9') || c == '.') {
      return number();
    }
    if (name_start(c)) {
      return name(depth);
    }
    fail(at, fmt::format("expected a number, a name or '(', found {}", what_at(at)));
  }

  ExprNode number()
  {
    const size_t at = m_i;
    size_t j = m_i;
    auto digits = [&] {
      size_t k = j;
      while (j < m_t.size() && m_t[j] >= '0' && m_t[j] <= '9') {
        ++j;
      }
      return j - k;
    };
    size_t d = digits();
    if (j < m_t.size() && m_t[j] == '.') {
      ++j;
      d += digits();
    }
    if (d == 0) {
      fail(at, "a number needs digits");
    }
    if (j < m_t.size() && (m_t[j] == 'e' || m_t[j] == 'E')) {
      size_t k = j + 1;
      if (k < m_t.size() && (m_t[k] == '+' || m_t[k] == '-')) {
        ++k;
      }
      if (k < m_t.size() && m_t[k] >= '0' && m_t[k] <= '9') {
        j = k;
        digits();
      }
    }
    if (j < m_t.size() && (name_char(m_t[j]) || m_t[j] == '.')) {
      fail(j, fmt::format("unexpected {} after the number", what_at(j)));
    }
    ExprNode n;
    n.kind = ExprNode::Kind::number;
    const std::string text(m_t.substr(at, j - at));
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), n.value);
    if (ec == std::errc::result_out_of_range || (ec == std::errc() && !std::isfinite(n.value))) {
      fail(at, fmt::format("the number {} is out of range", text.size() > 24 ? text.substr(0, 24) + "..." : text));
    }
    if (ec != std::errc() || p != text.data() + text.size()) {
      fail(at, fmt::format("'{}' is not a number", text));
    }
    n.begin = static_cast<int>(at);
    n.end = static_cast<int>(j);
    m_i = j;
    return n;
  }

  ExprNode name(int depth)
  {
    const size_t at = m_i;
    size_t j = m_i;
    for (;;) {
      while (j < m_t.size() && name_char(m_t[j])) {
        ++j;
      }
      if (j + 1 < m_t.size() && m_t[j] == '.' && name_start(m_t[j + 1])) {
        ++j;
        continue;
      }
      break;
    }
    ExprNode n;
    n.name = std::string(m_t.substr(at, j - at));
    n.begin = static_cast<int>(at);
    m_i = j;
    skip();
    if (m_i < m_t.size() && m_t[m_i] == '(') {
      bool known = false;
      for (auto f : k_functions) {
        known = known || f == n.name;
      }
      if (!known) {
        fail(at, fmt::format("unknown function '{}'; the functions are log, max, min and sqrt", n.name));
      }
      enter(depth + 1, m_i);
      ++m_i;
      n.kind = ExprNode::Kind::call;
      for (;;) {
        n.args.push_back(sum(depth + 1));
        skip();
        if (m_i < m_t.size() && m_t[m_i] == ',') {
          ++m_i;
          continue;
        }
        if (m_i < m_t.size() && m_t[m_i] == ')') {
          ++m_i;
          break;
        }
        fail(m_i, fmt::format("expected ',' or ')' in the arguments of {}, found {}", n.name, what_at(m_i)));
      }
      const bool one = n.name == "log" || n.name == "sqrt";
      if (one && n.args.size() != 1) {
        fail(at, fmt::format("{} takes one argument, found {}", n.name, n.args.size()));
      }
      n.end = static_cast<int>(m_i);
      return n;
    }
    n.kind = ExprNode::Kind::name;
    n.end = static_cast<int>(j);
    return n;
  }

  std::string_view m_t;
  size_t m_i = 0;
};

void collect_names(const ExprNode& n, std::vector<std::string>& out)
{
  if (n.kind == ExprNode::Kind::name) {
    for (const auto& s : out) {
      if (s == n.name) {
        return;
      }
    }
    out.push_back(n.name);
  }
  for (const auto& a : n.args) {
    collect_names(a, out);
  }
}

double eval(const ExprNode& n, const ExprLookup& lookup)
{
  auto at = [&](const ExprNode& x) { return x.begin + 1; };
  switch (n.kind) {
  case ExprNode::Kind::number:
    return n.value;
  case ExprNode::Kind::name: {
    std::optional<double> v = lookup(n.name);
    if (!v) {
      throw Fail{{at(n), fmt::format("'{}' is missing", n.name)}};
    }
    return *v;
  }
  case ExprNode::Kind::neg:
    return -eval(n.args[0], lookup);
  case ExprNode::Kind::add:
    return eval(n.args[0], lookup) + eval(n.args[1], lookup);
  case ExprNode::Kind::sub:
    return eval(n.args[0], lookup) - eval(n.args[1], lookup);
  case ExprNode::Kind::mul:
    return eval(n.args[0], lookup) * eval(n.args[1], lookup);
  case ExprNode::Kind::div: {
    const double a = eval(n.args[0], lookup);
    const double b = eval(n.args[1], lookup);
    if (b == 0) {
      throw Fail{{at(n.args[1]), "division by zero"}};
    }
    return a / b;
  }
  case ExprNode::Kind::call: {
    std::vector<double> v;
    for (const auto& a : n.args) {
      v.push_back(eval(a, lookup));
    }
    if (n.name == "log") {
      if (v[0] <= 0) {
        throw Fail{{at(n.args[0]), fmt::format("log of {}: it needs a number above 0", v[0])}};
      }
      return std::log(v[0]);
    }
    if (n.name == "sqrt") {
      if (v[0] < 0) {
        throw Fail{{at(n.args[0]), fmt::format("sqrt of {}: it needs a number of at least 0", v[0])}};
      }
      return std::sqrt(v[0]);
    }
    double r = v[0];
    for (double x : v) {
      r = n.name == "min" ? std::min(r, x) : std::max(r, x);
    }
    return r;
  }
  }
  return 0;
}

void terms(const ExprNode& n, int sign, std::vector<ExprTerm>& out)
{
  if (n.kind == ExprNode::Kind::add || n.kind == ExprNode::Kind::sub) {
    terms(n.args[0], sign, out);
    terms(n.args[1], n.kind == ExprNode::Kind::add ? sign : -sign, out);
    return;
  }
  out.push_back({sign, &n});
}

}  // namespace

ParsedExpr parse_expr(std::string_view text)
{
  ParsedExpr out;
  if (text.size() > k_expr_max_length) {
    out.error = {static_cast<int>(k_expr_max_length) + 1,
                 fmt::format("the expression is longer than {} characters", k_expr_max_length)};
    return out;
  }
  try {
    out.root = Parser(text).parse();
  } catch (const Fail& f) {
    out.error = f.e;
  }
  return out;
}

std::vector<std::string> expr_names(const ExprNode& root)
{
  std::vector<std::string> out;
  collect_names(root, out);
  return out;
}

ExprValue eval_expr(const ExprNode& root, const ExprLookup& lookup)
{
  ExprValue out;
  try {
    out.value = eval(root, lookup);
    if (!std::isfinite(out.value)) {
      out.error = {root.begin + 1, "the result is too large to be a number"};
      return out;
    }
    out.ok = true;
  } catch (const Fail& f) {
    out.error = f.e;
  }
  return out;
}

std::vector<ExprTerm> expr_terms(const ExprNode& root)
{
  std::vector<ExprTerm> out;
  terms(root, 1, out);
  return out;
}

}  // namespace pops
