"""Potline from Python: the same models, case files, schema and results as the `potline` command.

Each function calls the C++ library the CLI calls (the extension module ``potline._core``) and
returns the JSON document that ``potline COMMAND --json`` prints, as a dict; tables (time series,
cost curves, ...) come as pandas DataFrames with the CLI's CSV columns. Input errors raise
``potline.InputError`` (a ValueError) whose message is the CLI's file:line:col diagnostics.
See docs/python.md.
"""
import json as _json
import math as _math

from . import _core

__version__ = _core.__version__
InputError = _core.InputError
RunError = _core.RunError

__all__ = ["InputError", "RunError", "bath", "emissions", "cbam", "read_sweep", "data_dir"]


def data_dir():
    """The data folder used when none is given ($POTLINE_DATA_DIR or the source tree's data/)."""
    return _core.default_data_dir()


def _text(value):
    """A value as the CLI would receive it: numbers in full precision, strings (with units) as given."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # repr() is the shortest text that reads back as the same double; inf and nan are passed on
        # as text so that the library reports them as input errors, as the CLI does.
        return repr(value) if _math.isfinite(value) else str(value)
    if isinstance(value, str):
        return value
    raise TypeError(f"expected a number or a string (may carry a unit, e.g. '960 degC'), got {type(value).__name__}")


def _options(command, kwargs):
    """Keyword arguments (alf3=11, eua_price_eur=80) as option texts by schema key (cbam.eua-price-eur)."""
    return {f"{command}.{name.replace('_', '-')}": _text(value) for name, value in kwargs.items() if value is not None}


def bath(**options):
    """Bath properties, like `potline bath --json`.

    Options (units as in `potline schema bath`): alumina, alf3, caf2, mgf2, lif, kf (wt%),
    temperature (degC, or a string with a unit), conductivity_model.
    """
    return _json.loads(_core.bath(_options("bath", options)))


def emissions(data_dir=None, **options):
    """Process emissions (anode CO2, PFC), like `potline emissions --json`.

    Options as in `potline schema emissions`: production_t, technology_class, aem, ae_frequency,
    ae_duration_min, aeo, ce, nac, sulfur, ash, coefficients, gwp.
    """
    return _json.loads(_core.emissions(_options("emissions", options), data_dir or _core.default_data_dir()))


def cbam(data_dir=None, **options):
    """EU CBAM certificates and cost per tonne, like `potline cbam --json`.

    Options as in `potline schema cbam`: year, direct_t_co2e_per_t or default_country,
    eua_price_eur, carbon_price_paid_eur, cscf.
    """
    return _json.loads(_core.cbam(_options("cbam", options), data_dir or _core.default_data_dir()))


def read_sweep(path):
    """The long table of a `potline sweep` results file as a DataFrame.

    Columns: scenario, sample, entity, metric, value (one row per stored value). The sweep's title
    is in ``df.attrs["title"]``. Pivot it for one column per metric, e.g.
    ``df[df.entity == "world"].pivot_table(index=["scenario", "sample"], columns="metric", values="value")``.
    """
    import pandas as pd

    table = _core.read_sweep(str(path))
    df = pd.DataFrame(table["columns"], columns=["scenario", "sample", "entity", "metric", "value"])
    df["sample"] = df["sample"].astype("int64")
    df.attrs["title"] = table["title"]
    return df
