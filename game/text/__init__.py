"""Interface text and event explanations, read from the language files beside this module."""

from __future__ import annotations

import functools
import string
from pathlib import Path

import yaml

from game.engine.events import Event

LANGUAGES = ("en",)
_HERE = Path(__file__).parent


def _read(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}  # libyaml: 10x faster


def _merge(into: dict, extra: dict) -> None:
    """Add extra's keys to into, section by section (a later file never drops an earlier key)."""
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


@functools.cache
def catalog(lang: str = "en") -> dict:
    """The text of a language: `<lang>.yaml` merged with every `<lang>/*.yaml` (one file per area)."""
    text = _read(_HERE / f"{lang}.yaml")
    for part in sorted((_HERE / lang).glob("*.yaml")):
        _merge(text, _read(part))
    return text


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
