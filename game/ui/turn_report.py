"""What one turn changed, read from the game's record, and its events grouped by kind."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.state import GameState
from game.record import Record
from game.ui.log_view import PRIVATE
from game.ui.order_text import kind_text, name, resolution
from game.ui.resolutions import decided_in, outcome_text
from game.ui.text import t
from game.ui.turn_flow import LogLine

GROUPS = {
    "war": {
        "war_declared", "province_taken", "attack_repelled", "called_to_arms", "honoured_call", "refused_call",
        "war_ended", "peace", "capital_moved", "eliminated", "operation_launched", "joined_operation",
        "operation_strike", "operation_ended", "coalition_support",
    },
    "diplomacy": {
        "proposed", "answered", "founded", "joined", "enlarged", "guaranteed", "left_cohesive_pact",
        "withdrew_guarantee", "member_left", "dissolved", "institution_founded", "institution_funded",
        "new_mission", "cohesion_low",
    },
    "assembly": {"tabled", "resolution", "vote_support"},
    "economy": {"sanctions_bite", "disbanded", "developed", "built"},
    "decision": {"decision"},
}  # fmt: skip
GROUP_ORDER = ("war", "diplomacy", "assembly", "economy", "other", "decision")


@dataclass
class Figure:
    """A living state's power share and legitimacy after the turn, and how much each moved."""

    nation: str
    share: float
    share_change: float
    legitimacy: float
    legitimacy_change: float


@dataclass
class TurnReport:
    """One resolved turn: what changed (section -> lines), its events (group -> log lines), the figures."""

    turn: int
    year: int | None
    changes: dict[str, list[str]]
    events: dict[str, list[LogLine]]
    figures: list[Figure]


def group_of(event_type: str) -> str:
    return next((g for g, types in GROUPS.items() if event_type in types), "other")


def shown(line: LogLine, humans: list[str]) -> bool:
    """Private events only for the one human they name (none in hot-seat, all when only the AI plays)."""
    return line.type not in PRIVATE or not humans or (len(humans) == 1 and humans[0] in line.actors)


def turn_report(state: GameState, record: Record, log: list[LogLine], humans: list[str]) -> TurnReport:
    """The report of the record's last turn."""
    entry = record.turns[-1]
    before = record.turns[-2] if len(record.turns) > 1 else record.start
    year = record.scenario.get("year")
    changes = {
        "territory": territory(state, before, entry),
        "agreements": agreements(state, before, entry),
        "wars": wars(state, before, entry),
        "assembly": [f"{resolution(state, d.kind, d.target)}: {outcome_text(d)}" for d in decided_in(entry)],
        "states": [
            t("report.eliminated", state=name(state, n))
            for n, s in entry["states"].items()
            if before["states"].get(n, s)["alive"] and not s["alive"]
        ],
    }
    lines = [x for x in log if x.turn == entry["turn"] and shown(x, humans)]
    events = {g: [x for x in lines if group_of(x.type) == g] for g in GROUP_ORDER}
    return TurnReport(
        entry["turn"],
        year + entry["turn"] - 1 if isinstance(year, int) else None,
        {k: v for k, v in changes.items() if v},
        {g: v for g, v in events.items() if v},
        figures(before, entry),
    )


def owners(snapshot: dict) -> dict[str, str]:
    return {p: n for n, s in snapshot["states"].items() for p in s["provinces"]}


def territory(state: GameState, before: dict, after: dict) -> list[str]:
    old, new = owners(before), owners(after)
    return [
        t(
            "report.province",
            province=state.provinces[p].name,
            old=name(state, old.get(p, "")),
            new=name(state, n),
        )
        for p, n in new.items()
        if old.get(p) != n
    ]


def agreements(state: GameState, before: dict, after: dict) -> list[str]:
    old = {a["id"]: a for a in before["agreements"]}
    new = {a["id"]: a for a in after["agreements"]}
    out = []
    for ident, a in new.items():
        members = ", ".join(name(state, m) for m in a["members"])
        if ident not in old:
            out.append(t("report.formed", name=a["name"], kind=kind_text(a["kind"]), members=members))
            continue
        out += [
            t("report.joined", state=name(state, m), name=a["name"])
            for m in a["members"]
            if m not in old[ident]["members"]
        ]
        out += [
            t("report.left", state=name(state, m), name=a["name"])
            for m in old[ident]["members"]
            if m not in a["members"]
        ]
    out += [t("report.dissolved", name=a["name"]) for ident, a in old.items() if ident not in new]
    return out


def wars(state: GameState, before: dict, after: dict) -> list[str]:
    def sides(w: dict) -> dict[str, str]:
        return {k: ", ".join(name(state, n) for n in w[k]) for k in ("attackers", "defenders")}

    old = {w["id"]: w for w in before["wars"]}
    new = {w["id"]: w for w in after["wars"]}
    started = [t("report.war_started", **sides(w)) for i, w in new.items() if i not in old]
    return started + [t("report.war_over", **sides(w)) for i, w in old.items() if i not in new]


def figures(before: dict, after: dict) -> list[Figure]:
    """Each living state's power share and legitimacy, with the change over the turn (none for a state a
    scripted event added)."""
    return [
        Figure(
            n,
            s["share"],
            s["share"] - before["states"].get(n, s)["share"],
            s["legitimacy"],
            s["legitimacy"] - before["states"].get(n, s)["legitimacy"],
        )
        for n, s in after["states"].items()
        if s["alive"]
    ]
