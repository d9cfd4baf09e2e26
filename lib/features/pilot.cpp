#include "features/pilot.h"

#include "base/markdown.h"
#include "base/table.h"
#include "base/text.h"
#include "git/file_versions.h"
#include "history/history.h"
#include "workspace/rules.h"
#include "workspace/workspace.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace pops {

namespace {

struct RuleState {
  Severity severity = Severity::off;
  std::vector<std::string> pilot;  ///< sorted
};

std::map<std::string, RuleState> rule_states(const Config& cfg)
{
  std::map<std::string, RuleState> out;
  for (const auto& r : all_rules()) {
    RuleState s;
    s.severity = r.default_severity;
    if (auto it = cfg.rules.find(r.id); it != cfg.rules.end()) {
      s.severity = it->second.severity;
      for (const auto& p : it->second.pilot) {
        s.pilot.push_back(p.value);
      }
    }
    std::sort(s.pilot.begin(), s.pilot.end());
    s.pilot.erase(std::unique(s.pilot.begin(), s.pilot.end()), s.pilot.end());
    out[std::string(r.id)] = std::move(s);
  }
  return out;
}

/// "widened", "narrowed" or "changed" for a pilot going from `a` to `b` (both sorted, not equal).
std::string pilot_change(const std::vector<std::string>& a, const std::vector<std::string>& b)
{
  if (std::includes(b.begin(), b.end(), a.begin(), a.end())) {
    return "widened";
  }
  if (std::includes(a.begin(), a.end(), b.begin(), b.end())) {
    return "narrowed";
  }
  return "changed";
}

}  // namespace

PilotHistory pilot_history(Repository& repo, const std::string& root, const std::string& prefix)
{
  PilotHistory h;
  const FileVersions versions = file_versions(repo, "HEAD", prefix + "pops.yaml");
  h.truncated = versions.truncated;
  std::map<std::string, RuleState> prev;
  std::map<std::string, size_t> open;  // rule -> its pilot being run, in h.pilots
  for (const auto& v : versions.versions) {
    if (!v.present) {
      continue;
    }
    const Workspace ws = load_workspace(root, {SourceFile{"pops.yaml", v.text}}, 1);
    if (!ws.config.loaded) {
      continue;
    }
    const auto now = rule_states(ws.config);
    const Date day = commit_date(v.commit);
    for (const auto& entry : now) {
      const auto& rule = entry.first;  // named, not bound: a lambda below uses them (clang 14)
      const auto& s = entry.second;
      const RuleState before = prev.count(rule) ? prev.at(rule) : RuleState{s.severity, {}};
      auto event = [&](std::string what) {
        PilotRecord& rec = h.pilots[open.at(rule)];
        rec.events.push_back({day, v.commit.id, std::move(what), s.pilot, std::string(severity_name(s.severity))});
        rec.current = s.pilot;
      };
      const bool live = s.severity != Severity::off && !s.pilot.empty();
      if (!open.count(rule)) {
        if (live) {
          PilotRecord rec;
          rec.rule = rule;
          rec.squads = s.pilot;
          rec.started = day;
          rec.commit = v.commit.id;
          rec.state = "piloting";
          open[rule] = h.pilots.size();
          h.pilots.push_back(std::move(rec));
          event("piloted");
        }
        continue;
      }
      PilotRecord& rec = h.pilots[open.at(rule)];
      if (s.severity == Severity::off) {
        event("ended");
        rec.state = "ended";
        rec.ended = day;
        open.erase(rule);
      } else if (s.pilot.empty()) {
        event("rolled out");
        rec.state = "rolled out";
        rec.ended = day;
        open.erase(rule);
      } else if (s.pilot != before.pilot) {
        event(pilot_change(before.pilot, s.pilot));
      } else if (s.severity != before.severity) {
        event("severity");
      }
    }
    prev = now;
  }
  return h;
}

std::vector<StandardChange> standard_changes(const Config& from, const Config& to)
{
  std::vector<StandardChange> out;
  if (!from.loaded || !to.loaded) {
    return out;
  }
  const auto a = rule_states(from);
  const auto b = rule_states(to);
  for (const auto& r : all_rules()) {
    const RuleState& x = a.at(std::string(r.id));
    const RuleState& y = b.at(std::string(r.id));
    const std::string id(r.id);
    const bool was = x.severity != Severity::off && !x.pilot.empty();
    const bool is = y.severity != Severity::off && !y.pilot.empty();
    if (!was && is) {
      out.push_back({id, "piloted", "", join(y.pilot, ", ")});
    } else if (was && y.severity == Severity::off) {
      out.push_back({id, "ended", join(x.pilot, ", "), ""});
      continue;
    } else if (was && !is) {
      out.push_back({id, "rolled out", join(x.pilot, ", "), ""});
    } else if (was && x.pilot != y.pilot) {
      out.push_back({id, pilot_change(x.pilot, y.pilot), join(x.pilot, ", "), join(y.pilot, ", ")});
    }
    if (x.severity != y.severity) {
      out.push_back({id, "severity", std::string(severity_name(x.severity)), std::string(severity_name(y.severity))});
    }
  }
  return out;
}

std::string standard_change_text(const StandardChange& c)
{
  if (c.what == "severity") {
    return fmt::format("{}: severity {} (was {})", c.rule, c.to, c.from);
  }
  if (c.what == "piloted") {
    return fmt::format("{}: piloted with {}", c.rule, c.to);
  }
  if (c.what == "rolled out") {
    return fmt::format("{}: rolled out to every squad (piloted with {})", c.rule, c.from);
  }
  if (c.what == "ended") {
    return fmt::format("{}: pilot with {} ended, rule off", c.rule, c.from);
  }
  return fmt::format("{}: pilot {} to {}", c.rule, c.what, c.to);
}

namespace {

using Json = nlohmann::ordered_json;

Json record_json(const PilotRecord& p)
{
  Json events = Json::array();
  for (const auto& e : p.events) {
    events.push_back({{"date", format_date(e.date)},
                      {"commit", e.commit},
                      {"what", e.what},
                      {"squads", e.squads},
                      {"severity", e.severity}});
  }
  return {{"rule", p.rule},
          {"squads", p.squads},
          {"current", p.current},
          {"started", format_date(p.started)},
          {"commit", p.commit},
          {"state", p.state},
          {"ended", p.ended ? Json(format_date(*p.ended)) : Json()},
          {"events", events}};
}

}  // namespace

std::string render_pilot_list_json(const PilotHistory& h)
{
  Json pilots = Json::array();
  for (const auto& p : h.pilots) {
    pilots.push_back(record_json(p));
  }
  Json j;
  j["pilots"] = pilots;
  j["truncated"] = h.truncated;
  return j.dump(2) + "\n";
}

std::string render_pilot_list_table(const PilotHistory& h)
{
  if (h.pilots.empty()) {
    return {};
  }
  std::vector<std::vector<std::string>> rows = {{"RULE", "SQUADS", "STARTED", "STATE", "SINCE", "NOW"}};
  for (const auto& p : h.pilots) {
    rows.push_back(
      {p.rule, join(p.squads, ","), format_date(p.started), p.state, p.ended ? format_date(*p.ended) : "\u2013",
       p.state == "piloting" ? join(p.current, ",") : (p.state == "rolled out" ? "all squads" : "\u2013")});
  }
  return aligned_table(rows);
}

}  // namespace pops
