"""Readable, byte-stable JSON text and atomic file writes, shared by records and saves."""

from __future__ import annotations

import json
import math
import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

DECIMALS = 4
INLINE_WIDTH = 100  # a container of plain values fits on one line up to this many characters
MAX_BYTES = 256 * 1024 * 1024  # larger files are refused before they are read


def plain(value: Any, decimals: int | None = DECIMALS) -> Any:
    """A JSON-ready copy: numpy values made Python, tuples made lists, floats rounded (None: exact)."""
    if isinstance(value, dict):
        return {str(k): plain(v, decimals) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v, decimals) for v in value]
    if isinstance(value, (np.generic, np.ndarray)):
        return plain(value.tolist(), decimals)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"cannot write the number {value} to JSON")
        return value if decimals is None else round(value, decimals) + 0.0  # + 0.0 turns -0.0 into 0.0
    return value


def dumps(data: Any) -> str:
    """JSON text, indented, with short containers of plain values on one line; ends with a newline."""
    return _render(data, 0) + "\n"


def _flat(value: Any) -> bool:
    """Whether a value holds no object and no list of containers (so it may go on one line)."""
    if isinstance(value, dict):
        return False
    if isinstance(value, list):
        return all(not isinstance(v, (dict, list)) for v in value)
    return True


def _render(value: Any, depth: int) -> str:
    if isinstance(value, dict):
        items = [f"{_scalar(k)}: {_render(v, depth + 1)}" for k, v in value.items()]
        inline = "{" + ", ".join(items) + "}"
        if all(_flat(v) for v in value.values()) and len(inline) <= INLINE_WIDTH:
            return inline
        return _block("{", items, "}", depth)
    if isinstance(value, list):
        items = [_render(v, depth + 1) for v in value]
        if all(not isinstance(v, (dict, list)) for v in value):
            return "[" + ", ".join(items) + "]"
        return _block("[", items, "]", depth)
    return _scalar(value)


def _block(opening: str, items: list[str], closing: str, depth: int) -> str:
    pad = "  " * (depth + 1)
    return opening + "\n" + ",\n".join(pad + i for i in items) + "\n" + "  " * depth + closing


def _scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def reason(exc: Exception) -> str:
    """The readable part of an error: the system's words for a file error, else the message."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


def write_atomic(path: str | os.PathLike[str], text: str | bytes) -> None:
    """Write a file (text as UTF-8, or bytes) so that it is all new or as it was, never half written."""
    target = Path(path)
    data = text.encode("utf-8") if isinstance(text, str) else text
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it (POSIX)."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def read_json(path: str | os.PathLike[str]) -> tuple[Any, str]:
    """The parsed JSON of a file and its text; raises OSError or ValueError with a readable message."""
    size = os.path.getsize(path)
    if size > MAX_BYTES:
        raise ValueError(f"the file is too large ({size} bytes; the limit is {MAX_BYTES})")
    with open(path, "rb") as file:
        raw = file.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"the file is not UTF-8 text (byte {exc.start})") from None
    try:
        return json.loads(text), text
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise ValueError("the JSON is nested too deeply") from None
