# The cache of pops check: the same results with and without it, whatever happens to the files or
# to the cache itself; nothing written inside the tracked tree.
. "$(dirname "$0")/lib.sh"
unset POPS_CACHE POPS_DEBUG_TIMING XDG_CACHE_HOME  # CI runs the suite with the cache off too: not this test

# same ARGS...: `pops check ARGS` with the cache (twice: filling it, then reading it) prints what it
# prints without the cache, in text and JSON, with the same exit status.
same() {
  local fmt on1 on2 off rc1 rc2 rc0
  for fmt in text json; do
    on1=$("$POPS" check --format "$fmt" "$@" 2>&1); rc1=$?
    on2=$("$POPS" check --format "$fmt" "$@" 2>&1); rc2=$?
    off=$(POPS_CACHE=off "$POPS" check --format "$fmt" "$@" 2>&1); rc0=$?
    if [ "$on1" == "$off" ] && [ "$on2" == "$off" ] && [ "$rc1" == "$rc0" ] && [ "$rc2" == "$rc0" ]; then
      pass
    else
      fail "the cache changes 'pops check --format $fmt $*' (exit $rc1/$rc2, without the cache $rc0)"
      diff <(printf '%s\n' "$off") <(printf '%s\n' "$on1") | head -20
      diff <(printf '%s\n' "$off") <(printf '%s\n' "$on2") | head -20
    fi
  done
}

# timing ARGS...: runs pops check with POPS_DEBUG_TIMING; sets OUT, ERR, RC.
timing() {
  POPS_DEBUG_TIMING=1 run check "$@"
}

make_repo() {
  git init -q -b main .
  make_ws
  cat >> roadmap/payments.yaml <<'YAML'
  - id: PAY-7
    title: Refund flow
    status: planned
    target: 2026-12-01
YAML
  git add -A && git commit -qm "workspace"
}

t_begin "the cache lives in the git directory and the working tree stays clean"
make_repo
same
[ -d .git/pops ] && pass || fail ".git/pops was not created"
[ -z "$(git status --porcelain --ignored)" ] && pass || fail "pops wrote inside the tracked tree: $(git status --porcelain --ignored)"
timing; expect_err "result hit"
run check --no-cache; expect_rc 0
POPS_CACHE=off POPS_DEBUG_TIMING=1 run check; expect_rc 0; expect_no_out "timing"
case "$ERR" in *timing*) fail "POPS_CACHE=off still used the cache" ;; *) pass ;; esac

t_begin "--no-cache and POPS_CACHE=off write nothing"
make_repo
run check --no-cache; expect_rc 0
POPS_CACHE=off run check; expect_rc 0
[ ! -e .git/pops ] && pass || fail "the cache was written with the cache off"

t_begin "edits: change, same size and time, delete, add, rename"
make_repo
same
sleep 2.1   # out of the racy window: the next run stores stat data it can trust
timing; expect_err "3 files hashed"
timing; expect_err "0 files hashed"; expect_err "result hit"
# A change of the same size with the modification time put back (only the ctime tells).
stamp=$(stat -c %y roadmap/payments.yaml)
sed -i 's/status: planned/status: plannex/' roadmap/payments.yaml
touch -d "$stamp" roadmap/payments.yaml
timing; expect_rc 1; expect_out "unknown status 'plannex'"; expect_err "1 files hashed"
same
sed -i 's/status: plannex/status: planned/' roadmap/payments.yaml
same
rm roadmap/platform.yaml
same
printf 'items:\n  - id: PAY-9\n    title: New\n    status: shipped\n    squad: payments\n    depends_on: [PLAT-1]\n' > roadmap/new.yaml
same
git mv -f roadmap/new.yaml roadmap/renamed.yaml 2>/dev/null || mv roadmap/new.yaml roadmap/renamed.yaml
same
echo "broken: [" > feedback/junk.yaml
same
same roadmap

t_begin "pops.yaml and POPS_TODAY change the results, never stale ones"
make_repo
same
sed -i 's/wip_limit: 2/wip_limit: 0/' pops.yaml
same
sed -i 's/^rituals:/statuses: [idea, planned, shipped, dropped]\nrituals:/' pops.yaml
same
POPS_TODAY=2026-12-05 same
POPS_TODAY=2026-11-01 same

t_begin "corrupt, truncated and foreign cache files are ignored and written again"
make_repo
sed -i 's/status: planned/status: plannex/' roadmap/payments.yaml
same
for f in .git/pops/*; do
  case "$f" in
    *.parts) head -c 100 "$f" > "$f.x" && mv "$f.x" "$f" ;;            # truncated
    *.stat) printf 'garbage' > "$f" ;;                                 # not a cache file
    *) python3 -c 'import sys; p=sys.argv[1]; b=bytearray(open(p,"rb").read()); b[-3]^=0xff; open(p,"wb").write(b)' "$f" ;;  # one byte flipped
  esac
done
same
timing; expect_err "result hit"   # written again
# Foreign: another workspace's cache files under this workspace's names.
cd "$T_DIR" && mkdir other && cd other && make_repo && sed -i 's/title: Refund flow/title: Other/' roadmap/payments.yaml
run check; cd "$T_DIR"
for f in other/.git/pops/*; do cp .git/pops/*."${f##*.}" "$f"; done
cd other
same
cd "$T_DIR"

t_begin "a cache that cannot be written costs time, not results"
make_repo
rm -rf .git/pops && echo "not a folder" > .git/pops
same
timing; expect_rc 0; expect_err "result miss"
[ "$(cat .git/pops)" == "not a folder" ] && pass || fail ".git/pops was replaced"
cd "$T_DIR" && mkdir plain && cd plain && make_ws
echo file > "$T_DIR/afile"
XDG_CACHE_HOME="$T_DIR/afile/cache" same
XDG_CACHE_HOME="$T_DIR/afile/cache" run check; expect_rc 0; check_summary_only "$ERR" && pass || fail "stderr: $ERR"

t_begin "outside git the cache is in XDG_CACHE_HOME, by workspace"
mkdir a && (cd a && make_ws)
cp -r a b && sed -i 's/status: planned/status: plannex/' b/roadmap/payments.yaml
export XDG_CACHE_HOME="$T_DIR/xdg"
(cd a && same); (cd b && same); (cd a && same)
[ "$(ls "$XDG_CACHE_HOME/pops" | grep -c '\.worktree$')" -eq 2 ] && pass || fail "expected one result per workspace: $(ls "$XDG_CACHE_HOME/pops")"
unset XDG_CACHE_HOME
mkdir c && (cd c && make_ws && same)
[ -d "$HOME/.cache/pops" ] && pass || fail "no cache under ~/.cache/pops"

t_begin "linked work trees and separate git directories keep the cache in their git directory"
make_repo
git worktree add -q ../linked 2>/dev/null
(cd ../linked && same)
[ -d .git/worktrees/linked/pops ] && pass || fail "no cache in .git/worktrees/linked/pops"
[ -f ../linked/.git ] && pass || fail "the linked work tree's .git is no longer a file"
mkdir sep && cd sep && git init -q -b main --separate-git-dir "$T_DIR/sep.git" . && make_ws && git add -A && git commit -qm ws
same
[ -d "$T_DIR/sep.git/pops" ] && pass || fail "no cache in the separate git directory"
[ -z "$(git status --porcelain --ignored)" ] && pass || fail "pops wrote inside the tracked tree"

t_begin "--staged, --rev and --base with the cache"
make_repo
sed -i 's/status: planned/status: shipped/' roadmap/payments.yaml
git add roadmap/payments.yaml
same --staged
sed -i 's/status: shipped/status: plannex/' roadmap/payments.yaml
same --staged
timing --staged; expect_err "result hit"
git add -A
same --staged
timing --staged; expect_rc 1; expect_out "plannex"
same --base HEAD
same --rev HEAD
GIT_INDEX_FILE=.git/index same --staged

t_begin "--staged reads of HEAD only the files that differ, with the same findings"
make_repo
cat > roadmap/extra.yaml <<'YAML'
squad: payments
items:
  - id: PAY-20
    title: Payouts report
    status: planned
    target: 2026-12-01
YAML
cat > feedback/2026-10.yaml <<'YAML'
entries:
  - {id: FB-7, date: 2026-10-02, source: support, quote: Refunds are slow, items: [PAY-1]}
  - {id: FB-8, date: 2026-10-03, source: sales, quote: Need payouts, items: [PAY-20]}
YAML
git add -A && git commit -qm "more"
# A status going back, a target slipping and a feedback entry deleted, in staged files; the rest unchanged.
sed -i 's/status: planned/status: idea/; s/target: 2026-12-01/target: 2026-12-20/' roadmap/extra.yaml
sed -i '/FB-8/d' feedback/2026-10.yaml
git add -A
same --staged
timing --staged; expect_rc 1; expect_out "status-regression"; expect_out "target-slip"; expect_out "FB-8"
# An id in a file the same on both sides and in a staged file too (a duplicate, first in the file
# that did not change): the whole base is read, or the staged copy would be compared with the other.
git reset -q --hard
cat > roadmap/zz.yaml <<'YAML'
squad: payments
items:
  - id: PAY-1
    title: Something else entirely
    status: in-progress
YAML
git add -A && git commit -qm "a duplicate id"
sed -i 's/status: in-progress/status: idea/' roadmap/zz.yaml
git add -A
same --staged
timing --staged; expect_no_out "id-reused"
git rm -q roadmap/zz.yaml
same --staged

t_begin "concurrent runs leave a usable cache"
make_repo
sed -i 's/status: planned/status: plannex/' roadmap/payments.yaml
for i in 1 2 3 4; do "$POPS" check >/dev/null 2>&1 & done
wait
same
timing; expect_err "result hit"
