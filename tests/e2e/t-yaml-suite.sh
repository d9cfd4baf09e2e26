# Every case of the YAML test suite ($POPS_SHARED/corpus/yaml-test-suite/{valid,error}/*.yaml) as a
# roadmap file: pops must end by itself with exit 0 or 1 (never 2, a signal or a hang), say where
# when it reports something, and refuse every error/ case. How many valid/ cases yaml-cpp (or the
# one-document policy) refuses is printed for information.
. "$(dirname "$0")/lib.sh"
SUITE="${POPS_SHARED:-/nonexistent}/corpus/yaml-test-suite"
if [ ! -d "$SUITE/valid" ] || [ ! -d "$SUITE/error" ]; then
  echo "skipped: no YAML test suite at $SUITE"
  exit 125
fi

t_begin "yaml-test-suite cases as roadmap/case.yaml"
make_ws
rm roadmap/payments.yaml
run check; expect_rc 0; expect_err "no problems in 2 files"  # the workspace passes on its own
WS="$T_DIR"
# 1 GiB for every pops run below (and this shell, which needs far less); not for a sanitizer build,
# which reserves terabytes of address space.
if [ -z "${POPS_SANITIZED:-}" ]; then ulimit -v 1048576; fi
LOCATED='^roadmap/case\.yaml:[0-9]+:[0-9]+: '
ANY_FINDING='^[^ ].*:[0-9]+:[0-9]+: (error|warning|info): .+ \[[a-z-]+\]$'
SUMMARY='^(([0-9]+ errors?, [0-9]+ warnings?(, [0-9]+ infos?)?)|no problems) in [0-9]+ files$'
cases=0
valid_syntax=0    # valid/ cases refused with a yaml-syntax finding, other than the rules below
valid_multidoc=0  # valid/ cases refused because they hold more than one document (pops policy)
valid_complexkey=0  # valid/ cases refused for a non-scalar mapping key (pops policy)
error_accepted=0  # error/ cases yaml-cpp parsed (refused only by the schema)
refused_list=""
accepted_list=""
for kind in valid error; do
  for f in "$SUITE/$kind"/*.yaml; do
    name="$kind/${f##*/}"
    cases=$((cases + 1))
    cp "$f" "$WS/roadmap/case.yaml"
    timeout 10 "$POPS" -C "$WS" check >"$T_ROOT/out" 2>"$T_ROOT/err"
    rc=$?
    mapfile -t lines <"$T_ROOT/out"
    mapfile -t errs <"$T_ROOT/err"
    problem=""
    if [ "$rc" -eq 124 ]; then
      problem="timed out after 10 s"
    elif [ "$rc" -ge 128 ]; then
      problem="killed by signal $((rc - 128))"
    elif [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
      problem="exit $rc"
    elif [ "$kind" = error ] && [ "$rc" -ne 1 ]; then
      problem="an invalid YAML file passed (exit $rc)"
    elif [ "${#errs[@]}" -ne 1 ] || ! [[ ${errs[0]} =~ $SUMMARY ]]; then
      problem="stderr: ${errs[0]:-} (the summary alone expected)"
    fi
    located=0
    syntax=""
    for l in "${lines[@]}"; do
      if [[ $l =~ $LOCATED ]]; then
        located=1
        if [ -z "$syntax" ] && [[ $l == *" [yaml-syntax]" ]]; then syntax="$l"; fi
      fi
      if [ -z "$problem" ] && ! [[ $l =~ $ANY_FINDING ]] && ! [[ $l =~ $SUMMARY ]]; then
        problem="unexpected output line: $l"
      fi
    done
    if [ -z "$problem" ] && [ "$rc" -eq 1 ] && [ "$located" -eq 0 ]; then
      problem="exit 1 without a located message for roadmap/case.yaml"
    fi
    if [ -n "$problem" ]; then
      OUT="$(printf '%s\n' "${lines[@]}")" ERR="$(printf '%s\n' "${errs[@]}")" fail "$name: $problem"
    else
      pass
    fi
    if [ "$kind" = valid ] && [ -n "$syntax" ]; then
      case "$syntax" in
        *"one YAML document"*) valid_multidoc=$((valid_multidoc + 1)) ;;
        *"mapping key must be a plain value"*) valid_complexkey=$((valid_complexkey + 1)) ;;
        *) valid_syntax=$((valid_syntax + 1)); refused_list+=" ${f##*/}" ;;
      esac
    fi
    if [ "$kind" = error ] && [ -z "$syntax" ]; then
      error_accepted=$((error_accepted + 1))
      accepted_list+=" ${f##*/}"
    fi
  done
done
echo "yaml-test-suite: $cases cases"
echo "  valid/ refused by yaml-cpp: $valid_syntax ($refused_list )"
echo "  valid/ refused as multi-document files: $valid_multidoc; for a non-scalar key: $valid_complexkey"
echo "  error/ parsed by yaml-cpp, refused by the schema only: $error_accepted ($accepted_list )"
if [ "$cases" -ge 300 ]; then pass; else fail "only $cases cases found in $SUITE"; fi
