"""Writes a case given as a dict as TOML text, so that it is read by the same reader, with the same
schema and messages, as a case file. Nested dicts are tables, lists of dicts are arrays of tables
([[potline]], [[tariff]]); strings may carry units ("4.2 cm")."""
import datetime as _dt
import json as _json
import math as _math


def _key(name):
    name = str(name)
    if name and all(c.isalnum() or c in "_-" for c in name):
        return name
    return _json.dumps(name)


def _value(value, where):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if _math.isnan(value):
            return "nan"
        if _math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _json.dumps(value, ensure_ascii=False)  # JSON string escapes are valid TOML basic strings
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(v, where) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)} = {_value(v, where)}" for k, v in value.items()) + "}"
    if hasattr(value, "item"):  # numpy scalars
        return _value(value.item(), where)
    raise TypeError(f"case value at '{where}' is a {type(value).__name__}: give numbers, strings, booleans, "
                    "lists or dicts")


def _is_table_array(value):
    return isinstance(value, (list, tuple)) and len(value) > 0 and all(isinstance(v, dict) for v in value)


def _table(lines, path, table):
    """Writes the plain keys of `table` first, then its sub-tables and arrays of tables."""
    nested = []
    for name, value in table.items():
        if isinstance(value, dict) or _is_table_array(value):
            nested.append((name, value))
        else:
            lines.append(f"{_key(name)} = {_value(value, '.'.join(path + [str(name)]))}")
    for name, value in nested:
        sub = path + [str(name)]
        header = ".".join(_key(p) for p in sub)
        if isinstance(value, dict):
            lines.append(f"\n[{header}]")
            _table(lines, sub, value)
        else:
            for item in value:
                lines.append(f"\n[[{header}]]")
                _table(lines, sub, item)


def dumps(case):
    """The dict as TOML text."""
    if not isinstance(case, dict):
        raise TypeError(f"a case is a file path or a dict, not a {type(case).__name__}")
    lines = []
    _table(lines, [], case)
    return "\n".join(lines).lstrip("\n") + "\n"
