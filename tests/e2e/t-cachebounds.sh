# Cache files pops did not write: one larger than any cache pops writes is ignored without being
# read, in little time and memory, and written again; the results are those of --no-cache.
. "$(dirname "$0")/lib.sh"
unset POPS_CACHE POPS_DEBUG_TIMING XDG_CACHE_HOME  # CI runs the suite with the cache off too: not this test

make_repo() {
  git init -q -b main .
  make_ws
  git add -A && git commit -qm "workspace"
  "$POPS" item set PAY-1 title="Refunds in one click" >/dev/null
  git commit -qam "retitle"
  "$POPS" item add --squad payments "Staged" >/dev/null
  git add -A
}

# Each command, with the cache and without it.
COMMANDS=("check" "check --staged" "check --rev HEAD~1" "log" "log --format json")

# baseline: the output and exit status of each command with --no-cache, in base.N.
baseline() {
  local i=0 c
  for c in "${COMMANDS[@]}"; do
    # shellcheck disable=SC2086
    run $c --no-cache
    printf '%s\n%s\n%s\n' "$RC" "$OUT" "$ERR" > "$T_DIR/base.$i"
    i=$((i + 1))
  done
}

# same_as_baseline: each command with the cache, under 1 GiB of memory and a time limit, prints what
# it printed with --no-cache.
same_as_baseline() {
  local i=0 c
  for c in "${COMMANDS[@]}"; do
    # shellcheck disable=SC2086
    run_limited 10 $c
    if [ "$(printf '%s\n%s\n%s\n' "$RC" "$OUT" "$ERR")" == "$(cat "$T_DIR/base.$i")" ]; then
      pass
    else
      fail "'pops $c' differs from --no-cache"
      diff "$T_DIR/base.$i" <(printf '%s\n%s\n%s\n' "$RC" "$OUT" "$ERR") | head -10
    fi
    i=$((i + 1))
  done
}

t_begin "a 3 GB cache file in place of each one is ignored quickly, in bounded memory, and rebuilt"
make_repo
baseline
same_as_baseline  # fills the cache
files=$(ls .git/pops)
for kind in .stat .parts .worktree .index .history; do
  printf '%s\n' "$files" | grep -q -- "$kind\$" && pass || fail "no $kind cache file was written: $files"
done
# Also the file of parts added since, which a run may or may not have written.
parts=$(printf '%s\n' "$files" | grep -- '\.parts$')
touch ".git/pops/${parts%.parts}.parts-new"
for f in .git/pops/*; do
  truncate -s 3G "$f"
done
start=$(date +%s)
same_as_baseline
secs=$(( $(date +%s) - start ))
[ "$secs" -lt 20 ] && pass || fail "the commands took ${secs}s over oversized cache files"
for f in .git/pops/*; do
  size=$(stat -c %s "$f")
  case "$f" in
    *.parts-new) ;;  # removed or rewritten small, or left: ignored either way
    *) [ "$size" -lt 1048576 ] && pass || fail "$f was not written again ($size bytes)" ;;
  esac
done
same_as_baseline  # and the rebuilt cache reads back

t_begin "an oversized file of new parts beside a good parts file is ignored"
make_repo
baseline
same_as_baseline
parts=$(ls .git/pops | grep -- '\.parts$')
truncate -s 3G ".git/pops/${parts%.parts}.parts-new"
same_as_baseline
