"""What a user trial (2026-12-04) found in the Python API, asserted as fixed."""
import json
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
    # No [investment] key at all: one error for the table, not one per key (user trial T16-19).
    with pytest.raises(potline.InputError, match=r"inv.toml: error: 'investment': no \[investment\] table"):
        potline.invest(str(case))
    case.write_text('[case]\ntitle = "x"\n[investment]\nwacc = "8 %"\n')
    with pytest.raises(potline.InputError, match=r"inv.toml: error: 'investment.construction_years': required"):
        potline.invest(str(case))


# User trial of 2026-12-05 (docs/cli.md, Changes).
def test_simulate_without_anode_effect_has_no_onset(root):
    # Before: 0 wt% / 0 s, read as an onset at no alumina; now None (JSON null) with ae_count 0.
    run = potline.simulate(str(root / "examples" / "cell-7d.toml"))
    assert run["ae_count"] == 0
    for key in ("ae_onset_alumina_wt", "ae_onset_zone_alumina_wt", "ae_mean_duration_s"):
        assert run[key] is None, key
    assert run["ae_minutes_per_cell_day"] == 0.0


def test_cost_curve_margin_is_region_price_less_c1(root):
    # price_usd_per_t is LME + input premium; the margin is against the trade LP's regional price.
    world = potline.fleet(str(root / "examples" / "world.toml"))
    curve = world.cost_curve
    gap = (curve["netback_usd_per_t"] - curve["c1_usd_per_t"] - curve["margin_usd_per_t"]).abs()
    assert gap.max() < 0.02
    prices = curve["region"].map(world["price_by_region_usd_per_t"])
    assert (curve["region_price_usd_per_t"] - prices).abs().max() < 0.01


def test_a_comma_in_a_number_is_said_as_such(root):
    with pytest.raises(potline.InputError, match=r"'4,0 cm' has a comma in the number: write a decimal point"):
        potline.cell(str(root / "examples" / "default.toml"), set={"operation.acd": "4,0 cm"})


# User trial of 2026-12-05 (2) (docs/cli.md, Changes).
def test_numpy_numbers_are_numbers(root):
    # Before: np.int64 (np.arange(300, 400, 10)) raised "expected a number or a string ... got int64".
    np = pytest.importorskip("numpy")
    case = str(root / "examples" / "default.toml")
    a = potline.cell(case, set={"operation.line_current": np.int64(420), "operation.acd": np.float64(4.0)})
    b = potline.cell(case, set={"operation.line_current": 420, "operation.acd": 4.0})
    assert a["voltage_V"] == b["voltage_V"]
    assert a["current_kA"] == 420.0


def test_price_times_with_a_time_zone_are_converted_to_utc(root):
    # Before: a Series indexed in Europe/Berlin was written with its local clock and a "Z" (2 h off).
    pd = pytest.importorskip("pandas")
    csv = root / "data" / "prices" / "synthetic-de-summer-day-15min.csv"
    utc = pd.read_csv(csv, comment="#")
    series = pd.Series(utc["price_eur_per_MWh"].values,
                       index=pd.to_datetime(utc["time_utc"], utc=True).dt.tz_convert("Europe/Berlin"))
    assert series.index[0].hour == 2  # 00:00Z is 02:00 in a Berlin summer
    case = str(root / "examples" / "flex-day.toml")
    by_path = potline.flex(case, prices=str(csv))
    by_series = potline.flex(case, prices=series)
    assert by_series["start_utc"] == by_path["start_utc"]
    assert by_series["value"]["savings_eur"] == by_path["value"]["savings_eur"]


def test_cell_thermal_as_the_cli(root, cli_json):
    # --thermal had no Python counterpart: a process engineer could not get the solved bath from Python.
    case = str(root / "examples" / "default.toml")
    t = potline.cell(case, set={"bath.alf3": 13}, thermal=True)["thermal"]
    assert t == cli_json("cell", case, "--thermal", "--set", "bath.alf3=13")["thermal"]
    assert t["status"] == "steady" and t["bath_temperature_degC"] < 962.0
    assert "thermal" not in potline.cell(case)


def test_a_bad_price_in_a_series_is_named_by_its_row_and_time(root):
    # Before: "<prices>:3:19: error: ..." - a line of the CSV text the Series was turned into, which
    # the user never saw. Now the row as counted in the object given, with its time.
    pd = pytest.importorskip("pandas")
    series = pd.Series([70.0, float("nan"), 80.0],
                       index=pd.date_range("2026-06-01", periods=3, freq="h", tz="UTC"))
    with pytest.raises(potline.InputError) as e:
        potline.flex(str(root / "examples" / "flex-day.toml"), prices=series)
    assert "prices row 1 (2026-06-01T01:00Z): error: 'flex.prices': price 'nan' is not a number in EUR/MWh" in str(e.value)
    assert "<prices>:" not in str(e.value)


def test_a_case_given_to_another_command_names_the_right_one(root):
    # As the CLI (user trial 2026-12-05 (3)): a fleet case given to potline.smelter got 15 errors and no
    # word of which command reads it.
    with pytest.raises(potline.InputError) as e:
        potline.smelter(str(root / "examples" / "world.toml"))
    # world.toml builds on world-2024.toml (case.base) since 2026-12-05 and holds only its own levers.
    assert "note: [[tariff]], [[exclusion]] are sections of a 'potline fleet' case: run potline fleet" in str(e.value)


# User trial of 2026-12-05 (4): a warning about a value the caller gave is issued with warnings.warn.
def test_a_doubtful_value_given_from_python_is_warned(root):
    # Before: invest(set={"investment.wacc": 0.08}) returned an NPV of 7,233 M USD (0.08 %, not 8 %)
    # with the warning only in result["warnings"], which a notebook does not show.
    with pytest.warns(potline.InputWarning, match=r'investment.wacc: value 0\.08 % .*for 8 % write 8 or "8 %"'):
        result = potline.invest(str(root / "examples" / "invest-new-build.toml"), set={"investment.wacc": 0.08})
    assert any("investment.wacc" in w for w in result["warnings"])  # and still in the document
    with pytest.warns(potline.InputWarning, match=r"--alf3: value 0\.11 is read as 0\.11 wt%"):
        potline.bath(alumina=3, alf3=0.11, caf2=5, temperature=960)
    with pytest.warns(potline.InputWarning, match=r"bath.caf2: value 0\.05 is read as 0\.05 wt%"):
        potline.cell({"case": {"technology": "AP40"}, "operation": {"bath_temperature": "990 degC"},
                      "bath": {"caf2": 0.05}})


def test_the_case_files_own_warnings_are_not_issued(root, recwarn):
    # The case's own caveats, not about a value the caller gave, stay in the result only. Since user
    # trial T19-10 the catalogue's caveat on A697 is a note (result["notes"]), no longer a warning.
    result = potline.smelter(str(root / "examples" / "smelter-us-old-grid.toml"), set={"prices.power": 40})
    assert any("A697" in note for note in result["notes"])
    assert not [w for w in recwarn if issubclass(w.category, potline.InputWarning)]


# User trial 11, T11-11: a run stopped by a physical guard raised RunError with its message only; the
# course to the freeze (what the run folder keeps) was lost to Python.
def test_run_error_of_a_stopped_simulation_carries_the_partial_result(root, tmp_path):
    with pytest.raises(potline.RunError, match=r"bath frozen") as caught:
        potline.simulate(str(root / "examples" / "outage-3h.toml"), set={"potline.outage_duration": "8 h"})
    partial = caught.value.result
    assert partial["complete"] is False
    assert partial["stop_reason"] == "bath_frozen"
    assert partial["stop_cell"] == 0
    assert 24.0 < partial["stop_time_h"] < 48.0
    ts = partial.timeseries
    assert len(ts) > 100  # the series to the stop, one row per 10 min
    assert ts["Time [h]"].iloc[-1] == pytest.approx(partial["last_row_h"])
    assert "events" in partial.tables
    # Saved, the folder is marked partial and potline report draws it with the stop said.
    folder = partial.save(tmp_path / "stopped")
    manifest = json.loads((tmp_path / "stopped" / "manifest.json").read_text())
    assert manifest["complete"] is False
    potline.report(folder, out=str(tmp_path / "stopped.html"))
    html = (tmp_path / "stopped.html").read_text()
    assert "Stopped at " in html and "bath frozen (cell 0)" in html


def test_set_takes_a_list_for_an_array_valued_key(root):
    # T19-18: a list raised "TypeError: expected a number or a string ... got list", though the same key
    # of a dict case takes one; it is --set's comma list. None is an input error at its --set.
    case = str(root / "examples" / "world-2024.toml")
    a = potline.fleet(case, set={"fleet.include_status": ["operating", "curtailed"]})
    b = potline.fleet(case, set={"fleet.include_status": "operating,curtailed"})
    assert a["production_Mt"] == b["production_Mt"]
    with pytest.raises(potline.InputError, match=r"--set #2: error: 'fleet.include_status': no value \(None\)"):
        potline.fleet(case, set={"fleet.last_year": 2024, "fleet.include_status": None})


def test_a_price_series_without_times_is_one_error(root):
    # T20-5: pd.Series(values) (a RangeIndex) gave one "time '0': write ISO 8601 ..." error per row.
    pd = pytest.importorskip("pandas")
    with pytest.raises(potline.InputError) as e:
        potline.flex(str(root / "examples" / "flex-day.toml"), prices=pd.Series([50.0] * 96))
    text = str(e.value)
    assert "a Series of prices needs a time index" in text and "RangeIndex 0 to 95" in text
    assert text.count("error:") == 1
