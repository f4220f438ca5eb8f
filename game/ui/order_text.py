"""Orders in the player's words, from the catalog."""

from __future__ import annotations

from game.engine.orders import (
    AdoptMission,
    Answer,
    AnswerCall,
    Budget,
    DeclareWar,
    Expel,
    FundInstitution,
    Launch,
    Leave,
    Move,
    Order,
    Propose,
    Table,
    Vote,
    move_kind,
)
from game.engine.state import GameState
from game.text import catalog
from game.ui.text import language, t


def kind_text(kind: str) -> str:
    return catalog(language()).get("kinds", {}).get(kind) or catalog("en")["kinds"].get(kind, kind)


def name(state: GameState, nation: str) -> str:
    return state.nations[nation].name if nation in state.nations else nation


def resolution(state: GameState, kind: str, target: str) -> str:
    """A resolution's title: 'Sanctions on Varonia'."""
    text = t("assembly.resolution", what=kind_text(kind), target=name(state, target))
    return text[:1].upper() + text[1:]


def describe(order: Order, state: GameState, declared: frozenset[str] | set[str] = frozenset()) -> str:
    """One line saying what an order does (`declared`: states the actor declares war on this turn)."""
    if isinstance(order, Move):
        src, dst = state.provinces[order.source].name, state.provinces[order.dest].name
        key = (
            "orders.attack"
            if move_kind(state, order.actor, order.dest, set(declared)) == "attack"
            else "orders.move"
        )
        return t(key, strength=order.strength, source=src, dest=dst)
    if isinstance(order, Budget):
        return t(
            "orders.budget", forces=round(order.forces * 100), development=round(order.development * 100)
        )
    if isinstance(order, DeclareWar):
        return t("orders.declare_war", target=name(state, order.target))
    if isinstance(order, Propose):
        return t("orders.propose", kind=kind_text(order.kind).capitalize(), target=name(state, order.to))
    if isinstance(order, Answer):
        prop = next((p for p in state.proposals if p.id == order.proposal), None)
        kind, sender = (prop.kind, name(state, prop.sender)) if prop else ("?", "?")
        return t(
            "orders.answer_yes" if order.accept else "orders.answer_no", kind=kind_text(kind), target=sender
        )
    if isinstance(order, AnswerCall):
        return t("orders.answer_call_yes" if order.join else "orders.answer_call_no", war=order.war)
    if isinstance(order, Leave):
        ag = state.agreements.get(order.agreement)
        return t("orders.leave", name=ag.name if ag else order.agreement)
    if isinstance(order, Vote):
        res = next((r for r in state.agenda if r.id == order.resolution), None)
        what = resolution(state, res.kind, res.target) if res else order.resolution
        return t("orders.vote", vote=t(f"assembly.{order.vote}"), resolution=what)
    if isinstance(order, Table):
        return t("orders.table", resolution=resolution(state, order.kind, order.target))
    if isinstance(order, Launch):
        partners = ", ".join(name(state, n) for n in order.ask)
        key = "orders.launch_ask" if partners else "orders.launch"
        return t(key, target=name(state, order.target), strength=order.strength, partners=partners)
    if isinstance(order, (Expel, FundInstitution, AdoptMission)):
        ag = state.agreements.get(order.agreement)
        pact = ag.name if ag else order.agreement
        if isinstance(order, Expel):
            return t("orders.expel_order", target=name(state, order.target), name=pact)
        if isinstance(order, FundInstitution):
            return t("orders.fund_order", name=pact, amount=order.amount)
        return t("orders.mission_order", name=pact)
    return t("orders.other", type=order.type)
