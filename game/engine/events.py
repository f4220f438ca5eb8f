"""Events: what happened in a turn, with the numbers behind it and the concept it shows."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Event:
    """One thing that happened; `text` is the plain-language explanation, filled by game.text."""

    turn: int
    type: str
    actors: list[str]
    data: dict = field(default_factory=dict)
    concept: str = ""
    text: str = ""
