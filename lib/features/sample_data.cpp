#include "features/sample_data.h"

// The data of the sample organization; all days are offsets from the last sprint review before today
// (features/sample.cpp turns them into dates).

namespace pops::sample_data {

// The tables are laid out by hand, one record a line or block.
// clang-format off
const std::array<CommitSpec, k_commit_count> k_commits = {{
    {-87, false, "alice", 9 * 60 + 40,
     "Set up the Acme Cloud product workspace\n\n"
     "Squads, people, rituals and document types in pops.yaml; the three squad\n"
     "roadmaps imported from the planning spreadsheet, comments included, and\n"
     "the squads' PRDs from the wiki.\n"},
    {-85, false, "carmen", 16 * 60 + 5,
     "Log the first batch of customer feedback\n\n"
     "Support tickets, sales notes, interviews and survey answers from the last\n"
     "week, linked to the roadmap items they support.\n"},
    {-80, false, "bo", 11 * 60 + 20,
     "Platform: Postgres 16 shipped, webhooks v2 started\n\n"
     "Usage metering is planned for now, with a PRD draft for payments to review.\n"
     "Per-key API rate limits added to next. Platform pilots the wip-limit rule.\n"},
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
     "Adds the upgrade prompts PRD draft, three growth ideas and this week's feedback;\n"
     "the team invites PRD is re-read.\n"},
    {-42, false, "bo", 16 * 60 + 30,
     "Sprint review: webhooks v2 and invoice PDFs shipped\n\n"
     "Refunds start now that webhooks v2 is live; the refunds PRD goes to review.\n"
     "Records the webhooks v2 decision, closes the last review's actions and logs\n"
     "this week's feedback. Payments pilots doc-stale: its PRDs get re-read every\n"
     "90 days, starting with the invoice PDF one.\n"},
    {1, true, "ines", 17 * 60 + 5,
     "Strategy sync: EU data residency moves to next\n\n"
     "Three EU deals depend on it. Audit log export is planned for next, price\n"
     "books in several currencies go into discovery, the metering PRD is approved\n"
     "and the SEPA PRD goes to review.\n"
     "Also logs feedback from EU prospects.\n"},
    {-28, false, "alice", 16 * 60 + 20,
     "Sprint review: refunds target slips two weeks\n\n"
     "The PSP refund API needs certification. SEPA Direct Debit and upgrade\n"
     "prompts start; the refunds and SEPA PRDs are approved, the Stripe Billing\n"
     "PRD is re-read. Also adds self-serve downgrades, the card account updater\n"
     "and this week's feedback.\n"},
    {-21, false, "farid", 13 * 60 + 50,
     "Platform: SSO in progress, SCIM and status page added\n\n"
     "Logs the rate-limit incidents and SCIM requests from customers. The wip-limit\n"
     "rule is rolled out to every squad after platform's pilot.\n"},
    {-14, false, "grace", 16 * 60 + 40,
     "Sprint review: dunning emails shipped, rate limits started\n\n"
     "Payments re-reads the dunning PRD for its doc-stale pilot and logs this\n"
     "week's feedback.\n"},
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
      {"docs/prd/stripe-billing-migration.md", "prd", "Invoicing on Stripe Billing", "grace", {"PAY-1"},
       {{k_setup, "approved"}, {k_review_3, nullptr}}, true,
       R"(## Problem
Our billing service and Stripe disagree on invoices a few times a month, and finance reconciles
them by hand. Every new payment method is built twice.

## Goals
- Stripe Billing owns subscriptions, invoices and payment state.
- The legacy invoice job is retired after one clean billing cycle.

## Non-goals
- Changing prices or plans during the migration.

## Success metrics
- No invoice mismatch between our records and Stripe for a full cycle.
)", -230, -175},
      {"docs/prd/invoice-pdf-redesign.md", "prd", "Invoice PDF redesign", "alice", {"PAY-2"},
       {{k_setup, "approved"}, {k_review_2, nullptr}}, true,
       R"(## Problem
Customers ask whether our invoice PDF is genuine: it has no logo, no tax breakdown and no payment
reference.

## Goals
- A branded invoice with tax lines, the payment reference and the billing contact.

## Non-goals
- Custom invoice templates per customer.

## Success metrics
- Invoice questions to support down 30%.
)", -160, -150},
      {"docs/prd/sepa-direct-debit.md", "prd", "SEPA Direct Debit", "dev", {"PAY-4"},
       {{k_setup, "draft"}, {k_sync_2, "review"}, {k_review_3, "approved"}}, true,
       R"(## Problem
European customers whose procurement rules forbid cards pay by bank transfer, which we reconcile
by hand every month.

## Goals
- Customers in the SEPA area sign a mandate at checkout and pay by direct debit.
- Failed debits enter the same dunning flow as failed cards.

## Non-goals
- Bank transfers outside the SEPA area.

## Success metrics
- A third of EU accounts on direct debit within two quarters.
)", -190, -150},
      {"docs/prd/dunning-emails.md", "prd", "Dunning emails for failed payments", "dev", {"PAY-6"},
       {{k_setup, "approved"}, {k_review_4, nullptr}}, true,
       R"(## Problem
A failed card payment silently cancels seats today: the customer learns it when their team is
locked out.

## Goals
- Four emails over fourteen days, each with a link to update the card.
- Seats stay active during the retry window.

## Non-goals
- Payment retries by SMS or phone.

## Success metrics
- Involuntary churn below 1.5% a month (today: 2.4%).
)", -210, -165},
      {"docs/prd/webhooks-v2.md", "prd", "Webhooks v2", "farid", {"PLAT-2"},
       {{k_setup, "approved"}}, true,
       R"(## Problem
Webhooks v1 never retries and is not signed: customers lose events during their maintenance
windows and put IP allowlists in front of their endpoints.

## Goals
- Signed payloads, retries for 72 hours and a delivery log per endpoint.

## Non-goals
- Event filtering per endpoint.

## Success metrics
- Webhook delivery success of 99.9% or more.
)", -220, -180},
      {"docs/prd/audit-log-export.md", "prd", "Audit log export", "ines", {"PLAT-5"},
       {{k_setup, "draft"}}, true,
       R"(## Problem
Enterprise customers' auditors ask who exported what and when; we answer from our own logs, by
hand.

## Goals
- Stream audit events to the customer's SIEM and export them as CSV from the admin console.

## Non-goals
- Audit events of internal staff tools.

## Success metrics
- No audit request answered by hand after launch.
)", -200, -170},
      {"docs/prd/onboarding-checklist.md", "prd", "Onboarding checklist", "emma", {"GRW-1"},
       {{k_setup, "approved"}}, true,
       R"(## Problem
New teams take an afternoon to set up a workspace and a third never invite anyone.

## Goals
- A checklist of the five first steps, shown until a team completes them.

## Non-goals
- Product tours or videos.

## Success metrics
- Seven-day activation at 40% or more (today: 31%).
)", -180, -150},
      {"docs/prd/team-invites.md", "prd", "Team invites during signup", "hiro", {"GRW-2"},
       {{k_setup, "approved"}, {k_growth, nullptr}}, true,
       R"(## Problem
Teams that invite a teammate in the first week stay twice as often, but the invite screen is three
clicks away from signup.

## Goals
- Ask for teammates' emails as the last step of signup.

## Non-goals
- Importing contacts from an address book.

## Success metrics
- A fifth of new workspaces invite a teammate on day one.
)", -170, -130},
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

// clang-format on

}  // namespace pops::sample_data
