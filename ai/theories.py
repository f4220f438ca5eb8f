"""The theories as weights over one machinery: whom each state balances, what each tie is worth, how it votes.

Everything here is computed for all living states at once (numpy, N x N), each row with the weights of
that state's personality, so that one state's choice and its guess of another's answer read the same
matrices. docs/AI.md gives the formulas.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from operator import attrgetter

import numpy as np

from ai.board import Board
from ai.personalities import KINDS, Personality, personalities

DEFAULT = "balance_of_threat"  # how a human or random state is expected to judge offers
FORMAL = {"pact": 1.0, "bloc": 0.0, "client": 0.5, "patron": 0.5}
AVERAGE_FACTOR = 1.3  # power alarm never starts below this multiple of the average share (1 / states)
STATURE = 1.0  # what a guarantee loses when the patron is not the stronger of the two
RECIPROCAL = {"pact": "pact", "bloc": "bloc", "client": "patron", "patron": "client"}


def personality(name: str) -> Personality:
    """The weights of a personality; random and unknown ones are judged as the default theory."""
    table = personalities()
    return table.get(name, table[DEFAULT])


def theory_name(name: str) -> str:
    return name if name in personalities() else DEFAULT


def _weights(ps: list[Personality], get) -> np.ndarray:
    return np.array([float(get(p)) for p in ps])


@functools.lru_cache(maxsize=512)
def column(names: tuple[str, ...], path: str) -> np.ndarray:
    """One weight of every state's personality, in board order, e.g. column(names, "assembly.margin");
    shared, so never changed in place."""
    get = attrgetter(path)
    return np.array([float(get(personality(x))) for x in names])


@dataclass
class Rivals:
    """Each state's rival, the pressure it feels from it (power share or threat) and its alarm, 0-1."""

    rival: np.ndarray
    pressure: np.ndarray
    alarm: np.ndarray
    weak: np.ndarray  # 0-1: how far below its bandwagon line a state is (0 for non-bandwagoners)


def rivals(board: Board, ps: list[Personality]) -> Rivals:
    n, s, t = board.n, board.share, board.m.threat
    pf = board.partner.astype(float)
    friends = board.partner | board.bloc | (pf @ pf > 0)  # partners, bloc fellows and partners' partners
    others = ~friends & ~np.eye(n, dtype=bool)  # a rival is never a friend, unless all are
    others[~others.any(1)] = ~np.eye(n, dtype=bool)[~others.any(1)]
    by_power = np.where(others, s[None, :], -1.0).argmax(1) if n else np.zeros(0, int)
    by_threat = np.where(others, t, -1.0).argmax(1) if n else np.zeros(0, int)
    threat_mode = np.array([p.rival == "threat" for p in ps], bool)
    rival = np.where(threat_mode, by_threat, by_power)
    coalition = s + board.partner.astype(float) @ s  # a state's side: itself and its partners
    pressure = np.where(threat_mode, t[np.arange(n), rival], coalition[rival])
    lo, hi = _weights(ps, lambda p: p.alarm[0]), _weights(ps, lambda p: p.alarm[1])
    fair = AVERAGE_FACTOR / max(n, 1)  # a side merely larger than the average state is no concentration
    lo = np.where(threat_mode, lo, np.maximum(lo, fair))
    hi = np.maximum(hi, lo + 0.1)
    alarm = np.clip((pressure - lo) / (hi - lo), 0, 1)
    below = np.array([p.bandwagon_below for p in ps], float)
    line = np.maximum(below * s[rival], 1e-9)
    weak = np.where(below > 0, np.clip(1 - s / line, 0, 1), 0.0)
    return Rivals(rival, pressure, alarm, weak)


@dataclass
class Relations:
    """value[kind][i, k]: what an agreement of that kind with k is worth to i, and the motives behind it."""

    rivals: Rivals
    value: dict[str, np.ndarray]
    motives: dict[str, np.ndarray]
    side: np.ndarray  # i's side: its share plus its partners'
    rival_side: np.ndarray


def relations(board: Board, names: tuple[str, ...]) -> Relations:
    """The relation values of every state toward every other, each state weighing with its personality."""
    return board.memo(("relations", names), lambda: _relations(board, [personality(x) for x in names]))


def _relations(board: Board, ps: list[Personality]) -> Relations:
    n, s, t, prox = board.n, board.share, board.m.threat, board.m.proximity
    rv = rivals(board, ps)
    r, alarm, eye = rv.rival, rv.alarm, np.arange(n)
    partner = board.partner
    pf = partner.astype(float)
    side = s + pf @ s
    rival_side = s[r] + (pf @ s)[r] - pf[r, eye] * s
    without = side[:, None] - pf * s[None, :]  # my side without k
    gap = np.maximum(rival_side[:, None] - without, 0)
    fill = np.where(gap > 1e-6, np.minimum(s[None, :], gap) / np.maximum(gap, 1e-9), 0.0)
    extra = 0.25 * np.minimum(1, np.maximum(s[None, :] - gap, 0) / np.maximum(rival_side[:, None], 1e-9))
    is_rival = eye[None, :] == r[:, None]
    with_rival = is_rival | partner[r, :]
    reach = 0.5 + 0.5 * prox[:, r].T  # prox[k, rival of i]
    shared = 0.5 + 0.5 * np.minimum(1, t[:, r].T / board.rules.threat_reference)
    balance = alarm[:, None] * reach * shared * (fill + extra) * ~with_rival
    alone = 1 - np.minimum(1, np.maximum(without - s[:, None], 0) / np.maximum(s[r], 1e-9)[:, None])
    bandwagon = is_rival * (alarm * rv.weak)[:, None] * alone
    opposition = alarm[:, None] * with_rival * (1 - rv.weak[:, None] * alone)
    near = 0.5 + 0.5 * prox
    stronger = s[None, :] / np.maximum(s[None, :] + s[:, None], 1e-9)  # 0.5 for an equal, near 1 for a giant
    protection = (
        np.minimum(1, s[None, :] / np.maximum(s[r], 1e-9)[:, None])
        * near
        * stronger
        * board.similarity
        * ~is_rival
    )
    hub = np.maximum(0, 1 - s[None, :] / np.maximum(s, 1e-9)[:, None]) * near * board.similarity * ~with_rival
    risk = _risk(board, r)
    stature = (s[None, :] <= s[:, None]).astype(float)  # 1 where k is no stronger than i
    motives = {
        "balance": balance,
        "bandwagon": bandwagon,
        "opposition": opposition,
        "protection": protection,
        "hub": hub,
        "risk": risk,
        "values": board.similarity,
        "distrust": t,
        "stature": stature,
    }
    w = {k: _weights(ps, attrgetter(f"motives.{k}"))[:, None] for k in _MOTIVES}
    common = w["values"] * board.similarity - w["opposition"] * opposition - w["distrust"] * t
    drive = w["balance"] * balance + w["bandwagon"] * bandwagon
    extras = {
        "pact": w["protection"] * protection - w["risk"] * risk,
        "client": w["protection"] * protection - STATURE * stature,
        "patron": w["hub"] * hub - w["risk"] * risk - STATURE * (1 - stature),
        "bloc": w["trade"] * np.ones((n, n)),
    }
    value = {}
    for kind in KINDS:
        affinity = _weights(ps, attrgetter(f"agreements.{kind}"))[:, None]
        v = affinity * drive + common + extras[kind] + w["formality"] * FORMAL[kind]
        np.fill_diagonal(v, -np.inf)
        value[kind] = v
    return Relations(rv, value, motives, side, rival_side)


_MOTIVES = (
    "balance",
    "bandwagon",
    "opposition",
    "protection",
    "hub",
    "trade",
    "values",
    "risk",
    "distrust",
    "formality",
)


def _risk(board: Board, r: np.ndarray) -> np.ndarray:
    """risk[i, k]: k fights or fears states that are not i's rival, and could drag i in (chain-ganging)."""
    n, t = board.n, board.m.threat
    wf = board.war.astype(float)
    eye = np.arange(n)
    others = wf.sum(1)[None, :] - wf @ wf.T - (wf[:, r].T * (1 - wf[eye, r])[:, None]) - wf
    at_war = (others > 0).astype(float)
    top = t.argmax(1) if n else np.zeros(0, int)
    own = t[eye, top][None, :] * ((top[None, :] != r[:, None]) & (top[None, :] != eye[:, None]))
    return np.maximum(at_war, 0.5 * own)


@dataclass
class VoteScores:
    """score[v]: how much voter v leans to yes (+) or no (-) on one resolution, with the reasons' parts."""

    score: np.ndarray
    parts: dict[str, np.ndarray]


def vote_scores(board: Board, names: tuple[str, ...], sponsor: str, target: str) -> VoteScores:
    """How every state leans on a resolution of `sponsor` against `target`."""
    key = ("votes", names, sponsor, target)
    return board.memo(key, lambda: _vote_scores(board, names, sponsor, target))


def _vote_scores(board: Board, names: tuple[str, ...], sponsor: str, target: str) -> VoteScores:
    n, t = board.n, board.m.threat
    rel = relations(board, names)
    s, g = board.col.get(sponsor), board.col.get(target)
    eye = np.arange(n)
    t_s = t[:, s] if s is not None else np.zeros(n)
    t_g = t[:, g] if g is not None else np.zeros(n)
    lean = np.clip((t_g - t_s) * 5, -1, 1)
    side = np.where(np.abs(t_g - t_s) > 0.05, np.sign(t_g - t_s), 0.0)
    if s is not None:
        side[s] = 1.0
    if g is not None:
        side[g] = -1.0
    patron = np.clip(board.guards.T.astype(float) @ side, -1, 1)
    r = rel.rivals.rival
    follow_rival = side[r] * rel.rivals.weak * rel.rivals.alarm
    strongest = int(np.argmax(board.share)) if n else -1
    against = np.where(eye == strongest, 0.0, float(g == strongest) - float(s == strongest))
    threat = np.clip(lean + (r == g) - (r == s), -1, 1)
    ties = board.partner | board.bloc
    partners = np.clip(
        (ties[:, s].astype(float) if s is not None else 0)
        - (ties[:, g].astype(float) if g is not None else 0),
        -1,
        1,
    )
    parts = {
        "follow_patron": patron,
        "follow_rival": follow_rival,
        "against_strongest": against,
        "by_threat": threat,
        "with_partners": partners,
    }
    score = sum(column(names, f"assembly.{k}") * v for k, v in parts.items())
    return VoteScores(np.asarray(score, float), parts)


def vote_of(score: float, margin: float) -> str:
    return "yes" if score > margin else "no" if score < -margin else "abstain"


def predicted_tally(board: Board, names: tuple[str, ...], sponsor: str, target: str) -> tuple[int, int]:
    """Yes and no votes a resolution may expect, each state voting by its personality."""
    scores = vote_scores(board, names, sponsor, target).score
    margins = column(names, "assembly.margin")
    yes = int((scores > margins).sum()) + (sponsor in board.col)
    no = int((scores < -margins).sum()) + (target in board.col)
    for x in (sponsor, target):
        i = board.col.get(x)
        if i is not None:
            yes -= int(scores[i] > margins[i])
            no -= int(scores[i] < -margins[i])
    return yes, no
