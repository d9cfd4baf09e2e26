#!/usr/bin/env python3
"""recipe_steps.py FILE OUTDIR [NAME=VALUE...]: the steps of a CI recipe that run pops, as scripts.

FILE is a GitHub Actions workflow (it has `jobs:`) or a .gitlab-ci.yml. Each GitHub step whose `run:`
and each GitLab job whose `script:` invokes pops becomes OUTDIR/NN.sh: `set -eo pipefail` (what both
runners use), the workflow, job and step `env:` (GitHub) or the job's `variables:` (GitLab, after
`extends`) as exports, then the commands. GitHub `${{ EXPR }}` expressions are replaced by the VALUE
given for EXPR on the command line; an expression without one is an error, so a changed recipe
fails the test instead of running something else. Steps that do not run pops (checkout, install,
uploads) are left out; so are GitLab's before_script (the install).

Prints one line per script: `NN.sh<TAB>JOB<TAB>STEP` (STEP is the step's name, or `script` for
GitLab). Exits 1 on a recipe it cannot read, 2 on usage.
"""
import os
import re
import shlex
import sys

import yaml

# pops run as a command: at the start of a line or after a shell operator or `$(`.
POPS_COMMAND = re.compile(r"(^|[;&|(]|\$\()\s*pops(\s|$)", re.M)
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
GITLAB_RESERVED = {"stages", "variables", "default", "include", "workflow", "image", "services",
                   "before_script", "after_script", "cache"}


def substitute(text, values):
    def one(m):
        if m.group(1) not in values:
            raise SystemExit(f"recipe_steps.py: no value for the expression '{m.group(1)}'")
        return values[m.group(1)]
    return EXPRESSION.sub(one, str(text))


def exports(env, values):
    return "".join(f"export {k}={shlex.quote(substitute(v, values))}\n" for k, v in (env or {}).items())


def github(doc, values):
    out = []
    for job_id, job in (doc.get("jobs") or {}).items():
        for i, step in enumerate(job.get("steps") or []):
            run = step.get("run")
            if run is None or not POPS_COMMAND.search(run):
                continue
            body = exports(doc.get("env"), values) + exports(job.get("env"), values) + \
                exports(step.get("env"), values) + substitute(run, values)
            out.append((job_id, step.get("name", f"step {i + 1}"), body))
    return out


def gitlab(doc, values):
    def resolved(name, seen=()):
        job = dict(doc[name])
        parents = job.pop("extends", [])
        for parent in [parents] if isinstance(parents, str) else parents:
            if parent in seen:
                raise SystemExit(f"recipe_steps.py: extends loop at '{parent}'")
            base = resolved(parent, seen + (name,))
            variables = {**(base.get("variables") or {}), **(job.get("variables") or {})}
            job = {**base, **job, "variables": variables}
        return job

    out = []
    for name in doc:
        if name in GITLAB_RESERVED or name.startswith("."):
            continue
        job = resolved(name)
        script = job.get("script") or []
        lines = [script] if isinstance(script, str) else script
        if not any(POPS_COMMAND.search(line) for line in lines):
            continue
        body = exports({**(doc.get("variables") or {}), **(job.get("variables") or {})}, values)
        out.append((name, "script", body + "\n".join(lines) + "\n"))
    return out


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    values = {}
    for arg in argv[3:]:
        key, _, value = arg.partition("=")
        values[key] = value
    try:
        with open(argv[1], encoding="utf-8") as f:
            doc = yaml.safe_load(f)
    except (OSError, yaml.YAMLError) as e:
        print(f"recipe_steps.py: cannot read '{argv[1]}': {e}", file=sys.stderr)
        return 1
    steps = github(doc, values) if "jobs" in doc else gitlab(doc, values)
    os.makedirs(argv[2], exist_ok=True)
    for n, (job, name, body) in enumerate(steps, 1):
        path = os.path.join(argv[2], f"{n:02d}.sh")
        with open(path, "w", encoding="utf-8") as f:
            f.write("set -eo pipefail\n" + body)
        print(f"{n:02d}.sh\t{job}\t{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
