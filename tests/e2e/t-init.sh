# pops init: a minimal workspace, the sample organization and its history, refusals.
. "$(dirname "$0")/lib.sh"

t_begin "init writes a valid workspace with a git repository"
run init ws --product "Acme Cloud" --squad payments:PAY --squad platform:PLAT
expect_rc 0; expect_err "initialized a pops workspace in 'ws'"; expect_err "created a git repository"
[ -d ws/.git ] && pass || fail "no .git"
[ "$(git -C ws symbolic-ref HEAD)" = "refs/heads/main" ] && pass || fail "branch is not main"
grep -q '^product: Acme Cloud$' ws/pops.yaml && pass || fail "product not written"
grep -q '^    prefix: PLAT$' ws/pops.yaml && pass || fail "squad not written"
grep -q '^# ' ws/pops.yaml && pass || fail "pops.yaml has no comments"
# The comments point to help the binary has, not to files the user does not have.
grep -q '`pops help rules`' ws/pops.yaml && pass || fail "pops.yaml does not point to pops help rules"
grep -q 'docs/rules.md\|pops help check' ws/pops.yaml && fail "pops.yaml points to help it does not have" || pass
for topic in $(grep -o '`pops help [a-z]*`' ws/pops.yaml | tr -d '`' | cut -d' ' -f3 | sort -u); do
  "$POPS" help "$topic" > /dev/null && pass || fail "pops.yaml names 'pops help $topic', which fails"
done
[ -f ws/roadmap/payments.yaml ] && [ -f ws/README.md ] && pass || fail "files missing"
run -C ws check; expect_rc 0; expect_err "no problems in 3 files"

t_begin "init defaults: the current folder, its name as product, one squad"
mkdir widgets && cd widgets
run init; expect_rc 0
grep -q '^product: widgets$' pops.yaml && pass || fail "product should default to the folder name"
run check; expect_rc 0

t_begin "init refuses an existing workspace and leaves it alone"
run init ws; expect_rc 0
echo "# mine" >> ws/pops.yaml
before=$(md5sum ws/pops.yaml)
run init ws; expect_rc 2; expect_err "already holds a pops workspace"
[ "$before" = "$(md5sum ws/pops.yaml)" ] && pass || fail "pops.yaml was changed"

t_begin "init inside an existing git repository does not create another"
git init -q repo
run init repo/product; expect_rc 0; expect_no_out "created a git repository"
[ ! -d repo/product/.git ] && pass || fail "nested repository created"

t_begin "bad squad specs are usage errors"
run init ws --squad payments; expect_rc 2; expect_err "ID:PREFIX"
run init ws --squad payments:pay; expect_rc 2; expect_err "prefix 'pay'"
run init ws --squad Payments:PAY; expect_rc 2; expect_err "squad id 'Payments'"
[ ! -e ws/pops.yaml ] && pass || fail "workspace written despite the error"

t_begin "init --squad and --person take the fields of squad add and person add"
run init ws --product "Big Co" --squad "payments:PAY,name=Payments & Billing,lead=alice,wip_limit=3" \
  --squad growth:GRW --person "alice,name=Alice Park,email=alice@x.example,role=pm,squad=payments" --person bo,squad=growth
expect_rc 0
cd ws || exit 1
grep -qF '    name: Payments & Billing' pops.yaml && pass || fail "squad name: $(grep -n name: pops.yaml)"
grep -qF '    lead: alice' pops.yaml && pass || fail "no lead"
grep -qF '    wip_limit: 3' pops.yaml && pass || fail "no wip_limit"
grep -qF '  alice: {name: Alice Park, email: alice@x.example, role: pm, squad: payments}' pops.yaml && pass || fail "alice: $(grep -n alice pops.yaml)"
grep -qF '  bo: {squad: growth}' pops.yaml && pass || fail "bo"
grep -qF '#  alice: {name: Alice Park, email: alice@example.com' pops.yaml && pass || fail "the template's comment is gone"
run check; expect_rc 0
run squad list --format json
py_ok=$(printf '%s' "$OUT" | python3 -c 'import json, sys
d = json.load(sys.stdin); s = {x["id"]: x for x in (d["squads"] if isinstance(d, dict) else d)}
print(s["payments"].get("lead") == "alice" and str(s["payments"].get("wip_limit")) == "3" and s["growth"].get("name") == "Growth")')
[ "$py_ok" = True ] && pass || fail "squad list: $OUT"
cd .. || exit 1
# Mistakes are usage errors with a suggestion; nothing is written.
run init ws2 --squad payments:PAY,lead=alic --person alice; expect_rc 2
expect_err "the lead 'alic' of squad 'payments' is not one of the people (did you mean 'alice'?)"
run init ws2 --squad payments:PAY,wip_limit=0; expect_rc 2; expect_err "wip_limit '0' of squad 'payments' is not a whole number above 0"
run init ws2 --squad payments:PAY,colour=red; expect_rc 2; expect_err "squad field 'colour' is not one of name, lead, wip_limit"
run init ws2 --squad payments:PAY --person bo,squad=paymnts; expect_rc 2; expect_err "did you mean 'payments'?"
run init ws2 --squad payments:PAY --squad billing:PAY; expect_rc 2; expect_err "prefix 'PAY' is given to two squads"
[ ! -e ws2 ] && pass || fail "ws2 written despite the errors"
# As docs/commands.md shows it.
want=$(awk '/^\$ pops init acme --squad payments:PAY,lead=alice/ {on=1; next} on && /^```$/ {exit} on {print}' \
  "$(dirname "$0")/../../docs/commands.md")
run init acme --squad payments:PAY,lead=alice,wip_limit=3 --person "alice,name=Alice Park,squad=payments" --squad growth:GRW,lead=bo
expect_rc 2
[ -n "$want" ] && [ "$want" = "$OUT$ERR" ] && pass || fail "docs/commands.md shows other output: [$want]"

t_begin "the sample passes check, with a quarter of history"
run init --sample acme; expect_rc 0; expect_err "14 commits"
# Its findings: the point of its capacities (payments plans more than it can do this quarter, a
# warning), the stale health update of PAY-4 and GRW-6 after its initiative's target (infos: pops.yaml
# makes update-stale and initiative-slip infos).
run -C acme check; expect_rc 0; expect_err "0 errors, 1 warning, 2 infos in"
expect_out "[over-capacity]"; expect_out "[update-stale]"; expect_out "[initiative-slip]"
run -C acme check --strict; expect_rc 1
n=$(git -C acme rev-list --count HEAD); [ "$n" -ge 12 ] && pass || fail "only $n commits"
first=$(git -C acme log --reverse --format=%ad --date=short | head -1)
last=$(git -C acme log -1 --format=%ad --date=short)
[[ "$first" < "2026-09-01" && "$last" < "2026-11-22" && "$last" > "2026-11-01" ]] && pass || fail "history spans $first..$last"
[ -z "$(git -C acme status --porcelain)" ] && pass || fail "sample work tree is not clean"
authors=$(git -C acme log --format=%an | sort -u | wc -l); [ "$authors" -ge 3 ] && pass || fail "only $authors authors"
items=$(grep -c '^  - id: ' acme/roadmap/*.yaml | awk -F: '{s+=$2} END {print s}')
[ "$items" -ge 28 ] && [ "$items" -le 32 ] && pass || fail "$items items"

t_begin "the sample is the same for the same day and moves with today"
run init --sample a1; run init --sample a2
diff -r -x .git a1 a2 >/dev/null && pass || fail "two samples of the same day differ"
POPS_TODAY=2027-06-01 run init --sample later; expect_rc 0
# Its one warning on any day: payments plans more than its capacity of the quarter (the sample's point);
# and its two infos, a stale update and an item after its initiative's target.
POPS_TODAY=2027-06-01 run -C later check --strict; expect_rc 1
expect_out "pops.yaml:15:25: warning: squad 'payments' plans 14 person-months in 2027-Q2, over its capacity of 12 by 2; without an estimate: PAY-9 [over-capacity]"
[ "$(printf '%s\n' "$OUT" | grep -c ': warning: \|: error: ')" = 1 ] && pass || fail "the later sample has other findings: $OUT"
[ "$(printf '%s\n' "$OUT" | grep -c ': info: .*\[update-stale\]$\|: info: .*\[initiative-slip\]$')" = 2 ] && pass || fail "the later sample lacks its infos: $OUT"

t_begin "the sample refuses a non-empty folder"
mkdir full && echo x > full/file
run init --sample full; expect_rc 2; expect_err "not empty"
