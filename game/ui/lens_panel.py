"""The theory lens: a panel with four views (power, threat, network, cohesion) and the map's paint for each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pygame
import pygame_gui

from game.engine.metrics import Metrics
from game.engine.state import GameState
from game.lens import COMPONENTS, History, Lens, Threat, history_of
from game.ui import chart, paint, widgets
from game.ui.map_view import MapView
from game.ui.text import t
from game.ui.theme import PALETTE, Colour, font, mix

VIEWS = ("power", "threat", "network", "cohesion")
NATURAL_SIZE = (380, 430)  # what the panel's content needs at UI scale 1
COOL, HOT = (246, 236, 206), (178, 34, 28)  # the heat map's ends: no threat, the most threat
VIEWER = (70, 110, 170)  # the viewer's own land on the heat map
OUTSIDE = (196, 186, 166)  # land of states outside every agreement, on the network view
SOURCES = ("values", "purpose", "record")
MAX_CHIP_ROWS = 2  # more states than fit in these rows: choose the viewer with arrows


def heat_colour(threat: float, top: float) -> Colour:
    """A threat's colour on the heat map: the viewer's greatest threat (`top`) in full red."""
    return mix(COOL, HOT, max(0.0, min(1.0, threat / top))) if top > 0 else COOL


def fit(text: str, size: int, width: int) -> str:
    """The text, cut short with an ellipsis if it is wider than width pixels."""
    face = font(size)
    if face.size(text)[0] <= width:
        return text
    while text and face.size(text + "…")[0] > width:
        text = text[:-1]
    return text.rstrip() + "…"


@dataclass
class LensChoice:
    """What the lens shows; kept by the screen so it survives the panel being rebuilt."""

    open: bool = False
    view: str = "power"
    viewer: str | None = None  # the threat view's state (None: the selected one)


class LensPanel:
    """Draws the lens in a rectangle (redrawn only when what it shows changes) and says how to paint the map."""

    def __init__(
        self,
        manager: pygame_gui.UIManager,
        container,
        rect: pygame.Rect,
        scale: float,
        colours: dict[str, Colour],
        choice: LensChoice,
        opener: pygame_gui.elements.UIButton | None = None,
    ) -> None:
        self.rect, self.colours, self.choice, self.opener = rect, colours, choice, opener
        self.scale = min(scale, rect.w / NATURAL_SIZE[0], rect.h / NATURAL_SIZE[1])
        self.tabs: dict[pygame_gui.elements.UIButton, str] = {}
        pad, gap = self.px(14), self.px(4)
        texts = [font(round(13 * scale)).size(t(f"lens.{view}"))[0] for view in VIEWS]
        spare = (rect.w - 2 * pad - 3 * gap - sum(texts)) // len(VIEWS)  # shared out: a long name gets room
        x = rect.x + pad
        for view, text in zip(VIEWS, texts, strict=True):
            box = pygame.Rect(x, rect.y + self.px(12), text + spare, self.px(28))
            self.tabs[widgets.button(manager, container, box, f"lens.{view}", "@chip")] = view
            x = box.right + gap
        self.lens: Lens | None = None
        self.history: History | None = None
        self.selected: str | None = None
        self.chips: list[tuple[pygame.Rect, str]] = []  # the threat view's states, in panel positions
        self.tips: list[tuple[pygame.Rect, list[str]]] = []
        self.version = 0  # counts the moments and histories taken, for the caches' keys
        self._image: pygame.Surface | None = None
        self._key: tuple | None = None
        self._board_key: tuple | None = None
        self.set_open(choice.open)

    def px(self, value: float) -> int:
        return round(value * self.scale)

    # what is shown
    def set_open(self, shown: bool) -> None:
        self.choice.open = shown
        if self.opener is not None:
            self.opener.select() if shown else self.opener.unselect()
        for tab, view in self.tabs.items():
            tab.show() if shown else tab.hide()
            tab.select() if view == self.choice.view else tab.unselect()

    def toggle(self) -> None:
        self.set_open(not self.choice.open)

    def follow(
        self,
        board: MapView,
        state: GameState,
        metrics: Metrics,
        snapshots: list[dict[str, Any]],
        selected: str | None,
    ) -> None:
        """Take the moment shown and the selected state, and paint the board for the view (as usual when closed)."""
        if self.lens is None or self.lens.state is not state or self.lens.metrics is not metrics:
            self.lens, self.version = Lens(state, metrics), self.version + 1
        if self.history is None or len(self.history.turns) != len(snapshots):
            self.history, self.version = history_of(snapshots), self.version + 1
        if selected != self.selected:
            self.selected = self.choice.viewer = selected
        key = (self.version, self.choice.open, self.choice.view, self.viewer)
        if key != self._board_key:
            shown = self.choice.open
            board.tint, board.notes = (self.tint(), self.notes()) if shown else ({}, {})
            self._board_key = key

    @property
    def viewer(self) -> str:
        ids = self.lens.metrics.ids
        chosen = self.choice.viewer
        return chosen if chosen in self.lens.state.nations else (ids[0] if ids else "")

    def tint(self) -> dict[str, Colour]:
        """The threat view's heat map from the viewer's side, or the network view's members in their colours."""
        if self.choice.view == "threat":
            heat = self.lens.heat(self.viewer)
            top = max(heat.values(), default=0.0)
            return {
                n: VIEWER if n == self.viewer else heat_colour(heat[n], top) if n in heat else OUTSIDE
                for n in self.lens.state.nations
            }
        if self.choice.view == "network":
            inside = self.lens.network().members
            return {n: OUTSIDE for n in self.lens.state.nations if n not in inside}
        return {}

    def notes(self) -> dict[str, list[str]]:
        """The threat view's lines for each state's provinces on the board: its threat and components."""
        if self.choice.view != "threat":
            return {}
        return {x.nation: self.threat_lines(x) for x in self.lens.threats(self.viewer)}

    def threat_lines(self, threat: Threat) -> list[str]:
        """How threatening a state looks to the viewer, and why: Walt's four components."""
        name, viewer = self.name(threat.nation), self.name(self.viewer)
        return [
            t("lens.threat_row_tip", state=name, viewer=viewer, threat=threat.threat),
            t("panel.threat_tip", **threat.parts()),
        ]

    # input
    def handle_event(self, event: pygame.event.Event) -> bool:
        """The opener and L open or close the lens; the tabs choose a view, a chip the threat view's state."""
        pressed = event.ui_element if event.type == pygame_gui.UI_BUTTON_PRESSED else None
        key = event.type == pygame.KEYDOWN and event.key == pygame.K_l and not event.mod & pygame.KMOD_CTRL
        if self.opener is not None and (pressed is self.opener or key):
            self.toggle()
            return True
        if not self.choice.open:
            return False
        if pressed in self.tabs:
            self.choice.view = self.tabs[pressed]
            self.set_open(True)
            return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self.rect.collidepoint(event.pos):
            here = (event.pos[0] - self.rect.x, event.pos[1] - self.rect.y)
            chip = next((n for box, n in self.chips if box.collidepoint(here)), None)
            if chip:
                self.choice.viewer = chip
                return True
        return False

    def chip_at(self, nation: str) -> tuple[int, int]:
        """The window position of a state's chip in the threat view (for tests and tutorials)."""
        box = next(box for box, n in self.chips if n == nation)
        return box.centerx + self.rect.x, box.centery + self.rect.y

    def tooltip_at(self, pos: tuple[int, int]) -> list[str]:
        here = (pos[0] - self.rect.x, pos[1] - self.rect.y)
        return next((lines for box, lines in self.tips if box.collidepoint(here)), [])

    # drawing
    def draw(self, surface: pygame.Surface) -> None:
        key = (self.version, self.choice.view, self.viewer, tuple(self.rect))
        if key != self._key or self._image is None:
            self._image = self._paint()
            self._key = key
        surface.blit(self._image, self.rect)

    def _paint(self) -> pygame.Surface:
        image = pygame.Surface(self.rect.size, pygame.SRCALPHA)
        paint.card(image, image.get_rect().inflate(-8, -8), shadow=4)
        self.tips, self.chips = [], []
        pad = self.px(18)
        x, width = pad, self.rect.w - 2 * pad
        view = self.choice.view
        name = self.name(self.viewer) if self.viewer else ""
        y = self.px(50)
        for line in paint.wrap(t(f"lens.{view}_about", state=name), self.px(12), width):
            paint.draw_text(image, line, (x, y), self.px(12), PALETTE.ink_soft)
            y += self.px(16)
        y += self.px(6)
        pygame.draw.line(image, PALETTE.gold, (x, y), (x + width, y), 1)
        area = pygame.Rect(x, y + self.px(8), width, self.rect.h - y - self.px(8) - pad)
        getattr(self, f"_{view}")(image, area)
        return image

    def name(self, nation: str) -> str:
        return self.lens.state.nations[nation].name

    def _swatch(self, image: pygame.Surface, nation: str, centre: tuple[int, int], radius: int) -> None:
        pygame.draw.circle(image, self.colours[nation], centre, radius)
        pygame.draw.circle(image, PALETTE.ink, centre, radius, 1)

    def _bar(self, image: pygame.Surface, box: pygame.Rect, value: float, colour: Colour) -> None:
        pygame.draw.rect(image, PALETTE.parchment_dark, box, border_radius=3)
        filled = pygame.Rect(box.x, box.y, round(box.w * max(0.0, min(1.0, value))), box.h)
        pygame.draw.rect(image, colour, filled, border_radius=3)

    def _heading(self, image: pygame.Surface, text: str, x: int, y: int, *tip: str) -> int:
        """A heading (with a tip of these lines, if any); returns the y below it."""
        box = paint.draw_text(image, text, (x, y), self.px(14), PALETTE.wood, True, serif=True)
        if tip:
            self.tips.append((box, [text, *tip]))
        return y + self.px(22)

    def _more(self, image: pygame.Surface, count: int, x: int, y: int) -> int:
        if count > 0:
            paint.draw_text(image, t("lens.more", count=count), (x, y), self.px(12), PALETTE.ink_soft)
            y += self.px(17)
        return y

    # the four views
    def _power(self, image: pygame.Surface, area: pygame.Rect) -> None:
        history = self.history
        polarity = t(f"lens.polarities.{self.lens.metrics.polarity}")
        x, y = area.x, area.y
        runs = [
            t("lens.polarity_run", polarity=t(f"lens.polarities.{p}"), when=self._when(turn))
            for turn, p in history.polar_runs()
        ]
        heading = f"{t('lens.polarity', polarity=polarity)} · {self._when(history.polar_since())}"
        y = self._heading(image, heading, x, y, t("lens.polarity_tip"), *runs)
        row, least = self.px(19), self.px(90)  # the chart takes what the bars leave, at least `least`
        shares = self.lens.shares
        room = max(1, (area.bottom - least - self.px(28) - y) // row)
        shown = shares if len(shares) <= room else shares[: room - 1]
        label_w = area.w * 2 // 5
        for nation, share in shown:
            self._swatch(image, nation, (x + self.px(6), y + self.px(8)), self.px(6))
            paint.draw_text(image, self.name(nation), (x + self.px(18), y), self.px(13), PALETTE.ink)
            bar = pygame.Rect(x + label_w, y + self.px(4), area.w - label_w - self.px(44), self.px(9))
            self._bar(image, bar, share, self.colours[nation])
            paint.draw_text(
                image, f"{share:.0%}", (area.right, y), self.px(13), PALETTE.ink, True, "topright"
            )
            y += row
        y = self._more(image, len(shares) - len(shown), x, y) + self.px(8)
        y = self._heading(image, t("lens.over_time"), x, y)
        chart_h = area.bottom - y
        lines = [chart.Line(self.colours[n], values) for n, values in history.shares.items()]
        threshold = (self.lens.state.rules.hegemony_share, t("lens.hegemony"))
        self._over_time(image, pygame.Rect(x, area.bottom - chart_h, area.w, chart_h), lines, threshold)

    def _when(self, turn: int) -> str:
        return t("lens.polarity_since", turn=turn) if turn else t("lens.polarity_start")

    def _over_time(
        self, image: pygame.Surface, plot: pygame.Rect, lines: list[chart.Line], threshold: tuple | None
    ) -> None:
        """A chart of figures from the start to the turn shown."""
        last = self.history.turns[-1] if self.history.turns else 0
        labels = (t("lens.start"), t("lens.turn", turn=last))
        chart.draw_chart(image, plot, lines, labels, threshold, self.px(11))

    def _threat(self, image: pygame.Surface, area: pygame.Rect) -> None:
        x, y = area.x, area.y
        viewer = self.viewer
        label = paint.draw_text(
            image, t("lens.seen_from"), (x, y + self.px(2)), self.px(12), PALETTE.ink_soft
        )
        self.tips.append((label, [t("lens.seen_from"), t("lens.seen_from_tip")]))
        y = self._chips(image, x + label.w + self.px(8), y, area.right) + self.px(6)
        y = self._legend(image, x, y, area.w) + self.px(8)
        threats = self.lens.threats(viewer)
        if not threats:
            paint.draw_text(
                image, t("lens.fallen", state=self.name(viewer)), (x, y), self.px(13), PALETTE.ink
            )
            return
        name_w, total_w = area.w // 4, self.px(50)
        column = (area.w - name_w - total_w) // len(COMPONENTS)
        columns = {c: x + name_w + total_w + i * column for i, c in enumerate(COMPONENTS)}
        paint.draw_text(image, t("lens.total"), (x + name_w, y), self.px(11), PALETTE.ink_soft, True)
        for c, cx in columns.items():
            head = paint.draw_text(image, t(f"lens.components.{c}"), (cx, y), self.px(10), PALETTE.ink_soft)
            self.tips.append((head, [t(f"lens.components.{c}"), t(f"lens.component_tips.{c}")]))
        y += self.px(18)
        row = self.px(24)
        room = max(1, (area.bottom - y) // row)
        shown = threats if len(threats) <= room else threats[: room - 1]
        for threat in shown:
            self._threat_row(image, threat, threats[0].threat, (x, y, name_w, column), columns)
            y += row
        self._more(image, len(threats) - len(shown), x, y)

    def _threat_row(
        self,
        image: pygame.Surface,
        threat: Threat,
        top: float,
        place: tuple[int, ...],
        columns: dict[str, int],
    ) -> None:
        x, y, name_w, column = place
        self._swatch(image, threat.nation, (x + self.px(6), y + self.px(8)), self.px(6))
        name = self.name(threat.nation)
        clipped = fit(name, self.px(13), name_w - self.px(20))
        paint.draw_text(image, clipped, (x + self.px(18), y), self.px(13), PALETTE.ink)
        swatch = pygame.Rect(x + name_w, y, self.px(42), self.px(18))
        pygame.draw.rect(image, heat_colour(threat.threat, top), swatch, border_radius=3)
        pygame.draw.rect(image, PALETTE.ink_soft, swatch, 1, border_radius=3)
        paint.draw_text(
            image, f"{threat.threat:.2f}", swatch.center, self.px(12), PALETTE.ink, True, "center"
        )
        for c, value in threat.parts().items():
            cx = columns[c]
            paint.draw_text(image, f"{value:.2f}", (cx, y), self.px(11), PALETTE.ink)
            self._bar(
                image, pygame.Rect(cx, y + self.px(15), column - self.px(8), self.px(4)), value, PALETTE.wine
            )
        row = pygame.Rect(x, y, columns[COMPONENTS[-1]] + column - x, self.px(22))
        self.tips.append((row, self.threat_lines(threat)))

    def _chips(self, image: pygame.Surface, x0: int, y: int, right: int) -> int:
        """A chip per living state to choose the viewer with; when they would take more than two rows, the
        viewer's chip between arrows to the previous and the next state. Returns the y below them."""
        ids = self.lens.metrics.ids
        chips = [(self.name(n), n) for n in ids]
        laid = self._lay(chips, x0, y, right)
        if len({box.y for box, *_ in laid}) > MAX_CHIP_ROWS and self.viewer in ids:
            i = ids.index(self.viewer)
            chips = [("‹", ids[i - 1]), (self.name(self.viewer), self.viewer), ("›", ids[(i + 1) % len(ids)])]
            laid = self._lay(chips, x0, y, right)
        for box, label, text, nation in laid:
            named = label == self.name(nation)  # a state's chip, not an arrow
            chosen = named and nation == self.viewer
            fill = mix(PALETTE.parchment, PALETTE.select, 0.6) if chosen else PALETTE.parchment_light
            radius = box.h // 2
            pygame.draw.rect(image, fill, box, border_radius=radius)
            edge = (PALETTE.ink, 2) if chosen else (PALETTE.gold, 1)
            pygame.draw.rect(image, edge[0], box, edge[1], border_radius=radius)
            if named:
                self._swatch(image, nation, (box.x + self.px(10), box.centery), self.px(5))
                image.blit(text, text.get_rect(midleft=(box.x + self.px(18), box.centery)))
            else:
                image.blit(text, text.get_rect(center=box.center))
            self.chips.append((box, nation))
        return laid[-1][0].bottom if laid else y

    def _lay(
        self, chips: list[tuple[str, str]], x0: int, y: int, right: int
    ) -> list[tuple[pygame.Rect, str, pygame.Surface, str]]:
        """Chips placed left to right from x0, wrapping at right: each box, its label drawn and its state."""
        x, h, out = x0, self.px(20), []
        for label, nation in chips:
            text = paint.text_surface(label, self.px(11), PALETTE.ink, nation == self.viewer)
            box = pygame.Rect(x, y, text.get_width() + self.px(24), h)
            if box.right > right and x > x0:
                x, y = x0, y + h + self.px(4)
                box.topleft = (x, y)
            out.append((box, label, text, nation))
            x = box.right + self.px(4)
        return out

    def _legend(self, image: pygame.Surface, x: int, y: int, width: int) -> int:
        """The heat map's scale: from no threat to the most, and the viewer's own colour."""
        low = paint.draw_text(image, t("lens.low"), (x, y), self.px(11), PALETTE.ink_soft)
        high = paint.text_surface(t("lens.high"), self.px(11), PALETTE.ink_soft)
        ramp = pygame.Rect(
            low.right + self.px(6),
            y + self.px(3),
            width - low.w - high.get_width() - self.px(40),
            self.px(10),
        )
        for i in range(ramp.w):
            pygame.draw.line(
                image, heat_colour(i, ramp.w - 1), (ramp.x + i, ramp.y), (ramp.x + i, ramp.bottom)
            )
        pygame.draw.rect(image, PALETTE.ink_soft, ramp, 1)
        image.blit(high, (ramp.right + self.px(6), y))
        you = pygame.Rect(x + width - self.px(14), y + self.px(1), self.px(14), self.px(14))
        pygame.draw.rect(image, VIEWER, you, border_radius=3)
        self.tips.append((you, [self.name(self.viewer)]))
        return y + self.px(16)

    def _network(self, image: pygame.Surface, area: pygame.Rect) -> None:
        network = self.lens.network()
        x, y = area.x, area.y
        text = t("lens.hierarchy", value=network.hierarchy)
        y = self._heading(image, text, x, y, t("lens.hierarchy_tip"))
        self._bar(image, pygame.Rect(x, y, area.w, self.px(8)), network.hierarchy, PALETTE.gold)
        y += self.px(18)

        def listed(name: str, members: list[str]) -> tuple[str, str]:
            return members[0], f"{name}: {', '.join(self.name(n) for n in members)}"

        hubs = [
            (
                patron,
                t("lens.hub", patron=self.name(patron), clients=", ".join(self.name(c) for c in clients)),
            )
            for patron, clients in network.hubs.items()
        ]
        groups = (
            ("lens.hubs", hubs),
            ("lens.pacts", [listed(*pact) for pact in network.pacts]),
            ("lens.blocs", [listed(*bloc) for bloc in network.blocs]),
        )
        for key, lines in groups:
            y = self._heading(image, t(key), x, y + self.px(4))
            if not lines:
                paint.draw_text(image, t("lens.none"), (x, y), self.px(12), PALETTE.ink_soft)
                y += self.px(17)
            for lead, line in lines:
                for i, part in enumerate(paint.wrap(line, self.px(12), area.w - self.px(18))):
                    if y + self.px(16) > area.bottom:
                        return
                    if i == 0:
                        self._swatch(image, lead, (x + self.px(5), y + self.px(8)), self.px(5))
                    paint.draw_text(image, part, (x + self.px(16), y), self.px(12), PALETTE.ink)
                    y += self.px(16)
        if area.bottom - y >= self.px(110):  # room left: the hierarchy index over time
            y = self._heading(
                image, t("lens.hierarchy_over_time"), x, y + self.px(8), t("lens.hierarchy_tip")
            )
            self._over_time(
                image,
                pygame.Rect(x, y, area.w, area.bottom - y),
                [chart.Line(PALETTE.gold, self.history.hierarchy)],
                None,
            )

    def _cohesion(self, image: pygame.Surface, area: pygame.Rect) -> None:
        pacts = self.lens.cohesion()
        x, y = area.x, area.y
        if not pacts:
            for line in paint.wrap(t("lens.no_pacts"), self.px(13), area.w):
                paint.draw_text(image, line, (x, y), self.px(13), PALETTE.ink_soft)
                y += self.px(18)
            return
        block = self.px(66)
        room = max(1, (area.bottom - y) // block)
        shown = pacts if len(pacts) <= room else pacts[: room - 1]
        column = area.w // len(SOURCES)
        for pact in shown:
            paint.draw_text(image, pact.name, (x, y), self.px(14), PALETTE.ink, True)
            text = t("lens.pact_cohesion", cohesion=pact.cohesion)
            paint.draw_text(image, text, (area.right, y), self.px(13), PALETTE.ink, True, "topright")
            members = ", ".join(self.name(m) for m in pact.members)
            paint.draw_text(
                image,
                fit(members, self.px(11), area.w),
                (x, y + self.px(18)),
                self.px(11),
                PALETTE.ink_soft,
            )
            self._bar(
                image, pygame.Rect(x, y + self.px(33), area.w, self.px(6)), pact.cohesion / 100, PALETTE.peace
            )
            for i, source in enumerate(SOURCES):
                value = getattr(pact, source)
                cx = x + i * column
                label = paint.draw_text(
                    image,
                    f"{t(f'lens.sources.{source}')} {value:.2f}",
                    (cx, y + self.px(42)),
                    self.px(11),
                    PALETTE.ink,
                )
                self._bar(
                    image,
                    pygame.Rect(cx, y + self.px(56), column - self.px(10), self.px(4)),
                    value,
                    PALETTE.wine,
                )
                self.tips.append(
                    (
                        label.inflate(0, self.px(10)),
                        [t(f"lens.sources.{source}"), t(f"lens.source_tips.{source}")],
                    )
                )
            y += block
        self._more(image, len(pacts) - len(shown), x, y)
