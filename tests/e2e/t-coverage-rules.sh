# The coverage rules prd-missing, evidence-missing and ritual-missed: off by default, turned on by
# pops.yaml `rules:` (with a pilot, then rolled out), reported by pops check with file:line:col and
# counted by pops standards on a history built here (hand-computed); the docs/rules.md examples are
# what pops prints.
. "$(dirname "$0")/lib.sh"
SRC=$(cd "$(dirname "$0")/../.." && pwd)

# cfg RULES: pops.yaml with two squads, PRDs, a weekly ritual of payments, then RULES.
cfg() {
  cat > pops.yaml <<YAML
version: 1
product: Test
squads:
  payments: {prefix: PAY}
  platform: {prefix: PLAT}
docs:
  types:
    prd: {dir: docs/prd}
rituals:
  weekly-sync:
    cadence: {every: 1 week, on: monday, from: 2026-01-05}
    squads: [payments]
$1
YAML
}
# prd FILE ITEMS: a PRD listing ITEMS.
prd() { printf -- '---\ntitle: PRD\ntype: prd\nstatus: draft\nitems: [%s]\n---\n# PRD\n' "$2" > "docs/prd/$1"; }
# note DATE: a note of weekly-sync.
note() { printf -- '---\nritual: weekly-sync\ndate: %s\n---\n# Notes\n' "$1" > "rituals/weekly-sync/$1.md"; }

# The history:
#  01-05 the rules at their defaults (off); PAY-1 (PRD), PAY-2, PAY-3, PLAT-1 in now; FB-1 asks for PAY-1
#  02-10 prd-missing a warning piloted with payments; a PRD for PAY-2
#  03-03 prd-missing rolled out (a warning for every squad)
history() {
  git init -q . && mkdir -p roadmap feedback docs/prd rituals/weekly-sync
  cfg ""
  items payments "- {id: PAY-1, title: Refunds, status: planned, horizon: now}" \
    "- {id: PAY-2, title: Payouts, status: planned, horizon: now}" \
    "- {id: PAY-3, title: Ledger, status: in-progress, horizon: now}" \
    "- {id: PAY-4, title: Cards, status: planned, horizon: next}"
  items platform "- {id: PLAT-1, title: Queues, status: planned, horizon: now}"
  printf 'entries:\n  - {id: FB-1, date: 2026-01-02, source: sales, customer: Acme, quote: Refunds, items: [PAY-1]}\n' \
    > feedback/2026-01.yaml
  prd refunds.md PAY-1
  commit 2026-01-05 "Set up"
  cfg "rules:
  prd-missing: {severity: warning, pilot: [payments]}"
  prd payouts.md PAY-2
  commit 2026-02-10 "Pilot prd-missing with payments"
  cfg "rules:
  prd-missing: warning"
  commit 2026-03-03 "Roll out prd-missing"
}

t_begin "off by default: no finding, no row in pops standards, SARIF says not enabled"
history
git checkout -q HEAD~2
export POPS_TODAY=2026-01-20
run check --strict; expect_rc 0
expect_no_out "prd-missing"; expect_no_out "evidence-missing"; expect_no_out "ritual-missed"
run check --format sarif
py 'rules = {r["id"]: r for r in out["runs"][0]["tool"]["driver"]["rules"]}
for id in ("prd-missing", "evidence-missing", "ritual-missed"):
    assert rules[id]["defaultConfiguration"] == {"level": "none", "enabled": False}, rules[id]
assert "enabled" not in rules["wip-limit"]["defaultConfiguration"]'
git checkout -q -
run standards --format json
py 'assert all(r["rule"] not in ("evidence-missing", "ritual-missed") for s in out["squads"] for r in s["rules"])'

t_begin "pops check: a pilot reports the pilot squad only, the roll-out every squad"
history
export POPS_TODAY=2026-03-31
run check --strict; expect_rc 1
expect_out "roadmap/payments.yaml:5:62: warning: PAY-3 is in 'now' and no document of type 'prd' lists it in 'items'; write one with 'pops doc new prd TITLE --item PAY-3', or add PAY-3 to the items of its PRD [prd-missing]"
expect_out "roadmap/platform.yaml:3:59: warning: PLAT-1 is in 'now' and no document of type 'prd' lists it in 'items'; write one with 'pops doc new prd TITLE --item PLAT-1', or add PLAT-1 to the items of its PRD [prd-missing]"
[ "$(printf '%s\n' "$OUT" | grep -c '\[prd-missing\]$')" = 2 ] && pass || fail "not 2 prd-missing findings"
expect_no_out "evidence-missing"
git checkout -q HEAD~1
run check --format json
py 'f = [x for x in out["findings"] if x["rule"] == "prd-missing"]
assert [(x["file"], x["line"], x["column"]) for x in f] == [("roadmap/payments.yaml", 5, 62)], f'
git checkout -q -
# Fixed: a PRD for each.
prd ledger.md PAY-3; prd queues.md PLAT-1
run check --strict; expect_rc 0

t_begin "pops standards: findings and compliance of prd-missing per squad, as pops.yaml said then"
history
export POPS_TODAY=2026-03-31
run standards --format json
# payments: 3 committed items (PAY-4 is in next); January off; 1 without a PRD in February and March.
# platform: PLAT-1 without one; measured in February though the pilot leaves it out.
py 'rows = {(s["squad"], r["rule"]): r for s in out["squads"] for r in s["rules"]}
p = rows[("payments", "prd-missing")]
assert p["severities"] == ["off", "warning", "warning"], p
assert p["findings"] == [None, 1, 1] and p["subjects"] == [None, 3, 3], p
assert p["compliance"] == [None, 0.667, 0.667], p
q = rows[("platform", "prd-missing")]
assert q["findings"] == [None, 1, 1] and q["compliance"] == [None, 0.0, 0.0], q
assert q["applies"] == [False, False, True], q
assert ("payments", "evidence-missing") not in rows and ("payments", "ritual-missed") not in rows'
run standards
expect_out_line '^payments  prd-missing +warning +– +1 · 67% +1 · 67%$'

t_begin "evidence-missing and ritual-missed turned on: check and standards"
history
cfg "rules:
  evidence-missing: warning
  ritual-missed: {severity: error, pilot: [payments]}"
note 2026-03-16
commit 2026-03-20 "Turn on evidence-missing and ritual-missed"
export POPS_TODAY=2026-03-31
run check; expect_rc 1
# Mondays from 2026-01-05: the last before 03-31 is 03-30, and no note is dated after 03-23.
expect_out "pops.yaml:11:14: error: ritual 'weekly-sync' (1 week on monday from 2026-01-05) was due 2026-03-30 and no note covers it (last held 2026-03-16); hold it and write its note with 'pops ritual new weekly-sync', or change its cadence [ritual-missed]"
expect_out "roadmap/payments.yaml:4:59: warning: PAY-2 is committed (in 'now', 'planned') and no feedback entry lists it in 'items'; link the feedback that asks for it with 'pops feedback link FB-ID PAY-2' [evidence-missing]"
expect_out "roadmap/payments.yaml:5:62: warning: PAY-3 is committed"
expect_out "roadmap/platform.yaml:3:59: warning: PLAT-1 is committed"
[ "$(printf '%s\n' "$OUT" | grep -c '\[evidence-missing\]$')" = 3 ] && pass || fail "not 3 evidence-missing findings"
run ritual list --format json
py 'r = [x for x in out if x["name"] == "weekly-sync"]
assert r and r[0]["missed_date"] == "2026-03-30", r'
run standards --format json
py 'rows = {(s["squad"], r["rule"]): r for s in out["squads"] for r in s["rules"]}
e = rows[("payments", "evidence-missing")]
assert e["findings"] == [None, None, 2] and e["subjects"] == [None, None, 3] and e["compliance"] == [None, None, 0.333], e
m = rows[("payments", "ritual-missed")]
assert m["findings"] == [None, None, 1] and m["subjects"] == [None, None, 1] and m["compliance"] == [None, None, 0.0], m'
# Held on 2026-03-30: on cadence again.
note 2026-03-30
run check; expect_no_out "ritual-missed"

t_begin "the examples of docs/rules.md are what pops prints"
for r in prd-missing evidence-missing ritual-missed; do
  grep -q "^## $r\$" "$SRC/docs/rules.md" && pass || fail "docs/rules.md has no section $r"
  run help rule "$r"; expect_rc 0; expect_out_line "^$r \\(default severity: off\\)$"
done
# The workspace of the examples: pops.yaml of ritual-missed's, PAY-3 of prd-missing's.
mkdir -p roadmap rituals/weekly-triage
awk '/^## ritual-missed$/ {on=1} on && /^```yaml$/ {y=1; next} y && /^```$/ {exit} y {print}' "$SRC/docs/rules.md" > pops.yaml
awk '/^## prd-missing$/ {on=1} on && /^```yaml$/ {y=1; next} y && /^```$/ {exit} y {print}' "$SRC/docs/rules.md" > roadmap/payments.yaml
printf -- '---\nritual: weekly-triage\ndate: 2026-11-16\n---\n# Notes\n' > rituals/weekly-triage/2026-11-16.md
POPS_TODAY=2026-11-25 run check; expect_rc 0
for r in prd-missing evidence-missing ritual-missed; do
  want=$(awk -v r="## $r" '$0 == r {on=1; next} on && /^## / {exit} on' "$SRC/docs/rules.md" | grep -F "[$r]")
  [ -n "$want" ] && printf '%s\n' "$OUT" | grep -Fxq -- "$want" && pass || fail "the example of $r is not what pops prints: $want"
done
