"""One state's situation in a turn: its view, the shared board, its personality and its rival."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from ai.board import Board, board_for
from ai.personalities import Personality
from ai.theories import Relations, personality, relations, theory_name
from game.engine.state import Agreement, GameState

NOISE = {"easy": 0.25, "normal": 0.05, "hard": 0.0}  # spread of the errors in a player's judgement


@dataclass
class Situation:
    view: GameState
    board: Board
    me: str
    i: int
    theory: str  # the personality it plays
    p: Personality
    names: tuple[str, ...]  # every living state's personality, its own as it plays it
    rel: Relations
    seed: int
    difficulty: str

    def perceive(self, value: float) -> float:
        """A value as this difficulty perceives it (easy errs widely, normal a little, hard not at all)."""
        scale = NOISE[self.difficulty]
        return value + float(self.rng.normal(0, scale)) if scale else value

    @functools.cached_property
    def mine(self) -> list[Agreement]:
        """Our agreements, in id order."""
        return sorted(self.view.agreements_of(self.me), key=lambda a: a.id)

    def held(self, kind: str) -> list[Agreement]:
        return [a for a in self.mine if a.kind == kind]

    @functools.cached_property
    def rng(self) -> np.random.Generator:
        """This state's dice for this turn (easy's noise, tie-breaks), made only when needed."""
        return np.random.default_rng([self.seed, self.view.turn, *self.me.encode()])

    @property
    def rival(self) -> str:
        return self.board.ids[int(self.rel.rivals.rival[self.i])]

    @property
    def alarm(self) -> float:
        return float(self.rel.rivals.alarm[self.i])

    @property
    def weak(self) -> float:
        return float(self.rel.rivals.weak[self.i])

    @property
    def share(self) -> float:
        return float(self.board.share[self.i])

    def share_of(self, nation: str) -> float:
        return float(self.board.share[self.board.col[nation]])

    def value(self, kind: str, other: str) -> float:
        """What an agreement of `kind` with `other` is worth to us."""
        return float(self.rel.value[kind][self.i, self.board.col[other]])

    def value_to(self, other: str, kind: str) -> float:
        """What an agreement of `kind` with us is worth to `other` (as its personality judges it)."""
        return float(self.rel.value[kind][self.board.col[other], self.i])

    def accepts(self, other: str, kind: str) -> bool:
        """Whether `other` is likely to accept an agreement of `kind` with us."""
        threshold = personality(self.names[self.board.col[other]]).thresholds.accept
        return self.value_to(other, kind) >= threshold

    def threat_parts(self, other: str) -> dict[str, float]:
        return self.board.m.threat_parts(self.me, other)

    def name(self, nation: str) -> str:
        n = self.view.nations.get(nation)
        return n.name if n else nation


def situation(view: GameState, me: str, theory: str, difficulty: str, seed: int) -> Situation:
    """The situation of `me` in this view, playing `theory` at `difficulty`."""
    board = board_for(view)
    i = board.col[me]
    names = board.memo("names", lambda: tuple(theory_name(x) for x in board.personality))
    if names[i] != theory_name(theory):
        names = names[:i] + (theory_name(theory),) + names[i + 1 :]
    return Situation(
        view=view,
        board=board,
        me=me,
        i=i,
        theory=theory_name(theory),
        p=personality(theory),
        names=names,
        rel=relations(board, names),
        seed=seed,
        difficulty=difficulty,
    )
