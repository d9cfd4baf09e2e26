#!/usr/bin/env python3
"""The layering check of lib/ (docs/architecture.md): each folder of lib/ is a layer, and a file may
include headers of its own layer and of the layers below it, always by folder ("yaml/edit.h").
Fails (exit 1) on an include that goes up, an include without a folder, a lib/ file that includes
CLI11 or prints, a file in lib/ outside a layer folder, and an exception below that no longer
holds (so that the list only shrinks).

With --libs BUILD_DIR it also reads the static libraries of the layers (nm) and fails on a symbol a
layer uses that only a layer above it defines: a function declared low and defined high passes the
include check but is an upward dependency all the same.

usage: check_layers.py [SOURCE_DIR] [--libs BUILD_DIR]
       check_layers.py --self-test   (the check fails on each kind of problem in a made-up tree)"""
import pathlib
import re
import subprocess
import sys
import tempfile

# Bottom to top.
LAYERS = ["base", "yaml", "workspace", "check", "git", "cache", "history", "edit", "features"]

# Upward includes that are known and scheduled to move (file, included header).
EXCEPTIONS = set()

# Symbols a layer uses from a layer above it (object file, layer), known and scheduled to move.
LINK_EXCEPTIONS = set()

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


def nm_symbols(archive):
    """{object file: (defined symbols, undefined symbols)} of a static library."""
    out = subprocess.run(["nm", "-A", "--no-sort", str(archive)], check=True, capture_output=True,
                         text=True).stdout
    objects = {}
    for line in out.splitlines():
        # archive.a:object.o:[address] TYPE symbol
        head, _, rest = line.rpartition(":")
        obj = head.rsplit(":", 1)[-1]
        parts = rest.split()
        if len(parts) < 2:
            continue
        kind, sym = parts[-2], parts[-1]
        defined, undefined = objects.setdefault(obj, (set(), set()))
        if kind == "U":
            undefined.add(sym)
        elif kind not in ("w", "v"):
            defined.add(sym)
    return objects


def sources_of(build, layer, obj):
    """The object names of the sources in `obj`: itself, or for an object of a unity build
    (POPS_UNITY, unity_0_cxx.cxx.o) those of the sources its unity file includes."""
    if not obj.startswith("unity_"):
        return [obj]
    unity = build / "lib" / layer / "CMakeFiles" / f"pops_{layer}.dir" / "Unity" / obj[:-2]
    try:
        text = unity.read_text()
    except OSError:
        return [obj]
    return [pathlib.PurePosixPath(inc).name + ".o" for _, inc in INCLUDE.findall(text)] or [obj]


def check_libs(build, exceptions=None):
    """Problems with the link graph: an object of a layer that uses a symbol defined only above it."""
    exceptions = EXCEPTIONS if exceptions is None else exceptions
    allowed = {(pathlib.PurePosixPath(f).name + ".o", h.split("/")[0]) for f, h in exceptions} | LINK_EXCEPTIONS
    defined_in = {}
    per_layer = {}
    for layer in LAYERS:
        archive = build / "lib" / layer / f"libpops_{layer}.a"
        if not archive.is_file():
            return [f"{archive}: no such library (build first)"]
        per_layer[layer] = nm_symbols(archive)
        for obj, (defined, _) in per_layer[layer].items():
            for sym in defined:
                defined_in.setdefault(sym, set()).add(layer)
    problems = []
    for layer, objects in per_layer.items():
        low = LAYERS.index(layer)
        for obj, (defined, undefined) in sorted(objects.items()):
            for sym in sorted(undefined):
                homes = defined_in.get(sym)
                if not homes or any(LAYERS.index(h) <= low for h in homes):
                    continue
                home = min(homes, key=LAYERS.index)
                if any((src, home) in allowed for src in sources_of(build, layer, obj)):
                    continue
                problems.append(f"lib/{layer}/{obj[:-2]}: uses {sym} defined in layer {home} above it")
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
    args = sys.argv[1:]
    build = None
    if "--libs" in args:
        i = args.index("--libs")
        build = pathlib.Path(args[i + 1])
        del args[i:i + 2]
    root = pathlib.Path(args[0] if args else pathlib.Path(__file__).parents[2])
    problems = check(root)
    if build is not None:
        problems += check_libs(build)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} layering problem(s)")
        return 1
    print(f"layers ok: {len(LAYERS)} layers, {len(EXCEPTIONS)} known upward include(s)"
          + (", link graph checked" if build is not None else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
