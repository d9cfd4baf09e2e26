# pops hook: the pre-commit and pre-merge-commit hooks, driven through real `git commit` and
# `git merge` in temporary repositories.
. "$(dirname "$0")/lib.sh"


# new_repo [DIR]: `pops init DIR` (default ws; a git repository with branch main when not inside
# one), a first commit, and cd into it.
new_repo() {
  local dir="${1:-ws}"
  "$POPS" init "$dir" >/dev/null 2>&1 || fail "pops init $dir"
  cd "$dir" || exit 1
  git add -A && git commit -qm init || fail "first commit"
}

# gc ARGS...: git commit, sets RC, OUT, ERR like run.
gc() {
  OUT=$(git commit "$@" 2>"$T_ROOT/stderr")
  RC=$?
  ERR=$(cat "$T_ROOT/stderr")
}

commits() { git rev-list --count HEAD; }
# expect_commits N: HEAD has N commits.
expect_commits() {
  local n; n=$(commits)
  if [ "$n" -eq "$1" ]; then pass; else fail "expected $1 commits, HEAD has $n"; fi
}
expect_blocked() {  # a commit refused by the hook
  if [ "$RC" -ne 0 ]; then pass; else fail "the commit should have been blocked"; fi
}
# expect_head_file PATH CONTENT: the file as committed in HEAD.
expect_head_file() {
  if [ "$(git show "HEAD:$1")" = "$(printf '%s' "$2")" ]; then pass; else fail "HEAD:$1 is not as expected"; fi
}
same_file() {  # same_file A B: byte-identical
  if cmp -s "$1" "$2"; then pass; else fail "'$1' and '$2' differ"; fi
}
mode_of() { stat -c '%a' "$1"; }

t_begin "install writes an executable pops hook; installing twice changes nothing"
new_repo
run hook status; expect_rc 0; expect_out "no pre-commit hook in '.git/hooks'"
expect_out "no pre-merge-commit hook in '.git/hooks'"
run hook install; expect_rc 0; expect_err "installed the pre-commit hook '.git/hooks/pre-commit'"
expect_err "installed the pre-merge-commit hook '.git/hooks/pre-merge-commit': merges now run 'pops check --staged' in '.'"
if [ -x .git/hooks/pre-merge-commit ]; then pass; else fail "pre-merge-commit hook not executable"; fi
if grep -qx "# pops pre-merge-commit hook: installed by 'pops hook install', removed by 'pops hook uninstall'" .git/hooks/pre-merge-commit; then pass; else fail "no pre-merge-commit marker line"; fi
if grep -qx 'exec "$pops_bin" -C "$pops_workspace" check --staged' .git/hooks/pre-merge-commit; then pass; else fail "pre-merge-commit does not run check --staged"; fi
if sh -n .git/hooks/pre-merge-commit; then pass; else fail "pre-merge-commit is not valid sh"; fi
if [ -x .git/hooks/pre-commit ]; then pass; else fail "hook not executable"; fi
if head -1 .git/hooks/pre-commit | grep -qx '#!/bin/sh'; then pass; else fail "not a sh script"; fi
if grep -qx "# pops pre-commit hook: installed by 'pops hook install', removed by 'pops hook uninstall'" .git/hooks/pre-commit; then pass; else fail "no marker line"; fi
if grep -qF "pops_bin='$POPS'" .git/hooks/pre-commit; then pass; else fail "hook does not name the installing binary"; fi
if sh -n .git/hooks/pre-commit; then pass; else fail "hook is not valid sh"; fi
cp -p .git/hooks/pre-commit "$T_DIR/first"
cp -p .git/hooks/pre-merge-commit "$T_DIR/first-merge"
run hook install; expect_rc 0; expect_err "the pre-commit hook '.git/hooks/pre-commit' is already installed"
expect_err "the pre-merge-commit hook '.git/hooks/pre-merge-commit' is already installed"
same_file .git/hooks/pre-commit "$T_DIR/first"
same_file .git/hooks/pre-merge-commit "$T_DIR/first-merge"
if [ -z "$(ls .git/hooks | grep -v -e '\.sample$' -e '^pre-commit$' -e '^pre-merge-commit$')" ]; then pass; else fail "stray files: $(ls .git/hooks)"; fi
run hook status; expect_rc 0; expect_out "pops's pre-commit hook is installed in '.git/hooks/pre-commit'"
expect_out "pops's pre-merge-commit hook is installed in '.git/hooks/pre-merge-commit'"
expect_out "-C . check --staged"
run hook bogus; expect_rc 2; expect_err "'bogus' is not a subcommand of 'pops hook'"; expect_err "takes one of: install, uninstall, status"

t_begin "a staged error blocks the commit; an unstaged fix does not unblock it; staging it does"
new_repo
run hook install; expect_rc 0
printf '%s' "$BAD" > roadmap/core.yaml && git add roadmap/core.yaml
gc -m bad; expect_blocked; expect_err "roadmap/core.yaml:5:13: error: unknown status 'plannd'"; expect_commits 1
printf '%s' "$GOOD" > roadmap/core.yaml
gc -m "fixed in the work tree only"; expect_blocked; expect_err "unknown status 'plannd'"; expect_commits 1
git add roadmap/core.yaml
gc -m good; expect_rc 0; expect_commits 2; expect_head_file roadmap/core.yaml "$GOOD"

t_begin "commit -a and commit <path> are checked against the index git builds for them"
new_repo
run hook install; expect_rc 0
# Error staged, fix only in the work tree.
printf '%s' "$BAD" > roadmap/core.yaml && git add roadmap/core.yaml
printf '%s' "$GOOD" > roadmap/core.yaml
gc -m plain; expect_blocked; expect_commits 1
gc -m "only that path" roadmap/core.yaml; expect_rc 0; expect_commits 2; expect_head_file roadmap/core.yaml "$GOOD"
printf '%s' "$BAD" > roadmap/core.yaml && git add roadmap/core.yaml
printf '%s' "$GOOD2" > roadmap/core.yaml
gc -m plain; expect_blocked; expect_commits 2
gc -a -m all; expect_rc 0; expect_commits 3; expect_head_file roadmap/core.yaml "$GOOD2"
# The other way round: a good index with a broken work tree passes; -a and <path> take the broken file.
printf '%s' "$GOOD" > roadmap/core.yaml && git add roadmap/core.yaml
printf '%s' "$BAD" > roadmap/core.yaml
gc -a -m all; expect_blocked; expect_err "unknown status 'plannd'"; expect_commits 3
gc -m "that path" roadmap/core.yaml; expect_blocked; expect_commits 3
gc -m plain; expect_rc 0; expect_commits 4; expect_head_file roadmap/core.yaml "$GOOD"
# commit <other path> leaves the staged error out of the commit, so it passes.
printf '%s' "$BAD" > roadmap/core.yaml && git add roadmap/core.yaml
echo "more" >> README.md
gc -m readme README.md; expect_rc 0; expect_commits 5; expect_head_file roadmap/core.yaml "$GOOD"
gc -m plain; expect_blocked; expect_commits 5

t_begin "--no-verify skips the hook (git's own switch)"
new_repo
run hook install; expect_rc 0
printf '%s' "$BAD" > roadmap/core.yaml && git add roadmap/core.yaml
gc -m bad; expect_blocked; expect_commits 1
gc --no-verify -m bad; expect_rc 0; expect_commits 2

t_begin "the hook passes pops's exit status through"
new_repo
run hook install; expect_rc 0
GIT_INDEX_FILE=.git/index .git/hooks/pre-commit >/dev/null 2>&1; RC=$?; expect_rc 0
printf '%s' "$BAD" > roadmap/core.yaml && git add roadmap/core.yaml
GIT_INDEX_FILE=.git/index .git/hooks/pre-commit >/dev/null 2>&1; RC=$?; expect_rc 1
POPS_TODAY=nope .git/hooks/pre-commit >/dev/null 2>&1; RC=$?; expect_rc 2

t_begin "the hook falls back to pops on PATH when the installing binary is gone"
new_repo
run hook install; expect_rc 0
sed -i "s|^pops_bin=.*|pops_bin='$T_DIR/gone/pops'|" .git/hooks/pre-commit
mkdir -p "$T_DIR/bin" && ln -s "$POPS" "$T_DIR/bin/pops"
printf '%s' "$BAD" > roadmap/core.yaml && git add roadmap/core.yaml
OUT=$(PATH="$T_DIR/bin:$PATH" git commit -m bad 2>&1); RC=$?
expect_blocked; case "$OUT" in *"unknown status 'plannd'"*) pass ;; *) fail "pops on PATH did not run: $OUT" ;; esac
printf '%s' "$GOOD2" > roadmap/core.yaml && git add roadmap/core.yaml
OUT=$(PATH="$T_DIR/bin:$PATH" git commit -m good 2>&1); RC=$?; expect_rc 0; expect_commits 2
echo "x" >> README.md && git add README.md
gc -m "no pops anywhere"; expect_blocked; expect_err "the pre-commit hook cannot find pops"; expect_commits 2
run hook install; expect_rc 0; expect_err "updated the pre-commit hook"
gc -m "pops is back"; expect_rc 0; expect_commits 3

t_begin "an existing hook is refused without --force, chained with it, and restored by uninstall"
new_repo
cat > .git/hooks/pre-commit <<EOF
#!/bin/sh
# the team's own hook
echo "own hook ran" >> "$T_DIR/ran"
if [ -e "$T_DIR/block" ]; then echo "own hook says no" >&2; exit 3; fi
exit 0
EOF
chmod 750 .git/hooks/pre-commit
cp -p .git/hooks/pre-commit "$T_DIR/orig"
run hook status; expect_rc 0; expect_out "is not pops's: a script (#!/bin/sh, 5 lines)"
run hook install; expect_rc 2
expect_err "pops: error: a pre-commit hook that is not pops's is already installed: '.git/hooks/pre-commit' is a script"
expect_err "'pops hook install --force' keeps it: it moves it to '.git/hooks/pre-commit.pops-chained'"
same_file .git/hooks/pre-commit "$T_DIR/orig"
if [ ! -e .git/hooks/pre-commit.pops-chained ]; then pass; else fail "refused install left a chained hook"; fi
run hook install --force; expect_rc 0
expect_err "moved the existing pre-commit hook to '.git/hooks/pre-commit.pops-chained'; it runs first"
same_file .git/hooks/pre-commit.pops-chained "$T_DIR/orig"
if [ "$(mode_of .git/hooks/pre-commit.pops-chained)" = 750 ]; then pass; else fail "chained hook mode changed"; fi
run hook status; expect_out "it first runs the chained hook '.git/hooks/pre-commit.pops-chained'"
run hook install --force; expect_rc 0; expect_err "already installed"
same_file .git/hooks/pre-commit.pops-chained "$T_DIR/orig"
# Both run: the team's hook first; a pops error blocks.
printf '%s' "$BAD" > roadmap/core.yaml && git add roadmap/core.yaml
gc -m bad; expect_blocked; expect_err "unknown status 'plannd'"; expect_commits 1
if grep -q "own hook ran" "$T_DIR/ran"; then pass; else fail "chained hook did not run"; fi
# The team's hook failing blocks a commit pops would accept, and pops does not run after it.
printf '%s' "$GOOD" > roadmap/core.yaml && git add roadmap/core.yaml
touch "$T_DIR/block"
gc -m good; expect_blocked; expect_err "own hook says no"; expect_commits 1
case "$ERR" in *"no problems"*) fail "pops ran after the chained hook failed" ;; *) pass ;; esac
rm "$T_DIR/block"
gc -m good; expect_rc 0; expect_commits 2
# Uninstall puts it back byte for byte, mode included.
run hook uninstall; expect_rc 0
expect_err "removed pops's pre-commit hook and moved '.git/hooks/pre-commit.pops-chained' back to '.git/hooks/pre-commit'"
same_file .git/hooks/pre-commit "$T_DIR/orig"
if [ "$(mode_of .git/hooks/pre-commit)" = 750 ]; then pass; else fail "mode not restored: $(mode_of .git/hooks/pre-commit)"; fi
if [ ! -e .git/hooks/pre-commit.pops-chained ]; then pass; else fail "chained hook left behind"; fi
run hook uninstall; expect_rc 0; expect_err "no pops pre-commit hook in '.git/hooks'; nothing to do"
expect_err "not pops's"
same_file .git/hooks/pre-commit "$T_DIR/orig"
# Without pops, a bad commit goes through the team's hook alone.
printf '%s' "$BAD" > roadmap/core.yaml && git add roadmap/core.yaml
gc -m bad; expect_rc 0; expect_commits 3

t_begin "a hook that is a symbolic link survives chaining as the same link; a taken chained name is refused"
new_repo
mkdir -p tools && printf '#!/bin/sh\nexit 0\n' > tools/hook.sh && chmod +x tools/hook.sh
ln -s ../../tools/hook.sh .git/hooks/pre-commit
run hook install; expect_rc 2; expect_err "is a symbolic link to '../../tools/hook.sh'"
run hook install --force; expect_rc 0
if [ "$(readlink .git/hooks/pre-commit.pops-chained)" = "../../tools/hook.sh" ]; then pass; else fail "link not kept"; fi
run hook uninstall; expect_rc 0
if [ "$(readlink .git/hooks/pre-commit)" = "../../tools/hook.sh" ]; then pass; else fail "link not restored"; fi
echo "someone else's" > .git/hooks/pre-commit.pops-chained
run hook install --force; expect_rc 2; expect_err "'$(pwd -P)/.git/hooks/pre-commit.pops-chained' is already taken"
if [ "$(readlink .git/hooks/pre-commit)" = "../../tools/hook.sh" ]; then pass; else fail "refused install touched the hook"; fi

t_begin "uninstall without a pops hook says so and exits 0"
new_repo
run hook uninstall; expect_rc 0; expect_err "no pops pre-commit hook in '.git/hooks'; nothing to do"
expect_err "no pops pre-merge-commit hook in '.git/hooks'; nothing to do"
run hook install; run hook uninstall; expect_rc 0; expect_err "removed the pre-commit hook '.git/hooks/pre-commit'"
expect_err "removed the pre-merge-commit hook '.git/hooks/pre-merge-commit'"
if [ ! -e .git/hooks/pre-commit ] && [ ! -e .git/hooks/pre-merge-commit ]; then pass; else fail "hooks not removed"; fi
# A pre-commit hook from an older pops, without pre-merge-commit: install adds the missing one.
run hook install; rm .git/hooks/pre-merge-commit
run hook install; expect_rc 0; expect_err "the pre-commit hook '.git/hooks/pre-commit' is already installed"
expect_err "installed the pre-merge-commit hook"
if [ -x .git/hooks/pre-merge-commit ]; then pass; else fail "missing pre-merge-commit not added"; fi

t_begin "outside a git repository there is nothing to install into"
make_ws
run hook install; expect_rc 2; expect_err "pops: error: '$(pwd -P)' is not inside a git repository"
if [ ! -e .git ]; then pass; else fail "created a repository"; fi

t_begin "core.hooksPath is honoured, relative to the work tree root; a global one is refused"
new_repo
git config core.hooksPath .githooks
mkdir -p roadmap/deep
run -C roadmap/deep hook install; expect_rc 0; expect_err "installed the pre-commit hook '.githooks/pre-commit' (core.hooksPath '.githooks')"
if [ -x .githooks/pre-commit ]; then pass; else fail "no hook in .githooks"; fi
if [ ! -e .git/hooks/pre-commit ]; then pass; else fail "hook written to .git/hooks"; fi
printf '%s' "$BAD" > roadmap/core.yaml && git add roadmap/core.yaml
gc -m bad; expect_blocked; expect_err "unknown status 'plannd'"; expect_commits 1
git config core.hooksPath "$T_DIR/abs-hooks"
run hook install; expect_rc 0
if [ -x "$T_DIR/abs-hooks/pre-commit" ]; then pass; else fail "absolute core.hooksPath ignored"; fi
git config --unset core.hooksPath
git config --global core.hooksPath "$T_DIR/global-hooks"
run hook install; expect_rc 2; expect_err "core.hooksPath is set in your global or system git configuration"
if [ ! -e "$T_DIR/global-hooks" ]; then pass; else fail "wrote into the global hooks folder"; fi
git config --global --unset core.hooksPath

t_begin "a workspace in a sub-folder of the repository"
git init -q -b main repo && cd repo
echo "code" > main.c
"$POPS" init product >/dev/null 2>&1 || fail "pops init product"
git add -A && git commit -qm init
run -C product hook install; expect_rc 0; expect_err "commits now run 'pops check --staged' in 'product'"
if grep -qx "pops_workspace='product'" .git/hooks/pre-commit; then pass; else fail "hook does not name the workspace"; fi
printf '%s' "$BAD" > product/roadmap/core.yaml && git add product/roadmap/core.yaml
gc -m bad; expect_blocked; expect_err "roadmap/core.yaml:5:13: error: unknown status"; expect_commits 1
(cd product/roadmap && git commit -qm "from a sub-folder" 2>/dev/null); RC=$?; expect_blocked; expect_commits 1
printf '%s' "$GOOD" > product/roadmap/core.yaml && git add product/roadmap/core.yaml
gc -m good; expect_rc 0; expect_commits 2
echo "more" >> main.c
gc -a -m code; expect_rc 0; expect_commits 3
# A second workspace in the same repository does not silently take the hook over.
"$POPS" init other >/dev/null 2>&1
run -C other hook install; expect_rc 2; expect_err "already checks the workspace 'product', not 'other'"
run -C other hook install --force; expect_rc 0
if grep -qx "pops_workspace='other'" .git/hooks/pre-commit; then pass; else fail "--force did not switch the workspace"; fi

t_begin "a linked worktree shares the common hooks folder"
new_repo
git worktree add -q -b side ../wt 2>/dev/null || fail "git worktree add"
cd ../wt
run hook install; expect_rc 0
if [ -x ../ws/.git/hooks/pre-commit ]; then pass; else fail "hook not in the common hooks folder"; fi
if [ ! -e ../ws/.git/worktrees/wt/hooks/pre-commit ]; then pass; else fail "hook in the worktree's own folder"; fi
printf '%s' "$BAD" > roadmap/core.yaml && git add roadmap/core.yaml
gc -m bad; expect_blocked; expect_err "unknown status 'plannd'"; expect_commits 1
printf '%s' "$GOOD" > roadmap/core.yaml && git add roadmap/core.yaml
gc -m good; expect_rc 0; expect_commits 2
cd ../ws
printf '%s' "$BAD" > roadmap/core.yaml && git add roadmap/core.yaml
gc -m bad; expect_blocked; expect_commits 1

t_begin "a merge with conflicts: check --staged refuses, and finishing the merge runs the check"
new_repo
printf '%s' "$GOOD" > roadmap/core.yaml && git add roadmap/core.yaml && git commit -qm good
git checkout -qb side
sed -i 's/title: First/title: First, side/' roadmap/core.yaml && git commit -qam side
git checkout -q main
sed -i 's/title: First/title: First, main/' roadmap/core.yaml && git commit -qam main
run hook install; expect_rc 0
git merge side >/dev/null 2>&1; if [ $? -ne 0 ]; then pass; else fail "the merge should conflict"; fi
run check --staged; expect_rc 2
expect_err "pops: error: cannot check the index: 'roadmap/core.yaml' has unresolved conflicts"
printf '%s' "$BAD" > roadmap/core.yaml && git add roadmap/core.yaml
gc --no-edit; expect_blocked; expect_err "unknown status 'plannd'"
if [ -e .git/MERGE_HEAD ]; then pass; else fail "the merge should still be in progress"; fi
printf '%s' "$GOOD2" > roadmap/core.yaml && git add roadmap/core.yaml
gc --no-edit; expect_rc 0
if [ "$(git rev-list --parents -n 1 HEAD | wc -w)" -eq 3 ]; then pass; else fail "HEAD is not a merge commit"; fi

t_begin "a repository owned by another user: a clear message, then safe.directory"
if [ "$(id -u)" -ne 0 ]; then
  echo "skip: ownership cases need root (chown)"
else
  new_repo
  printf '%s' "$BAD" > roadmap/core.yaml && git add roadmap/core.yaml
  cd "$T_DIR" && cp -a ws owned && chown -R 12345:12345 owned && cd owned
  top=$(pwd -P)
  run check --staged; expect_rc 2
  expect_err "pops: error: detected dubious ownership in repository at '$top'"
  expect_err "run 'git config --global --add safe.directory $top'"
  run hook install; expect_rc 2; expect_err "dubious ownership"
  # From a sub-folder the message still names the top folder, as git's does.
  run -C roadmap check --staged; expect_rc 2; expect_err "safe.directory $top'"
  # git -c and GIT_CONFIG_COUNT count, like for git.
  GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=safe.directory GIT_CONFIG_VALUE_0="$top" run check --staged; expect_rc 1
  GIT_CONFIG_PARAMETERS="'safe.directory'='$top'" run check --staged; expect_rc 1
  git config --global --add safe.directory "$top"
  run check --staged; expect_rc 1; expect_err ""; expect_out "unknown status 'plannd'"
  run hook install; expect_rc 0
  gc -m bad; expect_blocked; expect_err "unknown status 'plannd'"
  # An empty value resets the list; '*' trusts every folder (libgit2 1.5.1 alone knows neither).
  git config --global --add safe.directory ""
  run check --staged; expect_rc 2; expect_err "dubious ownership"
  git config --global --add safe.directory "*"
  run check --staged; expect_rc 1
  git config --global --unset-all safe.directory
  run check --staged; expect_rc 2
fi

# A workspace where person cy is referenced by nothing: one branch removes cy, the other makes cy
# the owner of PAY-1. Each branch is valid and the merge has no conflict, but its result names a
# person who no longer exists.
t_begin "a clean merge that breaks a reference is refused by pre-merge-commit"
git init -q -b main ws && cd ws
make_ws
sed -i '/^people:/a\  cy: {name: Cy Moss, email: cy@example.com, role: pm, squad: payments}' pops.yaml
git add -A && git commit -qm init
run hook install; expect_rc 0
git checkout -qb people
sed -i '/^  cy: /d' pops.yaml
gc -qam "cy left"; expect_rc 0
git checkout -q main
sed -i 's/owner: alice/owner: cy/' roadmap/payments.yaml
gc -qam "cy owns PAY-1"; expect_rc 0; expect_commits 2
run check; expect_rc 0
OUT=$(git merge --no-edit people 2>"$T_ROOT/stderr"); RC=$?; ERR=$(cat "$T_ROOT/stderr")
expect_blocked; expect_err "roadmap/payments.yaml:7:12: error: unknown person 'cy' as owner"
expect_commits 2
if [ -e .git/MERGE_HEAD ]; then pass; else fail "git should keep the merge in progress"; fi
if ! grep -q "^  cy: " pops.yaml; then pass; else fail "the merge result is not in the work tree"; fi
# Abort, then merge with --no-verify: git's own switch skips the hook.
git merge --abort
OUT=$(git merge --no-verify --no-edit people 2>&1); RC=$?; expect_rc 0
if [ "$(git rev-list --parents -n 1 HEAD | wc -w)" -eq 3 ]; then pass; else fail "HEAD is not a merge commit"; fi
# A merge that keeps the workspace valid goes through, and the hook ran (pops's summary line).
git reset -q --hard HEAD~1
git checkout -qb notes && echo "notes" >> README.md && git add README.md && git commit -qm notes && git checkout -q main
OUT=$(git merge --no-ff --no-edit notes 2>&1); RC=$?; expect_rc 0
case "$OUT" in *"no problems in"*) pass ;; *) fail "the pre-merge-commit hook did not run: $OUT" ;; esac
if [ "$(git rev-list --parents -n 1 HEAD | wc -w)" -eq 3 ]; then pass; else fail "HEAD is not a merge commit"; fi
# Without pops's hooks, the broken merge goes through: the refusal came from the hook.
git reset -q --hard HEAD~1
run hook uninstall; expect_rc 0; expect_err "removed the pre-merge-commit hook"
OUT=$(git merge --no-edit people 2>&1); RC=$?; expect_rc 0
run check; expect_rc 1; expect_out "unknown person 'cy' as owner"

t_begin "someone else's pre-merge-commit hook: refused without --force (nothing written), chained with it"
new_repo
printf '#!/bin/sh\necho "own merge hook ran" >> "%s/ran"\nexit 0\n' "$T_DIR" > .git/hooks/pre-merge-commit
chmod 755 .git/hooks/pre-merge-commit
cp -p .git/hooks/pre-merge-commit "$T_DIR/orig"
run hook status; expect_rc 0; expect_out "the pre-merge-commit hook '.git/hooks/pre-merge-commit' is not pops's: a script"
run hook install; expect_rc 2
expect_err "pops: error: a pre-merge-commit hook that is not pops's is already installed"
expect_err "'.git/hooks/pre-merge-commit.pops-chained'"
expect_err "no hook was changed"
if [ ! -e .git/hooks/pre-commit ]; then pass; else fail "a refused install wrote the pre-commit hook"; fi
same_file .git/hooks/pre-merge-commit "$T_DIR/orig"
run hook install --force; expect_rc 0
expect_err "moved the existing pre-merge-commit hook to '.git/hooks/pre-merge-commit.pops-chained'; it runs first"
expect_err "installed the pre-commit hook"
same_file .git/hooks/pre-merge-commit.pops-chained "$T_DIR/orig"
if grep -qF 'chained="$(dirname -- "$0")/pre-merge-commit.pops-chained"' .git/hooks/pre-merge-commit; then pass; else fail "pre-merge-commit does not chain its own name"; fi
git checkout -qb side && printf '%s' "$BAD" > roadmap/core.yaml && git add roadmap/core.yaml && git commit -q --no-verify -m bad
git checkout -q main && echo "x" >> README.md && git commit -qam readme
OUT=$(git merge --no-edit side 2>&1); RC=$?
expect_blocked; case "$OUT" in *"unknown status 'plannd'"*) pass ;; *) fail "pops did not refuse the merge: $OUT" ;; esac
if grep -q "own merge hook ran" "$T_DIR/ran"; then pass; else fail "the chained merge hook did not run"; fi
git merge --abort
run hook uninstall; expect_rc 0
expect_err "removed pops's pre-merge-commit hook and moved '.git/hooks/pre-merge-commit.pops-chained' back to '.git/hooks/pre-merge-commit'"
expect_err "removed the pre-commit hook"
same_file .git/hooks/pre-merge-commit "$T_DIR/orig"
