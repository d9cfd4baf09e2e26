# Colour (--color=auto|always|never, NO_COLOR, FORCE_COLOR, CLICOLOR_FORCE) and the pager (POPS_PAGER,
# pops.yaml pager:, PAGER, less -FRX; --no-pager), on a real terminal made by script(1).
. "$(dirname "$0")/lib.sh"
if ! command -v script >/dev/null; then
  echo "skip: script(1) is not installed (util-linux)"
  trap - EXIT
  rm -rf "$T_ROOT"
  exit 125
fi
unset NO_COLOR FORCE_COLOR CLICOLOR_FORCE POPS_PAGER PAGER LESS
export TERM=xterm
ESC=$(printf '\033')

# on_tty CMD...: runs the shell command line CMD in a pseudo-terminal of 100 columns; OUT is what the
# terminal showed (carriage returns removed), RC the exit status.
on_tty() {
  OUT=$(set -o pipefail; script -qec "stty cols 100 2>/dev/null; $*" /dev/null </dev/null | tr -d '\r')
  RC=$?
  ERR=""
}
has_esc() { case "$1" in *"$ESC["*) return 0 ;; *) return 1 ;; esac; }

# A workspace with one finding, so that pops check prints a coloured "error:".
setup() {
  make_ws
  sed -i 's/status: in-progress/status: in-progres/' roadmap/payments.yaml
}

t_begin "colour: auto on a terminal, off through a pipe; NO_COLOR, FORCE_COLOR and --color decide"
setup
export POPS_PAGER=cat  # less would add its own escapes
on_tty "'$POPS' check"; expect_rc 1; has_esc "$OUT" && pass || fail "no colour on a terminal"
on_tty "NO_COLOR=1 '$POPS' check"; has_esc "$OUT" && fail "colour despite NO_COLOR" || pass
on_tty "FORCE_COLOR=0 '$POPS' check"; has_esc "$OUT" && fail "colour despite FORCE_COLOR=0" || pass
on_tty "'$POPS' --color=never check"; has_esc "$OUT" && fail "colour despite --color=never" || pass
on_tty "'$POPS' check --color never"; has_esc "$OUT" && fail "colour despite check --color never" || pass
on_tty "'$POPS' --no-color check"; has_esc "$OUT" && fail "colour despite --no-color" || pass
OUT=$("$POPS" check 2>&1); has_esc "$OUT" && fail "colour through a pipe" || pass
OUT=$(FORCE_COLOR=1 "$POPS" check 2>&1); has_esc "$OUT" && pass || fail "FORCE_COLOR=1 should colour a pipe"
OUT=$(CLICOLOR_FORCE=1 "$POPS" check 2>&1); has_esc "$OUT" && pass || fail "CLICOLOR_FORCE=1 should colour a pipe"
OUT=$(NO_COLOR=1 FORCE_COLOR=1 "$POPS" check 2>&1); has_esc "$OUT" && fail "NO_COLOR beats FORCE_COLOR" || pass
OUT=$(NO_COLOR=1 "$POPS" --color=always check 2>&1); has_esc "$OUT" && pass || fail "--color=always beats NO_COLOR"
OUT=$(NO_COLOR=1 "$POPS" --color always check 2>&1); has_esc "$OUT" && pass || fail "--color always (two words)"
OUT=$("$POPS" check --color=always 2>&1); has_esc "$OUT" && pass || fail "check --color=always"
# A bare --color after the command means always, as before it, and takes no word that is not a WHEN.
OUT=$("$POPS" roadmap --color 2>&1); has_esc "$OUT" && pass || fail "roadmap --color: $OUT"
run show --color PAY-1; expect_rc 0; has_esc "$OUT" && pass || fail "show --color PAY-1: $OUT"
expect_out "status:"
OUT=$(FORCE_COLOR=1 "$POPS" --color=auto check 2>&1); has_esc "$OUT" && pass || fail "--color=auto keeps FORCE_COLOR"
run --color=sometimes check; expect_rc 2; expect_err "--color 'sometimes' is not one of auto, always, never"
run check --color=sometimes; expect_rc 2; expect_err "sometimes not in {auto,always,never}"
run --colour=always check; expect_rc 2; expect_err "did you mean '--color'?"

t_begin "colour: extensions get it through NO_COLOR and CLICOLOR_FORCE"
mkdir -p "$T_ROOT/bin"
printf '#!/bin/sh\necho "nc=${NO_COLOR-unset} force=${CLICOLOR_FORCE-unset}"\n' > "$T_ROOT/bin/pops-env"
chmod +x "$T_ROOT/bin/pops-env"
OUT=$(PATH="$T_ROOT/bin:$PATH" NO_COLOR=1 "$POPS" --color=always env); [ "$OUT" = "nc=unset force=1" ] && pass || fail "always: $OUT"
OUT=$(PATH="$T_ROOT/bin:$PATH" CLICOLOR_FORCE=1 "$POPS" --color=never env); [ "$OUT" = "nc=1 force=unset" ] && pass || fail "never: $OUT"

t_begin "pager: a view on a terminal goes through POPS_PAGER, with its colours"
unset POPS_PAGER
setup
on_tty "POPS_PAGER='cat > paged.txt' '$POPS' check"; expect_rc 1
grep -q 'in-progres' paged.txt && pass || fail "check's findings did not reach the pager"
grep -q "$ESC\[" paged.txt && pass || fail "no colour through the pager"
# The pager gets standard error too, when it is the terminal: the summary is in order with the findings.
grep -q 'error' paged.txt && pass || fail "stderr did not reach the pager"
rm -f paged.txt
on_tty "POPS_PAGER='cat > paged.txt' '$POPS' --no-pager check"; expect_rc 1
[ ! -e paged.txt ] && pass || fail "--no-pager still paged"
case "$OUT" in *in-progres*) pass ;; *) fail "--no-pager: no output on the terminal" ;; esac
on_tty "POPS_PAGER='cat > paged.txt' '$POPS' check --no-pager"; [ ! -e paged.txt ] && pass || fail "check --no-pager still paged"
# Not a terminal: never paged.
POPS_PAGER='cat > paged.txt' "$POPS" check > out.txt 2>&1
[ ! -e paged.txt ] && pass || fail "paged through a pipe"
# A command that writes is not paged.
on_tty "POPS_PAGER='cat > paged.txt' '$POPS' item set PAY-1 status=in-progress"; expect_rc 0
[ ! -e paged.txt ] && pass || fail "item set was paged"
# The terminal's width reaches the command through the pager.
on_tty "stty cols 50; POPS_PAGER='cat > paged.txt' '$POPS' help rule schema"; expect_rc 0
[ "$(awk '{ if (length > m) m = length } END { print m+0 }' paged.txt)" -le 50 ] && pass || fail "wider than the terminal through the pager"

t_begin "pager: POPS_PAGER, then pops.yaml pager:, then PAGER, then less -FRX; cat and false mean none"
make_ws
on_tty "PAGER='cat > pager.txt' '$POPS' roadmap"; [ -s pager.txt ] && pass || fail "PAGER not used"
rm -f pager.txt
echo "pager: cat > config.txt" >> pops.yaml
run check; expect_rc 0
on_tty "PAGER='cat > pager.txt' '$POPS' roadmap"; [ -s config.txt ] && [ ! -e pager.txt ] && pass || fail "pops.yaml pager: not preferred to PAGER"
rm -f config.txt
on_tty "POPS_PAGER='cat > env.txt' '$POPS' roadmap"; [ -s env.txt ] && [ ! -e config.txt ] && pass || fail "POPS_PAGER not preferred to pops.yaml"
sed -i 's/^pager: .*/pager: false/' pops.yaml
run check; expect_rc 0
on_tty "PAGER='cat > pager.txt' '$POPS' roadmap"; [ ! -e pager.txt ] && pass || fail "pager: false still paged"
case "$OUT" in *PAY-1*) pass ;; *) fail "pager: false: no output" ;; esac
sed -i 's/^pager: .*/pager: true/' pops.yaml
on_tty "PAGER='cat > pager.txt' '$POPS' roadmap"; [ -s pager.txt ] && pass || fail "pager: true should page"
rm -f pager.txt
on_tty "POPS_PAGER=cat PAGER='cat > pager.txt' '$POPS' roadmap"; [ ! -e pager.txt ] && pass || fail "POPS_PAGER=cat should not page"
case "$OUT" in *PAY-1*) pass ;; *) fail "POPS_PAGER=cat: no output" ;; esac
sed -i 's/^pager: .*/pager: [less]/' pops.yaml
run check; expect_rc 1; expect_out "'pager' must be true, false or a command"
sed -i '/^pager:/d' pops.yaml
if command -v less >/dev/null; then
  # The default: less -FRX, which shows a short output and exits.
  on_tty "'$POPS' roadmap"; expect_rc 0
  case "$OUT" in *PAY-1*) pass ;; *) fail "less -FRX did not show the roadmap" ;; esac
fi

t_begin "report: HTML is not written to a terminal; a file, a pipe and Markdown are"
"$POPS" init --sample ws >/dev/null 2>&1
cd ws
on_tty "'$POPS' report"; expect_rc 2
case "$OUT" in *"not writing it to a terminal"*"-o report.html"*) pass ;; *) fail "no refusal: $(printf '%s' "$OUT" | head -3)" ;; esac
case "$OUT" in *"<html"*|*"<!DOCTYPE"*) fail "HTML reached the terminal" ;; *) pass ;; esac
on_tty "'$POPS' report --format markdown --no-pager"; expect_rc 0
case "$OUT" in *"# "*) pass ;; *) fail "no Markdown on the terminal" ;; esac
on_tty "'$POPS' report -o ../report.html"; expect_rc 0; grep -q '<!DOCTYPE html>' ../report.html && pass || fail "no file written"
OUT=$("$POPS" report | head -1); case "$OUT" in '<!DOCTYPE html>'*) pass ;; *) fail "a pipe gets no HTML: $OUT" ;; esac
