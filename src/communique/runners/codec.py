"""Records to JSON and back, exactly, for the Parquet partitions the Dask engine writes.

Every record in :mod:`communique.records` is a frozen dataclass built from strings,
numbers, ``None``, tuples and other records, so one generic codec driven by the
field type hints covers them all: ``decode(cls, encode(record)) == record``. JSON
(not pickle) keeps partitions readable by any Parquet tool and independent of the
Python version that wrote them.
"""

from __future__ import annotations

import json
import types
import typing
from dataclasses import fields, is_dataclass
from typing import Any, TypeVar

from communique.errors import CommuniqueError

T = TypeVar("T")


class CodecError(CommuniqueError):
    """A record holds a value the partition codec cannot represent (a bug)."""

    code = "E010"
    hint = "records must hold only str/int/float/bool/None, tuples and other records"


def to_plain(value: Any) -> Any:
    """A JSON-ready value: records become dicts of their fields, tuples lists."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [to_plain(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise CodecError(f"cannot encode a {type(value).__name__} in a partition")


def encode(record: Any) -> str:
    """Compact JSON of a record (key order fixed by the field order)."""
    return json.dumps(to_plain(record), ensure_ascii=False, separators=(",", ":"))


def decode(cls: type[T], blob: str) -> T:
    """Rebuild a record of type ``cls`` from :func:`encode` output."""
    return from_plain(cls, json.loads(blob))  # type: ignore[no-any-return]


def from_plain(hint: Any, value: Any) -> Any:
    """Rebuild a value of type ``hint`` (a record type, tuple, union or scalar)."""
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return from_plain(options[0], value) if len(options) == 1 else _first_fit(options, value)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_plain(args[0], v) for v in value)
        return tuple(from_plain(a, v) for a, v in zip(args, value, strict=True))
    if isinstance(hint, type) and is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        return hint(**{k: from_plain(hints[k], v) for k, v in value.items()})
    return value  # str, int, float, bool, Literal[...]


def _first_fit(options: list[Any], value: Any) -> Any:
    """A union of several non-None types: pick by the JSON value's shape."""
    for option in options:
        if isinstance(option, type) and isinstance(value, option) and not is_dataclass(option):
            return value
    for option in options:
        if isinstance(value, dict) and isinstance(option, type) and is_dataclass(option):
            return from_plain(option, value)
    return value
