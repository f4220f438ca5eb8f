"""The hard level: try a few plans of the turn with the engine itself and keep the one that leaves us best off.

Each plan is the normal AI's turn with other knobs: more forces, bolder or more cautious fighting. The
others' likely orders are guessed by running the normal AI, on our own view, for the states that matter
to us (our enemies and the most dangerous neighbours). Every plan is resolved once on a copy, with the
same dice for all (common random numbers), and valued by the game's own score of our state, with the
objective counted by progress toward it, a little for power, and a penalty for the production we leave
exposed. The work is bounded in simulated provinces, not in seconds, so that a game stays reproducible:
see `SIMULATED_PROVINCES`, and docs/AI.md for the time it takes.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from ai.military import Knobs, ground
from ai.plan import objective_knobs, plan
from ai.situation import Situation, situation
from game.engine import resolve_turn
from game.engine.orders import Order, validate
from game.engine.scoring import score

VARIANTS = (Knobs(), Knobs(edge=1.3, wars=False), Knobs(edge=0.8))
SIMULATED_PROVINCES = 400  # at most this many provinces x plans resolved per state and turn
GUESSED = 4  # others whose orders are guessed with the normal AI
POWER_WEIGHT = 10.0  # a whole power share is worth this many score points
PROSPERITY, STANDING = 1.3, 70.0  # the objectives' thresholds (rules R17)


def budget(sit: Situation) -> int:
    """How many plans this map allows us to simulate (0 or 1 means no lookahead)."""
    return min(len(VARIANTS), SIMULATED_PROVINCES // max(1, len(sit.view.provinces)))


def best_plan(sit: Situation) -> list[Order]:
    """The plan that the engine says leaves us best off, among those the budget allows."""
    plans: list[list[Order]] = []
    seen: set[str] = set()
    base = objective_knobs(sit)
    for knobs in VARIANTS[: max(1, budget(sit))]:
        orders = plan(sit, dataclasses.replace(knobs, floor=base.floor))
        key = repr([o.to_dict() for o in orders if o.type in ("move", "declare_war", "budget")])
        if key not in seen:
            seen.add(key)
            plans.append(orders)
    if len(plans) == 1:
        return plans[0]
    others = likely_orders(sit)
    values = [outcome(sit, orders, others) for orders in plans]
    return plans[int(np.argmax(values))]


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
    """The final score we may expect if we kept playing like this: the turn is resolved with these orders
    (the same dice for every plan), and its changes are carried on over the turns left."""
    dice = np.random.PCG64([sit.view.seed, sit.view.turn, *sit.me.encode()]).state
    state = dataclasses.replace(sit.view, rng=dice)
    after, _ = resolve_turn(state, {**others, sit.me: orders})
    if not after.nations[sit.me].alive:
        return -1e9
    then = situation(after, sit.me, sit.theory, "normal", sit.seed)
    left = max(0, after.rules.turn_limit - after.turn + 1)
    return (
        projected_score(sit, then, left)
        + POWER_WEIGHT * then.share
        - after.rules.score_territory * exposure(then)
    )


def projected_score(now: Situation, then: Situation, left: int) -> float:
    """The score at the end of the game if this turn's change in economy, legitimacy and power went on
    for the turns left; the objective counts by how surely the projection meets it."""
    view, after, me = now.view, then.view, now.me
    rules, n = after.rules, after.nations[me]
    parts = score(after, me, then.board.m)

    def ahead(before: float, later: float) -> float:
        return later + left * (later - before)

    ratio = ahead(now.board.m.economy[now.i], then.board.m.economy[then.i]) / max(n.start_income, 1e-9)
    legitimacy = float(np.clip(ahead(view.nations[me].legitimacy, n.legitimacy), 0, 100))
    share = ahead(now.share, then.share)
    others = [x for x in then.board.ids if x != me]
    top = max(
        (ahead(now.share_of(x) if x in now.board.col else 0.0, then.share_of(x)) for x in others), default=0.0
    )
    met = {
        "survive": float(len(then.board.owned.get(me, [])) >= n.start_provinces),
        "prosperity": _ramp(ratio, PROSPERITY, 0.05),
        "standing": _ramp(legitimacy, STANDING, 5.0),
        "hegemony": _ramp(share, rules.hegemony_share, 0.05),
        "prevent_hegemony": _ramp(rules.hegemony_share - top, 0.0, 0.05),
    }[n.objective]
    return (
        parts["survival"]
        + parts["territory"]
        + rules.score_economy * float(np.clip(ratio, 0, 2))
        + rules.score_legitimacy * legitimacy / 100
        + rules.score_objective * met
    )


def _ramp(value: float, threshold: float, width: float) -> float:
    """0 well below the threshold, 1 well above it, a straight line within `width` of it."""
    return float(np.clip((value - threshold + width) / (2 * width), 0, 1))


def exposure(sit: Situation) -> float:
    """The share of our production standing where the hostile strength next door outweighs our garrison."""
    g = ground(sit)
    bonus = sit.view.rules.defense_bonus
    at_risk = total = 0.0
    for p in g.mine:
        production = sit.view.provinces[p].production
        total += production
        threat = g.danger[p] / (1 + bonus)
        if threat > 0:
            at_risk += production * min(1.0, max(0.0, threat - g.stacks.get(p, 0)) / threat)
    return at_risk / total if total else 0.0
