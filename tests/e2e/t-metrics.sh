# pops metrics over a repository built here with pinned committer and author dates; every figure
# checked below is worked out by hand in the comments.
. "$(dirname "$0")/lib.sh"

# commit, py and items: lib.sh.

# 10-05 PAY-1 planned now, PAY-2 in-progress now (target 10-20), PLAT-1 planned now
# 10-12 PAY-1 in-progress; PAY-2 target 10-20 -> 10-27 (+7)
# 10-30 PAY-2 shipped (authored 10-30 too)
# 11-02 PAY-1 moves to platform (still in progress)
# 11-09 PAY-1 shipped, committed 11-09 but authored 10-28 (a rebase later)
build() {
  git init -q -b main . || exit 1
  make_ws
  rm -f roadmap/*.yaml
  items payments '- {id: PAY-1, title: Refunds, status: planned, horizon: now}' \
    '- {id: PAY-2, title: "Payouts <fast> & safe", status: in-progress, horizon: now, target: 2026-10-20}'
  items platform '- {id: PLAT-1, title: Queues, status: planned, horizon: now}'
  commit 2026-10-05 "start"
  items payments '- {id: PAY-1, title: Refunds, status: in-progress, horizon: now}' \
    '- {id: PAY-2, title: "Payouts <fast> & safe", status: in-progress, horizon: now, target: 2026-10-27}'
  commit 2026-10-12 "go"
  items payments '- {id: PAY-1, title: Refunds, status: in-progress, horizon: now}' \
    '- {id: PAY-2, title: "Payouts <fast> & safe", status: shipped, horizon: now, target: 2026-10-27}'
  commit 2026-10-30 "ship payouts"
  items payments '- {id: PAY-2, title: "Payouts <fast> & safe", status: shipped, horizon: now, target: 2026-10-27}'
  items platform '- {id: PLAT-1, title: Queues, status: planned, horizon: now}' \
    '- {id: PAY-1, title: Refunds, status: in-progress, horizon: now}'
  commit 2026-11-02 "move refunds"
  items platform '- {id: PLAT-1, title: Queues, status: planned, horizon: now}' \
    '- {id: PAY-1, title: Refunds, status: shipped, horizon: now}'
  commit 2026-11-09 "ship refunds" 2026-10-28
}

t_begin "monthly table, committer dates"
build
run metrics --until 2026-11-30
expect_rc 0
# October: PAY-2 shipped (cycle 10-05..10-30 = 25, lead 25); WIP at 10-31: PAY-1 (payments, limit 2);
# November: PAY-1 shipped for platform (cycle 10-12..11-09 = 28, lead 35); predictability: PAY-1 and
# PLAT-1 were open in now on 10-31, PAY-1 shipped: 50% for the portfolio, payments had PAY-1 then: 100%.
expect_out_line '^PERIOD +SQUAD +SHIPPED +CYCLE50 +CYCLE85 +LEAD50 +LEAD85 +WIP +LIMIT +SLIPPED +DAYS +PREDICT +ADDED +DROPPED +PRD +FEEDBACK$'
expect_out_line '^2026-10 +\(all\) +1 +25 +25 +25 +25 +1 +– +1 +7 +– +3 +0 +0% +0%$'
expect_out_line '^2026-10 +payments +1 +25 +25 +25 +25 +1 +2 +1 +7 +– +2 +0 +0% +0%$'
expect_out_line '^2026-10 +platform +0 +– +– +– +– +0 +– +0 +0 +– +1 +0 +– +0%$'
expect_out_line '^2026-11 +\(all\) +1 +28 +28 +35 +35 +0 +– +0 +0 +50% +0 +0 +– +0%$'
expect_out_line '^2026-11 +payments +0 +– +– +– +– +0 +2 +0 +0 +100% +0 +0 +– +–$'
expect_out_line '^2026-11 +platform +1 +28 +28 +35 +35 +0 +– +0 +0 +0% +0 +0 +– +0%$'
if [ -z "$ERR" ]; then pass; else fail "stderr should be empty without a terminal (no progress bar)"; fi

t_begin "author dates move the shipped refunds into October"
build
run metrics --until 2026-11-30 --author-date --format json
expect_rc 0
# PAY-1 shipped 10-28 by author date: cycle 10-12..10-28 = 16, lead 23; October ships 2 items:
# cycle [25, 16]: median 20.5, p85 16 + 0.85 * 9 = 23.65.
py '
assert out["dates"] == "author", out["dates"]
r = [x for x in out["rows"] if x["period"] == "2026-10" and x["squad"] is None][0]
assert r["shipped"] == 2 and r["cycle_median"] == 20.5 and r["cycle_p85"] == 23.65, r
i = [x for x in out["items"] if x["id"] == "PAY-1"][0]
assert i == {"id": "PAY-1", "squad": "platform", "first_seen": "2026-10-05", "started": "2026-10-12",
             "shipped": "2026-10-28", "cycle_days": 16, "lead_days": 23, "slips": 0, "slip_days": 0,
             "first_target": None, "late_days": None}, i
# Shipped for platform, where it was when it shipped.
p = [x for x in out["rows"] if x["period"] == "2026-10" and x["squad"] == "platform"][0]
assert p["shipped"] == 1, p
'

t_begin "json per item and missing figures as null"
build
run metrics --until 2026-11-30 --format json
expect_rc 0
py '
assert out["period"] == "month" and out["dates"] == "committer" and out["since"] == "2026-10-01", out
assert out["until"] == "2026-11-30" and out["commits"] == 5, out
items = {i["id"]: i for i in out["items"]}
assert list(items) == ["PAY-1", "PAY-2", "PLAT-1"], list(items)
assert items["PAY-2"] == {"id": "PAY-2", "squad": "payments", "first_seen": "2026-10-05", "started": "2026-10-05",
                          "shipped": "2026-10-30", "cycle_days": 25, "lead_days": 25, "slips": 1, "slip_days": 7,
                          "first_target": "2026-10-20", "late_days": 10}
assert items["PLAT-1"]["started"] is None and items["PLAT-1"]["shipped"] is None
assert items["PLAT-1"]["cycle_days"] is None and items["PLAT-1"]["lead_days"] is None
oct_plat = [x for x in out["rows"] if x["period"] == "2026-10" and x["squad"] == "platform"][0]
assert oct_plat["cycle_median"] is None and oct_plat["predictability"] is None, oct_plat
assert oct_plat["wip_limit"] is None and oct_plat["over_limit"] is None and oct_plat["prd_coverage"] is None
assert oct_plat["shipped"] == 0 and oct_plat["wip"] == 0
'

t_begin "csv and markdown"
build
run metrics --until 2026-11-30 --format csv --squad platform
expect_rc 0
expect_out 'period,squad,shipped,cycle_p50,cycle_p85,lead_p50,lead_p85,wip,wip_limit,slipped,slip_days,predictability,added,dropped,prd_coverage,feedback_coverage'
expect_out '2026-10,platform,0,,,,,0,,0,0,,1,0,,0%'
expect_out '2026-11,platform,1,28,28,35,35,0,,0,0,0%,0,0,,0%'
expect_no_out '(all)'
run metrics --until 2026-11-30 --format markdown --period quarter
expect_rc 0
expect_out '| period | squad | shipped |'
# Q4: cycle [25, 28]: median 26.5, p85 25 + 0.85 * 3 = 27.55, shown 27.6; lead [25, 35]: 30 and 33.5.
expect_out '| 2026-Q4 | (all) | 2 | 26.5 | 27.6 | 30 | 33.5 | 0 | – | 1 | 7 | – | 3 | 0 | – | 0% |'

t_begin "since and until"
build
run metrics --since 2026-11-05 --until 2026-11-30 --format json
expect_rc 0
py '
assert [r["period"] for r in out["rows"]] == ["2026-11"] * 3, out["rows"]
assert [i["id"] for i in out["items"]] == ["PAY-1", "PLAT-1"], out["items"]
'
run metrics --until 2026-10-31 --format json
py '
assert [r["period"] for r in out["rows"]] == ["2026-10"] * 3
assert [i for i in out["items"] if i["id"] == "PAY-1"][0]["shipped"] is None
'

t_begin "errors"
build
run metrics --squad paymnts
expect_rc 2
expect_err "pops: error: unknown squad 'paymnts'"
expect_err "did you mean 'payments'"
run metrics --since 2026-13-01
expect_rc 2
expect_err "--since '2026-13-01' is not a date; expected YYYY-MM-DD"
run metrics --since 2026-12-01 --until 2026-11-01
expect_rc 2
expect_err "--since 2026-12-01 is after --until 2026-11-01"
run metrics --period week
expect_rc 2

t_begin "outside git, and a repository with no commits"
make_ws
run metrics
expect_rc 2
expect_err "pops: error:"
git init -q -b main .
run metrics --format json
expect_rc 0
py 'assert out["rows"] == [] and out["items"] == [] and out["since"] is None'
run metrics
expect_rc 0
expect_err "hint: no history to measure"

t_begin "a workspace in a sub-folder of the repository"
git init -q -b main . || exit 1
mkdir -p product && cd product || exit 1
make_ws
commit 2026-11-02 "start"
cd .. && echo x > unrelated.txt && commit 2026-11-03 "unrelated" && cd product || exit 1
run metrics --until 2026-11-30 --format json
expect_rc 0
py '
assert out["commits"] == 1, out["commits"]
r = [x for x in out["rows"] if x["squad"] is None][0]
assert r["added"] == 2 and r["wip"] == 1 and r["shipped"] == 0, r
# PLAT-1 was shipped when it first appeared: when it shipped is not known.
p = [i for i in out["items"] if i["id"] == "PLAT-1"][0]
assert p["shipped"] is None and p["lead_days"] is None and p["first_seen"] == "2026-11-02", p
'

t_begin "a few hundred commits"
git init -q -b main . || exit 1
make_ws
rm -f roadmap/*.yaml
n=0
for day in $(seq 0 299); do
  d=$(date -u -d "2026-01-01 + $day days" +%F)
  i=$((day / 3 + 1))
  case $((day % 3)) in
    0) st=planned ;; 1) st=in-progress ;; 2) st=shipped ;;
  esac
  printf '  - {id: PAY-%d, title: Item %d, status: %s, horizon: now}\n' "$i" "$i" "$st" > "$T_ROOT/line"
  if [ "$st" = planned ]; then
    cat "$T_ROOT/line" >> "$T_ROOT/items"
  else
    sed -i "\$d" "$T_ROOT/items" && cat "$T_ROOT/line" >> "$T_ROOT/items"
  fi
  { echo "squad: payments"; echo "items:"; cat "$T_ROOT/items"; } > roadmap/payments.yaml
  git add -A && GIT_COMMITTER_DATE="${d}T12:00:00Z" GIT_AUTHOR_DATE="${d}T12:00:00Z" git commit -qm "day $day" || exit 1
  n=$((n + 1))
done
run_limited 60 metrics --until 2026-10-31 --format json
expect_rc 0
# 100 items, each planned, started and shipped on three days in a row: cycle 1 day, lead 2 days.
py '
assert out["commits"] == 300, out["commits"]
assert len(out["items"]) == 100
assert all(i["cycle_days"] == 1 and i["lead_days"] == 2 for i in out["items"])
total = sum(r["shipped"] for r in out["rows"] if r["squad"] is None)
assert total == 100, total
jan = [r for r in out["rows"] if r["period"] == "2026-01" and r["squad"] is None][0]
assert jan["shipped"] == 10 and jan["cycle_median"] == 1 and jan["lead_p85"] == 2, jan
'
