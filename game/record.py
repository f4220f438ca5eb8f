"""The game record: versioned JSON of every turn's figures, agreements, votes, events and orders."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from game.engine import Event, GameState, Order, OrderError, compute_metrics, order_from_dict
from game.engine.metrics import Metrics
from game.engine.scoring import leader, scores
from game.jsonfile import dumps, plain, read_json, reason, write_atomic

FORMAT = "balancing-act-record"
VERSION = 1

Orders = dict[str, list[Order]]


class RecordError(ValueError):
    """A record that cannot be read or replayed; the message says why."""


@dataclass
class Record:
    """The history of one game; `turns` and `start` hold JSON-ready dicts."""

    scenario: dict[str, Any]  # id, title, hash (SHA-256 of the map file), year of turn 1 or None
    seed: int
    start: dict[str, Any]
    turns: list[dict[str, Any]] = field(default_factory=list)
    scores: dict[str, dict[str, float]] = field(default_factory=dict)
    winner: str = ""
    finished: bool = False
    teams: dict[str, dict[str, Any]] = field(default_factory=dict)  # state id -> team "name" and "members"

    @classmethod
    def begin(cls, state: GameState, scenario: dict[str, Any]) -> Record:
        """A record of a game about to play its first turn."""
        record = cls(scenario=dict(scenario), seed=state.seed, start=snapshot(state, compute_metrics(state)))
        record.conclude(state)
        return record

    def add_turn(self, before: GameState, after: GameState, orders: Orders, events: list[Event]) -> None:
        """Append one resolved turn: the orders given, then what the turn left behind."""
        m = compute_metrics(after)
        entry = {"turn": before.turn, **snapshot(after, m)}
        entry["resolutions"] = decided(after, events)
        entry["events"] = [event_entry(e) for e in events]
        given = [n for n in before.nations if n in orders] + sorted(set(orders) - set(before.nations))
        entry["orders"] = {n: [order_entry(o) for o in orders[n]] for n in given}
        self.turns.append(entry)
        self.conclude(after, m)

    def conclude(self, state: GameState, m: Metrics | None = None) -> None:
        """Scores and winner as they stand (final once the game is over)."""
        table = scores(state, m or compute_metrics(state))
        self.scores = plain(table)
        self.finished = state.over
        self.winner = state.winner or leader(state, table)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "scenario": self.scenario,
            "seed": self.seed,
            **({"teams": self.teams} if self.teams else {}),
            "finished": self.finished,
            "winner": self.winner,
            "scores": self.scores,
            "start": self.start,
            "turns": self.turns,
        }

    def dumps(self) -> str:
        return dumps(self.to_dict())

    @classmethod
    def from_dict(cls, data: Any) -> Record:
        """A record from parsed JSON; raises RecordError for anything that is not a readable record."""
        problem = header_problem(data, FORMAT, VERSION, "game record")
        if problem:
            raise RecordError(problem)
        missing = [
            k for k in ("scenario", "seed", "start", "turns", "scores", "winner", "finished") if k not in data
        ]
        if missing:
            raise RecordError(f"the record lacks {', '.join(missing)}")
        scenario, turns = data["scenario"], data["turns"]
        if not isinstance(scenario, dict) or not all(
            isinstance(scenario.get(k), str) for k in ("id", "hash")
        ):
            raise RecordError("the record's scenario must have an id and a hash")
        if not isinstance(data["seed"], int) or isinstance(data["seed"], bool):
            raise RecordError("the record's seed must be a whole number")
        if not isinstance(turns, list) or not all(_is_entry(t) for t in turns):
            raise RecordError(
                "the record's turns must be a list of entries, each with a turn number and orders"
            )
        return cls(
            scenario=scenario,
            seed=data["seed"],
            start=data["start"],
            turns=turns,
            scores=data["scores"],
            winner=data["winner"],
            finished=data["finished"],
            teams=_teams(data.get("teams", {})),
        )


def _teams(data: Any) -> dict[str, dict[str, Any]]:
    """The record's teams, checked: state id -> a name and a list of members."""

    def is_team(team: Any) -> bool:
        if not isinstance(team, dict) or not isinstance(team.get("members"), list):
            return False
        return isinstance(team.get("name"), str) and all(isinstance(m, str) for m in team["members"])

    if not isinstance(data, dict) or not all(is_team(team) for team in data.values()):
        raise RecordError("the record's teams must map state ids to a name and a list of members")
    return data


def _is_entry(entry: Any) -> bool:
    return isinstance(entry, dict) and "orders" in entry and type(entry.get("turn")) is int


def header_problem(data: Any, kind: str, version: int, what: str) -> str:
    """Why JSON data is not a `kind` file this program can read ("" when it is)."""
    if not isinstance(data, dict) or "format" not in data:
        return f"this is not a {what} (it has no 'format' field)"
    if data["format"] != kind:
        return f"this is not a {what}: its format is {data['format']!r}, not {kind!r}"
    found = data.get("version")
    if not isinstance(found, int) or isinstance(found, bool) or found < 1:
        return f"the {what} has no valid version number"
    if found > version:
        return (
            f"the {what} is version {found}, newer than this program reads (up to {version}); "
            "update Balancing Act to open it"
        )
    return ""


def scenario_meta(scenario: Any) -> dict[str, Any]:
    """The record's description of a loaded map: id, title, file hash and year."""
    return {"id": scenario.id, "title": scenario.title, "hash": scenario.sha256, "year": scenario.year}


def snapshot(state: GameState, m: Metrics) -> dict[str, Any]:
    """The figures of one moment: states, agreements, wars, polarity and the hierarchy index."""
    return {
        "states": {n: state_entry(state, n, m) for n in state.nations},
        "agreements": [
            {
                "id": a.id,
                "kind": a.kind,
                "name": a.name,
                "members": list(a.members),
                **({"patron": a.patron} if a.kind == "guarantee" else {}),
                "cohesion": plain(a.cohesion) if a.kind == "pact" else None,
            }
            for a in sorted(state.agreements.values(), key=lambda a: a.id)
        ],
        "wars": [
            {"id": w.id, "attackers": list(w.attackers), "defenders": list(w.defenders), "started": w.started}
            for w in sorted(state.wars.values(), key=lambda w: w.id)
        ],
        "polarity": m.polarity,
        "hierarchy_index": plain(m.hierarchy),
    }


def state_entry(state: GameState, nation: str, m: Metrics) -> dict[str, Any]:
    n = state.nations[nation]
    return plain(
        {
            "share": m.share_of(nation),
            "legitimacy": n.legitimacy,
            "treasury": n.treasury,
            "development": n.development,
            "provinces": state.owned(nation),
            "strength": state.strength_of(nation),
            "alive": n.alive,
        }
    )


def decided(after: GameState, events: list[Event]) -> list[dict[str, Any]]:
    """The resolutions the Assembly decided this turn, with every state's vote."""
    ids = [e.data["resolution"] for e in events if e.type == "resolution"]
    by_id = {r.id: r for r in after.resolutions}
    return [
        {
            "id": r.id,
            "kind": r.kind,
            "target": r.target,
            "sponsor": r.sponsor,
            "votes": dict(sorted(r.votes.items())),
            "outcome": r.outcome,
        }
        for r in (by_id[i] for i in ids if i in by_id)
    ]


def event_entry(event: Event) -> dict[str, Any]:
    return {
        "type": event.type,
        "actors": list(event.actors),
        "text": event.text,
        "concept": event.concept,
        "data": plain(dict(sorted(event.data.items()))),
    }


def order_entry(order: Order) -> dict[str, Any]:
    """An order as JSON, exact (not rounded), so the game replays."""
    return plain(order.to_dict(), decimals=None)


def orders_from_entry(entry: dict[str, Any]) -> Orders:
    """The orders of one turn entry; raises RecordError naming the bad order."""
    given = entry["orders"]
    if not isinstance(given, dict):
        raise RecordError(f"turn {entry.get('turn')}: orders must be an object of state -> list")
    orders: Orders = {}
    for nation, items in given.items():
        if not isinstance(items, list):
            raise RecordError(f"turn {entry.get('turn')}: the orders of {nation} must be a list")
        try:
            orders[nation] = [order_from_dict(item) for item in items]
        except OrderError as exc:
            raise RecordError(f"turn {entry.get('turn')}: an order of {nation}: {exc}") from None
    return orders


def write_record(path: str | os.PathLike[str], record: Record) -> None:
    """Write a record file atomically; raises RecordError naming the file."""
    try:
        write_atomic(path, record.dumps())
    except OSError as exc:
        raise RecordError(f"{path}: could not write the record: {reason(exc)}") from None


def read_record(path: str | os.PathLike[str]) -> tuple[Record, str]:
    """A record file and its exact text; raises RecordError naming the file."""
    try:
        data, text = read_json(path)
        return Record.from_dict(data), text
    except (OSError, ValueError) as exc:
        raise RecordError(f"{path}: {reason(exc)}") from None


def first_difference(a: Record, b: Record) -> str:
    """Where two records first differ, in words ("" when they are equal)."""
    for old, new in zip(a.turns, b.turns, strict=False):
        if old != new:
            return f"turn {old.get('turn')}"
    if len(a.turns) != len(b.turns):
        return f"the number of turns ({len(a.turns)} against {len(b.turns)})"
    if a.to_dict() != b.to_dict():
        return "the start or the final scores"
    return ""
