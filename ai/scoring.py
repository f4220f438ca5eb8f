"""The shared machinery: candidate diplomatic and Assembly actions, scored by the theory, explained.

Each function looks at one kind of decision, scores its candidates with the relation values and vote
scores of ai/theories.py (which carry the personality's weights) and returns the orders it chooses,
each with its reason. Military and budget decisions live in ai/military.py and ai/budget.py.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ai.explain import pct, reason, rival_clause, threat_words
from ai.situation import Situation
from ai.theories import FORMAL, RECIPROCAL, STATURE, personality, predicted_tally, vote_of, vote_scores
from game.engine.orders import (
    AdoptMission,
    Answer,
    AnswerCall,
    Expel,
    FundInstitution,
    Leave,
    Order,
    Propose,
    Table,
    Vote,
)
from game.engine.state import BLOC, GUARANTEE, PACT, Agreement

PROPOSAL_KIND = {"pact": "pact", "bloc": "bloc", "client": "guarantee_request", "patron": "guarantee_offer"}
RELATION_OF = {"pact": "pact", "bloc": "bloc", "guarantee_offer": "client", "guarantee_request": "patron"}
NOISE = {"easy": 0.25, "normal": 0.0, "hard": 0.0}
PROPOSALS = {"easy": 1, "normal": 2, "hard": 2}
DECISIVE = 0.25  # a motive this negative is named as the reason for a refusal
RESOLUTION_GAP = 2  # turns after a resolution against a state before another is tabled
RESOLUTION_TEXT = {"condemn": "condemnation", "sanction": "sanctions", "authorize": "authorization of action"}
FADED = 0.6  # a pact whose purpose (the engine's shared threat) is below this has lost its common threat
END_BALANCE = 0.1  # ... and ends when its members help this little against our current rival
LEAVE_COST = 0.15  # value a member gives up by leaving a cohesive pact (its legitimacy cost)


@dataclass
class Motive:
    """One part of an agreement's value: its name and its signed contribution."""

    name: str
    amount: float


def noisy(sit: Situation, value: float) -> float:
    """The value as this difficulty perceives it (easy adds noise)."""
    scale = NOISE[sit.difficulty]
    return value + float(sit.rng.normal(0, scale)) if scale else value


def motives(sit: Situation, kind: str, other: str) -> list[Motive]:
    """The signed parts of what an agreement of `kind` with `other` is worth to us, largest first."""
    p, k, i = sit.p, sit.board.col[other], sit.i
    mot = {name: float(grid[i, k]) for name, grid in sit.rel.motives.items()}
    affinity = getattr(p.agreements, kind)
    parts = {
        "balance": affinity * p.motives.balance * mot["balance"],
        "bandwagon": affinity * p.motives.bandwagon * mot["bandwagon"],
        "opposition": -p.motives.opposition * mot["opposition"],
        "values": p.motives.values * mot["values"],
        "distrust": -p.motives.distrust * mot["distrust"],
        "formality": p.motives.formality * FORMAL[kind],
    }
    if kind in ("pact", "client"):
        parts["protection"] = p.motives.protection * mot["protection"]
    if kind in ("pact", "patron"):
        parts["risk"] = -p.motives.risk * mot["risk"]
    if kind == "patron":
        parts["hub"] = p.motives.hub * mot["hub"]
        parts["stature"] = -STATURE * (1 - mot["stature"])
    if kind == "client":
        parts["stature"] = -STATURE * mot["stature"]
    if kind == "bloc":
        parts["trade"] = p.motives.trade
    return sorted((Motive(n, a) for n, a in parts.items()), key=lambda m: -abs(m.amount))


def why_align(sit: Situation, kind: str, other: str) -> tuple[str, str, dict]:
    """The main reason for an agreement with `other`: a phrase, its concept and its numbers."""
    best = max(motives(sit, kind, other), key=lambda m: m.amount)
    name = sit.name(other)
    if best.name == "bandwagon":
        clause, nums = rival_clause(sit, other)
        return (
            f"{clause}; with {pct(sit.share)} of all power and no protector, we side with it rather than "
            f"resist it",
            "bandwagoning",
            nums,
        )
    if best.name == "hub":
        return (
            f"{name} is a small state near us ({pct(sit.share_of(other))} of all power against our "
            f"{pct(sit.share)}): one more spoke of our network, expected to vote with us",
            "hub_and_spokes",
            {"partner_share": sit.share_of(other), "our_share": sit.share},
        )
    if best.name == "protection":
        return (
            f"{name} holds {pct(sit.share_of(other))} of all power and stands near us: under its protection "
            f"we can spend on development",
            "benefits_of_membership",
            {"partner_share": sit.share_of(other)},
        )
    if best.name == "trade":
        return (
            f"a bloc brings a trade bonus of {pct(sit.view.rules.trade_bonus)} of income per member and a "
            f"common voting line, with no duty to fight",
            "soft_balancing",
            {},
        )
    clause, nums = rival_clause(sit)
    concept = balance_concept(sit, kind)
    return f"against {clause}", concept, {**nums, "partner_share": sit.share_of(other)}


def balance_concept(sit: Situation, kind: str) -> str:
    if kind == "bloc":
        return "soft_balancing"
    return "balance_of_threat" if sit.p.rival == "threat" else "balance_of_power"


def why_not(sit: Situation, kind: str, other: str, value: float) -> tuple[str, str, dict]:
    """The main reason against an agreement with `other`: a decisive objection, or too little gain."""
    worst = min(motives(sit, kind, other), key=lambda m: m.amount)
    name = sit.name(other)
    decisive = worst.amount <= -DECISIVE
    if decisive and worst.name == "stature":
        patron, client = (other, sit.me) if kind == "client" else (sit.me, other)
        return (
            f"a patron must be the stronger: {sit.name(patron)} holds {pct(sit.share_of(patron))} of all power, "
            f"{sit.name(client)} {pct(sit.share_of(client))}",
            "asymmetric_alliance",
            {"value": value},
        )
    if decisive and worst.name == "formality":
        return (
            "a formal commitment would tie our hands; we keep our freedom of manoeuvre",
            "soft_balancing",
            {"value": value},
        )
    if decisive and worst.name == "opposition":
        clause, nums = rival_clause(sit)
        head = clause if other == sit.rival else f"{name} stands with {clause}"
        return head, balance_concept(sit, kind), {**nums, "value": value}
    if decisive and worst.name == "distrust":
        words, nums = threat_words(sit, other)
        return f"{name} is itself a threat to us, {words}", "balance_of_threat", {**nums, "value": value}
    if decisive and worst.name == "risk":
        risk = sit.rel.motives["risk"][sit.i, sit.board.col[other]]
        return (
            f"{name}'s own wars and rivals could drag us in (risk {risk:.2f})",
            "chain_ganging",
            {"value": value},
        )
    clause, nums = rival_clause(sit)
    return (
        f"it would add little against {clause} (value {value:.2f})",
        balance_concept(sit, kind),
        {**nums, "value": value},
    )


def agreement_value(sit: Situation, ag: Agreement, joining: str = "") -> float:
    """What staying in (or joining) an agreement is worth to us: the mean value of its other members."""
    if ag.kind == GUARANTEE:
        kind = "patron" if ag.patron == sit.me else "client"
        other = ag.client if kind == "patron" else ag.patron
        return sit.value(kind, other) if other in sit.board.col else -1.0
    others = [m for m in ag.members if m not in (sit.me, joining) and m in sit.board.col]
    return float(np.mean([sit.value(ag.kind, m) for m in others])) if others else -1.0


def answers(sit: Situation) -> list[Order]:
    """Answers to the pacts, blocs and guarantees proposed to us last turn.

    A state keeps one pact, one bloc and one patron: of several offers of one kind it takes the best,
    and it declines offers of a kind it already has (it invites their senders into its own instead).
    """
    out: list[Order] = []
    taken: set[str] = set()
    offers = [
        p
        for p in sit.view.proposals
        if p.recipient == sit.me
        and p.turn == sit.view.turn - 1
        and p.kind in RELATION_OF
        and p.sender in sit.board.col
    ]
    valued = [(noisy(sit, _offer_value(sit, p)), p) for p in offers]
    asked = _asked(sit)
    mine = {(PROPOSAL_KIND[RECIPROCAL[kind]], other) for kind, others in asked.items() for other in others}
    for value, prop in sorted(valued, key=lambda t: (-t[0], t[1].id)):
        kind = RELATION_OF[prop.kind]
        ag = sit.view.agreements.get(prop.agreement)
        held = _held(sit, kind)
        accept = False
        crossed = not prop.agreement and (prop.kind, prop.sender) in mine and sit.me < prop.sender
        if crossed:
            text = (
                f"Declined {_offer_text(sit, prop, ag)} in favour of our own proposal of the same to "
                f"{sit.name(prop.sender)}, which it is answering"
            )
            why = reason(sit, _CONCEPT_OF[kind], text, partner=prop.sender, value=value)
        elif kind != "patron" and (held or kind in taken or asked.get(kind, {prop.sender}) != {prop.sender}):
            where = (
                held.name if held else "the one we just accepted" if kind in taken else "the one we proposed"
            )
            text = f"Declined {_offer_text(sit, prop, ag)}: we stand in {where}, and one is enough"
            concept = "alliance_cohesion" if kind == "pact" else _CONCEPT_OF[kind]
            why = reason(sit, concept, text, partner=prop.sender, value=value)
        elif value >= sit.p.thresholds.accept:
            phrase, concept, nums = why_align(sit, kind, prop.sender)
            nums.setdefault("value", value)
            text = f"Accepted {_offer_text(sit, prop, ag)} {_joined(phrase)}"
            why = reason(sit, concept, text, partner=prop.sender, **nums)
            accept = True
            taken.add(kind)
        else:
            phrase, concept, nums = why_not(sit, kind, prop.sender, value)
            text = f"Declined {_offer_text(sit, prop, ag)}: {phrase}"
            why = reason(sit, concept, text, partner=prop.sender, **nums)
        out.append(Answer(sit.me, prop.id, accept, reason=why))
    return out


_CONCEPT_OF = {
    "pact": "alliance",
    "bloc": "soft_balancing",
    "client": "asymmetric_alliance",
    "patron": "asymmetric_alliance",
}


def _asked(sit: Situation) -> dict[str, set[str]]:
    """Our own pending proposals of new agreements: the states asked, by what we would be to them."""
    asked: dict[str, set[str]] = {}
    for p in sit.view.proposals:
        if p.sender == sit.me and p.kind in PROPOSAL_KIND.values() and not p.agreement:
            ours = {
                "pact": "pact",
                "bloc": "bloc",
                "guarantee_offer": "patron",
                "guarantee_request": "client",
            }
            asked.setdefault(ours[p.kind], set()).add(p.recipient)
    return asked


def _offer_value(sit: Situation, prop) -> float:
    ag = sit.view.agreements.get(prop.agreement)
    return agreement_value(sit, ag) if ag else sit.value(RELATION_OF[prop.kind], prop.sender)


def _offer_text(sit: Situation, prop, ag: Agreement | None) -> str:
    sender = sit.name(prop.sender)
    if ag:
        return f"{sender}'s invitation into {ag.name}"
    return {
        "pact": f"a defense pact with {sender}",
        "bloc": f"a bloc with {sender}",
        "guarantee_offer": f"{sender}'s security guarantee",
        "guarantee_request": f"to guarantee {sender}'s security",
    }[prop.kind]


def _held(sit: Situation, kind: str) -> Agreement | None:
    """The pact or bloc we are in, or the guarantee that protects us; None for other kinds."""
    if kind in ("pact", "bloc"):
        mine = sit.view.agreements_of(sit.me, kind)
        return max(mine, key=lambda a: (len(a.members), a.id)) if mine else None
    if kind == "client":
        return next((a for a in sit.view.agreements_of(sit.me, GUARANTEE) if a.patron != sit.me), None)
    return None


def proposals(sit: Situation, joining: set[str]) -> list[Order]:
    """New pacts, blocs and guarantees worth proposing to states likely to accept (an invitation into our
    pact or bloc when we have one); none of a kind we are `joining` this turn."""
    b, i = sit.board, sit.i
    pending = {(p.kind, p.recipient) for p in sit.view.proposals if p.sender == sit.me}
    asked = _asked(sit)
    options: list[tuple[float, str, str]] = []
    for kind in ("pact", "bloc", "client", "patron"):
        if kind in joining or (kind == "client" and _held(sit, "client")):
            continue
        if kind != "patron" and asked.get(kind) and not _held(sit, kind):
            continue  # a new pact, bloc or patron is already asked for: wait for the answer
        row = sit.rel.value[kind][i].copy()
        row[_closed(sit, kind)] = -np.inf
        for k in np.argsort(-row)[:3]:
            other = b.ids[int(k)]
            value = noisy(sit, float(row[k]))
            if value < sit.p.thresholds.propose or (PROPOSAL_KIND[kind], other) in pending:
                continue
            if sit.accepts(other, RECIPROCAL[kind]):
                options.append((value, kind, other))
    options.sort(key=lambda t: (-t[0], t[2]))
    out: list[Order] = []
    founding: set[str] = set()
    for value, kind, other in options:
        into = _held(sit, kind) if kind in ("pact", "bloc") else None
        if len(out) == PROPOSALS[sit.difficulty] or (kind in founding and not into):
            continue  # one new pact or bloc at a time: the others are invited once it exists
        founding.add(kind)
        phrase, concept, nums = why_align(sit, kind, other)
        if into:
            text = f"Invited {sit.name(other)} into {into.name} {_joined(phrase)}"
        else:
            text = {
                "pact": f"Proposed a defense pact to {sit.name(other)} {_joined(phrase)}",
                "bloc": f"Proposed a bloc to {sit.name(other)} {_joined(phrase)}",
                "client": f"Asked {sit.name(other)} for a security guarantee {_joined(phrase)}",
                "patron": f"Offered {sit.name(other)} a security guarantee {_joined(phrase)}",
            }[kind]
        order = Propose(
            sit.me,
            PROPOSAL_KIND[kind],
            other,
            agreement=into.id if into else "",
            reason=reason(sit, concept, text, partner=other, value=value, **nums),
        )
        out.append(order)
    return out


def _joined(phrase: str) -> str:
    return phrase if phrase.startswith("against") else f"— {phrase}"


def _closed(sit: Situation, kind: str) -> np.ndarray:
    """Mask of states we cannot usefully propose this kind to: at war, already tied, or taken by another."""
    b, i = sit.board, sit.i
    closed = b.war[i] | b.partner[i] if kind != "bloc" else b.bloc[i].copy()
    if kind in ("pact", "bloc"):
        closed |= b.in_pact if kind == "pact" else b.in_bloc  # each state keeps one pact and one bloc
    if kind == "patron":
        closed |= b.has_patron  # and one patron
    return closed


def departures(sit: Situation) -> list[Order]:
    """Leave agreements that no longer serve us; a pact leader may adopt a new mission instead."""
    out: list[Order] = []
    rules, me = sit.view.rules, sit.me
    treasury = sit.view.nations[me].treasury
    for ag in sorted(sit.view.agreements_of(me), key=lambda a: a.id):
        value = noisy(sit, agreement_value(sit, ag))
        fading = ag.kind == PACT and ag.purpose < FADED and _balance_in(sit, ag) < END_BALANCE
        if (
            fading
            and ag.leader == me
            and sit.p.mission > 0
            and treasury >= rules.mission_cost * (1 + sit.p.budget.reserve)
        ):
            text = (
                f"Gave {ag.name} a new mission (crisis management) for {rules.mission_cost:g}: its common "
                f"threat has faded (purpose {ag.purpose:.2f}, cohesion {ag.cohesion:.0f}) and the pact is worth keeping"
            )
            out.append(
                AdoptMission(
                    me,
                    ag.id,
                    reason=reason(sit, "end_of_alliances", text, purpose=ag.purpose, cohesion=ag.cohesion),
                )
            )
            treasury -= rules.mission_cost
            continue
        cost = LEAVE_COST if ag.kind == PACT and ag.cohesion >= rules.free_exit_cohesion else 0.0
        if (
            ag.kind == GUARANTEE
            and ag.patron != me
            and ag.patron in sit.board.col
            and sit.board.pact[sit.i, sit.board.col[ag.patron]]
        ):
            text = (
                f"Renounced {sit.name(ag.patron)}'s guarantee: a defense pact binds us to each other already"
            )
            out.append(Leave(me, ag.id, reason=reason(sit, "alliance", text, partner=ag.patron)))
            continue
        if ag.kind == GUARANTEE and ag.patron == me:
            order = _withdrawal(sit, ag, value)
            if order:
                out.append(order)
            continue
        if value >= sit.p.thresholds.leave - cost and not fading:
            continue
        out.append(Leave(me, ag.id, reason=_leave_reason(sit, ag, value)))
    return out


def _balance_in(sit: Situation, ag: Agreement) -> float:
    """How much the pact's other members still help us against our current rival (the balance motive)."""
    others = [sit.board.col[m] for m in ag.members if m != sit.me and m in sit.board.col]
    weight = sit.p.agreements.pact * sit.p.motives.balance
    return weight * float(sit.rel.motives["balance"][sit.i, others].mean()) if others else 0.0


def _leave_reason(sit: Situation, ag: Agreement, value: float) -> dict:
    if ag.kind == PACT and ag.purpose < FADED:
        text = (
            f"Left {ag.name}: the threat it was formed against is gone (purpose {ag.purpose:.2f}, "
            f"cohesion {ag.cohesion:.0f}) and its members do not help against our rival now "
            f"({_balance_in(sit, ag):.2f})"
        )
        return reason(sit, "end_of_alliances", text, purpose=ag.purpose, cohesion=ag.cohesion, value=value)
    other = ag.patron if ag.kind == GUARANTEE else _weakest_link(sit, ag)
    kind = "client" if ag.kind == GUARANTEE else ag.kind
    phrase, concept, nums = why_not(sit, kind, other, value)
    nums.setdefault("value", value)
    return reason(sit, concept, f"Left {ag.name}: {phrase}", partner=other, **nums)


def _weakest_link(sit: Situation, ag: Agreement) -> str:
    others = [m for m in ag.members if m != sit.me and m in sit.board.col]
    return min(others, key=lambda m: (sit.value(ag.kind, m), m))


def _withdrawal(sit: Situation, ag: Agreement, value: float) -> Order | None:
    """A patron withdraws its guarantee from a client that does not vote with it, or no longer serves it."""
    client = ag.client
    if client not in sit.board.col:
        return None
    loyalty = sit.board.coincidence(sit.board.col[client], sit.i)
    votes = int(sit.board.voted[sit.board.col[client], sit.i])
    rules = sit.view.rules
    if sit.p.motives.hub > 0 and loyalty is not None and votes >= 2 and loyalty < rules.loyalty_threshold:
        text = (
            f"Withdrew our guarantee from {sit.name(client)}: it voted with us only {pct(loyalty)} of the time "
            f"({votes} votes), below the {pct(rules.loyalty_threshold)} we expect for our protection"
        )
        return Leave(
            sit.me,
            ag.id,
            reason=reason(sit, "asymmetric_alliance", text, partner=client, loyalty=loyalty, votes=votes),
        )
    if value >= sit.p.thresholds.leave:
        return None
    phrase, concept, nums = why_not(sit, "patron", client, value)
    nums.setdefault("value", value)
    text = f"Withdrew our guarantee from {sit.name(client)}: {phrase}"
    return Leave(sit.me, ag.id, reason=reason(sit, concept, text, partner=client, **nums))


def expulsions(sit: Situation) -> list[Order]:
    """A pact leader expels members that refused its calls to arms."""
    out: list[Order] = []
    for ag in sit.view.agreements_of(sit.me, PACT):
        if ag.leader != sit.me or len(ag.members) <= 2:
            continue
        for refuser in ag.refusers:
            text = (
                f"Expelled {sit.name(refuser)} from {ag.name}: it refused a call to arms, and a pact whose members "
                f"do not come loses its cohesion ({ag.cohesion:.0f})"
            )
            out.append(
                Expel(
                    sit.me,
                    ag.id,
                    refuser,
                    reason=reason(sit, "alliance_cohesion", text, cohesion=ag.cohesion),
                )
            )
    return out


def institutions(sit: Situation) -> list[Order]:
    """Soft balancers pay into their bloc's alternative institution."""
    share = sit.p.institution
    treasury = sit.view.nations[sit.me].treasury
    out: list[Order] = []
    for ag in sorted(sit.view.agreements_of(sit.me, BLOC), key=lambda a: a.id):
        missing = sit.view.rules.institution_cost - ag.institution_funds
        amount = round(min(share * treasury, missing), 2)
        if ag.institution or share <= 0 or amount < 0.5:
            continue
        text = (
            f"Paid {amount:g} into the alternative institution of {ag.name} ({ag.institution_funds:g} of "
            f"{sit.view.rules.institution_cost:g} raised): income and standing that do not depend on the Assembly"
        )
        out.append(
            FundInstitution(sit.me, ag.id, amount, reason=reason(sit, "soft_balancing", text, amount=amount))
        )
        treasury -= amount
    return out


def calls(sit: Situation) -> list[Order]:
    """Answers to calls to arms: honour the commitment, or pass the buck."""
    out: list[Order] = []
    for call in sit.view.calls:
        if call.called != sit.me:
            continue
        war = sit.view.wars.get(call.war)
        ag = sit.view.agreements.get(call.agreement)
        if war is None or ag is None or not war.attackers:
            continue
        attacker = war.attackers[0]
        value = agreement_value(sit, ag)
        bandwagon = attacker == sit.rival and sit.weak > 0
        join = value >= sit.p.thresholds.leave and not bandwagon
        if join:
            many = ag.kind == PACT and len(ag.members) > 2 and attacker != sit.rival
            concept = "chain_ganging" if many else "alliance"
            text = (
                f"Answered the call of {sit.name(call.ally)} against {sit.name(attacker)}: {ag.name} commits us to "
                f"its defense" + (", though the quarrel is not ours" if many else "")
            )
        else:
            concept = "bandwagoning" if bandwagon else "buck_passing"
            text = f"Refused the call of {sit.name(call.ally)} against {sit.name(attacker)}" + (
                f": {sit.name(attacker)} is too strong for us to oppose ({pct(sit.share_of(attacker))} of all power)"
                if bandwagon
                else f": {ag.name} is worth little to us now (value {value:.2f}); let others carry the burden"
            )
        out.append(
            AnswerCall(sit.me, call.war, join, reason=reason(sit, concept, text, ally=call.ally, value=value))
        )
    return out


def votes(sit: Situation) -> list[Order]:
    """Votes on the resolutions on the agenda, each by the personality's weights."""
    out: list[Order] = []
    in_bloc = bool(sit.board.bloc[sit.i].any())
    for res in sit.view.agenda:
        if sit.me in (res.sponsor, res.target) or res.tabled >= sit.view.turn:
            continue
        vs = vote_scores(sit.board, sit.names, res.sponsor, res.target)
        score = noisy(sit, float(vs.score[sit.i]))
        vote = vote_of(score, sit.p.assembly.margin)
        if vote == "abstain" and in_bloc:
            continue  # a silent bloc member follows its bloc's line
        concept, text, nums = _vote_reason(sit, res, vs, vote, score)
        out.append(Vote(sit.me, res.id, vote, reason=reason(sit, concept, text, **nums)))
    return out


def _vote_reason(sit: Situation, res, vs, vote: str, score: float) -> tuple[str, str, dict]:
    what = f"the {RESOLUTION_TEXT[res.kind]} of {sit.name(res.target)} tabled by {sit.name(res.sponsor)}"
    nums = {"resolution": res.id, "score": score, "target": res.target, "sponsor": res.sponsor}
    if vote == "abstain":
        return "legitimacy", f"Abstained on {what}: no stake either way (score {score:.2f})", nums
    weights = sit.p.assembly
    parts = {k: getattr(weights, k) * float(v[sit.i]) for k, v in vs.parts.items()}
    sign = 1 if vote == "yes" else -1
    main = max(parts, key=lambda k: sign * parts[k])
    head = f"Voted {vote} on {what}"
    b = sit.board
    if main == "follow_patron":
        patrons = [b.ids[j] for j in np.flatnonzero(b.guards[:, sit.i])]
        names = " and ".join(sit.name(p) for p in patrons)
        who = f"our patrons {names} do" if len(patrons) > 1 else f"our patron {names} does"
        return "informal_obligations", f"{head}, as {who}: support given freely counts double", nums
    if main == "follow_rival":
        return "bandwagoning", f"{head}, siding with {sit.name(sit.rival)}, too strong for us to oppose", nums
    if main == "against_strongest":
        strongest = b.ids[int(b.share.argmax())]
        concept = "soft_balancing" if sit.theory == "soft_balancer" else "balance_of_power"
        return (
            concept,
            f"{head}: against {sit.name(strongest)}, the strongest state ({pct(sit.share_of(strongest))} of all power)",
            nums,
        )
    if main == "with_partners":
        return "alliance", f"{head}, with our partners", nums
    t_target, t_sponsor = (
        float(b.m.threat[sit.i, b.col[res.target]]),
        float(b.m.threat[sit.i, b.col[res.sponsor]]),
    )
    nums.update(threat_target=t_target, threat_sponsor=t_sponsor)
    return (
        "balance_of_threat",
        f"{head}: {sit.name(res.target)} threatens us {t_target:.2f}, {sit.name(res.sponsor)} {t_sponsor:.2f}",
        nums,
    )


def tabling(sit: Situation) -> list[Order]:
    """At most one resolution a turn: against an aggressor, the strongest state or our rival."""
    if not sit.view.assembly or sit.p.assembly.table <= 0:
        return []
    b, i, view = sit.board, sit.i, sit.view
    motives = _table_motives(sit)
    if not any(m.any() for m in motives.values()):
        return []
    recent = {r.target for r in view.agenda} | {
        r.target for r in view.resolutions if r.tabled >= view.turn - RESOLUTION_GAP
    }
    shut = b.partner[i] | b.bloc[i]
    shut[[b.col[t] for t in recent if t in b.col] + [i]] = True
    best: tuple[float, str, str, str] | None = None
    for why, motive in motives.items():
        for k in np.flatnonzero((motive > 0) & ~shut):
            score = noisy(sit, float(motive[k]) * sit.p.assembly.table)
            if score >= 0.5 and (best is None or score > best[0]) and _our_turn_to_table(sit, int(k), why):
                best = (score, _table_kind(sit, int(k), why), b.ids[int(k)], why)
    if best is None:
        return []
    score, kind, target, why = best
    yes, no = predicted_tally(b, sit.names, sit.me, target)
    if yes <= no:
        return []
    concept = {
        "condemn": "legitimacy",
        "sanction": "collective_security",
        "authorize": "collective_security",
    }[kind]
    if why == "strongest":
        concept = "soft_balancing" if sit.theory == "soft_balancer" else "balance_of_power"
    what = f"Tabled the {RESOLUTION_TEXT[kind]} of {sit.name(target)}"
    expect = f"we expect {yes} yes against {no} no"
    text = {
        "aggressor": f"{what}, an aggressor (aggression record {b.aggression[b.col[target]]:.2f}); {expect}",
        "strongest": f"{what}, the strongest state ({pct(sit.share_of(target))} of all power), to hold it to "
        f"account; {expect}",
        "rival": f"{what}, our rival, to rally our clients and partners; {expect}, and their support adds to "
        f"our legitimacy",
    }[why]
    return [Table(sit.me, kind, target, reason=reason(sit, concept, text, target=target, yes=yes, no=no))]


def _fights(sit: Situation) -> np.ndarray:
    """Which states are at war with us or with one of our partners."""
    b, i = sit.board, sit.i
    return b.war[:, i] | (b.war.astype(float) @ b.partner[i].astype(float) > 0)


def _table_motives(sit: Situation) -> dict[str, np.ndarray]:
    """For each reason to table a resolution, its strength (0-1) against every state."""
    b, i, n = sit.board, sit.i, sit.board.n
    aggressive = b.aggression >= 0.5
    aggressor = aggressive & (_fights(sit) | (b.m.threat[i] >= 0.45)) if aggressive.any() else aggressive
    strongest = np.arange(n) == int(b.share.argmax())
    rival = np.arange(n) == int(sit.rel.rivals.rival[i])
    soft = sit.p.assembly.against_strongest > 0 and sit.alarm >= 0.5
    hub = sit.p.motives.hub > 0 and bool(b.guards[i].any())
    return {
        "aggressor": np.where(aggressor, np.minimum(1.0, b.aggression), 0.0),
        "strongest": strongest * (sit.alarm if soft else 0.0),
        "rival": rival * (max(sit.alarm, 0.5) if hub else 0.0),
    }


def _table_kind(sit: Situation, k: int, why: str) -> str:
    """Condemn; against an aggressor fighting us or our partners, authorize action (or sanction)."""
    b = sit.board
    if why != "aggressor":
        return "condemn"
    if _fights(sit)[k] and b.ids[k] not in sit.view.veto_holders:
        return "authorize"
    return "sanction" if b.aggression[k] >= 1 else "condemn"


def _our_turn_to_table(sit: Situation, k: int, why: str) -> bool:
    """Of the states with the same reason to table against k, one does it: the first in an order that
    rotates each turn (all can tell who that is, so the Assembly is not flooded with copies)."""
    b = sit.board
    if why == "rival":
        return True
    table = np.array([personality(x).assembly.table > 0 for x in sit.names])
    friends = b.partner[:, k] | b.bloc[:, k]
    if why == "strongest":
        against = np.array([personality(x).assembly.against_strongest > 0 for x in sit.names])
        able = against & (sit.rel.rivals.alarm >= 0.5)
    else:
        fights = b.war[k] | (b.partner.astype(float) @ b.war[k].astype(float) > 0)
        able = fights | (b.m.threat[:, k] >= 0.45)
    able &= table & ~friends
    able[k] = False
    order = (np.arange(b.n) - sit.view.turn) % b.n
    first = int(np.flatnonzero(able)[np.argmin(order[able])]) if able.any() else sit.i
    return first == sit.i


def diplomacy(sit: Situation) -> list[Order]:
    """Everything diplomatic a state decides in a turn, in the order the engine applies it."""
    replies = answers(sit)
    props = {p.id: p for p in sit.view.proposals}
    joining = {RELATION_OF[props[a.proposal].kind] for a in replies if a.accept}
    return (
        calls(sit)
        + replies
        + departures(sit)
        + expulsions(sit)
        + institutions(sit)
        + proposals(sit, joining)
        + votes(sit)
        + tabling(sit)
    )
