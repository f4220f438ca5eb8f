"""The editor's board: the game's own map drawing of the map being edited, framed on its whole `size`, plus links."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pygame

from game.editor.document import MapDocument
from game.editor.preview import preview_state
from game.ui import paint
from game.ui.map_view import Layers, MapView, _near
from game.ui.territory import Board
from game.ui.theme import PALETTE, hex_colour, state_colours

DOT = 5  # the radius of a province's centre, in pixels at UI scale 1
MARGIN = 0.04  # the board shows this share of the map's size beyond each edge, so coasts are not cut
REACH = 7  # how near a link the pointer must be to pick it, in pixels at UI scale 1


class EditorBoard:
    """Draws a MapDocument in a rectangle (territories once there are two provinces) and finds what is under the pointer."""

    def __init__(self, doc: MapDocument, rect: pygame.Rect, scale: float, colour_blind: bool) -> None:
        self.rect = pygame.Rect(rect)
        self.scale = scale
        self.colour_blind = colour_blind
        self.view: MapView | None = None
        self.show(doc)

    def show(self, doc: MapDocument) -> None:
        """Draw this version of the map, keeping the zoom and the panning."""
        self.state = preview_state(doc)
        size = doc.tree.get("size")
        ok = isinstance(size, list) and len(size) == 2 and all(isinstance(v, (int, float)) for v in size)
        self.size = (float(size[0]), float(size[1])) if ok and min(size) > 0 else (1000.0, 600.0)
        self.colours = state_colours({n: x.colour for n, x in self.state.nations.items()}, self.colour_blind)
        old = self.view
        self.view = None
        places = [tuple(p.pos) for p in self.state.provinces.values()]
        if len(places) >= 2 and len(set(places)) == len(places):  # territories need distinct centres
            self.view = MapView(self.state, self.colours, self.rect, self.scale, Layers())
            self.view.board = self._framed(self.view.board)
            self.view.fit_to(self.rect)
            if old is not None:
                self.view.zoom, self.view.offset = old.zoom, list(old.offset)
                self.view._clamp()

    def _framed(self, board: Board) -> Board:
        """The board stretched to show the whole of the map's size (and a margin), as well as every territory."""
        w, h = self.size
        low = np.minimum(board.origin, (-MARGIN * w, -MARGIN * h))
        high = np.maximum(np.add(board.origin, board.size), ((1 + MARGIN) * w, (1 + MARGIN) * h))
        return dataclasses.replace(board, origin=tuple(low.tolist()), size=tuple((high - low).tolist()))

    # geometry
    def _fit(self) -> float:
        return min(self.rect.w / self.size[0], self.rect.h / self.size[1]) / (1 + 2 * MARGIN)

    def to_screen(self, x: float, y: float) -> tuple[float, float]:
        if self.view is not None:
            return self.view.to_screen(x, y)
        fit = self._fit()
        left = self.rect.x + (self.rect.w - self.size[0] * fit) / 2
        top = self.rect.y + (self.rect.h - self.size[1] * fit) / 2
        return left + x * fit, top + y * fit

    def to_map(self, pos: tuple[int, int]) -> tuple[float, float]:
        if self.view is not None:
            return self.view.to_map(*pos)
        fit = self._fit()
        left, top = self.to_screen(0, 0)
        return (pos[0] - left) / fit, (pos[1] - top) / fit

    def centre(self, province: str) -> tuple[int, int]:
        x, y = self.state.provinces[province].pos
        sx, sy = self.to_screen(x, y)
        return round(sx), round(sy)

    def province_at(self, pos: tuple[int, int]) -> str | None:
        """The province under pos: its territory, or (without territories) the nearest centre within reach."""
        if not self.rect.collidepoint(pos):
            return None
        if self.view is not None:
            found = self.view.province_at(pos)
            if found:
                return found
        reach = 3 * DOT * self.scale
        near = [(math.dist(pos, self.centre(p)), p) for p in self.state.provinces]
        near = [item for item in near if item[0] <= reach]
        return min(near)[1] if near else None

    def link_at(self, pos: tuple[int, int]) -> tuple[str, str] | None:
        """The land or sea link drawn under pos."""
        for a, prov in self.state.provinces.items():
            for b in prov.neighbours:
                if a < b and _near(pos, self.centre(a), self.centre(b), REACH * self.scale):
                    return a, b
        return None

    def inside(self, point: tuple[float, float]) -> bool:
        return 0 <= point[0] <= self.size[0] and 0 <= point[1] <= self.size[1]

    # input and drawing
    def handle_event(self, event: pygame.event.Event) -> None:
        """Zoom with the wheel, pan with a drag, hover: what the game's board does."""
        if self.view is not None:
            self.view.handle_event(event)

    def draw(self, surface: pygame.Surface, selected: str | None, chain: list[str]) -> None:
        """The territories (or the empty sea), every link and centre, the selection and a link being drawn."""
        clip = surface.get_clip()
        surface.set_clip(self.rect)
        if self.view is not None:
            self.view.marks = {selected: "source"} if selected in self.state.provinces else {}
            self.view.draw(surface)
        else:
            surface.fill(PALETTE.sea_deep, self.rect)
        corner, far = self.to_screen(0, 0), self.to_screen(*self.size)
        for a, b in zip(
            (corner, (far[0], corner[1]), far, (corner[0], far[1])),
            ((far[0], corner[1]), far, (corner[0], far[1]), corner),
            strict=True,
        ):
            paint.dashed_line(surface, PALETTE.coast, a, b, 1, 6, 6)  # the edge of the map's size
        width = max(1, round(2 * self.scale))
        for a, prov in self.state.provinces.items():
            for b in prov.neighbours:
                if a < b and b not in prov.sea:
                    pygame.draw.line(surface, PALETTE.ink, self.centre(a), self.centre(b), width)
        for p, prov in self.state.provinces.items():
            colour = hex_colour(self.state.nations[prov.owner].colour)
            radius = round(DOT * self.scale * (1.6 if p == selected else 1))
            pygame.draw.circle(surface, colour, self.centre(p), radius)
            pygame.draw.circle(
                surface, PALETTE.select if p == selected else PALETTE.ink, self.centre(p), radius, width
            )
        points = [self.centre(p) for p in chain if p in self.state.provinces]
        if len(points) >= 2:
            pygame.draw.lines(surface, PALETTE.select, False, points, max(2, round(3 * self.scale)))
        if self.view is None:
            for p, prov in self.state.provinces.items():
                x, y = self.centre(p)
                paint.draw_text(
                    surface,
                    prov.name,
                    (x, y - round(8 * self.scale)),
                    round(13 * self.scale),
                    PALETTE.parchment_light,
                    anchor="midbottom",
                )
        surface.set_clip(clip)
