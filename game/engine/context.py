"""The working context of one turn's resolution: the state being built, its generator, its events."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from game.engine.events import Event
from game.engine.state import BLOC, GUARANTEE, PACT, GameState


@dataclass
class Turn:
    state: GameState
    rng: np.random.Generator
    events: list[Event] = field(default_factory=list)

    def log(self, type_: str, actors: list[str], concept: str = "", **data) -> Event:
        names = {f"{role}_name": self.name(v) for role, v in data.items() if role in _ROLES}
        event = Event(self.state.turn, type_, list(actors), {**data, **names}, concept)
        self.events.append(event)
        return event

    def name(self, nation: str) -> str:
        n = self.state.nations.get(nation)
        return n.name if n else nation

    def adjust_legitimacy(self, nation: str, delta: float) -> None:
        n = self.state.nations[nation]
        n.legitimacy = min(100.0, max(0.0, n.legitimacy + delta))

    def duties(self) -> set[tuple[str, str]]:
        """Pairs (giver, receiver) where the giver owes support formally: pact partners, patron to client."""
        owed = set()
        for ag in self.state.agreements.values():
            if ag.kind == PACT:
                owed |= {(a, b) for a in ag.members for b in ag.members if a != b}
            elif ag.kind == GUARANTEE:
                owed.add((ag.patron, ag.client))
        return owed

    def support_gain(
        self, giver: str, receiver: str, weight: float = 1.0, duties: set | None = None
    ) -> tuple[float, bool]:
        """Legitimacy `receiver` gains from `giver`'s vote or coalition place, and whether it was owed."""
        rules = self.state.rules
        formal = (giver, receiver) in (self.duties() if duties is None else duties)
        gain = weight * rules.support_legitimacy * (1.0 if formal else rules.informal_support_factor)
        self.adjust_legitimacy(receiver, gain)
        return gain, formal

    def remove_agreement(self, agreement_id: str, why: str) -> None:
        ag = self.state.agreements.pop(agreement_id)
        concept = {PACT: "alliance", GUARANTEE: "asymmetric_alliance", BLOC: "soft_balancing"}[ag.kind]
        if ag.kind == PACT and why == "cohesion gone":
            concept = "end_of_alliances"
        self.log("dissolved", list(ag.members), concept, agreement=ag.id, name=ag.name, kind=ag.kind, why=why)
        self.state.calls = [c for c in self.state.calls if c.agreement != agreement_id]


_ROLES = frozenset(
    (
        "actor",
        "target",
        "giver",
        "receiver",
        "patron",
        "client",
        "sponsor",
        "ally",
        "winner",
        "loser",
        "member",
        "leader",
    )
)
