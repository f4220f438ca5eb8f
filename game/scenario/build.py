"""Build the engine's starting GameState from a checked scenario."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
from pydantic import ValidationError

from game.engine.diplomacy import guarantee_name
from game.engine.state import (
    Agreement,
    Controller,
    GameState,
    Nation,
    Province,
    ScriptedEvent,
    Trigger,
    War,
)
from game.scenario.errors import did_you_mean
from game.scenario.model import (
    AddStateEvent,
    Condition,
    EventSpec,
    GuaranteeSpec,
    ProductionShockEvent,
    RegimeChangeEvent,
    RemoveStateEvent,
    RuleOverrides,
    Scenario,
    ValuesEvent,
    WarEvent,
)
from game.scenario.rules import load_rule_defaults, make_rules

_NUMBER = re.compile(r"(\d+)$")


def new_game(scenario: Scenario, seed: int, overrides: dict[str, Any] | None = None) -> GameState:
    """The state of turn 1 of a scenario; overrides replace rule constants by name."""
    rules = make_rules(scenario.rules.model_dump(exclude_unset=True) | _checked(overrides))
    owned: dict[str, list[str]] = {s.id: [] for s in scenario.states}
    for prov in scenario.provinces:
        owned[prov.owner].append(prov.id)
    nations = {s.id: _nation(s, s.id, owned[s.id], rules.legitimacy_start) for s in scenario.states}
    agreements = _agreements(scenario)
    wars = {
        f"war{i + 1}": War(f"war{i + 1}", list(w.attackers), list(w.defenders), started=0)
        for i, w in enumerate(scenario.wars)
    }
    numbers = [int(m.group(1)) for i in [*agreements, *wars] if (m := _NUMBER.search(i))]
    return GameState(
        scenario_id=scenario.id or "",
        title=scenario.title,
        seed=seed,
        turn=1,
        rules=rules,
        nations=nations,
        provinces=_provinces(scenario),
        forces=_forces(scenario),
        agreements=agreements,
        wars=wars,
        assembly=scenario.assembly.enabled,
        veto_holders=list(scenario.assembly.veto_holders),
        script=[_event(e, rules.legitimacy_start) for e in scenario.events],
        rng=np.random.PCG64(seed).state,
        next_id=max(numbers, default=0) + 1,
    )


def _checked(overrides: dict[str, Any] | None) -> dict[str, Any]:
    """Rule overrides given to new_game, checked like a map's rules:; raises ValueError."""
    if not overrides:
        return {}
    try:
        return RuleOverrides.model_validate(overrides).model_dump(exclude_unset=True)
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            name = str(error["loc"][0]) if error["loc"] else "?"
            if error["type"] == "extra_forbidden":
                guess = did_you_mean(name, load_rule_defaults())
                problems.append(f"unknown rule {name!r}" + (f" — did you mean {guess!r}?" if guess else ""))
            else:
                problems.append(f"rule {name!r}: {error['msg']}")
        raise ValueError("; ".join(problems)) from None


def _nation(spec: Any, ident: str, owned: list[str], legitimacy: float) -> Nation:
    """A Nation from its map entry (a state, or an add_state event); capital and legitimacy defaulted."""
    return Nation(
        id=ident,
        name=spec.name,
        colour=spec.colour,
        values=[float(v) for v in spec.values],
        treasury=float(spec.treasury),
        development=float(spec.development),
        legitimacy=float(spec.legitimacy if spec.legitimacy is not None else legitimacy),
        objective=spec.objective,
        controller=Controller(getattr(spec, "controller", "ai"), spec.personality, spec.difficulty),
        capital=spec.capital or owned[0],
        start_provinces=len(owned),
    )


def _provinces(scenario: Scenario) -> dict[str, Province]:
    """The provinces with their land and sea neighbours."""
    land: dict[str, set[str]] = {p.id: set() for p in scenario.provinces}
    sea: dict[str, set[str]] = {p.id: set() for p in scenario.provinces}
    for links, side in ((scenario.links, land), (scenario.sea_links, sea)):
        for a, b in links:
            side[a].add(b)
            side[b].add(a)
    return {
        p.id: Province(
            id=p.id,
            name=p.name or p.id[:1].upper() + p.id[1:],
            pos=[float(v) for v in p.pos],
            production=float(p.production),
            owner=p.owner,
            neighbours=sorted(land[p.id] | sea[p.id]),
            sea=sorted(sea[p.id] - land[p.id]),
        )
        for p in scenario.provinces
    }


def _forces(scenario: Scenario) -> dict[str, dict[str, int]]:
    """Province -> state -> strength, in file order of provinces and states."""
    forces: dict[str, dict[str, int]] = {}
    for prov in scenario.provinces:
        stack = {s.id: s.forces[prov.id] for s in scenario.states if prov.id in s.forces}
        if stack:
            forces[prov.id] = stack
    return forces


def _names(ids: list[str], scenario: Scenario) -> str:
    """State names joined: "Varonia", "Varonia and Ostmark", "A, B and C"."""
    names = {s.id: s.name for s in scenario.states}
    words = [names[i] for i in ids]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _agreements(scenario: Scenario) -> dict[str, Agreement]:
    """The starting agreements, with ids and names defaulted."""
    taken = {a.id for a in scenario.agreements if a.id}
    result: dict[str, Agreement] = {}
    for index, spec in enumerate(scenario.agreements):
        ident = spec.id
        number = index + 1
        while ident is None or ident in result or (ident != spec.id and ident in taken):
            ident = f"{spec.kind}{number}"
            number += 1
        if isinstance(spec, GuaranteeSpec):
            members = [spec.patron, spec.client]
            name = spec.name or guarantee_name(
                _names([spec.patron], scenario), _names([spec.client], scenario)
            )
            result[ident] = Agreement(ident, spec.kind, name, members, patron=spec.patron)
            continue
        name = spec.name or f"{spec.kind.capitalize()} of {_names(spec.members, scenario)}"
        result[ident] = Agreement(
            ident,
            spec.kind,
            name,
            list(spec.members),
            leader=spec.members[0],
            institution=getattr(spec, "institution", False),
        )
    return result


def _event(spec: EventSpec, legitimacy: float) -> ScriptedEvent:
    """A ScriptedEvent from its map entry."""
    event = ScriptedEvent(
        turn=spec.turn or 0,
        kind=spec.kind,
        state=getattr(spec, "state", ""),
        text=spec.text,
        concept=spec.concept,
        when=_trigger(spec.when) if spec.when else None,
    )
    if isinstance(spec, ProductionShockEvent):
        event.factor = float(spec.factor)
    elif isinstance(spec, RegimeChangeEvent):
        event.values = [float(v) for v in spec.values or []]
        event.personality = spec.personality or ""
    elif isinstance(spec, ValuesEvent):
        event.values = [float(v) for v in spec.values or []]
        figures = {k: getattr(spec, k) for k in ("legitimacy", "treasury", "development")}
        event.figures = {k: float(v) for k, v in figures.items() if v is not None}
        event.objective = spec.objective or ""
    elif isinstance(spec, WarEvent):
        event.target = spec.target
    elif isinstance(spec, RemoveStateEvent):
        event.target = spec.heir
    elif isinstance(spec, AddStateEvent):
        provinces = spec.provinces
        event.nation = _nation(spec, event.state, provinces, legitimacy)
        event.provinces = list(provinces)
        event.forces = dict(spec.forces)
    return event


def _trigger(when: Condition) -> Trigger:
    """The engine's form of an event's when: conditions."""
    share = when.power_share
    return Trigger(
        eliminated=when.eliminated or "",
        share_of=share.state if share else "",
        above=share.above if share else None,
        below=share.below if share else None,
        first_turn=when.first_turn or 1,
        last_turn=when.last_turn or 0,
    )
