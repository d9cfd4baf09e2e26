# Reading history: pops diff, pops log and pops show over a repository built here with known changes.
. "$(dirname "$0")/lib.sh"

# commit DATE AUTHOR MESSAGE [AUTHOR_DATE]: commits everything with pinned dates (committer date DATE).
commit() {
  git add -A && GIT_AUTHOR_NAME="$2" GIT_AUTHOR_EMAIL="$(echo "$2" | tr 'A-Z ' 'a-z.')@example.com" \
    GIT_AUTHOR_DATE="${4:-$1}T10:00:00Z" GIT_COMMITTER_DATE="$1T10:00:00Z" git commit -qm "$3" || exit 1
}

# expect_exact TEXT: stdout is exactly TEXT.
expect_exact() {
  if [ "$OUT" = "$1" ]; then pass; else
    fail "stdout differs from the expected text"
    diff <(printf '%s\n' "$1") <(printf '%s\n' "$OUT") | head -20
  fi
}

# py CODE: runs python3 on stdout (as `out`, parsed JSON); the code asserts.
py() {
  if printf '%s' "$OUT" | python3 -c "import json,sys; out=json.load(sys.stdin)
$1" 2>"$T_ROOT/py.err"; then pass; else fail "python check failed: $(tail -3 "$T_ROOT/py.err")"; fi
}

# The history: v1 sets up, v2 slips a target and moves an item to another file, v3 drops and removes,
# v4 moves an item to another squad, removes a field, adds feedback and approves a doc.
build_history() {
  "$POPS" init --squad payments:PAY --squad platform:PLAT --product "Test Co" . >/dev/null 2>&1 || exit 1
  cat > roadmap/payments.yaml <<'YAML'
squad: payments
items:
  - id: PAY-1
    title: One-click refunds
    status: planned
    horizon: now
    owner: alice
    target: 2026-11-20
    depends_on: [PLAT-1]
  - id: PAY-2
    title: Card updater
    status: planned
    horizon: next
    depends_on: [PAY-1]
  - id: PAY-3
    title: Crypto payouts
    status: idea
    horizon: later
  - id: PAY-4
    title: Legacy export
    status: idea
  - id: PAY-6
    title: Ledger sync
    status: idea
  - id: PAY-10
    title: Plan downgrades
    status: idea
YAML
  cat > roadmap/platform.yaml <<'YAML'
squad: platform
items:
  - id: PLAT-1
    title: Ledger service
    status: in-progress
    horizon: now
YAML
  cat > feedback/2026-09.yaml <<'YAML'
entries:
  - id: FB-1
    date: 2026-09-01
    source: support
    customer: Globex
    quote: Refunds take two days
    items: [PAY-1]
YAML
  cat > docs/refunds.md <<'MD'
---
title: One-click refunds
type: prd
status: draft
items: [PAY-1]
---
# One-click refunds
MD
  commit 2026-09-01 "Alice Park" "Set up the roadmap"
  git tag v1

  # v2: PAY-1 slips two weeks; PAY-2 moves to its own file. Authored earlier than committed.
  sed -i 's/target: 2026-11-20/target: 2026-12-04/' roadmap/payments.yaml
  python3 - <<'PY'
import re
p = "roadmap/payments.yaml"
s = open(p).read()
s = s.replace("""  - id: PAY-2
    title: Card updater
    status: planned
    horizon: next
    depends_on: [PAY-1]
""", "")
open(p, "w").write(s)
PY
  cat > roadmap/payments-later.yaml <<'YAML'
squad: payments
items:
  - id: PAY-2
    title: Card updater
    status: planned
    horizon: next
    depends_on: [PAY-1]
YAML
  commit 2026-09-10 "Bo Lind" "Refunds slip; card updater to its own file" 2026-09-05
  git tag v2

  # v3: PAY-3 dropped with a reason, PAY-4 deleted.
  python3 - <<'PY'
p = "roadmap/payments.yaml"
s = open(p).read()
s = s.replace("""    title: Crypto payouts
    status: idea
""", """    title: Crypto payouts
    status: dropped
    dropped_reason: no demand
""")
s = s.replace("""  - id: PAY-4
    title: Legacy export
    status: idea
""", "")
open(p, "w").write(s)
PY
  commit 2026-09-20 "Carmen Diaz" "Drop crypto payouts, delete legacy export"
  git tag v3

  # v4: PAY-6 moves to platform, PAY-1 loses its owner, PAY-10 is discovered, FB-2 arrives, the doc is approved.
  python3 - <<'PY'
p = "roadmap/payments.yaml"
s = open(p).read()
s = s.replace("""  - id: PAY-6
    title: Ledger sync
    status: idea
""", "")
s = s.replace("    owner: alice\n", "")
s = s.replace("""    title: Plan downgrades
    status: idea""", """    title: Plan downgrades
    status: discovery""")
open(p, "w").write(s)
PY
  cat >> roadmap/platform.yaml <<'YAML'
  - id: PAY-6
    title: Ledger sync
    status: idea
YAML
  cat > feedback/2026-10.yaml <<'YAML'
entries:
  - id: FB-2
    date: 2026-10-01
    source: sales
    customer: Initech
    summary: Wants refunds from the console
    items: [PAY-1]
YAML
  sed -i 's/^status: draft/status: approved/' docs/refunds.md
  commit 2026-10-01 "Dan Wu" "Ledger sync to platform, refunds feedback"
  git tag v4
}

# Built once, copied into each test's folder.
mkdir -p "$T_ROOT/template" && (cd "$T_ROOT/template" && build_history)
use_history() { cp -a "$T_ROOT/template/." .; }

t_begin "diff: two revisions, every change and nothing else"
use_history
run diff v1 v4; expect_rc 0
expect_exact 'payments
  PAY-1   owner    alice -> (none)
  PAY-1   target   2026-11-20 -> 2026-12-04 (+14 days)
  PAY-2   moved    file roadmap/payments.yaml -> roadmap/payments-later.yaml
  PAY-3   dropped  was idea: no demand
  PAY-4   removed  "Legacy export"
  PAY-10  status   idea -> discovery
platform
  PAY-6  moved  squad payments -> platform
feedback
  FB-2  added  from Initech for PAY-1: "Wants refunds from the console"
docs
  docs/refunds.md  status  draft -> approved'
expect_err '9 changes: 1 added, 1 removed, 2 moved, 5 changed'
SAVED="$OUT"
run diff v1..v4; expect_rc 0; expect_exact "$SAVED"
run -q diff v1 v4; [ -z "$ERR" ] && pass || fail "-q still says the summary: $ERR"
run diff v2 v3; expect_rc 0
expect_exact 'payments
  PAY-3  dropped  was idea: no demand
  PAY-4  removed  "Legacy export"'
expect_err '2 changes: 1 removed, 1 changed'
run diff v3..v3; expect_rc 0; expect_exact ''

t_begin "diff: JSON has exactly the expected changes"
use_history
run diff v1..v4 --format json; expect_rc 0
py '
assert out["from"] == "v1" and out["to"] == "v4", (out["from"], out["to"])
assert len(out["from_commit"]) == 40 and len(out["to_commit"]) == 40
got = [(c["kind"], c["id"], c["squad"], c["field"], c["old"], c["new"]) for c in out["changes"]]
want = [
  ("changed", "PAY-1", "payments", "owner", "alice", None),
  ("changed", "PAY-1", "payments", "target", "2026-11-20", "2026-12-04"),
  ("moved", "PAY-2", "payments", "file", "roadmap/payments.yaml", "roadmap/payments-later.yaml"),
  ("changed", "PAY-3", "payments", "status", "idea", "dropped"),
  ("removed", "PAY-4", "payments", None, None, None),
  ("changed", "PAY-10", "payments", "status", "idea", "discovery"),
  ("moved", "PAY-6", "platform", "squad", "payments", "platform"),
  ("added", "FB-2", None, None, None, None),
  ("changed", "docs/refunds.md", None, "status", "draft", "approved"),
]
assert got == want, got
c = out["changes"]
assert c[1]["days"] == 14 and "days" not in c[0]
assert c[3]["reason"] == "no demand"
assert c[4]["title"] == "Legacy export" and c[4]["file"] == "roadmap/payments.yaml"
assert [x["entity"] for x in c] == ["item"] * 7 + ["feedback", "doc"]
assert c[7]["customer"] == "Initech" and c[7]["items"] == ["PAY-1"]
assert c[8]["items"] == ["PAY-1"]
'

t_begin "diff: HEAD against the working tree, the index, and one revision"
use_history
sed -i '/id: PAY-2/,/depends_on/ s/status: planned/status: in-progress/' roadmap/payments-later.yaml
git add roadmap/payments-later.yaml
sed -i 's/horizon: now/horizon: next/' roadmap/payments.yaml
run diff; expect_rc 0
expect_exact 'payments
  PAY-1  horizon  now -> next
  PAY-2  status   planned -> in-progress'
expect_err '2 changes: 2 changed'
run diff --staged; expect_rc 0
expect_exact 'payments
  PAY-2  status  planned -> in-progress'
expect_err '1 change: 1 changed'
run diff --staged --format json
py 'assert out["from"] == "HEAD" and out["to"] == "index" and out["to_commit"] is None
assert [(c["id"], c["field"]) for c in out["changes"]] == [("PAY-2", "status")]'
run diff --format json
py 'assert out["to"] == "working tree" and len(out["changes"]) == 2'
run diff v3 --format json; expect_rc 0
py '
got = [(c["kind"], c["id"], c["field"]) for c in out["changes"]]
want = [("changed", "PAY-1", "horizon"), ("changed", "PAY-1", "owner"), ("changed", "PAY-2", "status"),
        ("changed", "PAY-10", "status"), ("moved", "PAY-6", "squad"), ("added", "FB-2", None),
        ("changed", "docs/refunds.md", "status")]
assert got == want, got
assert out["from"] == "v3" and out["to"] == "working tree"
'
run diff --exit-code; expect_rc 1
git stash -q
run diff --exit-code; expect_rc 0; expect_exact ''
run diff --format markdown; expect_rc 0; expect_out "No changes."

t_begin "diff: markdown, and errors"
use_history
run diff v2 v3 --format markdown; expect_rc 0
expect_out "# Changes from v2 to v3"; expect_out "## payments"
expect_out "- **PAY-3** dropped: was idea: no demand"
expect_out '- **PAY-4** removed: "Legacy export"'
run diff nosuch; expect_rc 2; expect_err "pops: error: unknown revision 'nosuch'"
run diff v1 v2 v3; expect_rc 2; expect_err "too many revisions"
run diff --staged v1 v2; expect_rc 2
run diff --format yaml; expect_rc 2

t_begin "log: every commit newest first, with committer dates and authors"
use_history
run log; expect_rc 0
heads=$(printf '%s\n' "$OUT" | grep -E '^[0-9a-f]{7}  ' | sed -E 's/^[0-9a-f]{7}  //')
want='2026-10-01  Dan Wu  Ledger sync to platform, refunds feedback
2026-09-20  Carmen Diaz  Drop crypto payouts, delete legacy export
2026-09-10  Bo Lind  Refunds slip; card updater to its own file
2026-09-01  Alice Park  Set up the roadmap'
if [ "$heads" = "$want" ]; then pass; else fail "log headers: $heads"; fi
expect_out_line "^$(git rev-parse --short=7 v2)  2026-09-10  Bo Lind"
expect_out_line '^  PAY-1  target  2026-11-20 -> 2026-12-04 \(\+14 days\)$'
expect_out_line '^  PAY-2  moved   file roadmap/payments.yaml -> roadmap/payments-later.yaml$'
expect_out_line '^  PAY-6   moved   squad payments -> platform$'
expect_out_line '^  PAY-3  dropped  was idea: no demand$'
# Items only: feedback and docs are not item history.
expect_no_out "FB-2"; expect_no_out "docs/refunds.md"
# Authored 2026-09-05, committed 2026-09-10: the committer date counts.
expect_no_out "2026-09-05"

t_begin "log: one item, followed across files"
use_history
run log PAY-2; expect_rc 0
expect_exact "$(git rev-parse --short=7 v2)  2026-09-10  Bo Lind  Refunds slip; card updater to its own file
  PAY-2  moved  file roadmap/payments.yaml -> roadmap/payments-later.yaml

$(git rev-parse --short=7 v1)  2026-09-01  Alice Park  Set up the roadmap
  PAY-2  added  \"Card updater\" (planned)"
run log PAY-4; expect_rc 0
expect_out '  PAY-4  removed  "Legacy export"'; expect_out '  PAY-4  added  "Legacy export" (idea)'
run log PAY-1 PAY-10 --format json; expect_rc 0
py '
got = [(c["date"], c["author"], [(x["id"], x["kind"], x["field"]) for x in c["changes"]]) for c in out["commits"]]
want = [
  ("2026-10-01", "Dan Wu", [("PAY-1", "changed", "owner"), ("PAY-10", "changed", "status")]),
  ("2026-09-10", "Bo Lind", [("PAY-1", "changed", "target")]),
  ("2026-09-01", "Alice Park", [("PAY-1", "added", None), ("PAY-10", "added", None)]),
]
assert got == want, got
assert all(len(c["commit"]) == 40 and c["short"] == c["commit"][:7] for c in out["commits"])
assert out["commits"][0]["email"] == "dan.wu@example.com"
assert out["commits"][1]["summary"] == "Refunds slip; card updater to its own file"
'

t_begin "log: dates and squads"
use_history
run log --since 2026-09-10 --until 2026-09-20 --format json; expect_rc 0
py 'assert [c["date"] for c in out["commits"]] == ["2026-09-20", "2026-09-10"], out'
run log --since 2026-09-11 PAY-2; expect_rc 0; expect_exact ''
run log --until 2026-08-31; expect_rc 0; expect_exact ''
run log --squad platform --format json; expect_rc 0
py '
got = [(c["date"], [(x["id"], x["kind"]) for x in c["changes"]]) for c in out["commits"]]
assert got == [("2026-10-01", [("PAY-6", "moved")]), ("2026-09-01", [("PLAT-1", "added")])], got'
run log --squad payments --since 2026-10-01 --format json
py 'assert [x["id"] for x in out["commits"][0]["changes"]] == ["PAY-1", "PAY-10", "PAY-6"], out'
run log --since yesterday; expect_rc 2; expect_err "--since 'yesterday' is not a date; expected YYYY-MM-DD"

t_begin "log: unknown items and revisions"
use_history
run log PAY-11; expect_rc 2; expect_err "pops: error: unknown item 'PAY-11' (did you mean 'PAY-1'?)"
run log pay1; expect_rc 2; expect_err "not an item id"
run log --rev nosuch; expect_rc 2; expect_err "unknown revision 'nosuch'"
run log --rev v2 --format json
py 'assert [c["date"] for c in out["commits"]] == ["2026-09-10", "2026-09-01"]'

t_begin "show: now, with dependencies, dependents, feedback and docs"
use_history
run show PAY-1; expect_rc 0
expect_out "PAY-1  One-click refunds"
expect_out_line '^  status: +planned$'
expect_out_line '^  target: +2026-12-04$'
expect_no_out "owner:"
expect_out_line '^  PLAT-1 +in-progress +Ledger service$'
expect_out "depended on by:"
expect_out_line '^  PAY-2 +planned +Card updater$'
expect_out "feedback (2):"
expect_out_line '^  FB-1 +2026-09-01  Globex: "Refunds take two days"$'
expect_out_line '^  FB-2 +2026-10-01  Initech: Wants refunds from the console$'
expect_out_line '^  docs/refunds.md  approved  One-click refunds$'
run show PAY-1 --format json; expect_rc 0
py '
assert out["id"] == "PAY-1" and out["status"] == "planned" and out["target"] == "2026-12-04"
assert out["owner"] is None and out["at"] is None and out["squad"] == "payments"
assert out["file"] == "roadmap/payments.yaml"
assert out["depends_on"] == [{"id": "PLAT-1", "title": "Ledger service", "status": "in-progress", "squad": "platform"}]
assert [d["id"] for d in out["dependents"]] == ["PAY-2"]
assert [f["id"] for f in out["feedback"]] == ["FB-1", "FB-2"]
assert out["docs"] == [{"file": "docs/refunds.md", "title": "One-click refunds", "type": "prd", "status": "approved"}]
'

t_begin "show: at a revision and at a date"
use_history
run show PAY-1 --at v1 --format json; expect_rc 0
py '
assert out["target"] == "2026-11-20" and out["owner"] == "alice"
assert out["at"]["rev"] == "v1" and out["at"]["date"] == "2026-09-01"
assert [f["id"] for f in out["feedback"]] == ["FB-1"]
assert out["docs"][0]["status"] == "draft"
assert out["dependents"][0]["id"] == "PAY-2"
'
# 2026-09-15: the last commit on or before it is v2 (committed 2026-09-10).
run show PAY-1 --at 2026-09-15; expect_rc 0
expect_out_line "^  as of: +$(git rev-parse --short=7 v2) 2026-09-10 Refunds slip"
expect_out_line '^  target: +2026-12-04$'
expect_out_line '^  owner: +alice$'
expect_out_line '^  docs/refunds.md  draft  One-click refunds$'
# On the day of a commit, that commit counts.
run show PAY-3 --at 2026-09-20 --format json
py 'assert out["status"] == "dropped" and out["dropped_reason"] == "no demand"'
run show PAY-3 --at 2026-09-19 --format json
py 'assert out["status"] == "idea" and out["dropped_reason"] is None'
run show PAY-4 --at v2; expect_rc 0; expect_out "PAY-4  Legacy export"
run show PAY-6 --at v3 --format json
py 'assert out["squad"] == "payments"'
run show PAY-6 --format json
py 'assert out["squad"] == "platform" and out["file"] == "roadmap/platform.yaml"'

t_begin "show: unknown items, revisions and dates"
use_history
run show PAY-4; expect_rc 2; expect_err "pops: error: unknown item 'PAY-4'"
run show PAY-11; expect_rc 2; expect_err "unknown item 'PAY-11' (did you mean 'PAY-1'?)"
run show PAY-4 --at v3; expect_rc 2; expect_err "no item 'PAY-4' at $(git rev-parse --short=7 v3) (2026-09-20)"
run show PAY-1 --at 2026-08-31; expect_rc 2; expect_err "no commit on or before 2026-08-31"
run show PAY-1 --at nosuch; expect_rc 2; expect_err "unknown revision 'nosuch'"
run show; expect_rc 2

t_begin "a workspace in a sub-folder of the repository"
git init -q -b main .
mkdir product && (cd product && build_history)
echo "not ours" > README.md && commit 2026-10-05 "Eve" "Unrelated"
run -C product log --format json; expect_rc 0
py 'assert [c["date"] for c in out["commits"]] == ["2026-10-01", "2026-09-20", "2026-09-10", "2026-09-01"], out'
run -C product diff v1 v2 --format json
py 'assert [(c["id"], c["field"]) for c in out["changes"]] == [("PAY-1", "target"), ("PAY-2", "file")], out'
run -C product show PAY-1 --at v1 --format json
py 'assert out["target"] == "2026-11-20"'

t_begin "log and metrics: the same with the history cache, filled, read back, damaged or off"
unset POPS_CACHE
use_history
for args in "log" "log --format json" "log PAY-1 --format json" "log --squad platform" "metrics --format json --until 2026-10-31"; do
  off=$(POPS_CACHE=off "$POPS" $args 2>&1)
  [ -z "$(ls .git/pops 2>/dev/null)" ] && pass || fail "POPS_CACHE=off wrote a cache"
  no=$("$POPS" $args --no-cache 2>&1)
  [ -z "$(ls .git/pops 2>/dev/null)" ] && pass || fail "--no-cache wrote a cache"
  on1=$("$POPS" $args 2>&1)
  on2=$("$POPS" $args 2>&1)
  if [ "$on1" = "$off" ] && [ "$on2" = "$off" ] && [ "$no" = "$off" ]; then pass; else
    fail "the history cache changes 'pops $args'"; diff <(printf '%s\n' "$off") <(printf '%s\n' "$on2") | head -10
  fi
  ls .git/pops/*.history >/dev/null 2>&1 && pass || fail "no history cache under .git/pops"
  for f in .git/pops/*.history; do head -c 100 "$f" > "$f.cut" && mv "$f.cut" "$f"; done
  on3=$("$POPS" $args 2>&1)
  [ "$on3" = "$off" ] && pass || fail "a truncated history cache changes 'pops $args'"
  rm -rf .git/pops
done
[ -z "$(git status --porcelain)" ] && pass || fail "the cache wrote inside the tracked tree: $(git status --porcelain)"

t_begin "log ITEM reads only files that can hold it, and misses nothing: escapes, flow style, moves, the cache"
git init -q -b main . || exit 1
"$POPS" init --squad payments:PAY --squad platform:PLAT --product "Test Co" . >/dev/null 2>&1 || exit 1
items payments '- {id: PAY-7, title: Escaped, status: planned}' '- {id: PAY-8, title: Other, status: idea}'
items platform '- id: "PLAT\x2D3"' '  title: Written with an escape' '  status: planned'
commit 2026-09-01 "Alice Park" "start"
items platform '- id: "PLAT\x2D3"' '  title: Written with an escape' '  status: in-progress'
commit 2026-09-02 "Alice Park" "PLAT-3 starts"
items payments '- {id: PAY-7, title: Escaped, status: planned}' '- {id: PAY-8, title: Other, status: planned}'
commit 2026-09-03 "Alice Park" "PAY-8 planned"
# PLAT-3 to payments under a new id, written before the file it leaves (in path order).
items payments '- {id: PAY-7, title: Escaped, status: planned}' '- {id: PAY-8, title: Other, status: planned}' \
  '- {id: PAY-9, title: Written with an escape, status: in-progress, moved_from: "PLAT-3"}'
items platform '- id: "PLAT\x2D3"' '  title: Written with an escape' '  status: dropped' '  dropped_reason: moved to payments as PAY-9'
commit 2026-09-04 "Alice Park" "PLAT-3 to payments as PAY-9"
run log --no-cache --format json; expect_rc 0
WHOLE="$OUT"
printf '%s' "$WHOLE" > whole.json
run log PAY-9 --no-cache --format json; expect_rc 0
py '
got = [(c["date"], [(x["id"], x["kind"], x["field"]) for x in c["changes"]]) for c in out["commits"]]
assert got == [
  ("2026-09-04", [("PAY-9", "moved", "id"), ("PLAT-3", "changed", "status")]),
  ("2026-09-02", [("PLAT-3", "changed", "status")]),
  ("2026-09-01", [("PLAT-3", "added", None)]),
], got
# What the whole log says of the two ids, commit by commit.
whole = json.load(open("whole.json"))
want = [(c["date"], [x for x in c["changes"] if x["id"] in ("PAY-9", "PLAT-3")]) for c in whole["commits"]]
assert [w for w in want if w[1]] == [(c["date"], c["changes"]) for c in out["commits"]], want
'
run log PAY-8 --no-cache --format json; expect_rc 0
py '
assert [c["date"] for c in out["commits"]] == ["2026-09-03", "2026-09-01"], out
'
# A log of one item fills the cache with what it read only: the whole log after it is the whole log.
run log PAY-8 --format json; expect_rc 0
run log --format json; expect_rc 0
[ "$OUT" = "$WHOLE" ] && pass || fail "the log after 'log PAY-8' differs from the log without the cache"

t_begin "help lists the history commands"
run help; expect_out "  diff "; expect_out "  log "; expect_out "  show "
run help log; expect_rc 0; expect_out "--since"; expect_out "committer dates"
