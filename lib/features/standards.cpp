#include "features/standards.h"

#include "base/markdown.h"
#include "base/table.h"
#include "base/text.h"
#include "check/check.h"
#include "git/file_versions.h"
#include "history/history.h"
#include "workspace/portfolio.h"
#include "workspace/rules.h"
#include "workspace/workspace.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace pops {

std::optional<double> compliance_of(const RuleTally& t)
{
  if (t.subjects <= 0) {
    return std::nullopt;
  }
  return static_cast<double>(t.subjects - t.failing) / static_cast<double>(t.subjects);
}

CheckResult check_as_of(const Workspace& ws, Date day)
{
  CheckOptions o;
  o.today = day;
  o.all_squads = true;
  return check_workspace(ws, o);
}

MeasuredState measure_state(Repository& repo, const std::string& root, const std::string& prefix,
                            const std::string& commit, Date day)
{
  MeasuredState s;
  s.ws = load_workspace(root, repo.tree_files(commit, prefix), 0);
  s.check = check_as_of(s.ws, day);
  return s;
}

namespace {

/// The rules the scorecard tallies: those with a compliance measure, and those a whole-workspace
/// check can report (not the transition rules of --base, nor schema-stale, which reads .pops/).
bool scored_rule(std::string_view id)
{
  static const std::set<std::string_view> skip = {"status-regression", "item-removed", "id-reused", "target-slip",
                                                  "schema-stale"};
  return !skip.count(id);
}

Severity severity_in(const Config& cfg, std::string_view rule, const std::vector<LStr>** pilot)
{
  const RuleInfo* info = find_rule(rule);
  Severity sev = info ? info->default_severity : Severity::error;
  *pilot = nullptr;
  if (auto it = cfg.rules.find(rule); it != cfg.rules.end()) {
    sev = it->second.severity;
    if (!it->second.pilot.empty()) {
      *pilot = &it->second.pilot;
    }
  }
  return sev;
}

bool has_squad(const Config& cfg, const std::string& squad)
{
  return cfg.squad(squad) != nullptr;
}

}  // namespace

Standards compute_standards(Repository& repo, const std::string& root, const std::string& prefix,
                            const StandardsOptions& opts)
{
  Standards out;
  out.period = opts.period;
  if (!repo.has_commits()) {
    return out;
  }
  const FileVersions config_versions = file_versions(repo, "HEAD", prefix + "pops.yaml");
  if (config_versions.versions.empty()) {
    return out;
  }
  History history(repo, root, prefix);
  const Date first = opts.since ? *opts.since : commit_date(config_versions.versions.front().commit);
  for (Date p = period_start(opts.period, first); p <= opts.until; p = Date{period_end(opts.period, p).days + 1}) {
    StandardsPeriod sp;
    sp.name = period_name(opts.period, p);
    sp.start = p;
    const Date last = period_end(opts.period, p);
    sp.end = std::min(last, opts.until);
    sp.complete = last <= opts.until;
    if (auto c = history.commit_at("HEAD", sp.end)) {
      sp.commit = c->id;
    }
    out.periods.push_back(std::move(sp));
  }
  // Each period's state: a commit is loaded once (later periods with no commit since share it),
  // checked as of each period's end and tallied; only its pops.yaml and the tallies are kept.
  struct PeriodState {
    Config config;
    std::map<std::string, std::map<std::string, RuleTally>> tallies;  ///< rule -> squad -> tally
  };
  std::vector<std::optional<PeriodState>> states(out.periods.size());
  std::optional<Workspace> ws;
  std::string ws_commit;
  for (size_t i = 0; i < out.periods.size(); ++i) {
    const StandardsPeriod& p = out.periods[i];
    if (p.commit.empty()) {
      continue;
    }
    if (p.commit != ws_commit) {
      ws = load_workspace(root, repo.tree_files(p.commit, prefix), 0);
      ws_commit = p.commit;
    }
    const CheckResult check = check_as_of(*ws, p.end);
    PeriodState ps;
    ps.config = ws->config;
    for (const auto& r : all_rules()) {
      if (scored_rule(r.id)) {
        ps.tallies[std::string(r.id)] = tally_rule(*ws, r.id, check.findings, p.end);
      }
    }
    states[i] = std::move(ps);
  }
  // The squads: pops.yaml's at the end, in order, then those only earlier states had.
  std::vector<std::string> squads;
  for (auto it = states.rbegin(); it != states.rend(); ++it) {
    if (*it) {
      for (const auto& sq : (*it)->config.squads) {
        if (std::find(squads.begin(), squads.end(), sq.id.value) == squads.end()) {
          squads.push_back(sq.id.value);
        }
      }
    }
  }
  out.known_squads = squads;
  if (!opts.squads.empty()) {
    std::erase_if(squads, [&](const std::string& s) {
      return std::find(opts.squads.begin(), opts.squads.end(), s) == opts.squads.end();
    });
  }
  for (const auto& squad : squads) {
    StandardsSquad ss;
    ss.squad = squad;
    for (const auto& r : all_rules()) {
      if (!scored_rule(r.id)) {
        continue;
      }
      StandardsRow row;
      row.rule = std::string(r.id);
      row.subjects = std::string(rule_measure(r.id).subjects);
      bool any = false;  // in force at some period, with subjects, a finding or a pilot
      for (size_t i = 0; i < out.periods.size(); ++i) {
        StandardsCell cell;
        if (states[i]) {
          const Config& cfg = states[i]->config;
          const std::vector<LStr>* pilot = nullptr;
          const Severity sev = severity_in(cfg, r.id, &pilot);
          cell.severity = std::string(severity_name(sev));
          cell.applies =
            sev != Severity::off
            && (!pilot || std::any_of(pilot->begin(), pilot->end(), [&](const LStr& p) { return p.value == squad; }));
          cell.measured = sev != Severity::off && has_squad(cfg, squad);
          if (cell.measured) {
            const auto& by_squad = states[i]->tallies[row.rule];
            if (auto t = by_squad.find(squad); t != by_squad.end()) {
              cell.tally = t->second;
            }
            cell.compliance = compliance_of(cell.tally);
            any = any || cell.tally.subjects > 0 || cell.tally.findings > 0 || pilot != nullptr;
          }
          row.severity = cell.severity;
          row.piloted = pilot && cell.applies;
        }
        row.cells.push_back(std::move(cell));
      }
      if (any) {
        ss.rules.push_back(std::move(row));
      }
    }
    out.squads.push_back(std::move(ss));
  }
  return out;
}

Standards portfolio_standards(const std::vector<std::pair<std::string, Standards>>& members)
{
  Standards out;
  std::map<std::string, StandardsPeriod> periods;  // by name: "2026-11" and "2026-Q4" sort in time
  for (const auto& [name, st] : members) {
    out.period = st.period;
    for (const auto& p : st.periods) {
      StandardsPeriod& q = periods.try_emplace(p.name, p).first->second;
      q.commit.clear();
    }
  }
  for (auto& [name, p] : periods) {
    out.periods.push_back(std::move(p));
  }
  for (const auto& [member, st] : members) {
    for (const auto& s : st.known_squads) {
      out.known_squads.push_back(qualified_id(member, s));
    }
    for (const auto& sq : st.squads) {
      StandardsSquad q;
      q.squad = qualified_id(member, sq.squad);
      for (const auto& r : sq.rules) {
        StandardsRow row = r;
        row.cells.assign(out.periods.size(), StandardsCell{});
        for (size_t i = 0; i < st.periods.size() && i < r.cells.size(); ++i) {
          const std::string& period = st.periods[i].name;  // clang 14 cannot capture a structured binding
          const auto at = std::find_if(out.periods.begin(), out.periods.end(),
                                       [&](const StandardsPeriod& p) { return p.name == period; });
          row.cells[static_cast<size_t>(at - out.periods.begin())] = r.cells[i];
        }
        q.rules.push_back(std::move(row));
      }
      out.squads.push_back(std::move(q));
    }
  }
  return out;
}

namespace {

using Json = nlohmann::ordered_json;

std::optional<double> rounded(const std::optional<double>& v)
{
  if (!v) {
    return v;
  }
  return std::round(*v * 1000) / 1000;
}

std::string share_text(const std::optional<double>& v)
{
  return v ? fmt::format("{:.0f}%", *v * 100) : std::string("\u2013");
}

/// "3 · 75%", "0", "–" (not measured).
std::string cell_text(const StandardsCell& c)
{
  if (!c.measured) {
    return "\u2013";
  }
  std::string s = std::to_string(c.tally.findings);
  if (c.compliance) {
    s += " \u00b7 " + share_text(c.compliance);
  }
  if (!c.applies) {
    s += " (not in force)";
  }
  return s;
}

}  // namespace

std::string render_standards_json(const Standards& s)
{
  Json j;
  j["period"] = s.period == PeriodKind::quarter ? "quarter" : "month";
  Json periods = Json::array(), commits = Json::array(), ends = Json::array();
  for (const auto& p : s.periods) {
    periods.push_back(p.name);
    ends.push_back(format_date(p.end));
    commits.push_back(p.commit.empty() ? Json() : Json(p.commit));
  }
  j["periods"] = periods;
  j["ends"] = ends;
  j["commits"] = commits;
  Json squads = Json::array();
  for (const auto& sq : s.squads) {
    Json rules = Json::array();
    for (const auto& r : sq.rules) {
      Json row;
      row["rule"] = r.rule;
      row["measure"] = r.subjects.empty() ? Json() : Json(r.subjects);
      row["severity"] = r.severity;
      row["piloted"] = r.piloted;
      Json sev = Json::array(), applies = Json::array(), findings = Json::array(), subjects = Json::array(),
           failing = Json::array(), compliance = Json::array();
      for (const auto& c : r.cells) {
        sev.push_back(c.severity.empty() ? Json() : Json(c.severity));
        applies.push_back(c.applies);
        findings.push_back(c.measured ? Json(c.tally.findings) : Json());
        subjects.push_back(c.measured && !r.subjects.empty() ? Json(c.tally.subjects) : Json());
        failing.push_back(c.measured && !r.subjects.empty() ? Json(c.tally.failing) : Json());
        compliance.push_back(c.measured && c.compliance ? Json(*rounded(c.compliance)) : Json());
      }
      row["severities"] = sev;
      row["applies"] = applies;
      row["findings"] = findings;
      row["subjects"] = subjects;
      row["failing"] = failing;
      row["compliance"] = compliance;
      rules.push_back(row);
    }
    squads.push_back({{"squad", sq.squad}, {"rules", rules}});
  }
  j["squads"] = squads;
  return j.dump(2) + "\n";
}

namespace {

std::vector<std::vector<std::string>> standards_rows(const Standards& s)
{
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> head = {"SQUAD", "RULE", "SEVERITY"};
  for (const auto& p : s.periods) {
    head.push_back(p.complete ? p.name : p.name + "*");
  }
  rows.push_back(head);
  for (const auto& sq : s.squads) {
    for (const auto& r : sq.rules) {
      std::vector<std::string> row = {sq.squad, r.rule, r.piloted ? r.severity + " (pilot)" : r.severity};
      for (const auto& c : r.cells) {
        row.push_back(cell_text(c));
      }
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

}  // namespace

std::string render_standards_table(const Standards& s)
{
  if (s.squads.empty()) {
    return {};
  }
  const auto rows = standards_rows(s);
  return aligned_table(rows);
}

std::string render_standards_markdown(const Standards& s)
{
  if (s.squads.empty()) {
    return {};
  }
  const auto rows = standards_rows(s);
  std::string out;
  for (size_t k = 0; k < rows.size(); ++k) {
    std::vector<std::string> c;
    for (const auto& v : rows[k]) {
      c.push_back(markdown_cell(v));
    }
    out += fmt::format("| {} |\n", fmt::join(c, " | "));
    if (k == 0) {
      std::vector<std::string> rule(c.size(), "---");
      out += fmt::format("| {} |\n", fmt::join(rule, " | "));
    }
  }
  return out;
}

}  // namespace pops

namespace pops {

std::optional<double> squad_compliance(const StandardsSquad& sq, size_t i)
{
  RuleTally sum;
  for (const auto& r : sq.rules) {
    if (i < r.cells.size() && r.cells[i].measured && r.cells[i].applies && !r.subjects.empty()) {
      sum.subjects += r.cells[i].tally.subjects;
      sum.failing += r.cells[i].tally.failing;
    }
  }
  return compliance_of(sum);
}

}  // namespace pops
