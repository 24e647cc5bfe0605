#!/usr/bin/env bash
# Installs every Debian package Potline's build, tests and benchmarks need.
# Idempotent: packages already installed are skipped; uses sudo only when not root.
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
  libsqlite3-dev        # sweep: the results store (SQLite)
  libopenmpi-dev openmpi-bin  # sweep: optional, samples across processes (mpirun)
  clang libfuzzer-14-dev      # make fuzz: libFuzzer targets under fuzz/ (CI runs them)
  pybind11-dev python3-pybind11 python3-dev  # the Python API (python/, docs/python.md)
  python3-numpy python3-pandas python3-pytest    # its DataFrames and its tests (tests/python)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
