# pops template list|show, and a workspace template overriding a built-in one.
. "$(dirname "$0")/lib.sh"

t_begin "built-in templates"
make_ws
run template list
expect_rc 0
for t in prd one-pager decision-record sprint-review strategy-sync retro release-note onboarding release-notes; do
  expect_out_line "^$t +built-in +[A-Z]"
done
[ "$(printf '%s\n' "$OUT" | wc -l)" = 9 ] && pass || fail "nine templates: $OUT"
run template show prd
expect_rc 0
expect_out "## Success metrics"
expect_out "title: {{title_yaml}}"
expect_err "# prd: built-in"
run template show prdd
expect_rc 2
expect_err "pops: error: no template 'prdd' (did you mean 'prd'?)"
run template show ../pops
expect_rc 2
expect_err "no template '../pops'"

t_begin "a workspace template overrides the built-in one"
make_ws
mkdir templates
cat > templates/prd.md <<'EOF2'
{{! Acme PRD: shorter, with a risk section }}
---
title: {{title_yaml}}
type: {{type}}
owner: {{owner}}
status: {{status}}
items: {{items_yaml}}
created: {{date}}
---
# {{title}} ({{product}})

## Problem
## Risks
{{#items}}
- {{id}}: {{title}}
{{/items}}
EOF2
printf '# Kickoff {{date}}\n' > templates/kickoff.md
run template list
expect_out_line '^prd +workspace \(overrides built-in\) +Acme PRD: shorter, with a risk section$'
expect_out_line '^kickoff +workspace'
expect_out_line '^retro +built-in'
run template list --format json
if printf '%s' "$OUT" | python3 -c "import json,sys; out={t['name']: t for t in json.load(sys.stdin)}
assert out['prd']['source'] == 'workspace' and out['prd']['builtin'] and out['prd']['path'] == 'templates/prd.md'
assert out['kickoff']['builtin'] is False and out['onboarding']['source'] == 'built-in'"; then pass; else fail "json"; fi
run template show prd
expect_out "# {{title}} ({{product}})"
expect_err "# prd: templates/prd.md"
run doc new prd "Refunds" --owner alice --item PAY-1
expect_rc 0
grep -qxF "# Refunds (Test Co)" docs/prd/refunds.md && pass || fail "the workspace template was not used: $(cat docs/prd/refunds.md)"
grep -qxF -- "- PAY-1: One-click refunds" docs/prd/refunds.md && pass || fail "items not rendered"
# The type's required sections the template lacks are added (Goals).
grep -qxF "## Goals" docs/prd/refunds.md && pass || fail "missing required section added"
grep -q "Non-goals" docs/prd/refunds.md && fail "built-in sections leaked in" || pass
run check
expect_rc 0
# The built-in one is still the built-in one.
rm templates/prd.md
run template show prd
expect_out "## Non-goals"

t_begin "a broken workspace template is an error naming it"
make_ws
mkdir templates
printf -- '---\ntitle: {{title_yaml}}\n{{#items}}\n' > templates/prd.md
run doc new prd "Refunds" --owner alice
expect_rc 2
expect_err "pops: error: template 'prd' (templates/prd.md) is not valid Mustache"
[ ! -e docs/prd/refunds.md ] && pass || fail "a file was written"

t_begin "a ritual note from a workspace template"
make_ws
mkdir templates
printf -- '---\nritual: {{ritual}}\ndate: {{date}}\n---\n# Our review {{date}}\n{{#wip}}\n- {{name}}: {{in_progress}}\n{{/wip}}\n' > templates/sprint-review.md
run ritual new sprint-review --date 2026-11-26
expect_rc 0
[ "$(cat rituals/sprint-review/2026-11-26.md)" = '---
ritual: sprint-review
date: 2026-11-26
---
# Our review 2026-11-26
- Payments: 1
- Platform: 0' ] && pass || fail "note: $(cat rituals/sprint-review/2026-11-26.md)"
run check
expect_rc 0

t_begin "a template linking outside the workspace is not read"
mkdir ws && cd ws || exit 1
make_ws
mkdir templates
printf 'secret\n' > ../outside.md
ln -s ../../outside.md templates/prd.md
run template show prd
expect_rc 2
expect_err "pops: error: cannot read 'templates/prd.md': it links outside the workspace"
expect_no_out "secret"
rm templates/prd.md
mkdir templates/prd.md
run template show prd
expect_rc 2
expect_err "cannot read 'templates/prd.md': not a file"

t_begin "a template whose result would not pass pops check is refused"
make_ws
mkdir templates
printf -- '---\nritual: standup\ndate: {{date}}\n---\n# {{title}}\n' > templates/sprint-review.md
run ritual new sprint-review --dry-run
expect_rc 1
expect_err "rituals/sprint-review/2026-11-22.md"
expect_err "pops: error: refusing to change the workspace: 'pops check' would report"
[ ! -e rituals/sprint-review/2026-11-22.md ] && pass || fail "a note was written"
run ritual new sprint-review --force
expect_rc 0
expect_err "(--force)"
