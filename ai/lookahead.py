"""The hard level: try a few plans of the turn with the engine itself and keep the one that leaves us best off.

Each plan is the normal AI's turn with other military knobs (bolder, more cautious, more forces). The
others' likely orders are guessed by running the normal AI for the states that matter to us (our
enemies and the most dangerous neighbours) on our own view. Every plan is resolved once with the same
dice (common random numbers) on a copy, and scored by the game's own score of our state plus our power
share. The work is bounded in simulated provinces, not in seconds, so that a game stays reproducible:
see `SIMULATED_PROVINCES` and docs/AI.md for the time it takes.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from ai.military import Knobs, ground
from ai.plan import plan
from ai.situation import Situation, situation
from game.engine import compute_metrics, resolve_turn
from game.engine.orders import Order, validate
from game.engine.scoring import score

VARIANTS = (Knobs(), Knobs(edge=1.3, wars=False), Knobs(edge=0.8), Knobs(forces=0.3))
SIMULATED_PROVINCES = 400  # at most this many provinces x plans resolved per state and turn
GUESSED = 4  # others whose orders are guessed with the normal AI
POWER_WEIGHT = 100.0  # a whole power share is worth this many score points


def budget(sit: Situation) -> int:
    """How many plans this map allows us to simulate (0 or 1 means no lookahead)."""
    return min(len(VARIANTS), SIMULATED_PROVINCES // max(1, len(sit.view.provinces)))


def best_plan(sit: Situation) -> list[Order]:
    """The plan that the engine says leaves us best off, among those the budget allows."""
    plans: list[list[Order]] = []
    seen: set[str] = set()
    for knobs in VARIANTS[: max(1, budget(sit))]:
        orders = plan(sit, knobs)
        key = repr([o.to_dict() for o in orders if o.type in ("move", "declare_war", "budget")])
        if key not in seen:
            seen.add(key)
            plans.append(orders)
    if len(plans) == 1 or not at_stake(sit):
        return plans[0]
    others = likely_orders(sit)
    values = [outcome(sit, orders, others) for orders in plans]
    return plans[int(np.argmax(values))]


def at_stake(sit: Situation) -> bool:
    """Whether the turn's military choices matter: a war, or hostile strength at our borders."""
    return bool(sit.board.war[sit.i].any()) or ground(sit).hostile >= 1.0


def likely_orders(sit: Situation) -> dict[str, list[Order]]:
    """The normal AI's orders for our enemies and the most dangerous of the others, from our view."""
    b = sit.board
    g = ground(sit)
    weight = {x: float(g.hostility[k] * b.m.strength[k]) for k, x in enumerate(b.ids)}
    guesses = {}
    for x in sorted(weight, key=lambda x: (-weight[x], x))[:GUESSED]:
        if weight[x] > 0:
            them = situation(sit.view, x, sit.names[b.col[x]], "normal", sit.view.seed)
            guesses[x] = validate(sit.view, x, plan(them, Knobs()))[0]
    return guesses


def outcome(sit: Situation, orders: list[Order], others: dict[str, list[Order]]) -> float:
    """Our score plus our power share after resolving the turn with these orders (same dice for every plan)."""
    dice = np.random.PCG64([sit.view.seed, sit.view.turn, *sit.me.encode()]).state
    state = dataclasses.replace(sit.view, rng=dice)
    after, _ = resolve_turn(state, {**others, sit.me: orders})
    if not after.nations[sit.me].alive:
        return -1e9
    m = compute_metrics(after)
    return score(after, sit.me, m)["total"] + POWER_WEIGHT * m.share_of(sit.me)
