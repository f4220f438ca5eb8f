"""Sentences of the AI and the engine: a key of the text catalog and its fields, rendered in any language.

A sentence is plain data, `{"key": "ai.answer.accepted", "fields": {...}}`, so it can travel in a game
record and be read later in the reader's language; a field may itself be a sentence."""

from __future__ import annotations

import functools

from game.jsonfile import plain
from game.text import catalog, fill

Sentence = dict


def say(key: str, **fields: object) -> Sentence:
    """A sentence: the key of its template in the catalog and the values it names, made plain
    (numbers rounded as a record keeps them, so it reads the same before and after a record's round trip)."""
    return {"key": key, "fields": {k: v if isinstance(v, dict) else plain(v) for k, v in fields.items()}}


@functools.cache
def _template(key: str, lang: str) -> str:
    for language in (lang, "en"):
        node: object = catalog(language)
        for part in key.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, str):
            return node
    raise KeyError(key)


def render(sentence: Sentence, lang: str = "en") -> str:
    """The sentence in a language (English where that language lacks the key)."""
    fields = {
        name: render(value, lang) if isinstance(value, dict) and "key" in value else value
        for name, value in sentence.get("fields", {}).items()
    }
    template = _template(sentence["key"], lang)
    return fill(template, lang, fields) if "|" in template else template.format_map(fields)  # "|": plurals


def spoken(value: object, lang: str) -> object:
    """A value that carries its sentence (an engine's refusal) said in a language; any other as it is."""
    sentence = getattr(value, "sentence", None)
    return render(sentence, lang) if isinstance(sentence, dict) else value
