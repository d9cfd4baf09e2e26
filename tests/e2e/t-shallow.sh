# Shallow clones (git clone --depth N, actions/checkout's default): a command that needs history
# the clone lacks exits 2 saying so; one whose window lies after the clone's oldest commit answers
# and says on stderr that older history is absent. Never an empty or partial answer with exit 0.
. "$(dirname "$0")/lib.sh"

SHALLOW='pops: error: the history is shallow (depth 1); fetch it whole (git fetch --unshallow, or actions/checkout with fetch-depth: 0)'
SHALLOW3='pops: error: the history is shallow (depth 3); fetch it whole (git fetch --unshallow, or actions/checkout with fetch-depth: 0)'

# The sample: 15 commits up to POPS_TODAY less three days; the last three are dated 11-16, 11-19, 11-19.
t_begin "sample repository"
mkdir full && cd full && "$POPS" init --sample >/dev/null 2>&1 || fail "init --sample"
cd ..
S="$PWD"
FULL="$S/full"
git clone -q --depth 1 "file://$FULL" d1 || fail "clone --depth 1"
git clone -q --depth 3 "file://$FULL" d3 || fail "clone --depth 3"
# The same repository, whole: the figures a shallow clone may not replace with others.
cd "$FULL"
run log PAY-3
expect_rc 0
expect_out "target"
FULL_DEC=$("$POPS" metrics --since 2026-12-01 --until 2026-12-20 --format json)

t_begin "depth 1: commands needing older history refuse"
cd "$S/d1"
for args in "log" "log PAY-3" "metrics" "digest --since 2026-09-01" "report -o r.html"; do
  # shellcheck disable=SC2086
  run $args
  expect_rc 2
  if [ "$ERR" = "$SHALLOW" ]; then pass; else fail "$args: stderr is not exactly the shallow error"; fi
  [ -z "$OUT" ] && pass || fail "$args printed something on stdout"
done
run item add --squad payments "A new thing"
expect_rc 2
expect_err "$SHALLOW"
git status --porcelain | grep -q . && fail "item add wrote a file" || pass
run log --since 2026-11-19
expect_rc 2
expect_err "$SHALLOW"

t_begin "depth 1: windows after the boundary answer, with a note"
cd "$S/d1"
run metrics --since 2026-12-01 --until 2026-12-20 --format json
expect_rc 0
expect_err "pops: warning: the history is shallow (depth 1): commits before 2026-11-19 are absent"
# The period rows are the whole history's (the items' dates before the boundary are not known).
rows() { python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["rows"]))'; }
if [ "$(printf '%s' "$OUT" | rows)" = "$(printf '%s' "$FULL_DEC" | rows)" ]; then pass; else fail "metrics rows of a window after the boundary differ from the whole history's"; fi
run log --since 2026-11-20
expect_rc 0
expect_err "commits before 2026-11-19 are absent"
run check --base HEAD
expect_rc 0
# The Gantt chart's start dates come from the history: in a shallow clone that is said, not hidden.
run roadmap --format mermaid
expect_rc 0
expect_err "the history is shallow (depth 1)"

t_begin "depth 3: log and digest of recent windows"
cd "$S/d3"
run log
expect_rc 2
expect_err "$SHALLOW3"
run log --since 2026-11-17
expect_rc 0
expect_out "Sprint review: team invites shipped"
expect_err "commits before 2026-11-16 are absent"
LOG_SHALLOW="$OUT"
OUT=$(cd "$FULL" && "$POPS" log --since 2026-11-17 2>/dev/null)
if [ "$OUT" = "$LOG_SHALLOW" ]; then pass; else fail "log --since differs from the whole repository's"; fi
run digest --since 2026-11-17 --format json
expect_rc 0
expect_err "commits before 2026-11-16 are absent"
DIGEST_SHALLOW="$OUT"
DIGEST_FULL=$(cd "$FULL" && "$POPS" digest --since 2026-11-17 --format json 2>/dev/null)
# The same, but for how late items shipped: a first committed target may predate the clone, so it
# is unknown (null) there.
if python3 - "$DIGEST_SHALLOW" "$DIGEST_FULL" <<'PY' 2>"$T_ROOT/py.err"; then pass; else fail "digest --since differs from the whole repository's: $(tail -3 "$T_ROOT/py.err")"; fi
import json, sys
shallow, full = json.loads(sys.argv[1]), json.loads(sys.argv[2])
assert shallow["shipped"], "nothing shipped in the window"
for e in shallow["shipped"]:
    assert e["first_target"] is None and e["late_days"] is None, e
for d in (shallow, full):
    for e in d["shipped"]:
        del e["first_target"], e["late_days"]
assert shallow == full
PY
run digest --since 2026-11-16
expect_rc 2
expect_err "$SHALLOW3"
run log PAY-3
expect_rc 2
expect_err "$SHALLOW3"
run check --base HEAD~2
expect_rc 0
run check --base HEAD~1 --format json
expect_rc 0
run check --base HEAD~5
expect_rc 2
expect_err "unknown revision"

t_begin "unshallowed, everything answers again"
cd "$S/d3"
git fetch -q --unshallow || fail "fetch --unshallow"
run log PAY-3
expect_rc 0
expect_out "target"
run metrics
expect_rc 0
[ -z "$ERR" ] && pass || fail "a whole repository still warns: $ERR"
