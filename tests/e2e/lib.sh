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

# run_limited SECONDS ARGS...: like run, but fails the test if pops takes longer (hang guard) and
# caps memory at 1 GiB.
run_limited() {
  local secs="$1"; shift
  local mem=1048576
  # Sanitizers reserve terabytes of address space; only the time limit applies to them.
  if [ -n "${POPS_SANITIZED:-}" ]; then mem=unlimited; secs=$((secs * 4)); fi
  OUT=$( (ulimit -v "$mem"; timeout "$secs" "$POPS" "$@") 2>"$T_ROOT/stderr")
  RC=$?
  ERR=$(cat "$T_ROOT/stderr")
  if [ "$RC" -eq 124 ]; then fail "pops took longer than ${secs}s: $*"; fi
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
