# Terminals: item titles and descriptions, feedback, documents, ritual notes, commit messages and file
# names full of terminal controls (OSC, CSI, a raw C1 CSI, DEL, BEL, a right-to-left override) reach
# no terminal through any command or text format; only pops's own colours appear; JSON keeps the exact
# value (docs/security.md, Terminals).
. "$(dirname "$0")/lib.sh"

# The hostile text: OSC 0 (window title) ended by BEL, CSI 2 J (clear screen), C1 CSI 31 m, DEL, BEL,
# U+202E. In YAML double quotes, and as the bytes pops reads.
HY='\e]0;x\a\e[2J\x9b31m\x7f\a\u202e'
H=$(printf '\033]0;x\a\033[2J\302\23331m\177\a\342\200\256')
ESC=$(printf '\033')
BEL=$(printf '\a')

# Reads the bytes of stdout and stderr (files $1 and $2): no terminal control but the colour codes pops
# emits, and those only when $3 is "color".
BYTES_CHECK='
import re, sys
data = open(sys.argv[1], "rb").read() + open(sys.argv[2], "rb").read()
if sys.argv[3] == "color":
    data = re.sub(rb"\x1b\[(3[1-6]|[012])m", b"", data)
bad = [b"\x1b", b"\x07", b"\x7f", b"\r", b"\x08", "\u202e".encode()]
bad += [bytes([0xC2, c]) for c in range(0x80, 0xA0)]
found = [b for b in bad if b in data]
assert not found, found
'

# check_bytes LABEL [color]: the last run printed nothing a terminal acts on.
check_bytes() {
  printf '%s' "$OUT" >"$T_ROOT/out.bytes"
  printf '%s' "$ERR" >"$T_ROOT/err.bytes"
  if r=$(python3 -c "$BYTES_CHECK" "$T_ROOT/out.bytes" "$T_ROOT/err.bytes" "${2:-plain}" 2>&1); then pass; else
    fail "$1: terminal controls in the output: $(printf '%s' "$r" | tail -1)"
  fi
}

# check_json LABEL PYTHON: the last run's stdout parses as JSON (bound to d) and PYTHON holds, with H the
# hostile text.
check_json() {
  printf '%s' "$OUT" >"$T_ROOT/out.json"
  if r=$(H="$H" python3 -c '
import json, os, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
H = os.environb[b"H"].decode("utf-8")
def strings(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, dict):
        for x in v.values():
            yield from strings(x)
    elif isinstance(v, list):
        for x in v:
            yield from strings(x)
'"$2" "$T_ROOT/out.json" 2>&1); then pass; else fail "$1: $(printf '%s' "$r" | tail -1)"; fi
  check_bytes "$1"
}

# A workspace with history whose every text holds the hostile text.
hostile_ws() {
  make_ws
  git init -q -b main . && git add -A && git commit -q -m "Start"
  cat >>roadmap/payments.yaml <<YAML
    description: "Refunds $HY in one click"
    tags: ["$HY"]
  - id: PAY-2
    title: "Refunds $HY"
    status: planned
    horizon: next
    owner: alice
    score: {reach: 100, impact: 2, confidence: 80%, effort: 3}
YAML
  sed -i 's/title: One-click refunds/title: "One-click '"$(printf '%s' "$HY" | sed 's/\\/\\\\/g')"' refunds"/' roadmap/payments.yaml
  cat >feedback/2026-11.yaml <<YAML
entries:
  - id: FB-1
    date: 2026-11-03
    source: support
    customer: "Acme $HY"
    segment: "smb $HY"
    arr: 1000
    quote: "Too slow $HY"
    summary: "Slow $HY"
    tags: ["refunds $HY"]
    items: [PAY-1, PAY-2]
  - id: FB-2
    date: 2026-11-04
    source: sales
    customer: "Globex $HY"
    summary: "Also slow $HY"
    items: [PAY-2]
YAML
  cat >docs/prd/refunds.md <<YAML
---
title: "Refunds $HY"
type: prd
owner: alice
status: review
items: [PAY-1]
created: 2026-09-14
---
# Refunds $H

## Problem
$H

## Goals
Fast.
YAML
  cp docs/prd/refunds.md "docs/prd/evil${ESC}[2J${BEL}.md"
  cat >rituals/sprint-review/2026-11-19.md <<YAML
---
ritual: sprint-review
date: 2026-11-19
attendees: [alice]
decisions:
  - "Ship $HY"
actions:
  - {what: "Call $HY", owner: alice, due: 2026-11-20, done: false}
---
# Sprint review $H
YAML
  git add -A
  printf 'Retitle %s\n\nBody %s\n' "$H" "$H" >"$T_ROOT/msg"
  GIT_AUTHOR_DATE=2026-11-21T10:00:00Z GIT_COMMITTER_DATE=2026-11-21T10:00:00Z git commit -q -F "$T_ROOT/msg"
}

t_begin "text formats of every command print no terminal control"
hostile_ws
while IFS= read -r line; do
  [ -z "$line" ] && continue
  # shellcheck disable=SC2086
  run $line
  if [ "$RC" -gt 1 ]; then fail "pops $line: exit $RC"; fi
  check_bytes "pops $line"
done <<'CMDS'
show PAY-1
show PAY-2
show PAY-1 --at HEAD~1
diff HEAD~1
diff HEAD~1 --format markdown
log
log PAY-1
roadmap
roadmap --format table
roadmap --format markdown
roadmap --format mermaid
check
check --format github
digest --since 2026-11-01
digest --since 2026-11-01 --format text
digest --since 2026-11-01 --audience exec
metrics --since 2026-11-01
metrics --since 2026-11-01 --format markdown
feedback list
feedback list --format markdown
rank
rank --format markdown
rank --explain PAY-2
rank --explain PAY-2 --format markdown
insights
insights --format markdown
insights --by customer
insights --by tag --format markdown
ritual list
ritual next
ritual actions
doc list
report --format markdown
item set PAY-2 status=in-progress --dry-run
CMDS
pass

t_begin "the values are there, shown with '?'"
hostile_ws
run show PAY-2
expect_out 'Refunds ?]0;x??[2J?31m???'
run feedback list --format markdown
expect_out 'Acme ?\]0;x??\[2J?31m???'

t_begin "arguments and file names in messages print no terminal control"
hostile_ws
run show "PAY-9$H"
expect_rc 2
check_bytes "show with a hostile id"
run roadmap --format "$H"
check_bytes "a hostile format"
run "nope$H"
check_bytes "a hostile command"
run export json -o "roadmap/$H.json"
expect_rc 2
check_bytes "a hostile -o"

t_begin "a Markdown report written to a file has no terminal control either"
hostile_ws
run report --format markdown -o "$T_DIR/report.md"
expect_rc 0
OUT=$(cat "$T_DIR/report.md"); ERR=""
expect_out "Refunds ?\\]0;x"
check_bytes "report.md"

t_begin "with colour forced only pops's own colour codes appear"
hostile_ws
for args in "show PAY-2" "diff HEAD~1" "log" "roadmap" "check" "rank" "ritual actions" "show PAY-9$H"; do
  # shellcheck disable=SC2086
  OUT=$(env -u NO_COLOR CLICOLOR_FORCE=1 "$POPS" $args 2>"$T_ROOT/stderr"); RC=$?; ERR=$(cat "$T_ROOT/stderr")
  check_bytes "coloured pops $args" color
done
case "$OUT$ERR" in *"$ESC[31m"*) pass ;; *) fail "no colour at all: the test does not test colour" ;; esac

t_begin "json keeps the exact bytes, escaped"
hostile_ws
run show PAY-2 --format json
check_json "show json" 'assert d["title"] == "Refunds " + H, d["title"]'
run roadmap --format json
check_json "roadmap json" 'assert "Refunds " + H in strings(d), d'
run feedback list --format json
check_json "feedback json" 'assert d[0]["customer"] == "Acme " + H, d[0]'
run log --format json
check_json "log json" 'assert "Retitle " + H in strings(d), d'
run export json
check_json "export json" 'assert "Refunds " + H in strings(d), d'
run export json -o "$T_DIR/out.json"
OUT=$(cat "$T_DIR/out.json"); ERR=""
check_json "export json to a file" 'assert "Refunds " + H in strings(d), d'
run check --format sarif
check_json "sarif" 'assert d["version"] == "2.1.0"'
run doc list --format json
check_json "doc json" 'assert any(x["title"] == "Refunds " + H for x in d), d'
