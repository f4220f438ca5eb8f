"""How long the AI takes to decide a turn: all AI states of a map, at one difficulty; and a generated big map."""

from __future__ import annotations

import gc
import math
import statistics
import time
from collections.abc import Callable

import numpy as np
import yaml

from ai.board import forget
from ai.player import make_player
from game.bench import Row
from game.engine import GameState, observe, resolve_turn
from game.scenario import parse_scenario
from game.session import new_state

THEORIES = ("balance_of_power", "balance_of_threat", "hegemon", "soft_balancer", "bandwagoner")


def generated_map(states: int = 200, seed: int = 1) -> GameState:
    """A square world of `states` states with three provinces each, every personality in turn."""
    rng = np.random.default_rng(seed)
    cols = math.ceil(math.sqrt(states))
    cell = 30
    spec: dict = {"title": f"Generated world of {states} states", "size": [cols * cell + 10] * 2}
    spec["states"], spec["provinces"], spec["links"] = [], [], []
    for s in range(states):
        row, col = divmod(s, cols)
        sid = f"S{s:03d}"
        spec["states"].append(
            {
                "id": sid,
                "name": f"State {s}",
                "colour": f"#{int(rng.integers(0, 2**24)):06x}",
                "personality": THEORIES[s % len(THEORIES)],
                "values": [round(float(v), 2) for v in rng.random(3)],
                "forces": {f"p{s:03d}_0": int(rng.integers(1, 6)), f"p{s:03d}_1": int(rng.integers(1, 4))},
            }
        )
        for k in range(3):
            spec["provinces"].append(
                {
                    "id": f"p{s:03d}_{k}",
                    "owner": sid,
                    "pos": [col * cell + 5 + k * 9, row * cell + 5 + (k % 2) * 9],
                    "production": int(rng.integers(1, 5)),
                }
            )
        spec["links"] += [[f"p{s:03d}_0", f"p{s:03d}_1"], [f"p{s:03d}_1", f"p{s:03d}_2"]]
        if col:
            spec["links"].append([f"p{s - 1:03d}_2", f"p{s:03d}_0"])
        if row:
            spec["links"].append([f"p{s - cols:03d}_1", f"p{s:03d}_1"])
    return new_state(parse_scenario(yaml.safe_dump(spec), f"generated-{states}.yaml"), seed)


def game_states(start: GameState, turns: int) -> list[GameState]:
    """The states of the first turns of an all-AI game at normal."""
    players = {
        n: make_player(n, start.nations[n].controller.personality, "normal", start.seed)
        for n in start.nations
    }
    states, state = [], start
    while len(states) < turns and not state.over:
        states.append(state)
        orders = {n: players[n].decide(observe(state, n)) for n in state.living()}
        state, _ = resolve_turn(state, orders)
    return states


def decide_row(name: str, start: GameState, difficulty: str, turns: int, repeats: int) -> Row:
    """The median time all AI states of a map take to observe the state and decide one turn."""
    cases = []
    for state in game_states(start, turns):
        ai = [n for n in state.living() if state.nations[n].controller.kind == "ai"]
        players = [
            make_player(n, state.nations[n].controller.personality, difficulty, state.seed) for n in ai
        ]
        cases.append([(p, state) for p in players])
    times = _timed(cases, repeats)
    return Row(
        name, len(start.nations), len(start.provinces), len(times), statistics.median(times), max(times)
    )


def _timed(cases: list[list[tuple]], repeats: int) -> list[float]:
    """Each turn's time to observe and decide, every shared board computed afresh."""
    times = []
    collecting = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeats):
            for seats in cases:
                forget()
                begin = time.perf_counter()
                for player, state in seats:
                    player.decide(observe(state, player.nation))
                times.append(time.perf_counter() - begin)
    finally:
        if collecting:
            gc.enable()
    return times


def rows(maps: dict[str, Callable[[], GameState]], turns: int, repeats: int) -> list[Row]:
    """Rows for every map at normal and at hard."""
    return [
        decide_row(f"{name} ({difficulty})", make(), difficulty, turns, repeats)
        for name, make in maps.items()
        for difficulty in ("normal", "hard")
    ]
