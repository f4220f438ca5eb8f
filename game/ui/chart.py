"""A line chart inked on parchment: one coloured line per state, turn by turn, with a marked threshold."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui import paint
from game.ui.theme import PALETTE, Colour

GRID = (0.25, 0.5, 0.75, 1.0)


@dataclass
class Line:
    colour: Colour
    values: list[float]  # one a turn, 0 to the chart's top


def draw_chart(
    surface: pygame.Surface,
    rect: pygame.Rect,
    lines: list[Line],
    x_labels: tuple[str, str],
    threshold: tuple[float, str] | None,
    size: int,
    top: float = 1.0,
    percent: bool = True,
) -> None:
    """Lines over a grid from 0 to `top` in rect (labelled in % or in numbers); the first and last x labels
    under the axis; a dashed threshold."""
    plot = pygame.Rect(rect.x + size * 3, rect.y + size // 2, rect.w - size * 3, rect.h - size * 2)

    def y_of(v: float) -> float:
        return plot.bottom - plot.h * max(0.0, min(1.0, v / top))

    for v in GRID:
        y = y_of(v * top)
        pygame.draw.line(surface, PALETTE.parchment_dark, (plot.x, y), (plot.right, y))
        label = f"{v * top:.0%}" if percent else f"{v * top:g}"
        paint.draw_text(surface, label, (plot.x - size // 2, y), size, PALETTE.ink_soft, anchor="midright")
    pygame.draw.line(surface, PALETTE.ink_soft, plot.bottomleft, plot.bottomright, 2)
    paint.draw_text(surface, x_labels[0], (plot.x, plot.bottom + 3), size, PALETTE.ink_soft)
    paint.draw_text(
        surface, x_labels[1], (plot.right, plot.bottom + 3), size, PALETTE.ink_soft, anchor="topright"
    )
    if threshold is not None:
        y = y_of(threshold[0])
        paint.dashed_line(surface, PALETTE.war, (plot.x, y), (plot.right, y), 2)
        paint.draw_text(
            surface, threshold[1], (plot.right - 4, y - 2), size, PALETTE.war, True, "bottomright"
        )
    for line in lines:
        step = plot.w / max(1, len(line.values) - 1)
        points = [(plot.x + i * step, y_of(v)) for i, v in enumerate(line.values)]
        if len(points) > 1:
            pygame.draw.lines(surface, line.colour, False, points, 3)
        pygame.draw.circle(surface, line.colour, points[-1], 4)
        pygame.draw.circle(surface, PALETTE.ink, points[-1], 4, 1)
