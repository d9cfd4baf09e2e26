# CSV formula injection: every CSV pops writes (export csv, export jira, roadmap --format csv,
# feedback list --format csv, metrics --format csv) puts a `'` before a cell a spreadsheet would
# take for a formula; plain numbers stay as they are; the importers take the `'` off again, so an
# export imports back exactly.
. "$(dirname "$0")/lib.sh"

# Titles, customers and summaries a spreadsheet would run as formulas, and a plain number.
hostile_ws() {
  make_ws
  cat >> roadmap/payments.yaml <<'YAML'
  - id: PAY-2
    title: '=HYPERLINK("http://x","y")'
    status: planned
    horizon: now
    description: '@SUM(A1)'
  - id: PAY-3
    title: '+1+2'
    status: planned
    horizon: now
    tags: ['-tag']
  - id: PAY-4
    title: '-2+3'
    status: planned
    horizon: now
  - id: PAY-5
    title: '@SUM(A1)'
    status: planned
    horizon: now
  - id: PAY-6
    title: "\tx"
    status: planned
    horizon: now
  - id: PAY-7
    title: '-12'
    status: planned
    horizon: now
  - id: PAY-8
    title: "'=already quoted"
    status: planned
    horizon: now
YAML
  cat > feedback/2026-11.yaml <<'YAML'
entries:
  - id: FB-1
    date: 2026-11-01
    source: sales
    customer: '=HYPERLINK("http://x","y")'
    summary: '+1+2'
    items: [PAY-1]
    url: https://crm.example/notes/1
  - id: FB-2
    date: 2026-11-02
    source: sales
    customer: '-2+3'
    summary: '@SUM(A1)'
    url: https://crm.example/notes/2
  - id: FB-3
    date: 2026-11-03
    source: sales
    customer: "\tx"
    summary: '-12'
    url: https://crm.example/notes/3
YAML
}

# check_csv FILE EXPECTED...: no cell of FILE starts a formula (a plain number may start with a
# sign), and each EXPECTED value (Python string literal syntax) is a cell.
check_csv() {
  if python3 - "$@" <<'PY'
import ast, csv, re, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
cells = [c for r in rows for c in r]
number = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)$")
bad = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r") and not number.match(c)]
missing = [e for e in map(ast.literal_eval, sys.argv[2:]) if e not in cells]
if bad or missing:
    print("formula cells:", bad, "missing:", missing)
    sys.exit(1)
PY
  then pass; else fail "$1: cells not neutralized"; fi
}

NEUTRAL_TITLES=("\"'=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"" "\"'+1+2\"" "\"'-2+3\"" "\"'@SUM(A1)\"" "\"'\\tx\"" "'-12'"
                "\"''=already quoted\"")

t_begin "export csv: formula-like titles, descriptions and tags get a quote; -12 stays -12"
hostile_ws
run export csv -o items.csv
expect_rc 0
check_csv items.csv "${NEUTRAL_TITLES[@]}" "\"'@SUM(A1)\"" "\"'-tag\""
grep -q '^PAY-7,-12,' items.csv && pass || fail "-12 is not written as it is: $(grep PAY-7 items.csv)"
grep -q "^PAY-3,'+1+2," items.csv && pass || fail "+1+2: $(grep PAY-3 items.csv)"

t_begin "export jira: Summary, Description and Labels neutralized"
hostile_ws
run export jira -o jira.csv
expect_rc 0
check_csv jira.csv "${NEUTRAL_TITLES[@]}" "\"'-tag\""

t_begin "roadmap --format csv: titles neutralized"
hostile_ws
run roadmap --format csv
expect_rc 0
printf '%s\n' "$OUT" > roadmap.csv
check_csv roadmap.csv "${NEUTRAL_TITLES[@]}"
expect_out_line "^PAY-7,-12,planned,"

t_begin "feedback list --format csv: customers and summaries neutralized"
hostile_ws
run feedback list --format csv
expect_rc 0
printf '%s\n' "$OUT" > fb.csv
check_csv fb.csv "\"'=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"" "\"'+1+2\"" "\"'-2+3\"" "\"'@SUM(A1)\"" "\"'\\tx\"" "'-12'"
expect_out_line "^FB-3,2026-11-03,sales,\"?'"

t_begin "metrics --format csv: no formula cells"
hostile_ws
git init -q . && git add -A && git commit -qm init
run metrics --format csv
expect_rc 0
printf '%s\n' "$OUT" > metrics.csv
check_csv metrics.csv

t_begin "export jira, then import jira into a fresh workspace: the same titles, exactly"
# Exactly but for white space around a value, which the importers trim: "\tx" comes back as "x".
hostile_ws
run export jira -o out.csv
expect_rc 0
run export json
printf '%s\n' "$OUT" > a.json
mkdir fresh && cp pops.yaml fresh/ && cp out.csv fresh/
cd fresh
run import jira out.csv
expect_rc 0
run export json
printf '%s\n' "$OUT" > ../b.json
cd ..
if python3 - a.json b.json <<'PY'
import json, sys
def key(path):
    # The importers trim white space around a value, as always: "\tx" comes back as "x".
    return sorted((i["title"].strip(), i.get("description") or "", tuple(i.get("tags") or []))
                  for i in json.load(open(path))["items"])
a, b = key(sys.argv[1]), key(sys.argv[2])
sys.exit(0 if a == b and len(a) == 9 else print(a, b, sep="\n") or 1)
PY
then pass; else fail "titles, descriptions or tags differ after the round trip"; fi

t_begin "export jira, then import jira into the same workspace: nothing changes"
hostile_ws
run export jira -o x.csv
run import jira x.csv
expect_rc 0
expect_err "0 added, 0 updated, 9 unchanged"

t_begin "feedback list --format csv, then feedback import: the same customers and summaries, exactly"
hostile_ws
run feedback list --format csv
printf '%s\n' "$OUT" > ../fb-list.csv
run feedback list --format json
printf '%s\n' "$OUT" > ../a.json
rm feedback/2026-11.yaml
run feedback import ../fb-list.csv --source sales --map date=date --map customer=customer --map summary=summary --map url=url
expect_rc 0
run feedback list --format json
printf '%s\n' "$OUT" > ../b.json
if python3 - ../a.json ../b.json <<'PY'
import json, sys
def key(path):
    return sorted((e["customer"].strip(), e["summary"]) for e in json.load(open(path)))
a, b = key(sys.argv[1]), key(sys.argv[2])
sys.exit(0 if a == b and len(a) == 3 else print(a, b, sep="\n") or 1)
PY
then pass; else fail "customers or summaries differ after the round trip"; fi
