"""Potline from Python: the same models, case files, schema and results as the `potline` command.

Each function calls the C++ library the CLI calls (the extension module ``potline._core``) and
returns the JSON document that ``potline COMMAND --json`` prints, as a dict; tables (time series,
cost curves, ...) come as pandas DataFrames with the CLI's CSV columns. Input errors raise
``potline.InputError`` (a ValueError) whose message is the CLI's file:line:col diagnostics.
See docs/python.md.
"""
import datetime as _datetime
import io as _io
import json as _json
import math as _math
import numbers as _numbers
import os as _os
import re as _re
import sys as _sys
import warnings as _warnings

from . import _core
from . import _toml

__version__ = _core.__version__
InputError = _core.InputError
RunError = _core.RunError


class InputWarning(UserWarning):
    """An input Potline takes but doubts, about a value you gave (``set``, a dict case or an option):
    a fraction typed for a percentage (``investment.wacc=0.08`` is 0.08 %), a value outside its
    typical range. The CLI prints these; Python issues them with ``warnings.warn`` (the result's
    "warnings" keeps every warning, as --json does)."""


__all__ = ["InputError", "InputWarning", "RunError", "Result", "cell", "bath", "smelter", "emissions", "cbam", "invest", "simulate",
           "fleet", "flex", "read_sweep", "data_dir", "technologies", "schema"]


def data_dir():
    """The data folder used when none is given ($POTLINE_DATA_DIR or the source tree's data/)."""
    return _core.default_data_dir()


def technologies(data_dir=None):
    """The technology catalogue, like `potline technologies --json`: {"catalogue": path,
    "technologies": [...]}, each entry with its published operating point (value, as published,
    source), parameters, and under "model" the model calibrated to it: voltage, CE, SEC, and
    "plausible" (False where the CLI prints ** IMPLAUSIBLE **) with its "problems"."""
    return _json.loads(_core.technologies(data_dir or _core.default_data_dir()))


def schema(name=None):
    """Every input field, like `potline schema [NAME] --json`: {"schemas": [{"name", "command",
    "fields": [{"key", "type", "unit", "default", "min", "max", "description", "source", ...}]}]}.
    ``name`` (cell, smelter, invest, simulate, flex, fleet, sweep, bath, emissions, cbam, ...) keeps
    one schema; an unknown name raises potline.InputError naming the closest."""
    return _json.loads(_core.schema(name or ""))


def _text(value):
    """A value as the CLI would receive it: numbers in full precision, strings (with units) as given."""
    if isinstance(value, bool) or type(value).__name__ == "bool_":  # Python's or numpy's
        return "true" if value else "false"
    # numbers.Integral / Real also take numpy's scalars (np.int64 from np.arange(300, 400, 10) was
    # refused as "expected a number or a string, got int64").
    if isinstance(value, _numbers.Integral):
        return str(int(value))
    if isinstance(value, _numbers.Real):
        value = float(value)
        # repr() is the shortest text that reads back as the same double; inf and nan are passed on
        # as text so that the library reports them as input errors, as the CLI does.
        return repr(value) if _math.isfinite(value) else str(value)
    if isinstance(value, str):
        return value
    raise TypeError(f"expected a number or a string (may carry a unit, e.g. '960 degC'), got {type(value).__name__}")


def _given_keys(case, overrides):
    """The keys a caller gave: the ``set`` keys (also without an array index, "tariff[0].rate" ->
    "tariff.rate") and the fields of a dict case ("investment.wacc")."""
    keys = []
    for key in (overrides or {}):
        keys += [key, _re.sub(r"\[\d+\]", "", key)]

    def walk(table, prefix):
        for name, value in table.items():
            if isinstance(value, dict):
                walk(value, f"{prefix}{name}.")
            else:
                keys.append(f"{prefix}{name}")

    if isinstance(case, dict):
        walk(case, "")
    return keys


def _issue_warnings(texts, keys):
    """Issues each warning that names a key the caller gave, once, at the caller's line:
    `invest(case, set={"investment.wacc": 0.08})` returned an NPV 15 times too large (0.08 %) with
    its warning only in result["warnings"], where a notebook never shows it."""
    issued = []
    for text in texts:
        if isinstance(text, str) and text not in issued and any(_re.search(rf"(?<![\w.]){_re.escape(k)}(?![\w])", text)
                                                                for k in keys if k):
            issued.append(text)
            _warnings.warn(text, InputWarning, stacklevel=3)


def _options(command, kwargs):
    """Keyword arguments (alf3=11, eua_price_eur=80) as option texts by schema key (cbam.eua-price-eur)."""
    return {f"{command}.{name.replace('_', '-')}": _text(value) for name, value in kwargs.items() if value is not None}


def bath(**options):
    """Bath properties, like `potline bath --json`.

    Options (units as in `potline schema bath`): alumina, alf3, caf2, mgf2, lif, kf (wt%),
    temperature (degC, or a string with a unit), conductivity_model.
    """
    result = _json.loads(_core.bath(_options("bath", options)))
    _issue_warnings(result.get("warnings", []), [f"--{name.replace('_', '-')}" for name in options])
    return result


def emissions(data_dir=None, **options):
    """Process emissions (anode CO2, PFC), like `potline emissions --json`.

    Options as in `potline schema emissions`: production_t, technology_class, aem, ae_frequency,
    ae_duration_min, aeo, ce, nac, sulfur, ash, coefficients, gwp.
    """
    result = _json.loads(_core.emissions(_options("emissions", options), data_dir or _core.default_data_dir()))
    _issue_warnings(result.get("warnings", []), [f"--{name.replace('_', '-')}" for name in options])
    return result


def cbam(data_dir=None, **options):
    """EU CBAM certificates and cost per tonne, like `potline cbam --json`.

    Options as in `potline schema cbam`: year, direct_t_co2e_per_t or default_country,
    eua_price_eur, carbon_price_paid_eur, cscf.
    """
    result = _json.loads(_core.cbam(_options("cbam", options), data_dir or _core.default_data_dir()))
    _issue_warnings(result.get("warnings", []), [f"--{name.replace('_', '-')}" for name in options])
    return result


def _pandas():
    """pandas, or an ImportError that says how to get it: the module is built for one interpreter
    (Debian's /usr/bin/python3, with python3-pandas from scripts/install-deps.sh)."""
    try:
        import pandas as pd
    except ImportError as e:
        raise ImportError(
            f"potline returns its tables as pandas DataFrames, but this Python ({_sys.executable}) has no pandas: "
            "run the module with Debian's /usr/bin/python3, for which scripts/install-deps.sh installs "
            "python3-pandas (docs/python.md), or install pandas for this interpreter") from e
    return pd


def read_sweep(path):
    """The long table of a `potline sweep` results file as a DataFrame.

    Columns: scenario, sample, entity, metric, value (one row per stored value). The sweep's title
    is in ``df.attrs["title"]``. Pivot it for one column per metric, e.g.
    ``df[df.entity == "world"].pivot_table(index=["scenario", "sample"], columns="metric", values="value")``.
    """
    pd = _pandas()
    table = _core.read_sweep(str(path))
    df = pd.DataFrame(table["columns"], columns=["scenario", "sample", "entity", "metric", "value"])
    df["sample"] = df["sample"].astype("int64")
    df.attrs["title"] = table["title"]
    return df


class Result(dict):
    """The JSON document of the command (summary.json, what --json prints) as a dict, with the run
    folder's tables as pandas DataFrames in ``result.tables`` (by CSV file name without ".csv") and
    as attributes: ``result.timeseries``, ``result.cost_curve``, ..."""

    def __init__(self, summary, tables):
        super().__init__(summary)
        self.tables = tables

    def __getattr__(self, name):
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(f"no table '{name}' (tables: {', '.join(tables) or 'none'}; JSON keys: result['key'])")

    def __dir__(self):
        return list(super().__dir__()) + list(self.__dict__.get("tables", {}))


def _frame(csv_text):
    pd = _pandas()

    if not csv_text.strip():
        return pd.DataFrame()
    return pd.read_csv(_io.StringIO(csv_text))


def _result(summary_text, tables):
    return Result(_json.loads(summary_text), {name[:-4] if name.endswith(".csv") else name: _frame(text)
                                              for name, text in tables.items()})


def _case_args(case, set, data_dir):
    """(path, TOML text, --set list, data folder) for the library."""
    if case is None:
        path, text = "", None
    elif isinstance(case, (str, _os.PathLike)):
        path, text = _os.fspath(case), None
    elif isinstance(case, dict):
        path, text = "", _toml.dumps(case)
    else:
        raise TypeError(f"a case is a file path or a dict, not a {type(case).__name__}")
    sets = []
    for key, value in (set or {}).items():
        sets.append(f"{key}={_text(value)}")
    return path, text, sets, data_dir or ""


def cell(case=None, set=None, technology=None, target_voltage=None, thermal=False, data_dir=None):
    """One cell at steady state, like `potline cell CASE --json`.

    ``case`` is a case file's path or a dict laid out like one ({"case": {"technology": "AP40"},
    "operation": {"acd": "4.0 cm"}}); ``set`` overrides fields like --set ({"operation.acd": "4 cm"});
    ``technology`` like --technology; ``target_voltage`` (V, or text with a unit) solves the ACD;
    ``thermal`` like --thermal: result["thermal"] holds the bath temperature and ledge solved from
    the heat balance (docs/cli.md lists its keys).
    Tables: breakdown, energy, inputs, published.
    """
    path, text, sets, data = _case_args(case, set, data_dir)
    summary, tables = _core.cell(path, text, sets, data, technology or "",
                                 "" if target_voltage is None else _text(target_voltage), bool(thermal))
    result = _result(summary, tables)
    _issue_warnings(result.get("warnings", []), _given_keys(case, set))
    return result


def smelter(case, set=None, data_dir=None):
    """Smelter economics and emissions, like `potline smelter CASE --json`.
    Tables: cost_breakdown, emissions, cbam, potlines."""
    result = _result(*_core.smelter(*_case_args(case, set, data_dir)))
    _issue_warnings(result.get("warnings", []), _given_keys(case, set))
    return result


def invest(case, set=None, data_dir=None):
    """New-build or retrofit appraisal, like `potline invest CASE --json`. Table: cash_flows."""
    result = _result(*_core.invest(*_case_args(case, set, data_dir)))
    _issue_warnings(result.get("warnings", []), _given_keys(case, set))
    return result


def fleet(case, set=None, data_dir=None):
    """The world fleet and the regional market, like `potline fleet CASE --json`.
    Tables: cost_curve, regions, flows; with [[ccs_retrofit]] ccs_retrofit, with [[hpa]] hpa (and the
    summary keys of the same names). ``set`` also takes array-table keys ("tariff[0].rate")."""
    result = _result(*_core.fleet(*_case_args(case, set, data_dir)))
    _issue_warnings(result.get("warnings", []), _given_keys(case, set))
    return result


def simulate(case, set=None, threads=0, data_dir=None):
    """A dynamic cell or potline, like `potline simulate CASE --json --out DIR`.

    Tables: timeseries (timeseries.csv's columns, e.g. "Mean bath temperature [degC]") and events;
    with a [purity] balance also purity_taps (one row per tap: Fe, Si, grade) and the summary's "purity";
    when cells were cut out of the line (potline.on_frozen_cell) also cut_out_cells (and the summary's
    "cut_out_cells"). A tripped physical guard that stops the run raises potline.RunError naming the
    cell, time and state. Warnings of
    reading the case (the CLI prints them on stderr) are in ``result.case_warnings``.
    """
    summary, tables, warnings = _core.simulate(*_case_args(case, set, data_dir), int(threads))
    result = _result(summary, tables)
    result.case_warnings = list(warnings)
    _issue_warnings(list(warnings) + list(result.get("warnings", [])), _given_keys(case, set))
    return result


def _time_text(time):
    """A price time as CSV text, by the CLI's rule for times: a time zone-aware time (a Series read
    with tz="Europe/Berlin") is converted to UTC and written with "Z"; a naive time (a DatetimeIndex
    from pd.read_csv(parse_dates=...)) is written without an offset, so that it is read in the
    zone of flex.price_time_zone, or is the CLI's input error without one (it was taken as UTC, and
    a German local-time series was shifted by one or two hours without a word); text is passed as given."""
    if not hasattr(time, "strftime"):
        return str(time)
    if getattr(time, "tzinfo", None) is not None and time.utcoffset() is not None:
        return time.astimezone(_datetime.timezone.utc).strftime("%Y-%m-%dT%H:%MZ")
    return time.strftime("%Y-%m-%dT%H:%M")


def _prices_args(prices):
    """(path, CSV text) of a price series: a file path, a pandas DataFrame or Series, or a dict
    {time: price in EUR/MWh}; None keeps the case's flex.prices. A Series or dict becomes the CSV
    `time,price_eur_per_MWh` (times as _time_text writes them); a DataFrame with the columns time_utc
    and price_eur_per_MWh becomes that CSV (naive times under time_utc are UTC, as the column says);
    any other DataFrame is written as CSV with its own columns (and a time index), so the layouts the
    CLI reads from a file (time [Europe/Berlin], price [ct/kWh], SMARD, Energi Data Service) are read
    the same from a DataFrame, and a table none of them fits is the CLI's potline.InputError."""
    if prices is None:
        return "", None
    if isinstance(prices, (str, _os.PathLike)):
        return _os.fspath(prices), None
    header = "time"
    if isinstance(prices, dict):
        rows = prices.items()
    elif hasattr(prices, "columns") and hasattr(prices, "itertuples"):  # a DataFrame
        if "time_utc" not in prices.columns or "price_eur_per_MWh" not in prices.columns:
            pd = _pandas()
            frame = prices
            if isinstance(frame.index, pd.DatetimeIndex):
                if frame.index.tz is not None:  # converted to UTC, whatever the index was called
                    frame = frame.set_axis(frame.index.tz_convert("UTC")).rename_axis("time_utc")
                else:
                    frame = frame.rename_axis(frame.index.name or "time")
                return "", frame.to_csv(index=True, date_format="%Y-%m-%dT%H:%M")
            return "", frame.to_csv(index=False)
        header = "time_utc"
        rows = zip(prices["time_utc"], prices["price_eur_per_MWh"])
    elif hasattr(prices, "items") and hasattr(prices, "index"):  # a Series indexed by time
        rows = prices.items()
    else:
        raise TypeError(f"prices are a file path, a DataFrame, a Series or a dict, not a {type(prices).__name__}")
    lines = [f"{header},price_eur_per_MWh"]
    for time, price in rows:
        lines.append(f"{_time_text(time)},{_text(price) if isinstance(price, _numbers.Real) else price}")
    return "", "\n".join(lines) + "\n"


def flex(case, prices=None, set=None, envelope=False, data_dir=None):
    """Power flexibility, like `potline flex CASE --prices PRICES --json --out DIR [--envelope]`.

    ``case`` is a case file's path or a dict laid out like one; ``prices`` a price series: a CSV
    file's path (any layout the CLI reads), a DataFrame (time_utc, price_eur_per_MWh or any layout the
    CLI reads), a Series indexed by time or a dict {"2026-06-01T00:00Z": 78.4, ...} (prices in
    EUR/MWh); None uses the case's flex.prices. Times follow the CLI's rule: a time zone-aware
    index is converted to UTC; a naive index (and a time text without an offset) is read in
    flex.price_time_zone, and without it is a potline.InputError, as in the CLI. ``envelope`` also
    scans the operating envelope.
    Tables: schedule (schedule.csv) and, with ``envelope``, envelope (envelope.csv). Warnings of
    reading the case are in ``result.case_warnings``.
    """
    prices_path, prices_text = _prices_args(prices)
    try:
        summary, tables, warnings = _core.flex(*_case_args(case, set, data_dir), prices_path, prices_text,
                                               bool(envelope))
    except InputError as e:
        if prices_text is None:
            raise
        raise InputError(_price_rows_named(str(e), prices_text)) from None
    result = _result(summary, tables)
    result.case_warnings = list(warnings)
    _issue_warnings(list(warnings) + list(result.get("warnings", [])), _given_keys(case, set))
    return result


def _price_rows_named(message, prices_text):
    """A price series given as a DataFrame, Series or dict has no file lines: "<prices>:3:19:" (the
    line of the CSV text Potline was handed) becomes "prices row 1 (2026-06-01T01:00Z):", the row
    counted from 0 as in the object given, with its time."""
    times = [line.split(",", 1)[0] for line in prices_text.splitlines()]

    def named(match):
        line = int(match.group(1))
        if line < 2 or line > len(times):
            return match.group(0)
        return f"prices row {line - 2} ({times[line - 1]}):"

    def other_rows(match):  # "(line 3)", "also on line 3", "after line 3" in the message itself
        line = int(match.group(1))
        return f"row {line - 2}" if 2 <= line <= len(times) else match.group(0)

    out = []
    for text in message.splitlines(keepends=True):
        if text.startswith("<prices>:"):
            text = _re.sub(r"\bline (\d+)", other_rows, _re.sub(r"^<prices>:(\d+):\d+:", named, text))
        out.append(text)
    return "".join(out)
