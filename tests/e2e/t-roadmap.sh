# pops roadmap: items by horizon, filters and formats.
. "$(dirname "$0")/lib.sh"
GOLDEN="$(cd "$(dirname "$0")" && pwd)/golden"
CHECKER="$(cd "$(dirname "$0")" && pwd)/mermaid_check.py"

t_begin "roadmap groups open items by horizon"
make_ws
cat >> roadmap/payments.yaml <<'YAML'
  - id: PAY-2
    title: Refund FAQ | support
    status: idea
    horizon: later
  - id: PAY-3
    title: Wallets
    status: planned
    horizon: 2027-Q2
YAML
run roadmap; expect_rc 0
expect_out "Now (1)"; expect_out "Later (1)"; expect_out "2027-Q2 (1)"
expect_out "PAY-1"; expect_no_out "PLAT-1"   # shipped items are left out
run roadmap --all; expect_out "PLAT-1"
run roadmap --squad platform --all; expect_out "PLAT-1"; expect_no_out "PAY-1"
run roadmap --status shipped; expect_out "PLAT-1"; expect_no_out "PAY-1"

t_begin "roadmap as markdown and json"
make_ws
cat >> roadmap/payments.yaml <<'YAML'
  - id: PAY-2
    title: Refund FAQ | support
    status: idea
    horizon: later
YAML
run roadmap --format markdown; expect_rc 0
expect_out "## Now"; expect_out "| PAY-2 | Refund FAQ \\| support | idea |"
run roadmap --format json; expect_rc 0
printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
cols = {c["horizon"]: c for c in d["columns"]}
assert [i["id"] for i in cols["now"]["items"]] == ["PAY-1"], cols
assert cols["now"]["items"][0]["target"] == "2026-12-15"
assert cols["later"]["items"][0]["line"] == 10
' && pass || fail "json shape"

t_begin "roadmap outside a workspace"
run roadmap; expect_rc 2; expect_err "not a pops workspace"

t_begin "roadmap warns about unreadable files and shows the rest"
make_ws
printf 'items: [\n' > roadmap/broken.yaml
run roadmap; expect_rc 0; expect_err "1 file could not be read"; expect_out "PAY-1"

# ---------------------------------------------------------------------------------------------------
# Formats, golden output. POPS_UPDATE_GOLDEN=1 rewrites the golden files from the current output.

# expect_golden NAME: stdout equals golden/NAME byte for byte (after the shell strips final newlines).
expect_golden() {
  if [ -n "${POPS_UPDATE_GOLDEN:-}" ]; then printf '%s\n' "$OUT" > "$GOLDEN/$1"; fi
  if [ "$OUT" = "$(cat "$GOLDEN/$1")" ]; then pass; else
    fail "stdout differs from golden/$1"
    diff <(cat "$GOLDEN/$1") <(printf '%s\n' "$OUT") | head -20
  fi
}

# A workspace with every kind of column and awkward titles: long, UTF-8 (wide and combining), CSV and
# mermaid syntax characters, a quarter and an item with no horizon.
make_views_ws() {
  make_ws
  cat >> roadmap/payments.yaml <<'YAML'
  - id: PAY-2
    title: "Refunds, partial: \"quick\" wins; #2"
    status: planned
    horizon: now
    owner: alice
    target: 2027-01-10
    tags: [refunds, checkout]
  - id: PAY-3
    title: Self-serve plan downgrades with proration, credits and a confirmation email
    status: discovery
    horizon: next
    tags: [billing]
  - id: PAY-4
    title: 日本語の請求書 and café receipts
    status: idea
    horizon: later
  - id: PAY-5
    title: Wallets
    status: planned
    horizon: 2027-Q2
    target: 2027-06-30
YAML
  cat >> roadmap/platform.yaml <<'YAML'
  - id: PLAT-2
    title: Audit log export
    status: in-progress
    owner: bo
    target: 2026-11-01
    tags: [security]
YAML
}

t_begin "roadmap: golden output of every format"
make_views_ws
for f in table markdown mermaid json csv; do
  run roadmap --format "$f"; expect_rc 0; expect_golden "roadmap.$f"
done
run roadmap --format mermaid
if printf '%s\n' "$OUT" | python3 "$CHECKER"; then pass; else fail "golden mermaid invalid"; fi
# Not a terminal: the default is the table, as before boards existed.
run roadmap; expect_golden "roadmap.table"

t_begin "roadmap: the board fits 60, 100 and 160 columns"
make_views_ws
for w in 60 100 160; do
  OUT=$(COLUMNS=$w "$POPS" roadmap --format board 2>/dev/null); RC=$?
  expect_rc 0; expect_golden "roadmap.board-$w"
  if printf '%s\n' "$OUT" | python3 -c "
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
bad = [l for l in sys.stdin.read().split('\n') if width(l) > $w]
sys.exit(1 if bad else 0)"; then pass; else fail "a board line is wider than $w"; fi
done
# 160 columns hold all five columns in one band, 100 three per band, 60 two.
OUT=$(COLUMNS=160 "$POPS" roadmap --format board); expect_out_line '^Now \(2\) +Next \(1\) +Later \(1\) +2027-Q2 \(1\) +No horizon \(1\)$'
OUT=$(COLUMNS=100 "$POPS" roadmap --format board); expect_out_line '^Now \(2\) +Next \(1\) +Later \(1\)$'; expect_out_line '^2027-Q2 \(1\) +No horizon \(1\)$'
OUT=$(COLUMNS=60 "$POPS" roadmap --format board); expect_out_line '^Now \(2\) +Next \(1\)$'; expect_out_line '^Later \(1\) +2027-Q2 \(1\)$'
expect_out_line '^No horizon \(1\)$'
expect_out "PAY-3 Self-serve plan downgr…"     # cut by display width, with an ellipsis
expect_out "PAY-4 日本語の請求書 and caf…"    # wide characters count two columns

t_begin "roadmap: board on a terminal by default, coloured unless NO_COLOR"
make_views_ws
if command -v script >/dev/null 2>&1; then
  OUT=$(env -u NO_COLOR COLUMNS=100 script -qec "$POPS roadmap" /dev/null </dev/null | tr -d '\r')
  expect_out "Now (2)"; expect_out "----"
  expect_out $'\033[33mPLAT-2'     # in-progress is yellow
  expect_out $'\033[34mplanned'
  OUT=$(NO_COLOR=1 COLUMNS=100 script -qec "$POPS roadmap" /dev/null </dev/null | tr -d '\r')
  expect_out "Now (2)"; expect_no_out $'\033['
  OUT=$(env -u NO_COLOR COLUMNS=100 script -qec "$POPS roadmap --no-color" /dev/null </dev/null | tr -d '\r')
  expect_no_out $'\033['
  OUT=$(env -u NO_COLOR COLUMNS=100 script -qec "$POPS roadmap --format table" /dev/null </dev/null | tr -d '\r')
  expect_out "  PAY-1      One-click refunds"
else
  echo "script(1) not available: terminal checks skipped"
fi
# Piped: never colour, even without NO_COLOR.
OUT=$(env -u NO_COLOR "$POPS" roadmap --format board); expect_no_out $'\033['

t_begin "roadmap: filters take comma lists; unknown values are usage errors with a suggestion"
make_views_ws
run roadmap --format csv --squad payments,platform --status planned --status in-progress; expect_rc 0
expect_out "PAY-2"; expect_out "PLAT-2"; expect_out "PAY-5"; expect_no_out "PAY-3"
run roadmap --format csv --tag billing,security; expect_rc 0
expect_out "PAY-3"; expect_out "PLAT-2"; expect_no_out "PAY-2"
run roadmap --format csv --horizon 2027-Q2 --owner alice --all; expect_rc 0
expect_no_out "PAY-"
run roadmap --format csv --horizon 2027-Q2; expect_rc 0; expect_out "PAY-5"; expect_no_out "PAY-1"
run roadmap --squad paymnts; expect_rc 2; expect_err "pops: error: unknown squad 'paymnts' (did you mean 'payments'?)"
run roadmap --status in-progres; expect_rc 2; expect_err "unknown status 'in-progres' (did you mean 'in-progress'?)"
run roadmap --horizon nxt; expect_rc 2; expect_err "unknown horizon 'nxt' (did you mean 'next'?)"
run roadmap --horizon 2027-Q5; expect_rc 2; expect_err "unknown horizon '2027-Q5'; expected one of now, next, later or a quarter such as 2027-Q1"
run roadmap --tag secrity; expect_rc 2; expect_err "unknown tag 'secrity' (did you mean 'security'?)"
run roadmap --owner alise; expect_rc 2; expect_err "unknown owner 'alise' (did you mean 'alice'?)"
run roadmap --format gantt; expect_rc 2

t_begin "roadmap: csv is RFC 4180 and reads back"
make_views_ws
run roadmap --format csv; expect_rc 0
case "$OUT" in *$'\r'*) pass ;; *) fail "csv lines should end in CRLF" ;; esac
printf '%s' "$OUT" | python3 -c '
import csv, io, sys
rows = list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))
assert rows[0] == ["id", "title", "status", "horizon", "squad", "owner", "target", "tags", "file", "line",
                   "initiative", "key_results"], rows[0]
by = {r[0]: r for r in rows[1:]}
assert by["PAY-2"][1] == "Refunds, partial: \"quick\" wins; #2", by["PAY-2"]
assert by["PAY-2"][7] == "refunds;checkout"
assert by["PLAT-2"][3] == "" and by["PLAT-2"][6] == "2026-11-01"
' && pass || fail "csv does not read back"

t_begin "roadmap: mermaid passes the Gantt syntax check, on the sample and on hostile titles"
"$POPS" init --sample sample >/dev/null 2>&1 || fail "pops init --sample"
run -C sample roadmap --format mermaid --all; expect_rc 0
expect_out "dateFormat YYYY-MM-DD"; expect_out_line '^    section '
if printf '%s\n' "$OUT" | python3 "$CHECKER"; then pass; else fail "sample mermaid invalid"; fi
TASKS=$(printf '%s\n' "$OUT" | grep -c ' :')
[ "$TASKS" -ge 5 ] && pass || fail "expected at least 5 tasks in the sample, got $TASKS"
make_ws
cat >> roadmap/payments.yaml <<'YAML'
  - id: PAY-2
    title: "section Evil: task :a, 2020-01-01, 1d; click x # %% comment"
    status: planned
    target: 2027-01-01
  - id: PAY-3
    title: "Title with a\nnew line and a tab\there"
    status: in-progress
    target: 2026-12-01
  - id: PAY-4
    title: "%%{init: {'theme': 'dark'}}%%"
    status: planned
    target: 2026-11-01
YAML
run roadmap --format mermaid; expect_rc 0
if printf '%s\n' "$OUT" | python3 "$CHECKER"; then pass; else fail "hostile mermaid invalid"; fi
expect_out "    PAY-2 section Evil task a, 2020-01-01, 1d click x comment :t_pay_2, 2026-11-22, 2027-01-01"
expect_out "    PAY-4 {init {'theme' 'dark'}} :milestone, crit, t_pay_4, 2026-11-01, 0d"
# The checker itself rejects what mermaid cannot read.
for bad in $'gantt\n    dateFormat YYYY-MM-DD\n    section a\n    x: y :t1, 2026-01-01, 2026-01-02' \
           $'gantt\n    dateFormat YYYY-MM-DD\n    section a\n    x :t1, 2026-02-30, 2026-03-02' \
           $'gantt\n    dateFormat YYYY-MM-DD\n    section a\n    x :t1, 2026-03-02, 2026-03-01' \
           $'gantt\n    dateFormat YYYY-MM-DD\n    x :t1, 2026-03-01, 2026-03-02' \
           $'gantt\n    dateFormat YYYY-MM-DD\n    section a\n    x :t1, 2026-03-01, 2026-03-02\n    y :t1, 2026-03-01, 2d' \
           $'gantt\n    dateFormat YYYY-MM-DD\n    section a # b\n    x :t1, 2026-03-01, 2026-03-02' \
           $'title x\n    dateFormat YYYY-MM-DD'; do
  if printf '%s\n' "$bad" | python3 "$CHECKER" >/dev/null; then
    fail "the mermaid checker accepted: $bad"; else pass; fi
done

# ---------------------------------------------------------------------------------------------------
# --at, and mermaid start dates, on a repository with known history.
commit_at() {  # commit_at DATE MESSAGE
  git add -A && GIT_AUTHOR_DATE="$1T12:00:00Z" GIT_COMMITTER_DATE="$1T12:00:00Z" git commit -qm "$2" || exit 1
}

t_begin "roadmap --at: the roadmap as it was at a date or a revision"
git init -q .
make_ws
sed -i 's/status: in-progress/status: planned/' roadmap/payments.yaml
commit_at 2026-09-01 "Set up"
git tag v1
sed -i 's/status: planned/status: in-progress/' roadmap/payments.yaml
cat >> roadmap/payments.yaml <<'YAML'
  - id: PAY-2
    title: Card updater
    status: planned
    horizon: next
    target: 2027-02-01
YAML
commit_at 2026-10-01 "Refunds start; card updater planned"
sed -i 's/horizon: next/horizon: now/' roadmap/payments.yaml
commit_at 2026-11-01 "Card updater is now"
echo "# uncommitted" >> roadmap/payments.yaml
sed -i 's/title: Card updater/title: Card updater v2/' roadmap/payments.yaml
run roadmap --at 2026-09-15 --format csv; expect_rc 0
expect_out "PAY-1,One-click refunds,planned,now"; expect_no_out "PAY-2"
run roadmap --at v1 --format csv; expect_rc 0; expect_out "PAY-1,One-click refunds,planned,now"; expect_no_out "PAY-2"
run roadmap --at 2026-10-15 --format csv; expect_rc 0
expect_out "PAY-1,One-click refunds,in-progress,now"; expect_out "PAY-2,Card updater,planned,next"
run roadmap --at HEAD --format csv; expect_rc 0; expect_out "PAY-2,Card updater,planned,now"
run roadmap --format csv; expect_out "PAY-2,Card updater v2,planned,now"   # the working tree
run roadmap --at 2026-10-15 --format json; expect_rc 0
printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["version"] == 1
assert d["at"]["rev"] == "2026-10-15" and d["at"]["date"] == "2026-10-01" and len(d["at"]["commit"]) == 40, d["at"]
cols = {c["horizon"]: [i["id"] for i in c["items"]] for c in d["columns"]}
assert cols["now"] == ["PAY-1"] and cols["next"] == ["PAY-2"], cols
' && pass || fail "json --at"
OUT=$(COLUMNS=80 "$POPS" roadmap --at v1 --format board); expect_out "as of "; expect_out "2026-09-01 Set up"
run roadmap --at 2026-01-01; expect_rc 2; expect_err "no commit on or before 2026-01-01"
run roadmap --at nosuchrev; expect_rc 2; expect_err "unknown revision 'nosuchrev'"
# Mermaid: a task starts when its item was first in progress, else today (2026-11-22).
run roadmap --format mermaid; expect_rc 0
expect_out "    PAY-1 One-click refunds :active, t_pay_1, 2026-10-01, 2026-12-15"
expect_out "    PAY-2 Card updater v2 :t_pay_2, 2026-11-22, 2027-02-01"
[ -z "$ERR" ] && pass || fail "mermaid in git warned: $ERR"
# Outside git: no start or ship day, said on stderr; the exit status and the chart otherwise unchanged.
mv .git .git-away
run roadmap --format mermaid; expect_rc 0
expect_err "pops: warning: the workspace is not in a git repository; the bars are drawn from targets only (no start or ship days)"
expect_out "    PAY-1 One-click refunds :active, t_pay_1, 2026-11-22, 2026-12-15"
mv .git-away .git
# As it was on 2026-10-15: "today" is that day; at a revision, the commit's date.
run roadmap --format mermaid --at 2026-10-15; expect_rc 0
expect_out "    PAY-1 One-click refunds :active, t_pay_1, 2026-10-01, 2026-12-15"
expect_out "    PAY-2 Card updater :t_pay_2, 2026-10-15, 2027-02-01"
run roadmap --format mermaid --at HEAD~1; expect_rc 0
expect_out "    PAY-2 Card updater :t_pay_2, 2026-10-01, 2027-02-01"
