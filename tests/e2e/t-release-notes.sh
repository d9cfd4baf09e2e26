# pops release-notes: the items shipped in a window (the set pops metrics counts as shipped there),
# by squad or by initiative, with docs and the customers who asked; --until, a revision, --audience, JSON, the
# template and a workspace's own.
. "$(dirname "$0")/lib.sh"

history_ws() {
  make_ws
  git init -q .
  items payments \
    "- {id: PAY-1, title: One-click refunds, status: in-progress, description: Refund an order from its page}" \
    "- {id: PAY-2, title: Receipt emails, status: planned}"
  items platform "- {id: PLAT-1, title: Ledger service, status: shipped}" "- {id: PLAT-2, title: Audit log, status: in-progress}"
  commit 2026-10-01 "Plan"
  git tag start
  items payments \
    "- {id: PAY-1, title: One-click refunds, status: shipped, description: Refund an order from its page}" \
    "- {id: PAY-2, title: Receipt emails, status: in-progress}"
  cat > feedback/sales.yaml <<'YAML'
entries:
  - {id: FB-1, date: 2026-10-20, source: sales, customer: Globex, summary: Refunds take days, items: [PAY-1]}
  - {id: FB-2, date: 2026-10-21, source: support, customer: Initech, summary: Refunds please, items: [PAY-1]}
YAML
  printf -- '---\ntitle: Refunds\ntype: prd\nowner: alice\nstatus: approved\nitems: [PAY-1]\nreviewed: 2026-10-01\n---\n## Problem\n## Goals\n' > docs/prd/refunds.md
  commit 2026-11-02 "Refunds shipped"
  items payments \
    "- {id: PAY-1, title: One-click refunds, status: shipped, description: Refund an order from its page}" \
    "- {id: PAY-2, title: Receipt emails, status: shipped}"
  items platform "- {id: PLAT-1, title: Ledger service, status: shipped}" "- {id: PLAT-2, title: Audit log, status: shipped}" \
    "- {id: PLAT-3, title: Status page, status: shipped}"
  commit 2026-11-12 "Receipts and audit log shipped"
}

t_begin "release notes of a window: shipped items by squad, docs, customers"
history_ws
run release-notes --since 2026-11-01
expect_rc 0
[ "$OUT" = "# Test Co: release notes

Shipped from 2026-11-01 (3 items).

## Payments

- **One-click refunds** (PAY-1), shipped 2026-11-02: Refund an order from its page
  - Doc: [Refunds](docs/prd/refunds.md)
  - Asked for by Globex, Initech
- **Receipt emails** (PAY-2), shipped 2026-11-12

## Platform

- **Audit log** (PLAT-2), shipped 2026-11-12" ] && pass || fail "markdown"
# PLAT-1 and PLAT-3 first appear already shipped, never moved to shipped: not in the notes (nor in
# pops metrics).
expect_no_out "PLAT-1"
expect_no_out "PLAT-3"

t_begin "release notes are the set pops metrics counts as shipped in the window"
history_ws
run release-notes --since 2026-11-01 --until 2026-11-05 --format json
expect_rc 0
py '
assert [i["id"] for i in out["items"]] == ["PAY-1"], out["items"]
i = out["items"][0]
assert list(i.keys())[:4] == ["id", "title", "squad", "shipped"]
assert i["squad"] == "payments" and i["shipped"] == "2026-11-02" and i["customers"] == ["Globex", "Initech"]
assert i["docs"] == [{"file": "docs/prd/refunds.md", "title": "Refunds", "status": "approved"}]
assert out["since"] == "2026-11-01" and out["until"] == "2026-11-05" and out["count"] == 1
'
RN="$OUT"
run metrics --since 2026-10-01 --until 2026-11-30 --format json
OUT2="$OUT"
python3 - "$RN" "$OUT2" <<'PY' && pass || fail "release notes differ from pops metrics"
import json, sys
rn, m = json.loads(sys.argv[1]), json.loads(sys.argv[2])
shipped = sorted(i["id"] for i in m["items"] if i["shipped"] and "2026-11-01" <= i["shipped"] <= "2026-11-05")
assert shipped == [i["id"] for i in rn["items"]], (shipped, rn["items"])
PY
run release-notes --since 2026-10-01 --format json
py 'assert sorted(i["id"] for i in out["items"]) == ["PAY-1", "PAY-2", "PLAT-2"]'
# A revision: the state after it.
run release-notes --since start --until HEAD~1 --format json
py 'assert [i["id"] for i in out["items"]] == ["PAY-1"] and out["from"]["date"] == "2026-10-01"'

t_begin "--by initiative: an initiative across squads, the items of none last; by squad, each item's initiative"
history_ws
cat >> pops.yaml <<'YAML'
initiatives:
  INI-1: {title: Trustworthy money, owner: alice, target: 2026-12-31}
YAML
items payments \
  "- {id: PAY-1, title: One-click refunds, status: shipped, initiative: INI-1, description: Refund an order from its page}" \
  "- {id: PAY-2, title: Receipt emails, status: shipped}"
items platform "- {id: PLAT-1, title: Ledger service, status: shipped}" \
  "- {id: PLAT-2, title: Audit log, status: shipped, initiative: INI-1}" "- {id: PLAT-3, title: Status page, status: shipped}"
commit 2026-11-13 "Initiatives"
run release-notes --since 2026-11-01 --by initiative
expect_rc 0
[ "$OUT" = "# Test Co: release notes

Shipped from 2026-11-01 (3 items).

## Trustworthy money

- **One-click refunds** (PAY-1, Payments), shipped 2026-11-02: Refund an order from its page
  - Doc: [Refunds](docs/prd/refunds.md)
  - Asked for by Globex, Initech
- **Audit log** (PLAT-2, Platform), shipped 2026-11-12

## No initiative

- **Receipt emails** (PAY-2, Payments), shipped 2026-11-12" ] && pass || fail "markdown by initiative"
run release-notes --since 2026-11-01
expect_out "## Payments

- **One-click refunds** (PAY-1, Trustworthy money), shipped 2026-11-02"
expect_out "- **Receipt emails** (PAY-2), shipped 2026-11-12"
run release-notes --since 2026-11-01 --by initiative --format json
expect_rc 0
py '
assert out["by"] == "initiative"
assert [(g["group"], [i["id"] for i in g["items"]]) for g in out["groups"]] == [("INI-1", ["PAY-1", "PLAT-2"]), (None, ["PAY-2"])]
assert out["initiatives"][0] == {"initiative": "INI-1", "title": "Trustworthy money", "items": out["groups"][0]["items"]}
assert [i["id"] for i in out["items"]] == ["PAY-1", "PLAT-2", "PAY-2"]
assert [i["initiative"] for i in out["items"]] == ["INI-1", "INI-1", None]
assert [s["squad"] for s in out["squads"]] == ["payments", "platform"]
'
run release-notes --since 2026-11-01 --by team
expect_rc 2
expect_err "--by"

t_begin "audience marketing leaves out the customers; errors"
history_ws
run release-notes --since 2026-11-01 --audience marketing
expect_rc 0
expect_no_out "Globex"
expect_out "**One-click refunds** (PAY-1)"
run release-notes --since 2026-11-01 --audience sale
expect_rc 2
expect_err "pops: error: unknown audience 'sale' (did you mean 'sales'?)"
run release-notes
expect_rc 2
expect_err "--since"
run release-notes --since 2026-11-20
expect_rc 0
expect_out "Nothing shipped in this window."
run release-notes --since 2026-11-01 --until 2026-09-01
expect_rc 2
expect_err "pops: error: no commit on or before 2026-09-01"

t_begin "a workspace's templates/release-notes.md is used instead of the built-in one"
history_ws
mkdir -p templates
printf '{{#items}}* {{id}} {{title}}\n{{/items}}' > templates/release-notes.md
run release-notes --since 2026-11-01
expect_rc 0
[ "$OUT" = "* PAY-1 One-click refunds
* PAY-2 Receipt emails
* PLAT-2 Audit log" ] && pass || fail "workspace template"
