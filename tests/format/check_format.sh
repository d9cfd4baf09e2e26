#!/usr/bin/env bash
# The style of the tree (.clang-format, docs/architecture.md "Style and tools"): fails on a C++ file
# of cli/, lib/, tests/unit/, fuzz/ or bench/ that clang-format would change, and shows how. The style
# is clang-format 14's (Debian 12); without it the test is skipped (exit 125), since other versions
# lay out some constructs differently. First it checks that a badly laid out file does fail.
set -euo pipefail
root=${1:?usage: check_format.sh SOURCE_DIR}
cf=$(command -v clang-format-14 || command -v clang-format || true)
if [ -z "$cf" ] || ! "$cf" --version | grep -q 'version 14\.'; then
  echo "format: clang-format 14 is not installed (Debian 12: apt-get install clang-format); skipped"
  exit 125
fi
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'int f(int a){if(a){return 1;}\nreturn 0;}\n' >"$tmp/bad.cpp"
cp .clang-format "$tmp/"
if "$cf" --dry-run --Werror "$tmp/bad.cpp" 2>/dev/null; then
  echo "format: self-test: a badly laid out file passed" >&2
  exit 1
fi
mapfile -t files < <(find cli lib tests/unit fuzz bench -type f \( -name '*.cpp' -o -name '*.h' \) | sort)
if ! "$cf" --dry-run --Werror "${files[@]}"; then
  echo "format: the files above are not laid out as .clang-format says; run: clang-format -i FILE" >&2
  exit 1
fi
echo "format: ${#files[@]} files as .clang-format says"
