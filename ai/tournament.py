"""Tournaments: many AI-only games in parallel processes, summarized in tables and a CSV file."""

from __future__ import annotations

import csv
import functools
import os
import statistics
import sys
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TextIO

import numpy as np

from ai.player import Player, make_player
from game.engine import GameState, compute_metrics, observe, resolve_turn
from game.engine.state import AGREEMENT_KINDS, BLOC, GUARANTEE, PACT
from game.scenario import Scenario, load_scenario
from game.session import new_state

SMALL = 1.0  # a state starting below this multiple of the average power share (1 / states) is small


@dataclass(frozen=True)
class Setup:
    """One game to play: a map, a seed, and the personality and difficulty of every state."""

    map: str
    seed: int
    players: tuple[tuple[str, str, str], ...] = ()  # (state, personality, difficulty)
    focal: str = ""  # the state whose difficulty this game tests, if any


@dataclass
class Line:
    """How one state fared in one game: a row of the CSV file."""

    map: str
    seed: int
    state: str
    personality: str
    difficulty: str
    small: bool
    alive: bool
    score: float
    won: bool
    turns: int
    pacts: float
    guarantees: float
    blocs: float
    focal: bool = False  # this state's difficulty is the one its game tests
    level: str = ""  # the difficulty its game tests ("" when none)
    allies: str = ""  # the states it shares a pact or guarantee with at the end, space-separated
    bloc_partners: str = ""  # the states it shares a bloc with at the end, space-separated
    enemies: str = ""  # the states it is at war with at the end, space-separated


@dataclass
class Games:
    """Every line of a tournament, with its tables."""

    lines: list[Line] = field(default_factory=list)

    def games(self) -> dict[tuple[str, int], list[Line]]:
        grouped: dict[tuple[str, int, str], list[Line]] = defaultdict(list)
        for line in self.lines:
            grouped[(line.map, line.seed, line.level)].append(line)
        return grouped


@functools.cache
def scenario(path: str) -> Scenario:
    return load_scenario(path)


def setups(
    maps: list[str],
    seeds: int,
    personalities: list[str] | None = None,
    difficulties: list[str] | None = None,
    fixed: dict[str, tuple[str, str | None]] | None = None,
    focal: list[str] | None = None,
) -> list[Setup]:
    """Every game of a tournament, every state played by the AI. Without lists, each state plays the
    personality and difficulty its map gives it; with them, each seed deals them out in a rotation, so
    that each state plays each of them equally often, next to neighbours that vary (see `_dealt`).
    `fixed` states keep what it says. With `focal` difficulties, each seed is played once per listed
    difficulty by one focal state (the seat moves with the seed), the others unchanged: paired games."""
    out = []
    for path in maps:
        states = scenario(path).states
        for seed in range(1, seeds + 1):
            chosen = []
            for k, spec in enumerate(states):
                personality, difficulty = spec.personality, spec.difficulty
                if difficulties:
                    difficulty = _dealt(difficulties, seed, k, len(states), 0)
                if personalities:
                    personality = _dealt(personalities, seed, k, len(states), 1)
                wanted = (fixed or {}).get(spec.id)
                if wanted:
                    personality, difficulty = wanted[0], wanted[1] or difficulty
                chosen.append((spec.id, personality, difficulty))
            if not focal:
                out.append(Setup(path, seed, tuple(chosen)))
                continue
            seat = states[seed % len(states)].id
            for level in focal:
                players = tuple((x, p, level if x == seat else d) for x, p, d in chosen)
                out.append(Setup(path, seed, players, seat))
    return out


def _dealt(items: list[str], seed: int, k: int, states: int, salt: int) -> str:
    """The item state k gets in game `seed`: within each block of len(items) seeds every state gets every
    item once, in a rotation whose order of states is shuffled anew for each block (varied neighbours)."""
    block = (seed - 1) // len(items)
    order = np.random.default_rng([salt, block]).permutation(states)
    return items[(int(order[k]) + seed) % len(items)]


def play(setup: Setup) -> list[Line]:
    """Play one AI-only game to its end; every state's line."""
    state = new_state(scenario(setup.map), setup.seed)
    for nation, personality, difficulty in setup.players:
        controller = state.nations[nation].controller
        controller.kind, controller.personality, controller.difficulty = "ai", personality, difficulty
    m = compute_metrics(state)
    small = {x: float(m.share[i]) < SMALL / len(m.ids) for i, x in enumerate(m.ids)}
    players: dict[tuple[str, str, str], Player] = {}
    counts = defaultdict(list)
    while not state.over:
        orders = {x: _player(players, state, x, setup.seed).decide(observe(state, x)) for x in state.living()}
        state, events = resolve_turn(state, orders)
        for kind, number in tally(state).items():
            counts[kind].append(number)
    final = next(e.data["scores"] for e in events if e.type == "game_over")  # as the game scored them
    turns = state.turn - 1
    level = next((d for x, _, d in setup.players if x == setup.focal), "")
    mean = {kind: statistics.mean(counts[kind]) if counts[kind] else 0.0 for kind in AGREEMENT_KINDS}
    return [
        Line(
            map=Path(setup.map).name,
            seed=setup.seed,
            state=x,
            personality=s.controller.personality,
            difficulty=s.controller.difficulty,
            small=small.get(x, False),
            alive=s.alive,
            score=final[x],
            won=state.winner == x,
            turns=turns,
            pacts=mean["pact"],
            guarantees=mean["guarantee"],
            blocs=mean["bloc"],
            focal=x == setup.focal,
            level=level,
            allies=_partners(state, x, (PACT, GUARANTEE)),
            bloc_partners=_partners(state, x, (BLOC,)),
            enemies=" ".join(sorted(state.enemies(x))),
        )
        for x, s in state.nations.items()
    ]


def _partners(state: GameState, nation: str, kinds: tuple[str, ...]) -> str:
    """The states that share an agreement of these kinds with `nation`, space-separated."""
    return " ".join(
        sorted({m for a in state.agreements_of(nation) if a.kind in kinds for m in a.members} - {nation})
    )


def _player(players: dict[tuple[str, str, str], Player], state: GameState, nation: str, seed: int) -> Player:
    """The AI player of a state for its controller now: a new one after a regime change, or for a state a
    scripted event added."""
    c = state.nations[nation].controller
    key = (nation, c.personality, c.difficulty)
    if key not in players:
        players[key] = make_player(nation, c.personality, c.difficulty, seed)
    return players[key]


def tally(state: GameState) -> dict[str, int]:
    counts = dict.fromkeys(AGREEMENT_KINDS, 0)
    for ag in state.agreements.values():
        counts[ag.kind] += 1
    return counts


def run(plan: list[Setup], jobs: int, progress: TextIO | None = None) -> Games:
    """Play every game, in `jobs` processes, with a progress bar on `progress` (default: stderr)."""
    progress = progress or sys.stderr
    games = Games()
    done = 0
    _bar(progress, done, len(plan))
    if jobs <= 1:
        for setup in plan:
            games.lines += play(setup)
            done += 1
            _bar(progress, done, len(plan))
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for future in as_completed([pool.submit(play, s) for s in plan]):
                games.lines += future.result()
                done += 1
                _bar(progress, done, len(plan))
    games.lines.sort(key=lambda line: (line.map, line.seed, line.level, line.state))
    progress.write("\n")
    return games


def _bar(out: TextIO, done: int, total: int, width: int = 30) -> None:
    filled = width * done // max(total, 1)
    out.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} games")
    out.flush()


def write_csv(path: str | os.PathLike[str], games: Games) -> None:
    """One row per state and game."""
    names = list(Line.__dataclass_fields__)
    tmp = Path(f"{path}.tmp")
    with open(tmp, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=names)
        writer.writeheader()
        writer.writerows(asdict(line) for line in games.lines)
    os.replace(tmp, path)


def _rate(lines: Iterable[Line], test) -> float:
    lines = list(lines)
    return sum(1 for line in lines if test(line)) / len(lines) if lines else 0.0


def _relative(lines: list[Line], key) -> dict[int, float]:
    """Each line's score minus the mean score of the lines that share its key."""
    by_key: dict[tuple, list[float]] = defaultdict(list)
    for line in lines:
        by_key[key(line)].append(line.score)
    means = {k: statistics.mean(v) for k, v in by_key.items()}
    return {id(line): line.score - means[key(line)] for line in lines}


def _summary(lines: list[Line], by: str, relative: dict[int, float]) -> list[list[str]]:
    """One row per value of `by`: plays, win rate, survival, mean score and mean relative score."""
    groups: dict[str, list[Line]] = defaultdict(list)
    for line in lines:
        groups[getattr(line, by)].append(line)
    return [
        [
            name,
            str(len(group)),
            f"{_rate(group, lambda x: x.won):.1%}",
            f"{_rate(group, lambda x: x.alive):.0%}",
            f"{statistics.mean(x.score for x in group):.1f}",
            f"{statistics.mean(relative[id(x)] for x in group):+.1f}",
        ]
        for name, group in sorted(groups.items())
    ]


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(head)]
    line = "  ".join(
        h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(head, widths, strict=True))
    )
    out = [line, "-" * len(line)]
    for r in rows:
        out.append(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))
            )
        )
    return out


def report(games: Games) -> str:
    """The tournament's tables: maps, personalities, difficulties and states."""
    grouped = games.games()
    relative = _relative(games.lines, lambda x: (x.map, x.state))
    out = []
    rows = []
    for name in sorted({key[0] for key in grouped}):
        played = [lines for key, lines in grouped.items() if key[0] == name]
        first = [lines[0] for lines in played]
        small = [line for lines in played for line in lines if line.small]
        rows.append(
            [
                name,
                str(len(played)),
                f"{statistics.mean(x.turns for x in first):.1f}",
                f"{_rate(small, lambda x: x.alive):.0%}" if small else "-",
                f"{statistics.mean(x.pacts for x in first):.2f}",
                f"{statistics.mean(x.guarantees for x in first):.2f}",
                f"{statistics.mean(x.blocs for x in first):.2f}",
            ]
        )
    out += [
        "Maps",
        *_table(["map", "games", "turns", "small alive", "pacts", "guarantees", "blocs"], rows),
        "",
    ]
    head = ["plays", "win rate", "alive", "score"]
    for title, by in (("Personalities", "personality"), ("Difficulties", "difficulty")):
        rows = _summary(games.lines, by, relative)
        out += [title, *_table([by, *head, "vs state mean"], rows), ""]
    focal = [line for line in games.lines if line.focal]
    if focal:
        paired = _relative(focal, lambda x: (x.map, x.seed, x.state))
        rows = []
        for name in sorted({x.map for x in focal}):
            rows += [
                [f"{name} {r[0]}", *r[1:]]
                for r in _summary([x for x in focal if x.map == name], "difficulty", paired)
            ]
        rows += [[f"all maps {r[0]}", *r[1:]] for r in _summary(focal, "difficulty", paired)]
        out += [
            "Focal seats (one state per game at each difficulty, the same seed and opponents)",
            *_table(["map difficulty", *head, "vs same seat"], rows),
            "",
        ]
    rows = []
    groups = defaultdict(list)
    for line in games.lines:
        groups[(line.map, line.state)].append(line)
    for (name, state), lines in sorted(groups.items()):
        kinds = sorted({x.personality for x in lines})
        rows.append(
            [
                f"{name} {state}",
                "small" if lines[0].small else "",
                ", ".join(kinds) if len(kinds) <= 2 else f"{len(kinds)} kinds",
                f"{_rate(lines, lambda x: x.won):.0%}",
                f"{_rate(lines, lambda x: x.alive):.0%}",
                f"{statistics.mean(x.score for x in lines):.1f}",
            ]
        )
    out += ["States", *_table(["map state", "size", "personality", "win rate", "alive", "score"], rows)]
    return "\n".join(out)
