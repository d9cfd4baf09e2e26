# Markdown escaping: a title, customer or name holding HTML and Markdown shows as text in every
# Markdown output (report, roadmap, diff, rank, insights, feedback list, digest, ritual notes): no raw
# `<img`, no emphasis, no extra table column.
. "$(dirname "$0")/lib.sh"

T='<img src=x onerror=alert(1)> *b* | x'
ESC='&lt;img src=x onerror=alert(1)&gt; \*b\* \| x'

# commit DATE MESSAGE: commits everything with the committer date DATE (noon UTC).
commit() {
  git add -A && GIT_AUTHOR_DATE="$1T12:00:00Z" GIT_COMMITTER_DATE="$1T12:00:00Z" git commit -qm "$2" || exit 1
}

# A workspace whose history has PAY-2 planned on 2026-11-02, then started under the hostile title on
# 2026-11-15; feedback from a hostile customer name.
md_ws() {
  make_ws
  git init -q .
  cat >> roadmap/payments.yaml <<'YAML'
  - id: PAY-2
    title: Plain
    status: planned
    horizon: now
    owner: alice
    score: {reach: 100, impact: 1, confidence: 1, effort: 1}
YAML
  commit 2026-11-02 "Set up"
  python3 - "$T" <<'PY'
import sys
p = "roadmap/payments.yaml"
s = open(p).read().replace("title: Plain\n    status: planned", "title: '%s'\n    status: in-progress" % sys.argv[1])
open(p, "w").write(s)
PY
  cat > feedback/2026-11.yaml <<YAML
entries:
  - id: FB-1
    date: 2026-11-15
    source: sales
    customer: '$T'
    summary: '$T'
    items: [PAY-1]
    url: https://crm.example/notes/1
YAML
  commit 2026-11-15 "Start PAY-2"
}

# expect_escaped: stdout holds the escaped title and no raw `<img` nor `<b`.
expect_escaped() {
  expect_out "$ESC"
  expect_no_out "<img"
}

t_begin "roadmap --format markdown"
md_ws
run roadmap --format markdown
expect_rc 0
expect_escaped
expect_out "| PAY-2 | $ESC | in-progress | payments | alice |"

t_begin "report --format markdown"
md_ws
run report --format markdown --out -
expect_rc 0
expect_escaped

t_begin "diff --format markdown"
md_ws
run diff HEAD~1 HEAD --format markdown
expect_rc 0
expect_escaped

t_begin "rank --format markdown, and --explain"
md_ws
run rank --model rice --format markdown
expect_rc 0
expect_escaped
expect_out_line "^\| [0-9] \| PAY-2 \| $(printf '%s' "$ESC" | sed 's/[][\\.*^$|+?(){}]/\\&/g') \| now \| in-progress \|"
run rank --explain PAY-2 --model rice --format markdown
expect_rc 0
expect_out "## PAY-2 $ESC"
expect_no_out "<img"

t_begin "insights --format markdown"
md_ws
run insights --since 2026-11-01 --until 2026-11-30 --format markdown
expect_rc 0
expect_escaped
run insights --by customer --since 2026-11-01 --until 2026-11-30 --format markdown
expect_rc 0
expect_escaped

t_begin "feedback list --format markdown"
md_ws
run feedback list --format markdown
expect_rc 0
expect_escaped

t_begin "digest"
md_ws
run digest --since 2026-11-01
expect_rc 0
expect_escaped

t_begin "ritual new: the note's titles and customers are escaped"
md_ws
run ritual new sprint-review --date 2026-11-19
expect_rc 0
NOTE=rituals/sprint-review/2026-11-19.md
grep -qF -- "$ESC" "$NOTE" && pass || fail "the note lacks the escaped title: $(cat "$NOTE")"
grep -q '<img' "$NOTE" && fail "raw <img in the note" || pass
