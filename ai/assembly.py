"""The Assembly: votes by the personality's weights, and at most one resolution a turn to table."""

from __future__ import annotations

import numpy as np

from ai.explain import reason
from ai.situation import Situation
from ai.theories import column, predicted_tally, vote_of, vote_scores
from game.engine.orders import Order, Table, Vote
from game.text.say import Sentence, say

RESOLUTION_GAP = 2  # turns after a resolution against a state before another is tabled
CAMPAIGN_CANDIDATES = 3  # the least liked states a campaign for standing considers as targets


def votes(sit: Situation) -> list[Order]:
    """Votes on the resolutions on the agenda, each by the personality's weights."""
    out: list[Order] = []
    in_bloc = bool(sit.board.bloc[sit.i].any())
    for res in sit.view.agenda:
        if sit.me in (res.sponsor, res.target) or res.tabled >= sit.view.turn:
            continue
        vs = vote_scores(sit.board, sit.names, res.sponsor, res.target)
        score = sit.perceive(float(vs.score[sit.i]))
        vote = vote_of(score, sit.p.assembly.margin)
        if vote == "abstain" and in_bloc:
            continue  # a silent bloc member follows its bloc's line
        concept, text, nums = _vote_reason(sit, res, vs, vote, score)
        out.append(Vote(sit.me, res.id, vote, reason=reason(sit, concept, text, **nums)))
    return out


def _vote_reason(sit: Situation, res, vs, vote: str, score: float) -> tuple[str, Sentence, dict]:
    what = say(f"ai.vote.on_{res.kind}", target=sit.name(res.target), sponsor=sit.name(res.sponsor))
    nums = {"resolution": res.id, "score": score, "target": res.target, "sponsor": res.sponsor}
    if vote == "abstain":
        return "legitimacy", say("ai.vote.abstained", what=what, score=score), nums
    weights = sit.p.assembly
    parts = {k: getattr(weights, k) * float(v[sit.i]) for k, v in vs.parts.items()}
    sign = 1 if vote == "yes" else -1
    main = max(parts, key=lambda k: sign * parts[k])
    head = say(f"ai.vote.voted_{vote}", what=what)
    b = sit.board
    if main == "follow_patron":
        patrons = [b.ids[j] for j in np.flatnonzero(b.guards[:, sit.i])]
        names = ", ".join(sit.name(p) for p in patrons)
        key = "ai.vote.patrons" if len(patrons) > 1 else "ai.vote.patron"
        return "informal_obligations", say(key, head=head, names=names), nums
    if main == "follow_rival":
        return "bandwagoning", say("ai.vote.bandwagon", head=head, rival=sit.name(sit.rival)), nums
    if main == "against_strongest":
        strongest = b.ids[int(b.share.argmax())]
        concept = "soft_balancing" if sit.theory == "soft_balancer" else "balance_of_power"
        text = say("ai.vote.strongest", head=head, name=sit.name(strongest), share=sit.share_of(strongest))
        return concept, text, nums
    if main == "with_partners":
        return "alliance", say("ai.vote.partners", head=head), nums
    t_target, t_sponsor = (
        float(b.m.threat[sit.i, b.col[res.target]]),
        float(b.m.threat[sit.i, b.col[res.sponsor]]),
    )
    nums.update(threat_target=t_target, threat_sponsor=t_sponsor)
    text = say(
        "ai.vote.threat",
        head=head,
        target=sit.name(res.target),
        threat_target=t_target,
        sponsor=sit.name(res.sponsor),
        threat_sponsor=t_sponsor,
    )
    return "balance_of_threat", text, nums


def tabling(sit: Situation) -> list[Order]:
    """At most one resolution a turn: against an aggressor, the strongest state or our rival."""
    if not sit.view.assembly or sit.p.assembly.table <= 0:
        return []
    b, i, view = sit.board, sit.i, sit.view
    motives = _table_motives(sit)
    moved = any(m.any() for m in motives.values())
    if not moved and not _campaigning(sit):
        return []
    recent = {r.target for r in view.agenda} | {
        r.target for r in view.resolutions if r.tabled >= view.turn - RESOLUTION_GAP
    }
    shut = b.partner[i] | b.bloc[i]
    shut[[b.col[t] for t in recent if t in b.col] + [i]] = True
    if not moved:
        return _campaign(sit, shut)
    best: tuple[float, str, str, str] | None = None
    for why, motive in motives.items():
        for k in np.flatnonzero((motive > 0) & ~shut):
            score = sit.perceive(float(motive[k]) * sit.p.assembly.table)
            if score >= 0.5 and (best is None or score > best[0]) and _our_turn_to_table(sit, int(k), why):
                best = (score, _table_kind(sit, int(k), why), b.ids[int(k)], why)
    if best is None:
        return _campaign(sit, shut)
    score, kind, target, why = best
    yes, no = predicted_tally(b, sit.names, sit.me, target)
    if yes <= no:
        return _campaign(sit, shut)
    concept = {
        "condemn": "legitimacy",
        "sanction": "collective_security",
        "authorize": "collective_security",
    }[kind]
    if why == "strongest":
        concept = "soft_balancing" if sit.theory == "soft_balancer" else "balance_of_power"
    text = say(
        f"ai.table.{why}",
        what=say(f"ai.table.{kind}", target=sit.name(target)),
        record=float(b.aggression[b.col[target]]),
        share=sit.share_of(target),
        yes=yes,
        no=no,
    )
    return [Table(sit.me, kind, target, reason=reason(sit, concept, text, target=target, yes=yes, no=no))]


def _campaigning(sit: Situation) -> bool:
    """Whether we campaign for standing: the hard level, when standing is its objective."""
    return sit.difficulty == "hard" and sit.view.nations[sit.me].objective == "standing"


def _campaign(sit: Situation, shut: np.ndarray) -> list[Order]:
    """The hard level, seeking standing: table the condemnation most states will vote for, since every
    vote for our resolution supports us (twice as much when given freely)."""
    b = sit.board
    if not _campaigning(sit):
        return []
    disliked = b.aggression + (1 - b.legitimacy / 100) + b.share
    best = None
    for k in [int(k) for k in np.argsort(-disliked) if not shut[k]][:CAMPAIGN_CANDIDATES]:
        yes, no = predicted_tally(b, sit.names, sit.me, b.ids[k])
        if yes > no and (best is None or yes - no > best[0] - best[1]):
            best = (yes, no, b.ids[k])
    if best is None:
        return []
    yes, no, target = best
    text = say("ai.table.campaign", target=sit.name(target), yes=yes, no=no)
    return [
        Table(
            sit.me, "condemn", target, reason=reason(sit, "legitimacy", text, target=target, yes=yes, no=no)
        )
    ]


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
    table = column(sit.names, "assembly.table") > 0
    friends = b.partner[:, k] | b.bloc[:, k]
    if why == "strongest":
        able = (column(sit.names, "assembly.against_strongest") > 0) & (sit.rel.rivals.alarm >= 0.5)
    else:
        fights = b.war[k] | (b.partner.astype(float) @ b.war[k].astype(float) > 0)
        able = fights | (b.m.threat[:, k] >= 0.45)
    able &= table & ~friends
    able[k] = False
    order = (np.arange(b.n) - sit.view.turn) % b.n
    first = int(np.flatnonzero(able)[np.argmin(order[able])]) if able.any() else sit.i
    return first == sit.i
