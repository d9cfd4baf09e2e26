# pops item / pops feedback: edits change exactly the expected bytes (golden files), --dry-run,
# refusals, the workspace lock under concurrency, ids never reused, --commit.
. "$(dirname "$0")/lib.sh"

# expect_file PATH: PATH holds exactly the bytes given on stdin.
expect_file() {
  cat > "$T_ROOT/golden"
  if cmp -s "$T_ROOT/golden" "$1"; then pass; else
    fail "$1 differs from the golden file:"
    diff -u "$T_ROOT/golden" "$1" | head -40 | cat -A
  fi
}
# expect_same PATH COPY: the file did not change.
expect_same() {
  if cmp -s "$1" "$2"; then pass; else fail "$1 changed"; fi
}

# A hand-kept workspace: comments everywhere, odd spacing, flow and block styles, quoted strings, a
# CRLF file.
golden_ws() {
  cat > pops.yaml <<'YAML'
version: 1
product: Test Co
squads:
  payments: {name: Payments, prefix: PAY, lead: alice}
  platform: {name: Platform, prefix: PLAT, lead: bo}
people:
  alice: {name: Alice Park, squad: payments}
  bo: {name: Bo Lind, squad: platform}
fields:
  risk: {type: enum, values: [low, medium, high]}
YAML
  mkdir -p roadmap feedback
  cat > roadmap/payments.yaml <<'YAML'
# Payments roadmap -- hand-kept.   Mind the spacing.
squad: payments

items:
  # Top support pain.
  - id: PAY-1
    title:   'One-click refunds'     # agreed with support
    status: in-progress
    owner: alice
    target: 2026-12-15   # slipped once
    depends_on: [ PLAT-1 ]
    tags:
      - refunds
      - checkout   # maybe
    links: {jira: PAY-1234, figma: "https://figma.example/f"}
    description: >-
      Refund an order in one click
      from the order page.

  - {id: PAY-2, title: "Payouts v2", status: idea}

  # Parked.
  - id: PAY-3
    title: Crypto payouts
    status: dropped
    dropped_reason: "No: nobody asked"
YAML
  printf 'squad: platform\r\n# CRLF line endings.\r\nitems:\r\n  - id: PLAT-1   # the ledger\r\n    title: Ledger service\r\n    status: shipped\r\n    tags: [infra]\r\n' > roadmap/platform.yaml
  cat > roadmap/misc.yaml <<'YAML'
# Things without a home yet.
items:
  - id: PAY-4
    title: Stray item
    status: idea
    squad: payments
YAML
  cat > feedback/2026-11.yaml <<'YAML'
# November feedback.
entries:
  - id: FB-1
    date: 2026-11-02
    source: support
    customer: Acme
    quote: "Refunds take 20 minutes"   # ticket 5521
    items: [PAY-1]
YAML
}

t_begin "golden: item add appends in the file's style and prints the id"
golden_ws
run item add --squad payments "2027 roadmap: yes" --owner alice --tag "a, b" --depends-on PAY-1 \
  --field risk=high --link jira=PAY-9
expect_rc 0; expect_out "PAY-5"; expect_err "added PAY-5 to roadmap/payments.yaml"
[ "$OUT" = "PAY-5" ] && pass || fail "stdout is not just the id: $OUT"
expect_file roadmap/payments.yaml <<'YAML'
# Payments roadmap -- hand-kept.   Mind the spacing.
squad: payments

items:
  # Top support pain.
  - id: PAY-1
    title:   'One-click refunds'     # agreed with support
    status: in-progress
    owner: alice
    target: 2026-12-15   # slipped once
    depends_on: [ PLAT-1 ]
    tags:
      - refunds
      - checkout   # maybe
    links: {jira: PAY-1234, figma: "https://figma.example/f"}
    description: >-
      Refund an order in one click
      from the order page.

  - {id: PAY-2, title: "Payouts v2", status: idea}

  # Parked.
  - id: PAY-3
    title: Crypto payouts
    status: dropped
    dropped_reason: "No: nobody asked"

  - id: PAY-5
    title: "2027 roadmap: yes"
    status: idea
    owner: alice
    depends_on: [PAY-1]
    tags: [a, b]
    links: {jira: PAY-9}
    risk: high
YAML
run check; expect_rc 0

t_begin "golden: item add keeps CRLF line endings"
golden_ws
run item add --squad platform "Audit log" --horizon next --tag infra --status planned
expect_rc 0; expect_out "PLAT-2"
printf 'squad: platform\r\n# CRLF line endings.\r\nitems:\r\n  - id: PLAT-1   # the ledger\r\n    title: Ledger service\r\n    status: shipped\r\n    tags: [infra]\r\n\r\n  - id: PLAT-2\r\n    title: Audit log\r\n    status: planned\r\n    horizon: next\r\n    tags: [infra]\r\n' | expect_file roadmap/platform.yaml

t_begin "golden: item set changes only the values"
golden_ws
run item set PAY-1 "title=One-click refunds & returns" status=shipped tags+=returns tags-=checkout \
  depends_on+=PAY-2 owner= links.figma= risk=medium "description=Refunds from the order page."
expect_rc 0; expect_err "updated PAY-1 in roadmap/payments.yaml"
expect_file roadmap/payments.yaml <<'YAML'
# Payments roadmap -- hand-kept.   Mind the spacing.
squad: payments

items:
  # Top support pain.
  - id: PAY-1
    title:   'One-click refunds & returns'     # agreed with support
    status: shipped
    target: 2026-12-15   # slipped once
    depends_on: [ PLAT-1, PAY-2 ]
    tags:
      - refunds
      # maybe
      - returns
    links: {jira: PAY-1234}
    description: >-
      Refunds from the order page.
    risk: medium

  - {id: PAY-2, title: "Payouts v2", status: idea}

  # Parked.
  - id: PAY-3
    title: Crypto payouts
    status: dropped
    dropped_reason: "No: nobody asked"
YAML
run check; expect_rc 0
run item set PAY-2 status=planned owner=alice okr=yes "title=Payouts, v3"
expect_rc 0
grep -qx '  - {id: PAY-2, title: "Payouts, v3", status: planned, owner: alice, okr: "yes"}' roadmap/payments.yaml \
  && pass || fail "flow item: $(grep PAY-2 roadmap/payments.yaml)"
# Warnings (a complete retitle reads as a reused id, a warning by default) do not stop a change.
run item set PAY-2 "title=Crypto"; expect_rc 0

t_begin "golden: item set on a CRLF file"
golden_ws
run item set PLAT-1 status=planned reopened=true owner=bo tags=infra,ledger
expect_rc 0
printf 'squad: platform\r\n# CRLF line endings.\r\nitems:\r\n  - id: PLAT-1   # the ledger\r\n    title: Ledger service\r\n    status: planned\r\n    owner: bo\r\n    tags: [infra, ledger]\r\n    reopened: true\r\n' | expect_file roadmap/platform.yaml

t_begin "golden: item drop records the reason, deletes nothing"
golden_ws
run item drop PAY-2 --reason "Merged into PAY-1"
expect_rc 0; expect_err "dropped PAY-2 in roadmap/payments.yaml"
grep -qx '  - {id: PAY-2, title: "Payouts v2", status: dropped, dropped_reason: Merged into PAY-1}' roadmap/payments.yaml \
  && pass || fail "$(grep PAY-2 roadmap/payments.yaml)"
run item drop PAY-1 --reason "yes"
expect_rc 0
expect_file roadmap/payments.yaml <<'YAML'
# Payments roadmap -- hand-kept.   Mind the spacing.
squad: payments

items:
  # Top support pain.
  - id: PAY-1
    title:   'One-click refunds'     # agreed with support
    status: dropped
    dropped_reason: "yes"
    owner: alice
    target: 2026-12-15   # slipped once
    depends_on: [ PLAT-1 ]
    tags:
      - refunds
      - checkout   # maybe
    links: {jira: PAY-1234, figma: "https://figma.example/f"}
    description: >-
      Refund an order in one click
      from the order page.

  - {id: PAY-2, title: "Payouts v2", status: dropped, dropped_reason: Merged into PAY-1}

  # Parked.
  - id: PAY-3
    title: Crypto payouts
    status: dropped
    dropped_reason: "No: nobody asked"
YAML

t_begin "golden: item move to its squad's file, with its comments"
golden_ws
run item move PAY-4 --squad payments
expect_rc 0; expect_err "moved PAY-4 from roadmap/misc.yaml to roadmap/payments.yaml"
expect_file roadmap/misc.yaml <<'YAML'
# Things without a home yet.
items: []
YAML
tail -5 roadmap/payments.yaml > "$T_DIR/tail"
expect_file "$T_DIR/tail" <<'YAML'

  - id: PAY-4
    title: Stray item
    status: idea
    squad: payments
YAML
run check; expect_rc 0
run item move PAY-1 --squad payments; expect_rc 0; expect_err "nothing to change"

t_begin "item move to another squad: refused, or --new-id"
golden_ws
cp roadmap/payments.yaml "$T_DIR/before"
run item move PAY-1 --squad platform
expect_rc 2
expect_err "pops: error: cannot move PAY-1 to squad 'platform': an item keeps its id, and the ids of 'platform' start with PLAT-, not PAY-"
expect_err "hint: 'pops item move PAY-1 --squad platform --new-id'"
expect_same roadmap/payments.yaml "$T_DIR/before"
run item move PAY-1 --squad platform --new-id
expect_rc 0; expect_err "copied PAY-1 to roadmap/platform.yaml as PLAT-2 and dropped PAY-1"
expect_err "hint: these still name PAY-1: FB-1 (items)"
grep -q '    dropped_reason: moved to platform as PLAT-2' roadmap/payments.yaml && pass || fail "no pointer"
grep -q $'^  - id: PLAT-2\r$' roadmap/platform.yaml && pass || fail "not copied with CRLF"
run check; expect_rc 0

t_begin "golden: feedback add and link"
golden_ws
run feedback add --source sales --customer "Globex, Inc." --summary "Wants partial refunds" --item PAY-1 \
  --arr 120000 --tag refunds --date 2026-11-20
expect_rc 0; [ "$OUT" = "FB-2" ] && pass || fail "stdout: $OUT"
run feedback link FB-1 PAY-2 PLAT-1
expect_rc 0; expect_err "linked FB-1 to PAY-2, PLAT-1 in feedback/2026-11.yaml"
expect_file feedback/2026-11.yaml <<'YAML'
# November feedback.
entries:
  - id: FB-1
    date: 2026-11-02
    source: support
    customer: Acme
    quote: "Refunds take 20 minutes"   # ticket 5521
    items: [PAY-1, PAY-2, PLAT-1]
  - id: FB-2
    date: 2026-11-20
    source: sales
    customer: Globex, Inc.
    arr: 120000
    summary: Wants partial refunds
    tags: [refunds]
    items: [PAY-1]
YAML
run feedback link FB-1 PAY-2; expect_rc 0; expect_err "nothing to change: FB-1 links PAY-2 already"
run feedback add --source interview --customer Initech --quote "null"
expect_rc 0; expect_out "FB-3"
tail -5 feedback/2026-11.yaml > "$T_DIR/tail"
expect_file "$T_DIR/tail" <<'YAML'
  - id: FB-3
    date: 2026-11-22
    source: interview
    customer: Initech
    quote: "null"
YAML
run feedback add --source interview --customer Initech --summary "x" --date 2026-12-01
expect_rc 0; expect_out "FB-4"
expect_file feedback/2026-12.yaml <<'YAML'
entries:
  - id: FB-4
    date: 2026-12-01
    source: interview
    customer: Initech
    summary: x
YAML
run check; expect_rc 0

t_begin "--dry-run prints the diff and writes nothing"
golden_ws
cp roadmap/payments.yaml "$T_DIR/before"
run item set PAY-3 "title=Crypto payouts v2" --dry-run
expect_rc 0
[ "$OUT" = "--- a/roadmap/payments.yaml
+++ b/roadmap/payments.yaml
@@ -21,6 +21,6 @@
 
   # Parked.
   - id: PAY-3
-    title: Crypto payouts
+    title: Crypto payouts v2
     status: dropped
     dropped_reason: \"No: nobody asked\"" ] && pass || fail "diff: $OUT"
expect_err "dry run, nothing written"
expect_same roadmap/payments.yaml "$T_DIR/before"
run feedback add --source sales --customer X --summary y --date 2027-01-05 -n
expect_rc 0; expect_out "--- /dev/null"; expect_out "+++ b/feedback/2027-01.yaml"; expect_out "+  - id: FB-2"
[ ! -e feedback/2027-01.yaml ] && pass || fail "dry run wrote a file"
[ ! -e .pops.lock ] && pass || fail "lock left behind"

t_begin "changes that add check errors are refused (exit 1) unless --force"
golden_ws
cp roadmap/payments.yaml "$T_DIR/before"
run item set PAY-1 status=shiped
expect_rc 1
expect_err "roadmap/payments.yaml:8:13: error: unknown status 'shiped' (did you mean 'shipped'?) [schema]"
expect_err "pops: error: refusing to change the workspace: 'pops check' would report 1 new error"
expect_err "hint: fix the values given, or add --force"
expect_same roadmap/payments.yaml "$T_DIR/before"
run item add --squad payments "X" --owner nobody; expect_rc 1; expect_err "[unknown-ref]"
run item set PAY-1 status=idea; expect_rc 1; expect_err "[status-regression]"
run item set PAY-1 status=idea reopened=true; expect_rc 0
run item set PAY-1 status=shiped --force
expect_rc 0; expect_err "pops: warning: writing the change with 1 new error (--force)"
grep -q "status: shiped" roadmap/payments.yaml && pass || fail "--force did not write"

t_begin "unknown ids, squads and keys: did you mean"
golden_ws
run item set PAY-11 status=planned; expect_rc 2; expect_err "pops: error: unknown item 'PAY-11' (did you mean 'PAY-1'?)"
run item add --squad paymnts X; expect_rc 2; expect_err "unknown squad 'paymnts' (did you mean 'payments'?)"
run item set PAY-1 stauts=planned; expect_rc 2; expect_err "unknown key 'stauts' in an item (did you mean 'status'?)"
run item set PAY-1 id=PAY-9; expect_rc 2; expect_err "an item's id never changes"
run item set PAY-1 title=; expect_rc 2; expect_err "'title' is required"
run feedback link FB-9 PAY-1; expect_rc 2; expect_err "unknown feedback 'FB-9' (did you mean 'FB-1'?)"
run item drop PAY-1; expect_rc 2; expect_err "--reason is required"
run item; expect_rc 2; expect_err "item:"
run help item; expect_rc 0; expect_out "add"; expect_out "--dry-run"; expect_out "--new-id"
run help feedback; expect_rc 0; expect_out "link"; expect_out "--customer"

t_begin "edits that cannot be made safely are refused and change nothing"
golden_ws
cat > roadmap/misc.yaml <<'YAML'
items:
  - id: PAY-4
    title: &t Stray item
    okr: *t
    owner: a value written
      over two lines
    status: idea
    squad: payments
YAML
cp roadmap/misc.yaml "$T_DIR/before"
run item set PAY-4 "title=New"; expect_rc 2
expect_err "pops: error: cannot edit 'roadmap/misc.yaml' (PAY-4): the value of 'title' has an anchor or a tag"
expect_err "hint: pops changes only the bytes"
run item set PAY-4 okr=x; expect_rc 2; expect_err "is an alias"
run item set PAY-4 owner=alice; expect_rc 2; expect_err "over several lines"
expect_same roadmap/misc.yaml "$T_DIR/before"
echo "items: [" > roadmap/broken.yaml
run item add --squad payments X; expect_rc 0   # another file does not parse: not in the way
printf 'squad: payments\nitems: [' > roadmap/payments.yaml
run item set PAY-4 status=planned; expect_rc 0
run item add --squad payments X; expect_rc 2; expect_err "cannot edit 'roadmap/payments.yaml': it is not valid YAML"

t_begin "a linked file is written through the link"
golden_ws
mkdir -p data && mv roadmap/payments.yaml data/payments.yaml && ln -s ../data/payments.yaml roadmap/payments.yaml
run item set PAY-3 "title=Crypto payouts v2"; expect_rc 0
[ -L roadmap/payments.yaml ] && pass || fail "the link was replaced by a file"
grep -q "title: Crypto payouts v2" data/payments.yaml && pass || fail "the target was not written"

t_begin "concurrent item add: distinct ids or a clean lock failure, nothing lost"
golden_ws
git init -q -b main . && git add -A && git commit -qm init
for i in $(seq 1 20); do
  ( "$POPS" item add --squad payments "Concurrent $i" > "$T_DIR/out.$i" 2> "$T_DIR/err.$i"; echo $? > "$T_DIR/rc.$i" ) &
done
wait
ok=0; bad=0
for i in $(seq 1 20); do
  rc=$(cat "$T_DIR/rc.$i")
  if [ "$rc" = 0 ]; then ok=$((ok + 1)); else
    grep -q "cannot lock the workspace: another pops" "$T_DIR/err.$i" && [ "$rc" = 2 ] || { bad=$((bad + 1)); cat "$T_DIR/err.$i"; }
  fi
done
[ "$bad" = 0 ] && pass || fail "$bad adds failed without a clean lock message"
[ "$ok" -gt 0 ] && pass || fail "no add succeeded"
ids=$(cat "$T_DIR"/out.* | sort)
[ "$(printf '%s\n' "$ids" | sort -u | wc -l)" = "$ok" ] && pass || fail "duplicate ids: $ids"
[ "$(grep -c '^  - id: PAY-' roadmap/payments.yaml)" = $((2 + ok)) ] && pass || fail "items lost: $(grep -c 'id: PAY-' roadmap/payments.yaml) for $ok adds"
for id in $ids; do grep -q "^  - id: $id\$" roadmap/payments.yaml && pass || fail "$id missing from the file"; done
run check; expect_rc 0
[ ! -e .pops.lock ] && pass || fail "lock left behind"

t_begin "a lock of an older pops (no host) or a held lock is reported with how to clear it"
golden_ws
echo 999999999 > .pops.lock
run item set PAY-1 status=shipped; expect_rc 2
expect_err "pops: error: cannot lock the workspace: '$T_DIR/.pops.lock' was left by pops process 999999999, which is not running here (the lock names no host); remove '$T_DIR/.pops.lock' if no other pops is running"
sleep 30 & holder=$!
echo $holder > .pops.lock
POPS_LOCK_WAIT=0.3 run item set PAY-1 status=shipped; expect_rc 2
expect_err "another pops (process $holder) is changing it"
run item set PAY-1 status=shipped --dry-run; expect_rc 0   # a dry run reads only
kill $holder; wait $holder 2>/dev/null
rm .pops.lock
run item set PAY-1 status=shipped; expect_rc 0

t_begin "ids that ever existed in git history are never handed out again"
golden_ws
git init -q -b main . && git add -A && git commit -qm init
run item add --squad payments "Short-lived"; expect_out "PAY-5"
git add -A && git commit -qm "add PAY-5"
git checkout -q -b side
run item add --squad payments "On a branch"; expect_out "PAY-6"
git commit -qam "PAY-6 on a branch"
git checkout -q main
git revert --no-edit HEAD >/dev/null   # PAY-5 removed
grep -q PAY-5 roadmap/payments.yaml && fail "PAY-5 still there" || pass
run item add --squad payments "Next"; expect_out "PAY-7"
run feedback add --source sales --customer X --summary y; expect_out "FB-2"

t_begin "outside git, the workspace alone decides"
golden_ws
run item add --squad payments "X"; expect_rc 0; expect_out "PAY-5"
run item set PAY-5 status=planned --commit; expect_rc 2; expect_err "is not inside a git repository"

t_begin "--commit commits exactly the changed files, as the user"
golden_ws
git init -q -b main . && git add -A && git commit -qm init
echo "scratch" > notes.txt
run item add --squad payments "Committed" --commit
expect_rc 0; expect_out "PAY-5"; expect_err "committed "
[ "$(git log -1 --format='%s|%an|%ae')" = "Add PAY-5: Committed|Ada Tester|ada@example.com" ] && pass || fail "$(git log -1 --format='%s|%an|%ae')"
[ "$(git show --name-only --format= HEAD)" = "roadmap/payments.yaml" ] && pass || fail "commit holds $(git show --name-only --format= HEAD)"
[ -z "$(git status --porcelain -- roadmap)" ] && pass || fail "roadmap not clean: $(git status --porcelain)"
git status --porcelain | grep -q '^?? notes.txt' && pass || fail "notes.txt touched"
run item set PAY-5 status=planned --commit -m "Plan PAY-5"
expect_rc 0; [ "$(git log -1 --format=%s)" = "Plan PAY-5" ] && pass || fail "message"
# Other staged changes stay staged and out of the commit.
echo "# staged" >> pops.yaml && git add pops.yaml
run item set PAY-5 status=in-progress --commit; expect_rc 0
[ "$(git show --name-only --format= HEAD)" = "roadmap/payments.yaml" ] && pass || fail "commit holds $(git show --name-only --format= HEAD)"
git diff --cached --name-only | grep -qx pops.yaml && pass || fail "pops.yaml no longer staged"
git reset -q pops.yaml && git checkout -q pops.yaml
# A hand edit of the file the command changes: refused before anything is written, or it would be
# committed under the command's message.
echo "# by hand" >> roadmap/payments.yaml
cp roadmap/payments.yaml "$T_DIR/before"
run item set PAY-5 title=Renamed --commit
expect_rc 2; expect_err "pops: error: cannot commit: 'roadmap/payments.yaml' has uncommitted changes of its own"
expect_same roadmap/payments.yaml "$T_DIR/before"
git checkout -q roadmap/payments.yaml
run item set PAY-5 status=in-progress --commit; expect_rc 0
[ -z "$(git status --porcelain -- roadmap pops.yaml)" ] && pass || fail "$(git status --porcelain)"
# No identity: a clear error, nothing written.
cp roadmap/payments.yaml "$T_DIR/before"
env -u GIT_AUTHOR_NAME -u GIT_AUTHOR_EMAIL -u GIT_COMMITTER_NAME -u GIT_COMMITTER_EMAIL -u GIT_AUTHOR_DATE \
  -u GIT_COMMITTER_DATE "$POPS" item set PAY-5 status=shipped --commit 2> "$T_DIR/err"
[ $? = 2 ] && pass || fail "no identity: exit $?"
grep -q "cannot commit: no git identity is configured; run 'git config --global user.name" "$T_DIR/err" && pass || fail "$(cat "$T_DIR/err")"
expect_same roadmap/payments.yaml "$T_DIR/before"
# The user's configured identity, through git_signature_default.
git config --global user.name "Grace Config" && git config --global user.email grace@example.com
env -u GIT_AUTHOR_NAME -u GIT_AUTHOR_EMAIL -u GIT_COMMITTER_NAME -u GIT_COMMITTER_EMAIL -u GIT_AUTHOR_DATE \
  -u GIT_COMMITTER_DATE "$POPS" item set PAY-5 status=shipped --commit > /dev/null 2>&1
[ "$(git log -1 --format='%an <%ae>')" = "Grace Config <grace@example.com>" ] && pass || fail "$(git log -1 --format='%an <%ae>')"
run item set PAY-5 "title=x" -m "only with --commit"; expect_rc 2; expect_err "-m/--message goes with --commit"
run item set PAY-5 "title=x" --no-verify; expect_rc 2; expect_err "--no-verify goes with --commit"

t_begin "--commit runs the repository's hooks as git commit does; --no-verify skips them"
golden_ws
git init -q -b main . && git add -A && git commit -qm init
mkdir -p .git/hooks
printf '#!/bin/sh\necho "pre-commit: no commits on Fridays" >&2\nexit 1\n' > .git/hooks/pre-commit
chmod +x .git/hooks/pre-commit
head_before=$(git rev-parse HEAD)
run item add --squad payments "Hooked" --commit
expect_rc 1; expect_err "pre-commit: no commits on Fridays"; expect_err "pops: error: cannot commit: 'git commit' failed"
[ "$(git rev-parse HEAD)" = "$head_before" ] && pass || fail "a commit was made past the hook"
grep -q "Hooked" roadmap/payments.yaml && pass || fail "the change was not written"
git diff --cached --quiet && pass || fail "the refused commit left the index changed"
git checkout -q roadmap/payments.yaml
run item add --squad payments "Hooked" --commit --no-verify
expect_rc 0; [ "$(git log -1 --format=%s)" = "Add PAY-5: Hooked" ] && pass || fail "--no-verify: $(git log -1 --format=%s)"
# A commit-msg hook sees the message; core.hooksPath is honoured.
mkdir -p hooks2
printf '#!/bin/sh\ngrep -q "^Update" "$1" || { echo "commit-msg: bad" >&2; exit 1; }\necho "commit-msg: ok" >&2\n' > hooks2/commit-msg
chmod +x hooks2/commit-msg
git add hooks2 && git commit -qm hooks --no-verify
git config core.hooksPath hooks2
run item set PAY-5 title=Renamed --commit; expect_rc 0; expect_err "commit-msg: ok"
run item set PAY-5 title=Again --commit -m "Rename it"; expect_rc 1; expect_err "commit-msg: bad"
git checkout -q roadmap/payments.yaml

t_begin "a workspace in a sub-folder of the repository commits its own paths"
git init -q -b main .
mkdir product && (cd product && golden_ws)
git add -A && git commit -qm init
run -C product item add --squad payments "Nested" --commit; expect_rc 0; expect_out "PAY-5"
[ "$(git show --name-only --format= HEAD)" = "product/roadmap/payments.yaml" ] && pass || fail "$(git show --name-only --format= HEAD)"

t_begin "writes say the new warnings they cause; errors still refuse"
make_ws
# payments has wip_limit 2 and PAY-1 in progress.
run item add "Second" --squad payments --status in-progress; expect_rc 0; expect_out "PAY-2"
case "$ERR" in *warning*) fail "a warning under the limit: $ERR" ;; *) pass ;; esac
run item add "Third" --squad payments --status in-progress; expect_rc 0; expect_out "PAY-3"
expect_err_line "^roadmap/payments\.yaml:[0-9]+:[0-9]+: warning: squad 'payments' has 3 items in progress, over its wip_limit of 2 .*\[wip-limit\]$"
expect_err "pops: warning: the change adds 1 warning to 'pops check'"
expect_err "added PAY-3"
# As docs/commands.md shows it.
want=$(awk '/^\$ pops item add Third --squad payments --status in-progress$/ {on=1; next} on && /^```$/ {exit} on {print}' \
  "$(dirname "$0")/../../docs/commands.md")
[ -n "$want" ] && [ "$want" = "$(printf '%s\n%s' "$OUT" "$ERR")" ] && pass || fail "docs/commands.md shows other output: [$want]"
# The same with --dry-run, before anything is written; -q says nothing.
run item set PAY-1 tags+=refunds --dry-run; expect_rc 0
case "$ERR" in *"adds 1 warning"*) fail "an old warning taken for a new one" ;; *) pass ;; esac
run item add "Fourth" --squad payments --status in-progress --dry-run; expect_rc 0; expect_err "[wip-limit]"
run item add "Fourth" --squad payments --status in-progress -q; expect_rc 0; [ -z "$ERR" ] && pass || fail "-q: $ERR"
