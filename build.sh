#!/usr/bin/env bash
# The two Quick start commands of the README, and what CI runs:
#   ./build.sh demo   install what is missing, build, and run pops on the sample workspace
#   ./build.sh test   install what is missing, build, and run every test
#   ./build.sh build  install what is missing and build
#   ./build.sh fuzz [SECONDS]  install clang, build the libFuzzer targets (fuzz/) in build-fuzz and run
#                     each over its seed corpus for SECONDS (default 60), all at once; fails on a finding
# Environment: POPS_BUILD_DIR (default build), POPS_BUILD_TYPE (default RelWithDebInfo; CI uses
# Check), POPS_WERROR=ON, POPS_SANITIZE="address;undefined".
set -euo pipefail
cd "$(dirname "$0")"

packages=(g++ cmake ninja-build pkg-config git python3 python3-jsonschema python3-yaml zsh fish groff-base man-db dpkg-dev file
          libcli11-dev libyaml-cpp-dev libfmt-dev libgit2-dev doctest-dev nlohmann-json3-dev
          libkainjow-mustache-dev libxxhash-dev
          pre-commit chromium time lintian)
build_dir=${POPS_BUILD_DIR:-build}

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

build() {
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${POPS_BUILD_TYPE:-RelWithDebInfo}" \
        -DPOPS_WERROR="${POPS_WERROR:-OFF}" -DPOPS_SANITIZE="${POPS_SANITIZE:-}" >/dev/null
  cmake --build "$build_dir"
}

case "${1:-}" in
  demo)
    install_missing
    build
    pops="$build_dir/cli/pops"
    rm -rf "$build_dir/sample"
    set -x
    "$pops" init --sample "$build_dir/sample"
    "$pops" -C "$build_dir/sample" check
    "$pops" -C "$build_dir/sample" roadmap
    ;;
  test)
    install_missing
    build
    ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)"
    ;;
  build)
    install_missing
    build
    ;;
  fuzz)
    packages+=(clang llvm)  # libFuzzer and the symbolizer of its reports
    install_missing
    secs=${2:-60}
    CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Check -DPOPS_FUZZ=ON \
      -DPOPS_BUILD_TESTS=OFF -DPOPS_WERROR="${POPS_WERROR:-OFF}" >/dev/null
    cmake --build build-fuzz --target fuzz
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
    echo "usage: ./build.sh demo|test|build|fuzz [SECONDS]" >&2
    exit 2
    ;;
esac
