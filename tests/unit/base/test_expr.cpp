#include "base/expr.h"

#include <doctest/doctest.h>

#include <map>
#include <string>

using namespace pops;

namespace {

ExprValue run(std::string_view text, const std::map<std::string, double, std::less<>>& vars = {})
{
  ParsedExpr p = parse_expr(text);
  REQUIRE_MESSAGE(p.root, p.error.message);
  return eval_expr(*p.root, [&](std::string_view n) -> std::optional<double> {
    auto it = vars.find(n);
    return it == vars.end() ? std::nullopt : std::optional<double>(it->second);
  });
}

ExprError parse_error(std::string_view text)
{
  ParsedExpr p = parse_expr(text);
  CHECK_FALSE(p.root);
  return p.error;
}

}  // namespace

TEST_CASE("expr: arithmetic, precedence, unary minus, functions")
{
  CHECK(run("1 + 2 * 3").value == 7);
  CHECK(run("(1 + 2) * 3").value == 9);
  CHECK(run("10 / 4").value == 2.5);
  CHECK(run("8 - 3 - 2").value == 3);  // left-associative
  CHECK(run("-2 * -3").value == 6);
  CHECK(run("--4").value == 4);
  CHECK(run("1.5e3 + .5").value == 1500.5);
  CHECK(run("min(3, 1, 2) + max(4, 9)").value == 10);
  CHECK(run("sqrt(16)").value == 4);
  CHECK(run("log(1)").value == 0);
}

TEST_CASE("expr: names, dotted names and the example model")
{
  std::map<std::string, double, std::less<>> v{
    {"reach", 4000}, {"impact", 2}, {"confidence", 0.8}, {"effort", 4}, {"demand.arr", 250000}};
  ExprValue r = run("reach * impact * confidence / effort + demand.arr / 100000", v);
  REQUIRE(r.ok);
  CHECK(r.value == doctest::Approx(1602.5));
  ParsedExpr p = parse_expr("reach * impact + demand.arr - reach");
  REQUIRE(p.root);
  CHECK(expr_names(*p.root) == std::vector<std::string>{"reach", "impact", "demand.arr"});
}

TEST_CASE("expr: terms add up to the value")
{
  ParsedExpr p = parse_expr("a * b + c - (d - e)");
  REQUIRE(p.root);
  auto t = expr_terms(*p.root);
  REQUIRE(t.size() == 4);
  CHECK(t[0].sign == 1);
  CHECK(t[2].sign == -1);  // d
  CHECK(t[3].sign == 1);   // e
  CHECK(t[0].node->begin == 0);
  CHECK(t[0].node->end == 5);  // "a * b"
}

TEST_CASE("expr: missing inputs and division by zero are errors with a column, never zero")
{
  ExprValue m = run("reach * effort", {{"reach", 3}});
  CHECK_FALSE(m.ok);
  CHECK(m.error.message == "'effort' is missing");
  CHECK(m.error.column == 9);
  ExprValue z = run("reach / (effort - 2)", {{"reach", 3}, {"effort", 2}});
  CHECK_FALSE(z.ok);
  CHECK(z.error.message == "division by zero");
  CHECK(z.error.column == 9);
  CHECK_FALSE(run("log(0)").ok);
  CHECK_FALSE(run("sqrt(-1)").ok);
  ExprValue big = run("1e300 * 1e300");
  CHECK_FALSE(big.ok);
  CHECK(big.error.message.find("too large") != std::string::npos);
}

TEST_CASE("expr: syntax errors point at the column")
{
  CHECK(parse_error("reach *").column == 8);
  CHECK(parse_error("reach * * 2").column == 9);
  ExprError u = parse_error("(reach + 1");
  CHECK(u.column == 1);
  CHECK(u.message.find("never closed") != std::string::npos);
  CHECK(parse_error("reach + 1)").message == "unbalanced ')'");
  ExprError f = parse_error("exp(2)");
  CHECK(f.message.find("unknown function 'exp'") != std::string::npos);
  CHECK(parse_error("log(1, 2)").message.find("one argument") != std::string::npos);
  CHECK(parse_error("reach impact").column == 7);
  CHECK(parse_error("2reach").column == 2);
  CHECK(parse_error("").message.find("ends") != std::string::npos);
  CHECK(parse_error("a $ b").message.find("'$'") != std::string::npos);
}

TEST_CASE("expr: hostile input is refused, not crashed on")
{
  CHECK(parse_error(std::string(10000, '(')).message.find("longer than") != std::string::npos);
  ExprError deep = parse_error(std::string(40, '(') + "1" + std::string(40, ')'));
  CHECK(deep.message.find("deeper than") != std::string::npos);
  CHECK(parse_error(std::string(40, '-') + "1").message.find("deeper") != std::string::npos);
  CHECK(parse_expr(std::string(20, '(') + "1" + std::string(20, ')')).root);
  CHECK(parse_error("1e999").message.find("out of range") != std::string::npos);
  CHECK(parse_error(std::string(400, '9') + "e400").message.find("out of range") != std::string::npos);
  std::string chain = "1";
  for (int i = 0; i < 300; ++i) {
    chain += "+1";
  }
  CHECK(run(chain).value == 301);
  CHECK(parse_error(std::string("\x01\xff\0", 3)).message.find("byte 0x01") != std::string::npos);
  CHECK(parse_error("a..b").column > 0);
}
