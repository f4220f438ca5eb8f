"""The debrief of a finished game, from its record: figures, timeline, verdict, concepts, questions, export.

No pygame here: the charts' PNG images are drawn on the UI side and handed to `export` as bytes.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.engine import GameState
from game.jsonfile import write_atomic
from game.record import Record, write_record
from game.text.glossary import resolve

COLUMNS = (
    "turn",
    "year",
    "state",
    "name",
    "share",
    "legitimacy",
    "treasury",
    "development",
    "provinces",
    "strength",
    "alive",
)
NEAR_HEGEMONY = 0.75  # a peak share this close to the hegemony share (as a fraction of it) "came near"
QUESTIONS = 3
FIGURES_FILE = "figures.csv"
RECORD_FILE = "record.json"

Snapshot = dict[str, Any]
ChartImages = Callable[[], dict[str, bytes]]  # chart name -> PNG bytes


@dataclass(frozen=True)
class Moment:
    """One line of the timeline: `kind` names its text in the catalog (debrief.timeline.<kind>)."""

    turn: int  # 0: in force at the start
    kind: str
    fields: dict[str, str]


@dataclass(frozen=True)
class Verdict:
    """Who won and why: `reason` is one of hegemony, last, score."""

    winner: str
    reason: str
    turns: int
    objective: str
    objective_met: bool
    parts: dict[str, float]


@dataclass(frozen=True)
class Shown:
    """A concept the game showed: its glossary card, the first turn and event that showed it."""

    card: str
    turn: int
    event: dict[str, Any]  # the event as recorded
    count: int  # events that showed it


@dataclass(frozen=True)
class Question:
    """A discussion question: `key` names its template (debrief.questions.<key>), filled from fields."""

    key: str
    fields: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Chart:
    """One chart: a figure of every state, turn by turn, up to `top`."""

    name: str  # power_share, legitimacy, treasury: the PNG's file name and the catalog key
    lines: dict[str, list[float]]
    top: float
    percent: bool
    threshold: float | None = None


def snapshots(record: Record) -> list[Snapshot]:
    """The start and every turn's snapshot, in order."""
    return [record.start, *record.turns]


def turn_of(index: int, record: Record) -> int:
    """The turn number of the snapshot at `index` (0 is the start)."""
    return record.turns[index - 1]["turn"] if index else 0


def year_of(record: Record, turn: int) -> int | None:
    """The calendar year of a turn when the map has a year of turn 1 (turn 0: the year before)."""
    year = record.scenario.get("year")
    return year + turn - 1 if isinstance(year, int) else None


# figures and charts


def figures(record: Record, names: dict[str, str]) -> list[dict[str, Any]]:
    """One row per state and snapshot (turn 0 is the start), with COLUMNS as keys; `provinces` is a count,
    `alive` 1 or 0."""
    rows = []
    for i, snap in enumerate(snapshots(record)):
        turn = turn_of(i, record)
        for nation, s in snap["states"].items():
            rows.append(
                {
                    "turn": turn,
                    "year": year_of(record, turn) or "",
                    "state": nation,
                    "name": names.get(nation, nation),
                    **{k: s[k] for k in COLUMNS[4:]},
                    "provinces": len(s["provinces"]),
                    "alive": int(s["alive"]),
                }
            )
    return rows


def csv_text(rows: list[dict[str, Any]]) -> str:
    """The rows as CSV text with a header line."""
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def series(record: Record, figure: str) -> dict[str, list[float]]:
    """Each state's figure at the start and after every turn."""
    return {n: [snap["states"][n][figure] for snap in snapshots(record)] for n in record.start["states"]}


def nice_top(value: float) -> float:
    """A round top for a chart's four grid lines: 4 times 1, 2, 2.5 or 5 times a power of ten, >= value."""
    step = 1.0
    while step * 40 < value:
        step *= 10
    return next(4 * step * m for m in (1, 2, 2.5, 5, 10) if 4 * step * m >= value)


def peak(lines: dict[str, list[float]]) -> float:
    return max(max(values) for values in lines.values())


def charts(record: Record, state: GameState) -> list[Chart]:
    """Power share (with the hegemony line), legitimacy and treasury."""
    share, treasury = series(record, "share"), series(record, "treasury")
    hegemony = state.rules.hegemony_share
    share_top = min(1.0, nice_top(100 * max(hegemony, peak(share))) / 100)
    return [
        Chart("power_share", share, share_top, True, hegemony),
        Chart("legitimacy", series(record, "legitimacy"), 100.0, False),
        Chart("treasury", treasury, nice_top(peak(treasury)), False),
    ]


# the timeline


def timeline(record: Record, names: dict[str, str]) -> list[Moment]:
    """Agreements formed, joined, left and ended, wars declared and ended, states eliminated, by turn."""

    def who(ids: list[str]) -> str:
        return ", ".join(names.get(n, n) for n in ids)

    moments = [_formed(a, 0, who) for a in record.start["agreements"]]
    moments += [_war(w, 0, who) for w in record.start["wars"]]
    snaps = snapshots(record)
    for i in range(1, len(snaps)):
        before, after, turn = snaps[i - 1], snaps[i], turn_of(i, record)
        moments += _agreement_changes(before, after, turn, who)
        moments += _war_changes(before, after, turn, who)
        moments += [
            Moment(turn, "eliminated", {"state": who([n])})
            for n, s in after["states"].items()
            if before["states"].get(n, s)["alive"] and not s["alive"]  # a state a scripted event added is new
        ]
        moments += [
            Moment(turn, "hegemony", {"state": who(e["actors"][:1])})
            for e in after["events"]
            if e["type"] == "hegemony"
        ]
    return moments


def _formed(a: dict[str, Any], turn: int, who: Callable[[list[str]], str]) -> Moment:
    if a["kind"] == "guarantee":
        clients = [m for m in a["members"] if m != a["patron"]]
        return Moment(
            turn, "guarantee", {"name": a["name"], "patron": who([a["patron"]]), "clients": who(clients)}
        )
    return Moment(turn, f"formed_{a['kind']}", {"name": a["name"], "members": who(a["members"])})


def _war(w: dict[str, Any], turn: int, who: Callable[[list[str]], str]) -> Moment:
    return Moment(turn, "war", {"attackers": who(w["attackers"]), "defenders": who(w["defenders"])})


def _agreement_changes(
    before: Snapshot, after: Snapshot, turn: int, who: Callable[[list[str]], str]
) -> Iterator[Moment]:
    old = {a["id"]: a for a in before["agreements"]}
    new = {a["id"]: a for a in after["agreements"]}
    for key, a in new.items():
        if key not in old:
            yield _formed(a, turn, who)
            continue
        joined = [m for m in a["members"] if m not in old[key]["members"]]
        left = [m for m in old[key]["members"] if m not in a["members"]]
        if joined:
            yield Moment(turn, "joined", {"name": a["name"], "members": who(joined)})
        if left:
            yield Moment(turn, "left", {"name": a["name"], "members": who(left)})
    for key, a in old.items():
        if key not in new:
            yield Moment(turn, f"ended_{a['kind']}", {"name": a["name"]})


def _war_changes(
    before: Snapshot, after: Snapshot, turn: int, who: Callable[[list[str]], str]
) -> Iterator[Moment]:
    old = {w["id"]: w for w in before["wars"]}
    new = {w["id"]: w for w in after["wars"]}
    for key, w in new.items():
        if key not in old:
            yield _war(w, turn, who)
    for e in after["events"]:  # a war declared and over within the turn is in no snapshot
        data = e["data"]
        if e["type"] == "war_declared" and data.get("war") not in old and data.get("war") not in new:
            sides = {"attackers": who([data["actor"]]), "defenders": who([data["target"]])}
            yield Moment(turn, "war", sides)
            yield Moment(turn, "peace", sides)
    for key, w in old.items():
        if key not in new:
            yield Moment(turn, "peace", {"attackers": who(w["attackers"]), "defenders": who(w["defenders"])})


# who won and why


def verdict(record: Record, state: GameState) -> Verdict:
    """The winner, why (a hegemony, the last state standing, or the highest score) and its score parts."""
    last = record.turns[-1] if record.turns else {"events": [], "turn": 0, **record.start}
    if any(e["type"] == "hegemony" for e in last["events"]):
        reason = "hegemony"
    elif sum(s["alive"] for s in last["states"].values()) <= 1:
        reason = "last"
    else:
        reason = "score"
    parts = record.scores.get(record.winner, {})
    nation = state.nations[record.winner]
    return Verdict(
        record.winner, reason, last["turn"], nation.objective, parts.get("objective", 0) > 0, dict(parts)
    )


# the concepts shown


def concepts(record: Record) -> list[Shown]:
    """Each glossary card the game's events showed, with the first turn and event that showed it.

    An AI's reasoning (a "decision" event) counts only for a concept no event in the world showed."""
    found: dict[str, list[tuple[int, bool, dict[str, Any]]]] = {}
    for entry in record.turns:
        for e in entry["events"]:
            card = resolve(e.get("concept"))
            if card:
                found.setdefault(card, []).append((entry["turn"], e["type"] == "decision", e))
    shown = []
    for card, seen in found.items():
        turn, _, event = min(seen, key=lambda s: (s[1], s[0]))
        shown.append(Shown(card, turn, event, len(seen)))
    return sorted(shown, key=lambda s: (s.turn, -s.count, s.card))


# discussion questions


def questions(record: Record, state: GameState) -> list[Question]:
    """Three questions, by rules from what happened, the fallbacks last."""
    names = {n: state.nations[n].name for n in state.nations}
    chosen: list[Question] = []
    for rule in RULES:
        question = rule(record, state, names)
        if question is not None and question.key not in {q.key for q in chosen}:
            chosen.append(question)
        if len(chosen) == QUESTIONS:
            break
    return chosen


Rule = Callable[[Record, GameState, dict[str, str]], Question | None]


def _events(record: Record, kind: str) -> Iterator[tuple[int, dict[str, Any]]]:
    for entry in record.turns:
        for e in entry["events"]:
            if e["type"] == kind:
                yield entry["turn"], e


def hegemony_reached(record: Record, state: GameState, names: dict[str, str]) -> Question | None:
    for turn, e in _events(record, "hegemony"):
        return Question("hegemony_reached", {"state": names[e["actors"][0]], "turn": str(turn)})
    return None


def hegemony_prevented(record: Record, state: GameState, names: dict[str, str]) -> Question | None:
    """A state came near the hegemony share and no hegemony followed."""
    if any(True for _ in _events(record, "hegemony")):
        return None
    peaks = [
        (s["share"], turn_of(i, record), n)
        for i, snap in enumerate(snapshots(record))
        for n, s in snap["states"].items()
    ]
    share, turn, nation = max(peaks, key=lambda p: (p[0], -p[1]))
    if share < NEAR_HEGEMONY * state.rules.hegemony_share:
        return None
    return Question(
        "hegemony_prevented", {"state": names[nation], "share": f"{share:.0%}", "turn": str(turn)}
    )


def pact_dissolved(record: Record, state: GameState, names: dict[str, str]) -> Question | None:
    for turn, e in _events(record, "dissolved"):
        if e["data"].get("kind") == "pact":
            return Question("pact_dissolved", {"name": e["data"]["name"], "turn": str(turn)})
    return None


def client_defied(record: Record, state: GameState, names: dict[str, str]) -> Question | None:
    """A client voted yes where its patron voted no, or the other way round."""
    snaps = snapshots(record)
    for i, entry in enumerate(record.turns):
        guarantees = [a for a in snaps[i]["agreements"] if a["kind"] == "guarantee"]
        for res in entry["resolutions"]:
            votes = res["votes"]
            for g in guarantees:
                patron = votes.get(g["patron"])
                for client in (m for m in g["members"] if m != g["patron"]):
                    if {patron, votes.get(client)} == {"yes", "no"}:
                        fields = {
                            "client": names[client],
                            "patron": names[g["patron"]],
                            "turn": str(entry["turn"]),
                        }
                        return Question("client_defied", fields)
    return None


def state_eliminated(record: Record, state: GameState, names: dict[str, str]) -> Question | None:
    for turn, e in _events(record, "eliminated"):
        return Question("state_eliminated", {"state": names[e["actors"][0]], "turn": str(turn)})
    return None


def small_state_survived(record: Record, state: GameState, names: dict[str, str]) -> Question | None:
    """The weakest state at the start was still there at the end, and a war was fought."""
    start, end = record.start["states"], snapshots(record)[-1]
    smallest = min(start, key=lambda n: (start[n]["share"], n))
    wars = record.start["wars"] or any(True for _ in _events(record, "war_declared"))
    if not wars or not end["states"][smallest]["alive"]:
        return None
    return Question("small_survived", {"state": names[smallest]})


def call_refused(record: Record, state: GameState, names: dict[str, str]) -> Question | None:
    for turn, e in _events(record, "refused_call"):
        return Question("call_refused", {"state": names[e["actors"][0]], "turn": str(turn)})
    return None


def call_honoured(record: Record, state: GameState, names: dict[str, str]) -> Question | None:
    for turn, e in _events(record, "honoured_call"):
        fields = {"state": names[e["data"]["actor"]], "ally": names[e["data"]["ally"]], "turn": str(turn)}
        return Question("call_honoured", fields)
    return None


def war_declared(record: Record, state: GameState, names: dict[str, str]) -> Question | None:
    for turn, e in _events(record, "war_declared"):
        fields = {"state": names[e["data"]["actor"]], "target": names[e["data"]["target"]], "turn": str(turn)}
        return Question("war_declared", fields)
    return None


def resolution_blocked(record: Record, state: GameState, names: dict[str, str]) -> Question | None:
    for entry in record.turns:
        for res in entry["resolutions"]:
            if res["outcome"] in ("blocked", "vetoed"):
                fields = {"kind": res["kind"], "target": names.get(res["target"], res["target"])}
                return Question("resolution_blocked", {**fields, "turn": str(entry["turn"])})
    return None


def polarity_changed(record: Record, state: GameState, names: dict[str, str]) -> Question | None:
    first, last = record.start["polarity"], snapshots(record)[-1]["polarity"]
    return Question("polarity_changed", {"before": first, "after": last}) if first != last else None


def winner_fallback(record: Record, state: GameState, names: dict[str, str]) -> Question | None:
    return Question("winner", {"state": names[record.winner]})


def polarity_fallback(record: Record, state: GameState, names: dict[str, str]) -> Question | None:
    return Question("polarity", {"polarity": snapshots(record)[-1]["polarity"]})


def alliance_fallback(record: Record, state: GameState, names: dict[str, str]) -> Question | None:
    return Question("alliances")


RULES: tuple[Rule, ...] = (
    hegemony_reached,
    hegemony_prevented,
    pact_dissolved,
    client_defied,
    state_eliminated,
    small_state_survived,
    call_refused,
    call_honoured,
    resolution_blocked,
    war_declared,
    polarity_changed,
    winner_fallback,
    polarity_fallback,
    alliance_fallback,
)


# export


def folder_name(record: Record) -> str:
    """The folder an export of this game goes to, inside the folder the player chose."""
    return f"{record.scenario['id']}-seed{record.seed}"


def export(
    record: Record, folder: str | os.PathLike[str], names: dict[str, str], images: ChartImages
) -> list[Path]:
    """Write `<name>.png` for each chart, figures.csv and record.json into folder (each atomically)."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, png in images().items():
        write_atomic(target / f"{name}.png", png)
        written.append(target / f"{name}.png")
    write_atomic(target / FIGURES_FILE, csv_text(figures(record, names)))
    write_record(target / RECORD_FILE, record)
    return [*written, target / FIGURES_FILE, target / RECORD_FILE]
