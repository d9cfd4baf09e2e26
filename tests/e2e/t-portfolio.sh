# A portfolio (pops.yaml `portfolio:`, format 1.4): two member repositories with pinned histories;
# pops check over the members with the portfolio rules (missing member, not a workspace, listed
# twice, cross-member links); roadmap with qualified ids, a member column and --member; metrics
# per member and rolled up, every figure hand-computed (percentiles from the pooled samples); the
# report's dashboard of the roll-up (squads as member/squad, ids qualified), --squad resolved as by
# metrics; each member's digest (a shallow or missing member named, doc files from the portfolio) and
# insights; the timeline of every member; --squad completion; mermaid with a member outside git.
. "$(dirname "$0")/lib.sh"
CHECKER="$(cd "$(dirname "$0")" && pwd)/mermaid_check.py"

# member NAME PRODUCT SQUAD PREFIX: a workspace NAME/ with one squad, in a git repository of its own.
member() {
  mkdir -p "$1/roadmap" && cd "$1" || exit 1
  printf 'version: 1\nproduct: %s\nsquads:\n  %s: {name: %s, prefix: %s}\n' "$2" "$3" "$3" "$4" > pops.yaml
  # An objective of 2026-Q4 whose key result the first and third items serve.
  printf 'objectives:\n  O1:\n    title: %s grows\n    period: 2026-Q4\n    key_results:\n      O1-KR1: {title: Ship it}\n' "$2" >> pops.yaml
  git init -q .
}

# acme: PAY-1 started 10-04, shipped 10-10 (cycle 6, lead 9); PAY-2 started 10-20, shipped 11-10
# (cycle 21, lead 40); PAY-3 open, its target moved 15 days later on 11-12; it depends on beta's CORE-3.
# beta: CORE-1 10-03/10-04/10-08 (cycle 4, lead 5); CORE-2 10-03/11-01/11-03 (cycle 2, lead 31);
# CORE-3 11-04/11-09/11-21 (cycle 12, lead 17).
portfolio() {
  member acme Acme payments PAY
  p3='{id: PAY-3, title: Payouts, status: planned, horizon: now, target: 2026-11-15, depends_on: [beta/CORE-3], key_results: [O1-KR1]}'
  items payments "- {id: PAY-1, title: Refunds, status: planned, horizon: now, key_results: [O1-KR1]}" \
    "- {id: PAY-2, title: Invoices, status: planned, horizon: now}" "- $p3"
  commit 2026-10-01 "acme plan"
  sed -i 's/PAY-1, title: Refunds, status: planned/PAY-1, title: Refunds, status: in-progress/' roadmap/payments.yaml
  commit 2026-10-04 "start PAY-1"
  sed -i 's/PAY-1, title: Refunds, status: in-progress/PAY-1, title: Refunds, status: shipped/' roadmap/payments.yaml
  commit 2026-10-10 "ship PAY-1"
  sed -i 's/PAY-2, title: Invoices, status: planned/PAY-2, title: Invoices, status: in-progress/' roadmap/payments.yaml
  commit 2026-10-20 "start PAY-2"
  sed -i 's/PAY-2, title: Invoices, status: in-progress/PAY-2, title: Invoices, status: shipped/' roadmap/payments.yaml
  commit 2026-11-10 "ship PAY-2"
  sed -i 's/target: 2026-11-15/target: 2026-11-30/' roadmap/payments.yaml
  commit 2026-11-12 "PAY-3 later"
  cd ..
  member beta Beta core CORE
  items core "- {id: CORE-1, title: Ledger, status: planned, horizon: now, key_results: [O1-KR1]}" \
    "- {id: CORE-2, title: Search, status: planned, horizon: now}"
  commit 2026-10-03 "beta plan"
  sed -i 's/CORE-1, title: Ledger, status: planned/CORE-1, title: Ledger, status: in-progress/' roadmap/core.yaml
  commit 2026-10-04 "start CORE-1"
  sed -i 's/CORE-1, title: Ledger, status: in-progress/CORE-1, title: Ledger, status: shipped/' roadmap/core.yaml
  commit 2026-10-08 "ship CORE-1"
  sed -i 's/CORE-2, title: Search, status: planned/CORE-2, title: Search, status: in-progress/' roadmap/core.yaml
  commit 2026-11-01 "start CORE-2"
  sed -i 's/CORE-2, title: Search, status: in-progress/CORE-2, title: Search, status: shipped/' roadmap/core.yaml
  commit 2026-11-03 "ship CORE-2"
  echo "  - {id: CORE-3, title: Exports, status: planned, horizon: now, key_results: [O1-KR1]}" >> roadmap/core.yaml
  commit 2026-11-04 "plan CORE-3"
  sed -i 's/CORE-3, title: Exports, status: planned/CORE-3, title: Exports, status: in-progress/' roadmap/core.yaml
  commit 2026-11-09 "start CORE-3"
  sed -i 's/CORE-3, title: Exports, status: in-progress/CORE-3, title: Exports, status: shipped/' roadmap/core.yaml
  commit 2026-11-21 "ship CORE-3"
  cd ..
  mkdir holding && cd holding || exit 1
  printf 'version: 1\nproduct: Holding\nportfolio:\n  acme: ../acme\n  beta: ../beta\n' > pops.yaml
}

t_begin "check: every member in its own tree, links between members resolve, no squads of its own"
portfolio
run check
expect_rc 0
check_summary_only "$ERR" && pass || fail "check summary: $ERR"
# A member alone does not know beta: its link is left to the portfolio.
run -C ../acme check
expect_rc 0
# A member's own finding is named from the portfolio; a link to an unknown item or member is one too.
sed -i 's/PAY-2, title: Invoices, status: shipped, horizon: now}/PAY-2, title: Invoices, status: shipped, horizon: now, depends_on: [beta\/CORE-9, gamma\/CORE-1]}/' ../acme/roadmap/payments.yaml
sed -i 's/CORE-1, title: Ledger, status: shipped/CORE-1, title: Ledger, status: shipd/' ../beta/roadmap/core.yaml
run check
expect_rc 1
expect_out "../acme/roadmap/payments.yaml:4:78: error: unknown item 'beta/CORE-9' in depends_on: member 'beta' has no item 'CORE-9' (did you mean 'beta/CORE-1'?) [unknown-ref]"
expect_out "../acme/roadmap/payments.yaml:4:91: error: unknown member 'gamma' in depends_on 'gamma/CORE-1' [unknown-ref]"
expect_out_line "^\.\./beta/roadmap/core\.yaml:3:.*error: unknown status 'shipd'"
run check --format json
py 'files = sorted({f["file"] for f in out["findings"]})
assert files == ["../acme/roadmap/payments.yaml", "../beta/roadmap/core.yaml"], files'

t_begin "check: a missing member, a folder that is no workspace, a member listed twice, the portfolio itself"
portfolio
mkdir ../plain
printf '  gone: ../gone\n  plain: ../plain\n  acme2: ../acme/\n  self: .\n' >> pops.yaml
run check
expect_rc 1
expect_out "pops.yaml:6:9: error: member 'gone': '../gone' does not exist; clone the member's repository there or fix its path [portfolio]"
expect_out "pops.yaml:7:10: error: member 'plain': '../plain' is not a pops workspace (it has no pops.yaml) [portfolio]"
expect_out "pops.yaml:8:10: error: member 'acme2' is the same workspace as member 'acme' ('../acme/') [portfolio]"
expect_out "pops.yaml:9:9: error: member 'self' is the portfolio itself; its squads and items are part of it already [portfolio]"
# The views refuse a partial answer, naming the member.
for cmd in roadmap metrics report digest insights; do
  run "$cmd"
  expect_rc 2
  expect_err "pops: error: member 'gone': '../gone' does not exist; clone the member's repository there or fix its path"
  [ -z "$OUT" ] && pass || fail "$cmd printed a partial answer: $OUT"
done

t_begin "roadmap: every member, ids qualified, a member heading, column and key; --member"
portfolio
run roadmap --all
expect_rc 0
[ "$OUT" = "== acme (../acme)
Now (3)
  acme/PAY-1 Refunds    shipped      payments
  acme/PAY-2 Invoices   shipped      payments
  acme/PAY-3 Payouts    planned      payments              2026-11-30

Next (0)

Later (0)

== beta (../beta)
Now (3)
  beta/CORE-1 Ledger     shipped      core
  beta/CORE-2 Search     shipped      core
  beta/CORE-3 Exports    shipped      core

Next (0)

Later (0)" ] && pass || fail "roadmap table: $OUT"
run roadmap --all --format json
expect_rc 0
py 'm = out["members"]
assert [x["member"] for x in m] == ["acme", "beta"] and m[0]["path"] == "../acme", m
items = [i for c in m[1]["columns"] for i in c["items"]]
assert [i["id"] for i in items] == ["beta/CORE-1", "beta/CORE-2", "beta/CORE-3"], items
assert all(i["member"] == "beta" and i["file"] == "../beta/roadmap/core.yaml" for i in items), items'
run roadmap --all --format csv --member beta
expect_rc 0
[ "$(printf '%s\n' "$OUT" | head -2 | tr -d '\r')" = "member,id,title,status,horizon,squad,owner,target,tags,file,line,initiative,key_results
beta,beta/CORE-1,Ledger,shipped,now,core,,,,../beta/roadmap/core.yaml,3,,O1-KR1" ] && pass || fail "roadmap csv: $OUT"
[ "$(printf '%s\n' "$OUT" | wc -l)" -eq 4 ] && pass || fail "csv rows: $OUT"
run roadmap --member bet
expect_rc 2
expect_err "unknown member 'bet' (did you mean 'beta'?)"
run -C ../acme roadmap --member acme
expect_rc 2
expect_err "--member needs a portfolio"

t_begin "timeline: each member's planned against shipped from its own history, ids qualified; --by member"
portfolio
run roadmap --format timeline-json --since 2026-09-01
expect_rc 0
py 'bars = {b["id"]: b for b in out["items"]}
assert sorted(bars) == ["acme/PAY-1", "acme/PAY-2", "acme/PAY-3", "beta/CORE-1", "beta/CORE-2", "beta/CORE-3"], sorted(bars)
assert [b["group"] for b in out["items"]] == ["acme/payments"] * 3 + ["beta/core"] * 3, out["items"]
p1, p3, c3 = bars["acme/PAY-1"], bars["acme/PAY-3"], bars["beta/CORE-3"]
assert (p1["started"], p1["shipped"], p1["planned"]) == ("2026-10-04", "2026-10-10", None), p1
assert (p3["planned"], p3["target"], p3["shipped"]) == ("2026-11-15", "2026-11-30", None), p3
assert (c3["started"], c3["shipped"]) == ("2026-11-09", "2026-11-21"), c3
assert bars["beta/CORE-2"]["shipped"] == "2026-11-03" and bars["acme/PAY-2"]["shipped"] == "2026-11-10"
assert (out["from"], out["to"]) == ("2026-10-01", "2026-11-30"), (out["from"], out["to"])'
run roadmap --format timeline-json --since 2026-09-01 --by member --member beta
expect_rc 0
py 'assert [b["id"] for b in out["items"]] == ["beta/CORE-1", "beta/CORE-2", "beta/CORE-3"], out["items"]
assert {b["group"] for b in out["items"]} == {"beta"}'
COLUMNS=100 run roadmap --format timeline --since 2026-09-01
expect_rc 0
expect_out "acme/PAY-3"
expect_out "beta/core"
run -C ../acme roadmap --format timeline --by member
expect_rc 2
expect_err "--by member needs a portfolio"

t_begin "metrics: each member from its own history, rolled up from the pooled samples"
portfolio
run metrics --since 2026-10-01 --until 2026-11-30 --format json
expect_rc 0
py 'rows = {(r["period"], r["member"], r["squad"]): r for r in out["rows"]}
assert [(r["period"], r["member"], r["squad"]) for r in out["rows"]] == [
  (p, m, s) for p in ("2026-10", "2026-11")
  for (m, s) in ((None, None), ("acme", None), ("acme", "payments"), ("beta", None), ("beta", "core"))], list(rows)
assert out["squads"] == ["acme/payments", "beta/core"], out["squads"]
def fig(r, *keys): return tuple(r[k] for k in keys)
K = ("shipped", "cycle_median", "cycle_p85", "lead_median", "lead_p85", "wip", "committed", "committed_shipped", "added", "slipped", "slip_days")
# October: PAY-1 (cycle 6, lead 9) and CORE-1 (cycle 4, lead 5); PAY-2 in progress at the end.
assert fig(rows["2026-10", "acme", None], *K) == (1, 6, 6, 9, 9, 1, 0, 0, 3, 0, 0), rows["2026-10", "acme", None]
assert fig(rows["2026-10", "beta", None], *K) == (1, 4, 4, 5, 5, 0, 0, 0, 2, 0, 0), rows["2026-10", "beta", None]
assert fig(rows["2026-10", None, None], *K) == (2, 5, 5.7, 7, 8.4, 1, 0, 0, 5, 0, 0), rows["2026-10", None, None]
assert rows["2026-10", None, None]["predictability"] is None
# November: PAY-2 (cycle 21, lead 40); CORE-2 (2, 31) and CORE-3 (12, 17). Committed on Oct 31:
# PAY-2, PAY-3 and CORE-2; PAY-2 and CORE-2 shipped. PAY-3 slipped 15 days.
assert fig(rows["2026-11", "acme", None], *K) == (1, 21, 21, 40, 40, 0, 2, 1, 0, 1, 15), rows["2026-11", "acme", None]
assert rows["2026-11", "acme", None]["predictability"] == 0.5
assert fig(rows["2026-11", "beta", None], *K) == (2, 7, 10.5, 24, 28.9, 0, 1, 1, 1, 0, 0), rows["2026-11", "beta", None]
assert rows["2026-11", "beta", None]["predictability"] == 1
# Pooled: cycle [2, 12, 21] -> median 12, p85 12 + 0.7 * 9 = 18.3 (the mean of the members medians
# would be 14); lead [17, 31, 40] -> 31 and 37.3; predictability 2 of 3 (the mean would be 75%).
all_nov = rows["2026-11", None, None]
assert fig(all_nov, *K) == (3, 12, 18.3, 31, 37.3, 0, 3, 2, 1, 1, 15), all_nov
assert abs(all_nov["predictability"] - 2 / 3) < 0.01, all_nov
items = {i["id"]: i for i in out["items"]}
assert sorted(items) == ["acme/PAY-1", "acme/PAY-2", "acme/PAY-3", "beta/CORE-1", "beta/CORE-2", "beta/CORE-3"], sorted(items)
assert items["beta/CORE-3"]["member"] == "beta" and items["beta/CORE-3"]["cycle_days"] == 12 and items["beta/CORE-3"]["lead_days"] == 17'
run metrics --since 2026-10-01 --until 2026-11-30 --member beta --format csv
expect_rc 0
[ "$(printf '%s\n' "$OUT" | tr -d '\r' | sed -n '1p;5p')" = "period,member,squad,shipped,cycle_p50,cycle_p85,lead_p50,lead_p85,wip,wip_limit,slipped,slip_days,predictability,added,dropped,prd_coverage,feedback_coverage
2026-11,(all),(all),2,7,10.5,24,28.9,0,,0,0,100%,1,0,," ] && pass || fail "metrics csv: $OUT"
# A member outside a git repository: named.
rm -rf ../beta/.git
run metrics
expect_rc 2
expect_err_line "^pops: error: member 'beta' \(\.\./beta\): "

t_begin "goals: each member's objectives from its own pops.yaml, item ids qualified"
portfolio
run goals --format json
expect_rc 0
# acme O1-KR1: PAY-1 shipped of PAY-1 and PAY-3, 1/2; beta: CORE-1 and CORE-3 both shipped, 2/2.
py 'm = out["members"]
assert [x["member"] for x in m] == ["acme", "beta"], m
a = m[0]["objectives"][0]
assert a["id"] == "O1" and a["member"] == "acme" and a["progress"] == 0.5, a
assert a["key_results"][0]["items"] == ["acme/PAY-1", "acme/PAY-3"], a
b = m[1]["objectives"][0]
assert b["progress"] == 1 and b["key_results"][0]["items"] == ["beta/CORE-1", "beta/CORE-3"], b'
run goals --member beta
expect_rc 0
expect_out "== beta (../beta)"
expect_no_out "== acme"

t_begin "report: the dashboard of the roll-up, squads as member/squad, ids qualified; --member"
portfolio
run report --since 2026-10-01 --until 2026-11-30 --format markdown
expect_rc 0
expect_out "# Holding"
# Shipped in the window: PAY-1, CORE-1 (October), PAY-2, CORE-2, CORE-3 (November); cycle times
# [2, 4, 6, 12, 21] -> median 6; lead times [5, 9, 17, 31, 40] -> median 17. Open: PAY-3 alone.
expect_out "| open items | 1 |"
expect_out "| median cycle time (days) | 6 |"
expect_out "| median lead time (days) | 17 |"
# The trends are the portfolio's rows of pops metrics: October 2 shipped (5, 5.7), nothing due;
# November 3 (12, 18.3 from the pooled samples), 2 of 3 committed shipped, PAY-3 slipped.
expect_out "| 2026-10 | 2 | 5 | 5.7 | n/a, 0 due | 0 |"
expect_out "| 2026-11 | 3 | 12 | 18.3 | 67% | 1 |"
expect_out "| acme/payments | 1 | 1 |"
expect_out "| beta/core | 1 | 2 |"
# Cycle times 2 | 4, 6 | 12 | 21.
expect_out "| 0–3 | 1 |"
expect_out "| 4–7 | 2 |"
expect_out "| 8–14 | 1 |"
expect_out "| 15–30 | 1 |"
expect_out "- **acme/PAY-3** Payouts (planned, 2026-11-30)"
expect_no_out "PAY-3** Payouts (planned, 2026-11-15)"
# Goals of 2026-Q4, each member's objective qualified: acme PAY-1 of PAY-1 and PAY-3, beta both.
expect_out "| acme/O1-KR1 Ship it | | 50% | items acme/PAY-1, acme/PAY-3 |"
expect_out "| beta/O1-KR1 Ship it | | 100% | items beta/CORE-1, beta/CORE-3 |"
run report --since 2026-10-01 --until 2026-11-30 --out dash.html
expect_rc 0
grep -q 'acme/payments' dash.html && grep -q 'beta/CORE-3' dash.html && pass || fail "html: no member/squad or qualified id"
run report --since 2026-10-01 --until 2026-11-30 --format markdown --member beta
expect_rc 0
# beta alone: October CORE-1 (cycle 4), November CORE-2 and CORE-3 (2, 12 -> median 7, p85 10.5).
expect_out "| 2026-11 | 2 | 7 | 10.5 | 100% | 0 |"
expect_out "| beta/core | 1 | 2 |"
expect_no_out "acme"
# --squad as pops metrics resolves it (payments: acme's alone): the dashboard of that squad alone,
# as the member's own report --squad gives it. PAY-1 (cycle 6, lead 9), PAY-2 (21, 40): medians
# 13.5 and 24.5; November: PAY-2 and PAY-3 committed, PAY-2 shipped (50%), PAY-3 slipped 15 days.
for where in . ../acme; do
  run -C "$where" report --since 2026-10-01 --until 2026-11-30 --format markdown --squad payments
  expect_rc 0
  expect_out "| shipped in the window | 2 |"
  expect_out "| median cycle time (days) | 13.5 |"
  expect_out "| median lead time (days) | 24.5 |"
  expect_out "| predictability (2026-11: 1 of 2 shipped) | 50% |"
  expect_out "| items slipped (days) | 1 (15) |"
  expect_out "| 2026-10 | 1 | 6 | 6 | n/a, 0 due | 0 |"
  expect_out "| 2026-11 | 1 | 21 | 21 | 50% | 1 |"
  expect_no_out "core"
done
run report --since 2026-10-01 --until 2026-11-30 --format markdown --squad payments
expect_out "| acme/payments | 1 | 1 |"
expect_out "| acme/payments | 0 | 0 | 1 | 0 | 2 | 0 |"
expect_out "- **acme/PAY-3** Payouts (planned, 2026-11-30)"
expect_out "| acme/payments | 100% | 100% |"
# Both squads, one qualified: the figures of the whole portfolio again.
run report --since 2026-10-01 --until 2026-11-30 --format markdown --squad payments --squad beta/core
expect_rc 0
expect_out "| median cycle time (days) | 6 |"
expect_out "| beta/core | 1 | 2 |"
run report --squad acme/paymnts --format markdown
expect_rc 2
expect_err "pops: error: unknown squad 'acme/paymnts' (did you mean 'acme/payments'?)"
[ -z "$OUT" ] && pass || fail "report printed a partial answer: $OUT"
run report --squad payments --member beta --format markdown
expect_rc 2
expect_err "pops: error: unknown squad 'payments'; known: beta/core"
rm -rf ../acme/.git
run report --format markdown
expect_rc 2
expect_err_line "^pops: error: member 'acme' \(\.\./acme\): "
[ -z "$OUT" ] && pass || fail "report printed a partial answer: $OUT"

t_begin "digest: each member's from its own history, under its name, ids qualified; --member"
portfolio
run digest --since 2026-11-01 --format json
expect_rc 0
# Before November 1: acme at 'start PAY-2' (10-20), beta at 'ship CORE-1' (10-08). Since: acme
# shipped PAY-2 and moved PAY-3's target 15 days later; beta shipped CORE-2 and CORE-3.
py 'm = out["members"]
assert [(x["member"], x["path"]) for x in m] == [("acme", "../acme"), ("beta", "../beta")], m
a, b = m
assert [e["id"] for e in a["shipped"]] == ["acme/PAY-2"], a["shipped"]
assert [(e["id"], e["days"]) for e in a["slipped"]] == [("acme/PAY-3", 15)], a["slipped"]
assert sorted(e["id"] for e in b["shipped"]) == ["beta/CORE-2", "beta/CORE-3"], b["shipped"]
assert b["slipped"] == [], b["slipped"]'
run digest --since 2026-11-01 --format text
expect_rc 0
expect_out_line "^== acme \(\.\./acme\)$"
expect_out_line "^== beta \(\.\./beta\)$"
expect_out "acme/PAY-2"
run digest --since 2026-11-01 --member beta
expect_rc 0
expect_out_line "^# beta \(\.\./beta\)$"
expect_out "beta/CORE-3"
expect_no_out "acme"
# A shallow member: its digest would lack the history before the clone: an error naming it.
git clone -q --depth 2 "file://$(cd ../beta && pwd)" ../beta-shallow && rm -rf ../beta && mv ../beta-shallow ../beta
run digest --since 2026-11-01
expect_rc 2
expect_err "member 'beta' (../beta): "
[ -z "$OUT" ] && pass || fail "digest printed a partial answer: $OUT"
# A member without history: named.
rm -rf ../acme/.git
run digest --since 2026-11-01
expect_rc 2
expect_err "member 'acme' (../acme): "
[ -z "$OUT" ] && pass || fail "digest printed a partial answer: $OUT"

t_begin "insights: each member's feedback under its name, the items it links qualified; --member"
portfolio
# Both members have an FB-1; each links its own member's item.
mkdir -p ../acme/feedback ../beta/feedback
printf 'entries:\n  - {id: FB-1, date: 2026-11-03, source: sales, customer: Initech, arr: 30000, summary: Payouts, items: [PAY-3]}\n  - {id: FB-2, date: 2026-11-05, source: sales, customer: Globex, arr: 20000, summary: Payouts too, items: [PAY-3]}\n' > ../acme/feedback/2026-11.yaml
printf 'entries:\n  - {id: FB-1, date: 2026-11-04, source: sales, customer: Initech, arr: 50000, summary: Exports, items: [CORE-3]}\n' > ../beta/feedback/2026-11.yaml
run insights --since 2026-11-01 --until 2026-11-30 --format json
expect_rc 0
# acme: PAY-3 by Initech (30000) and Globex (20000): 2 entries, 2 customers, 50000; beta: CORE-3, 1, 1, 50000.
py 'm = out["members"]
assert [(x["member"], x["path"]) for x in m] == [("acme", "../acme"), ("beta", "../beta")], m
g = [(x["key"], x["entries"], x["customers"], x["arr"]) for x in m[0]["groups"]]
assert g == [("acme/PAY-3", 2, 2, 50000)], g
g = [(x["key"], x["entries"], x["customers"], x["arr"]) for x in m[1]["groups"]]
assert g == [("beta/CORE-3", 1, 1, 50000)], g'
run insights --since 2026-11-01 --until 2026-11-30
expect_rc 0
expect_out_line "^== acme \(\.\./acme\)$"
expect_out_line '^  acme/PAY-3 +Payouts +2 +2 +50000  \+2 \(new\)$'
run insights --since 2026-11-01 --until 2026-11-30 --format markdown --member beta
expect_rc 0
expect_out_line "^# beta \(\.\./beta\)$"
expect_out "| beta/CORE-3 | Exports | 1 | 1 | 50000 |"
expect_no_out "acme"
rm -rf ../beta
run insights
expect_rc 2
expect_err "pops: error: member 'beta': '../beta' does not exist"
[ -z "$OUT" ] && pass || fail "insights printed a partial answer: $OUT"

t_begin "report: the standards of each member from its own history, squads as member/squad"
portfolio
# On 11-20 acme files BAD-1 under payments: id-prefix fails for 1 of its 4 items. acme's November:
# 4 items each for duplicate-id, duplicate-title, id-prefix and unknown-ref, PAY-3 for
# dependency-cycle, dependency-order and target-passed, nothing in progress for update-stale:
# 19 subjects, 1 failing -> 18/19 = 95%. October: 3 items x 4, PAY-3 x 3, PAY-2 in progress: 16, none
# failing. beta: every rule complies, both months.
# It also pilots target-passed with payments (still in force for it): the pilot is named with acme.
echo "  - {id: BAD-1, title: Misfiled, status: planned, horizon: later}" >> ../acme/roadmap/payments.yaml
printf 'rules:\n  target-passed: {severity: warning, pilot: [payments]}\n' >> ../acme/pops.yaml
(cd ../acme && commit 2026-11-20 "misfiled; pilot target-passed")
run report --since 2026-10-01 --until 2026-11-30 --format markdown
expect_rc 0
expect_out "## Standards"
expect_out "| acme/payments | 100% | 95% |"
expect_out "| beta/core | 100% | 100% |"
expect_out_line "^### Pilot of target-passed in acme$"
# The member's own pops standards: the one failing subject.
run -C ../acme standards --since 2026-10-01 --until 2026-11-30 --format markdown
expect_out "| payments | id-prefix | error | 0 · 100% | 1 · 75% |"
run report --since 2026-10-01 --until 2026-11-30 --out dash.html
expect_rc 0
grep -qF 'title="id-prefix: 1 findings, 3 of 4 comply">75%</td>' dash.html && grep -qF '<td>beta/core</td>' dash.html \
  && grep -qF '<h3>Pilot of target-passed in acme</h3>' dash.html && pass \
  || fail "html: no standards of acme/payments and beta/core, or no pilot of acme"

t_begin "roadmap --at DATE: each member as of its own last commit on or before the date"
portfolio
# On 2026-10-15: acme at 'ship PAY-1' (10-10): PAY-1 shipped, PAY-2 planned, PAY-3 planned with its
# first target 11-15; beta at 'ship CORE-1' (10-08): CORE-1 shipped, CORE-2 planned, no CORE-3 yet.
run roadmap --at 2026-10-15
expect_rc 0
[ "$(printf '%s\n' "$OUT" | sed -E 's/^as of [0-9a-f]{7} /as of X /')" = "== acme (../acme)
as of X 2026-10-10 ship PAY-1
Now (2)
  acme/PAY-2 Invoices   planned      payments
  acme/PAY-3 Payouts    planned      payments              2026-11-15

Next (0)

Later (0)

== beta (../beta)
as of X 2026-10-08 ship CORE-1
Now (1)
  beta/CORE-2 Search     planned      core

Next (0)

Later (0)" ] && pass || fail "roadmap --at table: $OUT"
run roadmap --at 2026-10-15 --all --format json
expect_rc 0
py 'assert out["at"] == {"rev": "2026-10-15"}, out["at"]
a, b = out["members"]
assert (a["at"]["rev"], a["at"]["date"], b["at"]["date"]) == ("2026-10-15", "2026-10-10", "2026-10-08"), (a["at"], b["at"])
assert len(a["at"]["commit"]) == 40, a["at"]
st = lambda m: [(i["id"], i["status"]) for c in m["columns"] for i in c["items"]]
assert st(a) == [("acme/PAY-1", "shipped"), ("acme/PAY-2", "planned"), ("acme/PAY-3", "planned")], st(a)
assert st(b) == [("beta/CORE-1", "shipped"), ("beta/CORE-2", "planned")], st(b)'
run roadmap --at 2026-10-15 --format markdown --member beta
expect_rc 0
expect_out_line '^as of [0-9a-f]{7} 2026-10-08 ship CORE-1$'
expect_out "| beta/CORE-2 | Search |"
expect_no_out "CORE-3"
# The timeline as of the date: PAY-1 and CORE-1 shipped, PAY-3 planned for 11-15 (its first target,
# moved only on 11-12); PAY-2 and CORE-2, neither shipped nor with a target, have no bar.
run roadmap --at 2026-10-15 --format timeline-json --since 2026-09-01
expect_rc 0
py 'bars = {b["id"]: b for b in out["items"]}
assert sorted(bars) == ["acme/PAY-1", "acme/PAY-3", "beta/CORE-1"], sorted(bars)
assert (out["today"], out["to"]) == ("2026-10-15", "2026-11-15"), (out["today"], out["to"])
assert (bars["acme/PAY-3"]["planned"], bars["acme/PAY-3"]["target"]) == ("2026-11-15", "2026-11-15"), bars["acme/PAY-3"]
assert bars["acme/PAY-1"]["shipped"] == "2026-10-10" and bars["beta/CORE-1"]["shipped"] == "2026-10-08"'
# A member with no commit by then (beta's first is 10-03): an error naming it, nothing printed.
run roadmap --at 2026-10-02
expect_rc 2
expect_err "pops: error: member 'beta' (../beta): no commit on or before 2026-10-02"
[ -z "$OUT" ] && pass || fail "roadmap --at printed a partial answer: $OUT"
# A revision names a commit of one repository: refused, with the way to ask a member.
run roadmap --at HEAD~1
expect_rc 2
expect_err "pops: error: --at 'HEAD~1' is not a date: in a portfolio --at takes a date (YYYY-MM-DD)"
expect_err "pops -C ../acme roadmap --at HEAD~1"
run roadmap --at 2026-02-30
expect_rc 2
expect_err "--at '2026-02-30' is not a date"
# A shallow member (its last two commits, 11-09 and 11-21): a date it reaches is fine, one before
# its oldest commit is an error naming it.
git clone -q --depth 2 "file://$(cd ../beta && pwd)" ../beta-shallow && rm -rf ../beta && mv ../beta-shallow ../beta
run roadmap --at 2026-11-10 --member beta --all
expect_rc 0
expect_out_line '^as of [0-9a-f]{7} 2026-11-09 start CORE-3$'
expect_out_line '^  beta/CORE-3 +Exports +in-progress'
run roadmap --at 2026-11-01
expect_rc 2
expect_err "pops: error: member 'beta' (../beta): the history is shallow (depth 2)"
[ -z "$OUT" ] && pass || fail "roadmap --at printed a partial answer: $OUT"
rm -rf ../acme/.git
run roadmap --at 2026-11-10
expect_rc 2
expect_err_line "^pops: error: member 'acme' \(\.\./acme\): "

t_begin "roadmap --format mermaid: one Gantt, a section per member/squad, ship days from each member's history"
portfolio
# CORE-3 gets a target in the working tree: its bar runs from its first in-progress day (11-09) to
# the day it shipped (11-21), not to the target. PAY-3, not started, runs from today (11-22) to 11-30.
sed -i 's/CORE-3, title: Exports, status: shipped, horizon: now/CORE-3, title: Exports, status: shipped, horizon: now, target: 2026-12-15/' ../beta/roadmap/core.yaml
run roadmap --format mermaid --all
expect_rc 0
[ "$OUT" = "gantt
    title Holding roadmap
    dateFormat YYYY-MM-DD
    section acme/payments
    acme/PAY-3 Payouts :t_acme_pay_3, 2026-11-22, 2026-11-30
    section beta/core
    beta/CORE-3 Exports :done, t_beta_core_3, 2026-11-09, 2026-11-21" ] && pass || fail "mermaid: $OUT"
printf '%s\n' "$OUT" | python3 "$CHECKER" && pass || fail "mermaid invalid: $OUT"
# As of 2026-11-10: acme at 'ship PAY-2', PAY-3's target still 11-15, drawn from that day.
run roadmap --format mermaid --at 2026-11-10 --member acme
expect_rc 0
expect_out "    acme/PAY-3 Payouts :t_acme_pay_3, 2026-11-10, 2026-11-15"
expect_no_out "beta"
[ -z "$ERR" ] && pass || fail "mermaid in git warned: $ERR"
# A member outside git: its bars from targets only, said on stderr naming it; beta's still from its
# history (CORE-3 from 11-09 to 11-21), the exit status unchanged.
rm -rf ../acme/.git
run roadmap --format mermaid --all
expect_rc 0
[ "$ERR" = "pops: warning: member 'acme' (../acme): not in a git repository; its bars are drawn from targets only (no start or ship days)" ] && pass || fail "warning: $ERR"
expect_out "    acme/PAY-3 Payouts :t_acme_pay_3, 2026-11-22, 2026-11-30"
expect_out "    beta/CORE-3 Exports :done, t_beta_core_3, 2026-11-09, 2026-11-21"

t_begin "metrics --squad: qualified, or bare when one member alone has it; the squads' rows as in a workspace"
portfolio
run metrics --since 2026-10-01 --until 2026-11-30 --squad beta/core --format json
expect_rc 0
# beta's core alone: October CORE-1 (cycle 4, lead 5); November CORE-2 (2, 31) and CORE-3 (12, 17):
# medians 7 and 24, p85 2 + 0.85 * 10 = 10.5 and 17 + 0.85 * 14 = 28.9; CORE-2 committed and shipped.
py 'K = ("shipped", "cycle_median", "cycle_p85", "lead_median", "lead_p85", "wip", "committed", "committed_shipped", "added")
rows = [(r["period"], r["member"], r["squad"]) for r in out["rows"]]
assert rows == [("2026-10", "beta", "core"), ("2026-11", "beta", "core")], rows
assert out["squads"] == ["beta/core"], out["squads"]
assert tuple(out["rows"][0][k] for k in K) == (1, 4, 4, 5, 5, 0, 0, 0, 2), out["rows"][0]
assert tuple(out["rows"][1][k] for k in K) == (2, 7, 10.5, 24, 28.9, 0, 1, 1, 1), out["rows"][1]
assert out["rows"][1]["predictability"] == 1
assert [i["id"] for i in out["items"]] == ["beta/CORE-1", "beta/CORE-2", "beta/CORE-3"], out["items"]'
# Bare, and only acme has it; with another squad, both members' squad rows, in pops.yaml's order.
run metrics --since 2026-10-01 --until 2026-11-30 --squad payments --squad beta/core
expect_rc 0
[ "$OUT" = "PERIOD   MEMBER  SQUAD     SHIPPED  CYCLE50  CYCLE85  LEAD50  LEAD85  WIP  LIMIT  SLIPPED  DAYS  PREDICT  ADDED  DROPPED  PRD  FEEDBACK
2026-10  acme    payments        1        6        6       9       9    1      –        0     0        –      3        0   0%        0%
2026-10  beta    core            1        4        4       5       5    0      –        0     0        –      2        0    –        0%
2026-11  acme    payments        1       21       21      40      40    0      –        1    15      50%      0        0    –        0%
2026-11  beta    core            2        7     10.5      24    28.9    0      –        0     0     100%      1        0    –         –" ] && pass || fail "metrics --squad: $OUT"
# The same figures as in the member's own workspace.
run metrics --since 2026-10-01 --until 2026-11-30 --squad payments --format csv
expect_rc 0
mine=$(printf '%s\n' "$OUT" | tr -d '\r' | sed -n '2,$p' | sed 's/^\([^,]*\),acme,/\1,/')
run -C ../acme metrics --since 2026-10-01 --until 2026-11-30 --squad payments --format csv
[ "$mine" = "$(printf '%s\n' "$OUT" | tr -d '\r' | sed -n '2,$p')" ] && pass || fail "member's figures: $mine / $OUT"
# Unknown: a suggestion; a member's squad it does not have: named by metrics in the member.
run metrics --squad paymnts
expect_rc 2
expect_err "pops: error: unknown squad 'paymnts' (did you mean 'payments'?)"
run metrics --squad acm/payments
expect_rc 2
expect_err "pops: error: unknown squad 'acm/payments' (did you mean 'acme/payments'?)"
run metrics --squad cor --member acme
expect_rc 2
expect_err "pops: error: unknown squad 'cor'; known: acme/payments"
run metrics --squad acme/paymnts
expect_rc 2
expect_err "pops: error: unknown squad 'acme/paymnts' (did you mean 'acme/payments'?)"
expect_err "that is in member 'acme' (../acme)"
# Completion of --squad: every member's squad qualified, and the bare names one member alone has.
run __complete member-squads
expect_rc 0
[ "$OUT" = "acme/payments
beta/core
core
payments" ] && pass || fail "complete squads: [$OUT]"
# Two members with a squad of that name: ambiguous, the candidates listed.
sed -i 's/^squads:$/squads:\n  payments: {name: Payments, prefix: BPAY}/' ../beta/pops.yaml
run metrics --squad payments
expect_rc 2
expect_err "pops: error: squad 'payments' is in 2 members: acme/payments, beta/payments; name it with its member"
[ -z "$OUT" ] && pass || fail "metrics printed a partial answer: $OUT"
run report --squad payments --format markdown
expect_rc 2
expect_err "pops: error: squad 'payments' is in 2 members: acme/payments, beta/payments; name it with its member"
# Completion: payments is no longer one member's alone.
run __complete member-squads
[ "$OUT" = "acme/payments
beta/core
beta/payments
core" ] && pass || fail "complete squads: [$OUT]"

t_begin "digest and insights: squads, objectives and feedback ids qualified wherever they show"
portfolio
mkdir -p ../acme/feedback ../acme/docs
printf -- '---\ntitle: Invoices by mail\ntype: prd\nstatus: approved\nitems: [PAY-2]\n---\n# Invoices\n' > ../acme/docs/invoices.md
printf 'entries:\n  - {id: FB-1, date: 2026-10-25, source: sales, customer: Initech, summary: Invoices, items: [PAY-2]}\n  - {id: FB-2, date: 2026-11-05, source: sales, customer: Globex, summary: Dark mode}\n' > ../acme/feedback/2026-11.yaml
(cd ../acme && commit 2026-11-15 "feedback")
run digest --since 2026-11-01 --format json
expect_rc 0
# acme: PAY-2 shipped (asked for by FB-1), PAY-3 slipped 15 days, PAY-3 open in now; beta: CORE-2
# and CORE-3 shipped (CORE-3 newly committed). Goals of 2026-Q4: each member's O1.
py 'a, b = out["members"]
assert [(f["squad"], f["shipped"], f["slipped"], f["slip_days"], f["open_now"]) for f in a["figures"]] == [
  ("acme/payments", 1, 1, 15, 1), ("total", 1, 1, 15, 1)], a["figures"]
assert [(f["squad"], f["shipped"]) for f in b["figures"]] == [("beta/core", 2), ("total", 2)], b["figures"]
assert [(e["id"], e["squad"], e["feedback"]) for e in a["shipped"]] == [("acme/PAY-2", "acme/payments", ["acme/FB-1"])], a["shipped"]
assert a["shipped"][0]["docs"] == [{"file": "../acme/docs/invoices.md", "title": "Invoices by mail", "status": "approved"}], a["shipped"]
assert [(e["id"], e["squad"]) for e in a["slipped"]] == [("acme/PAY-3", "acme/payments")], a["slipped"]
assert {e["squad"] for e in b["shipped"]} == {"beta/core"}, b["shipped"]
assert [g["id"] for g in a["goals"]] == ["acme/O1"] and [g["id"] for g in b["goals"]] == ["beta/O1"], (a["goals"], b["goals"])'
run digest --since 2026-11-01 --format text
expect_rc 0
expect_out_line '^  acme/payments +1 +0 +1 +15 '
expect_out_line '^  beta/core +2 '
expect_out_line '^  acme/PAY-2  Invoices \(acme/payments\): shipped 2026-11-10'
expect_out_line '^  beta/O1  Beta grows: '
expect_out "(acme/FB-1)"
expect_no_out "(payments)"
# A doc named from the portfolio, as pops check names member files (../acme/roadmap/payments.yaml).
expect_out '      doc: ../acme/docs/invoices.md "Invoices by mail" (approved)'
run digest --since 2026-11-01 --format markdown
expect_out "  - Doc: [Invoices by mail](../acme/docs/invoices.md) (approved)"
run digest --since 2026-11-01 --member beta
expect_rc 0
expect_out "| beta/core | 2 |"
expect_out "beta/O1"
run insights --since 2026-10-01 --until 2026-11-30 --member acme --format json
expect_rc 0
# acme: FB-1 links PAY-2; FB-2 links nothing (untagged).
py 'm = out["members"][0]
assert [(g["key"], g["feedback"]) for g in m["groups"]] == [("acme/PAY-2", ["acme/FB-1"])], m["groups"]
assert m["unlinked_by_tag"] == [{"tag": None, "feedback": ["acme/FB-2"]}], m["unlinked_by_tag"]'
run insights --since 2026-10-01 --until 2026-11-30 --member acme
expect_rc 0
expect_out "acme/FB-2"
