"""A player that picks random legal orders: for tests and until the theory-driven AI decides."""

from __future__ import annotations

import numpy as np

from game.engine.orders import Order, Plan, check, legal_orders, record
from game.engine.state import GameState

# How likely each kind of order is to be picked, so random games look like games, not riots.
WEIGHTS = {
    "budget": 8.0,
    "move": 3.0,
    "answer": 2.0,
    "answer_call": 2.0,
    "vote": 2.0,
    "propose": 0.4,
    "table": 0.3,
    "leave": 0.1,
    "declare_war": 0.1,
    "launch": 0.05,
    "expel": 0.5,
    "fund_institution": 0.5,
    "adopt_mission": 0.2,
}


class RandomPlayer:
    """Chooses a handful of legal orders at random, seeded by game seed, turn and state."""

    def __init__(self, nation: str, seed: int, orders_per_turn: int = 6) -> None:
        self.nation = nation
        self.seed = seed
        self.orders_per_turn = orders_per_turn

    def decide(self, view: GameState) -> list[Order]:
        rng = np.random.default_rng([self.seed, view.turn, *self.nation.encode()])
        legal = legal_orders(view, self.nation)
        if not legal:
            return []
        weights = np.array([WEIGHTS.get(o.type, 1.0) for o in legal])
        count = min(len(legal), self.orders_per_turn)
        picks = rng.choice(len(legal), size=count, replace=False, p=weights / weights.sum())
        chosen, plan = [], Plan()
        for i in sorted(picks):
            order = legal[i]
            if check(view, order, plan) is None:
                record(plan, order)
                chosen.append(order)
        return chosen
