"""The CLI commands that had no Python function (T7-20): fleet --export-smelter, --vary, sweep,
compare and report, each against the CLI's output for the same inputs, with an input-error test
asserting the message the CLI prints."""
import json
import pathlib

import pytest

import potline


def test_export_smelter_equals_cli(cli):
    text = potline.export_smelter("examples/world.toml", "eu-sunndal")
    code, out, err = cli("fleet", "examples/world.toml", "--export-smelter", "eu-sunndal")
    assert code == 0, err
    assert text == out
    assert "[case]" in text


def test_export_smelter_runs_as_a_smelter_case(tmp_path):
    case = tmp_path / "sunndal.toml"
    case.write_text(potline.export_smelter("examples/world.toml", "eu-sunndal"))
    result = potline.smelter(case)
    assert result["cost_usd_per_t"]["c1"] > 0


def test_export_smelter_unknown_id_is_the_cli_message(cli):
    with pytest.raises(potline.InputError) as e:
        potline.export_smelter("examples/world.toml", "eu-sundal")
    code, _, err = cli("fleet", "examples/world.toml", "--export-smelter", "eu-sundal")
    assert code == 2
    assert "unknown smelter 'eu-sundal' (did you mean 'eu-sunndal'?)" in str(e.value)
    assert str(e.value).strip() in err


def test_vary_equals_cli_json_and_csv(cli, cli_json):
    result = potline.vary("cell", "examples/default.toml", "operation.acd=3:4:0.5 cm",
                          outputs=["voltage_V", "sec_dc_kWh_per_kg"])
    args = ("cell", "examples/default.toml", "--vary", "operation.acd=3:4:0.5 cm", "--outputs",
            "voltage_V,sec_dc_kWh_per_kg")
    assert dict(result) == cli_json(*args)
    code, csv, err = cli(*args, "--csv")
    assert code == 0, err
    assert list(result.vary.columns) == csv.splitlines()[0].split(",")
    assert list(result.vary["value"]) == ["3 cm", "3.5 cm", "4 cm"]
    assert result.vary["voltage_V"].is_monotonic_increasing


def test_vary_warns_as_the_cli_about_the_varied_key(cli):
    with pytest.warns(potline.InputWarning, match=r"investment\.wacc"):
        result = potline.vary("invest", "examples/invest-new-build.toml", "investment.wacc=0.06,8 %")
    assert len(result.vary) == 2


def test_vary_keeps_the_model_note_on_the_varied_acd():
    result = potline.vary("cell", "examples/default.toml", "operation.acd=3:4:0.5 cm")
    assert len(result.notes) == 1
    assert "does not depend on the ACD (operation.acd)" in result.notes[0]
    assert result.vary["current_efficiency"].nunique() == 1  # what the note explains


def test_vary_bad_step_is_the_cli_message(cli):
    with pytest.raises(potline.InputError) as e:
        potline.vary("cell", "examples/default.toml", ["operation.acd=3:4:0 cm"])
    code, _, err = cli("cell", "examples/default.toml", "--vary", "operation.acd=3:4:0 cm")
    assert code == 2
    assert "--vary #1" in str(e.value)
    assert str(e.value).strip() in err


def test_sweep_stores_what_the_cli_stores(cli, tmp_path):
    store = tmp_path / "py.sqlite"
    summary = potline.sweep("examples/sweep-small.toml", store, set={"sweep.samples": 2}, threads=1)
    assert summary["complete"] and summary["samples_stored"] == 4
    code, out, err = cli("sweep", "examples/sweep-small.toml", "--out", tmp_path / "cli.sqlite", "--set",
                         "sweep.samples=2", "--threads", "1", "--json", "--quiet")
    assert code == 0, err
    cli_summary = json.loads(out)
    for key in ("sweep_hash", "scenarios", "samples_total", "samples_stored", "complete", "same_results"):
        assert summary[key] == cli_summary[key], key
    ours = potline.read_sweep(store).sort_values(["scenario", "sample", "entity", "metric"]).reset_index(drop=True)
    theirs = potline.read_sweep(tmp_path / "cli.sqlite").sort_values(
        ["scenario", "sample", "entity", "metric"]).reset_index(drop=True)
    assert ours.equals(theirs)
    again = potline.sweep("examples/sweep-small.toml", store, set={"sweep.samples": 2})  # resumed: nothing new
    assert again["samples_skipped"] == 4 and again["samples_computed_rank0"] == 0


def test_sweep_fewer_samples_than_stored_is_the_cli_message(cli, tmp_path):
    store = tmp_path / "s.sqlite"
    potline.sweep("examples/sweep-small.toml", store, set={"sweep.samples": 2}, threads=1)
    with pytest.raises(potline.InputError) as e:
        potline.sweep("examples/sweep-small.toml", store, set={"sweep.samples": 1})
    code, _, err = cli("sweep", "examples/sweep-small.toml", "--out", store, "--set", "sweep.samples=1", "--quiet")
    assert code == 2
    assert "already holds 2 (samples 0..1)" in str(e.value)
    assert str(e.value).strip() in err


def test_sweep_store_written_from_python_records_the_cli_provenance_and_the_cli_resumes_it(cli, tmp_path):
    import sqlite3
    store = tmp_path / "p.sqlite"
    potline.sweep("examples/sweep-small.toml", store, set={"sweep.samples": 1}, threads=1)
    with sqlite3.connect(store) as db:
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    assert meta["seed"] and meta["git_commit"] and "[sweep]" in meta["sweep_text"]
    assert "sweep.samples=1" in meta["sets"]
    code, _, err = cli("sweep", "examples/sweep-small.toml", "--out", store, "--set", "sweep.samples=1", "--quiet")
    assert code == 0, err


def test_saved_results_compare_as_the_cli_compares_folders(cli_json, tmp_path):
    base = potline.cell("examples/default.toml")
    lower = potline.cell("examples/default.toml", set={"operation.acd": "3 cm"})
    base.save(tmp_path / "base")
    lower.save(tmp_path / "lower")
    result = potline.compare([base, lower])
    assert dict(result) == cli_json("compare", tmp_path / "base", tmp_path / "lower")
    row = result.metrics.set_index("key").loc["sec_dc_kWh_per_kg"]
    assert row["value_1"] == pytest.approx(lower["sec_dc_kWh_per_kg"])
    assert row["change_1"] == pytest.approx(lower["sec_dc_kWh_per_kg"] - base["sec_dc_kWh_per_kg"])
    assert "--set operation.acd=3 cm" in result.text  # the runs told apart by their inputs


def test_compare_and_report_take_the_runs_in_the_cli_order(tmp_path):
    # User trial T17-15: compare('a', 'b') took 'b' for ``all`` and said "give two or more run folders";
    # report('a', 'b') took 'b' for the page's file.
    potline.cell("examples/default.toml").save(tmp_path / "a")
    potline.cell("examples/default.toml", set={"operation.acd": "3 cm"}).save(tmp_path / "b")
    both = potline.compare(tmp_path / "a", tmp_path / "b")
    assert dict(both) == dict(potline.compare([tmp_path / "a", tmp_path / "b"]))
    assert len(both["runs"]) == 2
    assert potline.compare([tmp_path / "a", tmp_path / "b"], True).text == potline.compare(
        tmp_path / "a", tmp_path / "b", all=True).text
    page = potline.report(tmp_path / "a", tmp_path / "b", out=tmp_path / "ab.html")
    assert page["runs"] == 2 and page["file"] == str(tmp_path / "ab.html")
    with pytest.raises(TypeError, match=r"give the page's file by name, out="):
        potline.report(tmp_path / "a", tmp_path / "ab.html")
    with pytest.raises(TypeError, match=r"needs the runs"):
        potline.compare()


def test_compare_one_run_is_the_cli_message(cli, tmp_path):
    potline.cell("examples/default.toml").save(tmp_path / "a")
    with pytest.raises(potline.InputError) as e:
        potline.compare([tmp_path / "a"])
    code, _, err = cli("compare", tmp_path / "a")
    assert code == 2
    assert "give two or more run folders or summary JSON files to compare" in str(e.value)
    assert str(e.value).strip() in err


def test_report_of_a_saved_result_equals_the_cli_report(cli, tmp_path):
    result = potline.smelter("examples/smelter-two-potlines.toml")
    result.save(tmp_path / "run")
    written = potline.report(result, out=tmp_path / "py.html")
    code, out, err = cli("report", tmp_path / "run", "--out", tmp_path / "cli.html")
    assert code == 0, err
    assert written["file"] == str(tmp_path / "py.html") and written["runs"] == 1
    assert f"({written['runs']} run, {written['charts']} charts)" in out
    html = pathlib.Path(written["file"]).read_text()
    assert html.startswith("<!DOCTYPE html>") and "vega" in html


def test_report_of_an_unsaved_result_says_to_save_it():
    with pytest.raises(ValueError, match=r"result\.save"):
        potline.report(potline.cell("examples/default.toml"))


def test_report_of_a_missing_run_is_the_cli_message(cli, tmp_path):
    with pytest.raises(potline.InputError) as e:
        potline.report(tmp_path / "nothing")
    code, _, err = cli("report", tmp_path / "nothing")
    assert code == 2
    assert str(tmp_path / "nothing") in str(e.value)
    assert str(e.value).strip() in err


def test_save_onto_a_file_is_an_input_error(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(potline.InputError, match="exists and is not a folder"):
        potline.cell("examples/default.toml").save(tmp_path / "file")


def _manifest(folder):
    return json.loads((pathlib.Path(folder) / "manifest.json").read_text())


@pytest.mark.parametrize("command,case,options", [
    ("simulate", "examples/outage-3h.toml", {}),
    ("flex", "examples/flex-day.toml", {}),
    ("fleet", "examples/world-2024.toml", {}),
    ("smelter", "examples/smelter-two-potlines.toml", {}),
])
def test_saved_result_manifest_is_the_cli_manifest(cli, tmp_path, command, case, options):
    """Result.save writes the manifest --out writes (user trial 9, T9-9: the seed was null and the data
    files were missing): the same keys, seed, completeness and input files with the same SHA-256."""
    sets = {"run.seed": 9} if command == "simulate" else {}
    result = getattr(potline, command)(case, set=sets or None, **options)
    result.save(tmp_path / "py")
    args = [command, case, "--out", tmp_path / "cli", "--quiet" if command == "simulate" else "--json"]
    for key, value in sets.items():
        args += ["--set", f"{key}={value}"]
    code, _, err = cli(*args)
    assert code == 0, err
    py, cli_manifest = _manifest(tmp_path / "py"), _manifest(tmp_path / "cli")
    assert set(py) == set(cli_manifest)
    assert py["seed"] == cli_manifest["seed"]
    if command == "simulate":
        assert py["seed"] == 9
    assert py["complete"] is True and py["finished_utc"]
    assert sorted(i["sha256"] for i in py["inputs"]) == sorted(i["sha256"] for i in cli_manifest["inputs"])
    assert sorted(py["outputs"]) == sorted(cli_manifest["outputs"])


def test_report_of_a_saved_seeded_simulate_names_its_seed(tmp_path):
    result = potline.simulate("examples/outage-3h.toml", set={"run.seed": 9})
    result.save(tmp_path / "run")
    written = potline.report(tmp_path / "run", out=tmp_path / "r.html")
    html = pathlib.Path(written["file"]).read_text()
    assert "none recorded" not in html
