#!/usr/bin/env bash
# Runs one fuzz target for a bounded time over its seed corpus.
#   fuzz/run.sh BUILD_DIR TARGET SECONDS [libFuzzer options...]
# TARGET is csv, expr, yaml or frontmatter. Seeds: fuzz/corpus/TARGET (checked in); for yaml
# also the YAML test suite cases at $POPS_SHARED/corpus/yaml-test-suite when present
# (POPS_SHARED defaults to the folder shared next to the repository, as for the tests).
# New inputs go to BUILD_DIR/fuzz/work/TARGET (kept between runs), findings to
# BUILD_DIR/fuzz/findings/TARGET. Exit 0: no finding; non-zero: libFuzzer's exit status.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$1 target=$2 secs=$3
shift 3
bin="$build/fuzz/fuzz_$target"
[ -x "$bin" ] || { echo "fuzz/run.sh: error: no fuzz target '$bin'; build with -DPOPS_FUZZ=ON" >&2; exit 2; }
work="$build/fuzz/work/$target"
findings="$build/fuzz/findings/$target"
mkdir -p "$work" "$findings"
seeds=("$here/corpus/$target")
suite="${POPS_SHARED:-$here/../../shared}/corpus/yaml-test-suite"  # as tests/CMakeLists.txt
if [ "$target" = yaml ] && [ -d "$suite" ]; then
  seeds+=("$suite/valid" "$suite/error")
fi
dict=()
case "$target" in
  yaml | frontmatter) dict=(-dict="$here/yaml.dict") ;;
  expr) dict=(-dict="$here/expr.dict") ;;
esac
# ASan: leaks are findings; UBSan: stop at the first report with a stack.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
exec "$bin" "$work" "${seeds[@]}" "${dict[@]}" -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 \
  -max_len=65536 -artifact_prefix="$findings/" -print_final_stats=1 "$@"
