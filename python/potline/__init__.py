"""Potline from Python: the same models, case files, schema and results as the `potline` command.

Each function calls the C++ library the CLI calls (the extension module ``potline._core``) and
returns the JSON document that ``potline COMMAND --json`` prints, as a dict; tables (time series,
cost curves, ...) come as pandas DataFrames with the CLI's CSV columns. Input errors raise
``potline.InputError`` (a ValueError) whose message is the CLI's file:line:col diagnostics.
See docs/python.md.
"""
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
from ._prices import prices_args as _prices_args, price_rows_named as _price_rows_named

__version__ = _core.__version__
InputError = _core.InputError
RunError = _core.RunError


class InputWarning(UserWarning):
    """An input Potline takes but doubts, about a value you gave (``set``, a dict case or an option):
    a fraction typed for a percentage (``investment.wacc=0.08`` is 0.08 %), a value outside its
    typical range. The CLI prints these; Python issues them with ``warnings.warn`` (the result's
    "warnings" keeps every warning, as --json does)."""


__all__ = ["InputError", "InputWarning", "RunError", "Result", "cell", "bath", "smelter", "emissions", "cbam", "invest", "simulate",
           "fleet", "flex", "read_sweep", "data_dir", "technologies", "schema", "export_smelter", "vary", "sweep",
           "compare", "report"]


def data_dir():
    """The data folder used when none is given: $POTLINE_DATA_DIR, else data/ in the package folder
    (beside potline._core), else ../share/potline/data from it, else the data/ of the source tree the
    module was built from, with a note on stderr (once) when the module is not in that tree's build
    folder (docs/python.md)."""
    return _default_data_dir()


_data_note_said = False


def _default_data_dir():
    """data_dir(), saying once on stderr when the data are the compiled-in source tree's (user trial
    T17-16: a module copied out of its build folder read a live worktree's data without a word)."""
    global _data_note_said
    if not _data_note_said:
        _data_note_said = True
        note = _core.data_dir_note()
        if note:
            _sys.stderr.write(note)
    return _core.default_data_dir()


def technologies(data_dir=None):
    """The technology catalogue, like `potline technologies --json`: {"catalogue": path,
    "technologies": [...]}, each entry with its published operating point (value, as published,
    source), parameters, and under "model" the model calibrated to it: voltage, CE, SEC, and
    "plausible" (False where the CLI prints ** IMPLAUSIBLE **) with its "problems"."""
    return _json.loads(_core.technologies(data_dir or _default_data_dir()))


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


def _set_text(index, key, value):
    """A ``set`` value as the CLI's --set takes it: a list or tuple, for an array-valued key, as its
    comma list (user trial T19-18: {"fleet.include_status": ["operating", "curtailed"]} raised a
    TypeError, where the same list is accepted in a dict case); None is an input error at the key."""
    if value is None:
        raise InputError(f"--set #{index}: error: '{key}': no value (None): give a number, a text or a list, "
                         "or leave the key out")
    if isinstance(value, (list, tuple)):
        return ",".join(_set_text(index, key, item) for item in value)
    try:
        return _text(value)
    except TypeError as e:
        raise TypeError(f"set['{key}']: {e}") from None


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
    ae_duration_min, aeo, ce, pfc_method, low_voltage_cf4, nac, sulfur, ash, coefficients, gwp.
    """
    result = _json.loads(_core.emissions(_options("emissions", options), data_dir or _default_data_dir()))
    _issue_warnings(result.get("warnings", []), [f"--{name.replace('_', '-')}" for name in options])
    return result


def cbam(data_dir=None, **options):
    """EU CBAM certificates and cost per tonne, like `potline cbam --json`.

    Options as in `potline schema cbam`: year, direct_t_co2e_per_t or default_country,
    eua_price_eur, carbon_price_paid_eur, cscf.
    """
    result = _json.loads(_core.cbam(_options("cbam", options), data_dir or _default_data_dir()))
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
    as attributes: ``result.timeseries``, ``result.cost_curve``, ...
    ``result.save(DIR)`` writes the run folder `--out DIR` writes (for potline.report and potline.compare)."""

    def __init__(self, summary, tables, command=None, arguments=None, input_files=None, csv=None):
        super().__init__(summary)
        self.tables = tables
        self.command = command
        self.arguments = list(arguments or [])
        self.input_files = list(input_files or [])
        self.folder = None
        self._csv = dict(csv or {})

    def __getattr__(self, name):
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(f"no table '{name}' (tables: {', '.join(tables) or 'none'}; JSON keys: result['key'])")

    def __dir__(self):
        return list(super().__dir__()) + list(self.__dict__.get("tables", {}))

    def save(self, path):
        """Writes the run folder that `potline COMMAND ... --out DIR` writes: manifest.json (program,
        version, the equivalent command line in "arguments", case file hashes), summary.json and the
        CSV tables as the CLI writes them. Files an earlier run left there are removed (a
        warnings.warn names them). Returns the folder; ``potline.report(result)`` and
        ``potline.compare`` read it. A path that is an existing file raises potline.InputError."""
        if not self.command:
            raise ValueError("this result has no run folder (only results of cell, smelter, invest, fleet, simulate, "
                             "flex and vary can be saved)")
        path = _os.fspath(path)
        note = _core.save_run_folder(path, self.command, self.arguments, self.input_files, _json.dumps(dict(self)),
                                     self._csv)
        if note:
            _warnings.warn(note.strip(), UserWarning, stacklevel=2)
        self.folder = path
        return path


def _frame(csv_text):
    pd = _pandas()

    if not csv_text.strip():
        return pd.DataFrame()
    return pd.read_csv(_io.StringIO(csv_text))


def _command_line(command, case, set, **options):
    """The CLI command line equivalent to a call, for the manifest of Result.save (potline compare
    reads the case and the --set options from it to tell runs apart)."""
    args = ["potline", command]
    if isinstance(case, (str, _os.PathLike)):
        args.append(_os.fspath(case))
    elif case is not None:
        args.append("<dict>")
    for index, (key, value) in enumerate((set or {}).items(), 1):
        args += ["--set", f"{key}={_set_text(index, key, value)}"]
    for name, value in options.items():
        if value is None or value is False or value == "":
            continue
        flag = "--" + name.replace("_", "-")
        args += [flag] if value is True else [flag, _text(value) if not isinstance(value, _os.PathLike) else _os.fspath(value)]
    return args


def _result(summary_text, tables, read_files=(), command=None, case=None, set=None, **options):
    """A Result of the library's (summary, tables, data files read); the case file and the data files
    go into the manifest of Result.save, as the CLI's --out lists them."""
    inputs = [_os.fspath(case)] if isinstance(case, (str, _os.PathLike)) else []
    inputs += [f for f in read_files if f not in inputs]
    return Result(_json.loads(summary_text), {name[:-4] if name.endswith(".csv") else name: _frame(text)
                                              for name, text in tables.items()},
                  command, _command_line(command, case, set, **options) if command else None, inputs, tables)


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
    for index, (key, value) in enumerate((set or {}).items(), 1):
        sets.append(f"{key}={_set_text(index, key, value)}")
    return path, text, sets, data_dir or _default_data_dir()


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
    summary, tables, files = _core.cell(path, text, sets, data, technology or "",
                                        "" if target_voltage is None else _text(target_voltage), bool(thermal))
    result = _result(summary, tables, files, "cell", case, set, technology=technology, target_voltage=target_voltage,
                     thermal=bool(thermal))
    _issue_warnings(result.get("warnings", []), _given_keys(case, set))
    return result


def smelter(case, set=None, data_dir=None):
    """Smelter economics and emissions, like `potline smelter CASE --json`.
    Tables: cost_breakdown, emissions, cbam, potlines."""
    result = _result(*_core.smelter(*_case_args(case, set, data_dir)), "smelter", case, set)
    _issue_warnings(result.get("warnings", []), _given_keys(case, set))
    return result


def invest(case, set=None, data_dir=None):
    """New-build or retrofit appraisal, like `potline invest CASE --json`. Table: cash_flows."""
    result = _result(*_core.invest(*_case_args(case, set, data_dir)), "invest", case, set)
    _issue_warnings(result.get("warnings", []), _given_keys(case, set))
    return result


def fleet(case, set=None, data_dir=None):
    """The world fleet and the regional market, like `potline fleet CASE --json`.
    Tables: cost_curve, regions, flows; with [[ccs_retrofit]] ccs_retrofit, with [[hpa]] hpa (and the
    summary keys of the same names). ``set`` also takes array-table keys ("tariff[0].rate")."""
    result = _result(*_core.fleet(*_case_args(case, set, data_dir)), "fleet", case, set)
    _issue_warnings(result.get("warnings", []), _given_keys(case, set))
    return result


def simulate(case, set=None, threads=0, data_dir=None):
    """A dynamic cell or potline, like `potline simulate CASE --json --out DIR`.

    Tables: timeseries (timeseries.csv's columns, e.g. "Mean bath temperature [degC]") and events;
    with a [purity] balance also purity_taps (one row per tap: Fe, Si, grade) and the summary's "purity";
    when cells were cut out of the line (potline.on_frozen_cell) also cut_out_cells (and the summary's
    "cut_out_cells"). A tripped physical guard that stops the run raises potline.RunError naming the
    cell, time and state; its ``result`` attribute holds what was simulated up to the stop, as the
    run folder of the CLI keeps it: a Result whose dict is the stopped summary ("complete": False,
    "stop_reason", "stop_cell", "stop_time_h", "stop_message", "last_row_h") with the tables
    timeseries and events to the last row (``e.result.save(DIR)`` writes a folder potline.report
    draws). Warnings of reading the case (the CLI prints them on stderr) are in ``result.case_warnings``.
    """
    summary, tables, files, warnings, stopped = _core.simulate(*_case_args(case, set, data_dir), int(threads))
    result = _result(summary, tables, files, "simulate", case, set)
    result.case_warnings = list(warnings)
    if stopped is not None:
        error = RunError(stopped)
        error.result = result
        raise error
    _issue_warnings(list(warnings) + list(result.get("warnings", [])), _given_keys(case, set))
    return result


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
        summary, tables, files, warnings = _core.flex(*_case_args(case, set, data_dir), prices_path, prices_text,
                                                      bool(envelope))
    except InputError as e:
        if prices_text is None:
            raise
        raise InputError(_price_rows_named(str(e), prices_text)) from None
    result = _result(summary, tables, files, "flex", case, set, envelope=bool(envelope),
                     prices=prices if isinstance(prices, (str, _os.PathLike)) else None)
    result.case_warnings = list(warnings)
    _issue_warnings(list(warnings) + list(result.get("warnings", [])), _given_keys(case, set))
    return result


def export_smelter(case, smelter, set=None, data_dir=None):
    """One smelter of a fleet case as a smelter case file, like `potline fleet CASE --export-smelter ID`:
    the TOML text (every input the fleet gives the smelter, with where each came from), ready for
    ``potline.smelter`` once written to a file. ``smelter`` is the dataset id ("no-sunndal"); an id
    that is not an included smelter raises potline.InputError with a did-you-mean."""
    return _core.export_smelter(*_case_args(case, set, data_dir), str(smelter))


_VARY_COMMANDS = ("cell", "smelter", "invest", "fleet", "simulate", "flex")


def vary(command, case, vary, outputs=None, set=None, data_dir=None, technology=None, target_voltage=None,
         thermal=False, threads=0, prices=None, envelope=False):
    """One-at-a-time sensitivity, like `potline COMMAND CASE --vary KEY=... --csv`: one run per value
    of a case field, every other input at the case's (and ``set``'s) value.

    ``command`` is cell, smelter, invest, fleet, simulate or flex; ``vary`` a text or a list of texts
    "KEY=START:STOP:STEP" (a unit may follow: "operation.acd=3:4:0.5 cm") or "KEY=V1,V2,..." (each
    varied on its own); ``outputs`` keys of the command's JSON document (a list or "a,b"; default as
    the CLI). ``technology``, ``target_voltage``, ``thermal`` (cell), ``threads`` (simulate),
    ``prices`` and ``envelope`` (flex) as for those functions.
    Returns a Result: the --json document (command, title, outputs, rows) as a dict and
    ``result.vary``, the --csv table as a DataFrame (key, value, one column per output; a missing
    value is NaN); ``result.save(DIR)`` writes the run folder `--vary ... --out DIR` writes. Warnings
    of the points that name the varied key are issued as potline.InputWarning, with the points
    ("(at investment.wacc=0.06)") unless all gave them; the model's notes that name it (the CE that does
    not respond to operation.acd under the Dewing model) are in ``result.notes``. Errors raise
    potline.InputError as the CLI reports them ("--vary #1: ...").
    """
    if command not in _VARY_COMMANDS:
        raise ValueError(f"vary: command is one of {', '.join(_VARY_COMMANDS)}, not {command!r}")
    texts = [vary] if isinstance(vary, str) else list(vary)
    if isinstance(outputs, str):
        outputs = [o.strip() for o in outputs.split(",") if o.strip()]
    options = _core.PointOptions()
    options.technology = technology or ""
    options.target_voltage = "" if target_voltage is None else _text(target_voltage)
    options.thermal = bool(thermal)
    options.threads = int(threads)
    prices_path, prices_text = _prices_args(prices)
    options.prices_path = prices_path
    options.prices_text = prices_text
    options.envelope = bool(envelope)
    document, csv, warnings, notes = _core.vary(command, *_case_args(case, set, data_dir), texts, list(outputs or []),
                                                options)
    for text in warnings:
        _warnings.warn(text, InputWarning, stacklevel=2)
    result = _result(document, {"vary.csv": csv}, (), "vary", case, set, technology=technology,
                     target_voltage=target_voltage, thermal=bool(thermal),
                     prices=prices if isinstance(prices, (str, _os.PathLike)) else None, envelope=bool(envelope))
    result.arguments[1:2] = [command]  # the command line of `potline COMMAND CASE --vary ...`
    result.notes = list(notes)
    for text in texts:
        result.arguments += ["--vary", text]
    if outputs:
        result.arguments += ["--outputs", ",".join(outputs)]
    return result


def sweep(sweep_file, out, set=None, threads=0, limit=None, data_dir=None, force=False):
    """Scenarios and Monte Carlo over the world fleet, like `potline sweep SWEEP --out STORE --json`
    (one process; threads as --threads, 0 = every core). ``sweep_file`` is a sweep file's path or a
    dict laid out like one (its fleet cases' paths are then relative to the working folder);
    ``set`` overrides sweep fields ({"sweep.samples": 20}); ``limit`` computes at most that many new
    samples. An existing store of the same sweep is resumed; like the CLI, the store records the
    seed, program commit, sweep text and input files' SHA-256, and a resume by another commit is an
    InputError unless ``force`` (as --force: resumed with a warning). Returns the run summary (dict, as
    --json: store, samples_stored, complete, same_results, ...); read the results with
    ``potline.read_sweep(out)`` and draw them with ``potline.report(out)``. Warnings of reading the
    sweep file are issued as potline.InputWarning."""
    summary, warnings = _core.sweep(*_case_args(sweep_file, set, data_dir), _os.fspath(out), int(threads),
                                    -1 if limit is None else int(limit), bool(force))
    for text in warnings:
        _warnings.warn(text, InputWarning, stacklevel=2)
    return _json.loads(summary)


def _run_paths(runs):
    """Paths of runs given as a path, a saved Result or a list of them."""
    if isinstance(runs, (str, _os.PathLike, Result)):
        runs = [runs]
    paths = []
    for run in runs:
        if isinstance(run, Result):
            if run.folder is None:
                raise ValueError("a Result must be saved before it can be read back: result.save('out/NAME') writes "
                                 "its run folder")
            paths.append(run.folder)
        elif isinstance(run, (str, _os.PathLike)):
            paths.append(_os.fspath(run))
        else:
            raise TypeError(f"a run is a run folder's path, a summary JSON, a sweep store or a saved Result, "
                            f"not a {type(run).__name__}")
    return paths


def _positional_runs(runs, what):
    """The runs of compare(*runs) / report(*runs): one argument (a run or a list of runs, as before) or
    several runs in the CLI's order (user trial T17-15: compare('a', 'b') took 'b' for ``all``)."""
    if not runs:
        raise TypeError(f"potline.{what}() needs the runs: {what}('a', 'b') or {what}(['a', 'b'])")
    return runs[0] if len(runs) == 1 else list(runs)


def compare(*runs, all=False):
    """Every summary metric of two or more runs of one command, like `potline compare A B ... --json`:
    the dict of --json (command, runs, metrics, differing_text, unmatched_elements), with
    ``result.metrics`` a DataFrame (key, then one column of values per run, then change and
    relative change of each later run against the first) and ``result.text`` the table `potline
    compare` prints (``all`` as --all). Runs are run folders, summary JSON files or saved Results,
    given in the CLI's order (``compare(a, b)``) or as one list (``compare([a, b])``)."""
    if len(runs) >= 2 and isinstance(runs[-1], bool):  # compare([a, b], True): ``all`` given by position
        runs, all = runs[:-1], runs[-1]
    document, text = _core.compare(_run_paths(_positional_runs(runs, "compare")), bool(all))
    doc = _json.loads(document)
    pd = _pandas()
    n = len(doc["runs"])
    rows = []
    for m in doc["metrics"]:
        row = {"key": m["key"]}
        for k in range(n):
            row[f"value_{k}"] = m["values"][k]
        for k in range(1, n):
            row[f"change_{k}"] = m["change"][k]
            row[f"relative_change_{k}"] = m["relative_change"][k]
        rows.append(row)
    columns = ["key"] + [f"value_{k}" for k in range(n)] + [c for k in range(1, n)
                                                             for c in (f"change_{k}", f"relative_change_{k}")]
    result = Result(doc, {"metrics": pd.DataFrame(rows, columns=columns).astype({c: "float64" for c in columns[1:]})})
    result.text = text
    return result


def report(*runs, out=None):
    """The self-contained HTML report, like `potline report RUNS... --out FILE`: runs are run folders,
    summary JSON files, sweep stores (.sqlite) or saved Results (result.save(DIR) first), one, several
    (``report(a, b)``) or a list. ``out`` is the file to write, by name only (default: one run: RUN_DIR/report.html;
    several: report-A-B.html beside the first run; a store: STORE.html). Returns {"file", "runs", "charts"}. A missing or foreign
    run raises potline.InputError."""
    last = runs[-1] if len(runs) >= 2 else None
    if isinstance(last, (str, _os.PathLike)) and _os.fspath(last).endswith(".html"):  # report(run, "page.html")
        raise TypeError(f"potline.report(): give the page's file by name, out={_os.fspath(last)!r}; the "
                        f"arguments before it are the runs")
    file, count, charts = _core.report(_run_paths(_positional_runs(runs, "report")),
                                       "" if out is None else _os.fspath(out))
    return {"file": file, "runs": count, "charts": charts}
