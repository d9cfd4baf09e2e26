# pops report in headless Chromium (through chromedriver and the WebDriver protocol): at 400, 1280 and
# 1920 px the page of the sample workspace does not overflow sideways and logs no console error.
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

t_begin "the sample's report fits 400, 1280 and 1920 px"
"$POPS" init --sample sample >/dev/null 2>&1 || fail "pops init --sample"
run -C sample report --out "$T_DIR/report.html"
expect_rc 0
OUT=$(timeout 90 python3 "$BROWSER" ${POPS_REPORT_SHOTS:+--shots "$POPS_REPORT_SHOTS"} report.html 2>&1); RC=$?
expect_rc 0
for w in 400 1280 1920; do expect_out_line "^$w $w $w 0\$"; done
