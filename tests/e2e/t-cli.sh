# The command line itself: help, version, unknown commands, -C, exit codes.
SRC=$(cd "$(dirname "$0")/../.." && pwd)
. "$(dirname "$0")/lib.sh"

t_begin "version"
run --version; expect_rc 0; expect_out "pops 0."
run version; expect_rc 0; expect_out "pops 0."

t_begin "help lists every command"
run help; expect_rc 0
for c in check init roadmap help version; do expect_out "  $c "; done
run --help; expect_rc 0; expect_out "usage: pops"

t_begin "help for a command comes from its options"
run help check; expect_rc 0; expect_out "--format"; expect_out "--strict"
run check --help; expect_rc 0; expect_out "--format"

t_begin "help for an unknown command"
run help chek; expect_rc 2; expect_err "did you mean 'pops help check'?"
run help rulse; expect_rc 2; expect_err "did you mean 'pops help rules'?"

t_begin "help for a subcommand is the subcommand's --help"
run help item set; expect_rc 0; expect_out "Usage: pops item set"; expect_out "changes"
[ "$OUT" = "$("$POPS" item set --help)" ] && pass || fail "help item set differs from item set --help"
run help feedback import; expect_rc 0; expect_out "Usage: pops feedback import"
run help item ste; expect_rc 2; expect_err "not a subcommand of 'pops item'"; expect_err "did you mean 'pops help item set'?"
run help check extra; expect_rc 2; expect_err "'pops check' has no subcommands"

t_begin "help rules lists the rule table; help rule ID explains one"
run help rules; expect_rc 0
expect_out_line '^  schema +error +a value that does not fit the workspace format$'
expect_out_line '^  wip-limit '
rules=$(printf '%s\n' "$OUT" | awk '/^  [a-z]/ {print $1}')
[ "$(printf '%s\n' "$rules" | wc -l)" -ge 20 ] && pass || fail "too few rules listed"
for r in $rules; do
  run help rule "$r"; expect_rc 0; expect_out_line "^$r \\(default severity: (error|warning|info|off)\\)$"
  expect_out_line "^    $r: warning$"
done
# Every rule that docs/rules.md documents is in the binary's table.
for r in $(grep -E '^## [a-z]+(-[a-z]+)*$' "$SRC/docs/rules.md" | cut -c4-); do
  printf '%s\n' "$rules" | grep -qx -- "$r" && pass || fail "rule $r of docs/rules.md missing from help rules"
done
run help rule schem; expect_rc 2; expect_err "no rule 'schem'"; expect_err "did you mean 'pops help rule schema'?"
run help rule; expect_rc 2; expect_err "takes one rule id"
# Wrapped to the terminal's width.
COLUMNS=60 run help rule schema; expect_rc 0
[ "$(printf '%s\n' "$OUT" | awk '{ if (length > m) m = length } END { print m+0 }')" -le 60 ] && pass || fail "help rule wider than 60"

t_begin "the example of pops help rule in docs/commands.md is its output"
want=$(awk '/^  \$ pops help rule id-prefix$/ {on=1; next} on && /^  ```$/ {exit} on {sub(/^  /, ""); print}' "$SRC/docs/commands.md")
[ -n "$want" ] && pass || fail "example not found in docs/commands.md"
COLUMNS=80 run help rule id-prefix; expect_rc 0
[ "$OUT" = "$want" ] && pass || fail "docs/commands.md shows other output than pops help rule id-prefix"

t_begin "help format is the format reference"
run help format; expect_rc 0; expect_out_line '^# Workspace format, version 1$'
[ "$OUT" = "$(cat "$SRC/docs/format.md")" ] && pass || fail "help format differs from docs/format.md"

t_begin "unknown command suggests the closest one"
run chek; expect_rc 2; expect_err "pops: error: 'chek' is not a pops command"; expect_err "did you mean 'pops check'?"
run frobnicate; expect_rc 2; expect_err "see 'pops help'"

t_begin "no command prints usage and exits 2"
run; expect_rc 2; expect_err "usage: pops"

t_begin "unknown option"
run --bogus check; expect_rc 2; expect_err "unknown option '--bogus'"
make_ws
run check --bogus; expect_rc 2; expect_err "pops: error: check:"; expect_err "see 'pops help check'"
run check --format yaml; expect_rc 2

t_begin "unknown subcommands and options get a did you mean from the real ones"
make_ws
run item ad; expect_rc 2; expect_err "pops: error: 'ad' is not a subcommand of 'pops item'"; expect_err "did you mean 'pops item add'?"
run item list; expect_rc 2; expect_err "'list' is not a subcommand of 'pops item'"; expect_err "'pops item' takes one of: add, set, move, drop"
run feedback lst; expect_rc 2; expect_err "did you mean 'pops feedback list'?"
run ritual actoins; expect_rc 2; expect_err "did you mean 'pops ritual actions'?"
run item; expect_rc 2; expect_err "item: a subcommand is required"; expect_err "'pops item' takes one of: add, set"
run roadmap --sqad payments; expect_rc 2; expect_err "roadmap: unknown option '--sqad'"; expect_err "did you mean '--squad'?"
run roadmap --squad=payments --stauts=x; expect_rc 2; expect_err "unknown option '--stauts'"; expect_err "did you mean '--status'?"
run roadmap --format json --sqad=payments; expect_rc 2; expect_err "did you mean '--squad'?"
run item set PAY-1 status=done --forse; expect_rc 2; expect_err "item set: unknown option '--forse'"; expect_err "did you mean '--force'?"
run item add x --sqad payments; expect_rc 2; expect_err "item add: unknown option '--sqad'"
run roadmap --quiett; expect_rc 2; expect_err "did you mean '--quiet'?"
run roadmap -Z; expect_rc 2; expect_err "unknown option '-Z'"; expect_err "see 'pops help roadmap'"
# A value that looks like a subcommand or option is a value.
run roadmap --squad add --format json; expect_rc 2; case "$ERR" in *"not a subcommand"*|*"unknown option"*) fail "a value taken for a subcommand" ;; *) pass ;; esac
run roadmap --squad payments --format json; expect_rc 0

t_begin "outside a workspace"
run check; expect_rc 2; expect_err "not a pops workspace"; expect_err "pops init"

t_begin "-C runs elsewhere, and the workspace is found from a subfolder"
mkdir ws && (cd ws && make_ws)
run -C ws check; expect_rc 0; expect_err "no problems in"
run -C ws/roadmap check; expect_rc 0
run -C missing check; expect_rc 2; expect_err "cannot change to 'missing'"

t_begin "-C after -C is relative to it, like git; an absolute one replaces it; an empty one is none"
mkdir ws && (cd ws && make_ws)
run -C ws -C roadmap check; expect_rc 0; expect_err "no problems in"
mkdir elsewhere
printf '#!/bin/sh\npwd\n' > pwd.sh && chmod +x pwd.sh
mkdir -p "$T_ROOT/bin" && cp pwd.sh "$T_ROOT/bin/pops-pwd"
PATH="$T_ROOT/bin:$PATH" run -C ws -C roadmap pwd; expect_rc 0; [ "$OUT" = "$T_DIR/ws/roadmap" ] && pass || fail "pwd: $OUT"
PATH="$T_ROOT/bin:$PATH" run -C ws -Croadmap -C .. pwd; [ "$OUT" = "$T_DIR/ws" ] && pass || fail "pwd: $OUT"
PATH="$T_ROOT/bin:$PATH" run -C ws -C "$T_DIR/elsewhere" pwd; [ "$OUT" = "$T_DIR/elsewhere" ] && pass || fail "pwd: $OUT"
PATH="$T_ROOT/bin:$PATH" run -C ws -C "" pwd; [ "$OUT" = "$T_DIR/ws" ] && pass || fail "pwd: $OUT"
run -C ws -C missing check; expect_rc 2; expect_err "cannot change to 'ws/missing'"

t_begin "POPS_TODAY must be a date"
make_ws
POPS_TODAY=tomorrow run check; expect_rc 2; expect_err "POPS_TODAY"

t_begin "no colour without a terminal, even when asked by CLICOLOR_FORCE with NO_COLOR"
make_ws
sed -i 's/status: in-progress/status: in-progres/' roadmap/payments.yaml
run check; expect_rc 1
case "$OUT" in *$'\033['*) fail "escape codes in non-terminal output" ;; *) pass ;; esac
CLICOLOR_FORCE=1 run check; case "$OUT" in *$'\033['*) fail "colour despite NO_COLOR" ;; *) pass ;; esac
(unset NO_COLOR; CLICOLOR_FORCE=1 "$POPS" check > "$T_DIR/forced.txt")
if grep -q $'\033\[' "$T_DIR/forced.txt"; then pass; else fail "CLICOLOR_FORCE should colour"; fi
(unset NO_COLOR; CLICOLOR_FORCE=1 "$POPS" --no-color check > "$T_DIR/nocolor.txt")
if grep -q $'\033\[' "$T_DIR/nocolor.txt"; then fail "--no-color still coloured"; else pass; fi

t_begin "every command in the table has help that works outside a workspace"
cmds=$("$POPS" help | awk '/^commands:/ {on=1; next} on && /^  [a-z]/ {print $1} on && /^$/ {exit}')
[ -n "$cmds" ] && pass || fail "no commands listed"
for c in $cmds; do
  run help "$c"; expect_rc 0; expect_out "pops $c"
  run "$c" --help; expect_rc 0; expect_out "pops $c"
done
