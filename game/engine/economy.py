"""Income, upkeep, sanctions, bloc trade, institutions and the budget split."""

from __future__ import annotations

import math

from game.engine.context import Turn
from game.engine.metrics import base_income, production_by_owner
from game.engine.orders import Budget
from game.engine.state import BLOC, GameState


def income_parts(
    state: GameState, nation: str, production: dict[str, float] | None = None, strength: int | None = None
) -> dict[str, float]:
    """Each part of a state's income this turn; `net` is what reaches its treasury."""
    rules = state.rules
    base = base_income(state, nation, production)
    blocs = state.agreements_of(nation, BLOC)
    fellows = {m for b in blocs for m in b.members if m != nation}
    trade = base * min(rules.trade_bonus_cap, rules.trade_bonus * len(fellows))
    institution = rules.institution_income if any(b.institution for b in blocs) else 0.0
    cut = 0.0
    if state.nations[nation].sanctioned_until >= state.turn:
        shield = rules.institution_shield if any(b.institution for b in blocs) else 0.0
        cut = base * rules.sanction_cut * (1 - shield)
    upkeep = rules.upkeep * (state.strengths().get(nation, 0) if strength is None else strength)
    net = base + trade + institution - cut - upkeep
    return {
        "base": base,
        "trade": trade,
        "institution": institution,
        "sanctions": cut,
        "upkeep": upkeep,
        "net": net,
    }


def collect_income(turn: Turn) -> None:
    state = turn.state
    production, strengths = production_by_owner(state), state.strengths()
    for nation in state.living():
        parts = income_parts(state, nation, production, strengths.get(nation, 0))
        n = state.nations[nation]
        n.treasury = round(n.treasury + parts["net"], 6)
        if parts["sanctions"]:
            turn.log(
                "sanctions_bite",
                [nation],
                "collective_security",
                actor=nation,
                cut=round(parts["sanctions"], 2),
            )
        if n.treasury < 0:
            disband(turn, nation, math.ceil(-n.treasury / state.rules.force_cost))
            n.treasury = 0.0


def disband(turn: Turn, nation: str, amount: int) -> None:
    """Remove strength from a state's largest stacks when it cannot pay for it."""
    removed = take_strength(turn.state, nation, amount)
    if removed:
        turn.log("disbanded", [nation], "", actor=nation, strength=removed)


def take_strength(state: GameState, nation: str, amount: int) -> int:
    """Take up to `amount` strength from a state's largest stacks first; returns what was taken."""
    taken = 0
    while taken < amount:
        stacks = [(s[nation], p) for p, s in state.forces.items() if s.get(nation, 0) > 0]
        if not stacks:
            break
        size, prov = max(stacks, key=lambda t: (t[0], t[1]))
        step = min(size, amount - taken)
        place(state, prov, nation, -step)
        taken += step
    return taken


def place(state: GameState, province: str, nation: str, delta: int) -> None:
    stack = state.forces.setdefault(province, {})
    stack[nation] = stack.get(nation, 0) + delta
    if stack[nation] <= 0:
        del stack[nation]
    if not stack:
        del state.forces[province]


def apply_budget(turn: Turn, order: Budget) -> None:
    state, rules = turn.state, turn.state.rules
    n = state.nations[order.actor]
    available = max(0.0, n.treasury)
    built = int(available * order.forces // rules.force_cost)
    if built:
        place(state, order.at or n.capital, order.actor, built)
        n.treasury -= built * rules.force_cost
    spend = available * order.development
    if spend > 0:
        before = n.development
        n.development = round(
            n.development + rules.development_step * spend / (rules.development_cost * n.development), 6
        )
        n.treasury -= spend
        sheltered = any(a.kind in ("pact", "guarantee") for a in state.agreements_of(order.actor))
        turn.log(
            "developed",
            [order.actor],
            "benefits_of_membership" if sheltered else "internal_balancing",
            actor=order.actor,
            spent=round(spend, 2),
            before=round(before, 3),
            after=round(n.development, 3),
        )
    n.treasury = round(max(0.0, n.treasury), 6)
    if built:
        turn.log(
            "built",
            [order.actor],
            "internal_balancing",
            actor=order.actor,
            strength=built,
            province=order.at or n.capital,
        )
