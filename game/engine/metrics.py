"""Power index, polarity, the four threat components and the hierarchy index, for all states at once."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np

from game.engine.state import GUARANTEE, GameState

_DISTANCES: dict[tuple, tuple[list[str], np.ndarray]] = {}


@dataclass
class Metrics:
    """Numbers of one moment of the game; rows and columns follow `ids` (the living states)."""

    ids: list[str]
    strength: np.ndarray  # force strength
    economy: np.ndarray  # base income
    share: np.ndarray  # power share, sums to 1
    polarity: str
    threat: np.ndarray  # threat[i, j]: how threatening j looks to i
    power: np.ndarray  # the four components, each N x N
    proximity: np.ndarray
    offense: np.ndarray
    intent: np.ndarray
    hierarchy: float

    def index(self, nation: str) -> int:
        return self.ids.index(nation)

    def share_of(self, nation: str) -> float:
        return float(self.share[self.ids.index(nation)]) if nation in self.ids else 0.0

    def threat_parts(self, viewer: str, other: str) -> dict[str, float]:
        i, j = self.ids.index(viewer), self.ids.index(other)
        return {
            "threat": float(self.threat[i, j]),
            "power": float(self.power[i, j]),
            "proximity": float(self.proximity[i, j]),
            "offense": float(self.offense[i, j]),
            "intent": float(self.intent[i, j]),
        }


def production_by_owner(state: GameState) -> dict[str, float]:
    totals: dict[str, float] = {}
    for prov in state.provinces.values():
        totals[prov.owner] = totals.get(prov.owner, 0.0) + prov.production
    return totals


def base_income(state: GameState, nation: str, production: dict[str, float] | None = None) -> float:
    """Production of the state's provinces times its development (and any scripted shock)."""
    n = state.nations[nation]
    produced = (production if production is not None else production_by_owner(state)).get(nation, 0.0)
    return produced * n.development * n.production_factor


def province_distances(state: GameState) -> tuple[list[str], np.ndarray]:
    """Hops between every pair of provinces over land and sea links (cached per map)."""
    key = tuple((p, tuple(prov.neighbours)) for p, prov in state.provinces.items())
    if key not in _DISTANCES:
        ids = list(state.provinces)
        index = {p: i for i, p in enumerate(ids)}
        dist = np.full((len(ids), len(ids)), np.inf)
        for start in range(len(ids)):
            dist[start, start] = 0
            queue = deque([start])
            while queue:
                here = queue.popleft()
                for nxt in state.provinces[ids[here]].neighbours:
                    j = index[nxt]
                    if dist[start, j] == np.inf:
                        dist[start, j] = dist[start, here] + 1
                        queue.append(j)
        _DISTANCES[key] = (ids, dist)
    return _DISTANCES[key]


def polarity(share: np.ndarray, pole_share: float, unipolar_ratio: float) -> str:
    """unipolar when the top state dwarfs the second; else bipolar with two poles, multipolar otherwise."""
    top = np.sort(share)[::-1]
    if len(top) < 2 or top[0] >= unipolar_ratio * top[1]:
        return "unipolar"
    return "bipolar" if int((top >= pole_share).sum()) == 2 else "multipolar"


def _min_by_owner(values: np.ndarray, owner: np.ndarray, n: int, axis: int) -> np.ndarray:
    """The minimum of `values` along `axis` over each state's provinces (inf for none)."""
    order = np.argsort(owner, kind="stable")
    counts = np.bincount(owner[owner >= 0], minlength=n)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])[counts > 0]
    shape = list(values.shape)
    shape[axis] = n
    out = np.full(shape, np.inf)
    mins = np.minimum.reduceat(np.take(values, order[owner[order] >= 0], axis=axis), starts, axis=axis)
    if axis == 0:
        out[counts > 0] = mins
    else:
        out[:, counts > 0] = mins
    return out


def compute(state: GameState) -> Metrics:
    rules = state.rules
    ids = state.living()
    n = len(ids)
    col = {nation: i for i, nation in enumerate(ids)}
    prov_ids, dist = province_distances(state)
    owner = np.array([col.get(state.provinces[p].owner, -1) for p in prov_ids])

    forces = np.zeros((n, len(prov_ids)))
    pindex = {p: i for i, p in enumerate(prov_ids)}
    for p, stack in state.forces.items():
        for nation, s in stack.items():
            if nation in col:
                forces[col[nation], pindex[p]] += s
    deployed = state.deployed()
    strength = forces.sum(1) + np.array([deployed.get(nation, 0) for nation in ids])
    production = production_by_owner(state)
    economy = np.array([base_income(state, nation, production) for nation in ids])

    mil = strength / strength.sum() if strength.sum() > 0 else np.full(n, 1 / max(n, 1))
    eco = economy / economy.sum() if economy.sum() > 0 else np.full(n, 1 / max(n, 1))
    raw = rules.power_military_weight * mil + rules.power_economic_weight * eco
    share = raw / raw.sum() if n else raw

    pair = share[:, None] + share[None, :]
    power = np.divide(share[None, :], pair, out=np.zeros((n, n)), where=pair > 0)

    # hops from each state's territory to every province, then to every other state's territory
    reach = _min_by_owner(dist, owner, n, axis=0)  # N x P
    hops = _min_by_owner(reach, owner, n, axis=1)  # N x N
    proximity = np.where(
        np.isfinite(hops), 1.0 / (1.0 + rules.proximity_decay * np.maximum(hops - 1, 0)), 0.0
    )

    near = (reach <= 1).astype(float)  # provinces within one hop of each state's territory
    present = near @ forces.T  # present[i, j]: j's strength within reach of i
    offense = present / (present + strength[:, None] + 1e-9)

    legitimacy = np.array([state.nations[x].legitimacy for x in ids])
    aggression = np.array([state.nations[x].aggression for x in ids])
    record = rules.intent_record_weight
    intent_of = record * (1 - np.exp(-aggression)) + (1 - record) * (1 - legitimacy / 100)
    intent = np.repeat(intent_of[None, :], n, axis=0)
    for war in state.wars.values():
        for a in war.attackers:
            for d in war.defenders:
                if a in col and d in col:
                    intent[col[a], col[d]] = intent[col[d], col[a]] = 1.0

    threat = (
        rules.threat_power_weight * power
        + rules.threat_proximity_weight * proximity
        + rules.threat_offense_weight * offense
        + rules.threat_intent_weight * intent
    )
    for m in (power, proximity, offense, intent, threat):
        np.fill_diagonal(m, 0.0)

    networked = {m for a in state.agreements.values() if a.kind == GUARANTEE for m in a.members}
    hierarchy = float(sum(share[col[m]] for m in networked if m in col))
    return Metrics(
        ids=ids,
        strength=strength,
        economy=economy,
        share=share,
        polarity=polarity(share, rules.pole_share, rules.unipolar_ratio),
        threat=threat,
        power=power,
        proximity=proximity,
        offense=offense,
        intent=intent,
        hierarchy=hierarchy,
    )
