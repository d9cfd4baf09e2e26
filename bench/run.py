#!/usr/bin/env python3
"""The pops benchmark: runs pops and its peers on the same files, alternating, and prints medians,
ratios and peak memory. See bench/README.md.

  bench/run.py [--build DIR] [--work DIR] [--runs N] [--sizes S,M,L] [--no-history] [--json FILE]
  bench/run.py --scale [--sizes S,M,L,XL] [--commits 2000,8000] [--svg FILE] [--markdown FILE]

--scale measures how each command grows: every workspace size (a git repository of one commit) and
histories of 2,000 and 8,000 commits, time (median) and peak memory, as a table, and with --svg a
log-log plot of time against the number of items (commits for the history commands).

Peers: yamllint (syntax and style only; pops checks much more) and a single-threaded yaml-cpp parser
(bench/yamlcpp_parse.cpp) for `pops check`; `git log -p -- roadmap/` for the history commands.
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ENV = dict(os.environ, POPS_TODAY="2026-11-22", NO_COLOR="1", LC_ALL="C.UTF-8", TZ="UTC")


def run_once(cmd, cwd):
    """Wall time in seconds, peak RSS in MB, exit status and CPU seconds (user + sys) of one run;
    output discarded."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    dt = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    return dt, ru.ru_maxrss / 1024.0, code, ru.ru_utime + ru.ru_stime


def bench(cases, cwd, runs, prepare=None):
    """cases: [(name, argv)]. Alternates the cases run by run; returns {name: (median, min, rss, code,
    median CPU seconds)}."""
    times = {n: [] for n, _ in cases}
    cpus = {n: [] for n, _ in cases}
    rss = {n: 0.0 for n, _ in cases}
    codes = {}
    for _ in range(runs):
        for name, argv in cases:
            if prepare:
                prepare(name)
            dt, mb, code, cpu = run_once(argv, cwd)
            times[name].append(dt)
            cpus[name].append(cpu)
            rss[name] = max(rss[name], mb)
            codes[name] = code
    return {n: (statistics.median(times[n]), min(times[n]), rss[n], codes[n], statistics.median(cpus[n]))
            for n, _ in cases}


def table(title, res, base):
    print(f"\n{title}")
    print(f"  {'command':<44} {'median':>9} {'min':>9} {'vs ' + base:>12} {'peak MB':>8} {'exit':>4}")
    b = res[base][0]
    for name, (med, mn, mb, code, _cpu) in res.items():
        ratio = f"{med / b:.2f}x" if b > 0 else "-"
        print(f"  {name:<44} {med:>8.3f}s {mn:>8.3f}s {ratio:>12} {mb:>8.1f} {code:>4}")


def git(repo, *args):
    subprocess.run(["git", "-C", repo, *args], check=True, env=dict(ENV, GIT_AUTHOR_NAME="bench",
                   GIT_AUTHOR_EMAIL="bench@example.com", GIT_COMMITTER_NAME="bench",
                   GIT_COMMITTER_EMAIL="bench@example.com"), stdout=subprocess.DEVNULL)


def bench_staged(pops, ws, work, size, runs):
    """`pops check --staged` in a git repository of the workspace with one roadmap file changed and
    staged before every run (a new change each time, as in a pre-commit hook), cache on and off."""
    repo = os.path.join(work, f"ws-{size}-git")
    if not os.path.exists(repo):
        shutil.copytree(ws, repo)
        git(repo, "init", "-q", "-b", "main")
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", "workspace")
    roadmap = sorted(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(repo, "roadmap")) for f in fs)[0]
    with open(roadmap) as f:
        original = f.read()
    count = [0]

    def change(_name):
        count[0] += 1
        # One title of the file changes; the file is staged.
        text = original.replace("title: ", f"title: Run {count[0]} ", 1)
        with open(roadmap, "w") as f:
            f.write(text)
        git(repo, "add", roadmap)

    change("warm-up")
    subprocess.run([pops, "check", "--staged"], cwd=repo, env=ENV, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    res = bench([("pops check --staged (one roadmap file changed)", [pops, "check", "--staged"]),
                 ("pops check --staged --no-cache", [pops, "check", "--staged", "--no-cache"])],
                repo, runs, prepare=change)
    with open(roadmap, "w") as f:
        f.write(original)
    git(repo, "add", roadmap)
    table(f"size {size} in git: --staged, one roadmap file changed", res, "pops check --staged --no-cache")
    return res


def size_of(root):
    total = files = 0
    for d, dirs, fs in os.walk(root):
        dirs[:] = [x for x in dirs if x != ".git"]
        for f in fs:
            total += os.path.getsize(os.path.join(d, f))
            files += 1
    return total, files


SCALE_COMMANDS = [
    ("check --no-cache", ["check", "--no-cache"]),
    ("check, first run", ["check"]),
    ("check, warm", ["check"]),
    ("roadmap --format json", ["roadmap", "--format", "json"]),
    ("rank", ["rank"]),
    ("insights", ["insights"]),
    ("feedback list", ["feedback", "list"]),
    ("doc list", ["doc", "list"]),
    ("export json", ["export", "json"]),
    ("report", ["report", "-o", "report.html"]),
]
HISTORY_COMMANDS = [
    ("metrics --no-cache", ["metrics", "--no-cache"]),
    ("log --no-cache", ["log", "--no-cache"]),
    ("log ITEM --no-cache", ["log", "@ITEM", "--no-cache"]),
    ("digest, cold (whole history)", ["digest", "--since", "@FIRST"]),
]


def items_of(ws):
    n = 0
    for d, _, fs in os.walk(os.path.join(ws, "roadmap")):
        for f in fs:
            with open(os.path.join(d, f)) as fh:
                n += sum(1 for line in fh if line.lstrip().startswith("- id:") or line.lstrip().startswith("- {id:"))
    return n


def first_item(ws):
    for d, _, fs in sorted(os.walk(os.path.join(ws, "roadmap"))):
        for f in sorted(fs):
            with open(os.path.join(d, f)) as fh:
                for line in fh:
                    t = line.strip()
                    if t.startswith("- id:") or t.startswith("- {id:"):
                        return t.split("id:")[1].strip(" ,}").split(",")[0]
    return None


def svg_plot(series, x_label, path, what="wall time"):
    """series: {name: [(x, seconds)]}; a log-log line chart, self-contained, with a title and labels."""
    import math
    w, h, left, bottom, top, right = 760, 420, 70, 50, 30, 230
    xs = [x for pts in series.values() for x, _ in pts if x > 0]
    ys = [y for pts in series.values() for _, y in pts if y > 0]
    if not xs or not ys:
        return
    x0, x1 = math.log10(min(xs)), math.log10(max(xs))
    y0, y1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))
    x1 = x1 if x1 > x0 else x0 + 1
    y1 = y1 if y1 > y0 else y0 + 1
    px = lambda x: left + (math.log10(x) - x0) / (x1 - x0) * (w - left - right)
    py = lambda y: h - bottom - (math.log10(y) - y0) / (y1 - y0) * (h - bottom - top)
    colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
               "#7f7f7f", "#bcbd22", "#393b79", "#637939", "#843c39", "#7b4173"]
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
           f'role="img" aria-labelledby="t"><title id="t">pops: {what} of each command against {x_label} '
           f'(log-log)</title>',
           f'<rect width="{w}" height="{h}" fill="#fff"/>',
           f'<g font-family="sans-serif" font-size="11" fill="#222">']
    for e in range(int(y0), int(y1) + 1):
        y = py(10 ** e)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{w - right}" y2="{y:.1f}" stroke="#ddd"/>'
                   f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{10 ** e:g} s</text>')
    for x in sorted(set(xs)):
        out.append(f'<line x1="{px(x):.1f}" y1="{top}" x2="{px(x):.1f}" y2="{h - bottom}" stroke="#eee"/>'
                   f'<text x="{px(x):.1f}" y="{h - bottom + 16}" text-anchor="middle">{x:,}</text>')
    out.append(f'<text x="{(left + w - right) / 2:.0f}" y="{h - 10}" text-anchor="middle">{x_label}</text>')
    for k, (name, pts) in enumerate(series.items()):
        c = colours[k % len(colours)]
        pts = [(x, y) for x, y in pts if x > 0 and y > 0]
        line = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in pts)
        out.append(f'<polyline fill="none" stroke="{c}" stroke-width="2" points="{line}"><title>{name}</title></polyline>')
        for x, y in pts:
            out.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="{c}"><title>{name}: {y:.3f} s at {x:,}</title></circle>')
        ly = top + 14 * k
        out.append(f'<line x1="{w - right + 12}" y1="{ly:.0f}" x2="{w - right + 30}" y2="{ly:.0f}" stroke="{c}" stroke-width="2"/>'
                   f'<text x="{w - right + 36}" y="{ly + 4:.0f}">{name}</text>')
    out.append("</g></svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def scale(a, pops):
    gen = [sys.executable, os.path.join(HERE, "gen.py")]
    env_cache = os.path.join(a.work, "xdg-cache")
    rows = []  # (kind, size label, n, command, median, rss)
    for size in [x for x in a.sizes.split(",") if x]:
        ws = os.path.join(a.work, f"scale-{size}")
        if not os.path.exists(ws):
            subprocess.run(gen + ["workspace", size, ws], check=True)
            git(ws, "init", "-q", "-b", "main")
            git(ws, "add", "-A")
            git(ws, "commit", "-qm", "workspace")
        n = items_of(ws)
        cache = os.path.join(ws, ".git", "pops")
        for name, args in SCALE_COMMANDS:
            if name == "check, warm":
                subprocess.run([pops, "check"], cwd=ws, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            prep = (lambda _n: shutil.rmtree(cache, ignore_errors=True)) if name in ("check, first run",) else None
            if name not in ("check, first run", "check, warm"):
                # The other commands read the workspace as a fresh clone would: no cache of pops check.
                prep = lambda _n: shutil.rmtree(cache, ignore_errors=True)
            res = bench([(name, [pops, *args])], ws, a.runs, prepare=prep)
            med, _, rss, code, cpu = res[name]
            rows.append(("workspace", size, n, name, med, rss, code, cpu))
            print(f"  {size:<3} {n:>7} items  {name:<24} {med:>8.3f}s cpu {cpu:>7.3f}s {rss:>8.1f} MB  exit {code}",
                  flush=True)
    for commits in [int(c) for c in a.commits.split(",")]:
        repo = os.path.join(a.work, f"scale-history-{commits}")
        if not os.path.exists(repo):
            subprocess.run(gen + ["history", repo, "--commits", str(commits)], check=True)
        item = first_item(repo)
        first_day = subprocess.run(["git", "-C", repo, "log", "--reverse", "--format=%cs"], capture_output=True,
                                   text=True, check=True).stdout.split("\n")[0]
        for name, args in HISTORY_COMMANDS:
            argv = [pops, *[item if x == "@ITEM" else first_day if x == "@FIRST" else x for x in args]]
            # Cold: no history cache (digest has no --no-cache; its cache is emptied before each run).
            res = bench([(name, argv)], repo, a.runs,
                        prepare=lambda _n: shutil.rmtree(os.path.join(repo, ".git", "pops"), ignore_errors=True))
            med, _, rss, code, cpu = res[name]
            rows.append(("history", f"H{commits}", commits, name, med, rss, code, cpu))
            print(f"  H{commits:<6} {name:<24} {med:>8.3f}s cpu {cpu:>7.3f}s {rss:>8.1f} MB  exit {code}", flush=True)
        res = bench([("git log -p -- roadmap/", ["git", "log", "-p", "--", "roadmap/"])], repo, a.runs)
        med, _, rss, code, cpu = res["git log -p -- roadmap/"]
        rows.append(("history", f"H{commits}", commits, "git log -p -- roadmap/ (peer)", med, rss, code, cpu))
        print(f"  H{commits:<6} {'git log -p -- roadmap/':<24} {med:>8.3f}s cpu {cpu:>7.3f}s {rss:>8.1f} MB", flush=True)
    # The table: one row per command, a column per size.
    lines = []
    for kind, unit in (("workspace", "items"), ("history", "commits")):
        sizes = []
        for r in rows:
            if r[0] == kind and (r[1], r[2]) not in sizes:
                sizes.append((r[1], r[2]))
        if not sizes:
            continue
        head = "| command | " + " | ".join(f"{s} ({n:,} {unit})" for s, n in sizes) + " | growth, last over first |"
        lines += [head, "|---" * (len(sizes) + 2) + "|"]
        names = []
        for r in rows:
            if r[0] == kind and r[3] not in names:
                names.append(r[3])
        for name in names:
            cells = []
            got = {}
            for s, n in sizes:
                m = [r for r in rows if r[0] == kind and r[1] == s and r[3] == name]
                if m:
                    got[s] = m[0]
                    cells.append(f"{m[0][4]:.3f} s ({m[0][7]:.2f} s CPU), {m[0][5]:.0f} MB"
                                 + ("" if m[0][6] in (0, 1) else f" (exit {m[0][6]})"))
                else:
                    cells.append("")
            first, last = got.get(sizes[0][0]), got.get(sizes[-1][0])
            growth = (f"{last[4] / first[4]:.1f}x time, {last[7] / max(first[7], 1e-3):.1f}x CPU, "
                      f"{last[5] / first[5]:.1f}x memory for {sizes[-1][1] / sizes[0][1]:.0f}x {unit}"
                      ) if first and last and first[4] > 0 else ""
            lines.append(f"| `{name}` | " + " | ".join(cells) + f" | {growth} |")
        lines.append("")
    text = "\n".join(lines)
    print("\n" + text)
    if a.markdown:
        with open(a.markdown, "w") as f:
            f.write(text + "\n")
    if a.svg:
        series = {}
        for r in rows:
            if r[0] == "workspace":
                series.setdefault(r[3], []).append((r[2], r[4]))
        svg_plot(series, "items in the workspace", a.svg)
        hist = {}
        for r in rows:
            if r[0] == "history":
                hist.setdefault(r[3], []).append((r[2], r[4]))
        svg_plot(hist, "commits in the history", a.svg.replace(".svg", "-history.svg"))
    if a.json:
        with open(a.json, "w") as f:
            json.dump([dict(zip(("kind", "size", "n", "command", "median_s", "peak_mb", "exit", "cpu_s"), r)) for r in rows], f,
                      indent=2)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(HERE, "..", "build"), help="the build folder (default: build)")
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "pops-bench"),
                    help="where the generated workspaces are kept between runs")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="L")
    ap.add_argument("--no-history", action="store_true")
    ap.add_argument("--no-yamllint", action="store_true", help="leave yamllint out (it takes minutes on L)")
    ap.add_argument("--no-staged", action="store_true", help="leave out `pops check --staged`")
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--scale", action="store_true", help="how each command grows with the workspace and the history")
    ap.add_argument("--commits", default="2000,8000", help="with --scale: the history sizes")
    ap.add_argument("--svg", help="with --scale: write the plot of time here (and FILE-history.svg)")
    ap.add_argument("--markdown", help="with --scale: write the table here")
    a = ap.parse_args()

    pops = os.path.abspath(os.path.join(a.build, "cli", "pops"))
    peer = os.path.abspath(os.path.join(a.build, "bench", "pops_bench_yamlcpp"))
    for exe in (pops, peer):
        if not os.access(exe, os.X_OK):
            sys.exit(f"run.py: error: '{exe}' is missing; build first (./build.sh build)")
    yamllint = None if a.no_yamllint else shutil.which("yamllint")
    os.makedirs(a.work, exist_ok=True)
    if a.scale:
        print(f"pops scale benchmark: {a.runs} runs per command, {os.cpu_count()} cpus, {platform.platform()}")
        scale(a, pops)
        return
    gen = [sys.executable, os.path.join(HERE, "gen.py")]
    out = {"machine": {"cpus": os.cpu_count(), "cpu": platform.processor() or platform.machine(),
                       "system": platform.platform()}, "runs": a.runs, "results": {}}
    print(f"pops benchmark: {a.runs} alternating runs per command, {os.cpu_count()} cpus, {platform.platform()}")

    # Startup.
    empty = os.path.join(a.work, "empty")
    if not os.path.exists(empty):
        subprocess.run([pops, "init", empty],
                       env=ENV, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    res = bench([("pops --version", [pops, "--version"]), ("pops check (empty workspace)", [pops, "check"])],
                empty, max(a.runs, 10))
    table("startup", res, "pops --version")
    out["results"]["startup"] = res

    for size in a.sizes.split(","):
        ws = os.path.join(a.work, f"ws-{size}")
        if not os.path.exists(ws):
            subprocess.run(gen + ["workspace", size, ws], check=True)
        nbytes, nfiles = size_of(ws)
        cases = [("pops check", [pops, "check"]),
                 ("pops check --no-cache", [pops, "check", "--no-cache"]),
                 ("pops check -j1 --no-cache", [pops, "check", "-j1", "--no-cache"]),
                 ("yaml-cpp, one thread (parse only)", [peer, "."])]
        if yamllint:
            cases.append(("yamllint (syntax and style only)",
                          [yamllint, "-d", "{extends: relaxed, rules: {line-length: disable}}", "-f", "parsable", "."]))
        # Only the options this pops has.
        check_help = subprocess.run([pops, "check", "--help"], env=ENV, capture_output=True, text=True).stdout
        supported = [(name, argv) for name, argv in cases
                     if argv[0] != pops or all(o in check_help for o in argv[2:])]
        # Warm the cache once, so "pops check" measures a warm run (nothing changed since the last).
        subprocess.run([pops, "check"], cwd=ws, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        res = bench(supported, ws, a.runs)
        base = "pops check --no-cache" if "pops check --no-cache" in res else "pops check"
        table(f"size {size}: {nfiles} files, {nbytes / 1e6:.1f} MB", res, base)
        out["results"][f"size-{size}"] = {"bytes": nbytes, "files": nfiles, "figures": res}
        if "--no-cache" in check_help and not a.no_staged:
            out["results"][f"staged-{size}"] = bench_staged(pops, ws, a.work, size, a.runs)

    if not a.no_history:
        repo = os.path.join(a.work, "history-H")
        if not os.path.exists(repo):
            subprocess.run(gen + ["history", repo], check=True)
        first = subprocess.run(["git", "-C", repo, "rev-list", "--max-parents=0", "HEAD"], capture_output=True,
                               text=True, check=True).stdout.strip()
        log_help = subprocess.run([pops, "log", "--help"], env=ENV, capture_output=True, text=True).stdout
        if "--no-cache" in log_help:
            # The history cache: a first run (cache emptied before it, so it fills it), warm runs
            # (nothing changed since the last) and runs without it (cold).
            cases = [("pops log, first run (fills the cache)", [pops, "log"]),
                     ("pops log (warm)", [pops, "log"]),
                     ("pops log --no-cache", [pops, "log", "--no-cache"]),
                     ("pops diff FIRST HEAD", [pops, "diff", first, "HEAD"]),
                     ("pops metrics, first run (fills the cache)", [pops, "metrics"]),
                     ("pops metrics (warm)", [pops, "metrics"]),
                     ("pops metrics --no-cache", [pops, "metrics", "--no-cache"]),
                     ("git log -p -- roadmap/", ["git", "log", "-p", "--", "roadmap/"])]
        else:
            cases = [("pops log", [pops, "log"]),
                     ("pops diff FIRST HEAD", [pops, "diff", first, "HEAD"]),
                     ("pops metrics", [pops, "metrics"]),
                     ("git log -p -- roadmap/", ["git", "log", "-p", "--", "roadmap/"])]

        def empty_cache(name):
            if ", first run" in name:
                shutil.rmtree(os.path.join(repo, ".git", "pops"), ignore_errors=True)

        res = bench(cases, repo, a.runs, prepare=empty_cache)
        table("history H: 2,000 items, 2,000 commits", res, "git log -p -- roadmap/")
        out["results"]["history-H"] = res

    if a.json:
        with open(a.json, "w") as f:
            json.dump(out, f, indent=2)


if __name__ == "__main__":
    main()
