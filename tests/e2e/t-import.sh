# pops import jira|linear|productboard and pops export jira|csv|json: exports shaped like each tool's
# (Jira's repeated Labels columns and d/MMM/yy dates, Linear's comma-joined labels and ISO times,
# Productboard's BOM and CRLF), a check that passes after, a re-import that changes nothing, one that
# changes one status (one line, comments kept), a drop, bad rows located by line and column, --dry-run,
# integrations: checked by pops check, export jira -> import jira into a fresh workspace, and into the
# same one (a no-op: rows match by the pops id column, for Linear and Productboard too).
. "$(dirname "$0")/lib.sh"

DATA="$(cd "$(dirname "$0")" && pwd)/data/import"

# The test workspace, with the Jira fields the fixtures carry mapped.
import_ws() {
  make_ws
  cat >> pops.yaml <<'YAML'
integrations:
  jira:
    fields: {"Custom field (Story Points)": score.effort, "Fix Version/s": horizon}
YAML
  sed -i '1i # Payments roadmap: keep this comment.' roadmap/payments.yaml
}
lines_changed() { diff "$1" "$2" | grep -c '^[<>]'; }

t_begin "jira export: new items with the next ids, links kept, check passes"
import_ws
cp "$DATA/jira.csv" .
run import jira jira.csv
expect_rc 0
expect_err "4 added, 0 updated, 0 unchanged (new: PAY-2, PAY-3, PAY-4 in payments; PLAT-2 in platform)"
expect_err "imported 'jira.csv' into roadmap/payments.yaml, roadmap/platform.yaml"
if cat > "$T_ROOT/want" <<'YAML' && cmp -s "$T_ROOT/want" roadmap/payments.yaml; then pass; else fail "roadmap/payments.yaml:"; diff -u "$T_ROOT/want" roadmap/payments.yaml; fi
# Payments roadmap: keep this comment.
squad: payments
items:
  - id: PAY-1
    title: One-click refunds
    status: in-progress
    horizon: now
    owner: alice
    target: 2026-12-15
    depends_on: [PLAT-1]
  - id: PAY-2
    title: Refund API v2
    status: in-progress
    horizon: 2026-Q4
    owner: alice
    target: 2026-12-15
    tags: [refunds, api]
    links: {jira: PAY-101}
    score: {effort: 5}
    description: "Partial and full refunds through the public API.\nReplaces the v1 endpoints."
  - id: PAY-3
    title: Crypto payouts
    status: dropped
    dropped_reason: Dropped in Jira (Won't Do)
    links: {jira: PAY-102}
  - id: PAY-4
    title: Invoice PDFs, with "branding"
    status: shipped
    owner: alice
    target: 2026-10-30
    tags: [invoices, pdf, branding]
    links: {jira: PAY-103}
    score: {effort: 3}
YAML
if grep -q "links: {jira: PLAT-40}" roadmap/platform.yaml && grep -q "owner: bo" roadmap/platform.yaml; then pass; else fail "PLAT-2 in roadmap/platform.yaml"; cat roadmap/platform.yaml; fi
run check
expect_rc 0

t_begin "a re-import of the same export changes nothing"
import_ws
cp "$DATA/jira.csv" .
run import jira jira.csv
cp roadmap/payments.yaml "$T_ROOT/pay" && cp roadmap/platform.yaml "$T_ROOT/plat"
run import jira jira.csv
expect_rc 0
expect_err "0 added, 0 updated, 4 unchanged"
expect_err "nothing to change: no changes from 'jira.csv'"
if cmp -s roadmap/payments.yaml "$T_ROOT/pay" && cmp -s roadmap/platform.yaml "$T_ROOT/plat"; then pass; else fail "a second import changed files"; fi

t_begin "a re-import with one status changed changes one line and keeps comments"
import_ws
cp "$DATA/jira.csv" .
run import jira jira.csv
sed -i 's/    status: in-progress/    status: in-progress   # since the kick-off/' roadmap/payments.yaml
sed -i '3a # Jira is the source of truth for these.' roadmap/payments.yaml
cp roadmap/payments.yaml "$T_ROOT/before"
sed 's/,Epic,In Progress,PAY,/,Epic,Done,PAY,/' "$DATA/jira.csv" > jira.csv
run import jira jira.csv
expect_rc 0
expect_err "0 added, 1 updated, 3 unchanged"
n=$(lines_changed "$T_ROOT/before" roadmap/payments.yaml)
if [ "$n" = 2 ]; then pass; else fail "expected one changed line, got $n diff lines"; diff "$T_ROOT/before" roadmap/payments.yaml; fi
if diff "$T_ROOT/before" roadmap/payments.yaml | grep -qx '>     status: shipped   # since the kick-off'; then pass; else fail "the status line lost its comment"; fi
if grep -q "^# Jira is the source of truth for these." roadmap/payments.yaml; then pass; else fail "comment lost"; fi
run check
expect_rc 0

t_begin "moved to Won't Do in the tool: dropped with a reason; --dry-run writes nothing"
import_ws
cp "$DATA/jira.csv" .
run import jira jira.csv
cp roadmap/payments.yaml "$T_ROOT/before"
sed "s/,Epic,In Progress,PAY,/,Epic,Won't Do,PAY,/" "$DATA/jira.csv" > jira.csv
run import jira jira.csv --dry-run
expect_rc 0
expect_out "+    status: dropped"
expect_out "+    dropped_reason: Dropped in Jira (Won't Do)"
expect_out "-    status: in-progress"
expect_err "dry run, nothing written"
if cmp -s roadmap/payments.yaml "$T_ROOT/before"; then pass; else fail "--dry-run wrote"; fi
run import jira jira.csv
expect_rc 0
if grep -A3 "id: PAY-2" roadmap/payments.yaml | grep -q "dropped_reason: Dropped in Jira (Won't Do)"; then pass; else fail "no dropped_reason"; fi
run check
expect_rc 0

t_begin "bad rows: located by line and column, did you mean; cells that do not map warn and the row imports"
import_ws
cp "$DATA/jira-bad.csv" .
run import jira jira-bad.csv
expect_rc 1
expect_err "warning: jira-bad.csv:2:39: unknown Jira status 'Blocked'; the item is added as 'idea', the first status; map it in pops.yaml, e.g. integrations: {jira: {statuses: {\"Blocked\": idea}}}"
expect_err "error: jira-bad.csv:3:44: unknown squad 'PAYX' (did you mean 'PAY'?); map it in pops.yaml"
expect_err "warning: jira-bad.csv:4:116: 'Due date' is not a date: '31/Foo/26'; the target is left unset"
expect_err "warning: jira-bad.csv:5:38: unknown Jira status 'In Progres' (did you mean 'In Progress'?)"
expect_err "warning: jira-bad.csv:6:63: 'Assignee' 'Zed Quinn' is nobody in pops.yaml's people"
expect_err "error: jira-bad.csv:7:1: no title: 'Summary' is empty"
expect_err "4 added, 0 updated, 0 unchanged, 2 left out"
if grep -q "title: Chargeback alerts" roadmap/payments.yaml && grep -A1 "title: Fraud rules engine" roadmap/payments.yaml | grep -q "status: idea" \
  && grep -q "title: Tax reports" roadmap/payments.yaml && ! grep -q "Payouts to wallets" roadmap/payments.yaml; then pass; else fail "wrong rows imported"; cat roadmap/payments.yaml; fi
run check
expect_rc 0

t_begin "real-looking exports: a cell that does not map is a warning, the row (and its status update) imports"
import_ws
cp "$DATA/jira.csv" .
run import jira jira.csv
expect_rc 0
cp roadmap/payments.yaml "$T_ROOT/before"
# Jira Cloud: BOM, CRLF, repeated Labels, a Status Category column; a workflow status pops does not know
# and a Fix Version/s that is no horizon, on the row that also moves PAY-101 to a new status.
printf '\357\273\277Summary,Issue key,Issue Type,Status,Status Category,Project key,Fix Version/s,Labels,Labels\r\n' > cloud.csv
printf 'Refund API v2,PAY-101,Epic,Ready for QA,In Progress,PAY,2026.12,refunds,api\r\n' >> cloud.csv
printf 'Crypto payouts,PAY-102,Epic,Blocked by Legal,To Do,PAY,,,\r\n' >> cloud.csv
printf 'Invoice PDFs,PAY-104,Epic,Ready for QA,Done,PAY,2027-Q1,invoices,\r\n' >> cloud.csv
run import jira cloud.csv
expect_rc 0
expect_err "warning: cloud.csv:2:28: unknown Jira status 'Ready for QA'; imported as 'in-progress' by its 'Status Category' 'In Progress'; map it in pops.yaml, e.g. integrations: {jira: {statuses: {\"Ready for QA\": idea}}}"
expect_err "warning: cloud.csv:2:57: 'Fix Version/s' '2026.12' is not a horizon; the horizon is left unset; the horizons are now, next, later or a quarter such as 2027-Q1; to import without the column, map it to null, e.g. integrations: {jira: {fields: {\"Fix Version/s\": null}}}"
expect_err "warning: cloud.csv:3:29: unknown Jira status 'Blocked by Legal'; imported as 'planned' by its 'Status Category' 'To Do'"
expect_err "1 added, 1 updated, 1 unchanged (new: PAY-5 in payments)"
if grep -A4 "title: Crypto payouts" roadmap/payments.yaml | grep -q "status: planned" && ! grep -q "dropped_reason" roadmap/payments.yaml \
  && grep -A3 "title: Invoice PDFs$" roadmap/payments.yaml | grep -q "status: shipped"; then pass; else fail "statuses from the category"; cat roadmap/payments.yaml; fi
run check
expect_rc 0

t_begin "import --squad and --map: a one-off import into one squad"
import_ws
printf 'Summary,Issue key,Status,Sprint goal,Fix Version/s\nLatency budget,OPS-1,To Do,Cut p99,2027-Q2\nTracing,OPS-2,In Progress,,\n' > ops.csv
run import jira ops.csv
expect_rc 1
expect_err "error: ops.csv:2:16: unknown squad 'OPS'; map it in pops.yaml, e.g. integrations: {jira: {squads: {\"OPS\": payments}}}, or import with --squad"
expect_err "0 added, 0 updated, 0 unchanged, 2 left out"
run import jira ops.csv --squad platform --map 'Sprint goal=okr'
expect_rc 0
expect_err "2 added, 0 updated, 0 unchanged (new: PLAT-2, PLAT-3 in platform)"
if grep -A5 "title: Latency budget" roadmap/platform.yaml | grep -q "okr: Cut p99" && grep -A5 "title: Latency budget" roadmap/platform.yaml | grep -q "horizon: 2027-Q2"; then pass; else fail "--map"; cat roadmap/platform.yaml; fi
run import jira ops.csv --squad paymnts
expect_rc 2
expect_err "pops: error: --squad: unknown squad 'paymnts' (did you mean 'payments'?)"
run import jira ops.csv --map 'Sprint=okr'
expect_rc 2
expect_err "--map 'Sprint=okr': 'ops.csv' has no column 'Sprint'"
run check
expect_rc 0

t_begin "linear export: teams by name, comma-joined labels, estimate as effort"
import_ws
cp "$DATA/linear.csv" .
run import linear linear.csv
expect_rc 0
expect_err "4 added, 0 updated, 0 unchanged"
if grep -q "links: {linear: PM-12}" roadmap/payments.yaml && grep -q "tags: \[checkout, cards\]" roadmap/payments.yaml \
  && grep -q "target: 2027-01-29" roadmap/payments.yaml && grep -q "dropped_reason: Dropped in Linear (Canceled)" roadmap/payments.yaml \
  && grep -q "links: {linear: PL-3}" roadmap/platform.yaml && grep -q "score: {effort: 5}" roadmap/platform.yaml; then pass; else
  fail "linear items"; cat roadmap/payments.yaml roadmap/platform.yaml; fi
run check
expect_rc 0
run import linear linear.csv
expect_err "0 added, 0 updated, 4 unchanged"

t_begin "productboard export: BOM and CRLF, owners by email, timeframe end as target"
import_ws
cp "$DATA/productboard.csv" .
run import productboard productboard.csv
expect_rc 0
expect_err "3 added, 0 updated, 0 unchanged"
if grep -q "links: {productboard: \"6a3f1e2c-88b1-4c2d-9f0e-1d2c3b4a5e6f\"}" roadmap/payments.yaml \
  && grep -q "tags: \[wallets, currencies\]" roadmap/payments.yaml && grep -q "target: 2027-03-31" roadmap/payments.yaml \
  && grep -q "status: discovery" roadmap/platform.yaml; then pass; else fail "productboard items"; cat roadmap/*.yaml; fi
run check
expect_rc 0
run import productboard productboard.csv
expect_err "0 added, 0 updated, 3 unchanged"

t_begin "productboard: HTML descriptions as Markdown text, the first of several teams with a warning"
import_ws
printf '\357\273\277Feature ID,Feature name,Description,Status,Teams,Tags\r\n' > pb.csv
printf 'pb-9,Wallets,"<p>Hold balances in <strong>several</strong> currencies.</p><ul><li>EUR &amp; USD</li><li>GBP</li></ul>",Planned,"Payments, Growth",wallets\r\n' >> pb.csv
printf 'pb-10,Ledger,<p>Double entry.</p>,Candidate,Platform,\r\n' >> pb.csv
run import productboard pb.csv
expect_rc 0
expect_err "warning: pb.csv:2:128: 'Teams' 'Payments, Growth' names several squads; the item goes to 'payments', the first one; to choose, import with --squad or map the cell, e.g. integrations: {productboard: {squads: {\"Payments, Growth\": payments}}}"
expect_err "2 added, 0 updated, 0 unchanged (new: PAY-2 in payments; PLAT-2 in platform)"
if grep -qF 'description: "Hold balances in **several** currencies.\n\n- EUR & USD\n- GBP"' roadmap/payments.yaml \
  && grep -qF 'description: Double entry.' roadmap/platform.yaml; then pass; else fail "descriptions"; cat roadmap/*.yaml; fi
run check
expect_rc 0

t_begin "integrations: in pops.yaml is checked; mappings from it are used"
make_ws
cat >> pops.yaml <<'YAML'
integrations:
  jira:
    statuses: {"In Review": in-progres}
    squads: {PAYM: paymnts}
  linaer: {}
YAML
run check
expect_rc 1
expect_out "pops.yaml:22:29: error: unknown status 'in-progres' in 'integrations.jira.statuses' (did you mean 'in-progress'?)"
expect_out "pops.yaml:23:20: error: unknown squad 'paymnts' in 'integrations.jira.squads' (did you mean 'payments'?)"
expect_out "pops.yaml:24:3: error: unknown key 'linaer'"
sed -i 's/in-progres}/in-progress}/; s/paymnts/payments/; /linaer/d' pops.yaml
run check
expect_rc 0
printf 'Summary,Issue key,Status\nMobile refunds,PAYM-9,In Review\n' > j.csv
run import jira j.csv
expect_rc 0
if grep -A2 "title: Mobile refunds" roadmap/payments.yaml | grep -q "status: in-progress"; then pass; else fail "mapping not used"; cat roadmap/payments.yaml; fi

t_begin "usage errors: unknown tool, missing file, no key column"
make_ws
run import jiar x.csv
expect_rc 2
expect_err "unknown tool 'jiar' (did you mean 'jira'?)"
run import jira missing.csv
expect_rc 2
expect_err "cannot read 'missing.csv'"
printf 'Title,Status\nA,To Do\n' > nokey.csv
run import jira nokey.csv
expect_rc 2
expect_err "'nokey.csv' has no column for the key of an item"

t_begin "export jira, then import jira into a fresh workspace: same titles and statuses"
make_ws
cat >> roadmap/payments.yaml <<'YAML'
  - id: PAY-2
    title: "Refunds, partial"
    status: idea
    tags: [refunds, api, mobile]
    description: |-
      Two lines,
      "quoted".
  - id: PAY-3
    title: Payouts
    status: discovery
  - id: PAY-4
    title: Wallets
    status: planned
    owner: alice
  - id: PAY-5
    title: Crypto
    status: dropped
    dropped_reason: nobody asked
YAML
run export jira -o out.csv
expect_rc 0
expect_err "wrote 6 items to out.csv"
if head -1 out.csv | grep -qx 'Issue key,Summary,Issue Type,Status,Description,Assignee,Due date,Labels,Labels,Labels,pops id'; then pass; else fail "jira header: $(head -1 out.csv)"; fi
run export json
printf '%s\n' "$OUT" > a.json
mkdir fresh && cp pops.yaml fresh/ && cp out.csv fresh/
cd fresh
run import jira out.csv
expect_rc 0
expect_err "6 added, 0 updated, 0 unchanged"
run check
expect_rc 0
run export json
printf '%s\n' "$OUT" > ../b.json
cd ..
if python3 - a.json b.json <<'PY'
import json, sys
def key(path):
    return sorted((i["title"], i["status"]) for i in json.load(open(path))["items"])
a, b = key(sys.argv[1]), key(sys.argv[2])
sys.exit(0 if a == b and len(a) == 6 else print(a, b, sep="\n") or 1)
PY
then pass; else fail "titles and statuses differ after the round trip"; fi

t_begin "export jira, then import jira into the same workspace: a no-op (the pops id column)"
cd "$T_ROOT" && rm -rf rt && "$POPS" init --sample rt >/dev/null 2>&1 && cd rt || exit 1
run export jira -o x.csv
expect_rc 0
if head -1 x.csv | grep -q ',pops id$'; then pass; else fail "no pops id column: $(head -1 x.csv)"; fi
run import jira x.csv
expect_rc 0
expect_err "0 added, 0 updated, 31 unchanged"
if [ "$(git status --porcelain)" = "?? x.csv" ]; then pass; else fail "the round trip changed files"; git status --porcelain; fi
run check
expect_rc 0
no_dup=$(printf '%s\n' "$OUT" | grep -c 'duplicate-title')
[ "$no_dup" -eq 0 ] && pass || fail "duplicate-title after the round trip"
# Without the column, the items with no links.jira come back as new ones, and check says so.
python3 - <<'PY'
import csv
rows = list(csv.reader(open("x.csv", newline="")))
with open("nopid.csv", "w", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows(r[:-1] for r in rows)
PY
run import jira nopid.csv
expect_rc 0
expect_err "16 added, 0 updated, 15 unchanged"
run check
expect_rc 0
expect_out "warning: item 'PLAT-15' has the title of 'PLAT-10' (roadmap/platform.yaml:123) in squad 'platform': likely a duplicate"
# 15 duplicate-title warnings, and the sample's own over-capacity.
expect_out "[over-capacity]"
expect_err "0 errors, 16 warnings"

t_begin "linear and productboard: a pops id column matches the item; the tool's key is linked once"
import_ws
printf 'ID,Title,Status,Team,pops id\nPM-77,One-click refunds,In Progress,Payments,PAY-1\n' > linear.csv
run import linear linear.csv
expect_rc 0
expect_err "0 added, 1 updated, 0 unchanged"
if grep -q "links: {linear: PM-77}" roadmap/payments.yaml && [ "$(grep -c 'id: PAY-' roadmap/payments.yaml)" -eq 1 ]; then pass; else fail "linear link"; cat roadmap/payments.yaml; fi
cp roadmap/payments.yaml before.yaml
run import linear linear.csv
expect_rc 0
expect_err "0 added, 0 updated, 1 unchanged"
cmp -s before.yaml roadmap/payments.yaml && pass || fail "the second import changed the file"
printf 'Feature ID,Feature name,Status,Teams,pops id\npb-1,Ledger service,Released,Platform,PLAT-1\n' > pb.csv
run import productboard pb.csv
expect_rc 0
expect_err "0 added, 1 updated, 0 unchanged"
if grep -q "links: {productboard: pb-1}" roadmap/platform.yaml; then pass; else fail "productboard link"; cat roadmap/platform.yaml; fi
# A key linked to one item and a pops id naming another: the row is refused, located.
printf 'ID,Title,Status,Team,pops id\nPM-77,One-click refunds,In Progress,Payments,PLAT-1\n' > clash.csv
run import linear clash.csv
expect_rc 1
expect_err "clash.csv:2:46: the row's Linear key 'PM-77' is linked to 'PAY-1', but its 'pops id' is 'PLAT-1'; fix one of them"
# A pops id the workspace does not have (another workspace's export): a new item.
printf 'ID,Title,Status,Team,pops id\nPM-78,Wallets,Todo,Payments,PAY-40\n' > other.csv
run import linear other.csv
expect_rc 0
expect_err "1 added, 0 updated, 0 unchanged (new: PAY-2 in payments)"

t_begin "export csv and json: columns, quoting, the documented shape, -o"
make_ws
sed -i 's/^docs:/fields:\n  risk: {type: enum, values: [low, high]}\n  regions: {type: list}\ndocs:/' pops.yaml
cat >> roadmap/payments.yaml <<'YAML'
    tags: [refunds, "a;b"]
    links: {jira: PAY-1234}
    score: {reach: 4000, confidence: 80%}
    risk: high
    regions: [eu, us]
    description: 'Say "hi", twice'
YAML
run export csv
expect_rc 0
expect_out_line '^id,title,status,squad,horizon,owner,target,depends_on,tags,okr,links,score,success,description,dropped_reason,reopened,moved_from,file,risk,regions$'
expect_out 'PAY-1,One-click refunds,in-progress,payments,now,alice,2026-12-15,PLAT-1,refunds;a;b,,jira=PAY-1234,reach=4000;confidence=0.8,,"Say ""hi"", twice",,,,roadmap/payments.yaml,high,eu;us'
run export json
expect_rc 0
if printf '%s\n' "$OUT" | python3 -c '
import json, sys
j = json.load(sys.stdin)
assert j["format"] == "pops-export" and j["version"] == 1, j.get("format")
assert list(j)[:3] == ["format", "version", "product"]
for k in ["squads", "people", "items", "feedback", "docs", "rituals"]:
    assert isinstance(j[k], list), k
i = j["items"][0]
assert i["id"] == "PAY-1" and i["score"] == {"reach": 4000, "confidence": 0.8}, i
assert i["fields"] == {"risk": "high", "regions": ["eu", "us"]}, i["fields"]
assert i["links"] == {"jira": "PAY-1234"} and i["depends_on"] == ["PLAT-1"]
assert j["rituals"][0]["cadence"] == {"every": "2 weeks", "on": "thursday", "from": "2026-01-08"}, j["rituals"]
'; then pass; else fail "json shape"; fi
run export json -o out/model.json
expect_rc 2
expect_err "cannot write"
run export json -o model.json
expect_rc 0
if python3 -c 'import json; json.load(open("model.json"))'; then pass; else fail "model.json"; fi
run export jsno
expect_rc 2
expect_err "unknown export format 'jsno' (did you mean 'json'?)"

t_begin "--commit commits the import; hostile rows are reported and the good ones land"
import_ws
git init -q . && git add -A && git commit -qm init
{
  printf 'Summary,Issue key,Status\n'
  printf 'Good one,PAY-501,To Do\n'
  printf 'Bad \377\376 bytes,PAY-502,To Do\n'
  printf 'Nul \000 byte,PAY-503,To Do\n'
  printf '"text"after,PAY-504,To Do\n'
  printf '"never closed,PAY-505,To Do\nGood two,PAY-506,To Do\n'
} > hostile.csv
run_limited 20 import jira hostile.csv --commit
expect_rc 1
expect_err "hostile.csv:3:1: 'Summary' is not UTF-8 text"
expect_err "hostile.csv:4:1: 'Summary' is not UTF-8 text (or holds a NUL byte)"
expect_err "hostile.csv:5:7: text after a closing quote"
expect_err "hostile.csv:6:1: the quoted field opened at line 6 column 1 is never closed"
expect_err "1 added, 0 updated, 0 unchanged, 4 left out"
expect_err "committed"
[ "$(git log --format=%s -1)" = "Import from Jira (hostile.csv): 1 added, 0 updated, 0 unchanged" ] && pass || fail "commit message: $(git log --format=%s -1)"
if [ -z "$(git status --porcelain -- roadmap)" ] && grep -q "title: Good one" roadmap/payments.yaml; then pass; else fail "not committed"; fi
