"""What a player may do in diplomacy and what a war would bring, in words from the catalog (no pygame)."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.orders import Answer, AnswerCall, Leave, Order, Plan, Propose, check
from game.engine.state import BLOC, GUARANTEE, PACT, GameState
from game.ui.order_text import kind_text
from game.ui.text import t


@dataclass
class Choice:
    """One diplomatic order offered to the player, with what it commits them to."""

    label: str
    meaning: str
    order: Order


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
