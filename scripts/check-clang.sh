#!/usr/bin/env bash
# Checks that C++ files also compile with clang (the fuzz build, `make fuzz`, uses clang; GCC accepts
# some C++20 that clang 14 refuses, e.g. a lambda capturing a structured binding). Syntax only: fast.
# Usage: scripts/check-clang.sh BUILD_DIR [FILE...]
#   BUILD_DIR  a configured build folder (its compile_commands.json gives the flags)
#   FILE       source files to check (default: every .cpp changed against main, plus the files of main)
# Exit status 1 if any file fails; the errors are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: check-clang.sh BUILD_DIR [FILE...]}
shift
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  mapfile -t files < <(git diff --name-only main -- '*.cpp'; git diff --name-only -- '*.cpp')
fi
[ ${#files[@]} -eq 0 ] && { echo "check-clang: no changed .cpp files"; exit 0; }
python3 - "$build/compile_commands.json" "${files[@]}" <<'EOF'
import json, os, shlex, subprocess, sys
commands = {os.path.realpath(e["file"]): e for e in json.load(open(sys.argv[1]))}
failed = 0
for name in dict.fromkeys(sys.argv[2:]):
    path = os.path.realpath(name)
    entry = commands.get(path)
    if entry is None:
        if os.path.exists(path):
            print(f"check-clang: {name}: not in compile_commands.json (re-run cmake?)")
        continue
    args = shlex.split(entry["command"])[1:]
    flags, skip = [], False
    for a in args:
        if skip:
            skip = False
            continue
        if a == "-o":
            skip = True
            continue
        if a in ("-c", entry["file"], "-Wno-restrict") or a.startswith("-fsanitize"):
            continue
        flags.append(a)
    result = subprocess.run(["clang++", "-fsyntax-only", "-Wno-unknown-warning-option", *flags, entry["file"]],
                            cwd=entry["directory"], capture_output=True, text=True)
    if result.returncode != 0:
        failed += 1
        print(f"check-clang: {name}: FAILED\n{result.stderr}")
print(f"check-clang: {len(sys.argv) - 2 - failed} ok, {failed} failed")
sys.exit(1 if failed else 0)
EOF
