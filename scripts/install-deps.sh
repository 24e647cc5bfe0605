#!/usr/bin/env bash
# Installs every Debian package Potline's build, tests and benchmarks need, then the npm packages
# of the HTML report (package-lock.json) into node_modules/ with `npm ci`.
# Idempotent: packages already installed are skipped, and npm ci runs only when node_modules does
# not match package-lock.json; uses sudo only when not root.
# The list and the reason for each package is in docs/dependencies.md.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libtomlplusplus-dev   # TOML case files
  nlohmann-json3-dev    # JSON output
  libcli11-dev          # command-line parsing
  libfmt-dev            # formatting
  libeigen3-dev         # linear algebra
  libgtest-dev libgmock-dev  # unit, validation and CLI tests
  libbenchmark-dev      # performance measurements under bench/
  libsundials-dev       # CVODE: reference integrator of the dynamic cell model
  libtbb-dev            # threads over cell blocks in potline simulations
  coinor-libclp-dev     # COIN-OR CLP: the regional trade LP (market)
  coinor-libcbc-dev     # COIN-OR CBC: the power-flexibility dispatch MILP (flex)
  libsqlite3-dev        # sweep: the results store (SQLite)
  libopenmpi-dev openmpi-bin  # sweep: optional, samples across processes (mpirun)
  clang libfuzzer-14-dev      # make fuzz: libFuzzer targets under fuzz/ (CI runs them)
  pybind11-dev python3-pybind11 python3-dev  # the Python API (python/, docs/python.md)
  python3-numpy python3-pandas python3-pytest    # its DataFrames and its tests (tests/python)
  chromium              # browser tests of the HTML reports (driven by npm playwright-core)
)
# Node.js and npm: the report's JavaScript (Vega-Lite, world-atlas) and the browser-test driver
# come from npm. A machine that has node and npm already (e.g. from another Debian source) keeps them.
if ! command -v npm >/dev/null 2>&1; then packages+=(nodejs npm); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
else
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm packages pinned in package-lock.json (vega, vega-lite, vega-embed, world-atlas for the
# report; playwright-core for the browser tests). The build embeds them into the program; nothing
# is fetched at build or view time. --ignore-scripts: no package runs code at install (Playwright's
# own browser download is never used: the tests drive Debian's chromium).
cd "$(dirname "$0")/.."
stamp=node_modules/.potline-package-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "install-deps: node_modules matches package-lock.json"
else
  echo "install-deps: npm ci (package-lock.json)"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
