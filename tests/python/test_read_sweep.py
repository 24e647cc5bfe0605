"""read_sweep: the long table of a sweep results file, checked against the run's own counts."""
import sqlite3

import pytest

import potline


@pytest.fixture(scope="module")
def store(tmp_path_factory, cli):
    path = tmp_path_factory.mktemp("sweep") / "small.sqlite"
    code, _, err = cli("sweep", "examples/sweep-small.toml", "--out", path, "--limit", 4)
    assert code == 0, err
    return path


def test_long_table_has_every_stored_row(store):
    df = potline.read_sweep(store)
    assert list(df.columns) == ["scenario", "sample", "entity", "metric", "value"]
    with sqlite3.connect(store) as db:
        (rows,) = db.execute("SELECT count(*) FROM results").fetchone()
        (samples,) = db.execute("SELECT count(*) FROM samples").fetchone()
    assert len(df) == rows > 0
    assert df.groupby(["scenario", "sample"]).ngroups == samples == 4
    assert str(df["sample"].dtype) == "int64"
    assert df.attrs["title"].startswith("Small sweep")
    assert df["value"].notna().all()


def test_world_metrics_pivot_to_one_row_per_sample(store):
    df = potline.read_sweep(store)
    world = df[df.entity == "world"].pivot_table(index=["scenario", "sample"], columns="metric", values="value")
    assert len(world) == 4


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(potline.InputError, match="no such results file"):
        potline.read_sweep(tmp_path / "absent.sqlite")


def test_a_file_of_another_kind_is_refused(tmp_path, root):
    with pytest.raises(potline.InputError, match="not a results file of `potline sweep`"):
        potline.read_sweep(root / "examples" / "world.toml")
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE meta(key TEXT, value TEXT)")
        db.execute("INSERT INTO meta VALUES('format', 'something-else')")
    with pytest.raises(potline.InputError, match="meta.format is 'something-else'"):
        potline.read_sweep(other)
