# The sample's pilots (pops init --sample): doc-stale piloted with payments from the second sprint
# review, 42 days before the last one, while payments re-reads its PRDs; wip-limit piloted with
# platform, then rolled out. The figures are computed by hand from lib/features/sample_data.cpp:
#  the day before the pilot (state of the growth commit): payments' six PRDs (usage metering and
#  one-click refunds fresh; Stripe Billing, invoice PDF, SEPA and dunning stale) and the others' six
#  (platform: usage metering fresh, webhooks v2 and audit log export stale; growth: upgrade prompts and
#  team invites fresh, onboarding checklist stale);
#  today: payments re-read its four stale PRDs during the pilot, the others' PRDs are as they were.
. "$(dirname "$0")/lib.sh"

# day OFFSET: the date OFFSET days from the sample's last sprint review (the latest Thursday before
# POPS_TODAY), as the sample derives it.
day() {
  local u back
  u=$(date -u -d "$POPS_TODAY" +%u)
  back=$(( (u - 4 + 7) % 7 ))
  [ "$back" = 0 ] && back=7
  date -u -d "$POPS_TODAY - $back days + $1 days" +%F
}
days_between() { echo $(( ($(date -u -d "$2" +%s) - $(date -u -d "$1" +%s)) / 86400 )); }

for today in 2026-11-22 2027-03-04; do
  export POPS_TODAY=$today
  t_begin "sample pilots on $today"
  run init --sample acme; expect_rc 0
  cd acme || exit 1
  start=$(day -42)

  run pilot list
  expect_rc 0
  expect_out_line "^wip-limit +platform +$(day -80) +rolled out +$(day -21) +all squads$"
  expect_out_line "^doc-stale +payments +$start +piloting +– +payments$"
  run pilot list --format json
  expect_rc 0
  py "p = out['pilots']
assert [x['rule'] for x in p] == ['wip-limit', 'doc-stale'], p
w, d = p
assert w['squads'] == ['platform'] and w['started'] == '$(day -80)' and w['state'] == 'rolled out', w
assert w['ended'] == '$(day -21)' and [e['what'] for e in w['events']] == ['piloted', 'rolled out'], w
assert d['squads'] == ['payments'] and d['started'] == '$start' and d['state'] == 'piloting', d
assert d['ended'] is None and [e['what'] for e in d['events']] == ['piloted'], d
assert out['truncated'] is False"

  # The before window is as long as the after one (start .. today), cut at the first commit.
  length=$(( $(days_between "$start" "$today") + 1 ))
  from=$(date -u -d "$start - $length days" +%F)
  [ "$from" \< "$(day -87)" ] && from=$(day -87)
  run pilot report doc-stale --format json
  expect_rc 0
  py "assert out['pilot']['started'] == '$start' and out['pilot']['state'] == 'piloting', out['pilot']
assert out['episode'] == 1 and out['episodes'] == 1
assert out['pilot_squads'] == ['payments'] and out['other_squads'] == ['platform', 'growth'], out
pb, pa, ob, oa = out['pilot_before'], out['pilot_after'], out['others_before'], out['others_after']
assert pb['from'] == '$from' and pb['to'] == '$(day -43)', pb
assert pa['from'] == '$start' and pa['to'] == '$today', pa
assert pb['findings'] == 4 and pb['compliance'] == {'value': 0.333, 'n': 6}, pb
assert pa['findings'] == 0 and pa['compliance'] == {'value': 1.0, 'n': 6}, pa
assert ob['findings'] == 3 and ob['compliance'] == {'value': 0.5, 'n': 6}, ob
assert oa['findings'] == 3 and oa['compliance'] == {'value': 0.5, 'n': 6}, oa
assert pa['compliance']['value'] > pb['compliance']['value']
assert oa['compliance']['value'] == ob['compliance']['value']"
  run pilot report doc-stale
  expect_rc 0
  expect_out "pilot of doc-stale: payments against platform, growth"
  expect_out "doc-stale was piloted with payments from $start, still under pilot."
  expect_out "In the pilot squads, compliance went from 33% to 100% (6 and 6 docs of a type with review_every, not obsolete). In the other squads, from 50% to 50%. The pilot squads improved more than the others."
  expect_no_out "This is pilot"

  # The scorecard moves: payments' doc-stale compliance rises to every PRD by the last month.
  run standards --period month --squad payments --format json
  expect_rc 0
  py "r = [x for x in out['squads'][0]['rules'] if x['rule'] == 'doc-stale'][0]
c = [v for v in r['compliance'] if v is not None]
assert len(set(c)) > 1 and c[-1] == 1.0 and min(c) < 0.5, r
assert r['findings'][-1] == 0 and max(r['findings']) >= 3, r
assert r['piloted'] is True, r"
  run standards --period month --squad platform --format json
  py "r = [x for x in out['squads'][0]['rules'] if x['rule'] == 'doc-stale'][0]
assert r['compliance'][-1] == round(1 / 3, 3) and r['findings'][-1] == 2, r"
done
