#!/usr/bin/env python3
"""Runs a command once per end of every numeric field's allowed range (see docs/reliability.md).

A value inside the range must give a result or an input error (exit 0 or 2), never a run-time
failure such as a non-finite output (exit 1) or a crash. For each number or integer field of the
schema, the case is run with --set KEY=VALUE at the lowest allowed value (the smallest positive
double above an exclusive 0, 1e-300) and at the highest (1e300 for a field open above, -1e300
below); any other exit status is printed.

Fields of an array of tables ([[tariff]], [[potline]], [[uncertain]]) are probed at each row the
case has, with the indexed key (tariff[0].rate, uncertain[2].sd); a section the case has no row of
is probed with the plain key as the other fields.

Usage: scripts/probe-bounds.py SCHEMA CASE [COMMAND [ARGS...]]
  e.g. scripts/probe-bounds.py smelter examples/smelter-ccs-hydro.toml
       scripts/probe-bounds.py cell examples/default.toml
       scripts/probe-bounds.py simulate examples/cell-7d.toml
       scripts/probe-bounds.py sweep examples/sweep-small.toml sweep --out {out}
An argument {out} is replaced by a fresh path in a temporary folder for each run (sweep's store).
Keys given in ARGS with --set are not probed (the later --set would override the probe).
Environment: POTLINE (default build/potline); PROBE_JSON=0 leaves out --json (sweep has none);
PROBE_INDEXED_ONLY=1 probes only the rows of the case's arrays of tables (tariff[0].rate, ...).
Exit status 1 if any run failed.
"""
import json
import os
import subprocess
import sys
import tempfile
import tomllib

potline = os.environ.get("POTLINE", "build/potline")
schema_name, case = sys.argv[1], sys.argv[2]
command = sys.argv[3] if len(sys.argv) > 3 else schema_name
extra = sys.argv[4:]
json_flag = [] if os.environ.get("PROBE_JSON", "0" if command == "sweep" else "1") == "0" else ["--json"]
schema = json.loads(subprocess.run([potline, "schema", schema_name, "--json"], capture_output=True, text=True,
                                   check=True).stdout)
fields = [f for s in schema["schemas"] for f in s["fields"]]
given = {a.split("=", 1)[0] for a in extra if "=" in a}
indexed_only = os.environ.get("PROBE_INDEXED_ONLY", "0") == "1"
with open(case, "rb") as f:
    document = tomllib.load(f)


def ends(field):
    """The lowest and highest values the field accepts."""
    lo, hi = field["min"], field["max"]
    if lo is None:
        low = -1e300
    elif field["min_exclusive"]:
        low = 1e-300 if lo == 0 else lo * (1 + 1e-12) if lo > 0 else lo * (1 - 1e-12)
    else:
        low = lo
    if hi is None:
        high = 1e300
    elif field["max_exclusive"]:
        high = hi * (1 - 1e-12) if hi > 0 else hi * (1 + 1e-12)
    else:
        high = hi
    return [low, high]


def keys_of(key):
    """The keys to probe for a schema key: one per row of the case's array of tables, else the key."""
    section, _, leaf = key.rpartition(".")
    rows = document.get(section) if section else None
    if isinstance(rows, list) and rows and all(isinstance(r, dict) for r in rows):
        return [f"{section}[{i}].{leaf}" for i in range(len(rows))]
    return [key]


failed = runs = 0
with tempfile.TemporaryDirectory(prefix="probe-bounds-") as tmp:
    for field in fields:
        if field["type"] not in ("number", "integer"):
            continue
        for key in keys_of(field["key"]):
            if key in given or (indexed_only and "[" not in key):
                continue
            for value in ends(field):
                if field["type"] == "integer":
                    if abs(value) > 1e18:
                        continue
                    value = int(value)
                unit = field["unit"]
                setting = f"{key}={value!r}" + (f" {unit}" if unit and unit != "1" else "")
                runs += 1
                out = os.path.join(tmp, f"run{runs}")
                args = [a.replace("{out}", out) for a in extra]
                try:
                    run = subprocess.run([potline, command, case] + json_flag + ["--set", setting] + args,
                                         capture_output=True, text=True, timeout=300)
                    status, said = run.returncode, (run.stderr.strip().splitlines() or [""])[-1][:200]
                except subprocess.TimeoutExpired:
                    status, said = "timeout", "more than 300 s"
                if status not in (0, 2):
                    failed += 1
                    print(f"probe-bounds: {command} {case} --set '{setting}': exit {status}: {said}", flush=True)
print(f"probe-bounds: {schema_name} ({case}): {runs} runs, {failed} failure(s)")
sys.exit(1 if failed else 0)
