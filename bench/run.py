#!/usr/bin/env python3
"""The pops benchmark: runs pops and its peers on the same files, alternating, and prints medians,
ratios and peak memory. See bench/README.md.

  bench/run.py [--build DIR] [--work DIR] [--runs N] [--sizes S,M,L] [--no-history] [--json FILE]

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
    """Wall time in seconds and peak RSS in MB of one run; output discarded."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    dt = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    return dt, ru.ru_maxrss / 1024.0, code


def bench(cases, cwd, runs, prepare=None):
    """cases: [(name, argv)]. Alternates the cases run by run; returns {name: (median, min, rss, code)}."""
    times = {n: [] for n, _ in cases}
    rss = {n: 0.0 for n, _ in cases}
    codes = {}
    for _ in range(runs):
        for name, argv in cases:
            if prepare:
                prepare(name)
            dt, mb, code = run_once(argv, cwd)
            times[name].append(dt)
            rss[name] = max(rss[name], mb)
            codes[name] = code
    return {n: (statistics.median(times[n]), min(times[n]), rss[n], codes[n]) for n, _ in cases}


def table(title, res, base):
    print(f"\n{title}")
    print(f"  {'command':<44} {'median':>9} {'min':>9} {'vs ' + base:>12} {'peak MB':>8} {'exit':>4}")
    b = res[base][0]
    for name, (med, mn, mb, code) in res.items():
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
    a = ap.parse_args()

    pops = os.path.abspath(os.path.join(a.build, "cli", "pops"))
    peer = os.path.abspath(os.path.join(a.build, "bench", "pops_bench_yamlcpp"))
    for exe in (pops, peer):
        if not os.access(exe, os.X_OK):
            sys.exit(f"run.py: error: '{exe}' is missing; build first (./build.sh build)")
    yamllint = None if a.no_yamllint else shutil.which("yamllint")
    os.makedirs(a.work, exist_ok=True)
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
