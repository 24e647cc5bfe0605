"""Price times from Python follow the CLI's rule (user trial T7-10): a naive time index (as
pd.read_csv(parse_dates=...) gives) is read in flex.price_time_zone and without one is the CLI's
input error, not UTC; a time zone-aware index is converted; a DataFrame in a layout the CLI reads
from a file is read the same; every problem is a potline.InputError."""
import json

import pandas as pd
import pytest

import potline

CASE = "examples/flex-day.toml"
EXCEL = "tests/fixtures/prices/excel-cp1252-2024-01-17-hourly.csv"
PRICES = [72.1, 68.4, 65.0, 63.2, 62.8, 66.5, 78.9, 95.3, 104.7, 98.2, 90.1, 85.6, 82.0, 80.4, 83.9, 92.5,
          110.2, 125.8, 118.4, 102.3, 94.0, 88.7, 81.5, 1600.0]


def naive_series():
    return pd.Series(PRICES, index=pd.date_range("2024-01-17 00:00", periods=24, freq="h"))


def test_naive_index_without_a_zone_is_the_cli_input_error(cli, tmp_path):
    with pytest.raises(potline.InputError) as e:
        potline.flex(CASE, prices=naive_series())
    text = str(e.value)
    assert ("prices row 0 (2024-01-17T00:00): error: 'flex.prices': time '2024-01-17T00:00' has no UTC offset "
            "and the series declares no time zone (this row and 23 more)") in text
    assert "declare the zone with flex.price_time_zone" in text
    # The CLI, for the same times in a file:
    csv = tmp_path / "p.csv"
    csv.write_text("time,price_eur_per_MWh\n" + "".join(f"2024-01-17T{h:02d}:00,{p}\n" for h, p in enumerate(PRICES)))
    code, _, err = cli("flex", CASE, "--prices", csv)
    assert code == 2
    assert "time '2024-01-17T00:00' has no UTC offset and the series declares no time zone" in err


def test_naive_index_is_read_in_flex_price_time_zone():
    local = potline.flex(CASE, prices=naive_series(), set={"flex.price_time_zone": "Europe/Berlin"})
    assert local["start_utc"] == "2024-01-16T23:00Z"  # 00:00 in Berlin in winter
    aware = naive_series().tz_localize("Europe/Berlin")
    converted = potline.flex(CASE, prices=aware)
    assert converted["start_utc"] == "2024-01-16T23:00Z"
    assert converted["value"] == local["value"]


def test_naive_dict_keys_follow_the_same_rule():
    as_dict = {f"2024-01-17T{h:02d}:00": p for h, p in enumerate(PRICES)}
    with pytest.raises(potline.InputError, match="has no UTC offset"):
        potline.flex(CASE, prices=as_dict)
    assert potline.flex(CASE, prices=as_dict, set={"flex.price_time_zone": "UTC"})["start_utc"] == "2024-01-17T00:00Z"


def test_dataframe_in_a_file_layout_is_read_like_the_file(cli):
    frame = pd.read_csv(EXCEL, sep=";", decimal=",", thousands=".", encoding="cp1252")
    assert list(frame.columns) == ["time [Europe/Berlin]", "price [€/MWh]"]
    result = potline.flex(CASE, prices=frame)
    code, out, err = cli("flex", CASE, "--prices", EXCEL, "--json")
    assert code == 0, err
    from_file = json.loads(out)
    assert result["start_utc"] == from_file["start_utc"] == "2024-01-16T23:00Z"
    assert result["value"] == from_file["value"]


def test_price_table_problems_are_input_errors():
    with pytest.raises(potline.InputError, match="second column 'price': name the price's unit"):
        potline.flex(CASE, prices=pd.DataFrame({"time": ["2024-01-17T00:00Z"], "price": [1.0]}))
    assert issubclass(potline.InputError, ValueError)
