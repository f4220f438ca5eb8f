"""Pacts, guarantees and blocs: proposals and answers, leaving, calls to arms, cohesion, missions."""

from __future__ import annotations

import numpy as np

from game.engine.context import Turn
from game.engine.metrics import Metrics
from game.engine.orders import AdoptMission, Answer, AnswerCall, Expel, FundInstitution, Leave, Propose
from game.engine.state import BLOC, GUARANTEE, PACT, Agreement, CallToArms, GameState, Proposal, Rules, War


def register_proposal(turn: Turn, order: Propose) -> None:
    state = turn.state
    prop = Proposal(
        id=state.new_id("p"),
        kind=order.kind,
        sender=order.actor,
        recipient=order.to,
        turn=state.turn,
        agreement=order.agreement,
        name=order.name,
        operation=order.operation,
    )
    state.proposals.append(prop)
    turn.log(
        "proposed",
        [order.actor, order.to],
        _PROPOSAL_CONCEPT[order.kind],
        actor=order.actor,
        target=order.to,
        kind=order.kind,
        proposal=prop.id,
        agreement=order.agreement,
    )


_PROPOSAL_CONCEPT = {
    "pact": "alliance",
    "bloc": "soft_balancing",
    "guarantee_offer": "asymmetric_alliance",
    "guarantee_request": "asymmetric_alliance",
    "peace": "",
    "join_operation": "legitimacy",
}


def answer(turn: Turn, order: Answer) -> None:
    state = turn.state
    prop = next(p for p in state.proposals if p.id == order.proposal)
    state.proposals.remove(prop)
    turn.log(
        "answered",
        [order.actor, prop.sender],
        _PROPOSAL_CONCEPT[prop.kind],
        actor=order.actor,
        target=prop.sender,
        kind=prop.kind,
        accept=order.accept,
        proposal=prop.id,
    )
    if order.accept:
        _ACCEPT[prop.kind](turn, prop)


def _accept_membership(turn: Turn, prop: Proposal) -> None:
    state = turn.state
    if prop.kind == PACT and any(state.at_war(prop.recipient, m) for m in _members(state, prop)):
        return
    ag = state.agreements.get(prop.agreement)
    if ag is None or prop.sender not in ag.members:
        if prop.agreement:
            return  # the agreement dissolved, or the sender left it
        ag = Agreement(
            id=state.new_id(prop.kind),
            kind=prop.kind,
            name=prop.name or _default_name(turn, prop),
            members=[prop.sender],
            leader=prop.sender,
            founded=state.turn,
            renewed=state.turn,
        )
        state.agreements[ag.id] = ag
        turn.log(
            "founded",
            [prop.sender, prop.recipient],
            _concept(ag),
            agreement=ag.id,
            name=ag.name,
            kind=ag.kind,
            leader=prop.sender,
        )
    if prop.recipient in ag.members:
        return
    ag.members.append(prop.recipient)
    turn.log(
        "joined",
        [prop.recipient],
        _concept(ag),
        member=prop.recipient,
        agreement=ag.id,
        name=ag.name,
        kind=ag.kind,
    )
    if ag.kind == PACT and len(ag.members) > 2:
        ag.purpose, ag.renewed = max(ag.purpose, state.rules.enlargement_purpose), state.turn
        turn.log(
            "enlarged",
            ag.members,
            "end_of_alliances",
            agreement=ag.id,
            name=ag.name,
            purpose=round(ag.purpose, 2),
        )


def guarantee_name(patron: str, client: str) -> str:
    """The name of a guarantee from the two states' names: "Varonia's guarantee to Isla"."""
    owner = patron + ("'" if patron.endswith("s") else "'s")
    return f"{owner} guarantee to {client}"


def _members(state, prop: Proposal) -> list[str]:
    """The states a recipient would join: the agreement's members, or the sender of a new one."""
    ag = state.agreements.get(prop.agreement)
    return list(ag.members) if ag else [prop.sender]


def _default_name(turn: Turn, prop: Proposal) -> str:
    word = "Pact" if prop.kind == PACT else "Forum"
    return f"{turn.name(prop.sender)}–{turn.name(prop.recipient)} {word}"


def _concept(ag: Agreement) -> str:
    return {PACT: "alliance", GUARANTEE: "asymmetric_alliance", BLOC: "soft_balancing"}[ag.kind]


def _accept_guarantee(turn: Turn, prop: Proposal) -> None:
    state = turn.state
    patron, client = (
        (prop.sender, prop.recipient) if prop.kind == "guarantee_offer" else (prop.recipient, prop.sender)
    )
    if state.at_war(patron, client) or any(
        a.patron in (patron, client) and {patron, client} <= set(a.members)
        for a in state.agreements_of(client, GUARANTEE)
    ):
        return
    ag = Agreement(
        id=state.new_id("guarantee"),
        kind=GUARANTEE,
        name=guarantee_name(turn.name(patron), turn.name(client)),
        members=[patron, client],
        patron=patron,
        founded=state.turn,
    )
    state.agreements[ag.id] = ag
    turn.log(
        "guaranteed", [patron, client], "asymmetric_alliance", patron=patron, client=client, agreement=ag.id
    )


def _accept_peace(turn: Turn, prop: Proposal) -> None:
    make_peace(turn, prop.sender, prop.recipient)


def make_peace(turn: Turn, a: str, b: str) -> None:
    """End the fighting between a and b: peace between the two leaders ends the war for everyone,
    otherwise whichever of the two is not its side's leader leaves the war (a separate peace)."""
    state = turn.state
    for war in list(state.wars.values()):
        if b not in war.enemies_of(a):
            continue
        leaders = {war.attackers[0], war.defenders[0]}
        if {a, b} == leaders:
            end_war(turn, war, "peace")
            continue
        for side in (war.attackers, war.defenders):
            side[:] = [x for x in side if x not in {a, b} - leaders]
        if not war.attackers or not war.defenders:
            end_war(turn, war, "peace")
    turn.log("peace", [a, b], "", actor=a, target=b)


def end_war(turn: Turn, war: War, why: str) -> None:
    turn.state.wars.pop(war.id, None)
    turn.state.calls = [c for c in turn.state.calls if c.war != war.id]
    turn.log("war_ended", war.attackers + war.defenders, "", war=war.id, why=why)


def _accept_join_operation(turn: Turn, prop: Proposal) -> None:
    from game.engine.combat import join_operation

    join_operation(turn, prop.operation, prop.recipient)


_ACCEPT = {
    PACT: _accept_membership,
    BLOC: _accept_membership,
    "guarantee_offer": _accept_guarantee,
    "guarantee_request": _accept_guarantee,
    "peace": _accept_peace,
    "join_operation": _accept_join_operation,
}


def loyalty(turn: Turn, client: str, patron: str) -> float | None:
    """How often `client` voted with `patron` in the recent Assembly votes both cast (None: no votes)."""
    state = turn.state
    since = state.turn - state.rules.loyalty_window
    same = total = 0
    for res in state.resolutions:
        if res.tabled < since:
            continue
        a, b = res.votes.get(client), res.votes.get(patron)
        if a in ("yes", "no") and b in ("yes", "no"):
            total += 1
            same += a == b
    return same / total if total else None


def leave(turn: Turn, order: Leave) -> None:
    state, rules = turn.state, turn.state.rules
    ag = state.agreements.get(order.agreement)
    if ag is None or order.actor not in ag.members:
        return
    if ag.kind == PACT and ag.cohesion >= rules.free_exit_cohesion:
        turn.adjust_legitimacy(order.actor, -rules.leave_pact_legitimacy_cost)
        turn.log(
            "left_cohesive_pact",
            [order.actor],
            "alliance_cohesion",
            actor=order.actor,
            name=ag.name,
            cohesion=round(ag.cohesion, 1),
            cost=rules.leave_pact_legitimacy_cost,
        )
    if ag.kind == GUARANTEE:
        client = ag.client
        loyal = loyalty(turn, client, ag.patron)
        if order.actor == ag.patron:
            if loyal is not None and loyal >= rules.loyalty_threshold:
                turn.adjust_legitimacy(ag.patron, -rules.withdraw_legitimacy_cost)
            turn.log(
                "withdrew_guarantee",
                [ag.patron, client],
                "asymmetric_alliance",
                patron=ag.patron,
                client=client,
                loyalty=None if loyal is None else round(loyal, 2),
            )
        turn.remove_agreement(ag.id, "left")
        return
    remove_member(turn, ag, order.actor, "left")


def remove_member(turn: Turn, ag: Agreement, member: str, why: str) -> None:
    ag.members.remove(member)
    if member in ag.refusers:
        ag.refusers.remove(member)
    turn.state.calls = [
        c for c in turn.state.calls if not (c.agreement == ag.id and member in (c.called, c.ally))
    ]
    turn.log("member_left", [member], _concept(ag), member=member, agreement=ag.id, name=ag.name, why=why)
    if len(ag.members) < 2:
        turn.remove_agreement(ag.id, "too few members")
    elif ag.leader == member:
        ag.leader = ag.members[0]


def drop_member(turn: Turn, ag: Agreement, member: str, why: str) -> None:
    """Take a state out of an agreement; a guarantee, a bond of two, ends with it."""
    if ag.kind == GUARANTEE:
        turn.remove_agreement(ag.id, why)
    else:
        remove_member(turn, ag, member, why)


def expel(turn: Turn, order: Expel) -> None:
    ag = turn.state.agreements[order.agreement]
    remove_member(turn, ag, order.target, "expelled")


def fund_institution(turn: Turn, order: FundInstitution) -> None:
    state = turn.state
    ag = state.agreements.get(order.agreement)
    if ag is None or ag.institution or order.actor not in ag.members:
        return
    nation = state.nations[order.actor]
    amount = min(order.amount, nation.treasury)
    nation.treasury -= amount
    ag.institution_funds += amount
    if ag.institution_funds >= state.rules.institution_cost:
        ag.institution = True
        turn.log("institution_founded", list(ag.members), "soft_balancing", agreement=ag.id, name=ag.name)
    else:
        turn.log(
            "institution_funded",
            [order.actor],
            "soft_balancing",
            actor=order.actor,
            name=ag.name,
            amount=round(amount, 2),
            funds=round(ag.institution_funds, 2),
            cost=state.rules.institution_cost,
        )


def adopt_mission(turn: Turn, order: AdoptMission) -> None:
    state = turn.state
    ag = state.agreements.get(order.agreement)
    if ag is None:
        return
    state.nations[order.actor].treasury -= state.rules.mission_cost
    ag.purpose, ag.renewed = 1.0, state.turn
    turn.log(
        "new_mission",
        list(ag.members),
        "end_of_alliances",
        agreement=ag.id,
        name=ag.name,
        cost=state.rules.mission_cost,
        leader=order.actor,
    )


def call_to_arms(turn: Turn, war: War) -> None:
    """Every partner bound to the attacked state joins its side unless it refuses later."""
    state = turn.state
    attacked = war.defenders[0]
    for ally, ag in sorted(state.defenders_of(attacked), key=lambda t: (t[0], t[1].id)):
        if not state.nations[ally].alive or war.side_of(ally) is not None:
            continue
        war.defenders.append(ally)
        state.calls.append(
            CallToArms(war=war.id, called=ally, ally=attacked, agreement=ag.id, turn=state.turn)
        )
        concept = _concept(ag)
        turn.log(
            "called_to_arms",
            [ally, attacked],
            concept,
            actor=ally,
            ally=attacked,
            target=war.attackers[0],
            agreement=ag.id,
            name=ag.name,
        )


def answer_call(turn: Turn, order: AnswerCall) -> None:
    state, rules = turn.state, turn.state.rules
    call = next((c for c in state.calls if c.war == order.war and c.called == order.actor), None)
    if call is None:
        return
    state.calls.remove(call)
    ag = state.agreements.get(call.agreement)
    if order.join:
        if ag:
            ag.honoured += 1
        turn.log(
            "honoured_call",
            [order.actor, call.ally],
            "alliance",
            actor=order.actor,
            ally=call.ally,
            name=ag.name if ag else "",
        )
        return
    war = state.wars.get(call.war)
    if war and order.actor in war.defenders:
        war.defenders.remove(order.actor)
    turn.adjust_legitimacy(order.actor, -rules.refusal_legitimacy_cost)
    if ag:
        ag.broken += 1
        if order.actor not in ag.refusers:
            ag.refusers.append(order.actor)
    turn.log(
        "refused_call",
        [order.actor, call.ally],
        "buck_passing",
        actor=order.actor,
        ally=call.ally,
        name=ag.name if ag else "",
        cost=rules.refusal_legitimacy_cost,
    )


def lapse_calls(turn: Turn) -> None:
    """Calls not refused in time count as answered: the commitment is honoured."""
    state = turn.state
    due = state.turn - state.rules.call_answer_turns
    for call in [c for c in state.calls if c.turn <= due]:
        state.calls.remove(call)
        ag = state.agreements.get(call.agreement)
        if ag:
            ag.honoured += 1
            turn.log(
                "honoured_call",
                [call.called, call.ally],
                "alliance",
                actor=call.called,
                ally=call.ally,
                name=ag.name,
            )


def expire_proposals(turn: Turn) -> None:
    state = turn.state
    state.proposals = [p for p in state.proposals if p.turn >= state.turn]


def update_cohesion(turn: Turn, metrics: Metrics) -> None:
    """Recompute every pact's cohesion from values, shared threat (or purpose) and its record."""
    state, rules = turn.state, turn.state.rules
    pacts = [a for a in state.agreements.values() if a.kind == PACT]
    if not pacts:
        return
    values, threat = cohesion_sources(state, pacts, metrics)
    for ag, similarity, shared in zip(pacts, values, threat, strict=True):
        record = pact_record(ag, rules)
        faded = ag.purpose if ag.renewed == state.turn else ag.purpose * rules.purpose_decay
        ag.purpose = max(float(shared), faded)
        if ag.purpose < rules.purpose_floor:
            ag.purpose = 0.0
        before = ag.cohesion
        ag.cohesion = round(
            100
            * float(similarity) ** rules.cohesion_values_weight
            * ag.purpose**rules.cohesion_threat_weight
            * record**rules.cohesion_record_weight,
            2,
        )
        if before >= rules.free_exit_cohesion > ag.cohesion:
            turn.log(
                "cohesion_low",
                list(ag.members),
                "alliance_cohesion",
                agreement=ag.id,
                name=ag.name,
                cohesion=ag.cohesion,
                values=round(float(similarity), 2),
                threat=round(ag.purpose, 2),
                record=round(record, 2),
            )
        if ag.cohesion <= 0:
            turn.remove_agreement(ag.id, "cohesion gone")


def pact_record(ag: Agreement, rules: Rules) -> float:
    """A pact's record of honoured and broken calls to arms, 0-1: one of its three sources of cohesion."""
    record = rules.record_start + rules.record_honoured * ag.honoured - rules.record_broken * ag.broken
    return min(1.0, max(0.0, record))


def cohesion_sources(
    state: GameState, pacts: list[Agreement], metrics: Metrics
) -> tuple[np.ndarray, np.ndarray]:
    """Value similarity and shared threat (each 0-1) of every pact at once, from a membership matrix."""
    rules, n = state.rules, len(metrics.ids)
    col = {nation: i for i, nation in enumerate(metrics.ids)}
    member = np.zeros((len(pacts), n))
    for k, ag in enumerate(pacts):
        member[k, [col[m] for m in ag.members if m in col]] = 1.0
    size = member.sum(1)
    values = np.array([state.nations[x].values for x in metrics.ids], dtype=float)
    gaps = np.abs(values[:, None, :] - values[None, :, :]).mean(-1)
    pairs = np.maximum(size * (size - 1), 1)
    similarity = np.clip(1 - np.einsum("ka,ab,kb->k", member, gaps, member) / pairs, 0.0, 1.0)
    if n < 2:
        return similarity, np.zeros(len(pacts))
    felt = member @ metrics.threat / np.maximum(size, 1)[:, None]  # members' mean threat from each state
    common = np.where(member > 0, -np.inf, felt).max(1)  # the outsider all fear most
    usual = member @ metrics.threat.sum(1) / np.maximum(size * (n - 1), 1)  # what members feel from anyone
    level = (common - usual - rules.threat_floor) / (rules.threat_reference - rules.threat_floor)
    return similarity, np.clip(np.nan_to_num(level, neginf=0.0), 0.0, 1.0)
