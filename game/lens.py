"""The theory lens's figures: power and polarity, threats seen by one state, the alliance network, cohesion.

No pygame: the lens panel draws these, the game in progress and a replayed record alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.engine.diplomacy import cohesion_sources, pact_record
from game.engine.metrics import Metrics
from game.engine.state import BLOC, GUARANTEE, PACT, GameState

COMPONENTS = ("power", "proximity", "offense", "intent")


@dataclass
class Threat:
    """How threatening one state looks to the viewer: the total and Walt's four components, each 0-1."""

    nation: str
    threat: float
    power: float
    proximity: float
    offense: float
    intent: float

    def parts(self) -> dict[str, float]:
        return {c: getattr(self, c) for c in COMPONENTS}


@dataclass
class Cohesion:
    """A pact's cohesion (0-100) and its three sources (each 0-1)."""

    name: str
    members: list[str]
    cohesion: float
    values: float  # value similarity of the members
    purpose: float  # shared threat, or a mission's purpose
    record: float  # calls to arms honoured against broken


@dataclass
class Network:
    """The alliance network: pacts and blocs with their members, guarantees as hubs with their spokes."""

    pacts: list[tuple[str, list[str]]]
    blocs: list[tuple[str, list[str]]]
    hubs: dict[str, list[str]]  # patron -> clients
    hierarchy: float  # share of power inside guarantee networks

    @property
    def members(self) -> set[str]:
        """Every state in some agreement."""
        grouped = {m for _, members in self.pacts + self.blocs for m in members}
        return grouped | set(self.hubs) | {c for clients in self.hubs.values() for c in clients}


@dataclass
class History:
    """Figures turn by turn from the record's snapshots: turn numbers (0: the start), shares, polarity."""

    turns: list[int]
    shares: dict[str, list[float]]
    polarity: list[str]
    hierarchy: list[float]

    def polar_runs(self) -> list[tuple[int, str]]:
        """Each run of one polarity: the turn it began (0: the start) and the polarity."""
        return [
            (turn, polarity)
            for i, (turn, polarity) in enumerate(zip(self.turns, self.polarity, strict=True))
            if i == 0 or self.polarity[i - 1] != polarity
        ]

    def polar_since(self) -> int:
        """The first turn of the current run of the same polarity."""
        runs = self.polar_runs()
        return runs[-1][0] if runs else 0


@dataclass
class Lens:
    """The lens's figures at one moment of a game."""

    state: GameState
    metrics: Metrics

    @property
    def shares(self) -> list[tuple[str, float]]:
        """The living states' power shares, largest first."""
        m = self.metrics
        return sorted(((n, float(s)) for n, s in zip(m.ids, m.share, strict=True)), key=lambda x: -x[1])

    def threats(self, viewer: str) -> list[Threat]:
        """Every other living state as the viewer sees it, most threatening first ([] for a fallen viewer)."""
        m = self.metrics
        if viewer not in m.ids:
            return []
        found = [Threat(o, **m.threat_parts(viewer, o)) for o in m.ids if o != viewer]
        return sorted(found, key=lambda x: -x.threat)

    def heat(self, viewer: str) -> dict[str, float]:
        """The threat each other living state poses to the viewer, for the heat map."""
        return {x.nation: x.threat for x in self.threats(viewer)}

    def network(self) -> Network:
        agreements = sorted(self.state.agreements.values(), key=lambda a: a.id)
        hubs: dict[str, list[str]] = {}
        for ag in agreements:
            if ag.kind == GUARANTEE:
                hubs.setdefault(ag.patron, []).append(ag.client)
        return Network(
            pacts=[(a.name, list(a.members)) for a in agreements if a.kind == PACT],
            blocs=[(a.name, list(a.members)) for a in agreements if a.kind == BLOC],
            hubs=hubs,
            hierarchy=self.metrics.hierarchy,
        )

    def cohesion(self) -> list[Cohesion]:
        """Every pact with its cohesion and the three sources it is computed from."""
        pacts = sorted((a for a in self.state.agreements.values() if a.kind == PACT), key=lambda a: a.id)
        if not pacts:
            return []
        values, _ = cohesion_sources(self.state, pacts, self.metrics)
        return [
            Cohesion(
                ag.name,
                list(ag.members),
                ag.cohesion,
                float(similar),
                ag.purpose,
                pact_record(ag, self.state.rules),
            )
            for ag, similar in zip(pacts, values, strict=True)
        ]


def history_of(snapshots: list[dict[str, Any]]) -> History:
    """The lens's figures over time from a record's snapshots (its start, then each turn's entry)."""
    nations = list(snapshots[0]["states"]) if snapshots else []
    return History(
        turns=[s.get("turn", 0) for s in snapshots],
        shares={n: [s["states"].get(n, {}).get("share", 0.0) for s in snapshots] for n in nations},
        polarity=[s["polarity"] for s in snapshots],
        hierarchy=[s["hierarchy_index"] for s in snapshots],
    )
