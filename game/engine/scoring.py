"""Objectives, scores and the winner."""

from __future__ import annotations

from game.engine.metrics import Metrics
from game.engine.state import GameState


def base_income_of(nation: str, metrics: Metrics) -> float:
    """A living state's base income, as the metrics of the moment hold it."""
    return float(metrics.economy[metrics.index(nation)])


def objective_met(state: GameState, nation: str, metrics: Metrics) -> bool:
    n, rules = state.nations[nation], state.rules
    if not n.alive:
        return False
    others = [share for other, share in zip(metrics.ids, metrics.share, strict=True) if other != nation]
    top_other = float(max(others, default=0.0))
    hegemon = next((x for x, m in state.nations.items() if m.hegemony_streak >= rules.hegemony_turns), "")
    return {
        "survive": len(state.owned(nation)) >= n.start_provinces,
        "prosperity": base_income_of(nation, metrics) >= rules.prosperity_growth * n.start_income,
        "standing": n.legitimacy >= rules.standing_legitimacy,
        "hegemony": hegemon == nation or metrics.share_of(nation) >= rules.hegemony_share,
        "prevent_hegemony": top_other < rules.hegemony_share and hegemon in ("", nation),
    }[n.objective]


def score(state: GameState, nation: str, metrics: Metrics) -> dict[str, float]:
    """The documented weighted sum: survival, territory, economy, legitimacy and objective."""
    n, rules = state.nations[nation], state.rules
    if not n.alive:
        return {
            "survival": 0.0,
            "territory": 0.0,
            "economy": 0.0,
            "legitimacy": 0.0,
            "objective": 0.0,
            "total": 0.0,
        }
    territory = min(rules.score_cap, len(state.owned(nation)) / max(1, n.start_provinces))
    economy = min(rules.score_cap, base_income_of(nation, metrics) / max(1e-9, n.start_income))
    parts = {
        "survival": rules.score_survival,
        "territory": rules.score_territory * territory,
        "economy": rules.score_economy * economy,
        "legitimacy": rules.score_legitimacy * n.legitimacy / 100,
        "objective": rules.score_objective * objective_met(state, nation, metrics),
    }
    parts = {k: round(v, 2) for k, v in parts.items()}
    parts["total"] = round(sum(parts.values()), 2)
    return parts


def scores(state: GameState, metrics: Metrics) -> dict[str, dict[str, float]]:
    return {nation: score(state, nation, metrics) for nation in state.nations}


def leader(state: GameState, table: dict[str, dict[str, float]]) -> str:
    """The highest total; ties go to the earlier state of the map."""
    order = list(state.nations)
    return max(order, key=lambda n: (table[n]["total"], -order.index(n)))
