"""The Python examples of README.md and docs/python.md run as written (from the repository root).
Blocks that need files made by another command first (they mention out/) are skipped. Blocks written
as an interactive session (">>> " prompts) must print what they show: they run as doctests."""
import doctest
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


@pytest.mark.parametrize("name", ["README.md"])
def test_sessions_print_what_they_show(name, monkeypatch):
    with open(os.path.join(ROOT, name), encoding="utf-8") as f:
        text = f.read()
    sessions = [b for b in re.findall(r"```python\n(.*?)```", text, flags=re.S) if ">>>" in b]
    assert sessions, f"no Python session (>>> prompts) in {name}"
    monkeypatch.chdir(ROOT)
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    globs = {}
    for i, block in enumerate(sessions):
        test = parser.get_doctest(block, globs, f"{name} session {i + 1}", name, 0)
        runner.run(test, out=lambda s: print(s, end=""))
    assert runner.failures == 0, f"{runner.failures} example(s) of {name} print something else (see above)"
