#!/usr/bin/env python3
"""Validates workspace files against the JSON Schemas of `pops schema --out DIR`.

usage: schema_validate.py --schemas DIR --root WORKSPACE [FILE ...]

Without FILEs, validates every file pops reads in WORKSPACE (pops.yaml, roadmap/, feedback/, docs/,
rituals/); with FILEs (relative to WORKSPACE), only those. YAML is read the way editors read it:
YAML 1.2 core schema (dates stay strings, `yes` is a string), front matter taken from Markdown like
pops does. Every schema is first checked against the draft-07 meta-schema. Prints one line per file
(`ok PATH` or `invalid PATH: reason`) and exits 1 when any file is invalid, 2 on a usage error.
"""
import argparse
import json
import os
import re
import sys

import jsonschema
import yaml


class Core12Loader(yaml.SafeLoader):
    """PyYAML reads YAML 1.1; editors and pops read the 1.2 core schema."""


Core12Loader.yaml_implicit_resolvers = {}
for tag, regexp, first in [
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", list("-+0123456789.")),
]:
    Core12Loader.add_implicit_resolver("tag:yaml.org,2002:" + tag, re.compile(regexp), first)


def construct_int(loader, node):
    v = loader.construct_scalar(node)
    if v.startswith("0o"):
        return int(v[2:], 8)
    if v.startswith("0x"):
        return int(v[2:], 16)
    return int(v)


def construct_float(loader, node):
    v = loader.construct_scalar(node).lower()
    if v.endswith(".inf"):
        return float(v.replace(".inf", "inf"))
    if v == ".nan":
        return float("nan")
    return float(v)


Core12Loader.add_constructor("tag:yaml.org,2002:int", construct_int)
Core12Loader.add_constructor("tag:yaml.org,2002:float", construct_float)


def to_json(value):
    """Mapping keys become strings, as in JSON."""
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    return value


def front_matter(text):
    """The YAML between the first line '---' and the next '---' or '...' line, or None."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    if lines[0].rstrip("\r \t") != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r \t") in ("---", "..."):
            return "\n".join(lines[1:i])
    return None


def kind_of(rel):
    parts = rel.split("/")
    if any(p.startswith(".") for p in parts):
        return None
    if rel == "pops.yaml":
        return "pops"
    yaml_file = rel.endswith((".yaml", ".yml"))
    if parts[0] == "roadmap" and yaml_file:
        return "roadmap"
    if parts[0] == "feedback" and yaml_file:
        return "feedback"
    if parts[0] == "docs" and rel.endswith(".md") and parts[-1] != "README.md":
        return "doc"
    if parts[0] == "rituals" and len(parts) == 3 and rel.endswith(".md"):
        return "ritual"
    return None


def workspace_files(root):
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            rel = os.path.relpath(os.path.join(dirpath, name), root).replace(os.sep, "/")
            if kind_of(rel):
                out.append(rel)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--schemas", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()

    validators = {}
    for kind in ("pops", "roadmap", "feedback", "doc", "ritual"):
        with open(os.path.join(args.schemas, kind + ".schema.json"), encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft7Validator.check_schema(schema)
        validators[kind] = jsonschema.Draft7Validator(schema)

    files = args.files or workspace_files(args.root)
    if not files:
        print("no files to validate", file=sys.stderr)
        return 2
    bad = 0
    for rel in files:
        kind = kind_of(rel)
        if kind is None:
            print(f"schema_validate.py: {rel} is not a file pops reads", file=sys.stderr)
            return 2
        with open(os.path.join(args.root, rel), encoding="utf-8") as f:
            text = f.read()
        if kind in ("doc", "ritual"):
            text = front_matter(text)
            if text is None:
                print(f"invalid {rel}: no front matter")
                bad += 1
                continue
        data = to_json(yaml.load(text, Loader=Core12Loader))
        errors = sorted(validators[kind].iter_errors(data), key=lambda e: list(e.absolute_path))
        if errors:
            bad += 1
            where = "/".join(str(p) for p in errors[0].absolute_path) or "(root)"
            print(f"invalid {rel}: {where}: {errors[0].message}")
        else:
            print(f"ok {rel}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
