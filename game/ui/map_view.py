"""The board on screen: territories coloured by owner, borders, capitals, forces and agreement overlays.

Territories come from a label raster per zoom level (game.ui.territory), shown as an 8-bit surface whose
palette gives each province its owner's colour: recolouring is a palette change, the mouse hit test a
lookup. Everything else (links, agreements, pieces, names) is drawn over it each frame.
"""

from __future__ import annotations

import functools
import math
import threading
from dataclasses import dataclass, field

import numpy as np
import pygame

from game.engine.state import BLOC, GUARANTEE, PACT, GameState
from game.ui import paint, territory
from game.ui.territory import Board
from game.ui.text import t
from game.ui.theme import PALETTE, Colour, mix, territory_colour

ZOOMS = tuple(1.25**k for k in range(8))
MAX_PIXELS = 4_500_000  # the largest territory raster a zoom level may need (about 18 MB with its copies)
SYMBOL_ROOM = 34.0  # pixels between neighbouring centres per unit of symbol size
MIN_SYMBOL = 0.7  # symbols never shrink below this size, however crowded the board
COMPASS_MIN_WIDTH = 640  # smaller views (a preview) leave the compass out
DRAG_START = 5  # pixels the pointer moves, button held, before a press becomes a drag
PACT_COLOURS = ((36, 62, 122), (122, 36, 52), (30, 96, 84), (92, 52, 120))
GUARANTEE_COLOUR = (168, 118, 20)
BLOC_COLOUR = (26, 120, 110)
MARK = {
    "source": (PALETTE.select, 0.55),
    "reinforce": (PALETTE.highlight, 0.55),
    "attack": ((235, 120, 100), 0.5),
}


@dataclass
class Layers:
    """What to draw over the territories."""

    sea: bool = True
    pacts: bool = True
    guarantees: bool = True
    blocs: bool = True


@dataclass
class Raster:
    """The territories at one zoom level: labels, palette indices with borders, and the surface."""

    label: np.ndarray
    base: np.ndarray
    pixels: np.ndarray | None = None  # the base with the state borders of the owners now
    surface: pygame.Surface | None = None
    owners_version: int = -1


@dataclass
class MapClick:
    province: str | None
    button: int


@dataclass
class Line:
    """An agreement drawn on the map, for tooltips: its segments in map units and its text."""

    segments: list[tuple[tuple[float, float], tuple[float, float]]]
    lines: list[str]
    points: list[tuple[float, float]] = field(default_factory=list)


@dataclass
class MapView:
    """The board in a rectangle of the window; set `state`, `marks` and `arrows`, call draw each frame."""

    state: GameState
    colours: dict[str, Colour]
    rect: pygame.Rect
    ui_scale: float = 1.0
    layers: Layers = field(default_factory=Layers)
    marks: dict[str, str] = field(default_factory=dict)  # province -> "source" | "reinforce" | "attack"
    arrows: list[tuple[str, str, int]] = field(default_factory=list)  # planned moves: source, dest, strength
    tint: dict[str, Colour] = field(default_factory=dict)  # state -> its land's colour instead (the lens)
    notes: dict[str, list[str]] = field(default_factory=dict)  # state -> more lines for its provinces' tips

    def __post_init__(self) -> None:
        self.board: Board = territory.board_of(self.state)
        self.zoom = 0
        self.offset = [0.0, 0.0]
        self.rasters: dict[int, Raster] = {}
        self.owners_version = 0
        self.hover: str | None = None
        self.mouse = (0, 0)
        self.press: tuple[int, int] | None = None
        self.dragging = False
        self._palette_key: tuple | None = None
        self._owner_of = self._owner_index()
        self._picture: pygame.Surface | None = None
        self._picture_key: tuple | None = None
        self._overlay: pygame.Surface | None = None
        self._overlay_key: tuple | None = None
        self._crossings: list = []
        self._lines: list = []
        self._pieces: list = []
        self.fit_to(self.rect)

    # geometry
    @property
    def scale(self) -> float:
        return self.fit * ZOOMS[self.zoom]

    def fit_to(self, rect: pygame.Rect) -> None:
        """Show the whole board in rect, at the lowest zoom."""
        self.rect = self.frame = pygame.Rect(rect)
        self.fit = min(rect.w / self.board.size[0], rect.h / self.board.size[1])
        area = self.board.size[0] * self.board.size[1] * self.fit**2
        self.max_zoom = max([0] + [i for i, z in enumerate(ZOOMS) if area * z * z <= MAX_PIXELS])
        self.rasters.clear()
        self.warming: threading.Thread | None = None
        self.zoom = 0
        width, height = self._size()
        self.offset = [(rect.w - width) / 2, (rect.h - height) / 2]

    def to_screen(self, x: float, y: float) -> tuple[float, float]:
        """The window position of a map point (the picture's position while the board is painted)."""
        s = self.scale
        ox, oy = self.board.origin
        return self.frame.x + self.offset[0] + (x - ox) * s, self.frame.y + self.offset[1] + (y - oy) * s

    def to_map(self, sx: float, sy: float) -> tuple[float, float]:
        s = self.scale
        ox, oy = self.board.origin
        return ox + (sx - self.rect.x - self.offset[0]) / s, oy + (sy - self.rect.y - self.offset[1]) / s

    def centre_of(self, province: str) -> tuple[int, int]:
        """The window position of a province's centre."""
        x, y = self.state.provinces[province].pos
        sx, sy = self.to_screen(x, y)
        return round(sx), round(sy)

    def province_at(self, pos: tuple[int, int]) -> str | None:
        if not self.rect.collidepoint(pos):
            return None
        label = self.raster().label
        px = int(pos[0] - self.rect.x - self.offset[0])
        py = int(pos[1] - self.rect.y - self.offset[1])
        if 0 <= py < label.shape[0] and 0 <= px < label.shape[1] and label[py, px] < self.board.n:
            return self.board.ids[label[py, px]]
        return None

    def _size(self) -> tuple[int, int]:
        return math.ceil(self.board.size[0] * self.scale), math.ceil(self.board.size[1] * self.scale)

    def _clamp(self) -> None:
        """Keep the board in view: a board smaller than the view stays inside it, a larger one covers it."""
        for axis, (extent, room) in enumerate(zip(self._size(), self.rect.size, strict=True)):
            low, high = sorted((0.0, float(room - extent)))
            self.offset[axis] = min(high, max(low, self.offset[axis]))

    def zoom_at(self, pos: tuple[int, int], steps: int) -> None:
        """Zoom in (steps > 0) or out keeping the map point under pos where it is."""
        level = max(0, min(self.max_zoom, self.zoom + steps))
        if level == self.zoom:
            return
        mx, my = self.to_map(*pos)
        self.zoom = level
        ox, oy = self.board.origin
        self.offset = [
            pos[0] - self.rect.x - (mx - ox) * self.scale,
            pos[1] - self.rect.y - (my - oy) * self.scale,
        ]
        self._clamp()

    def pan(self, dx: float, dy: float) -> None:
        self.offset[0] += dx
        self.offset[1] += dy
        self._clamp()

    # the state shown
    def show(self, state: GameState) -> None:
        """Show another moment of the same game (after a turn): owners may have changed."""
        owners_changed = any(
            state.provinces[p].owner != self.state.provinces[p].owner for p in self.board.ids
        )
        self.state = state
        if owners_changed:
            self._owner_of = self._owner_index()
            self.owners_version += 1
        self._palette_key = None

    def _owner_index(self) -> np.ndarray:
        number = {n: i for i, n in enumerate(self.state.nations)}
        return territory.owner_numbers(
            self.board, [number[self.state.provinces[p].owner] for p in self.board.ids]
        )

    def _territories(self, fit: float, level: int) -> Raster:
        label = territory.labels(self.board, fit * ZOOMS[level])
        return Raster(label, territory.base_pixels(self.board, label))

    def raster(self) -> Raster:
        """The territories at the current zoom, computed once per zoom level and kept."""
        r = self.rasters.get(self.zoom)
        if r is None:
            r = self.rasters[self.zoom] = self._territories(self.fit, self.zoom)
        if r.owners_version != self.owners_version or r.pixels is None:
            r.pixels = territory.with_state_lines(self.board, r.label, r.base, self._owner_of)
            r.surface = None
            r.owners_version = self.owners_version
        return r

    def prepare_zooms(self) -> None:
        """Compute the territories of every zoom level in a background thread, so zooming never stalls.

        Started by the first pointer movement over the board (a board only shown, like the menu's,
        never pays for it); results for a board since fitted to another size are dropped.
        """
        if self.warming is not None:
            return
        fit, levels = self.fit, range(1, self.max_zoom + 1)

        def work() -> None:
            for level in levels:
                if self.fit != fit:
                    return
                if level not in self.rasters:
                    raster = self._territories(fit, level)
                    if self.fit == fit:
                        self.rasters.setdefault(level, raster)

        self.warming = threading.Thread(target=work, daemon=True, name="map-zoom-levels")
        self.warming.start()

    def province_colour(self, province: str) -> Colour:
        """The colour a province is painted with now (its owner's, softened, or the lens's tint; plus any mark)."""
        owner = self.state.provinces[province].owner
        colour = self.tint.get(owner) or territory_colour(self.colours[owner])
        if province in self.marks:
            tint, share = MARK[self.marks[province]]
            colour = mix(colour, tint, share)
        if province == self.hover:
            colour = mix(colour, (255, 255, 255), 0.18)
        return colour

    def _colours(self) -> list[Colour]:
        """The colour of every pixel value: each province as painted now, then the sea, coast and lines."""
        return [self.province_colour(p) for p in self.board.ids] + [
            mix(PALETTE.sea_deep, PALETTE.ink, 0.22),  # the land's shadow
            PALETTE.sea_deep,
            PALETTE.sea,  # shallows
            PALETTE.coast,
            PALETTE.province_line,
            PALETTE.border,  # state borders
        ]

    def _coloured(self, raster: Raster) -> pygame.Surface:
        """The territories in their colours now: a palette change up to 250 provinces, else a colour lookup."""
        marks = tuple(sorted(self.marks.items()))
        key = (marks, self.hover, id(self.state), id(raster.pixels), self._tint_key())
        if raster.surface is not None and key == self._palette_key:
            return raster.surface
        colours = self._colours()
        if self.board.dtype == np.uint8:
            if raster.surface is None:
                raster.surface = pygame.surfarray.make_surface(np.ascontiguousarray(raster.pixels.T))
            raster.surface.set_palette(colours + [PALETTE.sea] * (256 - len(colours)))
        else:
            lookup = np.array(colours, dtype=np.uint8)
            raster.surface = pygame.surfarray.make_surface(lookup[raster.pixels.T])
        self._palette_key = key
        return raster.surface

    # input
    def handle_event(self, event: pygame.event.Event) -> MapClick | None:
        """Zoom, pan and hover; returns a click on the map (a province, or None for the sea)."""
        if event.type == pygame.MOUSEWHEEL and self.rect.collidepoint(self.mouse):
            self.zoom_at(self.mouse, int(event.y))
        elif event.type == pygame.MOUSEMOTION:
            if self.rect.collidepoint(event.pos):
                self.prepare_zooms()
            if self.press and not self.dragging:
                moved = abs(event.pos[0] - self.press[0]) + abs(event.pos[1] - self.press[1])
                self.dragging = moved >= DRAG_START
            if self.dragging:
                self.pan(event.pos[0] - self.mouse[0], event.pos[1] - self.mouse[1])
            self.mouse = event.pos
            self.hover = self.province_at(event.pos)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.rect.collidepoint(event.pos):
            self.press, self.dragging, self.mouse = event.pos, False, event.pos
        elif (
            event.type == pygame.MOUSEBUTTONUP
            and event.button in (1, 3)
            and self.rect.collidepoint(event.pos)
        ):
            was_drag = self.dragging and event.button == 1
            self.press, self.dragging = None, False
            if not was_drag:
                return MapClick(self.province_at(event.pos), event.button)
        elif event.type == pygame.MOUSEBUTTONUP:
            self.press, self.dragging = None, False
        return None

    # drawing
    def draw(self, surface: pygame.Surface) -> None:
        """Blit the board; its layers are drawn again only when something on them changed."""
        overlay_key = (
            self.zoom,
            round(self.offset[0]),
            round(self.offset[1]),
            tuple(self.rect),
            self.owners_version,
            id(self.state),
            tuple(self.arrows),
            tuple(vars(self.layers).values()),
        )
        if overlay_key != self._overlay_key or self._overlay is None:
            self._overlay = self._paint_overlay()
            self._overlay_key = overlay_key
        picture_key = (overlay_key, tuple(sorted(self.marks.items())), self.hover, self._tint_key())
        if picture_key != self._picture_key or self._picture is None:
            self._picture = self._compose()
            self._picture_key = picture_key
        surface.blit(self._picture, self.rect)

    def _tint_key(self) -> tuple:
        return tuple(sorted(self.tint.items()))

    def _compose(self) -> pygame.Surface:
        """The territories in their colours now (marks, hover), with the overlay on top."""
        picture = pygame.Surface(self.rect.size)
        picture.fill(PALETTE.sea_deep)
        raster = self.raster()
        picture.blit(self._coloured(raster), self.offset)
        picture.blit(self._overlay, (0, 0))
        return picture

    def _paint_overlay(self) -> pygame.Surface:
        """Sea routes, agreements, planned moves, names and pieces, over a transparent view-sized surface.

        Drawn with the view's top-left at (0, 0); what tooltips need is kept in those coordinates.
        """
        overlay = _grain(*self.rect.size).copy()
        self.frame = overlay.get_rect()
        try:
            self._crossings = (
                [(self._crossing(a, b), a, b) for a, b in self.board.sea] if self.layers.sea else []
            )
            self._lines = []
            for kind, line in self.agreement_lines():
                self._lines.append((kind, self._on_screen(kind, line), line))
            self._pieces = self.pieces()
            for (start, end), _, _ in self._crossings:
                k = self._k()
                paint.dashed_line(overlay, PALETTE.coast, start, end, max(1, round(k * 1.5)), 7 * k, 6 * k)
            if self.rect.w >= COMPASS_MIN_WIDTH:
                rose = paint.compass(round(26 * self.ui_scale), t("map.north"))
                corner = (overlay.get_width() - 12, overlay.get_height() - 12)
                overlay.blit(rose, rose.get_rect(bottomright=corner))
            self._draw_agreements(overlay)
            self._draw_arrows(overlay)
            self._draw_names(overlay)
            self._draw_pieces(overlay)
        finally:
            self.frame = self.rect
        return overlay

    def _k(self) -> float:
        """How big symbols are drawn: the UI scale, growing a little with the zoom, within the room between centres."""
        room = self.board.spacing * self.scale / SYMBOL_ROOM
        return max(MIN_SYMBOL, min(self.ui_scale * (0.85 + 0.15 * self.zoom), room))

    def _crossing(self, a: int, b: int) -> tuple[tuple[float, float], tuple[float, float]]:
        """The part of a sea link that lies over water, in window positions."""
        pa, pb = self.board.pos[a], self.board.pos[b]
        length = float(np.hypot(*(pb - pa)))
        u = (pb - pa) / max(length, 1e-9)
        start = pa + u * self.board.radius[a] * 0.92
        end = pb - u * self.board.radius[b] * 0.92
        return self.to_screen(*start), self.to_screen(*end)

    def agreement_lines(self) -> list[tuple[str, Line]]:
        """The agreements drawn now: (kind, segments and tooltip text), pacts first."""
        out: list[tuple[str, Line]] = []
        names = {n: x.name for n, x in self.state.nations.items()}
        for ag in self.state.agreements.values():
            caps = {m: self.state.provinces[self.state.nations[m].capital].pos for m in ag.members}
            members = ", ".join(names[m] for m in ag.members)
            if ag.kind == PACT and self.layers.pacts:
                text = [
                    t("map.pact", name=ag.name),
                    t("map.members", members=members),
                    t("map.cohesion", cohesion=ag.cohesion),
                ]
                out.append((PACT, Line(_tree(list(caps.values())), text)))
            elif ag.kind == GUARANTEE and self.layers.guarantees:
                line = t("map.guarantee_line", patron=names[ag.patron], client=names[ag.client])
                out.append(
                    (
                        GUARANTEE,
                        Line([(caps[ag.patron], caps[ag.client])], [t("map.guarantee", name=ag.name), line]),
                    )
                )
            elif ag.kind == BLOC and self.layers.blocs:
                text = [t("map.bloc", name=ag.name), t("map.members", members=members)]
                if ag.institution:
                    text.append(t("map.institution"))
                out.append((BLOC, Line(_tree(list(caps.values())), text, list(caps.values()))))
        return out

    def _on_screen(self, kind: str, line: Line) -> list[tuple[tuple[float, float], tuple[float, float]]]:
        """An agreement's segments in view positions; a guarantee's spoke bends, each of a hub's to its own side."""
        segments = [(self.to_screen(*a), self.to_screen(*b)) for a, b in line.segments]
        if kind != GUARANTEE:
            return segments
        ((start, end),) = segments
        spoke = sum(1 for k, other, _ in self._lines if k == GUARANTEE and other[0][0] == start)
        bend = 0.12 * (1 + spoke // 2) * (1 if spoke % 2 == 0 else -1)
        points = paint.arc_points(start, end, bend)
        return list(zip(points, points[1:], strict=False))

    def _draw_agreements(self, surface: pygame.Surface) -> None:
        k = self._k()
        pacts = 0
        hubs: set[tuple[float, float]] = set()
        for kind, segments, line in self._lines:
            if kind == PACT:
                colour = PACT_COLOURS[pacts % len(PACT_COLOURS)]
                pacts += 1
                for start, end in segments:
                    pygame.draw.line(surface, PALETTE.parchment_light, start, end, max(3, round(6 * k)))
                    pygame.draw.line(surface, colour, start, end, max(2, round(3 * k)))
            elif kind == GUARANTEE:
                hubs.add(segments[0][0])
                end = segments[-1][1]
                points = [a for a, _ in segments if math.dist(a, end) > 30 * k] or [segments[0][0]]
                tip = _short(points[-1], end, 14 * k)
                if len(points) > 1:
                    pygame.draw.lines(surface, GUARANTEE_COLOUR, False, points, max(2, round(3 * k)))
                paint.arrow(surface, GUARANTEE_COLOUR, points[-1], tip, max(2, round(3 * k)), 11 * k)
            else:
                for start, end in segments:
                    paint.dashed_line(surface, BLOC_COLOUR, start, end, max(1, round(2 * k)), 3 * k, 5 * k)
                for point in line.points:
                    centre = self.to_screen(*point)
                    paint.dotted_circle(surface, BLOC_COLOUR, centre, 17 * k, max(1, round(2 * k)), 7 * k)
        for hub in hubs:
            pygame.draw.circle(surface, GUARANTEE_COLOUR, hub, 16 * k, max(2, round(3 * k)))

    def _draw_arrows(self, surface: pygame.Surface) -> None:
        k = self._k()
        for source, dest, strength in self.arrows:
            start, end = self.centre_of(source), self.centre_of(dest)
            tip = _short(start, end, 10 * k)
            paint.arrow(surface, PALETTE.ink, start, tip, max(3, round(5 * k)), 16 * k)
            paint.arrow(
                surface, PALETTE.select, start, _short(start, end, 12 * k), max(1, round(3 * k)), 12 * k
            )
            mid = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
            paint.token(surface, mid, round(9 * k), PALETTE.select, str(strength))

    def _draw_names(self, surface: pygame.Surface) -> None:
        """Province names, capitals first, each above its centre or else below its pieces, never overlapping."""
        k = self._k()
        size = max(10, round(13 * k))
        taken = [rect for rect, *_ in self._pieces]
        capitals = {n.capital for n in self.state.nations.values() if n.alive}
        order = sorted(self.board.ids, key=lambda p: (p not in capitals, -self.state.provinces[p].production))
        for p in order:
            cx, cy = self.centre_of(p)
            if not self.frame.inflate(80, 40).collidepoint(cx, cy):
                continue
            capital = p in capitals
            name = self.state.provinces[p].name
            image = paint.halo_text(name, size, PALETTE.ink, PALETTE.parchment_light, capital)
            star = round(8 * k) if capital else 0  # room for the capital's star on the left
            below = (
                cy + round(30 * k) if p in self.state.forces and self.state.forces[p] else cy + round(4 * k)
            )
            places = (
                image.get_rect(midbottom=(cx + star, cy - round(3 * k))),
                image.get_rect(midtop=(cx + star, below)),
            )
            box = next((b for b in places if b.inflate(2, 0).collidelist(taken) < 0), None)
            if box is None:
                continue
            taken.append(box.inflate(star * 2, 0))
            surface.blit(image, box)
            if capital:
                paint.star(surface, (box.x - star, box.centery), 7 * k, PALETTE.gold, PALETTE.ink)

    def pieces(self) -> list[tuple[pygame.Rect, str, str, int]]:
        """Every force piece on screen: its rectangle, province, state and strength."""
        k = self._k()
        radius = round(12 * k)
        out = []
        for p, stack in self.state.forces.items():
            present = [(n, s) for n, s in stack.items() if s > 0]
            if not present:
                continue
            cx, cy = self.centre_of(p)
            width = 2 * radius + 2
            left = cx - (len(present) * width - 2) / 2 + radius
            for i, (nation, strength) in enumerate(present):
                centre = (left + i * width, cy + radius + round(3 * k))
                out.append(
                    (
                        pygame.Rect(0, 0, 2 * radius, 2 * radius).move(
                            centre[0] - radius, centre[1] - radius
                        ),
                        p,
                        nation,
                        strength,
                    )
                )
        return out

    def _draw_pieces(self, surface: pygame.Surface) -> None:
        for rect, _, nation, strength in self._pieces:
            if self.frame.colliderect(rect):
                paint.token(surface, rect.center, rect.w // 2, self.colours[nation], str(strength))

    # tooltips
    def tooltip_at(self, pos: tuple[int, int]) -> list[str]:
        """What the pointer is over: a piece, an agreement, a sea crossing or a province; [] for nothing."""
        if not self.rect.collidepoint(pos) or self._overlay is None:
            return []
        here = (pos[0] - self.rect.x, pos[1] - self.rect.y)
        names = {n: x.name for n, x in self.state.nations.items()}
        for rect, p, nation, strength in reversed(self._pieces):
            if rect.collidepoint(here):
                where = t("map.piece_where", province=self.state.provinces[p].name)
                return [t("map.piece", state=names[nation], strength=strength), where]
        reach = 6 * self._k()
        for source, dest, strength in self.arrows:
            start, end = (self.centre_of(p) for p in (source, dest))
            if _near(pos, start, end, reach * 1.5):
                names = {p: self.state.provinces[p].name for p in (source, dest)}
                return [t("map.planned_move", strength=strength, source=names[source], dest=names[dest])]
        for _, segments, line in self._lines:
            if any(_near(here, a, b, reach) for a, b in segments):
                return line.lines
        province = self.province_at(pos)
        if province:
            return self.province_lines(province)
        for (start, end), a, b in self._crossings:
            if _near(here, start, end, reach):
                pa, pb = (self.state.provinces[self.board.ids[i]].name for i in (a, b))
                return [t("map.sea_link", a=pa, b=pb), t("map.sea_note")]
        return []

    def province_lines(self, province: str) -> list[str]:
        prov = self.state.provinces[province]
        owner = self.state.nations[prov.owner]
        lines = [
            prov.name,
            t("map.owner", state=owner.name),
            t("map.production", production=f"{prov.production:g}"),
        ]
        if owner.capital == province:
            lines.append(t("map.capital", state=owner.name))
        stack = self.state.forces.get(province, {})
        present = [(n, s) for n, s in stack.items() if s > 0]
        lines += [t("map.forces", state=self.state.nations[n].name, strength=s) for n, s in present] or [
            t("map.no_forces")
        ]
        return lines + self.notes.get(prov.owner, [])


def _short(start: tuple[float, float], end: tuple[float, float], by: float) -> tuple[float, float]:
    """The end point moved back toward start by `by` pixels."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy)
    if length <= by:
        return end
    return end[0] - dx / length * by, end[1] - dy / length * by


def _near(p: tuple[int, int], a: tuple[float, float], b: tuple[float, float], reach: float) -> bool:
    """Whether point p lies within reach of the segment a-b."""
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    length2 = dx * dx + dy * dy
    u = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length2))
    return math.hypot(p[0] - ax - u * dx, p[1] - ay - u * dy) <= reach


def _tree(points: list) -> list[tuple]:
    """The shortest set of segments joining all points (a minimum spanning tree, Prim's)."""
    points = [tuple(p) for p in points]
    if len(points) < 2:
        return []
    joined, rest, out = [points[0]], points[1:], []
    while rest:
        a, b = min(((a, b) for a in joined for b in rest), key=lambda ab: math.dist(*ab))
        out.append((a, b))
        joined.append(b)
        rest.remove(b)
    return out


@functools.lru_cache(maxsize=4)
def _grain(width: int, height: int) -> pygame.Surface:
    """A faint paper grain: ink at a few percent of opacity, varying from pixel to pixel."""
    rng = np.random.default_rng(11)
    fine = rng.integers(0, 11, (width, height), dtype=np.uint8)
    coarse = rng.integers(0, 9, (width // 8 + 1, height // 8 + 1), dtype=np.uint8)
    grain = pygame.Surface((width, height), pygame.SRCALPHA)
    grain.fill((*PALETTE.ink, 0))
    alpha = pygame.surfarray.pixels_alpha(grain)
    alpha[:] = fine + coarse.repeat(8, 0).repeat(8, 1)[:width, :height]
    del alpha
    return grain
