"""potline.simulate and potline.flex keep the run's warnings and notes (user trial 14, T14-7):
result["warnings"] holds the case's warnings (also in result.case_warnings) and then the run's,
result["notes"] the run's, as the CLI prints them (warnings on stderr; flex's notes in its text) and as its
summary.json holds them."""
import json

import potline


def lines(text, prefix):
    return [line[len(prefix):] for line in text.splitlines() if line.startswith(prefix)]


def test_simulate_result_holds_the_cut_out_liquidus_and_ce_messages(cli, tmp_path):
    case = "examples/potline-cut-out.toml"
    result = potline.simulate(case, set={"run.relative_tolerance": 1e-6})
    assert len(result.case_warnings) == 1 and "'run.relative_tolerance': never used" in result.case_warnings[0]
    run = result["warnings"][len(result.case_warnings):]
    assert result["warnings"][:len(result.case_warnings)] == result.case_warnings
    assert any("cut out of the line" in w for w in run), run
    # a caveat of the model's liquidus where the run took the bath, not a doubt of the input: a note
    # since 2026-12-07 (was a warning)
    assert any("liquidus correlation" in n for n in result["notes"]), result["notes"]
    assert any("the mean line current (330.0 kA)" in n for n in result["notes"]), result["notes"]
    code, _, err = cli("simulate", case, "--set", "run.relative_tolerance=1e-6", "--out", tmp_path / "co")
    assert code == 0, err
    assert run == lines(err, "warning: ")
    assert result["notes"] == lines(err, "note: ")
    summary = json.loads((tmp_path / "co" / "summary.json").read_text())
    assert summary["warnings"] == result["warnings"] and summary["notes"] == result["notes"]


def test_flex_result_holds_the_texts_warnings_and_notes(cli):
    case = "examples/flex-day.toml"
    result = potline.flex(case)
    assert result.case_warnings == []
    code, out, err = cli("flex", case)
    assert code == 0, err
    assert result["warnings"] == lines(err, "warning: ")  # flex's warnings on stderr (T15-13)
    assert "warning:" not in out
    notes = ["reduced model: " + n for n in lines(out, "  reduced model: ") if not n.startswith("ledge a ")]
    assert result["notes"] == notes + lines(out, "  note: ")
    assert result["warnings"] or result["notes"]


def test_simulate_result_holds_the_heat_balance_loop_warning(cli):
    """User trial T15-12: the +25 % step's heat-balance-loop and ACD-limit warnings are in
    result["warnings"], as on the CLI's stderr (docs/python.md, "Warnings")."""
    case, step = "examples/cell-7d.toml", "potline.current_steps=24 h 1.25"
    result = potline.simulate(case, set={"potline.current_steps": "24 h 1.25"})
    loop = [w for w in result["warnings"] if "with the heat-balance loop's offset at its limit" in w]
    assert len(loop) == 1, result["warnings"]
    assert loop[0].startswith("1 of 1 cells were out of their safe window for a day or more"), loop[0]
    assert any(w.startswith("the ACD limits held the resistance control") for w in result["warnings"])
    code, _, err = cli("simulate", case, "--set", step)
    assert code == 0, err
    assert result["warnings"] == lines(err, "warning: ")
