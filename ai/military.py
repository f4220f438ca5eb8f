"""Forces: where danger stands, defending it, attacks with a clear edge and a reason, wars, operations, peace."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ai.explain import reason, rival_clause
from ai.situation import Situation
from game.engine.orders import Answer, DeclareWar, Launch, Move, Order, Propose
from game.text.say import Sentence, say

COVER = 1.1  # garrison wanted against the hostile strength next to a province, after the defense bonus
CALM_AGGRESSION = 0.5  # an expanding state waits until its record of aggression fades below this ...
EXPAND_LEGITIMACY = 40.0  # ... and keeps at least this much legitimacy after the war's cost
STALE_TURNS = 3  # a war this old with nothing to gain is ended


@dataclass
class Knobs:
    """How boldly a plan fights; the hard level's lookahead tries several."""

    edge: float = 1.0  # multiplies the personality's attack and war edges
    wars: bool = True  # may start a war this turn
    forces: float = 0.0  # added to the budget's share for forces
    floor: bool = True  # keep the personality's least share for forces and its reserve even when safe


@dataclass
class Ground:
    """Where our forces stand and what stands around our land."""

    hostility: np.ndarray  # 0-1 for each living state (board order): 1 at war, else its aggressive intentions
    mine: list[str]
    stacks: dict[str, int]  # our strength by province (ours or a partner's)
    danger: dict[str, float]  # each of our provinces: hostile strength next to it, weighted by hostility
    hostile: float  # hostile strength on or next to our land, weighted
    allied: float  # partners' strength on or next to our land


def ground(sit: Situation) -> Ground:
    b, i, view, me = sit.board, sit.i, sit.view, sit.me
    rival = int(sit.rel.rivals.rival[i])
    h = np.maximum(b.m.intent[i], 0.6 * sit.alarm * (np.arange(b.n) == rival))
    h = np.where(b.war[i], 1.0, h) * ~b.partner[i]
    h[i] = 0.0
    col, partner, forces = b.col, b.partner[i], view.forces
    mine = b.owned.get(me, [])
    danger = {}
    near = set(mine)
    for p in mine:
        nb = view.provinces[p].neighbours
        near.update(nb)
        danger[p] = float(sum(s * h[col[x]] for q in nb for x, s in forces.get(q, {}).items()))
    hostile = allied = 0.0
    for q in near:
        for x, s in forces.get(q, {}).items():
            hostile += s * h[col[x]]
            allied += s if partner[col[x]] else 0
    return Ground(h, mine, dict(b.stacks.get(me, {})), danger, float(hostile), allied)


def garrison(sit: Situation, g: Ground, prov: str) -> int:
    """The strength our province needs against the hostile strength next to it."""
    return round(g.danger.get(prov, 0.0) / (1 + sit.view.rules.defense_bonus) * COVER)


def spare_strength(sit: Situation, g: Ground) -> dict[str, int]:
    """What each of our stacks can spare beyond the garrison its province needs."""
    return {p: max(0, s - garrison(sit, g, p)) for p, s in g.stacks.items()}


def expected_defence(sit: Situation, prov: str, enemies: set[str]) -> float:
    """The defence an attack on `prov` should expect: its defenders, half the enemy strength next to it, and
    the forces its owner can raise this turn (all of them for a small state, half for a larger one)."""
    view = sit.view
    owner = view.provinces[prov].owner
    here = sum(s for x, s in view.forces.get(prov, {}).items() if x == owner or x in enemies)
    around = sum(
        s
        for q in view.provinces[prov].neighbours
        if view.provinces[q].owner != sit.me
        for x, s in view.forces.get(q, {}).items()
        if x in enemies
    )
    treasury = view.nations[owner].treasury if owner in view.nations else 0.0
    levy = treasury / view.rules.force_cost * (1.0 if len(sit.board.owned.get(owner, [])) <= 3 else 0.5)
    return (here + 0.5 * around + levy) * (1 + view.rules.defense_bonus)


def attacks(sit: Situation, enemies: set[str], spare: dict[str, int], edge: float) -> list[Order]:
    """Attacks on enemy provinces where our spare strength has a clear edge; `spare` is used up."""
    view, rules = sit.view, sit.view.rules
    targets: dict[str, list[str]] = {}
    for p, n in spare.items():
        if n > 0:
            for q in view.provinces[p].neighbours:
                if view.provinces[q].owner in enemies:
                    targets.setdefault(q, []).append(p)
    ranked = []
    for q, sources in targets.items():
        defence = expected_defence(sit, q, enemies)
        owner = view.nations[view.provinces[q].owner]
        worth = view.provinces[q].production * (1.5 if owner.capital == q else 1.0)
        ranked.append((worth / (1 + defence), q, sources, defence))
    out: list[Order] = []
    for _, q, sources, defence in sorted(ranked, key=lambda t: (-t[0], t[1])):
        sources = sorted(sources, key=lambda p: (q in view.provinces[p].sea, -spare[p], p))
        land = any(q not in view.provinces[p].sea and spare[p] > 0 for p in sources)
        factor = 1.0 if land else rules.sea_attack_factor
        need = max(1, math.ceil(edge * defence / factor - 1e-9))
        available = sum(spare[p] for p in sources)
        if available < need:
            continue
        send = min(available, math.ceil(need * 1.25))
        owner = view.provinces[q].owner
        text = say(
            "ai.move.attack" if defence else "ai.move.undefended",
            province=view.provinces[q].name,
            owner=sit.name(owner),
            send=send,
            defence=defence,
            edge=send * factor / max(defence, 1e-9),
        )
        concept = "hard_balancing" if owner == sit.rival else "security_dilemma"
        for p in sources:
            take = min(spare[p], send)
            if take <= 0:
                continue
            spare[p] -= take
            send -= take
            why = reason(sit, concept, text, target=owner, province=q, defence=defence)
            out.append(Move(sit.me, p, q, take, reason=why))
            if not send:
                break
    return out


def defend(sit: Situation, g: Ground, spare: dict[str, int]) -> list[Order]:
    """Move spare strength into our provinces that lack the garrison their danger calls for, then to the border."""
    view = sit.view
    out: list[Order] = []
    lacking = {p: garrison(sit, g, p) - g.stacks.get(p, 0) for p in g.mine}
    concept = "hard_balancing" if sit.board.war[sit.i].any() else "security_dilemma"
    for p in sorted((p for p, d in lacking.items() if d > 0), key=lambda p: (-g.danger[p], p)):
        need = lacking[p]
        for q in sorted(view.provinces[p].neighbours, key=lambda q: (-spare.get(q, 0), q)):
            take = min(spare.get(q, 0), need)
            if take <= 0 or lacking.get(q, 0) > 0:
                continue
            text = say(
                "ai.move.defend",
                take=take,
                province=view.provinces[p].name,
                danger=g.danger[p],
                ours=g.stacks.get(p, 0),
            )
            out.append(
                Move(sit.me, q, p, take, reason=reason(sit, concept, text, province=p, danger=g.danger[p]))
            )
            spare[q] -= take
            need -= take
            if not need:
                break
    out += _to_border(sit, g, spare, concept)
    return out


def _to_border(sit: Situation, g: Ground, spare: dict[str, int], concept: str) -> list[Order]:
    """Spare strength in quiet provinces moves one step toward the most endangered border."""
    view = sit.view
    front = [p for p in g.mine if garrison(sit, g, p) > 0]
    if not front:
        return []
    mine = set(g.mine)
    hops = {p: 0 for p in front}
    queue = list(front)
    for p in queue:
        for q in view.provinces[p].neighbours:
            if q in mine and q not in hops:
                hops[q] = hops[p] + 1
                queue.append(q)
    out: list[Order] = []
    for p in sorted(spare):
        if spare[p] <= 0 or hops.get(p, 0) == 0:
            continue
        step = min(
            (q for q in view.provinces[p].neighbours if hops.get(q, 99) < hops[p]),
            key=lambda q: (hops[q], -g.danger.get(q, 0), q),
            default=None,
        )
        if step is None:
            continue
        text = say(
            "ai.move.to_border",
            take=spare[p],
            origin=view.provinces[p].name,
            province=view.provinces[step].name,
        )
        out.append(Move(sit.me, p, step, spare[p], reason=reason(sit, concept, text, province=step)))
        spare[p] = 0
    return out


def war_choice(
    sit: Situation, spare: dict[str, int], knobs: Knobs, spared: set[str]
) -> tuple[Order, str] | None:
    """A war worth starting: a neighbour we have a reason to fight and a clear edge over, with its side;
    never one we are coming to terms with this turn (`spared`)."""
    p, b, i, view = sit.p, sit.board, sit.i, sit.view
    if p.war.start_edge <= 0 or not knobs.wars:
        return None
    legitimacy = view.nations[sit.me].legitimacy
    rival = int(sit.rel.rivals.rival[i])
    if not view.authorizations and b.share[rival] < p.war.prevent_share and not _may_expand(sit, legitimacy):
        return None  # no reason to fight anyone this turn
    best = None
    for k in np.flatnonzero(b.m.proximity[i] >= 0.999):
        target = b.ids[int(k)]
        if k == i or b.partner[i, k] or b.war[i, k] or b.bloc[i, k] or target in spared:
            continue
        motive = _war_motive(sit, int(k), legitimacy)
        if motive is None:
            continue
        defenders = b.m.strength[k] + sum(b.m.strength[j] for j in np.flatnonzero(b.partner[k]))
        ratio = b.m.strength[i] / max(defenders, 1.0)
        if ratio < p.war.start_edge * knobs.edge:
            continue
        trial = dict(spare)
        if not attacks(sit, {target}, trial, p.war.attack_edge * knobs.edge):
            continue
        if best is None or ratio > best[0]:
            best = (ratio, target, motive, defenders)
    if best is None:
        return None
    ratio, target, (concept, why), defenders = best
    text = say(
        "ai.war.declared",
        target=sit.name(target),
        why=why,
        ours=float(b.m.strength[i]),
        theirs=float(defenders),
        edge=float(ratio),
    )
    order = DeclareWar(sit.me, target, reason=reason(sit, concept, text, target=target, edge=float(ratio)))
    return order, target


def _war_motive(sit: Situation, k: int, legitimacy: float) -> tuple[str, Sentence] | None:
    """Why a personality would fight state k: (concept, phrase), or None."""
    p, b, view = sit.p, sit.board, sit.view
    target = b.ids[k]
    is_rival = k == int(sit.rel.rivals.rival[sit.i])
    if view.authorized_against(target) and (is_rival or b.aggression[k] >= 0.5):
        return "collective_security", say("ai.war.authorized")
    if is_rival and b.share[k] >= p.war.prevent_share:
        clause, _ = rival_clause(sit)
        return "balance_of_power", say("ai.war.stop_hegemon", clause=clause)
    kin = b.similarity[sit.i, k] >= p.war.kin
    if (
        _may_expand(sit, legitimacy)
        and b.share[k] <= 0.5 * b.share[sit.i]
        and not b.guards[:, k].any()
        and not kin
    ):
        return "balance_of_power", say("ai.war.weak", name=sit.name(target), share=float(b.share[k]))
    return None


def _may_expand(sit: Situation, legitimacy: float) -> bool:
    """Whether an expanding personality may start a war of conquest now: at peace, its record of
    aggression faded, and enough legitimacy left after the war's cost."""
    b, i = sit.board, sit.i
    return (
        sit.p.war.expand > 0
        and not b.war[i].any()
        and b.aggression[i] < CALM_AGGRESSION
        and legitimacy - sit.view.rules.war_legitimacy_cost >= EXPAND_LEGITIMACY
    )


def operations(sit: Situation) -> list[Order]:
    """Launch an authorized operation against our rival or an aggressor, asking partners and clients to join."""
    b, i, view = sit.board, sit.i, sit.view
    strength = int(b.m.strength[i])
    if strength < 4 or sit.p.war.start_edge <= 0:
        return []
    led = {op.target for op in view.operations.values() if op.leader == sit.me}
    for target in sorted(t for t in view.authorizations if t in b.col and view.authorized_against(t)):
        k = b.col[target]
        if k == i or target in led or b.partner[i, k] or b.war[i, k]:
            continue
        if k != int(sit.rel.rivals.rival[i]) and b.aggression[k] < 0.5:
            continue
        ask = sorted(b.ids[j] for j in np.flatnonzero(b.partner[i]) if j != k)
        commit = max(1, strength // 4)
        text = say("ai.operation.launched", target=sit.name(target), commit=commit, asked=len(ask))
        return [
            Launch(
                sit.me, target, commit, ask, reason=reason(sit, "collective_security", text, target=target)
            )
        ]
    return []


def operation_answers(sit: Situation) -> list[Order]:
    """Join a patron's or partner's operation against our rival; otherwise stay out."""
    out: list[Order] = []
    b = sit.board
    for prop in sit.view.proposals:
        if prop.recipient != sit.me or prop.kind != "join_operation" or prop.turn != sit.view.turn - 1:
            continue
        op = sit.view.operations.get(prop.operation)
        if op is None or op.leader not in b.col:
            continue
        leader = b.col[op.leader]
        patron = bool(b.guards[leader, sit.i])
        join = patron or (b.partner[sit.i, leader] and op.target == sit.rival)
        if join:
            concept = "informal_obligations" if patron else "alliance"
            key = "ai.operation.joined_patron" if patron else "ai.operation.joined_rival"
        else:
            concept, key = "buck_passing", "ai.operation.stayed_out"
        text = say(key, leader=sit.name(op.leader), target=sit.name(op.target))
        out.append(Answer(sit.me, prop.id, bool(join), reason=reason(sit, concept, text, target=op.target)))
    return out


def peace(sit: Situation, g: Ground, attacking: set[str]) -> list[Order]:
    """Propose peace in wars we are losing or that bring nothing; answer peace offers."""
    view, b, i = sit.view, sit.board, sit.i
    mine = b.m.strength[i] + g.allied
    out: list[Order] = []
    offers = {
        p.sender: p
        for p in view.proposals
        if p.recipient == sit.me and p.kind == "peace" and p.turn == view.turn - 1
    }
    for sender, prop in sorted(offers.items()):
        accept = sender not in attacking
        text = say("ai.peace.made" if accept else "ai.peace.refused", name=sit.name(sender))
        out.append(
            Answer(sit.me, prop.id, accept, reason=reason(sit, "security_dilemma", text, partner=sender))
        )
    for war in sorted(view.wars.values(), key=lambda w: w.id):
        side = war.side_of(sit.me)
        if side is None:
            continue
        leader = war.defenders[0] if side is war.attackers else war.attackers[0]
        if leader in offers or leader not in b.col or leader in attacking:
            continue
        enemy = sum(b.m.strength[b.col[x]] for x in war.enemies_of(sit.me) if x in b.col)
        losing = enemy > sit.p.war.peace_ratio * max(mine, 1.0)
        stale = view.turn - war.started >= STALE_TURNS and not attacking & set(war.enemies_of(sit.me))
        if not (losing or stale):
            continue
        why = say(
            "ai.peace.losing" if losing else "ai.peace.stale",
            theirs=float(enemy),
            ours=float(mine),
            turns=view.turn - war.started,
        )
        text = say("ai.peace.proposed", name=sit.name(leader), why=why)
        out.append(
            Propose(sit.me, "peace", leader, reason=reason(sit, "security_dilemma", text, partner=leader))
        )
    return out


def forces(sit: Situation, g: Ground, knobs: Knobs, spared: set[str]) -> list[Order]:
    """War, attacks, defense, operations and peace for one turn; no war on the states in `spared`."""
    spare = spare_strength(sit, g)
    enemies = {sit.board.ids[k] for k in np.flatnonzero(sit.board.war[sit.i])}
    out: list[Order] = []
    war = war_choice(sit, spare, knobs, spared)
    if war:
        out.append(war[0])
        enemies.add(war[1])
    moves = attacks(sit, enemies, spare, sit.p.war.attack_edge * knobs.edge)
    attacking = {sit.view.provinces[m.dest].owner for m in moves}
    out += moves
    out += defend(sit, g, spare)
    out += operations(sit) + operation_answers(sit) + peace(sit, g, attacking)
    return out
