# Shared by the end-to-end tests: a hermetic environment and a few assertions.
# Each t-*.sh sources this file, then calls `t_begin NAME`, runs pops with `run`, and asserts.
# ctest sets POPS (the binary) and POPS_SHARED (the shared corpus, may be absent).
set -u

: "${POPS:?POPS must point at the pops binary}"
POPS="$(cd "$(dirname "$POPS")" && pwd)/$(basename "$POPS")"
export LC_ALL=C LANG=C TZ=UTC
export POPS_TODAY=2026-11-22
export NO_COLOR=1
export POPS_PAGER=cat  # a pseudo-terminal of a test shows the output itself; t-pager tests the pager
unset CLICOLOR_FORCE GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_COMMON_DIR
export GIT_AUTHOR_NAME="Ada Tester" GIT_AUTHOR_EMAIL="ada@example.com"
export GIT_COMMITTER_NAME="Ada Tester" GIT_COMMITTER_EMAIL="ada@example.com"
export GIT_AUTHOR_DATE="2026-11-20T10:00:00Z" GIT_COMMITTER_DATE="2026-11-20T10:00:00Z"
export GIT_CONFIG_NOSYSTEM=1

T_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/pops-e2e.XXXXXX")
export HOME="$T_ROOT/home" GIT_CONFIG_GLOBAL="$T_ROOT/home/.gitconfig"
mkdir -p "$HOME"
T_FAILS=0
T_PASSES=0
T_NAME=""
trap 't_finish' EXIT

t_finish() {
  local rc=$?
  if [ "$T_FAILS" -gt 0 ]; then
    echo "$T_PASSES passed, $T_FAILS failed"
    echo "test data left in $T_ROOT"
    exit 1
  fi
  rm -rf "$T_ROOT"
  echo "$T_PASSES passed, 0 failed"
  exit "$rc"
}

# t_begin NAME: start a test case in a fresh folder (cd into it).
t_begin() {
  T_NAME="$1"
  T_DIR="$T_ROOT/$(echo "$1" | tr -c 'A-Za-z0-9_-' '_')"
  rm -rf "$T_DIR"
  mkdir -p "$T_DIR"
  cd "$T_DIR" || exit 1
}

fail() {
  T_FAILS=$((T_FAILS + 1))
  echo "FAIL [$T_NAME]: $*"
  if [ -n "${OUT+x}" ]; then
    echo "--- stdout:"; printf '%s\n' "$OUT" | head -40
    echo "--- stderr:"; printf '%s\n' "${ERR-}" | head -40
  fi
}
pass() { T_PASSES=$((T_PASSES + 1)); }

# run ARGS...: runs pops, sets RC, OUT, ERR.
run() {
  OUT=$("$POPS" "$@" 2>"$T_ROOT/stderr")
  RC=$?
  ERR=$(cat "$T_ROOT/stderr")
}

# Time bounds on a pops call. A bound is CPU seconds (user + sys of pops and its children), so a
# loaded machine (CI runs tests side by side with builds) does not fail a call that did its work in
# time, while a super-linear blow-up still does. Wall-clock time is only a hang guard, ten times the
# bound: a call that blocks (a FIFO read, a lock) uses no CPU and is caught by it instead. Under
# sanitizers (POPS_SANITIZED) pops runs up to POPS_SLOWDOWN times slower: every bound, the hang
# guard with it, is scaled by that factor, and there is no address-space cap (a sanitizer reserves
# terabytes).
POPS_SLOWDOWN=1
if [ -n "${POPS_SANITIZED:-}" ]; then POPS_SLOWDOWN=5; fi
POPS_MEM_CAP_KB=1048576
if [ -n "${POPS_SANITIZED:-}" ]; then POPS_MEM_CAP_KB=unlimited; fi

# scaled SECS [FACTOR]: SECS times POPS_SLOWDOWN (and FACTOR), a decimal number.
scaled() { awk -v s="$1" -v k="$POPS_SLOWDOWN" -v f="${2:-1}" 'BEGIN { print s * k * f }'; }

# limited CPU_SECS WALL_SECS MEM_KB ARGS...: runs "$POPS" ARGS (as given, no scaling) under a
# wall-clock timeout of WALL_SECS and an address-space cap of MEM_KB (or "unlimited"). Sets RC, OUT,
# ERR, CPU_S (user + sys seconds), WALL_S, RSS_MB (peak resident set, GNU time's; empty without
# /usr/bin/time) and LIMIT_ERR: empty, or why the call broke its bounds (over CPU_SECS of CPU, or
# stopped by the timeout: then RC is 124).
limited() {
  local cpu=$1 wall=$2 mem=$3
  shift 3
  # GNU time outside timeout: killing a timed-out pops must not leave it running behind a dead parent.
  local -a rss=()
  : >"$T_ROOT/rss"
  if [ -x /usr/bin/time ]; then rss=(/usr/bin/time -f %M -o "$T_ROOT/rss"); fi
  OUT=$(ulimit -v "$mem"
        TIMEFORMAT='%3U %3S %3R'
        { time "${rss[@]}" timeout -k 5 "$wall" "$POPS" "$@" 2>"$T_ROOT/stderr"; } 2>"$T_ROOT/times")
  RC=$?
  ERR=$(cat "$T_ROOT/stderr")
  local user sys kb
  read -r user sys WALL_S <"$T_ROOT/times"
  CPU_S=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  kb=$(tail -n 1 "$T_ROOT/rss")
  RSS_MB=""
  if [[ $kb =~ ^[0-9]+$ ]]; then RSS_MB=$(((kb + 1023) / 1024)); fi
  LIMIT_ERR=""
  # timeout exits 124 when its TERM ended pops, 137 when pops ignored it and needed the KILL.
  if [ "$RC" -eq 137 ] && awk -v w="$WALL_S" -v g="$wall" 'BEGIN { exit !(w >= g) }'; then RC=124; fi
  if [ "$RC" -eq 124 ]; then
    LIMIT_ERR="pops did not end within ${wall}s of wall-clock time (hang guard; ${CPU_S}s of CPU): $*"
  elif awk -v c="$CPU_S" -v b="$cpu" 'BEGIN { exit !(c > b) }'; then
    LIMIT_ERR="pops used ${CPU_S}s of CPU, over its bound of ${cpu}s (${WALL_S}s wall): $*"
  fi
}

# run_limited SECONDS ARGS...: like run, but fails the test when pops uses more than SECONDS of CPU
# or is still running after ten times that of wall-clock time (see limited); memory capped at 1 GiB.
# HANG_GUARD=SECS before the call sets the wall-clock guard instead (scaled like the bound).
run_limited() {
  local secs=$1
  shift
  local wall
  if [ -n "${HANG_GUARD:-}" ]; then wall=$(scaled "$HANG_GUARD"); else wall=$(scaled "$secs" 10); fi
  limited "$(scaled "$secs")" "$wall" "$POPS_MEM_CAP_KB" "$@"
  if [ -n "$LIMIT_ERR" ]; then fail "$LIMIT_ERR"; fi
}

# limits_self_check: the bounds catch what they are for. A fake pops burning 1 s of CPU breaks a
# 0.3 s bound; one sleeping (blocked, no CPU) is stopped by the hang guard; one sleeping 1.5 s with
# no CPU passes a 0.3 s bound: wall time on a loaded machine is not held against it.
limits_self_check() {
  local fake="$T_ROOT/fake-pops" real=$POPS
  cat >"$fake" <<'EOF'
#!/bin/sh
case "$1" in
  burn) exec python3 -c 'import time
while time.process_time() < 1.0: pass' ;;
  *) exec sleep "$2" ;;
esac
EOF
  chmod +x "$fake"
  POPS=$fake
  limited 0.3 20 "$POPS_MEM_CAP_KB" burn
  case "$LIMIT_ERR" in "pops used "*"s of CPU, over its bound of 0.3s"*) pass ;; *) fail "self-check: 1 s of CPU passed a 0.3 s bound ($LIMIT_ERR)" ;; esac
  limited 0.3 1 "$POPS_MEM_CAP_KB" sleep 1000
  case "$LIMIT_ERR" in "pops did not end within 1s"*) pass ;; *) fail "self-check: a blocked call was not stopped ($LIMIT_ERR)" ;; esac
  limited 0.3 20 "$POPS_MEM_CAP_KB" sleep 1.5
  if [ -z "$LIMIT_ERR" ] && [ "$RC" -eq 0 ]; then pass; else fail "self-check: a call sleeping 1.5 s failed a 0.3 s CPU bound ($LIMIT_ERR)"; fi
  POPS=$real
}

expect_rc() {
  if [ "$RC" -eq "$1" ]; then pass; else fail "expected exit $1, got $RC"; fi
}
expect_out() {  # expect_out SUBSTRING: stdout contains it
  case "$OUT" in *"$1"*) pass ;; *) fail "stdout lacks: $1" ;; esac
}
expect_err() {
  case "$ERR" in *"$1"*) pass ;; *) fail "stderr lacks: $1" ;; esac
}
expect_no_out() {
  case "$OUT" in *"$1"*) fail "stdout should not contain: $1" ;; *) pass ;; esac
}
expect_out_line() {  # expect_out_line REGEX: some line of stdout matches the extended regex
  if printf '%s\n' "$OUT" | grep -Eq -- "$1"; then pass; else fail "no stdout line matches: $1"; fi
}
# check_summary_only TEXT: TEXT is one summary line of pops check and nothing else (what a check
# without problems of its own writes on stderr).
check_summary_only() {
  printf '%s\n' "$1" | grep -Eqx '(no problems|[0-9]+ errors?, [0-9]+ warnings?(, [0-9]+ infos?)?) in [0-9]+ files?' &&
    [ "$(printf '%s\n' "$1" | wc -l)" -eq 1 ]
}
expect_err_line() {  # expect_err_line REGEX: some line of stderr matches the extended regex
  if printf '%s\n' "$ERR" | grep -Eq -- "$1"; then pass; else fail "no stderr line matches: $1"; fi
}

# A minimal valid workspace in the current folder: squads payments (PAY) and platform (PLAT),
# people alice and bo.
make_ws() {
  cat > pops.yaml <<'YAML'
version: 1
product: Test Co
squads:
  payments: {name: Payments, prefix: PAY, lead: alice, wip_limit: 2}
  platform: {name: Platform, prefix: PLAT, lead: bo}
people:
  alice: {name: Alice Park, email: alice@example.com, role: pm, squad: payments}
  bo: {name: Bo Lind, email: bo@example.com, role: em, squad: platform}
rituals:
  sprint-review:
    cadence: {every: 2 weeks, on: thursday, from: 2026-01-08}
    template: sprint-review
docs:
  types:
    prd:
      dir: docs/prd
      required: [title, owner, status, items]
      sections: [Problem, Goals]
      review_every: 90 days
YAML
  mkdir -p roadmap feedback docs/prd rituals/sprint-review
  cat > roadmap/payments.yaml <<'YAML'
squad: payments
items:
  - id: PAY-1
    title: One-click refunds
    status: in-progress
    horizon: now
    owner: alice
    target: 2026-12-15
    depends_on: [PLAT-1]
YAML
  cat > roadmap/platform.yaml <<'YAML'
squad: platform
items:
  - id: PLAT-1
    title: Ledger service
    status: shipped
    horizon: now
    owner: bo
YAML
}

# Roadmap files for a workspace made by `pops init` (squad core): valid, a valid retitle, and one
# with an unknown status. Used by the hook and pre-commit tests.
GOOD='squad: core
items:
  - id: CORE-1
    title: First
    status: planned
'
GOOD2='squad: core
items:
  - id: CORE-1
    title: First, renamed
    status: planned
'
BAD='squad: core
items:
  - id: CORE-1
    title: First
    status: plannd
'

# --- Histories with pinned dates (t-metrics, t-slips, t-moves) -----------------------------------

# commit DATE MESSAGE [AUTHOR_DATE]: commits everything, committer date DATE (noon UTC), author date
# AUTHOR_DATE (default DATE).
commit() {
  git add -A && GIT_AUTHOR_DATE="${3:-$1}T12:00:00Z" GIT_COMMITTER_DATE="$1T12:00:00Z" git commit -qm "$2" || exit 1
}

# py CODE: runs CODE with `out`, the JSON of the last stdout; passes when it raises nothing.
py() {
  if printf '%s' "$OUT" | python3 -c "import json,sys; out=json.load(sys.stdin)
$1" 2>"$T_ROOT/py.err"; then pass; else fail "python check failed: $(tail -3 "$T_ROOT/py.err")"; fi
}

# items SQUAD LINES...: writes roadmap/SQUAD.yaml with these item lines.
items() {
  local squad="$1"; shift
  { echo "squad: $squad"; echo "items:"; printf '  %s\n' "$@"; } > "roadmap/$squad.yaml"
}
