"""The Assembly: resolutions tabled, voted (one state, one vote), blocked or vetoed, and applied."""

from __future__ import annotations

from collections import Counter

from game.engine.context import Turn
from game.engine.orders import Table, Vote
from game.engine.state import BLOC, Resolution

COUNCIL_KINDS = ("sanction", "authorize")  # need the Council: any veto holder voting no stops them
CONCEPT = {"condemn": "legitimacy", "sanction": "collective_security", "authorize": "collective_security"}


def table(turn: Turn, order: Table) -> None:
    state = turn.state
    res = Resolution(
        id=state.new_id("r"), kind=order.kind, target=order.target, sponsor=order.actor, tabled=state.turn
    )
    state.agenda.append(res)
    turn.log(
        "tabled",
        [order.actor, order.target],
        "collective_security",  # any state may table against any other: the organization of all at work
        sponsor=order.actor,
        target=order.target,
        kind=order.kind,
        resolution=res.id,
    )


def hold_session(turn: Turn, votes: list[Vote]) -> None:
    """Vote every resolution tabled before this turn, in the order tabled."""
    state = turn.state
    due = [r for r in state.agenda if r.tabled < state.turn]
    state.agenda = [r for r in state.agenda if r.tabled >= state.turn]
    given = {(v.resolution, v.actor): v.vote for v in votes}
    duties = turn.duties()
    for res in due:
        cast_votes(turn, res, given)
        decide(turn, res, duties)
        state.resolutions.append(res)
    since = state.turn - state.rules.loyalty_window
    state.resolutions = [r for r in state.resolutions if r.tabled >= since]


def cast_votes(turn: Turn, res: Resolution, given: dict[tuple[str, str], str]) -> None:
    """Record each living state's vote; silent bloc members follow their bloc's line."""
    state = turn.state
    living = state.living()
    for nation in living:
        vote = given.get((res.id, nation))
        if vote is None:
            vote = {res.sponsor: "yes", res.target: "no"}.get(nation)
        if vote is not None:
            res.votes[nation] = vote
    for bloc in sorted((a for a in state.agreements.values() if a.kind == BLOC), key=lambda a: a.id):
        line = bloc_line(res, bloc.members)
        if line:
            for m in bloc.members:
                res.votes.setdefault(m, line)
    for nation in living:
        res.votes.setdefault(nation, "abstain")
    res.votes = dict(sorted(res.votes.items()))


def bloc_line(res: Resolution, members: list[str]) -> str:
    """The majority vote of a bloc's members who have voted (empty when tied or none)."""
    counts = Counter(res.votes[m] for m in members if res.votes.get(m) in ("yes", "no"))
    if not counts or counts["yes"] == counts["no"]:
        return ""
    return "yes" if counts["yes"] > counts["no"] else "no"


def decide(turn: Turn, res: Resolution, duties: set[tuple[str, str]]) -> None:
    state, rules = turn.state, turn.state.rules
    tally = Counter(res.votes.values())
    outcome = "passed" if tally["yes"] > tally["no"] else "failed"
    blocker = ""
    if outcome == "passed":
        for bloc in (a for a in state.agreements.values() if a.kind == BLOC):
            united = all(res.votes.get(m) == "no" for m in bloc.members)
            weighty = len(bloc.members) >= rules.bloc_block_share * len(state.living())
            if united and (weighty or any(m in state.veto_holders for m in bloc.members)):
                outcome, blocker = "blocked", bloc.name
                break
    if outcome == "passed" and res.kind in COUNCIL_KINDS:
        vetoes = [v for v in state.veto_holders if res.votes.get(v) == "no"]
        if vetoes:
            outcome, blocker = "vetoed", turn.name(vetoes[0])
    res.outcome = outcome
    concept = "soft_balancing" if outcome == "blocked" else CONCEPT[res.kind]
    turn.log(
        "resolution",
        [res.sponsor, res.target],
        concept,
        sponsor=res.sponsor,
        target=res.target,
        kind=res.kind,
        resolution=res.id,
        outcome=outcome,
        yes=tally["yes"],
        no=tally["no"],
        abstain=tally["abstain"],
        blocker=blocker,
    )
    credit_supporters(turn, res, duties)
    if outcome == "passed":
        apply(turn, res)


def credit_supporters(turn: Turn, res: Resolution, duties: set[tuple[str, str]]) -> None:
    """Each vote with the sponsor (yes) or the target (no) adds to its legitimacy; informal ones count more."""
    weight = min(1.0, turn.state.rules.vote_weight_states / max(1, len(res.votes) - 1))
    for receiver, side in ((res.sponsor, "yes"), (res.target, "no")):
        gains, informal = {}, 0
        for voter, vote in res.votes.items():
            if voter not in (res.sponsor, res.target) and vote == side:
                gain, formal = turn.support_gain(voter, receiver, weight, duties)
                gains[voter] = round(gain, 3)
                informal += not formal
        if gains:
            turn.log(
                "vote_support",
                [receiver],
                "informal_obligations" if informal else "alliance",
                receiver=receiver,
                resolution=res.id,
                gains=gains,
                total=round(sum(gains.values()), 2),
                count=len(gains),
                informal=informal,
            )


def apply(turn: Turn, res: Resolution) -> None:
    state, rules = turn.state, turn.state.rules
    target = state.nations[res.target]
    if res.kind == "condemn":
        turn.adjust_legitimacy(res.target, -rules.condemn_legitimacy)
    elif res.kind == "sanction":
        target.sanctioned_until = state.turn + rules.sanction_turns
    else:
        state.authorizations[res.target] = state.turn + rules.authorization_turns
