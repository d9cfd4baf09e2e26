# pops rank against scores computed by hand (tests/e2e/data/evidence-ws.sh): built-in RICE, a model of
# pops.yaml with demand, --explain whose terms add up to the score, missing inputs and division by
# zero reported (never zero), --misaligned, and `scoring:` errors located by pops check.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/data/evidence-ws.sh"

t_begin "rice and the default model of pops.yaml"
evidence_ws
run rank --model rice
expect_rc 0
expect_out "Items by rice: reach * impact * confidence / effort"
# reach * impact * confidence / effort: 500*3*1/1, 1000*2*0.8/4, 200*1*0.5/1, 10*1*1/10.
expect_out_line '^     1  PAY-2 +Data export +later +planned +1500$'
expect_out_line '^     2  PAY-1 +One-click refunds +now +in-progress +400$'
expect_out_line '^     3  PAY-3 +Partial refunds +next +idea +100$'
expect_out_line '^     4  PAY-5 +Receipt themes +now +planned +1$'
expect_out_line '^     -  PAY-4 +Refund webhooks +now +planned +-  missing effort$'
expect_no_out "PLAT-1"   # shipped
# value = rice + demand.arr / 1000; demand.arr counts each linked customer's latest ARR once:
# PAY-1 Initech 30000 + Acme 120000 + Globex 50000; PAY-2 Acme 120000 + Globex 50000 + Umbrella 20000.
run rank
expect_out "Items by value: reach * impact * confidence / effort + demand.arr / 1000"
expect_out_line '^     1  PAY-2 .* 1690$'
expect_out_line '^     2  PAY-1 .* 600$'
expect_out_line '^     3  PAY-3 .* 110$'
expect_out_line '^     4  PAY-5 .* 1$'
run rank --format json
echo "$OUT" > rank.json
python3 - rank.json <<'PY' && pass || fail "json ranks"
import json, sys
j = json.load(open(sys.argv[1]))
assert j["model"] == {"name": "value", "expression": "reach * impact * confidence / effort + demand.arr / 1000", "builtin": False}
got = [(x["id"], x["rank"], x["score"]) for x in j["items"]]
assert got == [("PAY-2", 1, 1690), ("PAY-1", 2, 600), ("PAY-3", 3, 110), ("PAY-5", 4, 1), ("PAY-4", None, None)], got
assert j["items"][4]["problem"] == "missing effort"
PY
run rank --horizon now --squad payments --format markdown
expect_out "| 1 | PAY-1 | One-click refunds | now | in-progress | 600 |  |"
expect_out "| - | PAY-4 | Refund webhooks | now | planned | - | missing effort |"
expect_no_out "PAY-2"
run rank --squad platform
expect_out "no open items"
run rank --squad paymnets
expect_rc 2
expect_err "unknown squad 'paymnets' (did you mean 'payments'?)"
run rank --model ice
expect_out_line '^     -  PAY-1 .* missing ease$'

t_begin "--explain: every term and input with its source; the terms add up to the score"
evidence_ws
run rank --explain PAY-1
expect_rc 0
expect_out "model value: reach * impact * confidence / effort + demand.arr / 1000 (pops.yaml)"
expect_out "score 600"
expect_out_line '^ +400  reach \* impact \* confidence / effort$'
expect_out_line '^  \+ +200  demand.arr / 1000$'
expect_out_line '^  = +600  score$'
expect_out_line '^  reach +1000  score.reach, roadmap/payments.yaml:7$'
expect_out_line '^  confidence +0.8  score.confidence, roadmap/payments.yaml:7$'
expect_out "demand.arr               200000  linked feedback: 4 entries (FB-4, FB-1, FB-2, FB-3) from 3 customers: Initech 30000, Acme 120000, Globex 50000"
run rank --explain PAY-1 --model money --format json
echo "$OUT" > explain.json
python3 - explain.json <<'PY' && pass || fail "explain json"
import json, sys
j = json.load(open(sys.argv[1]))["item"]
terms = [(t["text"], t["value"]) for t in j["terms"]]
assert terms == [("revenue_impact / 1000", 50), ("effort", -4)], terms
assert sum(v for _, v in terms) == j["score"] == 46
assert j["inputs"][0] == {"name": "revenue_impact", "value": 50000, "source": "field revenue_impact, roadmap/payments.yaml:8"}
PY
run rank --explain PAY-2 --format json
echo "$OUT" > e2.json
python3 - e2.json <<'PY' && pass || fail "terms add up"
import json, sys
j = json.load(open(sys.argv[1]))["item"]
assert abs(sum(t["value"] for t in j["terms"]) - j["score"]) < 1e-9 and j["score"] == 1690
PY
run rank --explain PAY-4
expect_rc 1
expect_out "not scored: missing effort"
expect_out_line '^  effort +missing  missing: PAY-4 has no score.effort \(roadmap/payments.yaml:[0-9]+\)$'
run rank --explain PAY-44
expect_rc 2
expect_err "unknown item 'PAY-44' (did you mean 'PAY-4'?)"

t_begin "division by zero is reported, not scored"
evidence_ws
sed -i 's/reach: 10, impact: 1, confidence: 100%, effort: 10/reach: 10, impact: 1, confidence: 100%, effort: 0/' roadmap/payments.yaml
run rank --model rice
expect_out_line '^     -  PAY-5 .* division by zero: effort is 0$'

t_begin "--misaligned: top third not in now, bottom third in now"
evidence_ws
run rank --misaligned
expect_rc 0
expect_out_line '^     1  PAY-2 .* 1690  ranks 1 of 4 \(top third\) but sits in later$'
expect_out_line '^     4  PAY-5 .* 1  ranks 4 of 4 \(bottom third\) but sits in now$'
expect_no_out "PAY-1 "
expect_no_out "PAY-3 "

t_begin "scoring: errors in pops.yaml are located by pops check and refused by pops rank"
evidence_ws
python3 - <<'PY'
s = open("pops.yaml").read()
s = s.replace("  default: value\n", "  default: brokn\n")
s = s.replace("    money: revenue_impact / 1000 - effort\n",
              "    money: revenue_impact / 1000 - effort\n    broken: reach * (impact\n    typo: demand.ar / 10\n    rice: reach\n")
open("pops.yaml", "w").write(s)
PY
run check
expect_rc 1
expect_out "pops.yaml:13:21: error: scoring model 'broken', column 9: this '(' is never closed"
expect_out "pops.yaml:14:11: error: scoring model 'typo', column 1: unknown name 'demand.ar' (did you mean 'demand.arr'?)"
expect_out "pops.yaml:15:5: error: scoring model 'rice' is built in"
expect_out "pops.yaml:9:12: error: unknown scoring model 'brokn' (did you mean 'broken'?)"
run rank --model broken
expect_rc 2
expect_err "scoring model 'broken' in pops.yaml has errors; run 'pops check'"
run rank --model ricee
expect_rc 2
expect_err "unknown scoring model 'ricee' (did you mean 'rice'?)"
