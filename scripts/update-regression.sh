#!/usr/bin/env bash
# Regenerates the stored reference outputs of the cell examples (tests/regression/reference/).
# Run it only after an intended change of the model, and say in the commit what changed and why.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/potline}
for case in default custom-design grande-baie-p155; do
  "$bin" cell "examples/$case.toml" --json > "tests/regression/reference/cell-$case.json"
  echo "updated tests/regression/reference/cell-$case.json"
done
