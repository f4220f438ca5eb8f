"""Interface text and event explanations, read from the language files beside this module.

A placeholder may choose a word by a number's plural form: `{count:event|events}` in English,
`{count:событие|события|событий}` in Russian (one, few, many), written beside `{count}` itself."""

from __future__ import annotations

import functools
import string
from pathlib import Path

import yaml

from game.engine.events import Event

LANGUAGES = ("en", "ru")
FALLBACK = "en"
_HERE = Path(__file__).parent


def _read(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 10x faster
        return yaml.load(fh, Loader=loader) or {}


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


def plural(lang: str, n: int) -> int:
    """Which plural form a count takes: 0 one, 1 other (English); 0 one, 1 few, 2 many (Russian)."""
    if lang != "ru":
        return 0 if n == 1 else 1
    if n % 10 == 1 and n % 100 != 11:
        return 0
    return 1 if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else 2


class Template(string.Formatter):
    """str.format with plural forms: a spec holding '|' picks the form the number takes in the language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        if "|" in format_spec and isinstance(value, (int, float)):
            forms = format_spec.split("|")
            return forms[min(plural(self.lang, int(abs(value))), len(forms) - 1)]
        return super().format_field(value, format_spec)


def fill(template: str, lang: str, fields: dict) -> str:
    """A template with its {placeholders} filled, plural forms chosen for the language."""
    return Template(lang).vformat(template, (), fields)


def section(lang: str, name: str) -> dict:
    """One section of a language's text, English standing in for a key the language lacks."""
    english = catalog(FALLBACK).get(name, {})
    return english if lang == FALLBACK else {**english, **catalog(lang).get(name, {})}


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def describe(event: Event, lang: str = "en") -> str:
    """The plain-language explanation of an event."""
    template = section(lang, "events").get(event.type, event.type)
    if isinstance(template, dict):
        template = template.get(str(event.data.get(template["by"])), "")
    data = _Blank(event.data)
    if "kind" in event.data:
        data["kind_text"] = section(lang, "kinds").get(event.data["kind"], event.data["kind"])
    if "formal" in event.data:
        data["formal_text"] = section(lang, "words")["formal" if event.data["formal"] else "informal"]
    if isinstance(data.get("loyalty"), float):
        data["loyalty"] = f"{data['loyalty']:.0%}"
    if isinstance(data.get("why"), str):  # the engine's few short reasons ("peace", "expelled", ...)
        data["why"] = section(lang, "reasons").get(data["why"], data["why"])
    for name, value in event.data.items():  # sentences to read in any language: an AI's reason, a refusal
        if name == "say" or name.endswith("_say"):
            from game.text.say import render  # say.py reads this module's catalog

            data["text" if name == "say" else name.removesuffix("_say")] = render(value, lang)
    return fill(template, lang, data).strip()


def explain(events: list[Event], lang: str = "en") -> list[Event]:
    """Fill each event's text; returns the same list."""
    for event in events:
        event.text = describe(event, lang)
    return events
