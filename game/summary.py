"""Short readable text of a game: one block per turn from its record, and the final scores."""

from __future__ import annotations

from typing import Any

from game.record import Record

NOTABLE = {
    "scripted",
    "war_declared",
    "peace",
    "war_ended",
    "province_taken",
    "eliminated",
    "founded",
    "guaranteed",
    "enlarged",
    "refused_call",
    "honoured_call",
    "member_left",
    "left_cohesive_pact",
    "withdrew_guarantee",
    "dissolved",
    "cohesion_low",
    "institution_founded",
    "new_mission",
    "operation_launched",
    "hegemony",
    "game_over",
}
MAX_EVENTS = 6
TOP_STATES = 3


def when(record: Record, turn: int) -> str:
    """'Turn 3, year 1916' when the map has a year of turn 1, else 'Turn 3'."""
    year = record.scenario.get("year")
    return f"Turn {turn}" + (f", year {year + turn - 1}" if isinstance(year, int) else "")


def turn_text(record: Record, index: int, names: dict[str, str]) -> str:
    """The summary of the record's turn entry at `index`."""
    entry = record.turns[index]
    before = record.turns[index - 1] if index else record.start
    lines = [
        f"{when(record, entry['turn'])} · {entry['polarity']} · hierarchy {entry['hierarchy_index']:.2f}"
    ]
    living = [(s["share"], n) for n, s in entry["states"].items() if s["alive"]]
    top = sorted(living, key=lambda x: -x[0])[:TOP_STATES]
    lines.append("  power: " + ", ".join(f"{names.get(n, n)} {share:.0%}" for share, n in top))
    if entry["wars"]:
        lines.append("  wars: " + "; ".join(_war(w, names) for w in entry["wars"]))
    known = {a["id"] for a in before["agreements"]}
    for a in entry["agreements"]:
        if a["id"] not in known:
            members = ", ".join(names.get(m, m) for m in a["members"])
            lines.append(f"  new {a['kind']}: {a['name']} ({members})")
    notable = [e["text"] for e in entry["events"] if _notable(e)]
    lines += [f"  - {text}" for text in notable[:MAX_EVENTS]]
    if len(notable) > MAX_EVENTS:
        lines.append(f"  - … and {len(notable) - MAX_EVENTS} more")
    return "\n".join(lines)


def _war(war: dict[str, Any], names: dict[str, str]) -> str:
    def side(ids: list[str]) -> str:
        return " + ".join(names.get(n, n) for n in ids)

    return f"{side(war['attackers'])} against {side(war['defenders'])}"


def _notable(event: dict[str, Any]) -> bool:
    if event["type"] == "resolution":
        return event["data"].get("outcome") != "failed"
    return event["type"] in NOTABLE


def final_text(record: Record, names: dict[str, str]) -> str:
    """The scores, best first, and the winner (or the leader of an unfinished game)."""
    last = record.turns[-1]["turn"] if record.turns else 0
    if record.finished:
        head = f"Game over after turn {last}. Winner: {names.get(record.winner, record.winner)}."
    else:
        head = f"Stopped after turn {last}; the game goes on. Leading: {names.get(record.winner, record.winner)}."
    ranked = sorted(record.scores.items(), key=lambda item: -item[1]["total"])
    width = max(len(names.get(n, n)) for n, _ in ranked)
    rows = [f"  {names.get(n, n):<{width}}  {s['total']:7.2f}" for n, s in ranked]
    return "\n".join([head, "Scores (survival + territory + economy + legitimacy + objective):", *rows])
