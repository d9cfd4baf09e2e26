# pops roadmap --format timeline / timeline-json, the mermaid Gantt's done bars and the report's SVG
# timeline: each item's first committed target and ship day, checked against a history built here.
. "$(dirname "$0")/lib.sh"

# PAY-1: committed to now with target 08-15 on 08-01, in progress 08-05, target slips to 09-05 on
# 08-20, ships 09-10 (26 days after its first committed target). PAY-2: committed 09-01 with target
# 10-01, in progress 09-15, ships early on 09-28 (-3). PAY-3: committed 10-01 with target 11-10, in
# progress, still open. PLAT-1 (owner carmen): shipped 10-20 with no target ever.
build() {
  git init -q -b main . || exit 1
  make_ws
  rm -f roadmap/*.yaml
  items payments '- {id: PAY-1, title: Single sign-on, status: planned, horizon: now, target: 2026-08-15, owner: alice}'
  items platform '- {id: PLAT-1, title: Checklist, status: planned, horizon: next, owner: bo}'
  commit 2026-08-01 "commit PAY-1"
  items payments '- {id: PAY-1, title: Single sign-on, status: in-progress, horizon: now, target: 2026-08-15, owner: alice}'
  commit 2026-08-05 "start PAY-1"
  items payments '- {id: PAY-1, title: Single sign-on, status: in-progress, horizon: now, target: 2026-09-05, owner: alice}'
  commit 2026-08-20 "PAY-1 slips"
  items payments '- {id: PAY-1, title: Single sign-on, status: in-progress, horizon: now, target: 2026-09-05, owner: alice}' \
    '- {id: PAY-2, title: SCIM, status: planned, horizon: now, target: 2026-10-01, owner: alice}'
  commit 2026-09-01 "commit PAY-2"
  items payments '- {id: PAY-1, title: Single sign-on, status: shipped, horizon: now, target: 2026-09-05, owner: alice}' \
    '- {id: PAY-2, title: SCIM, status: planned, horizon: now, target: 2026-10-01, owner: alice}'
  commit 2026-09-10 "ship PAY-1"
  items payments '- {id: PAY-1, title: Single sign-on, status: shipped, horizon: now, target: 2026-09-05, owner: alice}' \
    '- {id: PAY-2, title: SCIM, status: in-progress, horizon: now, target: 2026-10-01, owner: alice}'
  commit 2026-09-15 "start PAY-2"
  items payments '- {id: PAY-1, title: Single sign-on, status: shipped, horizon: now, target: 2026-09-05, owner: alice}' \
    '- {id: PAY-2, title: SCIM, status: shipped, horizon: now, target: 2026-10-01, owner: alice}'
  commit 2026-09-28 "ship PAY-2"
  items payments '- {id: PAY-1, title: Single sign-on, status: shipped, horizon: now, target: 2026-09-05, owner: alice}' \
    '- {id: PAY-2, title: SCIM, status: shipped, horizon: now, target: 2026-10-01, owner: alice}' \
    '- {id: PAY-3, title: Audit log, status: in-progress, horizon: now, target: 2026-11-10, owner: alice}'
  items platform '- {id: PLAT-1, title: Checklist, status: in-progress, horizon: next, owner: bo}'
  commit 2026-10-01 "commit PAY-3, start PLAT-1"
  items platform '- {id: PLAT-1, title: Checklist, status: shipped, horizon: next, owner: bo}'
  commit 2026-10-20 "ship PLAT-1"
}

t_begin "timeline-json: the dates of the history"
build
run roadmap --format timeline-json --since 2026-08-01
expect_rc 0
py '
items = {i["id"]: i for i in out["items"]}
assert out["by"] == "squad" and out["from"] == "2026-08-01" and out["to"] == "2026-11-22", out
assert list(items) == ["PAY-1", "PAY-2", "PAY-3", "PLAT-1"], list(items)
i = items["PAY-1"]
assert (i["started"], i["planned"], i["target"], i["shipped"], i["late_days"]) == ("2026-08-05", "2026-08-15", "2026-09-05", "2026-09-10", 26), i
i = items["PAY-2"]
assert (i["started"], i["planned"], i["shipped"], i["late_days"]) == ("2026-09-15", "2026-10-01", "2026-09-28", -3), i
i = items["PAY-3"]
assert (i["planned"], i["shipped"], i["late_days"], i["status"]) == ("2026-11-10", None, None, "in-progress"), i
i = items["PLAT-1"]
assert (i["planned"], i["shipped"], i["group"]) == (None, "2026-10-20", "platform"), i
'
# The default window is six months up to today, from 2026-06-01, but the history starts in August.
run roadmap --format timeline-json
py 'assert out["from"] == "2026-08-01" and len(out["items"]) == 4, out'
run roadmap --format timeline-json --by owner --squad payments
py 'assert [i["group"] for i in out["items"]] == ["alice"] * 3, out'
# --at: the timeline as it was; PAY-2 had not shipped on 2026-09-20.
run roadmap --format timeline-json --at 2026-09-20 --since 2026-08-01
py '
items = {i["id"]: i for i in out["items"]}
assert out["today"] == "2026-09-20" and items["PAY-2"]["shipped"] is None and "PAY-3" not in items, out
'

t_begin "timeline text fits the width"
build
OUT=$(COLUMNS=100 "$POPS" roadmap --format timeline --since 2026-08-01 2>"$T_ROOT/stderr"); RC=$?
expect_rc 0
expect_out 'Timeline 2026-08-01 to 2026-11-22 by squad'
expect_out_line '^ +Aug +Sep +Oct +Nov$'
expect_out 'o first target * shipped @ both - in progress | today'
expect_out_line '^payments$'
expect_out_line '^  PAY-1 Single sign-on .* 2026-08-15 -> 2026-09-10 \+26d$'
expect_out_line '^  PAY-2 SCIM .* 2026-10-01 -> 2026-09-28 -3d$'
expect_out_line '^  PAY-3 Audit log .* 2026-11-10 -> open$'
expect_out_line '^  PLAT-1 Checklist .* \(none\) -> 2026-10-20$'
long=$(printf '%s\n' "$OUT" | awk 'length > 100' | wc -l)
if [ "$long" -eq 0 ]; then pass; else fail "$long lines wider than 100 columns"; fi
OUT=$(COLUMNS=60 "$POPS" roadmap --format timeline --since 2026-08-01 2>"$T_ROOT/stderr"); RC=$?
expect_out_line '^  PAY-1 .* \+26d$'
expect_out_line '^  PLAT-1 Check\.\.\. .* shipped$'
long=$(printf '%s\n' "$OUT" | awk 'length > 60' | wc -l)
if [ "$long" -eq 0 ]; then pass; else fail "$long lines wider than 60 columns"; fi
run roadmap --format timeline --since nope
expect_rc 2
expect_err "pops: error: --since: 'nope' is not a date (YYYY-MM-DD)"

t_begin "timeline outside git"
make_ws
run roadmap --format timeline
expect_rc 2
expect_err "pops: error: the timeline needs the git history of the workspace: not a git repository"

t_begin "mermaid: a done bar ends on the ship day"
build
run roadmap --format mermaid --all
expect_rc 0
expect_out 'PAY-1 Single sign-on :done, t_pay_1, 2026-08-05, 2026-09-10'
expect_out 'PAY-2 SCIM :done, t_pay_2, 2026-09-15, 2026-09-28'
expect_out 'PAY-3 Audit log :active, crit, t_pay_3, 2026-10-01, 2026-11-10'

t_begin "report: the SVG timeline holds the same dates"
build
run report --since 2026-08-01 --until 2026-11-22 --out dash.html
expect_rc 0
OUT=$(cat dash.html)
expect_out '<section id="timeline">'
expect_out_line '<g class="row" data-id="PAY-1"><title>PAY-1 Single sign-on: first committed target 2026-08-15, shipped 2026-09-10, 26 days late</title>'
expect_out_line '<path class="planned" data-date="2026-08-15"'
expect_out_line '<circle class="shipped late" data-date="2026-09-10"'
expect_out_line '<circle class="shipped" data-date="2026-09-28"'
run report --since 2026-08-01 --until 2026-11-22 --format markdown
expect_out '| PAY-1 Single sign-on | payments | 2026-08-05 | 2026-08-15 | 2026-09-10 | +26 |'
expect_out '| PAY-2 SCIM | payments | 2026-09-15 | 2026-10-01 | 2026-09-28 | -3 |'
