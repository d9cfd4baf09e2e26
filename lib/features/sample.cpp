#include "features/sample.h"

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

// ---------------------------------------------------------------------------------------------------
// A small YAML emitter producing hand-written-looking text.

/// A double-quoted scalar, always (quotes of feedback read as quotes).
std::string quoted(std::string_view s) {
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
std::string scalar(std::string_view s) { return format_scalar({std::string(s), true}, false); }

/// A scalar inside a flow collection: plain when possible.
std::string flow_scalar(std::string_view s) { return format_scalar({std::string(s), true}, true); }

/// [a, b, c]
std::string flow_list(const std::vector<std::string>& values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) {
    out += (i == 0 ? "" : ", ") + flow_scalar(values[i]);
  }
  return out + "]";
}

/// {key: value, ...} with values already rendered.
std::string flow_map(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string out = "{";
  for (size_t i = 0; i < entries.size(); ++i) {
    out += (i == 0 ? "" : ", ") + entries[i].first + ": " + entries[i].second;
  }
  return out + "}";
}

/// A number the way a person would type it: 3, 0.5, 12000.
std::string number(double value) { return fmt::format("{}", value); }

/// Lines of text with indentation and optional trailing comments.
class Text {
public:
  void line(int indent, std::string_view text, std::string_view comment = {}) {
    out_.append(static_cast<size_t>(indent), ' ');
    out_ += text;
    if (!comment.empty()) {
      out_ += "  # ";
      out_ += comment;
    }
    out_ += '\n';
  }
  void comment(int indent, std::string_view text) {
    out_.append(static_cast<size_t>(indent), ' ');
    out_ += "# ";
    out_ += text;
    out_ += '\n';
  }
  void blank() { out_ += '\n'; }
  void raw(std::string_view text) { out_ += text; }
  /// key: >- followed by `text` folded into lines of at most ~90 columns.
  void folded(int indent, std::string_view key, std::string_view text) {
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

/// Commit indices, oldest first.
enum CommitId : int {
  k_setup,
  k_first_feedback,
  k_platform_start,
  k_refunds_plan,
  k_sync_1,
  k_review_1,
  k_growth,
  k_review_2,
  k_sync_2,
  k_review_3,
  k_platform_sso,
  k_review_4,
  k_sync_3,
  k_review_5,
  k_commit_count
};

constexpr int k_never = 1000;          ///< an action never done
constexpr int k_first_sync = -63;      ///< preferred first strategy sync, days from the last review
/// Windows (days from the last sprint review) the three strategy syncs must fall in, so that commits
/// and feedback dates stay in order and the last sync's open actions are due after today.
constexpr std::array<std::pair<int, int>, 3> k_sync_windows = {{{-69, -57}, {-38, -30}, {-10, -1}}};
constexpr int k_first_review = -56;    ///< first sprint review, days from the last one
constexpr int k_thursday = 3;          ///< weekday() of a Thursday
constexpr int k_tz_offset_minutes = 60;

struct CommitSpec {
  int day;            ///< days from the last sprint review, or months after the first strategy sync
  bool sync;          ///< `day` counts months after the first strategy sync
  const char* author;
  int minute_of_day;  ///< local time of the commit
  const char* message;
};

const std::array<CommitSpec, k_commit_count> k_commits = {{
    {-87, false, "alice", 9 * 60 + 40,
     "Set up the Acme Cloud product workspace\n\n"
     "Squads, people, rituals and document types in pops.yaml; the three squad\n"
     "roadmaps imported from the planning spreadsheet, comments included.\n"},
    {-85, false, "carmen", 16 * 60 + 5,
     "Log the first batch of customer feedback\n\n"
     "Support tickets, sales notes, interviews and survey answers from the last\n"
     "week, linked to the roadmap items they support.\n"},
    {-80, false, "bo", 11 * 60 + 20,
     "Platform: Postgres 16 shipped, webhooks v2 started\n\n"
     "Usage metering is planned for now, with a PRD draft for payments to review.\n"
     "Per-key API rate limits added to next.\n"},
    {-70, false, "alice", 14 * 60 + 10,
     "Payments: refunds planned for now, dunning emails started\n\n"
     "Adds the one-click refunds PRD draft, the VAT idea and this week's feedback.\n"},
    {0, true, "ines", 17 * 60 + 30,
     "Strategy sync: drop crypto payouts, SSO and SEPA move to now\n\n"
     "Notes and decisions of the strategy sync. Records the Stripe Billing\n"
     "decision, puts the admin usage dashboard into discovery and logs feedback.\n"},
    {-56, false, "grace", 16 * 60 + 45,
     "Sprint review: Stripe Billing migration shipped\n\n"
     "Usage metering and team invites are in progress.\n"},
    {-50, false, "emma", 10 * 60 + 15,
     "Growth: onboarding checklist shipped, upgrade prompts planned\n\n"
     "Adds the upgrade prompts PRD draft, three growth ideas and this week's feedback.\n"},
    {-42, false, "bo", 16 * 60 + 30,
     "Sprint review: webhooks v2 and invoice PDFs shipped\n\n"
     "Refunds start now that webhooks v2 is live; the refunds PRD goes to review.\n"
     "Records the webhooks v2 decision, closes the last review's actions and logs\n"
     "this week's feedback.\n"},
    {1, true, "ines", 17 * 60 + 5,
     "Strategy sync: EU data residency moves to next\n\n"
     "Three EU deals depend on it. Audit log export is planned for next, price\n"
     "books in several currencies go into discovery, the metering PRD is approved.\n"
     "Also logs feedback from EU prospects.\n"},
    {-28, false, "alice", 16 * 60 + 20,
     "Sprint review: refunds target slips two weeks\n\n"
     "The PSP refund API needs certification. SEPA Direct Debit and upgrade\n"
     "prompts start; the refunds PRD is approved. Also adds self-serve\n"
     "downgrades, the card account updater and this week's feedback.\n"},
    {-21, false, "farid", 13 * 60 + 50,
     "Platform: SSO in progress, SCIM and status page added\n\n"
     "Logs the rate-limit incidents and SCIM requests from customers.\n"},
    {-14, false, "grace", 16 * 60 + 40,
     "Sprint review: dunning emails shipped, rate limits started\n\n"
     "Turns on doc-stale for payments as a pilot and logs this week's feedback.\n"},
    {2, true, "ines", 17 * 60 + 15,
     "Strategy sync: next-quarter bets\n\n"
     "Usage-based billing, annual plans and the admin usage dashboard are planned\n"
     "for next; the referral program goes into discovery. Logs this week's\n"
     "feedback.\n"},
    {0, false, "dev", 16 * 60 + 35,
     "Sprint review: team invites shipped\n\n"
     "The refunds beta goes well. Closes the last review's actions and logs\n"
     "feedback from Globex and Kestrel.\n"},
}};

/// The sample's calendar, all derived from today.
struct Clock {
  Date today;
  Date review;                     ///< the last sprint review: the latest Thursday before today
  Date first_sync;                 ///< the first strategy sync; the others follow monthly
  std::vector<Date> commit_dates;  ///< per CommitId

  /// A date `days` from the last sprint review.
  Date at(int days) const { return Date{review.days + days}; }
  std::string day(int days) const { return format_date(at(days)); }
  std::string commit_day(int commit) const {
    return format_date(commit_dates[static_cast<size_t>(commit)]);
  }
  /// The quarter `ahead` quarters after today's, e.g. "2027-Q2".
  std::string quarter(int ahead) const {
    int y = 0;
    int m = 0;
    int d = 0;
    split_date(today, y, m, d);
    const int q = (m - 1) / 3 + ahead;
    return fmt::format("{}-Q{}", y + q / 4, q % 4 + 1);
  }
};

bool is_weekend(Date d) { return weekday(d) >= 5; }

/// True when the monthly strategy syncs from `first` on all fall on weekdays inside their windows.
bool good_first_sync(const Clock& clock, Date first) {
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
Date choose_first_sync(const Clock& clock) {
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
Date sync_day(Date first_sync, int k) {
  Date d = add_months(first_sync, k);
  while (is_weekend(d)) {
    --d.days;
  }
  return d;
}

Clock make_clock(Date today) {
  Clock clock;
  clock.today = today;
  clock.review = Date{today.days - 1};
  while (weekday(clock.review) != k_thursday) {
    --clock.review.days;
  }
  clock.first_sync = choose_first_sync(clock);
  for (const auto& spec : k_commits) {
    clock.commit_dates.push_back(spec.sync ? sync_day(clock.first_sync, spec.day)
                                           : clock.at(spec.day));
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

const PersonSpec& person(std::string_view id) {
  for (const auto& p : k_people) {
    if (id == p.id) {
      return p;
    }
  }
  return k_people[0];
}

std::string email(const PersonSpec& p) { return std::string(p.id) + "@acme.example"; }

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
    {"payments", "Payments", "PAY", "alice", 4, "agreed at the offsite: finish before starting",
     {"Payments roadmap. Owners: Alice Park (PM), Grace Kim (EM).",
      "Items are ordered by id. Change status with `pops` or by hand; comments stay.",
      "score: reach = accounts per quarter, impact 1-3, confidence in %, effort in person-months."}},
    {"platform", "Platform", "PLAT", "bo", 3, nullptr,
     {"Platform roadmap. Owners: Bo Lind (EM), Ines Moreau (PM).",
      "Anything other squads depend on must be in the same horizon or earlier.",
      "score: reach = accounts per quarter, impact 1-3, confidence in %, effort in person-months."}},
    {"growth", "Growth", "GRW", "carmen", 3, nullptr,
     {"Growth roadmap. Owner: Carmen Diaz (PM).",
      "This half's focus is activation (O1); experiments need a success metric before they start.",
      "score: reach = accounts per quarter, impact 1-3, confidence in %, effort in person-months."}},
}};

// ---------------------------------------------------------------------------------------------------
// Roadmap items.

/// A change of an item, effective from `commit` on; unset fields keep their previous value.
struct ItemStage {
  int commit = k_setup;
  const char* status = nullptr;
  const char* horizon = nullptr;        ///< now, next, later, or Q+2 / Q+3 (quarters after today's)
  std::optional<int> target{};          ///< days from the last sprint review
  std::optional<int> slipped_from{};    ///< previous target, days from the last sprint review
  const char* slip_reason = nullptr;
  const char* note = nullptr;           ///< comment line written above the item
  const char* dropped_reason = nullptr;
};

/// A health-rated update of an item (format 1.3), written from `commit` on.
struct SampleUpdate {
  int commit;
  int day;              ///< days from the last sprint review
  const char* health;
  const char* note;
  const char* author;
};

struct Score {
  double reach = 0;  ///< 0: the item has no score yet
  double impact = 0;
  int confidence = 0;
  double effort = 0;
};

struct ItemSpec {
  const char* id;
  const char* squad;
  const char* title;
  const char* owner;
  std::vector<std::string> depends_on{};
  std::vector<std::string> tags{};
  const char* okr = nullptr;
  std::vector<std::string> key_results{};  ///< from k_sync_3, where the objectives are set
  const char* initiative = nullptr;        ///< from k_sync_3, where the initiatives are set
  std::vector<std::pair<std::string, std::string>> links{};
  Score score{};
  std::vector<std::pair<std::string, std::string>> success{};  ///< metric, target
  const char* risk = nullptr;
  const char* description = nullptr;
  std::vector<ItemStage> stages{};
  std::vector<SampleUpdate> updates{};     ///< health-rated updates, each from its commit on
};

const std::vector<ItemSpec>& items() {
  static const std::vector<ItemSpec> k_items = {
      // Payments.
      {.id = "PAY-1", .squad = "payments", .title = "Migrate invoicing to Stripe Billing",
       .owner = "dev", .tags = {"billing", "migration"}, .okr = "O1-KR2", .key_results = {"O1-KR2"}, .initiative = "INI-1",
       .links = {{"jira", "PAY-1102"}}, .score = {12000, 2, 90, 5}, .risk = "medium",
       .description = "Move subscriptions, invoices and payment state from our billing service to "
                      "Stripe Billing. Our service keeps a read-only copy fed by webhooks.",
       .stages = {{.commit = k_setup, .status = "in-progress", .horizon = "now", .target = -56,
                   .note = "Cut-over weekend agreed with finance; the legacy job stays as a fallback "
                           "for one cycle."},
                  {.commit = k_review_1, .status = "shipped"}}},
      {.id = "PAY-2", .squad = "payments", .title = "Invoice PDF redesign", .owner = "alice",
       .tags = {"invoices", "design"},
       .links = {{"jira", "PAY-1131"}, {"figma", "https://figma.example/file/acme-invoice-2"}},
       .score = {15000, 1, 80, 1}, .risk = "low",
       .stages = {{.commit = k_setup, .status = "in-progress", .horizon = "now", .target = -42},
                  {.commit = k_review_2, .status = "shipped"}}},
      {.id = "PAY-3", .squad = "payments", .title = "One-click refunds", .owner = "alice",
       .depends_on = {"PLAT-2"}, .tags = {"refunds", "support"}, .okr = "O2-KR1", .key_results = {"O2-KR1"},
       .links = {{"jira", "PAY-1234"}, {"figma", "https://figma.example/file/refunds"}},
       .score = {4000, 2, 80, 3},
       .success = {{"refund_handling_time", "< 2 min"}, {"refund_tickets_per_week", "-50%"}},
       .risk = "medium",
       .description = "Support agents refund a full or partial payment from the admin console "
                      "instead of filing a ticket to finance.",
       .stages = {{.commit = k_setup, .status = "discovery", .horizon = "next",
                   .note = "Top support pain: every refund is a ticket to finance today."},
                  {.commit = k_refunds_plan, .status = "planned", .horizon = "now", .target = 1},
                  {.commit = k_review_2, .status = "in-progress"},
                  {.commit = k_review_3, .target = 15, .slipped_from = 1,
                   .slip_reason = "the PSP refund API needs certification"}}},
      {.id = "PAY-4", .squad = "payments", .title = "SEPA Direct Debit", .owner = "dev",
       .depends_on = {"PAY-1"}, .tags = {"sepa", "europe"}, .okr = "O2-KR2", .key_results = {"O2-KR1"}, .initiative = "INI-1",
       .links = {{"jira", "PAY-1250"}}, .score = {1800, 3, 70, 4}, .risk = "high",
       .stages = {{.commit = k_setup, .status = "planned", .horizon = "next"},
                  {.commit = k_sync_1, .horizon = "now", .target = 21,
                   .note = "Moved to now at the strategy sync: the Stark Fabrication renewal "
                           "depends on it."},
                  {.commit = k_review_3, .status = "in-progress"}},
       .updates = {{k_review_3, -28, "on-track", "Mandate flow agreed with the PSP", "dev"}}},
      {.id = "PAY-5", .squad = "payments", .title = "Price books in several currencies",
       .owner = "alice", .tags = {"pricing", "international"}, .score = {2500, 2, 50, 5},
       .risk = "high",
       .stages = {{.commit = k_setup, .status = "idea", .horizon = "later"},
                  {.commit = k_sync_2, .status = "discovery", .horizon = "next"}}},
      {.id = "PAY-6", .squad = "payments", .title = "Dunning emails for failed payments",
       .owner = "dev", .depends_on = {"PAY-1"}, .tags = {"dunning", "churn"}, .okr = "O1-KR3", .key_results = {"O1-KR2"},
       .links = {{"jira", "PAY-1188"}}, .score = {9000, 2, 90, 1},
       .success = {{"involuntary_churn", "< 1.5%"}}, .risk = "low",
       .stages = {{.commit = k_setup, .status = "planned", .horizon = "now", .target = -14},
                  {.commit = k_refunds_plan, .status = "in-progress"},
                  {.commit = k_review_4, .status = "shipped"}}},
      {.id = "PAY-7", .squad = "payments", .title = "Crypto payouts", .owner = "alice",
       .tags = {"payouts"}, .score = {300, 1, 20, 6}, .risk = "high",
       .stages = {{.commit = k_setup, .status = "idea", .horizon = "later"},
                  {.commit = k_sync_1, .status = "dropped",
                   .note = "Dropped at the strategy sync; bank transfer requests go to SEPA (PAY-4).",
                   .dropped_reason = "No customer asked for it in two quarters, and licensing would "
                                     "take months"}}},
      {.id = "PAY-8", .squad = "payments", .title = "Usage-based billing", .owner = "alice",
       .depends_on = {"PLAT-4"}, .tags = {"pricing", "usage"}, .okr = "O3-KR2", .key_results = {"O3-KR2"},
       .score = {3000, 3, 50, 8}, .risk = "high",
       .description = "Charge for API calls and storage on top of seats, using the metering "
                      "pipeline as the source of truth.",
       .stages = {{.commit = k_setup, .status = "idea", .horizon = "later"},
                  {.commit = k_sync_1, .status = "discovery", .horizon = "next"},
                  {.commit = k_sync_3, .status = "planned", .target = 63}}},
      {.id = "PAY-9", .squad = "payments", .title = "VAT One-Stop-Shop tax calculation",
       .owner = "dev", .tags = {"tax", "europe"}, .initiative = "INI-1", .risk = "medium",
       .stages = {{.commit = k_refunds_plan, .status = "idea", .horizon = "now",
                   .note = "Finance wants this before the EU sales push; not estimated yet."}}},
      {.id = "PAY-10", .squad = "payments", .title = "Self-serve plan downgrades",
       .owner = "alice", .tags = {"self-serve", "plans"}, .score = {5000, 1, 60, 2},
       .risk = "low",
       .stages = {{.commit = k_review_3, .status = "idea", .horizon = "Q+2"}}},
      {.id = "PAY-11", .squad = "payments", .title = "Card account updater", .owner = "grace",
       .tags = {"cards", "dunning"}, .links = {{"jira", "PAY-1302"}}, .score = {6000, 1, 70, 1},
       .risk = "low",
       .stages = {{.commit = k_review_3, .status = "discovery", .horizon = "next"}}},

      // Platform.
      {.id = "PLAT-1", .squad = "platform", .title = "Postgres 16 upgrade", .owner = "farid",
       .tags = {"database", "infra"}, .links = {{"jira", "PLAT-281"}}, .risk = "medium",
       .stages = {{.commit = k_setup, .status = "in-progress", .horizon = "now", .target = -80},
                  {.commit = k_platform_start, .status = "shipped"}}},
      {.id = "PLAT-2", .squad = "platform", .title = "Webhooks v2 with signatures and retries",
       .owner = "farid", .tags = {"webhooks", "api"}, .okr = "O2-KR3", .key_results = {"O2-KR1"}, .initiative = "INI-2",
       .links = {{"jira", "PLAT-310"}}, .score = {7000, 2, 90, 3},
       .success = {{"webhook_delivery_success", ">= 99.9%"}}, .risk = "medium",
       .stages = {{.commit = k_setup, .status = "planned", .horizon = "now", .target = -42,
                   .note = "Refunds (PAY-3) and audit log export (PLAT-5) build on this."},
                  {.commit = k_platform_start, .status = "in-progress"},
                  {.commit = k_review_2, .status = "shipped"}}},
      {.id = "PLAT-3", .squad = "platform", .title = "SAML single sign-on", .owner = "ines",
       .tags = {"sso", "security", "enterprise"}, .okr = "O3-KR1", .key_results = {"O3-KR1"}, .initiative = "INI-2",
       .links = {{"jira", "PLAT-322"}}, .score = {1200, 3, 80, 4}, .risk = "medium",
       .stages = {{.commit = k_setup, .status = "discovery", .horizon = "next"},
                  {.commit = k_sync_1, .status = "planned", .horizon = "now", .target = 28,
                   .note = "Two enterprise deals are blocked on SSO (Northwind, Tyrell)."},
                  {.commit = k_platform_sso, .status = "in-progress"}},
       .updates = {{k_review_4, -14, "on-track", "Okta and Entra ID logins work in staging", "ines"},
                   {k_review_5, 0, "at-risk", "Certificate rotation needs a security review; the target may move", "ines"}}},
      {.id = "PLAT-4", .squad = "platform", .title = "Usage metering pipeline", .owner = "farid",
       .tags = {"usage", "data"}, .okr = "O3-KR2", .key_results = {"O3-KR2"}, .links = {{"jira", "PLAT-330"}},
       .score = {20000, 2, 70, 5}, .risk = "high",
       .description = "Hourly API call and storage counts per account and project, kept for 13 "
                      "months, reconciled weekly with the service logs.",
       .stages = {{.commit = k_setup, .status = "discovery", .horizon = "now",
                   .note = "Blocks usage-based billing (PAY-8)."},
                  {.commit = k_platform_start, .status = "planned"},
                  {.commit = k_review_1, .status = "in-progress", .target = 35}}},
      {.id = "PLAT-5", .squad = "platform", .title = "Audit log export", .owner = "ines",
       .depends_on = {"PLAT-2"}, .tags = {"audit", "compliance", "enterprise"},
       .score = {800, 2, 80, 2}, .risk = "low",
       .description = "Stream audit events to the customer's SIEM through webhooks v2, plus a "
                      "CSV export in the admin console.",
       .stages = {{.commit = k_setup, .status = "idea", .horizon = "later"},
                  {.commit = k_sync_2, .status = "planned", .horizon = "next", .target = 70}}},
      {.id = "PLAT-6", .squad = "platform", .title = "EU data residency", .owner = "bo",
       .tags = {"compliance", "europe", "enterprise"}, .initiative = "INI-1", .score = {900, 3, 50, 8}, .risk = "high",
       .stages = {{.commit = k_setup, .status = "idea", .horizon = "later"},
                  {.commit = k_sync_2, .status = "discovery", .horizon = "next",
                   .note = "Moved from later to next at the strategy sync: three EU deals depend "
                           "on it."}}},
      {.id = "PLAT-7", .squad = "platform", .title = "Terraform provider", .owner = "farid",
       .tags = {"api", "terraform"}, .score = {600, 1, 60, 3}, .risk = "low",
       .stages = {{.commit = k_setup, .status = "idea", .horizon = "Q+3"}}},
      {.id = "PLAT-8", .squad = "platform", .title = "Per-key API rate limits", .owner = "farid",
       .tags = {"api", "rate-limits"}, .links = {{"jira", "PLAT-341"}},
       .score = {3500, 2, 80, 2}, .risk = "medium",
       .stages = {{.commit = k_platform_start, .status = "planned", .horizon = "next"},
                  {.commit = k_review_4, .status = "in-progress", .horizon = "now", .target = 14,
                   .note = "Pulled into now after two incidents at Cyberdyne."}}},
      {.id = "PLAT-9", .squad = "platform", .title = "Status page automation", .owner = "bo",
       .tags = {"reliability", "support"}, .risk = "low",
       .stages = {{.commit = k_platform_sso, .status = "idea", .horizon = "later"}}},
      {.id = "PLAT-10", .squad = "platform", .title = "SCIM user provisioning", .owner = "ines",
       .depends_on = {"PLAT-3"}, .tags = {"sso", "provisioning", "enterprise"}, .key_results = {"O3-KR1"}, .initiative = "INI-2",
       .score = {1000, 2, 60, 3}, .risk = "medium",
       .stages = {{.commit = k_platform_sso, .status = "discovery", .horizon = "next"}}},

      // Growth.
      {.id = "GRW-1", .squad = "growth", .title = "Onboarding checklist", .owner = "emma",
       .tags = {"onboarding", "activation"}, .okr = "O1-KR1",
       .links = {{"jira", "GRW-88"}, {"figma", "https://figma.example/file/onboarding-checklist"}},
       .score = {25000, 2, 80, 2}, .success = {{"activation_rate_d7", ">= 40%"}}, .risk = "low",
       .stages = {{.commit = k_setup, .status = "in-progress", .horizon = "now", .target = -50,
                   .note = "First activation bet of the half."},
                  {.commit = k_growth, .status = "shipped"}}},
      {.id = "GRW-2", .squad = "growth", .title = "Team invites during signup", .owner = "hiro",
       .tags = {"onboarding", "invites"}, .links = {{"jira", "GRW-91"}},
       .score = {18000, 1, 80, 1}, .risk = "low",
       .stages = {{.commit = k_setup, .status = "planned", .horizon = "now", .target = 0},
                  {.commit = k_review_1, .status = "in-progress"},
                  {.commit = k_review_5, .status = "shipped"}}},
      {.id = "GRW-3", .squad = "growth", .title = "In-app upgrade prompts", .owner = "carmen",
       .depends_on = {"PAY-1"}, .tags = {"upgrade", "monetization"}, .okr = "O1-KR4", .key_results = {"O1-KR2"},
       .links = {{"jira", "GRW-97"}}, .score = {12000, 2, 70, 3},
       .success = {{"free_to_paid_conversion", ">= 4%"}}, .risk = "medium",
       .stages = {{.commit = k_setup, .status = "discovery", .horizon = "next"},
                  {.commit = k_growth, .status = "planned", .horizon = "now", .target = 30},
                  {.commit = k_review_3, .status = "in-progress"}}},
      {.id = "GRW-4", .squad = "growth", .title = "Referral program", .owner = "carmen",
       .tags = {"referrals", "acquisition"}, .score = {8000, 1, 40, 4}, .risk = "medium",
       .stages = {{.commit = k_setup, .status = "idea", .horizon = "later"},
                  {.commit = k_sync_3, .status = "discovery"}}},
      {.id = "GRW-5", .squad = "growth", .title = "Template gallery", .owner = "emma",
       .tags = {"templates", "onboarding"}, .score = {6000, 1, 50, 3}, .risk = "low",
       .stages = {{.commit = k_setup, .status = "idea", .horizon = "Q+2"}}},
      {.id = "GRW-6", .squad = "growth", .title = "Admin usage dashboard", .owner = "hiro",
       .depends_on = {"PLAT-4"}, .tags = {"usage", "reporting", "enterprise"},
       .initiative = "INI-2", .score = {4000, 2, 70, 3}, .risk = "medium",
       .stages = {{.commit = k_sync_1, .status = "discovery", .horizon = "next",
                   .note = "Needs the metering pipeline (PLAT-4) first."},
                  {.commit = k_sync_3, .status = "planned", .target = 56}}},
      {.id = "GRW-7", .squad = "growth", .title = "Annual plans with two months free",
       .owner = "carmen", .tags = {"pricing", "annual"}, .score = {10000, 1, 60, 1},
       .risk = "low",
       .stages = {{.commit = k_growth, .status = "idea", .horizon = "later"},
                  {.commit = k_sync_3, .status = "planned", .horizon = "next", .target = 84}}},
      {.id = "GRW-8", .squad = "growth", .title = "Pricing page A/B test", .owner = "carmen",
       .tags = {"pricing", "experiment"}, .links = {{"jira", "GRW-103"}},
       .score = {30000, 1, 50, 1}, .success = {{"pricing_page_to_signup", "+10%"}}, .risk = "low",
       .stages = {{.commit = k_growth, .status = "planned", .horizon = "now"},
                  {.commit = k_review_4, .status = "in-progress", .target = 10}}},
      {.id = "GRW-9", .squad = "growth", .title = "Localized signup (German, French)",
       .owner = "emma", .tags = {"localization", "signup"}, .initiative = "INI-1", .risk = "low",
       .stages = {{.commit = k_growth, .status = "idea", .horizon = "Q+3"}}},
      {.id = "GRW-10", .squad = "growth", .title = "Trial extension for active teams",
       .owner = "carmen", .tags = {"trial", "activation"}, .score = {7000, 1, 50, 1},
       .risk = "low",
       .stages = {{.commit = k_sync_3, .status = "idea", .horizon = "later"}}},
  };
  return k_items;
}

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
std::optional<ItemState> item_state(const ItemSpec& item, int commit) {
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

std::string horizon_text(const std::string& horizon, const Clock& clock) {
  if (horizon.starts_with("Q+")) {
    return clock.quarter(horizon[2] - '0');
  }
  return horizon;
}

std::string score_text(const Score& s) {
  return flow_map({{"reach", number(s.reach)},
                   {"impact", number(s.impact)},
                   {"confidence", fmt::format("{}%", s.confidence)},
                   {"effort", number(s.effort)}});
}

void render_item(Text& t, const ItemSpec& item, const ItemState& state, const Clock& clock, int commit) {
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
    t.line(6, "- " + flow_map({{"date", clock.day(u.day)}, {"health", u.health}, {"note", flow_scalar(u.note)},
                               {"author", u.author}}));
  }
}

/// roadmap/<squad>.yaml at `commit`; empty when the squad has no item yet.
std::string render_roadmap(const SquadSpec& squad, int commit, const Clock& clock) {
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

void render_people(Text& t) {
  t.comment(0, "People are referred to by id: owners, squad leads, ritual attendees, action owners.");
  t.line(0, "people:");
  for (const auto& p : k_people) {
    t.line(2, std::string(p.id) + ": " +
                  flow_map({{"name", flow_scalar(p.name)},
                            {"email", flow_scalar(email(p))},
                            {"role", p.role},
                            {"squad", p.squad}}));
  }
}

/// The effort a squad plans for the quarter `ahead` quarters after today's, in the final state, as pops
/// capacity counts it (planned_quarter; dropped items out, items without a score unestimated).
double sample_planned(std::string_view squad, int ahead, const Clock& clock) {
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
std::string capacity_text(const SquadSpec& s, const Clock& clock) {
  const std::string id = s.id;
  if (id == "payments") {
    return fmt::format("capacity: {{{}: {}, {}: {}}}", clock.quarter(0),
                       number(std::max(1.0, sample_planned(id, 0, clock) - 2)), clock.quarter(1),
                       number(sample_planned(id, 1, clock) + 2));
  }
  return fmt::format("capacity: {}", number(sample_planned(id, 0, clock) + 2));
}

void render_squads(Text& t, int commit, const Clock& clock) {
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

void render_rituals(Text& t, const Clock& clock) {
  t.comment(0, "Rituals: the notes of each meeting go to rituals/<name>/<YYYY-MM-DD>.md.");
  t.line(0, "rituals:");
  t.line(2, "sprint-review:");
  t.line(4, "cadence: " + flow_map({{"every", "2 weeks"},
                                    {"on", "thursday"},
                                    {"from", clock.day(k_first_review)}}));
  t.line(4, "template: sprint-review");
  t.line(2, "strategy-sync:");
  t.line(4, "cadence: " + flow_map({{"every", "1 month"}, {"from", format_date(clock.first_sync)}}),
         "leads and PMs; portfolio changes");
  t.line(4, "template: strategy-sync");
}

void render_doc_types(Text& t) {
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

void render_rules(Text& t, int commit) {
  t.comment(0, "Rule severities: off | info | warning | error, or {severity: ..., pilot: [squads]}");
  t.comment(0, "to try a standard with some squads first.");
  t.line(0, "rules:");
  t.line(2, "target-passed: warning");
  if (commit >= k_review_4) {
    t.line(2, "doc-stale: {severity: warning, pilot: [payments]}",
           "payments pilots PRD reviews this quarter");
  }
  if (commit >= k_sync_3) {
    t.line(2, "update-stale: info", "health updates are new this quarter: reported, not yet enforced");
    t.line(2, "initiative-slip: info", "initiative targets are reviewed at the next strategy sync");
  }
}

/// The objectives set at the strategy sync on next-quarter bets: two of this quarter (one key result
/// measured by the onboarding series of metrics/adoption.yaml, the others by items), one of the next.
void render_objectives(Text& t, const Clock& clock) {
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
void render_initiatives(Text& t, const Clock& clock) {
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
  t.line(6, "- " + flow_map({{"date", clock.commit_day(k_sync_3)}, {"health", "on-track"},
                             {"note", flow_scalar("SSO in staging; SCIM starts once it ships")}, {"author", "ines"}}));
}

std::string render_config(int commit, const Clock& clock) {
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
std::string render_adoption(const Clock& clock) {
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

const SampleCustomer& customer(std::string_view name) {
  for (const auto& c : k_customers) {
    if (name == c.name) {
      return c;
    }
  }
  return k_customers[0];
}

/// A feedback entry, logged in `commit` and dated `days_before` that commit. Ids follow table order.
struct FeedbackSpec {
  int commit;
  int days_before;
  const char* source;
  const char* customer;
  const char* quote = nullptr;
  const char* summary = nullptr;
  std::vector<std::string> tags;
  std::vector<std::string> items;
  const char* url = nullptr;
};

const std::vector<FeedbackSpec>& feedback() {
  static const std::vector<FeedbackSpec> k_feedback = {
      {k_first_feedback, 6, "support", "Globex Retail",
       "Every refund is a ticket to finance. Our agents wait two days to tell a customer it's done.",
       nullptr, {"refunds"}, {"PAY-3"}, "https://acme.zendesk.example/tickets/40112"},
      {k_first_feedback, 5, "sales", "Northwind Logistics", nullptr,
       "Security review requires SAML SSO before they expand to 1,200 seats", {"sso", "security"},
       {"PLAT-3"}, "https://acme.hubspot.example/deals/7731"},
      {k_first_feedback, 4, "interview", "Pied Piper",
       "The invoice PDF looks like it's from 2009; our customers ask if it's a scam.", nullptr,
       {"invoices"}, {"PAY-2"}},
      {k_first_feedback, 3, "support", "Initech", nullptr,
       "Failed card payments silently cancel seats; no email goes out", {"dunning", "churn"},
       {"PAY-6"}, "https://acme.zendesk.example/tickets/40187"},
      {k_first_feedback, 2, "survey", "Brightline Dental",
       "Setup took me a whole afternoon. A checklist would have helped.", nullptr, {"onboarding"},
       {"GRW-1"}},
      {k_first_feedback, 1, "sales", "Stark Fabrication", nullptr,
       "Wants to pay by SEPA Direct Debit; cards are against their procurement policy",
       {"sepa", "europe"}, {"PAY-4"}, "https://acme.hubspot.example/deals/7745"},
      {k_first_feedback, 0, "support", "Hooli Analytics", nullptr,
       "Webhook deliveries lost during their maintenance window; v1 never retries", {"webhooks"},
       {"PLAT-2"}, "https://acme.zendesk.example/tickets/40233"},

      {k_refunds_plan, 5, "interview", "Umbrella Health",
       "We need to know who exported what and when. Our auditors ask every quarter.", nullptr,
       {"audit", "compliance"}, {"PLAT-5"}},
      {k_refunds_plan, 4, "support", "Vandelay Imports", nullptr,
       "Refunding part of an order needs a support ticket and takes days", {"refunds"}, {"PAY-3"},
       "https://acme.zendesk.example/tickets/40568"},
      {k_refunds_plan, 2, "survey", "Bluebird Bakery", nullptr,
       "Pricing page is unclear about what counts as a seat", {"pricing"}, {}},
      {k_refunds_plan, 1, "sales", "Tyrell Systems", nullptr,
       "Security questionnaire fails without SAML; deal on hold", {"sso", "security"}, {"PLAT-3"},
       "https://acme.hubspot.example/deals/7802"},

      {k_sync_1, 2, "interview", "Kestrel Travel",
       "We bill in euros and pounds. Today we keep two accounts with you.", nullptr,
       {"pricing", "international"}, {"PAY-5"}},
      {k_sync_1, 1, "survey", "Duff Beverages", nullptr,
       "Would rather pay by bank transfer than by card", {"payments"}, {"PAY-4"}},

      {k_growth, 6, "support", "Cyberdyne Robotics", nullptr,
       "One noisy integration hits the global API rate limit and blocks the others",
       {"api", "rate-limits"}, {"PLAT-8"}, "https://acme.zendesk.example/tickets/41190"},
      {k_growth, 5, "interview", "Soylent Labs",
       "I only found the annual plan after I'd paid monthly for a year.", nullptr,
       {"pricing", "upgrade"}, {"GRW-3"}},
      {k_growth, 3, "survey", "Ledgerly", nullptr,
       "Wants starter templates for common setups", {"templates", "onboarding"}, {"GRW-5"}},
      {k_growth, 2, "sales", "Oceanic Air", nullptr,
       "Needs usage per department to allocate cost internally", {"usage", "reporting"},
       {"PLAT-4", "GRW-6"}, "https://acme.hubspot.example/deals/7868"},
      {k_growth, 1, "support", "Brightline Dental", nullptr,
       "Card expired and the account was suspended without warning", {"dunning"}, {"PAY-6"},
       "https://acme.zendesk.example/tickets/41254"},

      {k_review_2, 5, "interview", "Fjord Outdoor",
       "Our lawyers want customer data to stay in the EU. That's a hard requirement next year.",
       nullptr, {"compliance", "europe"}, {"PLAT-6"}},
      {k_review_2, 3, "support", "Globex Retail", nullptr,
       "Asked again for refunds from the admin console; escalated by their CSM", {"refunds"},
       {"PAY-3"}, "https://acme.zendesk.example/tickets/41602"},
      {k_review_2, 1, "survey", "Pied Piper", nullptr,
       "Would pay yearly for a discount", {"pricing", "annual"}, {"GRW-7"}},

      {k_sync_2, 4, "sales", "Berliner Möbel GmbH", nullptr,
       "EU data residency is a requirement in their RFP", {"compliance", "europe"}, {"PLAT-6"},
       "https://acme.hubspot.example/deals/7934"},
      {k_sync_2, 3, "sales", "Umbrella Health", nullptr,
       "Renewal depends on audit log export landing within two quarters",
       {"audit", "compliance", "renewal"}, {"PLAT-5"}},
      {k_sync_2, 2, "interview", "Initech",
       "Charge us for what we use. Seats don't map to how we work.", nullptr, {"usage", "pricing"},
       {"PAY-8"}},
      {k_sync_2, 0, "support", "Kestrel Travel", nullptr,
       "Invoices come in the wrong currency for their UK entity", {"international", "invoices"},
       {"PAY-5"}, "https://acme.zendesk.example/tickets/42017"},

      {k_review_3, 2, "survey", "Bluebird Bakery", nullptr,
       "Support answers fast and kindly; no product ask", {"support"}, {}},
      {k_review_3, 1, "interview", "Hooli Analytics",
       "Signed webhooks let us drop our IP allowlist hack. Retries saved us twice already.",
       nullptr, {"webhooks"}, {"PLAT-2"}},
      {k_review_3, 0, "sales", "Tyrell Systems", nullptr,
       "Will also need automatic provisioning once SSO ships", {"sso", "provisioning"}, {"PLAT-3"},
       "https://acme.hubspot.example/deals/7802"},

      {k_platform_sso, 5, "support", "Cyberdyne Robotics", nullptr,
       "Second incident this month from a noisy integration hitting rate limits",
       {"api", "rate-limits"}, {"PLAT-8"}, "https://acme.zendesk.example/tickets/42391"},
      {k_platform_sso, 3, "sales", "Northwind Logistics", nullptr,
       "Asked for SCIM to remove leavers automatically", {"sso", "provisioning"}, {"PLAT-10"},
       "https://acme.hubspot.example/deals/7731"},
      {k_platform_sso, 1, "interview", "Duff Beverages",
       "I'd have told three friends if there was anything in it for me.", nullptr, {"referrals"},
       {"GRW-4"}},

      {k_review_4, 5, "survey", "Soylent Labs", nullptr,
       "The upgrade prompt in the beta showed up at the right moment", {"upgrade"}, {"GRW-3"}},
      {k_review_4, 3, "support", "Vandelay Imports", nullptr,
       "Renewals fail when cards are replaced by the bank; asks for automatic card updates",
       {"cards", "dunning"}, {"PAY-11"}, "https://acme.zendesk.example/tickets/42655"},
      {k_review_4, 1, "support", "Cyberdyne Robotics", nullptr,
       "Wants to manage projects and API keys with Terraform", {"api", "terraform"}, {"PLAT-7"},
       "https://acme.zendesk.example/tickets/42701"},

      {k_sync_3, 4, "interview", "Fjord Outdoor",
       "With a German and a French signup, our subsidiaries would onboard themselves.", nullptr,
       {"localization"}, {"GRW-9"}},
      {k_sync_3, 3, "sales", "Oceanic Air", nullptr,
       "Expansion to three more regions hinges on usage-based billing", {"usage", "pricing"},
       {"PAY-8"}, "https://acme.hubspot.example/deals/8012"},
      {k_sync_3, 2, "survey", "Ledgerly", nullptr,
       "Downgrading a plan means writing to support", {"self-serve", "plans"}, {"PAY-10"}},
      {k_sync_3, 1, "support", "Stark Fabrication", nullptr,
       "Asked for a date for SEPA Direct Debit before their renewal", {"sepa"}, {"PAY-4"},
       "https://acme.zendesk.example/tickets/43020"},

      {k_review_5, 0, "interview", "Globex Retail",
       "The refunds beta cut our finance tickets in half in two weeks.", nullptr, {"refunds"},
       {"PAY-3"}},
      {k_review_5, 0, "survey", "Kestrel Travel", nullptr,
       "Would try a referral credit for the agencies they work with", {"referrals"}, {"GRW-4"}},
  };
  return k_feedback;
}

const std::array<const char*, 12> k_month_names = {"January", "February", "March",     "April",
                                                     "May",     "June",     "July",      "August",
                                                     "September", "October", "November", "December"};

Date feedback_date(const FeedbackSpec& entry, const Clock& clock) {
  return Date{clock.commit_dates[static_cast<size_t>(entry.commit)].days - entry.days_before};
}

void render_entry(Text& t, int id, const FeedbackSpec& entry, const Clock& clock) {
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
std::map<std::string, std::string> render_feedback(int commit, const Clock& clock) {
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

// ---------------------------------------------------------------------------------------------------
// Documents.

struct DocStage {
  int commit;
  const char* status;
};

struct DocSpec {
  const char* path;
  const char* type;
  const char* title;
  const char* owner;
  std::vector<std::string> items;
  std::vector<DocStage> stages;
  bool reviewed;     ///< writes `reviewed:` (the date of the latest stage)
  const char* body;  ///< Markdown after the title heading
};

const std::vector<DocSpec>& docs() {
  static const std::vector<DocSpec> k_docs = {
      {"docs/prd/usage-metering.md", "prd", "Usage metering pipeline", "ines", {"PLAT-4", "PAY-8"},
       {{k_platform_start, "draft"}, {k_sync_2, "approved"}}, true,
       R"(## Problem
We charge per seat, but our largest customers (Oceanic Air, Initech) ask to pay for what they use
and to see usage per department. We have no reliable record of usage: API calls and storage are
only in the service logs, which we keep for 14 days.

## Goals
- Record API calls and storage per account and per project, hourly, with 13 months of history.
- Feed usage-based billing (PAY-8) and the admin usage dashboard (GRW-6) from the same data.
- Numbers reconcile with the service logs within 0.5%.

## Non-goals
- Real-time usage alerts; they come later, on top of the same pipeline.
- Metering compute minutes. We start with API calls and storage only.

## Success metrics
- Every account metered for 30 consecutive days before billing uses the data.
- Reconciliation gap below 0.5% in the weekly check.
)"},
      {"docs/prd/one-click-refunds.md", "prd", "One-click refunds", "alice", {"PAY-3"},
       {{k_refunds_plan, "draft"}, {k_review_2, "review"}, {k_review_3, "approved"}}, true,
       R"(## Problem
Support agents cannot refund a payment themselves. Every refund becomes a ticket to finance, which
takes two business days on average and creates a follow-up ticket from the customer. Globex and
Vandelay escalate this in every business review.

## Goals
- Agents refund a full or partial payment from the admin console in under two minutes.
- The customer gets a confirmation email with the refund reference.
- Finance sees every refund in the daily ledger export, with who issued it and why.

## Non-goals
- Refunds to a payment method other than the original one.
- Automatic refunds triggered by the product, for example on downgrade.

## Success metrics
- Median refund handling time below 2 minutes (today: 2 days).
- Refund tickets per week down 50% within a month of launch.

## Rollout
Behind a flag for three enterprise accounts first, then all enterprise accounts, then everyone.
)"},
      {"docs/prd/in-app-upgrade-prompts.md", "prd", "In-app upgrade prompts", "carmen", {"GRW-3"},
       {{k_growth, "draft"}, {k_review_4, "review"}}, true,
       R"(## Problem
Teams on the free and starter plans hit plan limits without knowing what the next plan offers. A
third of upgrade requests come through support, and survey answers show customers find the annual
plan only by chance.

## Goals
- Show a prompt in context when a team reaches 80% of a plan limit.
- Let an admin upgrade in two clicks, monthly or annual, without contacting support.

## Non-goals
- Discounts or coupons in the prompt.
- Prompts for members who are not admins; they see "ask your admin" instead.

## Success metrics
- Free-to-paid conversion up from 3.1% to 4% in the beta cohort.
- Upgrade requests through support down 30%.
)"},
      {"docs/decisions/0001-stripe-billing-system-of-record.md", "decision-record",
       "Stripe Billing is the system of record for invoices", "grace", {"PAY-1"},
       {{k_sync_1, "approved"}}, false,
       R"(## Context
Invoices were produced by a nightly job in our own billing service while Stripe held the payments.
The two disagreed a few times a month and finance reconciled them by hand.

## Decision
Stripe Billing owns subscriptions, invoices and payment state. Our billing service keeps a read-only
copy fed by webhooks and never creates invoices itself.

## Consequences
- The legacy invoice job is retired once the migration (PAY-1) ships.
- Dunning, refunds and SEPA Direct Debit are built on Stripe Billing features first.
- Pricing experiments need a Stripe price per variant; growth accepts that overhead.
)"},
      {"docs/decisions/0002-webhooks-v2.md", "decision-record", "Webhooks v2 replaces v1", "bo",
       {"PLAT-2"}, {{k_review_2, "approved"}}, false,
       R"(## Context
Customers lose events when their endpoint is down because v1 never retries, and v1 payloads are not
signed, so security-minded customers put IP allowlists in front of their endpoints.

## Decision
Webhooks v2 signs every payload (HMAC-SHA256), retries with exponential backoff for 72 hours and keeps
a delivery log per endpoint. New integrations can only use v2. v1 keeps working for two quarters,
then it is switched off.

## Consequences
- Payments builds refunds and dunning notifications on v2 events only.
- Developer relations updates the docs and the SDKs before v1 is switched off.
- Support gets a delivery log view to answer "did you send it?" tickets.
)"},
  };
  return k_docs;
}

/// The document at `commit`, or empty when it does not exist yet.
std::string render_doc(const DocSpec& doc, int commit, const Clock& clock) {
  const DocStage* latest = nullptr;
  for (const auto& stage : doc.stages) {
    if (stage.commit <= commit) {
      latest = &stage;
    }
  }
  if (latest == nullptr) {
    return {};
  }
  Text t;
  t.line(0, "---");
  t.line(0, "title: " + scalar(doc.title));
  t.line(0, "type: " + std::string(doc.type));
  t.line(0, "owner: " + std::string(doc.owner));
  t.line(0, "status: " + std::string(latest->status));
  t.line(0, "items: " + flow_list(doc.items));
  t.line(0, "created: " + clock.commit_day(doc.stages.front().commit));
  if (doc.reviewed) {
    t.line(0, "reviewed: " + clock.commit_day(latest->commit));
  }
  t.line(0, "---");
  t.line(0, "# " + std::string(doc.title));
  t.blank();
  t.raw(doc.body);
  return t.str();
}

// ---------------------------------------------------------------------------------------------------
// Ritual notes.

struct ActionSpec {
  const char* what;
  const char* owner;
  int due_days;     ///< days after the meeting
  int done_commit;  ///< commit that marks it done, k_never when still open
};

struct NoteSpec {
  const char* ritual;
  int commit;  ///< the meeting's day is this commit's day
  std::vector<std::string> attendees;
  std::vector<std::string> decisions;
  std::vector<ActionSpec> actions;
  const char* body;
};

const std::vector<NoteSpec>& notes() {
  static const std::vector<NoteSpec> k_notes = {
      {"strategy-sync", k_sync_1, {"alice", "bo", "carmen", "grace", "ines"},
       {"Drop crypto payouts: no customer demand and months of licensing work",
        "SAML single sign-on and SEPA Direct Debit move to now",
        "Usage-based billing goes into discovery, after the metering pipeline"},
       {{"Tell sales that SSO is planned for this quarter", "ines", 7, k_review_1},
        {"Book a security review slot for SSO", "ines", 21, k_review_2}},
       R"(## Context
Two enterprise deals (Northwind, Tyrell) are blocked on SSO, and Stark Fabrication wants SEPA
Direct Debit before it renews.

## Portfolio changes
- Crypto payouts (PAY-7): dropped.
- SAML single sign-on (PLAT-3) and SEPA Direct Debit (PAY-4): move to now.
- Usage-based billing (PAY-8): discovery, after the metering pipeline.
- New: admin usage dashboard (GRW-6), in discovery.

## Metrics
Activation at 31% (goal 40%); involuntary churn at 2.4% (goal 1.5%).
)"},
      {"sprint-review", k_review_1, {"alice", "bo", "carmen", "grace", "dev", "farid", "emma", "hiro"},
       {"Retire the legacy invoice job after one clean billing cycle",
        "Usage metering starts with API calls and storage only"},
       {{"Retire the legacy invoice cron job", "dev", 14, k_review_2},
        {"Share the metering event schema with payments", "farid", 7, k_review_2}},
       R"(## Shipped
- Stripe Billing migration (PAY-1): every invoice now comes from Stripe; no failed charges during
  the cut-over.

## In progress
- Invoice PDF redesign (PAY-2): new layout in review with three customers.
- Webhooks v2 (PLAT-2): signing done, retries in test.
- Usage metering (PLAT-4): started this sprint.
- Team invites during signup (GRW-2): started this sprint.

## Demo
Dev walked through an invoice end to end in Stripe Billing, tax lines included.
)"},
      {"sprint-review", k_review_2, {"alice", "bo", "carmen", "grace", "dev", "farid", "hiro", "ines"},
       {"Refunds start now that webhooks v2 is live", "The new invoice PDF goes to every account"},
       {{"Announce webhooks v2 in the changelog and the developer newsletter", "bo", 14, k_review_3},
        {"Write the refund FAQ for support", "alice", 14, k_review_3}},
       R"(## Shipped
- Webhooks v2 (PLAT-2): signed payloads, retries for 72 hours, a delivery log per endpoint.
- Invoice PDF redesign (PAY-2): live for every account.
- Onboarding checklist (GRW-1), shipped last week: 7-day activation up from 31% to 36%.

## In progress
- One-click refunds (PAY-3): started; the PRD is in review.
- Dunning emails (PAY-6): the first two emails are in test.
- Usage metering (PLAT-4): API calls metered for internal accounts.

## Customer notes
Hooli confirmed that no webhook delivery was lost during their maintenance window.
)"},
      {"strategy-sync", k_sync_2, {"alice", "bo", "carmen", "grace", "ines"},
       {"EU data residency moves from later to next: three EU deals depend on it",
        "Audit log export is planned for next",
        "Price books in several currencies go into discovery"},
       {{"Estimate the hosting cost of an EU region", "bo", 21, k_review_4},
        {"Interview three EU customers about residency needs", "ines", 28, k_sync_3}},
       R"(## Context
Fjord Outdoor, Berliner Möbel and one more EU prospect list data residency as a hard requirement.
Umbrella Health's renewal depends on the audit log export.

## Portfolio changes
- EU data residency (PLAT-6): from later to next, in discovery.
- Audit log export (PLAT-5): planned for next.
- Price books in several currencies (PAY-5): discovery, for next.

## Metrics
Activation at 36% after the onboarding checklist; involuntary churn unchanged at 2.4%.
)"},
      {"sprint-review", k_review_3, {"alice", "bo", "carmen", "grace", "dev", "farid", "emma", "ines"},
       {"Refunds target moves two weeks: the PSP refund API needs certification",
        "SEPA Direct Debit and upgrade prompts start this sprint"},
       {{"Book the PSP certification slot", "grace", 7, k_review_4},
        {"Tell Globex and Vandelay the new refunds date", "alice", 7, k_review_4}},
       R"(## Shipped
Nothing this sprint: refunds ran into the PSP certification requirement.

## In progress
- One-click refunds (PAY-3): done on our side, waiting for certification.
- Dunning emails (PAY-6): all four emails ready, rollout next sprint.
- SEPA Direct Debit (PAY-4): started.
- In-app upgrade prompts (GRW-3): started; design approved.

## Risks
Certification slots are booked three weeks ahead; the new target leaves one week of buffer.
)"},
      {"sprint-review", k_review_4, {"alice", "bo", "carmen", "grace", "dev", "farid", "hiro", "ines"},
       {"Dunning emails are live for all plans",
        "Per-key rate limits start now, after two incidents at Cyberdyne"},
       {{"Measure involuntary churn two weeks after the dunning launch", "grace", 14, k_review_5},
        {"Pick the first accounts for the upgrade prompt beta", "carmen", 14, k_review_5}},
       R"(## Shipped
- Dunning emails (PAY-6): live for all plans; 38 cards updated in the first three days.

## In progress
- One-click refunds (PAY-3): certification passed, beta with Globex.
- SAML single sign-on (PLAT-3): IdP-initiated login works with Okta.
- Per-key API rate limits (PLAT-8): started.
- Pricing page A/B test (GRW-8): started.

## Demo
Hiro showed team invites inside the signup flow.
)"},
      {"strategy-sync", k_sync_3, {"alice", "bo", "carmen", "emma", "grace", "ines"},
       {"Usage-based billing is planned for next, once metering reconciles",
        "Annual plans and the admin usage dashboard are planned for next",
        "The referral program goes into discovery"},
       {{"Draft the usage-based billing PRD", "alice", 28, k_never},
        {"Share the next-quarter bets with sales", "carmen", 21, k_never}},
       R"(## Context
Metering reconciles within 0.3%, Oceanic Air's expansion hinges on usage-based billing, and dunning
brought involuntary churn down to 1.7%.

## Portfolio changes
- Usage-based billing (PAY-8): planned for next.
- Annual plans (GRW-7) and the admin usage dashboard (GRW-6): planned for next.
- Referral program (GRW-4): discovery.
- New idea: trial extension for active teams (GRW-10).

## Metrics
Activation at 39% (goal 40%); involuntary churn at 1.7% (goal 1.5%).
)"},
      {"sprint-review", k_review_5, {"alice", "bo", "carmen", "grace", "dev", "emma", "hiro", "ines"},
       {"Team invites are shipped", "The refunds beta widens to all enterprise accounts next sprint"},
       {{"Roll out the refunds beta to all enterprise accounts", "alice", 14, k_never},
        {"Draft the SEPA Direct Debit launch email", "dev", 7, k_never},
        {"Review the SSO test plan with Northwind", "ines", 10, k_never}},
       R"(## Shipped
- Team invites during signup (GRW-2): 22% of new workspaces invite a teammate on day one.

## In progress
- One-click refunds (PAY-3): Globex cut its refund tickets in half in two weeks.
- SEPA Direct Debit (PAY-4): mandates work in test mode.
- Usage metering (PLAT-4): reconciliation gap at 0.3%.

## Next sprint
Refunds for all enterprise accounts; SSO beta with Northwind.
)"},
  };
  return k_notes;
}

std::string ritual_title(std::string_view ritual) {
  return ritual == "sprint-review" ? "Sprint review" : "Strategy sync";
}

/// The note at `commit`, or empty when the meeting has not happened yet.
std::string render_note(const NoteSpec& note, int commit, const Clock& clock) {
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
    t.line(2, "- " + flow_map({{"what", flow_scalar(action.what)},
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

void put(FileMap& files, const std::string& path, std::string content) {
  if (!content.empty()) {
    files[path] = std::move(content);
  }
}

FileMap state_at(int commit, const Clock& clock) {
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
    put(files, "rituals/" + std::string(note.ritual) + "/" + day + ".md",
        render_note(note, commit, clock));
  }
  return files;
}

long long unix_time(Date day, int minute_of_day) {
  return static_cast<long long>(day.days) * 86400 + minute_of_day * 60LL -
         k_tz_offset_minutes * 60LL;
}

SampleCommit make_commit(int index, const Clock& clock, const FileMap& before,
                         const FileMap& after) {
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

} // namespace

std::vector<SampleCommit> sample_history(Date today) {
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

std::vector<std::pair<std::string, std::string>> sample_final_files(Date today) {
  const Clock clock = make_clock(today);
  const FileMap files = state_at(k_commit_count - 1, clock);
  return {files.begin(), files.end()};
}

void commit_sample_history(const std::string& repo_dir, Date today) {
  for (const auto& commit : sample_history(today)) {
    commit_files(repo_dir, commit.files, {},
                 CommitInfo{commit.message, commit.author_name, commit.author_email, commit.time,
                            commit.tz_offset_minutes});
  }
}

} // namespace pops
