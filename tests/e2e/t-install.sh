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
[ -f "$P/share/man/man1/pops.1.gz" ] && pass || fail "no share/man/man1/pops.1.gz"
for c in $COMMANDS; do
  [ -f "$P/share/man/man1/pops-$c.1.gz" ] && pass || fail "no man page for $c"
done
# Compressed as Debian wants them, and the same pages the binary writes.
gzip -dc "$P/share/man/man1/pops-roadmap.1.gz" | cmp -s - "$BUILD/cli/man/pops-roadmap.1" && pass || fail "pops-roadmap.1.gz differs"
gzip -dc "$P/share/doc/pops/changelog.gz" | head -1 | grep -qE '^pops \([0-9]+\.[0-9]+\.[0-9]+\) unstable; urgency=medium$' \
  && pass || fail "no Debian changelog in share/doc/pops"
# The copyright file states the license of LICENSE, in Debian's format (text indented, "." for blank lines).
SRC=$(cd "$(dirname "$0")/../.." && pwd)
awk '/^License: Expat$/ { n++; next } n == 2' "$P/share/doc/pops/copyright" | sed -e 's/^ //' -e 's/^\.$//' \
  | cmp -s - <(sed -n '/^Permission/,$p' "$SRC/LICENSE") && pass || fail "share/doc/pops/copyright does not carry LICENSE"
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
  expect_out "./usr/share/man/man1/pops.1.gz"
  expect_out "./usr/share/man/man1/pops-roadmap.1.gz"
  expect_out "./usr/share/doc/pops/changelog.gz"
  expect_out "./usr/share/doc/pops/copyright"
  expect_out "./usr/share/bash-completion/completions/pops"
  expect_out "./usr/share/zsh/vendor-completions/_pops"
  expect_out "./usr/share/fish/vendor_completions.d/pops.fish"
  OUT=$(dpkg-deb -I "$DEB")
  expect_out "Package: pops"
  expect_out_line '^ Depends: .*libgit2'
  expect_out_line '^ Depends: .*libyaml-cpp'
  expect_out_line '^ Depends: .*libfmt'
  expect_out_line '^ Version: [0-9]+\.[0-9]+\.[0-9]+'
  expect_out_line '^  pops keeps a product organization'"'"'s roadmap'  # the extended description
fi

t_begin "install: lintian finds no errors and no warnings in the .deb, nor these infos"
if ! command -v lintian >/dev/null; then
  echo "lintian is not installed (apt-get install lintian); skipped"
elif [ -n "$DEB" ]; then
  # -I: infos too. hardening-no-fortify-functions is lintian's known false positive for a binary that is
  # built with _FORTIFY_SOURCE=2 (cmake/StandardSettings.cmake) but whose every fortifiable call has
  # a size the compiler proves safe, so no __*_chk call is left to see.
  # A sanitized build is not position-independent either (cmake/StandardSettings.cmake says why): there,
  # and only there, hardening-no-pie is expected.
  OUT=$(lintian -I "$DEB" 2>&1 | grep -v '^running with root privileges')
  expected='^I: pops: hardening-no-fortify-functions '
  [ -n "${POPS_SANITIZED:-}" ] && expected="$expected|^W: pops: hardening-no-pie "
  if [ -z "$(printf '%s\n' "$OUT" | grep -Ev "$expected" | grep .)" ]; then pass; else
    fail "lintian: $OUT"; fi
  if [ -n "${POPS_SANITIZED:-}" ]; then pass
  elif printf '%s\n' "$OUT" | grep -q hardening-no-pie; then fail "lintian: hardening-no-pie"; else pass; fi
  # A sanitized build is not fortified (the two do not mix: cmake/StandardSettings.cmake).
  if [ -n "${POPS_SANITIZED:-}" ]; then pass
  elif grep -q -- '-D_FORTIFY_SOURCE=2' "$BUILD/build.ninja"; then pass; else fail "not built with _FORTIFY_SOURCE=2"; fi
  for tag in extended-description-is-empty description-synopsis-is-duplicated no-changelog \
             uncompressed-manual-page hardening-no-bindnow binary-has-unneeded-section no-copyright-file; do
    printf '%s\n' "$OUT" | grep -q "$tag" && fail "lintian: $tag" || pass
  done
fi
