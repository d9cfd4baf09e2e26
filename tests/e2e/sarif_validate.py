#!/usr/bin/env python3
"""sarif_validate.py SCHEMA FILE: validate a JSON file (e.g. pops SARIF output) against a JSON schema.

Uses the validator class named by the schema's $schema (the SARIF 2.1.0 schema is draft-04),
falling back to Draft7Validator. Prints each error and exits 1 when invalid, 0 when valid, 2 on usage
or read errors.
"""
import json
import sys

import jsonschema


def main(argv):
    if len(argv) != 3:
        print("usage: sarif_validate.py SCHEMA FILE", file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        with open(argv[2], encoding="utf-8") as f:
            instance = json.load(f)
    except (OSError, ValueError) as e:
        print(f"sarif_validate: {e}", file=sys.stderr)
        return 2
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft7Validator)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    for e in errors:
        path = "/".join(str(p) for p in e.absolute_path) or "(root)"
        print(f"{argv[2]}: {path}: {e.message}")
    if errors:
        print(f"{argv[2]}: {len(errors)} schema error(s) ({cls.__name__})")
        return 1
    print(f"{argv[2]}: valid ({cls.__name__})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
