# Edits that must not lose or invent data: ids hidden in files pops could not read, values that
# round-trip byte for byte, messages that say what a retry cannot fix.
. "$(dirname "$0")/lib.sh"

# expect_same PATH COPY: the file did not change.
expect_same() {
  if cmp -s "$1" "$2"; then pass; else fail "$1 changed"; fi
}

t_begin "item add refuses to hand out an id while a roadmap file is too large to read"
make_ws
{ printf 'squad: payments\nitems:\n  - {id: PAY-40, title: Hidden, status: idea}\n'; head -c 8388608 /dev/zero | tr '\0' '#'; echo; } > roadmap/big.yaml
cp roadmap/payments.yaml "$T_DIR/before"
run item add --squad payments "New"
expect_rc 2
expect_err "pops: error: cannot choose a new PAY id: 'roadmap/big.yaml' was not read (file is $(stat -c %s roadmap/big.yaml) bytes, over the limit of 8388608 bytes (8 MiB); split it into smaller files) and may hold ids in use"
expect_same roadmap/payments.yaml "$T_DIR/before"
run feedback add --source sales --customer X --summary y
expect_rc 2; expect_err "cannot choose a new FB id: 'roadmap/big.yaml' was not read"
rm roadmap/big.yaml
run item add --squad payments "New"; expect_rc 0; expect_out "PAY-2"

t_begin "item add refuses while a feedback path is a FIFO"
make_ws
mkfifo feedback/2026-11.yaml
run item add --squad payments "New"
expect_rc 2; expect_err "'feedback/2026-11.yaml' was not read (not a regular file"

t_begin "values keep leading and trailing spaces exactly"
make_ws
run item set PAY-1 'title=trail '; expect_rc 0
run show PAY-1 --format json
printf '%s' "$OUT" | python3 -c 'import json,sys; t=json.load(sys.stdin)["title"]; sys.exit(0 if t=="trail " else print(repr(t)) or 1)' && pass || fail "title not kept"
grep -q "title: \"trail \"" roadmap/payments.yaml && pass || fail "$(grep title roadmap/payments.yaml)"
run item set PAY-1 'title= lead'; expect_rc 0
run show PAY-1 --format json
printf '%s' "$OUT" | python3 -c 'import json,sys; t=json.load(sys.stdin)["title"]; sys.exit(0 if t==" lead" else print(repr(t)) or 1)' && pass || fail "leading space lost"

t_begin "a value with a stray CR round-trips"
make_ws
run item set PAY-1 "$(printf 'title=a\rb')"; expect_rc 0
run show PAY-1 --format json
printf '%s' "$OUT" | python3 -c 'import json,sys; t=json.load(sys.stdin)["title"]; sys.exit(0 if t=="a\rb" else print(repr(t)) or 1)' && pass || fail "CR not kept"
run item set PAY-1 "$(printf 'title=c\r\r')"; expect_rc 0
run show PAY-1 --format json
printf '%s' "$OUT" | python3 -c 'import json,sys; t=json.load(sys.stdin)["title"]; sys.exit(0 if t=="c\r\r" else print(repr(t)) or 1)' && pass || fail "CRs not kept"
run check; expect_rc 0

t_begin "during a merge conflict, an edit points at the conflicted file"
make_ws
git init -q -b main . && git add -A && git commit -qm init
git checkout -q -b other
sed -i 's/One-click refunds/Refunds in one click/' roadmap/payments.yaml && git commit -qam other
git checkout -q main
sed -i 's/One-click refunds/Instant refunds/' roadmap/payments.yaml && git commit -qam main
git merge -q other >/dev/null 2>&1
grep -q '^<<<<<<< ' roadmap/payments.yaml && pass || fail "no conflict was made"
run item set PAY-1 status=planned
expect_rc 2
expect_err "unknown item 'PAY-1': 'roadmap/payments.yaml' has unresolved merge conflicts (line 4); resolve them first"

t_begin "something in the way of a new file is named, not retried"
make_ws
mkdir -p feedback
mkfifo feedback/2026-11.yaml
run feedback add --source sales --customer X --summary y --date 2026-11-20
expect_rc 2
case "$ERR" in *"run the command again"*) fail "says to run again: $ERR" ;; *) pass ;; esac

t_begin "allowed ranges and large figures print readably"
make_ws
run insights --min-customers -1
expect_rc 2; expect_err "not in range 1 to 1000000"
case "$ERR" in *17976931348623157*) fail "prints the largest double in full" ;; *) pass ;; esac
mkdir -p metrics
cat > metrics/adoption.yaml <<'YAML'
series:
  - source: amplitude
    key: Refund Completed
    metric: uniques
    points:
      2026-11-01: 1.5e300
YAML
run adoption list
expect_rc 0; expect_out "1.5e+300"
case "$OUT" in *000000000000000000000*) fail "prints 1.5e300 in full" ;; *) pass ;; esac

t_begin "report and insights agree on a customer's ARR (names compared without case)"
make_ws
cat > feedback/2026-11.yaml <<'YAML'
entries:
  - id: FB-1
    date: 2026-11-03
    source: sales
    customer: Zeta Corp
    arr: 100000
    summary: Wants refunds
    items: [PAY-1]
  - id: FB-2
    date: 2026-11-05
    source: sales
    customer: zeta corp
    arr: 200000
    summary: Still wants refunds
    items: [PAY-1]
YAML
git init -q -b main . && git add -A && git commit -qm init
run insights --since 2026-11-01 --until 2026-11-30 --format json
ins=$(printf '%s' "$OUT" | python3 -c 'import json,sys; g=[g for g in json.load(sys.stdin)["groups"] if g["key"]=="PAY-1"][0]; print(g["customers"], int(g["arr"]))')
[ "$ins" = "1 200000" ] && pass || fail "insights: $ins"
run report --format markdown
expect_rc 0
printf '%s\n' "$OUT" | grep -E '^\| PAY-1 ' | grep -Eq '\| 1 \| (\$|USD )?200(,000|k|K)' && pass || fail "report: $(printf '%s\n' "$OUT" | grep -E '^\| PAY-1 ')"

t_begin "an unknown filter value is an error in every command, never an empty answer"
make_ws
git init -q -b main . && git add -A && git commit -qm init
for args in "log --squad nosuch" "metrics --squad nosuch" "report --squad nosuch --format markdown" \
            "rank --squad nosuch" "rank --horizon nosuch" "roadmap --squad nosuch" "feedback list --tag nosuch" \
            "feedback list --item PAY-99"; do
  # shellcheck disable=SC2086
  run $args
  [ "$RC" = 2 ] && pass || fail "$args: exit $RC"
  case "$ERR" in *"pops: error: unknown "*) pass ;; *) fail "$args: $ERR" ;; esac
done
run log --squad paymnts; expect_rc 2; expect_err "unknown squad 'paymnts' (did you mean 'payments'?)"
run log --squad ""; expect_rc 2; expect_err "unknown squad ''; known: payments, platform"
run metrics --squad ""; expect_rc 2; expect_err "unknown squad ''"
run log --squad payments; expect_rc 0

t_begin "folders nested too deep are reported, not skipped in silence"
make_ws
deep=roadmap; for i in $(seq 1 34); do deep="$deep/d$i"; done
mkdir -p "$deep" && printf 'squad: platform\nitems:\n  - {id: PLAT-9, title: Deep, status: idea}\n' > "$deep/x.yaml"
run check
expect_rc 1; expect_err "" ; expect_out "folders nest more than 32 levels deep here; nothing below is read"
