#include "features/standards_html.h"

#include "base/html.h"
#include "base/markdown.h"

#include <fmt/format.h>

#include <algorithm>

namespace pops {

namespace {

const char* const k_dash = "\xe2\x80\x93";

/// The rules with a compliance measure that some squad has subjects of in the last period.
std::vector<std::string> heat_rules(const Standards& s)
{
  std::vector<std::string> rules;
  for (const auto& sq : s.squads) {
    for (const auto& r : sq.rules) {
      if (!r.subjects.empty() && !r.cells.empty() && r.cells.back().compliance
          && std::find(rules.begin(), rules.end(), r.rule) == rules.end()) {
        rules.push_back(r.rule);
      }
    }
  }
  return rules;
}

const StandardsRow* row_of(const StandardsSquad& sq, const std::string& rule)
{
  for (const auto& r : sq.rules) {
    if (r.rule == rule) {
      return &r;
    }
  }
  return nullptr;
}

std::string pct(const std::optional<double>& v)
{
  return v ? fmt::format("{:.0f}%", *v * 100) : std::string(k_dash);
}

/// A cell shaded from red (0%) to green (100%).
std::string heat_cell(const std::optional<double>& v, const std::string& title)
{
  if (!v) {
    return fmt::format("<td class=\"n\" title=\"{}\">{}</td>", html_escape(title), k_dash);
  }
  return fmt::format("<td class=\"n\" style=\"background:hsl({:.0f},60%,85%)\" title=\"{}\">{}</td>", *v * 120,
                     html_escape(title), pct(v));
}

/// "doc-stale", or "doc-stale in acme" for a pilot of a portfolio's member.
std::string pilot_title(const StandardsSection& s, size_t i)
{
  const std::string& rule = s.pilots[i].pilot.rule;
  return i < s.pilot_members.size() && !s.pilot_members[i].empty() ? rule + " in " + s.pilot_members[i] : rule;
}

}  // namespace

std::string render_standards_html(const StandardsSection& s)
{
  if (!s.measured || s.standards.periods.empty()) {
    return {};
  }
  const Standards& st = s.standards;
  std::string o = "<section id=\"standards\">\n<h2>Standards</h2>\n";
  const std::vector<std::string> rules = heat_rules(st);
  o += fmt::format("<p>Compliance with each rule in {} (pops standards): the share of what the rule is about "
                   "that has no finding. \xe2\x80\xa0 not in force for the squad (under pilot elsewhere).</p>\n",
                   html_escape(st.periods.back().name));
  if (rules.empty()) {
    o += "<p>Nothing to measure.</p>\n";
  } else {
    o += "<div class=\"scroll\"><table>\n<tr><th>squad</th>";
    for (const auto& r : rules) {
      o += "<th>" + html_escape(r) + "</th>";
    }
    o += "</tr>\n";
    for (const auto& sq : st.squads) {
      o += "<tr><td>" + html_escape(sq.squad) + "</td>";
      for (const auto& r : rules) {
        const StandardsRow* row = row_of(sq, r);
        const StandardsCell* c = row ? &row->cells.back() : nullptr;
        std::string title = r;
        if (c && c->measured) {
          title += fmt::format(": {} findings, {} of {} comply", c->tally.findings,
                               c->tally.subjects - c->tally.failing, c->tally.subjects);
        }
        std::string cell = heat_cell(c && c->measured ? c->compliance : std::nullopt, title);
        if (c && c->measured && !c->applies) {
          cell.insert(cell.size() - 5, "\xe2\x80\xa0");
        }
        o += cell;
      }
      o += "</tr>\n";
    }
    o += "</table></div>\n";
  }
  o += "<h3>Trend</h3>\n<p>Each squad's compliance over the rules in force for it, per period.</p>\n<div "
       "class=\"scroll\"><table>\n<tr><th>squad</th>";
  for (const auto& p : st.periods) {
    o += "<th>" + html_escape(p.name) + (p.complete ? "" : "*") + "</th>";
  }
  o += "</tr>\n";
  for (const auto& sq : st.squads) {
    o += "<tr><td>" + html_escape(sq.squad) + "</td>";
    for (size_t i = 0; i < st.periods.size(); ++i) {
      o += heat_cell(squad_compliance(sq, i), sq.squad + " " + st.periods[i].name);
    }
    o += "</tr>\n";
  }
  o += "</table></div>\n";
  for (size_t i = 0; i < s.pilots.size(); ++i) {
    const PilotReport& p = s.pilots[i];
    o += fmt::format("<h3>Pilot of {}</h3>\n", html_escape(pilot_title(s, i)));
    size_t from = 0;
    for (size_t nl; (nl = p.verdict.find('\n', from)) != std::string::npos; from = nl + 1) {
      o += "<p>" + html_escape(std::string_view(p.verdict).substr(from, nl - from)) + "</p>\n";
    }
  }
  o += "</section>\n";
  return o;
}

std::string render_standards_section_markdown(const StandardsSection& s)
{
  if (!s.measured || s.standards.periods.empty()) {
    return {};
  }
  const Standards& st = s.standards;
  std::string o = "## Standards\n\n";
  o += fmt::format("Each squad's compliance over the rules in force for it, per period (pops standards).\n\n");
  o += "| squad |";
  std::string rule = "| --- |";
  for (const auto& p : st.periods) {
    o += " " + markdown_cell(p.name + (p.complete ? "" : "*")) + " |";
    rule += " ---: |";
  }
  o += "\n" + rule + "\n";
  for (const auto& sq : st.squads) {
    o += "| " + markdown_cell(sq.squad) + " |";
    for (size_t i = 0; i < st.periods.size(); ++i) {
      o += " " + pct(squad_compliance(sq, i)) + " |";
    }
    o += "\n";
  }
  o += "\n";
  for (size_t i = 0; i < s.pilots.size(); ++i) {
    const PilotReport& p = s.pilots[i];
    o += "### Pilot of " + markdown_text(pilot_title(s, i)) + "\n\n";
    size_t from = 0;
    for (size_t nl; (nl = p.verdict.find('\n', from)) != std::string::npos; from = nl + 1) {
      o += markdown_text(std::string_view(p.verdict).substr(from, nl - from)) + "\n\n";
    }
  }
  return o;
}

}  // namespace pops
