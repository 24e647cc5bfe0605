"""The Python examples of README.md and docs/python.md run as written (from the repository root).
Blocks that need files made by another command first (they mention out/) are skipped."""
import os
import re

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def python_blocks(name):
    with open(os.path.join(ROOT, name), encoding="utf-8") as f:
        text = f.read()
    return [b for b in re.findall(r"```python\n(.*?)```", text, flags=re.S) if "out/" not in b and ">>>" not in b]


@pytest.mark.parametrize("name", ["README.md", "docs/python.md"])
def test_examples_run(name, monkeypatch):
    blocks = python_blocks(name)
    assert blocks, f"no Python example in {name}"
    monkeypatch.chdir(ROOT)
    namespace = {}
    for block in blocks:
        exec(compile(block, name, "exec"), namespace)  # noqa: S102 - the documentation's own examples
