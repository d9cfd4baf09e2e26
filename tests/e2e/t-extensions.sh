# git-style extensions (pops-NAME on PATH) and aliases (aliases: in pops.yaml): dispatch order,
# arguments, POPS_WORKSPACE, exit status, loops, checks; global options anywhere on the line.
. "$(dirname "$0")/lib.sh"

mkdir -p "$T_ROOT/bin"
export PATH="$T_ROOT/bin:$PATH"
# An extension that prints its arguments, one per line, and POPS_WORKSPACE; exits with $EXT_RC.
cat > "$T_ROOT/bin/pops-echo" <<'SH'
#!/bin/sh
echo "ws=${POPS_WORKSPACE-unset}"
echo "pwd=$(pwd)"
echo "nc=${NO_COLOR-unset}"
for a in "$@"; do echo "arg=$a"; done
exit "${EXT_RC:-0}"
SH
chmod +x "$T_ROOT/bin/pops-echo"

t_begin "extension: runs with its arguments, POPS_WORKSPACE and its exit status"
make_ws
mkdir -p roadmap/deep
ROOT=$(pwd -P)
cd roadmap/deep
run echo 'two words' --flag -q; expect_rc 0
expect_out_line "^ws=$ROOT\$"
expect_out_line '^arg=two words$'
expect_out_line '^arg=--flag$'
expect_out_line '^arg=-q$'
EXT_RC=7 run echo; expect_rc 7
EXT_RC=1 run echo; expect_rc 1
cd "$ROOT"
run -C roadmap echo x; expect_rc 0; expect_out_line "^pwd=$ROOT/roadmap\$"; expect_out_line "^ws=$ROOT\$"

t_begin "extension: outside a workspace POPS_WORKSPACE is unset; --no-color is passed as NO_COLOR"
POPS_WORKSPACE=/stale run echo; expect_rc 0; expect_out_line '^ws=unset$'
OUT=$(env -u NO_COLOR "$POPS" echo); expect_out_line '^nc=unset$'
OUT=$(env -u NO_COLOR "$POPS" --no-color echo); expect_out_line '^nc=1$'

t_begin "extension: built-ins win; unknown names still fail with a suggestion"
cat > "$T_ROOT/bin/pops-check" <<'SH'
#!/bin/sh
echo "extension ran"
SH
chmod +x "$T_ROOT/bin/pops-check"
make_ws
run check; expect_rc 0; expect_no_out "extension ran"
rm "$T_ROOT/bin/pops-check"
run ecoh; expect_rc 2; expect_err "'ecoh' is not a pops command"; expect_err "did you mean 'pops echo'?"
run roadmp; expect_rc 2; expect_err "did you mean 'pops roadmap'?"
# Not executable: not an extension.
printf '#!/bin/sh\necho no\n' > "$T_ROOT/bin/pops-noexec"
run noexec; expect_rc 2; expect_err "'noexec' is not a pops command"
run ../echo; expect_rc 2; expect_err "is not a pops command"

t_begin "extension: pops help NAME runs pops-NAME --help"
make_ws
run help echo; expect_rc 0; expect_out_line '^arg=--help$'; expect_out_line "^ws=$(pwd -P)\$"
EXT_RC=3 run help echo; expect_rc 3
run help ecoh; expect_rc 2; expect_err "did you mean 'pops help echo'?"

t_begin "aliases: expand before dispatch, with quotes and extra arguments"
make_ws
cat >> pops.yaml <<'YAML'
aliases:
  now: roadmap --horizon now --format json --all
  mine: [roadmap, --owner, alice]
  late: "roadmap --status 'in-progress' --format json"
  hi: echo "a b" c
  plat: now --squad platform
YAML
run check; expect_rc 0
run now; expect_rc 0; expect_out '"PAY-1"'; expect_out '"PLAT-1"'
run plat; expect_rc 0; expect_out '"PLAT-1"'; expect_no_out '"PAY-1"'
run now --squad payments; expect_rc 0; expect_out '"PAY-1"'; expect_no_out '"PLAT-1"'
run late; expect_rc 0; expect_out '"PAY-1"'; expect_no_out '"PLAT-1"'
run mine; expect_rc 0; expect_out 'PAY-1'; expect_no_out 'PLAT-1'
run hi d; expect_rc 0; expect_out_line '^arg=a b$'; expect_out_line '^arg=c$'; expect_out_line '^arg=d$'
run nwo; expect_rc 2; expect_err "did you mean 'pops now'?"
run now --bogus; expect_rc 2; expect_err "roadmap: "

t_begin "aliases: loops and aliases to nothing are errors"
make_ws
cat >> pops.yaml <<'YAML'
aliases:
  a: b --x
  b: a
  self: self
  gone: no-such-command
YAML
run a; expect_rc 2; expect_err "alias 'a' expands to itself: a -> b -> a"
run self; expect_rc 2; expect_err "expands to itself"
run gone; expect_rc 2; expect_err "alias 'gone' expands to 'no-such-command', which is not a pops command"

t_begin "aliases: pops check says what is wrong, with locations"
make_ws
cat >> pops.yaml <<'YAML'
aliases:
  roadmap: roadmap --all
  Bad Name: check
  empty: ""
  quote: "roadmap --squad 'pay"
  opt: --quiet check
  num: 12
  map: {a: b}
  shell: "!ls -l"
YAML
run check; expect_rc 1
expect_out "pops.yaml:21:3: error: alias 'roadmap' is the name of a built-in command"
expect_out "pops.yaml:22:3: error: alias name 'Bad Name' must be"
expect_out "pops.yaml:23:10: error: alias 'empty' is empty"
expect_out "pops.yaml:24:27: error: alias 'quote': unterminated single quote"
expect_out "alias 'opt' must start with a command"
expect_out "pops.yaml:27:8: error: alias 'map' must be a command line"
expect_out "shell aliases ('!...') are not supported"
# Using a broken alias names it.
run quote; expect_rc 2; expect_err "pops.yaml:24:27: alias 'quote': unterminated single quote"
# The built-in still runs.
run roadmap; expect_rc 0
printf 'version: 1\nproduct: X\naliases: [a, b]\n' > pops.yaml
run check; expect_rc 1; expect_out "'aliases' must be a mapping"

t_begin "global options work before and after a subcommand"
make_ws
git init -q . && git add -A && git commit -qm init
run item set PAY-1 title=Renamed --dry-run -q; expect_rc 0; expect_out "+    title: Renamed"
run -q item set PAY-1 title=Renamed --dry-run; expect_rc 0; expect_out "+    title: Renamed"
run item -q set PAY-1 title=Renamed --dry-run; expect_rc 0
run item set PAY-1 --no-color title=Renamed --dry-run; expect_rc 0; expect_out "+    title: Renamed"
run roadmap --no-color -q; expect_rc 0

t_begin "pops help ALIAS says what it stands for"
make_ws
printf 'aliases:\n  now: roadmap --horizon now\n' >> pops.yaml
run help now; expect_rc 0; expect_out "'now' is an alias for 'roadmap --horizon now' (pops.yaml:21)"
run help nwo; expect_rc 2; expect_err "no help for 'nwo'"
