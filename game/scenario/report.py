"""Collect the problems of one map, placed at the marks of its keys and values."""

from __future__ import annotations

from typing import Any

from game.scenario.errors import Problem
from game.scenario.yamlsafe import Document, Mark, Path

SECTIONS = ("states", "provinces", "links", "sea_links", "agreements", "wars", "events")


class Report:
    """The problems found so far in one map file."""

    def __init__(self, file: str, doc: Document) -> None:
        self.file = file
        self.doc = doc
        self.problems: list[Problem] = []

    def mark(self, path: Path, key: bool = False) -> Mark:
        """Where the value at path starts (or its key), else its nearest parent."""
        found = self.doc.key_mark(path) if key else None
        while found is None and path:
            found = self.doc.value_mark(path)
            path = path[:-1]
        return found or self.doc.value_mark(()) or Mark(1, 1)

    def line(self, path: Path) -> int:
        """The line of the value at path."""
        return self.mark(path).line

    def add(self, path: Path, message: str, hint: str, key: bool = False) -> None:
        """Record a problem at the value at path (or at its key)."""
        self.add_at(self.mark(path, key), message, hint)

    def add_at(self, mark: Mark, message: str, hint: str) -> None:
        """Record a problem at a mark."""
        self.problems.append(Problem(self.file, mark.line, mark.column, message, hint))


def item(data: Any, section: str, index: int) -> Any:
    """The raw item of a top-level list section, or None."""
    items = data.get(section) if isinstance(data, dict) else None
    if isinstance(items, list) and 0 <= index < len(items):
        return items[index]
    return None


def describe(data: Any, path: Path, by_id: bool = True) -> str:
    """How a message names the part of the map at path: "state 'VAR'", "event 2 (turn 5)"."""
    if not path:
        return "the map"
    section = path[0]
    if len(path) == 1 or not isinstance(path[1], int) or section not in SECTIONS:
        return str(section)
    index = path[1]
    raw = item(data, section, index)
    raw = raw if isinstance(raw, dict) else {}
    ident = raw.get("id") if by_id else None
    if section in ("states", "provinces"):
        noun = section[:-1] if section == "states" else "province"
        return f"{noun} {ident!r}" if isinstance(ident, str) else f"{noun} {index + 1}"
    if section == "links":
        return f"link {index + 1}"
    if section == "sea_links":
        return f"sea link {index + 1}"
    if section == "wars":
        return f"war {index + 1}"
    if section == "events":
        turn = raw.get("turn")
        ok = isinstance(turn, int) and not isinstance(turn, bool)
        return f"event {index + 1}" + (f" (turn {turn})" if ok else "")
    kind = raw.get("kind")
    kind = kind if kind in ("pact", "guarantee", "bloc") else None
    name = ident if isinstance(ident, str) or not by_id else raw.get("name")
    if kind and isinstance(name, str):
        return f"{kind} {name!r}"
    return f"agreement {index + 1}" + (f" ({kind})" if kind else "")


def owner_path(path: Path) -> Path:
    """The path of the part of the map a message names (a state, an event...) for path."""
    if path and path[0] in SECTIONS and len(path) > 1 and isinstance(path[1], int):
        return path[:2]
    if path and path[0] in ("assembly", "rules"):
        return path[:1]
    return ()
