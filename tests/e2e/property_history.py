#!/usr/bin/env python3
"""Property test of the figures pops reads from history.

Builds random histories (items added, started, shipped, reopened, dropped, deleted, moved between
squad files or under a new id (moved_from), targets moved later and earlier, changes that reach the branch through merge commits)
with pinned dates, replays each one here, independently of pops, by the definitions of
docs/metrics.md, and checks that `pops metrics`, `pops log`, `pops show` of every item, `pops digest`
from a date inside the history, `pops report` and a shallow clone's `pops metrics` all give what the
replay gives. Usage: property_history.py POPS WORKDIR SEED...
"""
import copy
import datetime as dt
import json
import os
import random
import subprocess
import sys

CONFIG = """version: 1
product: Property Co
squads:
  payments: {name: Payments, prefix: PAY}
  platform: {name: Platform, prefix: PLAT}
"""
SQUADS = ["payments", "platform"]
PREFIX = {"payments": "PAY", "platform": "PLAT"}


def git(repo, *args, day=None, check=True):
    env = dict(os.environ)
    if day:
        stamp = f"{day.isoformat()}T12:00:00Z"
        env["GIT_AUTHOR_DATE"] = stamp
        env["GIT_COMMITTER_DATE"] = stamp
    return subprocess.run(["git", "-C", repo, *args], env=env, check=check, capture_output=True, text=True)


def write_state(repo, state):
    os.makedirs(os.path.join(repo, "roadmap"), exist_ok=True)
    for squad in SQUADS:
        lines = [f"squad: {squad}", "items:"]
        mine = [i for i in sorted(state, key=lambda x: (x.split("-")[0], int(x.split("-")[1])))
                if state[i]["squad"] == squad]
        for i in mine:
            it = state[i]
            fields = [f"id: {i}", f"title: Item {i}", f"status: {it['status']}", f"horizon: {it['horizon']}"]
            if it.get("target"):
                fields.append(f"target: {it['target']}")
            if it.get("moved_from"):
                fields.append(f"moved_from: {it['moved_from']}")
            lines.append("  - {" + ", ".join(fields) + "}")
        if not mine:
            lines[-1] = "items: []"
        with open(os.path.join(repo, "roadmap", f"{squad}.yaml"), "w") as f:
            f.write("\n".join(lines) + "\n")


def mutate(rng, state, counters, deleted):
    """One random change of the state; returns a short description."""
    open_ids = [i for i, it in state.items() if it["status"] not in ("shipped", "dropped")]
    choices = ["add"] * 3
    if open_ids:
        choices += ["advance"] * 4 + ["ship"] * 2 + ["drop", "delete", "target", "target", "move", "move-new-id"]
    if any(it["status"] == "shipped" for it in state.values()):
        choices += ["reopen"]
    op = rng.choice(choices)
    if op == "add":
        squad = rng.choice(SQUADS)
        counters[squad] += 1
        i = f"{PREFIX[squad]}-{counters[squad]}"
        state[i] = {"squad": squad, "status": rng.choice(["idea", "planned", "in-progress"]),
                    "horizon": rng.choice(["now", "next"]), "target": None}
        return f"add {i}"
    if op == "reopen":
        i = rng.choice(sorted(i for i, it in state.items() if it["status"] == "shipped"))
        state[i]["status"] = "in-progress"
        return f"reopen {i}"
    i = rng.choice(sorted(open_ids))
    it = state[i]
    if op == "advance":
        it["status"] = {"idea": "planned", "planned": "in-progress", "in-progress": "shipped"}[it["status"]]
    elif op == "ship":
        it["status"] = "shipped"
    elif op == "drop":
        it["status"] = "dropped"
    elif op == "delete":
        del state[i]
        deleted.add(i)
    elif op == "target":
        base = dt.date.fromisoformat(it["target"]) if it["target"] else dt.date(2026, 6, 1)
        r = rng.random()
        it["target"] = None if r < 0.15 else (base + dt.timedelta(days=rng.choice([-9, -3, 4, 7, 11, 20]))).isoformat()
    elif op == "move":
        it["squad"] = "platform" if it["squad"] == "payments" else "payments"
    elif op == "move-new-id":
        # pops item move --new-id: a copy under the other squad's next id, moved_from the old one,
        # and the old one dropped.
        squad = "platform" if it["squad"] == "payments" else "payments"
        counters[squad] += 1
        new = f"{PREFIX[squad]}-{counters[squad]}"
        state[new] = dict(it, squad=squad, moved_from=i)
        it["status"] = "dropped"
        return f"move {i} to {new}"
    return f"{op} {i}"


def build(repo, seed):
    """A random repository; returns the first-parent states [(day, state)] the replay reads."""
    rng = random.Random(seed)
    os.makedirs(repo)
    git(repo, "init", "-q", "-b", "main")
    with open(os.path.join(repo, "pops.yaml"), "w") as f:
        f.write(CONFIG)
    state, counters, deleted = {}, {s: 0 for s in SQUADS}, set()
    day = dt.date(2026, 1, 5)
    history = []
    for n in range(rng.randint(22, 34)):
        day += dt.timedelta(days=rng.randint(1, 6))
        before = copy.deepcopy(state)
        what = [mutate(rng, state, counters, deleted) for _ in range(rng.randint(1, 3))]
        write_state(repo, state)
        git(repo, "add", "-A")
        if git(repo, "diff", "--cached", "--quiet", check=False).returncode == 0:
            state = before  # the changes undid each other: nothing to commit
            continue
        if n > 3 and rng.random() < 0.2:
            # The change reaches main through a merge: committed on a branch two days earlier.
            branch = f"topic{n}"
            git(repo, "checkout", "-q", "-b", branch)
            git(repo, "commit", "-q", "-m", "; ".join(what), day=day - dt.timedelta(days=2))
            git(repo, "checkout", "-q", "main")
            git(repo, "merge", "-q", "--no-ff", "-m", f"Merge {branch}", branch, day=day)
        else:
            git(repo, "commit", "-q", "-m", "; ".join(what), day=day)
        history.append((day, copy.deepcopy(state)))
    return history


def month(d):
    return f"{d.year:04}-{d.month:02}"


def replay(history, until):
    """Per-period portfolio figures and per-item dates, by docs/metrics.md."""
    first_seen, started, shipped_day, drops, slips, targets = {}, {}, {}, [], [], {}
    first_target, track_slips, ship_squad = {}, {}, {}
    prev = {}
    changes = []  # (day, id) of every item change, as pops log lists them
    gone = set()  # ids moved under a new id: their track goes on under it
    for day, state in history:
        if day > until:
            break
        # Moves under a new id: the new item continues the old one's track (docs/metrics.md, "Moves").
        moved = {}
        for i, it in state.items():
            if i in gone:
                continue
            src = it.get("moved_from")
            if i not in prev and src and src in prev and prev[src]["status"] != "dropped" and (
                    src not in state or state[src]["status"] == "dropped"):
                moved[src] = i
                gone.add(src)
                for d in (first_seen, started, shipped_day, first_target, track_slips, ship_squad):
                    if src in d:
                        d[i] = d.pop(src)
                prev = dict(prev)
                prev[i] = prev[src]  # compared with the old item's state from here on
        for i, it in state.items():
            if i in moved:
                changes.append((day.isoformat(), i))
                continue  # dropped by the move: no drop
            if i in gone:
                if prev.get(i) != it:
                    changes.append((day.isoformat(), i))
                continue  # its track goes on under the new id
            old = prev.get(i)
            first_seen.setdefault(i, day)
            if it["status"] == "in-progress":
                started.setdefault(i, day)
            if it["status"] == "shipped" and (old is None or old["status"] != "shipped"):
                if old is not None:
                    shipped_day[i] = day
                    ship_squad[i] = it["squad"]
                else:
                    shipped_day[i] = None  # first seen shipped: the day is not known
            if it.get("target") and it["horizon"] == "now":
                first_target.setdefault(i, it["target"])
            if old is not None and it["status"] == "dropped" and old["status"] != "dropped":
                drops.append((day, i))
            t_old = old.get("target") if old else None
            t_new = it.get("target")
            if t_old and t_new and t_new > t_old:
                days = (dt.date.fromisoformat(t_new) - dt.date.fromisoformat(t_old)).days
                slips.append((day, i, days))
                track_slips.setdefault(i, []).append((day.isoformat(), i, t_old, t_new, days))
            if old is None or old != it:
                changes.append((day.isoformat(), i))
        for i, old in prev.items():
            if i not in state:
                changes.append((day.isoformat(), i))
                if old["status"] not in ("shipped", "dropped"):
                    drops.append((day, i))  # ids are never reused: never back later
        prev = state
    # "Still shipped at the end": its last status, also when it was deleted after (an archived item).
    last_status = {}
    for day, state in history:
        if day > until:
            break
        for i, it in state.items():
            last_status[i] = it["status"]
    shipped = {i: d for i, d in shipped_day.items() if d and last_status.get(i) == "shipped"}
    periods = {}

    def row(d):
        return periods.setdefault(month(d), {"shipped": 0, "added": 0, "dropped": set(), "slipped": set(),
                                             "slip_days": 0})
    for i, d in first_seen.items():
        row(d)["added"] += 1
    for i, d in shipped.items():
        row(d)["shipped"] += 1
    for d, i in drops:
        row(d)["dropped"].add(i)
    for d, i, days in slips:
        row(d)["slipped"].add(i)
        row(d)["slip_days"] += days
    out = {p: {"shipped": r["shipped"], "added": r["added"], "dropped": len(r["dropped"]),
               "slipped": len(r["slipped"]), "slip_days": r["slip_days"]} for p, r in periods.items()}
    items = {i: {"first_seen": first_seen[i].isoformat(), "started": started[i].isoformat() if i in started else None,
                 "shipped": shipped[i].isoformat() if i in shipped else None} for i in first_seen}
    # What the other views show of each track: its first committed target, lateness, slips and the
    # squad it shipped in.
    tracks = {}
    for i in first_seen:
        ft = first_target.get(i)
        late = (shipped[i] - dt.date.fromisoformat(ft)).days if ft and i in shipped else None
        tracks[i] = {"shipped": shipped.get(i), "first_target": ft, "late_days": late,
                     "slips": track_slips.get(i, []), "squad": ship_squad.get(i)}
    return out, items, sorted(set(changes)), tracks, slips


def pops(bin_, repo, *args):
    r = subprocess.run([bin_, "-C", repo, *args], capture_output=True, text=True)
    if r.returncode != 0:
        raise AssertionError(f"pops {' '.join(args)} exited {r.returncode}: {r.stderr.strip()}")
    return r


def check_seed(bin_, workdir, seed):
    repo = os.path.join(workdir, f"seed{seed}")
    history = build(repo, seed)
    first, last = history[0][0], history[-1][0]
    expected, items, changes, tracks, slips = replay(history, last)
    problems = []
    got = json.loads(pops(bin_, repo, "metrics", "--since", first.isoformat(), "--until", last.isoformat(),
                          "--format", "json", "--no-cache").stdout)
    rows = {r["period"]: r for r in got["rows"] if r["squad"] is None}
    for p in sorted(set(rows) | set(expected)):
        want = expected.get(p, {"shipped": 0, "added": 0, "dropped": 0, "slipped": 0, "slip_days": 0})
        have = {k: rows.get(p, {}).get(k) for k in want}
        if have != want:
            problems.append(f"metrics {p}: pops {have}, replay {want}")
    for it in got["items"]:
        want = items.get(it["id"])
        have = {"first_seen": it["first_seen"], "started": it["started"], "shipped": it["shipped"]}
        if want is not None and have != want:
            problems.append(f"metrics item {it['id']}: pops {have}, replay {want}")
    # The cache gives the same answer as no cache.
    cached = json.loads(pops(bin_, repo, "metrics", "--since", first.isoformat(), "--until", last.isoformat(),
                             "--format", "json").stdout)
    cached2 = json.loads(pops(bin_, repo, "metrics", "--since", first.isoformat(), "--until", last.isoformat(),
                              "--format", "json").stdout)
    for c in (cached, cached2):
        if c["rows"] != got["rows"] or c["items"] != got["items"]:
            problems.append("metrics with the cache differ from --no-cache")
    # pops log: the item changes of every first-parent commit.
    log = json.loads(pops(bin_, repo, "log", "--format", "json", "--no-cache").stdout)
    have_changes = sorted({(c["date"], ch["id"]) for c in log["commits"] for ch in c["changes"]
                           if ch.get("entity", "item") == "item"})
    if have_changes != changes:
        extra = sorted(set(have_changes) - set(changes))[:5]
        missing = sorted(set(changes) - set(have_changes))[:5]
        problems.append(f"log: pops lists {extra} the replay has not, lacks {missing}")
    # A shallow clone answers a window after its boundary exactly as the whole history does.
    depth = max(3, len(history) // 2)
    clone = repo + "-shallow"
    subprocess.run(["git", "clone", "-q", "--depth", str(depth), "file://" + repo, clone], check=True,
                   capture_output=True)
    oldest = dt.date.fromisoformat(subprocess.run(
        ["git", "-C", clone, "log", "--first-parent", "--format=%cs"], check=True, capture_output=True,
        text=True).stdout.split()[-1])
    since = (oldest.replace(day=1) + dt.timedelta(days=62)).replace(day=1)
    if since <= last:
        args = ["metrics", "--since", since.isoformat(), "--until", last.isoformat(), "--format", "json",
                "--no-cache"]
        whole = json.loads(pops(bin_, repo, *args).stdout)
        r = subprocess.run([bin_, "-C", clone, *args], capture_output=True, text=True)
        if r.returncode == 0:
            if json.loads(r.stdout)["rows"] != whole["rows"]:
                problems.append(f"shallow clone (depth {depth}) from {since}: rows differ from the whole history's")
            if "the history is shallow" not in r.stderr:
                problems.append("shallow clone: no note that older history is absent")
        elif r.returncode != 2 or "the history is shallow" not in r.stderr:
            problems.append(f"shallow clone: exit {r.returncode}: {r.stderr.strip()}")
    problems += check_views(bin_, repo, history, tracks, slips, seed)
    return history, problems


COUNTS = {"show": 0, "digest shipped": 0, "digest slipped": 0, "report slips": 0}


def iso(d):
    return d.isoformat() if d else None


def md_table(text, heading):
    """The rows of the first Markdown table under `## heading`, as lists of cells."""
    part = text.split(f"## {heading}\n", 1)
    if len(part) < 2:
        return None
    rows = []
    for line in part[1].split("\n## ", 1)[0].splitlines():
        if line.startswith("|") and not line.startswith("| ---"):
            rows.append([c.strip() for c in line.strip("|").split("|")])
    return rows[1:]  # without the header


def check_views(bin_, repo, history, tracks, slips, seed):
    """show, digest and report against the replay (and so against metrics and log)."""
    problems = []
    first, last = history[0][0], history[-1][0]
    final = history[-1][1]
    COUNTS["show"] += sum(1 for i in final if i in tracks)
    env_today = last.isoformat()
    # pops show ID: its ship day, first committed target, days late and every slip of its track.
    for i in sorted(final):
        if i not in tracks:
            continue
        r = subprocess.run([bin_, "-C", repo, "show", i, "--format", "json"], capture_output=True, text=True,
                           env=dict(os.environ, POPS_TODAY=env_today))
        if r.returncode != 0:
            problems.append(f"show {i}: exit {r.returncode}: {r.stderr.strip()}")
            continue
        h = json.loads(r.stdout)["history"]
        t = tracks[i]
        have = {"shipped": h["shipped"], "first_target": h["first_target"], "late_days": h["late_days"],
                "slips": [(s["date"], s.get("id", i), s["from"], s["to"], s["days"]) for s in h["slips"]],
                "slip_days": h["slip_days"]}
        want = {"shipped": iso(t["shipped"]), "first_target": t["first_target"], "late_days": t["late_days"],
                "slips": t["slips"], "slip_days": sum(x[4] for x in t["slips"])}
        if have != want:
            problems.append(f"show {i}: pops {have}, replay {want}")
    # pops digest --since D, for a D inside the history: shipped, slipped and their figures.
    rng = random.Random(seed * 7919)
    since = history[rng.randrange(1, len(history))][0]
    r = subprocess.run([bin_, "-C", repo, "digest", "--since", since.isoformat(), "--format", "json"],
                       capture_output=True, text=True, env=dict(os.environ, POPS_TODAY=env_today))
    if r.returncode != 0:
        return problems + [f"digest: exit {r.returncode}: {r.stderr.strip()}"]
    dg = json.loads(r.stdout)
    want_shipped = sorted((i, iso(t["shipped"]), t["first_target"], t["late_days"]) for i, t in tracks.items()
                          if t["shipped"] and t["shipped"] >= since)
    have_shipped = sorted((e["id"], e["shipped"], e["first_target"], e["late_days"]) for e in dg["shipped"])
    COUNTS["digest shipped"] += len(want_shipped)
    if have_shipped != want_shipped:
        problems.append(f"digest --since {since}: shipped {have_shipped}, replay {want_shipped}")
    want_slipped = {}
    for day, i, days in slips:
        if day >= since:
            n, total = want_slipped.get(i, (0, 0))
            want_slipped[i] = (n + 1, total + days)
    have_slipped = {e["id"]: (e["slips"], e["days"]) for e in dg["slipped"]}
    COUNTS["digest slipped"] += len(want_slipped)
    if have_slipped != want_slipped:
        problems.append(f"digest --since {since}: slipped {have_slipped}, replay {want_slipped}")
    total = [f for f in dg["figures"] if f["squad"] == "total"][0]
    want_total = (len(want_shipped), len(want_slipped), sum(v[1] for v in want_slipped.values()))
    if (total["shipped"], total["slipped"], total["slip_days"]) != want_total:
        problems.append(f"digest --since {since}: figures {total}, replay (shipped, slipped, days) {want_total}")
    # pops report --format markdown over the whole history: throughput per squad and month, the
    # slips and the shipped items against their first target.
    r = subprocess.run([bin_, "-C", repo, "report", "--format", "markdown", "--since", first.isoformat(),
                        "--until", last.isoformat()], capture_output=True, text=True,
                       env=dict(os.environ, POPS_TODAY=env_today))
    if r.returncode != 0:
        return problems + [f"report: exit {r.returncode}: {r.stderr.strip()}"]
    rep = r.stdout
    rows = md_table(rep, "Throughput")
    header = rep.split("## Throughput\n", 1)[1].split("\n## ", 1)[0]
    months = [c.strip() for c in [l for l in header.splitlines() if l.startswith("| squad")][0].strip("|").split("|")][1:]
    have_tp = {(row[0], m): int(v) for row in rows for m, v in zip(months, row[1:])}
    want_tp = {(sq, m): 0 for sq in SQUADS for m in months}
    for i, t in tracks.items():
        if t["shipped"]:
            want_tp[(t["squad"], month(t["shipped"]))] += 1
    if have_tp != want_tp:
        diff = {k: (have_tp.get(k), want_tp.get(k)) for k in set(have_tp) | set(want_tp) if have_tp.get(k) != want_tp.get(k)}
        problems.append(f"report throughput (pops, replay): {diff}")
    have_slips = sorted((row[0], row[1].split()[0], row[3], row[4]) for row in (md_table(rep, "Slips") or []))
    want_slips = sorted((d.isoformat(), i, f"{x[2]} → {x[3]}", f"+{days}")
                        for d, i, days in slips for x in [next(s for t in tracks.values() for s in t["slips"]
                                                              if s[0] == d.isoformat() and s[1] == i)])
    COUNTS["report slips"] += len(want_slips)
    if have_slips != want_slips:
        problems.append(f"report slips: pops {have_slips}, replay {want_slips}")
    dash = "–"
    have_late = sorted((row[0], row[1].split()[0], row[3], row[4]) for row in (md_table(rep, "Shipped against the first target") or []))
    want_late = sorted((iso(t["shipped"]), i, t["first_target"] or dash,
                        dash if t["late_days"] is None else (f"+{t['late_days']}" if t["late_days"] > 0 else str(t["late_days"])))
                       for i, t in tracks.items() if t["shipped"])
    if have_late != want_late:
        problems.append(f"report shipped against the first target: pops {have_late}, replay {want_late}")
    return problems


def main():
    bin_, workdir, seeds = sys.argv[1], sys.argv[2], [int(s) for s in sys.argv[3:]]
    failed = 0
    commits = 0
    for seed in seeds:
        history, problems = check_seed(bin_, workdir, seed)
        commits += len(history)
        for p in problems[:8]:
            print(f"FAIL [seed {seed}]: {p}")
        failed += 1 if problems else 0
    print(f"{len(seeds)} random histories, {commits} first-parent commits, {failed} disagreed; compared "
          + ", ".join(f"{n} {k}" for k, n in COUNTS.items()))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
