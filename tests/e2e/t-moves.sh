# An item moved to another squad under a new id (`pops item move --new-id`, `moved_from:`) keeps
# its history: metrics, the digest and the log follow it. A repository built here with pinned
# committer dates; every figure checked below is worked out by hand in the comments.
. "$(dirname "$0")/lib.sh"

# commit, py and items: lib.sh.

# 10-05 GRW-1 planned later, GRW-3 planned now (target 11-20), PAY-11 planned later
# 10-12 GRW-3 in-progress
# 10-20 GRW-3 target 11-20 -> 11-27 (+7)
# 11-03 pops item move GRW-3 --squad payments --new-id: PAY-12 (moved_from: GRW-3), GRW-3 dropped
# 11-05 PAY-11 moves to roadmap/later.yaml, same id (a move without a new id)
# 11-10 PAY-12 shipped
build() {
  git init -q -b main . || exit 1
  cat > pops.yaml <<'YAML'
version: 1
product: Test Co
squads:
  growth: {name: Growth, prefix: GRW}
  payments: {name: Payments, prefix: PAY}
YAML
  mkdir -p roadmap
  items growth '- {id: GRW-1, title: Referrals, status: planned, horizon: later}' \
    '- {id: GRW-3, title: Smart retries, status: planned, horizon: now, target: 2026-11-20}'
  items payments '- {id: PAY-11, title: Payouts, status: planned, horizon: later}'
  commit 2026-10-05 "start"
  items growth '- {id: GRW-1, title: Referrals, status: planned, horizon: later}' \
    '- {id: GRW-3, title: Smart retries, status: in-progress, horizon: now, target: 2026-11-20}'
  commit 2026-10-12 "go"
  items growth '- {id: GRW-1, title: Referrals, status: planned, horizon: later}' \
    '- {id: GRW-3, title: Smart retries, status: in-progress, horizon: now, target: 2026-11-27}'
  commit 2026-10-20 "slip"
  if [ -n "${1:-}" ]; then return; fi
  "$POPS" item move GRW-3 --squad payments --new-id >/dev/null 2>&1 || { fail "item move failed"; return; }
  commit 2026-11-03 "Move GRW-3 to payments as PAY-12"
  grep -v 'PAY-11' roadmap/payments.yaml > roadmap/p.yaml && mv roadmap/p.yaml roadmap/payments.yaml
  printf 'items:\n  - {id: PAY-11, title: Payouts, status: planned, horizon: later, squad: payments}\n' > roadmap/later.yaml
  commit 2026-11-05 "PAY-11 to its own file"
  "$POPS" item set PAY-12 status=shipped >/dev/null 2>&1 || { fail "item set failed"; return; }
  commit 2026-11-10 "Ship PAY-12"
}

t_begin "item move --new-id writes moved_from, and check accepts the result"
build
grep -q 'moved_from: GRW-3' roadmap/payments.yaml && pass || fail "no moved_from in roadmap/payments.yaml: $(cat roadmap/payments.yaml)"
grep -q 'dropped_reason: moved to payments as PAY-12' roadmap/growth.yaml && pass || fail "GRW-3 not dropped"
run check; expect_rc 0

t_begin "metrics before the move: the plain history of GRW-3"
build before
run metrics --until 2026-10-31 --format json; expect_rc 0
# October: GRW-1, GRW-3 and PAY-11 added; nothing dropped; GRW-3 slipped 7 days.
py '
r = [x for x in out["rows"] if x["period"] == "2026-10" and x["squad"] is None][0]
assert (r["added"], r["dropped"], r["slipped"], r["slip_days"]) == (3, 0, 1, 7), r
i = {x["id"]: x for x in out["items"]}
assert i["GRW-3"]["first_seen"] == "2026-10-05" and i["GRW-3"]["started"] == "2026-10-12", i
assert "PAY-12" not in i and "moved_from" not in i["GRW-3"], i
'

t_begin "metrics after the move: no drop, no addition, cycle and lead time from GRW-3's dates"
build
run metrics --until 2026-11-30 --format json; expect_rc 0
# November: PAY-12 goes on from GRW-3: not added, GRW-3 not dropped; shipped 11-10 for payments,
# cycle 10-12..11-10 = 29 days, lead 10-05..11-10 = 36. GRW-3 was the one open item in now on 10-31
# (committed); it shipped as PAY-12 in November: 100% predictable, for growth too.
py '
rows = {(x["period"], x["squad"]): x for x in out["rows"]}
o, n = rows[("2026-10", None)], rows[("2026-11", None)]
assert (o["added"], o["dropped"]) == (3, 0), o
assert (n["added"], n["dropped"], n["shipped"]) == (0, 0, 1), n
assert (n["cycle_median"], n["lead_median"]) == (29, 36), n
assert (n["committed"], n["predictability"]) == (1, 1.0), n
g, p = rows[("2026-11", "growth")], rows[("2026-11", "payments")]
assert (g["added"], g["dropped"], g["shipped"], g["predictability"]) == (0, 0, 0, 1.0), g
assert (p["added"], p["dropped"], p["shipped"]) == (0, 0, 1), p
i = {x["id"]: x for x in out["items"]}
assert "GRW-3" not in i, i
assert i["PAY-12"] == {"id": "PAY-12", "squad": "payments", "first_seen": "2026-10-05", "started": "2026-10-12",
                       "shipped": "2026-11-10", "cycle_days": 29, "lead_days": 36, "slips": 1, "slip_days": 7, "first_target": "2026-11-20", "late_days": -10,
                       "moved_from": "GRW-3"}, i["PAY-12"]
# The move without a new id (PAY-11 to another file) is neither a drop nor an addition either.
assert i["PAY-11"]["first_seen"] == "2026-10-05" and "moved_from" not in i["PAY-11"], i["PAY-11"]
'

t_begin "metrics with the history cache: the same figures cold and warm"
build
run metrics --until 2026-11-30 --format json; expect_rc 0
COLD="$OUT"
run metrics --until 2026-11-30 --format json; expect_rc 0
[ "$OUT" = "$COLD" ] && pass || fail "warm metrics differ from cold"

t_begin "digest: the move is a move, not a drop"
build
run digest --since 2026-11-01 --format json; expect_rc 0
MOVE=$(git log --format='%h' --grep='Move GRW-3' -1)
# From 10-20 (the last commit before 11-01) to HEAD: GRW-3 went on as PAY-12, which shipped.
py '
ids = lambda k: [e["id"] for e in out[k]]
assert ids("dropped") == [], out["dropped"]
assert ids("shipped") == ["PAY-12"], out["shipped"]
m = out["moved"]
assert [(e["id"], e["squad"], e["moved_to"], e["moved_squad"]) for e in m] == [("GRW-3", "growth", "PAY-12", "payments")], m
assert (m[0]["commit"], m[0]["date"]) == ("'"$MOVE"'", "2026-11-03"), m
f = {x["squad"]: x for x in out["figures"]}
assert (f["growth"]["dropped"], f["total"]["dropped"], f["payments"]["shipped"]) == (0, 0, 1), f
'
run digest --since 2026-11-01 --format markdown; expect_rc 0
expect_out "## Moved (1)"
expect_out "**GRW-3 Smart retries** (growth): moved to payments as PAY-12 (2026-11-03 $MOVE)"
expect_out "## Dropped (0)"

t_begin "log PAY-12 shows GRW-3's history before the move; log GRW-3 shows the move"
build
run log PAY-12 --format json; expect_rc 0
py '
days = [c["date"] for c in out["commits"]]
assert days == ["2026-11-10", "2026-11-03", "2026-10-20", "2026-10-12", "2026-10-05"], days
move = out["commits"][1]["changes"]
m = [c for c in move if c["kind"] == "moved"]
assert [(c["id"], c["field"], c["old"], c["new"]) for c in m] == [("PAY-12", "id", "GRW-3", "PAY-12")], move
assert not any(c["kind"] == "added" for c in move), move
first = out["commits"][-1]["changes"]
assert [(c["kind"], c["id"]) for c in first] == [("added", "GRW-3")], first
'
run log PAY-12; expect_rc 0
expect_out "GRW-3 to payments as PAY-12"
run log GRW-3 --format json; expect_rc 0
py '
days = [c["date"] for c in out["commits"]]
assert days == ["2026-11-03", "2026-10-20", "2026-10-12", "2026-10-05"], days
assert any(c["kind"] == "moved" and c["field"] == "id" and c["new"] == "PAY-12" for c in out["commits"][0]["changes"])
'

t_begin "log --squad growth shows GRW-3 leaving the squad as PAY-12, as log --squad payments does"
build
for sq in growth payments; do
  run log --squad $sq --format json; expect_rc 0
  py '
moves = [(c["date"], ch["id"], ch["old"]) for c in out["commits"] for ch in c["changes"]
         if ch["kind"] == "moved" and ch["field"] == "id"]
assert moves == [("2026-11-03", "PAY-12", "GRW-3")], moves
'
done
run log --squad growth; expect_rc 0
expect_out_line "^  PAY-12 +moved +GRW-3 to payments as PAY-12$"

t_begin "show PAY-12 names the id it was moved from"
build
run show PAY-12; expect_rc 0
expect_out_line '^  moved from: +GRW-3$'
run show PAY-12 --format json; expect_rc 0
py 'assert out["moved_from"] == "GRW-3" and out["status"] == "shipped", out'

t_begin "show PAY-12 lists the slip GRW-3 made before the move, as GRW-3"
build
run show PAY-12 --format json; expect_rc 0
py '
h = out["history"]
assert [(s["date"], s["id"], s["from"], s["to"], s["days"]) for s in h["slips"]] == [
    ("2026-10-20", "GRW-3", "2026-11-20", "2026-11-27", 7)], h
assert (h["slip_days"], h["first_target"], h["shipped"], h["late_days"]) == (7, "2026-11-20", "2026-11-10", -10), h
'
run show PAY-12; expect_rc 0
expect_out "2026-10-20  slipped 2026-11-20 -> 2026-11-27 (+7 days) as GRW-3"

t_begin "a target moved in the commit of the move is one slip of the item, not one per id"
build before
# 11-03, by hand: GRW-3 dropped and PAY-12 (moved_from GRW-3) added, both with the target moved
# from 11-27 to 12-04: one slip of 7 days, PAY-12's; GRW-3 is no longer compared.
items growth '- {id: GRW-1, title: Referrals, status: planned, horizon: later}' \
  '- {id: GRW-3, title: Smart retries, status: dropped, horizon: now, target: 2026-12-04}'
items payments '- {id: PAY-11, title: Payouts, status: planned, horizon: later}' \
  '- {id: PAY-12, title: Smart retries, status: in-progress, horizon: now, target: 2026-12-04, moved_from: GRW-3}'
commit 2026-11-03 "Move GRW-3 to payments as PAY-12, two weeks later"
run metrics --since 2026-11-01 --until 2026-11-30 --format json; expect_rc 0
py '
r = [x for x in out["rows"] if x["period"] == "2026-11" and x["squad"] is None][0]
assert (r["slipped"], r["slip_days"], r["dropped"], r["added"]) == (1, 7, 0, 0), r
i = {x["id"]: x for x in out["items"]}
assert (i["PAY-12"]["slips"], i["PAY-12"]["slip_days"]) == (2, 14) and "GRW-3" not in i, i
'
run digest --since 2026-11-01 --format json; expect_rc 0
py 'assert [(e["id"], e["days"]) for e in out["slipped"]] == [("PAY-12", 7)], out["slipped"]'

t_begin "pops schema knows moved_from: an item id"
build
run schema roadmap; expect_rc 0
printf '%s' "$OUT" | grep -q '"moved_from"' && pass || fail "roadmap schema has no moved_from"

t_finish
