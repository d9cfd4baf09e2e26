# pops onboard: the person added to pops.yaml as a minimal edit, and their onboarding document.
. "$(dirname "$0")/lib.sh"

has() {
  if grep -qxF -- "$1" "$DOC"; then pass; else fail "$DOC lacks the line: $1"; fi
}
lacks() {
  if grep -qF -- "$1" "$DOC"; then fail "$DOC should not mention: $1"; else pass; fi
}

org() {
  cat > pops.yaml <<'YAML'
# Test Co workspace.
version: 1
product: Test Co
squads:
  payments: {name: Payments, prefix: PAY, lead: alice, wip_limit: 3}   # the money squad
  platform: {name: Platform, prefix: PLAT, lead: bo}
people:
  # Leads first.
  alice: {name: Alice Park, email: alice@example.com, role: pm, squad: payments}
  bo: {name: Bo Lind, role: em, squad: platform}   # on leave in December
  chen: {name: Chen Wu, role: design, squad: payments}
horizons: [now, next, later]
rituals:
  sprint-review:
    cadence: {every: 2 weeks, on: thursday, from: 2026-01-08}
    squads: [payments, platform]
  platform-sync:
    cadence: {every: 1 week, on: monday}
    squads: [platform]
  strategy-sync:
    cadence: {every: 1 month, from: 2026-01-05}
docs:
  types:
    prd:
      dir: docs/prd
      required: [title, owner, status]
rules:
  target-passed: error
  doc-stale: {severity: warning, pilot: [payments]}
  wip-limit: {severity: error, pilot: [platform]}
  action-overdue: off
YAML
  mkdir -p roadmap docs/prd
  cat > roadmap/payments.yaml <<'YAML'
squad: payments
items:
  - {id: PAY-1, title: One-click refunds, status: in-progress, horizon: now, owner: alice, target: 2026-12-15}
  - {id: PAY-2, title: SEPA debit, status: planned, horizon: next, owner: chen, target: 2027-02-01}
  - {id: PAY-3, title: Card updater, status: shipped, horizon: now, owner: alice}
  - {id: PAY-4, title: Crypto payouts, status: dropped, horizon: next, dropped_reason: Nobody asked}
  - {id: PAY-5, title: Multi-currency, status: idea, horizon: later}
YAML
  cat > roadmap/platform.yaml <<'YAML'
squad: platform
items:
  - {id: PLAT-1, title: Ledger service, status: in-progress, horizon: now, owner: bo}
YAML
  printf -- '---\ntitle: Refunds PRD\ntype: prd\nowner: alice\nstatus: review\nitems: [PAY-1]\n---\n' > docs/prd/refunds.md
  printf -- '---\ntitle: Ledger PRD\ntype: prd\nowner: bo\nstatus: draft\nitems: [PLAT-1]\n---\n' > docs/prd/ledger.md
}

t_begin "onboard a new PM"
org
cp pops.yaml "$T_ROOT/pops.before"
run onboard dana --squad payments --name "Dana Ito" --email dana@example.com --role pm
expect_rc 0
[ "$OUT" = "docs/onboarding/dana.md" ] && pass || fail "stdout should be the path: $OUT"
expect_err "added dana to pops.yaml, added the document type 'onboarding', wrote docs/onboarding/dana.md"
# pops.yaml: exactly two added lines; every comment kept.
diff "$T_ROOT/pops.before" pops.yaml > "$T_ROOT/yaml.diff"
[ "$(grep -c '^>' "$T_ROOT/yaml.diff")" = 2 ] && [ "$(grep -c '^<' "$T_ROOT/yaml.diff")" = 0 ] && pass \
  || fail "pops.yaml diff: $(cat "$T_ROOT/yaml.diff")"
grep -qxF "  dana: {name: Dana Ito, email: dana@example.com, role: pm, squad: payments}" pops.yaml && pass || fail "person line"
grep -qxF "    onboarding: {dir: docs/onboarding, template: onboarding}" pops.yaml && pass || fail "doc type line"
grep -qF "# on leave in December" pops.yaml && pass || fail "comment lost"
DOC=docs/onboarding/dana.md
has "title: \"Onboarding: Dana Ito\""
has "type: onboarding"
has "owner: dana"
has "# Welcome to Payments, Dana Ito"
has "You join **Payments** (\`payments\`, item ids \`PAY-<n>\`)."
has "Your lead is **Alice Park** (\`alice\`), alice@example.com."
has "The squad works on at most 3 items at once (\`wip_limit\`); 1 are in progress now."
has "- Chen Wu (\`chen\`), design"
# Now and next items with owners and targets; not shipped, dropped, later or other squads' items.
has "- **PAY-1** One-click refunds: in-progress, owner alice, target 2026-12-15"
has "- **PAY-2** SEPA debit: planned, owner chen, target 2027-02-01"
lacks "PAY-3"
lacks "PAY-4"
lacks "PAY-5"
lacks "PLAT-1"
# Docs linked to those items.
has "- [Refunds PRD](../prd/refunds.md) (prd, review): PAY-1"
lacks "Ledger PRD"
# Rituals with next dates (POPS_TODAY=2026-11-22): not the platform's.
has "- **sprint-review**, every 2 weeks on thursday from 2026-01-08: next on 2026-11-26"
has "- **strategy-sync**, every 1 month from 2026-01-05: next on 2026-12-05"
lacks "platform-sync"
has "- [ ] Attend the sprint-review on 2026-11-26"
# Standards in force: severities and pilots as pops.yaml sets them.
has "| \`target-passed\` | error | every squad | an item whose target date has passed and is not shipped |"
has "| \`doc-stale\` | warning | pilot: payments (your squad) | a document not reviewed within its type's review_every |"
has "| \`wip-limit\` | error | pilot: platform (not your squad yet) | a squad with more items in progress than its wip_limit |"
has "| \`action-overdue\` | off | nobody | a ritual action item past its due date and not done |"
# Glossary of statuses and horizons, and the checklist.
has "- \`in-progress\`: being built now; counts against the squad's WIP limit"
has "- \`next\`: what comes after, being shaped now"
has "- [ ] Meet Alice Park to agree on your first item"
has "## First week"
run check
expect_rc 0
# Never overwritten; the person is not added twice.
cp pops.yaml "$T_ROOT/pops.after"
run onboard dana --squad payments
expect_rc 2
expect_err "'docs/onboarding/dana.md' exists already; pops never overwrites a document"
cmp -s pops.yaml "$T_ROOT/pops.after" && pass || fail "pops.yaml changed on a refused onboard"

t_begin "onboard: bad input"
org
run onboard dana --squad paymnts
expect_rc 2
expect_err "pops: error: unknown squad 'paymnts' (did you mean 'payments'?)"
run onboard Dana --squad payments
expect_rc 2
expect_err "'Dana' is not a person id"
run onboard bo --squad payments
expect_rc 2
expect_err "'bo' is in pops.yaml already, in squad 'platform'"
run onboard dana --squad payments --dry-run
expect_rc 0
expect_out "+  dana: {squad: payments}"
expect_out "+++ b/docs/onboarding/dana.md"
[ ! -e docs/onboarding/dana.md ] && pass || fail "--dry-run wrote"

t_begin "onboard adds the person exactly as pops person add does"
org
git init -q . && git add -A && git commit -qm org
run person add dana --name "Dana Ito" --email dana@example.com --role pm --squad payments; expect_rc 0
cp pops.yaml "$T_ROOT/by-person-add.yaml"
git checkout -q -- pops.yaml
run onboard dana --squad payments --name "Dana Ito" --email dana@example.com --role pm; expect_rc 0
# The onboard edit is the person-add edit plus the document type.
diff "$T_ROOT/by-person-add.yaml" pops.yaml | grep '^<' && fail "onboard wrote the person otherwise" || pass
diff <(git show HEAD:pops.yaml) "$T_ROOT/by-person-add.yaml" | grep '^>' > "$T_ROOT/person-lines"
[ -s "$T_ROOT/person-lines" ] && pass || fail "person add changed nothing"
while IFS= read -r l; do grep -qxF -- "${l#> }" pops.yaml || fail "onboard lacks: ${l#> }"; done < "$T_ROOT/person-lines"

t_begin "onboard into a workspace made by pops init"
run init --squad core:CORE --product "Tiny" .
expect_rc 0
run onboard ada --squad core --name "Ada Lovelace"
expect_rc 0
grep -qF "people: {ada: {name: Ada Lovelace, squad: core}}" pops.yaml && pass || fail "people: $(grep -n people pops.yaml)"
grep -q "^docs: {types: {onboarding: {dir: docs/onboarding, template: onboarding}}}" pops.yaml && pass || fail "docs: $(grep -n '^docs' pops.yaml)"
grep -qF "#   sprint-review:" pops.yaml && pass || fail "comments lost"
DOC=docs/onboarding/ada.md
has "# Welcome to Core, Ada Lovelace"
has "The squad has no lead in pops.yaml yet."
has "The squad has no recurring rituals in pops.yaml."
has "No documents are linked to the squad's current items yet."
run check
expect_rc 0

t_begin "onboard into a pops.yaml with no people and no docs"
printf 'version: 1\nproduct: X   # the product\nsquads:\n  core: {prefix: CORE}\n# end of file\n' > pops.yaml
run onboard ada --squad core --email ada@example.com
expect_rc 0
[ "$(cat pops.yaml)" = 'version: 1
product: X   # the product
squads:
  core: {prefix: CORE}
people: {ada: {email: ada@example.com, squad: core}}
docs: {types: {onboarding: {dir: docs/onboarding, template: onboarding}}}
# end of file' ] && pass || fail "pops.yaml: $(cat pops.yaml)"
DOC=docs/onboarding/ada.md
has "# Welcome to core, ada"
run check
expect_rc 0
