#!/usr/bin/env python3
"""Synthetic pops workspaces in format v1, deterministic by seed, for the benchmark.

  gen.py workspace S|M|L|XL DIR [--seed N]   a workspace of that size
  gen.py history DIR [--seed N] [--items N] [--commits N]
                                         a git repository whose history moves items (size H)

Sizes: S = 3 squads, 150 items; M = 10 squads, 2,000 items; L = 40 squads, 20,000 items, 50,000
feedback entries in files of 500, 2,000 PRDs, 300 ritual notes (about 22 MB of YAML and Markdown);
XL = 100 squads, 100,000 items, 100,000 feedback entries, 5,000 PRDs (about 75 MB).
H = 2,000 items and 2,000 commits, each moving a few items (status, horizon, target).
The workspaces pass `pops check` with POPS_TODAY=2026-11-22 (a few warnings at most).
"""
import argparse
import datetime as dt
import os
import random
import subprocess
import sys

SIZES = {
    #      squads items  feedback  prds  rituals
    "S": (3, 150, 400, 20, 10),
    "M": (10, 2000, 5000, 200, 60),
    "L": (40, 20000, 50000, 2000, 300),
    "XL": (100, 100000, 100000, 5000, 300),
}
STATUSES = ["idea", "discovery", "planned", "in-progress", "shipped", "dropped"]
WORDS = ("refund invoice billing usage metering webhook retry signup invite onboarding search export "
         "import report dashboard alert audit role permission sso saml token api quota limit plan "
         "upgrade trial checkout tax currency payout ledger sync mobile offline cache latency").split()
TAGS = WORDS[:24]
SEGMENTS = ["enterprise", "mid-market", "smb", "startup"]
SOURCES = ["support", "sales", "survey", "interview", "other"]
TODAY = dt.date(2026, 11, 22)


def title(rng, n=4):
    w = rng.sample(WORDS, n)
    return " ".join([w[0].capitalize()] + w[1:])


def squad_ids(n):
    return [f"squad{i:02d}" for i in range(n)]


def prefix(i):
    # S00..S39 would be fine, but prefixes are letters first: AA, AB, ...
    return "Q" + chr(ord("A") + i // 26) + chr(ord("A") + i % 26)


def people_for(squads):
    people = {}
    for si, s in enumerate(squads):
        for k in range(3):
            people[f"p{si:02d}{k}"] = (s, ["pm", "em", "eng"][k])
    return people


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def pops_yaml(squads, people):
    out = ["# Synthetic workspace for the pops benchmark (bench/gen.py).", "version: 1",
           "product: Bench Corp", "squads:"]
    for i, s in enumerate(squads):
        out.append(f"  {s}: {{name: Squad {i}, prefix: {prefix(i)}, lead: p{i:02d}0}}")
    out.append("people:")
    for p, (s, role) in people.items():
        out.append(f"  {p}: {{name: Person {p}, email: {p}@bench.example, role: {role}, squad: {s}}}")
    out += ["rituals:",
            "  sprint-review:",
            "    cadence: {every: 2 weeks, on: thursday, from: 2020-01-02}",
            "docs:",
            "  types:",
            "    prd:",
            "      dir: docs/prd",
            "      required: [title, owner, status, items]",
            "      sections: [Problem, Goals, Non-goals, Success metrics]",
            "rules:",
            "  target-passed: off",
            "  wip-limit: off",
            "  dependency-order: off",
            ""]
    return "\n".join(out)


def item_block(rng, iid, squad_people, ids_before, status=None, horizon=None, target=None):
    status = status or rng.choices(STATUSES, weights=[20, 15, 20, 15, 25, 5])[0]
    horizon = horizon or rng.choice(["now", "next", "later", "2027-Q2"])
    lines = [f"  - id: {iid}", f"    title: {title(rng)}", f"    status: {status}",
             f"    horizon: {horizon}", f"    owner: {rng.choice(squad_people)}"]
    if target or rng.random() < 0.6:
        t = target or (TODAY + dt.timedelta(days=rng.randint(-200, 300)))
        lines.append(f"    target: {t.isoformat()}")
    if ids_before and rng.random() < 0.3:
        lines.append(f"    depends_on: [{rng.choice(ids_before)}]")
    lines.append(f"    tags: [{', '.join(rng.sample(TAGS, 2))}]")
    if rng.random() < 0.5:
        lines.append(f"    links: {{jira: J-{rng.randint(1, 99999)}}}")
    if rng.random() < 0.5:
        lines.append(f"    score: {{reach: {rng.randint(10, 20000)}, impact: {rng.randint(1, 3)}, "
                     f"confidence: {rng.choice([50, 80, 100])}%, effort: {rng.randint(1, 8)}}}")
    if status == "dropped":
        lines.append("    dropped_reason: superseded by a later item")
    if rng.random() < 0.4:
        lines.append("    description: >-")
        lines.append(f"      {title(rng, 8)} so that {title(rng, 6).lower()}.")
    return "\n".join(lines) + "\n"


def roadmap_file(rng, squad, pfx, n, squad_people, first=1):
    out = [f"# Roadmap of {squad}.", f"squad: {squad}", "items:"]
    ids = []
    for k in range(first, first + n):
        iid = f"{pfx}-{k}"
        out.append(item_block(rng, iid, squad_people, ids))
        ids.append(iid)
    return "\n".join(out), ids


def gen_workspace(size, root, seed):
    rng = random.Random(seed)
    n_squads, n_items, n_fb, n_prds, n_rituals = SIZES[size]
    squads = squad_ids(n_squads)
    people = people_for(squads)
    write(os.path.join(root, "pops.yaml"), pops_yaml(squads, people))
    all_ids = []
    per = n_items // n_squads
    for i, s in enumerate(squads):
        sp = [p for p, (q, _) in people.items() if q == s]
        # Large squads keep their items in files of at most 250.
        done = 0
        part = 0
        while done < per:
            n = min(250, per - done)
            text, ids = roadmap_file(rng, s, prefix(i), n, sp, first=done + 1)
            name = f"roadmap/{s}.yaml" if per <= 250 else f"roadmap/{s}/part{part:02d}.yaml"
            write(os.path.join(root, name), text)
            all_ids += ids
            done += n
            part += 1
    # Feedback: files of 500 entries.
    fid = 1
    start = TODAY - dt.timedelta(days=730)
    n_files = (n_fb + 499) // 500
    for f in range(n_files):
        out = ["# Synthetic feedback.", "entries:"]
        for _ in range(min(500, n_fb - (fid - 1))):
            d = start + dt.timedelta(days=(fid * 730) // n_fb)
            out += [f"  - id: FB-{fid}", f"    date: {d.isoformat()}", f"    source: {rng.choice(SOURCES)}",
                    f"    customer: Customer {rng.randint(1, 3000)}", f"    segment: {rng.choice(SEGMENTS)}",
                    f"    arr: {rng.randint(1, 500) * 1000}",
                    f"    quote: \"{title(rng, 7)}, please.\"",
                    f"    tags: [{rng.choice(TAGS)}]"]
            if rng.random() < 0.7:
                out.append(f"    items: [{rng.choice(all_ids)}]")
            out.append(f"    url: https://support.bench.example/tickets/{fid}")
            fid += 1
        write(os.path.join(root, f"feedback/batch-{f:04d}.yaml"), "\n".join(out) + "\n")
    # PRDs.
    plist = list(people)
    for k in range(n_prds):
        body = (f"---\ntitle: {title(rng)}\ntype: prd\nowner: {rng.choice(plist)}\n"
                f"status: {rng.choice(['draft', 'review', 'approved'])}\nitems: [{rng.choice(all_ids)}]\n"
                f"reviewed: {(TODAY - dt.timedelta(days=rng.randint(0, 60))).isoformat()}\n---\n"
                f"# PRD {k}\n\n## Problem\n{title(rng, 10)}.\n\n## Goals\n- {title(rng, 6)}\n\n"
                f"## Non-goals\n- {title(rng, 5)}\n\n## Success metrics\n- {title(rng, 4)} up 10%\n")
        write(os.path.join(root, f"docs/prd/prd-{k:05d}.md"), body)
    # Ritual notes every two weeks on Thursdays, the latest before today.
    d = dt.date(2020, 1, 2)
    dates = []
    while d <= TODAY:
        dates.append(d)
        d += dt.timedelta(days=14)
    for d in dates[-n_rituals:]:
        owner = rng.choice(plist)
        body = (f"---\nritual: sprint-review\ndate: {d.isoformat()}\nattendees: [{', '.join(rng.sample(plist, 3))}]\n"
                f"decisions:\n  - {title(rng, 6)}\nactions:\n"
                f"  - {{what: {title(rng, 5)}, owner: {owner}, due: {(d + dt.timedelta(days=7)).isoformat()}, done: true}}\n"
                f"---\n# Sprint review {d.isoformat()}\n\n## Shipped\n- {title(rng)}\n")
        write(os.path.join(root, f"rituals/sprint-review/{d.isoformat()}.md"), body)


def gen_history(root, seed, n_items, n_commits):
    """A repository built with git fast-import: commit k moves 1 to 3 items and rewrites their file."""
    rng = random.Random(seed)
    n_squads = 10
    squads = squad_ids(n_squads)
    people = people_for(squads)
    os.makedirs(root, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", root], check=True)
    per = n_items // n_squads
    # The state: per squad a list of items as dicts; files are rendered from it at each commit.
    state = {}
    for i, s in enumerate(squads):
        sp = [p for p, (q, _) in people.items() if q == s]
        items = []
        for k in range(1, per + 1):
            items.append({"id": f"{prefix(i)}-{k}", "title": title(rng), "status": rng.choice(STATUSES[:4]),
                          "horizon": rng.choice(["now", "next", "later"]), "owner": rng.choice(sp),
                          "target": TODAY - dt.timedelta(days=400) + dt.timedelta(days=rng.randint(0, 500)),
                          "tags": rng.sample(TAGS, 2)})
        state[s] = items

    def render(s):
        out = [f"# Roadmap of {s}.", f"squad: {s}", "items:"]
        for it in state[s]:
            out += [f"  - id: {it['id']}", f"    title: {it['title']}", f"    status: {it['status']}",
                    f"    horizon: {it['horizon']}", f"    owner: {it['owner']}",
                    f"    target: {it['target'].isoformat()}", f"    tags: [{', '.join(it['tags'])}]"]
            if it["status"] == "dropped":
                out.append("    dropped_reason: no longer needed")
            if it.get("reopened"):
                out.append("    reopened: true")
        return ("\n".join(out) + "\n").encode()

    stream = []
    t0 = int(dt.datetime(2024, 1, 1, 9, 0, tzinfo=dt.timezone.utc).timestamp())

    def blob(data):
        return b"data %d\n" % len(data) + data + b"\n"

    def commit(k, files, msg):
        when = t0 + k * 3600 * 6
        stream.append(b"commit refs/heads/main\n")
        stream.append(b"committer Bench <bench@bench.example> %d +0000\n" % when)
        stream.append(blob(msg.encode()))
        for path, data in files:
            stream.append(b"M 100644 inline " + path.encode() + b"\n" + blob(data))

    files = [("pops.yaml", pops_yaml(squads, people).encode())] + [(f"roadmap/{s}.yaml", render(s)) for s in squads]
    commit(0, files, "Initial roadmap")
    for k in range(1, n_commits):
        touched = set()
        for _ in range(rng.randint(1, 3)):
            s = rng.choice(squads)
            it = rng.choice(state[s])
            what = rng.random()
            if what < 0.5:
                i = STATUSES.index(it["status"]) if it["status"] in STATUSES else 0
                if it["status"] in ("shipped", "dropped"):
                    it["status"], it["reopened"] = "in-progress", True
                else:
                    it["status"] = STATUSES[min(i + 1, 4)]
            elif what < 0.75:
                it["horizon"] = rng.choice(["now", "next", "later"])
            else:
                it["target"] += dt.timedelta(days=rng.randint(-10, 30))
            touched.add(s)
        commit(k, [(f"roadmap/{s}.yaml", render(s)) for s in sorted(touched)], f"Move items ({k})")
    subprocess.run(["git", "-C", root, "fast-import", "--quiet"], input=b"".join(stream), check=True)
    subprocess.run(["git", "-C", root, "checkout", "-q", "-f", "main"], check=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="what", required=True)
    w = sub.add_parser("workspace")
    w.add_argument("size", choices=sorted(SIZES))
    w.add_argument("dir")
    w.add_argument("--seed", type=int, default=1)
    h = sub.add_parser("history")
    h.add_argument("dir")
    h.add_argument("--seed", type=int, default=1)
    h.add_argument("--items", type=int, default=2000)
    h.add_argument("--commits", type=int, default=2000)
    a = ap.parse_args()
    if os.path.exists(a.dir) and os.listdir(a.dir):
        sys.exit(f"gen.py: error: '{a.dir}' exists and is not empty")
    if a.what == "workspace":
        gen_workspace(a.size, a.dir, a.seed)
    else:
        gen_history(a.dir, a.seed, a.items, a.commits)


if __name__ == "__main__":
    main()
