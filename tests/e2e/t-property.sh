# Random histories (adds, starts, ships, reopenings, drops, deletions, squad moves, --new-id moves,
# target moves, merges) replayed twice: by pops, and independently by tests/e2e/property_history.py
# from the definitions of docs/metrics.md. metrics (with and without its cache), log, show of every
# item, digest from a date inside the history, report and a shallow clone's metrics must agree with
# the replay for every seed. Seed 117 moves an item and its target in one commit.
. "$(dirname "$0")/lib.sh"

t_begin "random histories: metrics, log, show, digest, report and shallow clones agree with an independent replay"
if python3 "$(dirname "$0")/property_history.py" "$POPS" "$T_DIR" 1 2 3 4 5 13 24 27 117 > "$T_DIR/out" 2>&1; then
  pass
else
  fail "$(cat "$T_DIR/out")"
fi
cat "$T_DIR/out" | tail -1
