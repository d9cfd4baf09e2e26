# pops standards and pops pilot list|report|promote on a history built here (hand-computed): a rule
# piloted with one squad, its severity changed mid-history, a squad added mid-history, the rule rolled
# out; promote as a minimal edit with --commit; the docs examples are what pops prints.
. "$(dirname "$0")/lib.sh"
SRC=$(cd "$(dirname "$0")/../.." && pwd)

# cfg SQUADS RULE: pops.yaml with these squads and target-passed set to RULE.
cfg() { printf 'version: 1\nproduct: Test\nsquads:\n%brules:\n  target-passed: %s\n' "$1" "$2" > pops.yaml; }
TWO='  payments: {prefix: PAY}\n  platform: {prefix: PLAT}\n'
THREE='  payments: {prefix: PAY}\n  platform: {prefix: PLAT}\n  growth: {prefix: GRO}\n'

# The history of docs/commands.md's examples (the unit tests of lib/features/standards.cpp use it too):
#  01-05 target-passed a warning, pilot payments; PAY-1 (target 01-20), PAY-2 (03-01), PAY-3, PLAT-1 (01-25)
#  02-10 error, still piloted; growth added with GRO-1 (target 01-31)
#  03-03 rolled out; PAY-1 shipped
pilot_history() {
  git init -q . && mkdir roadmap
  cfg "$TWO" '{severity: warning, pilot: [payments]}'
  items payments "- {id: PAY-1, title: Refunds, status: planned, horizon: now, target: 2026-01-20}" \
    "- {id: PAY-2, title: Payouts, status: planned, horizon: now, target: 2026-03-01}" \
    "- {id: PAY-3, title: Ledger, status: planned, horizon: next}"
  items platform "- {id: PLAT-1, title: Queues, status: planned, horizon: now, target: 2026-01-25}"
  commit 2026-01-05 "Set up; target-passed piloted with payments"
  cfg "$THREE" '{severity: error, pilot: [payments]}'
  items growth "- {id: GRO-1, title: Referrals, status: planned, horizon: now, target: 2026-01-31}"
  commit 2026-02-10 "Add growth; target-passed becomes an error"
  cfg "$THREE" 'error'
  sed -i 's/PAY-1, title: Refunds, status: planned/PAY-1, title: Refunds, status: shipped/' roadmap/payments.yaml
  commit 2026-03-03 "Roll out target-passed"
}

# doc_block HEADING-PREFIX N: the Nth fenced block after the heading starting with HEADING-PREFIX.
doc_block() {
  awk -v h="$1" -v n="$2" 'index($0, h) == 1 { on = 1; next } on && /^## / { exit }
    on && /^```/ { if (inblock) { inblock = 0; if (++k == n) exit; next } inblock = 1; next }
    on && inblock && k == n - 1 { print }' "$SRC/docs/commands.md"
}

t_begin "standards: findings and compliance per squad and period, as pops.yaml said then"
pilot_history
export POPS_TODAY=2026-03-31
run standards
expect_rc 0
[ "$OUT" = "$(doc_block '## pops standards' 1)" ] && pass || fail "standards table differs from docs/commands.md"
expect_out_line '^payments  target-passed    error     1 · 50%                1 · 50%                1 · 0%$'
expect_out_line '^growth    target-passed    error     –                      1 · 0% \(not in force\)  1 · 0%$'
run standards --format json --squad payments
expect_rc 0
py 'assert list(out) == ["period", "periods", "ends", "commits", "squads"], list(out)
assert out["periods"] == ["2026-01", "2026-02", "2026-03"]
r = [x for x in out["squads"][0]["rules"] if x["rule"] == "target-passed"][0]
assert r["severities"] == ["warning", "error", "error"], r
assert r["findings"] == [1, 1, 1] and r["subjects"] == [2, 2, 1] and r["compliance"] == [0.5, 0.5, 0.0], r
assert r["piloted"] is False and r["applies"] == [True, True, True], r'
run standards --period quarter --format json
py 'assert out["periods"] == ["2026-Q1"]'
run standards --squad paymnts
expect_rc 2; expect_err "unknown squad 'paymnts'"
run standards --since 2026-04-01 --until 2026-03-01
expect_rc 2; expect_err "--since 2026-04-01 is after --until 2026-03-01"
# pops check itself still applies the pilot: at 02-10, only payments' finding.
git checkout -q HEAD~1
run check
expect_out "target-passed"
expect_no_out "PLAT-1"
git checkout -q -

t_begin "pilot list and report: from pops.yaml's history; a verdict that says too few"
pilot_history
export POPS_TODAY=2026-03-31
run pilot list
expect_rc 0
[ "$OUT" = "$(doc_block '## pops pilot list' 1)" ] && pass || fail "pilot list differs from docs/commands.md"
run pilot list --format json
py 'p = out["pilots"][0]
assert [e["what"] for e in p["events"]] == ["piloted", "severity", "rolled out"], p
assert p["state"] == "rolled out" and p["ended"] == "2026-03-03" and p["squads"] == ["payments"], p'
run pilot report target-passed
expect_rc 0
[ "$OUT" = "$(doc_block '## pops pilot list' 2)" ] && pass || fail "pilot report differs from docs/commands.md"
run pilot report target-passed --format json
py 'assert out["pilot_after"]["compliance"] == {"value": 0.0, "n": 2}, out["pilot_after"]
assert out["pilot_before"]["from"] is None and out["other_squads"] == ["platform", "growth"]
assert "Too few" in out["verdict"]'
run pilot report target-passed --format markdown
expect_out "## Pilot of target-passed"
run pilot report doc-stale
expect_rc 2; expect_err "rule 'doc-stale' was never under pilot in pops.yaml's history"
run pilot report doc-stal
expect_rc 2; expect_err "unknown rule 'doc-stal' (did you mean 'doc-stale'?)"

t_begin "pilot promote: widen, then roll out, as minimal edits with --commit"
pilot_history
cat >> pops.yaml <<'YAML'
  # PRD reviews, payments first
  doc-stale:
    severity: error
    pilot: [payments]  # since March
YAML
commit 2026-03-10 "Pilot doc-stale with payments"
before=$(cat pops.yaml)
run pilot promote doc-stale --squads growth,payments --commit
expect_rc 0
expect_err "widened the pilot of rule doc-stale to growth in pops.yaml"
# One line changed, nothing else.
[ "$(diff <(printf '%s\n' "$before") pops.yaml)" = "12c12
<     pilot: [payments]  # since March
---
>     pilot: [payments, growth]  # since March" ] && pass || fail "widen: $(cat pops.yaml)"
[ "$(git log -1 --format=%s)" = "Widen the pilot of rule doc-stale to growth" ] && pass || fail "commit: $(git log -1 --format=%s)"
run pilot promote doc-stale --all --commit
expect_rc 0
# The key goes, its comment stays as a comment line.
[ "$(diff <(printf '%s\n' "$before") pops.yaml)" = "12c12
<     pilot: [payments]  # since March
---
>     # since March" ] && pass || fail "roll out: $(cat pops.yaml)"
[ "$(git log -1 --format=%s)" = "Roll out rule doc-stale to every squad" ] && pass || fail "commit: $(git log -1 --format=%s)"
run pilot list --format json
py 'p = [x for x in out["pilots"] if x["rule"] == "doc-stale"][0]
assert [e["what"] for e in p["events"]] == ["piloted", "widened", "rolled out"], p'
run pilot promote doc-stale --all
expect_rc 2; expect_err "rule 'doc-stale' is not under pilot in pops.yaml"
run pilot promote target-passed --squads nope
expect_rc 2
