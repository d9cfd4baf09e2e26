// pops pilot report: the pilot squads against the others, before and after a pilot started.

#include "features/pilot.h"

#include "base/markdown.h"
#include "base/table.h"
#include "base/text.h"
#include "git/file_versions.h"
#include "history/history.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace pops {

namespace {

bool in(const std::vector<std::string>& group, const std::string& squad)
{
  return std::find(group.begin(), group.end(), squad) != group.end();
}

/// The rule's findings and compliance of `group` in the state at `side.to` (`side.commit`).
void rule_side(PilotSide& side, const std::vector<std::string>& group, const std::map<std::string, RuleTally>& tallies)
{
  RuleTally sum;
  for (const auto& [squad, t] : tallies) {
    if (in(group, squad)) {
      sum.findings += t.findings;
      sum.subjects += t.subjects;
      sum.failing += t.failing;
    }
  }
  side.findings = sum.findings;
  side.compliance = {compliance_of(sum), sum.subjects};
}

/// The delivery figures of `group` in the window of `side`, from `pops metrics`' own figures.
void delivery_side(PilotSide& side, const std::vector<std::string>& group, const Metrics& m)
{
  const auto shipped = shipped_in(m, [&](const ItemFacts& f) {
    return f.shipped && side.from <= *f.shipped && *f.shipped <= side.to && in(group, f.squad);
  });
  side.throughput = static_cast<int>(shipped.size());
  std::vector<int> cycles;
  for (const auto& f : shipped) {
    if (f.cycle_days) {
      cycles.push_back(*f.cycle_days);
    }
  }
  side.cycle_p50 = {percentile(cycles, 50), static_cast<int>(cycles.size())};
  side.cycle_p85 = {percentile(cycles, 85), static_cast<int>(cycles.size())};
  side.slips = static_cast<int>(slips_of(m, [&](const SlipEvent& e) {
                                  return side.from <= e.date && e.date <= side.to && in(group, e.squad);
                                }).size());
  int committed = 0, done = 0;
  for (const auto& row : m.rows) {
    if (!row.squad.empty() && in(group, row.squad) && row.complete && side.from <= row.start && row.end <= side.to) {
      committed += row.committed;
      done += row.committed_shipped;
    }
  }
  side.predictability = {committed > 0 ? std::optional<double>(static_cast<double>(done) / committed) : std::nullopt,
                         committed};
}

std::string pct(const std::optional<double>& v)
{
  return v ? fmt::format("{:.0f}%", *v * 100) : std::string("\u2013");
}

std::string days_text(const std::optional<double>& v)
{
  return v ? fmt::format("{:.1f}", *v) : std::string("\u2013");
}

}  // namespace

std::string pilot_verdict(const PilotReport& r)
{
  const std::string what = std::string(rule_measure(r.pilot.rule).subjects);
  std::vector<std::string> out;
  out.push_back(fmt::format("{} was piloted with {} from {}{}.", r.pilot.rule, join(r.pilot.squads, ", "),
                            format_date(r.pilot.started),
                            r.pilot.ended ? fmt::format(" to {} ({})", format_date(*r.pilot.ended), r.pilot.state)
                                          : std::string(", still under pilot")));
  if (r.episodes > 1) {
    out.push_back(fmt::format("This is pilot {} of {} of the rule: the latest started by the last day measured "
                              "(an earlier --until reports an earlier one).",
                              r.episode, r.episodes));
  }
  const int min = k_pilot_min_sample;
  if (r.pilot_before.to < r.pilot_before.from) {
    out.push_back("The history starts with the pilot: there is no \"before\" to compare with.");
  }
  if (what.empty()) {
    out.push_back(fmt::format("Findings in the pilot squads: {} before, {} after; in the other squads: {} before, {} "
                              "after (the rule has no compliance measure).",
                              r.pilot_before.findings, r.pilot_after.findings, r.others_before.findings,
                              r.others_after.findings));
  } else if (r.pilot_before.compliance.n < min || r.pilot_after.compliance.n < min) {
    out.push_back(fmt::format("Too few {} in the pilot squads to judge the rule ({} before, {} after; at least {} "
                              "each are needed).",
                              what, r.pilot_before.compliance.n, r.pilot_after.compliance.n, min));
  } else {
    std::string s = fmt::format("In the pilot squads, compliance went from {} to {} ({} and {} {}).",
                                pct(r.pilot_before.compliance.value), pct(r.pilot_after.compliance.value),
                                r.pilot_before.compliance.n, r.pilot_after.compliance.n, what);
    if (r.others_before.compliance.n < min || r.others_after.compliance.n < min) {
      s += fmt::format(" The other squads have too few {} to compare ({} before, {} after).", what,
                       r.others_before.compliance.n, r.others_after.compliance.n);
    } else {
      const double dp = *r.pilot_after.compliance.value - *r.pilot_before.compliance.value;
      const double dx = *r.others_after.compliance.value - *r.others_before.compliance.value;
      s += fmt::format(" In the other squads, from {} to {}.", pct(r.others_before.compliance.value),
                       pct(r.others_after.compliance.value));
      if (dp - dx >= 0.1) {
        s += " The pilot squads improved more than the others.";
      } else if (dp - dx <= -0.1) {
        s += " The pilot squads did not improve more than the others.";
      } else {
        s += " No clear difference from the other squads.";
      }
    }
    out.push_back(s);
  }
  if (r.pilot_before.cycle_p50.n < min || r.pilot_after.cycle_p50.n < min) {
    out.push_back(fmt::format("Too few items shipped in the pilot squads ({} before, {} after) to compare delivery.",
                              r.pilot_before.cycle_p50.n, r.pilot_after.cycle_p50.n));
  } else {
    out.push_back(fmt::format("Cycle time p50 in the pilot squads went from {} to {} days ({} and {} items).",
                              days_text(r.pilot_before.cycle_p50.value), days_text(r.pilot_after.cycle_p50.value),
                              r.pilot_before.cycle_p50.n, r.pilot_after.cycle_p50.n));
  }
  out.push_back("This compares the squads over one pilot; it does not show that the rule caused the change.");
  return join(out, "\n") + "\n";
}

PilotReport pilot_report(Repository& repo, const std::string& root, const std::string& prefix, const std::string& rule,
                         Date until, const Metrics& metrics)
{
  const PilotHistory h = pilot_history(repo, root, prefix);
  const PilotRecord* rec = nullptr;
  int episode = 0, episodes = 0;
  for (const auto& p : h.pilots) {
    if (p.rule == rule) {
      ++episodes;
      if (p.started <= until) {
        rec = &p;
        episode = episodes;
      }
    }
  }
  if (!rec) {
    throw std::runtime_error(fmt::format("rule '{}' was never under pilot in pops.yaml's history", rule));
  }
  PilotReport r;
  r.pilot = *rec;
  r.episode = episode;
  r.episodes = episodes;
  r.pilot_squads = rec->squads;
  const Date first = commit_date(file_versions(repo, "HEAD", prefix + "pops.yaml").versions.front().commit);
  Date end = rec->ended && *rec->ended <= until ? Date{rec->ended->days - 1} : until;
  end = std::max(end, rec->started);
  const int length = end.days - rec->started.days + 1;
  const Date before_to{rec->started.days - 1};
  const Date before_from{std::max(first.days, rec->started.days - length)};
  History history(repo, root, prefix);
  auto measure = [&](Date day, std::string& commit) -> std::map<std::string, RuleTally> {
    auto c = history.commit_at("HEAD", day);
    if (!c) {
      return {};
    }
    commit = c->id;
    const MeasuredState s = measure_state(repo, root, prefix, c->id, day);
    if (r.other_squads.empty() && day == end) {
      for (const auto& sq : s.ws.config.squads) {
        if (!in(r.pilot_squads, sq.id.value)) {
          r.other_squads.push_back(sq.id.value);
        }
      }
    }
    return tally_rule(s.ws, rule, s.check.findings, day);
  };
  for (PilotSide* s : {&r.pilot_before, &r.others_before}) {
    s->from = before_from;
    s->to = before_to;
  }
  for (PilotSide* s : {&r.pilot_after, &r.others_after}) {
    s->from = rec->started;
    s->to = end;
  }
  std::string c_after, c_before;
  const auto after = measure(end, c_after);
  const auto before = before_to < first ? std::map<std::string, RuleTally>{} : measure(before_to, c_before);
  r.pilot_before.commit = r.others_before.commit = c_before;
  r.pilot_after.commit = r.others_after.commit = c_after;
  rule_side(r.pilot_before, r.pilot_squads, before);
  rule_side(r.others_before, r.other_squads, before);
  rule_side(r.pilot_after, r.pilot_squads, after);
  rule_side(r.others_after, r.other_squads, after);
  delivery_side(r.pilot_before, r.pilot_squads, metrics);
  delivery_side(r.others_before, r.other_squads, metrics);
  delivery_side(r.pilot_after, r.pilot_squads, metrics);
  delivery_side(r.others_after, r.other_squads, metrics);
  r.verdict = pilot_verdict(r);
  return r;
}

namespace {

using Json = nlohmann::ordered_json;

Json figure(const PilotFigure& f, double scale)
{
  return {{"value", f.value ? Json(std::round(*f.value * scale) / scale) : Json()}, {"n", f.n}};
}

Json side_json(const PilotSide& s)
{
  const bool none = s.to < s.from;  // no history before the pilot
  return {{"from", none ? Json() : Json(format_date(s.from))},
          {"to", none ? Json() : Json(format_date(s.to))},
          {"commit", s.commit.empty() ? Json() : Json(s.commit)},
          {"findings", s.findings},
          {"compliance", figure(s.compliance, 1000)},
          {"cycle_p50", figure(s.cycle_p50, 100)},
          {"cycle_p85", figure(s.cycle_p85, 100)},
          {"predictability", figure(s.predictability, 1000)},
          {"throughput", s.throughput},
          {"slips", s.slips}};
}

std::vector<std::vector<std::string>> report_rows(const PilotReport& r)
{
  auto n = [](const PilotFigure& f, const std::string& v) { return fmt::format("{} (n={})", v, f.n); };
  std::vector<std::vector<std::string>> rows = {{"", "PILOT BEFORE", "PILOT AFTER", "OTHERS BEFORE", "OTHERS AFTER"}};
  const std::vector<const PilotSide*> sides = {&r.pilot_before, &r.pilot_after, &r.others_before, &r.others_after};
  auto row = [&](std::string label, auto&& cell) {
    std::vector<std::string> out = {std::move(label)};
    for (const PilotSide* s : sides) {
      out.push_back(cell(*s));
    }
    rows.push_back(std::move(out));
  };
  row("window", [](const PilotSide& s) {
    return s.to < s.from ? std::string("none") : format_date(s.from) + ".." + format_date(s.to);
  });
  row("findings", [](const PilotSide& s) { return std::to_string(s.findings); });
  row("compliance", [&](const PilotSide& s) { return n(s.compliance, pct(s.compliance.value)); });
  row("cycle p50", [&](const PilotSide& s) { return n(s.cycle_p50, days_text(s.cycle_p50.value)); });
  row("cycle p85", [&](const PilotSide& s) { return n(s.cycle_p85, days_text(s.cycle_p85.value)); });
  row("predictability", [&](const PilotSide& s) { return n(s.predictability, pct(s.predictability.value)); });
  row("throughput", [](const PilotSide& s) { return std::to_string(s.throughput); });
  row("slips", [](const PilotSide& s) { return std::to_string(s.slips); });
  return rows;
}

}  // namespace

std::string render_pilot_report_json(const PilotReport& r)
{
  Json j;
  j["rule"] = r.pilot.rule;
  j["episode"] = r.episode;
  j["episodes"] = r.episodes;
  j["pilot"] = {{"squads", r.pilot.squads},
                {"started", format_date(r.pilot.started)},
                {"commit", r.pilot.commit},
                {"state", r.pilot.state},
                {"ended", r.pilot.ended ? Json(format_date(*r.pilot.ended)) : Json()}};
  j["pilot_squads"] = r.pilot_squads;
  j["other_squads"] = r.other_squads;
  j["pilot_before"] = side_json(r.pilot_before);
  j["pilot_after"] = side_json(r.pilot_after);
  j["others_before"] = side_json(r.others_before);
  j["others_after"] = side_json(r.others_after);
  j["verdict"] = r.verdict;
  return j.dump(2) + "\n";
}

std::string render_pilot_report_text(const PilotReport& r)
{
  std::string out = fmt::format("pilot of {}: {} against {}\n\n", r.pilot.rule, join(r.pilot_squads, ", "),
                                r.other_squads.empty() ? std::string("no other squad") : join(r.other_squads, ", "));
  return out + aligned_table(report_rows(r)) + "\n" + r.verdict;
}

std::string render_pilot_report_markdown(const PilotReport& r)
{
  std::string out = fmt::format("## Pilot of {}\n\n", markdown_cell(r.pilot.rule));
  const auto rows = report_rows(r);
  for (size_t k = 0; k < rows.size(); ++k) {
    std::vector<std::string> c;
    for (const auto& v : rows[k]) {
      c.push_back(markdown_cell(v));
    }
    out += fmt::format("| {} |\n", fmt::join(c, " | "));
    if (k == 0) {
      out += fmt::format("| {} |\n", fmt::join(std::vector<std::string>(c.size(), "---"), " | "));
    }
  }
  out += "\n";
  size_t from = 0;
  for (size_t nl; (nl = r.verdict.find('\n', from)) != std::string::npos; from = nl + 1) {
    out += markdown_text(std::string_view(r.verdict).substr(from, nl - from)) + "\n\n";
  }
  return out;
}

}  // namespace pops
