# pops squad add|set|list and pops person add|set|list: minimal edits of pops.yaml, checked like
# every write.
. "$(dirname "$0")/lib.sh"

t_begin "squad and person: add, set and list, as minimal edits that keep comments"
make_ws
sed -i 's/^squads:$/squads:   # the teams/' pops.yaml
before=$(cat pops.yaml)
run squad add search --prefix SRCH --name Search --lead alice --wip-limit 3; expect_rc 0
expect_err "added squad search to pops.yaml"
grep -qx '  search: {name: Search, prefix: SRCH, lead: alice, wip_limit: 3}' pops.yaml && pass || fail "squad not written in the file's style"
grep -q '^squads:   # the teams$' pops.yaml && pass || fail "comment lost"
# Every other line is as it was.
[ "$(diff <(printf '%s\n' "$before") pops.yaml | grep -c '^[<>]')" -eq 1 ] && pass || fail "more than one line changed"
run person add dana --name "Dana Roe" --email dana@example.com --role pm --squad search; expect_rc 0
expect_err "added person dana to pops.yaml"
run squad set search --lead dana --name ""; expect_rc 0
grep -qx '  search: {prefix: SRCH, lead: dana, wip_limit: 3}' pops.yaml && pass || fail "squad set: $(grep search: pops.yaml)"
run person set dana --role design; expect_rc 0
run check; expect_rc 0
run squad list; expect_rc 0
expect_out_line '^SQUAD +NAME +PREFIX +LEAD +WIP LIMIT +CAPACITY$'
expect_out_line '^search +SRCH +dana +3$'
run person list --format json; expect_rc 0
printf '%s' "$OUT" | python3 -c 'import json, sys
d = {p["id"]: p for p in json.load(sys.stdin)}
assert d["dana"] == {"id": "dana", "name": "Dana Roe", "email": "dana@example.com", "role": "design", "squad": "search"}, d' \
  && pass || fail "person list json"
# The new squad's items get its prefix.
run item add "Typeahead" --squad search; expect_rc 0; expect_out "SRCH-1"

t_begin "squad and person: mistakes are refused with a suggestion, nothing written"
make_ws
before=$(md5sum pops.yaml)
run squad add search; expect_rc 2; expect_err "needs --prefix"
run squad add search --prefix PAY; expect_rc 2; expect_err "prefix 'PAY' is the prefix of squad 'payments' already"
run squad add search --prefix pay; expect_rc 2; expect_err "is not 2 to 10 capital letters"
run squad add payments --prefix PAY2; expect_rc 2; expect_err "squad 'payments' exists already"
run squad add search --prefix SRCH --lead alcie; expect_rc 2; expect_err "did you mean 'alice'?"
run squad add search --prefix SRCH --wip-limit lots; expect_rc 2; expect_err "not a whole number"
run squad set paymnts --lead bo; expect_rc 2; expect_err "unknown squad 'paymnts' (did you mean 'payments'?)"
run squad set payments; expect_rc 2; expect_err "nothing to set"
run person add Dana; expect_rc 2; expect_err "not lower-case letters"
run person add dana --squad paymnts; expect_rc 2; expect_err "did you mean 'payments'?"
run person set alcie --role pm; expect_rc 2; expect_err "did you mean 'alice'?"
[ "$before" = "$(md5sum pops.yaml)" ] && pass || fail "pops.yaml changed"
run squad set payments --lead ""; expect_rc 0; grep -qx "  payments: {name: Payments, prefix: PAY, wip_limit: 2}" pops.yaml && pass || fail "lead not removed"
run person; expect_rc 2; expect_err "'pops person' takes one of: add, set, list"
run squad ad x; expect_rc 2; expect_err "did you mean 'pops squad add'?"

t_begin "squad add --dry-run shows the diff and writes nothing"
make_ws
before=$(md5sum pops.yaml)
run squad add search --prefix SRCH --dry-run; expect_rc 0; expect_out "+  search: {prefix: SRCH}"
[ "$before" = "$(md5sum pops.yaml)" ] && pass || fail "pops.yaml changed"

t_begin "squad and person writes keep the editor schemas current (no schema-stale after them)"
"$POPS" init --sample acme >/dev/null 2>&1 || fail "cannot write the sample"
cd acme || exit 1
[ -f .pops/schema/roadmap.schema.json ] && pass || fail "the sample has no editor schemas"
run person add dana --name "Dana Roe" --squad payments; expect_rc 0
grep -q '"dana"' .pops/schema/roadmap.schema.json && pass || fail "roadmap schema lacks dana"
run squad add search --prefix SRCH --lead dana; expect_rc 0
grep -q '"search"' .pops/schema/roadmap.schema.json && pass || fail "roadmap schema lacks the squad search"
run check; expect_rc 0
