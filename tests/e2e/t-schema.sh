# pops schema: JSON Schemas from the workspace, validated with python3-jsonschema: every file of the
# sample passes, and what `pops check` rejects per file the schemas reject too. VS Code wiring by
# pops init and pops schema --vscode, merged into an existing settings.json.
. "$(dirname "$0")/lib.sh"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python3 -c 'import jsonschema, yaml' 2>/dev/null || { echo "skip: needs python3-jsonschema and python3-yaml"; exit 125; }
shopt -s lastpipe  # `printf ... | rejected ...` counts its assertions in this shell

# validate SCHEMA_DIR [FILE...]: runs the validator in the current workspace; sets VRC and VOUT.
validate() {
  local dir="$1"; shift
  VOUT=$(python3 "$HERE/schema_validate.py" --schemas "$dir" --root . "$@" 2>&1)
  VRC=$?
}

t_begin "schema lists the schemas, prints one, and refuses an unknown name"
make_ws
run schema; expect_rc 0
expect_out_line '^pops +pops.schema.json +pops.yaml'
expect_out_line '^roadmap +roadmap.schema.json'
expect_out_line '^ritual +ritual.schema.json'
run schema roadmap; expect_rc 0
if printf '%s' "$OUT" | python3 -c '
import json, sys
s = json.load(sys.stdin)
assert s["$schema"] == "http://json-schema.org/draft-07/schema#", s["$schema"]
item = s["properties"]["items"]["items"]
assert item["properties"]["squad"]["enum"] == ["payments", "platform"], item["properties"]["squad"]
assert item["properties"]["id"]["pattern"] == "^(?:PAY|PLAT)-[1-9][0-9]{0,8}$", item["properties"]["id"]
assert item["additionalProperties"] is False
'; then pass; else fail "roadmap schema content"; fi
run schema roadmaps; expect_rc 2; expect_err "no schema 'roadmaps' (did you mean 'roadmap'?)"
run schema --check; expect_rc 2; expect_err "--check compares"
run schema roadmap --vscode; expect_rc 2; expect_err "drop the schema name"

t_begin "every file of the sample workspace validates against its schemas"
run init --sample acme; expect_rc 0; expect_err "wired VS Code"
cd acme || exit 1
run schema --out ../schemas; expect_rc 0; expect_err "wrote 6 schemas to '../schemas'"
validate ../schemas
if [ "$VRC" -eq 0 ]; then pass; else fail "sample files rejected: $(printf '%s\n' "$VOUT" | grep -v '^ok' | head -5)"; fi
n=$(printf '%s\n' "$VOUT" | grep -c '^ok ')
[ "$n" -ge 20 ] && pass || fail "only $n files validated"
for kind in pops.yaml roadmap/ feedback/ docs/ rituals/; do
  printf '%s\n' "$VOUT" | grep -q "^ok $kind" && pass || fail "no $kind file validated"
done
# The sample committed the same schemas and its VS Code settings; its work tree is clean.
diff -r ../schemas .pops/schema >/dev/null && pass || fail ".pops/schema differs from pops schema --out"
run schema --vscode --check; expect_rc 0; expect_out "up to date"
[ -z "$(git status --porcelain)" ] && pass || fail "sample work tree is not clean"
git log -1 --format=%s | grep -q "JSON Schemas" && pass || fail "no commit wiring VS Code"
run check; expect_rc 0

# A workspace with a file of every kind, custom fields, and values pops accepts that are easy to get
# wrong: an empty optional key, a percentage, a quarter, a number as title, a quoted date.
schema_ws() {
  make_ws
  cat >> pops.yaml <<'YAML'
fields:
  risk: {type: enum, values: [low, medium, high]}
  revenue_impact: {type: number}
  launch_date: {type: date}
  regulated: {type: bool}
  regions: {type: list}
YAML
  cat > roadmap/extra.yaml <<'YAML'
squad: payments
items:
  - id: PAY-2
    title: 2026
    status: planned
    horizon: 2027-Q1
    owner:
    okr:
    score: {reach: 4000, impact: 0.5, confidence: 80%, effort: 3}
    success: [{metric: refund_rate, target: "< 2%"}]
    links: {jira: PAY-1234}
    risk: high
    revenue_impact: 250000
    launch_date: "2027-02-01"
    regulated: true
    regions: [eu, us]
  - id: PAY-3
    title: Crypto payouts
    status: dropped
    dropped_reason: Nobody asked
  - id: PLAT-2
    title: Audit log
    squad: platform
    status: idea
    reopened: false
YAML
  cat > feedback/support.yaml <<'YAML'
entries:
  - id: FB-1
    date: 2026-11-03
    source: support
    customer: Acme Corp
    arr: 120000
    quote: "Refunds take 20 minutes"
    tags: [refunds]
    items: [PAY-1]
  - {id: FB-2, date: 2026-11-04, source: sales, summary: Wants partial refunds}
YAML
  cat > docs/prd/refunds.md <<'MD'
---
title: One-click refunds
type: prd
owner: alice
status: review
items: [PAY-1]
created: 2026-09-14
reviewed: 2026-11-01
tags: [refunds]
---
# One-click refunds

## Problem
Slow.

## Goals
Fast.
MD
  cat > rituals/sprint-review/2026-11-19.md <<'MD'
---
ritual: sprint-review
date: 2026-11-19
attendees: [alice, bo]
decisions:
  - Ship refunds behind a flag
actions:
  - {what: Draft the FAQ, owner: alice, due: 2026-11-26, done: false}
  - what: Check limits
    done: true
---
# Sprint review
MD
}

t_begin "what pops check rejects for schema reasons, the schemas reject too"
schema_ws
run schema --out s; expect_rc 0
run check; expect_rc 0
validate s
if [ "$VRC" -eq 0 ]; then pass; else fail "valid workspace rejected: $VOUT"; fi
cp pops.yaml "$T_ROOT/pops.yaml.good"

# rejected FILE CHECK_MESSAGE: FILE (content on stdin) fails pops check with CHECK_MESSAGE and fails
# its schema; then the workspace is restored.
CASES=0
rejected() {
  local file="$1" want="$2"
  CASES=$((CASES + 1))
  mkdir -p "$(dirname "$file")"
  cat > "$file"
  run check
  if [ "$RC" -eq 1 ]; then pass; else fail "$file: pops check exit $RC, expected 1 ($want)"; fi
  case "$OUT" in *"$want"*) pass ;; *) fail "$file: pops check does not say: $want" ;; esac
  validate s "$file"
  if [ "$VRC" -eq 1 ]; then pass; else fail "$file: the schema accepts what pops check rejects ($want): $VOUT"; fi
  if [ "$file" = pops.yaml ]; then cp "$T_ROOT/pops.yaml.good" pops.yaml; else rm -f "$file"; fi
}
item() {  # item LINES: a roadmap file of squad payments with one item made of LINES
  printf 'squad: payments\nitems:\n  - id: PAY-9\n%s\n' "$1"
}
item '    onwer: alice
    title: T
    status: planned' | rejected roadmap/bad.yaml "unknown key 'onwer' in an item (did you mean 'owner'?)"
item '    title: T
    status: plannd' | rejected roadmap/bad.yaml "unknown status 'plannd'"
item '    title: T
    status: planned
    target: 2026-02-30' | rejected roadmap/bad.yaml "'target' is not a valid date"
item '    title: T
    status: planned
    target: 2026-12-5' | rejected roadmap/bad.yaml "'target' is not a valid date"
item '    status: planned' | rejected roadmap/bad.yaml "missing required key 'title'"
item '    title: T
    status: dropped' | rejected roadmap/bad.yaml "dropped without a 'dropped_reason'"
item '    title: T
    status: dropped
    dropped_reason:' | rejected roadmap/bad.yaml "dropped without a 'dropped_reason'"
item '    title: T
    status: planned
    risk: hihg' | rejected roadmap/bad.yaml "unknown risk 'hihg' (did you mean 'high'?)"
item '    title: T
    status: planned
    revenue_impact: "250k"' | rejected roadmap/bad.yaml "'revenue_impact' must be a number"
item '    title: T
    status: planned
    launch_date: soon' | rejected roadmap/bad.yaml "'launch_date' is not a valid date"
item '    title: T
    status: planned
    regulated: yes' | rejected roadmap/bad.yaml "'regulated' must be true or false"
item '    title: T
    status: planned
    regions: eu' | rejected roadmap/bad.yaml "'regions' must be a list"
item '    title: T
    status: planned
    depends_on: PLAT-1' | rejected roadmap/bad.yaml "'depends_on' must be a list, e.g. [PLAT-1]"
item '    title: T
    status: planned
    horizon: 2027-Q5' | rejected roadmap/bad.yaml "unknown horizon '2027-Q5'"
item '    title: T
    status: planned
    score: {reach: lots}' | rejected roadmap/bad.yaml "'score.reach' must be a number or a percentage"
item '    title: [T]
    status: planned' | rejected roadmap/bad.yaml "'title' must be a single value"
item '    title: T
    status: planned
    reopened: "true"' | rejected roadmap/bad.yaml "'reopened' must be true or false"
item '    title: T
    status: planned
    success: [{target: 2%}]' | rejected roadmap/bad.yaml "missing required key 'metric'"
item '    title: T
    status: planned
    owner: alicee' | rejected roadmap/bad.yaml "unknown person 'alicee' as owner"
item '    title: T
    status: planned
    squad: paymnts' | rejected roadmap/bad.yaml "unknown squad 'paymnts'"
printf 'squad: payments\nitems:\n  - {id: PLAT-9, title: T, status: planned}\n' \
  | rejected roadmap/bad.yaml "item id 'PLAT-9' has prefix 'PLAT' but squad 'payments' uses 'PAY'"
printf 'squad: payments\nitems:\n  - {id: PAY-9, title: T, status: planned, squad: platform}\n' \
  | rejected roadmap/bad.yaml "item id 'PAY-9' has prefix 'PAY' but squad 'platform' uses 'PLAT'"
printf 'items:\n  - {id: PAY-9, title: T, status: planned}\n' \
  | rejected roadmap/bad.yaml "item PAY-9 has no 'squad'"
printf 'squad: payments\nitems:\n  - {id: PAY-012, title: T, status: planned}\n' \
  | rejected roadmap/bad.yaml "malformed item id 'PAY-012'"
printf 'squad: payments\nowner: alice\nitems: []\n' \
  | rejected roadmap/bad.yaml "unknown key 'owner' in a roadmap file"
printf '# nothing yet\n' | rejected roadmap/bad.yaml "empty roadmap file"
printf 'entries:\n  - {id: FB-9, date: 2026-11-05, source: support, customer: X}\n' \
  | rejected feedback/bad.yaml "has neither 'quote' nor 'summary'"
printf 'entries:\n  - {id: FB-9, date: 2026-11-05, source: supprt, summary: S}\n' \
  | rejected feedback/bad.yaml "unknown feedback source 'supprt'"
printf 'entries:\n  - {id: FB-09, date: 2026-11-05, source: support, summary: S}\n' \
  | rejected feedback/bad.yaml "malformed feedback id 'FB-09'"
printf 'entries:\n  - {id: FB-9, date: 2026-11-05, source: support, summary: S, arr: -5}\n' \
  | rejected feedback/bad.yaml "'arr' must not be negative"
printf 'entries:\n  - {id: FB-9, source: support, summary: S}\n' \
  | rejected feedback/bad.yaml "missing required key 'date'"
printf 'entries:\n  - {id: FB-9, date: 2026-11-05, source: support, summary: S, items: [PAY1]}\n' \
  | rejected feedback/bad.yaml "malformed item id 'PAY1'"
printf -- '---\ntitle: T\ntype: prd\nowner: alice\nstatus: final\nitems: [PAY-1]\n---\n# T\n## Problem\n## Goals\n' \
  | rejected docs/prd/bad.md "unknown document status 'final'"
printf -- '---\ntitle: T\ntype: prd\nstatus: draft\nitems: [PAY-1]\n---\n# T\n## Problem\n## Goals\n' \
  | rejected docs/prd/bad.md "missing required field 'owner'"
printf -- '---\ntitle: T\ntype: prd\nowner: alice\nstatus: draft\nitems: [PAY-1]\nauther: bo\n---\n# T\n## Problem\n## Goals\n' \
  | rejected docs/prd/bad.md "unknown key 'auther' in document front matter"
printf -- '---\ntitle: T\n---\n# T\n' | rejected docs/prd/bad.md "missing required key 'type'"
printf -- '---\ntitle: T\ntype: prdd\n---\n# T\n' | rejected docs/prd/bad.md "unknown doc type 'prdd'"
printf -- '---\nritual: sprint-review\ndate: 2026-11-20\nactions:\n  - {what: W, done: yes}\n---\n' \
  | rejected rituals/sprint-review/2026-11-20.md "'done' must be true or false"
printf -- '---\nritual: sprint-review\ndate: 2026-11-20\nactions:\n  - {owner: bo}\n---\n' \
  | rejected rituals/sprint-review/2026-11-20.md "missing required key 'what'"
printf -- '---\nritual: sprint-review\nattendees: [alice]\n---\n' \
  | rejected rituals/sprint-review/2026-11-20.md "missing required key 'date'"
printf -- '---\nritual: sprint-review\ndate: 2026-11-20\nattendees: alice\n---\n' \
  | rejected rituals/sprint-review/2026-11-20.md "'attendees' must be a list"
# pops.yaml
good=$(cat "$T_ROOT/pops.yaml.good")
printf '%s\nsquad: payments\n' "$good" | rejected pops.yaml "unknown key 'squad' in pops.yaml (did you mean 'squads'?)"
printf '%s\n' "$good" | sed 's/prefix: PLAT/prefix: plat/' | rejected pops.yaml "prefix 'plat' of squad 'platform'"
printf '%s\n' "$good" | sed 's/prefix: PLAT/prefix: FB/' | rejected pops.yaml "prefix 'FB' is reserved"
printf '%s\n' "$good" | sed 's/risk: {type: enum, values: \[low, medium, high\]}/risk: {type: enum}/' \
  | rejected pops.yaml "has type enum but no 'values' list"
printf '%s\n' "$good" | sed 's/revenue_impact: {type: number}/revenue_impact: {type: numbr}/' \
  | rejected pops.yaml "unknown field type 'numbr'"
printf '%s\n  owner: {type: string}\n' "$good" | rejected pops.yaml "'owner' is a built-in item key"
printf '%s\nrules:\n  wip-limits: error\n' "$good" | rejected pops.yaml "unknown rule 'wip-limits'"
printf '%s\nrules:\n  wip-limit: {severity: fatal}\n' "$good" | rejected pops.yaml "unknown severity 'fatal'"
printf '%s\n' "$good" | sed 's/every: 2 weeks/every: 2 weeeks/' | rejected pops.yaml "is not a period"
printf '%s\n' "$good" | sed 's/on: thursday/on: thursdya/' | rejected pops.yaml "'on' must be a weekday"
printf '%s\n' "$good" | sed 's/wip_limit: 2/wip_limit: 0/' | rejected pops.yaml "wip_limit of squad 'payments' must be at least 1"
printf '%s\n' "$good" | sed 's/^version: 1/version: 2/' | rejected pops.yaml "unsupported version 2"
printf '%s\n' "$good" | sed '/^product:/d' | rejected pops.yaml "pops.yaml is missing required key 'product'"
printf '%s\nstatuses: []\n' "$good" | rejected pops.yaml "'statuses' must list at least one value"
[ "$CASES" -ge 50 ] && pass || fail "only $CASES rejection cases ran"
# The workspace is whole again.
run check; expect_rc 0

t_begin "schema --vscode writes the schemas and merges into settings.json, keeping the rest"
schema_ws
mkdir -p .vscode
printf '{\n    "editor.tabSize": 2,\n    "yaml.schemas": {"./k8s.json": ["deploy/*.yaml"]}\n}\n' > .vscode/settings.json
run schema --vscode --check; expect_rc 1; expect_out ".pops/schema/roadmap.schema.json"
expect_err "out of date with pops.yaml"; expect_err "run 'pops schema --vscode'"
[ ! -e .pops ] && pass || fail "--check wrote files"
run schema --vscode; expect_rc 0
expect_err "wrote .pops/schema/roadmap.schema.json"; expect_err "wrote .vscode/settings.json"
if python3 - <<'PY'
import json
s = json.load(open(".vscode/settings.json"))
assert s["editor.tabSize"] == 2, s
m = s["yaml.schemas"]
assert m["./k8s.json"] == ["deploy/*.yaml"], m
assert "roadmap/**/*.yaml" in m["./.pops/schema/roadmap.schema.json"], m
assert m["./.pops/schema/pops.schema.json"] == ["pops.yaml"], m
assert "./.pops/schema/feedback.schema.json" in m, m
PY
then pass; else fail "settings.json not merged"; fi
validate .pops/schema
[ "$VRC" -eq 0 ] && pass || fail "the workspace does not validate against .pops/schema: $VOUT"
run schema --vscode; expect_rc 0; expect_out "up to date"; expect_no_out "wrote"
run schema --vscode --check; expect_rc 0
run check; expect_rc 0  # .pops/ and .vscode/ are not pops's business
# pops.yaml changes: a new squad makes the schemas stale until refreshed.
sed -i 's/^squads:/squads:\n  mobile: {prefix: MOB}/' pops.yaml
printf 'squad: mobile\nitems:\n  - {id: MOB-1, title: App, status: idea}\n' > roadmap/mobile.yaml
validate .pops/schema roadmap/mobile.yaml; [ "$VRC" -eq 1 ] && pass || fail "stale schema accepted squad mobile"
# pops check says so (schema-stale), with the fix, so the pre-commit hook keeps them current.
run check; expect_rc 1
expect_out_line "^\.pops/schema/roadmap\.schema\.json:[0-9]+:1: error: the editor schema no longer matches pops\.yaml \(first difference at line [0-9]+\), so the editor flags valid values or misses wrong ones; run 'pops schema --vscode' to regenerate it \[schema-stale\]$"
expect_no_out "settings.json"
run check --format json; py 'assert sorted({f["rule"] for f in out["findings"]}) == ["schema-stale"], out'
run schema --vscode --check; expect_rc 1; expect_out ".pops/schema/roadmap.schema.json"; expect_no_out "settings.json"
run schema --vscode; expect_rc 0; expect_err "wrote .pops/schema/roadmap.schema.json"; expect_no_out "settings.json"
validate .pops/schema roadmap/mobile.yaml; [ "$VRC" -eq 0 ] && pass || fail "refreshed schema rejects squad mobile: $VOUT"
run check; expect_rc 0

t_begin "schema-stale: a missing schema beside the others, rules: off, and no .pops/schema at all"
schema_ws
run check; expect_rc 0
run schema --vscode; expect_rc 0
rm .pops/schema/doc.schema.json
run check; expect_rc 1
expect_out ".pops/schema/doc.schema.json: error: the editor schema is missing (the others are in .pops/schema); run 'pops schema --vscode' to write it [schema-stale]"
printf 'rules:\n  schema-stale: warning\n' >> pops.yaml
run check; expect_rc 0; expect_out "warning: the editor schema is missing"
sed -i 's/schema-stale: warning/schema-stale: off/' pops.yaml
run check; expect_rc 0; expect_no_out "schema-stale"
rm -rf .pops
sed -i '/schema-stale/d' pops.yaml
run check; expect_rc 0; expect_no_out "schema-stale"

t_begin "schema --vscode merges into a settings.json with comments (JSONC), keeping them and the layout"
schema_ws
mkdir -p .vscode
printf '{\n  // my settings\n  "editor.tabSize": 2, /* team rule */\n  "yaml.schemas": {\n    // k8s\n    "./k8s.json": ["deploy/*.yaml"],\n  },\n}\n' > .vscode/settings.json
run schema --vscode --check; expect_rc 1; expect_out ".vscode/settings.json"
run schema --vscode; expect_rc 0; expect_err "wrote .vscode/settings.json"; no_stderr
if cat > "$T_ROOT/want" <<'JSON' && cmp -s "$T_ROOT/want" .vscode/settings.json; then pass; else fail "settings.json:"; diff -u "$T_ROOT/want" .vscode/settings.json; fi
{
  // my settings
  "editor.tabSize": 2, /* team rule */
  "yaml.schemas": {
    // k8s
    "./k8s.json": ["deploy/*.yaml"],
    "./.pops/schema/pops.schema.json": ["pops.yaml"],
    "./.pops/schema/roadmap.schema.json": ["roadmap/*.yaml", "roadmap/*.yml", "roadmap/**/*.yaml", "roadmap/**/*.yml"],
    "./.pops/schema/feedback.schema.json": ["feedback/*.yaml", "feedback/*.yml", "feedback/**/*.yaml", "feedback/**/*.yml"],
    "./.pops/schema/customers.schema.json": ["customers.yaml"],
  },
}
JSON
run schema --vscode --check; expect_rc 0
run schema --vscode; expect_rc 0; expect_out "up to date"
# Not JSON even as JSONC: refused, said, exit 1, and --check fails too.
printf '{\n  "editor.tabSize": 2,,\n}\n' > .vscode/settings.json
cp .vscode/settings.json "$T_ROOT/settings.copy"
run schema --vscode; expect_rc 1; expect_no_out "up to date"
expect_err "error: cannot merge the schemas into .vscode/settings.json: it is not JSON, even with comments and trailing commas (JSONC)"
expect_err '"./.pops/schema/roadmap.schema.json"'
cmp -s .vscode/settings.json "$T_ROOT/settings.copy" && pass || fail "a settings.json that is not JSONC was changed"
run schema --vscode --check; expect_rc 1; expect_err "cannot merge the schemas into .vscode/settings.json"

t_begin "schema --out writes every schema, or one, and --check compares"
schema_ws
run schema --out out/dir; expect_rc 0
[ "$(ls out/dir | tr '\n' ' ')" = "customers.schema.json doc.schema.json feedback.schema.json pops.schema.json ritual.schema.json roadmap.schema.json " ] \
  && pass || fail "files: $(ls out/dir)"
run schema roadmap; cmp -s <(printf '%s\n' "$OUT") out/dir/roadmap.schema.json && pass || fail "--out differs from stdout"
ls -a out/dir | grep -q '\.tmp' && fail "temporary file left behind" || pass
run schema --out out/dir --check; expect_rc 0
run schema feedback --out one; expect_rc 0; expect_err "wrote 1 schema to 'one'"
[ "$(ls one)" = "feedback.schema.json" ] && pass || fail "one: $(ls one)"
echo x > afile
run schema --out afile; expect_rc 2; expect_err "'afile' exists and is not a folder"
run schema --out nowhere --check; expect_rc 1; expect_out "roadmap.schema.json"

t_begin "schema needs a readable pops.yaml and warns when it has problems"
schema_ws
printf '%s\nsquad: x\n' "$(cat pops.yaml)" > pops.yaml
run schema roadmap; expect_rc 0; expect_err "warning: pops.yaml has 1 problem"
printf 'version: [\n' > pops.yaml
run schema roadmap; expect_rc 2; expect_err "pops.yaml cannot be read"

t_begin "init wires VS Code, merging into an existing settings.json"
run init ws --squad payments:PAY; expect_rc 0; expect_err "wired VS Code"
[ -f ws/.pops/schema/roadmap.schema.json ] && [ -f ws/.pops/schema/ritual.schema.json ] && pass || fail "schemas missing"
grep -q '"./.pops/schema/roadmap.schema.json"' ws/.vscode/settings.json && pass || fail "settings.json not written"
grep -q '"PAY"' ws/.pops/schema/roadmap.schema.json || grep -q 'PAY)-' ws/.pops/schema/roadmap.schema.json && pass || fail "prefix not in schema"
run -C ws schema --vscode --check; expect_rc 0
run -C ws check; expect_rc 0; expect_err "no problems in 2 files"
mkdir -p mine/.vscode && printf '{"files.eol": "\\n"}\n' > mine/.vscode/settings.json
run init mine; expect_rc 0
grep -q '"files.eol"' mine/.vscode/settings.json && grep -q 'yaml.schemas' mine/.vscode/settings.json \
  && pass || fail "settings.json not merged: $(cat mine/.vscode/settings.json)"
mkdir -p jsonc/.vscode && printf '// mine\n{}\n' > jsonc/.vscode/settings.json
run init jsonc; expect_rc 0; expect_err "wired VS Code"
head -1 jsonc/.vscode/settings.json | grep -qx '// mine' && grep -q '"./.pops/schema/roadmap.schema.json"' jsonc/.vscode/settings.json \
  && pass || fail "settings.json with comments not merged: $(cat jsonc/.vscode/settings.json)"
mkdir -p bad/.vscode && printf '{,}\n' > bad/.vscode/settings.json
run init bad; expect_rc 0; expect_err "left .vscode/settings.json alone"; expect_no_out "wired VS Code"
