# Customers and feedback synthesis: one money syntax for --arr and imports, the rules
# customer-duplicate and feedback-duplicate, pops feedback suggest (and its leave-one-out accuracy,
# as docs/commands.md reports it) and pops feedback link --accept.
. "$(dirname "$0")/lib.sh"
SRC=$(cd "$(dirname "$0")/../.." && pwd)

t_begin "money: --arr takes \$80,000, 80k, 1.2M and 80000 and writes the number"
make_ws
i=0
for a in '$80,000' 80k 1.2M 80000 '$250,000.00'; do
  i=$((i + 1))
  run feedback add --source sales --customer "C$i" --summary "s$i" --arr "$a" --date 2026-11-0$i
  expect_rc 0
done
[ "$(grep '    arr: ' feedback/2026-11.yaml | tr -d ' ')" = "$(printf 'arr:80000\narr:80000\narr:1200000\narr:80000\narr:250000')" ] \
  && pass || fail "arr lines: $(grep arr feedback/2026-11.yaml)"
run feedback add --source sales --customer X --summary y --arr 'lots'
expect_rc 2; expect_err "pops: error: --arr 'lots' is not an amount; write an amount of at least 0, e.g. 80000, 80k, 1.2M or \$80,000"
run feedback add --source sales --customer X --summary y --arr '-5k'
expect_rc 2; expect_err "--arr '-5k' is not an amount"
run feedback add --source sales --customer X --summary y --arr '1,23'
expect_rc 2; expect_err "--arr '1,23' is not an amount"
run check; expect_rc 0

t_begin "money: an import reads the same amounts; a file that says 80k is told the number"
make_ws
printf 'id,date,customer,summary,arr\n1,2026-11-01,A,one,"$80,000"\n2,2026-11-02,B,two,1.2M\n3,2026-11-03,C,three,80k\n4,2026-11-04,D,four,"1,2"\n' > f.csv
run feedback import f.csv --source sales
expect_rc 1; expect_err "f.csv:5: 'arr' is not an amount: '1,2'; write an amount of at least 0, e.g. 80000, 80k, 1.2M or \$80,000"
[ "$(grep '    arr: ' feedback/2026-11.yaml | tr -d ' ')" = "$(printf 'arr:80000\narr:1200000\narr:80000')" ] \
  && pass || fail "arr lines: $(grep arr feedback/2026-11.yaml)"
sed -i 's/arr: 1200000/arr: 1.2M/' feedback/2026-11.yaml
run check
expect_rc 1; expect_out "'arr' must be a number, found '1.2M'; write 1200000"

t_begin "money: the number cells of pops import read the same amounts"
make_ws
printf 'integrations:\n  jira:\n    fields: {Reach: score.reach}\n' >> pops.yaml
printf 'Summary,Issue key,Status,Project key,Reach\nBig deal,PAY-200,To Do,PAY,80k\nHuge,PAY-201,To Do,PAY,"$1,200,000"\nOdd,PAY-202,To Do,PAY,lots\n' > j.csv
run import jira j.csv
expect_rc 0
expect_err "j.csv:4:23: 'Reach' is not a number: 'lots'; the score.reach is left unset"
[ "$(grep -c 'score: {reach: 80000}' roadmap/payments.yaml)" = 1 ] && [ "$(grep -c 'score: {reach: 1200000}' roadmap/payments.yaml)" = 1 ] \
  && pass || fail "scores: $(grep score roadmap/payments.yaml)"

t_begin "feedback-duplicate: the example of docs/rules.md, then the fix"
make_ws
cat > feedback/2026-11.yaml <<'YAML'
entries:
  - id: FB-1
    date: 2026-11-01
    source: sales
    customer: Acme Corp
    quote: Refunds take 20 minutes
  - id: FB-2
    date: 2026-11-04
    source: support
    customer: Acme Corp
    quote: "Refunds take 20 minutes!"
YAML
run check; expect_rc 0
expect_out "feedback/2026-11.yaml:7:9: warning: feedback FB-2 repeats FB-1 (feedback/2026-11.yaml:2): the same customer 'Acme Corp', the same text, 3 days apart; delete FB-2 if it is not committed yet, else tag it 'duplicate' [feedback-duplicate]"
run check --strict; expect_rc 1
run feedback add --source sales --customer "Acme, Inc." --quote "refunds take 20 minutes" --date 2026-11-10
expect_rc 0; expect_out FB-3
run check
expect_out "feedback FB-3 repeats FB-1 (feedback/2026-11.yaml:2): the same customer 'Acme, Inc.', the same text, 9 days apart"
printf '    tags: [duplicate]\n' >> feedback/2026-11.yaml
sed -i '11a\    tags: [duplicate]' feedback/2026-11.yaml
run check; expect_rc 0
expect_no_out "feedback-duplicate"
expect_out "warning: customer 'Acme, Inc.' (1 entry) is the name of 'Acme Corp' (2 entries, feedback/2026-11.yaml:5)"
printf 'rules:\n  feedback-duplicate: error\n' >> pops.yaml
sed -i 's/    tags: \[duplicate\]//' feedback/2026-11.yaml
run check; expect_rc 1
expect_out "error: feedback FB-2 repeats FB-1"

t_begin "customer-duplicate: the example of docs/rules.md, then the fix"
make_ws
cat > feedback/2026-11.yaml <<'YAML'
entries:
  - id: FB-1
    date: 2026-11-01
    source: sales
    customer: Globex
    summary: Wants partial refunds
  - id: FB-2
    date: 2026-11-02
    source: sales
    customer: Globex
    summary: Wants a refund report
  - id: FB-3
    date: 2026-11-20
    source: support
    customer: GLOBEX, Inc.
    summary: Export to CSV
  - id: FB-4
    date: 2026-11-21
    source: support
    customer: Globx
    summary: Export to PDF
YAML
run check; expect_rc 0
[ "$(printf '%s\n' "$OUT" | grep -c customer-duplicate)" = 2 ] && pass || fail "two findings expected"
expect_out "feedback/2026-11.yaml:15:15: warning: customer 'GLOBEX, Inc.' (1 entry) is the name of 'Globex' (2 entries, feedback/2026-11.yaml:5); write 'Globex' in each entry so that they count as one customer [customer-duplicate]"
expect_out "feedback/2026-11.yaml:20:15: warning: customer 'Globx' (1 entry) is close to 'Globex' (2 entries, feedback/2026-11.yaml:5) (did you mean 'Globex'?); write 'Globex' in each entry so that they count as one customer [customer-duplicate]"
run check --format json
py "assert sorted(f['rule'] for f in out['findings']) == ['customer-duplicate', 'customer-duplicate']"
sed -i 's/customer: GLOBEX, Inc\./customer: Globex/; s/customer: Globx/customer: Globex/' feedback/2026-11.yaml
run check; expect_rc 0
expect_no_out "customer-duplicate"
# Names that differ by more are not reported: Globex Retail; Acme and Apex (two letters); Ion and Ian
# (one letter, but only three).
n=4
for c in "Globex Retail" Acme Apex Ion Ian; do
  n=$((n + 1))
  printf '  - {id: FB-%s, date: 2026-11-21, source: sales, customer: %s, summary: x}\n' "$n" "$c"
done >> feedback/2026-11.yaml
run check; expect_rc 0
expect_no_out "customer-duplicate"

t_begin "feedback suggest: the sample's unlinked entries as docs/commands.md shows them, JSON keys"
cd "$T_ROOT" && rm -rf sample && "$POPS" init --sample sample >/dev/null 2>&1 && cd sample || exit 1
run feedback suggest
expect_rc 0
want=$(sed -n '/^\$ pops feedback suggest$/,/^```$/p' "$SRC/docs/commands.md" | sed '1d;$d')
[ -n "$want" ] && [ "$OUT" = "$want" ] && pass || fail "output differs from docs/commands.md: $(diff <(printf '%s\n' "$want") <(printf '%s\n' "$OUT"))"
expect_err "2 entries"
run feedback suggest FB-10 --format json
expect_rc 0
py "
s = out['suggestions']
assert list(out) == ['suggestions'] and len(s) == 1, out
assert list(s[0]) == ['feedback', 'items'] and s[0]['feedback'] == 'FB-10'
assert [list(i) for i in s[0]['items']] == [['id', 'score', 'why']] * 3
assert s[0]['items'][0] == {'id': 'GRW-8', 'score': 0.44, 'why': ['pricing', 'page']}, s[0]['items'][0]
assert [i['score'] for i in s[0]['items']] == sorted((i['score'] for i in s[0]['items']), reverse=True)"
run feedback suggest --include-linked --format json
py "assert len(out['suggestions']) == 40, len(out['suggestions'])"
run feedback suggest FB-999
expect_rc 2; expect_err "pops: error: unknown feedback entry 'FB-999'"

t_begin "feedback link --accept links the first suggestion, and refuses when nothing matches"
cd "$T_ROOT" && rm -rf acc && "$POPS" init --sample acc >/dev/null 2>&1 && cd acc || exit 1
run feedback link --accept FB-10
expect_rc 0; expect_err "linked FB-10 to GRW-8"
run feedback list --item GRW-8 --format json
py "assert 'FB-10' in [e['id'] for e in out]"
run feedback add --source sales --customer Zed --summary "zzz qqq"
expect_rc 0; fb=$OUT
run feedback link --accept "$fb"
expect_rc 2; expect_err "no item shares a word with $fb; link one by hand: pops feedback link $fb ITEM"
run feedback link --accept FB-10 FB-10 GRW-8
expect_rc 2; expect_err "--accept links the first suggestion; give no entry or items with it"
run feedback link FB-10
expect_rc 2; expect_err "give the items to link after the entry"
run feedback link --accept FB-9999
expect_rc 2; expect_err "unknown feedback 'FB-9999'"

t_begin "feedback suggest --evaluate: leave-one-out on the sample and on the labelled set, as docs/commands.md reports"
# the figures of the table of docs/commands.md, computed here
row() {  # row NAME JSON: the table row of docs/commands.md for these figures
  python3 -c "import json,sys; a=json.loads(sys.argv[2]); n=a['entries']
print('| %s | %d | %d (%.0f%%) | %d (%.0f%%) |' % (sys.argv[1], n, a['top1'], 100*a['top1']/n, a['top3'], 100*a['top3']/n))" "$1" "$2"
}
cd "$T_ROOT/sample" || exit 1
run feedback suggest --evaluate --format json
expect_rc 0
r=$(row "sample workspace" "$OUT")
grep -qxF -- "$r" "$SRC/docs/commands.md" && pass || fail "docs/commands.md lacks the row: $r"
run feedback suggest --evaluate
expect_out_line "^leave-one-out over 38 linked entries: top-1 [0-9]+ \([0-9]+%\), top-3 [0-9]+ \([0-9]+%\)$"
cp -r "$SRC/tests/e2e/data/suggest" "$T_DIR/labelled" && cd "$T_DIR/labelled" || exit 1
run check; expect_rc 0
run feedback suggest --evaluate --format json
expect_rc 0
py "assert out['entries'] >= 40 and out['top3'] / out['entries'] >= 0.6, out"
r=$(row "hand-labelled set" "$OUT")
grep -qxF -- "$r" "$SRC/docs/commands.md" && pass || fail "docs/commands.md lacks the row: $r"

t_begin "insights --by theme: clusters by shared words, linked or not, with customers, ARR, trend, unlinked"
make_ws
cat > feedback/2026.yaml <<'YAML'
entries:
  - {id: FB-1, date: 2026-10-10, source: sales, customer: Acme, arr: 100000, quote: Refunds are slow, items: [PAY-1]}
  - {id: FB-2, date: 2026-11-02, source: sales, customer: Globex, arr: 50000, quote: Partial refunds please}
  - {id: FB-3, date: 2026-11-05, source: sales, customer: Acme, quote: Refunds slow again, items: [PAY-1]}
  - {id: FB-4, date: 2026-11-06, source: sales, customer: Initech, arr: 30000, quote: Export to CSV}
  - {id: FB-5, date: 2026-11-07, source: sales, customer: Globex, quote: CSV export broken}
  - {id: FB-6, date: 2026-11-08, source: sales, customer: Hooli, quote: Dark mode}
YAML
run check; expect_rc 0
run insights --by theme --since 2026-11-01 --until 2026-11-30 --format json
expect_rc 0
py "
g = out['groups']
assert out['by'] == 'theme'
assert [x['key'] for x in g] == ['refunds', 'csv', None], [x['key'] for x in g]
r, c, n = g
assert (r['words'], r['entries'], r['customers'], r['arr'], r['trend'], r['trend_pct'], r['unlinked'], r['feedback']) == ('slow', 2, 2, 150000, 1, 100.0, 1, ['FB-2', 'FB-3']), r
assert sorted(r['customer_names']) == ['Acme', 'Globex'] and r['previous']['feedback'] == ['FB-1']
assert (c['words'], c['entries'], c['customers'], c['arr'], c['trend'], c['trend_pct'], c['unlinked']) == ('export', 2, 2, 80000, 2, None, 2), c
assert (n['entries'], n['arr'], n['unlinked'], n['feedback']) == (1, None, 1, ['FB-6']), n"
run insights --by theme --since 2026-11-01 --until 2026-11-30
want=$(sed -n '/^\$ pops insights --by theme --since 2026-11-01 --until 2026-11-30$/,/^```$/p' "$SRC/docs/commands.md" | sed '1d;$d')
got=$(printf '%s\n' "$OUT" | sed -n '1,/^$/p' | sed '$d')
[ -n "$want" ] && [ "$got" = "$want" ] && pass || fail "differs from docs/commands.md: $(diff <(printf '%s\n' "$want") <(printf '%s\n' "$got"))"
expect_out_line "^  refunds +slow +2 +2 +150000 +\+1 \(\+100%\) +1$"
expect_out_line "^  csv +export +2 +2 +80000 +\+2 \(new\) +2$"
expect_out_line "^  \(no shared word\) +1 +1 +- +\+1 \(new\) +1$"
run insights --by theme --since 2026-11-01 --until 2026-11-30 --format markdown
expect_out "| refunds | slow | 2 | 2 | 150000 | +1 (+100%) | 1 |"
run insights --by themes
expect_rc 2
