# pops ritual list|next|new|actions over a repository built here with pinned commit dates: the note of
# a sprint review holds exactly what the history shows, nothing invented.
. "$(dirname "$0")/lib.sh"

# commit DATE MESSAGE: commits everything with author and committer date DATE.
commit() {
  git add -A && GIT_AUTHOR_DATE="$1T10:00:00Z" GIT_COMMITTER_DATE="$1T10:00:00Z" git commit -qm "$2" || exit 1
}
# has TEXT: the file $NOTE holds the exact line TEXT.
has() {
  if grep -qxF -- "$1" "$NOTE"; then pass; else fail "$NOTE lacks the line: $1"; fi
}
# lacks TEXT: no line of $NOTE contains TEXT.
lacks() {
  if grep -qF -- "$1" "$NOTE"; then fail "$NOTE should not mention: $1 ($(grep -F -- "$1" "$NOTE" | head -1))"; else pass; fi
}
py() {
  if printf '%s' "$OUT" | python3 -c "import json,sys; out=json.load(sys.stdin)
$1" 2>"$T_ROOT/py.err"; then pass; else fail "python check failed: $(tail -3 "$T_ROOT/py.err")"; fi
}

items() {  # items PAY1 PAY2-status PAY2-target PAY3-status GRW1
  cat > roadmap/all.yaml <<YAML
# Every squad's items in one file.
items:
  - {id: PAY-1, title: One-click refunds, status: $1, squad: payments, owner: alice, horizon: now, target: 2026-11-20}
  - {id: PAY-2, title: Card updater, status: $2, squad: payments, owner: bo, horizon: now, target: $3, depends_on: [PLAT-1]}
  - id: PAY-3
    title: Crypto payouts
    status: $4
    squad: payments
$( [ "$4" = dropped ] && echo "    dropped_reason: No customer asked for it" )
  - {id: PLAT-1, title: Ledger service, status: planned, squad: platform, horizon: now, owner: carmen}
  - {id: GRW-1, title: Team invites, status: $5, squad: growth}
YAML
}

build_history() {
  git init -q -b main . || exit 1
  cat > pops.yaml <<'YAML'
version: 1
product: Test Co
squads:
  payments: {name: Payments, prefix: PAY, lead: alice, wip_limit: 2}
  platform: {name: Platform, prefix: PLAT, lead: carmen}
  growth: {name: Growth, prefix: GRW}
people:
  alice: {name: Alice Park, squad: payments}
  bo: {name: Bo Lind, squad: payments}
  carmen: {name: Carmen Diaz, squad: platform}
rituals:
  sprint-review:
    cadence: {every: 2 weeks, on: thursday, from: 2026-10-22}
    template: sprint-review
    squads: [payments, platform]
  strategy-sync:
    cadence: {every: 1 month, from: 2026-09-30}
YAML
  mkdir -p roadmap feedback rituals/sprint-review
  items in-progress planned 2026-12-01 idea planned
  cat > feedback/2026-10.yaml <<'YAML'
entries:
  - {id: FB-1, date: 2026-10-20, source: support, customer: Umbrella, summary: Old news, tags: [refunds], items: [PAY-1]}
YAML
  commit 2026-11-02 "Set up"
  cat > rituals/sprint-review/2026-11-05.md <<'YAML'
---
ritual: sprint-review
date: 2026-11-05
attendees: [alice, bo]
actions:
  - {what: Draft the refund FAQ, owner: alice, due: 2026-11-12, done: false}
  - {what: Check limits with finance, owner: bo, due: 2026-11-03, done: true}
  - what: Review the ledger API
    owner: carmen
    due: 2026-11-30
---
# Sprint review 2026-11-05
YAML
  commit 2026-11-05 "Sprint review notes"
  items shipped in-progress 2026-12-15 idea planned
  commit 2026-11-10 "Ship refunds; start the card updater, two weeks later"
  items shipped in-progress 2026-12-15 dropped shipped
  cat >> roadmap/all.yaml <<'YAML'
  - {id: PAY-4, title: Chargeback alerts, status: planned, squad: payments, owner: bo, target: 2027-01-15}
YAML
  cat > feedback/2026-11.yaml <<'YAML'
entries:
  - {id: FB-2, date: 2026-11-11, source: support, customer: Acme, summary: Refunds are faster now, tags: [refunds], items: [PAY-1]}
  - {id: FB-3, date: 2026-11-11, source: sales, customer: Globex, summary: Wants card updates, tags: [cards, billing], items: [PAY-2]}
  - {id: FB-4, date: 2026-11-12, source: sales, customer: Acme, summary: Card expiry emails, tags: [cards]}
  - {id: FB-5, date: 2026-11-12, source: interview, customer: Initech, summary: Invites are great, tags: [invites], items: [GRW-1]}
YAML
  commit 2026-11-12 "Drop crypto payouts, add chargeback alerts, feedback"
  # After the review of 2026-11-19: must not appear in its note.
  sed -i 's/target: 2027-01-15/target: 2027-02-15/' roadmap/all.yaml
  commit 2026-11-20 "Chargeback alerts move a month"
}

t_begin "sprint review note from history"
build_history
run ritual new sprint-review --date 2026-11-19
expect_rc 0
[ "$OUT" = "rituals/sprint-review/2026-11-19.md" ] && pass || fail "stdout should be the path, got: $OUT"
expect_err "created rituals/sprint-review/2026-11-19.md"
NOTE=rituals/sprint-review/2026-11-19.md
[ -f "$NOTE" ] && pass || fail "no note written"
has "ritual: sprint-review"
has "date: 2026-11-19"
has "# Sprint review 2026-11-19"
has "Since the previous sprint review on 2026-11-05 (rituals/sprint-review/2026-11-05.md). Squads: Payments, Platform."
# Shipped, started, slipped, dropped, added.
has "- **PAY-1** One-click refunds (alice)"
has "- **PAY-2** Card updater (bo), target 2026-12-15"
has "- **PAY-2** Card updater: target 2026-12-01 -> 2026-12-15 (+14 days), bo"
has "- **PAY-3** Crypto payouts: No customer asked for it"
has "- **PAY-4** Chargeback alerts (planned), bo"
# Dependency risk: PAY-2 is due now and waits on PLAT-1, not started.
has "- **PAY-2** Card updater is due now but depends on **PLAT-1** Ledger service (platform), still planned"
# Open actions carried over, with owners and due dates; the done one is not.
has "- [ ] Draft the refund FAQ (alice), due 2026-11-12, overdue, from 2026-11-05"
has "- [ ] Review the ledger API (carmen), due 2026-11-30, from 2026-11-05"
lacks "Check limits with finance"
# New feedback by tag with customer counts: not FB-1 (before), not FB-5 (growth's item).
has '- `cards`: 2 entries from 2 customers (FB-3, FB-4)'
has '- `billing`: 1 entry from 1 customer (FB-3)'
has '- `refunds`: 1 entry from 1 customer (FB-2)'
lacks "FB-1"
lacks "FB-5"
lacks "invites"
# WIP against limits.
has "- Payments: 1 in progress of a limit of 2"
has "- Platform: 0 in progress"
# Nothing invented: other squads, the later slip, items that did not change.
lacks "GRW-1"
lacks "Team invites"
lacks "2027-02-15"
lacks "2027-01-15 ->"
[ "$(grep -c '^- \*\*PAY-1\*\*' "$NOTE")" = 1 ] && pass || fail "PAY-1 should be listed once (shipped)"
[ "$(grep -c 'PLAT-1' "$NOTE")" = 1 ] && pass || fail "PLAT-1 appears only as the dependency"
lacks "No new items."
has "attendees: []"
has "actions: []"
run check
expect_rc 0
expect_no_out "2026-11-19.md"
# Never overwritten.
cp "$NOTE" "$T_ROOT/note.copy"
run ritual new sprint-review --date 2026-11-19
expect_rc 2
expect_err "pops: error: 'rituals/sprint-review/2026-11-19.md' exists already; pops never overwrites ritual notes"
cmp -s "$NOTE" "$T_ROOT/note.copy" && pass || fail "the note changed"

t_begin "sprint review with no changes since the previous one"
build_history
run ritual new sprint-review --date 2026-11-19
git add -A && GIT_AUTHOR_DATE="2026-11-21T10:00:00Z" GIT_COMMITTER_DATE="2026-11-21T10:00:00Z" git commit -qm notes
run ritual new sprint-review --date 2026-11-22
expect_rc 0
NOTE=rituals/sprint-review/2026-11-22.md
has "Since the previous sprint review on 2026-11-19 (rituals/sprint-review/2026-11-19.md). Squads: Payments, Platform."
has "Nothing shipped."
has "Nothing started."
has "No new feedback."
# Only the later change shows: PAY-4 moved a month.
has "- **PAY-4** Chargeback alerts: target 2027-01-15 -> 2027-02-15 (+31 days), bo"
# Still open, from both earlier notes? Only from notes that list them: the 2026-11-05 ones.
has "- [ ] Draft the refund FAQ (alice), due 2026-11-12, overdue, from 2026-11-05"

t_begin "an item reopened and shipped again since the previous review is shipped, as pops metrics counts it"
build_history
run ritual new sprint-review --date 2026-11-19
commit 2026-11-21 notes
# PAY-1 shipped on 11-10 (before the 11-19 review), reopened on 11-23, shipped again on 11-25: the
# two states agree (shipped), the history says it shipped since the review.
sed -i 's/status: shipped, squad: payments, owner: alice/status: in-progress, squad: payments, owner: alice/' roadmap/all.yaml
commit 2026-11-23 "Reopen refunds"
sed -i 's/status: in-progress, squad: payments, owner: alice/status: shipped, squad: payments, owner: alice/' roadmap/all.yaml
commit 2026-11-25 "Ship refunds again"
run ritual new sprint-review --date 2026-12-03
expect_rc 0
NOTE=rituals/sprint-review/2026-12-03.md
has "- **PAY-1** One-click refunds (alice)"
lacks "Nothing shipped."
run metrics --since 2026-11-20 --until 2026-12-03 --format json
py 'assert [i["shipped"] for i in out["items"] if i["id"] == "PAY-1"] == ["2026-11-25"], out["items"]'

t_begin "ritual list, next and the missed flag"
build_history
run ritual list
expect_rc 0
expect_out_line '^sprint-review +every 2 weeks on thursday from 2026-10-22 +payments, platform +last 2026-11-05 +next 2026-12-03 +missed 2026-11-19$'
expect_out_line '^strategy-sync +every 1 month from 2026-09-30 +all squads +never held +next 2026-11-30 +missed 2026-10-30$'
run ritual new sprint-review --date 2026-11-19
run ritual list --format json
expect_rc 0
py "r = out[0]
assert r['name'] == 'sprint-review' and r['last_held'] == '2026-11-19' and r['next_due'] == '2026-12-03', r
assert r['missed'] is False and r['missed_date'] is None and r['notes'] == 2, r
assert r['squads'] == ['payments', 'platform'] and r['cadence'] == '2 weeks on thursday from 2026-10-22'
assert out[1]['missed'] is True and out[1]['missed_date'] == '2026-10-30'"
run ritual next sprint-review --count 3
expect_rc 0
[ "$OUT" = "2026-12-03  thursday   sprint-review
2026-12-17  thursday   sprint-review
2026-12-31  thursday   sprint-review" ] && pass || fail "ritual next: $OUT"
run ritual next
expect_rc 0
[ "$OUT" = "2026-11-30  monday     strategy-sync
2026-12-03  thursday   sprint-review" ] && pass || fail "ritual next (all): $OUT"
run ritual next --format json --count 2 strategy-sync
py "assert [x['date'] for x in out] == ['2026-11-30', '2026-12-30'], out
assert out[0]['weekday'] == 'monday'"
run ritual next sprint-reviw
expect_rc 2
expect_err "pops: error: unknown ritual 'sprint-reviw' (did you mean 'sprint-review'?)"
run ritual new sprint-reviw
expect_rc 2
expect_err "unknown ritual 'sprint-reviw' (did you mean 'sprint-review'?)"
run ritual new sprint-review --date 2026-11-31
expect_rc 2
expect_err "--date '2026-11-31' is not a date; expected YYYY-MM-DD"

t_begin "ritual actions"
build_history
run ritual actions
expect_rc 0
[ "$OUT" = "rituals/sprint-review/2026-11-05.md:6: due 2026-11-12 alice: Draft the refund FAQ (overdue)
rituals/sprint-review/2026-11-05.md:8: due 2026-11-30 carmen: Review the ledger API" ] && pass || fail "actions: $OUT"
expect_err "2 open actions, 1 overdue"
run ritual actions --overdue
[ "$(printf '%s\n' "$OUT" | wc -l)" = 1 ] && pass || fail "--overdue: $OUT"
expect_out "Draft the refund FAQ"
run ritual actions --owner carmen --format json
expect_rc 0
py "assert len(out) == 1
a = out[0]
assert a['what'] == 'Review the ledger API' and a['owner'] == 'carmen' and a['due'] == '2026-11-30', a
assert a['overdue'] is False and a['ritual'] == 'sprint-review' and a['date'] == '2026-11-05' and a['line'] == 8, a"
run ritual actions --owner carmn
expect_rc 2
expect_err "unknown person 'carmn' (did you mean 'carmen'?)"

t_begin "a note outside git: nothing is reported as changed"
mkdir ws && cd ws || exit 1
make_ws
run ritual new sprint-review
expect_rc 0
NOTE=rituals/sprint-review/2026-11-22.md
has "No git history: changes since the previous meeting are not known. Squads: Payments, Platform."
has "Nothing shipped."
has "- Payments: 1 in progress of a limit of 2"
run check
expect_rc 0

t_begin "every built-in ritual template passes pops check; --commit"
build_history
cat >> pops.yaml <<'YAML'
  retro:
    cadence: {every: 2 weeks, on: friday, from: 2026-10-23}
    template: retro
    squads: [payments]
YAML
git add -A && GIT_AUTHOR_DATE="2026-11-21T10:00:00Z" GIT_COMMITTER_DATE="2026-11-21T10:00:00Z" git commit -qm retro
for r in sprint-review strategy-sync retro; do
  run ritual new "$r"
  expect_rc 0
  [ "$OUT" = "rituals/$r/2026-11-22.md" ] && pass || fail "$r: $OUT"
done
NOTE=rituals/strategy-sync/2026-11-22.md
has "# Strategy sync 2026-11-22"
has "Since 2026-10-30, the previous date of its cadence (no earlier notes). Squads: Payments, Platform, Growth."
# Nothing was committed by 2026-10-30: every item is new since then.
has "- **GRW-1** Team invites (growth, shipped)"
has "- **PAY-3** Crypto payouts (payments, dropped)"
NOTE=rituals/retro/2026-11-22.md
has "Since 2026-11-20, the previous date of its cadence (no earlier notes). Squads: Payments."
has "- No item shipped, slipped or was dropped."
lacks "PAY-4"
run check
expect_rc 0
expect_no_out "2026-11-22.md"
rm -r rituals/retro/2026-11-22.md
run ritual new retro --commit
expect_rc 0
[ "$(git log -1 --format=%s)" = "Retro 2026-11-22" ] && pass || fail "commit message: $(git log -1 --format=%s)"
[ -z "$(git status --porcelain rituals/retro)" ] && pass || fail "the note is not committed"
