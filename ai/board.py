"""What every state sees alike in a turn, computed once for all of them: metrics and the web of ties."""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from operator import attrgetter

import numpy as np

from game.engine import metrics
from game.engine.state import BLOC, GUARANTEE, PACT, GameState, Rules

CACHE_SIZE = 8


@dataclass
class Board:
    """The public numbers of one moment of the game, for all living states at once (rows follow `ids`)."""

    rules: Rules
    m: metrics.Metrics
    ids: list[str]
    col: dict[str, int]
    personality: list[str]  # each state's AI personality, as the map and setup show it
    pact: np.ndarray  # N x N bool: share a defense pact
    bloc: np.ndarray  # N x N bool: share a bloc
    guards: np.ndarray  # guards[i, j]: i is the patron of j
    war: np.ndarray  # N x N bool: at war with each other
    similarity: np.ndarray  # N x N: 1 - mean gap of value profiles
    agree: np.ndarray  # agree[i, j]: recorded Assembly votes where i and j voted the same yes/no
    voted: np.ndarray  # voted[i, j]: recorded Assembly votes where both voted yes or no
    aggression: np.ndarray
    legitimacy: np.ndarray
    owned: dict[str, list[str]]  # each living state's provinces
    stacks: dict[str, dict[str, int]]  # each state's strength by province
    _memo: dict = field(default_factory=dict, repr=False)

    @property
    def n(self) -> int:
        return len(self.ids)

    @property
    def share(self) -> np.ndarray:
        return self.m.share

    @functools.cached_property
    def in_pact(self) -> np.ndarray:
        return self.pact.any(1)

    @functools.cached_property
    def in_bloc(self) -> np.ndarray:
        return self.bloc.any(1)

    @functools.cached_property
    def has_patron(self) -> np.ndarray:
        return self.guards.any(0)

    @functools.cached_property
    def partner(self) -> np.ndarray:
        """Partners share a pact or a guarantee (either way round)."""
        return self.pact | self.guards | self.guards.T

    def memo(self, key: object, build):
        """A value computed once per board (relations and vote scores of a set of personalities)."""
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]

    def coincidence(self, i: int, j: int) -> float | None:
        """How often i voted as j did on the recorded votes both cast (None when there is none)."""
        return float(self.agree[i, j] / self.voted[i, j]) if self.voted[i, j] else None


def build(view: GameState) -> Board:
    m = metrics.compute(view)
    ids = m.ids
    col = {x: i for i, x in enumerate(ids)}
    n = len(ids)
    pact, bloc, guards, war = (np.zeros((n, n), bool) for _ in range(4))
    for ag in view.agreements.values():
        members = [col[x] for x in ag.members if x in col]
        if ag.kind == GUARANTEE and ag.patron in col and ag.client in col:
            guards[col[ag.patron], col[ag.client]] = True
        elif ag.kind in (PACT, BLOC):
            grid = pact if ag.kind == PACT else bloc
            grid[np.ix_(members, members)] = True
    for w in view.wars.values():
        a = [col[x] for x in w.attackers if x in col]
        d = [col[x] for x in w.defenders if x in col]
        war[np.ix_(a, d)] = war[np.ix_(d, a)] = True
    for grid in (pact, bloc):
        np.fill_diagonal(grid, False)
    values = np.array([view.nations[x].values for x in ids], dtype=float).reshape(n, -1)
    similarity = 1 - np.abs(values[:, None, :] - values[None, :, :]).mean(-1) if n else np.zeros((0, 0))
    agree, voted = _votes(view, col)
    owned: dict[str, list[str]] = {x: [] for x in ids}
    for p, prov in view.provinces.items():
        owned.setdefault(prov.owner, []).append(p)
    stacks: dict[str, dict[str, int]] = {x: {} for x in ids}
    for p, stack in view.forces.items():
        for x, strength in stack.items():
            stacks.setdefault(x, {})[p] = strength
    return Board(
        rules=view.rules,
        m=m,
        ids=ids,
        col=col,
        personality=[view.nations[x].controller.personality for x in ids],
        pact=pact,
        bloc=bloc,
        guards=guards,
        war=war,
        similarity=similarity,
        agree=agree,
        voted=voted,
        aggression=np.array([view.nations[x].aggression for x in ids]),
        legitimacy=np.array([view.nations[x].legitimacy for x in ids]),
        owned=owned,
        stacks=stacks,
    )


def _votes(view: GameState, col: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Pairwise counts of same and cast yes/no votes over the resolutions of the loyalty window."""
    since = view.turn - view.rules.loyalty_window
    recent = [r for r in view.resolutions if r.tabled >= since]
    sign = np.zeros((len(recent), len(col)))
    for row, res in enumerate(recent):
        for voter, vote in res.votes.items():
            if voter in col and vote in ("yes", "no"):
                sign[row, col[voter]] = 1.0 if vote == "yes" else -1.0
    yes, no = (sign > 0).astype(float), (sign < 0).astype(float)
    return yes.T @ yes + no.T @ no, (yes + no).T @ (yes + no)


_NATION = attrgetter(
    "alive", "development", "production_factor", "legitimacy", "aggression", "controller.personality"
)
_OWNER = attrgetter("owner")
_CONTROLLER, _PERSONALITY = attrgetter("controller"), attrgetter("personality")


def public_key(view: GameState) -> tuple:
    """Everything public a board depends on, but the forces (compared apart, as a dict).

    Value profiles are left out: only a scripted regime change alters them, at the start of a turn,
    so two states of one game and turn never differ in them alone."""
    return (
        view.scenario_id,
        view.seed,
        view.turn,
        view.next_id,
        view.over,
        tuple(map(_OWNER, view.provinces.values())),
        tuple(map(_NATION, view.nations.values())),
        tuple(map(_PERSONALITY, map(_CONTROLLER, view.nations.values()))),
        tuple((a.id, a.kind, a.patron, tuple(a.members)) for a in view.agreements.values()),
        tuple((w.id, tuple(w.attackers), tuple(w.defenders)) for w in view.wars.values()),
        tuple((r.id, tuple(r.votes.items())) for r in view.resolutions),
    )


_CACHE: OrderedDict[int, tuple[tuple, dict, Board]] = OrderedDict()  # by the key's hash, computed once
_LOCK = threading.Lock()


def forget() -> None:
    """Drop every shared board (for timing the AI from scratch)."""
    with _LOCK:
        _CACHE.clear()
        _LAST[:] = [None, None, None]


def _parts(view: GameState) -> tuple:
    """The objects a view shares with the state it was observed from (see `observe`)."""
    return (view.provinces, view.nations, view.forces, view.agreements, view.wars, view.resolutions)


_LAST: list = [None, None, None]  # the parts, turn and board of the last board handed out


def board_for(view: GameState) -> Board:
    """The board of this public state: built once, shared by every state's view of the same moment."""
    parts = _parts(view)
    with _LOCK:
        last_parts, last_turn, last_board = _LAST
        same = last_parts is not None and all(a is b for a, b in zip(parts, last_parts, strict=True))
        if same and last_turn == (view.turn, view.next_id):
            return last_board  # views of one state: the states of a turn deciding one after another
    board = _shared_board(view)
    with _LOCK:
        _LAST[:] = [parts, (view.turn, view.next_id), board]
    return board


def _shared_board(view: GameState) -> Board:
    """The board of a view's public state, from the cache of recent moments or built afresh."""
    key = public_key(view)
    code = hash(key)
    with _LOCK:
        hit = _CACHE.get(code)
        if hit is not None and hit[0] == key and hit[1] == view.forces:
            _CACHE.move_to_end(code)
            return hit[2]
    board = build(view)
    with _LOCK:
        _CACHE[code] = (key, {p: dict(stack) for p, stack in view.forces.items()}, board)
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    return board
