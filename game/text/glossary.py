"""Glossary cards: one card per concept the game teaches, in English and Russian.

The cards are data, in ``glossary/<lang>.yaml`` beside this module. A card's id is the concept key that
events and AI explanations carry (``Event.concept``), so ``card(event.concept, lang)`` gives the card an
event's "Learn more" opens. A card may list ``aliases``: other keys that open it. A language file may
leave out a card or a field; the English text stands in for it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

LANGUAGES = ("en", "ru")
FALLBACK = "en"
DIRECTORY = Path(__file__).with_name("glossary")
TEXT_FIELDS = ("title", "definition", "in_game", "example", "question")
LIST_FIELDS = ("reading", "related")
FIELDS = TEXT_FIELDS + LIST_FIELDS  # every card has all of these; `aliases` is optional
_ID = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*\Z")


class GlossaryError(ValueError):
    """A glossary file that cannot be read as cards; the message names the file and the card."""


@dataclass(frozen=True)
class Card:
    id: str
    lang: str  # the language of the card's text ("en" when the card fell back to English)
    title: str
    definition: str
    in_game: str
    example: str
    reading: tuple[str, ...]
    related: tuple[str, ...]
    question: str
    aliases: tuple[str, ...] = ()


def path(lang: str) -> Path:
    return DIRECTORY / f"{lang}.yaml"


@functools.cache
def raw(lang: str) -> dict[str, dict]:
    """The cards of one language file exactly as written (id -> fields); {} if it has no file.

    Callers must not change the result: it is cached."""
    file = path(lang)
    if lang not in LANGUAGES or not file.is_file():
        return {}
    with open(file, encoding="utf-8") as fh:
        try:
            data = yaml.safe_load(fh)
        except yaml.YAMLError as exc:
            raise GlossaryError(f"{file}: not valid YAML: {exc}") from None
    cards = data.get("cards") if isinstance(data, dict) else None
    if not isinstance(cards, dict):
        raise GlossaryError(f"{file}: expected a top-level 'cards:' mapping of card ids to cards")
    for key, entry in cards.items():
        if not isinstance(key, str) or not _ID.match(key):
            raise GlossaryError(f"{file}: card id {key!r} must be a lower-case key like 'balance_of_power'")
        if not isinstance(entry, dict):
            raise GlossaryError(f"{file}: card '{key}' must be a mapping of fields")
        unknown = sorted(set(entry) - set(FIELDS) - {"aliases"})
        if unknown:
            raise GlossaryError(
                f"{file}: card '{key}' has unknown fields {unknown}; the fields are {list(FIELDS)}"
            )
    return cards


def build(entries: dict[str, dict], fallback: dict[str, dict], lang: str) -> dict[str, Card]:
    """The cards of `lang`: every card of `fallback` (the English cards) and any of its own, each field
    taken from `entries` where given and not empty, otherwise from `fallback`."""
    out: dict[str, Card] = {}
    for key in list(fallback) + [k for k in entries if k not in fallback]:
        own, base = entries.get(key) or {}, fallback.get(key) or {}
        fields = {f: own.get(f) or base.get(f) for f in (*FIELDS, "aliases")}
        where = f"{path(lang if key in entries else FALLBACK)}: card '{key}'"
        for f in TEXT_FIELDS:
            if not isinstance(fields[f], str) or not fields[f].strip():
                raise GlossaryError(f"{where}: '{f}' must be a non-empty text")
        for f in (*LIST_FIELDS, "aliases"):
            value = fields[f] or []
            if not isinstance(value, list) or not all(isinstance(x, str) and x.strip() for x in value):
                raise GlossaryError(f"{where}: '{f}' must be a list of texts")
            fields[f] = tuple(x.strip() for x in value)
        out[key] = Card(
            id=key,
            lang=lang if key in entries else FALLBACK,
            **{f: fields[f].strip() for f in TEXT_FIELDS},
            reading=fields["reading"],
            related=fields["related"],
            aliases=fields["aliases"],
        )
    return out


@functools.cache
def cards(lang: str = FALLBACK) -> dict[str, Card]:
    """Every card in `lang` (English for a language without glossary cards), in the file's order.

    Callers must not change the result: it is cached."""
    english = raw(FALLBACK)
    if lang == FALLBACK or lang not in LANGUAGES:
        return build(english, english, FALLBACK)
    return build(raw(lang), english, lang)


@functools.cache
def _aliases() -> dict[str, str]:
    """Every key that opens a card, mapped to the card's id: the ids themselves and their aliases."""
    keys = {key: key for key in cards(FALLBACK)}
    for c in cards(FALLBACK).values():
        for alias in c.aliases:
            if keys.setdefault(normal(alias), c.id) != c.id:
                raise GlossaryError(
                    f"{path(FALLBACK)}: '{alias}' of card '{c.id}' already opens card {keys[normal(alias)]!r}"
                )
    return keys


def normal(key: str) -> str:
    """A concept key in its written form: 'Chain-ganging' -> 'chain_ganging'."""
    return re.sub(r"[\s\-]+", "_", key.strip().lower())


def resolve(key: str | None) -> str | None:
    """The id of the card a concept key (or one of its aliases) opens; None if no card does."""
    return _aliases().get(normal(key)) if key else None


def card(key: str | None, lang: str = FALLBACK) -> Card | None:
    """The card a concept key opens, in `lang`, falling back to English; None if there is none."""
    found = resolve(key)
    if found is None:
        return None
    return cards(lang).get(found) or cards(FALLBACK).get(found)
