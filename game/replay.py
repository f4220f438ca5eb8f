"""Replay a game record from its map, seed and orders."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

from game.engine import GameState
from game.record import Record, RecordError, orders_from_entry, scenario_meta
from game.scenario import load_scenario
from game.session import Game, new_state


def replay(record: Record, scenario_path: str | os.PathLike[str]) -> tuple[GameState, Record]:
    """The final state and a fresh record, rebuilt from the map, the seed and the recorded orders."""
    *_, game = replayed(record, scenario_path)  # the same game, moved on to the last turn
    return game.state, game.record


def replayed(record: Record, scenario_path: str | os.PathLike[str]) -> Iterator[Game]:
    """The game rebuilt turn by turn: as it began, then after each recorded turn (one Game moving on)."""
    scenario = load_scenario(scenario_path)
    if scenario.sha256 != record.scenario["hash"]:
        raise RecordError(
            f"{scenario_path} is not the map this game was played on "
            f"(the record names {record.scenario['id']!r} with hash {record.scenario['hash'][:12]}…, "
            f"this file has {scenario.sha256[:12]}…)"
        )
    state = new_state(scenario, record.seed)
    game = Game(state, Record.begin(state, scenario_meta(scenario)), players={})
    game.record.teams = record.teams  # who played is not replayed: it is copied
    yield game
    for entry in record.turns:
        if game.over:
            raise RecordError(f"turn {entry['turn']}: the record goes on after the game ended")
        if entry["turn"] != game.state.turn:
            raise RecordError(f"turn {entry['turn']}: expected turn {game.state.turn} next")
        game.resolve(orders_from_entry(entry))
        yield game


def find_map(record: Record, folder: str | os.PathLike[str]) -> Path:
    """The map in `folder` whose file hash is the record's; raises RecordError when there is none."""
    for path in sorted(Path(folder).glob("*.yaml")):
        if hashlib.sha256(path.read_bytes()).hexdigest() == record.scenario["hash"]:
            return path
    raise RecordError(
        f"no map in {folder} is the one this game was played on ({record.scenario['id']!r}); "
        "give the map with --map FILE"
    )
