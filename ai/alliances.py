"""Alliances: answers to proposals and calls to arms, new pacts, blocs and guarantees, leaving, expelling,
new missions and alternative institutions, each scored by ai/scoring.py and explained."""

from __future__ import annotations

import numpy as np

from ai.explain import reason
from ai.scoring import agreement_value, why_align, why_not
from ai.situation import NOISE, Situation
from ai.theories import RECIPROCAL
from game.engine.orders import AdoptMission, Answer, AnswerCall, Expel, FundInstitution, Leave, Order, Propose
from game.engine.state import BLOC, GUARANTEE, PACT, Agreement, Proposal
from game.text.say import Sentence, say

PROPOSAL_KIND = {"pact": "pact", "bloc": "bloc", "client": "guarantee_request", "patron": "guarantee_offer"}
RELATION_OF = {"pact": "pact", "bloc": "bloc", "guarantee_offer": "client", "guarantee_request": "patron"}
SENDER_ROLE = {"pact": "pact", "bloc": "bloc", "guarantee_offer": "patron", "guarantee_request": "client"}
PROPOSALS = {"easy": 1, "normal": 2, "hard": 2}
FADED = 0.6  # a pact whose purpose (the engine's shared threat) is below this has lost its common threat
END_BALANCE = 0.1  # ... and ends when its members help this little against our current rival
LEAVE_COST = 0.15  # value a member gives up by leaving a cohesive pact (its legitimacy cost)


def answers(sit: Situation) -> list[Order]:
    """Answers to the pacts, blocs and guarantees proposed to us last turn.

    A state keeps one pact, one bloc and one patron: of several offers of one kind it takes the best,
    and it declines offers of a kind it already has or has itself proposed to another state.
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
    valued = [(sit.perceive(_offer_value(sit, p)), p) for p in offers]
    asked = _asked(sit)
    mine = {(PROPOSAL_KIND[RECIPROCAL[kind]], other) for kind, others in asked.items() for other in others}
    for value, prop in sorted(valued, key=lambda t: (-t[0], t[1].id)):
        kind = RELATION_OF[prop.kind]
        ag = sit.view.agreements.get(prop.agreement)
        held = _held(sit, kind)
        accept = False
        crossed = not prop.agreement and (prop.kind, prop.sender) in mine and sit.me < prop.sender
        if crossed:
            text = say("ai.answer.crossed", offer=_offer_text(sit, prop, ag), name=sit.name(prop.sender))
            why = reason(sit, _CONCEPT_OF[kind], text, partner=prop.sender, value=value)
        elif kind != "patron" and (held or kind in taken or asked.get(kind, {prop.sender}) != {prop.sender}):
            where = (
                held.name
                if held
                else say("ai.answer.just_accepted" if kind in taken else "ai.answer.proposed")
            )
            text = say("ai.answer.one_is_enough", offer=_offer_text(sit, prop, ag), where=where)
            concept = "alliance_cohesion" if kind == "pact" else _CONCEPT_OF[kind]
            why = reason(sit, concept, text, partner=prop.sender, value=value)
        elif value >= sit.p.thresholds.accept:
            phrase, concept, nums = why_align(sit, kind, prop.sender)
            nums.setdefault("value", value)
            text = say("ai.answer.accepted", offer=_offer_text(sit, prop, ag), why=_joined(phrase))
            why = reason(sit, concept, text, partner=prop.sender, **nums)
            accept = True
            taken.add(kind)
        else:
            phrase, concept, nums = why_not(sit, kind, prop.sender, value)
            text = say("ai.answer.declined", offer=_offer_text(sit, prop, ag), why=phrase)
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
        if p.sender == sit.me and p.kind in SENDER_ROLE and not p.agreement:
            asked.setdefault(SENDER_ROLE[p.kind], set()).add(p.recipient)
    return asked


def _offer_value(sit: Situation, prop: Proposal) -> float:
    ag = sit.view.agreements.get(prop.agreement)
    return agreement_value(sit, ag) if ag else sit.value(RELATION_OF[prop.kind], prop.sender)


def _offer_text(sit: Situation, prop: Proposal, ag: Agreement | None) -> Sentence:
    sender = sit.name(prop.sender)
    if ag:
        return say("ai.offer.invitation", name=sender, agreement=ag.name)
    return say(f"ai.offer.{prop.kind}", name=sender)


def _held(sit: Situation, kind: str) -> Agreement | None:
    """The pact or bloc we are in, or the guarantee that protects us; None for other kinds."""
    if kind in ("pact", "bloc"):
        mine = sit.held(kind)
        return max(mine, key=lambda a: (len(a.members), a.id)) if mine else None
    if kind == "client":
        return next((a for a in sit.held(GUARANTEE) if a.patron != sit.me), None)
    return None


def proposals(sit: Situation, joining: set[str]) -> list[Order]:
    """New pacts, blocs and guarantees worth proposing to states likely to accept (an invitation into our
    pact or bloc when we have one); none of a kind we are `joining` this turn."""
    b, i = sit.board, sit.i
    pending = {(p.kind, p.recipient) for p in sit.view.proposals if p.sender == sit.me}
    asked = _asked(sit)
    held = {kind: _held(sit, kind) for kind in ("pact", "bloc", "client")}
    options: list[tuple[float, str, str]] = []
    for kind in ("pact", "bloc", "client", "patron"):
        if kind in joining or (kind == "client" and held["client"]):
            continue
        if kind != "patron" and asked.get(kind) and not held[kind]:
            continue  # a new pact, bloc or patron is already asked for: wait for the answer
        if sit.rel.value[kind][i].max() + 3 * NOISE[sit.difficulty] < sit.p.thresholds.propose:
            continue  # nothing near worth proposing
        row = sit.rel.value[kind][i].copy()
        row[_closed(sit, kind)] = -np.inf
        for k in np.argsort(-row)[:3]:
            other = b.ids[int(k)]
            value = sit.perceive(float(row[k]))
            if value < sit.p.thresholds.propose or (PROPOSAL_KIND[kind], other) in pending:
                continue
            if sit.accepts(other, RECIPROCAL[kind]):
                options.append((value, kind, other))
    options.sort(key=lambda t: (-t[0], t[2]))
    out: list[Order] = []
    founding: set[str] = set()
    for value, kind, other in options:
        into = held[kind] if kind in ("pact", "bloc") else None
        if len(out) == PROPOSALS[sit.difficulty] or (kind in founding and not into):
            continue  # one new pact or bloc at a time: the others are invited once it exists
        founding.add(kind)
        phrase, concept, nums = why_align(sit, kind, other)
        if into:
            text = say("ai.propose.invite", name=sit.name(other), agreement=into.name, why=_joined(phrase))
        else:
            text = say(f"ai.propose.{kind}", name=sit.name(other), why=_joined(phrase))
        order = Propose(
            sit.me,
            PROPOSAL_KIND[kind],
            other,
            agreement=into.id if into else "",
            reason=reason(sit, concept, text, partner=other, value=value, **nums),
        )
        out.append(order)
    return out


def _joined(phrase: Sentence) -> Sentence:
    """A reason joined to the sentence it explains: 'against ...' directly, any other after a dash."""
    return say("ai.joined.against" if phrase["key"] == "ai.align.against" else "ai.joined.dash", why=phrase)


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
    for ag in sit.mine:
        value = sit.perceive(agreement_value(sit, ag))
        fading = ag.kind == PACT and ag.purpose < FADED and _balance_in(sit, ag) < END_BALANCE
        if (
            fading
            and ag.leader == me
            and sit.p.mission > 0
            and treasury >= rules.mission_cost * (1 + sit.p.budget.reserve)
        ):
            text = say(
                "ai.leave.mission",
                agreement=ag.name,
                cost=rules.mission_cost,
                purpose=ag.purpose,
                cohesion=ag.cohesion,
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
            text = say("ai.leave.renounced", name=sit.name(ag.patron))
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
        text = say(
            "ai.leave.threat_gone",
            agreement=ag.name,
            purpose=ag.purpose,
            cohesion=ag.cohesion,
            balance=_balance_in(sit, ag),
        )
        return reason(sit, "end_of_alliances", text, purpose=ag.purpose, cohesion=ag.cohesion, value=value)
    other = ag.patron if ag.kind == GUARANTEE else _weakest_link(sit, ag)
    kind = "client" if ag.kind == GUARANTEE else ag.kind
    phrase, concept, nums = why_not(sit, kind, other, value, held=True)
    nums.setdefault("value", value)
    return reason(sit, concept, say("ai.leave.left", agreement=ag.name, why=phrase), partner=other, **nums)


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
        text = say(
            "ai.leave.disloyal",
            name=sit.name(client),
            loyalty=loyalty,
            votes=votes,
            expected=rules.loyalty_threshold,
        )
        return Leave(
            sit.me,
            ag.id,
            reason=reason(sit, "asymmetric_alliance", text, partner=client, loyalty=loyalty, votes=votes),
        )
    if value >= sit.p.thresholds.leave:
        return None
    phrase, concept, nums = why_not(sit, "patron", client, value, held=True)
    nums.setdefault("value", value)
    text = say("ai.leave.withdrew", name=sit.name(client), why=phrase)
    return Leave(sit.me, ag.id, reason=reason(sit, concept, text, partner=client, **nums))


def expulsions(sit: Situation) -> list[Order]:
    """A pact leader expels members that refused its calls to arms."""
    out: list[Order] = []
    for ag in sit.held(PACT):
        if ag.leader != sit.me or len(ag.members) <= 2:
            continue
        for refuser in ag.refusers:
            text = say("ai.expel", name=sit.name(refuser), agreement=ag.name, cohesion=ag.cohesion)
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
    for ag in sit.held(BLOC):
        missing = sit.view.rules.institution_cost - ag.institution_funds
        amount = round(min(share * treasury, missing), 2)
        if ag.institution or share <= 0 or amount < 0.5:
            continue
        text = say(
            "ai.institution",
            amount=amount,
            agreement=ag.name,
            raised=ag.institution_funds,
            cost=sit.view.rules.institution_cost,
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
            text = say(
                "ai.call.chain_gang" if many else "ai.call.answered",
                ally=sit.name(call.ally),
                attacker=sit.name(attacker),
                agreement=ag.name,
            )
        else:
            concept = "bandwagoning" if bandwagon else "buck_passing"
            text = say(
                "ai.call.too_strong" if bandwagon else "ai.call.buck_pass",
                ally=sit.name(call.ally),
                attacker=sit.name(attacker),
                share=sit.share_of(attacker),
                agreement=ag.name,
                value=value,
            )
        out.append(
            AnswerCall(sit.me, call.war, join, reason=reason(sit, concept, text, ally=call.ally, value=value))
        )
    return out
