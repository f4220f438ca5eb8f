"""Saved games: the whole current state plus the record so far, written atomically, checked on load."""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

from game.engine import GameState
from game.jsonfile import dumps, plain, read_json, reason, write_atomic
from game.record import FORMAT as RECORD_FORMAT
from game.record import Record, RecordError, header_problem

FORMAT = "balancing-act-save"
VERSION = 1


class SaveError(ValueError):
    """A save that cannot be written or read; the message names the file and says why."""


def save_game(path: str | os.PathLike[str], state: GameState, record: Record) -> None:
    """Write a save; on any failure the file that was there before is left as it was."""
    body = {"state": plain(state.to_dict(), decimals=None), "record": record.to_dict()}
    data = {
        "format": FORMAT,
        "version": VERSION,
        "scenario": record.scenario,
        "turn": state.turn,
        "checksum": checksum(body),
        **body,
    }
    try:
        write_atomic(path, dumps(data))
    except (OSError, ValueError) as exc:
        raise SaveError(f"{path}: could not save the game: {reason(exc)}") from None


def load_game(path: str | os.PathLike[str]) -> tuple[GameState, Record]:
    """The state and record of a save; raises SaveError naming the file for anything amiss."""
    try:
        data, _ = read_json(path)
    except OSError as exc:
        raise SaveError(f"{path}: cannot read the save: {reason(exc)}") from None
    except ValueError as exc:
        raise SaveError(f"{path}: not a saved game: {exc}") from None
    if isinstance(data, dict) and data.get("format") == RECORD_FORMAT:
        raise SaveError(
            f"{path}: this is a game record, not a save (replay it: python main.py replay {path})"
        )
    problem = header_problem(data, FORMAT, VERSION, "saved game") or _missing(data)
    if problem:
        raise SaveError(f"{path}: {problem}")
    body = {"state": data["state"], "record": data["record"]}
    if data["checksum"] != checksum(body):
        raise SaveError(f"{path}: the save is damaged (its contents do not match its checksum)")
    try:
        state = GameState.from_dict(data["state"])
        record = Record.from_dict(data["record"])
    except (ValueError, TypeError, KeyError, RecordError) as exc:
        raise SaveError(f"{path}: the save is damaged: {exc}") from None
    last = record.turns[-1]["turn"] if record.turns else state.turn - 1
    if record.seed != state.seed or last != state.turn - 1:
        raise SaveError(f"{path}: the save is damaged: its record does not belong to its game state")
    return state, record


def _missing(data: dict[str, Any]) -> str:
    absent = [k for k in ("checksum", "state", "record") if k not in data]
    return f"the save lacks {', '.join(absent)}" if absent else ""


def checksum(body: dict[str, Any]) -> str:
    """SHA-256 of the compact JSON of the save's contents, to detect a damaged file."""
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
