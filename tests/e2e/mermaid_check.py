#!/usr/bin/env python3
"""Checks a mermaid Gantt chart against the subset of the grammar `pops roadmap --format mermaid` emits.

usage: mermaid_check.py [FILE]   (standard input without FILE)

The grammar (mermaid's gantt.jison, case-insensitive keywords):
    gantt
    title <text>                      no '#' or ';'
    dateFormat YYYY-MM-DD             before the first task
    section <name>                    no ':', '#' or ';'
    <task name> :<data>               name: no ':', '#' or ';', not starting with a keyword
        data = [tag, ...] id, start, end|duration
        tag in done, active, crit, milestone (each at most once); id [A-Za-z_][A-Za-z0-9_]*, unique;
        start a valid date; end a valid date not before start, or a duration such as 0d, 3w
    %% comment
Exit status 0 when the chart is valid, 1 with one line per error otherwise.
"""
import datetime
import re
import sys

KEYWORDS = ("gantt", "title", "section", "dateformat", "axisformat", "tickinterval", "excludes",
            "includes", "todaymarker", "click", "inclusiveenddates", "topaxis", "weekday", "acc")
TAGS = {"done", "active", "crit", "milestone"}
ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
DURATION = re.compile(r"^\d+(\.\d+)?(ms|s|m|h|d|w)$")


def parse_date(text):
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def check(text):
    errors = []
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    seen_gantt = False
    date_format = None
    section = None
    ids = set()
    tasks = 0
    for n, raw in enumerate(lines, 1):
        def err(msg):
            errors.append(f"line {n}: {msg}: {raw!r}")
        if "\r" in raw or "\t" in raw:
            err("carriage return or tab")
            continue
        line = raw.strip()
        if not line or line.startswith("%%"):
            continue
        if not seen_gantt:
            if line != "gantt":
                err("the chart must start with 'gantt'")
                return errors
            seen_gantt = True
            continue
        low = line.lower()
        if low.startswith("title "):
            if re.search(r"[#;]", line[6:]) or not line[6:].strip():
                err("bad title")
            continue
        if low.startswith("dateformat "):
            date_format = line[11:].strip()
            if date_format != "YYYY-MM-DD":
                err("dateFormat other than YYYY-MM-DD")
            continue
        if low.startswith("section "):
            section = line[8:].strip()
            if not section or re.search(r"[:#;]", section):
                err("bad section name")
            continue
        if low.startswith(KEYWORDS):
            err("a statement this checker does not know")
            continue
        if ":" not in line:
            err("neither a statement nor a task")
            continue
        name, data = line.split(":", 1)
        if not name.strip():
            err("a task without a name")
        if re.search(r"[#;]", name) or re.search(r"[#;:]", data):
            err("'#', ';' or ':' in a task")
            continue
        if section is None:
            err("a task before the first section")
        if date_format is None:
            err("a task before dateFormat")
        parts = [p.strip() for p in data.split(",")]
        tags = []
        while parts and parts[0] in TAGS:
            tags.append(parts.pop(0))
        if len(set(tags)) != len(tags):
            err("a tag given twice")
        if len(parts) != 3:
            err(f"expected id, start, end after the tags, found {len(parts)} fields")
            continue
        tid, start, end = parts
        if not ID.match(tid):
            err(f"bad task id {tid!r}")
        elif tid in ids:
            err(f"task id {tid!r} used twice")
        ids.add(tid)
        sd = parse_date(start)
        if sd is None:
            err(f"bad start date {start!r}")
        if DURATION.match(end):
            if "milestone" in tags and end != "0d":
                err("a milestone must last 0d")
        else:
            ed = parse_date(end)
            if ed is None:
                err(f"bad end {end!r}: neither a date nor a duration")
            elif sd is not None and ed < sd:
                err("end before start")
        tasks += 1
    if not seen_gantt:
        errors.append("empty chart: no 'gantt' line")
    return errors


def main():
    text = open(sys.argv[1], encoding="utf-8").read() if len(sys.argv) > 1 else sys.stdin.read()
    errors = check(text)
    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
