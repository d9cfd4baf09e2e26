# pops capacity: squads' capacity (pops.yaml, format 1.3) against the planned effort of a quarter
# (hand-computed), JSON keys, the rule over-capacity with a pilot, squad add|set --capacity and init
# --squad capacity= as minimal edits, bad values refused, the sample, the docs examples.
. "$(dirname "$0")/lib.sh"
SRC=$(cd "$(dirname "$0")/../.." && pwd)

# cap_ws: make_ws with capacities (today is 2026-11-22, in 2026-Q4) and estimated items.
cap_ws() {
  make_ws
  sed -i 's/^  payments: {name: Payments, prefix: PAY, lead: alice, wip_limit: 2}$/  payments: {name: Payments, prefix: PAY, lead: alice, wip_limit: 2, capacity: 6}/' pops.yaml
  sed -i 's/^  platform: {name: Platform, prefix: PLAT, lead: bo}$/  platform: {name: Platform, prefix: PLAT, lead: bo, capacity: {2026-Q4: 10, 2027-Q1: 3}}/' pops.yaml
  sed -i 's/^product: Test Co$/product: Test Co\neffort_unit: person-weeks/' pops.yaml
  items payments \
    "- {id: PAY-1, title: One-click refunds, status: in-progress, target: 2026-12-15, score: {effort: 4}}" \
    "- {id: PAY-2, title: Refund API, status: planned, horizon: 2026-Q4, score: {effort: 3}}" \
    "- {id: PAY-3, title: Refund emails, status: planned, horizon: now}" \
    "- {id: PAY-4, title: Refund fax, status: dropped, dropped_reason: no, horizon: now, score: {effort: 9}}" \
    "- {id: PAY-5, title: Refund export, status: planned, horizon: next, score: {effort: 2}}"
  items platform \
    "- {id: PLAT-1, title: Ledger, status: shipped, horizon: 2027-Q1, score: {effort: 5}}" \
    "- {id: PLAT-2, title: SSO, status: planned, target: 2027-02-01, score: {effort: 4}}"
}

t_begin "capacity: planned effort per squad of the current quarter, over/under, unestimated"
cap_ws
run capacity
expect_rc 0
# payments 2026-Q4: PAY-1 by target (4) + PAY-2 by horizon (3) + PAY-3 by now (no estimate); PAY-4
# dropped, PAY-5 next: 7 of 6. platform: nothing in 2026-Q4.
[ "$OUT" = "squad     capacity   planned      over  unestimated
payments         6         7        +1  PAY-3
platform        10         0       -10" ] && pass || fail "capacity text: $OUT"
expect_err "capacity of 2026-Q4 in person-weeks"
# 2027-Q1 has not started: the shipped PLAT-1 shipped before it; PLAT-2 by target; PAY-5 by next.
run capacity --period 2027-Q1 --format json
expect_rc 0
py 'assert list(out) == ["squads"], out
s = out["squads"]
assert [list(x) for x in s] == [["squad", "period", "capacity", "planned", "unestimated", "over", "unit", "items"]] * 2, s
assert s[0] == {"squad": "payments", "period": "2027-Q1", "capacity": 6, "planned": 2, "unestimated": [], "over": -4, "unit": "person-weeks", "items": ["PAY-5"]}, s[0]
assert s[1] == {"squad": "platform", "period": "2027-Q1", "capacity": 3, "planned": 4, "unestimated": [], "over": 1, "unit": "person-weeks", "items": ["PLAT-2"]}, s[1]'
run capacity --squad platform --period 2027-Q1 --format json
py 'assert [x["squad"] for x in out["squads"]] == ["platform"]'
run capacity --squad paymnts
expect_rc 2; expect_err "unknown squad 'paymnts' (did you mean 'payments'?)"
run capacity --period 2027-Q5
expect_rc 2; expect_err "--period '2027-Q5' is not a quarter; expected YYYY-Qn, e.g. 2027-Q1"

t_begin "over-capacity: a warning naming squad, period, planned, capacity and the unestimated items; a pilot"
cap_ws
run check
expect_rc 0
expect_out "pops.yaml:5:80: warning: squad 'payments' plans 7 person-weeks in 2026-Q4, over its capacity of 6 by 1; without an estimate: PAY-3 [over-capacity]"
expect_out "warning: squad 'platform' plans 4 person-weeks in 2027-Q1, over its capacity of 3 by 1 [over-capacity]"
run check --strict; expect_rc 1
cat >> pops.yaml <<'YAML'
rules:
  over-capacity: {severity: error, pilot: [platform]}
YAML
run check
expect_rc 1
expect_out "error: squad 'platform' plans 4 person-weeks in 2027-Q1"
case "$OUT" in *"squad 'payments' plans"*) fail "payments is not in the pilot: $OUT" ;; *) pass ;; esac
# A squad without capacity is not checked.
make_ws
items payments "- {id: PAY-1, title: Big, status: planned, horizon: now, score: {effort: 99}}"
run check; expect_rc 0
case "$OUT" in *over-capacity*) fail "no capacity, no check: $OUT" ;; *) pass ;; esac

t_begin "squad add|set --capacity: minimal edits of pops.yaml, squad list shows them"
cap_ws
git init -q . && git add -A && git commit -qm init
cp pops.yaml before.yaml
run squad set payments --capacity 2026-Q4=8,2027-Q1=5
expect_rc 0
expect_err "updated squad payments in pops.yaml: capacity=2026-Q4=8,2027-Q1=5"
[ "$(diff before.yaml pops.yaml)" = "5c5
<   payments: {name: Payments, prefix: PAY, lead: alice, wip_limit: 2, capacity: 6}
---
>   payments: {name: Payments, prefix: PAY, lead: alice, wip_limit: 2, capacity: {2026-Q4: 8, 2027-Q1: 5}}" ] && pass || fail "set diff: $(diff before.yaml pops.yaml)"
cp pops.yaml before.yaml
run squad add search --prefix SRCH --capacity 12
expect_rc 0
[ "$(diff before.yaml pops.yaml)" = "6a7
>   search: {prefix: SRCH, capacity: 12}" ] && pass || fail "add diff: $(diff before.yaml pops.yaml)"
run squad list
expect_rc 0
expect_out_line '^payments +Payments +PAY +alice +2 +2026-Q4=8,2027-Q1=5$'
expect_out_line '^search +SRCH +12$'
run squad list --format json
py 'c = {s["id"]: s["capacity"] for s in out}
assert c == {"payments": {"2026-Q4": 8, "2027-Q1": 5}, "platform": {"2026-Q4": 10, "2027-Q1": 3}, "search": 12}, c'
run squad set search --capacity ""
expect_rc 0
grep -qx '  search: {prefix: SRCH}' pops.yaml && pass || fail "capacity removed: $(grep search pops.yaml)"
cp pops.yaml before.yaml
run squad set payments --capacity lots
expect_rc 2
expect_err "pops: error: capacity 'lots' is not valid"
expect_err "hint: expected a number of 0 or more for every quarter (40), or quarters and numbers (2027-Q1=40,2027-Q2=36)"
cmp -s before.yaml pops.yaml && pass || fail "a refused value changed pops.yaml"

t_begin "a bad capacity in pops.yaml: file:line:col and what would be right"
cap_ws
sed -i 's/capacity: {2026-Q4: 10, 2027-Q1: 3}/capacity: {2026-Q5: 10, 2027-Q1: -3}/' pops.yaml
run check
expect_rc 1
expect_out "pops.yaml:6:65: error: capacity of squad 'platform' is by quarter, YYYY-Qn (e.g. 2027-Q1), found '2026-Q5' [schema]"
expect_out "error: capacity 2027-Q1 of squad 'platform' must be a number of 0 or more [schema]"

t_begin "pops schema: capacity (a number or quarters to numbers) and effort_unit"
if python3 -c 'import jsonschema, yaml' 2>/dev/null; then
  cap_ws
  run schema --out ../schemas; expect_rc 0
  python3 "$SRC/tests/e2e/schema_validate.py" --schemas ../schemas --root . pops.yaml >/dev/null && pass || fail "valid capacities refused"
  sed -i 's/capacity: {2026-Q4: 10, 2027-Q1: 3}/capacity: {2026-Q5: 10}/' pops.yaml
  python3 "$SRC/tests/e2e/schema_validate.py" --schemas ../schemas --root . pops.yaml >/dev/null && fail "a bad quarter accepted" || pass
  sed -i 's/capacity: {2026-Q5: 10}/capacity: -1/' pops.yaml
  python3 "$SRC/tests/e2e/schema_validate.py" --schemas ../schemas --root . pops.yaml >/dev/null && fail "a negative capacity accepted" || pass
  run schema pops
  py 'sq = out["properties"]["squads"]["additionalProperties"]["properties"]
assert "capacity" in sq, sq.keys()
assert "effort_unit" in out["properties"], out["properties"].keys()'
fi

t_begin "init --squad takes capacity=N and capacity.QUARTER=N"
run init ws --squad 'payments:PAY,capacity=40' --squad 'growth:GRW,wip_limit=3,capacity.2027-Q1=10,capacity.2027-Q2=12'
expect_rc 0
grep -qx '    capacity: 40' ws/pops.yaml && pass || fail "number: $(cat ws/pops.yaml)"
grep -qx '    capacity: {2027-Q1: 10, 2027-Q2: 12}' ws/pops.yaml && pass || fail "mapping: $(cat ws/pops.yaml)"
run -C ws check; expect_rc 0
run init ws2 --squad 'payments:PAY,capacity=many'
expect_rc 2
expect_err "capacity 'many' is not valid for squad 'payments'"

t_begin "the sample: payments over its capacity of the quarter, with an unestimated item"
run init --sample acme; expect_rc 0
run -C acme capacity
expect_rc 0
expect_out_line '^payments +7 +9 +\+2 +PAY-9$'
run -C acme check
expect_out "[over-capacity]"
[ "$(printf '%s\n' "$OUT" | grep -c over-capacity)" = 1 ] && pass || fail "one over-capacity: $OUT"
# pops export json: squads' capacity, effort_unit, objectives and each item's key_results.
run -C acme export json
expect_rc 0
py 'assert out["effort_unit"] == "person-months", out["effort_unit"]
sq = {s["id"]: s["capacity"] for s in out["squads"]}
assert sq == {"payments": {"2026-Q4": 7, "2027-Q1": 16}, "platform": 16, "growth": 7}, sq
assert [o["id"] for o in out["objectives"]][:2] == ["O1", "O2"], out["objectives"]
assert all(list(k) == ["id", "title", "metric", "baseline", "target", "series"] for o in out["objectives"] for k in o["key_results"])
kr = {i["id"]: i["key_results"] for i in out["items"]}
assert kr["PAY-1"] == ["O1-KR2"] and kr["PAY-9"] == [], kr'
# The report's capacity section (a bar of planned against capacity) and the strategy-sync note's.
run -C acme report --format markdown
expect_rc 0
expect_out "## Capacity of 2026-Q4"
expect_out '| payments | 7 | 9 | +2 | `##########` | PAY-9 |'
expect_out '| growth | 7 | 5 | -2 | `#######...` |  |'
run -C acme report -o "$PWD/dash.html"
expect_rc 0
grep -q '<section id="capacity">' dash.html && pass || fail "no capacity section in the HTML report"
grep -q '<td>payments</td><td class="n">7</td><td class="n">9</td><td class="n">+2</td><td><span class="cap"><span class="over" style="width: 100%"></span></span></td><td>PAY-9</td>' dash.html \
  && pass || fail "payments' capacity row: $(grep -o '<td>payments</td>[^\n]*PAY-9</td>' dash.html)"
run -C acme ritual new strategy-sync --dry-run
expect_rc 0
expect_out "+- payments: plans 9 of its capacity of 7 person-months, over by 2; not estimated: PAY-9"
expect_out "+- platform: plans 14 of its capacity of 16 person-months"
# The examples of docs/commands.md and docs/rules.md are the sample's output.
want=$(awk '/^\$ pops capacity$/ {on=1; next} on && /^```$/ {exit} on {print}' "$SRC/docs/commands.md")
[ -n "$want" ] && pass || fail "example not found in docs/commands.md"
run -C acme capacity
[ "$OUT" = "$want" ] && pass || fail "docs/commands.md shows other output than pops capacity: $want"
# README.md shows what a terminal shows, the heading on stderr first (t-readme runs it).
want=$(awk '/^\$ pops capacity$/ {on=1; next} on && /^```$/ {exit} on {print}' "$SRC/README.md")
[ -n "$want" ] && [ "$ERR
$OUT" = "$want" ] && pass || fail "README.md shows other output than pops capacity: $want"
want=$(awk '/^\$ pops check$/ {on=1; next} on && /^```$/ {exit} on {print}' "$SRC/README.md")
run -C acme check
[ -n "$want" ] && [ "$OUT
$ERR" = "$want" ] && pass || fail "README.md shows other output than pops check on the sample: $want"
want=$(grep -F '[over-capacity]' "$SRC/docs/rules.md" | head -1)
run -C acme check
[ -n "$want" ] && [ "$(printf '%s\n' "$OUT" | grep -F '[over-capacity]')" = "$want" ] && pass || fail "docs/rules.md shows: $want"

t_finish
