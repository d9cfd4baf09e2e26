# pops check against git: --staged, --rev, --base and the transition rules.
. "$(dirname "$0")/lib.sh"

# A repository with the minimal workspace committed.
make_repo() {
  git init -q -b main .
  make_ws
  git add -A && git commit -qm "workspace"
}

t_begin "--staged reads the index, not the working tree"
make_repo
sed -i 's/status: in-progress/status: in-progres/' roadmap/payments.yaml
run check --staged; expect_rc 0; expect_err "no problems"
run check; expect_rc 1
git add roadmap/payments.yaml
run check --staged; expect_rc 1; expect_out_line '^roadmap/payments\.yaml:5:13: error: unknown status .*\[schema\]$'
sed -i 's/status: in-progres/status: in-progress/' roadmap/payments.yaml
run check --staged; expect_rc 1   # the fix is not staged
run check; expect_rc 0

t_begin "--staged honours GIT_INDEX_FILE"
make_repo
sed -i 's/status: in-progress/status: in-progres/' roadmap/payments.yaml
cp .git/index "$T_DIR/other-index"
GIT_INDEX_FILE="$T_DIR/other-index" git add roadmap/payments.yaml
run check --staged; expect_rc 0
GIT_INDEX_FILE="$T_DIR/other-index" run check --staged; expect_rc 1; expect_out "in-progres"

t_begin "--staged reports pops.yaml missing from the index"
git init -q -b main . && make_ws
run check --staged; expect_rc 1; expect_out_line '^pops\.yaml:1:1: error: pops\.yaml is missing'

t_begin "--rev checks a commit without touching the working tree"
make_repo
sed -i 's/status: in-progress/status: in-progres/' roadmap/payments.yaml
git commit -qam "typo"
git mv roadmap/platform.yaml roadmap/infra.yaml && git commit -qm "rename"
echo "garbage: [" > roadmap/payments.yaml
run check --rev HEAD~2; expect_rc 0; expect_err "no problems"
run check --rev HEAD~1; expect_rc 1; expect_out "in-progres"
run check --rev nosuch; expect_rc 2; expect_err "unknown revision 'nosuch'"
run check --staged --rev HEAD; expect_rc 2
grep -q 'garbage' roadmap/payments.yaml && pass || fail "working tree was touched"

t_begin "outside a git repository, --staged says so"
make_ws
run check --staged; expect_rc 2; expect_err "not inside a git repository"

t_begin "status-regression: backward without reopened"
make_repo
sed -i 's/status: shipped/status: in-progress/' roadmap/platform.yaml
run check --base HEAD; expect_rc 1
expect_out_line "^roadmap/platform\.yaml:5:13: error: PLAT-1 moved back from 'shipped' to 'in-progress'; .*\[status-regression\]$"
git add -A; run check --staged; expect_rc 1; expect_out "[status-regression]"
run check; expect_rc 0   # no base, no transition rules
printf '    reopened: true\n' >> roadmap/platform.yaml
run check --base HEAD; expect_rc 0; expect_no_out "status-regression"

t_begin "status-regression: dropping is always allowed"
make_repo
sed -i 's/status: shipped/status: dropped\n    dropped_reason: Replaced by a vendor/' roadmap/platform.yaml
run check --base HEAD; expect_no_out "status-regression"

t_begin "item-removed: items are dropped, not deleted"
make_repo
cat > roadmap/platform.yaml <<'YAML'
squad: platform
items: []
YAML
sed -i 's/depends_on: \[PLAT-1\]//' roadmap/payments.yaml
run check --base HEAD; expect_rc 1
expect_out_line "^roadmap/platform\.yaml:3:5: error: item PLAT-1 \('Ledger service'\) was deleted; .*\[item-removed\]$"
git checkout -q -- roadmap
run check --base HEAD; expect_rc 0

t_begin "item-removed: feedback entries are never deleted"
make_repo
cat > feedback/2026-11.yaml <<'YAML'
entries:
  - {id: FB-1, date: 2026-11-03, source: support, customer: Acme, quote: "Refunds are slow", items: [PAY-1]}
YAML
git add -A && git commit -qm feedback
printf 'entries: []\n' > feedback/2026-11.yaml
run check --base HEAD; expect_rc 1; expect_out_line "^feedback/2026-11\.yaml:2:5: error: feedback FB-1 was deleted.*\[item-removed\]$"

t_begin "id-reused: an id naming something else"
make_repo
sed -i 's/title: Ledger service/title: Crypto payouts/' roadmap/platform.yaml
run check --base HEAD; expect_rc 0
expect_out_line "^roadmap/platform\.yaml:3:9: warning: PLAT-1 named 'Ledger service' in the base and now names 'Crypto payouts'.*\[id-reused\]$"
run check --base HEAD --strict; expect_rc 1
sed -i 's/title: Crypto payouts/title: Ledger service v2/' roadmap/platform.yaml
run check --base HEAD; expect_rc 0; expect_no_out "id-reused"

t_begin "target-slip: reported as info with the days"
make_repo
sed -i 's/target: 2026-12-15/target: 2027-01-12/' roadmap/payments.yaml
run check --base HEAD; expect_rc 0
expect_out_line "^roadmap/payments\.yaml:8:13: info: target of PAY-1 moved from 2026-12-15 to 2027-01-12, 28 days later \[target-slip\]$"
expect_err "0 errors, 0 warnings, 1 info"
sed -i 's/target: 2027-01-12/target: 2026-12-01/' roadmap/payments.yaml
run check --base HEAD; expect_no_out "target-slip"
printf 'rules:\n  target-slip: error\n' >> pops.yaml
sed -i 's/target: 2026-12-01/target: 2027-01-12/' roadmap/payments.yaml
run check --base HEAD; expect_rc 1

t_begin "--base with a workspace in a sub-folder of the repository"
git init -q -b main .
mkdir product && (cd product && make_ws)
git add -A && git commit -qm "workspace in product/"
sed -i 's/status: shipped/status: planned/' product/roadmap/platform.yaml
run -C product check --base HEAD; expect_rc 1; expect_out "[status-regression]"
run -C product check --rev HEAD; expect_rc 0

t_begin "--staged refuses during a merge with conflicts"
make_repo
git checkout -q -b side
sed -i 's/title: Ledger service/title: Ledger service (side)/' roadmap/platform.yaml && git commit -qam side
git checkout -q main
sed -i 's/title: Ledger service/title: Ledger service (main)/' roadmap/platform.yaml && git commit -qam main
git merge -q side >/dev/null 2>&1
run check --staged; expect_rc 2; expect_err "unresolved conflicts"; expect_err "roadmap/platform.yaml"

t_begin "dot-files are never workspace files: check --staged, --rev, diff, log, roadmap --at, the hook"
make_repo
mkdir -p roadmap/.drafts docs/.archive .hidden
# A draft that check would reject, one that would add a phantom item, an archived doc with no front
# matter: working-tree check ignores all three (docs/format.md), and so must every reader of git.
printf 'squad: payments\nitems:\n  - id: PAY-7\n    title: Draft idea\n    status: plannd\n' > roadmap/.drafts/wip.yaml
printf 'squad: payments\nitems:\n  - id: PAY-8\n    title: Phantom\n    status: planned\n' > roadmap/.drafts/ok.yaml
printf '# no front matter\n' > docs/.archive/old.md
printf 'version: 1\n' > .hidden/pops.yaml
run check; expect_rc 0; expect_err "no problems in 3 files"
git add -A
run check --staged; expect_rc 0; expect_err "no problems in 3 files"
run hook install; expect_rc 0
if git commit -qm "drafts only" 2>"$T_ROOT/hookerr"; then pass; else fail "the hook refused: $(cat "$T_ROOT/hookerr")"; fi
run check --rev HEAD; expect_rc 0; expect_err "no problems in 3 files"
run check --base HEAD~1; expect_rc 0
run diff HEAD~1 HEAD; expect_rc 0; expect_no_out "PAY-7"; expect_no_out "PAY-8"
run log; expect_rc 0; expect_no_out "drafts only"; expect_no_out "PAY-8"
run roadmap --at HEAD; expect_rc 0; expect_no_out "PAY-8"; expect_out "PAY-1"
run show PAY-8; expect_rc 2
# Removing the drafts is no removal of items.
git rm -rq roadmap/.drafts && git commit -qm "drop drafts"
run check --base HEAD~1; expect_rc 0
run log; expect_no_out "drop drafts"
