# Widths: the table and text views fit the terminal (COLUMNS, else the terminal's width), cutting
# long values only on a terminal; a pipe gets whole values. On the sample organization, in a
# pseudo-terminal made by script(1).
. "$(dirname "$0")/lib.sh"
if ! command -v script >/dev/null; then
  echo "skip: script(1) is not installed (util-linux)"
  trap - EXIT
  rm -rf "$T_ROOT"
  exit 125
fi
unset COLUMNS
"$POPS" init --sample "$T_ROOT/acme" >/dev/null 2>&1 || { echo "cannot write the sample"; exit 1; }
ERR=""

# widest: the widest line of stdin in characters (UTF-8), escape codes left out.
widest() {
  python3 -c 'import re, sys
t = re.sub(r"\x1b\[[0-9;]*m", "", sys.stdin.buffer.read().decode("utf-8").replace("\r", ""))
print(max([len(l) for l in t.split("\n")] + [0]))'
}
# on_tty COLS CMD...: pops CMD in a pseudo-terminal COLS wide; OUT is what it showed.
on_tty() {
  local cols=$1; shift
  OUT=$(script -qec "stty cols $cols; '$POPS' --no-pager $*" /dev/null </dev/null)
}

views=("feedback list" "roadmap --format table")
t_begin "views fit a terminal of 60, 80 and 200 columns"
cd "$T_ROOT/acme" || exit 1
for cols in 60 80 200; do
  for v in "${views[@]}"; do
    on_tty "$cols" "$v"
    w=$(printf '%s' "$OUT" | widest)
    [ "$w" -le "$cols" ] && pass || fail "$v at $cols columns: $w wide"
  done
done

# Every text view of every command, on a terminal: no line wider than the terminal.
all_views=("adoption list" "check" "diff HEAD~3" "digest" "digest --since 2026-09-01 --audience exec"
           "doc list" "feedback list" "help" "help item" "insights" "insights --by customer"
           "log" "log PAY-3" "metrics" "metrics --period quarter" "person list" "rank" "rank --explain PAY-3"
           "ritual list" "ritual next" "ritual actions" "roadmap" "roadmap --format table" "show PAY-3"
           "show GRW-2" "squad list" "template list" "template show prd" "version")
t_begin "every view fits a terminal of 60, 80 and 200 columns"
cd "$T_ROOT/acme" || exit 1
for cols in 60 80 200; do
  for v in "${all_views[@]}"; do
    on_tty "$cols" "$v"
    w=$(printf '%s' "$OUT" | widest)
    [ "$w" -le "$cols" ] && pass || fail "$v at $cols columns: $w wide"
    # A view is not empty on the sample, so the test sees what it measures.
    [ -n "$(printf '%s' "$OUT" | tr -d '[:space:]')" ] || [ "$v" = check ] && pass || fail "$v printed nothing"
  done
done

t_begin "on a terminal, metrics leaves out the columns read least and says which"
cd "$T_ROOT/acme" || exit 1
on_tty 80 "metrics"
head=$(printf '%s\n' "$OUT" | head -1)
case "$head" in *LEAD85*) fail "LEAD85 shown at 80 columns" ;; *) pass ;; esac
case "$head" in *PREDICT*) pass ;; *) fail "PREDICT left out at 80 columns" ;; esac
case "$(printf '%s' "$OUT" | tr -d '\r' | tr '\n' ' ')" in *"left out to fit 80 columns: LEAD85, LEAD50"*) pass ;;
  *) fail "no hint of the columns left out" ;; esac
on_tty 200 "metrics"
case "$(printf '%s\n' "$OUT" | head -1)" in *LEAD85*FEEDBACK*) pass ;; *) fail "a 200-column terminal does not show every column" ;; esac
OUT=$(COLUMNS=60 "$POPS" metrics 2>&1)
case "$OUT" in *LEAD85*FEEDBACK*) pass ;; *) fail "metrics | cat leaves out columns" ;; esac

t_begin "on a terminal, show and digest wrap their prose; a pipe gets each line whole"
cd "$T_ROOT/acme" || exit 1
desc=$("$POPS" show PAY-3 --format json | python3 -c 'import json, sys; print(json.load(sys.stdin)["description"].strip())')
[ "${#desc}" -gt 60 ] && pass || fail "the sample's PAY-3 has no long description: $desc"
on_tty 60 "show PAY-3"
flat=$(printf '%s' "$OUT" | tr -d '\r' | tr '\n' ' ' | tr -s ' ')
case "$flat" in *"$(printf '%s' "$desc" | tr -s ' ')"*) pass ;; *) fail "show PAY-3 at 60 columns lost words of the description" ;; esac
OUT=$(COLUMNS=60 "$POPS" show PAY-3)
case "$OUT" in *"$desc"*) pass ;; *) fail "show PAY-3 | cat wraps the description" ;; esac

t_begin "COLUMNS wins over the terminal's width"
cd "$T_ROOT/acme" || exit 1
for cols in 60 80; do
  for v in "${all_views[@]}"; do
    OUT=$(script -qec "stty cols 200; COLUMNS=$cols '$POPS' --no-pager $v" /dev/null </dev/null)
    w=$(printf '%s' "$OUT" | widest)
    [ "$w" -le "$cols" ] && pass || fail "$v with COLUMNS=$cols: $w wide"
  done
done

t_begin "a pipe gets whole values, whatever COLUMNS says"
cd "$T_ROOT/acme" || exit 1
# The longest feedback text and item title of the sample, whole.
long_fb=$("$POPS" feedback list --format json | python3 -c 'import json, sys
d = json.load(sys.stdin)
e = d["entries"] if isinstance(d, dict) else d
print(max((x.get("summary") or x.get("quote") or "" for x in e), key=len))')
[ "${#long_fb}" -gt 60 ] && pass || fail "no long feedback in the sample: $long_fb"
for cols in 60 300; do
  OUT=$(COLUMNS=$cols "$POPS" feedback list 2>/dev/null)
  case "$OUT" in *"$long_fb"*) pass ;; *) fail "feedback list | cat (COLUMNS=$cols) cuts '$long_fb'" ;; esac
  case "$OUT" in *...*) fail "feedback list | cat (COLUMNS=$cols) has a cut value" ;; *) pass ;; esac
done
long_title=$("$POPS" roadmap --format json | python3 -c 'import json, sys
d = json.load(sys.stdin)
ts = []
def walk(v):
    if isinstance(v, dict):
        if "title" in v and "id" in v: ts.append(v["title"])
        for x in v.values(): walk(x)
    elif isinstance(v, list):
        for x in v: walk(x)
walk(d)
print(max(ts, key=len))')
OUT=$(COLUMNS=60 "$POPS" roadmap --format table)
case "$OUT" in *"$long_title"*) pass ;; *) fail "roadmap --format table | cat cuts '$long_title'" ;; esac
# On a terminal the same values are cut to fit.
on_tty 60 "feedback list"
case "$OUT" in *"$long_fb"*) fail "not cut on a 60-column terminal" ;; *) pass ;; esac
