"""What a player may do in diplomacy and what a war would bring, in words from the catalog (no pygame)."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.orders import (
    AdoptMission,
    Answer,
    AnswerCall,
    Expel,
    FundInstitution,
    Leave,
    Order,
    Plan,
    Propose,
    check,
)
from game.engine.state import BLOC, GUARANTEE, PACT, GameState
from game.ui.order_text import kind_text
from game.ui.text import t


@dataclass
class Choice:
    """One diplomatic order offered to the player, with what it commits them to (and why not, if it may not)."""

    label: str
    meaning: str
    order: Order
    reason: str | None = None  # the engine's reason when the order is not legal now

    @property
    def item(self) -> str:
        """The choice as listed: a mark before one that may not be given now."""
        return self.label if self.reason is None else t("orders.not_now_item", label=self.label)


def _name(state: GameState, nation: str) -> str:
    return state.nations[nation].name


def pending_choices(state: GameState, me: str) -> list[Choice]:
    """Answers to proposals and calls to arms waiting for `me`."""
    out = []
    for p in state.proposals:
        if p.recipient != me or p.turn != state.turn - 1:
            continue
        what, sender = kind_text(p.kind), _name(state, p.sender)
        meaning = t("diplomacy.means_accept", meaning=_meaning_of_proposal(state, p.kind))
        out.append(Choice(t("diplomacy.accept", what=what, sender=sender), meaning, Answer(me, p.id, True)))
        out.append(
            Choice(
                t("diplomacy.decline", what=what, sender=sender),
                t("diplomacy.means_decline"),
                Answer(me, p.id, False),
            )
        )
    for c in state.calls:
        if c.called != me:
            continue
        ally = _name(state, c.ally)
        out.append(
            Choice(
                t("diplomacy.join_call", ally=ally),
                t("diplomacy.means_join_call"),
                AnswerCall(me, c.war, True),
            )
        )
        refuse = t("diplomacy.means_refuse_call", cost=state.rules.refusal_legitimacy_cost)
        out.append(Choice(t("diplomacy.refuse_call", ally=ally), refuse, AnswerCall(me, c.war, False)))
    return out


def _meaning_of_proposal(state: GameState, kind: str) -> str:
    """What accepting a proposal of this kind commits its recipient to."""
    key = {
        PACT: "means_pact",
        BLOC: "means_bloc",
        "guarantee_offer": "means_request_guarantee",
        "guarantee_request": "means_offer_guarantee",
        "peace": "means_peace",
    }.get(kind, "means_decline")
    return t(f"diplomacy.{key}")


def offer_choices(state: GameState, me: str, target: str) -> list[Choice]:
    """Proposals `me` may make to `target`."""
    who = _name(state, target)
    out = [
        Choice(t("diplomacy.propose_pact", target=who), t("diplomacy.means_pact"), Propose(me, PACT, target))
    ]
    out += [
        Choice(
            t("diplomacy.invite_pact", target=who, name=a.name),
            t("diplomacy.means_invite_pact"),
            Propose(me, PACT, target, agreement=a.id),
        )
        for a in state.agreements_of(me, PACT)
    ]
    out.append(
        Choice(t("diplomacy.propose_bloc", target=who), t("diplomacy.means_bloc"), Propose(me, BLOC, target))
    )
    out += [
        Choice(
            t("diplomacy.invite_bloc", target=who, name=a.name),
            t("diplomacy.means_bloc"),
            Propose(me, BLOC, target, agreement=a.id),
        )
        for a in state.agreements_of(me, BLOC)
    ]
    out.append(
        Choice(
            t("diplomacy.offer_guarantee", target=who),
            t("diplomacy.means_offer_guarantee"),
            Propose(me, "guarantee_offer", target),
        )
    )
    out.append(
        Choice(
            t("diplomacy.request_guarantee", target=who),
            t("diplomacy.means_request_guarantee"),
            Propose(me, "guarantee_request", target),
        )
    )
    out.append(
        Choice(
            t("diplomacy.propose_peace", target=who), t("diplomacy.means_peace"), Propose(me, "peace", target)
        )
    )
    return out


def leave_choices(state: GameState, me: str) -> list[Choice]:
    """Agreements `me` may leave, with what leaving costs."""
    rules = state.rules
    out = []
    for a in state.agreements_of(me):
        if a.kind == PACT:
            meaning = t("diplomacy.means_leave_pact", cost=rules.leave_pact_legitimacy_cost)
        elif a.kind == BLOC:
            meaning = t("diplomacy.means_leave_bloc")
        elif a.kind == GUARANTEE and a.patron == me:
            meaning = t("diplomacy.means_leave_guarantee_patron", cost=rules.withdraw_legitimacy_cost)
        else:
            meaning = t("diplomacy.means_leave_guarantee_client")
        out.append(Choice(t("diplomacy.leave", name=a.name), meaning, Leave(me, a.id)))
    return out


def legal(state: GameState, choices: list[Choice], plan: Plan) -> list[Choice]:
    """The choices whose order the engine accepts now."""
    return [c for c in choices if check(state, c.order, plan) is None]


def checked(state: GameState, choices: list[Choice], plan: Plan) -> list[Choice]:
    """Every choice, each with the engine's reason when its order may not be given now."""
    for c in choices:
        c.reason = check(state, c.order, plan)
    return choices


def agreement_choices(state: GameState, me: str, target: str | None) -> list[Choice]:
    """What `me` may do for its agreements: a new mission for a pact, funds for a bloc's institution,
    expelling `target` from a pact, asking `target` into an operation `me` leads (legal or not)."""
    rules, out = state.rules, []
    for a in state.agreements_of(me, PACT):
        meaning = t("orders.means_mission", cost=rules.mission_cost, purpose=round(a.purpose * 100))
        out.append(
            Choice(t("orders.mission", name=a.name, cost=rules.mission_cost), meaning, AdoptMission(me, a.id))
        )
    treasury = state.nations[me].treasury
    for a in state.agreements_of(me, BLOC):
        need = max(0.0, rules.institution_cost - a.institution_funds)
        for amount in sorted(
            {max(1.0, round(min(treasury, need))), max(1.0, round(min(treasury, need) / 2))}
        ):
            meaning = t(
                "orders.means_fund",
                funds=round(a.institution_funds, 1),
                cost=rules.institution_cost,
                income=rules.institution_income,
                legitimacy=rules.institution_legitimacy,
                shield=round(rules.institution_shield * 100),
            )
            label = t("orders.fund", amount=amount, name=a.name)
            out.append(Choice(label, meaning, FundInstitution(me, a.id, amount)))
    if target is None:
        return out
    who = _name(state, target)
    for a in state.agreements_of(me, PACT):
        if target in a.members:
            meaning = t("orders.means_expel", target=who, name=a.name)
            out.append(Choice(t("orders.expel", target=who, name=a.name), meaning, Expel(me, a.id, target)))
    for op in state.operations.values():
        if op.leader == me:
            meaning = t("orders.means_ask", target=who, share=round(rules.operation_partner_share * 100))
            label = t("orders.ask_join", target=who, against=_name(state, op.target))
            out.append(Choice(label, meaning, Propose(me, "join_operation", target, operation=op.id)))
    return out


@dataclass
class OperationPreview:
    """What launching an operation against `target` commits `me` to, and whom it may ask to join."""

    cost: float
    authorized: bool
    free: int  # strength `me` may commit
    askable: list[tuple[str, str]]  # (state id, name) of states that may be asked to join


def operation_preview(state: GameState, me: str, target: str, plan: Plan) -> OperationPreview:
    authorized = state.authorized_against(target)
    free = state.strength_of(me) - plan.committed - sum(plan.moved.values())
    askable = [
        (n, _name(state, n))
        for n in state.living()
        if n not in (me, target) and not state.partners(n, target)
    ]
    return OperationPreview(
        0.0 if authorized else state.rules.operation_legitimacy_cost, authorized, free, askable
    )


def operation_meaning(state: GameState, target: str, preview: OperationPreview) -> str:
    """The commitment of an operation in words: its legitimacy cost, how long it lasts, what it does."""
    rules, who = state.rules, _name(state, target)
    cost = (
        t("operation.authorized", target=who)
        if preview.authorized
        else t("operation.cost", cost=preview.cost)
    )
    return t(
        "operation.means",
        cost=cost,
        turns=rules.operation_turns,
        damage=round(rules.operation_damage * 100),
        target=who,
        share=round(rules.operation_partner_share * 100),
    )


@dataclass
class WarPreview:
    """What declaring war on `target` costs and who is bound to fight on its side."""

    cost: float
    authorized: bool
    defenders: list[tuple[str, str]]  # state name, agreement name


def war_preview(state: GameState, me: str, target: str) -> WarPreview:
    authorized = state.authorized_against(target)
    seen: set[str] = set()
    defenders = []
    for ally, ag in sorted(state.defenders_of(target), key=lambda x: (x[0], x[1].id)):
        if ally != me and ally not in seen and state.nations[ally].alive:
            seen.add(ally)
            defenders.append((_name(state, ally), ag.name))
    return WarPreview(0.0 if authorized else state.rules.war_legitimacy_cost, authorized, defenders)
