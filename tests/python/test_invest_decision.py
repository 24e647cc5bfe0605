"""potline.invest's `decision` block (user trial 14, T14-3): for a retrofit, the retrofit against keeping
the old cells (examples/invest-ap60-retrofit.toml: NPV -391.9 M USD, IRR 2.17 %, break-even 102.88
USD/MWh, paying above it), not the plant with the new cells (npv_usd +662.0 M USD, break-even 66.23);
for a new build, the plant's own figures. The CLI text prints the retrofit's figures; the test reads
them from it, independently of the JSON."""
import re

import pytest

import potline


def text_figures(cli, case):
    code, out, err = cli("invest", case)
    assert code == 0, err
    npv = re.search(r"retrofit against keeping the old cells: NPV (-?[0-9.]+) M USD", out)
    irr = re.search(r"of the gain \([^)]*\): IRR ([0-9.]+) %", out)
    breakeven = re.search(r"break-even power of the retrofit ([0-9.]+) USD/MWh \(the retrofit pays (above|below)", out)
    assert npv and irr and breakeven, out
    return float(npv[1]), float(irr[1]), float(breakeven[1]), breakeven[2]


def test_retrofit_decision_is_the_gain_over_keeping_the_old_cells(cli):
    case = "examples/invest-ap60-retrofit.toml"
    result = potline.invest(case)
    d = result["decision"]
    assert d["basis"] == "retrofit against keeping the old cells"
    npv_musd, irr_pct, breakeven, side = text_figures(cli, case)
    assert d["npv_usd"] / 1e6 == pytest.approx(npv_musd, abs=0.05)
    assert 100 * d["irr"] == pytest.approx(irr_pct, abs=0.005)
    assert d["breakeven_power_usd_per_MWh"] == pytest.approx(breakeven, abs=0.005)
    assert d["pays_when_power_is"] == side == "above"
    assert d["npv_usd"] < 0 < result["npv_usd"]  # the plant's NPV is not the decision
    assert d["npv_usd"] == result["incremental_npv_usd"]
    assert d["payback_years"] == result["incremental_payback_years"]
    # The tables: the incremental discounted flows sum to the decision's NPV; the gain against the
    # power price changes sign at the decision's break-even.
    assert result.cash_flows["Incremental discounted [USD]"].sum() == pytest.approx(d["npv_usd"], rel=1e-9)
    sweep = result.npv_vs_power
    gain = sweep["Incremental NPV [USD]"]
    assert gain.is_monotonic_increasing
    assert ((gain > 0) == (sweep["Power price [USD/MWh]"] > d["breakeven_power_usd_per_MWh"])).all()
    assert sweep["Power price [USD/MWh]"].iloc[-1] >= 1.25 * d["breakeven_power_usd_per_MWh"]


def test_new_build_decision_is_the_plants_npv():
    result = potline.invest("examples/invest-new-build.toml")
    d = result["decision"]
    assert d["basis"] == "new build"
    assert d["npv_usd"] == result["npv_usd"]
    assert d["irr"] == result["irr"]
    assert d["breakeven_power_usd_per_MWh"] == result["breakeven_power_usd_per_MWh"]
    assert d["pays_when_power_is"] == "below"
    assert list(result.npv_vs_power.columns) == ["Power price [USD/MWh]", "NPV [USD]", "IRR [1]"]
