"""Orders: what a state decides in a turn, their checks with readable reasons, and the legal ones."""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from typing import ClassVar

from game.engine.codec import from_dict
from game.engine.refusals import Refusal
from game.engine.state import BLOC, GUARANTEE, PACT, GameState

PROPOSAL_KINDS = ("pact", "bloc", "guarantee_offer", "guarantee_request", "peace", "join_operation")
RESOLUTION_KINDS = ("condemn", "sanction", "authorize")
VOTES = ("yes", "no", "abstain")
BUDGET_PRESETS = ((0.0, 0.0), (0.5, 0.0), (0.0, 0.5), (0.3, 0.3), (0.8, 0.0), (0.0, 0.8))


@dataclass
class Order:
    """Base of every order: who gives it, and optionally why (a reason key and its numbers)."""

    type: ClassVar[str] = ""
    actor: str
    reason: dict = field(default_factory=dict, kw_only=True)

    def to_dict(self) -> dict:
        """The order as JSON-ready data, its type first (orders hold only flat fields)."""
        data = {"type": self.type}
        for name in _field_names(type(self)):
            value = getattr(self, name)
            data[name] = value.copy() if isinstance(value, (list, dict)) else value
        return data


@dataclass
class Propose(Order):
    """Propose a pact or bloc (new, or an invitation into `agreement`), a guarantee, peace, or joining an operation."""

    type: ClassVar[str] = "propose"
    kind: str
    to: str
    agreement: str = ""
    name: str = ""
    operation: str = ""


@dataclass
class Answer(Order):
    type: ClassVar[str] = "answer"
    proposal: str
    accept: bool


@dataclass
class AnswerCall(Order):
    """Answer a call to arms: stand with the attacked partner, or refuse and leave the war."""

    type: ClassVar[str] = "answer_call"
    war: str
    join: bool


@dataclass
class Leave(Order):
    """Leave a pact or bloc; for a guarantee, the patron withdraws it or the client renounces it."""

    type: ClassVar[str] = "leave"
    agreement: str


@dataclass
class Expel(Order):
    """A pact's leader expels a member that refused a call to arms."""

    type: ClassVar[str] = "expel"
    agreement: str
    target: str


@dataclass
class FundInstitution(Order):
    type: ClassVar[str] = "fund_institution"
    agreement: str
    amount: float


@dataclass
class AdoptMission(Order):
    """A pact's leader pays for a crisis-management mission that restores the pact's purpose."""

    type: ClassVar[str] = "adopt_mission"
    agreement: str


@dataclass
class Table(Order):
    """Table a resolution in the Assembly; it is voted during the next turn."""

    type: ClassVar[str] = "table"
    kind: str
    target: str


@dataclass
class Vote(Order):
    type: ClassVar[str] = "vote"
    resolution: str
    vote: str


@dataclass
class Budget(Order):
    """Spend shares of the treasury on new forces (placed at `at`, default the capital) and development."""

    type: ClassVar[str] = "budget"
    forces: float
    development: float
    at: str = ""


@dataclass
class Move(Order):
    type: ClassVar[str] = "move"
    source: str
    dest: str
    strength: int


@dataclass
class DeclareWar(Order):
    type: ClassVar[str] = "declare_war"
    target: str


@dataclass
class Launch(Order):
    """Launch an intervention against a state with some strength, asking partners to join it."""

    type: ClassVar[str] = "launch"
    target: str
    strength: int
    ask: list[str] = field(default_factory=list)


ORDER_TYPES: dict[str, type[Order]] = {
    cls.type: cls
    for cls in (
        Propose,
        Answer,
        AnswerCall,
        Leave,
        Expel,
        FundInstitution,
        AdoptMission,
        Table,
        Vote,
        Budget,
        Move,
        DeclareWar,
        Launch,
    )
}


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


class OrderError(ValueError):
    """An order that cannot be read; its message is for the player."""


def order_from_dict(data: object) -> Order:
    if not isinstance(data, dict):
        raise OrderError("an order must be an object with a 'type'")
    kind = data.get("type")
    cls = ORDER_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise OrderError(f"unknown order type {kind!r}; known: {', '.join(ORDER_TYPES)}")
    try:
        return from_dict(cls, {k: v for k, v in data.items() if k != "type"})
    except ValueError as exc:
        raise OrderError(f"bad {kind} order: {exc}") from None


@dataclass
class Plan:
    """What a state's already accepted orders of this turn commit, for checking the next ones."""

    moved: dict[str, int] = field(default_factory=dict)
    wars: set[str] = field(default_factory=set)
    spent: float = 0.0
    committed: int = 0
    missions: int = 0  # new missions adopted (each costs rules.mission_cost)
    budget: bool = False
    tabled: bool = False
    voted: set[str] = field(default_factory=set)
    answered: set[str] = field(default_factory=set)
    proposed: set[tuple[str, str, str]] = field(default_factory=set)


def check(state: GameState, order: Order, plan: Plan | None = None) -> Refusal | None:
    """Why `order` is illegal now, or None when it may be given."""
    plan = plan or Plan()
    nation = state.nations.get(order.actor)
    if nation is None:
        return Refusal("no_state", id=order.actor)
    if not nation.alive:
        return Refusal("eliminated", name=nation.name)
    if state.over:
        return Refusal("game_over")
    return _CHECKS[order.type](state, order, plan)


def record(plan: Plan, order: Order) -> None:
    """Note in `plan` what an accepted order commits."""
    if isinstance(order, Move):
        plan.moved[order.source] = plan.moved.get(order.source, 0) + order.strength
    elif isinstance(order, DeclareWar):
        plan.wars.add(order.target)
    elif isinstance(order, FundInstitution):
        plan.spent += order.amount
    elif isinstance(order, AdoptMission):
        plan.missions += 1
    elif isinstance(order, Launch):
        plan.committed += order.strength
    elif isinstance(order, Budget):
        plan.budget = True
    elif isinstance(order, Table):
        plan.tabled = True
    elif isinstance(order, Vote):
        plan.voted.add(order.resolution)
    elif isinstance(order, (Answer, AnswerCall)):
        plan.answered.add(order.proposal if isinstance(order, Answer) else order.war)
    elif isinstance(order, Propose):
        plan.proposed.add((order.kind, order.to, order.agreement or order.operation))


def validate(
    state: GameState, actor: str, orders: list[Order]
) -> tuple[list[Order], list[tuple[Order, Refusal]]]:
    """Split one state's orders into the accepted and the rejected with their reasons, in order."""
    plan, accepted, rejected = Plan(), [], []
    for order in orders:
        reason = (
            Refusal("not_yours", owner=order.actor, actor=actor)
            if order.actor != actor
            else check(state, order, plan)
        )
        if reason:
            rejected.append((order, reason))
        else:
            record(plan, order)
            accepted.append(order)
    return accepted, rejected


def _name(state: GameState, nation: str) -> str:
    return state.nations[nation].name if nation in state.nations else nation


def _living_other(state: GameState, actor: str, target: str) -> Refusal | None:
    if target == actor:
        return Refusal("self")
    other = state.nations.get(target)
    if other is None:
        return Refusal("no_state", id=target)
    if not other.alive:
        return Refusal("eliminated", name=other.name)
    return None


def _check_propose(state: GameState, o: Propose, plan: Plan) -> Refusal | None:
    if o.kind not in PROPOSAL_KINDS:
        return Refusal("unknown_proposal", kind=o.kind, kinds=", ".join(PROPOSAL_KINDS))
    reason = _living_other(state, o.actor, o.to)
    if reason:
        return reason
    if (o.kind, o.to, o.agreement or o.operation) in plan.proposed:
        return Refusal("proposed_already")
    target = _name(state, o.to)
    if o.kind in (PACT, BLOC):
        if o.agreement:
            ag = state.agreements.get(o.agreement)
            if ag is None or ag.kind != o.kind:
                return Refusal("no_agreement", kind=o.kind, id=o.agreement)
            if o.actor not in ag.members:
                return Refusal("members_invite", agreement=ag.name)
            if o.to in ag.members:
                return Refusal("member_already", name=target, agreement=ag.name)
        if o.kind == PACT:
            members = state.agreements[o.agreement].members if o.agreement else [o.actor]
            foe = next((m for m in members if state.at_war(o.to, m)), None)
            if foe:
                return Refusal("member_at_war", name=target, foe=_name(state, foe))
        return None
    if o.kind in ("guarantee_offer", "guarantee_request"):
        patron, client = (o.actor, o.to) if o.kind == "guarantee_offer" else (o.to, o.actor)
        if state.at_war(patron, client):
            return Refusal("peace_first", name=target)
        if any(a.patron == patron and client in a.members for a in state.agreements_of(client, GUARANTEE)):
            return Refusal("guarantees_already", patron=_name(state, patron), client=_name(state, client))
        if any(a.patron == client and patron in a.members for a in state.agreements_of(patron, GUARANTEE)):
            return Refusal("guarantees_already", patron=_name(state, client), client=_name(state, patron))
        return None
    if o.kind == "peace":
        return None if state.at_war(o.actor, o.to) else Refusal("no_war", name=target)
    op = state.operations.get(o.operation)
    if op is None:
        return Refusal("no_operation", id=o.operation)
    if op.leader != o.actor:
        return Refusal("operation_leader")
    if o.to in op.strength or o.to == op.target or state.partners(o.to, op.target):
        return Refusal("cannot_join", name=target)
    return None


def _check_answer(state: GameState, o: Answer, plan: Plan) -> Refusal | None:
    prop = next((p for p in state.proposals if p.id == o.proposal), None)
    if prop is None or prop.recipient != o.actor or prop.turn != state.turn - 1:
        return Refusal("no_proposal", id=o.proposal)
    if o.proposal in plan.answered:
        return Refusal("answered")
    return None


def _check_answer_call(state: GameState, o: AnswerCall, plan: Plan) -> Refusal | None:
    if not any(c.war == o.war and c.called == o.actor for c in state.calls):
        return Refusal("no_call", id=o.war)
    if o.war in plan.answered:
        return Refusal("call_answered")
    return None


def _member_agreement(state: GameState, o: Leave | Expel | FundInstitution | AdoptMission):
    ag = state.agreements.get(o.agreement)
    if ag is None or o.actor not in ag.members:
        return None, Refusal("not_member", id=o.agreement)
    return ag, None


def _check_leave(state: GameState, o: Leave, plan: Plan) -> Refusal | None:
    return _member_agreement(state, o)[1]


def _check_expel(state: GameState, o: Expel, plan: Plan) -> Refusal | None:
    ag, reason = _member_agreement(state, o)
    if reason:
        return reason
    if ag.kind != PACT or ag.leader != o.actor:
        return Refusal("expel_leader")
    if o.target not in ag.members or o.target not in ag.refusers:
        return Refusal("not_refused", name=_name(state, o.target), agreement=ag.name)
    return None


def _check_fund(state: GameState, o: FundInstitution, plan: Plan) -> Refusal | None:
    ag, reason = _member_agreement(state, o)
    if reason:
        return reason
    if ag.kind != BLOC:
        return Refusal("blocs_only")
    if ag.institution:
        return Refusal("founded", agreement=ag.name)
    if not o.amount > 0:
        return Refusal("amount")
    if o.amount + _spent(state, plan) > state.nations[o.actor].treasury:
        return Refusal("treasury")
    return None


def _spent(state: GameState, plan: Plan) -> float:
    """The treasury this turn's accepted orders already spend: institution funds and new missions."""
    return plan.spent + plan.missions * state.rules.mission_cost


def _check_mission(state: GameState, o: AdoptMission, plan: Plan) -> Refusal | None:
    ag, reason = _member_agreement(state, o)
    if reason:
        return reason
    if ag.kind != PACT or ag.leader != o.actor:
        return Refusal("mission_leader")
    if state.nations[o.actor].treasury - _spent(state, plan) < state.rules.mission_cost:
        return Refusal("mission_cost", cost=state.rules.mission_cost)
    return None


def _check_table(state: GameState, o: Table, plan: Plan) -> Refusal | None:
    if not state.assembly:
        return Refusal("no_assembly")
    if o.kind not in RESOLUTION_KINDS:
        return Refusal("unknown_resolution", kind=o.kind, kinds=", ".join(RESOLUTION_KINDS))
    if plan.tabled:
        return Refusal("tabled")
    return _living_other(state, o.actor, o.target)


def _check_vote(state: GameState, o: Vote, plan: Plan) -> Refusal | None:
    if o.vote not in VOTES:
        return Refusal("vote_kind", votes=", ".join(VOTES))
    res = next((r for r in state.agenda if r.id == o.resolution), None)
    if res is None:
        return Refusal("not_on_agenda", id=o.resolution)
    if o.actor == res.sponsor:
        return Refusal("sponsor")
    if o.actor == res.target:
        return Refusal("target")
    if o.resolution in plan.voted:
        return Refusal("voted")
    return None


def _check_budget(state: GameState, o: Budget, plan: Plan) -> Refusal | None:
    if plan.budget:
        return Refusal("one_budget")
    if not (0 <= o.forces <= 1 and 0 <= o.development <= 1):
        return Refusal("shares")
    if o.forces + o.development > 1 + 1e-9:
        return Refusal("whole")
    if o.at and (o.at not in state.provinces or state.provinces[o.at].owner != o.actor):
        return Refusal("raise_at", id=o.at)
    return None


def move_kind(state: GameState, actor: str, dest: str, wars: set[str] = frozenset()) -> str | None:
    """'reinforce' or 'attack' when `actor` may move into `dest`, else None."""
    owner = state.provinces[dest].owner
    if owner == actor or state.partners(actor, owner):
        return "reinforce"
    if state.at_war(actor, owner) or owner in wars:
        return "attack"
    return None


def _check_move(state: GameState, o: Move, plan: Plan) -> Refusal | None:
    if o.source not in state.provinces or o.dest not in state.provinces:
        return Refusal("unknown_province")
    if o.dest not in state.provinces[o.source].neighbours:
        return Refusal("not_next", dest=state.provinces[o.dest].name, source=state.provinces[o.source].name)
    if isinstance(o.strength, bool) or o.strength < 1:
        return Refusal("move_one")
    here = state.forces.get(o.source, {}).get(o.actor, 0) - plan.moved.get(o.source, 0)
    if o.strength > here:
        return Refusal("strength_left", here=here, source=state.provinces[o.source].name)
    if move_kind(state, o.actor, o.dest, plan.wars) is None:
        owner = _name(state, state.provinces[o.dest].owner)
        return Refusal("not_at_war", name=owner)
    return None


def _check_war(state: GameState, o: DeclareWar, plan: Plan) -> Refusal | None:
    reason = _living_other(state, o.actor, o.target)
    if reason:
        return reason
    target = _name(state, o.target)
    if state.at_war(o.actor, o.target) or o.target in plan.wars:
        return Refusal("war_already", name=target)
    if state.partners(o.actor, o.target):
        return Refusal("bound_leave", name=target)
    return None


def _check_launch(state: GameState, o: Launch, plan: Plan) -> Refusal | None:
    reason = _living_other(state, o.actor, o.target)
    if reason:
        return reason
    if state.partners(o.actor, o.target):
        return Refusal("bound", name=_name(state, o.target))
    if isinstance(o.strength, bool) or o.strength < 1:
        return Refusal("commit_one")
    free = state.strength_of(o.actor) - plan.committed - sum(plan.moved.values())
    if o.strength > free:
        return Refusal("free", free=free)
    if any(op.leader == o.actor and op.target == o.target for op in state.operations.values()):
        return Refusal("lead_already")
    return None


_CHECKS = {
    "propose": _check_propose,
    "answer": _check_answer,
    "answer_call": _check_answer_call,
    "leave": _check_leave,
    "expel": _check_expel,
    "fund_institution": _check_fund,
    "adopt_mission": _check_mission,
    "table": _check_table,
    "vote": _check_vote,
    "budget": _check_budget,
    "move": _check_move,
    "declare_war": _check_war,
    "launch": _check_launch,
}


def candidate_orders(state: GameState, actor: str) -> list[Order]:
    """Representative orders a state might give (not yet checked)."""
    others = [n for n in state.living() if n != actor]
    out: list[Order] = []
    for p in state.proposals:
        if p.recipient == actor and p.turn == state.turn - 1:
            out += [Answer(actor, p.id, True), Answer(actor, p.id, False)]
    for c in state.calls:
        if c.called == actor:
            out += [AnswerCall(actor, c.war, True), AnswerCall(actor, c.war, False)]
    for other in others:
        out += [
            Propose(actor, PACT, other),
            Propose(actor, BLOC, other),
            Propose(actor, "guarantee_offer", other),
            Propose(actor, "guarantee_request", other),
            Propose(actor, "peace", other),
            DeclareWar(actor, other),
            Launch(actor, other, max(1, state.strength_of(actor) // 2)),
        ]
        out += [Table(actor, kind, other) for kind in RESOLUTION_KINDS]
    for ag in state.agreements_of(actor):
        out.append(Leave(actor, ag.id))
        out += [Propose(actor, ag.kind, o, agreement=ag.id) for o in others if ag.kind != GUARANTEE]
        out += [Expel(actor, ag.id, r) for r in ag.refusers]
        out.append(AdoptMission(actor, ag.id))
        out.append(FundInstitution(actor, ag.id, min(5.0, state.nations[actor].treasury)))
    for op in state.operations.values():
        out += [Propose(actor, "join_operation", o, operation=op.id) for o in others]
    for res in state.agenda:
        out += [Vote(actor, res.id, v) for v in VOTES]
    out += [Budget(actor, f, d) for f, d in BUDGET_PRESETS]
    for prov, stack in state.forces.items():
        here = stack.get(actor, 0)
        if here:
            for dest in state.provinces[prov].neighbours:
                out += [Move(actor, prov, dest, s) for s in sorted({here, max(1, here // 2)})]
    return out


def legal_orders(state: GameState, actor: str) -> list[Order]:
    """Every representative order `actor` may give now, each legal on its own."""
    return [o for o in candidate_orders(state, actor) if check(state, o) is None]
