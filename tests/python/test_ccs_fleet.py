"""The issue-14 fleet levers and the simulate grade through the Python API: the summaries equal the
CLI's --json and the new tables arrive as DataFrames (docs/model/ccs.md, hpa.md, purity.md)."""
import potline


def test_fleet_ccs_retrofit_and_hpa_equal_the_cli(cli_json, root):
    for name, key in (("ccs-retrofit-gcc", "ccs_retrofit"), ("hpa-us-fleet", "hpa")):
        case = root / "examples" / f"{name}.toml"
        py = potline.fleet(str(case))
        assert py[key] == cli_json("fleet", case)[key], name
        table = getattr(py, key)
        assert len(table) == len(py[key]["smelters"])


def test_simulate_grade_over_time(root):
    case = str(root / "examples" / "cell-7d.toml")
    sets = {"run.duration": "2 d", "run.events": "none", "control.tap_interval": "12 h",
            "purity.alumina_fe": "0.010%", "purity.cathode_failure_time": "20 h"}
    result = potline.simulate(case, set=sets)
    assert result["purity"]["cathode_failures"] == 1
    assert len(result.purity_taps) == result["purity"]["taps"]
    assert list(result.purity_taps.columns) == ["time_h", "cell", "tapped_kg", "fe_wt_pct", "si_wt_pct", "grade"]
