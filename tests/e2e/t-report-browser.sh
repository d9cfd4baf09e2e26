# pops report in headless Chromium (through chromedriver and the WebDriver protocol): at 400, 1280 and
# 1920 px the page of the sample workspace, and that of a portfolio of two members, does not overflow
# sideways and logs no console error; every text and SVG mark has the WCAG contrast it needs, in the
# light and the dark scheme; printed to PDF (A4) it fits the page's width under print media, has a
# sensible number of pages and every section's heading.
. "$(dirname "$0")/lib.sh"
BROWSER="$(cd "$(dirname "$0")" && pwd)/report_browser.py"

t_begin "the checker sees overflow and console errors"
if ! command -v chromedriver >/dev/null; then
  fail "chromedriver is not installed (Debian package chromium-driver, in build.sh's test packages)"
  exit 1
fi
printf '<!DOCTYPE html><html><body><div style="width: 720px">wide</div><script>console.error("pops-canary")</script></body></html>' > canary.html
OUT=$(timeout 60 python3 "$BROWSER" --widths 400 canary.html 2>&1); RC=$?
expect_rc 1
expect_out_line '^400 7[0-9][0-9] 400 1$'
expect_out 'pops-canary'

t_begin "the checker sees low contrast (light and dark scheme) and a page too wide for print"
# #999 on white is 2.85:1 (text needs 4.5), #eee on white 1.16:1 (marks need 3); the grid is left
# out; in the dark scheme #333 on black is 1.66:1; under print the paragraph is 900 px wide.
printf '%s' '<!DOCTYPE html><html><head><style>@media (prefers-color-scheme: dark) { .d { color: #333; background: #000 } }
@media print { .w { width: 900px } }</style></head><body><p style="color: #999">faint</p><p class="d w">dark</p>
<svg width="40" height="20"><rect width="20" height="20" fill="#eee"/><rect class="grid" x="20" width="20" height="20" fill="#fefefe"/></svg>
</body></html>' > low.html
OUT=$(timeout 60 python3 "$BROWSER" --widths 400 --contrast --print low.pdf low.html 2>&1); RC=$?
expect_rc 1
expect_out_line '^400 400 400 0$'
expect_out_line '^contrast light text 2 2\.85 1$'
expect_out_line '^  2\.85 < 4\.5: p rgb\(153,153,153\) on rgb\(255,255,255\) "faint"$'
expect_out_line '^contrast light marks 1 1\.16 1$'
expect_out_line '^contrast dark text 2 1\.66 2$'
expect_out_line '^print 703 9[0-9][0-9] 1$'

if ! command -v pdftotext >/dev/null; then
  fail "pdftotext is not installed (Debian package poppler-utils, in build.sh's test packages)"
  exit 1
fi

# headings PDF HEADING...: every heading is a line of the PDF's text (page breaks and the spaces
# around a line dropped).
headings() {
  local pdf="$1" text h; shift
  text=$(pdftotext -layout "$pdf" - 2>&1) || { fail "pdftotext $pdf: $text"; return; }
  text=$(printf '%s\n' "$text" | tr -d '\f' | sed 's/^ *//; s/ *$//')
  for h in "$@"; do
    printf '%s\n' "$text" | grep -qxF -- "$h" || { fail "$pdf: no heading '$h'"; return; }
  done
  pass
}

t_begin "the sample's report fits 400, 1280 and 1920 px, has the contrast it needs and prints"
"$POPS" init --sample sample >/dev/null 2>&1 || fail "pops init --sample"
run -C sample report --out "$T_DIR/report.html"
expect_rc 0
OUT=$(timeout 120 python3 "$BROWSER" ${POPS_REPORT_SHOTS:+--shots "$POPS_REPORT_SHOTS"} --contrast --print report.pdf \
  report.html 2>&1); RC=$?
expect_rc 0
for w in 400 1280 1920; do expect_out_line "^$w $w $w 0\$"; done
for s in light dark; do
  expect_out_line "^contrast $s text [0-9]+ [0-9.]+ 0\$"
  expect_out_line "^contrast $s marks [0-9]+ [0-9.]+ 0\$"
done
# A4 less 12 mm margins is 703 px wide; the sample's sections take 5 to 9 pages.
expect_out_line '^print 703 703 [5-9]$'
headings report.pdf "Summary" "Trends by month" "By squad" "Timeline: planned against shipped" "Status by squad" \
  "Roadmap: Now, Next, Later" "Standards"

# pmember NAME SQUAD PREFIX: a workspace NAME/ in a git repository of its own: PREFIX-1 planned on
# 2026-10-01 for 10-20, started 10-05, shipped 10-25 (late); PREFIX-2 planned and still open.
pmember() {
  mkdir -p "$1/roadmap" && cd "$1" || exit 1
  printf 'version: 1\nproduct: %s\nsquads:\n  %s: {name: %s, prefix: %s}\n' "$1" "$2" "$2" "$3" > pops.yaml
  git init -q .
  items "$2" "- {id: $3-1, title: First, status: planned, horizon: now, target: 2026-10-20}" \
    "- {id: $3-2, title: Second, status: planned, horizon: next}"
  commit 2026-10-01 "plan"
  sed -i "s/$3-1, title: First, status: planned/$3-1, title: First, status: in-progress/" "roadmap/$2.yaml"
  commit 2026-10-05 "start $3-1"
  sed -i "s/$3-1, title: First, status: in-progress/$3-1, title: First, status: shipped/" "roadmap/$2.yaml"
  commit 2026-10-25 "ship $3-1"
  cd ..
}

t_begin "a portfolio's report fits 400, 1280 and 1920 px and has the contrast it needs"
pmember acme payments PAY
pmember beta core CORE
mkdir holding
printf 'version: 1\nproduct: Holding\nportfolio:\n  acme: ../acme\n  beta: ../beta\n' > holding/pops.yaml
run -C holding report --since 2026-09-01 --until 2026-11-30 --out "$T_DIR/portfolio.html"
expect_rc 0
grep -q 'acme/payments' portfolio.html && grep -q '<section id="standards">' portfolio.html && pass \
  || fail "portfolio.html: no member/squad or no standards section"
OUT=$(timeout 120 python3 "$BROWSER" ${POPS_REPORT_SHOTS:+--shots "$POPS_REPORT_SHOTS" --name portfolio} --contrast \
  --print portfolio.pdf portfolio.html 2>&1); RC=$?
expect_rc 0
for w in 400 1280 1920; do expect_out_line "^$w $w $w 0\$"; done
for s in light dark; do
  expect_out_line "^contrast $s text [0-9]+ [0-9.]+ 0\$"
  expect_out_line "^contrast $s marks [0-9]+ [0-9.]+ 0\$"
done
expect_out_line '^print 703 703 [2-9]$'
headings portfolio.pdf "Summary" "By squad" "Timeline: planned against shipped" "Standards"
