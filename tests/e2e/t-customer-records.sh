# Customer records (customers.yaml, format 1.3): pops customer list|show|add|set|merge, ARR and
# segment from the record in insights, the rules customer-unknown and customer-duplicate over the
# records, imports naming the record, and bad input.
. "$(dirname "$0")/lib.sh"
SRC=$(cd "$(dirname "$0")/../.." && pwd)

# A workspace with three customers' feedback: Globex written two ways, Initech, and Umbrela (a typo).
cust_ws() {
  make_ws
  cat > feedback/2026-11.yaml <<'YAML'
# November feedback
entries:
  - id: FB-1
    date: 2026-11-02
    source: sales
    customer: Globex
    arr: 100000
    summary: Refunds take too long
    items: [PAY-1]
  - id: FB-2
    date: 2026-11-03
    source: support
    customer: Globex Retail   # the retail arm
    segment: smb
    summary: Agents wait for refunds
    items: [PAY-1]
  - id: FB-3
    date: 2026-11-04
    source: sales
    customer: "Initech, Inc."
    arr: 50000
    summary: Ledger exports
    items: [PLAT-1]
  - id: FB-4
    date: 2026-11-05
    source: survey
    customer: Umbrela
    summary: Faster refunds please
YAML
  cat > customers.yaml <<'YAML'
# Customer records
customers:
  - name: Globex
    aliases: [Globex Retail]
    segment: enterprise
    arr: 310000
    arr_date: 2026-10-01
    owner: alice
    salesforce: 001A
  - name: Initech
    segment: mid-market
  - name: Umbrella Health
    segment: enterprise
    arr: 195000
YAML
}

t_begin "customer list: records and their feedback; JSON keys exactly name, segment, arr, feedback, items"
cust_ws
run customer list --format json
expect_rc 0
py "
c = out['customers']
assert list(out) == ['customers'], out
assert [x['name'] for x in c] == ['Globex', 'Initech', 'Umbrela', 'Umbrella Health'], c
for x in c: assert list(x) == ['name', 'segment', 'arr', 'feedback', 'items'], x
g = c[0]
assert g == {'name': 'Globex', 'segment': 'enterprise', 'arr': 310000, 'feedback': 2, 'items': ['PAY-1']}, g
i = c[1]
assert i == {'name': 'Initech', 'segment': 'mid-market', 'arr': 50000, 'feedback': 1, 'items': ['PLAT-1']}, i
assert c[2] == {'name': 'Umbrela', 'segment': None, 'arr': None, 'feedback': 1, 'items': []}, c[2]
assert c[3]['feedback'] == 0 and c[3]['arr'] == 195000
"
run customer list
expect_rc 0
expect_out_line '^Globex +enterprise +310000 +2 +PAY-1$'
expect_out_line '^Umbrela \(no record\) +- +1$'
want=$(sed -n '/^\$ pops customer list$/,/^```$/p' "$SRC/docs/commands.md" | sed '1d;$d')
[ -n "$want" ] && [ "$OUT" = "$want" ] && pass || fail "differs from docs/commands.md: $(diff <(printf '%s\n' "$want") <(printf '%s\n' "$OUT"))"

t_begin "customer show: by an alias, its record, feedback and the items it asks for"
cust_ws
run customer show 'globex retail'
expect_rc 0
expect_out "Globex"
expect_out "arr:        310000 (from customers.yaml)"
expect_out "FB-2  2026-11-03  Agents wait for refunds -> PAY-1"
expect_out "PAY-1  One-click refunds [in-progress]"
run customer show Globex --format json
expect_rc 0
py "
assert out['name'] == 'Globex' and out['record'] and out['aliases'] == ['Globex Retail'], out
assert [f['id'] for f in out['feedback']] == ['FB-1', 'FB-2'], out['feedback']
assert out['items'] == [{'id': 'PAY-1', 'title': 'One-click refunds', 'status': 'in-progress'}], out['items']
assert out['owner'] == 'alice' and out['salesforce'] == '001A' and out['arr_from'] == 'customers.yaml'
"
run customer show Globx
expect_rc 2; expect_err "pops: error: unknown customer 'Globx' (did you mean 'Globex'?)"

t_begin "insights: ARR and segment from the record, aliases one customer"
cust_ws
run insights --by customer --since 2026-11-01 --until 2026-11-30 --format json
expect_rc 0
py "
g = {x['key']: x for x in out['groups']}
assert 'Globex Retail' not in g, list(g)
assert g['Globex']['customers'] == 1 and g['Globex']['arr'] == 310000, g['Globex']
assert g['Initech']['arr'] == 50000, g['Initech']
"
run insights --by segment --since 2026-11-01 --until 2026-11-30 --format json
expect_rc 0
py "
g = {x['key']: x for x in out['groups']}
assert g['enterprise']['entries'] == 2 and 'smb' not in g, g
assert g['mid-market']['entries'] == 1, g
"
run insights --by item --since 2026-11-01 --until 2026-11-30 --format json
expect_rc 0
py "
g = {x['key']: x for x in out['groups']}
assert g['PAY-1']['customers'] == 1 and g['PAY-1']['arr'] == 310000, g['PAY-1']
"

t_begin "feedback list --customer: a record's name or alias lists every entry naming the record"
cust_ws
run feedback list --customer "globex retail" --format json; expect_rc 0
py "
assert sorted(e['customer'] for e in out) == ['Globex', 'Globex Retail'], out
"
run feedback list --customer Globex --format json; expect_rc 0
py "
assert sorted(e['customer'] for e in out) == ['Globex', 'Globex Retail'], out
"
# A name without a record still matches its own entries only, case aside.
run feedback list --customer umbrela --format json; expect_rc 0
py "
assert [e['customer'] for e in out] == ['Umbrela'], out
"

t_begin "rules: customer-unknown with did you mean; an alias is no customer-duplicate"
cust_ws
run check
expect_rc 0
expect_out "feedback/2026-11.yaml:27:15: warning: feedback FB-4: customer 'Umbrela' is in no customer record of customers.yaml (did you mean 'Umbrella Health'?)"
grep -q "customer-duplicate" <<<"$OUT" && fail "an alias reported as a duplicate: $OUT" || pass
# Without the record's alias the two spellings are duplicates again.
sed -i 's/    aliases: \[Globex Retail\]//' customers.yaml
run check
expect_out "customer 'Globex Retail' is in no customer record"
# Without customers.yaml, no customer-unknown.
rm customers.yaml
run check
grep -q "customer-unknown\|no customer record" <<<"$OUT" && fail "customer-unknown without records: $OUT" || pass
# customer-unknown is configurable like every rule.
cust_ws
printf 'rules:\n  customer-unknown: error\n' >> pops.yaml
run check
expect_rc 1; expect_out "error: feedback FB-4: customer 'Umbrela'"

t_begin "customer-unknown: the example of docs/rules.md"
make_ws
printf 'customers:\n  - name: Umbrella Health\n    segment: enterprise\n' > customers.yaml
printf 'entries:\n  - id: FB-4\n    date: 2026-11-05\n    source: survey\n    customer: Umbrela\n    summary: Faster refunds please\n' > feedback/2026-11.yaml
run check
expect_rc 0
want=$(grep "^feedback/2026-11.yaml:5:15: warning: feedback FB-4" "$SRC/docs/rules.md")
[ -n "$want" ] && expect_out "$want"
want=$(grep "^customers.yaml:5:11: warning: customer record" "$SRC/docs/rules.md")
printf 'customers:\n  - name: Globex\n  - name: x\n    aliases: [y]\n  - name: "GLOBEX, Inc."\n' > customers.yaml
run check
[ -n "$want" ] && expect_out "$want"

t_begin "rules: two records whose names fold equal are duplicates"
cust_ws
printf '  - name: "GLOBEX, Inc."\n' >> customers.yaml
run check
expect_out "customers.yaml:15:11: warning: customer record 'GLOBEX, Inc.' (customers.yaml:15) has the name 'GLOBEX, Inc.' of the record 'Globex' (customers.yaml:3); merge the two records (pops customer merge 'Globex' 'GLOBEX, Inc.') [customer-duplicate]"

t_begin "bad input: a bad ARR and a missing name with file:line:col; unknown keys"
cust_ws
sed -i 's/    arr: 195000/    arr: lots/' customers.yaml
printf '  - segment: smb\n    color: red\n' >> customers.yaml
run check
expect_rc 1
expect_out "customers.yaml:14:10: error:"
expect_out "customers.yaml:15:5: error:"
expect_out "customers.yaml:16:5: error:"
grep "customers.yaml:14:10" <<<"$OUT" | grep -q "'arr' must be a number" && pass || fail "arr finding: $OUT"
sed -i 's/    arr: lots/    arr: 195k/' customers.yaml
run check
expect_out "'arr' must be a number, found '195k'; write 195000"

t_begin "customer add and set: minimal edits, --arr through the money parser, refusals"
cust_ws
cp customers.yaml before.yaml
run customer add "Stark Fabrication" --segment enterprise --arr '$420,000' --arr-date 2026-11-01 --owner bo --alias Stark
expect_rc 0
expect_err "added customer 'Stark Fabrication' to customers.yaml"
head -c "$(wc -c < before.yaml)" customers.yaml | cmp -s - before.yaml && pass || fail "add changed earlier bytes"
tail -n 6 customers.yaml > added.txt
printf '  - name: Stark Fabrication\n    aliases: [Stark]\n    segment: enterprise\n    arr: 420000\n    arr_date: 2026-11-01\n    owner: bo\n' | cmp -s - added.txt \
  && pass || fail "added record: $(cat added.txt)"
run customer add "stark fabrication, inc."
expect_rc 2; expect_err "pops: error: customer 'stark fabrication, inc.' has a record already: 'Stark Fabrication' (customers.yaml:15)"
run customer add Wayne --arr lots
expect_rc 2; expect_err "pops: error: --arr 'lots' is not an amount; write e.g. 80000, 80k, 1.2M or \$80,000"
run customer add Wayne --owner nobody
expect_rc 2; expect_err "unknown person 'nobody' as owner"
cp customers.yaml before.yaml
run customer set Initech --arr 1.2M --hubspot 77
expect_rc 0
diff before.yaml customers.yaml > d.txt
[ "$(grep -c '^[<>]' d.txt)" = 2 ] && grep -q '^>     arr: 1200000$' d.txt && grep -q '^>     hubspot: "77"$' d.txt \
  && pass || fail "set diff: $(cat d.txt)"
run customer set Initech --segment ''
expect_rc 0
grep -q "mid-market" customers.yaml && fail "segment not removed" || pass
run customer set Nobody --arr 5
expect_rc 2; expect_err "no customer record 'Nobody'"
run check; expect_rc 0

t_begin "customer add: a workspace without customers.yaml gets one"
make_ws
run customer add Globex --arr 80k
expect_rc 0
[ "$(cat customers.yaml)" = "$(printf '# Customer records: see docs/format.md\ncustomers:\n  - name: Globex\n    arr: 80000')" ] \
  && pass || fail "new file: $(cat customers.yaml)"
run check; expect_rc 0

t_begin "customer merge: entries naming B rewritten to A as a minimal edit, B an alias of A"
cust_ws
cp feedback/2026-11.yaml fb-before.yaml
cp customers.yaml c-before.yaml
run customer merge 'Umbrella Health' Umbrela
expect_rc 0
expect_err "merged customer 'Umbrela' into 'Umbrella Health': 1 feedback entry rewritten, 'Umbrela' recorded as an alias"
diff fb-before.yaml feedback/2026-11.yaml > d.txt
[ "$(grep -c '^[<>]' d.txt)" = 2 ] && grep -q '^<     customer: Umbrela$' d.txt && grep -q '^>     customer: Umbrella Health$' d.txt \
  && pass || fail "feedback diff: $(cat d.txt)"
diff c-before.yaml customers.yaml > d.txt
[ "$(grep -c '^[<>]' d.txt)" = 1 ] && grep -q '^>     aliases: \[Umbrela\]$' d.txt && pass || fail "customers diff: $(cat d.txt)"
grep -q "# the retail arm" feedback/2026-11.yaml && grep -q "# November feedback" feedback/2026-11.yaml && pass || fail "comments lost"
run check
expect_rc 0
grep -q "Umbrela'" <<<"$OUT" && fail "still unknown: $OUT" || pass
# Merging a name without a record into one without a record creates A's record.
cust_ws
rm customers.yaml
run customer merge Globex 'Globex Retail'
expect_rc 0
[ "$(cat customers.yaml)" = "$(printf '# Customer records: see docs/format.md\ncustomers:\n  - name: Globex\n    aliases: [Globex Retail]')" ] \
  && pass || fail "merge created: $(cat customers.yaml)"
[ "$(grep -cE 'customer: Globex( |$)' feedback/2026-11.yaml)" = 2 ] && pass || fail "not rewritten: $(grep customer: feedback/2026-11.yaml)"
# Merging two records: B's record folds into A's.
cust_ws
run customer merge Initech Globex
expect_rc 0
[ "$(grep -c 'name:' customers.yaml)" = 2 ] && grep -q 'aliases: \[Globex, Globex Retail\]' customers.yaml \
  && pass || fail "records: $(cat customers.yaml)"
[ "$(grep -cE 'customer: Initech( |$)' feedback/2026-11.yaml)" = 2 ] && pass || fail "feedback: $(grep customer: feedback/2026-11.yaml)"
run customer merge Initech initech
expect_rc 2; expect_err "are one customer already"

t_begin "import: a company column and a CRM id column name the record"
cust_ws
printf 'id,date,customer,summary,salesforce_id\n11,2026-11-10,globex retail,one,\n12,2026-11-11,Somebody,two,001A\n13,2026-11-12,New Co,three,\n' > f.csv
run feedback import f.csv --source sales
expect_rc 0
run feedback list --format json
py "
by = {e['summary']: e['customer'] for e in out['entries']} if isinstance(out, dict) else {e['summary']: e['customer'] for e in out}
assert by['one'] == 'Globex' and by['two'] == 'Globex' and by['three'] == 'New Co', by
"

t_begin "schema: customers.schema.json validates the records"
cust_ws
run schema customers
expect_rc 0
printf '%s' "$OUT" > customers.schema.json
python3 - <<'PY' && pass || fail "schema validation"
import json, yaml, jsonschema
s = json.load(open('customers.schema.json'))
good = json.loads(json.dumps(yaml.safe_load(open('customers.yaml')), default=str))
jsonschema.validate(good, s)
for bad in ({'customers': [{'segment': 'x'}]}, {'customers': [{'name': 'A', 'arr': 'lots'}]},
            {'customers': [{'name': 'A', 'owner': 'nobody'}]}, {'customers': [{'name': 'A', 'color': 1}]}):
    try:
        jsonschema.validate(bad, s)
    except jsonschema.ValidationError:
        continue
    raise SystemExit('accepted %r' % bad)
PY

t_finish
