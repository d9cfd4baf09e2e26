#include "features/sample.h"

#include "features/sample_data.h"

#include "git/repo.h"
#include "yaml/edit.h"
#include "workspace/capacity.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string_view>

// The sample is data: tables of commits, people, roadmap items (with the commit at which each of their
// states begins), feedback entries, documents and ritual notes. The state of the workspace at commit c is
// rendered from the tables; a commit holds the files whose text differs from the previous state.
// All dates are offsets from the last sprint review before today, so the sample is always current.

namespace pops {

namespace {

using namespace sample_data;

// ---------------------------------------------------------------------------------------------------
// A small YAML emitter producing hand-written-looking text.

/// A double-quoted scalar, always (quotes of feedback read as quotes).
std::string quoted(std::string_view s)
{
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\') {
      out += '\\';
    }
    out += ch;
  }
  return out + "\"";
}

/// A scalar in block context: plain when possible (yaml/edit.h, the one YAML scalar writer).
std::string scalar(std::string_view s)
{
  return format_scalar({std::string(s), true}, false);
}

/// A scalar inside a flow collection: plain when possible.
std::string flow_scalar(std::string_view s)
{
  return format_scalar({std::string(s), true}, true);
}

/// [a, b, c]
std::string flow_list(const std::vector<std::string>& values)
{
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) {
    out += (i == 0 ? "" : ", ") + flow_scalar(values[i]);
  }
  return out + "]";
}

/// {key: value, ...} with values already rendered.
std::string flow_map(const std::vector<std::pair<std::string, std::string>>& entries)
{
  std::string out = "{";
  for (size_t i = 0; i < entries.size(); ++i) {
    out += (i == 0 ? "" : ", ") + entries[i].first + ": " + entries[i].second;
  }
  return out + "}";
}

/// A number the way a person would type it: 3, 0.5, 12000.
std::string number(double value)
{
  return fmt::format("{}", value);
}

/// Lines of text with indentation and optional trailing comments.
class Text {
public:
  void line(int indent, std::string_view text, std::string_view comment = {})
  {
    out_.append(static_cast<size_t>(indent), ' ');
    out_ += text;
    if (!comment.empty()) {
      out_ += "  # ";
      out_ += comment;
    }
    out_ += '\n';
  }
  void comment(int indent, std::string_view text)
  {
    out_.append(static_cast<size_t>(indent), ' ');
    out_ += "# ";
    out_ += text;
    out_ += '\n';
  }
  void blank() { out_ += '\n'; }
  void raw(std::string_view text) { out_ += text; }
  /// key: >- followed by `text` folded into lines of at most ~90 columns.
  void folded(int indent, std::string_view key, std::string_view text)
  {
    line(indent, std::string(key) + ": >-");
    std::string current;
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find(' ', start);
      if (end == std::string_view::npos) {
        end = text.size();
      }
      const std::string_view word = text.substr(start, end - start);
      if (!current.empty() && indent + 2 + current.size() + 1 + word.size() > 90) {
        line(indent + 2, current);
        current.clear();
      }
      current += (current.empty() ? "" : " ") + std::string(word);
      start = end + 1;
    }
    if (!current.empty()) {
      line(indent + 2, current);
    }
  }
  const std::string& str() const { return out_; }

private:
  std::string out_;
};

// ---------------------------------------------------------------------------------------------------
// Commits and the calendar.

constexpr int k_first_sync = -63;  ///< preferred first strategy sync, days from the last review
/// Windows (days from the last sprint review) the three strategy syncs must fall in, so that commits
/// and feedback dates stay in order and the last sync's open actions are due after today.
constexpr std::array<std::pair<int, int>, 3> k_sync_windows = {{{-69, -57}, {-38, -30}, {-10, -1}}};
constexpr int k_first_review = -56;  ///< first sprint review, days from the last one
constexpr int k_thursday = 3;        ///< weekday() of a Thursday
constexpr int k_tz_offset_minutes = 60;

/// The sample's calendar, all derived from today.
struct Clock {
  Date today;
  Date review;                     ///< the last sprint review: the latest Thursday before today
  Date first_sync;                 ///< the first strategy sync; the others follow monthly
  std::vector<Date> commit_dates;  ///< per CommitId

  /// A date `days` from the last sprint review.
  Date at(int days) const { return Date{review.days + days}; }
  std::string day(int days) const { return format_date(at(days)); }
  std::string commit_day(int commit) const { return format_date(commit_dates[static_cast<size_t>(commit)]); }
  /// The quarter `ahead` quarters after today's, e.g. "2027-Q2".
  std::string quarter(int ahead) const
  {
    int y = 0;
    int m = 0;
    int d = 0;
    split_date(today, y, m, d);
    const int q = (m - 1) / 3 + ahead;
    return fmt::format("{}-Q{}", y + q / 4, q % 4 + 1);
  }
};

bool is_weekend(Date d)
{
  return weekday(d) >= 5;
}

/// True when the monthly strategy syncs from `first` on all fall on weekdays inside their windows.
bool good_first_sync(const Clock& clock, Date first)
{
  for (size_t k = 0; k < k_sync_windows.size(); ++k) {
    const Date d = add_months(first, static_cast<int>(k));
    const int offset = d.days - clock.review.days;
    if (is_weekend(d) || offset < k_sync_windows[k].first || offset > k_sync_windows[k].second) {
      return false;
    }
  }
  return true;
}

/// The first strategy sync: the day nearest k_first_sync that keeps every sync on a weekday, else
/// k_first_sync itself (a Thursday).
Date choose_first_sync(const Clock& clock)
{
  for (int distance = 0; distance <= 12; ++distance) {
    for (int sign : {-1, 1}) {
      const Date candidate = clock.at(k_first_sync + sign * distance);
      if (good_first_sync(clock, candidate)) {
        return candidate;
      }
    }
  }
  return clock.at(k_first_sync);
}

/// The day of strategy sync `k` (0-based): monthly from the first one, a weekend moved to the Friday
/// before (only when no first day keeps them all on weekdays; it stays inside its window).
Date sync_day(Date first_sync, int k)
{
  Date d = add_months(first_sync, k);
  while (is_weekend(d)) {
    --d.days;
  }
  return d;
}

Clock make_clock(Date today)
{
  Clock clock;
  clock.today = today;
  clock.review = Date{today.days - 1};
  while (weekday(clock.review) != k_thursday) {
    --clock.review.days;
  }
  clock.first_sync = choose_first_sync(clock);
  for (const auto& spec : k_commits) {
    clock.commit_dates.push_back(spec.sync ? sync_day(clock.first_sync, spec.day) : clock.at(spec.day));
  }
  return clock;
}

// ---------------------------------------------------------------------------------------------------
// People and squads.

struct PersonSpec {
  const char* id;
  const char* name;
  const char* role;
  const char* squad;
};

const std::array<PersonSpec, 9> k_people = {{
  {"alice", "Alice Park", "pm", "payments"},
  {"bo", "Bo Lind", "em", "platform"},
  {"carmen", "Carmen Diaz", "pm", "growth"},
  {"dev", "Dev Patel", "eng", "payments"},
  {"emma", "Emma Larsen", "designer", "growth"},
  {"farid", "Farid Haddad", "eng", "platform"},
  {"grace", "Grace Kim", "em", "payments"},
  {"hiro", "Hiro Tanaka", "eng", "growth"},
  {"ines", "Ines Moreau", "pm", "platform"},
}};

const PersonSpec& person(std::string_view id)
{
  for (const auto& p : k_people) {
    if (id == p.id) {
      return p;
    }
  }
  return k_people[0];
}

std::string email(const PersonSpec& p)
{
  return std::string(p.id) + "@acme.example";
}

struct SquadSpec {
  const char* id;
  const char* name;
  const char* prefix;
  const char* lead;
  int wip_limit;
  const char* wip_comment;
  std::array<const char*, 3> header;  ///< comment lines on top of the squad's roadmap file
};

const std::array<SquadSpec, 3> k_squads = {{
  {"payments",
   "Payments",
   "PAY",
   "alice",
   4,
   "agreed at the offsite: finish before starting",
   {"Payments roadmap. Owners: Alice Park (PM), Grace Kim (EM).",
    "Items are ordered by id. Change status with `pops` or by hand; comments stay.",
    "score: reach = accounts per quarter, impact 1-3, confidence in %, effort in person-months."}},
  {"platform",
   "Platform",
   "PLAT",
   "bo",
   3,
   nullptr,
   {"Platform roadmap. Owners: Bo Lind (EM), Ines Moreau (PM).",
    "Anything other squads depend on must be in the same horizon or earlier.",
    "score: reach = accounts per quarter, impact 1-3, confidence in %, effort in person-months."}},
  {"growth",
   "Growth",
   "GRW",
   "carmen",
   3,
   nullptr,
   {"Growth roadmap. Owner: Carmen Diaz (PM).",
    "This half's focus is activation (O1); experiments need a success metric before they start.",
    "score: reach = accounts per quarter, impact 1-3, confidence in %, effort in person-months."}},
}};

/// An item as it stands at one commit.
struct ItemState {
  std::string status;
  std::string horizon;
  std::optional<int> target;
  std::optional<int> slipped_from;
  std::string slip_reason;
  std::string note;
  std::string dropped_reason;
};

/// The item's state at `commit`, or nothing when it does not exist yet.
std::optional<ItemState> item_state(const ItemSpec& item, int commit)
{
  std::optional<ItemState> state;
  for (const auto& stage : item.stages) {
    if (stage.commit > commit) {
      break;
    }
    if (!state) {
      state.emplace();
    }
    if (stage.status != nullptr) {
      state->status = stage.status;
    }
    if (stage.horizon != nullptr) {
      state->horizon = stage.horizon;
    }
    if (stage.target) {
      state->target = stage.target;
      state->slipped_from = stage.slipped_from;
      state->slip_reason = stage.slip_reason != nullptr ? stage.slip_reason : "";
    }
    if (stage.note != nullptr) {
      state->note = stage.note;
    }
    if (stage.dropped_reason != nullptr) {
      state->dropped_reason = stage.dropped_reason;
    }
  }
  return state;
}

std::string horizon_text(const std::string& horizon, const Clock& clock)
{
  if (horizon.starts_with("Q+")) {
    return clock.quarter(horizon[2] - '0');
  }
  return horizon;
}

std::string score_text(const Score& s)
{
  return flow_map({{"reach", number(s.reach)},
                   {"impact", number(s.impact)},
                   {"confidence", fmt::format("{}%", s.confidence)},
                   {"effort", number(s.effort)}});
}

void render_item(Text& t, const ItemSpec& item, const ItemState& state, const Clock& clock, int commit)
{
  if (!state.note.empty()) {
    t.comment(2, state.note);
  }
  t.line(2, "- id: " + std::string(item.id));
  t.line(4, "title: " + scalar(item.title));
  t.line(4, "status: " + state.status);
  if (!state.dropped_reason.empty()) {
    t.line(4, "dropped_reason: " + scalar(state.dropped_reason));
  }
  t.line(4, "horizon: " + horizon_text(state.horizon, clock));
  t.line(4, "owner: " + std::string(item.owner));
  if (state.target) {
    std::string slip;
    if (state.slipped_from) {
      slip = fmt::format("slipped from {}: {}", clock.day(*state.slipped_from), state.slip_reason);
    }
    t.line(4, "target: " + clock.day(*state.target), slip);
  }
  if (!item.depends_on.empty()) {
    t.line(4, "depends_on: " + flow_list(item.depends_on));
  }
  if (!item.tags.empty()) {
    t.line(4, "tags: " + flow_list(item.tags));
  }
  if (item.okr != nullptr) {
    t.line(4, "okr: " + scalar(item.okr));
  }
  if (!item.key_results.empty() && commit >= k_sync_3) {
    t.line(4, "key_results: " + flow_list(item.key_results));
  }
  if (item.initiative != nullptr && commit >= k_sync_3) {
    t.line(4, "initiative: " + std::string(item.initiative));
  }
  if (!item.links.empty()) {
    std::vector<std::pair<std::string, std::string>> links;
    for (const auto& [tool, ref] : item.links) {
      links.emplace_back(tool, flow_scalar(ref));
    }
    t.line(4, "links: " + flow_map(links));
  }
  if (item.score.reach > 0) {
    t.line(4, "score: " + score_text(item.score));
  }
  if (!item.success.empty()) {
    t.line(4, "success:");
    for (const auto& [metric, target] : item.success) {
      t.line(6, "- " + flow_map({{"metric", flow_scalar(metric)}, {"target", quoted(target)}}));
    }
  }
  if (item.risk != nullptr) {
    t.line(4, "risk: " + std::string(item.risk));
  }
  if (item.description != nullptr) {
    t.folded(4, "description", item.description);
  }
  bool heading = false;
  for (const auto& u : item.updates) {
    if (commit < u.commit) {
      continue;
    }
    if (!heading) {
      t.line(4, "updates:");
      heading = true;
    }
    t.line(
      6, "- "
           + flow_map(
             {{"date", clock.day(u.day)}, {"health", u.health}, {"note", flow_scalar(u.note)}, {"author", u.author}}));
  }
}

/// roadmap/<squad>.yaml at `commit`; empty when the squad has no item yet.
std::string render_roadmap(const SquadSpec& squad, int commit, const Clock& clock)
{
  Text t;
  for (const char* line : squad.header) {
    t.comment(0, line);
  }
  t.line(0, "squad: " + std::string(squad.id));
  t.line(0, "items:");
  bool any = false;
  for (const auto& item : items()) {
    const auto state = item_state(item, commit);
    if (std::string_view(item.squad) != squad.id || !state) {
      continue;
    }
    if (any) {
      t.blank();
    }
    render_item(t, item, *state, clock, commit);
    any = true;
  }
  return any ? t.str() : std::string();
}

// ---------------------------------------------------------------------------------------------------
// pops.yaml

void render_people(Text& t)
{
  t.comment(0, "People are referred to by id: owners, squad leads, ritual attendees, action owners.");
  t.line(0, "people:");
  for (const auto& p : k_people) {
    t.line(
      2, std::string(p.id) + ": "
           + flow_map(
             {{"name", flow_scalar(p.name)}, {"email", flow_scalar(email(p))}, {"role", p.role}, {"squad", p.squad}}));
  }
}

/// The effort a squad plans for the quarter `ahead` quarters after today's, in the final state, as pops
/// capacity counts it (planned_quarter; dropped items out, items without a score unestimated).
double sample_planned(std::string_view squad, int ahead, const Clock& clock)
{
  Config cfg;
  for (const char* h : {"now", "next", "later"}) {
    LStr l;
    l.value = h;
    l.set = true;
    cfg.horizons.push_back(l);
  }
  double sum = 0;
  for (const auto& spec : items()) {
    const auto state = item_state(spec, k_commit_count - 1);
    if (squad != spec.squad || !state || is_dropped_status(state->status) || spec.score.reach <= 0) {
      continue;
    }
    Item it;
    it.horizon.value = horizon_text(state->horizon, clock);
    it.horizon.set = !state->horizon.empty();
    if (state->target) {
      it.target.value = clock.at(*state->target);
      it.target.set = true;
    }
    if (planned_quarter(it, cfg, clock.today) == clock.quarter(ahead)) {
      sum += spec.score.effort;
    }
  }
  return sum;
}

/// The squads' capacities in person-months (format 1.3), from the planning sync on, derived from what
/// they plan so that on any day payments plans 2 more than it can do this quarter and the others fit.
std::string capacity_text(const SquadSpec& s, const Clock& clock)
{
  const std::string id = s.id;
  if (id == "payments") {
    return fmt::format("capacity: {{{}: {}, {}: {}}}", clock.quarter(0),
                       number(std::max(1.0, sample_planned(id, 0, clock) - 2)), clock.quarter(1),
                       number(sample_planned(id, 1, clock) + 2));
  }
  return fmt::format("capacity: {}", number(sample_planned(id, 0, clock) + 2));
}

void render_squads(Text& t, int commit, const Clock& clock)
{
  t.comment(0, "Squads own roadmap items; an item id is the squad's prefix and a number (PAY-12).");
  t.line(0, "squads:");
  for (const auto& s : k_squads) {
    t.line(2, std::string(s.id) + ":");
    t.line(4, "name: " + scalar(s.name));
    t.line(4, "prefix: " + std::string(s.prefix));
    t.line(4, "lead: " + std::string(s.lead));
    t.line(4, fmt::format("wip_limit: {}", s.wip_limit), s.wip_comment != nullptr ? s.wip_comment : "");
    if (commit >= k_sync_3) {
      t.line(4, capacity_text(s, clock), std::string(s.id) == "payments" ? "this quarter and the next" : "");
    }
  }
}

void render_rituals(Text& t, const Clock& clock)
{
  t.comment(0, "Rituals: the notes of each meeting go to rituals/<name>/<YYYY-MM-DD>.md.");
  t.line(0, "rituals:");
  t.line(2, "sprint-review:");
  t.line(4, "cadence: " + flow_map({{"every", "2 weeks"}, {"on", "thursday"}, {"from", clock.day(k_first_review)}}));
  t.line(4, "template: sprint-review");
  t.line(2, "strategy-sync:");
  t.line(4, "cadence: " + flow_map({{"every", "1 month"}, {"from", format_date(clock.first_sync)}}),
         "leads and PMs; portfolio changes");
  t.line(4, "template: strategy-sync");
}

void render_doc_types(Text& t)
{
  t.comment(0, "Document types: front-matter fields and headings every document of the type needs.");
  t.line(0, "docs:");
  t.line(2, "types:");
  t.line(4, "prd:");
  t.line(6, "dir: docs/prd");
  t.line(6, "template: prd");
  t.line(6, "required: [title, owner, status, items]");
  t.line(6, "sections: [Problem, Goals, Non-goals, Success metrics]");
  t.line(6, "review_every: 90 days", "the owner re-reads it and bumps `reviewed:`");
  t.line(4, "decision-record:");
  t.line(6, "dir: docs/decisions");
  t.line(6, "template: decision-record");
  t.line(6, "required: [title, owner, status]");
  t.line(6, "sections: [Context, Decision, Consequences]");
}

void render_rules(Text& t, int commit)
{
  t.comment(0, "Rule severities: off | info | warning | error, or {severity: ..., pilot: [squads]}");
  t.comment(0, "to try a standard with some squads first.");
  t.line(0, "rules:");
  t.line(2, "target-passed: warning");
  if (commit >= k_platform_sso) {
    t.line(2, "wip-limit: warning", "rolled out to every squad after platform's pilot");
  } else if (commit >= k_platform_start) {
    t.line(2, "wip-limit: {severity: warning, pilot: [platform]}", "platform tries finishing before starting");
  }
  if (commit >= k_review_2) {
    t.line(2, "doc-stale: {severity: warning, pilot: [payments]}", "payments pilots PRD reviews this quarter");
  }
  if (commit >= k_sync_3) {
    t.line(2, "update-stale: info", "health updates are new this quarter: reported, not yet enforced");
    t.line(2, "initiative-slip: info", "initiative targets are reviewed at the next strategy sync");
  }
}

/// The objectives set at the strategy sync on next-quarter bets: two of this quarter (one key result
/// measured by the onboarding series of metrics/adoption.yaml, the others by items), one of the next.
void render_objectives(Text& t, const Clock& clock)
{
  t.comment(0, "Objectives and key results by quarter (pops goals). A key result is measured by a usage");
  t.comment(0, "series of metrics/, or by the items that list it in their key_results.");
  t.line(0, "objectives:");
  t.line(2, "O1:");
  t.line(4, "title: Turn more signups into paying teams");
  t.line(4, "owner: carmen");
  t.line(4, "period: " + clock.quarter(0));
  t.line(4, "key_results:");
  t.line(6, "O1-KR1:");
  t.line(8, "title: Teams completing onboarding each week");
  t.line(8, "metric: uniques");
  t.line(8, "baseline: 150");
  t.line(8, "target: 400");
  t.line(8, "series: {source: amplitude, key: Onboarding Completed}");
  t.line(6, "O1-KR2:");
  t.line(8, "title: Billing on Stripe with dunning and upgrade prompts");
  t.line(2, "O2:");
  t.line(4, "title: Refunds and payments customers trust");
  t.line(4, "owner: alice");
  t.line(4, "period: " + clock.quarter(0));
  t.line(4, "key_results:");
  t.line(6, "O2-KR1: {title: Self-serve refunds and SEPA on webhooks v2}");
  t.line(2, "O3:");
  t.line(4, "title: Ready for enterprise accounts");
  t.line(4, "owner: ines");
  t.line(4, "period: " + clock.quarter(1));
  t.line(4, "key_results:");
  t.line(6, "O3-KR1: {title: SSO and SCIM provisioning}");
  t.line(6, "O3-KR2: {title: Usage-based billing on the metering pipeline}");
}

/// The initiatives set at the same strategy sync: each spans squads (pops initiatives).
void render_initiatives(Text& t, const Clock& clock)
{
  t.comment(0, "Initiatives across squads (pops initiatives); items join one with 'initiative:'.");
  t.line(0, "initiatives:");
  t.line(2, "INI-1:");
  t.line(4, "title: Sell in the EU");
  t.line(4, "owner: bo");
  t.line(4, "target: " + clock.quarter(1));
  t.line(2, "INI-2:");
  t.line(4, "title: Enterprise readiness");
  t.line(4, "owner: ines");
  t.line(4, "target: " + clock.quarter(0));
  t.line(4, "updates:");
  t.line(6, "- "
              + flow_map({{"date", clock.commit_day(k_sync_3)},
                          {"health", "on-track"},
                          {"note", flow_scalar("SSO in staging; SCIM starts once it ships")},
                          {"author", "ines"}}));
}

std::string render_config(int commit, const Clock& clock)
{
  Text t;
  t.comment(0, "Acme Cloud product operations workspace.");
  t.comment(0, "Everything here is plain YAML and Markdown under git: edit it by hand or with `pops`,");
  t.comment(0, "review changes in pull requests, and run `pops check` before merging.");
  t.line(0, "version: 1");
  t.line(0, "product: Acme Cloud");
  if (commit >= k_sync_3) {
    t.line(0, "effort_unit: person-months", "of score.effort and the squads' capacity");
  }
  t.blank();
  render_squads(t, commit, clock);
  t.blank();
  render_people(t);
  t.blank();
  t.comment(0, "statuses, horizons and feedback_sources use the defaults:");
  t.comment(0, "idea -> discovery -> planned -> in-progress -> shipped (or dropped); now, next, later");
  t.comment(0, "or a quarter like 2027-Q2; support, sales, survey, interview, other.");
  t.blank();
  t.comment(0, "Custom item fields, validated like the built-in ones.");
  t.line(0, "fields:");
  t.line(2, "risk: {type: enum, values: [low, medium, high]}");
  t.blank();
  render_rituals(t, clock);
  t.blank();
  render_doc_types(t);
  t.blank();
  render_rules(t, commit);
  if (commit >= k_sync_3) {
    t.blank();
    render_objectives(t, clock);
    t.blank();
    render_initiatives(t, clock);
  }
  return t.str();
}

/// metrics/adoption.yaml: the weekly onboarding completions imported from Amplitude at the last
/// review, one point a week since the first review.
std::string render_adoption(const Clock& clock)
{
  static constexpr std::array<int, 9> k_uniques = {150, 162, 171, 188, 203, 219, 238, 251, 266};
  Text t;
  t.comment(0, "Weekly uniques of the onboarding funnel, imported from Amplitude.");
  t.line(0, "series:");
  t.line(2, "- source: amplitude");
  t.line(4, "key: Onboarding Completed");
  t.line(4, "metric: uniques");
  t.line(4, "points:");
  for (size_t i = 0; i < k_uniques.size(); ++i) {
    t.line(6, fmt::format("{}: {}", clock.day(k_first_review + 7 * static_cast<int>(i)), k_uniques[i]));
  }
  return t.str();
}

// ---------------------------------------------------------------------------------------------------
// Feedback.

struct SampleCustomer {
  const char* name;
  const char* segment;
  long arr;
};

const std::array<SampleCustomer, 19> k_customers = {{
  {"Globex Retail", "enterprise", 310000},
  {"Northwind Logistics", "enterprise", 240000},
  {"Pied Piper", "smb", 9600},
  {"Initech", "mid-market", 86000},
  {"Brightline Dental", "smb", 4800},
  {"Stark Fabrication", "enterprise", 420000},
  {"Hooli Analytics", "mid-market", 72000},
  {"Umbrella Health", "enterprise", 195000},
  {"Vandelay Imports", "mid-market", 54000},
  {"Bluebird Bakery", "smb", 2400},
  {"Tyrell Systems", "enterprise", 275000},
  {"Kestrel Travel", "mid-market", 38000},
  {"Duff Beverages", "smb", 7200},
  {"Cyberdyne Robotics", "mid-market", 99000},
  {"Soylent Labs", "mid-market", 47000},
  {"Ledgerly", "smb", 3600},
  {"Oceanic Air", "enterprise", 510000},
  {"Fjord Outdoor", "mid-market", 28000},
  {"Berliner Möbel GmbH", "mid-market", 64000},
}};

const SampleCustomer& customer(std::string_view name)
{
  for (const auto& c : k_customers) {
    if (name == c.name) {
      return c;
    }
  }
  return k_customers[0];
}

const std::array<const char*, 12> k_month_names = {"January",   "February", "March",    "April",
                                                   "May",       "June",     "July",     "August",
                                                   "September", "October",  "November", "December"};

Date feedback_date(const FeedbackSpec& entry, const Clock& clock)
{
  return Date{clock.commit_dates[static_cast<size_t>(entry.commit)].days - entry.days_before};
}

void render_entry(Text& t, int id, const FeedbackSpec& entry, const Clock& clock)
{
  const SampleCustomer& c = customer(entry.customer);
  t.line(2, fmt::format("- id: FB-{}", id));
  t.line(4, "date: " + format_date(feedback_date(entry, clock)));
  t.line(4, "source: " + std::string(entry.source));
  t.line(4, "customer: " + scalar(c.name));
  t.line(4, "segment: " + std::string(c.segment));
  t.line(4, fmt::format("arr: {}", c.arr));
  if (entry.quote != nullptr) {
    t.line(4, "quote: " + quoted(entry.quote));
  }
  if (entry.summary != nullptr) {
    t.line(4, "summary: " + scalar(entry.summary));
  }
  if (!entry.tags.empty()) {
    t.line(4, "tags: " + flow_list(entry.tags));
  }
  if (!entry.items.empty()) {
    t.line(4, "items: " + flow_list(entry.items));
  }
  if (entry.url != nullptr) {
    t.line(4, "url: " + scalar(entry.url));
  }
}

/// feedback/YYYY-MM.yaml files at `commit`.
std::map<std::string, std::string> render_feedback(int commit, const Clock& clock)
{
  std::map<std::string, Text> months;
  const auto& entries = feedback();
  for (size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].commit > commit) {
      continue;
    }
    int y = 0;
    int m = 0;
    int d = 0;
    split_date(feedback_date(entries[i], clock), y, m, d);
    const std::string path = fmt::format("feedback/{:04}-{:02}.yaml", y, m);
    auto [it, added] = months.try_emplace(path);
    Text& t = it->second;
    if (added) {
      t.comment(0, fmt::format("Customer feedback from {} {}.", k_month_names[static_cast<size_t>(m - 1)], y));
      t.comment(0, "One entry per ticket, call, interview or survey answer. Quote the customer when you");
      t.comment(0, "can, and link the entry to the roadmap items it supports with `items:`.");
      t.line(0, "entries:");
    } else {
      t.blank();
    }
    render_entry(t, static_cast<int>(i) + 1, entries[i], clock);
  }
  std::map<std::string, std::string> files;
  for (const auto& [path, text] : months) {
    files[path] = text.str();
  }
  return files;
}

/// The document at `commit`, or empty when it does not exist yet.
std::string render_doc(const DocSpec& doc, int commit, const Clock& clock)
{
  const DocStage* latest = nullptr;
  const char* status = nullptr;
  for (const auto& stage : doc.stages) {
    if (stage.commit <= commit) {
      latest = &stage;
      status = stage.status != nullptr ? stage.status : status;
    }
  }
  if (latest == nullptr) {
    return {};
  }
  const bool imported = doc.old_created != 0;
  Text t;
  t.line(0, "---");
  t.line(0, "title: " + scalar(doc.title));
  t.line(0, "type: " + std::string(doc.type));
  t.line(0, "owner: " + std::string(doc.owner));
  t.line(0, "status: " + std::string(status != nullptr ? status : "draft"));
  t.line(0, "items: " + flow_list(doc.items));
  t.line(0, "created: " + (imported ? clock.day(doc.old_created) : clock.commit_day(doc.stages.front().commit)));
  if (doc.reviewed) {
    const bool first = latest == &doc.stages.front();
    t.line(0, "reviewed: "
                + (imported && first && doc.old_reviewed != 0 ? clock.day(doc.old_reviewed)
                                                              : clock.commit_day(latest->commit)));
  }
  t.line(0, "---");
  t.line(0, "# " + std::string(doc.title));
  t.blank();
  t.raw(doc.body);
  return t.str();
}

std::string ritual_title(std::string_view ritual)
{
  return ritual == "sprint-review" ? "Sprint review" : "Strategy sync";
}

/// The note at `commit`, or empty when the meeting has not happened yet.
std::string render_note(const NoteSpec& note, int commit, const Clock& clock)
{
  if (note.commit > commit) {
    return {};
  }
  const Date day = clock.commit_dates[static_cast<size_t>(note.commit)];
  Text t;
  t.line(0, "---");
  t.line(0, "ritual: " + std::string(note.ritual));
  t.line(0, "date: " + format_date(day));
  t.line(0, "attendees: " + flow_list(note.attendees));
  t.line(0, "decisions:");
  for (const auto& decision : note.decisions) {
    t.line(2, "- " + scalar(decision));
  }
  t.line(0, "actions:");
  for (const auto& action : note.actions) {
    t.line(2, "- "
                + flow_map({{"what", flow_scalar(action.what)},
                            {"owner", action.owner},
                            {"due", format_date(Date{day.days + action.due_days})},
                            {"done", action.done_commit <= commit ? "true" : "false"}}));
  }
  t.line(0, "---");
  t.line(0, "# " + ritual_title(note.ritual) + " " + format_date(day));
  t.blank();
  t.raw(note.body);
  return t.str();
}

// ---------------------------------------------------------------------------------------------------
// Whole states and the history.

using FileMap = std::map<std::string, std::string>;

void put(FileMap& files, const std::string& path, std::string content)
{
  if (!content.empty()) {
    files[path] = std::move(content);
  }
}

FileMap state_at(int commit, const Clock& clock)
{
  FileMap files;
  put(files, "pops.yaml", render_config(commit, clock));
  for (const auto& squad : k_squads) {
    put(files, "roadmap/" + std::string(squad.id) + ".yaml", render_roadmap(squad, commit, clock));
  }
  if (commit >= k_first_feedback) {
    for (auto& [path, text] : render_feedback(commit, clock)) {
      put(files, path, std::move(text));
    }
  }
  for (const auto& doc : docs()) {
    put(files, doc.path, render_doc(doc, commit, clock));
  }
  if (commit >= k_review_5) {
    put(files, "metrics/adoption.yaml", render_adoption(clock));
  }
  for (const auto& note : notes()) {
    const std::string day = clock.commit_day(note.commit);
    put(files, "rituals/" + std::string(note.ritual) + "/" + day + ".md", render_note(note, commit, clock));
  }
  return files;
}

long long unix_time(Date day, int minute_of_day)
{
  return static_cast<long long>(day.days) * 86400 + minute_of_day * 60LL - k_tz_offset_minutes * 60LL;
}

SampleCommit make_commit(int index, const Clock& clock, const FileMap& before, const FileMap& after)
{
  const CommitSpec& spec = k_commits[static_cast<size_t>(index)];
  const PersonSpec& author = person(spec.author);
  SampleCommit commit;
  commit.date = clock.commit_day(index);
  commit.message = spec.message;
  commit.author = author.id;
  commit.author_name = author.name;
  commit.author_email = email(author);
  commit.time = unix_time(clock.commit_dates[static_cast<size_t>(index)], spec.minute_of_day);
  commit.tz_offset_minutes = k_tz_offset_minutes;
  for (const auto& [path, content] : after) {
    auto it = before.find(path);
    if (it == before.end() || it->second != content) {
      commit.files.emplace_back(path, content);
    }
  }
  return commit;
}

}  // namespace

std::vector<SampleCommit> sample_history(Date today)
{
  const Clock clock = make_clock(today);
  std::vector<SampleCommit> history;
  FileMap before;
  for (int i = 0; i < k_commit_count; ++i) {
    FileMap after = state_at(i, clock);
    history.push_back(make_commit(i, clock, before, after));
    before = std::move(after);
  }
  return history;
}

std::vector<std::pair<std::string, std::string>> sample_final_files(Date today)
{
  const Clock clock = make_clock(today);
  const FileMap files = state_at(k_commit_count - 1, clock);
  return {files.begin(), files.end()};
}

void commit_sample_history(const std::string& repo_dir, Date today)
{
  for (const auto& commit : sample_history(today)) {
    commit_files(
      repo_dir, commit.files, {},
      CommitInfo{commit.message, commit.author_name, commit.author_email, commit.time, commit.tz_offset_minutes});
  }
}

}  // namespace pops
