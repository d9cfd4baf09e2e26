# .pre-commit-hooks.yaml: the real pre-commit framework runs pops-check from this manifest, offline.
. "$(dirname "$0")/lib.sh"

if ! command -v pre-commit >/dev/null 2>&1; then
  echo "skip: pre-commit is not installed (apt-get install pre-commit)"
  trap - EXIT
  rm -rf "$T_ROOT"
  exit 125
fi

MANIFEST="$(cd "$(dirname "$0")/../.." && pwd)/.pre-commit-hooks.yaml"
export PRE_COMMIT_HOME="$T_ROOT/pre-commit-home"
# language: system runs `pops` from PATH.
export PATH="$(dirname "$POPS"):$PATH"


# The hook repository pre-commit clones: a git repository holding the manifest, with one commit.
HOOK_REPO="$T_ROOT/hook-repo"
git init -q -b main "$HOOK_REPO"
cp "$MANIFEST" "$HOOK_REPO/.pre-commit-hooks.yaml"
git -C "$HOOK_REPO" add .pre-commit-hooks.yaml && git -C "$HOOK_REPO" commit -qm manifest
HOOK_REV=$(git -C "$HOOK_REPO" rev-parse HEAD)

# gc ARGS...: git commit, sets RC and OUT (both streams: git sends a hook's output to stderr).
gc() {
  OUT=$(git commit "$@" 2>&1)
  RC=$?
  ERR=""
}
expect_commits() {
  local n; n=$(git rev-list --count HEAD)
  if [ "$n" -eq "$1" ]; then pass; else fail "expected $1 commits, HEAD has $n"; fi
}
# use_precommit [ENTRY [KEY: VALUE]]: .pre-commit-config.yaml using the manifest (ENTRY overrides
# the entry; KEY: VALUE is one more setting of the hook), committed, and `pre-commit install`.
use_precommit() {
  {
    echo "repos:"
    echo "  - repo: $HOOK_REPO"
    echo "    rev: $HOOK_REV"
    echo "    hooks:"
    echo "      - id: pops-check"
    if [ -n "${1:-}" ]; then echo "        entry: $1"; fi
    if [ -n "${2:-}" ]; then echo "        $2"; fi
  } > .pre-commit-config.yaml
  git add -A && git commit -qm "init" || fail "first commit"
  pre-commit install >/dev/null || fail "pre-commit install"
}

t_begin "the manifest is what pre-commit expects"
if pre-commit validate-manifest "$MANIFEST" >/dev/null 2>&1; then pass; else fail "pre-commit validate-manifest failed"; fi
for key in "id: pops-check" "language: system" "entry: pops check --staged" "pass_filenames: false" "require_serial: true"; do
  if grep -qF -- "$key" "$MANIFEST"; then pass; else fail "manifest lacks '$key'"; fi
done
# files matches workspace files at the root and in a sub-folder, and nothing else.
files_re=$(sed -n 's/^  files: //p' "$MANIFEST" | head -1)
[ "$(sed -n 's/^  files: //p' "$MANIFEST" | sort -u | wc -l)" = 1 ] && pass || fail "the hooks' files differ"
for p in pops.yaml roadmap/core.yaml feedback/2026/a.yml docs/prd/x.md rituals/sprint-review/n.md \
         metrics/m.yaml product/pops.yaml product/roadmap/core.yaml; do
  if python3 -c 'import re,sys; sys.exit(0 if re.search(sys.argv[1], sys.argv[2]) else 1)' "$files_re" "$p"; then
    pass; else fail "files does not match $p"; fi
done
for p in README.md src/main.c roadmap.yaml mypops.yaml docs/logo.png notroadmap/x.yaml; do
  if python3 -c 'import re,sys; sys.exit(0 if re.search(sys.argv[1], sys.argv[2]) else 1)' "$files_re" "$p"; then
    fail "files matches $p"; else pass; fi
done

t_begin "a bad staged file blocks git commit through pre-commit; a good one passes"
"$POPS" init ws >/dev/null 2>&1 || fail "pops init"
cd ws
use_precommit
printf '%s' "$BAD" > roadmap/core.yaml && git add roadmap/core.yaml
gc -m bad; if [ "$RC" -ne 0 ]; then pass; else fail "commit should be blocked"; fi
expect_out "pops check"; expect_out "Failed"; expect_out "unknown status 'plannd'"; expect_commits 1
printf '%s' "$GOOD" > roadmap/core.yaml && git add roadmap/core.yaml
gc -m good; expect_rc 0; expect_out "Passed"; expect_commits 2

t_begin "what is checked is the commit: untracked and unstaged files do not count"
"$POPS" init ws >/dev/null 2>&1 || fail "pops init"
cd ws
use_precommit
printf '%s' "$GOOD" > roadmap/core.yaml && git add roadmap/core.yaml && git commit -qm good >/dev/null 2>&1
# An untracked broken file stays out of the commit (pre-commit does not stash it; --staged ignores it).
printf '%s' "$BAD" | sed 's/squad: core/squad: nosuch/' > roadmap/untracked.yaml
printf '%s' "$GOOD2" > roadmap/core.yaml && git add roadmap/core.yaml
gc -m "good with an untracked bad file"; expect_rc 0; expect_out "Passed"; expect_commits 3
rm roadmap/untracked.yaml
# An unstaged broken edit of a tracked file does not count either, and is kept.
echo "  - id: CORE-2" >> README.md && git add README.md
printf '%s' "$GOOD" > roadmap/core.yaml && git add roadmap/core.yaml
printf '%s' "$BAD" > roadmap/core.yaml
gc -m "good staged, bad unstaged"; expect_rc 0; expect_commits 4
if grep -q "plannd" roadmap/core.yaml; then pass; else fail "the unstaged edit was lost"; fi
# commit -a takes the broken edit: blocked.
gc -a -m "all"; if [ "$RC" -ne 0 ]; then pass; else fail "commit -a should be blocked"; fi
expect_out "unknown status 'plannd'"; expect_commits 4

t_begin "commits that touch no workspace file skip the hook"
"$POPS" init ws >/dev/null 2>&1 || fail "pops init"
cd ws
use_precommit
echo "more" >> README.md && git add README.md
gc -m readme; expect_rc 0; expect_out "(no files to check)Skipped"; expect_commits 2

t_begin "a workspace in a sub-folder, with the entry overridden to pops -C"
git init -q -b main repo && cd repo
"$POPS" init product >/dev/null 2>&1 || fail "pops init product"
use_precommit "pops -C product check --staged"
printf '%s' "$BAD" > product/roadmap/core.yaml && git add product/roadmap/core.yaml
gc -m bad; if [ "$RC" -ne 0 ]; then pass; else fail "commit should be blocked"; fi
expect_out "roadmap/core.yaml:5:13: error: unknown status 'plannd'"; expect_commits 1
printf '%s' "$GOOD" > product/roadmap/core.yaml && git add product/roadmap/core.yaml
gc -m good; expect_rc 0; expect_out "Passed"; expect_commits 2

t_begin "a commit that only deletes workspace files skips the hook, unless always_run"
"$POPS" init ws >/dev/null 2>&1 || fail "pops init"
cd ws
printf '%s' "$GOOD" > roadmap/core.yaml
use_precommit
git rm -q roadmap/core.yaml
gc -m "delete"; expect_rc 0; expect_out "(no files to check)Skipped"; expect_commits 2
cd "$T_DIR" && rm -rf ws && "$POPS" init ws >/dev/null 2>&1 && cd ws
printf '%s' "$GOOD" > roadmap/core.yaml
use_precommit "pops check --staged" "always_run: true"
git rm -q roadmap/core.yaml
gc -m "delete"; if [ "$RC" -ne 0 ]; then pass; else fail "the deletion should be checked"; fi
expect_out "[item-removed]"; expect_commits 1
