# Every ```console block of README.md, run in order from a fresh folder (the first block writes the
# sample workspace): what pops prints must be what README.md shows (tests/e2e/console_blocks.py).
. "$(dirname "$0")/lib.sh"
SRC=$(cd "$(dirname "$0")/../.." && pwd)

t_begin "every console example of README.md shows what pops prints"
# pops in a pipe writes stdout when it exits, after stderr; a terminal shows each line when it is
# written, the order README.md shows. stdbuf makes stdout line-buffered (pops writes with stdio).
mkdir -p "$T_ROOT/bin"
cat > "$T_ROOT/bin/pops" <<SH
#!/bin/sh
export ASAN_OPTIONS="\${ASAN_OPTIONS:+\$ASAN_OPTIONS:}verify_asan_link_order=0"
exec stdbuf -oL "$POPS" "\$@"
SH
chmod +x "$T_ROOT/bin/pops"
# POPS_README_UPDATE=1 writes the actual outputs into README.md (those that match, '...' and all,
# stay): after a change of the sample, run it, then read the diff of README.md before committing.
update=(); [ -n "${POPS_README_UPDATE:-}" ] && update=(--update)
if python3 "$SRC/tests/e2e/console_blocks.py" "${update[@]}" "$SRC/README.md" "$T_ROOT/bin"; then pass
else fail "README.md differs from what pops prints (above: the README line, the command, expected and actual); paste the actual output, or rerun with POPS_README_UPDATE=1"
fi
