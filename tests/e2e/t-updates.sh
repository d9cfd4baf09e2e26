# pops item update: health-rated updates appended to an item's (or an initiative's) `updates:` as a
# minimal edit (absent, block and flow lists, byte-compared); a refused health with a suggestion;
# the author from git's user.email; pops show (latest health, history); digest JSON at_risk and the
# text section; the rule update-stale at its default and a configured limit; log and diff.
. "$(dirname "$0")/lib.sh"
SRC=$(cd "$(dirname "$0")/../.." && pwd)

t_begin "item update: a new block list when updates: is absent, the rest byte-identical"
make_ws
cp roadmap/payments.yaml before.yaml
run item update PAY-1 --health at-risk --note "Ledger API late" --date 2026-11-20
expect_rc 0
expect_err "rated PAY-1 at-risk on 2026-11-20 in roadmap/payments.yaml"
cp before.yaml expected.yaml
cat >> expected.yaml <<'YAML'
    updates:
      - date: 2026-11-20
        health: at-risk
        note: Ledger API late
YAML
cmp -s expected.yaml roadmap/payments.yaml && pass || fail "absent: $(diff expected.yaml roadmap/payments.yaml)"
# A second update goes after the first, as a block entry.
run item update PAY-1 --health on-track --note "API delivered" --date 2026-11-21
expect_rc 0
cat >> expected.yaml <<'YAML'
      - date: 2026-11-21
        health: on-track
        note: API delivered
YAML
cmp -s expected.yaml roadmap/payments.yaml && pass || fail "block: $(diff expected.yaml roadmap/payments.yaml)"
run check
expect_rc 0

t_begin "item update: a flow list gets a flow entry; comments and other items untouched"
make_ws
items payments \
  "# refunds first" \
  "- {id: PAY-1, title: One-click refunds, status: in-progress, updates: [{date: 2026-11-01, health: on-track, note: go}]}  # keep" \
  "- {id: PAY-2, title: Refund API, status: planned}"
cp roadmap/payments.yaml before.yaml
run item update PAY-1 --health off-track --note "blocked: vendor" --date 2026-11-22
expect_rc 0
sed 's/note: go}]}/note: go}, {date: 2026-11-22, health: off-track, note: "blocked: vendor"}]}/' before.yaml > expected.yaml
cmp -s expected.yaml roadmap/payments.yaml && pass || fail "flow: $(diff expected.yaml roadmap/payments.yaml)"

t_begin "item update: a wrong health is refused with a suggestion; nothing is written"
make_ws
cp roadmap/payments.yaml before.yaml
run item update PAY-1 --health at-rsik --note x
expect_rc 2
expect_err "pops: error: unknown health 'at-rsik' (did you mean 'at-risk'?)"
run item update PAY-1 --health on-track --note "" 
expect_rc 2
expect_err "say what changed with --note TEXT"
run item update PAY-1 --health on-track --note x --date 2026-13-01
expect_rc 2
expect_err "--date '2026-13-01' is not a date"
run item update PAY-9 --health on-track --note x
expect_rc 2
expect_err "unknown item 'PAY-9'"
cmp -s before.yaml roadmap/payments.yaml && pass || fail "a refused update wrote"
# A bad value written by hand is a schema finding, with the same suggestion.
items payments "- {id: PAY-1, title: One-click refunds, status: in-progress, updates: [{date: 2026-11-01, health: offtrack}]}"
run check
expect_rc 1
expect_out "unknown health 'offtrack' (did you mean 'off-track'?)"

t_begin "item update: the author from git's user.email when it is a person's; --author; unknown author"
make_ws
git init -q .
git config user.email Alice@Example.com
run item update PAY-1 --health on-track --note fine --date 2026-11-20
expect_rc 0
expect_out ""
grep -q "        author: alice" roadmap/payments.yaml && pass || fail "author: $(cat roadmap/payments.yaml)"
git config user.email nobody@example.com
run item update PAY-1 --health on-track --note again --date 2026-11-21
[ "$(grep -c 'author:' roadmap/payments.yaml)" = 1 ] && pass || fail "an unknown email gave an author"
run item update PAY-1 --health on-track --note third --date 2026-11-22 --author bo
grep -q "        author: bo" roadmap/payments.yaml && pass || fail "--author"
run item update PAY-1 --health on-track --note x --author zed
expect_rc 2
expect_err "unknown person 'zed' as author"

t_begin "item update INITIATIVE: pops.yaml's initiative gets the update"
make_ws
cat >> pops.yaml <<'YAML'
initiatives:
  INI-1:
    title: Self-serve refunds   # the H1 bet
    target: 2026-Q4
YAML
cp pops.yaml before.yaml
run item update INI-1 --health at-risk --note "ledger late" --date 2026-11-20
expect_rc 0
expect_err "rated initiative INI-1 at-risk on 2026-11-20 in pops.yaml"
cp before.yaml expected.yaml
cat >> expected.yaml <<'YAML'
    updates:
      - date: 2026-11-20
        health: at-risk
        note: ledger late
YAML
cmp -s expected.yaml pops.yaml && pass || fail "initiative: $(diff expected.yaml pops.yaml)"
run initiatives --format json
py 'assert out["initiatives"][0]["health"] == "at-risk", out'
run show INI-1
expect_out_line '^  health: +at-risk \(2026-11-20\)$'
expect_out_line '^  2026-11-20  at-risk +ledger late$'

t_begin "show: the latest health and the history, newest first"
make_ws
run item update PAY-1 --health on-track --note started --date 2026-11-01
run item update PAY-1 --health at-risk --note "vendor slow" --date 2026-11-15
run show PAY-1
expect_rc 0
expect_out_line '^  health: +at-risk \(2026-11-15\)$'
[ "$(printf '%s\n' "$OUT" | sed -n '/^updates:/,/^$/p')" = "updates:
  2026-11-15  at-risk    vendor slow
  2026-11-01  on-track   started" ] && pass || fail "history: $OUT"
run show PAY-1 --format json
py '
assert out["health"] == {"health": "at-risk", "date": "2026-11-15", "note": "vendor slow"}, out["health"]
assert [u["date"] for u in out["updates"]] == ["2026-11-01", "2026-11-15"], out["updates"]
'

t_begin "update-stale: 13 days fresh, 14 and 15 stale; days configurable; pilotable"
make_ws
run item update PAY-1 --health on-track --note started --date 2026-11-09
POPS_TODAY=2026-11-22 run check   # 13 days
expect_no_out "update-stale"
POPS_TODAY=2026-11-23 run check   # 14 days
expect_out "roadmap/payments.yaml:"
expect_out "PAY-1 is in progress and its latest update is 14 days old (2026-11-09, on-track); the limit is 14 days"
expect_out "[update-stale]"
want=$(grep -F '[update-stale]' "$SRC/docs/rules.md" | head -1)
[ -n "$want" ] && printf '%s\n' "$OUT" | grep -qxF -- "$want" && pass || fail "docs/rules.md shows: $want; check: $OUT"
POPS_TODAY=2026-11-24 run check --format json   # 15 days
py '
f = [x for x in out["findings"] if x["rule"] == "update-stale"]
assert len(f) == 1 and f[0]["severity"] == "warning" and "15 days old" in f[0]["message"], f
'
cat >> pops.yaml <<'YAML'
rules:
  update-stale: {days: 21}
YAML
POPS_TODAY=2026-11-29 run check   # 20 days of 21
expect_no_out "update-stale"
POPS_TODAY=2026-11-30 run check   # 21 days
expect_out "the limit is 21 days"
sed -i 's/update-stale: {days: 21}/update-stale: {days: 21, pilot: [platform]}/' pops.yaml
POPS_TODAY=2026-11-30 run check
expect_no_out "update-stale"
sed -i 's/update-stale: {days: 21, pilot: \[platform\]}/update-stale: {days: 0}/' pops.yaml
run check
expect_rc 1
expect_out "'days' of rule 'update-stale' must be at least 1"

t_begin "digest: at_risk in JSON (latest update at-risk or off-track), an At risk section in text"
make_ws
items platform \
  "- {id: PLAT-1, title: Ledger service, status: in-progress, updates: [{date: 2026-11-02, health: at-risk, note: old}, {date: 2026-11-10, health: on-track, note: fixed}]}" \
  "- {id: PLAT-2, title: EU residency, status: planned, updates: [{date: 2026-11-18, health: off-track, note: no vendor}]}"
git init -q .
commit 2026-11-01 "Start"
run item update PAY-1 --health at-risk --note "Ledger API late" --date 2026-11-20
commit 2026-11-20 "PAY-1 at risk"
run digest --since 2026-11-01 --format json
expect_rc 0
py '
assert out["at_risk"] == [
  {"id": "PAY-1", "title": "One-click refunds", "squad": "payments", "health": "at-risk", "date": "2026-11-20", "note": "Ledger API late"},
  {"id": "PLAT-2", "title": "EU residency", "squad": "platform", "health": "off-track", "date": "2026-11-18", "note": "no vendor"}], out["at_risk"]
'
run digest --since 2026-11-01 --format text
expect_out "At risk (2)"
expect_out "  PAY-1  One-click refunds (payments): at-risk since 2026-11-20: Ledger API late"
run digest --since 2026-11-01 --format markdown
expect_out "## At risk (2)"
run report --format markdown
expect_out "At risk"
expect_out "PLAT-2"

t_begin "log and diff show a health change"
make_ws
git init -q .
commit 2026-11-01 "Start"
run item update PAY-1 --health at-risk --note "Ledger API late" --date 2026-11-20 --commit
expect_rc 0
run diff HEAD~1 HEAD
expect_out "  PAY-1  health  (none) -> at-risk (2026-11-20: Ledger API late)"
run log PAY-1
expect_out "  PAY-1  health  (none) -> at-risk (2026-11-20: Ledger API late)"
expect_out "Update PAY-1: at-risk: Ledger API late"

t_begin "log and diff show an initiative's changes in pops.yaml: health, target, added"
make_ws
git init -q .
commit 2026-11-01 "Start"
cat >> pops.yaml <<'YAML'
initiatives:
  INI-1:
    title: Self-serve refunds
    target: 2026-Q4
YAML
commit 2026-11-02 "Add INI-1"
run item update INI-1 --health at-risk --note "ledger late" --date 2026-11-20 --commit
expect_rc 0
sed -i 's/target: 2026-Q4/target: 2027-Q1/' pops.yaml
commit 2026-11-21 "INI-1 slips a quarter"
run diff HEAD~2 HEAD --format json; expect_rc 0
py '
got = [(c["entity"], c["id"], c["field"], c["old"], c["new"]) for c in out["changes"] if c["entity"] == "initiative"]
assert got == [("initiative", "INI-1", "target", "2026-Q4", "2027-Q1"), ("initiative", "INI-1", "health", None, "at-risk")], got
'
run log INI-1 --format json; expect_rc 0
py '
got = [(c["date"], [(x["kind"], x["field"]) for x in c["changes"]]) for c in out["commits"]]
assert got == [("2026-11-21", [("changed", "target")]), ("2026-11-20", [("changed", "health")]),
               ("2026-11-02", [("added", None)])], got
'
# A log of a squad leaves the initiatives out (they span squads); the whole log has them.
run log --squad payments --format json; expect_rc 0
py 'assert all(x["entity"] != "initiative" for c in out["commits"] for x in c["changes"]), out'
run log; expect_rc 0
expect_out "INI-1"
