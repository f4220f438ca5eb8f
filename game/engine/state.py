"""The game state: plain dataclasses that serialize to JSON and back."""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field, fields

from game.engine.codec import from_dict, to_dict

PACT = "pact"
GUARANTEE = "guarantee"
BLOC = "bloc"
AGREEMENT_KINDS = (PACT, GUARANTEE, BLOC)

OBJECTIVES = ("survive", "prosperity", "standing", "hegemony", "prevent_hegemony")


@dataclass
class Rules:
    """Rule constants; the defaults live in game/data/rules.yaml, maps may override them."""

    turn_limit: int
    hegemony_share: float
    hegemony_turns: int
    capital_loss_eliminates: bool
    force_cost: float
    upkeep: float
    development_cost: float
    development_step: float
    trade_bonus: float
    trade_bonus_cap: float
    sanction_cut: float
    sanction_turns: int
    institution_cost: float
    institution_income: float
    institution_legitimacy: float
    institution_shield: float
    defense_bonus: float
    sea_attack_factor: float
    combat_luck: float
    loser_loss: float
    winner_loss: float
    legitimacy_start: float
    war_legitimacy_cost: float
    operation_legitimacy_cost: float
    refusal_legitimacy_cost: float
    leave_pact_legitimacy_cost: float
    withdraw_legitimacy_cost: float
    support_legitimacy: float
    informal_support_factor: float
    condemn_legitimacy: float
    pact_status_legitimacy: float
    legitimacy_recovery: float
    pact_status_threshold: float
    vote_weight_states: int
    cohesion_values_weight: float
    cohesion_threat_weight: float
    cohesion_record_weight: float
    record_start: float
    record_honoured: float
    record_broken: float
    purpose_decay: float
    purpose_floor: float
    threat_floor: float
    threat_reference: float
    mission_cost: float
    enlargement_purpose: float
    free_exit_cohesion: float
    loyalty_threshold: float
    loyalty_window: int
    call_answer_turns: int
    operation_turns: int
    operation_damage: float
    operation_partner_share: float
    authorization_turns: int
    bloc_block_share: float
    power_military_weight: float
    power_economic_weight: float
    pole_share: float
    unipolar_ratio: float
    threat_power_weight: float
    threat_proximity_weight: float
    threat_offense_weight: float
    threat_intent_weight: float
    proximity_decay: float
    aggression_decay: float
    aggression_war: float
    aggression_operation: float
    aggression_attack: float
    intent_record_weight: float
    score_survival: float
    score_territory: float
    score_economy: float
    score_legitimacy: float
    score_objective: float
    score_cap: float
    prosperity_growth: float
    standing_legitimacy: float


@dataclass
class Controller:
    """Who decides for a state: a human, or an AI personality at a difficulty."""

    kind: str = "ai"  # "human" or "ai"
    personality: str = "balance_of_power"
    difficulty: str = "normal"


@dataclass
class Province:
    id: str
    name: str
    pos: list[float]
    production: float
    owner: str
    neighbours: list[str] = field(default_factory=list)  # land and sea, sorted
    sea: list[str] = field(default_factory=list)  # the neighbours reached by sea only


@dataclass
class Nation:
    """A state of the game (named Nation in code to keep 'state' for the game state)."""

    id: str
    name: str
    colour: str
    values: list[float]
    treasury: float
    development: float
    legitimacy: float
    objective: str
    controller: Controller
    capital: str
    alive: bool = True
    aggression: float = 0.0  # the fading record of aggressions
    sanctioned_until: int = 0  # sanctions apply while turn <= this
    start_provinces: int = 0
    start_income: float = 0.0
    hegemony_streak: int = 0
    production_factor: float = 1.0  # scripted shocks multiply production


@dataclass
class Agreement:
    """A defense pact, a security guarantee (patron and one client) or a bloc."""

    id: str
    kind: str
    name: str
    members: list[str]
    patron: str = ""  # guarantees only
    leader: str = ""  # pacts and blocs: the founder, then the longest-standing member
    cohesion: float = 100.0  # pacts only; 0-100
    purpose: float = 1.0  # pacts only: shared threat or mission, 0-1
    renewed: int = 0  # pacts only: the turn a mission or enlargement last renewed the purpose
    honoured: int = 0
    broken: int = 0
    refusers: list[str] = field(default_factory=list)  # members who refused a call to arms
    founded: int = 0
    institution_funds: float = 0.0  # blocs: spent toward the alternative institution
    institution: bool = False  # blocs: the alternative institution is founded

    @property
    def client(self) -> str:
        return next(m for m in self.members if m != self.patron) if self.kind == GUARANTEE else ""


@dataclass
class War:
    id: str
    attackers: list[str]
    defenders: list[str]
    started: int

    def side_of(self, nation: str) -> list[str] | None:
        if nation in self.attackers:
            return self.attackers
        if nation in self.defenders:
            return self.defenders
        return None

    def enemies_of(self, nation: str) -> list[str]:
        if nation in self.attackers:
            return self.defenders
        if nation in self.defenders:
            return self.attackers
        return []


@dataclass
class CallToArms:
    """A state called to defend an attacked partner; it stands in the war unless it refuses in time."""

    war: str
    called: str
    ally: str  # the attacked partner
    agreement: str
    turn: int


@dataclass
class Proposal:
    """A diplomatic proposal waiting for its recipient's answer during the next turn."""

    id: str
    kind: str  # pact, guarantee_offer, guarantee_request, bloc, peace, join_operation
    sender: str
    recipient: str
    turn: int
    agreement: str = ""  # the pact or bloc invited into; empty for a new one
    name: str = ""  # the name of a new pact or bloc
    operation: str = ""


@dataclass
class Operation:
    """An intervention against a state by a leader and the partners who joined it."""

    id: str
    leader: str
    target: str
    strength: dict[str, int]  # committed strength by participant
    started: int
    ends: int
    authorized: bool


@dataclass
class Resolution:
    id: str
    kind: str  # condemn, sanction, authorize
    target: str
    sponsor: str
    tabled: int  # voted during the next turn's Assembly phase
    votes: dict[str, str] = field(default_factory=dict)  # yes, no, abstain
    outcome: str = ""  # passed, failed, vetoed, blocked


@dataclass
class Trigger:
    """The conditions of a conditional scripted event; each one left empty always holds."""

    eliminated: str = ""  # this state is no longer alive
    share_of: str = ""  # this state's power share is ...
    above: float | None = None  # ... more than this
    below: float | None = None  # ... less than this
    first_turn: int = 1
    last_turn: int = 0  # 0: no last turn


@dataclass
class ScriptedEvent:
    turn: int  # 0 for a conditional event
    kind: str  # production_shock, regime_change, values, war, add_state, remove_state, message
    state: str = ""
    target: str = ""  # war: the state attacked; remove_state: the heir
    factor: float = 1.0
    values: list[float] = field(default_factory=list)
    personality: str = ""
    text: str = ""
    concept: str = ""  # the glossary card the event shows, linked from its log line
    when: Trigger | None = None
    fired: bool = False  # a conditional event happens once
    figures: dict[str, float] = field(default_factory=dict)  # values: legitimacy, treasury, development
    objective: str = ""  # values: the new objective
    nation: Nation | None = None  # add_state: the new state
    provinces: list[str] = field(default_factory=list)  # add_state: its provinces
    forces: dict[str, int] = field(default_factory=dict)  # add_state: its forces by province


@dataclass
class GameState:
    scenario_id: str
    title: str
    seed: int
    turn: int
    rules: Rules
    nations: dict[str, Nation]
    provinces: dict[str, Province]
    forces: dict[str, dict[str, int]]  # province -> nation -> strength
    agreements: dict[str, Agreement] = field(default_factory=dict)
    wars: dict[str, War] = field(default_factory=dict)
    calls: list[CallToArms] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    operations: dict[str, Operation] = field(default_factory=dict)
    agenda: list[Resolution] = field(default_factory=list)  # tabled, voted next turn
    resolutions: list[Resolution] = field(default_factory=list)  # decided in the loyalty window
    assembly: bool = True
    veto_holders: list[str] = field(default_factory=list)
    authorizations: dict[str, int] = field(default_factory=dict)  # target -> last turn covered
    script: list[ScriptedEvent] = field(default_factory=list)
    rng: dict = field(default_factory=dict)  # the PCG64 generator state
    next_id: int = 1
    over: bool = False
    winner: str = ""

    def to_dict(self) -> dict:
        return to_dict(self)

    @classmethod
    def from_dict(cls, data: dict) -> GameState:
        return from_dict(cls, data)

    def clone(self) -> GameState:
        """A deep copy for the next turn; the map's fixed parts (names, positions, links) and the rules are shared.

        The engine never changes those shared parts, only a province's owner. The copy is made in memory
        by pickle for speed; saves and records are JSON, never pickle.
        """
        moving = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("provinces", "rules")}
        twin = pickle.loads(pickle.dumps(moving, pickle.HIGHEST_PROTOCOL))
        provinces = {
            k: Province(p.id, p.name, p.pos, p.production, p.owner, p.neighbours, p.sea)
            for k, p in self.provinces.items()
        }
        return GameState(provinces=provinces, rules=self.rules, **twin)

    def new_id(self, prefix: str) -> str:
        ident = f"{prefix}{self.next_id}"
        self.next_id += 1
        return ident

    def living(self) -> list[str]:
        return [n for n, nation in self.nations.items() if nation.alive]

    def owned(self, nation: str) -> list[str]:
        return [p for p, prov in self.provinces.items() if prov.owner == nation]

    def strengths(self) -> dict[str, int]:
        """Total force strength of every state that has any: on the map and in operations."""
        totals = self.deployed()
        for stack in self.forces.values():
            for nation, strength in stack.items():
                totals[nation] = totals.get(nation, 0) + strength
        return totals

    def deployed(self) -> dict[str, int]:
        """Strength each state has committed to operations (off the map, still paid and counted)."""
        totals: dict[str, int] = {}
        for op in self.operations.values():
            for nation, strength in op.strength.items():
                totals[nation] = totals.get(nation, 0) + strength
        return totals

    def strength_of(self, nation: str) -> int:
        """Force strength standing on the map."""
        return sum(stack.get(nation, 0) for stack in self.forces.values())

    def agreements_of(self, nation: str, kind: str | None = None) -> list[Agreement]:
        return [
            a for a in self.agreements.values() if nation in a.members and (kind is None or a.kind == kind)
        ]

    def at_war(self, a: str, b: str) -> bool:
        return any(b in w.enemies_of(a) for w in self.wars.values())

    def enemies(self, nation: str) -> set[str]:
        return {e for w in self.wars.values() for e in w.enemies_of(nation)}

    def defenders_of(self, nation: str) -> list[tuple[str, Agreement]]:
        """States bound to defend `nation`: pact partners and guarantee patrons, with the agreement."""
        bound = []
        for a in self.agreements.values():
            if nation not in a.members:
                continue
            if a.kind == PACT:
                bound += [(m, a) for m in a.members if m != nation]
            elif a.kind == GUARANTEE and a.patron != nation:
                bound.append((a.patron, a))
        return bound

    def partners(self, a: str, b: str) -> bool:
        """Whether a and b share a pact or a guarantee (forces may stand in each other's land)."""
        return any(b in ag.members for ag in self.agreements_of(a) if ag.kind in (PACT, GUARANTEE))

    def authorized_against(self, target: str) -> bool:
        return self.authorizations.get(target, 0) >= self.turn
