# A workspace of items, scores and feedback whose insights and ranks are computed by hand in
# t-insights.sh and t-rank.sh. Sourced by them; creates the files in the current folder.
evidence_ws() {
  cat > pops.yaml <<'YAML'
version: 1
product: Test Co
squads:
  payments: {name: Payments, prefix: PAY}
  platform: {name: Platform, prefix: PLAT}
fields:
  revenue_impact: {type: number}
scoring:
  default: value
  models:
    value: reach * impact * confidence / effort + demand.arr / 1000
    money: revenue_impact / 1000 - effort
YAML
  mkdir -p roadmap feedback
  cat > roadmap/payments.yaml <<'YAML'
squad: payments
items:
  - id: PAY-1
    title: One-click refunds
    status: in-progress
    horizon: now
    score: {reach: 1000, impact: 2, confidence: 80%, effort: 4}
    revenue_impact: 50000
  - id: PAY-2
    title: Data export
    status: planned
    horizon: later
    score: {reach: 500, impact: 3, confidence: 100%, effort: 1}
  - id: PAY-3
    title: Partial refunds
    status: idea
    horizon: next
    score: {reach: 200, impact: 1, confidence: 50%, effort: 1}
  - id: PAY-4
    title: Refund webhooks
    status: planned
    horizon: now
    score: {reach: 300, impact: 1, confidence: 100%}
  - id: PAY-5
    title: Receipt themes
    status: planned
    horizon: now
    score: {reach: 10, impact: 1, confidence: 100%, effort: 10}
YAML
  cat > roadmap/platform.yaml <<'YAML'
squad: platform
items:
  - id: PLAT-1
    title: Ledger service
    status: shipped
    horizon: now
    score: {reach: 99999, impact: 3, confidence: 100%, effort: 1}
YAML
  cat > feedback/2026-10.yaml <<'YAML'
entries:
  - {id: FB-4, date: 2026-10-15, source: sales, customer: Initech, arr: 30000, summary: Refunds, items: [PAY-1]}
  - {id: FB-9, date: 2026-10-20, source: support, customer: Acme, summary: Export, items: [PAY-2]}
YAML
  cat > feedback/2026-11.yaml <<'YAML'
entries:
  - {id: FB-1, date: 2026-11-03, source: support, customer: Acme, segment: enterprise, arr: 100000, summary: Slow refunds, items: [PAY-1], tags: [refunds]}
  - {id: FB-2, date: 2026-11-06, source: sales, customer: acme, segment: enterprise, arr: 120000, summary: Refunds again, items: [PAY-1], tags: [refunds]}
  - {id: FB-3, date: 2026-11-08, source: support, customer: Globex, arr: 50000, summary: Both, items: [PAY-1, PAY-2]}
  - {id: FB-5, date: 2026-11-10, source: interview, customer: Hooli, summary: Export, items: [PAY-2], tags: [export]}
  - {id: FB-6, date: 2026-11-12, source: support, customer: Umbrella, arr: 20000, summary: Export too, items: [PAY-2]}
  - {id: FB-7, date: 2026-11-14, source: support, customer: Stark, summary: Export to Excel, tags: [export]}
  - {id: FB-8, date: 2026-11-15, source: support, customer: Wayne, summary: Dark mode}
  - {id: FB-10, date: 2026-11-16, source: sales, customer: Soylent, arr: 10000, summary: Partial, items: [PAY-3]}
YAML
}
