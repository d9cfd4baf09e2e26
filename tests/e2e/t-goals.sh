# pops goals: objectives and key results of pops.yaml with their progress (hand-computed), --period,
# --explain, JSON; the rules unknown-ref (key_results), key-result-unlinked and objective-stalled; the
# sample's goals; the editor schema of objectives.
. "$(dirname "$0")/lib.sh"
SRC=$(cd "$(dirname "$0")/../.." && pwd)

# goals_ws: make_ws plus objectives of 2026-Q4 (today is 2026-11-22) and 2027-Q1, a series, items.
goals_ws() {
  make_ws
  cat >> pops.yaml <<'YAML'
objectives:
  O1:
    title: Refunds merchants use
    owner: alice
    period: 2026-Q4
    key_results:
      O1-KR1:
        title: Merchants refunding each week
        metric: uniques
        baseline: 100
        target: 300
        series: {source: amplitude, key: Refund Issued}
      O1-KR2:
        title: Ship the refund flow
  O2:
    title: Enterprise-ready
    owner: bo
    period: 2027-Q1
    key_results:
      O2-KR1: {title: SSO for every enterprise account}
YAML
  items payments \
    "- {id: PAY-1, title: One-click refunds, status: in-progress, key_results: [O1-KR2], score: {effort: 3}}" \
    "- {id: PAY-2, title: Refund API, status: shipped, key_results: [O1-KR2], score: {effort: 5}}" \
    "- {id: PAY-3, title: Refund emails, status: planned, key_results: [O1-KR2], score: {effort: 2}}"
  items platform \
    "- {id: PLAT-1, title: SAML SSO, status: in-progress, key_results: [O2-KR1]}"
  mkdir -p metrics
  cat > metrics/adoption.yaml <<'YAML'
series:
  - source: amplitude
    key: Refund Issued
    metric: uniques
    points: {2026-09-28: 110, 2026-10-05: 140, 2026-11-16: 250}
YAML
}

t_begin "goals: progress from a series and from items weighted by effort"
goals_ws
run check
expect_rc 0
run goals
expect_rc 0
# O1-KR1: (250 - 100) / (300 - 100) = 0.75; O1-KR2: PAY-2 (5) of 3 + 5 + 2 = 0.5; O1: 0.625 (62%,
# rounded half to even as every number pops shows).
[ "$OUT" = "2026-Q4
  O1  62%  Refunds merchants use (alice)
    O1-KR1   75%  Merchants refunding each week  [series amplitude:Refund Issued, 250 (from 100 to 300)]
    O1-KR2   50%  Ship the refund flow  [items PAY-1, PAY-2, PAY-3 (by effort)]

2027-Q1
  O2  0%  Enterprise-ready (bo)
    O2-KR1    0%  SSO for every enterprise account  [items PLAT-1]" ] && pass || fail "goals text"
run goals --format json
expect_rc 0
py '
o = out["objectives"]
assert [x["id"] for x in o] == ["O1", "O2"]
assert list(o[0].keys())[:6] == ["id", "title", "owner", "period", "progress", "key_results"], list(o[0].keys())
assert o[0]["progress"] == 0.625 and o[0]["owner"] == "alice" and o[0]["period"] == "2026-Q4"
k1, k2 = o[0]["key_results"]
assert k1["id"] == "O1-KR1" and k1["source"] == "series" and k1["progress"] == 0.75 and k1["items"] == []
assert k1["series"] == {"source": "amplitude", "key": "Refund Issued"} and k1["value"] == 250 and k1["date"] == "2026-11-16"
assert k2["source"] == "items" and k2["progress"] == 0.5 and k2["items"] == ["PAY-1", "PAY-2", "PAY-3"]
assert k2["weighted_by"] == "effort" and "explain" not in k2
assert o[1]["key_results"][0]["progress"] == 0 and o[1]["key_results"][0]["weighted_by"] == "count"
'
run goals --period 2027-Q1 --format json
py 'assert [x["id"] for x in out["objectives"]] == ["O2"]'
run goals --period 2027-Q3
expect_rc 0
[ -z "$OUT" ] && pass || fail "no objectives: no output"
expect_err "no objectives in 2027-Q3"
run goals --period 2027-3
expect_rc 2
expect_err "pops: error: --period '2027-3' is not a quarter; expected YYYY-Qn, e.g. 2027-Q1"

t_begin "goals --explain shows each computation"
goals_ws
run goals --explain --period 2026-Q4
expect_rc 0
expect_out "      mean of 2 key results: (0.75 + 0.5) / 2 = 0.62"
expect_out "      series amplitude:Refund Issued: latest 250 on 2026-11-16; (250 - 100) / (300 - 100) = 0.75"
expect_out "      items: 1 of 3 shipped (PAY-2), weighted by effort: (5) / (3 + 5 + 2) = 0.5"
run goals --explain --format json
py 'assert out["objectives"][1]["key_results"][0]["explain"] == "items: 0 of 1 shipped (none), counted: 0 / 1 = 0 (no effort on PLAT-1)"'

t_begin "goals: items without effort are counted, dropped ones left out"
goals_ws
items payments \
  "- {id: PAY-1, title: One-click refunds, status: in-progress, key_results: [O1-KR2]}" \
  "- {id: PAY-2, title: Refund API, status: shipped, key_results: [O1-KR2], score: {effort: 5}}" \
  "- {id: PAY-3, title: Refund emails, status: dropped, dropped_reason: later, key_results: [O1-KR2]}"
run goals --explain --period 2026-Q4 --format json
py '
k = out["objectives"][0]["key_results"][1]
assert k["progress"] == 0.5 and k["weighted_by"] == "count", k
assert k["items"] == ["PAY-1", "PAY-2", "PAY-3"]
assert k["explain"] == "items: 1 of 2 shipped (PAY-2), counted: 1 / 2 = 0.5 (no effort on PAY-1); 1 dropped left out", k["explain"]
'

t_begin "unknown-ref: an item naming an unknown key result"
goals_ws
items platform "- {id: PLAT-1, title: SAML SSO, status: in-progress, key_results: [O2-KR2]}"
run check
expect_rc 1
expect_out "roadmap/platform.yaml:3:70: error: unknown key result 'O2-KR2' in key_results (did you mean 'O1-KR2'?); key results are declared under 'objectives:' in pops.yaml [unknown-ref]"

t_begin "key-result-unlinked: nothing linked, a series not imported, an objective without key results"
goals_ws
items platform "- {id: PLAT-1, title: SAML SSO, status: in-progress}"
rm metrics/adoption.yaml
cat >> pops.yaml <<'YAML'
  O3:
    title: Someday
    period: 2027-Q1
YAML
run check
expect_rc 0
expect_out "pops.yaml:26:7: warning: key result 'O1-KR1' names series amplitude:Refund Issued, which no metrics file holds; import it with 'pops adoption import' or fix 'series' [key-result-unlinked]"
expect_out "pops.yaml:39:7: warning: key result 'O2-KR1' has nothing linked: give it a 'series', or list it in the 'key_results' of the items that deliver it [key-result-unlinked]"
expect_out "pops.yaml:40:3: warning: objective 'O3' has no key results; add one under its 'key_results' [key-result-unlinked]"
run check --strict
expect_rc 1

t_begin "objective-stalled: no progress since the quarter started, and the fix"
goals_ws
items payments "- {id: PAY-1, title: One-click refunds, status: in-progress, key_results: [O1-KR2]}"
cat > metrics/adoption.yaml <<'YAML'
series:
  - {source: amplitude, key: Refund Issued, metric: uniques, points: {2026-09-28: 110, 2026-11-16: 105}}
YAML
run check
expect_rc 0
expect_out "pops.yaml:21:3: warning: objective 'O1' of 2026-Q4 has made no progress since the period started on 2026-10-01 [objective-stalled]"
# Less than two weeks into the quarter: not yet.
POPS_TODAY=2026-10-14 run check
expect_no_out "objective-stalled"
# One item shipped: progress.
items payments "- {id: PAY-1, title: One-click refunds, status: shipped, key_results: [O1-KR2]}"
run check
expect_no_out "objective-stalled"

t_begin "objectives in pops.yaml are checked"
goals_ws
sed -i 's/period: 2027-Q1/period: Q1-2027/; s/O2-KR1:/O1-KR2:/' pops.yaml
run check
expect_rc 1
expect_out "'period' of objective 'O2' must be a quarter, YYYY-Qn (e.g. 2027-Q1), found 'Q1-2027' [schema]"
expect_out "pops.yaml:39:7: error: 'O1-KR2' is used twice in 'objectives'; objective and key result ids are unique [schema]"

t_begin "the schema of pops.yaml and roadmap files knows objectives and key_results"
goals_ws
run schema --out s
expect_rc 0
python3 - <<'PY' && pass || fail "schema of objectives"
import json
p = json.load(open("s/pops.schema.json"))
o = p["properties"]["objectives"]
assert o["additionalProperties"]["required"] == ["title", "period"]
kr = o["additionalProperties"]["properties"]["key_results"]["additionalProperties"]
assert set(kr["properties"]) == {"title", "metric", "baseline", "target", "series", "description"}
r = json.load(open("s/roadmap.schema.json"))
s = json.dumps(r)
assert "O1-KR2" in s and "O2-KR1" in s
PY

t_begin "the sample has goals of two quarters, measured by a series and by items"
"$POPS" init --sample ws >/dev/null 2>&1 || fail "init --sample"
cd ws
run check
expect_rc 0
expect_no_out "key-result-unlinked"
expect_no_out "objective-stalled"
run goals --format json
py '
o = out["objectives"]
assert [x["id"] for x in o] == ["O1", "O2", "O3"]
assert o[0]["period"] == o[1]["period"] != o[2]["period"]
k = o[0]["key_results"]
assert k[0]["source"] == "series" and k[0]["value"] == 266 and abs(k[0]["progress"] - 0.464) < 1e-9, k[0]
# PAY-1 (5) and PAY-6 (1) shipped of GRW-3 (3), PAY-1, PAY-6: 6 / 9.
assert k[1]["source"] == "items" and k[1]["items"] == ["GRW-3", "PAY-1", "PAY-6"] and k[1]["progress"] == 0.6667, k[1]
# PLAT-2 (3) shipped of PAY-3 (3), PAY-4 (4), PLAT-2 (3).
assert o[1]["key_results"][0]["progress"] == 0.3
assert o[2]["progress"] == 0
'

t_begin "the roadmap's formats show each item's initiative and key results"
"$POPS" init --sample ws >/dev/null 2>&1 || fail "init --sample"
cd ws || exit 1
run roadmap --format csv; expect_rc 0
printf '%s' "$OUT" | python3 -c '
import csv, io, sys
rows = list(csv.reader(io.StringIO(sys.stdin.read())))
head = rows[0]
assert head[-2:] == ["initiative", "key_results"], head
by = {r[0]: dict(zip(head, r)) for r in rows[1:]}
assert by["PAY-4"]["initiative"] == "INI-1" and by["PAY-4"]["key_results"] == "O2-KR1", by["PAY-4"]
assert by["GRW-3"]["initiative"] == "" and by["GRW-3"]["key_results"] == "O1-KR2", by["GRW-3"]
' && pass || fail "csv lacks the initiative or key results"
run roadmap --format markdown; expect_rc 0
expect_out "| ID | Title | Status | Squad | Owner | Target | Initiative | Key results |"
expect_out "| PAY-4 | SEPA Direct Debit | in-progress | payments | dev | 2026-12-10 | INI-1 | O2-KR1 |"
OUT=$(COLUMNS=260 "$POPS" roadmap --format board --squad payments 2>/dev/null)
expect_out "  in-progress  2026-12-10  @dev  ^INI-1  kr O2-KR1"
cd .. || exit 1

t_begin "digest: the goals of the quarter, their progress before and after the period, what moved"
"$POPS" init --sample dg >/dev/null 2>&1 || fail "init --sample"
cd dg || exit 1
# From 2026-11-20 (after the objectives came in on 11-16): nothing moved since.
run digest --since 2026-11-20 --format json; expect_rc 0
py '
g = {x["id"]: x for x in out["goals"]}
assert sorted(g) == ["O1", "O2"] and all(x["period"] == "2026-Q4" for x in g.values()), g
assert abs(g["O1"]["progress"] - 0.5653333) < 1e-6 and g["O1"]["progress_before"] == g["O1"]["progress"], g["O1"]
assert g["O1"]["moved"] == [] and g["O1"]["new"] is False, g["O1"]
assert g["O2"]["progress"] == 0.3, g["O2"]
'
# From 2026-11-10: the objectives are new in the period, every key result with progress moved.
run digest --since 2026-11-10 --format markdown; expect_rc 0
expect_out "## Goals of 2026-Q4"
expect_out "- **O1** Turn more signups into paying teams: 57% (new in the period); moved: O1-KR1, O1-KR2"
run digest --since 2026-11-10 --format text; expect_rc 0
expect_out "  O2  Refunds and payments customers trust: 30% (new in the period); moved: O2-KR1"
cd .. || exit 1

t_begin "the example of pops goals in docs/commands.md is its output on the sample"
want=$(awk '/^\$ pops goals --explain --period 2026-Q4$/ {on=1; next} on && /^```$/ {exit} on {print}' "$SRC/docs/commands.md")
[ -n "$want" ] && pass || fail "example not found in docs/commands.md"
"$POPS" init --sample ws >/dev/null 2>&1 || fail "init --sample"
run -C ws goals --explain --period 2026-Q4
expect_rc 0
[ "$OUT" = "$want" ] && pass || fail "docs/commands.md shows other output than pops goals --explain --period 2026-Q4"

t_begin "the example of pops goals in README.md is its output on the sample"
want=$(awk '/^\$ pops goals --period 2026-Q4$/ {on=1; next} on && /^```$/ {exit} on {print}' "$SRC/README.md")
[ -n "$want" ] && pass || fail "example not found in README.md"
"$POPS" init --sample ws >/dev/null 2>&1 || fail "init --sample"
run -C ws goals --period 2026-Q4
[ "$OUT" = "$want" ] && pass || fail "README.md shows other output than pops goals --period 2026-Q4"

t_begin "show: the key results an item delivers, with their progress"
goals_ws
run show PAY-2
expect_rc 0
expect_out "key results:"
expect_no_out "O1-KR1"
expect_out_line '^  O1-KR2 +50%  Ship the refund flow \(O1, 2026-Q4\)$'
run show PAY-2 --format json
py 'assert out["key_results"] == [{"id": "O1-KR2", "title": "Ship the refund flow", "objective": "O1", "period": "2026-Q4", "progress": 0.5}], out["key_results"]'

t_begin "item set key_results+= links an item to a key result with a minimal edit"
goals_ws
items platform \
  "# the SSO work" \
  "- id: PLAT-1" \
  "  title: SAML SSO   # from the RFP" \
  "  status: in-progress"
cp roadmap/platform.yaml before.yaml
run item set PLAT-1 key_results+=O2-KR1
expect_rc 0
[ "$(diff before.yaml roadmap/platform.yaml)" = "6a7
>     key_results: [O2-KR1]" ] && pass || fail "edit: $(diff before.yaml roadmap/platform.yaml)"
run goals --period 2027-Q1 --format json
py 'assert out["objectives"][0]["key_results"][0]["items"] == ["PLAT-1"]'
run item set PLAT-1 key_results+=O2-KR9
expect_rc 1
expect_err "unknown key result 'O2-KR9'"

t_begin "the report has the goals of the current quarter"
"$POPS" init --sample ws >/dev/null 2>&1 || fail "init --sample"
run -C ws report --format markdown
expect_rc 0
expect_out "## Goals of 2026-Q4"
expect_out "| **O1 Turn more signups into paying teams** | carmen | 57% | |"
expect_out "| O1-KR1 Teams completing onboarding each week | | 46% | series amplitude:Onboarding Completed |"
expect_out "| O2-KR1 Self-serve refunds and SEPA on webhooks v2 | | 30% | items PAY-3, PAY-4, PLAT-2 |"
expect_no_out "O3-KR1"
run -C ws report -o r.html
expect_rc 0
grep -q '<section id="goals">' ws/r.html 2>/dev/null || grep -q '<section id="goals">' r.html && pass || fail "no goals section in the HTML"

t_begin "roadmap JSON lists an item's key results; a strategy sync note shows the quarter's goals"
"$POPS" init --sample ws >/dev/null 2>&1 || fail "init --sample"
run -C ws roadmap --format json
expect_rc 0
py '
items = {i["id"]: i for c in out["columns"] for i in c["items"]}
assert items["PAY-3"]["key_results"] == ["O2-KR1"] and items["PAY-5"]["key_results"] == []
'
run -C ws ritual new strategy-sync --dry-run
expect_rc 0
expect_out "+## Goals of 2026-Q4"
expect_out "+- **O1** Turn more signups into paying teams (carmen): 57%"
expect_out "+  - O1-KR1 Teams completing onboarding each week: 46%"
expect_out "+- **O2** Refunds and payments customers trust (alice): 30%"

t_begin "the examples of key-result-unlinked and objective-stalled in docs/rules.md"
make_ws
{ printf 'objectives:\n  O2:\n    title: Enterprise-ready\n    period: 2027-Q1\n    key_results:\n      O2-KR1: {title: SSO for every enterprise account}\n'; cat pops.yaml; } > p.yaml && mv p.yaml pops.yaml
run check
want=$(grep -F '[key-result-unlinked]' "$SRC/docs/rules.md" | head -1)
[ -n "$want" ] && [ "$OUT" = "$want" ] && pass || fail "docs/rules.md shows: $want"
# The fix: an item lists it.
items platform "- {id: PLAT-1, title: Ledger service, status: shipped, key_results: [O2-KR1]}"
run check
expect_no_out "key-result-unlinked"
make_ws
{ printf '# Goals\nobjectives:\n  O1:\n    title: Refunds\n    period: 2027-Q1\n    key_results:\n      O1-KR1: {title: Ship refunds}\n'; cat pops.yaml; } > p.yaml && mv p.yaml pops.yaml
items payments "- {id: PAY-1, title: One-click refunds, status: in-progress, key_results: [O1-KR1]}"
POPS_TODAY=2027-02-01 run check
want=$(grep -F '[objective-stalled]' "$SRC/docs/rules.md" | head -1)
[ -n "$want" ] && [ "$OUT" = "$want" ] && pass || fail "docs/rules.md shows: $want"

t_begin "the examples of docs/format.md: objectives, a roadmap item linking a key result, a series"
block() {  # block HEADING: the first yaml block after the line HEADING of docs/format.md
  awk -v h="$1" '$0 == h {on=1} on && /^```yaml$/ {p=1; next} p && /^```$/ {exit} p {print}' "$SRC/docs/format.md"
}
block "## pops.yaml" > pops.yaml
mkdir -p roadmap metrics
block "## Roadmap files" > roadmap/payments.yaml
block "## Metrics files: metrics/**/*.yaml" > metrics/adoption.yaml
run goals --format json
expect_rc 0
# O1-KR1: latest Refund Completed uniques 398 (2026-11-02): (398 - 120) / (400 - 120); O1-KR2: PAY-12
# in progress, none shipped: 0.
py '
o = out["objectives"][0]
k1, k2 = o["key_results"]
assert k1["value"] == 398 and k1["date"] == "2026-11-02" and k1["progress"] == round(278 / 280, 4), k1
assert k2["items"] == ["PAY-12"] and k2["progress"] == 0, k2
assert o["progress"] == round(278 / 280 / 2, 4), o
'
run check
expect_no_out "key-result-unlinked"

t_begin "diff and log show a change of key_results"
goals_ws
git init -q .
commit 2026-11-01 "Goals"
run item set PAY-3 key_results-=O1-KR2
expect_rc 0
commit 2026-11-02 "PAY-3 leaves O1-KR2"
run diff HEAD~1 HEAD
expect_out "  PAY-3  key_results  O1-KR2 -> (none)"
run log PAY-3
expect_out "  PAY-3  key_results  O1-KR2 -> (none)"
