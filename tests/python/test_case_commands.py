"""cell, smelter, invest, fleet and simulate from Python: each result equals the CLI's --json output
and run-folder tables for the same case; input errors carry the CLI's file:line:col messages."""
import json
import tomllib

import pandas as pd
import pytest

import potline


def run_folder(cli, tmp_path, *args):
    out = tmp_path / "run"
    code, _, err = cli(*args, "--out", out)
    assert code == 0, err
    return out


def assert_tables_equal(result, folder):
    """Every table of the result equals the CSV file the CLI wrote (same columns, same numbers)."""
    assert result.tables, "no tables"
    for name, frame in result.tables.items():
        path = folder / f"{name}.csv"
        assert path.exists(), name
        expected = pd.read_csv(path) if path.read_text().strip() else pd.DataFrame()
        pd.testing.assert_frame_equal(frame, expected, check_exact=True, obj=name)


def test_cell_equals_cli_json_and_tables(cli_json, cli, tmp_path):
    result = potline.cell("examples/default.toml", set={"operation.acd": "4.0 cm"})
    assert result == cli_json("cell", "examples/default.toml", "--set", "operation.acd=4.0 cm")
    folder = run_folder(cli, tmp_path, "cell", "examples/default.toml", "--set", "operation.acd=4.0 cm")
    assert result == json.loads((folder / "summary.json").read_text())
    assert_tables_equal(result, folder)
    assert set(result.tables) == {"breakdown", "energy", "inputs", "published"}


def test_cell_technology_and_target_voltage_like_the_cli(cli_json):
    result = potline.cell(technology="AP60", target_voltage=4.05)
    assert result == cli_json("cell", "--technology", "AP60", "--target-voltage", 4.05)
    assert result["target_voltage_V"] == 4.05


def test_cell_from_a_dict_equals_the_case_file(root):
    case = tomllib.loads((root / "examples" / "default.toml").read_text())
    from_dict = potline.cell(case)
    from_file = potline.cell("examples/default.toml")
    assert from_dict == from_file


def test_cell_set_takes_numbers_in_the_field_unit(cli_json):
    assert potline.cell(technology="AP40", set={"operation.acd": 4.0}) == cli_json(
        "cell", "--technology", "AP40", "--set", "operation.acd=4.0")


def test_cell_unknown_key_message_equals_the_cli(cli):
    with pytest.raises(potline.InputError) as e:
        potline.cell("examples/default.toml", set={"operation.acdd": 4})
    code, _, err = cli("cell", "examples/default.toml", "--set", "operation.acdd=4")
    assert code == 2
    assert "'operation.acdd': unknown key (did you mean 'operation.acd'?)" in str(e.value)
    assert str(e.value).strip() in err


def test_case_file_errors_carry_file_line_col(tmp_path):
    case = tmp_path / "bad.toml"
    case.write_text('[case]\ntechnology = "AP40"\n\n[operation]\nacd = "40 m"\nline_curent = "400 kA"\n')
    with pytest.raises(potline.InputError) as e:
        potline.cell(case)
    text = str(e.value)
    assert f"{case}:5:7" in text and "'operation.acd'" in text
    assert f"{case}:6:1" in text and "did you mean 'operation.line_current'?" in text


def test_dict_errors_name_the_key_in_dict():
    with pytest.raises(potline.InputError) as e:
        potline.cell({"case": {"technology": "AP40"}, "operation": {"acd": "40 m"}})
    assert "<dict>:" in str(e.value) and "'operation.acd'" in str(e.value)


def test_cell_without_a_case_says_what_to_give():
    with pytest.raises(potline.InputError, match="give a case file"):
        potline.cell()


def test_smelter_equals_cli_json_and_tables(cli_json, cli, tmp_path):
    case = "examples/smelter-two-potlines.toml"
    result = potline.smelter(case, set={"prices.power": "45 USD/MWh"})
    assert result == cli_json("smelter", case, "--set", "prices.power=45 USD/MWh")
    assert_tables_equal(result, run_folder(cli, tmp_path, "smelter", case, "--set", "prices.power=45 USD/MWh"))


def test_smelter_from_a_dict_with_potline_groups(root):
    case = tomllib.loads((root / "examples" / "smelter-two-potlines.toml").read_text())
    assert potline.smelter(case) == potline.smelter("examples/smelter-two-potlines.toml")


def test_invest_equals_cli_json_and_tables(cli_json, cli, tmp_path):
    case = "examples/invest-ap60-retrofit.toml"
    result = potline.invest(case)
    assert result == cli_json("invest", case)
    assert_tables_equal(result, run_folder(cli, tmp_path, "invest", case))
    assert result.cash_flows["Discounted [USD]"].sum() == pytest.approx(result["npv_usd"], rel=1e-9)


def test_fleet_equals_cli_json_and_tables(cli_json, cli, tmp_path):
    case = "examples/us-tariff-50.toml"
    result = potline.fleet(case, set={"tariff[0].rate": 0.25})
    assert result == cli_json("fleet", case, "--set", "tariff[0].rate=0.25")
    assert_tables_equal(result, run_folder(cli, tmp_path, "fleet", case, "--set", "tariff[0].rate=0.25"))
    assert set(result.tables) == {"cost_curve", "regions", "flows"}
    assert result.cost_curve["capacity_kt_per_year"].sum() / 1e3 == pytest.approx(result["capacity_Mt"], rel=1e-5)


def test_fleet_bad_lever_index_is_an_input_error():
    with pytest.raises(potline.InputError, match=r"tariff\[5\]"):
        potline.fleet("examples/us-tariff-50.toml", set={"tariff[5].rate": 0.25})


def test_simulate_equals_cli_json_and_tables(cli, tmp_path):
    sets = {"run.duration": "12 h"}
    result = potline.simulate("examples/cell-7d.toml", set=sets)
    folder = run_folder(cli, tmp_path, "simulate", "examples/cell-7d.toml", "--set", "run.duration=12 h", "-q")
    expected = json.loads((folder / "summary.json").read_text())
    # wall_seconds is the run's own wall-clock time: the one key that differs between two runs.
    assert {k: v for k, v in result.items() if k != "wall_seconds"} == \
        {k: v for k, v in expected.items() if k != "wall_seconds"}
    assert_tables_equal(result, folder)
    assert len(result.timeseries) == 12 * 6 + 1
    assert "Mean bath temperature [degC]" in result.timeseries.columns


def test_simulate_threads_do_not_change_results():
    one = potline.simulate("examples/cell-7d.toml", set={"run.duration": "2 h"}, threads=1)
    two = potline.simulate("examples/cell-7d.toml", set={"run.duration": "2 h"}, threads=2)
    pd.testing.assert_frame_equal(one.timeseries, two.timeseries, check_exact=True)


def test_result_names_its_tables():
    result = potline.cell(technology="AP40")
    with pytest.raises(AttributeError, match="tables: breakdown, energy, inputs"):
        result.timeseries


def test_smelter_input_errors_equal_the_cli(cli):
    with pytest.raises(potline.InputError) as e:
        potline.smelter("examples/smelter-us-old-grid.toml", set={"prices.power": "-5 USD/MWh", "plant.capacity_factr": 1})
    code, _, err = cli("smelter", "examples/smelter-us-old-grid.toml", "--set", "prices.power=-5 USD/MWh",
                       "--set", "plant.capacity_factr=1")
    assert code == 2
    assert str(e.value).strip() in err
    assert "--set #1" in str(e.value) and "--set #2" in str(e.value)


@pytest.mark.parametrize("name", ["invest-new-build", "invest-ap60-retrofit"])
def test_invest_from_a_dict_equals_the_case_file(root, name):
    case = tomllib.loads((root / "examples" / f"{name}.toml").read_text())
    overrides = {"investment.wacc": "9 %"}
    from_dict = potline.invest(case, set=overrides)
    from_file = potline.invest(f"examples/{name}.toml", set=overrides)
    assert from_dict == from_file
    assert set(from_dict.tables) == {"cash_flows", "npv_vs_power"}
    for table in from_dict.tables:
        pd.testing.assert_frame_equal(from_dict.tables[table], from_file.tables[table], check_exact=True, obj=table)


def test_invest_npv_against_power_price_table(root):
    result = potline.invest("examples/invest-new-build.toml")
    sweep = result.npv_vs_power
    assert list(sweep.columns) == ["Power price [USD/MWh]", "NPV [USD]", "IRR [1]"]
    assert sweep["Power price [USD/MWh]"].iloc[0] == 0
    assert sweep["NPV [USD]"].is_monotonic_decreasing
    # The NPV changes sign between the grid points around the break-even price.
    below = sweep[sweep["Power price [USD/MWh]"] < result["breakeven_power_usd_per_MWh"]]
    above = sweep[sweep["Power price [USD/MWh]"] > result["breakeven_power_usd_per_MWh"]]
    assert (below["NPV [USD]"] > 0).all() and (above["NPV [USD]"] < 0).all()


def test_invest_dict_errors_are_located_in_the_dict():
    case = {"case": {"title": "t"}, "plant": {"capacity": "500 kt/yr"}, "investment": {"kind": "new_build", "wacc": -2}}
    with pytest.raises(potline.InputError) as e:
        potline.invest(case)
    text = str(e.value)
    assert "<dict>:" in text and "'investment.wacc'" in text
    assert "'investment.capex': required for 'potline invest'" in text
    with pytest.raises(potline.InputError, match=r"<dict>:\d+:\d+: error: 'potline': 'potline invest' does not take \[\[potline\]\] groups"):
        potline.invest({"investment": {"capex": "6000 USD/t"}, "potline": [{"name": "a"}, {"name": "b"}]})


def test_simulate_guard_raises_run_error_naming_cell_and_time(cli):
    # The CLI test CliSimulateGuards.FrozenBathIsARunTimeFailureWithAPartialRunFolder: exit 1 there,
    # with the same message (the freeze time itself is the dynamics' and is asserted there).
    with pytest.raises(potline.RunError) as e:
        potline.simulate("examples/cell-7d.toml", set={"potline.current_steps": "12 h 0; 72 h 1.0", "run.duration": "5 d"})
    assert "bath frozen" in str(e.value) and str(e.value).startswith("cell 0 at ")
    assert not isinstance(e.value, potline.InputError)
    code, _, err = cli("simulate", "examples/cell-7d.toml", "--set", "potline.current_steps=12 h 0; 72 h 1.0",
                       "--set", "run.duration=5 d", "--quiet")
    assert code == 1
    assert str(e.value) in err
