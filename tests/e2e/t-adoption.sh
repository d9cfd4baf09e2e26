# pops adoption import|list, success targets in pops show and pops report, metrics files in pops check.
. "$(dirname "$0")/lib.sh"
DATA="$(cd "$(dirname "$0")/data/adoption" && pwd)"

# An item linked to Amplitude's "Refund Completed" and Pendo's "Refund button", with success targets.
adoption_ws() {
  make_ws
  cat >> roadmap/payments.yaml <<'YAML'
  - id: PAY-2
    title: Refunds <self-serve> & "fast"
    status: shipped
    horizon: now
    links: {amplitude: Refund Completed, pendo: Refund button}
    success:
      - {metric: uniques, target: ">= 400"}
      - {metric: refund_rate, target: "< 2%"}
      - {metric: visitors, target: "> 80"}
      - {metric: minutes, target: "+10%"}
YAML
}

t_begin "import both exporters' files into a new metrics/adoption.yaml"
adoption_ws
run adoption import "$DATA/amplitude-refunds.csv" --from amplitude
expect_rc 0
expect_err "metrics/adoption.yaml: 3 series added, 83 points added, 0 changed, 0 unchanged"
if [ -f metrics/adoption.yaml ]; then pass; else fail "metrics/adoption.yaml not written"; fi
if grep -qx '    key: Refund Started' metrics/adoption.yaml && grep -qx '      2026-11-04: 1204' metrics/adoption.yaml
then pass; else fail "Refund Started 1,204 not written as 1204"; fi
if grep -qx '    key: Checkout Viewed / Enterprise' metrics/adoption.yaml; then pass; else fail "segment not in key"; fi
run adoption import "$DATA/amplitude-refund-rate.csv" --from amplitude --metric refund_rate
expect_rc 0
expect_err "1 series added, 28 points added"
if grep -qx '    unit: "%"' metrics/adoption.yaml; then pass; else fail "no unit for a percent series"; fi
run adoption import "$DATA/pendo-features.csv" --from pendo
expect_rc 0
expect_err "8 series added, 56 points added"
if grep -qx '    key: Export, CSV' metrics/adoption.yaml; then pass; else fail "key with a comma not written"; fi
run check
expect_rc 0
expect_out "info: no item links to amplitude series 'Refund Started'"
expect_out "info: no item links to pendo series 'Export, CSV'"
expect_err "0 errors, 0 warnings, 3 infos"  # Refund Started, Checkout Viewed / Enterprise, Export, CSV
expect_no_out "series 'Refund Completed'"
expect_no_out "series 'Refund Rate'"  # named by PAY-2's refund_rate

t_begin "a re-import that changes nothing leaves the bytes as they were"
adoption_ws
run adoption import "$DATA/amplitude-refunds.csv" --from amplitude
run adoption import "$DATA/pendo-features.csv" --from pendo
sed -i '1i # imported weekly; PAY-2 reads these' metrics/adoption.yaml
cp metrics/adoption.yaml before.yaml
run adoption import "$DATA/amplitude-refunds.csv" --from amplitude
expect_rc 0
expect_err "nothing to change: metrics/adoption.yaml: 0 series added, 0 points added, 0 changed, 83 unchanged"
run adoption import "$DATA/pendo-features.csv" --from pendo
expect_rc 0
if cmp -s before.yaml metrics/adoption.yaml; then pass; else fail "bytes changed: $(diff before.yaml metrics/adoption.yaml | head)"; fi

t_begin "a re-import with a changed value changes exactly that line; a new day is added"
adoption_ws
run adoption import "$DATA/pendo-features.csv" --from pendo
cp metrics/adoption.yaml before.yaml
printf 'Feature,Date,Visitors\r\nRefund button,2026-11-21,70\r\nRefund button,2026-11-22,71\r\n' > pendo-new.csv
run adoption import pendo-new.csv --from pendo --dry-run
expect_rc 0
expect_out "-      2026-11-21: 58"
expect_out "+      2026-11-21: 70"
if cmp -s before.yaml metrics/adoption.yaml; then pass; else fail "--dry-run wrote"; fi
run adoption import pendo-new.csv --from pendo
expect_rc 0
expect_err "0 series added, 1 point added, 1 changed, 0 unchanged"
diff before.yaml metrics/adoption.yaml > d.txt
if [ "$(grep -c '^[<>]' d.txt)" = 3 ] && grep -qx '<       2026-11-21: 58' d.txt && grep -qx '>       2026-11-21: 70' d.txt \
   && grep -qx '>       2026-11-22: 71' d.txt; then pass; else fail "unexpected diff: $(cat d.txt)"; fi

t_begin "bad rows are located and skipped, exit 1; the good rows are imported"
adoption_ws
cat > bad.csv <<'CSV'
Feature,Date,Visitors,Views
Refund button,2026-11-20,50,100
Refund button,2026-11-31,51,101
Refund button,2026-11-21,lots,102
,2026-11-21,3,4
Refund button,2026-11-20,52,103
Refund button,2026-11-21,53,104
CSV
run adoption import bad.csv --from pendo
expect_rc 1
expect_err "pops: error: bad.csv:3: 'Date' is not a date: '2026-11-31'"
expect_err "pops: error: bad.csv:4: 'Visitors' is not a number: 'lots'"
expect_err "pops: error: bad.csv:5: 'Feature' is empty"
expect_err "pops: error: bad.csv:6: 'Refund button' on 2026-11-20 is also on line 2"
expect_err "4 of 6 rows could not be imported and were skipped"
if grep -qx '      2026-11-21: 53' metrics/adoption.yaml && ! grep -q ' 52$' metrics/adoption.yaml; then pass
else fail "good rows not imported: $(cat metrics/adoption.yaml)"; fi
printf '"Chart"\n"Event","Nov 1, 2026","Nov 2, 2026"\n"Refund Completed","3","x3"\n' > amp-bad.csv
run adoption import amp-bad.csv --from amplitude
expect_rc 1
expect_err "amp-bad.csv:3: 'Refund Completed': the value for 2026-11-02 in column 3 is not a number: 'x3'"

t_begin "usage errors: exit 2"
adoption_ws
run adoption import "$DATA/pendo-features.csv" --from mixpanel
expect_rc 2
run adoption import "$DATA/pendo-features.csv" --from pendo --value Vistors
expect_rc 2
expect_err "pops: error: unknown --value column 'Vistors' (did you mean 'Visitors'?)"
run adoption import "$DATA/pendo-features.csv" --from pendo --metric x
expect_rc 2
expect_err "--metric names one series but 4 value columns are imported"
run adoption import "$DATA/amplitude-refunds.csv" --from pendo
expect_rc 2
expect_err "the export has no 'Feature' (or 'Page', 'Track Event') column"
printf 'Event,Segment\nRefund Completed,All Users\n' > nodates.csv
run adoption import nodates.csv --from amplitude
expect_rc 2
expect_err "found no row of dates in the export"
run adoption import missing.csv --from pendo
expect_rc 2
expect_err "cannot read 'missing.csv'"
run adoption import "$DATA/pendo-features.csv" --from pendo --to roadmap/usage.yaml
expect_rc 2
expect_err "--to 'roadmap/usage.yaml' is outside metrics/; it must be a file in metrics/ of the workspace"
if [ ! -e metrics ]; then pass; else fail "metrics/ written on a usage error"; fi

t_begin "show and report: adoption against target"
adoption_ws
git init -q . && git add -A && git commit -qm "workspace"
run adoption import "$DATA/amplitude-refunds.csv" --from amplitude
run adoption import "$DATA/amplitude-refund-rate.csv" --from amplitude --metric refund_rate
run adoption import "$DATA/pendo-features.csv" --from pendo
run show PAY-2
expect_rc 0
expect_out_line '^  uniques +>= 400 +435 +met  on 2026-11-21, \+135 since 2026-10-25  \(amplitude .Refund Completed.\)$'
expect_out_line '^  refund_rate +< 2% +1.6% +met  on 2026-11-21, -1.4% since 2026-10-25'
expect_out_line '^  visitors +> 80 +58 +not met  on 2026-11-21'
expect_out_line '^  minutes +\+10% +39 +met  on 2026-11-21'
run show PAY-2 --format json
expect_rc 0
if printf '%s' "$OUT" | python3 -c '
import json, sys
j = json.load(sys.stdin)
a = {x["metric"]: x for x in j["adoption"]}
assert a["uniques"]["state"] == "met" and a["uniques"]["value"] == 435, a["uniques"]
assert a["uniques"]["date"] == "2026-11-21" and a["uniques"]["trend"] == 135
assert a["visitors"]["state"] == "not_met" and a["visitors"]["source"] == "pendo"
assert a["refund_rate"]["shown"] == "1.6%"
'; then pass; else fail "show --format json adoption"; fi
run show PAY-1
expect_no_out "adoption:"
run report --format markdown
expect_rc 0
expect_out "## Adoption"
expect_out '| PAY-2 Refunds &lt;self-serve&gt; &amp; "fast" | uniques | 435 | &gt;= 400 | met | 2026-11-21 | +135 since 2026-10-25 |'
expect_out '| visitors | 58 | &gt; 80 | not met |'
run report --out dash.html
expect_rc 0
if grep -q '<h2>Adoption</h2>' dash.html && grep -q '<td>PAY-2 Refunds &lt;self-serve&gt; &amp; &quot;fast&quot;</td><td>refund_rate</td><td class="n">1.6%</td><td>&lt; 2%</td><td class="met">met</td>' dash.html
then pass; else fail "no adoption row in the HTML report: $(grep -A3 'id="adoption"' dash.html)"; fi

t_begin "list: series with their latest value and linked items"
adoption_ws
run adoption list
expect_rc 0
expect_err "no usage series"
run adoption import "$DATA/pendo-features.csv" --from pendo
run adoption list
expect_rc 0
expect_out_line '^pendo +Refund button +visitors +7  2026-11-21 +58  PAY-2$'
expect_out_line '^pendo +Export, CSV +views +7  2026-11-21 +14  \(none\)$'
run adoption list --item PAY-2 --format json
expect_rc 0
if printf '%s' "$OUT" | python3 -c '
import json, sys
j = json.load(sys.stdin)
assert len(j) == 4 and all(s["key"] == "Refund button" and s["items"] == ["PAY-2"] for s in j), j
assert j[0]["points"][-1] == {"date": "2026-11-21", "value": 58}
'; then pass; else fail "list --item --format json"; fi
run adoption list --item PAY-9
expect_rc 2
expect_err "unknown item 'PAY-9'"

t_begin "check: a hand-edited metrics file with located findings"
adoption_ws
mkdir -p metrics
cat > metrics/adoption.yaml <<'YAML'
series:
  - source: amplitude
    key: Refund Completed
    metric: uniques
    points:
      2026-11-01: 412
      2026-13-01: 5
      2026-11-02: "7"
      2026-11-01: 3
YAML
run check
expect_rc 1
expect_out "metrics/adoption.yaml:7:7: error: point '2026-13-01' is not a date; expected YYYY-MM-DD like 2026-11-01 [schema]"
expect_out "metrics/adoption.yaml:8:19: error: 'points.2026-11-02' must be a number, found the quoted text '7' [schema]"
expect_out_line '^metrics/adoption.yaml:9:7: error: .*\[duplicate-key\]$'

t_begin "series-unlinked: the example of docs/rules.md, and its fix"
adoption_ws
mkdir -p metrics
cat > metrics/adoption.yaml <<'YAML'
series:
  - source: amplitude
    key: Refund Started
    metric: totals
    points: {2026-11-21: 1070}
YAML
run check
expect_rc 0
expect_out "metrics/adoption.yaml:3:10: info: no item links to amplitude series 'Refund Started' nor names its metric in 'success'; add 'links: {amplitude: Refund Started}' to the item it measures [series-unlinked]"
sed -i 's/^    key: Refund Started/    key: Refund Completed/' metrics/adoption.yaml
run check
expect_rc 0
expect_no_out "series-unlinked"
