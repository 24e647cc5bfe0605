"""Price series for potline.flex and potline.vary("flex", ...): a path, DataFrame, Series or dict
as the CSV text the CLI reads, and the library's messages about its lines as rows of the object given."""
import datetime as _datetime
import numbers as _numbers
import os as _os
import re as _re


def _text(value):
    from . import _text as text
    return text(value)


def _pandas():
    from . import _pandas as pandas
    return pandas()


def time_text(time):
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


def _check_time_index(series):
    """A Series whose index holds no times (a plain pd.Series(values): RangeIndex 0, 1, ...) is one input
    error naming the index (user trial T20-5: one error per row, "time '0': write ISO 8601 ...")."""
    index = series.index
    if len(index) == 0 or hasattr(index, "tz") or index.dtype == object:
        return  # a DatetimeIndex, or times as text (read and checked by the library)
    from . import InputError
    raise InputError(
        f"prices: error: 'flex.prices': a Series of prices needs a time index (a pandas DatetimeIndex, UTC or "
        f"with its time zone, or time texts); this one's index is {type(index).__name__} {index[0]!r} to "
        f"{index[-1]!r}: e.g. pd.Series(values, index=pd.date_range(\"2026-06-01\", periods={len(index)}, "
        f"freq=\"15min\", tz=\"UTC\")) for quarter-hours from 2026-06-01 00:00 UTC")


def prices_args(prices):
    """(path, CSV text) of a price series: a file path, a pandas DataFrame or Series, or a dict
    {time: price in EUR/MWh}; None keeps the case's flex.prices. A Series or dict becomes the CSV
    `time,price_eur_per_MWh` (times as time_text writes them); a DataFrame with the columns time_utc
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
        _check_time_index(prices)
        rows = prices.items()
    else:
        raise TypeError(f"prices are a file path, a DataFrame, a Series or a dict, not a {type(prices).__name__}")
    lines = [f"{header},price_eur_per_MWh"]
    for time, price in rows:
        lines.append(f"{time_text(time)},{_text(price) if isinstance(price, _numbers.Real) else price}")
    return "", "\n".join(lines) + "\n"


def price_rows_named(message, prices_text):
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
