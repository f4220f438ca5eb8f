"""The budget split: forces when threatened (internal balancing), development when safe or protected."""

from __future__ import annotations

import numpy as np

from ai.explain import reason
from ai.military import Ground, Knobs
from ai.situation import Situation
from game.engine.orders import Budget
from game.text.say import say

STEP = 0.05  # shares are rounded to this, so that the record reads plainly


def budget(sit: Situation, g: Ground, knobs: Knobs) -> Budget | None:
    """One budget order: enough forces to face the hostile strength near us, the rest to development."""
    view, rules, p = sit.view, sit.view.rules, sit.p.budget
    treasury = view.nations[sit.me].treasury
    if treasury < 1:
        return None
    mine = float(sit.board.m.strength[sit.i])
    wanted = p.safety * g.hostile - p.free_ride * g.allied
    gap = wanted - mine
    base = float(sit.board.m.economy[sit.i])
    ceiling = p.upkeep_cap * base / rules.upkeep if rules.upkeep > 0 else float("inf")
    room = max(0.0, ceiling - mine) * rules.force_cost / treasury
    least, reserve = (p.min_forces, p.reserve) if knobs.floor else (0.0, 0.0)
    forces = float(np.clip(gap * rules.force_cost / treasury, least, 1 - reserve))
    forces = _step(float(np.clip(min(forces, room) + knobs.forces, 0, 1 - reserve)))
    development = _step(max(0.0, 1 - reserve - forces))
    at = max(g.danger, key=lambda q: (g.danger[q] - g.stacks.get(q, 0), q), default="")
    at = at if at and g.danger[at] > 0 else ""
    return Budget(
        sit.me,
        forces,
        development,
        at=at,
        reason=_why(sit, g, forces, development, mine, treasury),
    )


def _step(x: float) -> float:
    return round(round(x / STEP) * STEP, 2)


def _why(sit: Situation, g: Ground, forces: float, development: float, mine: float, treasury: float) -> dict:
    p = sit.p.budget
    nums = dict(
        forces_share=forces,
        development_share=development,
        hostile=round(g.hostile, 2),
        ours=mine,
        allied=round(g.allied, 2),
        treasury=treasury,
    )
    split = say("ai.budget.split", forces=forces, treasury=treasury, development=development)
    covered = p.free_ride * g.allied
    if forces >= 0.4:
        concept = "hard_balancing" if sit.board.war[sit.i].any() else "internal_balancing"
        text = say(
            "ai.budget.arm", split=split, hostile=g.hostile, safety=p.safety, ours=mine, allied=g.allied
        )
        return reason(sit, concept, text, **nums)
    if covered > 0 and covered >= 0.5 * p.safety * g.hostile:
        partners = sit.board.share[sit.board.partner[sit.i]]
        junior = bool(partners.size) and sit.share < float(partners.max())
        concept = "free_riding" if junior else "benefits_of_membership"
        text = say("ai.budget.covered", split=split, allied=g.allied, hostile=g.hostile)
        return reason(sit, concept, text, **nums)
    text = say("ai.budget.grow", split=split, hostile=g.hostile, ours=mine)
    return reason(sit, "internal_balancing", text, **nums)
