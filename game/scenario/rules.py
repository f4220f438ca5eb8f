"""The rule constants' defaults from game/data/rules.yaml, and Rules built from them."""

from __future__ import annotations

import dataclasses
import functools
import re
from pathlib import Path
from typing import Any

import yaml

from game.engine.state import Rules

RULES_PATH = Path(__file__).resolve().parent.parent / "data" / "rules.yaml"

_LINE = re.compile(r"^([A-Za-z_]\w*):[^#]*(?:#\s*(.*?))?\s*$")


@functools.cache
def _read() -> tuple[tuple[str, Any], ...]:
    """The rules file's (name, default) pairs, read once."""
    with open(RULES_PATH, encoding="utf-8") as file:
        data = yaml.load(file, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return tuple(data.items())


def load_rule_defaults() -> dict[str, Any]:
    """Every rule constant's default by name, in the order of game/data/rules.yaml."""
    return dict(_read())


@functools.cache
def rule_notes() -> dict[str, str]:
    """The comment after each rule in game/data/rules.yaml ("" when there is none)."""
    notes = {}
    for line in RULES_PATH.read_text(encoding="utf-8").splitlines():
        match = _LINE.match(line)
        if match:
            notes[match.group(1)] = match.group(2) or ""
    return notes


def default_rules() -> Rules:
    """A fresh Rules holding the defaults of game/data/rules.yaml."""
    return make_rules({})


def make_rules(overrides: dict[str, Any]) -> Rules:
    """Rules from the defaults with some constants replaced by name (already validated)."""
    values = load_rule_defaults() | overrides
    kinds = {f.name: f.type for f in dataclasses.fields(Rules)}
    return Rules(**{k: float(v) if kinds[k] in ("float", float) else v for k, v in values.items()})
