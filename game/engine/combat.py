"""War declarations, moves and battles, operations, and the elimination of states."""

from __future__ import annotations

import math

from game.engine.context import Turn
from game.engine.diplomacy import call_to_arms, drop_member, end_war, register_proposal
from game.engine.economy import place, take_strength
from game.engine.orders import DeclareWar, Launch, Move, Propose, check, move_kind
from game.engine.state import GameState, Operation, War


def declare_war(turn: Turn, order: DeclareWar) -> None:
    state, rules = turn.state, turn.state.rules
    if state.at_war(order.actor, order.target) or state.partners(order.actor, order.target):
        return
    war = War(id=state.new_id("war"), attackers=[order.actor], defenders=[order.target], started=state.turn)
    state.wars[war.id] = war
    authorized = state.authorized_against(order.target)
    cost = 0.0 if authorized else rules.war_legitimacy_cost
    turn.adjust_legitimacy(order.actor, -cost)
    if not authorized:
        state.nations[order.actor].aggression += rules.aggression_war
    turn.log(
        "war_declared",
        [order.actor, order.target],
        "collective_security" if authorized else "balance_of_threat",
        actor=order.actor,
        target=order.target,
        war=war.id,
        cost=cost,
        authorized=authorized,
    )
    call_to_arms(turn, war)


def resolve_moves(turn: Turn, moves: list[Move]) -> None:
    """All moves at once: leave origins, reinforcements arrive, then each attacked province fights."""
    state = turn.state
    attacks: dict[str, list[Move]] = {}
    for m in moves:
        if state.forces.get(m.source, {}).get(m.actor, 0) < m.strength:
            continue  # disbanded for lack of funds earlier this turn
        kind = move_kind(state, m.actor, m.dest)
        if kind is None:
            continue
        place(state, m.source, m.actor, -m.strength)
        if kind == "attack":
            attacks.setdefault(m.dest, []).append(m)
        else:
            place(state, m.dest, m.actor, m.strength)
    for prov in sorted(attacks):
        battle(turn, prov, attacks[prov])


def battle(turn: Turn, prov: str, moves: list[Move]) -> None:
    state, rules = turn.state, turn.state.rules
    province = state.provinces[prov]
    owner = province.owner
    attackers: dict[str, int] = {}
    for m in moves:
        attackers[m.actor] = attackers.get(m.actor, 0) + m.strength
    stack = state.forces.get(prov, {})
    defenders = {n: s for n, s in stack.items() if n == owner or any(state.at_war(n, a) for a in attackers)}
    att = sum(m.strength * (rules.sea_attack_factor if m.source in province.sea else 1.0) for m in moves)
    dfn = sum(defenders.values()) * (1 + rules.defense_bonus)
    luck = rules.combat_luck
    att_eff = att * turn.rng.uniform(1 - luck, 1 + luck)
    dfn_eff = dfn * turn.rng.uniform(1 - luck, 1 + luck)
    for a in attackers:
        state.nations[a].aggression += rules.aggression_attack
    won = att_eff > dfn_eff
    winners, losers = (attackers, defenders) if won else (defenders, attackers)
    ratio = (dfn_eff / att_eff if won else att_eff / max(dfn_eff, 1e-9)) if att_eff and dfn_eff else 0.0
    survivors = _losses(winners, rules.winner_loss * ratio)
    retreating = _losses(losers, rules.loser_loss)
    data = dict(
        province=prov,
        province_name=province.name,
        attack=round(att_eff, 2),
        defence=round(dfn_eff, 2),
        attackers=sorted(attackers),
        defenders=sorted(defenders),
    )
    if won:
        for n in defenders:
            place(state, prov, n, -defenders[n])
        for n in [n for n in state.forces.get(prov, {})]:
            send_home(state, prov, n)
        new_owner = (
            max(sorted(survivors), key=lambda n: survivors[n])
            if survivors
            else max(attackers, key=attackers.get)
        )
        for n, s in survivors.items():
            place(state, prov, n, s)
        capture(turn, prov, new_owner)
        turn.log("province_taken", sorted(attackers) + [owner], "", winner=new_owner, loser=owner, **data)
    else:
        for n in defenders:
            place(state, prov, n, survivors[n] - defenders[n])
        for m in moves:  # the survivors fall back where they came from
            share = retreating.get(m.actor, 0) * m.strength // max(attackers[m.actor], 1)
            place(state, m.source, m.actor, share)
        turn.log(
            "attack_repelled",
            sorted(attackers) + [owner],
            "",
            winner=owner,
            loser=sorted(attackers)[0],
            **data,
        )


def _losses(side: dict[str, int], rate: float) -> dict[str, int]:
    """What each state keeps after losing `rate` of its strength (rounded up, at most all)."""
    return {n: s - min(s, math.ceil(s * rate - 1e-9)) for n, s in side.items()}


def send_home(state: GameState, prov: str, nation: str) -> None:
    """A state's forces in a province go to its capital, or are disbanded when it does not hold it."""
    strength = state.forces.get(prov, {}).get(nation, 0)
    if strength:
        place(state, prov, nation, -strength)
        home = state.nations[nation].capital
        if state.provinces[home].owner == nation:
            place(state, home, nation, strength)


def capture(turn: Turn, prov: str, new_owner: str) -> None:
    state = turn.state
    old = state.provinces[prov].owner
    state.provinces[prov].owner = new_owner
    if state.rules.capital_loss_eliminates and state.nations[old].capital == prov:
        for p in state.owned(old):
            state.provinces[p].owner = new_owner


def settle_capitals(turn: Turn) -> None:
    """A state that lost its capital but holds land moves its capital to its richest province."""
    state = turn.state
    for nation in state.living():
        n = state.nations[nation]
        remaining = state.owned(nation)
        if state.provinces[n.capital].owner != nation and remaining:
            n.capital = max(remaining, key=lambda p: (state.provinces[p].production, p))
            turn.log(
                "capital_moved",
                [nation],
                "",
                actor=nation,
                province=n.capital,
                province_name=state.provinces[n.capital].name,
            )


def launch(turn: Turn, order: Launch) -> None:
    state, rules = turn.state, turn.state.rules
    committed = take_strength(state, order.actor, order.strength)
    if not committed:
        return
    authorized = state.authorized_against(order.target)
    op = Operation(
        id=state.new_id("op"),
        leader=order.actor,
        target=order.target,
        strength={order.actor: committed},
        started=state.turn,
        ends=state.turn + rules.operation_turns - 1,
        authorized=authorized,
    )
    state.operations[op.id] = op
    cost = 0.0 if authorized else rules.operation_legitimacy_cost
    turn.adjust_legitimacy(order.actor, -cost)
    if not authorized:
        state.nations[order.actor].aggression += rules.aggression_operation
    turn.log(
        "operation_launched",
        [order.actor, order.target],
        "legitimacy",
        actor=order.actor,
        target=order.target,
        operation=op.id,
        strength=committed,
        cost=cost,
        authorized=authorized,
    )
    for partner in order.ask:
        ask = Propose(order.actor, "join_operation", partner, operation=op.id)
        if check(state, ask) is None:
            register_proposal(turn, ask)


def join_operation(turn: Turn, op_id: str, partner: str) -> None:
    state = turn.state
    op = state.operations.get(op_id)
    if (
        op is None
        or partner in op.strength
        or not state.nations[partner].alive
        or state.partners(partner, op.target)
    ):
        return
    share = math.ceil(state.strength_of(partner) * state.rules.operation_partner_share)
    committed = take_strength(state, partner, share)
    if not committed:
        return
    op.strength[partner] = committed
    gain, formal = turn.support_gain(partner, op.leader)
    turn.log(
        "joined_operation",
        [partner, op.leader],
        "alliance" if formal else "informal_obligations",
        actor=partner,
        leader=op.leader,
        target=op.target,
        strength=committed,
    )
    turn.log(
        "coalition_support",
        [partner, op.leader],
        "alliance" if formal else "informal_obligations",
        giver=partner,
        receiver=op.leader,
        gain=round(gain, 2),
        formal=formal,
    )


def run_operations(turn: Turn) -> None:
    """Each operation strikes its target's forces; finished ones bring their forces home."""
    state = turn.state
    for op in list(state.operations.values()):
        if state.nations[op.target].alive:
            damage = max(1, round(sum(op.strength.values()) * state.rules.operation_damage))
            destroyed = take_strength(state, op.target, damage)
            turn.log(
                "operation_strike",
                [op.leader, op.target],
                "legitimacy",
                leader=op.leader,
                target=op.target,
                destroyed=destroyed,
                partners=sorted(op.strength),
            )
        if op.ends <= state.turn or not state.nations[op.target].alive:
            end_operation(turn, op)


def end_operation(turn: Turn, op: Operation) -> None:
    state = turn.state
    state.operations.pop(op.id, None)
    for nation, strength in op.strength.items():
        n = state.nations[nation]
        if n.alive:
            place(state, n.capital, nation, strength)
    state.proposals = [p for p in state.proposals if p.operation != op.id]
    turn.log("operation_ended", sorted(op.strength), "", leader=op.leader, target=op.target)


def eliminate_defeated(turn: Turn) -> None:
    settle_capitals(turn)
    state = turn.state
    holders = {p.owner for p in state.provinces.values()}
    for nation in state.living():
        if nation not in holders:
            eliminate(turn, nation)


def eliminate(turn: Turn, nation: str) -> None:
    """A state with no provinces leaves the game and every agreement, war and operation."""
    state = turn.state
    state.nations[nation].alive = False
    for prov in [p for p, s in state.forces.items() if nation in s]:
        place(state, prov, nation, -state.forces[prov][nation])
    for ag in [a for a in state.agreements.values() if nation in a.members]:
        drop_member(turn, ag, nation, "eliminated")
    for war in list(state.wars.values()):
        for side in (war.attackers, war.defenders):
            if nation in side:
                side.remove(nation)
        if not war.attackers or not war.defenders:
            end_war(turn, war, "a side was eliminated")
    for op in list(state.operations.values()):
        if op.leader == nation or op.target == nation:
            end_operation(turn, op)
        else:
            op.strength.pop(nation, None)
    state.calls = [c for c in state.calls if nation not in (c.called, c.ally)]
    state.proposals = [p for p in state.proposals if nation not in (p.sender, p.recipient)]
    state.agenda = [r for r in state.agenda if nation not in (r.sponsor, r.target)]
    turn.log("eliminated", [nation], "", actor=nation)
