# cmake --install: the binary, the man pages and the shell completions; cpack -G DEB: a package with
# them and the Debian dependencies of the shared libraries.
. "$(dirname "$0")/lib.sh"

BUILD=$(cd "$(dirname "$POPS")/.." && pwd)
[ -f "$BUILD/CMakeCache.txt" ] || { echo "no CMake build folder above $POPS"; exit 1; }
COMMANDS=$("$POPS" help | sed -n '/^commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')

t_begin "install: cmake --install puts the binary, man pages and completions under the prefix"
P="$T_ROOT/p"
cmake --install "$BUILD" --prefix "$P" >"$T_ROOT/install.log" 2>&1 && pass || { fail "cmake --install failed"; cat "$T_ROOT/install.log"; }
OUT=$("$P/bin/pops" --version); RC=$?
expect_rc 0; expect_out "pops "
[ -f "$P/share/man/man1/pops.1" ] && pass || fail "no share/man/man1/pops.1"
for c in $COMMANDS; do
  [ -f "$P/share/man/man1/pops-$c.1" ] && pass || fail "no man page for $c"
done
for f in share/bash-completion/completions/pops share/zsh/vendor-completions/_pops \
         share/fish/vendor_completions.d/pops.fish; do
  [ -s "$P/$f" ] && pass || fail "no $f"
done
# The installed bash completion is the one the binary prints.
"$P/bin/pops" completion bash | cmp -s - "$P/share/bash-completion/completions/pops" && pass \
  || fail "installed bash completion differs from 'pops completion bash'"
MANPATH="$P/share/man" man -w pops-roadmap >/dev/null 2>&1 && pass || fail "man does not find pops-roadmap under the prefix"

t_begin "install: cpack -G DEB builds a package with the binary, pages, completions and dependencies"
command -v dpkg-deb >/dev/null || { fail "dpkg-deb is missing"; exit 1; }
(cd "$T_DIR" && cpack -G DEB --config "$BUILD/CPackConfig.cmake" -B "$T_DIR/pkg" >"$T_ROOT/cpack.log" 2>&1) \
  && pass || { fail "cpack failed"; tail -30 "$T_ROOT/cpack.log"; }
DEB=$(ls "$T_DIR"/pkg/*.deb 2>/dev/null | head -1)
[ -n "$DEB" ] && pass || fail "no .deb in $T_DIR/pkg"
if [ -n "$DEB" ]; then
  OUT=$(dpkg-deb -c "$DEB")
  expect_out "./usr/bin/pops"
  expect_out "./usr/share/man/man1/pops.1"
  expect_out "./usr/share/man/man1/pops-roadmap.1"
  expect_out "./usr/share/bash-completion/completions/pops"
  expect_out "./usr/share/zsh/vendor-completions/_pops"
  expect_out "./usr/share/fish/vendor_completions.d/pops.fish"
  OUT=$(dpkg-deb -I "$DEB")
  expect_out "Package: pops"
  expect_out_line '^ Depends: .*libgit2'
  expect_out_line '^ Depends: .*libyaml-cpp'
  expect_out_line '^ Depends: .*libfmt'
  expect_out_line '^ Version: [0-9]+\.[0-9]+\.[0-9]+'
fi
