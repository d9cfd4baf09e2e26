#include "check/measures.h"

#include "check/rule_impl.h"
#include "workspace/cadence.h"
#include "workspace/initiatives.h"
#include "workspace/rules.h"

#include <algorithm>
#include <array>
#include <set>

namespace pops {

namespace {

/// The rules with a compliance measure and what each is about (docs/commands.md, "pops standards").
constexpr std::array<RuleMeasure, 19> k_measures = {{
  {"duplicate-id", "items"},
  {"duplicate-title", "items"},
  {"id-prefix", "items"},
  {"unknown-ref", "items"},
  {"dependency-cycle", "items with depends_on"},
  {"dependency-order", "items with depends_on"},
  {"wip-limit", "squads with a wip_limit"},
  {"over-capacity", "squads with a capacity"},
  {"target-passed", "open items with a target"},
  {"action-overdue", "ritual actions whose due date has passed"},
  {"doc-required-field", "docs of a type with required fields"},
  {"doc-required-section", "docs of a type with required sections"},
  {"doc-stale", "docs of a type with review_every, not obsolete"},
  {"feedback-duplicate", "feedback entries"},
  {"initiative-slip", "items of an initiative"},
  {"update-stale", "in-progress items"},
  {"prd-missing", "committed items (open, in the first horizon)"},
  {"evidence-missing", "committed items (open, in the first horizon)"},
  {"ritual-missed", "rituals with a cadence"},
}};

/// A subject of a rule: where it starts and the squads it counts for.
struct Subject {
  std::string file;
  int line = 0;
  std::vector<std::string> squads;
  bool squad_level = false;  ///< a squad: findings fall on it by the squads they name
};

bool is_open(const Item& it)
{
  return !is_shipped_status(it.status.value) && !is_dropped_status(it.status.value);
}

/// The subjects of `rule` in `ws`, with the squads RuleContext gives the rule's findings.
std::vector<Subject> subjects_of(const Workspace& ws, std::string_view rule, const Date& today)
{
  std::vector<Finding> none;
  const RuleContext c{ws, today, none};
  std::vector<Subject> out;
  auto items = [&](auto&& pred) {
    for (const auto& it : ws.items) {
      if (pred(it)) {
        out.push_back({it.file, it.loc.line, c.squads_of(it), false});
      }
    }
  };
  auto docs = [&](auto&& pred) {
    for (const auto& d : ws.docs) {
      const DocType* t = d.type.set ? ws.config.doc_type(d.type.value) : nullptr;
      if (t && pred(d, *t)) {
        out.push_back({d.file, 0, c.squads_of(d), false});
      }
    }
  };
  auto squads = [&](auto&& pred) {
    for (const auto& sq : ws.config.squads) {
      if (pred(sq)) {
        out.push_back({ws.config.file, 0, {sq.id.value}, true});
      }
    }
  };
  if (rule == "duplicate-id" || rule == "duplicate-title" || rule == "id-prefix" || rule == "unknown-ref") {
    items([](const Item&) { return true; });
  } else if (rule == "dependency-cycle" || rule == "dependency-order") {
    items([](const Item& it) { return !it.depends_on.empty(); });
  } else if (rule == "target-passed") {
    items([](const Item& it) { return it.target.set && is_open(it); });
  } else if (rule == "initiative-slip") {
    items([](const Item& it) { return it.initiative.set; });
  } else if (rule == "update-stale") {
    items([](const Item& it) { return is_in_progress_status(it.status.value); });
  } else if (rule == "prd-missing" || rule == "evidence-missing") {
    items([&](const Item& it) { return is_committed(it, ws.config); });
  } else if (rule == "ritual-missed") {
    for (const RitualStatus& st : ritual_status(ws, today)) {
      if (ritual_schedule(ws, *st.ritual, today)) {
        out.push_back({ws.config.file, st.ritual->name.loc.line, st.squads, false});
      }
    }
  } else if (rule == "wip-limit") {
    squads([](const Squad& sq) { return sq.wip_limit.set; });
  } else if (rule == "over-capacity") {
    squads([](const Squad& sq) { return sq.capacity.set || !sq.capacity_by_period.empty(); });
  } else if (rule == "doc-required-field") {
    docs([](const Doc&, const DocType& t) { return !t.required.empty(); });
  } else if (rule == "doc-required-section") {
    docs([](const Doc&, const DocType& t) { return !t.sections.empty(); });
  } else if (rule == "doc-stale") {
    docs([](const Doc& d, const DocType& t) { return t.review_every.set && d.status.value != "obsolete"; });
  } else if (rule == "action-overdue") {
    for (const auto& n : ws.notes) {
      for (const auto& a : n.actions) {
        if (a.due.set && a.due.value < today) {
          out.push_back({n.file, a.loc.line, c.squads_of(n), false});
        }
      }
    }
  } else if (rule == "feedback-duplicate") {
    for (const auto& fb : ws.feedback) {
      out.push_back({fb.file, fb.loc.line, c.squads_of(fb), false});
    }
  }
  for (auto& s : out) {
    std::sort(s.squads.begin(), s.squads.end());
    s.squads.erase(std::unique(s.squads.begin(), s.squads.end()), s.squads.end());
  }
  return out;
}

/// The squads of a finding, each once.
std::vector<std::string> squads_named(const Finding& f)
{
  std::vector<std::string> s = f.squads;
  std::sort(s.begin(), s.end());
  s.erase(std::unique(s.begin(), s.end()), s.end());
  return s;
}

}  // namespace

RuleMeasure rule_measure(std::string_view rule)
{
  for (const auto& m : k_measures) {
    if (m.rule == rule) {
      return m;
    }
  }
  return RuleMeasure{rule, ""};
}

std::vector<RuleMeasure> rule_measures()
{
  std::vector<RuleMeasure> out;
  for (const auto& r : all_rules()) {
    if (RuleMeasure m = rule_measure(r.id); !m.subjects.empty()) {
      out.push_back(m);
    }
  }
  return out;
}

std::map<std::string, RuleTally> tally_rule(const Workspace& ws, std::string_view rule,
                                            const std::vector<Finding>& findings, const Date& today)
{
  std::map<std::string, RuleTally> out;
  std::vector<Subject> subjects = subjects_of(ws, rule, today);
  // Subjects of a file by their first line, so a finding falls on the last one starting at or before it.
  std::vector<size_t> order(subjects.size());
  for (size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::tie(subjects[a].file, subjects[a].line, a) < std::tie(subjects[b].file, subjects[b].line, b);
  });
  std::vector<bool> failing(subjects.size(), false);
  for (const auto& f : findings) {
    if (f.rule != rule) {
      continue;
    }
    const auto named = squads_named(f);
    for (const auto& s : named) {
      ++out[s].findings;
    }
    const Subject* hit = nullptr;
    for (size_t i : order) {
      const Subject& s = subjects[i];
      if (s.squad_level) {
        if (std::includes(named.begin(), named.end(), s.squads.begin(), s.squads.end())) {
          failing[i] = true;
        }
        continue;
      }
      if (s.file == f.file && s.line <= f.loc.line) {
        hit = &s;
      }
    }
    if (hit) {
      failing[static_cast<size_t>(hit - subjects.data())] = true;
    }
  }
  for (size_t i = 0; i < subjects.size(); ++i) {
    for (const auto& s : subjects[i].squads) {
      ++out[s].subjects;
      if (failing[i]) {
        ++out[s].failing;
      }
    }
  }
  return out;
}

}  // namespace pops
