# Man pages: pops(1) and pops-COMMAND(1) for every command, rendered from the same definitions as
# pops help; groff renders them without warnings; what pops help shows is in the page.
. "$(dirname "$0")/lib.sh"

command -v groff >/dev/null || { echo "groff is not installed (build.sh installs groff-base)"; exit 1; }

# render FILE: groff output of a page in OUT, its warnings in ERR.
render() {
  OUT=$(groff -man -Tascii -P-cbou -ww -rLL=100n "$1" 2>"$T_ROOT/groff.err")
  ERR=$(cat "$T_ROOT/groff.err")
}

t_begin "man: every command has a page, in the folder and one by one"
run help --man-dir pages; expect_rc 0
LISTED=$OUT
COMMANDS=$("$POPS" help | sed -n '/^commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
[ "$(printf '%s\n' "$COMMANDS" | wc -l)" -ge 15 ] && pass || fail "too few commands in pops help: $COMMANDS"
[ -f pages/pops.1 ] && pass || fail "pages/pops.1 missing"
for c in $COMMANDS; do
  [ -f "pages/pops-$c.1" ] && pass || fail "no page for $c"
  printf '%s\n' "$LISTED" | grep -qx "pops-$c.1" && pass || fail "pops-$c.1 not listed"
  run help --man "$c"; expect_rc 0
  printf '%s\n' "$OUT" > "$T_ROOT/one.1"
  cmp -s "$T_ROOT/one.1" "pages/pops-$c.1" && pass || fail "help --man $c differs from pages/pops-$c.1"
done
[ "$(ls pages | wc -l)" -eq $(( $(printf '%s\n' "$COMMANDS" | wc -l) + 1 )) ] && pass || fail "stray pages: $(ls pages)"

t_begin "man: groff renders every page without warnings; options of pops help are in the page"
"$POPS" help --man-dir pages >/dev/null
render pages/pops.1
[ -z "$ERR" ] && pass || fail "groff warnings on pops.1: $ERR"
expect_out "EXIT STATUS"; expect_out "ENVIRONMENT"; expect_out "POPS_TODAY"; expect_out "NO_COLOR"
expect_out "POPS_WORKSPACE"
for c in $COMMANDS; do
  expect_out "pops-$c(1)"
done
for c in $COMMANDS; do
  render "pages/pops-$c.1"
  [ -z "$ERR" ] && pass || fail "groff warnings on pops-$c.1: $ERR"
  PAGE=$OUT
  # The NAME line (groff may justify it with more than one space).
  case "$(printf '%s' "$OUT" | tr -s ' ')" in *"pops-$c - "*) pass ;; *) fail "pops-$c.1 has no NAME line 'pops-$c - ...'" ;; esac
  expect_out "SYNOPSIS"; expect_out "EXIT STATUS"; expect_out "ENVIRONMENT"
  # Every long option of pops help <c> appears in the page.
  for opt in $("$POPS" help "$c" | grep -oE -- '--[a-z][a-z-]*' | sort -u); do
    case "$PAGE" in *"$opt"*) pass ;; *) fail "pops-$c.1 lacks $opt" ;; esac
  done
done

t_begin "man: subcommands are sections with their options; the help's notes are the description"
run help --man item; expect_rc 0
printf '%s\n' "$OUT" > item.1
render item.1
expect_out "item set"; expect_out "item add"; expect_out "--squad"; expect_out "--dry-run"
expect_out "Every change is checked first"
run help --man no-such; expect_rc 2; expect_err "not a pops command"
if command -v man >/dev/null; then
  MANWIDTH=100 man -l "$T_DIR/item.1" >/dev/null 2>"$T_ROOT/man.err" \
    && pass || fail "man -l failed: $(cat "$T_ROOT/man.err")"
fi
