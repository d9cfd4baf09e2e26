# pops insights against figures computed by hand (tests/e2e/data/evidence-ws.sh): entries, unique
# customers, ARR counted once per customer (their latest ARR), trends against the previous period,
# missing figures shown as missing, unlinked feedback by tag, high demand in later/idea, now without
# evidence.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/data/evidence-ws.sh"

t_begin "by item: entries, customers, ARR once per customer, trend"
evidence_ws
run check
expect_rc 0
run insights --since 2026-11-01 --until 2026-11-30
expect_rc 0
expect_out "Feedback by item, 2026-11-01 to 2026-11-30 (30 days); trend against 2026-10-02 to 2026-10-31"
# PAY-1: FB-1, FB-2, FB-3; Acme (latest ARR 120000, counted once) + Globex 50000; October had FB-4.
expect_out_line '^  PAY-1 +One-click refunds +3 +2 +170000  \+2 \(\+200%\)$'
# PAY-2: FB-3, FB-5, FB-6; Globex 50000 + Umbrella 20000, Hooli unknown; October had FB-9.
expect_out_line '^  PAY-2 +Data export +3 +3 +70000  \+2 \(\+200%\)$'
expect_out_line '^  PAY-3 +Partial refunds +1 +1 +10000  \+1 \(new\)$'
order=$(printf '%s\n' "$OUT" | grep -oE '^  PAY-[0-9]+ ' | head -3 | tr -d ' \n')
[ "$order" = "PAY-1PAY-2PAY-3" ] && pass || fail "groups by ARR, highest first: $order"
expect_out_line '^  export +1  FB-7$'
expect_out_line '^  \(untagged\) +1  FB-8$'
expect_out_line '^  PAY-2 +Data export +planned +later +3 customers, ARR 70000$'
expect_out_line '^  PAY-4 +Refund webhooks +planned$'
expect_out_line '^  PAY-5 +Receipt themes +planned$'
# PAY-3 is an idea with one customer: not high demand with the default of 3.
expect_no_out "PAY-3        Partial refunds              idea"
run insights --since 2026-11-01 --until 2026-11-30 --min-customers 1
expect_out_line '^  PAY-3 +Partial refunds +idea +next +1 customers, ARR 10000$'

t_begin "by customer: one customer's ARR once, however many entries; missing ARR is missing"
evidence_ws
run insights --by customer --since 2026-11-01 --until 2026-11-30 --format json
expect_rc 0
echo "$OUT" > out.json
python3 - out.json <<'PY' && pass || fail "json figures"
import json, sys
j = json.load(open(sys.argv[1]))
g = {x["key"]: x for x in j["groups"]}
assert g["Acme"]["entries"] == 2 and g["Acme"]["customers"] == 1, g["Acme"]
assert g["Acme"]["arr"] == 120000, g["Acme"]["arr"]            # not 100000 + 120000
assert g["Acme"]["previous"]["entries"] == 1 and g["Acme"]["trend"] == 1 and g["Acme"]["trend_pct"] == 100
assert g["Hooli"]["arr"] is None                                  # no data: missing, not 0
assert g["Globex"]["trend_pct"] is None and g["Globex"]["trend"] == 1
assert g["Initech"]["entries"] == 0 and g["Initech"]["previous"]["entries"] == 1 and g["Initech"]["trend"] == -1
assert g["Initech"]["trend_pct"] == -100
assert [x["key"] for x in j["groups"]][:3] == ["Acme", "Globex", "Umbrella"], [x["key"] for x in j["groups"]]
assert j["period"] == {"since": "2026-11-01", "until": "2026-11-30"}
assert j["previous_period"] == {"since": "2026-10-02", "until": "2026-10-31"}
assert [x["id"] for x in j["now_without_evidence"]] == ["PAY-4", "PAY-5"]
assert j["unlinked_by_tag"] == [{"tag": "export", "feedback": ["FB-7"]}, {"tag": None, "feedback": ["FB-8"]}]
PY

t_begin "by tag, segment, source; markdown; the default period is the last 90 days"
evidence_ws
run insights --by tag --since 2026-11-01 --until 2026-11-30
expect_out_line '^  refunds +2 +1 +120000  \+2 \(new\)$'
expect_out_line '^  export +2 +2 +- +\+2 \(new\)$'
run insights --by segment --since 2026-11-01 --until 2026-11-30
expect_out_line '^  enterprise +2 +1 +120000  \+2 \(new\)$'
expect_out_line '^  \(no segment\) +6 +6 +80000  \+4 \(\+200%\)$'
run insights --by source --since 2026-11-01 --until 2026-11-30 --format markdown
expect_out "| source | Entries | Customers | ARR | Trend |"
expect_out "| support | 5 | 5 | 190000 | +4 (+400%) |"
run insights
expect_out "Feedback by item, 2026-08-25 to 2026-11-22 (90 days); trend against 2026-05-27 to 2026-08-24"
expect_out_line '^  PAY-1 +One-click refunds +4 +3 +200000  \+4 \(new\)$'

t_begin "insights: bad dates and periods are usage errors"
evidence_ws
run insights --since 2026-11-31
expect_rc 2
expect_err "'2026-11-31' is not a date"
run insights --since 2026-11-10 --until 2026-11-01
expect_rc 2
expect_err "the period ends (2026-11-01) before it starts (2026-11-10)"
run insights --by tags
expect_rc 2
