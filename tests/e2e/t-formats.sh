# pops check output formats (text, json, sarif, github, junit, gitlab), --strict and exit codes.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null 2>&1 || exit 125  # the parsers below are python3's
SARIF_SCHEMA="${POPS_SHARED:-/nonexistent}/corpus/sarif/sarif-schema-2.1.0.json"
HERE="$(cd "$(dirname "$0")" && pwd)"

# py NAME SCRIPT [ARGS...]: runs a python3 check over $T_DIR/out (the last stdout); it prints why on
# failure and exits non-zero.
py() {
  local name="$1" script="$2"; shift 2
  local why
  printf '%s' "$OUT" >"$T_DIR/out"
  if why=$(python3 -c "$script" "$T_DIR/out" "$@" 2>&1); then pass; else fail "$name: $why"; fi
}
no_stderr() {
  if [ -z "$ERR" ]; then pass; else fail "stderr should be empty"; fi
}
expect_no_stdout() {
  if [ -z "$OUT" ]; then pass; else fail "stdout should be empty"; fi
}

# A workspace with 2 errors and 1 warning in 4 files: an unknown status, an unknown key 'a%b' and a
# passed target, the last two in a file whose name holds ',' and ':'.
three_findings() {
  make_ws
  sed -i 's/status: in-progress/status: in-progres/' roadmap/payments.yaml
  printf 'squad: platform\nitems:\n  - id: PLAT-2\n    title: late\n    status: planned\n    target: 2026-01-01\n    a%%b: 1\n' \
    >'roadmap/a,b:c.yaml'
}

# --- text ---------------------------------------------------------------------------------------

t_begin "text: no problems"
make_ws
run check; expect_rc 0; expect_no_stdout
expect_err_line '^no problems in 3 files$'
if [ "$(printf '%s\n' "$ERR" | wc -l)" -eq 1 ]; then pass; else fail "a clean check prints one line"; fi
run check -q; expect_rc 0; expect_no_stdout; no_stderr

t_begin "text: one error"
make_ws
sed -i 's/status: in-progress/status: in-progres/' roadmap/payments.yaml
run check; expect_rc 1
expect_out_line "^roadmap/payments\.yaml:5:13: error: unknown status 'in-progres' \(did you mean 'in-progress'\?\) \[schema\]$"
[ "$ERR" = "1 error, 0 warnings in 3 files" ] && pass || fail "the summary is not all of stderr"
expect_no_out "warnings in"

t_begin "text: errors and warnings, findings on stdout, the summary on stderr"
three_findings
run check; expect_rc 1
expect_out_line '^roadmap/a,b:c\.yaml:6:13: warning: target 2026-01-01 of PLAT-2 passed [0-9]+ days ago .*\[target-passed\]$'
expect_out_line "^roadmap/a,b:c\.yaml:7:5: error: unknown key 'a%b' in an item \[schema\]$"
[ "$ERR" = "2 errors, 1 warning in 4 files" ] && pass || fail "the summary is not all of stderr"
[ "$(printf '%s\n' "$OUT" | grep -c ': \(error\|warning\): ')" -eq "$(printf '%s\n' "$OUT" | wc -l)" ] && pass || fail "stdout holds more than the findings"

t_begin "text: warnings only exit 0; --strict makes them exit 1"
make_ws
printf 'squad: platform\nitems:\n  - id: PLAT-2\n    title: late\n    status: planned\n    target: 2026-01-01\n' >roadmap/late.yaml
run check; expect_rc 0
expect_err_line '^0 errors, 1 warning in 4 files$'
run check --strict; expect_rc 1
expect_err_line '^0 errors, 1 warning in 4 files$'
for f in json sarif github junit gitlab; do
  run check --format "$f"; expect_rc 0; no_stderr
  run check --strict --format "$f"; expect_rc 1; no_stderr
done

t_begin "text: infos do not fail, even with --strict"
make_ws
printf 'squad: platform\nitems:\n  - id: PLAT-2\n    title: late\n    status: planned\n    target: 2026-01-01\n' >roadmap/late.yaml
printf 'rules:\n  target-passed: info\n' >>pops.yaml
run check; expect_rc 0
expect_out_line '^roadmap/late\.yaml:6:13: info: .*\[target-passed\]$'
expect_err_line '^0 errors, 0 warnings, 1 info in 4 files$'
run check --strict; expect_rc 0

t_begin "text: --strict on a clean workspace"
make_ws
run check --strict; expect_rc 0; expect_err "no problems in 3 files"

# --- json ---------------------------------------------------------------------------------------

JSON_CHECK='
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
want_e, want_w, want_i, want_files = map(int, sys.argv[2:6])
assert list(d) == ["findings", "summary"], list(d)
assert list(d["summary"]) == ["errors", "warnings", "infos", "files"], list(d["summary"])
s = d["summary"]
assert (s["errors"], s["warnings"], s["infos"], s["files"]) == (want_e, want_w, want_i, want_files), s
sev = [f["severity"] for f in d["findings"]]
assert (sev.count("error"), sev.count("warning"), sev.count("info")) == (want_e, want_w, want_i), sev
for f in d["findings"]:
    assert list(f) == ["file", "line", "column", "severity", "rule", "message"], list(f)
    assert isinstance(f["line"], int) and f["line"] >= 1 and isinstance(f["column"], int) and f["column"] >= 1, f
    assert f["file"] and f["rule"] and f["message"], f
'

t_begin "json: parses, findings and summary counts"
three_findings
run check --format json; expect_rc 1; no_stderr
py "json counts" "$JSON_CHECK" 2 1 0 4
py "json parses with json.load(sys.stdin)" 'import json,sys; json.load(open(sys.argv[1]))'
py "json findings" '
import json, sys
d = json.load(open(sys.argv[1]))
got = sorted((f["file"], f["line"], f["column"], f["severity"], f["rule"]) for f in d["findings"])
want = sorted([("roadmap/a,b:c.yaml", 6, 13, "warning", "target-passed"),
               ("roadmap/a,b:c.yaml", 7, 5, "error", "schema"),
               ("roadmap/payments.yaml", 5, 13, "error", "schema")])
assert got == want, got
msgs = [f["message"] for f in d["findings"]]
assert "unknown key '"'"'a%b'"'"' in an item" in msgs, msgs
'
if printf '%s' "$OUT" | python3 -c 'import json,sys; json.load(sys.stdin)'; then pass; else fail "json.load(sys.stdin) failed"; fi

t_begin "json: a clean workspace"
make_ws
run check --format json; expect_rc 0; no_stderr
py "json clean" "$JSON_CHECK" 0 0 0 3

t_begin "json: stays valid with control characters and invalid UTF-8 in file names"
make_ws
printf 'items: 1\n' >"roadmap/esc$(printf '\033')[31m.yaml"
printf 'items: 1\n' >"roadmap/bad$(printf '\377').yaml"
printf 'items: 1\n' >'roadmap/q"uote\back.yaml'
run check --format json; expect_rc 1; no_stderr
py "json odd names" "$JSON_CHECK" 3 0 0 6

# --- sarif --------------------------------------------------------------------------------------

SARIF_CHECK='
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
j = json.load(open(sys.argv[2], encoding="utf-8"))
assert d["version"] == "2.1.0", d["version"]
run = d["runs"][0]
assert run["tool"]["driver"]["name"] == "pops"
rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
res = run["results"]
assert len(res) == len(j["findings"]), (len(res), len(j["findings"]))
level = {"error": "error", "warning": "warning", "info": "note"}
for r, f in zip(res, j["findings"]):
    assert r["ruleId"] == f["rule"], (r, f)
    assert r["level"] == level[f["severity"]], (r, f)
    assert r["message"]["text"] == f["message"], (r, f)
    assert rules[r["ruleIndex"]] == r["ruleId"], r
    loc = r["locations"][0]["physicalLocation"]
    reg = loc["region"]
    assert reg["startLine"] == f["line"] and reg["startColumn"] == f["column"], (r, f)
    uri = loc["artifactLocation"]["uri"]
    from urllib.parse import unquote
    assert unquote(uri) == f["file"], (uri, f["file"])
    assert "," not in uri and ":" not in uri, uri
'

t_begin "sarif: results carry ruleId, level and region; valid against the 2.1.0 schema"
three_findings
run check --format json; expect_rc 1
printf '%s' "$OUT" >"$T_DIR/findings.json"
run check --format sarif; expect_rc 1; no_stderr
py "sarif results" "$SARIF_CHECK" "$T_DIR/findings.json"
py "sarif levels" '
import json, sys
res = json.load(open(sys.argv[1]))["runs"][0]["results"]
assert sorted(r["level"] for r in res) == ["error", "error", "warning"], res
'
printf '%s' "$OUT" >"$T_DIR/out.sarif"
if [ -f "$SARIF_SCHEMA" ] && python3 -c 'import jsonschema' 2>/dev/null; then
  if v=$(python3 "$HERE/sarif_validate.py" "$SARIF_SCHEMA" "$T_DIR/out.sarif" 2>&1); then pass; else fail "sarif schema: $v"; fi
  # an info (SARIF "note") and a clean run validate too
  printf 'rules:\n  target-passed: info\n' >>pops.yaml
  run check --format sarif; printf '%s' "$OUT" >"$T_DIR/info.sarif"
  if v=$(python3 "$HERE/sarif_validate.py" "$SARIF_SCHEMA" "$T_DIR/info.sarif" 2>&1); then pass; else fail "sarif schema (info): $v"; fi
  py "sarif note" 'import json,sys; assert "note" in [r["level"] for r in json.load(open(sys.argv[1]))["runs"][0]["results"]]'
  rm 'roadmap/a,b:c.yaml'; sed -i 's/in-progres$/in-progress/' roadmap/payments.yaml
  run check --format sarif; expect_rc 0; printf '%s' "$OUT" >"$T_DIR/clean.sarif"
  if v=$(python3 "$HERE/sarif_validate.py" "$SARIF_SCHEMA" "$T_DIR/clean.sarif" 2>&1); then pass; else fail "sarif schema (clean): $v"; fi
  py "sarif clean" 'import json,sys; assert json.load(open(sys.argv[1]))["runs"][0]["results"] == []'
else
  echo "note: SARIF schema validation skipped (no $SARIF_SCHEMA or no python3 jsonschema)"
fi

t_begin "sarif: odd file names stay valid"
make_ws
printf 'items: 1\n' >"roadmap/esc$(printf '\033')[31m.yaml"
printf 'items: 1\n' >"roadmap/bad$(printf '\377').yaml"
printf 'items: 1\n' >'roadmap/sp ace#hash?.yaml'
run check --format sarif; expect_rc 1; no_stderr
py "sarif odd names" 'import json,sys; assert len(json.load(open(sys.argv[1]))["runs"][0]["results"]) == 3'
printf '%s' "$OUT" >"$T_DIR/odd.sarif"
if [ -f "$SARIF_SCHEMA" ] && python3 -c 'import jsonschema' 2>/dev/null; then
  if v=$(python3 "$HERE/sarif_validate.py" "$SARIF_SCHEMA" "$T_DIR/odd.sarif" 2>&1); then pass; else fail "sarif schema (odd names): $v"; fi
fi

# --- github -------------------------------------------------------------------------------------

t_begin "github: workflow commands, escaped"
three_findings
run check --format github; expect_rc 1; no_stderr
expect_out_line '^::warning file=roadmap/a%2Cb%3Ac\.yaml,line=6,col=13,title=pops/target-passed::target 2026-01-01 of PLAT-2 passed '
expect_out_line "^::error file=roadmap/a%2Cb%3Ac\.yaml,line=7,col=5,title=pops/schema::unknown key 'a%25b' in an item$"
expect_out_line "^::error file=roadmap/payments\.yaml,line=5,col=13,title=pops/schema::unknown status 'in-progres' \(did you mean 'in-progress'\?\)$"
expect_out "%25"; expect_out "%2C"; expect_out "%3A"
expect_no_out "a%b"
expect_no_out "a,b:c.yaml"
if [ "$(printf '%s\n' "$OUT" | wc -l)" -eq 3 ]; then pass; else fail "expected one line per finding, no summary"; fi

t_begin "github: infos are notices; a clean run prints nothing"
make_ws
printf 'squad: platform\nitems:\n  - id: PLAT-2\n    title: late\n    status: planned\n    target: 2026-01-01\n' >roadmap/late.yaml
printf 'rules:\n  target-passed: info\n' >>pops.yaml
run check --format github; expect_rc 0; no_stderr
expect_out_line '^::notice file=roadmap/late\.yaml,line=6,col=13,title=pops/target-passed::'
rm roadmap/late.yaml
run check --format github; expect_rc 0; no_stderr
if [ -z "$OUT" ]; then pass; else fail "a clean github run should print nothing"; fi

t_begin "github: a newline in a message is escaped"
make_ws
printf 'squad: platform\nitems:\n  - id: PLAT-2\n    title: x\n    status: "planned\\nnext"\n' >roadmap/nl.yaml
run check --format github; expect_rc 1; no_stderr
if [ "$(printf '%s\n' "$OUT" | wc -l)" -eq 1 ]; then pass; else fail "a message spilled over two lines"; fi
expect_out_line '^::error file=roadmap/nl\.yaml,line=5,col=13,title=pops/schema::'

# --- junit --------------------------------------------------------------------------------------

JUNIT_CHECK='
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
want_cases, want_failures = int(sys.argv[2]), int(sys.argv[3])
assert root.tag == "testsuites", root.tag
cases = list(root.iter("testcase"))
assert len(cases) == want_cases, len(cases)
fails = list(root.iter("failure"))
assert len(fails) == want_failures, len(fails)
assert int(root.get("tests")) == want_cases and int(root.get("failures")) == want_failures, root.attrib
names = [(c.get("classname"), c.get("name")) for c in cases]
assert len(set(names)) == len(names), names
'

t_begin "junit: well-formed XML, one testcase per finding"
three_findings
run check --format junit; expect_rc 1; no_stderr
py "junit" "$JUNIT_CHECK" 3 2
py "junit content" '
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
msgs = sorted(f.get("message") for f in root.iter("failure"))
assert "unknown key '"'"'a%b'"'"' in an item" in msgs, msgs
types = sorted(f.get("type") for f in root.iter("failure"))
assert types == ["error", "error"], types
outs = [o.text for o in root.iter("system-out")]
assert len(outs) == 1 and ": warning: " in outs[0], outs
files = sorted(c.get("file") for c in root.iter("testcase"))
assert files == ["roadmap/a,b:c.yaml", "roadmap/a,b:c.yaml", "roadmap/payments.yaml"], files
'

t_begin "junit: a clean run is one passing testcase; infos are not failures"
make_ws
run check --format junit; expect_rc 0; no_stderr
py "junit clean" "$JUNIT_CHECK" 1 0
printf 'squad: platform\nitems:\n  - id: PLAT-2\n    title: late\n    status: planned\n    target: 2026-01-01\n' >roadmap/late.yaml
printf 'rules:\n  target-passed: info\n' >>pops.yaml
run check --format junit; expect_rc 0; no_stderr
py "junit info" "$JUNIT_CHECK" 1 0

t_begin "junit: warnings only: exit 0 and no failures; with --strict exit 1 and the warnings are failures"
make_ws
printf 'squad: platform\nitems:\n  - id: PLAT-2\n    title: late\n    status: planned\n    target: 2026-01-01\n' >roadmap/late.yaml
printf 'squad: platform\nitems:\n  - id: PLAT-3\n    title: later\n    status: planned\n    target: 2026-02-01\n' >roadmap/later.yaml
run check --format junit; expect_rc 0; no_stderr
py "junit warnings only" "$JUNIT_CHECK" 2 0
py "junit warnings as properties" '
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
props = [p.get("value") for p in root.iter("property") if p.get("name") == "severity"]
assert props == ["warning", "warning"], props
assert all(": warning: " in o.text for o in root.iter("system-out"))
'
run check --format junit --strict; expect_rc 1; no_stderr
py "junit strict" "$JUNIT_CHECK" 2 2

t_begin "junit: equal findings in one file get distinct testcase names"
make_ws
printf 'squad: platform\nitems: [{id: PLAT-2, title: a, status: x, horizon: y}, {id: PLAT-3, title: b, status: x}]\n' >roadmap/one.yaml
run check --format junit; expect_rc 1; no_stderr
py "junit distinct" "$JUNIT_CHECK" 3 3

t_begin "junit: XML-hostile text and control characters in names"
make_ws
printf 'items: 1\n' >"roadmap/esc$(printf '\033')[31m<&>.yaml"
printf 'squad: platform\nitems:\n  - id: PLAT-2\n    title: x\n    "<a href=\\"&amp;\\">\\u0001]]>": 1\n    status: idea\n' >roadmap/xml.yaml
run check --format junit; expect_rc 1; no_stderr
py "junit hostile" "$JUNIT_CHECK" 2 2

# A file name that is not UTF-8 still gives well-formed XML (replaced like json and sarif do).
t_begin "junit: a file name that is not UTF-8 keeps the XML well-formed"
make_ws
printf 'items: 1\n' >"roadmap/bad$(printf '\377').yaml"
run check --format junit; expect_rc 1; no_stderr
py "junit non-UTF-8 name" "$JUNIT_CHECK" 1 1

# --- gitlab -------------------------------------------------------------------------------------

# GitLab Code Quality: required keys and types, severities from GitLab's set, unique fingerprints.
GITLAB_CHECK='
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert isinstance(d, list), type(d)
assert len(d) == int(sys.argv[2]), len(d)
for i in d:
    assert list(i) == ["description", "check_name", "fingerprint", "severity", "location"], list(i)
    assert all(isinstance(i[k], str) and i[k] for k in ("description", "check_name", "fingerprint")), i
    assert i["severity"] in ("info", "minor", "major", "critical", "blocker"), i
    assert list(i["location"]) == ["path", "lines"] and isinstance(i["location"]["path"], str), i
    b = i["location"]["lines"]["begin"]
    assert isinstance(b, int) and not isinstance(b, bool) and b >= 1, i
fps = [i["fingerprint"] for i in d]
assert len(set(fps)) == len(fps), fps
'

t_begin "gitlab: a Code Quality report, severities mapped, stable fingerprints across line moves"
three_findings
run check --format gitlab; expect_rc 1; no_stderr
py "gitlab shape" "$GITLAB_CHECK" 3
py "gitlab content" '
import json, sys
d = json.load(open(sys.argv[1]))
got = sorted((i["location"]["path"], i["location"]["lines"]["begin"], i["severity"], i["check_name"]) for i in d)
want = sorted([("roadmap/a,b:c.yaml", 6, "minor", "target-passed"),
               ("roadmap/a,b:c.yaml", 7, "major", "schema"),
               ("roadmap/payments.yaml", 5, "major", "schema")])
assert got == want, got
assert "unknown key '"'"'a%b'"'"' in an item" in [i["description"] for i in d]
'
printf '%s' "$OUT" >"$T_DIR/before.json"
# Two comment lines on top move every finding down; the fingerprints stay.
for f in roadmap/payments.yaml 'roadmap/a,b:c.yaml'; do sed -i '1i # moved\n# down' "$f"; done
run check --format gitlab; expect_rc 1; no_stderr
py "gitlab fingerprints survive a move" '
import json, sys
a, b = json.load(open(sys.argv[2])), json.load(open(sys.argv[1]))
key = lambda i: (i["location"]["path"], i["check_name"], i["description"])
fa = {key(i): (i["fingerprint"], i["location"]["lines"]["begin"]) for i in a}
fb = {key(i): (i["fingerprint"], i["location"]["lines"]["begin"]) for i in b}
assert fa.keys() == fb.keys(), (fa, fb)
for k in fa:
    assert fa[k][0] == fb[k][0], k
    assert fb[k][1] == fa[k][1] + 2, (k, fa[k], fb[k])
' "$T_DIR/before.json"

t_begin "gitlab: a clean run is an empty array; equal findings get distinct fingerprints"
make_ws
run check --format gitlab; expect_rc 0; no_stderr
if [ "$OUT" = "[]" ]; then pass; else fail "a clean report is not []"; fi
printf 'squad: platform\nitems:\n  - {id: PLAT-2, title: a, status: x}\n  - {id: PLAT-3, title: b, status: x}\n' >roadmap/one.yaml
run check --format gitlab; expect_rc 1; no_stderr
py "gitlab equal findings" "$GITLAB_CHECK" 2

# --- every format: same exit code, nothing on stderr --------------------------------------------

t_begin "every format keeps the exit code and a quiet stderr"
three_findings
for f in text json sarif github junit gitlab; do
  run check --format "$f"; expect_rc 1
  if [ "$f" = text ]; then check_summary_only "$ERR" && pass || fail "text: stderr is more than the summary"; else no_stderr; fi
  if [ -n "$OUT" ]; then pass; else fail "--format $f printed nothing"; fi
done
t_begin "every format exits 0 on a clean workspace"
make_ws
for f in text json sarif github junit gitlab; do
  run check --format "$f"; expect_rc 0
  if [ "$f" = text ]; then expect_err "no problems in 3 files"; else no_stderr; fi
done
run check --format xml; expect_rc 2; expect_err "xml"
