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

    def formal_duty(self, giver: str, receiver: str) -> bool:
        """Whether `giver` owes `receiver` support formally: a pact partner or its guarantor."""
        for ag in self.state.agreements_of(giver):
            if receiver not in ag.members:
                continue
            if ag.kind == PACT or (ag.kind == GUARANTEE and ag.patron == giver):
                return True
        return False

    def support_gain(self, giver: str, receiver: str, weight: float = 1.0) -> tuple[float, bool]:
        """Legitimacy `receiver` gains from `giver`'s vote or coalition place, and whether it was owed."""
        rules = self.state.rules
        formal = self.formal_duty(giver, receiver)
        gain = weight * rules.support_legitimacy * (1.0 if formal else rules.informal_support_factor)
        self.adjust_legitimacy(receiver, gain)
        return gain, formal

    def remove_agreement(self, agreement_id: str, why: str) -> None:
        ag = self.state.agreements.pop(agreement_id)
        concept = {PACT: "end_of_alliances", GUARANTEE: "asymmetric_alliance", BLOC: "soft_balancing"}[
            ag.kind
        ]
        self.log("dissolved", list(ag.members), concept, agreement=ag.id, name=ag.name, kind=ag.kind, why=why)
        self.state.calls = [c for c in self.state.calls if c.agreement != agreement_id]


_ROLES = (
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
