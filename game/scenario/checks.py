"""The checks of a map's meaning: ids, references, ownership, links and reachability."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError

from game.scenario.errors import choices, did_you_mean, number
from game.scenario.model import (
    DEFAULT_SIZE,
    ITEM_MODELS,
    PROVINCE_ID,
    STATE_ID,
    AddStateEvent,
    AssemblySpec,
    GuaranteeSpec,
    ProvinceSpec,
    RegimeChangeEvent,
    RemoveStateEvent,
    RuleOverrides,
    Scenario,
    StateSpec,
    ValuesEvent,
    WarEvent,
    WarSpec,
)
from game.scenario.report import Report, describe
from game.scenario.rules import load_rule_defaults
from game.text import glossary

_ADAPTERS = {name: TypeAdapter(kind) for name, kind in ITEM_MODELS.items()}


@dataclass
class View:
    """The parts of a map that passed the structure checks, with their list positions."""

    data: Any
    states: list[tuple[int, StateSpec]] = field(default_factory=list)
    provinces: list[tuple[int, ProvinceSpec]] = field(default_factory=list)
    links: list[tuple[int, list[str]]] = field(default_factory=list)
    sea_links: list[tuple[int, list[str]]] = field(default_factory=list)
    agreements: list[tuple[int, Any]] = field(default_factory=list)
    wars: list[tuple[int, WarSpec]] = field(default_factory=list)
    events: list[tuple[int, Any]] = field(default_factory=list)
    veto_holders: list[str] = field(default_factory=list)
    size: list[float] | None = None
    turn_limit: int | None = None
    state_ids: set[str] | None = None  # every state id, None when some are unreadable
    province_ids: set[str] | None = None
    whole: bool = True  # every part passed: the checks over the whole map can run


def view_of(scenario: Scenario, data: Any) -> View:
    """The view of a map that passed every structure check."""
    rules = scenario.rules.model_dump(exclude_unset=True)
    return View(
        data=data,
        states=list(enumerate(scenario.states)),
        provinces=list(enumerate(scenario.provinces)),
        links=list(enumerate(scenario.links)),
        sea_links=list(enumerate(scenario.sea_links)),
        agreements=list(enumerate(scenario.agreements)),
        wars=list(enumerate(scenario.wars)),
        events=list(enumerate(scenario.events)),
        veto_holders=list(scenario.assembly.veto_holders),
        size=scenario.size,
        turn_limit=rules.get("turn_limit", load_rule_defaults()["turn_limit"]),
        state_ids={s.id for s in scenario.states},
        province_ids={p.id for p in scenario.provinces},
    )


def partial_view(data: dict[str, Any]) -> View:
    """The view of the parts of a map that pass their own structure checks."""
    view = View(data=data, whole=False)
    for name, adapter in _ADAPTERS.items():
        items = data.get(name, [])
        if not isinstance(items, list):
            continue
        valid = getattr(view, name)
        for index, raw in enumerate(items):
            with contextlib.suppress(ValidationError):
                valid.append((index, adapter.validate_python(raw, strict=True)))
    view.state_ids = _raw_ids(data.get("states"), STATE_ID)
    view.province_ids = _raw_ids(data.get("provinces"), PROVINCE_ID)
    with contextlib.suppress(ValidationError):
        view.veto_holders = AssemblySpec.model_validate(data.get("assembly", {})).veto_holders
    try:
        view.size = TypeAdapter(Scenario.model_fields["size"].annotation).validate_python(
            data.get("size", DEFAULT_SIZE), strict=True
        )
        if len(view.size) != 2 or min(view.size) <= 0:
            view.size = None
    except ValidationError:
        pass
    rules = data.get("rules")
    limit = rules.get("turn_limit") if isinstance(rules, dict) else None
    try:
        RuleOverrides.model_validate({"turn_limit": limit} if limit is not None else {})
        view.turn_limit = limit if limit is not None else load_rule_defaults()["turn_limit"]
    except ValidationError:
        pass
    return view


def _raw_ids(items: Any, pattern: str) -> set[str] | None:
    """The ids of raw items, or None when some item has no valid id (to avoid false alarms)."""
    if not isinstance(items, list) or not items:
        return None
    ids = [raw.get("id") if isinstance(raw, dict) else None for raw in items]
    if not all(isinstance(i, str) and re.fullmatch(pattern, i) for i in ids):
        return None
    return set(ids)


class Checker:
    """Runs every check of meaning on a view and adds the problems to a report."""

    def __init__(self, view: View, report: Report) -> None:
        self.view = view
        self.report = report
        self.data = view.data
        self.owner = {p.id: p.owner for _, p in view.provinces}
        self.links_ok = True
        self.owners_ok = True

    def run(self) -> None:
        """Run every check."""
        self.unique_ids()
        self.provinces()
        self.states()
        self.links()
        self.agreements()
        self.wars()
        self.assembly()
        self.events()
        if self.view.whole and self.links_ok:
            self.reachable()
        if self.view.whole and self.owners_ok:
            self.landless()

    def concept(self, path: tuple, subject: str, key: str) -> None:
        """Report a concept that opens no glossary card."""
        if glossary.card(key) is not None:
            return
        ids = sorted(glossary.cards())
        guess = did_you_mean(key, ids)
        hint = f"did you mean {guess!r}?" if guess else f"use one of: {choices(ids)}"
        self.report.add(path, f"{subject} names no glossary card {key!r}", hint)

    def unknown(
        self,
        path: tuple,
        subject: str,
        kind: str,
        value: str,
        key: bool = False,
        verb: str = "names",
    ) -> bool:
        """Report value at path when it names no known state (or province); True if so."""
        known = self.view.state_ids if kind == "state" else self.view.province_ids
        if known is None or value in known:
            return False
        ordered = [s.id for _, s in (self.view.states if kind == "state" else self.view.provinces)]
        ordered = list(dict.fromkeys(ordered)) + sorted(known - set(ordered))
        guess = did_you_mean(value, ordered)
        listed = choices(ordered)
        section = "states" if kind == "state" else "provinces"
        if guess:
            hint = f"did you mean {guess!r}?"
        elif listed:
            hint = f"use one of: {listed}"
        else:
            hint = f"check the ids under {section}:"
        self.report.add(path, f"{subject} {verb} unknown {kind} {value!r}", hint, key=key)
        return True

    def unique_ids(self) -> None:
        """Every state, province and agreement id is used once."""
        for section, noun, items in (
            ("states", "state", self.view.states),
            ("provinces", "province", self.view.provinces),
            ("agreements", "agreement", self.view.agreements),
        ):
            first: dict[str, int] = {}
            for index, part in items:
                if part.id is None:
                    continue
                if part.id in first:
                    line = self.report.line((section, first[part.id], "id"))
                    self.report.add(
                        (section, index, "id"),
                        f"{noun} id {part.id!r} is used twice (first on line {line})",
                        f"give each {noun} its own id",
                    )
                else:
                    first[part.id] = index

    def provinces(self) -> None:
        """Owners are known states; positions are inside the map and not shared."""
        seen: dict[tuple[float, float], tuple[int, str]] = {}
        for index, prov in self.view.provinces:
            subject = f"owner of province {prov.id!r}"
            if self.unknown(("provinces", index, "owner"), subject, "state", prov.owner):
                self.owners_ok = False
                self.owner.pop(prov.id, None)
            x, y = prov.pos
            size = self.view.size
            if size and not (0 <= x <= size[0] and 0 <= y <= size[1]):
                w, h = number(size[0]), number(size[1])
                self.report.add(
                    ("provinces", index, "pos"),
                    f"position [{number(x)}, {number(y)}] of province {prov.id!r} "
                    f"is outside the map size [{w}, {h}]",
                    f"use x from 0 to {w} and y from 0 to {h}, or make size: larger",
                )
            elif (x, y) in seen:
                other_index, other = seen[(x, y)]
                line = self.report.line(("provinces", other_index, "pos"))
                self.report.add(
                    ("provinces", index, "pos"),
                    f"province {prov.id!r} is at the same position as {other!r} (line {line})",
                    "move one of them: each province needs its own place",
                )
            else:
                seen[(x, y)] = (index, prov.id)

    def states(self) -> None:
        """Capitals and forces stand in the state's own provinces."""
        for index, state in self.view.states:
            if state.capital is not None:
                path = ("states", index, "capital")
                subject = f"capital of state {state.id!r}"
                owner = self.owner.get(state.capital)
                if not self.unknown(path, subject, "province", state.capital) and (
                    owner not in (None, state.id)
                ):
                    self.report.add(
                        path,
                        f"capital {state.capital!r} of state {state.id!r} is a province of {owner!r}",
                        f"choose one of {state.id}'s own provinces",
                    )
            for province in state.forces:
                path = ("states", index, "forces", province)
                owner = self.owner.get(province)
                subject = f"forces of state {state.id!r}"
                if self.unknown(path, subject, "province", province, True, "stand in"):
                    continue
                if owner not in (None, state.id):
                    self.report.add(
                        path,
                        f"forces of state {state.id!r} stand in {province!r}, a province of {owner!r}",
                        f"place starting forces in {state.id}'s own provinces",
                        key=True,
                    )

    def landless(self) -> None:
        """Every state owns at least one province."""
        owners = set(self.owner.values())
        for index, state in self.view.states:
            if state.id not in owners:
                self.report.add(
                    ("states", index, "id"),
                    f"state {state.id!r} owns no province",
                    f"give it a province (owner: {state.id}) or remove the state",
                )

    def links(self) -> None:
        """Links join two different known provinces, each pair once."""
        first: dict[frozenset[str], tuple[str, int]] = {}
        for section, noun in (("links", "link"), ("sea_links", "sea link")):
            for index, (a, b) in getattr(self.view, section):
                path = (section, index)
                bad = [self.unknown(path + (i,), noun, "province", p) for i, p in enumerate((a, b))]
                if any(bad):
                    self.links_ok = False
                    continue
                if a == b:
                    self.report.add(
                        path, f"{noun} joins {a!r} to itself", "a link joins two different provinces"
                    )
                    continue
                pair = frozenset((a, b))
                if pair in first:
                    where, other = first[pair]
                    line = self.report.line((where, other))
                    if where == section:
                        message = f"{noun} [{a}, {b}] is given twice (first on line {line})"
                    else:
                        message = f"sea link [{a}, {b}] repeats the land link on line {line}"
                    self.report.add(path, message, "remove one of them")
                else:
                    first[pair] = (section, index)

    def reachable(self) -> None:
        """Every province can be reached from the first one through links."""
        ids = [p.id for _, p in self.view.provinces]
        if len(set(ids)) != len(ids) or not ids:
            return
        neighbours: dict[str, set[str]] = {p: set() for p in ids}
        for _, (a, b) in self.view.links + self.view.sea_links:
            neighbours[a].add(b)
            neighbours[b].add(a)
        seen = {ids[0]}
        todo = [ids[0]]
        while todo:
            for other in neighbours[todo.pop()]:
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        index_of = {p.id: i for i, p in self.view.provinces}
        for group in _groups([p for p in ids if p not in seen], neighbours):
            names = ", ".join(repr(p) for p in group[:5])
            if len(group) > 5:
                names += f" and {len(group) - 5} more"
            path = ("provinces", index_of[group[0]], "id")
            if len(group) == 1:
                message = f"province {names} cannot be reached from {ids[0]!r}"
                hint = "link it to a neighbour under links: or sea_links:"
            else:
                message = f"provinces {names} cannot be reached from {ids[0]!r}"
                hint = "link one of them to the rest under links: or sea_links:"
            self.report.add(path, message, hint)

    def agreements(self) -> None:
        """Agreements name known, distinct states."""
        for index, agreement in self.view.agreements:
            subject = describe(self.data, ("agreements", index))
            if isinstance(agreement, GuaranteeSpec):
                names = [("patron", agreement.patron), ("client", agreement.client)]
                bad = [self.unknown(("agreements", index, k), subject, "state", v) for k, v in names]
                if not any(bad) and agreement.patron == agreement.client:
                    self.report.add(
                        ("agreements", index, "client"),
                        f"{subject} has {agreement.patron!r} as both patron and client",
                        "the client must be another state",
                    )
                continue
            self.members(("agreements", index, "members"), subject, agreement.members)

    def members(self, path: tuple, subject: str, members: list[str]) -> set[str]:
        """Check a list of state ids: known, each once; returns the known ones."""
        seen: set[str] = set()
        for i, member in enumerate(members):
            if self.unknown(path + (i,), subject, "state", member):
                continue
            if member in seen:
                self.report.add(path + (i,), f"{subject} lists {member!r} twice", "list each state once")
            seen.add(member)
        return seen

    def wars(self) -> None:
        """Wars name known states, each once, none on both sides."""
        for index, war in self.view.wars:
            subject = f"war {index + 1}"
            attackers = self.members(("wars", index, "attackers"), subject, war.attackers)
            seen: set[str] = set()
            for i, state in enumerate(war.defenders):
                path = ("wars", index, "defenders", i)
                if self.unknown(path, subject, "state", state):
                    continue
                if state in attackers:
                    message = f"{subject} puts {state!r} on both sides"
                    self.report.add(path, message, "a state fights on one side only")
                elif state in seen:
                    message = f"{subject} lists {state!r} twice"
                    self.report.add(path, message, "list each state once")
                seen.add(state)

    def assembly(self) -> None:
        """Veto holders are known states, each once."""
        self.members(("assembly", "veto_holders"), "veto_holders", self.view.veto_holders)

    def events(self) -> None:
        """Events happen at a turn or under conditions within the game, name known states (the map's
        and those events add) and provinces, and change something."""
        added = [(i, e) for i, e in self.view.events if isinstance(e, AddStateEvent)]
        if self.view.state_ids is not None:
            self.new_states(added)
            self.view.state_ids |= {e.state for _, e in added}
        for index, event in self.view.events:
            path = ("events", index)
            subject = describe(self.data, path)
            self.timing(path, subject, event)
            state = getattr(event, "state", None)
            if state is not None and not isinstance(event, AddStateEvent):
                self.unknown(path + ("state",), subject, "state", state)
            other = {WarEvent: "target", RemoveStateEvent: "heir"}.get(type(event))
            named = getattr(event, other) if other else None
            if other and not self.unknown(path + (other,), subject, "state", named) and named == event.state:
                what = "declare war on" if other == "target" else "be its own heir"
                self.report.add(
                    path + (other,),
                    f"{subject} has {event.state!r} {what}" + (" itself" if other == "target" else ""),
                    f"name another state as {other}",
                )
            if event.concept:
                self.concept(path + ("concept",), subject, event.concept)
            if isinstance(event, RegimeChangeEvent) and (event.values is None and event.personality is None):
                self.report.add(path, f"{subject} changes nothing", "give it values:, personality: or both")
            if isinstance(event, ValuesEvent) and not event.model_fields_set - {
                "kind",
                "state",
                "turn",
                "when",
                "text",
                "concept",
            }:
                self.report.add(
                    path,
                    f"{subject} changes nothing",
                    "give it values:, legitimacy:, treasury:, development: or objective:",
                )

    def timing(self, path: tuple, subject: str, event: Any) -> None:
        """An event has turn: or when:, and happens within the game's turns."""
        limit = self.view.turn_limit
        if (event.turn is None) == (event.when is None):
            both = event.turn is not None
            self.report.add(
                path + (("when",) if both else ()),
                f"{subject} has {'both turn: and when:' if both else 'neither turn: nor when:'}",
                "give turn: for a fixed turn, or when: for conditions (with first_turn:/last_turn: for a window)",
                key=both,
            )
        turns = [("turn", event.turn)]
        when = event.when
        if when is not None:
            turns += [(("when", "first_turn"), when.first_turn), (("when", "last_turn"), when.last_turn)]
            self.condition(path + ("when",), subject, when)
        for where, turn in turns:
            if limit is not None and turn is not None and turn > limit:
                self.report.add(
                    path + (where if isinstance(where, tuple) else (where,)),
                    f"{subject} is after the last turn ({limit})",
                    f"use a turn from 1 to {limit}, or raise rules: turn_limit",
                )

    def condition(self, path: tuple, subject: str, when: Any) -> None:
        """A when: names known states, a share with one bound, a window in order."""
        if when.eliminated is None and when.power_share is None:
            self.report.add(
                path,
                f"the when: of {subject} has no condition",
                "add eliminated: STATE or power_share: {state: STATE, above: 0.4}; for a fixed turn use turn:",
            )
        if when.eliminated is not None:
            self.unknown(path + ("eliminated",), f"the when: of {subject}", "state", when.eliminated)
        share = when.power_share
        if share is not None:
            self.unknown(
                path + ("power_share", "state"), f"the power_share of {subject}", "state", share.state
            )
            if (share.above is None) == (share.below is None):
                self.report.add(
                    path + ("power_share",),
                    f"the power_share of {subject} needs one bound, above: or below:",
                    "give above: 0.4 (more than 40% of all power) or below: 0.1, not both",
                )
        first, last = when.first_turn, when.last_turn
        if first is not None and last is not None and first > last:
            self.report.add(
                path + ("last_turn",),
                f"the when: of {subject} ends (turn {last}) before it begins (turn {first})",
                "make last_turn: at least first_turn:",
            )

    def new_states(self, added: list[tuple[int, Any]]) -> None:
        """A state an event adds has a new id, known provinces, and its capital and forces in them."""
        first: dict[str, int] = {}
        for index, event in added:
            path = ("events", index)
            subject = describe(self.data, path)
            assert self.view.state_ids is not None
            if event.state in self.view.state_ids or event.state in first:
                self.report.add(
                    path + ("state",),
                    f"{subject} adds state {event.state!r}, whose id is already taken",
                    "give the new state an id no other state has",
                )
            first.setdefault(event.state, index)
            own: set[str] = set()
            for i, prov in enumerate(event.provinces):
                if self.unknown(path + ("provinces", i), subject, "province", prov):
                    continue
                if prov in own:
                    self.report.add(
                        path + ("provinces", i), f"{subject} lists {prov!r} twice", "list each province once"
                    )
                own.add(prov)
            if event.capital is not None and event.capital not in event.provinces:
                self.report.add(
                    path + ("capital",),
                    f"capital {event.capital!r} of {subject} is not one of its provinces",
                    f"choose one of: {', '.join(event.provinces)}",
                )
            for prov in event.forces:
                if prov not in event.provinces:
                    self.report.add(
                        path + ("forces", prov),
                        f"forces of {subject} stand in {prov!r}, not one of its provinces",
                        f"place them in one of: {', '.join(event.provinces)}",
                        key=True,
                    )


def _groups(ids: list[str], neighbours: dict[str, set[str]]) -> list[list[str]]:
    """The connected groups among ids, each in file order, in order of their first id."""
    rest = set(ids)
    order = {p: i for i, p in enumerate(ids)}
    groups = []
    for start in ids:
        if start not in rest:
            continue
        group, todo = {start}, [start]
        rest.discard(start)
        while todo:
            for other in neighbours[todo.pop()]:
                if other in rest:
                    rest.discard(other)
                    group.add(other)
                    todo.append(other)
        groups.append(sorted(group, key=order.__getitem__))
    return groups


def check(view: View, report: Report) -> None:
    """Add every problem of meaning in the view to the report."""
    Checker(view, report).run()
