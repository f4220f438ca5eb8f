"""One state's whole turn: alliances, the Assembly, the budget, then the forces, each from its own module."""

from __future__ import annotations

import dataclasses

from ai.alliances import (
    RELATION_OF,
    answers,
    calls,
    departures,
    expulsions,
    institutions,
    proposals,
)
from ai.assembly import tabling, votes
from ai.budget import budget
from ai.military import Knobs, forces, ground
from ai.situation import Situation
from game.engine.orders import Answer, Move, Order, Propose

EASY_KEEP = 0.6  # share of its moves an easy player remembers to give
EASY_ARMING = (-0.1, 0.3)  # and the range of its error on the share of its budget for forces


def objective_knobs(sit: Situation) -> Knobs:
    """How the hard level plays to its scenario objective: a state that needs no power share to meet it
    spends nothing on forces beyond what the danger calls for, and keeps no idle reserve."""
    objective = sit.view.nations[sit.me].objective
    return Knobs(floor=objective in ("hegemony", "prevent_hegemony"))


def plan(sit: Situation, knobs: Knobs) -> list[Order]:
    """Every order of one turn, not yet validated."""
    g = ground(sit)
    orders = diplomacy(sit)
    if sit.difficulty == "easy":  # a beginner's budget: often more forces than the danger calls for
        knobs = dataclasses.replace(knobs, forces=knobs.forces + float(sit.rng.uniform(*EASY_ARMING)))
    split = budget(sit, g, knobs)
    orders += [split] if split else []
    moves = forces(sit, g, knobs, befriended(sit, orders))
    if sit.difficulty == "easy":
        moves = [o for o in moves if not isinstance(o, Move) or sit.rng.random() < EASY_KEEP]
    return orders + moves


def diplomacy(sit: Situation) -> list[Order]:
    """Everything diplomatic a state decides in a turn, in the order the engine applies it."""
    replies = answers(sit)
    props = {p.id: p for p in sit.view.proposals}
    joining = {RELATION_OF[props[a.proposal].kind] for a in replies if a.accept}
    return (
        calls(sit)
        + replies
        + departures(sit)
        + expulsions(sit)
        + institutions(sit)
        + proposals(sit, joining)
        + votes(sit)
        + tabling(sit)
    )


def befriended(sit: Situation, orders: list[Order]) -> set[str]:
    """States we are coming to terms with: agreements accepted or proposed this turn, or still pending."""
    props = {p.id: p.sender for p in sit.view.proposals}
    friends = {p.recipient for p in sit.view.proposals if p.sender == sit.me}
    friends |= {o.to for o in orders if isinstance(o, Propose)}
    friends |= {
        props[o.proposal] for o in orders if isinstance(o, Answer) and o.accept and o.proposal in props
    }
    return friends
