#include "check/check.h"

#include "workspace/alias.h"
#include "check/rule_impl.h"
#include "workspace/rules.h"

#include <algorithm>
#include <set>

namespace pops {

void RuleContext::add(const std::string& file, const Loc& loc, std::string_view rule, std::string message,
                      std::vector<std::string> squads) const
{
  Finding f;
  f.file = file;
  f.loc = loc;
  f.rule = std::string(rule);
  f.message = std::move(message);
  f.squads = std::move(squads);
  out.push_back(std::move(f));
}

std::vector<std::string> RuleContext::squads_of(const Item& it) const
{
  return it.squad.set ? std::vector<std::string>{it.squad.value} : std::vector<std::string>{};
}

std::vector<std::string> RuleContext::squads_of(const Feedback& fb) const
{
  std::vector<std::string> squads;
  for (const auto& id : fb.items) {
    if (const Item* it = ws.item(id.value); it && it->squad.set) {
      squads.push_back(it->squad.value);
    }
  }
  return squads;
}

std::vector<std::string> RuleContext::squads_of(const Doc& d) const
{
  std::vector<std::string> squads;
  for (const auto& id : d.items) {
    if (const Item* it = ws.item(id.value); it && it->squad.set) {
      squads.push_back(it->squad.value);
    }
  }
  if (d.owner.set) {
    if (const Person* p = ws.config.person(d.owner.value); p && p->squad.set) {
      squads.push_back(p->squad.value);
    }
  }
  return squads;
}

std::vector<std::string> RuleContext::squads_of(const RitualNote& n) const
{
  std::vector<std::string> squads;
  const Ritual* r = ws.config.ritual(n.ritual.value);
  if (r && !r->squads.empty()) {
    for (const auto& s : r->squads) {
      squads.push_back(s.value);
    }
  } else {
    for (const auto& s : ws.config.squads) {
      squads.push_back(s.id.value);
    }
  }
  return squads;
}

namespace {

bool under(const std::string& file, const std::string& path)
{
  if (path.empty() || path == ".") {
    return true;
  }
  std::string p = path;
  while (p.size() > 1 && p.back() == '/') {
    p.pop_back();
  }
  return file == p || file.starts_with(p + "/");
}

}  // namespace

CheckResult check_workspace(const Workspace& ws, const CheckOptions& opts)
{
  std::vector<Finding> all = ws.findings;
  if (ws.config.loaded) {
    RuleContext c{ws, opts.today, all};
    rule_duplicate_id(c);
    rule_duplicate_title(c);
    rule_id_prefix(c);
    rule_unknown_ref(c);
    rule_moved_from_live(c);
    rule_dependency_cycle(c);
    rule_dependency_order(c);
    rule_wip_limit(c);
    rule_over_capacity(c);
    rule_target_passed(c);
    rule_action_overdue(c);
    rule_doc_required(c);
    rule_doc_stale(c);
    rule_doc_index_stale(c);
    rule_series_unlinked(c);
    rule_customer_duplicate(c);
    rule_customer_unknown(c);
    rule_feedback_duplicate(c);
    rule_key_result_unlinked(c);
    rule_objective_stalled(c);
    rule_initiative_slip(c);
    rule_update_stale(c);
    rule_prd_missing(c);
    rule_evidence_missing(c);
    rule_ritual_missed(c);
    if (opts.base) {
      rule_transitions(c, *opts.base);
    }
    check_alias_names(ws.config.aliases, opts.commands, all, ws.config.file);
  }
  CheckResult result;
  for (auto& f : all) {
    const RuleInfo* info = find_rule(f.rule);
    Severity sev = info ? info->default_severity : Severity::error;
    const std::vector<LStr>* pilot = nullptr;
    if (auto it = ws.config.rules.find(f.rule); it != ws.config.rules.end()) {
      sev = it->second.severity;
      if (!it->second.pilot.empty()) {
        pilot = &it->second.pilot;
      }
    }
    if (sev == Severity::off) {
      continue;
    }
    if (pilot && !opts.all_squads) {
      bool about_pilot = std::any_of(f.squads.begin(), f.squads.end(), [&](const std::string& s) {
        return std::any_of(pilot->begin(), pilot->end(), [&](const LStr& p) { return p.value == s; });
      });
      if (!about_pilot) {
        continue;
      }
    }
    f.severity = sev;
    result.findings.push_back(std::move(f));
  }
  std::sort(result.findings.begin(), result.findings.end(), finding_less);
  result.findings.erase(std::unique(result.findings.begin(), result.findings.end(),
                                    [](const Finding& a, const Finding& b) {
                                      return a.file == b.file && a.loc.line == b.loc.line
                                             && a.loc.column == b.loc.column && a.rule == b.rule
                                             && a.message == b.message;
                                    }),
                        result.findings.end());
  result.summary.files = static_cast<int>(ws.files.size());
  summarize(result);
  return restrict_to_paths(std::move(result), ws.files, opts.paths);
}

void add_findings(CheckResult& r, const Config& cfg, std::vector<Finding> extra, const std::vector<std::string>& paths)
{
  for (auto& f : extra) {
    const RuleInfo* info = find_rule(f.rule);
    Severity sev = info ? info->default_severity : Severity::error;
    if (auto it = cfg.rules.find(f.rule); it != cfg.rules.end()) {
      sev = it->second.severity;
    }
    if (sev == Severity::off || (!paths.empty() && std::none_of(paths.begin(), paths.end(), [&](const std::string& p) {
          return under(f.file, p);
        }))) {
      continue;
    }
    f.severity = sev;
    r.findings.push_back(std::move(f));
  }
  std::sort(r.findings.begin(), r.findings.end(), finding_less);
  summarize(r);
}

CheckResult restrict_to_paths(CheckResult full, const std::vector<std::string>& files,
                              const std::vector<std::string>& paths)
{
  if (paths.empty()) {
    return full;
  }
  auto wanted = [&](const std::string& f) {
    return std::any_of(paths.begin(), paths.end(), [&](const std::string& p) { return under(f, p); });
  };
  std::erase_if(full.findings, [&](const Finding& f) { return !wanted(f.file); });
  full.summary.files = static_cast<int>(std::count_if(files.begin(), files.end(), wanted));
  summarize(full);
  return full;
}

}  // namespace pops
