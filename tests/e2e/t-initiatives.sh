# pops initiatives: initiatives of pops.yaml (format 1.3) with their items across squads, progress
# (hand-computed) and latest item target, text and JSON; pops show INITIATIVE; the rules
# initiative-slip and unknown-ref (item initiative, owner); roadmap JSON, item set and move --new-id,
# diff and log, completion, the editor schema.
. "$(dirname "$0")/lib.sh"
SRC=$(cd "$(dirname "$0")/../.." && pwd)

# ini_ws: make_ws plus two initiatives (today is 2026-11-22) and items of both squads naming them.
ini_ws() {
  make_ws
  cat >> pops.yaml <<'YAML'
initiatives:
  INI-1:
    title: Self-serve refunds
    owner: alice
    target: 2026-Q4
  INI-2:
    title: EU expansion
    owner: bo
    target: 2027-03-31
YAML
  items payments \
    "- {id: PAY-1, title: One-click refunds, status: in-progress, initiative: INI-1, target: 2026-12-15, score: {effort: 3}}" \
    "- {id: PAY-2, title: Refund API, status: shipped, initiative: INI-1, target: 2026-11-01, score: {effort: 5}}" \
    "- {id: PAY-3, title: SEPA debits, status: planned, initiative: INI-2, target: 2027-02-01}"
  items platform \
    "- {id: PLAT-1, title: Ledger service, status: planned, initiative: INI-1, target: 2027-01-15, score: {effort: 2}}" \
    "- {id: PLAT-2, title: EU data residency, status: shipped, initiative: INI-2}"
}

t_begin "initiatives: items across squads, progress by effort, latest item target"
ini_ws
run check
expect_rc 0
expect_out "initiative-slip"
run initiatives
expect_rc 0
# INI-1: PAY-2 shipped (5) of 3 + 5 + 2 = 50%; latest item target PLAT-1's 2027-01-15, after the
# last day of 2026-Q4. INI-2: PLAT-2 shipped, PAY-3 not, no effort on PAY-3: 1 / 2 = 50% by count.
[ "$OUT" = "INI-1  50%  Self-serve refunds (alice)
    target 2026-Q4, latest item target 2027-01-15 (slips)
    PAY-1   payments  in-progress  One-click refunds
    PAY-2   payments  shipped      Refund API
    PLAT-1  platform  planned      Ledger service

INI-2  50%  EU expansion (bo)
    target 2027-03-31, latest item target 2027-02-01
    PAY-3   payments  planned      SEPA debits
    PLAT-2  platform  shipped      EU data residency" ] && pass || fail "text: $OUT"
run initiatives --format json
expect_rc 0
py '
i1, i2 = out["initiatives"]
assert list(i1)[:4] == ["id", "title", "progress", "items"], list(i1)
assert i1["id"] == "INI-1" and i1["title"] == "Self-serve refunds" and i1["progress"] == 0.5, i1
assert i1["items"] == [{"id": "PAY-1", "squad": "payments", "status": "in-progress"},
                       {"id": "PAY-2", "squad": "payments", "status": "shipped"},
                       {"id": "PLAT-1", "squad": "platform", "status": "planned"}], i1["items"]
assert i1["owner"] == "alice" and i1["target"] == "2026-Q4" and i1["latest_item_target"] == "2027-01-15", i1
assert i1["weighted_by"] == "effort" and i2["weighted_by"] == "count", (i1, i2)
assert i2["progress"] == 0.5 and i2["latest_item_target"] == "2027-02-01", i2
'

t_begin "initiative-slip: a warning on each item targeted after its initiative"
ini_ws
run check --format json
py '
f = [x for x in out["findings"] if x["rule"] == "initiative-slip"]
assert len(f) == 1, f
assert f[0]["severity"] == "warning" and f[0]["file"] == "roadmap/platform.yaml", f[0]
assert f[0]["message"].startswith("PLAT-1 targets 2027-01-15, after its initiative '"'"'INI-1'"'"'"), f[0]
'
cat >> pops.yaml <<'YAML'
rules:
  initiative-slip: {severity: error, pilot: [payments]}
YAML
run check
expect_rc 0
expect_no_out "initiative-slip"

t_begin "unknown-ref: an item naming an unknown initiative, an unknown owner"
ini_ws
sed -i 's/initiative: INI-2, target: 2027-02-01/initiative: INI-3, target: 2027-02-01/; s/owner: bo$/owner: bob/' pops.yaml roadmap/payments.yaml
run check
expect_rc 1
expect_out "roadmap/payments.yaml:5:66: error: unknown initiative 'INI-3' (did you mean 'INI-1'?); initiatives are declared under 'initiatives:' in pops.yaml [unknown-ref]"
expect_out "pops.yaml:27:12: error: unknown person 'bob' as owner of initiative 'INI-2' (did you mean 'bo'?)"

t_begin "show INITIATIVE: the roll-up; show ITEM: its initiative"
ini_ws
run show INI-1
expect_rc 0
expect_out "INI-1  Self-serve refunds"
expect_out_line '^  owner: +alice$'
expect_out_line '^  target: +2026-Q4$'
expect_out_line '^  latest item: +2027-01-15 \(PLAT-1\)$'
expect_out_line '^  progress: +50% \(items: 1 of 3 shipped \(PAY-2\), weighted by effort: \(5\) / \(3 \+ 5 \+ 2\) = 0.5\)$'
expect_out_line '^  PLAT-1 +platform +planned +Ledger service$'
run show INI-1 --format json
py 'assert out["id"] == "INI-1" and out["progress"] == 0.5 and len(out["items"]) == 3 and out["updates"] == [], out'
run show PAY-1
expect_out_line '^  initiative: +INI-1$'
run show PAY-1 --format json
py 'assert out["initiative"] == "INI-1"'
run show INI-9
expect_rc 2
expect_err "pops: error: unknown item 'INI-9' (did you mean 'INI-1'?)"

t_begin "roadmap JSON and text carry the initiative"
ini_ws
run roadmap --format json
py '
items = [i for c in out["columns"] for i in c["items"]]
assert {i["id"]: i["initiative"] for i in items}["PLAT-1"] == "INI-1", items
assert {i["id"]: i["initiative"] for i in items}["PAY-3"] == "INI-2", items
'
run roadmap --format table
expect_out_line '^  PLAT-1 +Ledger service +planned +platform +2027-01-15  \^INI-1$'
make_ws
run roadmap --format table
expect_no_out "^"

t_begin "digest, strategy-sync notes and report: the initiatives touched, the initiatives, progress bars"
# PLAT-1 ships: INI-1 is (5 + 2) / (3 + 5 + 2) = 70%; INI-2 stays 1 of 2 = 50%.
ini_ws
sed -i 's/^rituals:$/rituals:\n  strategy-sync:\n    cadence: {every: 1 month, from: 2026-01-05}\n    template: strategy-sync/' pops.yaml
git init -q .
commit 2026-11-01 "Start"
run item set PLAT-1 status=shipped
commit 2026-11-10 "PLAT-1 shipped"
run digest --since 2026-11-01 --format json
py 'assert out["initiatives"] == [{"id": "INI-1", "title": "Self-serve refunds", "items": ["PLAT-1"]}], out["initiatives"]'
run digest --since 2026-11-01 --format text
expect_out "Initiatives touched"
expect_out "  INI-1  Self-serve refunds: PLAT-1"
run ritual new strategy-sync --date 2026-11-22
expect_rc 0
NOTE=$(cat rituals/strategy-sync/2026-11-22.md)
case "$NOTE" in
  *"## Initiatives"*"- **INI-1** Self-serve refunds (alice): 70%, target 2026-Q4, latest item target 2027-01-15 (payments, platform)"*"- **INI-2** EU expansion (bo): 50%, target 2027-03-31, latest item target 2027-02-01 (payments, platform)"*) pass ;;
  *) fail "strategy-sync note: $NOTE" ;;
esac
run report --format markdown
expect_out "## Initiatives"
expect_out "| **INI-1 Self-serve refunds** | alice | 2026-Q4 | ███████░░░ 70% | 3 |"

t_begin "item set initiative= and move --new-id keep it; diff and log show the change"
ini_ws
git init -q .
commit 2026-11-01 "Initiatives"
cp roadmap/payments.yaml before.yaml
run item set PAY-3 initiative=INI-1
expect_rc 0
[ "$(diff before.yaml roadmap/payments.yaml)" = "5c5
<   - {id: PAY-3, title: SEPA debits, status: planned, initiative: INI-2, target: 2027-02-01}
---
>   - {id: PAY-3, title: SEPA debits, status: planned, initiative: INI-1, target: 2027-02-01}" ] && pass || fail "edit: $(diff before.yaml roadmap/payments.yaml)"
run item set PAY-3 initiative=INI-7
expect_rc 1
expect_err "unknown initiative 'INI-7'"
commit 2026-11-02 "PAY-3 joins INI-1"
run diff HEAD~1 HEAD
expect_out "  PAY-3  initiative  INI-2 -> INI-1"
run log PAY-3
expect_out "  PAY-3  initiative  INI-2 -> INI-1"
run item move PAY-1 --squad platform --new-id
expect_rc 0
run initiatives --format json
py '
ids = [i["id"] for i in out["initiatives"][0]["items"]]
assert "PLAT-3" in ids and out["initiatives"][0]["items"][0]["status"] == "dropped", ids
'

t_begin "completion offers initiative ids to show and to item set initiative="
ini_ws
run __complete items-and-initiatives
expect_out_line '^INI-1$'
expect_out_line '^PAY-1$'
run __complete item-changes
expect_out_line '^initiative=INI-2$'

t_begin "pops schema: initiatives in pops.yaml, initiative and updates on items"
ini_ws
run schema --out s
expect_rc 0
python3 - <<'PY' && pass || fail "schema of initiatives"
import json, jsonschema, yaml
class L(yaml.SafeLoader):  # dates stay strings, as pops reads them
    pass
L.yaml_implicit_resolvers = {k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"]
                             for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
p = json.load(open("s/pops.schema.json"))
i = p["properties"]["initiatives"]["anyOf"][0] if "anyOf" in p["properties"]["initiatives"] else p["properties"]["initiatives"]
props = i["additionalProperties"]["properties"]
assert set(props) == {"title", "owner", "target", "description", "updates"}, props
cfg = yaml.load(open("pops.yaml"), L)
del cfg["rituals"]  # YAML 1.1 reads its key 'on' as true; pops reads YAML 1.2
jsonschema.validate(cfg, p)
bad = dict(cfg, initiatives={"INI-1": {"title": "x", "target": "soon"}})
try:
    jsonschema.validate(bad, p)
    raise SystemExit("a target that is neither a date nor a quarter passed")
except jsonschema.ValidationError:
    pass
r = json.load(open("s/roadmap.schema.json"))
item = r["properties"]["items"]["items"]["properties"]
assert "INI-1" in json.dumps(item["initiative"]) and "INI-2" in json.dumps(item["initiative"])
assert "updates" in item
for f in ("roadmap/payments.yaml", "roadmap/platform.yaml"):
    jsonschema.validate(yaml.load(open(f), L), r)
jsonschema.validate(dict(cfg, rules={"update-stale": {"days": 21, "pilot": ["payments"]}}), p)
try:
    jsonschema.validate(dict(cfg, rules={"wip-limit": {"days": 21}}), p)
    raise SystemExit("days passed on a rule other than update-stale")
except jsonschema.ValidationError:
    pass
item = yaml.load("""items:
  - {id: PAY-1, title: x, status: planned, updates: [{date: 2026-11-01, health: at-rsik}]}
""", L)
try:
    jsonschema.validate(item, r)
    raise SystemExit("a wrong health passed the roadmap schema")
except jsonschema.ValidationError:
    pass
PY

t_begin "a workspace without initiatives"
make_ws
run initiatives
expect_rc 0
expect_err "no initiatives; declare them under 'initiatives:' in pops.yaml"
run initiatives --format json
[ "$OUT" = '{
  "initiatives": []
}' ] && pass || fail "json: $OUT"

t_begin "the examples of docs/rules.md and docs/format.md are real"
ini_ws
run check
want=$(grep -F '[initiative-slip]' "$SRC/docs/rules.md" | head -1)
[ -n "$want" ] && printf '%s\n' "$OUT" | grep -qxF -- "$want" && pass || fail "docs/rules.md shows: $want; check: $OUT"
block() {  # block HEADING: the first yaml block after the line HEADING of docs/format.md
  awk -v h="$1" '$0 == h {on=1} on && /^```yaml$/ {p=1; next} p && /^```$/ {exit} p {print}' "$SRC/docs/format.md"
}
block "## pops.yaml" > pops.yaml
{ printf 'squad: payments\nitems:\n'; block "### Updates"; } > roadmap/payments.yaml
rm -f roadmap/platform.yaml
sed -i 's/    status: in-progress/    status: in-progress\n    initiative: INI-1/' roadmap/payments.yaml
run initiatives --format json
expect_rc 0
py '
i = out["initiatives"][0]
assert i["id"] == "INI-1" and i["target"] == "2027-Q1" and i["health"] == "on-track", i
assert i["items"] == [{"id": "PAY-3", "squad": "payments", "status": "in-progress"}], i
'
POPS_TODAY=2027-01-20 run show PAY-3
expect_out_line '^  health: +at-risk \(2027-01-19\)$'

t_begin "the sample: initiatives across squads (the README example), an at-risk and a stale item"
want=$(awk '/^\$ pops initiatives$/ {on=1; next} on && /^```$/ {exit} on {print}' "$SRC/README.md")
[ -n "$want" ] && pass || fail "example not found in README.md"
"$POPS" init --sample ws >/dev/null 2>&1 || fail "init --sample"
run -C ws initiatives
expect_rc 0
[ "$OUT" = "$want" ] && pass || fail "README.md shows other output than pops initiatives: $OUT"
run -C ws check
expect_rc 0
expect_out "PAY-4 is in progress and its latest update is 31 days old (2026-10-22, on-track)"
expect_out "GRW-6 targets 2027-01-14, after its initiative 'INI-2'"
run -C ws digest --format json
py 'assert [r["id"] for r in out["at_risk"]] == ["PLAT-3"] and out["at_risk"][0]["health"] == "at-risk", out["at_risk"]'
run -C ws show PLAT-3
expect_out_line '^  health: +at-risk \(2026-11-19\)$'
run -C ws log PLAT-3
expect_out "  PLAT-3  health  on-track (2026-11-05: Okta and Entra ID logins work in st... -> at-risk (2026-11-19: Certificate rotation needs a securit..."
run -C ws report --format markdown
expect_out "## Initiatives"
expect_out "## At risk"
run -C ws ritual new strategy-sync --date 2026-11-23 --dry-run
expect_out "INI-2"

t_begin "export json carries the initiatives, each item's initiative and the updates"
"$POPS" init --sample exp >/dev/null 2>&1 || fail "init --sample"
run -C exp export json; expect_rc 0
py '
ini = {i["id"]: i for i in out["initiatives"]}
assert sorted(ini) == ["INI-1", "INI-2"], ini
assert ini["INI-1"]["title"] == "Sell in the EU" and ini["INI-1"]["target"] == "2027-Q1", ini["INI-1"]
assert [u["health"] for u in ini["INI-2"]["updates"]] == ["on-track"], ini["INI-2"]
items = {i["id"]: i for i in out["items"]}
assert items["PAY-4"]["initiative"] == "INI-1" and items["GRW-3"]["initiative"] is None
assert [u["health"] for u in items["PLAT-3"]["updates"]] == ["on-track", "at-risk"], items["PLAT-3"]["updates"]
assert set(items["PLAT-3"]["updates"][0]) == {"date", "health", "note", "author"}
'
