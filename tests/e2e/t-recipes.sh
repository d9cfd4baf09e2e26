# docs/recipes/: every CI step that runs pops, run as the CI would (a temp git repository with an
# origin, pops on PATH, the CI's variables and a fake $GITHUB_STEP_SUMMARY), and the pre-commit
# example through the real pre-commit framework.
. "$(dirname "$0")/lib.sh"
if ! python3 -c 'import yaml' 2>/dev/null; then
  echo "skip: python3-yaml is not installed (apt-get install python3-yaml)"
  trap - EXIT
  rm -rf "$T_ROOT"
  exit 125
fi
HERE="$(cd "$(dirname "$0")" && pwd)"
RECIPES="$(cd "$HERE/../../docs/recipes" && pwd)"
SARIF_SCHEMA="${POPS_SHARED:-/nonexistent}/corpus/sarif/sarif-schema-2.1.0.json"
mkdir -p "$T_ROOT/bin" && ln -s "$POPS" "$T_ROOT/bin/pops"
export PATH="$T_ROOT/bin:$PATH"

# pyfile NAME FILE SCRIPT [ARGS...]: a python3 check of FILE; prints why on failure.
pyfile() {
  local name="$1" file="$2" script="$3"; shift 3
  local why
  if why=$(python3 -c "$script" "$file" "$@" 2>&1); then pass; else fail "$name: $why"; fi
}

# repos KIND: a bare origin whose main holds a valid workspace (make_ws and PLAT-2), and its clone
# `checkout` (the current folder afterwards) on branch feature, one commit ahead. KIND clean: the
# feature ships PAY-1. KIND broken: it also adds an unknown status, a passed target and deletes
# PLAT-2 (item-removed, seen only against the base).
repos() {
  git init -q -b main seed && cd seed || exit 1
  make_ws
  printf '  - id: PLAT-2\n    title: Audit log\n    status: planned\n    horizon: next\n' >> roadmap/platform.yaml
  git add -A && git commit -qm "the roadmap" && cd ..
  git clone -q --bare seed origin.git
  git clone -q origin.git checkout 2>/dev/null && cd checkout || exit 1
  git checkout -qb feature
  sed -i 's/status: in-progress/status: shipped/' roadmap/payments.yaml
  if [ "$1" = broken ]; then
    sed -i '/PLAT-2/,$d' roadmap/platform.yaml
    printf '  - id: PAY-2\n    title: Refund reasons\n    status: plannd\n  - id: PAY-3\n    title: Late\n    status: planned\n    target: 2026-01-01\n' \
      >> roadmap/payments.yaml
  fi
  git commit -qam "the feature"
}

# steps FILE EXPR=VALUE...: writes the steps of the recipe FILE that run pops into $T_DIR/steps,
# and sets STEPS to their list (NN.sh<TAB>job<TAB>step per line).
steps() {
  local file="$1"; shift
  rm -rf "$T_DIR/steps"
  if STEPS=$(python3 "$HERE/recipe_steps.py" "$RECIPES/$file" "$T_DIR/steps" "$@" 2>&1); then pass
  else fail "recipe_steps.py $file: $STEPS"; fi
}
# expect_steps LIST: the steps found are exactly these (job<TAB>step per line).
expect_steps() {
  local got; got=$(printf '%s\n' "$STEPS" | cut -f2-)
  if [ "$got" = "$(printf '%b' "$1")" ]; then pass; else fail "steps found: $got"; fi
}
# step N: runs step N (01, 02, ...) with bash in the current folder; sets RC, OUT, ERR.
step() {
  OUT=$(bash "$T_DIR/steps/$1.sh" 2>"$T_ROOT/stderr")
  RC=$?
  ERR=$(cat "$T_ROOT/stderr")
}

# GitHub Actions for a pull request into main.
gh_env() {
  export CI=true GITHUB_ACTIONS=true GITHUB_EVENT_NAME=pull_request GITHUB_BASE_REF=main GITHUB_HEAD_REF=feature
  export GITHUB_WORKSPACE="$PWD" RUNNER_TEMP="$T_DIR/runner-temp" GITHUB_STEP_SUMMARY="$T_DIR/summary.md"
  mkdir -p "$RUNNER_TEMP"
  printf 'from an earlier step\n' > "$GITHUB_STEP_SUMMARY"
}
GH_EXPR=("github.base_ref || 'main'=main" "!cancelled()=true"
         "!cancelled() && github.event_name == 'pull_request'=true")
# GitLab CI for a merge request into main.
gl_env() {
  export CI=true GITLAB_CI=true CI_PIPELINE_SOURCE=merge_request_event CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main
  export CI_PROJECT_DIR="$PWD"
}

SARIF_CHECK='
import json, sys
d = json.load(open(sys.argv[1]))
rules = sorted({r["ruleId"] for r in d["runs"][0]["results"]})
assert rules == sys.argv[2:], rules
'
# The Code Quality report as GitLab reads it: an array of issues with the required keys and types,
# severities from GitLab list, unique fingerprints, paths of files in the repository.
GITLAB_CHECK='
import json, os, sys
d = json.load(open(sys.argv[1]))
assert isinstance(d, list), type(d)
want = sorted(sys.argv[2:])
assert sorted(i["check_name"] for i in d) == want, sorted(i["check_name"] for i in d)
for i in d:
    assert set(i) == {"description", "check_name", "fingerprint", "severity", "location"}, i
    assert all(isinstance(i[k], str) and i[k] for k in ("description", "check_name", "fingerprint")), i
    assert i["severity"] in ("info", "minor", "major", "critical", "blocker"), i
    assert set(i["location"]) == {"path", "lines"}, i
    assert isinstance(i["location"]["path"], str) and os.path.isfile(i["location"]["path"]), i
    begin = i["location"]["lines"]["begin"]
    assert isinstance(begin, int) and not isinstance(begin, bool) and begin >= 1, i
fps = [i["fingerprint"] for i in d]
assert len(set(fps)) == len(fps), fps
sev = {i["check_name"]: i["severity"] for i in d}
assert all(sev[k] == "major" for k in ("schema", "item-removed") if k in sev), sev
assert sev.get("target-passed", "minor") == "minor", sev
'
JUNIT_CHECK='
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites", root.tag
suites = root.findall("testsuite")
assert len(suites) == 1, suites
cases = suites[0].findall("testcase")
failures = [c for c in cases if c.find("failure") is not None]
assert (len(cases), len(failures)) == (int(sys.argv[2]), int(sys.argv[3])), (len(cases), len(failures))
assert int(root.get("tests")) == len(cases) and int(root.get("failures")) == len(failures), root.attrib
'

# --- the Markdown pages and their files ---------------------------------------------------------

t_begin "each recipe file is shown whole in its page; links resolve; no link to the old page"
pyfile "recipe files in pages" "$RECIPES" '
import os, re, sys
d = sys.argv[1]
pages = {p: open(os.path.join(d, p)).read() for p in os.listdir(d) if p.endswith(".md")}
blocks = {p: re.findall(r"^```yaml\n(.*?)^```$", t, re.S | re.M) for p, t in pages.items()}
files = sorted(f for f in os.listdir(d) if f.endswith((".yml", ".yaml")))
assert files == ["github-actions.yml", "gitlab-ci.yml", "nightly-report.yml", "pre-commit-config.yaml", "release.yml"], files
for f in files:
    text = open(os.path.join(d, f)).read()
    shown = [p for p, bs in blocks.items() if text in bs]
    assert shown, f"{f} is not shown whole in any page"
for p, t in pages.items():
    for link in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", t):
        if "://" not in link:
            assert os.path.exists(os.path.join(d, link)), f"{p}: broken link {link}"
'
if ! grep -rn "docs/recipes\.md\|(recipes\.md)" "$HERE/../../README.md" "$HERE/../../docs" "$HERE/../../.pre-commit-hooks.yaml" >/dev/null; then
  pass; else fail "a link to docs/recipes.md is left"; fi
for f in "$RECIPES"/*.yml "$RECIPES"/*.yaml; do
  if python3 -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' "$f" 2>/dev/null; then pass; else fail "$f is not YAML"; fi
done

# --- GitHub Actions -----------------------------------------------------------------------------

t_begin "github actions: annotations, SARIF and the digest summary on a broken pull request"
repos broken
gh_env
steps github-actions.yml "${GH_EXPR[@]}"
expect_steps 'pops\tpops check\npops\tpops check (SARIF)\npops\tDigest as the job summary'
step 01; expect_rc 1
if [ -z "$ERR" ]; then pass; else fail "stderr should be empty"; fi
if [ -z "$(printf '%s\n' "$OUT" | grep -Ev '^::(error|warning|notice) file=[^,:]+,line=[0-9]+,col=[0-9]+(,endLine=[0-9]+(,endColumn=[0-9]+)?)?,title=pops/[a-z-]+::.+$')" ]; then
  pass; else fail "lines that are not annotations: $OUT"; fi
expect_out_line "^::error file=roadmap/payments\.yaml,line=[0-9]+,col=[0-9]+.*,title=pops/schema::unknown status 'plannd'"
expect_out_line '^::error file=roadmap/platform\.yaml,line=[0-9]+,col=[0-9]+.*,title=pops/item-removed::item PLAT-2'
expect_out_line '^::warning file=roadmap/payments\.yaml,.*title=pops/target-passed::'
step 02; expect_rc 0
pyfile "sarif rules" pops.sarif "$SARIF_CHECK" item-removed schema target-passed
if [ -f "$SARIF_SCHEMA" ]; then
  if v=$(python3 "$HERE/sarif_validate.py" "$SARIF_SCHEMA" pops.sarif 2>&1); then pass; else fail "sarif schema: $v"; fi
fi
# pops failing to run (exit 2) fails the SARIF step; findings (exit 1) do not.
OUT=$(POPS_TODAY=nope bash "$T_DIR/steps/02.sh" 2>&1); RC=$?
if [ "$RC" -ne 0 ]; then pass; else fail "the SARIF step passed although pops could not run"; fi
case "$OUT" in *"POPS_TODAY='nope' is not a date"*) pass ;; *) fail "pops's error is not in the log: $OUT" ;; esac
step 03; expect_rc 0
summary=$(cat "$GITHUB_STEP_SUMMARY")
case "$summary" in "from an earlier step"*) pass ;; *) fail "the summary was overwritten" ;; esac
case "$summary" in *"# Test Co: product update"*) pass ;; *) fail "no digest heading in the summary: $summary" ;; esac
case "$summary" in *"## Shipped (1)"*"PAY-1"*) pass ;; *) fail "the summary lacks PAY-1 shipped: $summary" ;; esac
case "$summary" in *"PLAT-2"*) pass ;; *) fail "the summary lacks PLAT-2 removed: $summary" ;; esac

t_begin "github actions: a clean pull request passes every step"
repos clean
gh_env
steps github-actions.yml "${GH_EXPR[@]}"
step 01; expect_rc 0
if [ -z "$OUT$ERR" ]; then pass; else fail "a clean check should print nothing"; fi
step 02; expect_rc 0
pyfile "sarif clean" pops.sarif "$SARIF_CHECK"
step 03; expect_rc 0
case "$(cat "$GITHUB_STEP_SUMMARY")" in *"## Shipped (1)"*"PAY-1"*) pass ;; *) fail "the summary lacks PAY-1" ;; esac

t_begin "github pages: the nightly job writes the report"
repos clean
gh_env
steps nightly-report.yml
expect_steps 'report\tWrite the report'
step 01; expect_rc 0
if [ -s _site/index.html ] && grep -q "<html" _site/index.html && grep -q "Test Co" _site/index.html; then pass
else fail "_site/index.html is not the report"; fi

# --- GitLab CI ----------------------------------------------------------------------------------

t_begin "gitlab ci: JUnit and Code Quality reports on a broken merge request, the job fails"
repos broken
gl_env
steps gitlab-ci.yml
expect_steps 'pops-check\tscript\npages\tscript'
step 01; expect_rc 1
expect_out_line "^roadmap/payments\.yaml:[0-9]+:[0-9]+: error: unknown status 'plannd'"
expect_out_line '^roadmap/platform\.yaml:[0-9]+:[0-9]+: error: item PLAT-2'
expect_err_line '^2 errors, 1 warning in 3 files$'
pyfile "junit report" pops-junit.xml "$JUNIT_CHECK" 3 2
pyfile "code quality report" gl-code-quality.json "$GITLAB_CHECK" item-removed schema target-passed
if git rev-parse -q --verify refs/remotes/origin/main >/dev/null; then pass; else fail "the fetch line did not run"; fi

t_begin "gitlab ci: a clean merge request, and the pages job"
repos clean
gl_env
steps gitlab-ci.yml
step 01; expect_rc 0; expect_err_line '^no problems in [0-9]+ files$'
pyfile "junit clean" pops-junit.xml "$JUNIT_CHECK" 1 0
pyfile "code quality clean" gl-code-quality.json "$GITLAB_CHECK"
if [ "$(cat gl-code-quality.json)" = "[]" ]; then pass; else fail "a clean report is not []"; fi
# The same job on the default branch (the Code Quality baseline): checked against itself.
git checkout -q main && rm -f pops-junit.xml gl-code-quality.json
unset CI_MERGE_REQUEST_TARGET_BRANCH_NAME
export CI_PIPELINE_SOURCE=push CI_COMMIT_BRANCH=main CI_DEFAULT_BRANCH=main
step 01; expect_rc 0; expect_err_line '^no problems in [0-9]+ files$'
pyfile "code quality baseline" gl-code-quality.json "$GITLAB_CHECK"
export CI_PIPELINE_SOURCE=schedule
step 02; expect_rc 0
if [ -s public/index.html ] && grep -q "<html" public/index.html && grep -q "Test Co" public/index.html; then pass
else fail "public/index.html is not the report"; fi

t_begin "CI formats name files from the repository root when the workspace is a sub-folder"
git init -q -b main repo && cd repo
mkdir product && cd product && make_ws
sed -i 's/status: in-progress/status: in-progres/' roadmap/payments.yaml
cd .. && git add -A && git commit -qm init
run -C product check --format gitlab; expect_rc 1
pyfile "gitlab path" <(printf '%s' "$OUT") 'import json,sys; p=[i["location"]["path"] for i in json.load(open(sys.argv[1]))]; assert p == ["product/roadmap/payments.yaml"], p'
run -C product check --format github; expect_rc 1; expect_out_line '^::error file=product/roadmap/payments\.yaml,line=5,'
run -C product check --format sarif; expect_rc 1; expect_out '"uri": "product/roadmap/payments.yaml"'
run -C product check --format junit; expect_rc 1; expect_out 'file="product/roadmap/payments.yaml"'
run -C product check --format json; expect_rc 1; expect_out '"file": "roadmap/payments.yaml"'
run -C product check; expect_rc 1; expect_out_line '^roadmap/payments\.yaml:5:13: error'

# --- the pre-commit framework -------------------------------------------------------------------

t_begin "pre-commit: the example config installs both hooks; deletions and clean merges are checked"
if ! command -v pre-commit >/dev/null 2>&1; then
  echo "skip: pre-commit is not installed; the example config was only parsed"
else
  export PRE_COMMIT_HOME="$T_ROOT/pre-commit-home"
  git init -q -b main hook-repo
  cp "$HERE/../../.pre-commit-hooks.yaml" hook-repo/
  git -C hook-repo add .pre-commit-hooks.yaml && git -C hook-repo commit -qm manifest
  rev=$(git -C hook-repo rev-parse HEAD)
  "$POPS" init ws >/dev/null 2>&1 || fail "pops init"
  cd ws
  printf '%s' "$GOOD" > roadmap/core.yaml
  sed -e "s|https://github.com/<owner>/pops|$T_DIR/hook-repo|" -e "s|<tag>|$rev|" \
    "$RECIPES/pre-commit-config.yaml" > .pre-commit-config.yaml
  git add -A && git commit -qm init
  if pre-commit install >/dev/null 2>&1; then pass; else fail "pre-commit install"; fi
  for h in pre-commit pre-merge-commit; do
    if grep -q "File generated by pre-commit" ".git/hooks/$h" 2>/dev/null; then pass; else fail "no $h hook from pre-commit"; fi
  done
  # A commit that only deletes a workspace file is checked (always_run): item-removed refuses it.
  git rm -q roadmap/core.yaml
  OUT=$(git commit -m delete 2>&1); RC=$?
  if [ "$RC" -ne 0 ]; then pass; else fail "the deletion should be refused"; fi
  case "$OUT" in *"[item-removed]"*) pass ;; *) fail "no item-removed finding: $OUT" ;; esac
  git reset -q --hard
  # A clean merge of a broken branch is refused by the pre-merge-commit hook.
  git checkout -qb side
  printf '%s' "$BAD" > roadmap/core.yaml && git commit -q --no-verify -am bad
  git checkout -q main && echo more >> README.md && git commit -qam readme >/dev/null 2>&1
  OUT=$(git merge --no-edit side 2>&1); RC=$?
  if [ "$RC" -ne 0 ]; then pass; else fail "the merge should be refused"; fi
  case "$OUT" in *"unknown status 'plannd'"*) pass ;; *) fail "pops did not run on the merge: $OUT" ;; esac
  if [ "$(git rev-list --count HEAD)" -eq 2 ]; then pass; else fail "the merge was committed"; fi
fi
