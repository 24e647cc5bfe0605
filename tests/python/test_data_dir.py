"""T17-16: potline.data_dir() of a module copied out of its build folder read the compiled-in
worktree's data/ without a word. Now it looks for data/ in the package folder, then
../share/potline/data from it, and says once on stderr when it falls back on the source tree."""
import os
import pathlib
import shutil
import subprocess
import sys

import potline

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCRIPT = "import potline; print(potline.data_dir()); potline.technologies(); print(potline.data_dir())"


def _run(pythonpath, env_data=""):
    env = dict(os.environ, PYTHONPATH=str(pythonpath), POTLINE_DATA_DIR=env_data, PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.split("\n")[0], done.stderr


def test_a_copied_module_looks_in_its_package_and_says_which_data_it_reads(tmp_path):
    package = tmp_path / "python" / "potline"
    shutil.copytree(pathlib.Path(potline.__file__).parent, package)
    data = ROOT / "data"

    path, err = _run(package.parent)
    assert path == str(data)
    assert err.count("note: data folder") == 1, err  # once, though data_dir() was called three times
    assert (f"note: data folder {data}: the source tree's data/ this program was built from (compiled in), "
            f"as there is no data/ with technologies.toml in {package.resolve()} nor in its ../share/potline/data; "
            "set POTLINE_DATA_DIR or give data_dir= to read another") in err

    path, err = _run(package.parent, env_data=str(data))
    assert path == str(data) and "note:" not in err

    (package / "data").symlink_to(data)
    path, err = _run(package.parent)
    assert path == str(package.resolve() / "data") and "note:" not in err


def test_the_build_folders_module_reads_its_source_tree_without_a_note():
    path, err = _run(pathlib.Path(potline.__file__).parent.parent)
    assert path == str(ROOT / "data") and "note:" not in err
