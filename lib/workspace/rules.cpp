#include "workspace/rules.h"

#include <array>

namespace pops {

namespace {

constexpr std::array k_rules = {
  RuleInfo{"yaml-syntax", Severity::error, "a file that cannot be read as YAML",
           "The file is unreadable, is not valid UTF-8, holds a NUL byte, is larger than the size "
           "limit, nests deeper than the depth limit, expands to too many nodes through aliases, holds "
           "more than one document, or is not valid YAML (or front matter). Fix the text at the "
           "location given."},
  RuleInfo{"schema", Severity::error, "a value that does not fit the workspace format",
           "A required key is missing, a value has the wrong type, a value is outside its enum "
           "(status, horizon, feedback source, doc status, a custom enum), a date is not YYYY-MM-DD, a "
           "key is unknown, an id is malformed, or pops.yaml declares an unsupported version. The "
           "message says what would be right and suggests the closest known value."},
  RuleInfo{"duplicate-key", Severity::error, "a key written twice in the same mapping",
           "YAML parsers disagree on which of two equal keys wins; pops refuses both. Keep one."},
  RuleInfo{"duplicate-id", Severity::error, "an item or feedback id used twice in the workspace",
           "Ids name one thing across all files. Give one of them the next free id."},
  RuleInfo{"duplicate-title", Severity::warning, "two items of a squad with the same title",
           "Items of one squad, not dropped, whose titles are equal ignoring case, punctuation and "
           "white space are probably one item written twice (an import that did not match an item, "
           "a copy and paste). Drop one with dropped_reason: duplicate of <id>, or retitle them."},
  RuleInfo{"id-prefix", Severity::error, "an item id whose prefix is not its squad's prefix",
           "Item ids are PREFIX-<n> with the prefix of the item's squad. Fix the id or the squad."},
  RuleInfo{"unknown-ref", Severity::error,
           "a reference to an item, squad, person, ritual or doc type that does not exist",
           "depends_on, feedback items and doc items name existing items; squads, people (owner, "
           "lead, attendees, action owners), ritual names and doc types exist; a ritual note lives in "
           "rituals/<ritual>/<date>.md matching its front matter."},
  RuleInfo{"portfolio", Severity::error, "a member of pops.yaml 'portfolio' that cannot be read",
           "Each member of a portfolio (format 1.4) is a path to another pops workspace, relative to the "
           "portfolio: it exists, is a folder holding pops.yaml, is neither the portfolio itself nor a "
           "portfolio, and is listed once. Clone the member's repository at its path, or fix the path."},
  RuleInfo{"moved-from-live", Severity::warning, "an item moved from an id that is still a live item",
           "moved_from names the id an item had before 'pops item move --new-id'; that item is dropped "
           "(or gone) once moved. A live item under that id means the move was not finished, or "
           "moved_from names the wrong item. Drop the old item, or fix or remove moved_from."},
  RuleInfo{"dependency-cycle", Severity::error, "items that depend on each other in a cycle",
           "A cycle can never be delivered in order. The finding shows the cycle; remove one edge."},
  RuleInfo{"dependency-order", Severity::warning, "an item planned before something it depends on",
           "An item is due in an earlier horizon than an item it depends on, or is shipped while a "
           "dependency is not."},
  RuleInfo{"wip-limit", Severity::warning, "a squad with more items in progress than its wip_limit",
           "Finish or pause work, or raise the squad's wip_limit in pops.yaml."},
  RuleInfo{"over-capacity", Severity::warning, "a squad whose planned effort in a quarter is above its capacity",
           "The score.effort of the squad's items planned for the quarter (by target, else horizon; dropped "
           "items, and shipped ones before the quarter starts, left out) adds up to more than its capacity "
           "in pops.yaml. Move items to a later quarter, drop some, or change the capacity. Checked for the "
           "current quarter and every later one the capacity names; the message lists items without an "
           "estimate, which count as 0."},
  RuleInfo{"target-passed", Severity::warning, "an item whose target date has passed and is not shipped",
           "Ship it, move the target (the slip shows in history), or drop the item."},
  RuleInfo{"action-overdue", Severity::warning, "a ritual action item past its due date and not done",
           "Mark it done: true, or agree a new due date."},
  RuleInfo{"doc-required-field", Severity::error, "a document missing a front-matter field its type requires",
           "docs.types.<type>.required in pops.yaml lists the fields; add the missing one."},
  RuleInfo{"doc-required-section", Severity::error, "a document missing a heading its type requires",
           "docs.types.<type>.sections in pops.yaml lists the headings; add the missing one."},
  RuleInfo{"doc-stale", Severity::warning, "a document not reviewed within its type's review_every",
           "Review it and set reviewed: YYYY-MM-DD in its front matter, or mark it obsolete."},
  RuleInfo{"doc-index-stale", Severity::error, "a generated document index that no longer matches the documents",
           "docs/README.md, written by `pops doc index`, lists every document by type and status. A "
           "document added, removed or changed since makes it stale. Run `pops doc index` (pops doc "
           "new and pops onboard keep it current). A hand-written docs/README.md is never checked."},
  RuleInfo{"schema-stale", Severity::error, "an editor schema in .pops/schema that no longer matches pops.yaml",
           "`pops schema --vscode` writes JSON Schemas of the workspace's files to .pops/schema/ for editors "
           "(yaml-language-server). A change to pops.yaml (a squad, status, person, field ...) makes them "
           "stale, and the editor flags valid values. Run `pops schema --vscode` and commit the schemas."},
  RuleInfo{"series-unlinked", Severity::info, "a usage series no item links to",
           "A series of metrics/**/*.yaml (imported by `pops adoption import`) whose key no item names in "
           "links.amplitude or links.pendo: its figures reach no success target. Link the item it measures."},
  RuleInfo{"prd-missing", Severity::off, "a committed item that no PRD lists",
           "Off unless pops.yaml's `rules:` gives it a severity. An item in the first horizon (`now`), neither "
           "shipped nor dropped, that no document of type `prd` (not obsolete) lists in its `items`. Write the "
           "PRD with `pops doc new prd TITLE --item ID`, or add the id to the items of the PRD that covers it."},
  RuleInfo{"evidence-missing", Severity::off, "a committed item that no feedback entry asks for",
           "Off unless pops.yaml's `rules:` gives it a severity. An item in the first horizon (`now`), neither "
           "shipped nor dropped, that no feedback entry lists in its `items`: nothing shows a customer needs "
           "it. Link the feedback that asks for it with `pops feedback link FB-ID ID`."},
  RuleInfo{"ritual-missed", Severity::off, "a ritual not held on its cadence",
           "Off unless pops.yaml's `rules:` gives it a severity. A ritual with a `cadence` whose last date "
           "before today has no note in rituals/<ritual>/ dated after the date before it (as `pops ritual "
           "list` shows it missed). Hold it and write its note with `pops ritual new NAME --date DATE`, or "
           "change its cadence."},
  RuleInfo{"status-regression", Severity::error, "an item moved backward in the workflow",
           "With --base (and --staged), an item whose status moves to an earlier one (shipped -> "
           "in-progress) needs `reopened: true` on the item; moving to dropped is always allowed."},
  RuleInfo{"item-removed", Severity::error, "an item or feedback entry deleted instead of dropped",
           "With --base (and --staged): items leave the roadmap by status: dropped with a "
           "dropped_reason, never by deletion; feedback entries are never deleted. Restore it."},
  RuleInfo{"id-reused", Severity::warning, "an id that now names a different item than in the base",
           "With --base (and --staged): an id whose title changed completely (no word of four or more "
           "letters in common) was probably reused for a new item. Give the new item the next free id."},
  RuleInfo{"target-slip", Severity::info, "an item whose target date moved later",
           "With --base (and --staged): reports how many days the target slipped, so reviews see it."},
  RuleInfo{"customer-duplicate", Severity::warning, "one customer written two ways in feedback",
           "Two customer names of feedback entries that are the same once case, accents, punctuation, "
           "white space and legal forms (Inc, Ltd, GmbH ...) are set aside, or one or two letters apart: "
           "insights and rank count them as two customers, and their ARR twice. Write the name the most "
           "entries use in every entry, or tie the names by an alias in customers.yaml. Two customer "
           "records whose names or aliases are the same once folded are reported too: merge them."},
  RuleInfo{"customer-unknown", Severity::warning, "a feedback entry whose customer has no record",
           "When customers.yaml holds customer records, a feedback entry's customer must be the name or "
           "an alias of one (compared as customer-duplicate compares names). Add the record with `pops "
           "customer add`, add the spelling as an alias, or correct the name."},
  RuleInfo{"feedback-duplicate", Severity::warning, "a feedback entry that repeats another",
           "An entry of the same customer (names compared without case, accents, punctuation and legal "
           "forms such as Inc or GmbH) with nearly the same text (80% of their words in common) within 14 "
           "days of another: the same request logged twice, which counts twice in insights. Delete the "
           "later one if it is not committed yet; else tag it 'duplicate'."},
  RuleInfo{"key-result-unlinked", Severity::warning, "a key result with nothing to measure it",
           "A key result of pops.yaml `objectives:` is measured by a usage series (`series: {source, key}`) "
           "or by the items that list it in `key_results`. One with neither, one whose series no metrics "
           "file holds, and an objective without key results never show progress. Link the series or the items."},
  RuleInfo{"objective-stalled", Severity::warning,
           "an objective of the current quarter with no progress since it started",
           "Two weeks or more into its period, no key result of the objective has moved: its series is not "
           "above its value at the period's start (nearer the target), and none of its items shipped. Check "
           "the plan with its owner, or revise the key results."},
  RuleInfo{"initiative-slip", Severity::warning, "an item targeted after the target of its initiative",
           "An item that names an initiative of pops.yaml `initiatives:` in `initiative:` has a target date "
           "after the initiative's target (a date, or the last day of a quarter): the initiative cannot land "
           "on time. Move the item's target, or the initiative's."},
  RuleInfo{"update-stale", Severity::warning, "an in-progress item whose latest health update is too old",
           "An item in progress whose latest entry of `updates:` is 14 days old or more (`rules: update-stale: "
           "{days: N}` sets N). Items without any update are not reported. Add one with `pops item update ID "
           "--health on-track|at-risk|off-track --note TEXT`."},
};

}  // namespace

std::span<const RuleInfo> all_rules()
{
  return k_rules;
}

const RuleInfo* find_rule(std::string_view id)
{
  for (const auto& r : k_rules) {
    if (r.id == id) {
      return &r;
    }
  }
  return nullptr;
}

}  // namespace pops
