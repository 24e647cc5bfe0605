"""Shared fixtures of the Python API tests: the CLI binary (POTLINE_BIN, set by ctest) and the
source tree, so a test can compare the Python result with the CLI's --json output."""
import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def root():
    return ROOT


@pytest.fixture(scope="session")
def cli():
    """Runs `potline ARGS...` and returns (exit code, stdout, stderr)."""
    binary = os.environ.get("POTLINE_BIN", str(ROOT / "build" / "potline"))

    def run(*args):
        done = subprocess.run([binary, *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=600)
        return done.returncode, done.stdout, done.stderr

    return run


@pytest.fixture(scope="session")
def cli_json(cli):
    """Runs `potline ARGS... --json`, asserts exit 0 and returns the parsed document."""

    def run(*args):
        code, out, err = cli(*args, "--json")
        assert code == 0, err
        return json.loads(out)

    return run
