"""The map being edited as a GameState for the board to draw, built leniently: what does not make sense is left out."""

from __future__ import annotations

import re
from typing import Any

from game.editor.document import MapDocument
from game.engine.state import Agreement, Controller, GameState, Nation, Province
from game.scenario.model import COLOUR
from game.scenario.rules import default_rules

GREY = "#999999"


def _number(value: Any, default: float) -> float:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    return float(value) if ok else default


def _text(value: Any, default: str) -> str:
    return value if isinstance(value, str) and value else default


def _dicts(doc: MapDocument, key: str) -> list[dict]:
    return [e for e in doc.items(key) if isinstance(e, dict)]


def preview_state(doc: MapDocument) -> GameState:
    """The map's states, provinces, links, capitals, forces and agreements, as far as they make sense."""
    states = [s for s in _dicts(doc, "states") if isinstance(s.get("id"), str)]
    nation_ids = {s["id"] for s in states}
    provinces = _provinces(doc, nation_ids)
    nations = {s["id"]: _nation(s, provinces) for s in states}
    forces: dict[str, dict[str, int]] = {}
    for state in states:
        stack = state.get("forces")
        for province, strength in stack.items() if isinstance(stack, dict) else []:
            mine = province in provinces and provinces[province].owner == state["id"]
            if mine and isinstance(strength, int) and strength > 0:
                forces.setdefault(province, {})[state["id"]] = strength
    return GameState(
        scenario_id=_text(doc.tree.get("id"), "map"),
        title=_text(doc.tree.get("title"), ""),
        seed=0,
        turn=1,
        rules=default_rules(),
        nations=nations,
        provinces=provinces,
        forces=forces,
        agreements=_agreements(doc, nations),
    )


def _provinces(doc: MapDocument, owners: set[str]) -> dict[str, Province]:
    out: dict[str, Province] = {}
    for entry in _dicts(doc, "provinces"):
        ident, pos = entry.get("id"), entry.get("pos")
        good_pos = isinstance(pos, list) and len(pos) == 2 and all(_number(v, -1) >= 0 for v in pos)
        if isinstance(ident, str) and ident not in out and entry.get("owner") in owners and good_pos:
            name = _text(entry.get("name"), ident[:1].upper() + ident[1:])
            production = _number(entry.get("production"), 1.0)
            out[ident] = Province(ident, name, [float(v) for v in pos], production, entry["owner"])
    land: dict[str, set[str]] = {p: set() for p in out}
    sea: dict[str, set[str]] = {p: set() for p in out}
    for key, side in (("links", land), ("sea_links", sea)):
        for pair in doc.items(key):
            if (
                isinstance(pair, list)
                and len(pair) == 2
                and all(p in out for p in pair)
                and pair[0] != pair[1]
            ):
                side[pair[0]].add(pair[1])
                side[pair[1]].add(pair[0])
    for ident, province in out.items():
        province.neighbours = sorted(land[ident] | sea[ident])
        province.sea = sorted(sea[ident] - land[ident])
    return out


def _nation(spec: dict, provinces: dict[str, Province]) -> Nation:
    owned = [p for p, prov in provinces.items() if prov.owner == spec["id"]]
    capital = spec.get("capital") if spec.get("capital") in owned else (owned[0] if owned else "")
    colour = spec.get("colour")
    return Nation(
        id=spec["id"],
        name=_text(spec.get("name"), spec["id"]),
        colour=colour if isinstance(colour, str) and re.match(COLOUR, colour) else GREY,
        values=[0.5, 0.5, 0.5],
        treasury=_number(spec.get("treasury"), 10.0),
        development=_number(spec.get("development"), 1.0),
        legitimacy=_number(spec.get("legitimacy"), 50.0),
        objective=_text(spec.get("objective"), "survive"),
        controller=Controller(_text(spec.get("controller"), "ai")),
        capital=capital,
        alive=bool(owned),
        start_provinces=len(owned),
    )


def _agreements(doc: MapDocument, nations: dict[str, Nation]) -> dict[str, Agreement]:
    """The agreements whose states all have a capital to draw them from."""
    out: dict[str, Agreement] = {}
    for index, entry in enumerate(_dicts(doc, "agreements")):
        kind = entry.get("kind")
        if kind == "guarantee":
            members = [entry.get("patron"), entry.get("client")]
        else:
            members = entry.get("members") if isinstance(entry.get("members"), list) else []
        drawn = all(m in nations and nations[m].capital for m in members)
        if kind in ("pact", "guarantee", "bloc") and len(set(members)) >= 2 and drawn:
            ident = f"{kind}{index + 1}"
            name = _text(entry.get("name"), ident)
            out[ident] = Agreement(
                ident,
                kind,
                name,
                list(members),
                patron=members[0] if kind == "guarantee" else "",
                leader=members[0],
                institution=entry.get("institution") is True,
            )
    return out
