"""One state's whole turn: diplomacy, the budget, then the forces, each part from its own module."""

from __future__ import annotations

from ai.budget import budget
from ai.military import Knobs, forces, ground
from ai.scoring import diplomacy
from ai.situation import Situation
from game.engine.orders import Answer, Move, Order, Propose

EASY_KEEP = 0.6  # share of its moves an easy player remembers to give


def plan(sit: Situation, knobs: Knobs) -> list[Order]:
    """Every order of one turn, not yet validated."""
    g = ground(sit)
    orders = diplomacy(sit)
    split = budget(sit, g, knobs)
    orders += [split] if split else []
    moves = forces(sit, g, knobs, befriended(sit, orders))
    if sit.difficulty == "easy":
        moves = [o for o in moves if not isinstance(o, Move) or sit.rng.random() < EASY_KEEP]
    return orders + moves


def befriended(sit: Situation, orders: list[Order]) -> set[str]:
    """States we are coming to terms with: agreements accepted or proposed this turn, or still pending."""
    props = {p.id: p.sender for p in sit.view.proposals}
    friends = {p.recipient for p in sit.view.proposals if p.sender == sit.me}
    friends |= {o.to for o in orders if isinstance(o, Propose)}
    friends |= {
        props[o.proposal] for o in orders if isinstance(o, Answer) and o.accept and o.proposal in props
    }
    return friends
