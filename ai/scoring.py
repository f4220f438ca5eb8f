"""The shared machinery of scoring: what an agreement with a state is worth and why, in the personality's
weights (ai/theories.py computes the motives for all states at once; this module reads one state's row,
splits it into its motives and turns the strongest into the words of an explanation).

The decisions that use it: ai/alliances.py (pacts, blocs, guarantees, calls to arms), ai/assembly.py
(votes and resolutions), ai/budget.py and ai/military.py (the budget and the forces); ai/plan.py puts a
turn together and ai/lookahead.py tries plans with the engine.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ai.explain import rival_clause, threat_words
from ai.situation import Situation
from ai.theories import FORMAL, STATURE
from game.engine.state import GUARANTEE, Agreement
from game.text.say import Sentence, say

DECISIVE = 0.25  # a motive this negative is named as the reason for a refusal


@dataclass
class Motive:
    """One part of an agreement's value: its name and its signed contribution."""

    name: str
    amount: float


def motives(sit: Situation, kind: str, other: str, held: bool = False) -> list[Motive]:
    """The signed parts of what an agreement of `kind` with `other` is worth to us, largest first.

    Dislike of formal commitments (a soft balancer's) weighs on making one, not on keeping one we hold:
    France and Germany opposed the Iraq war from inside NATO (`held`)."""
    p, k, i = sit.p, sit.board.col[other], sit.i
    mot = {name: float(grid[i, k]) for name, grid in sit.rel.motives.items()}
    affinity = getattr(p.agreements, kind)
    parts = {
        "balance": affinity * p.motives.balance * mot["balance"],
        "bandwagon": affinity * p.motives.bandwagon * mot["bandwagon"],
        "opposition": -p.motives.opposition * mot["opposition"],
        "values": p.motives.values * mot["values"],
        "distrust": -p.motives.distrust * mot["distrust"],
        "formality": _formality(sit, kind, held),
    }
    if kind in ("pact", "client"):
        parts["protection"] = p.motives.protection * mot["protection"]
    if kind in ("pact", "patron"):
        parts["risk"] = -p.motives.risk * mot["risk"]
    if kind == "patron":
        parts["hub"] = p.motives.hub * mot["hub"]
        parts["stature"] = -STATURE * (1 - mot["stature"])
    if kind == "client":
        parts["stature"] = -STATURE * mot["stature"]
    if kind == "bloc":
        parts["trade"] = p.motives.trade
    return sorted((Motive(n, a) for n, a in parts.items()), key=lambda m: -abs(m.amount))


def why_align(sit: Situation, kind: str, other: str) -> tuple[Sentence, str, dict]:
    """The main reason for an agreement with `other`: a phrase, its concept and its numbers."""
    best = max(motives(sit, kind, other), key=lambda m: m.amount)
    name = sit.name(other)
    if best.name == "bandwagon":
        clause, nums = rival_clause(sit, other)
        return say("ai.align.bandwagon", clause=clause, share=sit.share), "bandwagoning", nums
    if best.name == "hub":
        phrase = say("ai.align.hub", name=name, partner_share=sit.share_of(other), share=sit.share)
        return phrase, "hub_and_spokes", {"partner_share": sit.share_of(other), "our_share": sit.share}
    if best.name == "protection":
        phrase = say("ai.align.protection", name=name, partner_share=sit.share_of(other))
        return phrase, "benefits_of_membership", {"partner_share": sit.share_of(other)}
    if best.name == "trade":
        return say("ai.align.trade", bonus=sit.view.rules.trade_bonus), "soft_balancing", {}
    clause, nums = rival_clause(sit)
    concept = balance_concept(sit, kind)
    return say("ai.align.against", clause=clause), concept, {**nums, "partner_share": sit.share_of(other)}


def balance_concept(sit: Situation, kind: str) -> str:
    if kind == "bloc":
        return "soft_balancing"
    return "balance_of_threat" if sit.p.rival == "threat" else "balance_of_power"


def why_not(
    sit: Situation, kind: str, other: str, value: float, held: bool = False
) -> tuple[Sentence, str, dict]:
    """The main reason against an agreement with `other` (or one we hold): a decisive objection, or too little gain."""
    worst = min(motives(sit, kind, other, held), key=lambda m: m.amount)
    name = sit.name(other)
    decisive = worst.amount <= -DECISIVE
    if decisive and worst.name == "stature":
        patron, client = (other, sit.me) if kind == "client" else (sit.me, other)
        phrase = say(
            "ai.refuse.stature",
            patron=sit.name(patron),
            patron_share=sit.share_of(patron),
            client=sit.name(client),
            client_share=sit.share_of(client),
        )
        return phrase, "asymmetric_alliance", {"value": value}
    if decisive and worst.name == "formality":
        return say("ai.refuse.formality"), "soft_balancing", {"value": value}
    if decisive and worst.name == "opposition":
        clause, nums = rival_clause(sit)
        head = clause if other == sit.rival else say("ai.refuse.stands_with", name=name, clause=clause)
        return head, balance_concept(sit, kind), {**nums, "value": value}
    if decisive and worst.name == "distrust":
        words, nums = threat_words(sit, other)
        return (
            say("ai.refuse.distrust", name=name, threat=words),
            "balance_of_threat",
            {**nums, "value": value},
        )
    if decisive and worst.name == "risk":
        risk = float(sit.rel.motives["risk"][sit.i, sit.board.col[other]])
        return say("ai.refuse.risk", name=name, risk=risk), "chain_ganging", {"value": value}
    clause, nums = rival_clause(sit)
    return (
        say("ai.refuse.little", clause=clause, value=value),
        balance_concept(sit, kind),
        {**nums, "value": value},
    )


def agreement_value(sit: Situation, ag: Agreement) -> float:
    """What an agreement is worth to us: the mean value of its other members to us (for one we hold, without
    the dislike of making a formal commitment)."""
    held = sit.me in ag.members
    if ag.kind == GUARANTEE:
        kind = "patron" if ag.patron == sit.me else "client"
        other = ag.client if kind == "patron" else ag.patron
        return _kept(sit, kind, other, held) if other in sit.board.col else -1.0
    others = [m for m in ag.members if m != sit.me and m in sit.board.col]
    return float(np.mean([_kept(sit, ag.kind, m, held) for m in others])) if others else -1.0


def _formality(sit: Situation, kind: str, held: bool) -> float:
    part = sit.p.motives.formality * FORMAL[kind]
    return max(part, 0.0) if held else part


def _kept(sit: Situation, kind: str, other: str, held: bool) -> float:
    return sit.value(kind, other) + _formality(sit, kind, held) - _formality(sit, kind, False)
