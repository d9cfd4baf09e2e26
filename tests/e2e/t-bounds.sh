# Bounds on hostile input. Each case runs pops under a time bound and a 1 GiB address-space cap
# (ulimit -v), measures its CPU time, wall time and peak memory (GNU time's maximum resident set),
# and asserts exit 1, a located message (file:line:col) and both bounds. The same inputs go through
# the working tree (`pops check`), the git index (`pops check --staged`) and, for CSV and scoring
# expressions, `pops feedback import` and `pops rank`. Every measured figure is printed as a
# "bound:" line (docs/performance.md, Hardening). t-hostile.sh has the finer checks of each message.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null 2>&1 || exit 125  # generators below need it
command -v git >/dev/null 2>&1 || exit 125
[ -x /usr/bin/time ] || { echo "skipped: GNU time (/usr/bin/time) is not installed"; exit 125; }

SANITIZED="${POPS_SANITIZED:-}"
FIGURES="$T_ROOT/figures"
: >"$FIGURES"

t_begin "the bounds catch a CPU blow-up and a hang, not a loaded machine"
limits_self_check

# bounded SECS MB ARGS...: runs pops ARGS under the caps of run_limited (tests/e2e/lib.sh); sets RC,
# OUT, ERR, CPU_S, WALL_S (seconds) and RSS_MB. SECS is a bound on pops's CPU time (user + sys), so
# a loaded machine does not fail it but a hang or a super-linear blow-up does; wall-clock time is
# only a hang guard, 10 x SECS, or HANG_GUARD seconds when set (the cases where pops could block
# without using CPU: a FIFO). MB bounds the peak resident set. A sanitizer build (POPS_SANITIZED)
# reserves terabytes of address space and runs several times slower: no memory cap and no memory
# bound, POPS_SLOWDOWN (5) times both times.
bounded() {
  local mb=$2
  run_limited "$1" "${@:3}"
  if [ "$RC" -eq 124 ]; then return; fi  # the hang guard; run_limited failed the test
  if [ "$RC" -ge 128 ]; then fail "pops was killed by signal $((RC - 128))"; return; fi
  printf 'bound: %-58s %-22s %5s s CPU %6s s wall %5s MB\n' "$T_NAME" "${3:-} ${4:-}" "$CPU_S" "$WALL_S" \
    "$RSS_MB" >>"$FIGURES"
  case "$OUT$ERR" in *bad_alloc*) fail "pops ran out of memory" ;; *) pass ;; esac
  if [ -z "$SANITIZED" ] && [ "$RSS_MB" -gt "$mb" ]; then fail "peak memory ${RSS_MB} MB, bound ${mb} MB"; else pass; fi
}

# located_in TEXT FILE RULE: some line of TEXT is "FILE:LINE:COL: error: ... [RULE]".
located_in() {
  local re="^${2//./\\.}:[0-9]+:[0-9]+: error: .+ \\[$3\\]\$"
  if printf '%s\n' "$1" | grep -Eq -- "$re"; then pass; else fail "no located error for $2 [$3]"; fi
}

# hostile_file PATH RULE SECS MB: the file at PATH is in the working tree. `pops check` must report
# it (exit 1, located), then the same through the git index with `pops check --staged`.
hostile_file() {
  local path=$1 rule=$2 secs=$3 mb=$4
  bounded "$secs" "$mb" check
  expect_rc 1
  located_in "$OUT" "$path" "$rule"
  if ! check_summary_only "$ERR"; then fail "unexpected stderr: $ERR"; else pass; fi
  git add -A -- . 2>/dev/null
  bounded "$secs" "$mb" check --staged
  expect_rc 1
  located_in "$OUT" "$path" "$rule"
}

# benign_file SECS MB: the workspace with the new file passes, in the working tree and the index.
benign_file() {
  bounded "$1" "$2" check
  expect_rc 0
  git add -A -- . 2>/dev/null
  bounded "$1" "$2" check --staged
  expect_rc 0
}

# A workspace in a fresh git repository with one commit.
git_ws() {
  make_ws
  git init -q -b main .
  git add -A
  git commit -qm "workspace"
}

# --- nesting ------------------------------------------------------------------------------------

t_begin "100000 nested ["
git_ws
python3 -c "print('[' * 100000)" >roadmap/deep.yaml
hostile_file roadmap/deep.yaml yaml-syntax 10 100

t_begin "100000 nested {"
git_ws
python3 -c "print('{' * 100000)" >roadmap/deep.yaml
hostile_file roadmap/deep.yaml yaml-syntax 10 100

t_begin "100000 nested block mappings (explicit keys on one line)"
git_ws
python3 -c "print('? ' * 100000 + 'x')" >roadmap/deep.yaml
hostile_file roadmap/deep.yaml yaml-syntax 10 100

t_begin "100000 nested block sequences (compact, on one line)"
git_ws
python3 -c "print('- ' * 100000 + 'x')" >roadmap/deep.yaml
hostile_file roadmap/deep.yaml yaml-syntax 10 100

# With indentation, 4,000 levels of block mappings is about the most that fits under the 8 MiB limit.
t_begin "4000 nested indented block mappings"
git_ws
python3 -c "
import sys
sys.stdout.write(''.join(' ' * i + 'k:\n' for i in range(4000)))" >roadmap/deep.yaml
hostile_file roadmap/deep.yaml yaml-syntax 10 100

# --- aliases and size ---------------------------------------------------------------------------

t_begin "billion laughs"
git_ws
python3 - >roadmap/bomb.yaml <<'EOF'
print('squad: payments')
print('a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]')
for i in range(1, 10):
    prev, cur = chr(ord('a') + i - 1), chr(ord('a') + i)
    print(f'{cur}: &{cur} [' + ','.join(['*' + prev] * 9) + ']')
print('items: *j')
EOF
hostile_file roadmap/bomb.yaml yaml-syntax 10 100

t_begin "a 100 MB scalar"
git_ws
{ printf 'squad: '; head -c 100000000 /dev/zero | tr '\0' a; echo; } >roadmap/big.yaml
hostile_file roadmap/big.yaml yaml-syntax 10 100
expect_out_line '^roadmap/big\.yaml:1:1: error: file is 100000008 bytes, over the limit of 8388608 bytes \(8 MiB\)'
rm -f roadmap/big.yaml

# --- encoding -----------------------------------------------------------------------------------

t_begin "invalid UTF-8"
git_ws
printf 'squad: payments\nitems:\n  - id: PAY-9\n    title: bad \xff here\n    status: idea\n' >roadmap/enc.yaml
hostile_file roadmap/enc.yaml yaml-syntax 10 100

t_begin "NUL bytes"
git_ws
printf 'squad: payments\nitems:\n  - id: PAY-9\n    title: nul \0 here\n    status: idea\n' >roadmap/enc.yaml
hostile_file roadmap/enc.yaml yaml-syntax 10 100

t_begin "binary junk (1 MiB, seeded)"
git_ws
python3 -c "
import random, sys
random.seed(7)
sys.stdout.buffer.write(random.getrandbits(8 << 20).to_bytes(1 << 20, 'little'))" >roadmap/junk.yaml
hostile_file roadmap/junk.yaml yaml-syntax 10 100

# format-v1: a UTF-8 byte order mark is allowed (and skipped); CRLF line endings are allowed.
t_begin "a BOM is accepted"
git_ws
printf '\xef\xbb\xbfsquad: platform\nitems:\n  - id: PLAT-2\n    title: BOM\n    status: idea\n' >roadmap/bom.yaml
benign_file 10 100
printf '\xef\xbb\xbfsquad: platform\nitems:\n  - id: PLAT-2\n    title: BOM\n    status: idee\n' >roadmap/bom.yaml
hostile_file roadmap/bom.yaml schema 10 100
located_in "$OUT" roadmap/bom.yaml schema

t_begin "CRLF is accepted"
git_ws
printf 'squad: platform\r\nitems:\r\n  - id: PLAT-2\r\n    title: CRLF\r\n    status: idea\r\n' >roadmap/crlf.yaml
benign_file 10 100
printf 'squad: platform\r\nitems:\r\n  - id: PLAT-2\r\n    title: CRLF\r\n    status: idee\r\n' >roadmap/crlf.yaml
hostile_file roadmap/crlf.yaml schema 10 100
expect_out_line '^roadmap/crlf\.yaml:5:13: error: unknown status'

t_begin "tabs in indentation"
git_ws
printf 'squad: platform\nitems:\n  - id: PLAT-2\n\ttitle: tab\n' >roadmap/tabs.yaml
hostile_file roadmap/tabs.yaml yaml-syntax 10 100

t_begin "duplicate keys"
git_ws
printf 'squad: platform\nitems:\n  - id: PLAT-2\n    title: a\n    title: b\n    status: idea\n' >roadmap/dup.yaml
hostile_file roadmap/dup.yaml duplicate-key 10 100
expect_out_line '^roadmap/dup\.yaml:5:5: error: duplicate key .title.'

t_begin "multi-document files"
git_ws
printf 'squad: platform\nitems: []\n---\nsquad: payments\nitems: []\n' >roadmap/multi.yaml
hostile_file roadmap/multi.yaml yaml-syntax 10 100
expect_out_line '^roadmap/multi\.yaml:3:1: error: .*one YAML document'

t_begin "empty files"
git_ws
: >roadmap/empty.yaml
: >feedback/empty.yaml
hostile_file roadmap/empty.yaml schema 10 100
located_in "$OUT" feedback/empty.yaml schema

t_begin "a doc and a ritual note with 100000 nested [ in front matter"
git_ws
{ printf -- '---\ntitle: Deep\n'; python3 -c "print('tags: ' + '[' * 100000)"; printf -- '---\n# Problem\n'; } >docs/prd/deep.md
cp docs/prd/deep.md rituals/sprint-review/2026-11-19.md
hostile_file docs/prd/deep.md yaml-syntax 10 100
located_in "$OUT" rituals/sprint-review/2026-11-19.md yaml-syntax

# --- links, special files, many files -----------------------------------------------------------

t_begin "a symlink pointing outside the workspace is not followed"
mkdir outside ws && cd ws && git_ws
printf 'squad: platform\nitems: [secret\n' >"$T_DIR/outside/evil.yaml"
ln -s "$T_DIR/outside/evil.yaml" roadmap/evil.yaml
hostile_file roadmap/evil.yaml yaml-syntax 10 100
expect_out_line '^roadmap/evil\.yaml:1:1: error: .*not followed'
expect_no_out "secret"
git commit -qm "link"
bounded 10 100 check --rev HEAD
expect_rc 1
expect_out_line '^roadmap/evil\.yaml:1:1: error: .*not followed'
expect_no_out "single value"

t_begin "a FIFO does not block"
git_ws
mkfifo roadmap/p.yaml
HANG_GUARD=30 bounded 10 100 check  # opening a FIFO for reading blocks without using CPU
expect_rc 1
located_in "$OUT" roadmap/p.yaml yaml-syntax

t_begin "20000 roadmap files, one of them bad"
git_ws
python3 - <<'EOF'
import os
os.makedirs('roadmap/many', exist_ok=True)
for i in range(20000):
    status = 'idee' if i == 12345 else 'idea'
    with open(f'roadmap/many/f{i:05d}.yaml', 'w') as f:
        f.write(f'squad: platform\nitems:\n  - id: PLAT-{i + 10}\n    title: Item {i}\n    status: {status}\n')
EOF
hostile_file roadmap/many/f12345.yaml schema 30 300
expect_out_line '^roadmap/many/f12345\.yaml:5:13: error: unknown status'

# --- feedback import ----------------------------------------------------------------------------

# import_bad CSV SECS MB: `pops feedback import` of CSV ends by itself under the bounds with exit 1,
# names the file and line of each bad row, and leaves the workspace passing `pops check`.
import_bad() {
  bounded "$2" "$3" feedback import "$1" --source other
  expect_rc 1
  if printf '%s\n' "$ERR" | grep -Eq "^pops: error: ${1//./\\.}:[0-9]+(: column [0-9]+)?: "; then pass
  else fail "no located import error for $1"; fi
  run check
  expect_rc 0
}

# A file pops refuses whole (too large, no header row) is not a finding but a file pops could not
# use: exit 2, the file named (docs/commands.md, exit codes).
t_begin "feedback import: a 100 MB field"
git_ws
{ printf 'date,quote,url\n2026-11-02,'; head -c 100000000 /dev/zero | tr '\0' a; printf ',u1\n'; } >big.csv
bounded 10 100 feedback import big.csv --source other
expect_rc 2
expect_err "pops: error: cannot read 'big.csv': it is larger than 64 MiB"
rm -f big.csv
run check
expect_rc 0

t_begin "feedback import: invalid UTF-8, NUL bytes, an unclosed quote"
git_ws
printf 'date,quote,url\n2026-11-03,bad \377 bytes,u2\n2026-11-04,nul \000 byte,u3\n2026-11-05,"never closed,u4\n' >bad.csv
import_bad bad.csv 10 100

t_begin "feedback import: binary junk"
git_ws
python3 -c "
import random, sys
random.seed(3)
sys.stdout.buffer.write(b'date,quote,url\n' + random.getrandbits(8 << 20).to_bytes(1 << 20, 'little'))" >junk.csv
import_bad junk.csv 10 200

t_begin "feedback import: an empty file"
git_ws
: >empty.csv
bounded 10 100 feedback import empty.csv --source other
expect_rc 2
expect_err "pops: error: 'empty.csv' has no header row"

t_begin "feedback import: BOM and CRLF are accepted"
git_ws
printf '\xef\xbb\xbfdate,quote,url\r\n2026-11-02,"multi\r\nline",u1\r\n' >ok.csv
bounded 10 100 feedback import ok.csv --source other
expect_rc 0
expect_err "imported 1 entry"

# --- rank: hostile scoring expressions ----------------------------------------------------------

t_begin "rank: 100000 nested ( in a scoring model"
git_ws
python3 - >>pops.yaml <<'EOF'
print('scoring:\n  models:\n    deep: "' + '(' * 100000 + 'reach' + ')' * 100000 + '"')
EOF
bounded 10 100 check
expect_rc 1
located_in "$OUT" pops.yaml schema
bounded 10 100 rank --model deep
if [ "$RC" -eq 1 ] || [ "$RC" -eq 2 ]; then pass; else fail "rank exit $RC"; fi
expect_err "scoring model 'deep' in pops.yaml has errors"

echo "figures (CPU time, wall time, peak memory):"
cat "$FIGURES"
