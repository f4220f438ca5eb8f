"""The debrief's charts on parchment: a chart of one figure, the legend of the states, and PNG images."""

from __future__ import annotations

import io

import pygame

from game.debrief import Chart
from game.ui import paint
from game.ui.chart import Line, draw_chart
from game.ui.text import t
from game.ui.theme import PALETTE, Colour

IMAGE = (1200, 760)  # an exported chart's size in pixels
BACKGROUND = (236, 224, 196)


def draw_figure(
    surface: pygame.Surface, rect: pygame.Rect, chart: Chart, colours: dict[str, Colour], size: int
) -> None:
    """The chart's lines, the states in `colours`' order, with the hegemony line on the power share."""
    turns = len(next(iter(chart.lines.values()))) - 1
    lines = [Line(colour, chart.lines[n]) for n, colour in colours.items() if n in chart.lines]
    labels = (t("end.chart_start"), t("end.chart_turn", turn=turns))
    threshold = (chart.threshold, t("end.chart_hegemony")) if chart.threshold is not None else None
    draw_chart(surface, rect, lines, labels, threshold, size, chart.top, chart.percent)


def draw_legend(
    surface: pygame.Surface, rect: pygame.Rect, entries: list[tuple[Colour, str]], size: int
) -> None:
    """A dot and a name for each state, in as many columns as the names need to fit in rect."""
    row = round(size * 1.6)
    per_column = max(1, rect.h // row)
    columns = -(-len(entries) // per_column)
    width = rect.w // max(1, columns)
    for i, (colour, label) in enumerate(entries):
        x, y = rect.x + (i // per_column) * width, rect.y + (i % per_column) * row + row // 2
        pygame.draw.circle(surface, colour, (x + size // 2, y), size // 2)
        pygame.draw.circle(surface, PALETTE.ink, (x + size // 2, y), size // 2, 1)
        text = paint.wrap(label, size, width - size * 2)[0]
        paint.draw_text(surface, text, (x + size + size // 2, y), size, PALETTE.ink, anchor="midleft")


def png(chart: Chart, colours: dict[str, Colour], legend: list[tuple[Colour, str]], caption: str) -> bytes:
    """The chart as a PNG image: a title, the chart, and the legend beside it."""
    surface = pygame.Surface(IMAGE)
    surface.fill(BACKGROUND)
    w, h = IMAGE
    title = t(f"debrief.charts.{chart.name}")
    paint.draw_text(surface, title, (32, 20), 30, PALETTE.ink, True, serif=True)
    paint.draw_text(surface, caption, (32, 62), 16, PALETTE.ink_soft)
    side = 300
    draw_figure(surface, pygame.Rect(24, 100, w - side - 56, h - 130), chart, colours, 15)
    draw_legend(surface, pygame.Rect(w - side, 100, side - 24, h - 130), legend, 15)
    out = io.BytesIO()
    pygame.image.save(surface, out, "png")
    return out.getvalue()
