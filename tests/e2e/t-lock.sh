# The workspace lock: released whatever ends the writer (a signal included), a stale lock of this
# host taken over with a warning, a live or foreign one refused, concurrent writers serialized.
. "$(dirname "$0")/lib.sh"

HOST=$(uname -n)

# no_lock: the workspace of the current folder is not locked.
no_lock() {
  if [ -e .pops.lock ]; then fail "the lock was left behind: $(cat .pops.lock)"; else pass; fi
}

# wait_for_lock PID: waits (5 s at most) until pops process PID has created the lock.
wait_for_lock() {
  local i
  for i in $(seq 1 100); do
    if [ -e .pops.lock ] && grep -q "^$1 " .pops.lock 2>/dev/null; then return 0; fi
    kill -0 "$1" 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}

t_begin "a writer killed by SIGPIPE (its reader gone) leaves no lock"
make_ws
for i in 1 2 3; do
  { sleep 0.2; "$POPS" item set PAY-99 title=x; } 2>&1 | true
  rc=${PIPESTATUS[0]}
  [ "$rc" -eq 141 ] && pass || fail "pops did not die of SIGPIPE (exit $rc)"
  no_lock
done
run item set PAY-1 title=After; expect_rc 0
grep -q 'title: After' roadmap/payments.yaml && pass || fail "the next write did not happen"

# The writer is held while it holds the lock: its diagnostics go to a FIFO whose buffer is full and
# which nobody reads, so writing the error blocks.
for sig in TERM HUP; do
  t_begin "a writer ended by SIG$sig while it holds the lock leaves no lock"
  make_ws
  mkfifo diag.fifo
  exec 3<>diag.fifo
  dd if=/dev/zero of=/dev/fd/3 bs=4096 count=1024 oflag=nonblock 2>/dev/null
  "$POPS" item set PAY-99 title=x 2>&3 &
  writer=$!
  if wait_for_lock "$writer"; then pass; else fail "the writer never held the lock"; fi
  sleep 0.2
  kill -0 "$writer" 2>/dev/null && pass || fail "the writer was not held"
  [ -e .pops.lock ] && pass || fail "the held writer has no lock"
  kill -"$sig" "$writer"
  wait "$writer"
  rc=$?
  exec 3>&-
  [ "$rc" -eq $((128 + $(kill -l "$sig"))) ] && pass || fail "expected death by SIG$sig, got exit $rc"
  no_lock
  run item set PAY-1 title=After; expect_rc 0
done

t_begin "a lock left by a process of this host that no longer runs is taken over, with a warning"
make_ws
sleep 0 &
dead=$!
wait "$dead"
echo "$dead $HOST" > .pops.lock
run item set PAY-1 title=Taken; expect_rc 0
expect_err "pops: warning: took over the lock '"
expect_err "left by pops process $dead, which is no longer running"
grep -q 'title: Taken' roadmap/payments.yaml && pass || fail "the write did not happen"
no_lock

t_begin "a lock of a live process is refused, and left alone"
make_ws
sleep 100 &
live=$!
echo "$live $HOST" > .pops.lock
cp roadmap/payments.yaml before.yaml
POPS_LOCK_WAIT=0.3 run item set PAY-1 title=Refused; expect_rc 2
expect_err "pops: error: cannot lock the workspace: another pops (process $live) is changing it"
[ "$(cat .pops.lock)" = "$live $HOST" ] && pass || fail "the lock was touched: $(cat .pops.lock)"
cmp -s before.yaml roadmap/payments.yaml && pass || fail "the workspace changed"
kill "$live"; wait "$live" 2>/dev/null

t_begin "a lock from another host is refused, even if its pid is free here"
make_ws
echo "999999999 elsewhere.example" > .pops.lock
POPS_LOCK_WAIT=0.3 run item set PAY-1 title=Refused; expect_rc 2
expect_err "pops process 999999999 on host 'elsewhere.example' is changing it"
[ -e .pops.lock ] && pass || fail "the lock of another host was removed"

t_begin "many concurrent item add, one stale lock in the way: distinct ids, one takeover"
make_ws
git init -q -b main . && git add -A && git commit -qm init
sleep 0 &
dead=$!
wait "$dead"
echo "$dead $HOST" > .pops.lock
n=12
for i in $(seq 1 $n); do
  ( POPS_LOCK_WAIT=120 "$POPS" item add --squad payments "Concurrent $i" > "$T_DIR/out.$i" 2> "$T_DIR/err.$i"
    echo $? > "$T_DIR/rc.$i" ) &
done
wait
ok=0
for i in $(seq 1 $n); do [ "$(cat "$T_DIR/rc.$i")" = 0 ] && ok=$((ok + 1)); done
[ "$ok" -eq "$n" ] && pass || fail "$((n - ok)) of $n item add failed: $(cat "$T_DIR"/err.*)"
ids=$(cat "$T_DIR"/out.* | sort)
[ "$(printf '%s\n' "$ids" | sort -u | wc -l)" -eq "$n" ] && pass || fail "duplicate ids: $(printf '%s ' $ids)"
[ "$(grep -c -- '- id: PAY-' roadmap/payments.yaml)" -eq $((n + 1)) ] && pass || fail "items were lost"
takeovers=$(cat "$T_DIR"/err.* | grep -c 'took over the lock')
[ "$takeovers" -eq 1 ] && pass || fail "$takeovers writers took over the stale lock"
no_lock
run check; expect_rc 0
