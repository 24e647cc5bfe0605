#!/usr/bin/env bash
# Regenerates the stored reference outputs of the cell and dynamics examples
# (tests/regression/reference/). Run it only after an intended change of the model, and say in the
# commit what changed and why.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/potline}
for case in default custom-design grande-baie-p155 inert-anode-elysis-like inert-anode-rusal-like; do
  "$bin" cell "examples/$case.toml" --json > "tests/regression/reference/cell-$case.json"
  echo "updated tests/regression/reference/cell-$case.json"
done
# Dynamics: the potline example is shortened to 12 cells x 2 days (as in the test).
for case in cell-7d cell-7d-manual-quench cell-stuck-feeder cell-modulation outage-3h outage-ladder cell-process-faults cell-grade-cathode-failure potline-year potline-cut-out potline-cell-feed-stop potline-cut-in potline-cell-upsets; do
  sets=()
  if [ "$case" = potline-year ]; then sets=(--set run.duration=2d --set potline.cells=12); fi
  "$bin" simulate "examples/$case.toml" "${sets[@]}" --json 2>/dev/null > "tests/regression/reference/dynamics-$case.json"
  echo "updated tests/regression/reference/dynamics-$case.json"
done
