"""The AI interface: a state's observation in, its orders for the turn out, each with its explanation."""

from __future__ import annotations

from typing import Protocol

from ai.lookahead import best_plan
from ai.military import Knobs
from ai.plan import plan
from ai.random_player import RandomPlayer
from ai.situation import situation
from game.engine.orders import Order, validate
from game.engine.state import GameState

DIFFICULTIES = ("easy", "normal", "hard")


class Player(Protocol):
    nation: str

    def decide(self, view: GameState) -> list[Order]: ...


class TheoryPlayer:
    """An AI state playing one theory of alignment at one difficulty."""

    def __init__(self, nation: str, personality: str, difficulty: str, seed: int) -> None:
        if difficulty not in DIFFICULTIES:
            raise ValueError(f"unknown difficulty {difficulty!r}; one of {', '.join(DIFFICULTIES)}")
        self.nation = nation
        self.personality = personality
        self.difficulty = difficulty
        self.seed = seed
        self.regime = ""  # the controller's personality when last seen: a regime change replaces ours

    def decide(self, view: GameState) -> list[Order]:
        """This turn's legal orders; the view is only read."""
        nation = view.nations.get(self.nation)
        if nation is None or not nation.alive or view.over:
            return []
        if self.regime and nation.controller.personality != self.regime:
            self.personality = nation.controller.personality
        self.regime = nation.controller.personality
        sit = situation(view, self.nation, self.personality, self.difficulty, self.seed)
        orders = best_plan(sit) if self.difficulty == "hard" else plan(sit, Knobs())
        accepted, _ = validate(view, self.nation, orders)
        return accepted


def make_player(nation: str, personality: str, difficulty: str, seed: int) -> Player:
    """The AI player of `nation`: a theory-driven player, or the random one for personality `random`."""
    if personality == "random":
        return RandomPlayer(nation, seed)
    return TheoryPlayer(nation, personality, difficulty, seed)
