"""resolve_turn(state, orders) -> (next state, events): the phases of a turn, in their fixed order."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from game.engine import assembly, combat, diplomacy, economy, metrics, scoring, script
from game.engine.context import Turn
from game.engine.events import Event
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
    check,
    validate,
)
from game.engine.refusals import Refusal
from game.engine.state import GameState

Orders = dict[str, list[Order]]


def start(state: GameState) -> GameState:
    """Note each state's starting territory and income, against which scores are measured."""
    for nation in state.living():
        n = state.nations[nation]
        n.start_provinces = len(state.owned(nation))
        n.start_income = round(metrics.base_income(state, nation), 6)
    return state


def resolve_turn(state: GameState, orders: Orders | Iterable[Order]) -> tuple[GameState, list[Event]]:
    """Resolve one turn from every state's orders; the given state is left untouched."""
    if state.over:
        raise ValueError("the game is over")
    turn = Turn(state.clone(), _generator(state.rng))
    polarity = metrics.compute(state).polarity if state.turn > 1 else ""  # the first turn always says it
    accepted = _accept(turn, orders)
    s = turn.state

    script.run(turn)
    economy.collect_income(turn)  # 1. income

    _apply(turn, accepted, AnswerCall, diplomacy.answer_call)  # 2. diplomacy
    _apply(turn, accepted, Answer, diplomacy.answer)
    _apply(turn, accepted, Leave, diplomacy.leave)
    _apply(turn, accepted, Expel, diplomacy.expel)
    _apply(turn, accepted, FundInstitution, diplomacy.fund_institution)
    _apply(turn, accepted, AdoptMission, diplomacy.adopt_mission)
    diplomacy.lapse_calls(turn)
    diplomacy.expire_proposals(turn)
    _apply(turn, accepted, Propose, diplomacy.register_proposal)

    _apply(turn, accepted, Budget, economy.apply_budget)  # 3. orders: the budget

    _apply(turn, accepted, DeclareWar, combat.declare_war)  # 4. resolution
    combat.resolve_moves(turn, _of(accepted, Move))
    _apply(turn, accepted, Launch, combat.launch)
    combat.run_operations(turn)
    combat.eliminate_defeated(turn)

    if s.assembly:  # 5. the Assembly
        assembly.hold_session(turn, _of(accepted, Vote))
        _apply(turn, accepted, Table, assembly.table)

    _review(turn, polarity)  # 6. review
    s.rng = turn.rng.bit_generator.state
    return s, turn.events


def _generator(saved: dict) -> np.random.Generator:
    bits = np.random.PCG64()
    bits.state = saved
    return np.random.Generator(bits)


def _accept(turn: Turn, orders: Orders | Iterable[Order]) -> list[Order]:
    """Every legal order, states in map order; each rejected order is logged with its reason."""
    if not isinstance(orders, dict):
        grouped: Orders = {}
        for o in orders:
            grouped.setdefault(o.actor, []).append(o)
        orders = grouped
    accepted = []
    for actor in turn.state.nations:
        ok, rejected = validate(turn.state, actor, orders.get(actor, []))
        accepted += ok
        for order, reason in rejected:
            turn.log("order_rejected", [actor], "", **_refused(actor, order, reason))
        for order in ok:
            if order.reason:
                turn.log(
                    "decision",
                    [actor],
                    order.reason.get("concept", ""),
                    actor=actor,
                    order=order.to_dict(),
                    **{k: v for k, v in order.reason.items() if k != "concept"},
                )
    for actor in sorted(set(orders) - set(turn.state.nations)):
        for order in orders[actor]:
            turn.log(
                "order_rejected",
                [],
                "",
                **_refused(actor, order, Refusal("no_state", id=actor)),
            )
    return accepted


def _refused(actor: str, order: Order, reason: Refusal) -> dict:
    """An order's refusal as event data: the reason in English, and as a sentence for other languages."""
    return {"actor": actor, "order": order.to_dict(), "why": str(reason), "why_say": reason.sentence}


def _of(orders: list[Order], kind: type) -> list:
    return [o for o in orders if isinstance(o, kind)]


def _apply(turn: Turn, orders: list[Order], kind: type, handler) -> None:
    """Carry out the orders of one kind; one that events of this turn made void is logged, not applied."""
    for order in _of(orders, kind):
        reason = check(turn.state, order)
        if reason:
            turn.log("order_void", [order.actor], "", **_refused(order.actor, order, reason))
        else:
            handler(turn, order)


def _review(turn: Turn, polarity: str) -> None:
    s, rules = turn.state, turn.state.rules
    for nation in s.living():
        n = s.nations[nation]
        n.aggression = round(n.aggression * rules.aggression_decay, 6)
        gap = rules.legitimacy_start - n.legitimacy
        drift = max(-rules.legitimacy_recovery, min(rules.legitimacy_recovery, gap))
        turn.adjust_legitimacy(nation, drift)
    institution_members = {
        m for a in s.agreements.values() if a.kind == "bloc" and a.institution for m in a.members
    }
    for m in sorted(institution_members):
        turn.adjust_legitimacy(m, rules.institution_legitimacy)
    for ag in list(s.agreements.values()):
        if ag.kind == "pact" and s.nations[ag.leader].legitimacy >= rules.pact_status_threshold:
            for m in ag.members:
                if m != ag.leader:
                    turn.adjust_legitimacy(m, rules.pact_status_legitimacy)
    for war in list(s.wars.values()):
        if not war.attackers or not war.defenders:
            diplomacy.end_war(turn, war, "one side left")
    m = metrics.compute(s)
    if m.polarity != polarity:
        _log_polarity(turn, m)
    diplomacy.update_cohesion(turn, m)
    _return_stranded(s)  # after cohesion: a pact that dissolved sends its guests home
    for nation in s.living():
        n = s.nations[nation]
        n.legitimacy = round(n.legitimacy, 6)
        n.hegemony_streak = n.hegemony_streak + 1 if m.share_of(nation) >= rules.hegemony_share else 0
        if n.hegemony_streak >= rules.hegemony_turns:
            s.over, s.winner = True, nation
            turn.log(
                "hegemony",
                [nation],
                "balance_of_power",
                actor=nation,
                share=round(m.share_of(nation), 3),
                turns=n.hegemony_streak,
            )
    if len(s.living()) <= 1 and not s.over:
        s.over, s.winner = True, s.living()[0] if s.living() else ""
    if s.turn >= rules.turn_limit and not s.over:
        s.over = True
    if s.over:
        table = scoring.scores(s, m)
        s.winner = s.winner or scoring.leader(s, table)
        turn.log(
            "game_over", [s.winner], "", winner=s.winner, scores={k: v["total"] for k, v in table.items()}
        )
    s.turn += 1


def _log_polarity(turn: Turn, m: metrics.Metrics) -> None:
    """Say how power is distributed now: the poles (or the one pole) and their shares."""
    ranked = sorted(range(len(m.ids)), key=lambda i: -m.share[i])
    poles = [i for i in ranked if m.share[i] >= turn.state.rules.pole_share] or ranked[:1]
    poles = poles[:1] if m.polarity == "unipolar" else poles
    shares = ", ".join(f"{turn.name(m.ids[i])} {m.share[i]:.0%}" for i in poles)
    turn.log("polarity", [m.ids[i] for i in poles], "polarity", polarity=m.polarity, poles=shares)


def _return_stranded(s: GameState) -> None:
    """Forces standing where they no longer may (their pact ended) go home to their capital."""
    for prov in sorted(s.forces):
        owner = s.provinces[prov].owner
        for nation in sorted(s.forces.get(prov, {})):
            if nation != owner and not s.partners(nation, owner):
                strength = s.forces[prov][nation]
                economy.place(s, prov, nation, -strength)
                home = s.nations[nation].capital
                if s.provinces[home].owner == nation:
                    economy.place(s, home, nation, strength)
