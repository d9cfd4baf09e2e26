# pops in CI without building it: the Dockerfile (parsed; hadolint when installed; built and run
# when a docker daemon answers), action.yml (a composite action running pops check --base with
# annotations and SARIF), the release workflow recipe, and the docker hook of .pre-commit-hooks.yaml
# (pre-commit's own manifest check).
. "$(dirname "$0")/lib.sh"
if ! python3 -c 'import yaml' 2>/dev/null; then
  echo "skip: python3-yaml is not installed (apt-get install python3-yaml)"
  trap - EXIT
  rm -rf "$T_ROOT"
  exit 125
fi
SRC="$(cd "$(dirname "$0")/../.." && pwd)"

t_begin "Dockerfile: Debian 12 multi-stage, slim runtime with git and pops, not root, ENTRYPOINT pops"
if why=$(python3 - "$SRC/Dockerfile" "$SRC/build.sh" <<'PY' 2>&1
import json, re, shlex, sys
text = open(sys.argv[1]).read()
lines = re.sub(r"\\\n", " ", text).splitlines()
ins = [l.strip() for l in lines if l.strip() and not l.strip().startswith("#")]
ops = [i.split(None, 1) for i in ins]
known = {"FROM", "RUN", "COPY", "WORKDIR", "USER", "ENTRYPOINT", "CMD", "ENV", "ARG", "LABEL"}
assert all(o[0] in known for o in ops), [o[0] for o in ops if o[0] not in known]
froms = [o[1] for o in ops if o[0] == "FROM"]
assert froms == ["debian:12 AS build", "debian:12-slim"], froms
final = ops[[i for i, o in enumerate(ops) if o[0] == "FROM"][-1]:]
copy = [o[1] for o in final if o[0] == "COPY"]
assert copy and copy[0].startswith("--from=build "), copy
run = " ".join(o[1] for o in final if o[0] == "RUN")
assert " git " in run and "/tmp/pops_*.deb" in run, run
users = [o[1] for o in final if o[0] == "USER"]
assert users and users[-1] not in ("root", "0"), users
entry = [o[1] for o in final if o[0] == "ENTRYPOINT"]
assert entry and json.loads(entry[-1]) == ["pops"], entry
# The build stage installs only packages build.sh knows (its lists of what pops builds with and
# what the tests and packaging add).
known_pkgs = set(" ".join(re.findall(r"packages=\((.*?)\)", open(sys.argv[2]).read(), re.S)).split())
build_run = " ".join(o[1] for o in ops[:ops.index(ops[[i for i, o in enumerate(ops) if o[0] == "FROM"][-1]])] if o[0] == "RUN")
m = re.search(r"--no-install-recommends (.*?) &&", build_run)
pkgs = set(m.group(1).split())
assert pkgs <= known_pkgs, pkgs - known_pkgs
PY
); then pass; else fail "Dockerfile: $why"; fi
if command -v hadolint >/dev/null; then
  hadolint --ignore DL3008 "$SRC/Dockerfile" && pass || fail "hadolint"
else
  echo "hadolint is not installed: the Dockerfile is parsed only"
fi
if command -v docker >/dev/null && timeout 10 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then
  docker build -q -t pops-e2e "$SRC" >"$T_ROOT/docker.log" 2>&1 && pass || { fail "docker build"; tail -20 "$T_ROOT/docker.log"; }
  make_ws
  OUT=$(docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/work" pops-e2e check 2>&1); RC=$?
  expect_rc 0; expect_out "no problems"
  OUT=$(docker run --rm --entrypoint id pops-e2e -u); [ "$OUT" != 0 ] && pass || fail "the image runs as root"
else
  echo "no docker daemon: the image is not built"
fi

t_begin "action.yml: a composite action running pops check --base, annotations and the SARIF upload"
if why=$(python3 - "$SRC/action.yml" <<'PY' 2>&1
import sys, yaml
a = yaml.safe_load(open(sys.argv[1]))
assert a["name"] and a["description"], a
inputs = a["inputs"]
for k in ("working-directory", "base", "upload-sarif", "image"):
    assert k in inputs and inputs[k].get("description"), k
assert inputs["working-directory"]["default"] == "."
runs = a["runs"]
assert runs["using"] == "composite", runs["using"]
steps = runs["steps"]
run = [s for s in steps if "run" in s]
assert run and all(s.get("shell") == "bash" for s in run), run
script = run[0]["run"]
assert 'pops check --base "$POPS_BASE" --format github' in script, script
assert "--format sarif" in script, script
assert "${{" not in script, "expressions go through env:, never into the script"
up = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
assert up and "inputs.upload-sarif" in up[0]["if"], up
PY
); then pass; else fail "action.yml: $why"; fi
# The step's script, run with a fake docker that is this pops: exit 1 on errors, SARIF written.
mkdir -p "$T_ROOT/fake" && cat > "$T_ROOT/fake/docker" <<SH
#!/usr/bin/env bash
# docker run --rm --user U -e X -e Y -v SRC:/work -w /work IMAGE ARGS...: pops ARGS in SRC.
while [ "\$1" != "-w" ]; do [ "\$1" = -v ] && src=\${2%%:*}; shift; done
shift 3
cd "\$src" && exec "$POPS" "\$@"
SH
chmod +x "$T_ROOT/fake/docker"
python3 -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1]))["runs"]["steps"][0]["run"])' "$SRC/action.yml" > "$T_ROOT/step.sh"
git init -q -b main repo && cd repo && make_ws && git add -A && git commit -qm init && git branch base
sed -i 's/status: in-progress/status: in-progres/' roadmap/payments.yaml
mkdir -p "$T_ROOT/runner"
OUT=$(PATH="$T_ROOT/fake:$PATH" GITHUB_WORKSPACE="$PWD" RUNNER_TEMP="$T_ROOT/runner" POPS_DIR=. POPS_BASE=base \
  POPS_IMAGE= GITHUB_ACTION_REPOSITORY=Owner/pops GITHUB_ACTION_REF=v1 bash -eo pipefail "$T_ROOT/step.sh" 2>&1); RC=$?
expect_rc 1
expect_out "::error file=roadmap/payments.yaml,line="
python3 -c 'import json, sys; r = json.load(open(sys.argv[1]))["runs"][0]["results"]; assert r, r' "$T_ROOT/runner/pops.sarif" \
  && pass || fail "no SARIF results"
cd ..

t_begin "the release workflow recipe builds the .deb and the image on a tag"
if why=$(python3 - "$SRC/docs/recipes/release.yml" <<'PY' 2>&1
import sys, yaml
w = yaml.safe_load(open(sys.argv[1]))
on = w[True] if True in w else w["on"]
assert on["push"]["tags"] == ["v*"], on
deb, image = w["jobs"]["deb"], w["jobs"]["image"]
assert deb["container"] == "debian:12"
runs = " ".join(s.get("run", "") for s in deb["steps"])
assert "./build.sh test" in runs and "cpack -G DEB" in runs, runs
push = [s for s in image["steps"] if s.get("uses", "").startswith("docker/build-push-action@")]
assert push and push[0]["with"]["push"] is True and "ghcr.io/" in push[0]["with"]["tags"], push
PY
); then pass; else fail "release.yml: $why"; fi

t_begin ".pre-commit-hooks.yaml: the system hook and the docker one, valid for pre-commit"
if command -v pre-commit >/dev/null; then
  pre-commit validate-manifest "$SRC/.pre-commit-hooks.yaml" && pass || fail "pre-commit validate-manifest"
else
  echo "pre-commit is not installed: the manifest is parsed only"
fi
if why=$(python3 - "$SRC/.pre-commit-hooks.yaml" <<'PY' 2>&1
import sys, yaml
hooks = {h["id"]: h for h in yaml.safe_load(open(sys.argv[1]))}
assert hooks["pops-check"]["language"] == "system", hooks
d = hooks["pops-check-docker"]
assert d["language"] == "docker" and d["entry"] == "pops check --staged", d
assert d["files"] == hooks["pops-check"]["files"] and d["pass_filenames"] is False, d
PY
); then pass; else fail ".pre-commit-hooks.yaml: $why"; fi

t_begin "build.sh: the demo installs only what pops builds with and builds only the binary"
if why=$(python3 - "$SRC/build.sh" "$SRC/Dockerfile" <<'PY' 2>&1
import re, sys
text = open(sys.argv[1]).read()
build = re.search(r"^packages=\((.*?)\)", text, re.S | re.M).group(1).split()
tests = re.search(r"^test_packages=\((.*?)\)", text, re.S | re.M).group(1).split()
for tool in ("chromium", "pre-commit", "zsh", "fish", "lintian", "time", "doctest-dev", "python3"):
    assert tool not in build and tool in tests, tool
# The Dockerfile's runtime-free build stage needs nothing the demo lacks but packaging (cpack).
demo = re.search(r"^  demo\)\n(.*?)\n    ;;", text, re.S | re.M).group(1)
assert "install_missing" in demo and "test_packages" not in demo, demo
assert re.search(r"POPS_BUILD_TESTS=\$\{POPS_BUILD_TESTS:-OFF\} build pops\b", demo), demo
for verb in ("test", "build"):
    body = re.search(r"^  %s\)\n(.*?)\n    ;;" % verb, text, re.S | re.M).group(1)
    assert 'packages+=("${test_packages[@]}")' in body, (verb, body)
PY
); then pass; else fail "build.sh: $why"; fi

t_begin ".ci/run: the cache off for the labelled tests, every test under the sanitizers, every fuzz target"
if why=$(python3 - "$SRC/.ci/run" "$SRC/tests/CMakeLists.txt" "$SRC/tests/e2e" <<'PY' 2>&1
import os, re, sys
ci = [l for l in open(sys.argv[1]).read().splitlines() if l.strip() and not l.lstrip().startswith("#")]
text = "\n".join(ci)
assert "POPS_WERROR=ON" in text, text
assert re.search(r"^POPS_CACHE=off (nice -n \d+ )?ctest --test-dir build .*-L 'cache\|unsanitized'$", text, re.M), text
# Everything built with clang under ASan+UBSan, and every test run on that build (no -L, no -R).
assert re.search(r'^CC=clang CXX=clang\+\+ POPS_BUILD_DIR=build-asan POPS_SANITIZE="address;undefined" \\\n +\./build\.sh build ', text, re.M), text
assert re.search(r'^ctest --test-dir build-asan --output-on-failure -j "\$jobs"$', text, re.M), text
assert re.search(r"^\./build\.sh fuzz 60$", text, re.M), text
# Every label names existing tests (CMake refuses others), and the cache tests include the cache's own.
cm = open(sys.argv[2]).read()
names = re.search(r"set\(POPS_CACHE_TESTS (.*?)\)", cm, re.S).group(1).split()
names += re.search(r"set\(POPS_UNSANITIZED_TESTS (.*?)\)", cm, re.S).group(1).split()
for n in names:
    assert os.path.exists(os.path.join(sys.argv[3], n + ".sh")), n
for n in ("t-cache", "t-history", "t-cachebounds", "t-bounds", "t-install"):
    assert n in names, n
PY
); then pass; else fail ".ci/run: $why"; fi
