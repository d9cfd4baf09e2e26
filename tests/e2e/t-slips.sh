# One definition of a slip (docs/metrics.md, "Slips"): pops metrics, digest, report, show and the
# notes of ritual new count the same slips over a repository built here with pinned dates, and show
# shipped items against their first committed target. Every figure is worked out in the comments.
. "$(dirname "$0")/lib.sh"

# commit, py and items: lib.sh.

# Today is 2026-11-22 (lib.sh). The window starts 2026-10-01.
#   09-15  PAY-1 planned in next, target 10-10 (not committed yet); PAY-2 planned in now, target 10-20;
#          PAY-3 in progress in now, target 11-01; PLAT-1 planned in now, no target
#   09-20  PAY-3 target 11-01 -> 11-05: a slip (+4) before the window
#   09-30  the previous sprint review's note
#   10-05  PAY-1 moves to now, target 10-10 -> 10-24: a slip (+14), and 10-24 is its first committed
#          target; PAY-2 starts, target 10-20 -> 10-27 (+7); PLAT-1 gets its first target 11-01 (no slip)
#   10-12  PAY-2 target 10-27 -> 10-25: earlier, no slip
#   10-19  PAY-2 target 10-25 -> 11-02 (+8)
#   10-30  PAY-2 ships: 10 days after its first target 10-20
#   11-03  PAY-1 target 10-24 -> 10-20: earlier, no slip; PLAT-1's target removed: no slip
#   11-10  PAY-1 ships: 17 days after its first committed target 10-24
# In the window: 3 slips of 2 items, 29 days: PAY-1 +14, PAY-2 +7 +8 = 15. Both slipped, then shipped.
# Compared state to state (2026-09-20 against today), PAY-1 moved 10 days and PAY-2 13: not the slips.
build() {
  git init -q -b main . || exit 1
  cat > pops.yaml <<'YAML'
version: 1
product: Test Co
squads:
  payments: {name: Payments, prefix: PAY}
  platform: {name: Platform, prefix: PLAT}
rituals:
  sprint-review:
    cadence: {every: 2 weeks, on: wednesday, from: 2026-09-30}
YAML
  mkdir -p roadmap rituals/sprint-review
  items payments '- {id: PAY-1, title: Refunds, status: planned, horizon: next, target: 2026-10-10}' \
    '- {id: PAY-2, title: Payouts, status: planned, horizon: now, target: 2026-10-20}' \
    '- {id: PAY-3, title: Disputes, status: in-progress, horizon: now, target: 2026-11-01}'
  items platform '- {id: PLAT-1, title: Queues, status: planned, horizon: now}'
  commit 2026-09-15 "plan"
  items payments '- {id: PAY-1, title: Refunds, status: planned, horizon: next, target: 2026-10-10}' \
    '- {id: PAY-2, title: Payouts, status: planned, horizon: now, target: 2026-10-20}' \
    '- {id: PAY-3, title: Disputes, status: in-progress, horizon: now, target: 2026-11-05}'
  commit 2026-09-20 "disputes slip"
  printf -- '---\nritual: sprint-review\ndate: 2026-09-30\n---\n# Sprint review 2026-09-30\n' \
    > rituals/sprint-review/2026-09-30.md
  commit 2026-09-30 "Sprint review 2026-09-30"
  items payments '- {id: PAY-1, title: Refunds, status: planned, horizon: now, target: 2026-10-24}' \
    '- {id: PAY-2, title: Payouts, status: in-progress, horizon: now, target: 2026-10-27}' \
    '- {id: PAY-3, title: Disputes, status: in-progress, horizon: now, target: 2026-11-05}'
  items platform '- {id: PLAT-1, title: Queues, status: planned, horizon: now, target: 2026-11-01}'
  commit 2026-10-05 "refunds are next; payouts start"
  items payments '- {id: PAY-1, title: Refunds, status: planned, horizon: now, target: 2026-10-24}' \
    '- {id: PAY-2, title: Payouts, status: in-progress, horizon: now, target: 2026-10-25}' \
    '- {id: PAY-3, title: Disputes, status: in-progress, horizon: now, target: 2026-11-05}'
  commit 2026-10-12 "payouts two days earlier"
  items payments '- {id: PAY-1, title: Refunds, status: planned, horizon: now, target: 2026-10-24}' \
    '- {id: PAY-2, title: Payouts, status: in-progress, horizon: now, target: 2026-11-02}' \
    '- {id: PAY-3, title: Disputes, status: in-progress, horizon: now, target: 2026-11-05}'
  commit 2026-10-19 "payouts slip"
  items payments '- {id: PAY-1, title: Refunds, status: planned, horizon: now, target: 2026-10-24}' \
    '- {id: PAY-2, title: Payouts, status: shipped, horizon: now, target: 2026-11-02}' \
    '- {id: PAY-3, title: Disputes, status: in-progress, horizon: now, target: 2026-11-05}'
  commit 2026-10-30 "ship payouts"
  items payments '- {id: PAY-1, title: Refunds, status: in-progress, horizon: now, target: 2026-10-20}' \
    '- {id: PAY-2, title: Payouts, status: shipped, horizon: now, target: 2026-11-02}' \
    '- {id: PAY-3, title: Disputes, status: in-progress, horizon: now, target: 2026-11-05}'
  items platform '- {id: PLAT-1, title: Queues, status: planned, horizon: now}'
  commit 2026-11-03 "refunds earlier; queues unscheduled"
  items payments '- {id: PAY-1, title: Refunds, status: shipped, horizon: now, target: 2026-10-20}' \
    '- {id: PAY-2, title: Payouts, status: shipped, horizon: now, target: 2026-11-02}' \
    '- {id: PAY-3, title: Disputes, status: in-progress, horizon: now, target: 2026-11-05}'
  commit 2026-11-10 "ship refunds"
}

t_begin "metrics: 3 slips of 2 items, 29 days; shipped against the first committed target"
build
run metrics --since 2026-10-01 --format json
expect_rc 0
py '
rows = {(r["period"], r["squad"]): r for r in out["rows"]}
assert (rows[("2026-10", None)]["slipped"], rows[("2026-10", None)]["slip_days"]) == (2, 29), rows[("2026-10", None)]
assert (rows[("2026-11", None)]["slipped"], rows[("2026-11", None)]["slip_days"]) == (0, 0), rows[("2026-11", None)]
items = {i["id"]: i for i in out["items"]}
got = {k: (items[k]["slips"], items[k]["slip_days"], items[k]["first_target"], items[k]["late_days"])
       for k in ("PAY-1", "PAY-2", "PLAT-1")}
assert got == {"PAY-1": (1, 14, "2026-10-24", 17), "PAY-2": (2, 15, "2026-10-20", 10),
               "PLAT-1": (0, 0, "2026-11-01", None)}, got
'

t_begin "digest: the same slips, shipped items included, and how late they shipped"
build
run digest --since 2026-10-01 --format json
expect_rc 0
py '
s = {e["id"]: (e["slips"], e["days"], e["old_target"], e["target"]) for e in out["slipped"]}
assert s == {"PAY-1": (1, 14, "2026-10-10", "2026-10-24"), "PAY-2": (2, 15, "2026-10-20", "2026-11-02")}, s
t = [f for f in out["figures"] if f["squad"] == "total"][0]
assert (t["slipped"], t["slip_days"]) == (2, 29), t
sh = {e["id"]: (e["shipped"], e["first_target"], e["late_days"]) for e in out["shipped"]}
assert sh == {"PAY-1": ("2026-11-10", "2026-10-24", 17), "PAY-2": ("2026-10-30", "2026-10-20", 10)}, sh
'
run digest --since 2026-10-01
expect_rc 0
expect_out "**PAY-2 Payouts** (payments): shipped 2026-10-30, 10 days after its first target 2026-10-20"
expect_out "**PAY-1 Refunds** (payments): shipped 2026-11-10, 17 days after its first target 2026-10-24"
expect_out "## Slipped (2)"

t_begin "report: the same slips, and shipped items against their first target"
build
run report --since 2026-10-01 --format markdown -o -
expect_rc 0
expect_out "| items slipped (days) | 2 (29) |"
expect_out "| 2026-10-19 | PAY-2 Payouts | payments | 2026-10-25 → 2026-11-02 | +8 |"
expect_out "| 2026-10-05 | PAY-1 Refunds | payments | 2026-10-10 → 2026-10-24 | +14 |"
expect_out "| 2026-11-10 | PAY-1 Refunds | payments | 2026-10-24 | +17 |"
expect_out "| 2026-10-30 | PAY-2 Payouts | payments | 2026-10-20 | +10 |"

t_begin "show: an item's slips and how late it shipped"
build
run show PAY-2 --format json
expect_rc 0
py '
h = out["history"]
assert [(x["date"], x["from"], x["to"], x["days"]) for x in h["slips"]] == [
  ("2026-10-05", "2026-10-20", "2026-10-27", 7), ("2026-10-19", "2026-10-25", "2026-11-02", 8)], h
assert (h["slip_days"], h["first_target"], h["shipped"], h["late_days"]) == (15, "2026-10-20", "2026-10-30", 10), h
'
run show PLAT-1 --format json
expect_rc 0
py '
h = out["history"]
assert (h["slips"], h["slip_days"], h["first_target"], h["shipped"]) == ([], 0, "2026-11-01", None), h
'
run show PAY-1
expect_rc 0
expect_out "  shipped 2026-11-10, 17 days after its first target 2026-10-24"
expect_out "  2026-10-05  slipped 2026-10-10 -> 2026-10-24 (+14 days)"
# Outside a repository there is no history to read.
mkdir "$T_ROOT/plain" && cp -r pops.yaml roadmap "$T_ROOT/plain/" && cd "$T_ROOT/plain" || exit 1
run show PAY-1 --format json
expect_rc 0
py 'assert out["history"] is None, out["history"]'

t_begin "ritual note: the same slips since the previous review"
build
run ritual new sprint-review --date 2026-11-22
expect_rc 0
NOTE=rituals/sprint-review/2026-11-22.md
grep -qF -- "- **PAY-1** Refunds: target 2026-10-10 -> 2026-10-24 (+14 days)" "$NOTE" && pass \
  || fail "PAY-1's slip is not in the note"
grep -qF -- "- **PAY-2** Payouts: target 2026-10-20 -> 2026-11-02 (+15 days)" "$NOTE" && pass \
  || fail "PAY-2's slips are not in the note"
grep -qF -- "PAY-3** Disputes: target" "$NOTE" && fail "PAY-3 slipped before the previous review" || pass
