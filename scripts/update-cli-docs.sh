#!/usr/bin/env bash
# Regenerates the schema reference tables of docs/cli.md from the program: the text between
# "<!-- schema:NAME begin -->" and "<!-- schema:NAME end -->" becomes `potline schema NAME --markdown`.
# Run it after changing a schema table (src/*/..._schema.cpp, simulate_case.cpp, invest_case.cpp);
# the CLI test CliDocs.SchemaTablesEqualTheSchema fails until you do.
#   scripts/update-cli-docs.sh [path/to/potline]   (default build/potline)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/potline}
doc=docs/cli.md
tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.table"' EXIT
names=$(sed -n 's/^<!-- schema:\([a-z-]*\) begin -->$/\1/p' "$doc")
cp "$doc" "$tmp"
for name in $names; do
  "$bin" schema "$name" --markdown > "$tmp.table"
  awk -v name="$name" -v table="$tmp.table" '
    $0 == "<!-- schema:" name " begin -->" { print; while ((getline line < table) > 0) print line; skip = 1; next }
    $0 == "<!-- schema:" name " end -->" { skip = 0 }
    !skip { print }
  ' "$tmp" > "$tmp.new"
  mv "$tmp.new" "$tmp"
  echo "updated the '$name' table"
done
cp "$tmp" "$doc"
