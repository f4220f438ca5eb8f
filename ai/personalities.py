"""The AI personalities' weights: the format of ai/personalities.yaml, loaded and checked like a map."""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from game.scenario.errors import Problem, ScenarioError, did_you_mean, show
from game.scenario.yamlsafe import Document, Mark, YamlError, load

PERSONALITIES_FILE = Path(__file__).with_name("personalities.yaml")
THEORIES = ("balance_of_power", "balance_of_threat", "hegemon", "soft_balancer", "bandwagoner")
KINDS = ("pact", "bloc", "client", "patron")

Weight = Annotated[float, Field(ge=-10, le=10)]
Share = Annotated[float, Field(ge=0, le=1)]


class Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)


class Agreements(Spec):
    """How much each kind of agreement is worth to it, multiplying the balancing motives."""

    pact: Weight
    bloc: Weight
    client: Weight
    patron: Weight


class Motives(Spec):
    """The weight of each reason to be in an agreement with a state."""

    balance: Weight
    bandwagon: Weight
    opposition: Weight
    protection: Weight
    hub: Weight
    trade: Weight
    values: Weight
    risk: Weight
    distrust: Weight
    formality: Weight


class Thresholds(Spec):
    """Value an agreement must reach to be proposed or accepted, and below which it is left."""

    propose: Weight
    accept: Weight
    leave: Weight


class Budget(Spec):
    safety: Annotated[float, Field(ge=0, le=5)]
    free_ride: Share
    reserve: Share
    upkeep_cap: Share
    min_forces: Share


class War(Spec):
    start_edge: Annotated[float, Field(ge=0, le=20)]
    attack_edge: Annotated[float, Field(ge=0.5, le=20)]
    expand: Share
    kin: Share = 1.0  # values this similar to ours (0-1) spare a state from conquest; 1 spares none
    prevent_share: Share
    peace_ratio: Annotated[float, Field(ge=0, le=20)]


class Assembly(Spec):
    follow_patron: Weight
    follow_rival: Weight
    against_strongest: Weight
    by_threat: Weight
    with_partners: Weight
    margin: Annotated[float, Field(ge=0, le=5)]
    table: Weight


class Personality(Spec):
    """One AI personality: whom it balances against, and its weights over the shared candidates."""

    summary: str
    concept: str
    rival: Literal["power", "threat"]
    alarm: Annotated[list[Share], Field(min_length=2, max_length=2)]
    bandwagon_below: Share
    agreements: Agreements
    motives: Motives
    thresholds: Thresholds
    budget: Budget
    war: War
    assembly: Assembly
    mission: Share
    institution: Share

    @field_validator("alarm")
    @classmethod
    def _alarm_rises(cls, alarm: list[float]) -> list[float]:
        if not alarm[0] < alarm[1]:
            raise ValueError("the first level must be below the second")
        return alarm


class PersonalityError(ScenarioError):
    """A personalities file with problems, each as file:line:column: what is wrong — what to do."""


def load_personalities(path: str | os.PathLike[str] = PERSONALITIES_FILE) -> dict[str, Personality]:
    """Every personality of the file, checked; raises PersonalityError with every problem."""
    name = os.fspath(path)
    try:
        doc = load(path)
    except YamlError as exc:
        raise PersonalityError(
            [Problem(name, exc.mark.line, exc.mark.column, exc.message, exc.hint)]
        ) from None
    data = doc.data
    problems = []
    if not isinstance(data, dict):
        problems.append(_problem(name, doc, (), "the file is not a mapping of personalities", _LIST_HINT))
        raise PersonalityError(problems)
    for key in sorted(set(THEORIES) - set(data)):
        problems.append(_problem(name, doc, (), f"personality {key!r} is missing", "add it (see the others)"))
    found = {}
    for key, raw in data.items():
        if key not in THEORIES:
            close = did_you_mean(key, THEORIES)
            hint = f"did you mean {close!r}?" if close else _LIST_HINT
            problems.append(_problem(name, doc, (key,), f"unknown personality {key!r}", hint, key=True))
            continue
        try:
            found[key] = Personality.model_validate(raw)
        except ValidationError as exc:
            problems += [_from_pydantic(name, doc, key, err) for err in exc.errors(include_url=False)]
    if problems:
        raise PersonalityError(problems)
    return found


_LIST_HINT = "the personalities are " + ", ".join(THEORIES)


def _from_pydantic(name: str, doc: Document, key: str, err: dict) -> Problem:
    """A pydantic error as a problem at the line of the value it is about."""
    loc = (key, *err["loc"])
    field = ".".join(str(part) for part in loc)
    if err["type"] == "extra_forbidden":
        parent = _model_at(err["loc"][:-1])
        close = did_you_mean(loc[-1], parent.model_fields) if parent else None
        hint = f"did you mean {close!r}?" if close else "remove it"
        return _problem(name, doc, loc, f"unknown key {field!r}", hint, key=True)
    if err["type"] == "missing":
        return _problem(name, doc, loc[:-1], f"{field} is missing", f"add {loc[-1]}: and a value")
    message = err["msg"].removeprefix("Value error, ")
    return _problem(
        name, doc, loc, f"{field} is {show(err.get('input'))}: {message}", "see the comments at the top"
    )


def _model_at(loc: tuple) -> type[BaseModel] | None:
    model: type[BaseModel] = Personality
    for part in loc:
        annotation = model.model_fields[part].annotation if part in model.model_fields else None
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return None
        model = annotation
    return model


def _problem(name: str, doc: Document, path: tuple, message: str, hint: str, key: bool = False) -> Problem:
    mark = None
    while mark is None and path:
        mark = doc.key_mark(path) if key else doc.value_mark(path)
        path, key = path[:-1], False
    mark = mark or doc.value_mark(()) or Mark(1, 1)
    return Problem(name, mark.line, mark.column, message, hint)


@functools.cache
def personalities() -> dict[str, Personality]:
    """The shipped personalities (read once)."""
    return load_personalities()
