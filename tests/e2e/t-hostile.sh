# Hostile input: pops must end by itself (no signal, no hang, bounded memory) and report a located
# finding for every file it cannot accept. Limits (docs/format.md): 8 MiB per file,
# 64 levels of nesting, alias expansion capped, UTF-8 only, one document per file.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null 2>&1 || exit 125  # generators below need it

# run_limited (tests/e2e/lib.sh) bounds pops's CPU time, with a wall-clock hang guard ten times
# that (HANG_GUARD seconds where pops could block without using CPU: a FIFO), and caps memory at
# 1 GiB. A sanitizer build reserves terabytes of address space, so the cap cannot apply, and it runs
# slower: no memory cap, POPS_SLOWDOWN (5) times the time, and the memory-bound cases skip.
SANITIZED="${POPS_SANITIZED:-}"

t_begin "the bounds catch a CPU blow-up and a hang, not a loaded machine"
limits_self_check

# sane: pops ended by itself (not by a signal, not by the run_limited timeout, which already failed
# the test) and did not run out of memory under the 1 GiB cap.
sane() {
  if [ "$RC" -ge 128 ]; then fail "pops was killed by signal $((RC - 128))"; else pass; fi
  case "$OUT$ERR" in *bad_alloc*) fail "pops ran out of memory" ;; *) pass ;; esac
}
# quiet_err: a normal check writes findings to stdout and only its summary to stderr.
quiet_err() {
  if check_summary_only "$ERR"; then pass; else fail "unexpected stderr"; fi
}
# located FILE POS RULE TEXT: stdout has the line "FILE:POS: error: ...TEXT... [RULE]" where POS is
# LINE:COL, or "*" for any LINE:COL; RULE "*" is any rule.
located() {
  local line rest pos
  while IFS= read -r line; do
    [[ $line == "$1:"* ]] || continue
    rest=${line#"$1:"}
    pos=${rest%%: *}
    [[ $pos =~ ^[0-9]+:[0-9]+$ ]] || continue
    [ "$2" = "*" ] || [ "$pos" = "$2" ] || continue
    if [ "$3" = "*" ]; then
      [[ $rest == *": error: "*"$4"*" ["*"]" ]] || continue
    else
      [[ $rest == *": error: "*"$4"*" [$3]" ]] || continue
    fi
    pass
    return
  done <<<"$OUT"
  fail "no located error '$1:$2: error: ...$4... [$3]'"
}
# hostile [SECS]: run `pops check` under the time (SECS of CPU, 10 by default) and memory caps;
# expect exit 1, no crash.
hostile() {
  run_limited "${1:-10}" check
  expect_rc 1
  sane
  quiet_err
}
# benign [SECS]: like hostile, but the workspace must pass.
benign() {
  run_limited "${1:-10}" check
  expect_rc 0
  sane
  quiet_err
}

# --- nesting ------------------------------------------------------------------------------------

t_begin "100000 nested [ in a roadmap file"
make_ws
python3 -c "print('[' * 100000)" >roadmap/deep.yaml
hostile
located roadmap/deep.yaml "*" yaml-syntax "nesting is deeper than 64 levels"

t_begin "100000 nested { in a roadmap file"
make_ws
python3 -c "print('{' * 100000)" >roadmap/deep.yaml
hostile
located roadmap/deep.yaml "*" yaml-syntax "nesting is deeper than 64 levels"

t_begin "100000 nested [ after a stray quote in a flow list (the pre-scan cannot see them)"
make_ws
python3 -c "print(\"items: [a 'b, \" + '[' * 100000)" >roadmap/deep.yaml
hostile
located roadmap/deep.yaml "*" yaml-syntax "nesting is deeper than"

t_begin "200 levels of block nesting"
make_ws
python3 -c "
for i in range(200): print('  ' * i + '- ')" >roadmap/deep.yaml
hostile
located roadmap/deep.yaml 65:129 yaml-syntax "nesting is deeper than 64 levels"

t_begin "100000 compact block levels on one line"
make_ws
python3 -c "print('- ' * 100000 + 'x')" >roadmap/deep.yaml
hostile
located roadmap/deep.yaml "*" yaml-syntax "nesting is deeper than 64 levels"

t_begin "deep nesting in a metrics file (syntax-only files are guarded too)"
make_ws
mkdir -p metrics
python3 -c "print('k: ' + '[' * 100000)" >metrics/m.yaml
hostile
located metrics/m.yaml "*" yaml-syntax "nesting is deeper than 64 levels"

# Brackets inside scalars (block scalars, plain text, escaped quotes) are text, not nesting.
t_begin "brackets inside scalars are not nesting"
make_ws
python3 -c "print('squad: platform\nitems:\n  - id: PLAT-2\n    title: x\n    status: idea\n    description: |\n      ' + '[' * 100)" >roadmap/text.yaml
benign
python3 -c "print('squad: platform\nitems:\n  - id: PLAT-2\n    title: a ' + '[' * 100 + '\n    status: idea')" >roadmap/text.yaml
benign

# --- aliases ------------------------------------------------------------------------------------

t_begin "billion laughs (flow lists)"
make_ws
python3 - >roadmap/bomb.yaml <<'EOF'
print('squad: payments')
print('a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]')
for i in range(1, 10):
    prev, cur = chr(ord('a') + i - 1), chr(ord('a') + i)
    print(f'{cur}: &{cur} [' + ','.join(['*' + prev] * 9) + ']')
print('items: *j')
EOF
hostile
located roadmap/bomb.yaml "*" yaml-syntax "alias bomb"

t_begin "billion laughs (block lists under items)"
make_ws
python3 - >roadmap/bomb.yaml <<'EOF'
print('squad: payments\nitems:')
print('  - &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]')
for i in range(1, 10):
    prev, cur = chr(ord('a') + i - 1), chr(ord('a') + i)
    print(f'  - &{cur}\n' + ''.join(f'    - *{prev}\n' for _ in range(9)), end='')
EOF
hostile
located roadmap/bomb.yaml "*" yaml-syntax "alias bomb"

t_begin "an alias to the node that holds it"
make_ws
printf 'squad: platform\nitems: &a\n  - *a\n' >roadmap/self.yaml
hostile
located roadmap/self.yaml 3:5 yaml-syntax "alias"
printf 'squad: platform\nitems: *nope\n' >roadmap/self.yaml
hostile
located roadmap/self.yaml 2:8 yaml-syntax "anchor"

# Anchored nodes are copied for their aliases: 60 nested anchors around a large list would need 60
# copies, so the node limit refuses the file with a clear message instead of running out of memory.
t_begin "nested anchors around a large list stay within memory"
make_ws
if [ -z "$SANITIZED" ]; then
  mkdir -p metrics
  python3 - >metrics/anchors.yaml <<'EOF'
for i in range(60):
    print(' ' * i + 'k: &a%d' % i)
print(' ' * 60 + 'k: [' + '1,' * 100000 + '1]')
EOF
  hostile 20
  located metrics/anchors.yaml "*" yaml-syntax "anchored nodes count twice"
fi

# --- encoding -----------------------------------------------------------------------------------

item_with() {  # item_with BYTES: a roadmap file whose line 4 is "    title: <BYTES>"
  printf 'squad: payments\nitems:\n  - id: PAY-9\n    title: %b\n    status: idea\n' "$1" >roadmap/enc.yaml
}

t_begin "invalid UTF-8: a 0xff byte"
make_ws
item_with 'bad \xff here'
hostile
located roadmap/enc.yaml 4:16 yaml-syntax "invalid UTF-8 (byte 0xff)"

t_begin "invalid UTF-8: a truncated sequence"
make_ws
item_with 'trunc \xe2\x82'
hostile
located roadmap/enc.yaml 4:18 yaml-syntax "invalid UTF-8 (byte 0xe2)"
printf 'squad: payments\nitems: [] # \xe2\x82' >roadmap/enc.yaml  # cut at the end of the file
hostile
located roadmap/enc.yaml 2:13 yaml-syntax "invalid UTF-8 (byte 0xe2)"

t_begin "invalid UTF-8: an overlong encoding"
make_ws
item_with 'over \xc0\xaf'
hostile
located roadmap/enc.yaml 4:17 yaml-syntax "invalid UTF-8 (byte 0xc0)"
item_with 'over4 \xf0\x80\x80\xaf'
hostile
located roadmap/enc.yaml 4:18 yaml-syntax "invalid UTF-8 (byte 0xf0)"

t_begin "invalid UTF-8: a UTF-16 surrogate and a code point past U+10FFFF"
make_ws
item_with 'sur \xed\xa0\x80'
hostile
located roadmap/enc.yaml 4:16 yaml-syntax "invalid UTF-8 (byte 0xed)"
item_with 'big \xf4\x90\x80\x80'
hostile
located roadmap/enc.yaml 4:16 yaml-syntax "invalid UTF-8 (byte 0xf4)"

t_begin "valid multi-byte UTF-8 passes"
make_ws
item_with 'caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80'
benign

t_begin "NUL bytes"
make_ws
item_with 'nul \x00 x'
hostile
located roadmap/enc.yaml 4:16 yaml-syntax "NUL byte"
printf '\0\0\0\0' >roadmap/enc.yaml
hostile
located roadmap/enc.yaml 1:1 yaml-syntax "NUL byte"

t_begin "binary junk (64 KiB, seeded)"
make_ws
python3 -c "
import random, sys
random.seed(1)
sys.stdout.buffer.write(random.getrandbits(8 * 65536).to_bytes(65536, 'little'))" >roadmap/junk.yaml
hostile
located roadmap/junk.yaml "*" yaml-syntax ""

t_begin "printable junk and YAML punctuation soup (seeded): exit 0 or 1, every line located"
make_ws
mkdir -p "$T_DIR/soup"
python3 - "$T_DIR/soup" <<'EOF'
import random, sys
alpha = list("[]{}:-?&*!|>'\"%@`#, \n\n  \t") + ["a", "- ", ": ", "&x ", "*x ", "!!str ", "---\n",
        "...\n", "? ", "<<: ", "\\", "\r\n", "\u00e9", "\n  ", "\n    ", "0", "%YAML 1.2\n", "!<x> "]
for seed in range(40):
    r = random.Random(seed)
    s = "".join(r.choice(alpha) for _ in range(r.randint(1, 400)))
    with open(f"{sys.argv[1]}/{seed:02d}.yaml", "w", encoding="utf-8") as f:
        f.write(s)
r = random.Random(1)
with open(f"{sys.argv[1]}/printable.yaml", "w") as f:
    f.write("".join(chr(r.randint(32, 126)) if r.random() > 0.05 else "\n" for _ in range(20000)))
EOF
soup_bad=0
for f in "$T_DIR"/soup/*.yaml; do
  cp "$f" roadmap/soup.yaml
  run_limited 10 check
  if [ "$RC" -ne 0 ] && [ "$RC" -ne 1 ]; then soup_bad=$((soup_bad + 1)); fail "$(basename "$f"): exit $RC"; continue; fi
  if ! check_summary_only "$ERR"; then soup_bad=$((soup_bad + 1)); fail "$(basename "$f"): stderr"; continue; fi
  while IFS= read -r line; do
    [[ $line =~ ^roadmap/[a-z]+\.yaml:[0-9]+:[0-9]+:\ (error|warning|info):\ .+\ \[[a-z-]+\]$ ]] && continue
    [[ $line =~ ^([0-9]+\ errors?,\ [0-9]+\ warnings?.*|no\ problems)\ in\ [0-9]+\ files$ ]] && continue
    soup_bad=$((soup_bad + 1)); fail "$(basename "$f"): unlocated line: $line"
  done <<<"$OUT"
done
if [ "$soup_bad" -eq 0 ]; then pass; fi

# --- size ---------------------------------------------------------------------------------------

t_begin "a 50 MB file is refused quickly"
make_ws
{ printf 'squad: payments\nitems:\n'; yes '  - {id: PAY-1, title: x, status: idea}' | head -c 52428800; } >roadmap/big.yaml
hostile 3
located roadmap/big.yaml 1:1 yaml-syntax "file is 52428823 bytes, over the limit of 8388608 bytes (8 MiB)"
rm -f roadmap/big.yaml

t_begin "a 100 MB scalar is refused"
make_ws
{ printf 'squad: '; head -c 100000000 /dev/zero | tr '\0' a; echo; } >roadmap/big.yaml
hostile 3
located roadmap/big.yaml 1:1 yaml-syntax "file is 100000008 bytes, over the limit of 8388608 bytes (8 MiB)"
rm -f roadmap/big.yaml

t_begin "a 7 MiB scalar just under the limit is read"
make_ws
{ printf 'squad: platform\nitems:\n  - id: PLAT-2\n    status: idea\n    title: '; head -c 7340032 /dev/zero | tr '\0' a; echo; } >roadmap/big.yaml
benign 20

# yaml-cpp keeps every token of a flow collection until it closes: an 8 MiB flow list of tiny
# scalars (under the size limit) would need ~1.25 GB; pops refuses it before parsing.
t_begin "an 8 MiB flow list of tiny scalars stays within memory"
make_ws
if [ -z "$SANITIZED" ]; then
  mkdir -p metrics
  python3 -c "import sys; sys.stdout.write('[' + '1,' * (4 * 1024 * 1024 - 10) + '1]\n')" >metrics/flow.yaml
  hostile 30
  located metrics/flow.yaml "*" yaml-syntax "write long lists in block style"
  rm -f metrics/flow.yaml
fi

# Duplicate keys are found with a hash per mapping: linear in the number of keys.
t_begin "a mapping with 100000 keys is checked in linear time"
make_ws
mkdir -p metrics
# A usage series with 100000 daily points (metrics files are checked fully: each key a date).
python3 -c "import datetime as d, sys; s = d.date(1800, 1, 1); sys.stdout.write('series:\n  - source: amplitude\n    key: Wide\n    points:\n' + ''.join('      %s: %d\n' % (s + d.timedelta(i), i) for i in range(100000)))" >metrics/wide.yaml
benign 10

# "did you mean" for unknown items is bounded, so many broken references still report quickly.
t_begin "many dangling references are reported quickly"
make_ws
python3 - >roadmap/refs.yaml <<'EOF'
print('squad: platform\nitems:')
for i in range(2, 8002):
    print(f'  - {{id: PLAT-{i}, title: t, status: idea, depends_on: [PLAT-{i + 100000}]}}')
EOF
hostile 10
located roadmap/refs.yaml 3:55 unknown-ref "PLAT-100002"

t_begin "a 50000-item dependency cycle (no recursion overflow)"
make_ws
python3 - >roadmap/chain.yaml <<'EOF'
n = 50000
print('squad: platform\nitems:')
for i in range(2, n + 2):
    print(f'  - {{id: PLAT-{i}, title: t, status: idea, depends_on: [PLAT-{i + 1 if i < n + 1 else 2}]}}')
EOF
hostile 20
located roadmap/chain.yaml "*" dependency-cycle "dependency cycle: PLAT-10 -> "

# --- file kinds ---------------------------------------------------------------------------------

t_begin "an empty roadmap file"
make_ws
: >roadmap/empty.yaml
hostile
located roadmap/empty.yaml 1:1 schema "empty roadmap file"

t_begin "a roadmap file of only comments"
make_ws
printf '# nothing here\n   # still nothing\n\n' >roadmap/comments.yaml
hostile
located roadmap/comments.yaml 1:1 schema "empty roadmap file"

t_begin "an empty feedback file"
make_ws
: >feedback/empty.yaml
hostile
located feedback/empty.yaml 1:1 schema "empty feedback file"

t_begin "a folder named like a roadmap file"
make_ws
mkdir -p roadmap/x.yaml
printf 'squad: platform\nitems: []\n' >roadmap/x.yaml/inner.yaml
hostile
located roadmap/x.yaml 1:1 yaml-syntax "is a directory"

t_begin "a broken symlink"
make_ws
ln -s nowhere.yaml roadmap/broken.yaml
hostile
located roadmap/broken.yaml 1:1 yaml-syntax "broken symbolic link; not followed"
ln -s loop.yaml roadmap/loop.yaml
hostile
located roadmap/loop.yaml 1:1 yaml-syntax "not followed"

t_begin "a symlink pointing outside the workspace is not followed"
mkdir outside ws && cd ws && make_ws
printf 'squad: platform\nitems: [oops\n' >"$T_DIR/outside/evil.yaml"
ln -s "$T_DIR/outside/evil.yaml" roadmap/evil.yaml
ln -s ../../outside/evil.yaml roadmap/evil2.yaml
hostile
located roadmap/evil.yaml 1:1 yaml-syntax "points outside the workspace; not followed"
located roadmap/evil2.yaml 1:1 yaml-syntax "points outside the workspace; not followed"
expect_no_out "oops"
expect_no_out "end of sequence"
rm roadmap/evil.yaml roadmap/evil2.yaml
ln -s /dev/zero roadmap/zero.yaml
hostile
located roadmap/zero.yaml 1:1 yaml-syntax "not followed"

t_begin "a symlink inside the workspace is followed"
make_ws
mkdir -p shared
printf 'squad: platform\nitems:\n  - id: PLAT-2\n    title: Linked\n    status: idea\n' >shared/linked.yaml
ln -s ../shared/linked.yaml roadmap/linked.yaml
benign
expect_err "no problems in 4 files"
sed -i 's/status: idea/status: idee/' shared/linked.yaml
hostile
located roadmap/linked.yaml 5:13 schema "unknown status 'idee'"

t_begin "a FIFO named like a roadmap file does not block"
make_ws
mkfifo roadmap/p.yaml
HANG_GUARD=30 hostile 10  # opening a FIFO for reading blocks without using CPU
located roadmap/p.yaml 1:1 yaml-syntax "not a regular file"

# --- pops.yaml ----------------------------------------------------------------------------------
# pops.yaml unusable: pops still runs (exit 1, never a signal) and says where. The other files are
# then checked against nothing, which must not produce bogus findings.

pops_yaml_broken() {  # pops_yaml_broken TEXT-OF-FINDING
  hostile
  located pops.yaml 1:1 "*" ""
  expect_out "$1"
  # The other files are not checked against an unusable pops.yaml: no bogus findings.
  expect_no_out "expected one of  "
  expect_no_out "unknown status 'in-progress'"
}

t_begin "pops.yaml is garbage"
make_ws
printf '\xff\xfe garbage ][ {{\n' >pops.yaml
pops_yaml_broken "invalid UTF-8"
printf 'version: [1\nproduct: {\n' >pops.yaml
run_limited 10 check; expect_rc 1; sane
expect_out_line '^pops\.yaml:[0-9]+:[0-9]+: error: invalid YAML: .*\[yaml-syntax\]$'
python3 -c "print('[' * 100000)" >pops.yaml
run_limited 10 check; expect_rc 1; sane
expect_out_line '^pops\.yaml:1:[0-9]+: error: nesting is deeper than 64 levels \[yaml-syntax\]$'

t_begin "pops.yaml is empty"
make_ws
: >pops.yaml
pops_yaml_broken "pops.yaml is empty"

t_begin "pops.yaml is a directory"
make_ws
rm pops.yaml && mkdir pops.yaml
pops_yaml_broken "is a directory"

t_begin "pops.yaml is a FIFO"
make_ws
rm pops.yaml && mkfifo pops.yaml
HANG_GUARD=30 pops_yaml_broken "not a regular file"

t_begin "pops.yaml is a broken symlink: the workspace is here, and the link is reported"
make_ws
rm pops.yaml && ln -s gone.yaml pops.yaml
run_limited 10 check; expect_rc 1; sane
expect_out_line '^pops\.yaml:1:1: error: broken symbolic link; not followed \[yaml-syntax\]$'

# --- text conventions ---------------------------------------------------------------------------

t_begin "a UTF-8 BOM is allowed and does not shift columns"
make_ws
printf '\xef\xbb\xbfsquad: platform\nitems:\n  - id: PLAT-2\n    title: BOM\n    status: idea\n' >roadmap/bom.yaml
benign
printf '\xef\xbb\xbfitems: [x]\n' >roadmap/bom.yaml
hostile
located roadmap/bom.yaml 1:9 schema ""
printf '\xef\xbb\xbfsquad: platform\nitems:\n  - id: PLAT-2\n    title: BOM\n    status: idee\n' >roadmap/bom.yaml
hostile
located roadmap/bom.yaml 5:13 schema "unknown status 'idee'"

t_begin "CRLF line endings pass and findings keep their line numbers"
make_ws
printf 'squad: platform\r\nitems:\r\n  - id: PLAT-2\r\n    title: CRLF\r\n    status: idea\r\n' >roadmap/crlf.yaml
benign
printf 'squad: platform\r\nitems:\r\n\r\n  - id: PLAT-2\r\n    title: CRLF\r\n    status: idee\r\n' >roadmap/crlf.yaml
hostile
located roadmap/crlf.yaml 6:13 schema "unknown status 'idee'"
case "$OUT" in *$'\r'*) fail "a carriage return leaked into the output" ;; *) pass ;; esac

t_begin "tabs used for indentation"
make_ws
printf 'squad: platform\nitems:\n\t- id: PLAT-2\n\t  title: tab\n' >roadmap/tabs.yaml
hostile
expect_out_line '^roadmap/tabs\.yaml:3:[0-9]+: error: .*\[yaml-syntax\]$'
printf 'squad: platform\nitems:\n  - id: PLAT-2\n\ttitle: tab\n' >roadmap/tabs.yaml
hostile
located roadmap/tabs.yaml 4:1 yaml-syntax "tab"

t_begin "two documents in one file"
make_ws
printf 'squad: platform\nitems: []\n---\nsquad: payments\nitems: []\n' >roadmap/multi.yaml
hostile
located roadmap/multi.yaml 3:1 yaml-syntax "one YAML document"
printf -- '---\nsquad: platform\nitems: []\n...\n---\nitems: []\n' >roadmap/multi.yaml
hostile
located roadmap/multi.yaml 5:1 yaml-syntax "one YAML document"

t_begin "duplicate keys in a feedback file"
make_ws
cat >feedback/dup.yaml <<'EOF'
entries:
  - id: FB-1
    date: 2026-10-01
    source: support
    source: sales
    quote: "refunds are slow"
    items: [PAY-1]
EOF
hostile
located feedback/dup.yaml 5:5 duplicate-key "duplicate key 'source' (first at line 4)"

# --- documents and ritual notes -----------------------------------------------------------------

good_doc() {
  printf -- '---\ntitle: Refunds\ntype: prd\nowner: alice\nstatus: draft\nitems: [PAY-1]\nreviewed: 2026-11-01\n---\n# Problem\nx\n# Goals\ny\n'
}

t_begin "a doc whose front matter never closes"
make_ws
good_doc | sed '8d' >docs/prd/open.md
hostile
located docs/prd/open.md 1:1 yaml-syntax "no closing '---'"
printf -- '---' >docs/prd/open.md
hostile
located docs/prd/open.md 1:1 yaml-syntax "no closing '---'"

t_begin "a doc with 100000 nested [ in its front matter"
make_ws
{ printf -- '---\ntitle: Refunds\n'; python3 -c "print('tags: ' + '[' * 100000)"; printf -- '---\n# Problem\n'; } >docs/prd/deep.md
hostile
located docs/prd/deep.md "*" yaml-syntax "nesting is deeper than 64 levels"

t_begin "a ritual note with 100000 nested { in its front matter"
make_ws
{ printf -- '---\nritual: sprint-review\ndate: 2026-11-19\n'; python3 -c "print('attendees: ' + '{' * 100000)"; printf -- '---\n# Notes\n'; } >rituals/sprint-review/2026-11-19.md
hostile
located rituals/sprint-review/2026-11-19.md "*" yaml-syntax "nesting is deeper than 64 levels"

t_begin "an alias bomb in a ritual note's front matter"
make_ws
python3 - >rituals/sprint-review/2026-11-19.md <<'EOF'
print('---\nritual: sprint-review\ndate: 2026-11-19')
print('a: &a [x, x, x, x, x, x, x, x, x, x]')
for i in range(1, 10):
    prev, cur = chr(ord('a') + i - 1), chr(ord('a') + i)
    print(f'{cur}: &{cur} [' + ', '.join(['*' + prev] * 10) + ']')
print('---\n# Notes')
EOF
hostile
located rituals/sprint-review/2026-11-19.md "*" yaml-syntax "alias bomb"

t_begin "a doc with CRLF and a BOM keeps front matter line numbers"
make_ws
good_doc | sed 's/status: draft/status: drafty/' | sed 's/$/\r/' >docs/prd/crlf.md
hostile
located docs/prd/crlf.md 5:9 schema "unknown document status 'drafty'"
{ printf '\xef\xbb\xbf'; good_doc | sed 's/status: draft/status: drafty/'; } >docs/prd/crlf.md
hostile
located docs/prd/crlf.md 5:9 schema "unknown document status 'drafty'"

t_begin "a doc with a NUL byte or invalid UTF-8 in its body"
make_ws
{ good_doc; printf 'body \0 nul\n'; } >docs/prd/nul.md
hostile
located docs/prd/nul.md 13:6 yaml-syntax "NUL byte"
# The front matter is fine: no second finding saying "document has no front matter" (was a bug).
expect_no_out "no front matter"
{ good_doc; printf 'caf\xe9\n'; } >docs/prd/nul.md
hostile
located docs/prd/nul.md 13:4 yaml-syntax "invalid UTF-8"
expect_no_out "no front matter"

t_begin "duplicate keys in doc front matter"
make_ws
good_doc | sed '2a title: again' >docs/prd/dup.md
hostile
located docs/prd/dup.md 3:1 duplicate-key "duplicate key 'title'"
