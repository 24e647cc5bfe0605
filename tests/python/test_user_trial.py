"""What a user trial (2026-12-04) found in the Python API, asserted as fixed."""
import sys

import pytest

import potline


def test_missing_pandas_says_which_python_and_how_to_get_it(monkeypatch, root):
    # Before: a bare "ModuleNotFoundError: No module named 'pandas'" from deep inside the wrapper when
    # the module was run with another interpreter than the one it was built for.
    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` now raises ImportError
    with pytest.raises(ImportError, match=r"has no pandas: run the module with Debian's /usr/bin/python3"):
        potline.cell(str(root / "examples" / "default.toml"))


def test_required_key_of_a_case_file_names_the_file(tmp_path):
    case = tmp_path / "inv.toml"
    case.write_text('[case]\ntitle = "x"\n')
    with pytest.raises(potline.InputError, match=r"inv.toml: error: 'investment.construction_years': required"):
        potline.invest(str(case))
