// Scoring models: the built-in ones, those of pops.yaml `scoring:`, and the check of that setting.
// See scoring.h.

#include "workspace/scoring.h"

#include "base/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

namespace pops {

namespace {

constexpr std::string_view k_demand_names[] = {"demand.entries", "demand.customers", "demand.arr"};
constexpr std::string_view k_scoring_keys[] = {"default", "models"};

ScoreModel make_model(std::string name, std::string text, bool builtin)
{
  ScoreModel m;
  m.name = std::move(name);
  m.text = std::move(text);
  m.builtin = builtin;
  ParsedExpr p = parse_expr(m.text);
  if (p.root) {
    m.root = std::move(*p.root);
  }
  return m;
}

/// Where column `col` (1-based) of the expression in scalar `n` is in the file.
Loc column_loc(const YNode& n, int col)
{
  Loc l = n.loc;
  const int shift = (n.quoted ? 1 : 0) + col - 1;
  l.column += shift;
  if (l.pos >= 0) {
    l.pos += shift;
  }
  return l;
}

/// A problem with a name of an expression, or "".
std::string name_problem(const std::string& name)
{
  const size_t dot = name.find('.');
  if (dot == std::string::npos) {
    return {};
  }
  const std::string head = name.substr(0, dot);
  if (head == "score") {
    return name.find('.', dot + 1) == std::string::npos
             ? std::string()
             : fmt::format("unknown name '{}'; score inputs are written score.NAME", name);
  }
  if (head == "demand") {
    for (auto d : k_demand_names) {
      if (d == name) {
        return {};
      }
    }
    std::vector<std::string> known(std::begin(k_demand_names), std::end(k_demand_names));
    return fmt::format("unknown name '{}'{}; demand is demand.entries, demand.customers or demand.arr", name,
                       did_you_mean(name, known));
  }
  return fmt::format("unknown name '{}'; names are score inputs (reach), score.NAME, custom number fields and "
                     "demand.entries, demand.customers, demand.arr",
                     name);
}

/// First name node in `n` with this name.
const ExprNode* find_name(const ExprNode& n, const std::string& name)
{
  if (n.kind == ExprNode::Kind::name && n.name == name) {
    return &n;
  }
  for (const auto& a : n.args) {
    if (const ExprNode* f = find_name(a, name)) {
      return f;
    }
  }
  return nullptr;
}

}  // namespace

const ScoreModel* Scoring::find(std::string_view name) const
{
  for (const auto& m : models) {
    if (m.name == name) {
      return &m;
    }
  }
  return nullptr;
}

std::vector<std::string> Scoring::names() const
{
  std::vector<std::string> out;
  for (const auto& m : models) {
    out.push_back(m.name);
  }
  return out;
}

std::vector<ScoreModel> builtin_models()
{
  std::vector<ScoreModel> out;
  out.push_back(make_model("rice", "reach * impact * confidence / effort", true));
  out.push_back(make_model("ice", "impact * confidence * ease", true));
  out.push_back(make_model("wsjf", "(business_value + time_criticality + risk_reduction) / job_size", true));
  return out;
}

void check_scoring(const YNode& scoring, SchemaReader& r)
{
  if (!scoring.is_map()) {
    return;
  }
  r.check_keys(scoring, k_scoring_keys, "'scoring'");
  std::vector<std::string> names;
  for (const auto& m : builtin_models()) {
    names.push_back(m.name);
  }
  if (const YNode* models = scoring.get("models");
      models && !models->is_null() && r.expect_map(*models, "'scoring.models'")) {
    for (const auto& [k, v] : models->entries) {
      const std::string name = k.text;
      for (const auto& m : builtin_models()) {
        if (m.name == name) {
          r.report(k.loc, fmt::format("scoring model '{}' is built in; give yours another name", name));
        }
      }
      if (!v.is_scalar() || (!v.quoted && v.text.empty())) {
        r.report(v.loc.known() ? v.loc : k.loc,
                 fmt::format("scoring model '{}' must be an expression, e.g. reach * impact * confidence / effort, "
                             "found {}",
                             name, v.kind_name()));
        continue;
      }
      names.push_back(name);
      ParsedExpr p = parse_expr(v.text);
      if (!p.root) {
        r.report(column_loc(v, p.error.column),
                 fmt::format("scoring model '{}', column {}: {}", name, p.error.column, p.error.message));
        continue;
      }
      for (const auto& n : expr_names(*p.root)) {
        if (std::string problem = name_problem(n); !problem.empty()) {
          const ExprNode* at = find_name(*p.root, n);
          const int col = at ? at->begin + 1 : 1;
          r.report(column_loc(v, col), fmt::format("scoring model '{}', column {}: {}", name, col, problem));
        }
      }
    }
  }
  if (const YNode* d = scoring.get("default"); d && !d->is_null()) {
    if (!d->is_scalar()) {
      r.report(d->loc, fmt::format("'scoring.default' must be the name of a model, found {}", d->kind_name()));
    } else if (std::find(names.begin(), names.end(), d->text) == names.end()) {
      r.report(d->loc, fmt::format("unknown scoring model '{}'{}; the models are {}", d->text,
                                   did_you_mean(d->text, names), join(names, ", ")));
    }
  }
}

Scoring read_scoring(const Config& cfg)
{
  Scoring s;
  s.models = builtin_models();
  const YNode& sc = cfg.scoring;
  if (!sc.is_map()) {
    return s;
  }
  if (const YNode* models = sc.get("models"); models && models->is_map()) {
    for (const auto& [k, v] : models->entries) {
      if (!v.is_scalar() || s.find(k.text)) {
        continue;
      }
      ScoreModel m = make_model(k.text, v.text, false);
      ParsedExpr p = parse_expr(v.text);
      bool ok = p.root.has_value();
      for (const auto& n : ok ? expr_names(m.root) : std::vector<std::string>{}) {
        ok = ok && name_problem(n).empty();
      }
      if (ok) {
        s.models.push_back(std::move(m));
      }
    }
  }
  if (const YNode* d = sc.get("default"); d && d->is_scalar() && s.find(d->text)) {
    s.default_model = d->text;
  }
  return s;
}

}  // namespace pops
