"""Problems found in a map, and the exception that carries all of them."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in a map: where it is, what is wrong and what to do."""

    file: str
    line: int
    column: int
    message: str
    hint: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message} — {self.hint}"


class ScenarioError(Exception):
    """A map that cannot be loaded, with every problem found in it (sorted by position)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column))
        super().__init__("\n".join(map(str, self.problems)))

    def lines(self) -> list[str]:
        """The problems as lines `file:line:column: what is wrong — what to do`."""
        return [str(p) for p in self.problems]


def did_you_mean(word: object, options: Iterable[str]) -> str | None:
    """The option closest to word when one is close enough, else None."""
    if not isinstance(word, str):
        return None
    options = list(options)
    exact = [o for o in options if o.lower() == word.lower()]
    if exact:
        return exact[0]
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close and len(word) >= 3:
        close = [o for o in options if o.lower().startswith(word.lower())][:1]
    if not close:
        close = difflib.get_close_matches(word.lower(), [o.lower() for o in options], n=1, cutoff=0.6)
        close = [o for o in options if close and o.lower() == close[0]]
    return close[0] if close else None


def show(value: object) -> str:
    """A value as the map author wrote it, short: 'text', 3, 2.5, true, a list..."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:37] + "...")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return repr(str(value))


def number(value: float) -> str:
    """A number without a needless .0."""
    return str(int(value)) if float(value).is_integer() else str(value)


def choices(options: Iterable[str], limit: int = 12) -> str | None:
    """The options joined by commas, or None when there are too many to list."""
    options = list(options)
    return ", ".join(options) if len(options) <= limit else None
