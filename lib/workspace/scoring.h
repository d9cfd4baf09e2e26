#pragma once
// Scoring models (RICE, ICE, WSJF built in; more in pops.yaml `scoring:` as expressions, see expr.h):
// what they are and the check of the setting. Ranking items with them is features/rank.h. Here, below
// check/, so that reading pops.yaml checks `scoring:` without reaching up to the features.

#include "base/expr.h"
#include "workspace/model.h"
#include "workspace/schema.h"

#include <string>
#include <string_view>
#include <vector>

namespace pops {

struct ScoreModel {
  std::string name;
  std::string text;  ///< the expression
  ExprNode root;
  bool builtin = false;
};

struct Scoring {
  std::string default_model = "rice";  ///< scoring.default, else rice
  std::vector<ScoreModel> models;      ///< the built-in models, then those of pops.yaml that parse
  const ScoreModel* find(std::string_view name) const;
  std::vector<std::string> names() const;
};

/// The built-in models: rice, ice, wsjf.
std::vector<ScoreModel> builtin_models();

/// Checks pops.yaml `scoring:` and reports `schema` findings through `r`, each at its place (inside an
/// expression: at the column of the problem). Called while reading pops.yaml, so `pops check` shows
/// them.
void check_scoring(const YNode& scoring, SchemaReader& r);

/// The models of the workspace; models with errors are left out (pops check reports them).
Scoring read_scoring(const Config& cfg);

}  // namespace pops
