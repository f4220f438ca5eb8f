"""The editor's edits: small commands on a MapDocument that never leave a reference dangling.

Each edit checks what it is given before it changes anything and raises `Refused` (a catalog key
under `ui.editor.` and its fields) when it cannot be done; removing a province or a state also
removes what names it (links, forces, capitals, agreements, wars, events, veto holders).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from game.editor.document import MapDocument
from game.scenario.model import AGREEMENT_MODELS, DEFAULT_SIZE, PROVINCE_ID, STATE_ID, ProvinceSpec, StateSpec

# Okabe-Ito first (told apart by colour-blind players), then Paul Tol's muted set.
COLOURS = (
    "#D55E00", "#0072B2", "#009E73", "#F0E442", "#CC79A7", "#E69F00", "#56B4E9",
    "#882255", "#44AA99", "#117733", "#332288", "#AA4499", "#DDCC77", "#88CCEE", "#999933",
)  # fmt: skip
STATE_FIELDS = (
    "name", "colour", "values", "treasury", "development", "legitimacy",
    "objective", "controller", "personality", "difficulty",
)  # fmt: skip
PROVINCE_FIELDS = ("name", "production")
META_FIELDS = ("title", "briefing", "author")
CROWDED = 0.01  # provinces are at least this share of the map's smaller side apart
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class Refused(Exception):
    """An edit that cannot be made: `key` names the message (ui.editor.<key>), `fields` fill it in."""

    def __init__(self, key: str, **fields: object) -> None:
        super().__init__(f"{key}: {fields}" if fields else key)
        self.key = key
        self.fields = fields


def clean(text: str) -> str:
    """Text without control characters (line breaks and tabs kept), trimmed at the ends of the text."""
    return _CONTROL.sub("", str(text).replace("\r\n", "\n")).strip()


def _flow(*items: Any) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _point(pos: tuple[float, float]) -> CommentedSeq:
    return _flow(*(int(round(v)) for v in pos))


def _size(doc: MapDocument) -> list[float]:
    """The map's width and height (the default when its size: is not two positive numbers)."""
    size = doc.tree.get("size")
    numbers = isinstance(size, list) and len(size) == 2 and all(isinstance(v, (int, float)) for v in size)
    return [float(v) for v in size] if numbers and min(size) > 0 else list(DEFAULT_SIZE)


def _room(doc: MapDocument, point: list[int], size: list, moving: str | None = None) -> None:
    """Refuse a province centre closer to another than CROWDED of the map's smaller side."""
    least = CROWDED * min(float(v) for v in size)
    for other in doc.items("provinces"):
        pos = other.get("pos") if isinstance(other, dict) and other.get("id") != moving else None
        placed = isinstance(pos, list) and len(pos) == 2 and all(isinstance(v, (int, float)) for v in pos)
        if placed and math.dist(point, pos) < max(least, 1):
            raise Refused("same_place")


def _fresh(prefix: str, taken: list[str]) -> str:
    number = len(taken) + 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"


def _need(doc: MapDocument, key: str, ident: str) -> CommentedMap:
    entry = doc.entry(key, ident)
    if entry is None:
        raise Refused("unknown_state" if key == "states" else "unknown_province", id=ident)
    return entry


def _checked(model: Any, entry: CommentedMap, key: str, value: Any) -> None:
    """Refuse a value the map format does not accept for this key of the entry."""
    trial = {k: v for k, v in entry.items() if k not in ("forces",)} | {key: value}
    try:
        model.model_validate(trial)
    except ValidationError as exc:
        error = next((e for e in exc.errors(include_url=False) if e["loc"][:1] == (key,)), None)
        if error is not None:
            raise Refused("bad_value", field=key, reason=error["msg"]) from None


def _remove_where(seq: list, drop) -> None:
    """Remove in place the items of a list for which drop(item) is true."""
    for index in reversed(range(len(seq))):
        if drop(seq[index]):
            del seq[index]


def _rename_in(values: list, old: str, new: str) -> None:
    for index, value in enumerate(values):
        if value == old:
            values[index] = new


def _renamed(doc: MapDocument, key: str, old: str, wanted: str) -> str:
    """Give the entry with id old the id wanted (checked and cleaned); the new id."""
    entry = _need(doc, key, old)
    new = clean(wanted)
    kind = "state" if key == "states" else "province"
    if not re.match(STATE_ID if key == "states" else PROVINCE_ID, new):
        raise Refused(f"bad_{kind}_id", id=new)
    if new != old and new in doc.ids(key):
        raise Refused("id_taken", id=new)
    entry["id"] = new
    return new


class Edit:
    """One change to a map; `apply` returns the id of what it made or selects, if anything."""

    def apply(self, doc: MapDocument) -> str | None:
        raise NotImplementedError


@dataclass
class Batch(Edit):
    """Several edits made and undone as one (a stroke of links or of paint)."""

    edits: list[Edit]

    def apply(self, doc: MapDocument) -> str | None:
        made = None
        for edit in self.edits:
            made = edit.apply(doc)
        return made


# --- provinces ------------------------------------------------------------------------
@dataclass
class AddProvince(Edit):
    pos: tuple[float, float]
    owner: str
    name: str = ""

    def apply(self, doc: MapDocument) -> str | None:
        _need(doc, "states", self.owner)
        point = [int(round(v)) for v in self.pos]
        size = _size(doc)
        if not all(0 <= v <= limit for v, limit in zip(point, size, strict=False)):
            raise Refused("outside")
        _room(doc, point, size)
        ident = _fresh("p", doc.ids("provinces"))
        entry = CommentedMap(id=ident)
        if clean(self.name):
            entry["name"] = clean(self.name)
        entry["owner"] = self.owner
        entry["pos"] = _point(point)
        entry.fa.set_flow_style()
        doc.section("provinces").append(entry)
        return ident


@dataclass
class MoveProvince(Edit):
    province: str
    pos: tuple[float, float]

    def apply(self, doc: MapDocument) -> str | None:
        entry = _need(doc, "provinces", self.province)
        size = _size(doc)
        point = [min(max(0, int(round(v))), int(limit)) for v, limit in zip(self.pos, size, strict=False)]
        _room(doc, point, size, self.province)
        entry["pos"] = _point(point)
        return self.province


@dataclass
class SetProvince(Edit):
    province: str
    key: str
    value: Any

    def apply(self, doc: MapDocument) -> str | None:
        entry = _need(doc, "provinces", self.province)
        if self.key not in PROVINCE_FIELDS:
            raise Refused("bad_value", field=self.key, reason="not editable")
        value = clean(self.value) if isinstance(self.value, str) else self.value
        if self.key == "name" and not value:
            entry.pop("name", None)
            return self.province
        _checked(ProvinceSpec, entry, self.key, value)
        entry[self.key] = value
        return self.province


@dataclass
class RenameProvince(Edit):
    province: str
    new: str

    def apply(self, doc: MapDocument) -> str | None:
        new = _renamed(doc, "provinces", self.province, self.new)
        for key in ("links", "sea_links"):
            for pair in doc.items(key):
                _rename_in(pair, self.province, new)
        for state in _holders(doc):
            if state.get("capital") == self.province:
                state["capital"] = new
            forces = state.get("forces")
            if isinstance(forces, dict) and self.province in forces:
                forces.insert(list(forces).index(self.province), new, forces.pop(self.province))
        for event in _added_states(doc):
            _rename_in(event["provinces"], self.province, new)
        return new


@dataclass
class DeleteProvince(Edit):
    province: str

    def apply(self, doc: MapDocument) -> str | None:
        _need(doc, "provinces", self.province)
        _remove_where(
            doc.section("provinces"), lambda p: isinstance(p, dict) and p.get("id") == self.province
        )
        for key in ("links", "sea_links"):
            if key in doc.tree:
                _remove_where(doc.section(key), lambda pair: self.province in pair)
        for state in _holders(doc):
            _forget_province(state, self.province)
        for event in _added_states(doc):
            _remove_where(event["provinces"], lambda p: p == self.province)
        if "events" in doc.tree:  # a new state left with no province cannot appear
            _remove_where(doc.section("events"), lambda e: isinstance(e, dict) and e.get("provinces") == [])
        return None


def _added_states(doc: MapDocument) -> list[CommentedMap]:
    """The add_state events (with their list of provinces)."""
    return [
        e
        for e in doc.items("events")
        if isinstance(e, dict) and e.get("kind") == "add_state" and isinstance(e.get("provinces"), list)
    ]


def _holders(doc: MapDocument) -> list[CommentedMap]:
    """What may have a capital and forces in provinces: the states and the states events add."""
    return [s for s in doc.items("states") if isinstance(s, dict)] + _added_states(doc)


def _forget_province(state: CommentedMap, province: str) -> None:
    """Drop a state's capital and forces in a province it no longer has."""
    if state.get("capital") == province:
        del state["capital"]
    forces = state.get("forces")
    if isinstance(forces, dict):
        forces.pop(province, None)
        if not forces:
            del state["forces"]


@dataclass
class SetOwner(Edit):
    province: str
    owner: str

    def apply(self, doc: MapDocument) -> str | None:
        entry = _need(doc, "provinces", self.province)
        _need(doc, "states", self.owner)
        old = doc.entry("states", entry.get("owner"))
        if old is not None and entry.get("owner") != self.owner:
            _forget_province(old, self.province)
        entry["owner"] = self.owner
        return self.province


@dataclass
class SetCapital(Edit):
    province: str

    def apply(self, doc: MapDocument) -> str | None:
        entry = _need(doc, "provinces", self.province)
        state = _need(doc, "states", entry.get("owner"))
        state["capital"] = self.province
        return self.province


@dataclass
class SetForces(Edit):
    province: str
    strength: int

    def apply(self, doc: MapDocument) -> str | None:
        entry = _need(doc, "provinces", self.province)
        state = _need(doc, "states", entry.get("owner"))
        strength = int(self.strength)
        if strength < 0 or strength > 10_000:
            raise Refused("bad_value", field="forces", reason="0 .. 10000")
        forces = state.get("forces")
        if strength == 0:
            if isinstance(forces, dict):
                forces.pop(self.province, None)
                if not forces:
                    del state["forces"]
            return self.province
        if not isinstance(forces, dict):
            forces = state["forces"] = CommentedMap()
        forces[self.province] = strength
        return self.province


# --- links ----------------------------------------------------------------------------
@dataclass
class AddLink(Edit):
    a: str
    b: str
    sea: bool = False

    def apply(self, doc: MapDocument) -> str | None:
        _need(doc, "provinces", self.a)
        _need(doc, "provinces", self.b)
        if self.a == self.b:
            raise Refused("link_self")
        if find_link(doc, self.a, self.b) is not None:
            raise Refused("link_exists")
        doc.section("sea_links" if self.sea else "links").append(_flow(self.a, self.b))
        return None


@dataclass
class RemoveLink(Edit):
    a: str
    b: str

    def apply(self, doc: MapDocument) -> str | None:
        found = find_link(doc, self.a, self.b)
        if found is None:
            raise Refused("no_link")
        del doc.section(found[0])[found[1]]
        return None


def find_link(doc: MapDocument, a: str, b: str) -> tuple[str, int] | None:
    """The list ("links" or "sea_links") and index of the link between a and b, if there is one."""
    for key in ("links", "sea_links"):
        for index, pair in enumerate(doc.items(key)):
            if isinstance(pair, list) and sorted(map(str, pair)) == sorted((a, b)):
                return key, index
    return None


# --- states ---------------------------------------------------------------------------
@dataclass
class AddState(Edit):
    name: str = ""

    def apply(self, doc: MapDocument) -> str | None:
        taken = doc.ids("states")
        ident = _fresh("S", taken)
        used = {str(s.get("colour", "")).upper() for s in doc.items("states") if isinstance(s, dict)}
        colour = next((c for c in COLOURS if c not in used), COLOURS[len(taken) % len(COLOURS)])
        entry = CommentedMap(id=ident)
        entry["name"] = clean(self.name) or ident
        entry["colour"] = DoubleQuotedScalarString(colour)
        doc.section("states").append(entry)
        return ident


@dataclass
class SetState(Edit):
    state: str
    key: str
    value: Any

    def apply(self, doc: MapDocument) -> str | None:
        entry = _need(doc, "states", self.state)
        if self.key not in STATE_FIELDS:
            raise Refused("bad_value", field=self.key, reason="not editable")
        value = clean(self.value) if isinstance(self.value, str) else self.value
        if self.key == "colour" and isinstance(value, str):
            value = DoubleQuotedScalarString(value.upper())
        if self.key == "values" and isinstance(value, (list, tuple)):
            value = _flow(*value)
        _checked(StateSpec, entry, self.key, value)
        if self.key == "controller" and value == "human":
            for other in doc.items("states"):
                if isinstance(other, dict) and other.get("controller") == "human":
                    other["controller"] = "ai"
        entry[self.key] = value
        return self.state


@dataclass
class RenameState(Edit):
    state: str
    new: str

    def apply(self, doc: MapDocument) -> str | None:
        new = _renamed(doc, "states", self.state, self.new)
        for province in doc.items("provinces"):
            if isinstance(province, dict) and province.get("owner") == self.state:
                province["owner"] = new
        for names in _state_lists(doc):
            _rename_in(names, self.state, new)
        for item in doc.items("agreements") + doc.items("events"):
            for holder, key in _state_refs(item):
                if holder.get(key) == self.state:
                    holder[key] = new
        return new


def _state_refs(item: Any) -> list[tuple[dict, str]]:
    """Where an agreement or event names one state: (the mapping, the key), its when: condition included."""
    if not isinstance(item, dict):
        return []
    refs = [(item, key) for key in ("patron", "client", "state", "target", "heir")]
    when = item.get("when")
    if isinstance(when, dict):
        refs.append((when, "eliminated"))
        if isinstance(when.get("power_share"), dict):
            refs.append((when["power_share"], "state"))
    return refs


def _state_lists(doc: MapDocument) -> list[list]:
    """Every list of state ids in the map: members, war sides, veto holders."""
    lists = [
        a["members"]
        for a in doc.items("agreements")
        if isinstance(a, dict) and isinstance(a.get("members"), list)
    ]
    for war in doc.items("wars"):
        lists += [
            war[k]
            for k in ("attackers", "defenders")
            if isinstance(war, dict) and isinstance(war.get(k), list)
        ]
    assembly = doc.tree.get("assembly")
    if isinstance(assembly, dict) and isinstance(assembly.get("veto_holders"), list):
        lists.append(assembly["veto_holders"])
    return lists


@dataclass
class DeleteState(Edit):
    state: str

    def apply(self, doc: MapDocument) -> str | None:
        _need(doc, "states", self.state)
        for province in [
            p for p in doc.items("provinces") if isinstance(p, dict) and p.get("owner") == self.state
        ]:
            DeleteProvince(province["id"]).apply(doc)
        _remove_where(doc.section("states"), lambda s: isinstance(s, dict) and s.get("id") == self.state)
        for names in _state_lists(doc):
            _remove_where(names, lambda n: n == self.state)
        gone = self.state
        for key in ("agreements", "wars", "events"):
            if key in doc.tree:
                _remove_where(doc.section(key), lambda item, key=key: _orphaned(item, key, gone))
        return None


def _orphaned(item: Any, key: str, gone: str) -> bool:
    """Whether an agreement, war or event no longer makes sense once a state is gone."""
    if not isinstance(item, dict):
        return False
    if key == "wars":
        return not item.get("attackers") or not item.get("defenders")
    if key == "agreements" and item.get("kind") != "guarantee":
        return len(item.get("members") or []) < 2
    return any(holder.get(key) == gone for holder, key in _state_refs(item))


# --- agreements -----------------------------------------------------------------------
@dataclass
class AddAgreement(Edit):
    kind: str
    states: tuple[str, ...]
    name: str = ""

    def apply(self, doc: MapDocument) -> str | None:
        if self.kind not in AGREEMENT_MODELS:
            raise Refused("bad_value", field="kind", reason=self.kind)
        for state in self.states:
            _need(doc, "states", state)
        if len(set(self.states)) != 2 or len(self.states) != 2:
            raise Refused("agreement_two")
        entry = CommentedMap(kind=self.kind)
        if clean(self.name):
            entry["name"] = clean(self.name)
        if self.kind == "guarantee":
            entry["patron"], entry["client"] = self.states
        else:
            entry["members"] = _flow(*self.states)
        doc.section("agreements").append(entry)
        return str(len(doc.items("agreements")) - 1)


def _agreement(doc: MapDocument, index: int) -> CommentedMap:
    items = doc.items("agreements")
    if not 0 <= index < len(items) or not isinstance(items[index], dict):
        raise Refused("no_agreement")
    return items[index]


@dataclass
class SetMember(Edit):
    """Add a state to a pact or bloc (member=True) or take it out (never below two members)."""

    index: int
    state: str
    member: bool

    def apply(self, doc: MapDocument) -> str | None:
        entry = _agreement(doc, self.index)
        _need(doc, "states", self.state)
        members = entry.get("members")
        if not isinstance(members, list):
            raise Refused("no_members")
        if self.member and self.state not in members:
            members.append(self.state)
        elif not self.member and self.state in members:
            if len(members) <= 2:
                raise Refused("agreement_two")
            members.remove(self.state)
        return str(self.index)


@dataclass
class SetAgreementName(Edit):
    index: int
    name: str

    def apply(self, doc: MapDocument) -> str | None:
        entry = _agreement(doc, self.index)
        if clean(self.name):
            entry["name"] = clean(self.name)
        else:
            entry.pop("name", None)
        return str(self.index)


@dataclass
class DeleteAgreement(Edit):
    index: int

    def apply(self, doc: MapDocument) -> str | None:
        _agreement(doc, self.index)
        del doc.section("agreements")[self.index]
        return None


# --- the map as a whole ----------------------------------------------------------------
@dataclass
class SetMeta(Edit):
    key: str
    value: str

    def apply(self, doc: MapDocument) -> str | None:
        if self.key not in META_FIELDS:
            raise Refused("bad_value", field=self.key, reason="not editable")
        value = clean(self.value)
        if self.key == "title" and not value:
            raise Refused("title_empty")
        if self.key == "briefing" and "\n" in value:
            value = LiteralScalarString("\n".join(line.rstrip() for line in value.split("\n")) + "\n")
        doc.tree[self.key] = value
        return None
