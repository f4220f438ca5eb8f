"""Load a map: read it safely, check its structure and its meaning, report every problem."""

from __future__ import annotations

import hashlib
import os
from pathlib import PurePath

from pydantic import ValidationError

from game.scenario.checks import check, partial_view, view_of
from game.scenario.errors import Problem, ScenarioError
from game.scenario.model import Scenario
from game.scenario.report import Report
from game.scenario.structure import add_error
from game.scenario.yamlsafe import Document, YamlError, decode, load, parse


def load_scenario(path: str | os.PathLike[str]) -> Scenario:
    """Load and check the map file at path; raises ScenarioError with every problem."""
    name = os.fspath(path)
    try:
        doc = load(path)
    except YamlError as exc:
        raise ScenarioError([_fatal(name, exc)]) from None
    return check_document(doc, name, _stem(name))


def parse_scenario(data: bytes | str, name: str = "<map>") -> Scenario:
    """Check a map given as text or bytes; name stands for the file in messages."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        doc = parse(decode(raw), hashlib.sha256(raw).hexdigest())
    except YamlError as exc:
        raise ScenarioError([_fatal(name, exc)]) from None
    return check_document(doc, name, _stem(name))


def _stem(name: str) -> str:
    """The file name without its folder and .yaml ending."""
    base = PurePath(name).name
    for ending in (".yaml", ".yml"):
        if base.endswith(ending):
            return base[: -len(ending)]
    return base


def _fatal(name: str, exc: YamlError) -> Problem:
    """The problem that stopped the reading of a file."""
    return Problem(name, exc.mark.line, exc.mark.column, exc.message, exc.hint)


def check_document(doc: Document, name: str, default_id: str) -> Scenario:
    """The Scenario of a parsed map, or a ScenarioError with every problem in it."""
    report = Report(name, doc)
    data = doc.data
    if data is None:
        report.add(
            (),
            "the file is empty",
            "a map needs at least title:, states: and provinces: (see docs/MAPS.md)",
        )
        raise ScenarioError(report.problems)
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        report.add(
            (),
            f"the map is {kind}, not a mapping of keys",
            "start with keys such as title:, states: and provinces: (see docs/MAPS.md)",
        )
        raise ScenarioError(report.problems)
    for path, mark, first in doc.duplicates:
        report.add_at(
            mark,
            f"key {path[-1]!r} appears twice (first on line {first.line})",
            "keep one of them: the second replaces the first",
        )
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            add_error(report, data, error)
        check(partial_view(data), report)
        raise ScenarioError(report.problems) from None
    check(view_of(scenario, data), report)
    if report.problems:
        raise ScenarioError(report.problems)
    if scenario.id is None:
        scenario.id = default_id
    scenario._file = name
    scenario._sha256 = doc.sha256
    return scenario


def scenario_hash(scenario: Scenario) -> str:
    """The SHA-256 (hex) of the file the scenario was loaded from."""
    return scenario.sha256
