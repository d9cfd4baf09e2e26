// Scoring models and ranking. See rank.h.

#include "features/rank.h"

#include "base/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace pops {

namespace {

/// The outermost node starting at byte `begin`.
const ExprNode* node_at_begin(const ExprNode& n, int begin)
{
  if (n.begin == begin) {
    return &n;
  }
  for (const auto& a : n.args) {
    if (const ExprNode* f = node_at_begin(a, begin)) {
      return f;
    }
  }
  return nullptr;
}

bool is_open(const Item& it)
{
  return it.status.value != "shipped" && it.status.value != "dropped";
}

RankedItem score_item(const ScoreModel& model, const Item& it, const std::map<std::string, CustomerArr>& arr,
                      const std::map<std::string, std::vector<const Feedback*>>& linked)
{
  RankedItem r;
  r.item = &it;
  auto lf = linked.find(it.id.value);
  r.demand = demand_of(lf == linked.end() ? std::vector<const Feedback*>{} : lf->second, arr);
  const std::string where = fmt::format("{}:{}", it.file, it.loc.line);
  for (const auto& name : expr_names(model.root)) {
    RankInput in;
    in.name = name;
    const bool explicit_score = name.rfind("score.", 0) == 0;
    const std::string key = explicit_score ? name.substr(6) : name;
    if (name.rfind("demand.", 0) == 0) {
      const Demand& d = r.demand;
      std::string customers;
      for (const auto& [c, a] : d.by_customer) {
        customers += fmt::format("{}{} {}", customers.empty() ? "" : ", ", c, a ? number_exact(*a) : "ARR unknown");
      }
      const std::string from = d.entries == 0
                                 ? std::string("no linked feedback")
                                 : fmt::format("{} entr{} ({}) from {} customer{}{}", d.entries,
                                               d.entries == 1 ? "y" : "ies", join(d.feedback, ", "), d.customers,
                                               d.customers == 1 ? "" : "s", customers.empty() ? "" : ": " + customers);
      if (name == "demand.entries") {
        in.value = d.entries;
      } else if (name == "demand.customers") {
        in.value = d.customers;
      } else if (name == "demand.arr") {
        if (d.entries == 0) {
          in.value = 0.0;
        } else if (d.arr) {
          in.value = *d.arr;
        }
      }
      in.source = in.value || d.entries == 0
                    ? "linked feedback: " + from
                    : "missing: no customer of the linked feedback states an ARR (" + from + ")";
    } else {
      for (const auto& [k, v] : it.score) {
        if (k.value == key) {
          in.value = v.value;
          in.source = fmt::format("score.{}, {}:{}", key, it.file, v.loc.line);
        }
      }
      if (!in.value && !explicit_score) {
        for (const auto& [k, v] : it.fields) {
          double num = 0;
          if (k.value == key && v.is_scalar() && !v.quoted && parse_number(v.text, num)) {
            in.value = num;
            in.source = fmt::format("field {}, {}:{}", key, it.file, v.loc.line);
          }
        }
      }
      if (!in.value) {
        in.source = fmt::format("missing: {} has no score.{} ({})", it.id.value, key, where);
      }
    }
    r.inputs.push_back(std::move(in));
  }
  auto lookup = [&](std::string_view n) -> std::optional<double> {
    for (const auto& in : r.inputs) {
      if (in.name == n) {
        return in.value;
      }
    }
    return std::nullopt;
  };
  ExprValue v = eval_expr(model.root, lookup);
  if (!v.ok) {
    std::vector<std::string> missing;
    for (const auto& in : r.inputs) {
      if (!in.value) {
        missing.push_back(in.name);
      }
    }
    r.problem = missing.empty() ? fmt::format("{} (column {} of the model)", v.error.message, v.error.column)
                                : fmt::format("missing {}", join(missing, ", "));
    if (v.error.message == "division by zero") {
      if (const ExprNode* d = node_at_begin(model.root, v.error.column - 1)) {
        r.problem = fmt::format("division by zero: {} is 0", model.text.substr(static_cast<size_t>(d->begin),
                                                                               static_cast<size_t>(d->end - d->begin)));
      }
    }
    return r;
  }
  r.scored = true;
  r.score = v.value;
  for (const auto& t : expr_terms(model.root)) {
    ExprValue tv = eval_expr(*t.node, lookup);
    r.terms.push_back(
      {t.sign, model.text.substr(static_cast<size_t>(t.node->begin), static_cast<size_t>(t.node->end - t.node->begin)),
       t.sign * (tv.ok ? tv.value : 0)});
  }
  return r;
}

std::map<std::string, std::vector<const Feedback*>> linked_feedback(const Workspace& ws)
{
  std::map<std::string, std::vector<const Feedback*>> out;
  for (const Feedback* fb : filter_feedback(ws, {})) {
    for (const auto& i : fb->items) {
      auto& v = out[i.value];
      if (std::find(v.begin(), v.end(), fb) == v.end()) {
        v.push_back(fb);
      }
    }
  }
  return out;
}

}  // namespace

std::vector<RankedItem> rank_items(const Workspace& ws, const ScoreModel& model, const RankOptions& o)
{
  const auto arr = customer_arr(ws);
  const auto linked = linked_feedback(ws);
  std::vector<RankedItem> out;
  for (const auto& it : ws.items) {
    if (!is_open(it) || ws.item(it.id.value) != &it) {
      continue;
    }
    if (!o.squads.empty() && std::find(o.squads.begin(), o.squads.end(), it.squad.value) == o.squads.end()) {
      continue;
    }
    if (!o.horizons.empty() && std::find(o.horizons.begin(), o.horizons.end(), it.horizon.value) == o.horizons.end()) {
      continue;
    }
    out.push_back(score_item(model, it, arr, linked));
  }
  auto num = [](const RankedItem& r) {
    const std::string& id = r.item->id.value;
    const size_t dash = id.rfind('-');
    return std::make_pair(id.substr(0, dash), dash == std::string::npos ? 0L : std::atol(id.c_str() + dash + 1));
  };
  std::stable_sort(out.begin(), out.end(), [&](const RankedItem& a, const RankedItem& b) {
    if (a.scored != b.scored) {
      return a.scored;
    }
    if (a.scored && a.score != b.score) {
      return a.score > b.score;
    }
    return num(a) < num(b);
  });
  int rank = 0;
  for (auto& r : out) {
    if (r.scored) {
      r.rank = ++rank;
    }
  }
  return out;
}

std::optional<RankedItem> explain_item(const Workspace& ws, const ScoreModel& model, std::string_view id)
{
  const Item* it = ws.item(id);
  if (!it) {
    return std::nullopt;
  }
  return score_item(model, *it, customer_arr(ws), linked_feedback(ws));
}

std::vector<Misaligned> misaligned(const std::vector<RankedItem>& ranked)
{
  std::vector<Misaligned> out;
  int n = 0;
  for (const auto& r : ranked) {
    n += r.scored ? 1 : 0;
  }
  if (n < 2) {
    return out;
  }
  const int third = (n + 2) / 3;
  for (const auto& r : ranked) {
    if (!r.scored) {
      continue;
    }
    const std::string& h = r.item->horizon.value;
    if (r.rank <= third && r.item->horizon.set && h != "now") {
      out.push_back({&r, fmt::format("ranks {} of {} (top third) but sits in {}", r.rank, n, h)});
    } else if (r.rank > n - third && h == "now") {
      out.push_back({&r, fmt::format("ranks {} of {} (bottom third) but sits in now", r.rank, n)});
    }
  }
  return out;
}

}  // namespace pops
