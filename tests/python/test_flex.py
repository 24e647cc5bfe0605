"""potline.flex from Python: the result equals `potline flex --json` and the run folder's tables for
the same case and prices; a price series given as a dict, a DataFrame or a Series gives the same
answer as the file; input errors carry the CLI's messages."""
import csv
import json

import pandas as pd
import pytest

import potline

PRICES = "data/prices/synthetic-de-summer-day-15min.csv"


def without_solver_time(document):
    """The summary without the solver's wall-clock seconds (the one value that differs run to run)."""
    document = json.loads(json.dumps(document))
    document["solver"].pop("seconds", None)
    return document


def test_flex_equals_cli_json_and_tables(cli, tmp_path):
    result = potline.flex("examples/flex-day.toml")
    out = tmp_path / "run"
    code, stdout, err = cli("flex", "examples/flex-day.toml", "--out", out, "--json")
    assert code == 0, err
    assert without_solver_time(result) == without_solver_time(json.loads(stdout))
    assert set(result.tables) == {"schedule", "economics"}
    pd.testing.assert_frame_equal(result.schedule, pd.read_csv(out / "schedule.csv"), check_exact=True)
    pd.testing.assert_frame_equal(result.economics, pd.read_csv(out / "economics.csv"), check_exact=True)
    assert result.schedule.columns[:4].tolist() == ["time_utc", "price [EUR/MWh]", "flat power [MW]", "power [MW]"]
    assert result["value"]["savings_eur"] > 0
    assert result["solver"]["status"] == "optimal"


def test_flex_reports_the_delivered_figures_beside_the_planned():
    """value.planned and value.delivered hold the same figures (the current efficiency change and the
    round trip split by the cells' energy balance only delivered); the delivered savings are the
    dynamic runs' margins, optimised less flat; economics.csv lists both."""
    result = potline.flex("examples/flex-day.toml")
    value = result["value"]
    planned, delivered = value["planned"], value["delivered"]
    assert set(delivered) == set(planned) | {"current_efficiency_change_points", "complete", "round_trip_split"}
    assert delivered["complete"] is True
    margins = result["optimised"]["delivered"]["margin_eur"] - result["flat"]["delivered"]["margin_eur"]
    assert delivered["savings_eur"] == pytest.approx(margins, rel=1e-9)
    assert delivered["savings_eur"] == pytest.approx(value["delivered_savings_eur"], rel=1e-12)
    assert planned["savings_eur"] == pytest.approx(value["savings_eur"], rel=1e-12)
    assert planned["round_trip_efficiency"] == pytest.approx(value["round_trip_efficiency"], rel=1e-12)
    metal_t = result["optimised"]["delivered"]["production_t"]
    assert delivered["savings_eur_per_t"] == pytest.approx(delivered["savings_eur"] / metal_t, rel=1e-9)
    flat_cost = result["flat"]["delivered"]["power_cost_eur"]
    assert delivered["savings_percent_of_power_cost"] == pytest.approx(100 * delivered["savings_eur"] / flat_cost, rel=1e-9)
    assert delivered["extra_production_t"] == pytest.approx(value["dynamic_production_change_t"], rel=1e-9)
    assert 0 < delivered["round_trip_efficiency"] <= 1.5
    rows = result.economics.set_index("quantity")
    assert rows.loc["savings", "planned"] == pytest.approx(planned["savings_eur"], rel=1e-7)
    assert rows.loc["savings", "delivered"] == pytest.approx(delivered["savings_eur"], rel=1e-7)
    assert rows.loc["round-trip efficiency", "delivered"] == pytest.approx(delivered["round_trip_efficiency"], rel=1e-7)
    # The power the cells drew per step, beside the planned power.
    drawn = result.schedule["power delivered [MW]"]
    assert (drawn - result.schedule["power [MW]"]).abs().max() < 0.05 * result.schedule["power [MW]"].max()


def test_flex_envelope_and_set_like_the_cli(cli, tmp_path):
    args = {"set": {"flex.max_power": "110 %"}, "envelope": True}
    result = potline.flex("examples/flex-week-heat-exchangers.toml", **args)
    out = tmp_path / "week"
    code, stdout, err = cli("flex", "examples/flex-week-heat-exchangers.toml", "--set", "flex.max_power=110 %",
                            "--envelope", "--out", out, "--json")
    assert code == 0, err
    assert without_solver_time(result) == without_solver_time(json.loads(stdout))
    pd.testing.assert_frame_equal(result.envelope, pd.read_csv(out / "envelope.csv"), check_exact=True)
    assert len(result.envelope) == len(result["envelope"])


def test_prices_as_dict_dataframe_or_series_equal_the_file(root):
    with open(root / PRICES, newline="") as f:
        rows = [r for r in csv.DictReader(line for line in f if not line.startswith("#"))]
    as_dict = {r["time_utc"]: float(r["price_eur_per_MWh"]) for r in rows}
    frame = pd.DataFrame({"time_utc": list(as_dict), "price_eur_per_MWh": list(as_dict.values())})
    series = pd.Series(as_dict.values(), index=pd.to_datetime(list(as_dict), utc=True))
    from_file = without_solver_time(potline.flex("examples/flex-day.toml", prices=PRICES))
    for prices in (as_dict, frame, series):
        assert without_solver_time(potline.flex("examples/flex-day.toml", prices=prices)) == from_file


def test_flex_case_as_dict_resolves_prices_from_the_working_directory(root):
    import tomllib

    case = tomllib.loads((root / "examples" / "flex-day.toml").read_text())
    case["flex"]["prices"] = PRICES  # a dict has no folder: relative paths are the working directory's
    assert without_solver_time(potline.flex(case)) == without_solver_time(potline.flex("examples/flex-day.toml"))


def test_price_errors_carry_the_cli_messages():
    gap = {"2026-06-01T00:00Z": 80.0, "2026-06-01T00:15Z": 81.0, "2026-06-01T00:45Z": 82.0}
    with pytest.raises(potline.InputError) as e:
        potline.flex("examples/flex-day.toml", prices=gap)
    # The rows as counted in the dict given (user trial 2026-12-05 (3); was "<prices>:4:1: ... (line 3)").
    assert ("prices row 2 (2026-06-01T00:45Z): error: 'flex.prices': gap: 1 row(s) missing between "
            "2026-06-01T00:15Z (row 1) and 2026-06-01T00:45Z") in str(e.value)
    # A DataFrame in no layout the CLI reads is the CLI's header error (T7-10: was a plain ValueError).
    with pytest.raises(potline.InputError, match="second column 'price': name the price's unit"):
        potline.flex("examples/flex-day.toml", prices=pd.DataFrame({"time": [], "price": []}))
    with pytest.raises(TypeError, match="prices are a file path"):
        potline.flex("examples/flex-day.toml", prices=42)


def test_flex_unknown_key_message_equals_the_cli(cli):
    with pytest.raises(potline.InputError) as e:
        potline.flex("examples/flex-day.toml", set={"flex.max_powerr": "110 %"})
    code, _, err = cli("flex", "examples/flex-day.toml", "--set", "flex.max_powerr=110 %")
    assert code == 2
    assert "'flex.max_powerr': unknown key" in str(e.value)
    assert str(e.value).strip() in err
