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

from ai.player import make_player
from game.engine import GameState, compute_metrics, observe, resolve_turn
from game.engine.scoring import scores
from game.engine.state import AGREEMENT_KINDS
from game.scenario import Scenario, load_scenario
from game.session import new_state

SMALL = 1.0  # a state starting below this multiple of the average power share (1 / states) is small


@dataclass(frozen=True)
class Setup:
    """One game to play: a map, a seed, and the personality and difficulty of every state."""

    map: str
    seed: int
    players: tuple[tuple[str, str, str], ...] = ()  # (state, personality, difficulty)


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


@dataclass
class Games:
    """Every line of a tournament, with its tables."""

    lines: list[Line] = field(default_factory=list)

    def games(self) -> dict[tuple[str, int], list[Line]]:
        grouped: dict[tuple[str, int], list[Line]] = defaultdict(list)
        for line in self.lines:
            grouped[(line.map, line.seed)].append(line)
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
) -> list[Setup]:
    """Every game of a tournament, every state played by the AI. Without lists, each state plays the
    personality and difficulty its map gives it; with them, they rotate over the states with the seed, so
    that over the seeds each state plays each of them equally often. `fixed` states keep what it says."""
    out = []
    for path in maps:
        states = scenario(path).states
        for seed in range(1, seeds + 1):
            chosen = []
            for k, spec in enumerate(states):
                personality, difficulty = spec.personality, spec.difficulty
                if difficulties:
                    difficulty = difficulties[(k + seed) % len(difficulties)]
                if personalities:
                    personality = personalities[(k + seed // len(difficulties or [1])) % len(personalities)]
                wanted = (fixed or {}).get(spec.id)
                if wanted:
                    personality, difficulty = wanted[0], wanted[1] or difficulty
                chosen.append((spec.id, personality, difficulty))
            out.append(Setup(path, seed, tuple(chosen)))
    return out


def play(setup: Setup) -> list[Line]:
    """Play one AI-only game to its end; every state's line."""
    state = new_state(scenario(setup.map), setup.seed)
    for nation, personality, difficulty in setup.players:
        controller = state.nations[nation].controller
        controller.kind, controller.personality, controller.difficulty = "ai", personality, difficulty
    m = compute_metrics(state)
    small = {x: float(m.share[i]) < SMALL / len(m.ids) for i, x in enumerate(m.ids)}
    players = {
        x: make_player(x, s.controller.personality, s.controller.difficulty, setup.seed)
        for x, s in state.nations.items()
    }
    counts = defaultdict(list)
    while not state.over:
        orders = {x: players[x].decide(observe(state, x)) for x in state.living()}
        state, _ = resolve_turn(state, orders)
        for kind, number in tally(state).items():
            counts[kind].append(number)
    table = scores(state, compute_metrics(state))
    turns = state.turn - 1
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
            score=table[x]["total"],
            won=state.winner == x,
            turns=turns,
            pacts=mean["pact"],
            guarantees=mean["guarantee"],
            blocs=mean["bloc"],
        )
        for x, s in state.nations.items()
    ]


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
    games.lines.sort(key=lambda line: (line.map, line.seed, line.state))
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


def _relative(games: Games) -> dict[int, float]:
    """Each line's score minus its state's mean score on that map (so a strong state counts as 0 on average)."""
    by_state: dict[tuple[str, str], list[float]] = defaultdict(list)
    for line in games.lines:
        by_state[(line.map, line.state)].append(line.score)
    means = {k: statistics.mean(v) for k, v in by_state.items()}
    return {id(line): line.score - means[(line.map, line.state)] for line in games.lines}


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
    relative = _relative(games)
    out = []
    rows = []
    for name in sorted({m for m, _ in grouped}):
        played = [lines for (m, _), lines in grouped.items() if m == name]
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
    for title, key in (("Personalities", "personality"), ("Difficulties", "difficulty")):
        rows = []
        groups: dict[str, list[Line]] = defaultdict(list)
        for line in games.lines:
            groups[getattr(line, key)].append(line)
        for name, lines in sorted(groups.items()):
            rows.append(
                [
                    name,
                    str(len(lines)),
                    f"{_rate(lines, lambda x: x.won):.1%}",
                    f"{_rate(lines, lambda x: x.alive):.0%}",
                    f"{statistics.mean(x.score for x in lines):.1f}",
                    f"{statistics.mean(relative[id(x)] for x in lines):+.1f}",
                ]
            )
        head = [key, "plays", "win rate", "alive", "score", "vs state mean"]
        out += [title, *_table(head, rows), ""]
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
