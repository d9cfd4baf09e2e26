# pops digest: what changed for stakeholders, from a repository built here with known history.
. "$(dirname "$0")/lib.sh"

# commit DATE MESSAGE: commits everything with the committer date DATE (noon UTC).
commit() {
  git add -A && GIT_AUTHOR_DATE="$1T12:00:00Z" GIT_COMMITTER_DATE="$1T12:00:00Z" git commit -qm "$2" || exit 1
}

# py CODE: runs python3 on stdout (as `out`, parsed JSON); the code asserts.
py() {
  if printf '%s' "$OUT" | python3 -c "import json,sys; out=json.load(sys.stdin)
$1" 2>"$T_ROOT/py.err"; then pass; else fail "python check failed: $(tail -3 "$T_ROOT/py.err")"; fi
}

# expect_section TITLE TEXT: the markdown section "## TITLE..." (up to the next ##) contains TEXT.
expect_section() {
  local body
  body=$(printf '%s\n' "$OUT" | awk -v t="## $1" 'index($0, t) == 1 {on = 1; next} /^## / {on = 0} on')
  case "$body" in *"$2"*) pass ;; *) fail "section '$1' lacks: $2" ;; esac
}
expect_no_section() {
  if printf '%s\n' "$OUT" | grep -q "^## $1"; then fail "unexpected section: $1"; else pass; fi
}

# Today is 2026-11-22 (lib.sh): the default period starts 2026-11-08.
#   10-01  set up: PAY-1 in progress (now), PAY-2 planned (next), PAY-3, PAY-4 ideas, PLAT-1 in progress;
#          feedback FB-1 (Globex -> PAY-1), FB-2 (Initech -> PAY-2); a PRD for PAY-1
#   11-05  PLAT-1 ships                                   (before the default period)
#   11-10  PAY-1 ships; PAY-2 moves to now and its target slips 2026-12-01 -> 2026-12-15
#   11-15  PAY-3 dropped (with a reason); PAY-4 deleted; PLAT-2 added to now
#   11-20  PAY-5 added to later; PLAT-2 retitled            (nothing for stakeholders)
build_history() {
  git init -q .
  cat > pops.yaml <<'YAML'
version: 1
product: Test Co
squads:
  payments: {name: Payments, prefix: PAY, lead: alice}
  platform: {name: Platform, prefix: PLAT, lead: bo}
people:
  alice: {name: Alice Park, email: alice@example.com, role: pm, squad: payments}
  bo: {name: Bo Lind, email: bo@example.com, role: em, squad: platform}
rituals:
  sprint-review:
    cadence: {every: 2 weeks, on: thursday, from: 2026-01-08}
  roadmap-review:
    cadence: {every: 1 month, from: 2026-01-05}
  retro:
    cadence: {every: 3 weeks}
YAML
  mkdir -p roadmap feedback docs
  cat > roadmap/payments.yaml <<'YAML'
squad: payments
items:
  - id: PAY-1
    title: One-click refunds
    status: in-progress
    horizon: now
    owner: alice
    target: 2026-11-20
    description: Support agents refund a payment from the admin console in one click.
  - id: PAY-2
    title: Card updater
    status: planned
    horizon: next
    target: 2026-12-01
  - id: PAY-3
    title: Crypto payouts
    status: idea
    horizon: later
  - id: PAY-4
    title: Legacy export
    status: idea
YAML
  cat > roadmap/platform.yaml <<'YAML'
squad: platform
items:
  - id: PLAT-1
    title: Ledger service
    status: in-progress
    horizon: now
    target: 2026-11-01
YAML
  cat > feedback/2026-10.yaml <<'YAML'
entries:
  - id: FB-1
    date: 2026-10-01
    source: support
    customer: Globex
    quote: Refunds take two days
    items: [PAY-1]
  - id: FB-2
    date: 2026-10-02
    source: sales
    customer: Initech
    summary: Cards expire and payments fail
    items: [PAY-2]
YAML
  cat > docs/refunds.md <<'MD'
---
title: Refunds from the console
type: prd
status: approved
items: [PAY-1]
---
# Refunds
MD
  commit 2026-10-01 "Set up the roadmap"
  git tag v1

  sed -i 's/status: in-progress/status: shipped/' roadmap/platform.yaml
  commit 2026-11-05 "Ledger service ships"
  git tag v2

  python3 - <<'PY'
p = "roadmap/payments.yaml"
s = open(p).read()
s = s.replace("    status: in-progress\n", "    status: shipped\n")
s = s.replace("    horizon: next\n    target: 2026-12-01\n", "    horizon: now\n    target: 2026-12-15\n")
open(p, "w").write(s)
PY
  commit 2026-11-10 "Refunds ship; card updater is next up and slips"
  git tag v3

  python3 - <<'PY'
p = "roadmap/payments.yaml"
s = open(p).read()
s = s.replace("    title: Crypto payouts\n    status: idea\n",
              "    title: Crypto payouts\n    status: dropped\n    dropped_reason: No customer asked for it in two quarters\n")
s = s.replace("  - id: PAY-4\n    title: Legacy export\n    status: idea\n", "")
open(p, "w").write(s)
PY
  cat >> roadmap/platform.yaml <<'YAML'
  - id: PLAT-2
    title: Audit log export
    status: planned
    horizon: now
    target: 2027-01-15
YAML
  commit 2026-11-15 "Drop crypto payouts, delete legacy export, audit log export"
  git tag v4

  cat >> roadmap/payments.yaml <<'YAML'
  - id: PAY-5
    title: Wallets
    status: idea
    horizon: later
YAML
  sed -i 's/Audit log export/Audit log export to SIEM/' roadmap/platform.yaml
  commit 2026-11-20 "Wallets idea; retitle audit log export"
}

mkdir -p "$T_ROOT/template" && (cd "$T_ROOT/template" && build_history)
use_history() { cp -a "$T_ROOT/template/." .; }

t_begin "digest: default period (14 days) lists each change, nothing else"
use_history
run digest; expect_rc 0
expect_out "# Test Co: product update"
expect_out_line "^Since 2026-11-08: the changes after [0-9a-f]{7} \\(2026-11-05\\) up to [0-9a-f]{7} \\(2026-11-20\\)\\.$"
expect_section "Shipped (1)" "**PAY-1 One-click refunds** (payments): shipped 2026-11-10, 10 days before its first target 2026-11-20 (2026-11-10 "
expect_section "Shipped" "  - Support agents refund a payment from the admin console in one click."
expect_section "Shipped" "  - Doc: [Refunds from the console](docs/refunds.md) (approved)"
expect_section "Shipped" "  - Asked for by: Globex (FB-1)"
expect_section "Newly committed to Now (2)" "**PAY-2 Card updater** (payments): target 2026-12-15, was next (2026-11-10 "
expect_section "Newly committed to Now" "**PLAT-2 Audit log export to SIEM** (platform): target 2027-01-15, new (2026-11-15 "
expect_section "Slipped (1)" "**PAY-2 Card updater** (payments): target 2026-12-01 -> 2026-12-15 (+14 days) (2026-11-10 "
expect_section "Dropped (2)" "**PAY-3 Crypto payouts** (payments): was idea: No customer asked for it in two quarters (2026-11-15 "
expect_section "Dropped" "**PAY-4 Legacy export** (payments): removed from the roadmap (was idea; no reason recorded) (2026-11-15 "
expect_section "Upcoming rituals" "- sprint-review: Thu 2026-11-26 (every 2 weeks on thursday)"
expect_section "Upcoming rituals" "- roadmap-review: Sat 2026-12-05 (every 1 month)"
expect_section "Upcoming rituals" "- retro: Sun 2026-11-22 (every 3 weeks)"
expect_no_out "PLAT-1"   # shipped before the period
expect_no_out "PAY-5"    # an idea in later is no news for stakeholders

t_begin "digest: json has exactly the expected entries, each tracing to a commit of the period"
use_history
run digest --format json; expect_rc 0
COMMITS=$(git log --format='%h %cs' v2..HEAD | tr '\n' ',')
py '
commits = set("'"$COMMITS"'".strip(",").split(","))
assert out["version"] == 1 and out["audience"] == "all" and out["since"] == "2026-11-08", out
assert out["from"]["date"] == "2026-11-05" and out["to"]["date"] == "2026-11-20", out
ids = lambda k: [e["id"] for e in out[k]]
assert ids("shipped") == ["PAY-1"], ids("shipped")
assert ids("committed") == ["PAY-2", "PLAT-2"], ids("committed")
assert ids("slipped") == ["PAY-2"], ids("slipped")
assert ids("dropped") == ["PAY-3", "PAY-4"], ids("dropped")
for k in ("shipped", "committed", "slipped", "dropped"):
    for e in out[k]:
        assert e["commit"] + " " + e["date"] in commits, (e, commits)
s = out["slipped"][0]
assert (s["old_target"], s["target"], s["days"]) == ("2026-12-01", "2026-12-15", 14), s
d = {e["id"]: e for e in out["dropped"]}
assert d["PAY-3"]["reason"] == "No customer asked for it in two quarters" and not d["PAY-3"]["removed"]
assert d["PAY-4"]["removed"] and d["PAY-4"]["reason"] is None
assert out["shipped"][0]["customers"] == ["Globex"] and out["shipped"][0]["feedback"] == ["FB-1"]
assert out["shipped"][0]["docs"] == [{"file": "docs/refunds.md", "title": "Refunds from the console", "status": "approved"}]
r = {x["name"]: x["next"] for x in out["rituals"]}
assert r == {"sprint-review": "2026-11-26", "roadmap-review": "2026-12-05", "retro": "2026-11-22"}, r
f = {x["squad"]: x for x in out["figures"]}
assert (f["payments"]["shipped"], f["payments"]["committed"], f["payments"]["slipped"], f["payments"]["slip_days"], f["payments"]["dropped"]) == (1, 1, 1, 14, 2), f
assert (f["platform"]["shipped"], f["platform"]["committed"], f["platform"]["dropped"]) == (0, 1, 0), f
assert (f["total"]["shipped"], f["total"]["committed"], f["total"]["dropped"], f["total"]["open_now"]) == (1, 2, 2, 2), f
'

t_begin "digest: --since a date or a revision moves the start"
use_history
run digest --since 2026-11-01 --format json; expect_rc 0
py '
assert [e["id"] for e in out["shipped"]] == ["PLAT-1", "PAY-1"] or [e["id"] for e in out["shipped"]] == ["PAY-1", "PLAT-1"], out["shipped"]
assert out["from"]["date"] == "2026-10-01"
'
run digest --since v3 --format json; expect_rc 0
py '
assert out["shipped"] == [] and out["slipped"] == [], out
assert [e["id"] for e in out["dropped"]] == ["PAY-3", "PAY-4"]
assert out["since"] == "v3"
'
# Commits on the --since day belong to the period.
run digest --since 2026-11-15 --format json; expect_rc 0
py 'assert [e["id"] for e in out["dropped"]] == ["PAY-3", "PAY-4"] and out["shipped"] == []'
# Before the first commit: everything in the history is new.
run digest --since 2026-01-01 --format json; expect_rc 0
py '
assert out["from"] is None
assert sorted(e["id"] for e in out["shipped"]) == ["PAY-1", "PLAT-1"], out["shipped"]
'
# After the last commit: nothing changed.
run digest --since 2026-11-21 --format text; expect_rc 0
expect_out "Shipped (0)"; expect_out "Dropped (0)"; expect_no_out "PAY-"

t_begin "digest: the audience picks sections and details"
use_history
run digest --audience exec; expect_rc 0
expect_out "product update for exec"
expect_section "Figures" "| payments | 1 | 1 | 1 | 14 | 2 | 0 | 1 |"
expect_section "Figures" "| platform | 0 | 1 | 0 | 0 | 0 | 0 | 1 |"
expect_section "Figures" "| **Total** | 1 | 2 | 1 | 14 | 2 | 0 | 2 |"
expect_no_out "Support agents refund"; expect_no_out "Globex"; expect_out "Upcoming rituals"
run digest --audience support; expect_rc 0
expect_section "Shipped (1)" "  - Asked for by: Globex (FB-1)"
expect_section "Newly committed to Now (1)" "PAY-2 Card updater"
expect_section "Newly committed to Now" "  - Asked for by: Initech (FB-2)"
expect_no_out "PLAT-2"       # no customer asked: not customer-facing
expect_no_out "PAY-3"; expect_no_out "Figures"; expect_no_out "Upcoming rituals"
run digest --audience marketing; expect_rc 0
expect_section "Shipped (1)" "Support agents refund"
expect_no_section "Dropped"; expect_no_out "Globex"; expect_no_out "Figures"
run digest --audience sales; expect_rc 0
expect_section "Dropped (2)" "No customer asked for it"
expect_section "Slipped (1)" "  - Asked for by: Initech (FB-2)"
expect_no_out "Figures"; expect_no_out "Upcoming rituals"
run digest --audience sales --format json; expect_rc 0
py 'assert "figures" not in out and "rituals" not in out and out["shipped"][0]["customers"] == ["Globex"]'

t_begin "digest: text format"
use_history
run digest --format text --audience exec; expect_rc 0
expect_out "Test Co: product update for exec"
expect_out_line '^  payments +1 +1 +1 +14 +2 +0 +1$'
expect_out "  PAY-2  Card updater (payments): target 2026-12-01 -> 2026-12-15 (+14 days)"

t_begin "digest: bad input"
use_history
run digest --audience execs; expect_rc 2; expect_err "unknown audience 'execs' (did you mean 'exec'?)"
run digest --since nope; expect_rc 2; expect_err "unknown revision 'nope'"
run digest --format html; expect_rc 2
git init -q empty && (cd empty && "$POPS" init . >/dev/null 2>&1)
run -C empty digest; expect_rc 2; expect_err "no commits yet"
mkdir "$T_ROOT/nogit" && cp pops.yaml "$T_ROOT/nogit/"
run -C "$T_ROOT/nogit" digest; expect_rc 2; expect_err "pops: error:"
