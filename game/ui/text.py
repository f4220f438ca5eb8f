"""Interface text: every word a screen shows comes from the `ui:` section of the text catalog."""

from __future__ import annotations

import string

from game.text import catalog

DEFAULT_LANGUAGE = "en"
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


def entry(key: str) -> object:
    """The raw catalog entry under `ui.<key>` (a string, a list or a mapping)."""
    try:
        return _lookup(_language, key)
    except (KeyError, FileNotFoundError):
        return _lookup(DEFAULT_LANGUAGE, key)


def t(key: str, **fields: object) -> str:
    """The interface text under `ui.<key>`, with {placeholders} filled from fields."""
    template = entry(key)
    if not isinstance(template, str):
        raise KeyError(f"{key} is not a text")
    return string.Formatter().vformat(template, (), fields) if fields else template


def has(key: str) -> bool:
    try:
        entry(key)
    except KeyError:
        return False
    return True
