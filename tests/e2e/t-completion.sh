# pops completion bash|zsh|fish: scripts generated from the command table, sourced in each shell and
# asked for completions; pops __complete, the helper they call for values from the workspace.
. "$(dirname "$0")/lib.sh"

# pops on PATH as "pops", the way the scripts are used.
mkdir -p "$T_ROOT/bin"
ln -s "$POPS" "$T_ROOT/bin/pops"
export PATH="$T_ROOT/bin:$PATH"

# comp WORD...: asks the bash completion for the last word (the one being completed) of
# `pops WORD...`; OUT holds COMPREPLY, one per line, sorted.
comp() {
  LAST="pops $*"
  COMP_WORDS=(pops "$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE="${COMP_WORDS[*]}"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _pops
  OUT=$(printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort)
}
expect_exact() {  # expect_exact TEXT: OUT is exactly TEXT
  if [ "$OUT" = "$1" ]; then pass; else fail "$LAST: expected exactly [$1], got [$OUT]"; fi
}
lines() { printf '%s\n' "$@"; }

t_begin "completion: the scripts are generated, each shell parses them"
run completion bash; expect_rc 0; expect_out "complete -F _pops pops"
printf '%s\n' "$OUT" > "$T_ROOT/pops.bash"
bash -n "$T_ROOT/pops.bash" && pass || fail "bash -n rejects the bash script"
run completion zsh; expect_rc 0; expect_out "#compdef pops"
printf '%s\n' "$OUT" > "$T_ROOT/_pops"
run completion fish; expect_rc 0; expect_out "complete -c pops"
printf '%s\n' "$OUT" > "$T_ROOT/pops.fish"
if command -v zsh >/dev/null; then
  zsh -n "$T_ROOT/_pops" && pass || fail "zsh -n rejects the zsh script"
else fail "zsh is not installed (build.sh installs it)"; fi
if command -v fish >/dev/null; then
  fish -n "$T_ROOT/pops.fish" && pass || fail "fish -n rejects the fish script"
else fail "fish is not installed (build.sh installs it)"; fi
run completion tcsh; expect_rc 2; expect_err "tcsh"
run completion; expect_rc 2

# shellcheck disable=SC1090
source "$T_ROOT/pops.bash"

t_begin "completion bash: command names, options, subcommands, choices"
comp ro; expect_exact roadmap
comp r; expect_exact "$(lines rank release-notes report ritual roadmap)"
comp --no; expect_exact --no-color
comp roadmap --s; expect_exact "$(lines --since --squad --status)"
comp roadmap --sq; expect_exact --squad
comp item ''; expect_exact "$(lines add drop move set update)"
comp item s; expect_exact set
comp item set --dry; expect_exact --dry-run
comp check --format ''; expect_exact "$(lines github gitlab json junit sarif text)"
comp check --format=j; expect_exact "$(lines json junit)"
comp check --format = s; expect_exact sarif
comp completion ''; expect_exact "$(lines bash fish zsh)"
comp help ro; expect_exact roadmap
comp -C "$T_ROOT" ro; expect_exact roadmap
comp -q item d; expect_exact drop
# Every command of `pops help` completes from its first two letters.
for c in $("$POPS" help | sed -n '/^commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }'); do
  comp "${c:0:2}"
  case $'\n'"$OUT"$'\n' in *$'\n'"$c"$'\n'*) pass ;; *) fail "'pops ${c:0:2}' does not offer $c: [$OUT]" ;; esac
done

t_begin "completion bash: values from the workspace"
make_ws
comp show ''; expect_exact "$(lines PAY-1 PLAT-1)"
comp show PA; expect_exact PAY-1
comp show P; expect_exact "$(lines PAY-1 PLAT-1)"
comp item set PL; expect_exact PLAT-1
comp item drop ''; expect_exact "$(lines PAY-1 PLAT-1)"
comp roadmap --squad ''; expect_exact "$(lines payments platform)"
comp roadmap --squad pa; expect_exact payments
comp roadmap --squad=pl; expect_exact platform
comp item add 'New thing' --owner ''; expect_exact "$(lines alice bo)"
comp roadmap --status ''; expect_out_line '^in-progress$'; expect_out_line '^shipped$'
comp roadmap --horizon ''; expect_out_line '^now$'; expect_out_line '^later$'
comp ritual new ''; expect_exact sprint-review
comp doc new ''; expect_exact prd
comp log PAY-1 ''; expect_exact "$(lines PAY-1 PLAT-1)"
# item set: the keys, then the values of a key (bash splits status=in at '=').
comp item set PAY-1 st; expect_out_line '^status=$'; expect_out_line '^status=in-progress$'
comp item set PAY-1 ow; expect_exact "$(lines owner= owner=alice owner=bo)"
comp item set PAY-1 status = ''; expect_out_line '^in-progress$'; expect_out_line '^shipped$'
comp item set PAY-1 status = in; expect_exact in-progress
comp item set PAY-1 horizon=now owner = ''; expect_exact "$(lines alice bo)"
comp item set PAY-1 tags+ = ''; expect_exact ""
comp item set PAY-1 depends_on+ = PL; expect_exact PLAT-1
comp item set PAY-1 links.j; expect_exact links.jira=
comp feedback add --source ''; expect_exact "$(lines interview other sales support survey)"
comp item add 'New thing' --depends-on ''; expect_exact "$(lines PAY-1 PLAT-1)"
comp adoption list --item P; expect_exact "$(lines PAY-1 PLAT-1)"
git init -q -b main . && git add -A && git commit -qm one && git branch feature && git tag v1
comp check --base ''; expect_exact "$(lines HEAD feature main v1)"
comp check --rev f; expect_exact feature
comp diff v; expect_exact v1
comp show PAY-1 --at ma; expect_exact main
rm -rf .git
mkdir sub && cd sub
comp show P; expect_exact "$(lines PAY-1 PLAT-1)"
cd "$T_DIR/.."
comp -C "$T_DIR" item move PAY-1 --squad ''; expect_exact "$(lines payments platform)"
cd "$T_DIR"

t_begin "completion bash: aliases and extensions are commands too"
make_ws
printf 'aliases:\n  now: roadmap --horizon now\n' >> pops.yaml
printf '#!/bin/sh\necho hello\n' > "$T_ROOT/bin/pops-hello"; chmod +x "$T_ROOT/bin/pops-hello"
comp n; expect_exact now
comp he; expect_exact "$(lines hello help)"
comp now ''; expect_exact ""
rm "$T_ROOT/bin/pops-hello"

t_begin "pops __complete: one value per line, silent outside a workspace"
run __complete items; expect_rc 0; [ -z "$OUT$ERR" ] && pass || fail "output outside a workspace"
run __complete squads; expect_rc 0; [ -z "$OUT$ERR" ] && pass || fail "output outside a workspace"
run __complete no-such-kind; expect_rc 0; [ -z "$OUT$ERR" ] && pass || fail "output for an unknown kind"
run __complete commands; expect_rc 0; expect_out_line '^roadmap$'
make_ws
run __complete people; expect_rc 0; [ "$OUT" = "$(lines alice bo)" ] && pass || fail "people: [$OUT]"
# member-squads (pops metrics, pops report --squad): a workspace's squads, as squads.
run __complete member-squads; expect_rc 0; [ "$OUT" = "$(lines payments platform)" ] && pass || fail "member-squads: [$OUT]"
run __complete statuses; expect_rc 0; expect_out_line '^planned$'
run __complete doc-types; expect_rc 0; [ "$OUT" = prd ] && pass || fail "doc-types: [$OUT]"
run __complete templates; expect_rc 0; expect_out_line '^prd$'
printf 'squads: [\n' > pops.yaml
run __complete items; expect_rc 0; [ -z "$OUT" ] && pass || fail "values from a broken workspace: [$OUT]"
# Fast: the helper runs on every TAB.
cd "$T_ROOT" && rm -rf big && "$POPS" init --sample big >/dev/null 2>&1 && cd big
start=$(date +%s%N); "$POPS" __complete items >/dev/null; end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
[ "$ms" -lt 1000 ] && pass || fail "pops __complete items took ${ms}ms on the sample"

t_begin "completion zsh: a completion query"
make_ws
if command -v zsh >/dev/null; then
  OUT=$(zsh -f -c '
    compdef() { :; }
    compadd() { [[ $1 == -S ]] && shift 2; if [[ $1 == -a ]]; then print -l -- ${(P)2}; else [[ $1 == -- ]] && shift; print -l -- "$@"; fi; }
    _describe() { local d; for d in ${(P)4}; do print -r -- ${d%%:*}; done; }
    _files() { print -- FILES; }
    _directories() { print -- DIRS; }
    compset() { :; }
    source "$1"
    words=(pops ro); CURRENT=2; _pops; print -- ---
    words=(pops item ""); CURRENT=3; _pops; print -- ---
    words=(pops roadmap --squad ""); CURRENT=4; _pops; print -- ---
    words=(pops show ""); CURRENT=3; _pops; print -- ---
    words=(pops item set PAY-1 ""); CURRENT=5; _pops
  ' zsh "$T_ROOT/_pops" 2>&1)
  for w in status= status=planned owner=alice links.jira=; do expect_out_line "^$w\$"; done
  # The stubbed compadd does not filter by prefix: each query lists every candidate.
  expect_out_line '^roadmap$'
  for w in add drop move set payments platform PAY-1 PLAT-1; do expect_out_line "^$w\$"; done
  [ "$(printf '%s\n' "$OUT" | grep -c '^---$')" -eq 4 ] && pass || fail "zsh queries did not all run"
else fail "zsh is not installed"; fi

t_begin "completion fish: a completion query"
make_ws
if command -v fish >/dev/null; then
  OUT=$(fish --no-config -c "source '$T_ROOT/pops.fish'; complete -C 'pops ro'; echo ---; complete -C 'pops item '; echo ---; complete -C 'pops roadmap --squad '; echo ---; complete -C 'pops show '; echo ---; complete -C 'pops check --format '" 2>&1)
  # Positionals of a subcommand, after options that take a value.
  OUT2=$(fish --no-config -c "source '$T_ROOT/pops.fish'; complete -C 'pops item set PL'; echo ---; complete -C 'pops ritual new '; echo ---; complete -C 'pops item move PAY-1 --squad pl'; echo ---; complete -C 'pops -q item drop --message x P'" 2>&1 | cut -f1)
  [ "$OUT2" = "$(lines PLAT-1 --- sprint-review --- platform --- PAY-1 PLAT-1)" ] && pass \
    || fail "fish subcommand positionals: [$OUT2]"
  expect_out_line '^roadmap'
  expect_out_line '^set	'
  expect_out_line '^payments(	|$)'
  expect_out_line '^platform(	|$)'
  expect_out_line '^PLAT-1(	|$)'
  expect_out_line '^sarif(	|$)'
  expect_no_out "rank"
else fail "fish is not installed"; fi

t_begin "completion: top-level commands come with their descriptions in zsh and fish"
make_ws
cat >> pops.yaml <<'YAML'
aliases:
  now: roadmap --horizon now
YAML
run __complete command-descriptions; expect_rc 0
expect_out_line $'^check\tValidate the workspace: format, references, dependencies, standards$'
expect_out_line $'^now\talias for \'roadmap --horizon now\'$'
if command -v zsh >/dev/null; then
  OUT=$(zsh -f -c '
    compdef() { :; }
    compadd() { :; }
    _describe() { local d; for d in ${(P)4}; do print -r -- "$d"; done; }
    compset() { :; }
    source "$1"
    words=(pops ch); CURRENT=2; _pops
  ' zsh "$T_ROOT/_pops" 2>&1)
  expect_out_line '^check:Validate the workspace: format, references, dependencies, standards$'
  expect_out_line "^now:alias for 'roadmap --horizon now'$"
else fail "zsh is not installed"; fi
if command -v fish >/dev/null; then
  OUT=$(fish --no-config -c "source '$T_ROOT/pops.fish'; complete -C 'pops che'" 2>&1)
  expect_out_line $'^check\tValidate the workspace: format, references, dependencies, standards$'
else fail "fish is not installed"; fi
