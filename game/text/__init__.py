"""Interface text and event explanations, read from the language files beside this module."""

from __future__ import annotations

import functools
import string
from pathlib import Path

import yaml

from game.engine.events import Event

LANGUAGES = ("en",)
_HERE = Path(__file__).parent


@functools.cache
def catalog(lang: str = "en") -> dict:
    with open(_HERE / f"{lang}.yaml", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml: 10x faster


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def describe(event: Event, lang: str = "en") -> str:
    """The plain-language explanation of an event."""
    text = catalog(lang)
    template = text["events"].get(event.type, event.type)
    if isinstance(template, dict):
        template = template.get(str(event.data.get(template["by"])), "")
    data = _Blank(event.data)
    if "kind" in event.data:
        data["kind_text"] = text["kinds"].get(event.data["kind"], event.data["kind"])
    if "formal" in event.data:
        data["formal_text"] = text["words"]["formal" if event.data["formal"] else "informal"]
    if isinstance(data.get("loyalty"), float):
        data["loyalty"] = f"{data['loyalty']:.0%}"
    return string.Formatter().vformat(template, (), data).strip()


def explain(events: list[Event], lang: str = "en") -> list[Event]:
    """Fill each event's text; returns the same list."""
    for event in events:
        event.text = describe(event, lang)
    return events
