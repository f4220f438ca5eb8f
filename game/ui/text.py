"""Interface text: every word a screen shows comes from the `ui:` section of the text catalog."""

from __future__ import annotations

from game.text import FALLBACK, catalog, fill
from game.text.say import spoken

DEFAULT_LANGUAGE = FALLBACK
_language = DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    """Choose the language of the interface text (falls back to English key by key)."""
    global _language
    _language = lang


def language() -> str:
    return _language


def _lookup(lang: str, key: str) -> object:
    node: object = catalog(lang).get("ui", {})
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            raise KeyError(key)
        node = node[part]
    return node


def _found(key: str) -> tuple[object, str]:
    """The raw entry under `ui.<key>` and the language it was found in."""
    try:
        return _lookup(_language, key), _language
    except (KeyError, FileNotFoundError):
        return _lookup(DEFAULT_LANGUAGE, key), DEFAULT_LANGUAGE


def entry(key: str) -> object:
    """The raw catalog entry under `ui.<key>` (a string, a list or a mapping)."""
    return _found(key)[0]


def t(key: str, **fields: object) -> str:
    """The interface text under `ui.<key>`, with {placeholders} filled from fields."""
    template, lang = _found(key)
    if not isinstance(template, str):
        raise KeyError(f"{key} is not a text")
    if not fields:
        return template
    return fill(template, lang, {name: spoken(value, lang) for name, value in fields.items()})


def has(key: str) -> bool:
    try:
        entry(key)
    except KeyError:
        return False
    return True
