# pops in a container, for CI without building it and for pre-commit without installing it.
#   docker build -t pops .
#   docker run --rm -v "$PWD:/work" pops check
# Two stages: Debian 12 builds the .deb (cpack, so the runtime gets exactly the libraries
# dpkg-shlibdeps found), then a slim Debian 12 installs it with git, runs as a user that is not root.
FROM debian:12 AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      g++ cmake ninja-build pkg-config git python3 dpkg-dev file \
      libcli11-dev libyaml-cpp-dev libfmt-dev libgit2-dev nlohmann-json3-dev \
      libkainjow-mustache-dev libxxhash-dev libutf8proc-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cmake -S . -B /build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPOPS_BUILD_TESTS=OFF \
 && cmake --build /build \
 && cd /build && cpack -G DEB

FROM debian:12-slim
COPY --from=build /build/pops_*.deb /tmp/
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends git ca-certificates /tmp/pops_*.deb \
 && rm -rf /var/lib/apt/lists/* /tmp/pops_*.deb \
 && git config --system --add safe.directory '*' \
 && useradd --create-home --uid 10001 pops
USER pops
WORKDIR /work
ENTRYPOINT ["pops"]
CMD ["check"]
