#!/usr/bin/env python3
"""console_blocks.py [--update] FILE BINDIR: runs every ```console block of a Markdown FILE, in order, and
compares what each `$ COMMAND` line prints with the lines shown after it.

Each command runs through bash in the folder the earlier `cd` commands of the file left (the
folder console_blocks.py starts in, first), with BINDIR first on PATH (BINDIR holds `pops`);
`$ echo $?` sees the exit status of the command before it. Its stdout and stderr, as one stream,
must equal the lines after the command, up to the next `$` line or the end of the block; a line
`...` stands for any number of lines.

HTML comments right before a block (GitHub does not show them) drive it:
  <!-- setup: COMMANDS -->     run through bash before the block (may span lines)
  <!-- teardown: COMMANDS -->  run after the block
  <!-- not run: REASON -->     the block is not run; it is counted and listed
Setup and teardown must exit 0 and print nothing.

With --update, writes the actual output in FILE in place of each output that differs (an output
that matches, `...` lines and all, is kept). Prints, for each difference, the README line, the command, the expected and the actual lines and
a diff; then one summary line. Exits 0 when all blocks match, 1 on a difference, 2 on usage.
"""
import difflib
import os
import re
import subprocess
import sys
import tempfile

COMMENT = re.compile(r"<!--\s*(setup|teardown|not run):(.*?)-->", re.S)


def blocks(text):
    """Yields (line number, directives, lines) for each console block; directives are the
    comments between the previous block or paragraph and this one."""
    lines = text.split("\n")
    pending = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("<!--"):
            j = i
            chunk = line
            while "-->" not in lines[j]:
                j += 1
                chunk += "\n" + lines[j]
            m = COMMENT.fullmatch(chunk.strip())
            if m:
                pending.append((m.group(1), m.group(2).strip()))
            i = j + 1
            continue
        if line.startswith("```"):
            fence = line
            body = []
            j = i + 1
            while j < len(lines) and lines[j] != "```":
                body.append(lines[j])
                j += 1
            if fence.strip() == "```console":
                yield i + 1, pending, body
            pending = []
            i = j + 1
            continue
        i += 1


def commands(body, first_line):
    """Splits a block into (line number, command, expected lines)."""
    out = []
    for k, line in enumerate(body):
        if line.startswith("$ "):
            out.append((first_line + 1 + k, line[2:], []))
        elif out:
            out[-1][2].append(line)
        else:
            raise SystemExit(f"line {first_line + 1 + k}: output before the first '$' line")
    return out


# A commit's short hash (`committed b6448ff: ...`): the sample is written from today's date, so the
# hash of a commit made in an example changes from day to day. Any other difference counts.
SHORT_HASH = re.compile(r"(?<![0-9A-Za-z])[0-9a-f]{7}(?![0-9A-Za-z])")


def same_line(want, got):
    """True when the lines are equal, or equal but for the short hashes of commits."""
    return want == got or SHORT_HASH.sub("#", want) == SHORT_HASH.sub("#", got)


def matches(want, got):
    """True when got equals want, each '...' line of want standing for any number of lines."""
    memo = {}

    def m(i, j):
        if (i, j) in memo:
            return memo[(i, j)]
        if i == len(want):
            r = j == len(got)
        elif want[i] == "...":
            r = any(m(i + 1, k) for k in range(j, len(got) + 1))
        else:
            r = j < len(got) and same_line(want[i], got[j]) and m(i + 1, j + 1)
        memo[(i, j)] = r
        return r
    return m(0, 0)


class Shell:
    def __init__(self, bindir):
        self.cwd = os.getcwd()
        self.rc = 0
        self.tmp = tempfile.mkdtemp()
        self.env = dict(os.environ, PATH=bindir + os.pathsep + os.environ.get("PATH", ""))

    def run(self, command):
        """Runs COMMAND in the current folder; returns its output lines and keeps its status and
        the folder it ends in."""
        where_file = os.path.join(self.tmp, "cwd")
        script = f'(exit {self.rc})\n{command}\n__rc=$?\npwd > "{where_file}"\nexit $__rc\n'
        p = subprocess.run(["bash", "-c", script], cwd=self.cwd, env=self.env,
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT)
        out = p.stdout
        where = ""
        if os.path.exists(where_file):
            with open(where_file, encoding="utf-8") as f:
                where = f.read().strip()
            os.remove(where_file)
        if where:
            self.cwd = where
        self.rc = p.returncode
        text = out.decode("utf-8", "replace")
        if text.endswith("\n"):
            text = text[:-1]
        return text.split("\n") if text else []


def main():
    args = sys.argv[1:]
    update = args[:1] == ["--update"]
    if update:
        args = args[1:]
    if len(args) != 2:
        print("usage: console_blocks.py [--update] FILE BINDIR", file=sys.stderr)
        return 2
    path, bindir = args[0], os.path.abspath(args[1])
    replacements = []
    with open(path, encoding="utf-8") as f:
        text = f.read()
    name = os.path.basename(path)
    sh = Shell(bindir)
    ran, skipped, differences = [], [], 0
    for line, directives, body in blocks(text):
        not_run = [d for kind, d in directives if kind == "not run"]
        if not_run:
            skipped.append(f"{name}:{line}: {not_run[0]}")
            continue
        for kind, d in directives:
            if kind == "setup":
                got = sh.run(d)
                if sh.rc != 0 or got:
                    print(f"{name}:{line}: the setup before the block failed (exit {sh.rc}): {d}")
                    print("\n".join(got))
                    differences += 1
        for at, command, want in commands(body, line):
            got = sh.run(command)
            if not matches(want, got):
                differences += 1
                replacements.append((at, len(want), got))
                print(f"{name}:{at}: $ {command}")
                print("--- expected (README):")
                print("\n".join(want) if want else "(nothing)")
                print("--- actual (what pops prints):")
                print("\n".join(got) if got else "(nothing)")
                print("--- diff:")
                print("\n".join(difflib.unified_diff(want, got, "README", "actual", lineterm="")))
                print()
        for kind, d in directives:
            if kind == "teardown":
                got = sh.run(d)
                if sh.rc != 0 or got:
                    print(f"{name}:{line}: the teardown after the block failed (exit {sh.rc}): {d}")
                    print("\n".join(got))
                    differences += 1
        ran.append(f"{name}:{line}")
    for s in skipped:
        print(f"not run: {s}")
    if update and replacements:
        lines = text.split("\n")
        for at, n, got in reversed(replacements):
            lines[at:at + n] = got
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        print(f"updated {len(replacements)} outputs in {path}")
    print(f"{len(ran)} console blocks run, {len(skipped)} not run, {differences} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
