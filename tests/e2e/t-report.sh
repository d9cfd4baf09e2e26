# pops report: the HTML dashboard (content, escaping, self-containment, atomic --out), its Markdown
# variant, and the page rendered by headless Chromium: no console errors, the expected number of bars.
. "$(dirname "$0")/lib.sh"

commit() {
  git add -A && GIT_AUTHOR_DATE="$1T12:00:00Z" GIT_COMMITTER_DATE="$1T12:00:00Z" git commit -qm "$2" || exit 1
}

items() {  # items SQUAD LINES...: writes roadmap/SQUAD.yaml
  local squad="$1"; shift
  { echo "squad: $squad"; echo "items:"; printf '  %s\n' "$@"; } > "roadmap/$squad.yaml"
}

HOSTILE='"<script>alert(1)</script> Tom & Jerry"'

# October: PAY-2 ships (cycle 25 days); November: PAY-1 ships (cycle 28 days), PAY-3 slips 7 days.
build() {
  git init -q -b main . || exit 1
  make_ws
  rm -f roadmap/*.yaml
  items payments "- {id: PAY-1, title: $HOSTILE, status: in-progress, horizon: now}" \
    '- {id: PAY-2, title: Payouts, status: in-progress, horizon: now}' \
    '- {id: PAY-3, title: Disputes, status: planned, horizon: next, target: 2026-12-01}'
  items platform '- {id: PLAT-1, title: Queues, status: planned, horizon: later}'
  cat > feedback/2026.yaml <<'YAML'
entries:
  - {id: FB-1, date: 2026-10-01, source: sales, customer: Acme, arr: 100000, summary: Wants it, items: [PAY-1]}
  - {id: FB-2, date: 2026-10-20, source: sales, customer: Acme, arr: 120000, summary: Again, items: [PAY-1, PLAT-1]}
  - {id: FB-3, date: 2026-10-21, source: support, customer: "Beta & <Sons>", arr: 50000, summary: Too, items: [PAY-1]}
  - {id: FB-4, date: 2026-10-22, source: survey, summary: Anonymous, items: [PLAT-1]}
YAML
  cat > rituals/sprint-review/2026-11-19.md <<'MD'
---
ritual: sprint-review
date: 2026-11-19
attendees: [alice, bo]
actions:
  - {what: "Write the <b>FAQ</b> & the memo", owner: alice, due: 2026-11-20, done: false}
  - {what: Already done, owner: bo, due: 2026-11-10, done: true}
  - {what: Plan the offsite, owner: bo, due: 2026-12-01}
---
# Sprint review 2026-11-19
MD
  commit 2026-10-05 "start"
  items payments "- {id: PAY-1, title: $HOSTILE, status: in-progress, horizon: now}" \
    '- {id: PAY-2, title: Payouts, status: shipped, horizon: now}' \
    '- {id: PAY-3, title: Disputes, status: planned, horizon: next, target: 2026-12-01}'
  commit 2026-10-30 "ship payouts"
  items payments "- {id: PAY-1, title: $HOSTILE, status: shipped, horizon: now}" \
    '- {id: PAY-2, title: Payouts, status: shipped, horizon: now}' \
    '- {id: PAY-3, title: Disputes, status: planned, horizon: next, target: 2026-12-08}'
  commit 2026-11-02 "ship the hostile one"
}

t_begin "html content and escaping"
build
run report --since 2026-10-01 --until 2026-11-30
expect_rc 0
expect_out '<!DOCTYPE html>'
expect_out '<title>Test Co'
expect_out '@media print'
for s in summary trends squads at-risk slips goals timeline shipped cycle status board demand actions; do expect_out "<section id=\"$s\">"; done
expect_out '&lt;script&gt;alert(1)&lt;/script&gt; Tom &amp; Jerry'
expect_no_out '<script'
expect_no_out 'Tom & Jerry'
expect_out 'Beta &amp; &lt;Sons&gt;'
expect_out 'Write the &lt;b&gt;FAQ&lt;/b&gt; &amp; the memo'
expect_no_out 'Already done'
expect_out 'class="overdue">2026-11-20 (overdue)'
expect_out 'Plan the offsite'
# Demand: PAY-1 has Acme (latest ARR 120,000, counted once) and Beta (50,000); PLAT-1 has Acme only.
expect_out_line '<td>PAY-1 .*</td><td>shipped</td><td class="n">2</td><td class="n">170,000</td><td class="n">3</td><td>Acme, Beta &amp; &lt;Sons&gt;</td>'
expect_out_line '<td>PLAT-1 Queues</td><td>planned</td><td class="n">1</td><td class="n">120,000</td><td class="n">2</td><td>Acme</td>'
# Slips: PAY-3 2026-12-01 -> 2026-12-08.
expect_out_line '<td class="date">2026-11-02</td><td>PAY-3 Disputes</td><td>payments</td><td class="date">2026-12-01 → 2026-12-08</td><td class="n">\+7</td>'
# Bars: the trends' throughput and slips for 2 months, 7 cycle time bins; a spark per squad.
bars=$(printf '%s' "$OUT" | grep -o '<rect class="bar"' | wc -l)
if [ "$bars" -eq 11 ]; then pass; else fail "expected 11 bars, found $bars"; fi
expect_out '<title>payments 2026-11: 1 shipped</title>'
expect_out '<title>platform 2026-10: 0 shipped</title>'
expect_out '<title>15–30 days: 2 items</title>'
# Trends: October shipped 1 (PAY-2), November 1 (PAY-1) and PAY-3 slipped; cycle times 25 and 28 days.
expect_out '<title>2026-10: 1 shipped</title>'
expect_out '<title>2026-11: 1 item slipped</title>'
expect_out '<title>p50 2026-10: 25 days</title>'
expect_out '<title>p50 2026-11: 28 days</title>'
# Every chart is named for screen readers, every table scrolls in its own box.
charts=$(printf '%s' "$OUT" | grep -c '<svg class="chart[^>]*role="img" aria-label="[^"]\+">$')
titled=$(printf '%s' "$OUT" | grep -A1 '<svg class="chart' | grep -c '^<title>')
if [ "$charts" -eq 5 ] && [ "$titled" -eq 5 ]; then pass; else fail "charts named: $charts, titled: $titled (expected 5)"; fi
tables=$(printf '%s' "$OUT" | grep -o '<table>' | wc -l)
boxed=$(printf '%s' "$OUT" | grep -o '<div class="scroll"><table>' | wc -l)
if [ "$tables" -gt 0 ] && [ "$tables" -eq "$boxed" ]; then pass; else fail "$boxed of $tables tables in a scroll box"; fi
# Self-contained: nothing fetched, no scripts; the only URL is the SVG namespace.
urls=$(printf '%s' "$OUT" | grep -oE '(https?:)?//[a-zA-Z0-9./-]+' | grep -v '^http://www.w3.org/2000/svg$' | sort -u)
if [ -z "$urls" ]; then pass; else fail "the page refers to: $urls"; fi
if printf '%s' "$OUT" | grep -Eqi '<(script|link|img|iframe)|@import|url\(|src='; then fail "not self-contained"; else pass; fi
# The board: Now holds nothing open (PAY-1 and PAY-2 shipped), Next holds PAY-3, Later PLAT-1.
expect_out_line '<h3>Next <span class="badge">1</span></h3>'
expect_out_line '<h3>Later <span class="badge">1</span></h3>'
expect_out_line '<h3>Now <span class="badge">0</span></h3>'

t_begin "--out writes atomically, --squad filters"
build
run report --since 2026-10-01 --until 2026-11-30 --squad platform --out dash.html
expect_rc 0
if [ -z "$OUT" ]; then pass; else fail "stdout should be empty with --out"; fi
expect_err "wrote dash.html"
if [ -f dash.html ] && ! ls .dash.html* >/dev/null 2>&1; then pass; else fail "dash.html missing or temp file left"; fi
bars=$(grep -o '<rect class="bar"' dash.html | wc -l)
# platform only: 2 months of throughput and of slips; no item of platform shipped with a known start:
# no histogram.
if [ "$bars" -eq 4 ]; then pass; else fail "expected 4 bars for one squad, found $bars"; fi
if grep -q 'PAY-1' dash.html; then fail "payments items in a platform report"; else pass; fi
grep -q 'Plan the offsite' dash.html && pass || fail "bo's action (platform) missing"
run report --out no/such/dir/dash.html
expect_rc 2
expect_err "pops: error: cannot write"

t_begin "markdown"
build
run report --since 2026-10-01 --until 2026-11-30 --format markdown
expect_rc 0
expect_out '# Test Co'
expect_out '| squad | 2026-10 | 2026-11 |'
expect_out '| payments | 1 | 1 |'
expect_out '| platform | 0 | 0 |'
expect_out '| 15–30 | 2 |'
expect_out '- **PAY-3** Disputes (planned, 2026-12-08)'
expect_out '| PAY-1 &lt;script&gt;alert(1)&lt;/script&gt; Tom &amp; Jerry | shipped | 2 | 170,000 | 3 | Acme, Beta &amp; &lt;Sons&gt; |'
expect_out '| 2026-11-20 (overdue) | Write the &lt;b&gt;FAQ&lt;/b&gt; &amp; the memo | alice | sprint-review 2026-11-19 |'
expect_no_out '<script'
run report --since 2026-10-01 --until 2026-11-30 --out README-dash.md
expect_rc 0
grep -q '^## Top customer demand' README-dash.md && pass || fail "--out x.md should write Markdown"

t_begin "missing data"
git init -q -b main .
make_ws
commit 2026-11-02 "start"
run report --until 2026-11-30
expect_rc 0
expect_out 'No item shipped in the window with a known start.'
expect_out 'No target moved later in the window.'
expect_out 'No feedback links to an item.'
expect_out 'No open actions.'
expect_out_line '<div class="v">–</div><div class="k">median cycle time \(days\)</div>'

t_begin "rendered by headless chromium"
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
  echo "chromium not installed: skipping the rendering test"
  T_SKIP=1
else
  build
  run report --since 2026-10-01 --until 2026-11-30 --out dash.html
  expect_rc 0
  # A page with a console error: proves that errors are seen in this Chromium's log.
  printf '<!DOCTYPE html><html><body><script>console.error("pops-canary")</script></body></html>' > canary.html
  render() {  # render FILE: dumps the DOM to dom.txt and the log to log.txt
    timeout 40 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-extensions --no-first-run \
      --disable-background-networking --disable-sync --disable-component-update --metrics-recording-only \
      --user-data-dir="$T_DIR/profile" --enable-logging=stderr --v=0 --virtual-time-budget=2000 \
      --dump-dom "file://$T_DIR/$1" > dom.txt 2> log.txt
  }
  render canary.html
  if grep -q 'CONSOLE.*pops-canary' log.txt; then pass; else fail "chromium did not report the canary console error"; fi
  render dash.html
  rc=$?
  if [ "$rc" -eq 0 ]; then pass; else fail "chromium exited $rc: $(tail -3 log.txt)"; fi
  if grep -q 'CONSOLE' log.txt; then fail "console messages: $(grep CONSOLE log.txt | head -3)"; else pass; fi
  bars=$(grep -o '<rect class="bar"' dom.txt | wc -l)
  if [ "$bars" -eq 11 ]; then pass; else fail "rendered DOM holds $bars bars, expected 11"; fi
  charts=$(grep -o '<svg class="chart' dom.txt | wc -l)
  if [ "$charts" -eq 5 ]; then pass; else fail "rendered DOM holds $charts charts, expected 5"; fi
  grep -q 'section id="actions"' dom.txt && pass || fail "the rendered page lacks its last section"
fi
if [ "${T_SKIP:-0}" = 1 ] && [ "$T_FAILS" -eq 0 ]; then
  trap - EXIT
  rm -rf "$T_ROOT"
  exit 125
fi
