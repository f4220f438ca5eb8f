"""The optional turn timer of classroom play: the time a seat has left for its orders (no pygame, no clock).

The game screen feeds it the frame times while a seat gives orders; nothing of it goes into the record.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

MINUTES = (0, 2, 3, 5, 10)  # the choices in setup; 0 = no timer
WARNING_SECONDS = 30.0

TICKING, WARNING, TIME_UP = "ticking", "warning", "time_up"


@dataclass
class TurnTimer:
    """Counts one seat's turn down from `limit` seconds (a limit of 0: no timer, it never runs out)."""

    limit: float = 0.0
    left: float = field(init=False)

    def __post_init__(self) -> None:
        self.restart()

    @property
    def on(self) -> bool:
        return self.limit > 0

    @property
    def warning(self) -> bool:
        """The last seconds: the countdown shows it."""
        return self.on and self.left <= WARNING_SECONDS

    def restart(self) -> None:
        """A new seat's turn: the whole time again."""
        self.left = self.limit

    def tick(self, dt: float) -> str:
        """Count dt seconds down; WARNING or TIME_UP on the tick that crosses into them, else TICKING."""
        if not self.on or self.left <= 0:
            return TICKING
        before, self.left = self.left, max(0.0, self.left - dt)
        if self.left <= 0:
            return TIME_UP
        return WARNING if before > WARNING_SECONDS >= self.left else TICKING

    def text(self) -> str:
        """The time left as m:ss, rounded up (it reads 0:00 only when the time is up)."""
        seconds = math.ceil(self.left)
        return f"{seconds // 60}:{seconds % 60:02d}"
