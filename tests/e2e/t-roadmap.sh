# pops roadmap: items by horizon, filters and formats.
. "$(dirname "$0")/lib.sh"

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
