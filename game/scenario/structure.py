"""Turn pydantic's validation errors into friendly problems at the right line and column."""

from __future__ import annotations

import re
from typing import Any

from game.scenario.errors import did_you_mean, number, show
from game.scenario.model import (
    AGREEMENT_MODELS,
    COLOUR,
    EVENT_MODELS,
    STATE_ID,
    AssemblySpec,
    ProvinceSpec,
    RuleOverrides,
    Scenario,
    StateSpec,
    WarSpec,
)
from game.scenario.report import Report, describe, owner_path
from game.scenario.yamlsafe import Path

EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping (key: value lines)",
    "model_type": "a mapping (key: value lines)",
    "model_attributes_type": "a mapping (key: value lines)",
}
TYPE_HINTS = {
    "text": "put the text in quotes",
    "a whole number": "write a whole number such as 3",
    "a number": "write a number such as 3 or 2.5",
    "true or false": "write true or false",
    "a list": "write a list like [a, b], or one '- item' per line",
    "a mapping (key: value lines)": "write key: value lines, indented under it",
}
ADD = {
    "title": "title: and the scenario's title",
    "states": "states: with at least 2 states",
    "provinces": "provinces: with at least 2 provinces",
    "id": "id: and an id",
    "name": "name: and a name",
    "colour": 'colour: "#rrggbb" (in quotes)',
    "owner": "owner: and the id of a state",
    "pos": "pos: [x, y]",
    "members": "members: [A, B] (state ids)",
    "patron": "patron: and the id of a state",
    "client": "client: and the id of a state",
    "attackers": "attackers: [A] (state ids)",
    "defenders": "defenders: [B] (state ids)",
    "turn": "turn: and a turn number",
    "state": "state: and the id of a state",
    "target": "target: and the id of a state",
    "factor": "factor: and a number such as 0.5",
    "text": "text: and the message",
    "heir": "heir: and the id of the state that takes its land",
}
EVENT_ADD = {"provinces": "provinces: [a, b] (province ids)"}  # where an event's key differs from the map's
LENGTH_HINTS = {
    "states": "add another state",
    "provinces": "add another province",
    "pos": "write the position as [x, y]",
    "size": "write the size as [width, height]",
    "values": "write three numbers in 0..1: [openness, market economy, tradition]",
    "links": "a link joins two provinces: [a, b]",
    "sea_links": "a sea link joins two provinces: [a, b]",
    "members": "list at least 2 different states",
    "attackers": "list at least one state",
    "defenders": "list at least one state",
}
NEEDS = {
    "production_shock": "state and factor",
    "regime_change": "state, and values or personality",
    "values": "state, and what changes",
    "war": "state and target",
    "add_state": "state, name, colour and provinces",
    "remove_state": "state and heir",
    "message": "text",
}


def model_at(data: Any, path: Path) -> Any:
    """The model class of the mapping at path, or None."""
    if path == ():
        return Scenario
    if path == ("assembly",):
        return AssemblySpec
    if path == ("rules",):
        return RuleOverrides
    if len(path) == 2 and isinstance(path[1], int):
        section = data.get(path[0]) if isinstance(data, dict) else None
        raw = section[path[1]] if isinstance(section, list) else None
        kind = raw.get("kind") if isinstance(raw, dict) else None
        return {
            "states": StateSpec,
            "provinces": ProvinceSpec,
            "wars": WarSpec,
            "agreements": AGREEMENT_MODELS.get(kind),
            "events": EVENT_MODELS.get(kind),
        }.get(path[0])
    return None


def data_path(data: Any, loc: tuple[Any, ...]) -> tuple[Path, bool]:
    """The data path of a pydantic error location, and whether it names a mapping key."""
    loc = tuple(loc)
    is_key = bool(loc) and loc[-1] == "[key]"
    if is_key:
        loc = loc[:-1]
    if len(loc) >= 3 and loc[0] in ("agreements", "events") and isinstance(loc[1], int):
        section = data.get(loc[0])
        raw = section[loc[1]] if isinstance(section, list) else None
        if isinstance(raw, dict) and raw.get("kind") == loc[2]:
            loc = loc[:2] + loc[3:]  # drop the union's tag
    return loc, is_key


def phrase(data: Any, path: Path) -> str:
    """How a message names the value at path: "production of province 'varon'"."""
    owner = owner_path(path)
    rest = path[len(owner) :]
    where = describe(data, owner, by_id=rest != ("id",))
    if not rest:
        return where
    if rest[0] == "forces" and len(rest) == 2:
        field = f"forces in {rest[1]!r}"
    elif len(rest) == 1:
        field = str(rest[0]) if not isinstance(rest[0], int) else f"item {rest[0] + 1}"
    elif len(rest) == 2 and isinstance(rest[1], int):
        field = f"item {rest[1] + 1} of {rest[0]}"
    else:
        field = " ".join(
            str(p) for p in rest if p != "when"
        )  # when: power_share: above: -> power_share above
    if owner in (("rules",), ("assembly",)):
        return f"{'rule' if owner == ('rules',) else 'assembly'} {field}"
    return field if owner == () else f"{field} of {where}"


def _options(ctx: dict[str, Any], name: str) -> list[str]:
    """The quoted options listed in an error's context."""
    return re.findall(r"'([^']*)'", str(ctx.get(name, "")))


def add_error(report: Report, data: Any, error: dict[str, Any]) -> None:
    """Add one pydantic error to the report as a friendly problem."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    path, is_key = data_path(data, error["loc"])
    name = next((p for p in reversed(path) if isinstance(p, str)), "")
    what = phrase(data, path)
    if kind == "missing":
        parent = path[:-1]
        where = describe(data, owner_path(parent)) if parent else "the map"
        if parent and owner_path(parent) != parent:
            where = phrase(data, parent)
        in_event = parent[:1] == ("events",)
        hint = f"add {(EVENT_ADD if in_event else {}).get(name) or ADD.get(name, name + ': and a value')}"
        needs = NEEDS.get(_kind(data, parent)) if in_event else None
        if needs:
            hint += f" (a {_kind(data, parent)} event needs {needs})"
        report.add(parent, f"{where} has no {name!r}", hint)
    elif kind == "extra_forbidden":
        _unknown_key(report, data, path)
    elif is_key:
        report.add(
            path,
            f"key {show(path[-1])} in {phrase(data, path[:-1])} is not a province id",
            "use the id of one of the state's provinces",
            key=True,
        )
    elif kind in EXPECTED:
        _wrong_type(report, path, what, name, value, EXPECTED[kind])
    elif kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        _out_of_range(report, path, what, value, kind, ctx)
    elif kind in ("too_short", "too_long"):
        _wrong_length(report, data, path, what, name, kind, ctx)
    elif kind == "string_too_short":
        report.add(path, f"{what} is empty", f"write the {name or 'text'}")
    elif kind == "string_pattern_mismatch":
        _bad_pattern(report, path, what, value, ctx.get("pattern"))
    elif kind == "literal_error":
        _not_a_choice(report, path, what, name, value, _options(ctx, "expected"))
    elif kind in ("union_tag_invalid", "union_tag_not_found"):
        _bad_kind(report, data, path, kind, ctx)
    elif kind == "finite_number":
        report.add(path, f"{what} is {show(value)}, not an ordinary number", TYPE_HINTS["a number"])
    else:
        report.add(path, f"{what}: {error['msg']}", "see docs/MAPS.md for this field")


def _kind(data: Any, path: Path) -> Any:
    """The kind: of the raw agreement or event at path."""
    if len(path) == 2 and isinstance(path[1], int):
        section = data.get(path[0])
        raw = section[path[1]] if isinstance(section, list) else None
        return raw.get("kind") if isinstance(raw, dict) else None
    return None


def _unknown_key(report: Report, data: Any, path: Path) -> None:
    """A key the format does not know, with the closest known key."""
    key = path[-1]
    parent = path[:-1]
    model = model_at(data, parent)
    fields = list(model.model_fields) if model else []
    guess = did_you_mean(key, fields)
    if parent == ("rules",):
        message = f"unknown rule {key!r}"
        hint = f"did you mean {guess!r}?" if guess else "see game/data/rules.yaml for the rules"
    else:
        where = "" if not parent else f" in {phrase(data, parent)}"
        message = f"unknown key {key!r}{where}"
        hint = f"did you mean {guess!r}?" if guess else f"use one of: {', '.join(fields)}"
    report.add(path, message, hint, key=True)


def _wrong_type(report: Report, path: Path, what: str, name: str, value: Any, expected: str) -> None:
    """A value of the wrong type."""
    if value is None:
        if name == "colour":
            hint = 'quote the colour, e.g. colour: "#c0392b" (an unquoted # starts a comment)'
        elif name in ("states", "provinces") and len(path) == 1:
            hint = f"list at least 2 {name} under it"
        elif expected == "a list" and not isinstance(path[-1], int):
            hint = f"write {name}: [] for none, or remove the line"
        elif expected.startswith("a mapping") and not isinstance(path[-1], int):
            hint = f"write {name}: {{}} for none, or remove the line"
        else:
            hint = f"give it a value: {expected}"
        report.add(path, f"{what} is empty", hint)
        return
    hint = TYPE_HINTS[expected]
    if expected == "text" and isinstance(value, (int, float)):
        hint = f'put it in quotes: "{show(value)}"'
    report.add(path, f"{what} should be {expected}, not {show(value)}", hint)


def _out_of_range(report: Report, path: Path, what: str, value: Any, kind: str, ctx: dict[str, Any]) -> None:
    """A number outside its limits."""
    if kind == "greater_than_equal":
        limit = number(ctx["ge"])
        message, hint = f"below the minimum {limit}", f"use a number of at least {limit}"
    elif kind == "greater_than":
        limit = number(ctx["gt"])
        message, hint = f"but must be more than {limit}", f"use a number above {limit}"
    elif kind == "less_than_equal":
        limit = number(ctx["le"])
        message, hint = f"above the maximum {limit}", f"use a number of at most {limit}"
    else:
        limit = number(ctx["lt"])
        message, hint = f"but must be less than {limit}", f"use a number below {limit}"
    report.add(path, f"{what} is {show(value)}, {message}", hint)


def _wrong_length(
    report: Report,
    data: Any,
    path: Path,
    what: str,
    name: str,
    kind: str,
    ctx: dict[str, Any],
) -> None:
    """A list with too few or too many items."""
    count = ctx.get("actual_length")
    if count is None:
        count = len(_value(data, path) or [])
    items = "item" if count == 1 else "items"
    if path[:1] in (("links",), ("sea_links",)) and len(path) == 2:
        name = str(path[0])
    hint = LENGTH_HINTS.get(name, "check the number of items")
    if kind == "too_short" and path in (("states",), ("provinces",)):
        noun = "state" if path == ("states",) else "province"
        message = f"the map has {count} {noun}{'' if count == 1 else 's'}, but needs at least 2"
    elif kind == "too_short":
        message = f"{what} has {count} {items}, but needs at least {ctx['min_length']}"
    else:
        message = f"{what} has {count} {items}, but takes at most {ctx['max_length']}"
    report.add(path, message, hint)


def _value(data: Any, path: Path) -> Any:
    """The raw value at path, or None."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _bad_pattern(report: Report, path: Path, what: str, value: Any, pattern: Any) -> None:
    """Text that does not have the required form: a colour or an id."""
    if pattern == COLOUR:
        report.add(
            path,
            f"{what} is {show(value)}, which is not a colour",
            'write it as "#rrggbb" in quotes, e.g. "#c0392b"',
        )
    elif pattern == STATE_ID:
        report.add(
            path,
            f"{what} is {show(value)}, which is not a valid state id",
            "use only letters, digits and _ (no spaces)",
        )
    else:
        report.add(
            path,
            f"{what} is {show(value)}, which is not a valid id",
            "use only letters, digits, _ and - (no spaces)",
        )


def _not_a_choice(report: Report, path: Path, what: str, name: str, value: Any, options: list[str]) -> None:
    """A value that is not one of the allowed words."""
    if name == "format":
        report.add(
            path,
            f"format {show(value)} is not supported; this game reads format 1",
            "write format: 1, or remove the line",
        )
        return
    guess = did_you_mean(value, options)
    report.add(
        path,
        f"{what} is {show(value)}, which is not one of: {', '.join(options)}",
        f"did you mean {guess!r}?" if guess else "use one of them",
    )


def _bad_kind(report: Report, data: Any, path: Path, kind: str, ctx: dict[str, Any]) -> None:
    """An agreement or event whose kind is missing or unknown."""
    noun = "agreement" if path[:1] == ("agreements",) else "event"
    options = list(AGREEMENT_MODELS if noun == "agreement" else EVENT_MODELS)
    if kind == "union_tag_not_found":
        report.add(
            path,
            f"{describe(data, path)} has no 'kind'",
            f"add kind: and one of: {', '.join(options)}",
        )
        return
    value = _value(data, path + ("kind",))
    guess = did_you_mean(value, options)
    report.add(
        path + ("kind",),
        f"{describe(data, path)} has the unknown kind {show(value)}",
        f"did you mean {guess!r}?" if guess else f"use one of: {', '.join(options)}",
    )
