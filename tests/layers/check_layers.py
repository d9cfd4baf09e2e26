#!/usr/bin/env python3
"""The layering check of lib/ (docs/architecture.md): each folder of lib/ is a layer, and a file may
include headers of its own layer and of the layers below it, always by folder ("yaml/edit.h").
Fails (exit 1) on an include that goes up, an include without a folder, a lib/ file that includes
CLI11 or prints, a file in lib/ outside a layer folder, and an exception below that no longer
holds (so that the list only shrinks).

usage: check_layers.py [SOURCE_DIR]
       check_layers.py --self-test   (the check fails on each kind of problem in a made-up tree)"""
import pathlib
import re
import sys
import tempfile

# Bottom to top.
LAYERS = ["base", "yaml", "workspace", "check", "git", "cache", "history", "edit", "features"]

# Upward includes that are known and scheduled to move (file, included header).
EXCEPTIONS = {
    ("workspace/config.cpp", "edit/integrations.h"),  # read_config checks integrations:
    ("workspace/config.cpp", "features/rank.h"),      # read_config checks scoring:
}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
FORBIDDEN = [
    (re.compile(r'#\s*include\s*<CLI/'), "includes CLI11 (only cli/ may)"),
    (re.compile(r'#\s*include\s*<iostream>'), "includes <iostream> (lib/ does not print)"),
    (re.compile(r'\bstd::(cout|cerr|clog)\b|\b(printf|puts|fprintf)\s*\('), "prints (lib/ returns strings)"),
    (re.compile(r'\bisatty\s*\('), "looks at a terminal (only cli/ may)"),
]


def check(root, exceptions=None):
    exceptions = EXCEPTIONS if exceptions is None else exceptions
    lib = root / "lib"
    problems = []
    used = set()
    for path in sorted(lib.rglob("*")):
        if path.suffix not in (".cpp", ".h"):
            continue
        rel = path.relative_to(lib).as_posix()
        layer = rel.split("/")[0] if "/" in rel else None
        if layer not in LAYERS:
            problems.append(f"lib/{rel}: not in a layer folder ({', '.join(LAYERS)})")
            continue
        text = path.read_text(encoding="utf-8")
        for m in INCLUDE.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            kind, name = m.group(1), m.group(2)
            if kind == "<":
                continue
            where = f"lib/{rel}:{line}"
            if "/" not in name:
                problems.append(f'{where}: include "{name}" names no layer folder (e.g. "{layer}/{name}")')
                continue
            target = name.split("/")[0]
            if target not in LAYERS:
                problems.append(f'{where}: include "{name}" is not in a layer folder')
                continue
            if not (lib / name).is_file():
                problems.append(f'{where}: include "{name}": no such file in lib/')
            if LAYERS.index(target) > LAYERS.index(layer):
                if (rel, name) in exceptions:
                    used.add((rel, name))
                else:
                    problems.append(f'{where}: layer {layer} includes "{name}" of the layer {target} above it')
        for pattern, what in FORBIDDEN:
            for m in pattern.finditer(text):
                line = text.count("\n", 0, m.start()) + 1
                problems.append(f"lib/{rel}:{line}: {what}")
    for rel, name in sorted(exceptions - used):
        problems.append(f'exception ({rel}, {name}) no longer holds: remove it from tests/layers/check_layers.py')
    return problems


def self_test():
    cases = {
        "upward": ('base/a.cpp', '#include "yaml/b.h"\n', "of the layer yaml above it"),
        "no folder": ('yaml/b.cpp', '#include "b.h"\n', "names no layer folder"),
        "missing": ('yaml/b.cpp', '#include "base/nosuch.h"\n', "no such file"),
        "cli11": ('base/a.cpp', '#include <CLI/CLI.hpp>\n', "includes CLI11"),
        "prints": ('base/a.cpp', 'void f() { std::cout << 1; }\n', "prints"),
        "outside": ('c.cpp', '', "not in a layer folder"),
        "stale": ('base/a.cpp', '', "no longer holds"),
    }
    failed = 0
    for name, (rel, text, expect) in cases.items():
        with tempfile.TemporaryDirectory() as tmp:
            lib = pathlib.Path(tmp) / "lib"
            for f in ("base/a.h", "yaml/b.h", "base/a.cpp", "yaml/b.cpp"):
                (lib / f).parent.mkdir(parents=True, exist_ok=True)
                (lib / f).write_text("")
            if not check(pathlib.Path(tmp), set()) == []:
                print(f"self-test {name}: a clean tree has problems")
                failed += 1
            (lib / rel).parent.mkdir(parents=True, exist_ok=True)
            (lib / rel).write_text(text)
            exceptions = {("yaml/b.cpp", "features/x.h")} if name == "stale" else set()
            problems = check(pathlib.Path(tmp), exceptions)
            if not any(expect in p for p in problems):
                print(f"self-test {name}: expected a problem with '{expect}', got {problems}")
                failed += 1
    print(f"{len(cases) - failed} passed, {failed} failed")
    return 1 if failed else 0


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parents[2])
    problems = check(root)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} layering problem(s)")
        return 1
    print(f"layers ok: {len(LAYERS)} layers, {len(EXCEPTIONS)} known upward include(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
