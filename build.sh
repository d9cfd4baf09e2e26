#!/usr/bin/env bash
# The two Quick start commands of the README, and what CI runs:
#   ./build.sh demo   install what pops needs when missing, build the pops binary only, and run it on
#                     the sample workspace
#   ./build.sh test   install what is missing (test tools too), build everything, and run every test
#   ./build.sh build [TARGET...]  install what is missing and build everything (or the targets)
#   ./build.sh fuzz [SECONDS]  install clang, build the libFuzzer targets (fuzz/) in build-fuzz and run
#                     each over its seed corpus for SECONDS (default 60), all at once; fails on a finding
#   ./build.sh fuzzbuild  the same build, without running the targets
#   ./build.sh deps   install what is missing for all of the above (CI installs once, then builds
#                     several trees at once)
# Environment: POPS_BUILD_DIR (default build), POPS_BUILD_TYPE (default RelWithDebInfo; CI uses
# Check), POPS_WERROR=ON, POPS_SANITIZE="address;undefined", POPS_UNITY=OFF (no unity build of
# cli/ and lib/: quicker rebuilds after a change to one file), CMAKE_CXX_COMPILER_LAUNCHER (default ccache
# when installed), CXX=clang++ (with CC=clang: build with clang, which `build` and `test` then install).
set -euo pipefail
cd "$(dirname "$0")"

# What building and running pops needs (the demo installs only these), then what the tests and
# packaging add (./build.sh test and build install both).
packages=(g++ cmake ninja-build pkg-config git
          libcli11-dev libyaml-cpp-dev libfmt-dev libgit2-dev nlohmann-json3-dev
          libkainjow-mustache-dev libxxhash-dev libutf8proc-dev)
test_packages=(python3 python3-jsonschema python3-yaml zsh fish groff-base man-db dpkg-dev file doctest-dev
               pre-commit chromium chromium-driver poppler-utils time lintian clang-format)
build_dir=${POPS_BUILD_DIR:-build}
clang_packages=(clang llvm)  # llvm: the symbolizer of sanitizer and libFuzzer reports
case "${CXX:-}" in *clang*) test_packages+=("${clang_packages[@]}") ;; esac

install_missing() {
  local missing=() p
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "build.sh: error: missing packages (${missing[*]}); run as root or install sudo" >&2; exit 2; }
    sudo=sudo
  fi
  echo "build.sh: installing ${missing[*]}" >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# build [TARGET...]: configure (tests included unless POPS_BUILD_TESTS=OFF) and build the targets
# (all when none). ccache is used when installed and CMAKE_CXX_COMPILER_LAUNCHER is not set.
build() {
  local launcher=${CMAKE_CXX_COMPILER_LAUNCHER-}
  [ -z "$launcher" ] && command -v ccache >/dev/null && launcher=ccache
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${POPS_BUILD_TYPE:-RelWithDebInfo}" \
        -DPOPS_WERROR="${POPS_WERROR:-OFF}" -DPOPS_SANITIZE="${POPS_SANITIZE:-}" \
        -DPOPS_BUILD_TESTS="${POPS_BUILD_TESTS:-ON}" -DPOPS_UNITY="${POPS_UNITY:-ON}" \
        -DCMAKE_CXX_COMPILER_LAUNCHER="$launcher" >/dev/null
  if [ $# -eq 0 ]; then cmake --build "$build_dir"; else cmake --build "$build_dir" --target "$@"; fi
}

case "${1:-}" in
  demo)
    install_missing  # only what pops needs; the test tools come with ./build.sh test
    POPS_BUILD_TESTS=${POPS_BUILD_TESTS:-OFF} build pops
    pops="$build_dir/cli/pops"
    rm -rf "$build_dir/sample"
    set -x
    "$pops" init --sample "$build_dir/sample"
    "$pops" -C "$build_dir/sample" check
    "$pops" -C "$build_dir/sample" roadmap
    ;;
  test)
    packages+=("${test_packages[@]}")
    install_missing
    build
    ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)"
    ;;
  build)
    packages+=("${test_packages[@]}")
    install_missing
    build "${@:2}"
    ;;
  deps)
    packages+=("${test_packages[@]}" "${clang_packages[@]}")
    install_missing
    ;;
  fuzz|fuzzbuild)
    packages+=("${clang_packages[@]}")  # libFuzzer, and the symbolizer of its reports
    install_missing
    secs=${2:-60}
    launcher=${CMAKE_CXX_COMPILER_LAUNCHER-}
    [ -z "$launcher" ] && command -v ccache >/dev/null && launcher=ccache
    CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Check -DPOPS_FUZZ=ON \
      -DPOPS_BUILD_TESTS=OFF -DPOPS_WERROR="${POPS_WERROR:-OFF}" -DPOPS_UNITY="${POPS_UNITY:-OFF}" \
      -DCMAKE_CXX_COMPILER_LAUNCHER="$launcher" >/dev/null
    cmake --build build-fuzz --target fuzz
    [ "$1" = fuzzbuild ] && exit 0
    status=0
    # All four at once: each gets its minute, sharing the cores (CI's time stays bounded).
    for group in "yaml frontmatter csv expr"; do
      read -r -a targets <<<"$group"
      pids=()
      for t in "${targets[@]}"; do
        fuzz/run.sh build-fuzz "$t" "$secs" >"build-fuzz/fuzz/$t.log" 2>&1 &
        pids+=($!)
      done
      for i in "${!targets[@]}"; do
        t=${targets[$i]}
        if wait "${pids[$i]}"; then
          echo "fuzz $t: $(awk '/^stat::number_of_executed_units/ {print $2}' "build-fuzz/fuzz/$t.log") runs, no finding"
        else
          status=1
          echo "fuzz $t: finding, input in build-fuzz/fuzz/findings/$t/:" >&2
          grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "build-fuzz/fuzz/$t.log" >&2 \
            || tail -n 30 "build-fuzz/fuzz/$t.log" >&2
        fi
      done
    done
    exit "$status"
    ;;
  *)
    echo "usage: ./build.sh demo|test|build|deps|fuzz [SECONDS]|fuzzbuild" >&2
    exit 2
    ;;
esac
