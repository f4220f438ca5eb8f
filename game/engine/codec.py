"""Dataclasses to plain JSON-ready dicts and back, guided by their type hints."""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from typing import Any


def to_dict(obj: Any) -> Any:
    """A dataclass tree as dicts, lists and scalars (field order kept)."""
    if dataclasses.is_dataclass(obj):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_dict(v) for v in obj]
    return obj


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_dict(hint: Any, data: Any) -> Any:
    """Rebuild a value of type `hint` from what to_dict made; raises ValueError on a mismatch."""
    origin = typing.get_origin(hint)
    if dataclasses.is_dataclass(hint):
        if not isinstance(data, dict):
            raise ValueError(f"expected an object for {hint.__name__}, got {type(data).__name__}")
        hints = _hints(hint)
        known = {f.name for f in dataclasses.fields(hint) if f.init}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown fields for {hint.__name__}: {sorted(unknown)}")
        try:
            return hint(**{k: from_dict(hints[k], v) for k, v in data.items()})
        except TypeError as exc:
            raise ValueError(f"{hint.__name__}: {exc}") from None
    if origin is list:
        if not isinstance(data, list):
            raise ValueError(f"expected a list, got {type(data).__name__}")
        (item,) = typing.get_args(hint)
        return [from_dict(item, v) for v in data]
    if origin is dict:
        if not isinstance(data, dict):
            raise ValueError(f"expected an object, got {type(data).__name__}")
        _, item = typing.get_args(hint)
        return {str(k): from_dict(item, v) for k, v in data.items()}
    if origin in (typing.Union, types.UnionType):
        for option in typing.get_args(hint):
            try:
                return from_dict(option, data)
            except ValueError:
                continue
        raise ValueError(f"no type of {hint} fits {data!r}")
    if hint is Any or hint is dict:
        return data
    if hint is type(None):
        if data is not None:
            raise ValueError("expected null")
        return None
    if hint is float and isinstance(data, (int, float)) and not isinstance(data, bool):
        return float(data)
    if isinstance(hint, type) and isinstance(data, hint) and not (hint is int and isinstance(data, bool)):
        return data
    raise ValueError(f"expected {getattr(hint, '__name__', hint)}, got {data!r}")
