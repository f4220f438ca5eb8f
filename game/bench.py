"""Benchmarks: how long the engine takes to resolve a turn, one table row per map."""

from __future__ import annotations

import gc
import os
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from game.engine import GameState, resolve_turn
from game.record import Orders
from game.scenario import load_scenario
from game.session import Game, as_played

REPEATS = 5


@dataclass
class Row:
    """One measured thing: a name, the size of its map and the time of one step in seconds."""

    name: str
    states: int
    provinces: int
    samples: int
    median: float
    worst: float

    @property
    def per_second(self) -> float:
        return 1.0 / self.median if self.median > 0 else float("inf")


def realistic_turns(
    path: str | os.PathLike[str], turns: int, seed: int = 1
) -> list[tuple[GameState, Orders]]:
    """States and the AI players' orders of the first turns of a game, the orders chosen beforehand."""
    game = Game.new(load_scenario(path), seed)
    cases = []
    while len(cases) < turns and not game.over:
        orders = as_played(game.decide())
        cases.append((game.state, orders))
        game.resolve(orders)
    return cases


def engine_row(path: str | os.PathLike[str], turns: int, repeats: int = REPEATS) -> Row:
    """The median time resolve_turn takes over the first turns of a game, each resolved `repeats` times."""
    cases = realistic_turns(path, turns)
    for state, orders in cases:  # warm up: caches, imports, the allocator
        resolve_turn(state, orders)
    times = []
    collecting = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeats):
            for state, orders in cases:
                begin = time.perf_counter()
                resolve_turn(state, orders)
                times.append(time.perf_counter() - begin)
    finally:
        if collecting:
            gc.enable()
    first = cases[0][0]
    return Row(
        name=Path(path).name,
        states=len(first.nations),
        provinces=len(first.provinces),
        samples=len(times),
        median=statistics.median(times),
        worst=max(times),
    )


def table(title: str, rows: list[Row]) -> str:
    """A plain-text table of rows, times in milliseconds."""
    width = max([len("map"), *(len(r.name) for r in rows)])
    head = f"{'map':<{width}}  states  provinces  samples  median ms  worst ms  turns/s"
    lines = [title, head, "-" * len(head)]
    for r in rows:
        lines.append(
            f"{r.name:<{width}}  {r.states:>6}  {r.provinces:>9}  {r.samples:>7}  "
            f"{r.median * 1000:>9.3f}  {r.worst * 1000:>8.3f}  {r.per_second:>7.0f}"
        )
    return "\n".join(lines)
